"""The per-article pipeline: stages that declare what they need and what they add.

As in spaCy, each component names the Article fields it reads (``needs``) and fills (``adds``),
and :class:`Pipeline` checks the order when it is built, so a stage placed before the one that
feeds it fails at construction, not with a ``None`` deep inside a run.

The per-article stages are pure: the same RawDoc and Options give the same Article in any
process. That is what lets :func:`process_parallel` run them on both cores here (and on a
distributed engine later).
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import pickle
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, replace
from itertools import islice

from .check.report import Report
from .clean import CleanError, clean
from .langid import LanguageIdentifier
from .link.profile import build_profile
from .normalize import normalize_article
from .normalize.search import fold_terms
from .options import Options
from .records import Article, IngestError, RawDoc
from .store.rows import ArticleRow, article_row

# Fields the clean stage fills (it turns a RawDoc into an Article).
CLEAN_ADDS = frozenset({"id", "text", "title", "title_span", "paragraphs", "removed", "published", "publisher", "credits"})


@dataclass(frozen=True)
class Component:
    name: str
    needs: frozenset[str]
    adds: frozenset[str]
    run: Callable[[Article], Article]


class PipelineOrderError(ValueError):
    pass


class Pipeline:
    """clean, then the components in order. Build once per process; call :meth:`process`."""

    def __init__(self, options: Options, components: list[Component] | None = None) -> None:
        self.options = options
        # the figures the default check component found in the article it checked last, by
        # article id: the Report built from that article next (:func:`_process_to_row`) takes
        # them instead of finding them again
        self.checked_figures: dict[str, list] = {}
        self.components = components if components is not None else default_components(options, self.checked_figures)
        available = set(CLEAN_ADDS)
        for comp in self.components:
            missing = comp.needs - available
            if missing:
                raise PipelineOrderError(
                    f"component {comp.name!r} needs {', '.join(sorted(missing))}, "
                    "which no earlier component adds"
                )
            available |= comp.adds

    def process(self, raw: RawDoc) -> Article | IngestError:
        """Run every stage on one item; a stage's refusal becomes an IngestError for that item."""
        stage = "clean"
        try:
            article = clean(raw, self.options)
            for comp in self.components:
                stage = comp.name
                article = comp.run(article)
            return article
        except CleanError as exc:
            return IngestError(raw.source, str(exc))
        except (ValueError, UnicodeError, RecursionError, MemoryError) as exc:
            return IngestError(raw.source, f"{stage} failed: {type(exc).__name__}: {exc}")
        except Exception as exc:  # a bug in a stage must cost one item, never the run
            return IngestError(raw.source, f"internal error in {stage}: {type(exc).__name__}: {exc}")


def default_components(options: Options, checked_figures: dict[str, list] | None = None) -> list[Component]:
    """The stages after clean, in order. ``checked_figures``, when given, receives the figures
    the check stage found in the last article it checked (and only those), by article id."""
    from .analyze import (AnalysisContext, analyze_citations, analyze_dates, analyze_entities,
                          analyze_numbers, analyze_quotes)
    from .check import article_figures, check_article

    identifier = LanguageIdentifier(options)
    context = AnalysisContext.build(options)
    norm = frozenset({"lang", "title", "title_span", "paragraphs", "norm_title", "norm_body"})

    def bound(fn: Callable[[Article, AnalysisContext], Article]) -> Callable[[Article], Article]:
        return lambda article: fn(article, context)

    def checks(article: Article) -> Article:
        figures = article_figures(article)
        if checked_figures is not None:
            checked_figures.clear()
            checked_figures[article.id] = figures
        return check_article(article, figures)

    return [
        Component(
            "langid",
            needs=frozenset({"title", "paragraphs", "text"}),
            adds=frozenset({"lang", "lang_confidence", "paragraph_langs"}),
            run=identifier.identify,
        ),
        Component(
            "normalize",
            needs=frozenset({"lang", "title", "title_span", "paragraphs"}),
            adds=frozenset({"norm_title", "norm_body"}),
            run=normalize_article,
        ),
        # dates first: role phrases ("the Russian president") resolve on the event date
        Component("dates", needs=norm, adds=frozenset({"dates", "event_date", "published"}), run=bound(analyze_dates)),
        Component("entities", needs=norm, adds=frozenset({"entities"}), run=bound(analyze_entities)),
        Component("numbers", needs=norm, adds=frozenset({"quantities"}), run=bound(analyze_numbers)),
        Component(
            "citations", needs=norm | {"entities", "credits", "removed"}, adds=frozenset({"citations", "publisher"}),
            run=bound(analyze_citations),
        ),
        Component("quotes", needs=norm | {"entities"}, adds=frozenset({"quotes"}), run=bound(analyze_quotes)),
        Component(
            "checks", needs=frozenset({"dates", "quantities", "entities", "title_span"}), adds=frozenset({"flags"}),
            run=checks,
        ),
    ]


