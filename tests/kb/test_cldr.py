"""Countries and cities from CLDR, and the line validator's robustness."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from akhbar.kb import KnowledgeBase, KnowledgeBaseError
from akhbar.kb.cldr import NOT_COUNTRIES, display_forms, slug
from akhbar.kb.lines import merge_line


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return KnowledgeBase.load()


def test_only_real_countries(kb):
    codes = {e.id.split("/")[1] for e in kb.entities("country")}
    assert not codes & NOT_COUNTRIES
    assert all(len(c) == 2 and c.isalpha() and c.isupper() for c in codes)
    assert {"RU", "IR", "SY", "KZ", "PS", "XK", "SU"} <= codes


def test_press_labels(kb):
    labels = {code: kb.get(f"country/{code}").label for code in
              ("US", "RU", "IR", "SY", "KR", "KP", "GB", "TR", "PS", "CZ", "MM", "CD", "HK")}
    assert labels == {"US": "United States", "RU": "Russia", "IR": "Iran", "SY": "Syria",
                      "KR": "South Korea", "KP": "North Korea", "GB": "United Kingdom",
                      "TR": "Turkey", "PS": "Palestine", "CZ": "Czech Republic", "MM": "Myanmar",
                      "CD": "Democratic Republic of the Congo", "HK": "Hong Kong"}
    assert kb.get("country/BA").label == "Bosnia and Herzegovina"


def test_every_country_is_named_in_the_four_languages(kb):
    for e in kb.entities("country"):
        assert {"en", "fa", "ar", "ru"} <= set(e.names), e.id


def test_cities(kb):
    tehran = kb.get("place/tehran")
    assert tehran.attrs == {"kind": "city", "in": "country/IR"}
    assert "طهران" in tehran.names["ar"] and "Тегеран" in tehran.names["ru"]
    kyiv = kb.get("place/kyiv")  # CLDR's zone id is the old Europe/Kiev
    assert kyiv.attrs["in"] == "country/UA" and "Kiev" in kyiv.names["en"]
    cities = [e for e in kb.entities("place") if e.attrs.get("kind") == "city"]
    assert len(cities) > 350
    # a zone named after its country gives no city of that name
    assert not any(e.label in ("Kuwait", "Qatar", "Bahrain", "Singapore") for e in cities)
    assert all(e.attrs["in"].startswith("country/") for e in cities if "in" in e.attrs)


def test_display_forms():
    assert display_forms("en", "Myanmar (Burma)") == ["Myanmar"]
    assert display_forms("en", "Marengo, Indiana") == ["Marengo"]
    assert display_forms("fa", "هنگ\u200cکنگ، منطقهٔ ویژهٔ اداری چین") == ["هنگ\u200cکنگ"]
    assert display_forms("fa", "کرهٔ جنوبی") == ["کرهٔ جنوبی", "کره جنوبی"]
    assert display_forms("ar", "عُمان") == ["عمان"]
    assert display_forms("ru", "о-ва Кука") == ["о-ва Кука", "острова Кука"]
    assert display_forms("en", "St. Kitts & Nevis") == ["St. Kitts & Nevis", "St. Kitts and Nevis",
                                                        "Saint Kitts & Nevis", "Saint Kitts and Nevis"]


def test_slug():
    assert slug("Côte d’Ivoire") == "cote-d-ivoire"
    assert slug("St. John’s") == "st-john-s"
    assert slug("Islamic State – Khorasan Province") == "islamic-state-khorasan-province"


@settings(max_examples=200, deadline=None)
@given(st.dictionaries(
    st.sampled_from(["id", "type", "label", "qid", "names", "roles", "kind", "in", "domain", "ambiguous", "x"]),
    st.recursive(st.none() | st.booleans() | st.integers() | st.text(max_size=12),
                 lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3),
                 max_leaves=8),
    max_size=6))
def test_any_line_is_accepted_or_rejected_cleanly(obj):
    drafts: dict = {}
    try:
        merge_line(obj, "f.jsonl:1", drafts, frozenset({"president"}))
    except KnowledgeBaseError as exc:
        assert str(exc).startswith("f.jsonl:1: ")
    else:
        assert len(drafts) == 1
