"""Property tests: the date analysis never raises and its spans always point into the text."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from _dates_helpers import CONTEXT, check_spans, make_article

from akhbar.analyze.dates import analyze_dates
from akhbar.analyze.relative import find_relative
from akhbar.normalize import normalize

# words the analysis reacts to, mixed with digits, punctuation and other letters
VOCAB = [
    "امروز", "روز گذشته", "جمعه", "روز", "گذشته", "دیروز", "آذر", "1380", "۱۴۰۱/۰۸/۰۴", "(", ")",
    "اليوم", "أمس", "الجمعة", "الماضي", "يوم", "أكتوبر", "٢٦", "2022", "هـ", "الموافق", "رمضان",
    "сегодня", "вчера", "в", "пятницу", "октября", "года", "today", "on", "Friday", "last", "week",
    "October", "26", "founded", "will", "تاسیس", "منذ", "«", "»", "،", ",", ".", "\n", "\n\n",
    "\u200c", "-", "/", "0", "31", "1991", "Today", "USA",
]
texts = st.lists(st.one_of(st.sampled_from(VOCAB), st.text(max_size=6)), max_size=40).map(" ".join)
langs = st.sampled_from(["fa", "ar", "ru", "en", "de", None])
published = st.one_of(st.none(), st.sampled_from(["2022-10-26", "0001-01-01", "9999-12-31",
                                                    "not a date", "2015-07-21 02:51:32"]))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts, langs, published, st.booleans())
def test_analyze_dates_never_raises_and_spans_are_valid(text, lang, pub, title):
    text = "T\n\n" + text if title else text
    if not text.strip():
        return
    article = make_article(text, lang, title=title and bool(text.split("\n\n")[0].strip()),
                           published=pub)
    if not article.paragraphs:
        return
    a = analyze_dates(article, CONTEXT)
    check_spans(a)
    assert sum(d.role == "event" for d in a.dates) <= 1
    if pub is not None:
        assert a.published == pub  # a given publication date is kept as given
    for d in a.dates:
        assert d.calendar in ("gregorian", "jalali", "hijri", "relative")
        assert d.role in ("", "event", "background", "publication")


@settings(max_examples=300, deadline=None)
@given(texts, langs)
def test_find_relative_spans(text, lang):
    nt = normalize(text, lang)
    found, anchors = find_relative(nt.text, lang)
    last = 0
    for r in found:
        assert last <= r.start < r.end <= len(nt.text)
        assert nt.text[r.start:r.end] == r.text
        last = r.end
    assert anchors == []  # no absolute dates given
