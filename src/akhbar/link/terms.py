"""Words as linking compares them: folded, stopwords out, lightly stemmed per language.

The rules are data (``data/link/terms.tsv``; stopwords are the clean stage's lists), loaded once
per process by :func:`link_tables`.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from ..normalize.search import fold_terms, fold_text



@dataclass(frozen=True)
class TermRule:
    prefixes: tuple[str, ...]
    suffixes: tuple[str, ...]
    truncate: int
    min_len: int
    min_stem: int
    # memo of stem() for this rule (a pure function of the word): words repeat across articles
    memo: dict[str, str] = field(default_factory=dict, compare=False, hash=False, repr=False)


@dataclass(frozen=True)
class LinkTables:
    rules: dict[str, TermRule]
    stopwords: dict[str, frozenset[str]]

    def rule(self, lang: str | None) -> TermRule:
        return self.rules.get(lang or "", _DEFAULT_RULE)


_DEFAULT_RULE = TermRule((), (), 0, 3, 3)


def _lines(area: str, name: str) -> list[str]:
    try:
        text = resources.files("akhbar").joinpath("data", area, name).read_text(encoding="utf-8")
    except FileNotFoundError:
        return []
    return [ln.rstrip("\n") for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]


@lru_cache(maxsize=1)
def link_tables() -> LinkTables:
    rules: dict[str, TermRule] = {}
    for line in _lines("link", "terms.tsv"):
        lang, prefixes, suffixes, truncate, min_len, min_stem = (line.split("\t") + [""] * 6)[:6]
        rules[lang] = TermRule(_affixes(prefixes), _affixes(suffixes), int(truncate or 0), int(min_len or 3),
                               int(min_stem or 3))
    stopwords: dict[str, frozenset[str]] = {}
    for lang in rules:
        words = _lines("clean", f"stopwords_{lang}.txt")
        stopwords[lang] = frozenset(fold_text(w.strip()) for w in words)
    return LinkTables(rules, stopwords)


def _affixes(field: str) -> tuple[str, ...]:
    return tuple(sorted({fold_text(a) for a in field.split()}, key=len, reverse=True))


def words(normalized_text: str) -> list[str]:
    """The folded words (letters and digits) of text already normalized for its language."""
    return fold_terms(normalized_text)


def content_terms(tokens: list[str], lang: str | None, tables: LinkTables) -> Counter[str]:
    """Content words with their counts: no stopwords, no bare numbers, stemmed by the rule."""
    rule = tables.rule(lang)
    stop = tables.stopwords.get(lang or "", frozenset())
    counts = Counter(tokens)
    for w in [w for w in counts if w in stop or w.isdigit() or len(w) < rule.min_len]:
        del counts[w]
    if not rule.prefixes and not rule.suffixes and not rule.truncate:
        return counts
    out: Counter[str] = Counter()
    memo = rule.memo
    for w, c in counts.items():
        s = memo.get(w)
        if s is None:
            s = stem(w, rule)
            if len(memo) < MAX_MEMO:  # bounded: a process reading a huge archive stays small
                memo[w] = s
        out[s] += c
    return out


MAX_MEMO = 1 << 18


def stem(word: str, rule: TermRule) -> str:
    """One prefix and one suffix off (longest first, leaving ``min_stem`` letters), then
    truncation."""
    for p in rule.prefixes:
        if word.startswith(p) and len(word) - len(p) >= rule.min_stem:
            word = word[len(p):]
            break
    for s in rule.suffixes:
        if word.endswith(s) and len(word) - len(s) >= rule.min_stem:
            word = word[: -len(s)]
            break
    if rule.truncate and len(word) > rule.truncate:
        word = word[: rule.truncate]
    return word
