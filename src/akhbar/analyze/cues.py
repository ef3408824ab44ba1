"""Cue words around a name, per language, from ``<lang>/entity_cues.tsv``.

``Cues.before(type, text, start)``: whether a cue of ``type`` ends right before ``start``
(quotation marks, brackets, a colon or a comma may stand between; in Arabic the cue may carry a
proclitic: "لوكالة"); ``Cues.after(type, text, end)``: whether one starts right after ``end``.
A ZWNJ and a space count as the same in a cue ("به گزارش", "به‌گزارش").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from . import tables
from .tokens import WORD_RE
from .variants import word_forms

__all__ = ["Cues", "cues_for"]

# What may stand between a cue and the name it supports.
_FILLER = " \t\n\u200c«»\"“”'‘’()[]:،,-"
_WINDOW = 48
_TRAILING_WORD = re.compile(r"\w+$")


def _flat(text: str) -> str:
    return text.replace("\u200c", " ")


@dataclass(frozen=True)
class Cues:
    lang: str
    _before: dict[str, tuple[str, ...]]
    _after: dict[str, tuple[str, ...]]
    _prefixes: frozenset[str]  # what may be glued before a cue (Arabic proclitics)
    conjunctions: frozenset[str]
    connectors: frozenset[str]
    speech: frozenset[str]  # speech verbs, with their written forms
    honorifics: frozenset[str]  # last words of the person cues, with their written forms

    def before(self, type_: str, text: str, start: int) -> bool:
        cues = self._before.get(type_)
        if not cues:
            return False
        window = _flat(text[max(0, start - _WINDOW):start]).rstrip(_FILLER)
        if not window.endswith(cues):
            return False
        for cue in cues:
            if window.endswith(cue):
                glued = _TRAILING_WORD.search(window, 0, len(window) - len(cue))
                if glued is None or glued.group() in self._prefixes:
                    return True
        return False

    def after(self, type_: str, text: str, end: int) -> bool:
        cues = self._after.get(type_)
        if not cues:
            return False
        window = _flat(text[end:end + _WINDOW]).lstrip(_FILLER)
        if not window.startswith(cues):
            return False
        for cue in cues:
            if window.startswith(cue) and not window[len(cue):len(cue) + 1].isalnum():
                return True
        return False


@lru_cache(maxsize=None)
def cues_for(lang: str) -> Cues:
    table = tables.cues(lang)
    prefixes: frozenset[str] = frozenset()
    clitics = tables.proclitics(lang)
    if clitics.plain or clitics.lam:
        prefixes = frozenset(clitics.plain + clitics.lam)

    def side(name: str) -> dict[str, tuple[str, ...]]:
        return {t: tuple(sorted({_flat(c) for c in cs}, key=len, reverse=True))
                for (t, s), cs in table.items() if s == name}

    return Cues(
        lang=lang,
        _before=side("before"),
        _after=side("after"),
        _prefixes=prefixes,
        conjunctions=frozenset(table.get(("conjunction", "between"), ())),
        connectors=frozenset(table.get(("connector", "between"), ())),
        speech=frozenset(form for cue in table.get(("speech", "before"), ())
                         for form in word_forms(cue, lang, first=True, last=True)),
        honorifics=frozenset(form for cue in table.get(("person", "before"), ())
                             for last in WORD_RE.findall(cue)[-1:]
                             for form in word_forms(last, lang, first=True, last=True)),
    )
