"""Bad input that tests/ingest does not cover: a 200 MB file on one line, HTML nested 10,000
levels deep, file names that are not UTF-8 and JSON strings holding half a surrogate pair.

Every case ends as stored articles or as a clear per-item error: never an exception, never a
whole file in memory, never a run that stops.
"""

from __future__ import annotations

import json
import os
import tracemalloc
from pathlib import Path

import pytest

from akhbar.clean import CleanError, clean
from akhbar.ingest import read_file, read_items
from akhbar.ingest.walk import kind_of
from akhbar.options import Options
from akhbar.records import Article, IngestError, RawDoc

OPTIONS = Options(workers=1)
MiB = 1024 * 1024
SENTENCE = "قال الرئيس الروسي فلاديمير بوتين اليوم إن التعاون الأمني سيتوسع في المنطقة. "


def _write_one_line(path: Path, size: int, head: bytes = b"", tail: bytes = b"", unit: bytes | None = None) -> None:
    """``size`` bytes with no newline: ``head``, ``unit`` repeated, ``tail`` (written in chunks)."""
    unit = unit or SENTENCE.encode("utf-8")
    chunk = unit * (MiB // len(unit))
    with path.open("wb") as fh:
        fh.write(head)
        written = len(head) + len(tail)
        while written + len(chunk) <= size:
            fh.write(chunk)
            written += len(chunk)
        fh.write(unit[: max(0, size - written)].decode("utf-8", "ignore").encode("utf-8"))
        fh.write(tail)


def _read_with_peak(path: Path) -> tuple[list, int]:
    tracemalloc.start()
    try:
        items = list(read_file(str(path), kind_of(str(path)), OPTIONS))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return items, peak


ONE_LINE_CASES = {
    # name: (file name, head, tail, unit)
    "text": ("one-line.txt", b"", b"", None),
    "html": ("one-line.html", b"<html><body><p>", b"</p></body></html>", None),
    "jsonl-record": ("one-line.jsonl", b'{"title": "t", "text": "', b'"}', None),
    "jsonl-garbage": ("garbage.jsonl", b"{", b"", b"a"),
    "json-string": ("one-line.json", b'{"title": "t", "text": "', b'"}', None),
}


@pytest.mark.parametrize("case", sorted(ONE_LINE_CASES))
def test_a_200_mb_file_on_one_line_is_refused_without_reading_it_whole(tmp_path, case):
    name, head, tail, unit = ONE_LINE_CASES[case]
    path = tmp_path / name
    _write_one_line(path, 200 * MiB, head, tail, unit)
    items, peak = _read_with_peak(path)
    path.unlink()
    assert len(items) == 1 and isinstance(items[0], IngestError), items[:1]
    assert items[0].path.startswith(str(path))
    assert "too long" in items[0].error or "larger than" in items[0].error, items[0].error
    # bounded by the per-record limit (a JSON value may be parsed up to ~12 M characters before it
    # is refused), never by the size of the file
    assert peak < 128 * MiB, f"{peak / MiB:.0f} MiB held to refuse a 200 MB line"


@pytest.mark.slow
def test_a_200_mb_json_array_on_one_line_streams_its_records(tmp_path):
    """310,000 records in one 200 MB line: all read, one at a time."""
    record = json.dumps({"title": "عنوان", "text": SENTENCE * 4}, ensure_ascii=False).encode("utf-8")
    path = tmp_path / "array.json"
    _write_one_line(path, 200 * MiB, b"[", record + b"]", record + b",")
    tracemalloc.start()
    try:
        count = 0
        for item in read_file(str(path), "json", OPTIONS):
            assert isinstance(item, RawDoc), item
            count += 1
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert count == (path.stat().st_size - 1) // (len(record) + 1)
    assert peak < 64 * MiB, f"{peak / MiB:.0f} MiB held while streaming"


def _deep(tag: str, depth: int) -> str:
    return "<html><body>" + f"<{tag}>" * depth + f"<p>{SENTENCE * 5}</p>" + f"</{tag}>" * depth + "</body></html>"


@pytest.mark.parametrize("tag", ["div", "span", "table", "ul", "b"])
@pytest.mark.parametrize("max_depth", [500, 20_000], ids=["default-limit", "limit-raised"])
def test_html_nested_ten_thousand_levels(tag, max_depth):
    raw = RawDoc(source="deep.html", path="deep.html", content=_deep(tag, 10_000), format="html")
    with pytest.raises(CleanError) as info:  # refused by the guard, or nothing left after libxml2's limit
        clean(raw, Options(workers=1, max_html_depth=max_depth))
    message = str(info.value)
    assert "nested" in message and "levels" in message, message


def test_html_nested_ten_thousand_levels_through_ingest(tmp_path):
    path = tmp_path / "deep.html"
    path.write_text(_deep("div", 10_000), encoding="utf-8")
    [raw] = list(read_items([str(path)], OPTIONS))
    assert isinstance(raw, RawDoc) and raw.format == "html"
    with pytest.raises(CleanError, match="nested deeper than 500 levels"):  # the pipeline's IngestError
        clean(raw, OPTIONS)


def test_html_deeper_than_the_parser_keeps_says_why_it_is_empty():
    """libxml2 drops elements past 256 levels: a page whose text lies deeper comes out empty,
    and the message says why (not 'no main content')."""
    html = _deep("div", 300)
    with pytest.raises(CleanError, match="drops what lies deeper than 256 levels"):
        clean(RawDoc(source="d", path="d", content=html, format="html"), OPTIONS)
    article = clean(RawDoc(source="d", path="d", content=_deep("div", 200), format="html"), OPTIONS)
    assert SENTENCE.strip() in article.text


# -- strings no UTF-8 encoder accepts ---------------------------------------------------------


BAD_RECORDS = {
    "text": {"title": "عنوان الخبر", "text": SENTENCE + "\ud800" + SENTENCE},  # half a pair in the text
    "labels": {"title": "عنوان \udc80 الخبر", "text": SENTENCE * 2, "source": "\udbff"},  # in the labels
    "error-message": {"\ud800": "no text field, and a key no encoder takes"},  # in the error message
}


@pytest.fixture(scope="module")
def unencodable_ingest(tmp_path_factory):
    """One ingest (one pipeline built) of a folder with a file name that is not UTF-8 (a Windows
    archive's Arabic names in cp1256: the OS gives bytes that are not UTF-8, U+DC80.. in Python),
    and a JSONL whose records hold JSON escapes of lone surrogates. SQLite refuses both: the run
    used to stop with UnicodeEncodeError."""
    from akhbar.run import ingest_paths
    from akhbar.store import Store

    tmp = tmp_path_factory.mktemp("unencodable")
    folder = tmp / "in"
    folder.mkdir()
    try:
        with open(os.path.join(os.fsencode(folder), "خبر.txt".encode("cp1256")), "w", encoding="utf-8") as fh:
            fh.write("عنوان الخبر هنا\n\n" + SENTENCE * 3)
    except OSError as exc:  # a file system that takes only UTF-8 names
        pytest.skip(f"cannot make a file name that is not UTF-8 here: {exc}")
    (folder / "ok.txt").write_text("عنوان آخر للخبر\n\n" + SENTENCE * 2 + "ثم انتهى الاجتماع.", encoding="utf-8")
    lines = [json.dumps(r) for r in BAD_RECORDS.values()]
    lines.append(json.dumps({"title": "خبر ثالث", "text": SENTENCE * 2 + "وانتهت الجلسة مساء."}))
    (folder / "records.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    with Store(tmp / "t.db") as store:
        report = ingest_paths([str(folder)], store, OPTIONS)
        stored = {r["source"]: store.article(r["id"]) for r in store.articles()}
        logged = store.errors()
    return folder, report, stored, logged


def test_a_file_name_that_is_not_utf8_is_stored_printable(unencodable_ingest):
    folder, report, stored, _ = unencodable_ingest
    assert f"{folder}/\\xce\\xc8\\xd1.txt" in stored, sorted(stored)
    assert f"{folder}/ok.txt" in stored


@pytest.mark.parametrize("n, case", list(enumerate(BAD_RECORDS, 1)))
def test_json_escapes_of_lone_surrogates_cost_nothing(unencodable_ingest, n, case):
    folder, report, stored, logged = unencodable_ingest
    where = f"{folder}/records.jsonl#{n}"
    if case == "error-message":
        [error] = [e for e in report.failed if e.path == where]
        assert "record has no text" in error.error and "\ufffd" in error.error
        assert any(e["path"] == where for e in logged)
    else:
        article = stored[where]
        assert "\ufffd" in article["text"] + (article["title"] or "") + (article["publisher"] or "")
    assert f"{folder}/records.jsonl#4" in stored  # the record after them
    json.dumps([stored, [e.as_dict() for e in report.failed]], ensure_ascii=False).encode("utf-8")


def test_clean_makes_a_hand_made_raw_doc_storable():
    raw = RawDoc(source="x\udcff", path="x\udcff", content="Title line\n\nBody \ud800 text that is long enough.",
                 title="Title\nline")
    article = clean(raw, OPTIONS)
    assert isinstance(article, Article)
    assert article.source == "x\\xff" and "\ufffd" in article.text
    assert len(article.text) == len(raw.content)  # one character for one: offsets unchanged
    assert article.title == "Title line" and article.title_span is not None
