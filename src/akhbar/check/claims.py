"""Claims: the same claim (a speaker, what is claimed, its figure) found in several articles, in
any language, gathered into one :class:`~akhbar.records.Claim` with its reports.

Two quoted figures are the same claim when the same speaker (entity id) says them, the figures
are equal (a value, or both ends of a range, within 1% after scale words: "5تا 7 هزار" and
"ما بين 5 و 7 آلاف" are 5,000-7,000), and they speak of the same thing: the same counted concept
or noun, or an entity named in both quotes. Claims found in one article only are not claims
"found across reports" and are left out.

A claim's id is stable while its reports come and go: the hash of its earliest report (the
earliest published, then the smallest article id, then the first offset).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence

from ..records import Claim, Statement
from .figures import Figure, close
from .report import QuoteFact, Report

SAME_FIGURE = 0.01
MAX_TEXT = 200
_SENTENCE = re.compile(r"[^.!?؟؛\n]+[.!?؟؛]?")


def _same_figure(a: Figure, b: Figure) -> bool:
    if a.unit != b.unit:
        return False
    if a.value is not None and b.value is not None:
        return close(a.value, b.value, SAME_FIGURE)
    if a.value is None and b.value is None:
        return close(a.low, b.low, SAME_FIGURE) and close(a.high, b.high, SAME_FIGURE)
    return False


def _same_subject(a: Figure, qa: QuoteFact, b: Figure, qb: QuoteFact) -> bool:
    if a.concept and a.concept == b.concept:
        return True
    if a.stem and a.lang == b.lang and a.stem == b.stem:
        return True
    return bool(qa.entities & qb.entities)


def find_claims(reports: Sequence[Report], *, event: str | None = None) -> list[Claim]:
    """The claims found in at least two of ``reports`` (see the module docstring): one claim
    per group of quotes that say it, whatever the number of figures they share."""
    nodes: list[tuple[Report, QuoteFact]] = [(r, q) for r in reports for q in r.quotes if q.speaker_id and q.figures]
    parent = list(range(len(nodes)))
    figure_of: dict[int, Figure] = {}

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i in range(len(nodes)):
        ri, qi = nodes[i]
        for j in range(i + 1, len(nodes)):
            rj, qj = nodes[j]
            if ri.article == rj.article or qi.speaker_id != qj.speaker_id:
                continue
            pair = _shared_figure(ri, qi, rj, qj)
            if pair is None:
                continue
            figure_of.setdefault(i, pair[0])
            figure_of.setdefault(j, pair[1])
            parent[find(j)] = find(i)
    groups: dict[int, list[int]] = {}
    for i in figure_of:
        groups.setdefault(find(i), []).append(i)
    claims = []
    for members in groups.values():
        if len({nodes[i][0].article for i in members}) < 2:
            continue
        claims.append(_claim([(nodes[i][0], nodes[i][1], figure_of[i]) for i in members], event))
    claims.sort(key=lambda c: (c.reports[0].article, c.reports[0].start))
    return claims


def _shared_figure(ra: Report, qa: QuoteFact, rb: Report, qb: QuoteFact) -> tuple[Figure, Figure] | None:
    for i in qa.figures:
        for j in qb.figures:
            fa, fb = ra.figures[i], rb.figures[j]
            if _same_figure(fa, fb) and _same_subject(fa, qa, fb, qb):
                return fa, fb
    return None


def _claim(members: list[tuple[Report, QuoteFact, Figure]], event: str | None) -> Claim:
    members.sort(key=lambda m: (m[0].published or "~", m[0].article, m[1].statement.start))
    reports: list[Statement] = []
    seen: set[tuple[str, int]] = set()
    for r, q, _f in members:
        k = (r.article, q.statement.start)
        if k not in seen:
            seen.add(k)
            s = q.statement
            reports.append(Statement(s.article, s.start, s.end, s.text, speaker=s.speaker, entity_id=s.entity_id,
                                     where=s.where))
    first_report, first_quote, first_figure = members[0]
    ident = hashlib.sha256(f"claim|{first_report.article}|{first_quote.statement.start}".encode()).hexdigest()[:16]
    f = first_figure
    return Claim(
        id=ident, speaker=first_quote.statement.speaker, speaker_id=first_quote.speaker_id,
        text=_one_line(first_quote.statement, f.statement), reports=tuple(reports),
        value=f.value, low=f.low, high=f.high, unit=f.unit, counted=f.concept or f.counted, event=event,
    )


def _one_line(quote: Statement, figure: Statement) -> str:
    """The sentence of the quote that holds the figure, on one line, at most MAX_TEXT characters."""
    at = figure.start - quote.start
    text = quote.text
    for m in _SENTENCE.finditer(text):
        if m.start() <= at < m.end():
            text = m.group(0)
            break
    text = " ".join(text.split())
    return text if len(text) <= MAX_TEXT else text[: MAX_TEXT - 1] + "…"
