"""The date tables: complete, consistent, loaded lazily."""

from __future__ import annotations

import pytest

from akhbar.dateparse.folding import atoms, key, trie_pattern
from akhbar.dateparse.tables import LANGUAGES, language_table, merged


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_gregorian_month_and_weekday_has_a_name(lang):
    t = language_table(lang)
    assert {m.month for m in t.months if m.calendar == "gregorian"} == set(range(1, 13))
    assert {wd for _, wd in t.weekdays} == set(range(7))


@pytest.mark.parametrize("lang, calendars", [
    ("fa", {"gregorian", "jalali", "hijri"}), ("ar", {"gregorian", "jalali", "hijri"}),
    ("en", {"gregorian", "jalali", "hijri"}), ("ru", {"gregorian", "hijri"}),
])
def test_calendars_per_language(lang, calendars):
    t = language_table(lang)
    for cal in calendars:
        assert {m.month for m in t.months if m.calendar == cal} == set(range(1, 13)), (lang, cal)


def test_shared_spellings_mean_the_same_month_in_every_language():
    merged(LANGUAGES)  # raises on a conflict


def test_azar_and_adhar_are_different_keys():
    t = merged(LANGUAGES)
    azar = next(iter(t.months[key("آذر")].values()))
    adhar = next(iter(t.months[key("آذار")].values()))
    assert (azar.calendar, azar.month) == ("jalali", 9)
    assert (adhar.calendar, adhar.month) == ("gregorian", 3)


def test_key_folds_spelling_variants():
    assert key("ربيع الأول") == key("ربیع‌الاول") == key("ربیع الاول")
    assert key("ذو الحجة") == key("ذوالحجه")
    assert key("Sept.") == key("sept")
    assert key("январём") == key("январем")
    assert key("ژانویهٔ") == key("ژانویه")


def test_trie_pattern_prefers_the_longest_name():
    import re

    rx = re.compile(trie_pattern(["Oct.", "October", "ربیع الاول", "ربیع الثانی"]), re.I)
    assert rx.match("October").group() == "October"
    assert rx.match("Oct. 5").group() == "Oct."
    assert rx.match("ربیع‌الثانی").group() == "ربیع‌الثانی"
    assert atoms("a b") == ("a", "[ \u00a0\u200c]?", "b")


def test_loading_is_lazy():
    import subprocess
    import sys

    code = ("import akhbar.dateparse, akhbar.dateparse.tables as t; "
            "print(t.language_table.cache_info().currsize)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "0"
