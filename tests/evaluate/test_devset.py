"""The SaudiNewsNet event-clustering development set: the shipped labels, and building the
JSONL with texts from the corpus (synthetic zips here; the real corpus when it is present)."""

from __future__ import annotations

import json
import re
import zipfile
from collections import Counter
from pathlib import Path

import pytest

from akhbar.evaluate.clusters import bcubed, gold_events, read_gold_jsonl
from akhbar.evaluate.devset import build_devset, devset_figures, read_labels
from akhbar.ingest.meta import record_to_doc
from akhbar.options import Options
from akhbar.records import RawDoc

REPO = Path(__file__).resolve().parents[2]
LABELS = REPO / "benchmarks" / "devset" / "saudinewsnet-events.labels.jsonl"
OUTLETS = {"aawsat", "aleqtisadiya", "aljazirah", "almadina", "alriyadh", "alwatan", "alweeam",
           "alyaum", "arreyadi", "arriyadiyah", "okaz", "sabq", "was", "3alyoum"}

# The figures stated in benchmarks/devset/README.md.
FIGURES = {"articles": 360, "outlets": 12, "days": ["2015-08-10", "2015-08-11"], "events": 165,
           "events_2plus": 56, "multi_outlet_events": 50, "cross_day_events": 20, "singletons": 109,
           "largest": ["jubeir-steinmeier-berlin-talks-aug10", 17]}


@pytest.fixture(scope="module")
def labels() -> list[dict]:
    return read_labels(LABELS)


def test_shipped_labels_have_the_readme_figures(labels):
    assert devset_figures(labels) == FIGURES


def test_shipped_labels_are_well_formed(labels):
    for record in labels:
        assert set(record) == {"url", "day", "source", "event"}, record  # labels only, no texts
        assert record["source"] in OUTLETS and record["url"].startswith("http")
        assert re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", record["event"]), record["event"]
    assert len({r["url"] for r in labels}) == len(labels)


def test_events_are_happenings_not_topics(labels):
    """Guards against labels collapsing into topics: no event holds more than 5% of the set,
    and the big topics are split into many events."""
    sizes = Counter(r["event"] for r in labels)
    assert max(sizes.values()) <= 0.05 * len(labels)
    bombing_events = {e for e in sizes if "bomb" in e}
    assert len(bombing_events) >= 20


# Synthetic corpus: two crawl days in the SaudiNewsNet layout.

def write_day(folder: Path, day: str, articles: list[dict]) -> None:
    with zipfile.ZipFile(folder / f"{day}.zip", "w") as zf:
        zf.writestr(f"{day}.json", json.dumps(articles, ensure_ascii=False))


def article(source: str, n: int, day: str, title: str, content: str) -> dict:
    return {"source": source, "url": f"http://{source}.example/{n}", "date_extracted": f"{day} 20:27:00",
            "title": title, "author": "", "content": content}


@pytest.fixture()
def corpus(tmp_path: Path) -> tuple[Path, Path]:
    data = tmp_path / "saudinewsnet"
    data.mkdir()
    write_day(data, "2015-08-10", [
        article("was", 1, "2015-08-10", "عام / الرئيس اليمني يجتمع بمستشاريه", " الرياض واس عقد الرئيس اليمني اجتماعا."),
        article("okaz", 2, "2015-08-10", "خبر آخر غير مختار", "نص"),
    ])
    write_day(data, "2015-08-11", [
        article("alyaum", 3, "2015-08-11", "هادي يجتمع بمستشاريه", "عقد الرئيس اليمني أمس اجتماعا."),
        article("aljazirah", 4, "2015-08-11", "عنوان بلا نص", "  \n"),
    ])
    labels = tmp_path / "labels.jsonl"
    rows = [("http://was.example/1", "2015-08-10", "was", "hadi-meets-advisers"),
            ("http://alyaum.example/3", "2015-08-11", "alyaum", "hadi-meets-advisers"),
            ("http://aljazirah.example/4", "2015-08-11", "aljazirah", "untitled-piece")]
    labels.write_text("".join(json.dumps({"url": u, "day": d, "source": s, "event": e}) + "\n"
                              for u, d, s, e in rows), encoding="utf-8")
    return data, labels


