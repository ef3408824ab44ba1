"""Acceptance on the five sample articles (gold: shared/gold/seeds.json), and a false-positive
check over SaudiNewsNet (already extracted article text, so long prose must survive)."""

from __future__ import annotations

import importlib.util
import json
import random
import zipfile
from pathlib import Path

import pytest

from akhbar.clean import CleanError, clean
from akhbar.options import Options
from akhbar.records import RawDoc, content_id

pytestmark = pytest.mark.shared

HAS_DATELINE = importlib.util.find_spec("akhbar.clean.dateline") is not None


def _clean_seed(shared: Path, name: str):
    text = (shared / "seeds" / name).read_text(encoding="utf-8")
    return text, clean(RawDoc(source=name, path=name, content=text), Options())


def _documents(gold: dict) -> list[str]:
    return sorted(gold["documents"])


def test_seed_titles_boilerplate_sources_and_content(shared, gold):
    for name, g in sorted(gold["documents"].items()):
        text, article = _clean_seed(shared, name)
        assert article.id == content_id(text)
        assert article.text == text
        assert article.title == g["title"], name
        body = [text[p.start : p.end] for p in article.paragraphs]
        removed = {r.text: r for r in article.removed}
        for line in g["boilerplate_lines"]:
            assert line in removed and line not in body, (name, line)
        for line in g["source_lines"]:
            assert removed[line].kind == "source" and line not in body, (name, line)
        junk = set(g["boilerplate_lines"]) | set(g["source_lines"])
        seen_title = False
        for raw in text.splitlines():
            line = raw.strip()
            if not line or line in junk:
                continue
            if line == g["title"] and not seen_title:
                seen_title = True
                continue
            if line in removed and removed[line].kind == "dateline":
                continue
            assert line in body, (name, line, removed.get(line))


def test_seed_credits(shared, gold):
    credits = {name: _clean_seed(shared, name)[1].credits for name in _documents(gold)}
    assert credits["000_5d9e425671e85465.txt"] == ("فارس",)
    assert credits["001_6c5c1c1384cff0d9.txt"] == ("وكالات",)
    assert credits["002_82b5bf6752724c81.txt"] == ("تاس",)


def test_seed_repeated_title_is_removed_as_such(shared):
    text, article = _clean_seed(shared, "003_43df0645989137d5.txt")
    assert [r.reason for r in article.removed if r.text == article.title] == ["repeats the title"]


@pytest.mark.skipif(not HAS_DATELINE, reason="akhbar.clean.dateline not written yet")
def test_seed_dateline_becomes_published(shared, gold):
    for name, g in gold["documents"].items():
        text, article = _clean_seed(shared, name)
        assert article.published == g["published"], name
    text, article = _clean_seed(shared, "002_82b5bf6752724c81.txt")
    assert [r.kind for r in article.removed if r.text == "٢٦ أكتوبر ٢٠٢٢"] == ["dateline"]


def _saudinewsnet(shared: Path, per_day: int = 20) -> list[dict]:
    files = sorted((shared / "data" / "saudinewsnet").glob("*.zip"))
    if not files:
        pytest.skip("SaudiNewsNet not found under shared/data/saudinewsnet")
    rng = random.Random(11)
    articles = []
    for path in files:
        with zipfile.ZipFile(path) as z:
            day = json.loads(z.read(z.namelist()[0]))
        articles.extend(rng.sample(day, min(per_day, len(day))))
    return articles


def test_saudinewsnet_prose_survives(shared):
    """SaudiNewsNet's content is extracted article text: what the classifier removes there is
    mostly bylines, captions, author notes and contact lines, and it must not remove prose."""
    lines = removed = prose_removed = 0
    for a in _saudinewsnet(shared):
        raw = RawDoc(source=a["url"], path="saudinewsnet", content=a["content"], title=a["title"] or None)
        try:
            article = clean(raw, Options())
        except CleanError:
            assert not a["content"].strip() or len(a["content"].split()) < 40
            continue
        lines += sum(1 for ln in a["content"].splitlines() if ln.strip())
        removed += len(article.removed)
        for r in article.removed:
            words = len(r.text.split())
            if words >= 20 and r.text.rstrip()[-1:] in ".!؟?" and "after the" not in r.reason:
                prose_removed += 1
    assert lines > 1500
    assert removed / lines < 0.07, (removed, lines)
    assert prose_removed / lines < 0.002, (prose_removed, lines)
