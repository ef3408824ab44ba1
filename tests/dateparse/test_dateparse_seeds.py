"""find_dates and parse_dateline on the sample articles, against the hand annotation."""

from __future__ import annotations

import pytest

from akhbar.clean.dateline import parse_dateline
from akhbar.dateparse import find_dates

pytestmark = pytest.mark.shared


def _seed_texts(shared):
    seeds = sorted((shared / "seeds").glob("00*.txt"))
    if not seeds:
        pytest.skip(f"no seed articles in {shared / 'seeds'}")
    return {p.name: p.read_text(encoding="utf-8") for p in seeds}


def test_seed_dates_match_gold_exactly(shared, gold):
    texts = _seed_texts(shared)
    for name, text in texts.items():
        doc = gold["documents"].get(name)
        if doc is None:
            continue
        found = find_dates(text, doc["lang"])
        want = [(d["text"], d["calendar"], d["value"]) for d in doc["dates"]]
        got = [(m.text, m.calendar, m.iso()) for m in found]
        assert got == want, name
        for m in found:
            assert text[m.start:m.end] == m.text


def test_seed_dates_without_language_hint(shared, gold):
    for name, text in _seed_texts(shared).items():
        doc = gold["documents"].get(name)
        if doc is None:
            continue
        got = [(m.text, m.iso()) for m in find_dates(text)]
        assert got == [(d["text"], d["value"]) for d in doc["dates"]], name


def test_seed_002_weekday_attached(shared):
    text = (shared / "seeds" / "002_82b5bf6752724c81.txt").read_text(encoding="utf-8")
    first, second = find_dates(text, "ar")
    assert first.weekday is None
    assert second.weekday == 2 and second.weekday_text == "الأربعاء"
    assert second.value.weekday() == second.weekday  # 2022-10-26 is a Wednesday


def test_seed_000_jalali_values_are_the_dates_as_written(shared):
    text = (shared / "seeds" / "000_5d9e425671e85465.txt").read_text(encoding="utf-8")
    jalali = [m for m in find_dates(text, "fa") if m.calendar == "jalali"]
    assert [(m.year, m.month, m.day) for m in jalali] == [(1380, 9, 20), (1382, 9, 12), (1382, 7, 16)]


def test_seed_002_dateline(shared):
    text = (shared / "seeds" / "002_82b5bf6752724c81.txt").read_text(encoding="utf-8")
    lines = [ln for ln in text.splitlines() if ln.strip()]
    assert parse_dateline("٢٦ أكتوبر ٢٠٢٢") == "2022-10-26"
    sentence = next(ln for ln in lines if "الأربعاء 26 أكتوبر" in ln)
    assert parse_dateline(sentence) is None
    assert [parse_dateline(ln) for ln in lines].count("2022-10-26") == 1


def test_no_dates_in_seeds_without_dates(shared):
    texts = _seed_texts(shared)
    for name in ("001_6c5c1c1384cff0d9.txt", "003_43df0645989137d5.txt", "004_43bea8207291e476.txt"):
        if name in texts:
            assert find_dates(texts[name]) == [], name
