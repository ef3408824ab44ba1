"""Properties of the plain-text cleaner on generated texts (hypothesis).

Whatever the input: every non-blank line is accounted for exactly once (title, a paragraph or a
removed line), spans point at the stripped line in the original text, paragraphs are in order,
the text and its id are the input's, and a failure is a CleanError, nothing else.
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from akhbar.clean import CleanError, clean
from akhbar.options import Options
from akhbar.records import RawDoc, content_id

OPTIONS = Options()

PIECES = [
    "Ru En", "نظر شما", "captcha", "منبع: فارس", "المصدر: تاس", "وكالات", "انتهای پیام/", "/انتهى/",
    "Источник: ТАСС", "Фото: ТАСС", "Source: Reuters", "Share", "Home | World | Sport", "www.example.com",
    "٢٦ أكتوبر ٢٠٢٢", "۴ آبان ۱۴۰۱", "26 October 2022", "* * *", "Tags: oil", "Read more:",
    "پوتین: همکاری امنیتی گسترش می‌یابد",
    "وقال بوتين إن قواتنا المسلحة خلال توجيهها الضربات من الجو والبحر على أهداف متفق عليها مع الجيش السوري.",
    "رئیس جمهور روسیه در نشست سران کشورهای مستقل مشترک‌المنافع گفت که همکاری‌های امنیتی باید گسترش یابد.",
    "Президент России провел совещание с постоянными членами Совета безопасности в среду вечером.",
    "Oil prices rose for a third day on Friday after producers signalled deeper output cuts in the spring.",
    "The list:", "Lions - Eagles", "Analysts still expect a tight market.",
]

line = st.one_of(st.sampled_from(PIECES), st.text(max_size=60), st.sampled_from(["", " ", "\u00a0", "\t"]))
texts = st.lists(line, min_size=1, max_size=30).flatmap(
    lambda rows: st.sampled_from(["\n", "\r\n", "\n\n"]).map(lambda sep: sep.join(rows))
)


def _nonblank(text: str) -> list[str]:
    sep = "\n" if "\n" in text else "\r"
    return [r.strip() for r in text.split(sep) if r.strip()]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts, st.one_of(st.none(), st.sampled_from(PIECES), st.text(max_size=30)))
def test_every_line_is_accounted_for(text, title):
    try:
        article = clean(RawDoc(source="t", path="t", content=text, title=title), OPTIONS)
    except CleanError:
        return
    # a given title not already at the top is put there, so it has offsets like the rest
    # (a title is one line: clean folds its whitespace, so "a\rb" is put there as "a b")
    assert article.text == text or article.text == " ".join(title.split()) + "\n\n" + text
    assert article.id == content_id(article.text)
    text = article.text
    spans = [(p.start, p.end) for p in article.paragraphs]
    spans += [(r.start, r.end) for r in article.removed]
    if article.title_span:
        spans.append((article.title_span.start, article.title_span.end))
    pieces = sorted(spans)
    for (s1, e1), (s2, e2) in zip(pieces, pieces[1:]):
        assert e1 <= s2  # no line used twice
    for s, e in pieces:
        assert 0 <= s < e <= len(text)
        assert text[s:e] == text[s:e].strip()
    # a hard-wrapped text may join lines into blocks; otherwise one span per non-blank line
    joined = sorted(" ".join(text[s:e].split()) for s, e in pieces)
    lines = _nonblank(text)
    if len(pieces) == len(lines):
        assert joined == sorted(" ".join(x.split()) for x in lines)
    else:
        assert len(pieces) < len(lines)
    starts = [p.start for p in article.paragraphs]
    assert starts == sorted(starts)
    for r in article.removed:
        assert r.kind in ("boilerplate", "source", "dateline") and r.reason
        assert text[r.start : r.end] == r.text
    if article.title_span:
        assert text[article.title_span.start : article.title_span.end] == article.title


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=400))
def test_arbitrary_text_cleans_or_raises_clean_error(text):
    try:
        article = clean(RawDoc(source="t", path="t", content=text), OPTIONS)
    except CleanError as exc:
        assert str(exc)
    else:
        assert article.paragraphs


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet=st.sampled_from("<>/divpa b!-\"'=span"), max_size=300))
def test_arbitrary_markup_cleans_or_raises_clean_error(html):
    try:
        clean(RawDoc(source="t", path="t", content=html, format="html"), OPTIONS)
    except CleanError as exc:
        assert str(exc)
