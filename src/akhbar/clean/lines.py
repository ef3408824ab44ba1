"""Lines of a plain text with their offsets and the features the classifier uses.

A line's features, as jusText computes them for HTML blocks: its length in words, its stopword
density (function words per word, over all four languages' stopword lists at once: the
scripts do not collide) and whether it ends with sentence-final punctuation. Matching is done on
the folded line (:func:`akhbar.clean.tables.fold`); the text itself is never changed.

A hard-wrapped text (lines broken mid-sentence at a fixed width, as in e-mails and old wire
copy) has its wrapped lines joined back into one block per paragraph first.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .tables import Tables, fold

SHORT = "short"

_CLOSERS = " \t\"'\u00bb\u201d\u2019)]\u200f\u200e"  # stripped before looking at a line's last mark
_ENDERS = frozenset(".!?\u061f\u2026\u06d4\u3002")  # sentence-final punctuation
COLONS = frozenset(":\uff1a")
_PUNCT_TOKEN = re.compile(r"(?<!\S)[^\w\s]+(?!\S)")  # a "word" that is only punctuation: "–", "«»"


@dataclass(slots=True)
class Line:
    """One non-blank line and what the classifier decided about it."""

    start: int  # offsets of the stripped line in the text
    end: int
    text: str
    key: str  # the folded line (tables.fold), for cue matching and tokens
    words: int
    stopwords: float  # function words per token
    end_punct: bool
    cls: str = SHORT  # good / near / short / bad (see akhbar.clean.text)
    hard: bool = False  # decided by a rule; the context pass does not revise it
    kind: str = "boilerplate"
    reason: str = ""
    cue: str | None = None  # the cue category that matched, if any
    credits: tuple[str, ...] = ()
    date: str | None = None
    row: int = 0  # index of the (last) physical line in the text



def last_mark(text: str) -> str:
    """The last character of ``text`` before closing quotes and brackets."""
    return text.rstrip(_CLOSERS)[-1:]


def ends_with_colon(text: str) -> bool:
    return last_mark(text) in COLONS


def split_lines(text: str, t: Tables) -> list[Line]:
    """The non-blank lines of ``text`` with their offsets and features.

    The text is folded once (:func:`akhbar.clean.tables.fold` keeps line breaks), and its lines
    are walked together with the folded lines. A hard-wrapped text (:func:`_wrap_width`) has its
    wrapped lines joined back into paragraph blocks first.
    """
    sep = "\n" if "\n" in text else "\r"
    folded = fold(text).split(sep)
    has_stop = t.stopwords.__contains__
    out = []
    pos = 0
    for row, (raw, fk) in enumerate(zip(text.split(sep), folded)):
        stripped = raw.strip()
        if stripped:
            start = pos + len(raw) - len(raw.lstrip())
            tokens = fk.split()  # whitespace tokens: 3x cheaper than \w+, and stopwords stand alone
            n = len(tokens) - len(_PUNCT_TOKEN.findall(fk))
            density = sum(map(has_stop, tokens)) / n if n > 0 else 0.0
            line = Line(start, start + len(stripped), stripped, fk, n, density, last_mark(stripped) in _ENDERS)
            line.row = row
            out.append(line)
        pos += len(raw) + 1
    width = _wrap_width(out)
    return _unwrap(text, out, width) if width else out


def _wrap_width(lines: list[Line]) -> int:
    """The wrap width if the text looks hard-wrapped (most lines broken mid-sentence near one
    width of at most 110 characters), else 0."""
    if len(lines) < 4:
        return 0
    width = max(len(x.text) for x in lines)
    if not 40 <= width <= 110:
        return 0
    full = sum(1 for x in lines if len(x.text) >= 0.6 * width and not x.end_punct)
    return width if full >= 0.5 * len(lines) else 0


def _unwrap(text: str, lines: list[Line], width: int) -> list[Line]:
    """Join each wrapped line with the next one (same block: no blank line between) into one."""
    out: list[Line] = []
    for line in lines:
        prev = out[-1] if out else None
        if (prev is not None and line.row == prev.row + 1 and len(text[prev.start:prev.end].rsplit("\n", 1)[-1]) >= 0.6 * width
                and not prev.end_punct and not ends_with_colon(prev.text)):
            n = prev.words + line.words
            prev.stopwords = (prev.stopwords * prev.words + line.stopwords * line.words) / n if n else 0.0
            prev.words = n
            prev.end, prev.text, prev.key = line.end, text[prev.start:line.end], prev.key + " " + line.key
            prev.end_punct, prev.row = line.end_punct, line.row
        else:
            out.append(line)
    return out
