"""Headline versus body: the title's figure for something against the body's figure for the
same thing ("7 هزار نفر" in the title, "5تا 7 هزار نفر" in the body).

The same thing: the same counted noun (the same concept in ``counted.tsv``, or the same noun in
the language), or the same unit; when neither figure names what it counts, the body figure of
the same order of magnitude, if it is the only one. A title figure is flagged when no body
figure for the same thing agrees with it and either a body range contains it (an overstatement
when it is the top of the range, else a narrowing) or exactly one body figure counts that thing
and it cannot be the same count (a contradiction; a figure more than three times another, or
the sum of two or three body figures, is taken as a different count).
"""

from __future__ import annotations

from collections.abc import Sequence

from ..records import Flag
from .figures import Figure, judge, same_thing, sums_to


def counterparts(title: Figure, body: Sequence[Figure]) -> list[Figure]:
    """The body figures that surely count what the title figure counts."""
    return [b for b in body if same_thing(title, b)]


def headline_flags(figures: Sequence[Figure], title_text: str | None = None) -> list[Flag]:
    """``title_text``: a title that asks ("دولة أم دولتان أم ثلاث دول؟") asserts no figure."""
    title = [f for f in figures if f.in_title]
    if not title or (title_text and title_text.rstrip(" .\"'»”").endswith(("?", "؟"))):
        return []
    body = [f for f in figures if not f.in_title]
    flags: list[Flag] = []
    for t in title:
        found = judge(t, body)
        if found is None:
            continue
        b, relation = found
        if relation == "contradiction" and sums_to(b, title):
            continue  # the body's total of the title's counts ("4 dead and 3 hurt": 7 of one family)
        if relation == "overstatement" and t.value is None:
            relation = "narrowing"  # the body's single figure is the top of the headline's range
        flags.append(_flag(t, b, relation))
    return flags


def _flag(t: Figure, b: Figure, relation: str) -> Flag:
    ts, bs = t.statement, b.statement
    if relation == "overstatement":
        tail = "the headline gives the top of the body's range as the figure"
    elif relation == "narrowing":
        tail = ("the headline's figure falls inside the body's range" if t.value is not None
                else "one figure narrows the other")
    else:
        tail = "the two cannot both be right"
    explanation = (f'The headline says "{ts.text}" ({t.describe()}) but the body says "{bs.text}" '
                   f"({b.describe()}): {tail}.")
    return Flag("headline_body_mismatch", (ts.article,), (ts, bs), explanation, relation=relation)
