"""The date analysis's language tables, read lazily from ``akhbar/data/analyze/<lang>/``.

- ``relative_dates.tsv``: relative day, week and weekday expressions, the words around them,
  and the words that block them (format: ``data/analyze/DATES.md``);
- ``date_cues.tsv``: background, future-tense and calendar-twin cue words.

Entries are normalized with the article's normalizer (:func:`akhbar.normalize.normalize`), so
they match ``Article.norm_title`` / ``norm_body`` as the normalize stage wrote them, and they are
compiled to literal prefix tries (:func:`literal_trie`: a space in an entry also matches a ZWNJ
or nothing; Latin and Cyrillic compared case-insensitively, so list ``ё`` spellings too).
Lookups go through :func:`akhbar.dateparse.folding.key`.
Every loader is a pure function of the shipped data, cached once per process.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from ..dateparse.folding import key
from ..dateparse.grammar import GAP, NAL, NBL
from ..normalize import normalize

__all__ = ["LANGUAGES", "NUMBER", "RelativeTable", "CueTable", "relative_table", "cue_table", "norm_key"]

LANGUAGES = ("fa", "ar", "ru", "en")
KINDS = ("day", "week", "weekday", "wd_before", "wd_after", "part_before", "part_after",
         "proclitic", "setting", "block_before", "block_after")
CLASSES = ("day", "week", "weekday")
CASED = ("ru", "en")
NUMBER = "<number>"  # in a block list: any number
CUE_KINDS = ("background", "future", "twin")
CUE_SIDES = ("any", "before", "after", "between")
# not followed by a letter, nor by a ZWNJ and a letter (جمعه‌ها is "Fridays")
NBLZ = NBL + "(?!\u200c[^\\W\\d_])"


def _rows(lang: str, name: str) -> list[tuple[int, list[str]]]:
    path = resources.files("akhbar").joinpath("data", "analyze", lang, name)
    if not path.is_file():
        return []
    out = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cols = [c.strip() for c in line.split("\t")]
        if len(cols) != 3 or not cols[2]:
            raise ValueError(f"data/analyze/{lang}/{name}:{n}: expected 3 tab-separated columns")
        out.append((n, cols))
    return out


def _norm(text: str, lang: str) -> str:
    """An entry as the normalize stage would write it (a ZWNJ counts as a space)."""
    return normalize(text, lang).text.replace("\u200c", " ")


# The lookup key of a matched stretch of normalized text (the folding of the date tables).
norm_key = key


def literal_trie(entries) -> str:
    """One regex matching any of ``entries`` literally, factored by common prefixes (longest
    first); a space matches a space, a no-break space, a ZWNJ or nothing. For normalized text,
    whose letters need no classes (:func:`~akhbar.dateparse.folding.trie_pattern` is the loose
    version for raw text)."""
    root: dict = {}
    for entry in entries:
        node = root
        for ch in entry:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _emit(root) if root else "(?!)"


def _emit(node: dict) -> str:
    branches = sorted((c, n) for c, n in node.items() if c)
    if not branches:
        return ""
    alts = [(_SPACE if c == " " else re.escape(c)) + _emit(n) for c, n in branches]
    body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
    return f"(?:{body})?" if "" in node else body


_SPACE = "[ \u00a0\u200c]?"


def _alternation(entries, *, prefix_ok: bool = False) -> str:
    """A pattern for entries (whole words; with ``prefix_ok`` an entry ending in ``*`` may go on)."""
    trie = literal_trie
    whole = [e for e in entries if not e.endswith("*")]
    parts = []
    if whole:
        parts.append(f"(?:{trie(whole)}){NBLZ}")
    if prefix_ok:
        pre = [e[:-1] for e in entries if e.endswith("*")]
        if pre:
            parts.append(f"(?:{trie(pre)})")
    return "|".join(parts) if parts else "(?!)"


@dataclass(frozen=True)
class RelativeTable:
    """One language's relative expressions, compiled."""

    lang: str
    # the core words (day and week phrases, weekday names): ``anchor`` scans the text (no
    # lookbehind, no boundary test: both would cost the scan more than the few hits cost Python),
    # ``anchor_word`` re-matches at a hit that does not end a word (the longest entry may run
    # into the next word where a shorter one ends right: "فردا شبانه")
    anchor: re.Pattern
    anchor_word: re.Pattern
    day: dict[str, int]  # key -> offset in days
    week: dict[str, int]  # key -> offset in weeks
    weekday: dict[str, int]  # key -> 0 Monday .. 6 Sunday
    wd_before: dict[str, int]  # key -> direction
    wd_after: dict[str, int]
    part_before: frozenset[str]  # keys of the parts of the day before a phrase ("صباح")
    part_before_lasts: frozenset[str]  # keys of their last words
    wd_before_lasts: frozenset[str]
    after_weekday: re.Pattern  # a direction word after a weekday
    attached_weekday: re.Pattern  # a weekday after a day word: "اليوم (الاثنين)", "أمس الجمعة"
    attached_day: re.Pattern  # a day word in brackets after a weekday: "الاثنين (أمس)"
    after_part: re.Pattern  # a part of the day after the phrase: "вчера вечером"
    proclitics: frozenset[str]
    bare_weekday: bool
    block_before: dict[str, frozenset[str]]  # phrase key, class or "*" -> previous-word keys
    block_after: dict[str, frozenset[str]]

    def kind(self, k: str) -> str | None:
        if k in self.day:
            return "day"
        if k in self.week:
            return "week"
        if k in self.weekday:
            return "weekday"
        return None

    def blocked(self, table: dict[str, frozenset[str]], phrase: str, cls: str, word: str) -> bool:
        if not word or not table:
            return False
        for k in (phrase, cls, "*"):
            words = table.get(k)
            if words is not None and word in words:
                return True
        return False


