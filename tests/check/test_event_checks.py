"""Conflicts between the reports of one event, per kind and language, on small articles."""

from __future__ import annotations

from akhbar.check import Report, check_event, find_claims


def reports(process, *docs):
    return [Report.from_article(process(text, title=title, published=published)) for title, text, published in docs]


def kinds(flags):
    return sorted(f.kind for f in flags)


def test_quantity_conflict_across_languages(process):
    rs = reports(process,
                 ("انفجار در آموزشگاه کابل", "در انفجار امروز در غرب کابل ۱۲ نفر کشته و ۳۰ نفر زخمی شدند.", "2022-09-30"),
                 ("تفجير انتحاري في كابول", "أعلنت الشرطة مقتل 20 شخصا في تفجير انتحاري اليوم في غرب كابول.", "2022-09-30"))
    [flag] = check_event("e1", rs)
    assert flag.kind == "quantity_conflict" and flag.relation == "contradiction"
    assert [s.text for s in flag.statements] == ["۱۲ نفر", "20 شخصا"]
    assert flag.event == "e1" and set(flag.articles) == {r.article for r in rs}


def test_quantity_overstatement_across_languages(process):
    rs = reports(process,
                 ("Putin on fighters", "Vladimir Putin told the summit in Kazakhstan that 7,000 fighters from Russia were with Islamic State in Syria.", None),
                 ("Путин о боевиках", "Владимир Путин заявил на саммите в Казахстане, что в Сирии воюют от 5 до 7 тысяч боевиков из России.", None))
    [flag] = check_event("e", rs)
    assert flag.relation == "overstatement"
    assert "overstatement" in flag.explanation


def test_agreeing_hedged_and_different_counts_are_not_conflicts(process):
    rs = reports(process,
                 ("Удар по Днепру", "В результате удара в Днепре погибли 12 человек, ранены 64 человека.", "2023-01-15"),
                 ("Strike on Dnipro", "A missile struck Dnipro on Saturday, killing at least 11 people.", "2023-01-15"))
    assert check_event("e", rs) == []


def test_venue_conflict_and_its_guards(process):
    geneva = ("Talks in Geneva", "Russian and American diplomats met in Geneva on Monday for security talks.", "2022-01-10")
    vienna = ("Переговоры", "Российские и американские дипломаты провели в понедельник в Вене переговоры.", "2022-01-10")
    both = ("Talks", "The diplomats met in Vienna on Monday, a week after the round in Geneva.", "2022-01-10")
    country = ("Talks", "Diplomats met in Switzerland on Monday for security talks.", "2022-01-10")
    [flag] = check_event("e", reports(process, geneva, vienna))
    assert flag.kind == "venue_conflict" and {s.value for s in flag.statements} == {"Geneva", "Vienna"}
    assert check_event("e", reports(process, geneva, both)) == []  # the second names both cities
    assert check_event("e", reports(process, geneva, country)) == []  # Geneva is in Switzerland


def test_date_conflict_needs_more_than_a_day(process):
    a = ("Deal signed", "Iran and Saudi Arabia agreed on 10 March 2023 in Beijing to restore relations.", "2023-03-15")
    b = ("Соглашение", "Иран и Саудовская Аравия 14 марта 2023 года договорились в Пекине о восстановлении отношений.", "2023-03-15")
    c = ("Соглашение", "Иран и Саудовская Аравия 11 марта 2023 года договорились в Пекине о восстановлении отношений.", "2023-03-15")
    [flag] = check_event("e", reports(process, a, b))
    assert flag.kind == "date_conflict"
    assert [s.value for s in flag.statements] == ["2023-03-10", "2023-03-14"]
    assert check_event("e", reports(process, a, c)) == []


def test_speaker_conflict(process):
    words = ("\"Terrorist groups are trying to infiltrate the countries of the Commonwealth and to form "
             "secret cells near the border with Central Asia.\"")
    putin = ("Putin warns", "Russian President Vladimir Putin said: " + words, "2022-10-27")
    lavrov = ("Lavrov warns", "Russian Foreign Minister Sergey Lavrov said: " + words, "2022-10-27")
    putin2 = ("Putin again", "Vladimir Putin said on Wednesday: " + words, "2022-10-27")
    [flag] = check_event("e", reports(process, putin, lavrov))
    assert flag.kind == "speaker_conflict"
    assert {s.speaker for s in flag.statements} == {"Vladimir Putin", "Sergey Lavrov"}
    assert check_event("e", reports(process, putin, putin2)) == []


def test_one_report_and_repeated_reports_give_nothing(process):
    r = reports(process, ("Talks in Geneva", "Diplomats met in Geneva on Monday.", None))
    assert check_event("e", r) == [] and check_event("e", r + r) == []
    assert find_claims(r + r) == []


def test_claim_across_languages(process):
    rs = reports(process,
                 ("پوتین", "ولادیمیر پوتین رئیس جمهور روسیه اظهار داشت: «5تا 7 هزار نفر از اتباع روسیه در سوریه در گروه داعش حضور دارند.»", None),
                 ("Putin", "Russian President Vladimir Putin said: \"There are between 5,000 and 7,000 people from Russia fighting for Islamic State in Syria.\"", None))
    [claim] = find_claims(rs)
    assert claim.speaker_id == "person/vladimir-putin"
    assert (claim.low, claim.high) == (5000, 7000)
    assert len(claim.reports) == 2
    first = min(rs, key=lambda r: r.article)
    assert claim.id == find_claims(list(reversed(rs)))[0].id
    assert any(r.article == first.article for r in claim.reports)


def test_pair_memo_gives_the_same_flags_and_compares_a_pair_once(process):
    import pytest

    from akhbar.check.event import PairMemo

    rs = reports(process,
                 ("انفجار در آموزشگاه کابل", "در انفجار امروز در غرب کابل ۱۲ نفر کشته و ۳۰ نفر زخمی شدند.", "2022-09-30"),
                 ("تفجير انتحاري في كابول", "أعلنت الشرطة مقتل 20 شخصا في تفجير انتحاري اليوم في غرب كابول.", "2022-09-30"),
                 ("Kabul blast", "Police said 25 people were killed in a suicide blast in west Kabul today.", "2022-09-30"))
    memo = PairMemo(2)
    first = check_event("e1", rs[:2], memo)
    assert first == check_event("e1", rs[:2]) and len(memo) == 1
    grown = check_event("e2", rs, memo)  # the event grew by one report: two new pairs, one kept pair
    assert grown == check_event("e2", rs) and all(f.event == "e2" for f in grown)
    assert len(memo) <= 2  # bounded: the oldest pair was forgotten
    with pytest.raises(ValueError, match="max_pairs"):
        PairMemo(-1)


def test_figures_found_through_the_context_index_are_those_in_the_same_context():
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from akhbar.check.event import _context_index, _in_context, _same_context
    from akhbar.check.figures import Figure
    from akhbar.records import Statement

    figure = st.builds(
        lambda where, concept, entities, speaker: Figure(
            Statement("a", 0, 1, "1", where=where), 1.0, None, None, None, None, None, concept, None, "ar",
            frozenset(entities), speaker),
        st.sampled_from(["title", "lead", "body"]), st.sampled_from([None, "people", "killed"]),
        st.sets(st.sampled_from(["person/a", "country/b", "org/c"]), max_size=2), st.sampled_from([None, "person/a", "person/d"]))

    @settings(max_examples=300, deadline=None)
    @given(figure, st.lists(figure, max_size=8))
    def same(fa, theirs):
        assert _in_context(fa, theirs, _context_index(theirs)) == [o for o in theirs if _same_context(fa, o)]

    same()
