"""Loaders for the normalization tables shipped in ``akhbar/data/normalize``.

Every loader is a pure function of the shipped files, cached with ``lru_cache``: nothing is
read at import time, and a table is read once per process on first use.

File formats (UTF-8, ``#`` starts a comment line, columns separated by a TAB):
- code points are written ``U+0623`` and ranges ``U+064B..U+065F``;
- word lists have one entry per line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files

__all__ = [
    "rows",
    "words",
    "codepoints",
    "NeutralTable",
    "neutral_table",
    "letter_table",
    "strip_chars",
    "strip_re",
    "fa_non_joining",
    "FaAffixes",
    "fa_affixes",
    "FaLexicon",
    "fa_lexicon",
    "FaVerbs",
    "fa_verbs",
    "ar_proclitics",
    "search_fold_table",
]


def rows(relpath: str) -> list[list[str]]:
    """The non-comment lines of a shipped table, split at TABs (trailing empty cells kept)."""
    text = files("akhbar").joinpath("data/normalize", relpath).read_text(encoding="utf-8")
    out = []
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        out.append(line.split("\t"))
    return out


def words(relpath: str) -> list[str]:
    """A shipped word list: one entry per line, ``#`` comment lines and blank lines skipped."""
    text = files("akhbar").joinpath("data/normalize", relpath).read_text(encoding="utf-8")
    return [w for w in text.split("\n") if w and not w.startswith("#")]


def codepoints(spec: str) -> list[str]:
    """``U+0623`` -> ["أ"]; ``U+064B..U+065F`` -> the characters of the range; "" -> []."""
    spec = spec.strip()
    if not spec:
        return []
    if ".." in spec:
        a, b = spec.split("..")
        return [chr(c) for c in range(_cp(a), _cp(b) + 1)]
    return [chr(_cp(spec))]


def _cp(s: str) -> int:
    s = s.strip()
    if not s.upper().startswith("U+"):
        raise ValueError(f"bad code point {s!r}: write U+XXXX")
    return int(s[2:], 16)


def _char_class(chars: list[str]) -> str:
    return "".join(re.escape(c) for c in sorted(set(chars)))


@dataclass(frozen=True)
class NeutralTable:
    spaces: tuple[tuple[str, str], ...]  # odd spaces -> " " (one for one)
    newlines: tuple[str, ...]  # line-break characters other than "\n"
    newline_re: re.Pattern[str]  # "\r\n" or any of them
    delete: tuple[str, ...]  # invisible characters
    delete_re: re.Pattern[str]


@lru_cache(maxsize=None)
def neutral_table() -> NeutralTable:
    spaces: list[str] = []
    newlines: list[str] = []
    delete: list[str] = []
    for r in rows("common/characters.tsv"):
        chars = codepoints(r[0])
        action = r[1].strip()
        if action == "space":
            spaces.extend(chars)
        elif action == "newline":
            newlines.extend(chars)
        elif action == "delete":
            delete.extend(chars)
        else:
            raise ValueError(f"common/characters.tsv: unknown action {action!r}")
    newline_re = re.compile("\r\n|[" + _char_class(newlines) + "]")
    delete_re = re.compile("[" + _char_class(delete or ["\0"]) + "]+")
    return NeutralTable(
        tuple((c, " ") for c in spaces), tuple(newlines), newline_re, tuple(delete), delete_re
    )


@lru_cache(maxsize=None)
def letter_table(lang: str) -> tuple[tuple[str, str], ...]:
    """One-for-one letter replacements for ``lang`` (``<lang>/letters.tsv``)."""
    pairs = []
    for r in rows(f"{lang}/letters.tsv"):
        (src,), dst = codepoints(r[0]), codepoints(r[1])
        if len(dst) != 1:
            raise ValueError(f"{lang}/letters.tsv: {r[0]} must map to exactly one character")
        pairs.append((src, dst[0]))
    return tuple(pairs)


@lru_cache(maxsize=None)
def strip_chars(lang: str) -> tuple[str, ...]:
    """The marks ``lang`` removes (``<lang>/strip.tsv``)."""
    chars: list[str] = []
    for r in rows(f"{lang}/strip.tsv"):
        chars.extend(codepoints(r[0]))
    return tuple(dict.fromkeys(chars))


@lru_cache(maxsize=None)
def strip_re(lang: str) -> re.Pattern[str]:
    return re.compile("[" + _char_class(list(strip_chars(lang))) + "]+")


@lru_cache(maxsize=None)
def fa_non_joining() -> frozenset[str]:
    return frozenset(r[0].strip() for r in rows("fa/non_joining.txt"))


@dataclass(frozen=True)
class Suffix:
    text: str
    stem: str  # "word" | "adj" | "heh"
    space: str  # "always" | "adj" | "participle" | "no"


