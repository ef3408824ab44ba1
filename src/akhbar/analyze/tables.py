"""The entity recogniser's language tables, read lazily from ``akhbar/data/analyze/<lang>/``.

Files (UTF-8, ``#`` starts a comment line; described in ``data/analyze/ENTITIES.md``):

- ``ar/proclitics.tsv``: Arabic proclitics on the first word of a name;
- ``fa/enclitics.tsv``: Persian suffixes on the last word of a name (kept or blocking);
- ``ru/endings.tsv``: Russian case endings; ``<lang>/adjective_endings.tsv``: adjective forms;
- ``<lang>/nationalities.tsv``: nationality adjectives and the country they name;
- ``<lang>/entity_cues.tsv``: cue words by entity type and side;
- ``<lang>/not_names.txt``: words that end a discovered name (with ``data/clean/stopwords_<lang>.txt``);
- ``<lang>/name_parts.tsv``: name particles (``بن``, ``عبد``, ``von``) and suffixes (``الثاني``, ``Jr``).

Every loader is a pure function of the shipped data, cached once per process.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from ..normalize import normalize

__all__ = ["Enclitic", "lines", "proclitics", "enclitics", "ru_endings", "adjective_endings", "Proclitics",
           "nationalities", "cues", "stopwords", "name_parts", "NameParts"]

CUE_TYPES = ("outlet", "organization", "place", "person", "speech", "conjunction", "connector")
CUE_SIDES = ("before", "after", "between")


def _read(*parts: str) -> str | None:
    path = resources.files("akhbar").joinpath("data", *parts)
    if not path.is_file():
        return None
    return path.read_text(encoding="utf-8")


def lines(*parts: str) -> list[str]:
    """The non-blank, non-comment lines of a shipped data file (none when it does not exist)."""
    text = _read(*parts)
    if text is None:
        return []
    out = []
    for line in text.splitlines():
        line = line.rstrip("\r\n")
        if line.strip() and not line.lstrip().startswith("#"):
            out.append(line)
    return out


def _columns(lang: str, name: str, count: int) -> list[list[str]]:
    rows = []
    for n, line in enumerate(lines("analyze", lang, name), 1):
        fields = [f.strip() for f in line.split("\t")]
        if len(fields) != count or not all(fields):
            raise ValueError(f"data/analyze/{lang}/{name}: bad line {n}: {line!r} (want {count} TAB-separated fields)")
        rows.append(fields)
    return rows


@dataclass(frozen=True)
class Proclitics:
    """``plain``: prefixes written as is (و ف ب ك); ``lam``: prefixes that drop the article's
    alef (ل + العراق = للعراق); ``article``: the definite article written on a word (ال)."""

    plain: tuple[str, ...] = ()
    lam: tuple[str, ...] = ()
    article: str = ""

    def definite(self) -> tuple[str, ...]:
        """What a word with a proclitic and the article starts with (وال، بال، لل)."""
        if not self.article:
            return ()
        return tuple(p + self.article for p in self.plain) + tuple(p + self.article[1:] for p in self.lam)


@lru_cache(maxsize=None)
def proclitics(lang: str) -> Proclitics:
    """The proclitics of ``lang`` (none for a language without ``proclitics.tsv``)."""
    plain: list[str] = []
    lam: list[str] = []
    article = ""
    for prefix, kind in _columns(lang, "proclitics.tsv", 2):
        form = normalize(prefix, lang).text
        if kind == "any":
            plain.append(form)
        elif kind == "lam":
            lam.append(form)
        elif kind == "article":
            article = form
        else:
            raise ValueError(f"data/analyze/{lang}/proclitics.tsv: unknown kind {kind!r}")
    return Proclitics(tuple(plain), tuple(lam), article)


@dataclass(frozen=True)
class Enclitic:
    suffix: str
    after: str  # any | vowel | heh | consonant
    keep: bool  # True: the word still names the entity; False: it is an adjective or another word


@lru_cache(maxsize=None)
def enclitics(lang: str) -> tuple[Enclitic, ...]:
    out = []
    for suffix, after, effect in _columns(lang, "enclitics.tsv", 3):
        if after not in ("any", "vowel", "heh", "consonant") or effect not in ("keep", "block"):
            raise ValueError(f"data/analyze/{lang}/enclitics.tsv: bad row {suffix!r} {after!r} {effect!r}")
        out.append(Enclitic(normalize(suffix, lang).text, after, effect == "keep"))
    return tuple(out)


def _endings(lang: str, name: str) -> dict[str, tuple[str, ...]]:
    table: dict[str, tuple[str, ...]] = {}
    for ending, replacements in _columns(lang, name, 2):
        forms = tuple("" if r == "-" else r for r in replacements.split(","))
        table[ending] = table.get(ending, ()) + forms
    return table


@lru_cache(maxsize=None)
def ru_endings() -> dict[str, tuple[str, ...]]:
    """Russian noun endings -> their case forms; ``*`` is any other final consonant."""
    return _endings("ru", "endings.tsv")


@lru_cache(maxsize=None)
def adjective_endings(lang: str) -> dict[str, tuple[str, ...]]:
    """Adjective endings -> the other forms (``ru``: case and gender, ``ar``: gender)."""
    return _endings(lang, "adjective_endings.tsv")


@lru_cache(maxsize=None)
def nationalities(lang: str) -> tuple[tuple[str, str], ...]:
    """(country id, adjective as written in the file) for ``lang``."""
    rows = _columns(lang, "nationalities.tsv", 2)
    for country, _ in rows:
        if not country.startswith("country/"):
            raise ValueError(f"data/analyze/{lang}/nationalities.tsv: {country!r} is not a country id")
    return tuple((country, adjective) for country, adjective in rows)


@lru_cache(maxsize=None)
def cues(lang: str) -> dict[tuple[str, str], tuple[str, ...]]:
    """``{(type, side): (cue, ...)}``, each cue normalized for ``lang``."""
    table: dict[tuple[str, str], list[str]] = {}
    for type_, side, cue in _columns(lang, "entity_cues.tsv", 3):
        if type_ not in CUE_TYPES or side not in CUE_SIDES:
            raise ValueError(f"data/analyze/{lang}/entity_cues.tsv: unknown type or side {type_!r} {side!r}")
        table.setdefault((type_, side), []).append(normalize(cue, lang).text)
    return {k: tuple(dict.fromkeys(v)) for k, v in table.items()}


@lru_cache(maxsize=None)
def stopwords(lang: str) -> frozenset[str]:
    """Words that are never part of a name: the clean stage's function words and
    ``not_names.txt``, normalized for ``lang`` (and, for Persian, also without ZWNJ)."""
    words = lines("clean", f"stopwords_{lang}.txt") + lines("analyze", lang, "not_names.txt")
    out: set[str] = set()
    for word in words:
        w = normalize(word.strip(), lang).text
        if not w:
            continue
        out.add(w)
        if "\u200c" in w:
            out.update(w.split("\u200c"))
            out.add(w.replace("\u200c", ""))
        if lang in ("ru", "en"):
            out.add(w[:1].upper() + w[1:])
    return frozenset(out)


@dataclass(frozen=True)
class NameParts:
    """``particles`` join two words of a name and never end it; ``suffixes`` may end a name but
    are never its short form; ``glued``: particles also written glued to the next word."""

    particles: frozenset[str] = frozenset()
    suffixes: frozenset[str] = frozenset()
    glued: frozenset[str] = frozenset()
    given_opens_anywhere: bool = False  # a known given name opens a name wherever it stands


@lru_cache(maxsize=None)
def name_parts(lang: str) -> NameParts:
    """The parts of personal names in ``lang``, normalized."""
    table: dict[str, set[str]] = {"particle": set(), "suffix": set(), "glued": set()}
    anywhere = False
    for kind, word in _columns(lang, "name_parts.tsv", 2):
        if kind == "given":
            if word != "anywhere":
                raise ValueError(f"data/analyze/{lang}/name_parts.tsv: 'given' takes 'anywhere', not {word!r}")
            anywhere = True
            continue
        if kind not in table:
            raise ValueError(f"data/analyze/{lang}/name_parts.tsv: unknown kind {kind!r}")
        table[kind].add(normalize(word, lang).text)
    return NameParts(frozenset(table["particle"] | table["glued"]), frozenset(table["suffix"]),
                     frozenset(table["glued"]), anywhere)
