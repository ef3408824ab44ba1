"""Words of a normalized text, for the recogniser: maximal runs of letters and digits.

A ZWNJ, a hyphen or an apostrophe ends a word (``حزب‌الله`` is two words, as is ``Нур-Султан``),
so a name written with a space, a ZWNJ or a hyphen matches in every spelling; what may stand
between two words *of one name* is decided by :func:`joins`.

The text is split once (``re.split`` runs in C); a word's offset is summed from the lengths
before it only when asked (the recogniser asks for few), with the running sums built on demand.
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import accumulate

__all__ = ["WORD_RE", "Words", "words", "joins", "joins_after"]

WORD_RE = re.compile(r"\w+")
_SPLIT_RE = re.compile(r"(\w+)")

# Between two words of one name: a space or two (or a ZWNJ, a no-break space), a hyphen with
# optional spaces, an apostrophe. Never a line break. After an initial or a short abbreviation
# also a dot ("U.S.", "George W. Bush"): see :func:`joins_after`.
_JOIN_RE = re.compile(r"[ \t\u00a0\u200c]{1,3}|[ ]?[-\u2010\u2011][ ]?|['\u2019]")
_INITIAL_GAPS = frozenset({".", ". "})


class Words:
    """The words of ``text``: ``words[k]``, :meth:`start`, :meth:`end`, :meth:`gap`."""

    __slots__ = ("text", "parts", "words", "_acc")

    def __init__(self, text: str) -> None:
        self.text = text
        self.parts = _SPLIT_RE.split(text)  # separator, word, separator, word, ..., separator
        self.words = self.parts[1::2]
        self._acc: list[int] | None = None

    def __len__(self) -> int:
        return len(self.words)

    def _sums(self) -> list[int]:
        if self._acc is None:
            self._acc = list(accumulate(map(len, self.parts)))
        return self._acc

    def start(self, k: int, near: tuple[int, int] | None = None) -> int:
        """Where word ``k`` starts; ``near``: a word and its start, to sum only what lies
        between (cheaper than the running sums for a few offsets)."""
        if near is None:
            return self._sums()[2 * k]
        k0, start0 = near
        if k >= k0:
            return start0 + sum(map(len, self.parts[2 * k0 + 1:2 * k + 1]))
        return start0 - sum(map(len, self.parts[2 * k + 1:2 * k0 + 1]))

    def end(self, k: int, near: tuple[int, int] | None = None) -> int:
        return self.start(k, near) + len(self.words[k])

    def gap(self, k: int) -> str:
        """The characters between word ``k`` and word ``k + 1`` (after the last word: to the end)."""
        return self.parts[2 * k + 2]

    def before(self, k: int) -> str:
        """The characters between word ``k - 1`` (or the start) and word ``k``."""
        return self.parts[2 * k]


def words(text: str) -> Words:
    return Words(text)


@lru_cache(maxsize=1024)
def joins(gap: str) -> bool:
    """Whether ``gap`` may stand between two words of one name."""
    return _JOIN_RE.fullmatch(gap) is not None


def joins_after(word: str, gap: str) -> bool:
    """Whether ``gap`` may follow ``word`` inside a name: :func:`joins`, or a dot after an
    initial or a two-letter abbreviation ("W. Bush", "U.S.")."""
    return joins(gap) or len(word) <= 2 and gap in _INITIAL_GAPS
