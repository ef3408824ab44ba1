"""HTML cleaning: trafilatura with ZWNJ kept, metadata, the depth guard."""

from __future__ import annotations

import pytest

from akhbar.clean import CleanError, clean
from akhbar.clean.html import nesting_depth, protect_joiners, restore_joiners
from akhbar.options import Options
from akhbar.records import RawDoc

ZWNJ, ZWJ = "\u200c", "\u200d"

FA_PARA = ("رئیس‌جمهور روسیه در نشست سران کشورهای مشترک‌المنافع گفت که همکاری‌های امنیتی میان "
           "کشورها باید گسترش یابد و سرویس‌های اطلاعاتی اطلاعات بیشتری مبادله کنند. ")


def persian_page(extra: str = "") -> str:
    return f"""<!DOCTYPE html><html lang="fa" dir="rtl"><head>
<title>پوتین: همکاری‌های امنیتی گسترش می‌یابد | خبرگزاری نمونه</title>
<meta property="og:site_name" content="خبرگزاری نمونه">
<meta name="author" content="علی رضایی">
<meta property="article:published_time" content="2022-10-26T10:00:00+03:30">
</head><body>
<nav><ul><li><a href="/">صفحه اصلی</a></li><li><a href="/world">بین‌الملل</a></li></ul></nav>
<article><h1>پوتین: همکاری‌های امنیتی گسترش می‌یابد</h1>
<p>{FA_PARA * 2}</p><p>{FA_PARA}</p>{extra}<p>منبع: فارس</p></article>
<footer><p>کلیه حقوق این سایت محفوظ است</p></footer></body></html>"""


def clean_html(html: str, **kw):
    return clean(RawDoc(source="page.html", path="page.html", content=html, format="html", **kw), Options())


def test_zwnj_survives_extraction():
    article = clean_html(persian_page())
    assert "همکاری\u200cهای" in article.body
    assert "رئیس\u200cجمهور" in article.body
    assert ZWNJ in article.title
    assert article.text.count(ZWNJ) >= 8
    assert "\U0001d306" not in article.text  # no placeholder left behind


def test_metadata_and_source_line():
    article = clean_html(persian_page())
    assert article.title == "پوتین: همکاری\u200cهای امنیتی گسترش می\u200cیابد"
    assert article.published == "2022-10-26"
    assert article.publisher == "خبرگزاری نمونه"
    assert article.author == "علی رضایی"
    assert article.credits == ("فارس",)
    assert [r.kind for r in article.removed if r.text == "منبع: فارس"] == ["source"]
    assert "صفحه اصلی" not in article.body
    # the title line is in the text and pointed at, not in the body
    assert article.title_span is not None
    assert article.text[article.title_span.start : article.title_span.end] == article.title
    assert article.title not in article.body


def test_container_metadata_wins():
    article = clean_html(persian_page(), published="2022-10-27", publisher="Example", url="https://example.org/a")
    assert (article.published, article.publisher, article.url) == ("2022-10-27", "Example", "https://example.org/a")


def test_placeholders_round_trip_and_avoid_characters_in_the_page():
    html = f"a{ZWNJ}b{ZWJ}c \U0001d306"
    protected, back = protect_joiners(html)
    assert ZWNJ not in protected and ZWJ not in protected
    assert "\U0001d306" not in back  # already in the page: not used as a placeholder
    assert restore_joiners(protected, back) == html
    assert protect_joiners("no joiners") == ("no joiners", {})


def test_deep_nesting_is_refused_before_parsing():
    deep = "<html><body>" + "<div>" * 3000 + "text" + "</div>" * 3000 + "</body></html>"
    with pytest.raises(CleanError, match="nested deeper than 500"):
        clean_html(deep)
    with pytest.raises(CleanError, match="deeper than 50 "):
        clean(RawDoc(source="x", path="x", content="<div>" * 60, format="html"), Options(max_html_depth=50))


def test_nesting_depth_follows_html_rules():
    assert nesting_depth("<div><p>a</p><p>b</p></div>", 100) == 2
    assert nesting_depth("<ul>" + "<li><b>item" * 1000 + "</ul>", 100) == 3  # implied </li>
    assert nesting_depth("<p>one<p>two<p>three", 100) == 1  # implied </p>
    assert nesting_depth("<br><img src=x><hr/><input>", 100) == 0  # void elements
    assert nesting_depth("<script>if (a<b) { s = '<div><div><div>' }</script><div></div>", 100) == 1
    assert nesting_depth("<!-- <div><div><div> --><span></span>", 100) == 1
    assert nesting_depth("<div>" * 1000, 10) == 11  # stops just past the limit


@pytest.mark.parametrize("html", ["", "   ", "<html><body></body></html>", "<html><body><nav>Home</nav></body></html>"])
def test_pages_without_text_raise(html):
    with pytest.raises(CleanError, match="no article text"):
        clean_html(html)


def test_clean_error_is_a_value_error():
    assert issubclass(CleanError, ValueError)
