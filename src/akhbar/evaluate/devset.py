"""The labelled event-clustering development set built from SaudiNewsNet.

The repository ships only the labels (``benchmarks/devset/saudinewsnet-events.labels.jsonl``:
one ``{"url", "day", "source", "event"}`` per article; see the README beside it for how the
articles were selected and labelled). SaudiNewsNet's licence (CC BY-NC-SA) keeps its texts out
of the repository, so :func:`build_devset` joins the labels with a local copy of the corpus
(one ``YYYY-MM-DD.zip`` per crawl day, each holding ``YYYY-MM-DD.json``, a JSON array of
``{source, url, date_extracted, title, author, content}``) and writes a JSONL that
``akhbar ingest`` reads and ``akhbar eval clusters`` scores:
``{"url", "title", "text", "source", "date", "event"}``.

``date`` is the crawl day (``date_extracted``): SaudiNewsNet has no publication date, and
its upstream README warns that the crawl date is only an approximation of it. ``text`` is the
article's ``content`` as crawled (boilerplate included: removing it is Akhbar's job); a few
articles were crawled with an empty content, and for them ``text`` is the title, so that the
article can still be ingested and clustered.
"""

from __future__ import annotations

import json
import re
import zipfile
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from .clusters import read_gold_jsonl

__all__ = ["read_labels", "build_devset", "devset_figures"]

_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def read_labels(path: str | Path) -> list[dict[str, Any]]:
    """The label records of ``path``, in file order, each with a ``url``, a crawl ``day``
    (``YYYY-MM-DD``), the outlet ``source`` and the ``event``. Raises ValueError naming the
    file, the line and the problem."""
    path = Path(path)
    records = read_gold_jsonl(path)
    urls: set[str] = set()
    for n, record in enumerate(records, 1):
        where = f"{path}: record {n}"
        url = record.get("url")
        if not isinstance(url, str) or not url.strip():
            raise ValueError(f"{where}: no url")
        if url in urls:
            raise ValueError(f"{where}: url given twice: {url}")
        urls.add(url)
        day = record.get("day")
        if not isinstance(day, str) or not _DAY.fullmatch(day):
            raise ValueError(f"{where}: day {day!r} is not YYYY-MM-DD")
        source = record.get("source")
        if not isinstance(source, str) or not source.strip():
            raise ValueError(f"{where}: no source (outlet)")
    return records


def _day_articles(saudinewsnet_dir: Path, day: str) -> list[dict[str, Any]]:
    """The articles of one crawl day, from ``<dir>/<day>.zip`` (member ``<day>.json``)."""
    path = saudinewsnet_dir / f"{day}.zip"
    if not path.is_file():
        raise FileNotFoundError(f"{path}: SaudiNewsNet crawl day {day} not found")
    with zipfile.ZipFile(path) as zf:
        names = [name for name in zf.namelist() if name.endswith(".json")]
        member = f"{day}.json" if f"{day}.json" in names else (names[0] if len(names) == 1 else None)
        if member is None:
            raise ValueError(f"{path}: no {day}.json inside (members: {', '.join(zf.namelist()[:5])})")
        data = json.loads(zf.read(member).decode("utf-8"))
    if not isinstance(data, list):
        raise ValueError(f"{path}: {member} is not a JSON array of articles")
    return data


def _text(article: Mapping[str, Any]) -> str:
    content = article.get("content") or ""
    return content if content.strip() else (article.get("title") or "").strip()


def build_devset(saudinewsnet_dir: str | Path, labels_path: str | Path, out_path: str | Path) -> int:
    """Write the labelled articles of ``labels_path``, with their texts from the SaudiNewsNet
    zips in ``saudinewsnet_dir``, as JSONL to ``out_path`` (parent folders created); returns
    the number of articles written (one per label, in the labels' order).

    Raises FileNotFoundError for a crawl day whose zip is missing, and ValueError when a
    labelled url is not in its day's zip or its outlet differs from the label's: the labels
    and the corpus copy would then disagree, and a partial set would score something else.
    """
    directory = Path(saudinewsnet_dir)
    labels = read_labels(labels_path)
    wanted: dict[str, set[str]] = defaultdict(set)
    for record in labels:
        wanted[record["day"]].add(record["url"])
    found: dict[str, dict[str, Any]] = {}
    for day in sorted(wanted):
        for article in _day_articles(directory, day):
            url = article.get("url") if isinstance(article, dict) else None
            if url in wanted[day]:
                found[url] = article
    rows = []
    for n, record in enumerate(labels, 1):
        url = record["url"]
        article = found.get(url)
        if article is None:
            raise ValueError(f"{labels_path}: record {n}: {url} is not in "
                             f"{directory / (record['day'] + '.zip')}")
        if article.get("source") != record["source"]:
            raise ValueError(f"{labels_path}: record {n}: {url} is from "
                             f"{article.get('source')!r}, not {record['source']!r}")
        date = str(article.get("date_extracted") or "")[:10]
        rows.append({"url": url, "title": (article.get("title") or "").strip(), "text": _text(article),
                     "source": record["source"], "date": date if _DAY.fullmatch(date) else record["day"],
                     "event": record["event"]})
    out = Path(out_path)
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(out.name + ".part")
    with tmp.open("w", encoding="utf-8") as f:
        for row in rows:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
    tmp.replace(out)
    return len(rows)


def devset_figures(labels: Iterable[Mapping[str, Any]]) -> dict[str, Any]:
    """Counts describing a label set: articles, outlets, days, events, events with at least
    two articles, events reported by at least two outlets, events spanning two crawl days,
    singletons, and the largest event (``[event, size]``)."""
    labels = list(labels)
    members: dict[str, list[Mapping[str, Any]]] = defaultdict(list)
    for record in labels:
        members[record["event"]].append(record)
    sizes = Counter({event: len(items) for event, items in members.items()})
    largest = sizes.most_common(1)[0] if sizes else None
    return {
        "articles": len(labels),
        "outlets": len({r["source"] for r in labels}),
        "days": sorted({r["day"] for r in labels}),
        "events": len(members),
        "events_2plus": sum(1 for size in sizes.values() if size >= 2),
        "multi_outlet_events": sum(1 for items in members.values() if len({r["source"] for r in items}) >= 2),
        "cross_day_events": sum(1 for items in members.values() if len({r["day"] for r in items}) >= 2),
        "singletons": sum(1 for size in sizes.values() if size == 1),
        "largest": [largest[0], largest[1]] if largest else None,
    }
