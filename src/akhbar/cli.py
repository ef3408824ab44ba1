"""The ``akhbar`` command line.

Every command takes ``--db`` (default ``akhbar.db``; ``AKHBAR_DB`` overrides it). ``--json``
prints one JSON document on stdout and nothing else there. Exit status: 0 when everything asked
for was done, 1 when some items failed but the rest were done, 2 for a usage error or when
nothing could be done.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path
from typing import Any

import click

from . import __version__
from .options import DEFAULT_LANGUAGES, Options
from .output import emit, output_options

EXIT_OK, EXIT_PARTIAL, EXIT_FAILED = 0, 1, 2


def db_option(fn: Any) -> Any:
    return click.option(
        "--db",
        "db",
        envvar="AKHBAR_DB",
        default="akhbar.db",
        show_default=True,
        type=click.Path(dir_okay=False),
        help="The SQLite database file (env AKHBAR_DB).",
    )(fn)


def open_store(db: str) -> Any:
    from .store import Store, StoreError

    try:
        return Store(db)
    except StoreError as exc:
        fail(str(exc))


def fail(message: str, code: int = EXIT_FAILED) -> None:
    click.echo(f"Error: {message}", err=True)
    sys.exit(code)


def make_options(languages: str | None, workers: int | None, **limits: Any) -> Options:
    kwargs: dict[str, Any] = {k: v for k, v in limits.items() if v is not None}
    if languages:
        kwargs["languages"] = tuple(c.strip() for c in languages.split(",") if c.strip())
    if workers is not None:
        kwargs["workers"] = workers
    try:
        return Options(**kwargs)
    except ValueError as exc:
        raise click.BadParameter(str(exc)) from exc


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="akhbar")
def main() -> None:
    """Akhbar: an offline-first multilingual news event tracker.

    Drop raw articles in (text, HTML, JSON/JSONL, RSS/Atom, WARC) and get clean,
    language-tagged, normalized, searchable articles in one SQLite file.

    \b
    Example:
      akhbar ingest examples/seeds
      akhbar articles
      akhbar search 'سرویس‌های امنیتی'
    """


# -- ingest -----------------------------------------------------------------------------------


class Progress:
    """A one-line progress report on stderr, refreshed at most 4 times a second."""

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled
        self.started = time.monotonic()
        self.last = 0.0

    def __call__(self, report: Any, final: bool = False) -> None:
        if not self.enabled:
            return
        now = time.monotonic()
        if not final and now - self.last < 0.25:
            return
        self.last = now
        rate = report.seen / max(now - self.started, 1e-9)
        line = (
            f"\r{report.seen} items: {len(report.added)} added, {report.unchanged} unchanged, "
            f"{len(report.failed)} failed ({rate:,.0f}/s)"
        )
        click.echo(line, err=True, nl=final)


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@db_option
@click.option("--languages", help=f"Comma-separated ISO 639-1 codes langid may answer [default: {','.join(DEFAULT_LANGUAGES)}].")
@click.option("--workers", type=int, help="Worker processes for the per-article stages [default: all cores].")
@click.option("--max-file-mb", type=float, help="Refuse files larger than this many MiB [default: 512].")
@click.option("--max-article-chars", type=int, help="Refuse articles longer than this [default: 2,000,000].")
@click.option("--max-decompression-ratio", type=float, help="Refuse compressed files that expand more than this [default: 100].")
@click.option("--kb", "kb_files", multiple=True, type=click.Path(exists=True, dir_okay=False), help="Your own knowledge-base file (JSONL, the format of data/kb/README.md); may repeat.")
@click.option("--json", "as_json", is_flag=True, help="Print the run report as JSON.")
@click.option("-q", "--quiet", is_flag=True, help="No progress line.")
def ingest(
    paths: tuple[str, ...],
    db: str,
    languages: str | None,
    workers: int | None,
    max_file_mb: float | None,
    max_article_chars: int | None,
    max_decompression_ratio: float | None,
    kb_files: tuple[str, ...],
    as_json: bool,
    quiet: bool,
) -> None:
    """Read files and folders (recursively) and store their articles.

    Reads .txt, .html/.htm, .json/.jsonl, RSS/Atom (.xml, .rss, .atom) and .warc/.warc.gz,
    also gzipped. An article already stored (same content) is counted as unchanged. A file
    that cannot be read is reported with the reason and the run goes on.

    \b
    Examples:
      akhbar ingest examples/seeds
      akhbar ingest --json ~/archive/2015-07.jsonl feeds/ > report.json
      akhbar ingest --kb my-people.jsonl articles/
    """
    from .run import ingest_paths
    from .store import WriterBusy

    options = make_options(
        languages,
        workers,
        max_file_bytes=int(max_file_mb * 1024 * 1024) if max_file_mb else None,
        max_article_chars=max_article_chars,
        max_decompression_ratio=max_decompression_ratio,
        kb_files=kb_files or None,
    )
    if kb_files:
        from .kb import KnowledgeBase, KnowledgeBaseError

        try:  # check the user's file here, once, with a clear message, before any work
            KnowledgeBase.load([Path(f) for f in kb_files])
        except KnowledgeBaseError as exc:
            fail(str(exc))
    store = open_store(db)
    progress = Progress(enabled=not quiet and sys.stderr.isatty())
    try:
        report = ingest_paths(paths, store, options, progress=progress)
    except WriterBusy as exc:
        fail(str(exc))
    finally:
        store.close()
    progress(report, final=True)
    if as_json:
        click.echo(json.dumps(report.as_dict(), ensure_ascii=False, indent=2))
    else:
        click.echo(f"added {len(report.added)}, unchanged {report.unchanged}, failed {len(report.failed)}")
        for err in report.failed:
            click.echo(f"  failed: {err.path}: {err.error}", err=True)
    sys.exit(report.exit_code)


@main.command()
@db_option
@click.option("--all", "everything", is_flag=True, help="Forget every link and relink all stored articles (after a model, threshold or knowledge-base change); nothing is parsed again.")
@click.option("--model", "model_file", type=click.Path(exists=True, dir_okay=False), help="Link with this link model instead of the shipped one.")
@click.option("--json", "as_json", is_flag=True, help="Print what the pass did as JSON.")
@click.option("-q", "--quiet", is_flag=True, help="No progress line.")
def link(db: str, everything: bool, model_file: str | None, as_json: bool, quiet: bool) -> None:
    """Link stored articles into events, copies and stories.

    Ingest runs this at its end; run it yourself after `--all` is needed, or to finish a run
    that was stopped. Articles are taken in their archive order (day, publication time, id)
    from the first one not linked yet, so the events do not depend on the order articles were
    ingested in; a backfilled article relinks the days its windows reach, no more.

    \b
    Examples:
      akhbar link
      akhbar link --all --json
    """
    from .linking import link_stored
    from .options import LinkOptions
    from .run import EventChecker
    from .store import WriterBusy

    store = open_store(db)
    show = not quiet and sys.stderr.isatty()

    def progress(run) -> None:
        if show:
            click.echo(f"\rlinked {run.decided:,} (replayed {run.replayed:,})", err=True, nl=False)

    try:
        with store.writer():
            run = link_stored(store, LinkOptions(model_file=model_file), everything=everything,
                              checker=EventChecker(), progress=progress)
    except WriterBusy as exc:
        fail(str(exc))
    except ValueError as exc:
        fail(str(exc))
    finally:
        store.close()
    if show:
        click.echo("", err=True)
    if as_json:
        click.echo(json.dumps(run.as_dict(), ensure_ascii=False, indent=2))
    else:
        click.echo(f"decided {run.decided} ({run.changed} new or changed), replayed {run.replayed}, "
                   f"events written {run.events}, stories {run.stories}, {run.seconds:.1f} s")


# -- reading ----------------------------------------------------------------------------------

SUMMARY_COLUMNS = ["id", "lang", "published", "publisher", "title", "source"]


@main.command()
@db_option
@click.option("--lang", help="Only articles in this language (ISO 639-1).")
@click.option("--publisher", help="Only articles from this outlet.")
@click.option("--since", help="Only articles published on or after this ISO date.")
@click.option("--until", help="Only articles published on or before this ISO date.")
@click.option("--limit", type=int, default=None, help="At most this many.")
@output_options
def articles(db: str, lang: str | None, publisher: str | None, since: str | None, until: str | None, limit: int | None, fmt: str) -> None:
    """List stored articles, newest first.

    \b
    Examples:
      akhbar articles --lang fa
      akhbar articles --since 2022-01-01 --json
    """
    with open_store(db) as store:
        rows = store.articles(lang=lang, publisher=publisher, since=since, until=until, limit=limit)
    emit(rows, fmt, SUMMARY_COLUMNS)


@main.command()
@click.argument("article_id")
@db_option
@output_options
def show(article_id: str, db: str, fmt: str) -> None:
    """Show one article with everything found in it.

    ARTICLE_ID is the id (or an unambiguous prefix of at least 4 characters).

    \b
    Example:
      akhbar show 5d9e4256 --json
    """
    from .store import StoreError

    with open_store(db) as store:
        try:
            article = store.article(article_id)
        except StoreError as exc:
            fail(str(exc))
    if article is None:
        fail(f"no article with id {article_id!r} in {db}")
    if "flags" not in article:
        from .store.checks import list_flags

        with open_store(db) as store:
            article["flags"] = list_flags(store, article=article["id"])
    if fmt == "json":
        emit(article, "json")
        return
    if fmt == "csv":
        emit([{k: v for k, v in article.items() if k != "text"}], "csv")
        return
    for key in ("id", "source", "lang", "lang_confidence", "title", "published", "publisher", "url", "credits"):
        value = article.get(key)
        if value not in (None, [], ""):
            click.echo(f"{key:>16}: {value if not isinstance(value, list) else ', '.join(value)}")
    click.echo("")
    click.echo(article["body"])
    if article["removed_lines"]:
        click.echo("\nremoved:")
        for r in article["removed_lines"]:
            click.echo(f"  [{r['kind']}] {r['text']}  ({r['reason']})")
    if article["flags"]:
        click.echo("\nflags:")
        for f in article["flags"]:
            click.echo(f"  [{f['kind']}] {f['explanation']}")


@main.command()
@click.argument("query")
@db_option
@click.option("--lang", help="Only articles in this language (ISO 639-1).")
@click.option("--publisher", help="Only articles from this outlet.")
@click.option("--since", help="Only articles published on or after this ISO date.")
@click.option("--until", help="Only articles published on or before this ISO date.")
@click.option("--limit", type=int, default=20, show_default=True, help="At most this many.")
@output_options
def search(query: str, db: str, lang: str | None, publisher: str | None, since: str | None, until: str | None, limit: int, fmt: str) -> None:
    """Full-text search in any language or spelling.

    Digits in any script, Persian words with or without their zero-width non-joiners, Arabic
    words with or without hamza, diacritics or proclitics all find the same articles. Every
    word must match.

    \b
    Examples:
      akhbar search 'سرویس‌های امنیتی'
      akhbar search الارهاب --lang ar --json
    """
    from .store import BadQuery

    with open_store(db) as store:
        try:
            rows = store.search(query, lang=lang, publisher=publisher, since=since, until=until, limit=limit)
        except BadQuery as exc:
            fail(str(exc))
    emit(rows, fmt, ["score", *SUMMARY_COLUMNS])


@main.command()
@db_option
@click.option("--limit", type=int, default=100, show_default=True, help="At most this many.")
@output_options
def failures(db: str, limit: int, fmt: str) -> None:
    """List the items earlier ingests could not read, newest first.

    \b
    Example:
      akhbar failures --json
    """
    with open_store(db) as store:
        emit(store.errors(limit), fmt, ["at", "path", "error"])


# -- checks -----------------------------------------------------------------------------------

FLAG_KINDS_HELP = ("calendar_mismatch, weekday_mismatch, headline_body_mismatch, quantity_conflict, "
                   "venue_conflict, date_conflict, speaker_conflict")


def _resolve_article(store: Any, ident: str | None, db: str) -> str | None:
    from .store import StoreError

    if ident is None:
        return None
    try:
        found = store.resolve_id(ident)
    except StoreError as exc:
        fail(str(exc))
    if found is None:
        fail(f"no article with id {ident!r} in {db}")
    return found


def _flag_rows(flags: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [{"kind": f["kind"], "articles": ", ".join(a[:8] for a in f["articles"]), "event": (f["event"] or "")[:12],
             "explanation": f["explanation"]} for f in flags]


@main.command()
@db_option
@click.option("--kind", help=f"Only flags of this kind ({FLAG_KINDS_HELP}).")
@click.option("--article", "article_id", help="Only flags that concern this article (id or prefix).")
@click.option("--event", "event_id", help="Only flags between the reports of this event.")
@click.option("--limit", type=int, default=None, help="At most this many.")
@output_options
def flags(db: str, kind: str | None, article_id: str | None, event_id: str | None, limit: int | None, fmt: str) -> None:
    """List where reports disagree: calendars, weekdays, headline versus body, and reports of one
    event that give different figures, venues, dates or speakers.

    Each flag quotes its statements with their articles and character offsets and explains
    itself in one sentence.

    \b
    Examples:
      akhbar flags
      akhbar flags --kind calendar_mismatch --json
      akhbar flags --article 5d9e4256
    """
    from .records import FLAG_KINDS
    from .store.checks import list_flags

    if kind is not None and kind not in FLAG_KINDS:
        raise click.BadParameter(f"unknown flag kind {kind!r}; one of {FLAG_KINDS_HELP}", param_hint="--kind")
    with open_store(db) as store:
        article = _resolve_article(store, article_id, db)
        rows = list_flags(store, kind=kind, article=article, event=event_id, limit=limit)
    if fmt == "json":
        emit(rows, "json")
    else:
        emit(_flag_rows(rows), fmt, ["kind", "articles", "event", "explanation"])


@main.command()
@db_option
@click.option("--article", "article_id", help="Only claims this article reports (id or prefix).")
@click.option("--event", "event_id", help="Only claims of this event.")
@click.option("--limit", type=int, default=None, help="At most this many.")
@output_options
def claims(db: str, article_id: str | None, event_id: str | None, limit: int | None, fmt: str) -> None:
    """List claims found in several reports: the same speaker, figure and subject, in any language.

    \b
    Examples:
      akhbar claims
      akhbar claims --json
    """
    from .store.checks import list_claims

    with open_store(db) as store:
        article = _resolve_article(store, article_id, db)
        rows = list_claims(store, article=article, event=event_id, limit=limit)
    if fmt == "json":
        emit(rows, "json")
        return
    table = []
    for c in rows:
        figure = c["value"] if c["value"] is not None else (f"{c['low']}-{c['high']}" if c["low"] is not None else "")
        table.append({"speaker": c["speaker"], "figure": figure, "reports": len(c["reports"]),
                      "articles": ", ".join(a[:8] for a in c["articles"]), "text": c["text"]})
    emit(table, fmt, ["speaker", "figure", "reports", "articles", "text"])


# -- evaluation and benchmarks ----------------------------------------------------------------


# -- events and stories -----------------------------------------------------------------------

EVENT_COLUMNS = ["id", "date", "size", "languages", "outlets", "story", "label"]
STORY_COLUMNS = ["id", "first", "last", "size", "articles", "languages", "label"]


def _table_lists(rows: list[dict[str, Any]], keys: tuple[str, ...]) -> list[dict[str, Any]]:
    return [{k: (", ".join(v) if k in keys and isinstance(v, list) else v) for k, v in r.items()} for r in rows]


@main.command()
@db_option
@click.option("--lang", help="Only events reported in this language.")
@click.option("--since", help="Only events on or after this ISO date.")
@click.option("--until", help="Only events on or before this ISO date.")
@click.option("--entity", help="Only events whose articles name this entity (knowledge-base id, e.g. person/vladimir-putin).")
@click.option("--story", help="Only the events of this story.")
@click.option("--limit", type=int, default=None, help="At most this many.")
@output_options
def events(db: str, lang: str | None, since: str | None, until: str | None, entity: str | None, story: str | None,
           limit: int | None, fmt: str) -> None:
    """List events: articles that report the same happening, in any language.

    Each event gives its articles and, for each article after the first, the article it was
    linked to and the features (with their weights) that linked them.

    \b
    Examples:
      akhbar events
      akhbar events --lang ar --since 2015-07-21 --json
      akhbar events --entity person/vladimir-putin
    """
    with open_store(db) as store:
        rows = store.events(lang=lang, since=since, until=until, entity=entity, story=story, limit=limit)
    if fmt == "json":
        emit(rows, "json")
        return
    emit(_table_lists([{k: r[k] for k in EVENT_COLUMNS} for r in rows], ("languages", "outlets")), fmt, EVENT_COLUMNS)


@main.command()
@db_option
@click.option("--limit", type=int, default=None, help="At most this many.")
@output_options
def stories(db: str, limit: int | None, fmt: str) -> None:
    """List stories: events chained over months and years by who and what they are about.

    \b
    Examples:
      akhbar stories
      akhbar stories --json
    """
    with open_store(db) as store:
        rows = store.stories(limit=limit)
    if fmt == "json":
        emit(rows, "json")
        return
    emit(_table_lists([{k: r[k] for k in STORY_COLUMNS} for r in rows], ("languages",)), fmt, STORY_COLUMNS)


# -- web UI and exports -----------------------------------------------------------------------


@main.command()
@db_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on (0.0.0.0: every interface).")
@click.option("--port", type=click.IntRange(1, 65535), default=8000, show_default=True, help="Port to listen on.")
def serve(db: str, host: str, port: int) -> None:
    """Serve the web UI and the JSON API (/api/..., /openapi.json) for a database.

    Pages for events, stories, articles (highlighted, right-to-left where the text is),
    entities, search and flags; every asset is shipped with Akhbar, nothing is loaded from
    the internet. The database is only read: an ingest may run at the same time.

    \b
    Examples:
      akhbar serve
      akhbar serve --db news.db --port 8080
    """
    import uvicorn

    from .web import create_app

    if not Path(db).is_file():
        fail(f"no database at {db}: ingest articles first (akhbar ingest PATH --db {db})")
    from .store import StoreError

    try:
        app = create_app(db)
    except StoreError as exc:
        fail(str(exc))
    click.echo(f"Akhbar serves {db} on http://{host}:{port}/ (Ctrl+C stops it)", err=True)
    uvicorn.run(app, host=host, port=port, log_level="warning")


@main.command("export")
@click.argument("what", type=click.Choice(["articles", "events", "stories", "mentions", "quotes", "claims", "flags"]))
@db_option
@click.option("--format", "fmt", type=click.Choice(["jsonl", "csv", "parquet"]), default="jsonl", show_default=True, help="File format.")
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write to this file [default: standard output; Parquet needs a file].")
def export_command(what: str, db: str, fmt: str, output: str | None) -> None:
    """Export articles, events, stories, mentions, quotes, claims or flags.

    JSONL holds the same objects as --json; CSV and Parquet hold one flat row per object
    (lists as JSON arrays in CSV, nested structures as JSON text). All open in pandas and
    DuckDB.

    \b
    Examples:
      akhbar export articles -o articles.jsonl
      akhbar export mentions --format csv > mentions.csv
      akhbar export events --format parquet -o events.parquet
    """
    from .export import ExportError, export

    if fmt == "parquet" and not output:
        fail("Parquet is a binary file format: give an output file with -o PATH")
    if not Path(db).is_file():
        fail(f"no database at {db}: ingest articles first (akhbar ingest PATH --db {db})")
    with open_store(db) as store:
        try:
            n = export(store, what, fmt, output)
        except ExportError as exc:
            fail(str(exc))
    click.echo(f"exported {n} {what}" + (f" to {output}" if output else ""), err=True)


@main.group(name="eval")
def eval_group() -> None:
    """Score a stage against gold data (precision, recall, F1).

    \b
    Examples:
      akhbar eval seeds ../shared/gold/seeds.json
      akhbar eval extraction ../shared/data/article-extraction-benchmark --json
    """


def _print_scores(result: dict[str, Any], fmt: str) -> None:
    if fmt == "json":
        emit(result, "json")
        return
    rows = result.get("table") or [{k: v for k, v in result.items() if not isinstance(v, (list, dict))}]
    emit(rows, fmt)


@eval_group.command("extraction")
@click.argument("folder", type=click.Path(exists=True, file_okay=False))
@output_options
def eval_extraction(folder: str, fmt: str) -> None:
    """Word-level precision/recall/F1 of article-body extraction on the article extraction benchmark.

    FOLDER holds html/<id>.html.gz and ground-truth.json.

    \b
    Example:
      akhbar eval extraction ../shared/data/article-extraction-benchmark
    """
    from .evaluate.extraction import evaluate_extraction

    result = evaluate_extraction(Path(folder), Options(workers=1), per_page=fmt == "json")
    _print_scores(result, fmt)


@eval_group.command("seeds")
@click.argument("gold", type=click.Path(exists=True, dir_okay=False))
@click.option("--seeds", "seeds_dir", type=click.Path(exists=True, file_okay=False), help="Folder of the sample articles [default: the 'seeds' folder beside the gold's folder].")
@output_options
def eval_seeds(gold: str, seeds_dir: str | None, fmt: str) -> None:
    """Score cleaning, language, title and publication date on the sample articles.

    GOLD is a file in the format of shared/gold/seeds.json.

    \b
    Example:
      akhbar eval seeds ../shared/gold/seeds.json
    """
    from .evaluate.seeds import evaluate_seeds

    folder = Path(seeds_dir) if seeds_dir else Path(gold).resolve().parent.parent / "seeds"
    if not folder.is_dir():
        fail(f"sample articles not found at {folder}; give --seeds FOLDER")
    result = evaluate_seeds(Path(gold), folder, Options(workers=1))
    _print_scores(result, fmt)


@eval_group.command("entities")
@click.argument("path", type=click.Path(exists=True, dir_okay=False))
@output_options
def eval_entities(path: str, fmt: str) -> None:
    """Entity recognition precision/recall/F1 per type (PERS, LOC, ORG) on a BIO-tagged corpus.

    PATH is a `token TAG` per line file such as ANERcorp (Arabic).

    \b
    Example:
      akhbar eval entities ../shared/data/anercorp/ANERCorp.txt
    """
    from .evaluate.entities import evaluate_anercorp

    result = evaluate_anercorp(Path(path), Options(workers=1))
    if fmt != "json":
        rows = [{"type": k, **{m: v for m, v in result[k].items() if not isinstance(v, (list, dict))}}
                for k in ("PERS", "LOC", "ORG", "micro") if isinstance(result.get(k), dict)]
        emit(rows, fmt)
        return
    emit(result, "json")


@eval_group.command("flags")
@click.argument("path", type=click.Path(exists=True))
@output_options
def eval_flags(path: str, fmt: str) -> None:
    """Precision, recall and F1 of the checks per flag kind on a flag test set.

    PATH is a folder of case files (*.json) or one JSON/JSONL file of cases: small articles
    (title, text, lang, published; several articles in a case are one event) and the flags
    they must give (none for a must-not case). See tests/check/cases/README.md.

    \b
    Example:
      akhbar eval flags tests/check/cases --json
    """
    from .evaluate.flags import CaseError, evaluate_flags

    try:
        result = evaluate_flags(Path(path), Options(workers=1), details=fmt == "json")
    except CaseError as exc:
        fail(str(exc))
    _print_scores(result, fmt)


@eval_group.command("similarity")
@click.argument("path", type=click.Path(exists=True, dir_okay=False))
@click.option("--workers", type=int, help="Worker processes [default: all cores].")
@click.option("--fit", "fit_out", type=click.Path(dir_okay=False), help="Also fit the link model's weights on these pairs and write it to this JSON file.")
@click.option("--model", "model_file", type=click.Path(exists=True, dir_okay=False), help="Score with this model instead of the shipped pair-similarity model (data/link/similarity.json).")
@output_options
def eval_similarity(path: str, workers: int | None, fit_out: str | None, model_file: str | None, fmt: str) -> None:
    """Pearson correlation of article-pair similarity with SemEval-2022 Task 8's Overall score.

    PATH is the task's CSV (pair_id, lang1, lang2, text1, text2, Overall, ...). Prints the
    correlation in total and per language pair. With --fit, the link model is fitted on the
    pairs (same event: Overall <= 2) and the report adds a 5-fold cross-validated figure.

    \b
    Example:
      akhbar eval similarity ../shared/data/semeval2022-task8/train.csv
    """
    from .evaluate.similarity import evaluate_similarity
    from .options import LinkOptions
    from .run import load_model

    try:
        model = load_model(LinkOptions(model_file=model_file)) if model_file else None
        pairs_langs = ("ar", "de", "en", "es", "fa", "fr", "pl", "ru", "tr")
        options = make_options(",".join(pairs_langs), workers)
        report, fitted = evaluate_similarity(path, options, model, fit=bool(fit_out))
    except ValueError as exc:
        fail(str(exc))
    if fit_out and fitted is not None:
        Path(fit_out).write_text(json.dumps(fitted.as_dict(), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    if fmt == "json":
        emit(report, "json")
        return
    rows = [{"language_pair": "all", "pearson": report["pearson"], "pairs": report["pairs"]}]
    rows += [{"language_pair": k, **v} for k, v in report["by_language_pair"].items()]
    emit(rows, fmt, ["language_pair", "pearson", "pairs"])


@eval_group.command("clusters")
@click.argument("path", type=click.Path(exists=True, dir_okay=False))
@click.option("--workers", type=int, help="Worker processes [default: all cores].")
@click.option("--model", "model_file", type=click.Path(exists=True, dir_okay=False), help="Link with this link model instead of the shipped one.")
@output_options
def eval_clusters(path: str, workers: int | None, model_file: str | None, fmt: str) -> None:
    """BCubed precision, recall and F1 of the events against gold event labels.

    PATH is a JSONL of articles (title, text, url, date, source) each with a gold `event`
    field. They are ingested into a temporary database; the events found are compared with the
    gold, in total, per language and per pair of languages, with the share of the gold's pairs
    of one event in two languages that were joined (`cross_language_joined`).

    \b
    Example:
      akhbar eval clusters devset.jsonl
    """
    from .evaluate.linking import evaluate_clusters
    from .options import LinkOptions

    try:
        result = evaluate_clusters(Path(path), make_options(None, workers), LinkOptions(model_file=model_file))
    except ValueError as exc:
        fail(str(exc))
    if fmt != "json":
        def row(scope: str, r: dict[str, Any]) -> dict[str, Any]:
            return {"scope": scope, **{k: r.get(k) for k in ("precision", "recall", "f1", "items", "cross_language_joined")}}

        result = {"table": [row("all", result)] + [row(k, v) for k, v in result["by_language"].items()]
                  + [row(k, v) for k, v in result["by_language_pair"].items()]}
    _print_scores(result, fmt)


@eval_group.command("parstdex")
@click.argument("path", type=click.Path(exists=True, dir_okay=False))
@click.option("--absolute-only", is_flag=True, help="Score only absolute dates (not relative expressions).")
@output_options
def eval_parstdex(path: str, absolute_only: bool, fmt: str) -> None:
    """Persian date-span precision/recall/F1 on the parstdex corpus (data.json).

    \b
    Example:
      akhbar eval parstdex ../shared/data/parstdex/data.json
    """
    from .evaluate.parstdex import evaluate_parstdex

    _print_scores(evaluate_parstdex(Path(path), relative=not absolute_only), fmt)


@main.command()
@click.option("--saudinewsnet", type=click.Path(exists=True, file_okay=False), help="Folder of SaudiNewsNet day ZIPs [default: ../shared/data/saudinewsnet].")
@click.option("--seeds", "seeds_dir", type=click.Path(exists=True, file_okay=False), help="Folder of sample articles [default: examples/seeds].")
@click.option("-n", "--articles", "limit", type=int, default=10_000, show_default=True, help="Ingest the first N SaudiNewsNet articles.")
@click.option("--workers", type=int, help="Worker processes [default: all cores].")
@click.option("--record", type=click.Path(dir_okay=False), help="Append the figures to this JSONL file (e.g. benchmarks/ingest.jsonl).")
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
@click.option("--link-latency", "latency_total", type=int, default=None, help="Instead: link a simulated archive of this many articles (e.g. 1000000) and report the time to assign one (p50, p99).")
def bench(saudinewsnet: str | None, seeds_dir: str | None, limit: int, workers: int | None, record: str | None, as_json: bool,
          latency_total: int | None) -> None:
    """Measure whole ingests: articles per second and peak memory.

    Converts the first N SaudiNewsNet articles to JSONL in a temporary folder, then times a
    fresh `akhbar ingest` of it (and of the sample articles) into a new database.

    \b
    Example:
      akhbar bench -n 10000 --record benchmarks/ingest.jsonl
    """
    from .bench import default_shared, machine, run_benchmarks

    if latency_total:
        from datetime import datetime, timezone

        from .bench_link import link_latency

        folder = Path(saudinewsnet) if saudinewsnet else default_shared() / "data" / "saudinewsnet"
        if not folder.is_dir():
            fail(f"SaudiNewsNet not found at {folder}; give --saudinewsnet")
        result = link_latency(folder, total=latency_total, workers=workers,
                              progress=lambda n: click.echo(f"  linked {n:,}", err=True))
        result.update(date=datetime.now(timezone.utc).isoformat(timespec="seconds"), machine=machine(),
                      command=f"akhbar bench --link-latency {latency_total}")
        if record:
            with open(record, "a", encoding="utf-8") as fh:
                fh.write(json.dumps(result, ensure_ascii=False) + "\n")
        emit(result if as_json else [{k: v for k, v in result.items() if k != "machine"}], "json" if as_json else "table")
        return
    results = run_benchmarks(
        saudinewsnet=Path(saudinewsnet) if saudinewsnet else None,
        seeds=Path(seeds_dir) if seeds_dir else None,
        limit=limit,
        workers=workers,
    )
    if record:
        with open(record, "a", encoding="utf-8") as fh:
            for r in results:
                fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    if as_json:
        click.echo(json.dumps(results, ensure_ascii=False, indent=2))
    else:
        emit(results, "table", ["corpus", "articles", "seconds", "articles_per_s", "peak_rss_mb", "workers"])


if __name__ == "__main__":  # pragma: no cover
    main()
