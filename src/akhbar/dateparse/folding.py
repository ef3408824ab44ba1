"""Loose spelling for the date tables: lookup keys and regex building blocks.

The article text is never changed: patterns match its original characters directly, with
character classes where spellings differ (ي/ی/ى, ك/ک, ة/ه/ۀ, the alef forms, ё/е, every digit
system through ``\\d``), and the matched words are looked up through :func:`key`, which folds
the same differences away. Both are built from one list of equivalences, so what a pattern
accepts always has a key in the table.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

# letter -> the letter it is compared as
_LETTER_FOLD = {
    "ي": "ی", "ى": "ی", "ئ": "ی",
    "ك": "ک",
    "ة": "ه", "ۀ": "ه",
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا",
    "ё": "е", "Ё": "е",
}
# canonical letter -> a regex class for all its spellings
_CLASSES = {
    "ی": "[یيىئ]",
    "ک": "[کك]",
    "ه": "[هةۀ]\u0654?",
    "ا": "[اأإآٱ]",
    "е": "[её]",
}
# characters that do not count in a key: spaces, joiners, hyphens, apostrophes, dots, tatweel,
# Arabic diacritics and the combining hamza above (ژانویهٔ)
_DROP = (
    " \t\u00a0\u202f\u2009\u200c\u200d\u200e\u200f-\u2010\u2011'’ʼ‘`.ـ\u0654\u0670"
    + "".join(chr(c) for c in range(0x064B, 0x0653))
)
_KEY_TABLE = str.maketrans({**_LETTER_FOLD, **{c: None for c in _DROP}})

# the regex atoms for the characters of a table entry that are matched loosely
SPACE_IN_NAME = "[ \u00a0\u200c]?"
_HYPHEN = "[-\u2010\u2011 ]?"
_APOSTROPHE = "['’ʼ‘`]?"


@lru_cache(maxsize=8192)
def key(text: str) -> str:
    """The lookup key of a word or phrase: folded letters, no spaces/joiners/dots, lower case.

    Cached: the words looked up are a news vocabulary's worth, and ``str.translate`` with a
    mapping costs about a microsecond even on a short word.
    """
    return text.translate(_KEY_TABLE).lower()


def atoms(variant: str) -> tuple[str, ...]:
    """The regex atoms that match ``variant`` loosely (see ``data/dates/README.md``)."""
    out: list[str] = []
    last = len(variant) - 1
    for i, ch in enumerate(variant):
        if ch == " ":
            out.append(SPACE_IN_NAME)
        elif ch == "-":
            out.append(_HYPHEN)
        elif ch in "'’ʼ‘":
            out.append(_APOSTROPHE)
        elif ch == ".":
            out.append(r"\.?" if i == last else r"\.? ?")
        elif ch == "ـ":
            out.append("ـ?")
        elif ch == "\u0654":
            continue  # the class of ه already allows it
        else:
            folded = _LETTER_FOLD.get(ch, ch).lower()
            out.append(_CLASSES.get(folded, re.escape(folded)))
    return tuple(out)


def _can_be_empty(atom: str) -> bool:
    return atom.endswith("?")


def trie_pattern(variants: Iterable[str]) -> str:
    """One regex (no groups) matching any of ``variants``, factored by common prefixes.

    Python's ``re`` tries the alternatives of an alternation one by one; sharing prefixes keeps
    a table of a few hundred names to a handful of character tests at each position. Longer
    continuations are tried before shorter ones, so the longest name wins when both fit.
    """
    root: dict = {}
    for v in variants:
        node = root
        for a in atoms(v):
            node = node.setdefault(a, {})
        node[""] = {}  # end of a variant
    if not root:
        return "(?!)"
    return _emit(root)


def _depth(node: dict) -> int:
    return 1 + max((_depth(c) for a, c in node.items() if a), default=0)


def _emit(node: dict) -> str:
    branches = [(a, c) for a, c in node.items() if a]
    ends = "" in node
    if not branches:
        return ""
    # required atoms before optional ones, deeper subtrees first: the longest fit is tried first
    branches.sort(key=lambda ac: (_can_be_empty(ac[0]), -_depth(ac[1])))
    alts = [a + _emit(c) for a, c in branches]
    if len(alts) == 1:
        body = alts[0]
        if not ends:
            return body
        return f"(?:{body})?"
    body = "(?:" + "|".join(alts) + ")"
    return body + "?" if ends else body
