"""Role phrases resolved in time, and persons discovered next to titles."""

from __future__ import annotations

from datetime import date

import pytest
from _entities_helpers import article, context, entities, pairs

from akhbar.analyze.roles import reference_date, resolve_role

PUTIN, MEDVEDEV = "person/vladimir-putin", "person/dmitry-medvedev"

# The same role phrase in each language, with no name beside it.
ROLE_SENTENCES = {
    "fa": ("رئیس جمهور روسیه امروز به پکن سفر کرد.", "رئیس جمهور"),
    "ar": ("وصل الرئيس الروسي اليوم إلى بكين.", "الرئيس الروسي"),
    "ru": ("Президент России прибыл в Пекин.", "Президент"),
    "en": ("The Russian president arrived in Beijing.", "Russian president"),
}


@pytest.mark.parametrize("lang", sorted(ROLE_SENTENCES))
@pytest.mark.parametrize(("published", "holder"), [("2015-06-01", PUTIN), ("2010-06-01", MEDVEDEV)])
def test_role_phrase_resolves_to_the_holder_on_the_publication_date(lang, published, holder):
    text, phrase = ROLE_SENTENCES[lang]
    roles = [m for m in entities(text, lang, published) if m.how == "role"]
    assert [(m.text, m.entity_id, m.type) for m in roles] == [(phrase, holder, "person")]


def test_role_keeps_the_country_mention():
    got = pairs(entities("رئیس جمهور روسیه به پکن رفت.", "fa", "2015-06-01"))
    assert ("روسیه", "country/RU") in got


def test_role_without_a_date_is_skipped():
    assert not [m for m in entities("وصل الرئيس الروسي إلى بكين.", "ar") if m.how == "role"]


def test_role_without_a_date_takes_a_named_holder():
    got = entities("التقى فلاديمير بوتين بالوفد. وقال الرئيس الروسي إن المحادثات مثمرة.", "ar")
    assert [m.entity_id for m in got if m.how == "role"] == [PUTIN]


def test_latest_date_in_the_body_when_there_is_no_publication_date():
    text = "The Russian president spoke on 5 June 2010 about the talks."
    assert [m.entity_id for m in entities(text, "en") if m.how == "role"] == [MEDVEDEV]
    assert reference_date(article(text, "en")) == date(2010, 6, 5)


def test_reference_date_prefers_publication_then_event_date():
    art = article("Talks on 5 June 2010.", "en", published="2015-01-02")
    assert reference_date(art) == date(2015, 1, 2)
    assert reference_date(art.with_(published=None, event_date="2012-03-04")) == date(2012, 3, 4)
    assert reference_date(art.with_(published="not a date")) == date(2010, 6, 5)


def test_resolve_role_prefers_a_named_holder_on_a_handover_day():
    kb = context().kb
    both = [e.id for e in kb.holders("president", "country/RU", date(2008, 5, 7))]
    assert both[:2] == [MEDVEDEV, PUTIN]
    assert resolve_role(kb, ["president"], "country/RU", date(2008, 5, 7), {PUTIN}).id == PUTIN
    assert resolve_role(kb, ["president"], "country/RU", date(2008, 5, 7), set()).id == MEDVEDEV
    assert resolve_role(kb, ["president"], "country/RU", None, set()) is None


def test_title_beside_a_name_is_no_role_mention():
    for text, lang in [("«ولادیمیر پوتین» رئیس جمهور روسیه گفت.", "fa"),
                       ("قال الرئيس الروسي فلاديمير بوتين إن.", "ar"),
                       ("Президент России Владимир Путин заявил.", "ru"),
                       ("Vladimir Putin, the Russian president, said.", "en")]:
        got = entities(text, lang, "2015-06-01")
        assert [m.how for m in got if m.type == "person"] == ["name"], (lang, got)


# -- discovery ------------------------------------------------------------------------------

