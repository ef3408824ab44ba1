"""Finding the title among a text's first lines, and recognising lines that repeat it.

The title is not assumed to be line one: blank lines, language switchers, menus, datelines and
other lines the cue rules removed are skipped, and the title is the first remaining line that
looks like a headline (a few words, not a paragraph). When the container gave a title (JSON
field, feed entry, HTML metadata), the title is the first top line that says the same thing;
if no top line does, the given title stays metadata only.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher
from typing import TYPE_CHECKING

from .tables import key

if TYPE_CHECKING:
    from .lines import Line

MAX_TITLE_WORDS = 24  # longer first lines are leads, not headlines
MAX_TITLE_CHARS = 200
MIN_TITLE_WORDS = 2
SEARCH_LINES = 8  # how many non-removed top lines may hold the title
SIMILAR = 0.9  # SequenceMatcher ratio for "nearly the same line"

_NON_WORD = re.compile(r"[\W_]+")
_SITE_SUFFIX = re.compile(r"\s+[|\u2013\u2014\-:\u00bb\u00b7\u2022]+\s+")


def title_key(text: str) -> str:
    """Letters and digits of ``text``, folded (see :func:`akhbar.clean.tables.key`), one space apart."""
    return _NON_WORD.sub(" ", key(text)).strip()


def title_variants(title: str) -> list[str]:
    """Keys for a given title and for its parts around a " | Site" / " - Site" separator."""
    keys = [title_key(title)]
    parts = [p for p in _SITE_SUFFIX.split(title) if p.strip()]
    if len(parts) > 1:
        keys.append(title_key(max(parts, key=len)))
    return [k for k in keys if k]


def similar(a: str, b: str) -> bool:
    """Whether two title keys are the same or nearly (a word changed, punctuation aside)."""
    if a == b:
        return True
    la, lb = len(a), len(b)
    if not la or not lb or min(la, lb) < SIMILAR * max(la, lb):
        return False
    wa, wb = set(a.split()), set(b.split())  # cheap gate: most words must be shared
    if len(wa & wb) < 0.7 * max(len(wa), len(wb)):
        return False
    return SequenceMatcher(None, a, b, autojunk=False).ratio() >= SIMILAR


def same_title(tkey: str, line: "Line") -> bool:
    """Whether ``line`` repeats the title whose key is ``tkey``."""
    if not tkey:
        return False
    n = len(line.text)
    if n < 0.8 * len(tkey) or n > 1.5 * len(tkey) + 20:  # cheap length gate before keying
        return False
    return similar(tkey, title_key(line.text))


def looks_like_headline(line: "Line") -> bool:
    if not MIN_TITLE_WORDS <= line.words <= MAX_TITLE_WORDS or len(line.text) > MAX_TITLE_CHARS:
        return False
    return not line.text.rstrip().endswith((":", "\uff1a"))


def find_title(lines: list["Line"], hint: str | None = None) -> int | None:
    """Index in ``lines`` of the title line, or None when the text has none."""
    top = [i for i, x in enumerate(lines) if not x.hard][:SEARCH_LINES]
    if hint and hint.strip():
        variants = title_variants(hint)
        longest = max((len(v) for v in variants), default=0)
        shortest = min((len(v) for v in variants), default=0)
        for i in top:
            n = len(lines[i].text)
            if n < 0.8 * shortest or n > 1.5 * longest + 20:  # cheap length gate before keying
                continue
            k = title_key(lines[i].text)
            if any(similar(v, k) for v in variants):
                return i
        return None
    for i in top:
        line = lines[i]
        if looks_like_headline(line):
            return i
        if line.words > MAX_TITLE_WORDS:  # the text opens with a paragraph: no title in it
            return None
    return None