@dataclass(frozen=True)
class FaAffixes:
    verb_prefixes: tuple[str, ...]  # می, نمی
    preverbs: tuple[str, ...]  # بر, در, ...
    noun_prefixes: tuple[str, ...]  # بی
    impersonal: frozenset[str]  # present stems used bare after می (توان)
    suffixes: tuple[Suffix, ...]  # longest first


@lru_cache(maxsize=None)
def fa_affixes() -> FaAffixes:
    kinds: dict[str, list[list[str]]] = {}
    for r in rows("fa/affixes.tsv"):
        r = [c.strip() for c in r] + [""] * (4 - len(r))
        kinds.setdefault(r[0], []).append(r)
    suffixes = [Suffix(r[1], r[2], r[3]) for r in kinds.get("suffix", [])]
    suffixes.sort(key=lambda s: -len(s.text))
    return FaAffixes(
        verb_prefixes=tuple(r[1] for r in kinds.get("verb_prefix", [])),
        preverbs=tuple(r[1] for r in kinds.get("preverb", [])),
        noun_prefixes=tuple(r[1] for r in kinds.get("noun_prefix", [])),
        impersonal=frozenset(r[1] for r in kinds.get("impersonal", [])),
        suffixes=tuple(suffixes),
    )


@dataclass(frozen=True)
class FaLexicon:
    """Persian words (derived from hazm's lexicon, see fa/SOURCES.md).

    ``freq``: words attested in hazm's corpus or tagged with a part of speech, with their corpus
    frequency; ``adjectives``: gradable adjectives among them (see below); ``rare``: further words hazm lists without
    frequency or tag (real words, but also some glued spellings); ``compounds``: the spelling
    without ZWNJ of every ZWNJ compound -> the compound.
    """

    freq: dict[str, int]
    adjectives: frozenset[str]
    rare: frozenset[str]
    compounds: dict[str, str]


@lru_cache(maxsize=None)
def fa_lexicon() -> FaLexicon:
    freq: dict[str, int] = {}
    tagged_adj: dict[str, set[str]] = {}
    for r in rows("fa/lexicon.tsv"):
        word = r[0]
        freq[word] = int(r[1])
        tags = set(r[2].split(",")) if len(r) > 2 else set()
        if "AJ" in tags:
            tagged_adj[word] = tags
    rare = frozenset(words("fa/lexicon_rare.txt"))
    # hazm tags many nouns AJ too (کار, فیل): an adjective here is one tagged AJ that is not
    # also a noun, or is also an adverb (gradable: سخت, مهم), or whose comparative is listed
    adjectives = {
        w
        for w, tags in tagged_adj.items()
        if "N" not in tags
        or "ADV" in tags
        or w + "تر" in freq
        or any(c in freq or c in rare for c in (w + "\u200cتر", w + "ترین", w + "\u200cترین"))
    }
    compounds: dict[str, str] = {}
    for word in [w for w in freq if "\u200c" in w] + sorted(w for w in rare if "\u200c" in w):
        compounds.setdefault(word.replace("\u200c", ""), word)
    return FaLexicon(freq, frozenset(adjectives), rare, compounds)


@dataclass(frozen=True)
class FaVerbs:
    tails: frozenset[str]  # what may follow می/نمی: conjugated stems, participles
    participles: frozenset[str]  # past stem + ه (گفته, پرداخته)


PRESENT_ENDINGS = ("م", "ی", "د", "یم", "ید", "ند")
PAST_ENDINGS = ("", "م", "ی", "یم", "ید", "ند")


@lru_cache(maxsize=None)
def fa_verbs() -> FaVerbs:
    tails: set[str] = set()
    participles: set[str] = set()
    for r in rows("fa/verbs.tsv"):
        past, present = r[0].strip(), r[1].strip()
        if past:
            tails.update(past + e for e in PAST_ENDINGS)
            participles.add(past + "ه")
        if present:
            tails.update(present + e for e in PRESENT_ENDINGS)
            if present[-1] in "اوآ":  # گو -> گوید, آ -> آیند
                tails.update(present + "ی" + e for e in PRESENT_ENDINGS)
    tails |= participles
    tails |= fa_affixes().impersonal
    return FaVerbs(frozenset(tails), frozenset(participles))


@lru_cache(maxsize=None)
def ar_proclitics() -> tuple[str, ...]:
    return tuple(sorted({r[0].strip() for r in rows("ar/proclitics.txt")}, key=lambda p: (-len(p), p)))


@lru_cache(maxsize=None)
def search_fold_table() -> tuple[tuple[str, str], ...]:
    """(character, replacement) pairs of the search alphabet; an empty replacement removes."""
    pairs = []
    for r in rows("search/fold.tsv"):
        (src,) = codepoints(r[0])
        dst = codepoints(r[1]) if len(r) > 1 else []
        if src != (dst[0] if dst else ""):
            pairs.append((src, dst[0] if dst else ""))
    return tuple(pairs)