DISCOVERY = {
    "fa": ("وزیر امور خارجه روسیه سرگئی تستوف گفت که تستوف فردا به پکن می‌رود.", "سرگئی تستوف", "تستوف"),
    "ar": ("قال وزير الخارجية الأمريكي جون تستوود إن تستوود سيزور بكين.", "جون تستوود", "تستوود"),
    "ru": ("Министр иностранных дел России Сергей Тестов заявил, что у Тестова нет планов.",
           "Сергей Тестов", "Тестова"),
    "en": ("Russian Foreign Minister Sergey Testov said Testov would travel.", "Sergey Testov", "Testov"),
}


@pytest.mark.parametrize("lang", sorted(DISCOVERY))
def test_name_after_a_title_is_discovered_and_its_short_form_follows(lang):
    text, full, short = DISCOVERY[lang]
    persons = [m for m in entities(text, lang, "2015-06-01") if m.type == "person"]
    assert [(m.text, m.how) for m in persons] == [(full, "discovered"), (short, "discovered")]
    assert persons[0].entity_id == persons[1].entity_id
    assert persons[0].entity_id.startswith("new/person/")
    assert persons[0].label == full


def test_discovered_full_name_again_without_title():
    got = [m for m in entities("قال وزير الخارجية الأمريكي جون تستوود إن. ثم سافر جون تستوود.", "ar")
           if m.type == "person"]
    assert len(got) == 2 and len({m.entity_id for m in got}) == 1


def test_name_after_a_title_in_the_base_links_to_the_base():
    got = entities("وقال وزير الخارجية الروسي سيرغي لافروف إن.", "ar")
    assert [(m.text, m.entity_id, m.how) for m in got if m.type == "person"] == [
        ("سيرغي لافروف", "person/sergey-lavrov", "name")]


def test_words_after_a_title_that_are_not_a_name():
    for text, lang in [("رئیس جمهور روسیه در سخنان خود گفت.", "fa"),
                       ("قال الرئيس الروسي في كلمة له.", "ar"),
                       ("Президент России заявил, что.", "ru"),
                       ("The Russian president said on Monday.", "en")]:
        assert not [m for m in entities(text, lang) if m.how == "discovered"], text


def test_name_after_an_honorific():
    got = [m for m in entities("وقال السيد خالد التستوري إن الاجتماع انتهى.", "ar") if m.how == "discovered"]
    assert [m.text for m in got] == ["خالد التستوري"]


def test_arabic_name_particles():
    got = [m.text for m in entities("وقال وزير الخارجية السعودي عبد الله بن تستور آل تستوري إن.", "ar")
           if m.how == "discovered"]
    assert got == ["عبد الله بن تستور آل تستوري"]


def test_title_is_trimmed_from_a_name_that_starts_with_it():
    got = [m for m in entities("استقبل الملك عبدالله الثاني الوفد.", "ar") if m.type == "person"]
    assert got and not got[0].text.startswith("الملك")


def test_arabic_given_name_opens_a_name_with_no_cue_before_it():
    for text in ("شارك في الحفل خالد التستوري ووزراء آخرون.", "ويرى خالد التستوري أن الحل قريب."):
        got = [m for m in entities(text, "ar") if m.how == "discovered"]
        assert [(m.text, m.type) for m in got] == [("خالد التستوري", "person")], text


def test_a_given_name_alone_or_in_persian_opens_no_name():
    # one word is too little (many given names are also words); Persian does not opt in
    assert not [m for m in entities("وصل خالد إلى الرياض.", "ar") if m.how == "discovered"]
    assert not [m for m in entities("دیروز حسن تستوری به تهران آمد.", "fa") if m.how == "discovered"]


def test_given_anywhere_is_read_from_the_name_parts_table():
    from akhbar.analyze import tables

    assert tables.name_parts("ar").given_opens_anywhere
    assert not tables.name_parts("fa").given_opens_anywhere
