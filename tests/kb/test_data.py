"""The shipped knowledge-base data: spelling conventions, references, coverage of the samples."""

from __future__ import annotations

import re
import unicodedata

import pytest

from akhbar.kb import KnowledgeBase, data_dir
from akhbar.kb.lines import valid_id

ARABIC_YEH_KAF = re.compile("[\u064a\u0643\u0649]")  # ي ك ى: not Persian letters
PERSIAN_YEH_KAF = re.compile("[\u06cc\u06a9\u06c0]")  # ی ک ۀ: not Arabic letters
DIACRITICS = re.compile("[\u064b-\u0652\u0670]")
NON_ASCII_DIGITS = re.compile("[\u06f0-\u06f9\u0660-\u0669]")

# For comparing with what a text says: ZWNJ removed, yeh/kaf folded (what the recogniser's
# normalization also does before matching).
_FOLD = str.maketrans({"\u200c": None, "\u064a": "\u06cc", "\u0649": "\u06cc", "\u0643": "\u06a9"})


def fold(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).translate(_FOLD).split())


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return KnowledgeBase.load()


def test_script_conventions(kb):
    problems = []
    for entity in kb.entities():
        for lang, name in entity.all_names():
            if lang == "fa" and ARABIC_YEH_KAF.search(name):
                problems.append((entity.id, lang, name, "Arabic yeh/kaf in Persian"))
            if lang == "ar" and PERSIAN_YEH_KAF.search(name):
                problems.append((entity.id, lang, name, "Persian yeh/kaf in Arabic"))
            if lang in ("fa", "ar") and DIACRITICS.search(name):
                problems.append((entity.id, lang, name, "diacritics"))
            if NON_ASCII_DIGITS.search(name):
                problems.append((entity.id, lang, name, "Persian/Arabic-Indic digits"))
            if name != name.strip() or "  " in name:
                problems.append((entity.id, lang, name, "spacing"))
    assert problems == []


def test_references_resolve(kb):
    known = {e.id for e in kb.entities()}
    missing = []
    for entity in kb.entities():
        for key in ("country", "in", "parent"):
            if key in entity.attrs and entity.attrs[key] not in known:
                missing.append((entity.id, key, entity.attrs[key]))
        for role in entity.roles:
            if role.of not in known:
                missing.append((entity.id, role.role, role.of))
    assert missing == []


def test_every_curated_entity_is_named_in_several_languages(kb):
    thin = [e.id for e in kb.entities() if e.type in ("organization", "outlet", "place", "country")
            and len(e.names) < 2]
    assert thin == []


def test_labels_unique_per_type(kb):
    seen: dict[tuple[str, str], str] = {}
    duplicates = []
    for e in kb.entities():
        key = (e.type, e.label)
        if key in seen:
            duplicates.append((seen[key], e.id))
        seen[key] = e.id
    assert duplicates == []


def test_ids_are_well_formed_and_typed(kb):
    for e in kb.entities():
        assert valid_id(e.id) and e.id.split("/", 1)[0] == e.type, e.id


def test_qids_are_unique(kb):
    qids = [e.qid for e in kb.entities() if e.qid]
    assert len(qids) == len(set(qids))


def test_roles_table_covers_the_main_roles_in_four_languages(kb):
    needed = ("president", "vice_president", "prime_minister", "foreign_minister", "defence_minister",
              "interior_minister", "king", "crown_prince", "emir", "supreme_leader", "chancellor",
              "secretary_general", "speaker_of_parliament")
    for lang in ("fa", "ar", "ru", "en"):
        roles = {role for _, role in kb.role_titles(lang)}
        assert set(needed) <= roles, (lang, set(needed) - roles)


def test_press_forms_beyond_cldr(kb):
    """Names CLDR lacks but the press uses, per language (general knowledge, not the samples)."""
    expect = {
        "country/SY": {"ar": "سورية"}, "country/KG": {"ar": "قرغيزيا", "ru": "Кыргызстан"},
        "country/AZ": {"fa": "آذربایجان"}, "country/US": {"fa": "آمریکا", "ru": "США", "en": "USA"},
        "country/GB": {"fa": "انگلیس", "ar": "بريطانيا", "en": "Britain"},
        "country/SU": {"fa": "شوروی", "ar": "الاتحاد السوفيتي", "ru": "СССР", "en": "USSR"},
        "country/BY": {"fa": "بیلاروس", "ru": "Белоруссия"},
        "place/astana": {"en": "Nur-Sultan", "ru": "Астана", "ar": "أستانا"},
        "place/nagorno-karabakh": {"fa": "قره‌باغ", "ru": "Нагорный Карабах"},
        "organization/islamic-state": {"ru": "ИГИЛ", "ar": "تنظيم الدولة"},
        "outlet/ria-novosti": {"ru": "РИА Новости", "ar": "ريا نوفوستي"},
    }
    for eid, names in expect.items():
        entity = kb.get(eid)
        assert entity is not None, eid
        for lang, name in names.items():
            assert name in entity.names.get(lang, ()), (eid, lang, name)


def test_persons_file_is_loaded_when_present(kb):
    path = data_dir() / "persons.jsonl"
    if not path.is_file():
        pytest.skip("persons.jsonl is not in the package yet")
    lines = [line for line in path.read_text(encoding="utf-8").splitlines()
             if line.strip() and not line.lstrip().startswith(("#", "//"))]
    assert sum(1 for _ in kb.entities("person")) == len(lines)


def test_gold_entities_are_covered(kb, gold):
    """Every non-person entity of the hand annotation exists with its type and its surfaces."""
    by_label: dict[tuple[str, str], list] = {}
    for entity in kb.entities():
        by_label.setdefault((entity.type, entity.label), []).append(entity)
    missing = []
    for name, doc in gold["documents"].items():
        for ent in doc["entities"]:
            if ent["type"] == "person":
                continue
            found = by_label.get((ent["type"], ent["name"]), [])
            if len(found) != 1:
                missing.append((name, ent["type"], ent["name"], f"{len(found)} entities"))
                continue
            forms = {fold(form) for _, form in found[0].all_names()}
            for surface in ent["surfaces"]:
                if fold(surface) not in forms:
                    missing.append((name, ent["name"], surface))
    assert missing == []
