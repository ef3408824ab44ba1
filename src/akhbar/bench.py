"""``akhbar bench``: whole ingests, raw files to stored articles, timed and measured.

Each benchmark runs ``akhbar ingest`` in a fresh process on a fresh database and samples the
resident memory of that process and its workers (the sum over the process tree, from /proc)
every 50 ms. The SaudiNewsNet day files (ZIPs of JSON arrays) are first turned into one JSONL
file, outside the timing.
"""

from __future__ import annotations

import json
import os
import platform
import subprocess
import sys
import tempfile
import threading
import time
import zipfile
from datetime import datetime, timezone
from pathlib import Path
from typing import Any


def default_shared() -> Path:
    env = os.environ.get("AKHBAR_SHARED")
    if env:
        return Path(env)
    return Path.cwd().resolve().parent / "shared"


def saudinewsnet_records(folder: Path, *, stride: int = 1):
    """SaudiNewsNet's articles (day files in date order) as ingestible JSONL records; with
    ``stride`` N, every N-th article only (outlets and days vary in a small sample)."""
    seen = 0
    for zpath in sorted(folder.glob("*.zip")):
        with zipfile.ZipFile(zpath) as zf:
            for name in sorted(zf.namelist()):
                if not name.endswith(".json"):
                    continue
                for rec in json.loads(zf.read(name).decode("utf-8")):
                    seen += 1
                    if seen % stride:
                        continue
                    yield {
                        "title": rec.get("title"),
                        "text": rec.get("content"),
                        "url": rec.get("url"),
                        "date": rec.get("date_extracted"),
                        "source": rec.get("source"),
                        "author": rec.get("author"),
                    }


def saudinewsnet_to_jsonl(folder: Path, out: Path, limit: int, *, stride: int = 1) -> int:
    """Write the first ``limit`` SaudiNewsNet articles (every ``stride``-th) as JSONL."""
    n = 0
    with out.open("w", encoding="utf-8") as fh:
        for record in saudinewsnet_records(folder, stride=stride):
            if n >= limit:
                break
            fh.write(json.dumps(record, ensure_ascii=False) + "\n")
            n += 1
    return n


def _tree_rss_kib(root: int) -> int:
    """Resident memory (KiB) of ``root`` and all its descendants, from /proc."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            with open(f"/proc/{entry.name}/stat", "rb") as fh:
                fields = fh.read().rsplit(b")", 1)[1].split()
            ppid, pages = int(fields[1]), int(fields[21])
        except (OSError, IndexError, ValueError):
            continue
        pid = int(entry.name)
        children.setdefault(ppid, []).append(pid)
        rss[pid] = pages * (os.sysconf("SC_PAGE_SIZE") // 1024)
    total, stack = 0, [root]
    while stack:
        pid = stack.pop()
        total += rss.get(pid, 0)
        stack.extend(children.get(pid, []))
    return total


def timed_ingest(paths: list[str], workers: int | None) -> dict[str, Any]:
    with tempfile.TemporaryDirectory(prefix="akhbar-bench-") as tmp:
        db = str(Path(tmp) / "bench.db")
        cmd = [sys.executable, "-m", "akhbar", "ingest", "--quiet", "--json", "--db", db, *paths]
        if workers is not None:
            cmd[4:4] = ["--workers", str(workers)]
        started = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        peak = 0
        done = threading.Event()

        def sample() -> None:
            nonlocal peak
            while not done.is_set():
                peak = max(peak, _tree_rss_kib(proc.pid))
                done.wait(0.05)

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        out, err = proc.communicate()
        seconds = time.perf_counter() - started
        done.set()
        sampler.join()
        if proc.returncode not in (0, 1):
            raise RuntimeError(f"ingest failed ({proc.returncode}): {err.decode(errors='replace')[-2000:]}")
        report = json.loads(out)
        return {
            "seconds": round(seconds, 2),
            "added": report["added"],
            "failed": len(report["failed"]),
            "peak_rss_mb": round(peak / 1024, 1),
            "command": "akhbar " + " ".join(cmd[3:]).replace(db, "NEW.db"),
        }


def machine() -> dict[str, Any]:
    cpu = platform.processor() or ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem_gib = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return {"cores": os.cpu_count(), "cpu": cpu, "memory_gib": round(mem_gib, 1), "python": platform.python_version()}


def run_benchmarks(*, saudinewsnet: Path | None, seeds: Path | None, limit: int, workers: int | None) -> list[dict[str, Any]]:
    results = []
    when = datetime.now(timezone.utc).isoformat(timespec="seconds")
    seeds = seeds or Path("examples/seeds")
    saudinewsnet = saudinewsnet or default_shared() / "data" / "saudinewsnet"
    if seeds.is_dir():
        r = timed_ingest([str(seeds)], workers)
        results.append({"corpus": "seeds", "articles": r["added"], **r})
    if saudinewsnet.is_dir():
        with tempfile.TemporaryDirectory(prefix="akhbar-snn-") as tmp:
            jsonl = Path(tmp) / "saudinewsnet.jsonl"
            n = saudinewsnet_to_jsonl(saudinewsnet, jsonl, limit)
            r = timed_ingest([str(jsonl)], workers)
            results.append({"corpus": f"saudinewsnet[:{n}]", "articles": n, **r})
    else:
        print(f"SaudiNewsNet not found at {saudinewsnet}; skipped (give --saudinewsnet)", file=sys.stderr)
    for r in results:
        r["articles_per_s"] = round(r["articles"] / r["seconds"], 1) if r["seconds"] else None
        r["workers"] = workers if workers is not None else os.cpu_count()
        r["date"] = when
        r["machine"] = machine()
    return results
