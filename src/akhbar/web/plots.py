"""Plotly figures as plain dicts (``{"data": [...], "layout": {...}}``).

The page puts the dict in a ``<script type="application/json">`` block and the shipped
``static/app.js`` draws it with the shipped ``plotly.min.js``: no inline script, no CDN. Building
the dict directly (instead of ``plotly.graph_objects``) costs microseconds; the test suite checks
that ``plotly.graph_objects.Figure`` accepts every figure made here. Labels that hold
right-to-left text are wrapped in Unicode isolates so that they cannot reorder what is around them.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from .bidi import isolate

__all__ = ["mentions_figure", "story_figure", "language_color"]

# one colour per language, stable across pages (colour-blind-safe Okabe-Ito order)
_PALETTE = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#F0E442", "#000000")
_FIXED = {"fa": 0, "ar": 1, "ru": 2, "en": 3, "ur": 4, "tr": 5}


def language_color(lang: str | None) -> str:
    if lang in _FIXED:
        return _PALETTE[_FIXED[lang]]
    return _PALETTE[6 + (sum(map(ord, lang or "")) % 2)]


def _layout(y_title: str, x_type: str = "date", y_max: int = 0) -> dict[str, Any]:
    layout: dict[str, Any] = {
        "barmode": "stack",
        "height": 300,
        "margin": {"l": 48, "r": 16, "t": 12, "b": 40},
        "font": {"family": "system-ui, -apple-system, 'Segoe UI', 'Noto Sans', 'Noto Naskh Arabic', Tahoma, sans-serif", "size": 12},
        "xaxis": {"type": x_type, "automargin": True},
        "yaxis": {"title": {"text": y_title}, "rangemode": "tozero", "automargin": True, "tickformat": ",d"},
        "legend": {"orientation": "h", "y": 1.12, "x": 0},
        "hoverlabel": {"align": "auto"},
        "paper_bgcolor": "rgba(0,0,0,0)",
        "plot_bgcolor": "rgba(0,0,0,0)",
    }
    if y_max <= 10:  # whole numbers only: no 0.5 articles on the axis
        layout["yaxis"]["dtick"] = 1
    return layout


def _x_type(xs: Sequence[str]) -> str:
    """A date axis, except for a single period (a date axis would stretch one bar over a
    meaningless range of hours)."""
    return "date" if len(set(xs)) > 1 else "category"


def _stack_max(traces: Sequence[dict[str, Any]]) -> int:
    totals: dict[Any, int] = {}
    for t in traces:
        for x, y in zip(t["x"], t["y"]):
            totals[x] = totals.get(x, 0) + y
    return max(totals.values(), default=0)


def mentions_figure(rows: Sequence[dict[str, Any]], *, by: str = "month") -> dict[str, Any]:
    """Articles naming an entity per period, stacked by language (rows of
    ``store.entities.mentions_over_time``; undated rows are left out)."""
    langs: dict[str, dict[str, int]] = {}
    for r in rows:
        if r["period"] is None:
            continue
        langs.setdefault(r["lang"] or "?", {})[r["period"]] = r["articles"]
    periods = sorted({p for counts in langs.values() for p in counts})
    data = [
        {
            "type": "bar",
            "name": lang,
            "x": periods,
            "y": [counts.get(p, 0) for p in periods],
            "marker": {"color": language_color(lang)},
            "hovertemplate": f"%{{x}}<br>{lang}: %{{y}} articles<extra></extra>",
        }
        for lang, counts in sorted(langs.items())
    ]
    layout = _layout("articles", _x_type(periods), _stack_max(data))
    if layout["xaxis"]["type"] == "date":
        layout["xaxis"]["tickformat"] = {"day": "%Y-%m-%d", "month": "%Y-%m", "year": "%Y"}.get(by, "%Y-%m-%d")
        if by == "month" and len(periods) <= 24:
            layout["xaxis"]["dtick"] = "M1"
    return {"data": data, "layout": layout}


def story_figure(events: Sequence[dict[str, Any]], counts: dict[str, dict[str, int]]) -> dict[str, Any]:
    """A story's events on a time line: for each event (at its date), its articles per
    language, stacked; hovering a bar names the event. ``counts`` maps event id to
    ``{lang: articles}``."""
    dated = [e for e in events if e.get("date")]
    langs = sorted({lang for e in dated for lang in counts.get(e["id"], {})})
    data = []
    for lang in langs:
        data.append(
            {
                "type": "bar",
                "name": lang,
                "x": [e["date"] for e in dated],
                "y": [counts.get(e["id"], {}).get(lang, 0) for e in dated],
                "customdata": [isolate(e.get("label") or e["id"]) for e in dated],
                "marker": {"color": language_color(lang)},
                "hovertemplate": f"%{{x}}<br>%{{customdata}}<br>{lang}: %{{y}} articles<extra></extra>",
            }
        )
    return {"data": data, "layout": _layout("articles", _x_type([e["date"] for e in dated]), _stack_max(data))}