def _cases(entries: list[str]) -> list[str]:
    """Every entry in lower case, with a capital first letter, in title case and in upper case:
    the scanning patterns spell the cases out, since IGNORECASE costs Python's ``re`` its fast
    first-character scan (about seven times slower on English text)."""
    out: list[str] = []
    for e in entries:
        low = e.lower()
        for v in (low, low[:1].upper() + low[1:], low.title(), low.upper()):
            if v not in out:
                out.append(v)
    return out


def _last_words(entries: list[str]) -> frozenset[str]:
    return frozenset(key(e.split()[-1]) for e in entries if e.split())


@lru_cache(maxsize=None)
def relative_table(lang: str) -> RelativeTable | None:
    """The relative-date table of ``lang``, or None when the language has none."""
    rows = _rows(lang, "relative_dates.tsv") if lang in LANGUAGES else []
    if not rows:
        return None
    texts: dict[str, list[str]] = {k: [] for k in KINDS}
    values: dict[str, dict[str, int]] = {k: {} for k in ("day", "week", "weekday", "wd_before", "wd_after")}
    settings: dict[str, int] = {}
    blocks: dict[str, dict[str, set[str]]] = {"block_before": {}, "block_after": {}}
    for n, (kind, value, text) in rows:
        where = f"data/analyze/{lang}/relative_dates.tsv:{n}"
        if kind not in KINDS:
            raise ValueError(f"{where}: unknown kind {kind!r}")
        if kind == "setting":
            settings[text] = int(value)
            continue
        entry = _norm(text, lang)
        if kind in blocks:
            target = value if value in (*CLASSES, "*") else key(_norm(value, lang))
            blocks[kind].setdefault(target, set()).add(NUMBER if text == NUMBER else key(entry))
            continue
        texts[kind].append(entry)
        if kind in values:
            v = int(value)
            if kind == "weekday" and not 0 <= v <= 6 or kind.startswith("wd_") and v not in (-1, 0, 1):
                raise ValueError(f"{where}: bad value {value!r}")
            values[kind][key(entry)] = v
    weekdays = _alternation(texts["weekday"])
    days = _alternation(texts["day"])
    core = [e for k in ("day", "week", "weekday") for e in texts[k]]
    # cased scripts compare case-insensitively (the scanning patterns through _cases); Arabic
    # script has no case
    flags = re.IGNORECASE if lang in CASED else 0
    sep = f"{GAP}{{0,3}}[,،]?{GAP}{{0,3}}"
    return RelativeTable(
        lang=lang,
        anchor=re.compile(literal_trie(_cases(core) if flags else core)),
        anchor_word=re.compile(_alternation(_cases(core) if flags else core)),
        day=values["day"],
        week=values["week"],
        weekday=values["weekday"],
        wd_before=values["wd_before"],
        wd_after=values["wd_after"],
        part_before=frozenset(key(p) for p in texts["part_before"]),
        part_before_lasts=_last_words(texts["part_before"]),
        wd_before_lasts=_last_words(texts["wd_before"]),
        after_weekday=re.compile(f"{GAP}{{1,3}}(?P<w>{_alternation(texts['wd_after'])})", flags),
        attached_weekday=re.compile(
            f"{sep}(?:\\({GAP}{{0,3}}(?P<w1>{weekdays}){GAP}{{0,3}}\\)|(?P<w2>{weekdays}))", flags),
        attached_day=re.compile(f"{GAP}{{0,3}}\\({GAP}{{0,3}}(?P<w>{days}){GAP}{{0,3}}\\)", flags),
        after_part=re.compile(f"{GAP}{{1,3}}(?P<w>{_alternation(texts['part_after'])})", flags),
        proclitics=frozenset(key(p) for p in texts["proclitic"]),
        bare_weekday=bool(settings.get("bare_weekday", 0)),
        block_before={k: frozenset(v) for k, v in blocks["block_before"].items()},
        block_after={k: frozenset(v) for k, v in blocks["block_after"].items()},
    )


@dataclass(frozen=True)
class CueTable:
    """One language's date cues: ``search(kind, side)`` patterns (None when the table has none)."""

    lang: str
    patterns: dict[tuple[str, str], re.Pattern]

    def get(self, kind: str, side: str) -> re.Pattern | None:
        return self.patterns.get((kind, side))


@lru_cache(maxsize=None)
def cue_table(lang: str | None) -> CueTable:
    """The date cues of ``lang`` (an empty table for a language without one)."""
    rows = _rows(lang, "date_cues.tsv") if lang in LANGUAGES else []
    by: dict[tuple[str, str], list[str]] = {}
    for n, (kind, side, text) in rows:
        if kind not in CUE_KINDS or side not in CUE_SIDES:
            raise ValueError(f"data/analyze/{lang}/date_cues.tsv:{n}: bad kind or side {kind!r} {side!r}")
        star = text.endswith("*")
        entry = _norm(text.rstrip("*"), lang) + ("*" if star else "")
        by.setdefault((kind, side), []).append(entry)
    patterns = {
        ks: re.compile(f"{NAL}(?:{_alternation(entries, prefix_ok=True)})",
                       re.IGNORECASE if lang in CASED else 0)
        for ks, entries in by.items()
    }
    return CueTable(lang or "", patterns)
