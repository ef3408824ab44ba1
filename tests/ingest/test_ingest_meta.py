"""Container metadata: dates to ISO, markup sniffing, field aliases of JSON records."""

from __future__ import annotations

import pytest

from akhbar.ingest.meta import clean_inline, field_text, iso_date, looks_like_html, record_to_doc
from akhbar.options import Options
from akhbar.records import IngestError, RawDoc


@pytest.mark.parametrize("value, expected", [
    ("2015-07-21", "2015-07-21"),
    ("2015-07-21 02:51:32", "2015-07-21"),
    ("2015-07-21T23:30:00-05:00", "2015-07-21"),  # the date as written, not moved to UTC
    ("2015/7/1", "2015-07-01"),
    ("20150721", "2015-07-21"),
    ("Tue, 21 Jul 2015 10:00:00 +0000", "2015-07-21"),
    ("Tue, 21 Jul 2015 10:00:00 GMT", "2015-07-21"),
    ("21 July 2015", "2015-07-21"),
    ("July 21, 2015", "2015-07-21"),
    ("Jul 21st 2015, 10:00", "2015-07-21"),
    ("21.07.2015", "2015-07-21"),
    ("21/07/2015", "2015-07-21"),
    ("07/21/2015", "2015-07-21"),
    ("٢٠١٥-٠٧-٢١", "2015-07-21"),  # Arabic-Indic digits
    ("۱۴۰۲-۰۱-۰۵", "1402-01-05"),  # a Solar Hijri ISO-like date stays as written (valid as a date)
    (1437436800, "2015-07-21"),
    (1437436800000, "2015-07-21"),
    ("1437436800", "2015-07-21"),
    ({"$date": "2015-07-21T00:00:00Z"}, "2015-07-21"),
])
def test_iso_date(value, expected):
    assert iso_date(value) == expected


@pytest.mark.parametrize("value", [None, "", "yesterday", "05/07/2015", "2015-13-40", "٢٦ أكتوبر ٢٠٢٢",
                                   True, [2015], "Foo 99, 2015"])
def test_iso_date_unparseable(value):
    assert iso_date(value) is None


def test_looks_like_html():
    assert looks_like_html("<p>Hello</p>")
    assert looks_like_html("text<br/>more")
    assert looks_like_html('<div class="x">a</div>')
    assert not looks_like_html("5 < 7 and 8 > 3")
    assert not looks_like_html("a <b-list> of things? no: <3 you")
    assert not looks_like_html("plain text")


def test_clean_inline():
    assert clean_inline("  <b>Putin</b> &amp; the   CIS ") == "Putin & the CIS"
    assert clean_inline("   ") is None
    assert clean_inline(None) is None


def test_field_text_unwraps():
    assert field_text({"rendered": "<p>x</p>"}) == "<p>x</p>"
    assert field_text({"id": "tass", "name": "TASS"}) == "TASS"
    assert field_text(["A", "B"]) == "A, B"
    assert field_text(12) == "12"
    assert field_text(None) is None


def test_record_aliases():
    opts = Options(workers=1)
    doc = record_to_doc({"Title": "T", "Body": "text", "Link": "http://x/1", "pubDate": "Tue, 21 Jul 2015 10:00:00 GMT",
                         "Publisher": "TASS", "authors": ["A", "B"]}, "f.json", 3, "utf-8", opts)
    assert isinstance(doc, RawDoc)
    assert (doc.title, doc.content, doc.url, doc.source, doc.published, doc.publisher, doc.author) == (
        "T", "text", "http://x/1", "http://x/1", "2015-07-21", "TASS", "A, B")
    assert doc.format == "text" and doc.path == "f.json" and doc.encoding == "utf-8"

    doc = record_to_doc({"content": {"rendered": "<p>hi</p>"}, "source": {"id": None, "name": "BBC"}}, "f.json", 2,
                        None, opts)
    assert (doc.format, doc.source, doc.publisher) == ("html", "f.json#2", "BBC")

    err = record_to_doc({"title": "only a title", "text": "   "}, "f.json", 7, None, opts)
    assert isinstance(err, IngestError) and err.path == "f.json#7" and "no text" in err.error


def test_record_too_long():
    err = record_to_doc({"text": "x" * 101}, "f.jsonl", 1, None, Options(workers=1, max_article_chars=100))
    assert isinstance(err, IngestError) and "too long" in err.error
