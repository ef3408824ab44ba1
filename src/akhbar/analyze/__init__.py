"""The ``analyze`` stage: what an article is about, with offsets into its original text.

One module per analysis, each a plain function ``analyze_X(article, context) -> Article`` that
fills its fields with ``article.with_(...)``:

- :func:`analyze_entities` (:mod:`.entities`): persons, organizations, countries, places and
  outlets linked to the knowledge base; names found next to titles; role phrases resolved in
  time ("the Russian president" in 2015 is Putin);
- :func:`analyze_dates` (:mod:`.dates`): absolute and relative dates, publication and event date;
- :func:`analyze_numbers` (:mod:`.numbers`): numbers, ranges, percentages and what they count;
- :func:`analyze_quotes` (:mod:`.quotes`): direct and reported speech and its speaker;
- :func:`analyze_citations` (:mod:`.citations`): the outlets an article cites or names itself.

:class:`AnalysisContext` (:mod:`.context`) carries the knowledge base, the options and the
indexes built from them once per process. The names below are imported on first use, so
importing the package loads nothing.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

__all__ = ["AnalysisContext", "analyze_entities", "analyze_dates", "analyze_numbers", "analyze_quotes",
           "analyze_citations"]

_WHERE = {
    "AnalysisContext": ".context",
    "analyze_entities": ".entities",
    "analyze_dates": ".dates",
    "analyze_numbers": ".numbers",
    "analyze_quotes": ".quotes",
    "analyze_citations": ".citations",
}


def __getattr__(name: str) -> Any:
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(module, __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