Processed = tuple[Article | None, ArticleRow] | IngestError


def _process_to_row(pipeline: Pipeline, item: RawDoc | IngestError, with_article: bool = True) -> Processed:
    if isinstance(item, IngestError):
        return item
    result = pipeline.process(item)
    if isinstance(result, IngestError):
        return result
    try:
        folded = _folded_fields(result)
        row = replace(article_row(result, folded),
                      profile=build_profile(result, tokens=folded[0] + folded[1] if folded else None),
                      report=pickle.dumps(Report.from_article(result, pipeline.checked_figures.pop(result.id, None)),
                                          protocol=pickle.HIGHEST_PROTOCOL))
    except Exception as exc:  # a bug costs one item, never the run
        return IngestError(item.source, f"internal error preparing the row: {type(exc).__name__}: {exc}")
    return (result if with_article else None), row


def _folded_fields(article: Article) -> tuple[list[str], list[str]] | None:
    """The folded terms of the normalized title and body, which both the full-text index and
    the link profile are made from (folded once instead of twice)."""
    if article.norm_body is None:
        return None
    return (fold_terms(article.norm_title.text) if article.norm_title else []), fold_terms(article.norm_body.text)


# One pipeline per worker process, built by the pool initializer: it holds the language
# detector's models, which are expensive to build and identical in every call.
_worker_pipeline: Pipeline | None = None


def _init_worker(options: Options) -> None:
    global _worker_pipeline
    _worker_pipeline = Pipeline(options)
    # the pipeline (knowledge base, gazetteers, patterns) lives as long as the worker: keep the
    # cycle collector from walking it at every full collection
    gc.collect()
    gc.freeze()


def _process_chunk(chunk: list[RawDoc | IngestError], with_articles: bool) -> list[Processed]:
    assert _worker_pipeline is not None
    return [_process_to_row(_worker_pipeline, item, with_articles) for item in chunk]


def process_parallel(
    items: Iterable[RawDoc | IngestError],
    options: Options,
    *,
    chunk_size: int = 32,
    window_per_worker: int = 16,
    with_articles: bool = True,
) -> Iterator[Processed]:
    """Process items on ``options.workers`` processes, in input order, with bounded memory.

    Yields ``(article, row)`` or an IngestError per item; with ``with_articles=False`` the
    article is None (the store needs only the row, and not sending the article back to this
    process halves the traffic between processes).

    At most ``workers * window_per_worker`` chunks are in flight, so a huge archive streams
    through instead of being read ahead into memory (``Pool.imap`` would read it all). The
    window is wide enough (16 chunks a worker, ~50 MB of rows on SaudiNewsNet) that the workers
    keep busy while the writer links and commits a batch: with 4 the two cores here sat idle
    12% of an ingest, with 16 8% (10,000 SaudiNewsNet articles: 52-57 s against 58-59 s).
    """
    workers = options.workers
    if workers <= 1:
        pipeline = Pipeline(options)
        for item in items:
            yield _process_to_row(pipeline, item, with_articles)
        return
    iterator = iter(items)
    # forkserver, not fork: a process that already used lingua has Rust thread pools that a
    # forked child inherits without their threads, and the child then hangs on first use.
    context = multiprocessing.get_context("forkserver")
    with ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=_init_worker, initargs=(options,)) as pool:
        pending: deque[Future[list[Processed]]] = deque()
        limit = workers * window_per_worker
        while True:
            chunk = list(islice(iterator, chunk_size))
            if chunk:
                pending.append(pool.submit(_process_chunk, chunk, with_articles))
            if pending and (len(pending) >= limit or not chunk):
                yield from pending.popleft().result()
            if not chunk and not pending:
                break


def default_workers() -> int:
    return max(1, min(os.cpu_count() or 1, 8))
