"""The sample articles give exactly the gold's disagreements (shared/gold/seeds.json)."""

from __future__ import annotations

import json

import pytest

from akhbar.check import Report, check_event, find_claims

SEED_000, SEED_001, SEED_002 = "000_5d9e425671e85465.txt", "001_6c5c1c1384cff0d9.txt", "002_82b5bf6752724c81.txt"


def _event_docs(gold):
    return [e["documents"] for e in gold["events"]]


def test_000_gives_three_calendar_mismatches_and_the_headline(seed_articles, gold):
    flags = seed_articles[SEED_000].flags
    calendar = [f for f in flags if f.kind == "calendar_mismatch"]
    want = gold["documents"][SEED_000]["calendar_conflicts"]
    assert sorted((f.statements[0].value, f.statements[1].stated) for f in calendar) == sorted(
        (c["stated_gregorian"], c["stated_jalali"]) for c in want)
    corrections = {f.statements[0].value: f.correct for f in calendar}
    assert corrections["1991-12-21"] == "21 December 1991 is 30 Azar 1370"
    assert corrections["1993-12-03"] == "3 December 1993 is 12 Azar 1372"
    assert corrections["1993-10-08"] == "8 October 1993 is 16 Mehr 1372"
    [headline] = [f for f in flags if f.kind == "headline_body_mismatch"]
    conflict = gold["documents"][SEED_000]["internal_conflicts"][0]
    title, body = headline.statements
    assert conflict["headline"] in title.text and conflict["body"] in body.text
    assert headline.relation == "overstatement"
    assert len(flags) == 4


def test_statements_point_into_the_text(seed_articles):
    for article in seed_articles.values():
        for flag in article.flags:
            assert flag.explanation.endswith(".") and flag.explanation.count(". ") == 0
            for s in flag.statements:
                assert article.text[s.start:s.end] == s.text


def test_no_other_article_has_a_flag(seed_articles):
    for name, article in seed_articles.items():
        if name != SEED_000:
            assert article.flags == (), (name, [f.explanation for f in article.flags])


def test_the_summit_reports_conflict_on_the_venue_only(seed_articles, gold):
    [docs] = [d for d in _event_docs(gold) if SEED_000 in d]
    reports = [Report.from_article(seed_articles[n]) for n in docs]
    flags = check_event("cis-summit-2015", reports)
    assert [f.kind for f in flags] == ["venue_conflict"]
    venues = {s.value for s in flags[0].statements}
    assert venues == {"Astana", "Burabay"}
    assert set(flags[0].articles) == {seed_articles[n].id for n in docs}
    assert flags[0].event == "cis-summit-2015"


def test_every_gold_event_gives_no_other_flag(seed_articles, gold):
    for docs in _event_docs(gold):
        if SEED_000 in docs:
            continue
        assert check_event("e", [Report.from_article(seed_articles[n]) for n in docs]) == []


def test_the_shared_claim(seed_articles):
    reports = [Report.from_article(a) for a in seed_articles.values()]
    [claim] = find_claims(reports, event="cis-summit-2015")
    assert claim.speaker == "Vladimir Putin"
    assert (claim.low, claim.high, claim.value) == (5000, 7000, None)
    assert set(claim.articles) == {seed_articles[SEED_000].id, seed_articles[SEED_001].id}
    for r in claim.reports:
        [article] = [a for a in seed_articles.values() if a.id == r.article]
        assert article.text[r.start:r.end] == r.text
    d = claim.as_dict()
    assert json.loads(json.dumps(d, ensure_ascii=False)) == d
    again = find_claims(list(reversed(reports)))
    assert [c.id for c in again] == [claim.id]


def test_reports_from_stored_objects_equal_reports_from_articles(seed_articles):
    from akhbar.store.rows import article_data
    from akhbar.store.sqlite import analysis_view

    for article in seed_articles.values():
        data = article_data(article)
        obj = {"id": article.id, "lang": article.lang, "text": article.text, "published": article.published,
               "event_date": article.event_date, "title_span": data["title_span"],
               "paragraphs": data["paragraphs"], **analysis_view(data)}
        assert Report.from_article_object(obj) == Report.from_article(article), article.source


@pytest.mark.parametrize("name", [SEED_002])
def test_no_weekday_flag_on_002(seed_articles, name):
    assert not [f for f in seed_articles[name].flags if f.kind == "weekday_mismatch"]


def test_reports_round_trip_through_json(seed_articles):
    for article in seed_articles.values():
        report = Report.from_article(article)
        again = Report.from_dict(json.loads(json.dumps(report.as_dict(), ensure_ascii=False)))
        assert again == report
