"""Highlighting article text: well-formed HTML, every piece of text escaped, marks nested or cut
at the right places."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

from hypothesis import given
from hypothesis import strategies as st

from akhbar.web.highlight import Mark, article_marks, entity_href, format_number, render

TAG = re.compile(r"<[^>]*>")


class _Checker(HTMLParser):
    """Collects the text and checks that every element closes in order."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.text: list[str] = []
        self.tags: list[str] = []
        self.bad = False

    def handle_starttag(self, tag, attrs):  # noqa: ANN001
        self.stack.append(tag)
        self.tags.append(tag)

    def handle_endtag(self, tag):  # noqa: ANN001
        if not self.stack or self.stack.pop() != tag:
            self.bad = True

    def handle_data(self, data):  # noqa: ANN001
        self.text.append(data)


def parse(markup: str) -> _Checker:
    p = _Checker()
    p.feed(markup)
    p.close()
    return p


def test_no_marks_is_just_escaped_text():
    assert str(render("<b>a & b</b>", [])) == "&lt;b&gt;a &amp; b&lt;/b&gt;"


def test_a_mark_wraps_its_span_with_a_tooltip():
    out = str(render("Putin said", [Mark(0, 5, "entity", "Vladimir Putin · person", "/entities/person/vladimir-putin", "t-person")]))
    assert out == ('<a class="m m-entity t-person" href="/entities/person/vladimir-putin" '
                   'title="Vladimir Putin · person">Putin</a> said')


def test_nested_marks_open_outer_first():
    out = str(render("he said Putin won", [Mark(8, 13, "entity", "p"), Mark(3, 17, "quote", "q")]))
    assert out == 'he <span class="m m-quote" title="q">said <span class="m m-entity" title="p">Putin</span> won</span>'


def test_crossing_marks_are_cut_and_reopened():
    out = str(render("abcdef", [Mark(0, 4, "quote"), Mark(2, 6, "date")]))
    assert out == ('<span class="m m-quote">ab<span class="m m-date">cd</span></span>'
                   '<span class="m m-date">ef</span>')
    assert not parse(out).bad


def test_a_link_inside_a_link_becomes_a_span():
    out = str(render("TASS said", [Mark(0, 9, "citation", "cites TASS", "/entities/outlet/tass"),
                                   Mark(0, 4, "entity", "TASS", "/entities/outlet/tass")]))
    assert out.count("<a ") == 1 and out.count("</a>") == 1
    assert not parse(out).bad


def test_hostile_text_and_tooltips_are_escaped():
    text = "<script>alert(1)</script> \"'><img src=x onerror=alert(1)>"
    out = str(render(text, [Mark(0, 8, "entity", "\"><script>alert(2)</script>", "/x\"onmouseover=alert(3)")]))
    assert "<script>" not in out and "<img" not in out
    assert "onmouseover=alert(3)" not in out.replace("&#34;onmouseover", "")
    assert parse(out).tags == ["a"]
    assert html.unescape(TAG.sub("", out)) == text


def test_render_a_range_clips_marks():
    out = str(render("0123456789", [Mark(2, 6, "date")], 4, 8))
    assert out == '<span class="m m-date">45</span>67'


def test_entity_href_keeps_slashes_and_quotes_the_rest():
    assert entity_href("person/vladimir-putin") == "/entities/person/vladimir-putin"
    assert entity_href("new/person/علی رضا") == "/entities/new/person/%D8%B9%D9%84%DB%8C%20%D8%B1%D8%B6%D8%A7"
    assert entity_href("x?y#z") == "/entities/x%3Fy%23z"


def test_format_number():
    assert format_number(7000.0) == "7,000"
    assert format_number(0.5) == "0.5"
    assert format_number(None) == ""


def test_article_marks_cover_every_kind():
    article = {
        "entities": [{"id": "person/vladimir-putin", "kb_id": "person/vladimir-putin", "label": "Vladimir Putin",
                      "type": "person", "mentions": [{"start": 0, "end": 5, "text": "Putin", "how": "name"}]}],
        "dates": [{"start": 10, "end": 14, "text": "1991", "calendar": "gregorian", "value": "1991-12-21",
                   "stated": "1991-12-21", "role": "background"}],
        "quantities": [{"start": 20, "end": 25, "text": "5 to 7", "value": None, "low": 5000, "high": 7000,
                        "unit": None, "counted": "people"}],
        "quotes": [{"start": 30, "end": 40, "text": "x", "speaker": "Vladimir Putin", "cue": "said",
                    "cue_start": 26, "cue_end": 29, "kind": "direct"}],
        "citations": [{"start": 41, "end": 45, "outlet": "TASS", "outlet_id": "outlet/tass", "role": "cited", "via": None}],
    }
    kinds = {m.kind: m for m in article_marks(article)}
    assert set(kinds) == {"entity", "date", "quantity", "quote", "cue", "citation"}
    assert kinds["date"].title.startswith("gregorian date → 1991-12-21") and "background" in kinds["date"].title
    assert kinds["quantity"].title == "number: 5,000–7,000 people"
    assert kinds["entity"].href == "/entities/person/vladimir-putin"
    assert kinds["citation"].title == "cites: TASS"


texts = st.text(alphabet=st.sampled_from(list("ab <>&\"'\u200cپوتینبوتين\n")), max_size=40)


@st.composite
def text_and_marks(draw):  # noqa: ANN001
    text = draw(texts)
    n = len(text)
    marks = []
    for _ in range(draw(st.integers(0, 6))):
        a = draw(st.integers(0, n))
        b = draw(st.integers(a, n))
        kind = draw(st.sampled_from(["quote", "citation", "cue", "entity", "date", "quantity", "hit"]))
        href = draw(st.sampled_from([None, "/entities/x", "/\"><script>"]))
        marks.append(Mark(a, b, kind, draw(texts), href))
    lo = draw(st.integers(0, n))
    hi = draw(st.integers(lo, n))
    return text, marks, lo, hi


@given(text_and_marks())
def test_render_is_well_formed_and_keeps_the_text(case):  # noqa: ANN001
    text, marks, lo, hi = case
    out = str(render(text, marks, lo, hi))
    checked = parse(out)
    assert not checked.bad and not checked.stack
    assert set(checked.tags) <= {"span", "a"}
    assert "".join(checked.text) == text[lo:hi]
