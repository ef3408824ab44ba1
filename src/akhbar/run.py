"""An ingest run: read items, run the per-article pipeline on all cores, write in batches.

The only code that joins the stages to the store. The single writer commits every
``batch_size`` articles, so a run killed half-way loses at most one uncommitted batch, and the
same run started again skips what is already stored (ids are content hashes).
"""

from __future__ import annotations

import pickle
from collections import OrderedDict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from .ingest import read_items
from .linking import LinkRun, link_stored, load_model  # noqa: F401  (load_model: the link model, for callers)
from .options import LinkOptions, Options
from .pipeline import process_parallel
from .records import IngestError, LinkBatch
from .store import ArticleRow, Store


@dataclass
class IngestReport:
    added: list[str] = field(default_factory=list)
    unchanged: int = 0
    failed: list[IngestError] = field(default_factory=list)
    link: LinkRun | None = None  # what the link stage did at the end

    @property
    def seen(self) -> int:
        return len(self.added) + self.unchanged + len(self.failed)

    def as_dict(self) -> dict[str, Any]:
        return {
            "added": len(self.added),
            "unchanged": self.unchanged,
            "failed": [e.as_dict() for e in self.failed],
            "articles": list(self.added),
            "link": self.link.as_dict() if self.link else None,
        }

    @property
    def exit_code(self) -> int:
        """0: everything done; 1: some items failed, the rest done; 2: nothing could be done."""
        if not self.failed:
            return 0
        return 1 if (self.added or self.unchanged) else 2


MAX_REPORTS_CHECKED = 40  # an event's most recent articles compared with each other


class EventChecker:
    """The checks between the reports of each event a batch changed, run in the batch's
    transaction (``Store.write_batch(..., then=checker)``).

    The workers send each article's :class:`~akhbar.check.Report` pickled with its row
    (:meth:`remember`); it is decoded only when the article's event has another report, and an
    article not remembered (stored by an earlier run, or forgotten) is rebuilt from the store,
    which gives the same Report. A pair of reports is compared once per run
    (:class:`~akhbar.check.event.PairMemo`), so an event that grows by one report costs its new
    pairs, not all of them again. Both memories are bounded and change only the time taken."""

    def __init__(self, max_reports: int = 10_000, max_pairs: int = 200_000) -> None:
        from .check.event import PairMemo

        if max_reports < 1:
            raise ValueError(f"max_reports must be >= 1, not {max_reports!r}")
        self.max_reports = max_reports
        self.pairs = PairMemo(max_pairs)
        self._reports: OrderedDict[str, Any] = OrderedDict()  # article -> Report, or its pickle

    def remember(self, article_id: str, report: bytes | None) -> None:
        if report is not None:
            self._keep(article_id, report)

    def _keep(self, article_id: str, report: Any) -> None:
        self._reports[article_id] = report
        self._reports.move_to_end(article_id)
        if len(self._reports) > self.max_reports:
            self._reports.popitem(last=False)

    def report(self, store: Store, article_id: str) -> Any:
        from .check import Report

        found = self._reports.get(article_id)
        if isinstance(found, bytes):
            found = pickle.loads(found)
        elif found is None:
            obj = store.article(article_id)
            if obj is None:
                return None
            found = Report.from_article_object(obj)
        self._keep(article_id, found)
        return found

    def __call__(self, store: Store, batch: LinkBatch, gone: Iterable[str] = ()) -> None:
        """Check the events ``batch`` changed; forget the checks of the events ``gone``."""
        from .check import check_event, find_claims
        from .store.checks import delete_event_checks, replace_event_checks

        for event_id in gone:
            delete_event_checks(store, event_id)
        for event in batch.events:
            if event["size"] < 2:
                delete_event_checks(store, event["id"])
                continue
            ids = [r[0] for r in store.conn.execute(
                "SELECT ea.article FROM event_articles ea JOIN link_profiles p ON p.article = ea.article "
                "WHERE ea.event = ? ORDER BY p.day DESC, p.stamp DESC, ea.article DESC LIMIT ?",
                (event["id"], MAX_REPORTS_CHECKED))]
            reports = [r for r in (self.report(store, a) for a in reversed(ids)) if r is not None]
            replace_event_checks(store, event["id"], check_event(event["id"], reports, self.pairs),
                                 find_claims(reports, event=event["id"]))


def ingest_paths(
    paths: Iterable[str],
    store: Store,
    options: Options,
    *,
    link_options: LinkOptions | None = None,
    progress: Callable[[IngestReport], None] | None = None,
    batch_size: int = 256,
    link: bool = True,
) -> IngestReport:
    """Read, analyse and store; then (``link``) run the link stage over what is not linked yet
    (:func:`akhbar.linking.link_stored`). The per-article stages never wait on linking."""
    report = IngestReport()
    rows: list[ArticleRow] = []
    errors: list[IngestError] = []
    checker = EventChecker()

    def flush() -> None:
        if not rows and not errors:
            return
        for row, new in zip(rows, store.write_batch(rows, errors)):
            if new:
                report.added.append(row.values["id"])
                checker.remember(row.values["id"], row.report)
            else:
                report.unchanged += 1
        report.failed.extend(errors)
        rows.clear()
        errors.clear()
        if progress:
            progress(report)

    with store.writer():
        for result in process_parallel(read_items(paths, options), options, with_articles=False):
            if isinstance(result, IngestError):
                errors.append(result)
            else:
                rows.append(result[1])
            if len(rows) + len(errors) >= batch_size:
                flush()
        flush()
        if link:
            report.link = link_stored(store, link_options, checker=checker)
    return report
