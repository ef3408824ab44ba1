"""Checks of the shipped persons table (src/akhbar/data/kb/persons.jsonl).

The file is curated data: these tests guard its format (data/kb/README.md: ids, labels, names
per language, roles with dates), its script hygiene (Persian yeh/kaf in fa, Arabic yeh/kaf in
ar, no diacritics or tatweel), its links (roles of roles.tsv, organizations of
organizations.jsonl) and its coverage: every covered country has exactly one head of state at
every month from 2000 to mid-2026, except for documented vacancies and overlaps.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter, defaultdict
from datetime import date, timedelta
from pathlib import Path

import pytest

import akhbar

KB_DIR = Path(akhbar.__file__).resolve().parent / "data" / "kb"
PERSONS = KB_DIR / "persons.jsonl"
ROLES_TSV = KB_DIR / "roles.tsv"
ORGANIZATIONS = KB_DIR / "organizations.jsonl"
STOPWORDS_DIR = Path(akhbar.__file__).resolve().parent / "data" / "clean"

LANGS = ("en", "fa", "ar", "ru")

# Role vocabulary used when roles.tsv is not there (it is the source of truth when it is).
FALLBACK_ROLES = frozenset({
    "president", "vice_president", "prime_minister", "deputy_prime_minister", "head_of_government",
    "foreign_minister", "defence_minister", "interior_minister", "finance_minister", "king", "emir",
    "sultan", "supreme_leader", "crown_prince", "chancellor", "secretary_general",
    "speaker_of_parliament", "commander", "chief_of_staff", "leader", "ambassador", "envoy",
    "spokesperson", "national_security_adviser", "intelligence_chief", "head_of_judiciary",
    "party_leader", "chairman", "pope",
})

# --- scripts -------------------------------------------------------------------------------
ARABIC_YEH_KAF = re.compile("[\u064a\u0643\u0649]")          # ي ك ى: never in Persian names
PERSIAN_YEH_KAF = re.compile("[\u06cc\u06a9]")               # ی ک: never in Arabic names
DIACRITICS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")  # + tatweel
ARABIC_SCRIPT = re.compile("[\u0600-\u06ff]")
CYRILLIC = re.compile("[\u0400-\u04ff]")
LATIN = re.compile("[A-Za-z\u00c0-\u024f]")
ZWNJ = "\u200c"
ID_RE = re.compile(r"^person/[a-z0-9]+(?:-[a-z0-9]+)*$")
OF_RE = re.compile(r"^(?:country/[A-Z]{2}|organization/[a-z0-9]+(?:-[a-z0-9]+)*)$")
DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")

# --- head-of-state coverage ---------------------------------------------------------------
COVERED = (
    # G20 members
    "AR AU BR CA CN FR DE IN ID IT JP MX RU SA ZA KR TR GB US "
    # Middle East
    "IR IQ SY LB IL PS JO EG AE QA KW BH OM YE "
    # Central Asia, Caucasus, and the rest of the brief
    "KZ KG TJ TM UZ AM AZ GE AF PK UA BY MD"
).split()

# Which roles make a person the head of state; "president" unless listed.
HEAD_OF_STATE_ROLES = {
    "SA": {"king"}, "JO": {"king"}, "BH": {"emir", "king"}, "QA": {"emir"}, "KW": {"emir"},
    "OM": {"sultan"}, "GB": {"king"}, "CA": {"king"}, "AU": {"king"},  # "king" = monarch
    "JP": {"king"},                        # the Emperor: roles.tsv has no "emperor"
    "IR": {"supreme_leader"},              # the Leader, not the president, heads the state
    "AF": {"president", "supreme_leader"},  # the Taliban's emir in 1996-2001 and since 2021
    "YE": {"president", "chairman"},       # Presidential Leadership Council since 2022
    "EG": {"president", "chairman"},       # SCAF chairman Tantawi 2011-2012
    "SY": {"president", "leader"},         # al-Sharaa as de facto leader Dec 2024 - Jan 2025
}

# Periods with no head of state (vacancies, collective or foreign rule), inclusive.
VACANCIES = {
    "LB": [("2007-11-24", "2008-05-24"),   # Lahoud to Suleiman: the Siniora cabinet acts
           ("2014-05-25", "2016-10-30"),   # Suleiman to Michel Aoun: the Salam cabinet acts
           ("2022-10-30", "2025-01-08")],  # Michel Aoun to Joseph Aoun: the Mikati cabinet acts
    "IQ": [("2003-04-09", "2004-06-27")],  # US occupation, CPA and the rotating Governing Council
    "IR": [("2026-02-28", "2026-03-07")],  # interim Leadership Council after Ali Khamenei's death
}

# Periods where two persons legitimately hold the office at once, inclusive.
OVERLAPS = {
    "AF": [("1996-09-27", "2001-11-13")],  # Taliban emirate vs. Rabbani's recognised government
    "KR": [("2004-03-12", "2004-05-14"),   # impeachment suspensions: suspended + acting president
           ("2016-12-09", "2017-03-10"),
           ("2024-12-14", "2025-04-04")],
    "BR": [("2016-05-12", "2016-08-31")],  # Rousseff suspended, Temer acting
    "IL": [("2007-01-25", "2007-07-01")],  # Katsav on leave, Itzik acting
}

TRANSITION_DAYS = 45


def _load() -> list[dict]:
    if not PERSONS.is_file():
        pytest.fail(f"missing {PERSONS}")
    rows = []
    for n, line in enumerate(PERSONS.read_text(encoding="utf-8").splitlines(), 1):
        assert line.strip(), f"line {n} is empty"
        try:
            rows.append(json.loads(line))
        except json.JSONDecodeError as e:  # pragma: no cover - reported as a failure
            pytest.fail(f"line {n} is not JSON: {e}")
    return rows


@pytest.fixture(scope="module")
def persons() -> list[dict]:
    return _load()


@pytest.fixture(scope="module")
def by_label(persons) -> dict[str, dict]:
    return {p["label"]: p for p in persons}


def _role_vocabulary() -> set[str]:
    if ROLES_TSV.is_file():
        roles = set()
        lines = ROLES_TSV.read_text(encoding="utf-8").splitlines()
        assert lines and lines[0].split("\t")[0] == "role", "roles.tsv needs a role<TAB>... header"
        for line in lines[1:]:
            if line.strip() and not line.startswith("#"):
                roles.add(line.split("\t")[0].strip())
        return roles
    return set(FALLBACK_ROLES)


def _slug(label: str) -> str:
    t = unicodedata.normalize("NFKD", label).encode("ascii", "ignore").decode()
    t = re.sub(r"['\u2019]", "", t.lower())
    return re.sub(r"[^a-z0-9]+", "-", t).strip("-")


def _text(form) -> str:
    return form["name"] if isinstance(form, dict) else form


def _ambiguous(form) -> bool:
    return isinstance(form, dict) and form.get("ambiguous") is True


def _forms(p: dict, lang: str) -> list[str]:
    return [_text(f) for f in p["names"][lang]]


def _d(s: str) -> date:
    return date.fromisoformat(s)


def _months(start: date, end: date):
    y, m = start.year, start.month
    while date(y, m, 1) <= end:
        yield date(y, m, 1)
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)


def _in(periods, day: date) -> bool:
    return any(_d(a) <= day <= _d(b) for a, b in periods)


# --- format ---------------------------------------------------------------------------------

def test_enough_persons(persons):
    assert len(persons) >= 700


def test_records_have_the_kb_shape(persons):
    for p in persons:
        assert set(p) <= {"id", "type", "label", "qid", "names", "roles"}, p["id"]
        assert p["type"] == "person", p["id"]
        assert isinstance(p["label"], str) and p["label"].strip() == p["label"] != "", p["id"]
        assert isinstance(p["names"], dict) and isinstance(p["roles"], list), p["id"]
        if "qid" in p:
            assert re.fullmatch(r"Q[1-9]\d*", p["qid"]), p["id"]


def test_ids_unique_and_slugged_from_label(persons):
    ids = Counter(p["id"] for p in persons)
    assert not [i for i, n in ids.items() if n > 1]
    for p in persons:
        assert ID_RE.match(p["id"]), p["id"]
        assert p["id"] == "person/" + _slug(p["label"]), p["id"]


def test_labels_and_qids_unique(persons):
    labels = Counter(p["label"] for p in persons)
    assert not [x for x, n in labels.items() if n > 1]
    qids = Counter(p["qid"] for p in persons if "qid" in p)
    assert not [x for x, n in qids.items() if n > 1]


def test_every_person_has_names_in_four_languages(persons):
    for p in persons:
        names = p["names"]
        assert set(names) == set(LANGS), p["id"]
        for lang in LANGS:
            raw = names[lang]
            assert isinstance(raw, list) and raw, (p["id"], lang)
            for f in raw:
                assert isinstance(f, str) or (
                    isinstance(f, dict) and set(f) == {"name", "ambiguous"} and _ambiguous(f)
                    and isinstance(f["name"], str)), (p["id"], lang, f)
            forms = _forms(p, lang)
            assert len(forms) == len(set(forms)), (p["id"], lang, "duplicate form")
            for f in forms:
                assert f == f.strip() and "  " not in f and f, (p["id"], lang, f)
            assert not _ambiguous(raw[0]), (p["id"], lang, "the full name comes first, unambiguous")
        assert names["en"][0] == p["label"], p["id"]


def test_names_are_in_the_right_script(persons):
    for p in persons:
        for f in _forms(p, "en"):
            assert LATIN.search(f) and not ARABIC_SCRIPT.search(f) and not CYRILLIC.search(f), f
        for f in _forms(p, "ru"):
            assert CYRILLIC.search(f) and not ARABIC_SCRIPT.search(f), f
        for lang in ("fa", "ar"):
            for f in _forms(p, lang):
                assert ARABIC_SCRIPT.search(f), (p["id"], lang, f)
                assert not LATIN.search(f) and not CYRILLIC.search(f), (p["id"], lang, f)


def test_persian_and_arabic_letters_are_not_mixed(persons):
    for p in persons:
        for f in _forms(p, "fa"):
            assert not ARABIC_YEH_KAF.search(f), (p["id"], "fa has Arabic yeh/kaf", f)
        for f in _forms(p, "ar"):
            assert not PERSIAN_YEH_KAF.search(f), (p["id"], "ar has Persian yeh/kaf", f)
            assert ZWNJ not in f, (p["id"], "ar has ZWNJ", f)


def test_no_diacritics_or_tatweel(persons):
    for p in persons:
        for lang in LANGS:
            for f in _forms(p, lang):
                assert not DIACRITICS.search(f), (p["id"], lang, f)
                assert unicodedata.normalize("NFC", f) == f, (p["id"], lang, f)


def test_a_plain_surface_form_names_one_person(persons):
    # A form shared by several persons (Bush, Clinton, Barzani, Aoun...) must be marked
    # ambiguous for every one of them; otherwise it belongs to one person only.
    for lang in LANGS:
        owners: dict[str, dict[str, bool]] = defaultdict(dict)
        for p in persons:
            for f in p["names"][lang]:
                key = _text(f).casefold().replace(ZWNJ, " ")
                owners[key][p["id"]] = owners[key].get(p["id"], True) and _ambiguous(f)
        for key, who in owners.items():
            if len(who) > 1:
                assert all(who.values()), (lang, key, sorted(who))


def test_short_forms_are_not_function_words(persons):
    for lang in LANGS:
        path = STOPWORDS_DIR / f"stopwords_{lang}.txt"
        if not path.is_file():
            continue
        stop = {w.strip().casefold() for w in path.read_text(encoding="utf-8").splitlines()
                if w.strip() and not w.startswith("#")}
        for p in persons:
            for f in _forms(p, lang):
                assert f.casefold() not in stop, (p["id"], lang, f)


def test_roles_are_well_formed(persons):
    vocab = _role_vocabulary()
    for p in persons:
        seen = set()
        for r in p["roles"]:
            assert set(r) == {"role", "of", "from", "to"}, (p["id"], r)
            assert r["role"] in vocab, (p["id"], r["role"], "not in the role vocabulary")
            assert OF_RE.match(r["of"]), (p["id"], r["of"])
            assert DATE_RE.match(r["from"]), (p["id"], r)
            start = _d(r["from"])
            if r["to"] is not None:
                assert DATE_RE.match(r["to"]), (p["id"], r)
                assert start <= _d(r["to"]), (p["id"], r, "from after to")
            assert start <= date(2026, 12, 31), (p["id"], r)
            key = (r["role"], r["of"], r["from"])
            assert key not in seen, (p["id"], r, "duplicate role")
            seen.add(key)


def test_terms_of_one_office_do_not_overlap_for_one_person(persons):
    for p in persons:
        spans = defaultdict(list)
        for r in p["roles"]:
            spans[(r["role"], r["of"])].append((_d(r["from"]), _d(r["to"]) if r["to"] else date.max))
        for key, items in spans.items():
            items.sort()
            for (a1, b1), (a2, b2) in zip(items, items[1:]):
                assert b1 <= a2, (p["id"], key, "overlapping terms")


def test_roles_point_at_known_organizations_and_countries(persons):
    orgs = set()
    if ORGANIZATIONS.is_file():
        for line in ORGANIZATIONS.read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.lstrip().startswith(("#", "//")):
                orgs.add(json.loads(line)["id"])
    try:
        from babel import Locale
        countries = set(Locale("en").territories) | {"SU"}
    except ImportError:  # pragma: no cover - babel is a dependency of the KB loader
        countries = None
    for p in persons:
        for r in p["roles"]:
            kind, _, code = r["of"].partition("/")
            if kind == "organization" and orgs:
                assert r["of"] in orgs, (p["id"], r["of"], "not in organizations.jsonl")
            if kind == "country" and countries is not None:
                assert code in countries, (p["id"], r["of"])


# --- coverage -------------------------------------------------------------------------------

def _holders(persons, country: str, day: date) -> list[tuple[str, dict]]:
    roles = HEAD_OF_STATE_ROLES.get(country, {"president"})
    of = f"country/{country}"
    out = []
    for p in persons:
        for r in p["roles"]:
            if r["of"] != of or r["role"] not in roles:
                continue
            start = _d(r["from"])
            end = _d(r["to"]) if r["to"] else date.max
            if start <= day <= end:  # both days inclusive (data/kb/README.md)
                out.append((p["label"], r))
    return out


def _near_transition(holders, day: date) -> bool:
    window = timedelta(days=TRANSITION_DAYS)
    for _, r in holders:
        for edge in (r["from"], r["to"]):
            if edge and abs(_d(edge) - day) <= window:
                return True
    return False


@pytest.mark.parametrize("country", COVERED)
def test_one_head_of_state_at_every_month(persons, country):
    problems = []
    for day in _months(date(2000, 1, 1), date(2026, 6, 1)):
        holders = _holders(persons, country, day)
        names = sorted({label for label, _ in holders})
        if not names:
            if not _in(VACANCIES.get(country, []), day):
                problems.append(f"{day}: nobody")
        elif len(names) == 2:
            if not (_in(OVERLAPS.get(country, []), day) or _near_transition(holders, day)):
                problems.append(f"{day}: two outside a transition {names}")
        elif len(names) > 2:
            problems.append(f"{day}: {names}")
        elif _in(VACANCIES.get(country, []), day):
            problems.append(f"{day}: {names} inside a documented vacancy")
    assert not problems, f"{country}: " + "; ".join(problems[:10])


def test_documented_exceptions_are_for_covered_countries():
    assert set(VACANCIES) <= set(COVERED) and set(OVERLAPS) <= set(COVERED)
    assert set(HEAD_OF_STATE_ROLES) <= set(COVERED)


# --- spot checks ----------------------------------------------------------------------------

def _roles(p, role, of):
    return [(r["from"], r["to"]) for r in p["roles"] if r["role"] == role and r["of"] == of]


def test_putin_terms(by_label):
    putin = by_label["Vladimir Putin"]
    assert putin["id"] == "person/vladimir-putin"
    presidents = _roles(putin, "president", "country/RU")
    assert ("2000-05-07", "2008-05-07") in presidents
    assert ("2012-05-07", None) in presidents
    assert ("2008-05-08", "2012-05-07") in _roles(putin, "prime_minister", "country/RU")
    for form in ("ولادیمیر پوتین", "پوتین"):
        assert form in _forms(putin, "fa")
    for form in ("فلاديمير بوتين", "بوتين"):
        assert form in _forms(putin, "ar")
    assert "Путин" in _forms(putin, "ru")


def test_medvedev_and_lavrov(by_label):
    assert _roles(by_label["Dmitry Medvedev"], "president", "country/RU") == [
        ("2008-05-07", "2012-05-07")]
    lavrov = by_label["Sergey Lavrov"]
    assert ("2004-03-09", None) in _roles(lavrov, "foreign_minister", "country/RU")
    assert {"سرگئی لاوروف", "لاوروف"} <= set(_forms(lavrov, "fa"))
    assert "Sergei Lavrov" in _forms(lavrov, "en")


def test_russian_president_by_date(persons):
    def who(day):
        return sorted(label for label, _ in _holders(persons, "RU", _d(day)))
    assert who("2005-01-01") == ["Vladimir Putin"]
    assert who("2010-01-01") == ["Dmitry Medvedev"]
    assert who("2015-10-01") == ["Vladimir Putin"]


def test_other_well_known_terms(persons, by_label):
    assert _holders(persons, "IR", _d("2015-01-01"))[0][0] == "Ali Khamenei"
    assert _holders(persons, "US", _d("2019-06-01"))[0][0] == "Donald Trump"
    assert _holders(persons, "US", _d("2023-06-01"))[0][0] == "Joe Biden"
    assert _holders(persons, "TR", _d("2010-06-01"))[0][0] == "Abdullah Gül"
    assert ("1995-11-26", "2003-11-23") in _roles(
        by_label["Eduard Shevardnadze"], "president", "country/GE")
    assert "ادوارد شواردنادزه" in _forms(by_label["Eduard Shevardnadze"], "fa")
