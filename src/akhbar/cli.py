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


# -- evaluation and benchmarks ----------------------------------------------------------------


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
def bench(saudinewsnet: str | None, seeds_dir: str | None, limit: int, workers: int | None, record: str | None, as_json: bool) -> None:
    """Measure whole ingests: articles per second and peak memory.

    Converts the first N SaudiNewsNet articles to JSONL in a temporary folder, then times a
    fresh `akhbar ingest` of it (and of the sample articles) into a new database.

    \b
    Example:
      akhbar bench -n 10000 --record benchmarks/ingest.jsonl
    """
    from .bench import run_benchmarks

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
