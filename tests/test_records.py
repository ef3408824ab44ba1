from array import array

import pytest
from hypothesis import given
from hypothesis import strategies as st

from akhbar.records import Article, NormalizedText, RawDoc, RemovedLine, Span, content_id


def test_content_id_ignores_line_endings_and_outer_whitespace():
    assert content_id("a\r\nb\n") == content_id("  a\nb")
    assert content_id("a b") != content_id("a  b")
    assert len(content_id("x")) == 16


def test_content_id_is_nfc_invariant():
    decomposed = "\u0627\u0653"  # alef + madda above
    assert content_id(decomposed) == content_id("\u0622")


def test_rawdoc_rejects_unknown_format():
    with pytest.raises(ValueError, match="format"):
        RawDoc(source="x", path="x", content="y", format="pdf")


def test_article_round_trips_through_dict():
    text = "Title\n\nBody one.\nJunk"
    art = Article(
        id=content_id(text), source="s.txt", path="s.txt", format="text", text=text,
        title="Title", title_span=Span(0, 5), paragraphs=(Span(7, 16),),
        removed=(RemovedLine(17, 21, "Junk", "boilerplate", "short line"),),
        credits=("Fars",), lang="en", lang_confidence=0.9,
        norm_body=NormalizedText("Body one.", array("i", range(7, 17))),
    )
    assert art.body == "Body one."
    again = Article.from_dict(art.as_dict())
    assert again == art


@given(st.integers(0, 50), st.integers(0, 50))
def test_original_span_stays_in_bounds(a, b):
    start, end = sorted((a, b))
    text = "x" * 50
    norm = NormalizedText(text, array("i", range(0, 51)))
    s, e = norm.original_span(start, end)
    assert 0 <= s <= e <= 50
    assert (s, e) == (start, end)


def test_original_span_covers_expansions():
    # two normalized chars from one original char (e.g. an inserted ZWNJ maps onto its neighbour)
    norm = NormalizedText("ab", array("i", [3, 3, 4]))
    assert norm.original_span(0, 1) == (3, 4)
    with pytest.raises(ValueError):
        norm.original_span(0, 3)
