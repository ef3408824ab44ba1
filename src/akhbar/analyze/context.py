"""What every analysis needs besides the article: the knowledge base, the options, and indexes
built from the base once per process (gazetteers per language, role-title tables ...).

    >>> context = AnalysisContext.build(Options(workers=1))
    >>> article = analyze_entities(article, context)

The context is frozen and picklable (a worker process gets the knowledge base and the options;
the indexes are rebuilt there on first use, never shipped). An analysis caches its own index on
the context with :meth:`AnalysisContext.cached`: ``context.cached(("gazetteer", "fa"), build)``
calls ``build(context)`` once per process and key, then returns the same object.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from ..kb import KnowledgeBase
from ..options import Options

__all__ = ["AnalysisContext"]

T = TypeVar("T")


class _Cache:
    """A per-process memo of indexes built from the context; it pickles to nothing."""

    __slots__ = ("_values", "_lock")

    def __init__(self) -> None:
        self._values: dict[Hashable, Any] = {}
        self._lock = threading.Lock()

    def get(self, key: Hashable, build: Callable[[], T]) -> T:
        try:
            return self._values[key]
        except KeyError:
            pass
        with self._lock:
            if key not in self._values:
                self._values[key] = build()
            return self._values[key]

    def __getstate__(self) -> dict:
        return {}

    def __setstate__(self, state: dict) -> None:
        self.__init__()

    def __reduce__(self):
        return (_Cache, ())


@dataclass(frozen=True)
class AnalysisContext:
    """The knowledge base and options shared by the analyses of one process."""

    kb: KnowledgeBase
    options: Options
    _cache: _Cache = field(default_factory=_Cache, init=False, repr=False, compare=False)

    @classmethod
    def build(cls, options: Options) -> "AnalysisContext":
        """Load the knowledge base (shipped data plus ``options.kb_files``) for ``options``."""
        kb = KnowledgeBase.load(tuple(Path(f) for f in options.kb_files))
        return cls(kb=kb, options=options)

    def cached(self, key: Hashable, build: Callable[["AnalysisContext"], T]) -> T:
        """``build(self)``, computed once per process for ``key`` and kept on this context.

        ``build`` must depend only on the context (the knowledge base, the options and shipped
        data), so the value is the same in every process."""
        return self._cache.get(key, lambda: build(self))

    def gazetteer(self, lang: str):
        """The entity gazetteer for articles in ``lang`` (see :mod:`akhbar.analyze.gazetteer`)."""
        from .gazetteer import build_gazetteer  # local: keeps this module light for importers

        return self.cached(("gazetteer", lang), lambda ctx: build_gazetteer(ctx.kb, lang))
