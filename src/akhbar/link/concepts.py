"""News concepts shared by languages: what lets two reports in different languages be compared
on what happened, not only on whom they name.

Words cannot be compared across languages, but an explosion is an explosion in any of them. Each
``data/link/concepts_<lang>.tsv`` lists, per concept (``explosion``, ``summit``, ``election``: the
same ids in every language), the words a news text uses for it; Europe Media Monitor's
multilingual category definitions work the same way. The words are keyed exactly as linking keys
an article's words (:mod:`.terms`: folded, stopwords out, lightly stemmed), so an article's
concepts come from its terms with one lookup each.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from .terms import LinkTables, link_tables, stem, words

PREFIX = "concepts_"


@dataclass(frozen=True)
class ConceptTable:
    """Per language, the linking key of each listed word and the concept it stands for."""

    by_lang: dict[str, dict[str, str]]

    def concepts(self, terms: Iterable[tuple[str, int]], lang: str | None) -> Counter[str]:
        """The concepts of an article's ``(term, count)`` pairs, with summed counts (a language
        without a table has none)."""
        keys = self.by_lang.get(lang or "")
        out: Counter[str] = Counter()
        if keys:
            for term, count in terms:
                concept = keys.get(term)
                if concept is not None:
                    out[concept] += count
        return out


def parse_concepts(text: str, lang: str, tables: LinkTables) -> dict[str, str]:
    """``concept<TAB>word word ...`` lines (``#`` comments) as {linking key: concept}. A word
    that keys to two concepts is a data error and raises ``ValueError`` naming both."""
    rule = tables.rule(lang)
    out: dict[str, str] = {}
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        concept, _, listed = line.partition("\t")
        concept = concept.strip()
        if not concept or not listed.strip():
            raise ValueError(f"concepts_{lang}.tsv line {n}: expected 'concept<TAB>words', got {line[:60]!r}")
        for word in listed.split():
            tokens = words(word)
            if len(tokens) != 1:
                continue  # not one word once folded (punctuation, a digit run): nothing to key
            key = stem(tokens[0], rule)
            if out.setdefault(key, concept) != concept:
                raise ValueError(f"concepts_{lang}.tsv line {n}: {word!r} keys to {key!r}, already "
                                 f"the key of {out[key]!r}")
    return out


@lru_cache(maxsize=1)
def concept_table() -> ConceptTable:
    """The shipped concept lists, one per language file (a pure loader of package data)."""
    tables = link_tables()
    folder = resources.files("akhbar").joinpath("data", "link")
    by_lang = {}
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.startswith(PREFIX) and entry.name.endswith(".tsv"):
            lang = entry.name[len(PREFIX):-len(".tsv")]
            by_lang[lang] = parse_concepts(entry.read_text(encoding="utf-8"), lang, tables)
    return ConceptTable(by_lang)
