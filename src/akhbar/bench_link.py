"""``akhbar bench --link-latency N``: the time to assign one article to an event with N articles
already linked (a simulated archive), and the linker's memory.

Real link profiles of SaudiNewsNet articles (the first ``sample``, through the whole per-article
pipeline) are replayed as a stream of ``total`` articles at ``per_day`` a day, so the archive
spans ``total / per_day`` days and the events of the time window are always about as many as a
real stream of that rate gives. Each replayed article gets a new id; its words and entities get
one of ``variants`` suffixes (so the vocabulary is bounded, as a real language's is, but events do
not simply repeat) and its MinHash signature is re-drawn (no article is a copy of a replayed one).
The latency is measured on ``Linker.link`` alone, for articles that come after everything linked
(a live stream: what ``akhbar link`` decides per new article once its state is rebuilt);
storing the links is measured by the ingest benchmark, and relinking by ``akhbar link --all``.
"""

from __future__ import annotations

import random
import resource
import time
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import numpy as np

from collections import deque

from .link.frequencies import Frequencies
from .options import LinkOptions, Options
from .records import IngestError, LinkProfile


def sample_profiles(saudinewsnet: Path, sample: int, workers: int | None) -> list[LinkProfile]:
    import tempfile

    from .bench import saudinewsnet_to_jsonl
    from .ingest import read_items
    from .pipeline import process_parallel

    options = Options(workers=workers if workers is not None else Options().workers)
    with tempfile.TemporaryDirectory(prefix="akhbar-latency-") as tmp:
        jsonl = Path(tmp) / "sample.jsonl"
        saudinewsnet_to_jsonl(saudinewsnet, jsonl, sample)
        return [r[1].profile for r in process_parallel(read_items([str(jsonl)], options), options, with_articles=False)
                if not isinstance(r, IngestError) and r[1].profile is not None]


def _variant(p: LinkProfile, n: int, variant: int, day: date, rng: random.Random) -> LinkProfile:
    suffix = f"~{variant}"
    minhash = np.frombuffer(rng.randbytes(len(p.minhash)), dtype="<u4").tobytes() if p.minhash else b""
    return replace(
        p, article=f"{n:016x}", date=day.isoformat(), published=day.isoformat(), minhash=minhash,
        entities=tuple((e + suffix, w, label) for e, w, label in p.entities),
        terms=tuple((t + suffix, c) for t, c in p.terms), reported_dates=(),
    )


def _rebuild_seconds(options: LinkOptions, model, recent, day_counts: dict[int, "Frequencies"]) -> float:
    """The time a link pass takes to rebuild the linker's state before the next article (in
    memory: the store's reads are not counted): the day counts of the frequency window, then
    the stored decisions of the events' and copies' window replayed."""
    from .link import Linker

    t = time.perf_counter()
    linker = Linker(options, model)
    first = recent[0][0].day
    for d in sorted(day_counts):
        if d < first:
            linker.window.add_day(d, day_counts[d])
    for place, p, event, copy_of in recent:
        linker.replay(place, p, event, copy_of)
    return time.perf_counter() - t


def link_latency(saudinewsnet: Path, *, total: int = 1_000_000, per_day: int = 1500, sample: int = 3000,
                 variants: int = 50, measure_last: int = 20_000, workers: int | None = None,
                 progress=None) -> dict[str, Any]:
    from .link import Linker, Place
    from .linking import load_model

    profiles = sample_profiles(saudinewsnet, sample, workers)
    if not profiles:
        raise ValueError(f"no articles read from {saudinewsnet}")
    options = LinkOptions()
    model = load_model(options)
    linker = Linker(options, model)
    reach = max(options.window_days, options.copy_window_days)
    recent: deque[tuple[Place, LinkProfile, str, str | None]] = deque()  # the decisions a rebuild replays
    day_counts: dict[int, Frequencies] = {}
    rng = random.Random(1)
    start = date(2015, 1, 1)
    times: list[float] = []
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    began = time.perf_counter()
    for n in range(total):
        p = profiles[n % len(profiles)]
        q = _variant(p, n, (n // len(profiles)) % variants, start + timedelta(days=n // per_day), rng)
        place = Place.of(q, 0)
        t = time.perf_counter()
        link = linker.link(place, q)
        dt = time.perf_counter() - t
        if n >= total - measure_last:
            times.append(dt)
        recent.append((place, q, link.event, link.copy_of))
        while recent[0][0].day < place.day - reach:
            recent.popleft()
        day_counts.setdefault(place.day, Frequencies()).add_profile(q)
        for d in [d for d in day_counts if d < place.day - reach - options.frequency_days]:
            del day_counts[d]
        if n % 256 == 255:
            linker.drain()
            if progress and n % 65536 == 65535:
                progress(n + 1)
    elapsed = time.perf_counter() - began
    rebuild = _rebuild_seconds(options, model, recent, day_counts)
    times.sort()
    ms = [t * 1000 for t in times]
    return {
        "benchmark": "link_latency",
        "articles_linked": total,
        "per_day": per_day,
        "days": total // per_day,
        "sampled_from": len(profiles),
        "measured_on_last": len(ms),
        "p50_ms": round(ms[len(ms) // 2], 3),
        "p99_ms": round(ms[int(len(ms) * 0.99)], 3),
        "max_ms": round(ms[-1], 3),
        "mean_link_ms_all": round(elapsed / total * 1000, 3),
        "events_in_memory": len(linker.events),
        "copies_in_memory": len(linker.copies),
        "rebuild_s": round(rebuild, 3),
        "rebuild_replayed": len(recent),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "rss_before_linking_mb": round(rss_before / 1024, 1),
    }
