"""CPU time per article, stage by stage, on SaudiNewsNet (one process).

    .venv/bin/python benchmarks/profile_stages.py [-n 2000] [--profile entities] [--digest FILE]

Loads the first ``-n`` SaudiNewsNet articles (``$AKHBAR_SHARED/data/saudinewsnet``, default
``../shared`` next to the repository) through the real reader (JSONL, as ``akhbar bench`` feeds
them), builds ``Pipeline(Options(workers=1))`` and runs the stages one at a time over *all*
articles, timing each with ``time.process_time`` (CPU time, so other processes on the machine
do not count). Then it times, per article: the linker's profile (``link.profile.build_profile``,
when present) and ``article_row`` (the worker's last steps), pickling the row with its profile
(what a worker sends back) and unpickling it, and ``Store.write_batch`` into a fresh temporary
database in batches of 256 (the main process's work).

On a shared machine CPU time still moves by 10-30 % with the load (caches, hyper-threads):
use ``--repeat 3`` (the least of three runs per stage), and compare two versions of the code
by running them alternately (``PYTHONPATH=/copy/of/src`` for the other one), not against a
figure measured at another time.

``--profile STAGE`` runs cProfile over that stage (a component name, ``clean``, ``row`` or
``write``) and prints the top functions. ``--digest FILE`` writes one line per article (id and
a SHA-256 of its row without the ingest time) so two versions of the code can be compared for
identical results (``diff`` the two files).

Start-up (loading lingua, the knowledge base and the gazetteers) is excluded: it happens once
per worker and is reported separately.
"""

from __future__ import annotations

import argparse
import cProfile
import hashlib
import json
import os
import pickle
import pstats
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

from akhbar.bench import saudinewsnet_to_jsonl
from akhbar.clean import CleanError, clean
from akhbar.ingest import read_items
from akhbar.normalize.search import STEM_MARK
from akhbar.options import Options
from akhbar.pipeline import Pipeline
from akhbar.records import Article, RawDoc
from akhbar.store import Store
from akhbar.store.rows import ArticleRow, article_row

BATCH = 256


def shared_dir() -> Path:
    env = os.environ.get("AKHBAR_SHARED")
    return Path(env) if env else Path(__file__).resolve().parents[2] / "shared"


def load_raw(n: int) -> tuple[list[RawDoc], float]:
    folder = shared_dir() / "data" / "saudinewsnet"
    if not folder.is_dir():
        sys.exit(f"SaudiNewsNet not found at {folder} (set AKHBAR_SHARED)")
    with tempfile.TemporaryDirectory(prefix="akhbar-prof-") as tmp:
        jsonl = Path(tmp) / "snn.jsonl"
        saudinewsnet_to_jsonl(folder, jsonl, n)
        t = time.process_time()
        raws = [r for r in read_items([str(jsonl)], Options(workers=1)) if isinstance(r, RawDoc)]
        return raws, time.process_time() - t


def warmup_docs() -> list[RawDoc]:
    """A few articles in other languages (SaudiNewsNet has some), so that no table is built
    inside a timed stage."""
    texts = {
        "en": "Talks in Geneva\n\nThe Russian president Vladimir Putin said on Friday that 5,000 to 7,000 "
              "fighters had gone to Syria, according to Reuters. \"We will act,\" he told reporters.",
        "fa": "دیدار در تهران\n\nبه گزارش خبرگزاری فارس، رئیس جمهور روسیه روز گذشته گفت که ۵ تا ۷ هزار نفر "
              "در سوریه هستند. وی افزود: «ما اقدام می‌کنیم».",
        "ru": "Переговоры в Москве\n\nПрезидент России Владимир Путин заявил в пятницу, что от 5 до 7 тысяч "
              "боевиков находятся в Сирии, сообщает ТАСС.",
    }
    return [RawDoc(source=f"warmup-{k}", path=f"warmup-{k}", content=v) for k, v in texts.items()]


def timed(name: str, fn, items: list, profile: str | None, results: dict[str, float], repeat: int = 1) -> list:
    """``[fn(x) for x in items]``, its CPU time (the least of ``repeat`` runs) in ``results``."""
    prof = cProfile.Profile() if profile == name else None
    best = float("inf")
    for _ in range(repeat):
        t = time.process_time()
        if prof:
            prof.enable()
        out = [fn(x) for x in items]
        if prof:
            prof.disable()
        best = min(best, time.process_time() - t)
    results[name] = best
    if prof:
        pstats.Stats(prof).sort_stats("tottime").print_stats(30)
    return out


