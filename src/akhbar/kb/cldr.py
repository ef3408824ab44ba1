"""Countries and cities from CLDR, through ``babel`` (no files copied: read at load time).

Countries: ``Locale(lang).territories`` for the knowledge base's languages, keeping the ISO 3166-1
alpha-2 codes of countries and territories: numeric region codes (``001``, ``143``...) and codes
that are not countries (``EU``, ``UN``, ``ZZ``, ``QO``, the pseudo-locales ``XA``/``XB``, the
exceptional reservations ``AC``, ``CP``, ``DG``...) are left out. The label is CLDR's English name;
``country_aliases.jsonl`` replaces it where the press uses a shorter one and adds the names CLDR
lacks.

Cities: CLDR's exemplar cities of time zones (``Locale(lang).time_zones[zone]['city']``; English
falls back to the zone id, as CLDR itself does), each a ``place`` of kind ``city`` in the zone's
country. A zone "city" that bears its country's own name in a language (``Asia/Kuwait`` is
"Kuwait", ``Asia/Qatar`` "Qatar") gets no name in that language: that name is the country's; a
zone whose English name is a word group of its country's name ("Hong Kong" in "Hong Kong SAR
China", "Cayman" in "Cayman Islands") or that is left with a name in fewer than two languages is
no city of its own.

CLDR spells names for display, so each is cleaned into the form running text uses: a
parenthesised or comma-separated qualifier is dropped ("Myanmar (Burma)" -> "Myanmar",
"Marengo, Indiana" -> "Marengo"); Arabic-script diacritics are removed (``عُمان`` -> ``عمان``); in
Persian the hamza above a final heh (``کرهٔ جنوبی``) is also given without it (``کره جنوبی``), as
the press mostly writes it; CLDR's Russian abbreviations are also given in full (``о-ва Кука`` ->
``острова Кука``); English "&" and "St." also as "and" and "Saint".
"""

from __future__ import annotations

import re
import unicodedata

from .lines import Draft

LANGUAGES = ("en", "fa", "ar", "ru")

# Two-letter CLDR territory codes that are not ISO 3166-1 countries or territories.
NOT_COUNTRIES = frozenset({
    "AC", "CP", "CQ", "DG", "EA", "IC", "TA",  # exceptional reservations (islands, enclaves)
    "EU", "EZ", "UN",  # European Union, eurozone, United Nations
    "QO", "ZZ",  # outlying Oceania, unknown region
    "XA", "XB",  # pseudo-locales
})

_QUALIFIER = re.compile(r"\s*[(\uff08].*?[)\uff09]\s*|\s*[,\u060c].*$")
_HAMZA_HEH = re.compile("\u0647\u0654|\u06c0")
_DIACRITICS = re.compile("[\u064b-\u0652\u0670]")
_EXPANSIONS = {
    "ru": ((re.compile(r"\bо-ва\b"), "острова"), (re.compile(r"\bо-в\b"), "остров")),
    "en": ((re.compile(r" & "), " and "), (re.compile(r"\bSt\. "), "Saint ")),
}


def slug(text: str) -> str:
    """An ASCII id slug from an English name: "Côte d’Ivoire" -> "cote-d-ivoire"."""
    bare = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9]+", "-", bare.lower()).strip("-")


def display_forms(lang: str, name: str) -> list[str]:
    """The running-text forms of a CLDR display name (see the module docstring)."""
    head = _QUALIFIER.sub("", name).strip()
    if lang in ("fa", "ar"):
        head = _DIACRITICS.sub("", head)
    forms = [head] if head else []
    if lang == "fa" and head and _HAMZA_HEH.search(head):
        forms.append(_HAMZA_HEH.sub("\u0647", head))
    for pattern, full in _EXPANSIONS.get(lang, ()):
        forms.extend(pattern.sub(full, f) for f in list(forms) if pattern.search(f))
    return forms


def _locales():
    from babel import Locale  # local: babel loads its data lazily, keep import cost out of import time

    return {lang: Locale(lang) for lang in LANGUAGES}


def countries(locales=None) -> dict[str, Draft]:
    """``country/XX`` drafts for every ISO 3166-1 code CLDR names, with names in LANGUAGES."""
    locales = locales or _locales()
    territories = {lang: loc.territories for lang, loc in locales.items()}
    out: dict[str, Draft] = {}
    for code, en_name in territories["en"].items():
        if len(code) != 2 or not code.isalpha() or code in NOT_COUNTRIES:
            continue
        label = _EXPANSIONS["en"][0][0].sub(" and ", en_name)  # "Bosnia & Herzegovina" -> "... and ..."
        draft = Draft(f"country/{code}", "country", label, origin="CLDR")
        for lang in LANGUAGES:
            name = territories[lang].get(code)
            if name:
                for form in display_forms(lang, name):
                    draft.add_name(lang, form)
        out[draft.id] = draft
    return out


def cities(country_drafts: dict[str, Draft], locales=None) -> dict[str, Draft]:
    """``place/<slug>`` drafts (kind ``city``) for CLDR's time-zone exemplar cities."""
    from babel.core import get_global

    locales = locales or _locales()
    zone_country = get_global("zone_territories")
    zone_alias = get_global("zone_aliases")  # CLDR's zone ids are the old ones: Europe/Kiev -> Europe/Kyiv
    zones = {lang: loc.time_zones for lang, loc in locales.items()}
    out: dict[str, Draft] = {}
    for zone in sorted(zones["fa"].keys() | zones["en"].keys()):
        current = zone_alias.get(zone, zone)
        country = zone_country.get(zone) or zone_country.get(current)
        if not country or f"country/{country}" not in country_drafts or zone.startswith(("Etc/", "Antarctica/")):
            continue
        country_draft = country_drafts[f"country/{country}"]
        country_names = country_draft.names
        en_city = zones["en"].get(zone, {}).get("city") or current.rsplit("/", 1)[-1].replace("_", " ")
        if re.search(rf"\b{re.escape(en_city)}\b", country_draft.label):
            continue  # "Hong Kong" of "Hong Kong SAR China", "Kuwait", "Cayman": the territory itself
        names: dict[str, list[str]] = {}
        for lang in LANGUAGES:
            city = zones[lang].get(zone, {}).get("city")
            if not city and lang == "en":
                city = current.rsplit("/", 1)[-1].replace("_", " ")
            if not city:
                continue
            forms = [f for f in display_forms(lang, city) if f not in country_names.get(lang, ())]
            if forms:
                names[lang] = forms
        if "en" not in names or len(names) < 2:  # a zone named for its country in (nearly) every language
            continue
        label = names["en"][0]
        eid = f"place/{slug(label)}"
        draft = out.get(eid)
        if draft is None:
            draft = out[eid] = Draft(eid, "place", label, attrs={"kind": "city", "in": f"country/{country}"},
                                     origin="CLDR")
        for lang, forms in names.items():
            for form in forms:
                draft.add_name(lang, form)
    return dict(sorted(out.items()))


def drafts() -> dict[str, Draft]:
    """Countries then cities, as one id -> Draft mapping."""
    locales = _locales()
    result = countries(locales)
    result.update(cities(result, locales))
    return result
