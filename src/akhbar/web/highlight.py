"""Article text as HTML with its annotations highlighted, every piece of text escaped.

An annotation is a :class:`Mark` over ``text[start:end]`` (offsets index the article's original
``text``, as every offset in the store does). Marks may nest (a name inside a quote) and may
cross (a date that runs past the end of a quote): :func:`render` closes and reopens elements at
every boundary so the HTML is always well formed, outer layers (quotes, citations) outside inner
ones (names, dates, numbers, search hits). Nothing from the article is ever inserted unescaped:
the text, the tooltips and the links all pass through :func:`markupsafe.escape`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

from markupsafe import Markup, escape

__all__ = ["Mark", "render", "article_marks", "entity_href", "format_number"]

# layer: lower layers are opened first (outermost)
LAYERS = {"quote": 0, "citation": 0, "cue": 1, "entity": 2, "date": 2, "quantity": 2, "hit": 3}


@dataclass(frozen=True)
class Mark:
    start: int
    end: int
    kind: str  # quote | citation | cue | entity | date | quantity | hit
    title: str = ""
    href: str | None = None
    css: str = ""  # extra class names (e.g. the entity type)

    @property
    def layer(self) -> int:
        return LAYERS.get(self.kind, 2)


def entity_href(entity_id: str) -> str:
    """The entity page of an id (ids contain ``/``, kept as path separators)."""
    return "/entities/" + quote(entity_id, safe="/")


def format_number(v: Any) -> str:
    if v is None:
        return ""
    if isinstance(v, float) and v.is_integer():
        v = int(v)
    return f"{v:,}" if isinstance(v, int) else f"{v:,.6g}"


def _open(mark: Mark, inside_link: bool) -> str:
    cls = f"m m-{mark.kind}" + (f" {mark.css}" if mark.css else "")
    title = f' title="{escape(mark.title)}"' if mark.title else ""
    if mark.href and not inside_link:
        return f'<a class="{escape(cls)}" href="{escape(mark.href)}"{title}>'
    return f'<span class="{escape(cls)}"{title}>'


def _close(mark: Mark, inside_link: bool) -> str:
    return "</a>" if mark.href and not inside_link else "</span>"


def render(text: str, marks: Iterable[Mark], start: int = 0, end: int | None = None) -> Markup:
    """``text[start:end]`` as HTML, with ``marks`` (clipped to that range) as nested elements."""
    end = len(text) if end is None else min(end, len(text))
    clipped = [m for m in marks if m.start < end and m.end > start and m.end > m.start]
    if not clipped:
        return Markup(escape(text[start:end]))
    order = {id(m): (m.layer, -(m.end - m.start), m.start, i) for i, m in enumerate(clipped)}
    cuts = sorted({start, end, *(max(m.start, start) for m in clipped), *(min(m.end, end) for m in clipped)})
    by_start = sorted(clipped, key=lambda m: m.start)
    out: list[str] = []
    stack: list[tuple[Mark, bool]] = []  # open marks, outermost first, with "rendered inside a link"
    active: list[Mark] = []
    k = 0
    for a, b in zip(cuts, cuts[1:]):
        active = [m for m in active if m.end > a]
        while k < len(by_start) and by_start[k].start <= a:
            if by_start[k].end > a:
                active.append(by_start[k])
            k += 1
        want = sorted(active, key=lambda m: order[id(m)])
        keep = 0
        while keep < len(stack) and keep < len(want) and stack[keep][0] is want[keep]:
            keep += 1
        while len(stack) > keep:
            m, inside = stack.pop()
            out.append(_close(m, inside))
        for m in want[keep:]:
            inside = any(s.href and not ins for s, ins in stack)
            out.append(_open(m, inside))
            stack.append((m, inside))
        out.append(str(escape(text[a:b])))
    while stack:
        m, inside = stack.pop()
        out.append(_close(m, inside))
    return Markup("".join(out))


def _date_title(d: dict[str, Any]) -> str:
    value = d.get("value")
    parts = [f"{d.get('calendar') or 'date'} date → {value or 'not resolved'}"]
    if d.get("stated") and d.get("stated") != value:
        parts.append(f"as written: {d['stated']}")
    if d.get("offset_days") is not None:
        parts.append(f"{d['offset_days']:+d} days from publication")
    if d.get("role"):
        parts.append(f"{d['role']} date")
    return " · ".join(parts)


def _quantity_title(q: dict[str, Any]) -> str:
    if q.get("value") is not None:
        amount = format_number(q["value"])
    elif q.get("low") is not None or q.get("high") is not None:
        amount = f"{format_number(q.get('low'))}–{format_number(q.get('high'))}"
    else:
        amount = "?"
    extra = " ".join(str(x) for x in (q.get("unit"), q.get("counted")) if x)
    return f"number: {amount}" + (f" {extra}" if extra else "")


def article_marks(article: dict[str, Any], kinds: Sequence[str] = ("entity", "date", "quantity", "quote", "citation")) -> list[Mark]:
    """The marks of an article object (``store.article``): its entities, dates, numbers, quotes
    (with their cue phrases) and citations, each with a tooltip saying what was found."""
    marks: list[Mark] = []
    if "entity" in kinds:
        for e in article.get("entities", ()):
            ident = e.get("id") or e.get("kb_id")
            base = f"{e['label']} · {e['type']}" + (f" · {e['kb_id']}" if e.get("kb_id") else " · not in the knowledge base")
            for m in e.get("mentions", ()):
                how = m.get("how")
                title = base + (f" · found by its {how}" if how and how != "name" else "")
                marks.append(Mark(m["start"], m["end"], "entity", title, entity_href(ident) if ident else None, f"t-{e['type']}"))
    if "date" in kinds:
        for d in article.get("dates", ()):
            marks.append(Mark(d["start"], d["end"], "date", _date_title(d), css=f"r-{d.get('role') or 'none'}"))
    if "quantity" in kinds:
        for q in article.get("quantities", ()):
            marks.append(Mark(q["start"], q["end"], "quantity", _quantity_title(q)))
    if "quote" in kinds:
        for q in article.get("quotes", ()):
            who = q.get("speaker") or "speaker not resolved"
            marks.append(Mark(q["start"], q["end"], "quote", f"{q.get('kind') or 'quote'} quote · {who} · cue: {q.get('cue')}"))
            if q.get("cue_start") is not None and q.get("cue_end") is not None:
                marks.append(Mark(q["cue_start"], q["cue_end"], "cue", f"speech cue of a quote by {who}"))
    if "citation" in kinds:
        for c in article.get("citations", ()):
            role = "publisher" if c.get("role") == "publisher" else "cites"
            title = f"{role}: {c['outlet']}" + (f" (via {c['via']})" if c.get("via") else "")
            href = entity_href(c["outlet_id"]) if c.get("outlet_id") else None
            marks.append(Mark(c["start"], c["end"], "citation", title, href))
    return marks
