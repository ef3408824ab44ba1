"""Property tests: rendered dates are found exactly; arbitrary text never breaks the parser."""

from __future__ import annotations

import datetime

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from akhbar.clean.dateline import parse_dateline
from akhbar.dateparse import find_dates, from_gregorian
from akhbar.dateparse.tables import LANGUAGES, language_table

DIGITS = {"ascii": "0123456789", "persian": "۰۱۲۳۴۵۶۷۸۹", "arabic": "٠١٢٣٤٥٦٧٨٩"}
# words around the date, in each language (none of them a date word)
FILLER = {
    "fa": ("این نشست در", "برگزار شد."),
    "ar": ("عقد الاجتماع في", "في العاصمة."),
    "ru": ("Встреча прошла", "в Москве."),
    "en": ("The meeting was held on", "in the capital."),
}


def digits(n: int, system: str, width: int = 0) -> str:
    return str(n).zfill(width).translate(str.maketrans("0123456789", DIGITS[system]))


@st.composite
def rendered_dates(draw):
    lang = draw(st.sampled_from(LANGUAGES))
    table = language_table(lang)
    calendar = draw(st.sampled_from(sorted({m.calendar for m in table.months})))
    d = draw(st.dates(min_value=datetime.date(1900, 1, 1), max_value=datetime.date(2100, 12, 31)))
    y, mo, dd = from_gregorian(calendar, d)
    names = [m for m in table.months if m.calendar == calendar and m.month == mo]
    assume(names)
    name = draw(st.sampled_from(names))
    variant = name.variant
    if lang == "fa" and calendar == "jalali" and draw(st.booleans()):
        variant += draw(st.sampled_from([" ماه", "\u200cماه", "ماه"]))
    system = draw(st.sampled_from(sorted(DIGITS))) if lang in ("fa", "ar") else "ascii"
    latin_or_cyrillic = variant[0].isascii() or "\u0400" <= variant[0] <= "\u04ff"
    gap1 = " " if latin_or_cyrillic else draw(st.sampled_from([" ", "", "  "]))
    gap2 = " " if latin_or_cyrillic else draw(st.sampled_from([" ", ""]))
    width = draw(st.sampled_from([0, 2]))
    text = f"{digits(dd, system, width)}{gap1}{variant}{gap2}{digits(y, system)}"
    weekday = None
    if draw(st.booleans()):
        wd_variants = [v for v, wd in table.weekdays if wd == d.weekday()]
        wtext = draw(st.sampled_from(wd_variants))
        text = f"{wtext}{draw(st.sampled_from([' ', ', ', '، ']))}{text}"
        weekday = d.weekday()
    return lang, calendar, d, (y, mo, dd), text, weekday


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.filter_too_much])
@given(rendered_dates(), st.booleans())
def test_rendered_date_is_found_exactly(case, hinted):
    lang, calendar, d, ymd, text, weekday = case
    before, after = FILLER[lang]
    sentence = f"{before} {text} {after}"
    # a name that needs the text's language (آب) is only found with a hint or in that script
    ms = find_dates(sentence, lang if hinted else None)
    assert len(ms) == 1, (sentence, ms)
    (m,) = ms
    assert m.text == text
    assert sentence[m.start:m.end] == text
    assert (m.calendar, m.year, m.month, m.day) == (calendar, *ymd)
    assert m.value == d
    assert m.weekday == weekday


numeric_seps = st.sampled_from(["/", "-", "."])


@settings(max_examples=200, deadline=None)
@given(st.dates(min_value=datetime.date(1900, 1, 1), max_value=datetime.date(2100, 12, 31)),
       numeric_seps, st.sampled_from(sorted(DIGITS)), st.booleans())
def test_numeric_iso_order_is_found(d, sep, system, year_first):
    y, m, dd = d.year, d.month, d.day
    if year_first:
        text = sep.join([digits(y, system), digits(m, system, 2), digits(dd, system, 2)])
    else:
        assume(dd > 12 or dd == m)  # unambiguous day-first (or both orders agree)
        text = sep.join([digits(dd, system, 2), digits(m, system, 2), digits(y, system)])
    ms = find_dates(f"date {text} end")
    assert [(x.text, x.value) for x in ms] == [(text, d)]


@settings(max_examples=200, deadline=None)
@given(st.dates(min_value=datetime.date(1922, 1, 1), max_value=datetime.date(2100, 12, 31)),
       st.sampled_from(["fa", "ar"]), st.sampled_from(sorted(DIGITS)))
def test_numeric_solar_and_lunar_hijri(d, lang, system):
    calendar = "jalali" if lang == "fa" else "hijri"
    y, m, dd = from_gregorian(calendar, d)
    assume(1300 <= y <= 1499)
    text = "/".join([digits(y, system), digits(m, system, 2), digits(dd, system, 2)])
    (x,) = find_dates(f"{FILLER[lang][0]} {text} {FILLER[lang][1]}", lang)
    assert (x.calendar, x.year, x.month, x.day, x.value) == (calendar, y, m, dd, d)


# text made of the pieces dates are made of, in any order, plus arbitrary characters
_vocab = sorted({m.variant for lang in LANGUAGES for m in language_table(lang).months}
                | {v for lang in LANGUAGES for v, _ in language_table(lang).weekdays}
                | {v for lang in LANGUAGES for v, _ in language_table(lang).eras}
                | {"12", "۱۴۰۱", "٢٠٢٢", "2022", "31", "۰۸", "1", "/", "-", ".", "،", ",", "(", ")",
                   " ", "  ", "\u200c", "\n", "ماه", "سال", "من", "of", "th", "ام", "1444", "95"})
texts = st.one_of(
    st.text(max_size=200),
    st.lists(st.one_of(st.sampled_from(_vocab), st.text(max_size=3)), max_size=40).map("".join),
)


@settings(max_examples=500, deadline=None)
@given(texts, st.sampled_from([None, "fa", "ar", "ru", "en", "tr"]))
def test_never_raises_and_spans_are_inside(text, lang):
    ms = find_dates(text, lang)
    last = 0
    for m in ms:
        assert 0 <= last <= m.start < m.end <= len(text)
        assert text[m.start:m.end] == m.text
        assert any(c.isdigit() for c in m.text)
        assert m.calendar in ("gregorian", "jalali", "hijri")
        if m.value is not None:
            assert m.iso() == m.value.isoformat()
        last = m.end
    out = parse_dateline(text)
    assert out is None or datetime.date.fromisoformat(out)
