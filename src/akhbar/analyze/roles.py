"""Time-aware role resolution: "رئیس جمهور روسیه", "الرئيس الروسي", "президент России",
"the Russian president" with no name beside them name the person who held the role on the
article's date.

The date is the article's publication date, else its event date, else the latest complete date
written in its body (:func:`reference_date`). With no date at all, a role resolves only to a
person the article names who held it at some time.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from datetime import date

from ..dateparse import find_dates
from ..kb import Entity, KnowledgeBase
from ..records import Article

__all__ = ["reference_date", "resolve_role"]


def _iso_date(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def reference_date(article: Article) -> date | None:
    """The day a role is resolved on: publication date, else event date, else the latest
    complete date in the body (None when there is none)."""
    for value in (article.published, article.event_date):
        day = _iso_date(value)
        if day is not None:
            return day
    if article.norm_body is None:
        return None
    days = [m.value for m in find_dates(article.norm_body.text, article.lang) if m.value is not None]
    return max(days) if days else None


def resolve_role(kb: KnowledgeBase, roles: Sequence[str], of: str, on: date | None,
                 named: Collection[str]) -> Entity | None:
    """The holder of the first of ``roles`` (of entity ``of``) that has one on ``on``; among
    several holders, one the article names (``named``: entity ids) first.

    Without a date, only a person in ``named`` who held the role at some time is taken (the
    one whose term started last, if several)."""
    for role in roles:
        if on is not None:
            holders = kb.holders(role, of, on)
            if holders:
                for holder in holders:
                    if holder.id in named:
                        return holder
                return holders[0]
            continue
        best: tuple[date, Entity] | None = None
        for eid in named:
            entity = kb.get(eid)
            if entity is None:
                continue
            for r in entity.roles:
                if r.role == role and r.of == of:
                    start = r.start or date.min
                    if best is None or start > best[0]:
                        best = (start, entity)
        if best is not None:
            return best[1]
    return None
