"""Reproduce the selection of the SaudiNewsNet event-clustering development set.

    python benchmarks/devset/select_devset.py [--data DIR] [--check LABELS] [--list] [--candidates]

--data        the SaudiNewsNet folder of YYYY-MM-DD.zip files (default: $AKHBAR_SHARED/data/
              saudinewsnet, else ../shared/data/saudinewsnet next to the repository)
--check       verify that LABELS (default: saudinewsnet-events.labels.jsonl beside this
              script) labels exactly the selected articles, in the selection's order
--list        print the selected articles (day, outlet, url) as TSV
--candidates  print the automatic candidate groups that were proposed to the annotator
              (titles and leads go to stdout only; nothing is written)

The selection: every article crawled on 2015-08-10 or 2015-08-11, from any outlet, whose title
matches one of the topic patterns below (see README.md). It prints nothing of the texts
unless asked, and writes nothing.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import zipfile
from collections import Counter, defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
DAYS = ("2015-08-10", "2015-08-11")
_L = "\u0621-\u064A"  # Arabic letters
_PROCLITICS = r"(?:[وفبل]?(?:ال|لل)?)"


def _words(*stems: str) -> re.Pattern[str]:
    """A stem at the start of a word, after optional proclitics (و ف ب ل, ال/لل)."""
    return re.compile(rf"(?<![{_L}]){_PROCLITICS}(?:" + "|".join(stems) + ")")


def _whole(word: str) -> str:
    return rf"{word}(?![{_L}])"


TOPICS: dict[str, re.Pattern[str]] = {
    # the war in Yemen, its relief and its refugees: the country, its people, its places
    "yemen": _words("يمن", "حوثي", "صنعاء", _whole("عدن"), _whole("تعز"), _whole("لحج"), "أبين",
                    "شبوة", "زنجبار", "مأرب", "مخلوع", "انقلابي", _whole("هادي"), _whole("إب"),
                    "صعدة", "المكلا", "مكلا", "حضرموت", "الضالع", "ضالع", "لودر", "شقرة"),
    # bombings anywhere, and the Abha (Asir) Special Emergency Forces mosque bombing of 6 August
    "bombing": re.compile(r"تفجير|انفجار|انتحاري|ناسفة|الطوارئ|طوارئ"),
    # foreign ministers (the Saudi minister's Berlin and Moscow visits among them)
    "foreign-minister": re.compile(r"الجبير|لافروف|شتاينماير|وزير الخارجية|وزيري الخارجية|وزراء الخارجية"),
    # cabinets (the Saudi cabinet session of 10 August, the Kuwaiti and Bahraini cabinets)
    "cabinet": re.compile(r"مجلس الوزراء"),
    # super cups: the Saudi Super Cup in London, the UEFA Super Cup in Tbilisi, others
    "super-cup": re.compile(r"السوبر"),
}


def default_data() -> Path:
    shared = os.environ.get("AKHBAR_SHARED")
    base = Path(shared) if shared else HERE.parents[2] / "shared"
    return base / "data" / "saudinewsnet"


def day_articles(data: Path, day: str) -> list[dict]:
    with zipfile.ZipFile(data / f"{day}.zip") as zf:
        return json.loads(zf.read(f"{day}.json").decode("utf-8"))


def topics_of(title: str) -> list[str]:
    title = " ".join((title or "").split())
    return [name for name, rx in TOPICS.items() if rx.search(title)]


def select(data: Path) -> list[dict]:
    """The selected articles, in crawl-day then file order, each with ``day`` and ``topics``."""
    out = []
    for day in DAYS:
        for article in day_articles(data, day):
            topics = topics_of(article.get("title", ""))
            if topics:
                out.append({**article, "day": day, "topics": topics})
    return out


def check(selected: list[dict], labels_path: Path) -> int:
    labels = [json.loads(line) for line in labels_path.read_text(encoding="utf-8").splitlines() if line.strip()]
    want = [(a["url"], a["day"], a["source"]) for a in selected]
    have = [(r["url"], r["day"], r["source"]) for r in labels]
    if want == have:
        print(f"ok: {labels_path.name} labels the {len(want)} selected articles, in order")
        return 0
    missing = set(want) - set(have)
    unexpected = set(have) - set(want)
    print(f"MISMATCH: {len(missing)} selected articles unlabelled, {len(unexpected)} labels not "
          f"selected, order {'differs' if not missing and not unexpected else 'not compared'}")
    for url, day, source in sorted(missing)[:10]:
        print(f"  unlabelled: {day} {source} {url}")
    for url, day, source in sorted(unexpected)[:10]:
        print(f"  not selected: {day} {source} {url}")
    return 1


_STRIP = str.maketrans("أإآىة٠١٢٣٤٥٦٧٨٩", "ااايه0123456789")
_TOKEN = re.compile(rf"[{_L}]+|\d+")
_DIACRITICS = re.compile(r"[\u064B-\u0652\u0640]")


def _tokens(text: str) -> list[str]:
    text = _DIACRITICS.sub("", text).translate(_STRIP)
    out = []
    for w in _TOKEN.findall(text):
        w = re.sub(r"^(وال|بال|فال|لل|ال|و)(?=\w{3,})", "", w)
        if len(w) > 2 or w.isdigit():
            out.append(w)
    return out


def candidates(selected: list[dict]) -> list[list[int]]:
    """Candidate groups (indices into ``selected``): the connected components of the graph
    linking two articles when their title words overlap (Jaccard >= 0.4), their leads share
    word 3-shingles (Jaccard >= 0.25 over the first 1,500 characters), or their titles overlap
    somewhat (>= 0.25) and they share a number of two or more digits."""
    feats = []
    for a in selected:
        title = set(_tokens(a.get("title", "")))
        lead = _tokens((a.get("content") or "")[:1500])
        shingles = {" ".join(lead[j : j + 3]) for j in range(len(lead) - 2)}
        numbers = {t for t in _tokens(a.get("title", "") + " " + (a.get("content") or "")[:600])
                   if t.isdigit() and len(t) >= 2 and t not in ("2015", "1436")}
        feats.append((title, shingles, numbers))
    parent = list(range(len(selected)))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def jaccard(a: set, b: set) -> float:
        return len(a & b) / len(a | b) if a or b else 0.0

    for i in range(len(selected)):
        for j in range(i + 1, len(selected)):
            (ti, si, ni), (tj, sj, nj) = feats[i], feats[j]
            t = jaccard(ti, tj)
            if t >= 0.4 or jaccard(si, sj) >= 0.25 or (t >= 0.25 and ni & nj):
                parent[find(i)] = find(j)
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(len(selected)):
        groups[find(i)].append(i)
    return sorted(groups.values(), key=lambda g: (-len(g), g[0]))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, default=None)
    ap.add_argument("--check", type=Path, nargs="?", const=HERE / "saudinewsnet-events.labels.jsonl")
    ap.add_argument("--list", action="store_true")
    ap.add_argument("--candidates", action="store_true")
    args = ap.parse_args()
    data = args.data or default_data()
    if not data.is_dir():
        print(f"SaudiNewsNet not found at {data} (use --data or set AKHBAR_SHARED)", file=sys.stderr)
        return 2
    selected = select(data)
    by_topic = Counter(t for a in selected for t in a["topics"])
    print(f"selected {len(selected)} articles from {len({a['source'] for a in selected})} outlets; "
          f"by topic: {dict(by_topic)}", file=sys.stderr)
    if args.list:
        for a in selected:
            print(f"{a['day']}\t{a['source']}\t{a['url']}")
    if args.candidates:
        for group in candidates(selected):
            print(f"=== {len(group)}")
            for i in group:
                a = selected[i]
                lead = " ".join((a.get("content") or "").split())[:300]
                print(f"[{i}] {a['day']} {a['source']} | {' '.join(a.get('title', '').split())}\n    {lead}")
    if args.check:
        return check(selected, args.check)
    return 0


if __name__ == "__main__":
    sys.exit(main())
