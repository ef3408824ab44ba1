"""Streaming: JSONL property tests, bounded memory, and real data (SaudiNewsNet) when present."""

from __future__ import annotations

import json
import os
import tracemalloc
import zipfile

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from _ingest_helpers import collect
from akhbar.ingest import read_items
from akhbar.options import Options
from akhbar.records import IngestError, RawDoc

_LINE_CHARS = st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\ufeff")


def _is_good_record(line: str) -> bool:
    try:
        obj = json.loads(line)
    except ValueError:
        return False
    return isinstance(obj, dict)


_good = st.fixed_dictionaries(
    {"text": st.text(_LINE_CHARS, min_size=1).filter(str.strip)},
    optional={"title": st.text(_LINE_CHARS, max_size=30), "url": st.text(_LINE_CHARS, max_size=30)},
).map(lambda d: ("good", d))
_broken = st.text(_LINE_CHARS | st.just("\t"), min_size=1, max_size=60).filter(
    lambda s: s.strip() and not _is_good_record(s)).map(lambda s: ("broken", s))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.one_of(_good, _broken), min_size=1, max_size=25), st.booleans())
def test_property_jsonl_good_and_broken_lines(tmp_path, lines, ascii_only):
    p = tmp_path / "prop.jsonl"
    text = "\n".join(json.dumps(v, ensure_ascii=ascii_only) if kind == "good" else v for kind, v in lines)
    p.write_text(text + "\n", encoding="utf-8")
    items = collect([p])
    assert len(items) == len(lines)  # one item per line, in order
    for n, ((kind, value), item) in enumerate(zip(lines, items), start=1):
        if kind == "good":
            assert isinstance(item, RawDoc)
            assert item.content == value["text"]
            assert item.path == str(p)
            url = (value.get("url") or "").strip()
            assert item.source == (url or f"{p}#{n}")
        else:
            assert isinstance(item, IngestError)
            assert item.path == f"{p}#{n}"
            assert item.error


def test_memory_stays_flat_while_streaming_jsonl(tmp_path):
    p = tmp_path / "many.jsonl"
    with p.open("w", encoding="utf-8") as f:
        for i in range(50_000):
            f.write(json.dumps({"text": f"متن کوتاه خبر شماره {i} درباره نشست سران و امنیت منطقه"},
                               ensure_ascii=False) + "\n")
    size = p.stat().st_size
    assert size > 5_000_000
    tracemalloc.start()
    try:
        count = 0
        for item in read_items([str(p)], Options(workers=1)):
            assert isinstance(item, RawDoc)
            count += 1
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert count == 50_000
    assert peak < 1_000_000, f"peak {peak} bytes for a {size}-byte file"  # buffers only


def test_memory_stays_flat_while_streaming_a_json_array(tmp_path):
    p = tmp_path / "array.json"
    with p.open("w", encoding="utf-8") as f:
        f.write("[\n")
        for i in range(20_000):
            f.write(("," if i else "") + json.dumps({"text": f"article {i} " + "x" * 200}) + "\n")
        f.write("]\n")
    size = p.stat().st_size
    tracemalloc.start()
    try:
        count = sum(1 for _ in read_items([str(p)], Options(workers=1)))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert count == 20_000 and size > 4_000_000
    assert peak < 1_000_000, f"peak {peak} bytes for a {size}-byte file"


@pytest.mark.shared
def test_saudinewsnet_json_array(shared, tmp_path):
    zips = sorted((shared / "data" / "saudinewsnet").glob("*.zip"))
    if not zips:
        pytest.skip("SaudiNewsNet zips not found under shared/data/saudinewsnet")
    with zipfile.ZipFile(zips[0]) as z:
        name = next(n for n in z.namelist() if n.endswith(".json"))
        target = tmp_path / os.path.basename(name)
        target.write_bytes(z.read(name))
    expected = json.loads(target.read_text(encoding="utf-8"))
    items = collect([target])
    docs = [i for i in items if isinstance(i, RawDoc)]
    errs = [i for i in items if isinstance(i, IngestError)]
    assert len(items) == len(expected)
    assert len(docs) == sum(1 for a in expected if (a.get("content") or "").strip())
    assert all("no text" in e.error for e in errs)
    first = next(a for a in expected if (a.get("content") or "").strip())
    assert docs[0].content == first["content"]
    assert docs[0].source == first["url"].strip()
    assert docs[0].publisher == first["source"]
    assert docs[0].published == first["date_extracted"][:10]
