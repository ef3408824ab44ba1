"""The sample articles through clean, langid, normalize and the date analysis, against the gold."""

from __future__ import annotations

import pytest
from _dates_helpers import CONTEXT, check_spans

from akhbar.analyze.dates import analyze_dates
from akhbar.options import Options
from akhbar.pipeline import Pipeline
from akhbar.records import Article, RawDoc

pytestmark = pytest.mark.shared

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


@pytest.fixture(scope="module")
def analyzed(shared, gold) -> dict[str, Article]:
    pipeline = Pipeline(Options(workers=1))
    out = {}
    for name in gold["documents"]:
        path = shared / "seeds" / name
        raw = RawDoc(source=name, path=str(path), content=path.read_text(encoding="utf-8"))
        article = pipeline.process(raw)
        assert isinstance(article, Article), article
        out[name] = analyze_dates(article, CONTEXT)
    return out


def test_every_gold_date_with_its_calendar_and_value(analyzed, gold):
    for name, g in gold["documents"].items():
        a = analyzed[name]
        check_spans(a)
        got = {(d.text, d.calendar, d.value) for d in a.dates}
        for want in g["dates"]:
            assert (want["text"], want["calendar"], want["value"]) in got, (name, want)


def test_every_gold_relative_date(analyzed, gold):
    for name, g in gold["documents"].items():
        rel = [d for d in analyzed[name].dates if d.calendar == "relative"]
        for want in g["relative_dates"]:
            hits = [d for d in rel if d.text == want["text"]]
            assert hits, (name, want, [d.text for d in rel])
            if "offset_days" in want:
                assert all(d.offset_days == want["offset_days"] for d in hits)
            if "weekday" in want:
                assert all(d.weekday == WEEKDAYS.index(want["weekday"]) for d in hits)


def test_no_relative_mention_besides_a_date_phrase(analyzed):
    # 002: "اليوم الأربعاء 26 أكتوبر/تشرين الأول 2022" is one date: neither "اليوم" (it anchors
    # the date) nor "الأربعاء" (part of the date) is a relative mention of its own
    a = analyzed["002_82b5bf6752724c81.txt"]
    date = next(d for d in a.dates if d.text.startswith("الأربعاء"))
    near = [d for d in a.dates if d.calendar == "relative" and date.start - 8 < d.end and d.start < date.end]
    assert near == []


def test_twins_of_the_wrong_conversions(analyzed, gold):
    a = analyzed["000_5d9e425671e85465.txt"]
    for conflict in gold["documents"]["000_5d9e425671e85465.txt"]["calendar_conflicts"]:
        g = next(d for d in a.dates if d.calendar == "gregorian" and d.value == conflict["stated_gregorian"])
        assert g.twin is not None
        j = a.dates[g.twin]
        assert (j.calendar, j.stated, j.twin) == ("jalali", conflict["stated_jalali"], a.dates.index(g))


def test_publication_and_event_dates(analyzed, gold):
    for name, g in gold["documents"].items():
        assert analyzed[name].published == g["published"], name
    assert analyzed["002_82b5bf6752724c81.txt"].event_date == "2022-10-26"
    for name in ("000_5d9e425671e85465.txt", "001_6c5c1c1384cff0d9.txt",
                 "003_43df0645989137d5.txt", "004_43bea8207291e476.txt"):
        assert analyzed[name].event_date is None, name  # no publication date to resolve against


def test_background_dates_never_become_the_event(analyzed, gold):
    a = analyzed["000_5d9e425671e85465.txt"]
    assert a.event_date is None
    for d in a.dates:
        if d.calendar != "relative":
            assert d.role == "background", d
    event = [d for d in a.dates if d.role == "event"]
    assert [(d.text, d.offset_days) for d in event] == [("روز گذشته", -1)]
    must_not = [m for m in gold["must_not"] if m["doc"] == "000_5d9e425671e85465.txt"]
    assert must_not  # the gold still says so


def test_event_mentions(analyzed):
    expect = {
        "001_6c5c1c1384cff0d9.txt": "اليوم",
        "002_82b5bf6752724c81.txt": "الأربعاء 26 أكتوبر/تشرين الأول 2022",
        "003_43df0645989137d5.txt": "امروز",
        "004_43bea8207291e476.txt": "روز جمعه",
    }
    for name, text in expect.items():
        assert [d.text for d in analyzed[name].dates if d.role == "event"] == [text], name
    dateline = analyzed["002_82b5bf6752724c81.txt"].dates[0]
    assert (dateline.text, dateline.role) == ("٢٦ أكتوبر ٢٠٢٢", "publication")