def row_digest(row) -> str:
    """A hash of what the store gets from a row. The stem terms of an Arabic shadow body
    (``STEM_MARK`` + word) are compared as a multiset: their order is invisible to FTS5."""
    values = {k: v for k, v in row.values.items() if k not in ("ingested_at", "path")}  # path: a temp file
    fts = []
    for text in (row.fts_title, row.fts_body):
        terms = text.split()
        stems = sorted(t for t in terms if t.startswith(STEM_MARK))
        fts.append([[t for t in terms if not t.startswith(STEM_MARK)], stems])
    profile = repr(getattr(row, "profile", None))
    blob = json.dumps([values, fts, [list(m) for m in row.mentions], profile], ensure_ascii=False)
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("-n", type=int, default=2000, help="articles (default 2000)")
    ap.add_argument("--profile", help="cProfile this stage (component name, clean, row, write)")
    ap.add_argument("--repeat", type=int, default=1,
                    help="run each stage this many times and keep the least CPU time (default 1)")
    ap.add_argument("--digest", help="write id and row hash per article to this file")
    args = ap.parse_args()

    raws, read_s = load_raw(args.n)
    t = time.process_time()
    pipeline = Pipeline(Options(workers=1))
    # lazy tables (search folding, a language's gazetteer) load on first use: start-up too
    for raw in raws[:20] + warmup_docs():
        result = pipeline.process(raw)
        if isinstance(result, Article):
            article_row(result)
    startup = time.process_time() - t
    results: dict[str, float] = {"read": read_s}

    def do_clean(raw: RawDoc):
        try:
            return clean(raw, pipeline.options)
        except CleanError:
            return None

    def safe(run):
        def call(article: Article):
            try:
                return run(article)
            except Exception:  # the pipeline turns these into IngestErrors; here: dropped
                return None
        return call

    articles = [a for a in timed("clean", do_clean, raws, args.profile, results, args.repeat) if a is not None]
    for comp in pipeline.components:
        out = timed(comp.name, safe(comp.run), articles, args.profile, results, args.repeat)
        articles = [a for a in out if a is not None]
    try:  # the linker's per-article profile, built in the workers beside the row
        from akhbar.link.profile import build_profile
    except ImportError:
        build_profile = None
    profiles = None
    if build_profile is not None:
        profiles = timed("link-profile", safe(build_profile), articles, args.profile, results, args.repeat)
    rows = timed("row", article_row, articles, args.profile, results, args.repeat)
    if profiles is not None and "profile" in ArticleRow.__dataclass_fields__:
        rows = [replace(r, profile=p) for r, p in zip(rows, profiles)]  # as the workers send them
    blobs = timed("pickle", pickle.dumps, rows, None, results, args.repeat)
    timed("unpickle", pickle.loads, blobs, None, results, args.repeat)

    with tempfile.TemporaryDirectory(prefix="akhbar-prof-db-") as tmp:
        store = Store(Path(tmp) / "p.db")
        batches = [rows[i : i + BATCH] for i in range(0, len(rows), BATCH)]
        timed("write", store.write_batch, batches, args.profile, results)
        store.close()

    n = len(articles)
    worker = ("clean", *(c.name for c in pipeline.components), "link-profile", "row", "pickle")
    main_proc = ("read", "unpickle", "write")
    print(f"{n} articles ({len(raws)} read), {sum(len(a.text) for a in articles) / n / 1000:.1f} k chars on average; "
          f"start-up {startup:.2f} s CPU")
    print(f"{'stage':<12} {'ms/article':>10}")
    for name, secs in results.items():
        per = secs / (len(raws) if name in ("read", "clean") else n) * 1000
        print(f"{name:<12} {per:>10.3f}")
    w = sum(results[k] for k in worker if k in results) / n * 1000
    m = sum(results[k] for k in main_proc) / n * 1000
    print(f"{'worker':<12} {w:>10.3f}\n{'main':<12} {m:>10.3f}\n{'total':<12} {w + m:>10.3f}")
    print(f"pickled row: {sum(map(len, blobs)) / n / 1000:.1f} KB on average")
    if args.digest:
        with open(args.digest, "w", encoding="utf-8") as fh:
            for a, r in zip(articles, rows):
                fh.write(f"{a.id}\t{row_digest(r)}\n")


if __name__ == "__main__":
    main()
