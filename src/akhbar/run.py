"""An ingest run: read items, run the per-article pipeline on all cores, write in batches.

The only code that joins the stages to the store. The single writer commits every
``batch_size`` articles, so a run killed half-way loses at most one uncommitted batch, and the
same run started again skips what is already stored (ids are content hashes).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from .ingest import read_items
from .link import Linker, LinkModel, shipped_model
from .options import LinkOptions, Options
from .pipeline import process_parallel
from .records import IngestError, LinkBatch
from .store import ArticleRow, Store


@dataclass
class IngestReport:
    added: list[str] = field(default_factory=list)
    unchanged: int = 0
    failed: list[IngestError] = field(default_factory=list)

    @property
    def seen(self) -> int:
        return len(self.added) + self.unchanged + len(self.failed)

    def as_dict(self) -> dict[str, Any]:
        return {
            "added": len(self.added),
            "unchanged": self.unchanged,
            "failed": [e.as_dict() for e in self.failed],
            "articles": list(self.added),
        }

    @property
    def exit_code(self) -> int:
        """0: everything done; 1: some items failed, the rest done; 2: nothing could be done."""
        if not self.failed:
            return 0
        return 1 if (self.added or self.unchanged) else 2


def load_model(link_options: LinkOptions) -> LinkModel:
    """The link model: the user's file when given, else the shipped one."""
    if not link_options.model_file:
        return shipped_model()
    import json

    try:
        with open(link_options.model_file, encoding="utf-8") as fh:
            return LinkModel.from_dict(json.load(fh))
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise ValueError(f"link model {link_options.model_file}: {exc}") from exc


MAX_REPORTS_CHECKED = 40  # an event's most recent articles compared with each other


def check_events(store: Store, batch: LinkBatch) -> None:
    """The checks between the reports of each event the batch changed (in its transaction)."""
    from .check import Report, check_event, find_claims
    from .store.checks import delete_event_checks, replace_event_checks

    for event in batch.events:
        if event["merged_into"]:
            delete_event_checks(store, event["id"])
            continue
        if event["size"] < 2:
            continue
        ids = [r[0] for r in store.conn.execute(
            "SELECT article FROM event_articles WHERE event = ? ORDER BY rowid DESC LIMIT ?",
            (event["id"], MAX_REPORTS_CHECKED))]
        reports = []
        for article_id in reversed(ids):
            obj = store.article(article_id)
            if obj is not None:
                reports.append(Report.from_article_object(obj))
        replace_event_checks(store, event["id"], check_event(event["id"], reports), find_claims(reports, event=event["id"]))


def ingest_paths(
    paths: Iterable[str],
    store: Store,
    options: Options,
    *,
    link_options: LinkOptions | None = None,
    progress: Callable[[IngestReport], None] | None = None,
    batch_size: int = 256,
) -> IngestReport:
    """Read, analyse, link and store. Linking runs here, in the one writing process, one new
    article at a time in input order; its decisions are committed with the articles."""
    report = IngestReport()
    rows: list[ArticleRow] = []
    errors: list[IngestError] = []
    link_options = link_options or LinkOptions()
    linker = Linker(link_options, load_model(link_options))

    def flush() -> None:
        if not rows and not errors:
            return
        existing = store.existing_ids(r.values["id"] for r in rows)
        for row in rows:
            article_id = row.values["id"]
            if article_id not in existing and row.profile is not None:
                existing.add(article_id)  # the same article twice in a batch is linked once
                linker.link(row.profile)
        for row, new in zip(rows, store.write_batch(rows, errors, links=linker.drain(), then=check_events)):
            if new:
                report.added.append(row.values["id"])
            else:
                report.unchanged += 1
        report.failed.extend(errors)
        rows.clear()
        errors.clear()
        if progress:
            progress(report)

    with store.writer():
        linker.restore(store.link_snapshot(link_options.window_days, link_options.copy_window_days,
                                           link_options.story_window_days))
        for result in process_parallel(read_items(paths, options), options, with_articles=False):
            if isinstance(result, IngestError):
                errors.append(result)
            else:
                rows.append(result[1])
            if len(rows) + len(errors) >= batch_size:
                flush()
        flush()
    return report