def test_build_devset_joins_labels_and_texts(corpus, tmp_path):
    data, labels = corpus
    out = tmp_path / "out" / "devset.jsonl"
    assert build_devset(data, labels, out) == 3
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["url"] for r in rows] == ["http://was.example/1", "http://alyaum.example/3", "http://aljazirah.example/4"]
    assert set(rows[0]) == {"url", "title", "text", "source", "date", "event"}
    assert rows[0]["text"] == " الرياض واس عقد الرئيس اليمني اجتماعا." and rows[0]["date"] == "2015-08-10"
    assert rows[2]["text"] == "عنوان بلا نص"  # no content crawled: the title stands in
    assert gold_events(read_gold_jsonl(out)) == {
        "http://was.example/1": "hadi-meets-advisers", "http://alyaum.example/3": "hadi-meets-advisers",
        "http://aljazirah.example/4": "untitled-piece"}


def test_built_records_are_what_ingest_reads(corpus, tmp_path):
    data, labels = corpus
    out = tmp_path / "devset.jsonl"
    build_devset(data, labels, out)
    for n, line in enumerate(out.read_text(encoding="utf-8").splitlines(), 1):
        doc = record_to_doc(json.loads(line), str(out), n, "utf-8", Options())
        assert isinstance(doc, RawDoc), doc
        assert doc.source == doc.url and doc.published in ("2015-08-10", "2015-08-11")
        assert doc.publisher in {"was", "alyaum", "aljazirah"} and doc.title


def test_build_devset_fails_on_a_url_not_in_the_corpus(corpus, tmp_path):
    data, labels = corpus
    with labels.open("a", encoding="utf-8") as f:
        f.write(json.dumps({"url": "http://okaz.example/99", "day": "2015-08-10", "source": "okaz", "event": "x"}) + "\n")
    out = tmp_path / "devset.jsonl"
    with pytest.raises(ValueError, match=r"record 4: http://okaz\.example/99 is not in .*2015-08-10\.zip"):
        build_devset(data, labels, out)
    assert not out.exists() and not (tmp_path / "devset.jsonl.part").exists()


def test_build_devset_fails_on_an_outlet_mismatch(corpus, tmp_path):
    data, labels = corpus
    text = labels.read_text(encoding="utf-8").replace('"source": "was"', '"source": "okaz"')
    labels.write_text(text, encoding="utf-8")
    with pytest.raises(ValueError, match=r"record 1: http://was\.example/1 is from 'was', not 'okaz'"):
        build_devset(data, labels, tmp_path / "devset.jsonl")


def test_build_devset_fails_on_a_missing_crawl_day(corpus, tmp_path):
    data, labels = corpus
    (data / "2015-08-11.zip").unlink()
    with pytest.raises(FileNotFoundError, match=r"2015-08-11\.zip: SaudiNewsNet crawl day 2015-08-11 not found"):
        build_devset(data, labels, tmp_path / "devset.jsonl")


def test_read_labels_rejects_a_bad_day(tmp_path):
    path = tmp_path / "labels.jsonl"
    path.write_text(json.dumps({"url": "http://a/1", "day": "10/08/2015", "source": "was", "event": "e"}) + "\n",
                    encoding="utf-8")
    with pytest.raises(ValueError, match=r"record 1: day '10/08/2015' is not YYYY-MM-DD"):
        read_labels(path)


# The real corpus.

@pytest.mark.shared
def test_build_devset_from_saudinewsnet(shared, labels, tmp_path):
    data = shared / "data" / "saudinewsnet"
    if not all((data / f"{day}.zip").is_file() for day in FIGURES["days"]):
        pytest.skip(f"SaudiNewsNet crawl days {FIGURES['days']} not found in {data}")
    out = tmp_path / "devset.jsonl"
    assert build_devset(data, LABELS, out) == FIGURES["articles"]
    records = read_gold_jsonl(out)
    assert len(records) == FIGURES["articles"]
    assert all(r["text"].strip() and r["title"] for r in records)
    assert Counter(r["date"] for r in records) == Counter(r["day"] for r in labels)
    gold = gold_events(records)
    assert gold == {r["url"]: r["event"] for r in labels}
    assert bcubed(gold, {url: url for url in gold})["recall"] == 0.4583  # the all-singletons baseline
