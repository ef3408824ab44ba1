"""Bad input never stops a run: each problem is one IngestError naming the path and the reason,
and the good items next to it still come through."""

from __future__ import annotations

import gzip
import io
import json
import os
import time

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from _ingest_helpers import collect, docs, errors
from akhbar.ingest import read_file, read_items
from akhbar.ingest import limits as ingest_limits
from akhbar.options import Options
from akhbar.records import IngestError, RawDoc

AR = "قال الرئيس الروسي إن ما بين خمسة وسبعة آلاف مسلح يقاتلون في صفوف داعش."


def _by_path(items):
    return {i.path: i.error for i in errors(items)}


def test_bad_files_in_a_folder(tmp_path):
    (tmp_path / "good.txt").write_text(AR, encoding="utf-8")
    (tmp_path / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + os.urandom(200))
    (tmp_path / "nul.txt").write_bytes(b"text\x00with\x00nul\x00bytes")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.html").write_bytes(b" \n\r\n\t ")
    (tmp_path / "invalid.txt").write_bytes(AR.encode("utf-8")[:-2] + b"\xff\xfe tail")
    (tmp_path / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n")  # not an article: skipped
    (tmp_path / "README").write_text("no extension: skipped", encoding="utf-8")
    (tmp_path / "z_good.html").write_text(f"<p>{AR}</p>", encoding="utf-8")
    items = collect([tmp_path])
    assert [d.path for d in docs(items)] == [str(tmp_path / "good.txt"), str(tmp_path / "z_good.html")]
    errs = _by_path(items)
    assert errs == {
        str(tmp_path / "binary.txt"): "binary file (looks like PNG image)",
        str(tmp_path / "nul.txt"): "binary file (contains NUL bytes)",
        str(tmp_path / "empty.txt"): "empty file",
        str(tmp_path / "blank.html"): "empty file",
        str(tmp_path / "invalid.txt"): errs[str(tmp_path / "invalid.txt")],
    }
    assert errs[str(tmp_path / "invalid.txt")].startswith("undecodable bytes (not UTF-8/UTF-16/cp1256)")


def test_explicit_paths(tmp_path):
    png = tmp_path / "image.png"
    png.write_bytes(b"\x89PNG\r\n\x1a\n")
    noext = tmp_path / "notes"
    noext.write_text("x", encoding="utf-8")
    missing = tmp_path / "missing.txt"
    good = tmp_path / "good.txt"
    good.write_text("ok", encoding="utf-8")
    items = collect([png, missing, noext, good])
    assert [type(i) for i in items] == [IngestError, IngestError, IngestError, RawDoc]
    assert items[0].path == str(png) and items[0].error.startswith("unsupported file type")
    assert items[1].path == str(missing) and "no such file" in items[1].error
    assert items[2].error.startswith("unsupported file type")


def test_jsonl_broken_lines(tmp_path):
    p = tmp_path / "mixed.jsonl"
    lines = [
        json.dumps({"text": "one"}),
        '{"text": "unterminated',
        "",
        "[1, 2, 3]",
        json.dumps({"title": "no text"}),
        "not json at all",
        json.dumps({"text": "two", "url": "https://x/2"}),
        '{"text": "three"} trailing',
    ]
    p.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = collect([p])
    assert [(type(i).__name__, i.path if isinstance(i, IngestError) else i.source) for i in items] == [
        ("RawDoc", f"{p}#1"), ("IngestError", f"{p}#2"), ("IngestError", f"{p}#4"), ("IngestError", f"{p}#5"),
        ("IngestError", f"{p}#6"), ("RawDoc", "https://x/2"), ("IngestError", f"{p}#8")]
    assert items[1].error.startswith("invalid JSON at line 2: Unterminated string")
    assert "not an object" in items[2].error
    assert "no text" in items[3].error
    assert items[4].error.startswith("invalid JSON at line 6")
    assert items[6].error.startswith("invalid JSON at line 8: Extra data")


def test_jsonl_invalid_utf8_line(tmp_path):
    p = tmp_path / "enc.jsonl"
    good = json.dumps({"text": AR}, ensure_ascii=False).encode("utf-8")
    p.write_bytes(good + b'\n{"text": "bad \xff byte"}\n' + good + b"\n")
    items = collect([p])
    assert [d.content for d in docs(items)] == [AR, AR]
    [err] = errors(items)
    assert err.path == f"{p}#2" and err.error.startswith("undecodable bytes at line 2")


def test_json_syntax_error_keeps_earlier_records(tmp_path):
    p = tmp_path / "broken.json"
    p.write_text('[{"text": "a"},\n {"text": "b"},\n {"text": "c" "oops"}, {"text": "d"}]', encoding="utf-8")
    items = collect([p])
    assert [d.content for d in docs(items)] == ["a", "b"]
    [err] = errors(items)
    assert err.path == f"{p}#3" and err.error.startswith("invalid JSON at line 3")


def test_json_not_records(tmp_path):
    p = tmp_path / "scalar.json"
    p.write_text('"just a string"', encoding="utf-8")
    q = tmp_path / "nums.json"
    q.write_text("[1, {\"text\": \"ok\"}]", encoding="utf-8")
    items = collect([p, q])
    assert isinstance(items[0], IngestError) and "expected an object" in items[0].error
    assert isinstance(items[1], IngestError) and items[1].path == f"{q}#1"
    assert items[2].content == "ok"


def test_truncated_gzip(tmp_path):
    data = gzip.compress(b"".join(json.dumps({"text": f"record {i} " + "x" * 200}).encode() + b"\n"
                                  for i in range(2000)))
    p = tmp_path / "cut.jsonl.gz"
    p.write_bytes(data[: len(data) * 2 // 3])
    good = tmp_path / "zz.txt"
    good.write_text("after", encoding="utf-8")
    items = collect([tmp_path])
    records = [d for d in docs(items) if d.path == str(p)]
    assert 100 < len(records) < 2000
    assert [d.content for d in records] == [f"record {i} " + "x" * 200 for i in range(len(records))]
    [err] = errors(items)
    assert err.path == str(p) and err.error.startswith("truncated gzip data")
    assert f"after {len(records)} items" in err.error
    assert items[-1].content == "after"


def test_corrupt_gzip(tmp_path):
    data = bytearray(gzip.compress(b"hello world " * 1000))
    data[30:40] = b"\x00" * 10
    p = tmp_path / "bad.txt.gz"
    p.write_bytes(bytes(data))
    [err] = collect([p])
    assert isinstance(err, IngestError) and "gzip" in err.error


def test_gzip_bomb(tmp_path):
    bomb = tmp_path / "bomb.txt.gz"
    bomb.write_bytes(gzip.compress(b"\x00" * (50 * 1024 * 1024), compresslevel=9))
    assert bomb.stat().st_size < 1024 * 1024
    lines = tmp_path / "bomb.jsonl.gz"
    line = json.dumps({"text": "a" * 100_000}).encode() + b"\n"
    lines.write_bytes(gzip.compress(line * 500))  # 50 MB of valid records
    good = tmp_path / "good.txt"
    good.write_text("fine", encoding="utf-8")
    start = time.perf_counter()
    items = collect([tmp_path])
    assert time.perf_counter() - start < 5
    errs = _by_path(items)
    assert "gzip bomb" in errs[str(bomb)] and "max_decompression_ratio" in errs[str(bomb)]
    assert "gzip bomb" in errs[str(lines)]
    assert len([d for d in docs(items) if d.path == str(lines)]) < 500
    assert docs(items)[-1].content == "fine"


def test_max_decompressed_bytes(tmp_path):
    p = tmp_path / "big.txt.gz"
    p.write_bytes(gzip.compress(os.urandom(30_000).hex().encode()))  # ratio ~2, 60 KB out
    [err] = collect([p], Options(workers=1, max_decompressed_bytes=10_000))
    assert "max_decompressed_bytes" in err.error


def test_file_and_article_limits(tmp_path):
    big = tmp_path / "big.txt"
    big.write_text("x" * 5000, encoding="utf-8")
    [err] = collect([big], Options(workers=1, max_file_bytes=1000))
    assert err.error == "file too large: 5000 bytes > max_file_bytes 1000"
    [err] = collect([big], Options(workers=1, max_article_chars=1000))
    assert err.error.startswith("article too long")
    jl = tmp_path / "long.jsonl"
    jl.write_text(json.dumps({"text": "y" * 2000}) + "\n" + json.dumps({"text": "short"}) + "\n", encoding="utf-8")
    items = collect([jl], Options(workers=1, max_article_chars=1000))
    assert isinstance(items[0], IngestError) and items[0].path == f"{jl}#1" and "too long" in items[0].error
    assert items[1].content == "short"


# -- WARC -------------------------------------------------------------------------------------

def _warc_with_offsets(gz: bool, n: int = 3) -> tuple[bytes, list[int]]:
    """A WARC of a warcinfo record and n HTML responses, and the offset after each record."""
    buf = io.BytesIO()
    w = WARCWriter(buf, gzip=gz)
    w.write_record(w.create_warcinfo_record("t.warc", {"software": "tests"}))
    ends = [buf.tell()]
    for i in range(n):
        payload = f"<html><body><p>{AR} {i}</p></body></html>".encode()
        http = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        w.write_record(w.create_warc_record(f"https://x.example/{i}", "response", payload=io.BytesIO(payload),
                                            http_headers=http))
        ends.append(buf.tell())
    return buf.getvalue(), ends


@pytest.mark.parametrize("gz", [False, True], ids=["warc", "warc.gz"])
def test_truncated_warc_every_cut(tmp_path, gz):
    data, ends = _warc_with_offsets(gz)
    p = tmp_path / ("cut.warc.gz" if gz else "cut.warc")
    for cut in range(1, len(data), 7):
        p.write_bytes(data[:cut])
        items = list(read_items([str(p)], Options(workers=1)))  # must not raise
        complete = sum(1 for e in ends[1:] if e <= cut)
        # the records complete before the cut all come through, in order ...
        assert [d.source for d in docs(items)][:complete] == [f"https://x.example/{i}" for i in range(complete)]
        # ... and a cut inside a record is reported (WARC separates records by 4 bytes CRLFCRLF
        # that belong to no record: a cut among them loses nothing)
        at_boundary = any(e - (0 if gz else 4) <= cut <= e for e in ends)
        if not at_boundary:
            assert errors(items), f"cut at {cut} of {len(data)} not reported"
            assert all(e.path.startswith(str(p)) for e in errors(items))


def test_corrupt_warc_record(tmp_path):
    data, ends = _warc_with_offsets(False)
    broken = data[: ends[1]] + b"GARBAGE LINE\r\nmore garbage\r\n\r\n" + data[ends[2]:]
    p = tmp_path / "bad.warc"
    p.write_bytes(broken)
    items = collect([p])
    assert [d.source for d in docs(items)] == ["https://x.example/0"]
    [err] = errors(items)
    assert err.path == f"{p}#3" and "corrupt" in err.error


def test_not_a_warc(tmp_path):
    p = tmp_path / "fake.warc"
    p.write_text("this is not a web archive\n", encoding="utf-8")
    [err] = collect([p])
    assert isinstance(err, IngestError) and err.path == f"{p}#1"


# -- XML attacks and broken feeds ----------------------------------------------------------------

def test_xxe_feed_never_reads_the_file(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-7f3a", encoding="utf-8")
    dtd = tmp_path / "evil.dtd"
    dtd.write_text(f'<!ENTITY ext SYSTEM "file://{secret}">', encoding="utf-8")
    feeds = tmp_path / "feeds"
    feeds.mkdir()
    (feeds / "a_internal.rss").write_text(f"""<?xml version="1.0"?>
<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file://{secret}">]>
<rss version="2.0"><channel><title>T &xxe;</title>
<item><title>x &xxe;</title><description>leak: &xxe;</description></item></channel></rss>""", encoding="utf-8")
    (feeds / "b_parameter.xml").write_text(f"""<?xml version="1.0"?>
<!DOCTYPE rss [<!ENTITY % pe SYSTEM "file://{dtd}"> %pe;]>
<rss version="2.0"><channel><item><description>leak: &ext;</description></item></channel></rss>""",
                                           encoding="utf-8")
    (feeds / "c_external_dtd.xml").write_text(f"""<?xml version="1.0"?>
<!DOCTYPE rss SYSTEM "file://{dtd}">
<rss version="2.0"><channel><item><description>leak: &ext;</description></item></channel></rss>""",
                                              encoding="utf-8")
    (feeds / "d_good.rss").write_text("""<rss version="2.0"><channel><title>Good</title>
<item><title>fine</title><description>safe text</description></item></channel></rss>""", encoding="utf-8")
    items = collect([feeds])
    assert "TOP-SECRET" not in repr(items)
    errs = _by_path(items)
    assert "entities" in errs[str(feeds / "a_internal.rss")]
    assert "entities" in errs[str(feeds / "b_parameter.xml")]
    assert [d.content for d in docs(items) if d.path.endswith("d_good.rss")] == ["safe text"]


def test_billion_laughs(tmp_path):
    levels = ['<!ENTITY lol0 "lollollollollollollollollollol">']
    levels += [f'<!ENTITY lol{i} "' + f"&lol{i - 1};" * 10 + '">' for i in range(1, 10)]
    p = tmp_path / "bomb.xml"
    p.write_text('<?xml version="1.0"?>\n<!DOCTYPE rss [\n' + "\n".join(levels) + "\n]>\n"
                 '<rss><channel><item><description>&lol9;</description></item></channel></rss>', encoding="utf-8")
    start = time.perf_counter()
    [err] = collect([p])
    assert time.perf_counter() - start < 1
    assert isinstance(err, IngestError) and "entities" in err.error


def test_xml_that_is_not_a_feed(tmp_path):
    p = tmp_path / "sitemap.xml"
    p.write_text('<?xml version="1.0"?><urlset><url><loc>https://x/</loc></url></urlset>', encoding="utf-8")
    [err] = collect([p])
    assert err.error.startswith("not an RSS/Atom feed")


def test_truncated_feed_keeps_earlier_items(tmp_path):
    items_xml = "".join(f"<item><title>t{i}</title><description>d{i}</description></item>" for i in range(5))
    p = tmp_path / "cut.rss"
    p.write_text(f"<rss><channel><title>C</title>{items_xml}<item><title>t5</title><descr", encoding="utf-8")
    items = collect([p])
    assert [d.content for d in docs(items)] == [f"d{i}" for i in range(5)]
    [err] = errors(items)
    assert err.path == f"{p}#6" and err.error.startswith("invalid XML at line")


# -- the file system -----------------------------------------------------------------------------

def test_symlink_loop(tmp_path):
    root = tmp_path / "root"
    (root / "sub").mkdir(parents=True)
    (root / "a.txt").write_text("a", encoding="utf-8")
    (root / "sub" / "b.txt").write_text("b", encoding="utf-8")
    (root / "sub" / "loop").symlink_to(root, target_is_directory=True)
    (root / "sub" / "self").symlink_to(root / "sub", target_is_directory=True)
    (root / "x.txt").symlink_to(root / "y.txt")
    (root / "y.txt").symlink_to(root / "x.txt")  # a file symlink loop
    items = collect([root, root / "x.txt"])
    assert sorted(d.content for d in docs(items)) == ["a", "b"]
    errs = _by_path(items)
    assert set(errs) == {str(root / "x.txt"), str(root / "y.txt")}
    assert all("symbolic link" in e for e in errs.values())


def test_hidden_entries_skipped(tmp_path):
    (tmp_path / ".hidden.txt").write_text("h", encoding="utf-8")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "x.txt").write_text("g", encoding="utf-8")
    (tmp_path / "shown.txt").write_text("s", encoding="utf-8")
    assert [d.content for d in collect([tmp_path])] == ["s"]
    # named explicitly, a hidden file is read
    assert [d.content for d in collect([tmp_path / ".hidden.txt"])] == ["h"]


def test_broken_symlink(tmp_path):
    (tmp_path / "dangling.txt").symlink_to(tmp_path / "nowhere.txt")
    (tmp_path / "ok.txt").write_text("ok", encoding="utf-8")
    items = collect([tmp_path])
    assert _by_path(items) == {str(tmp_path / "dangling.txt"): "broken symbolic link"}
    assert [d.content for d in docs(items)] == ["ok"]


def test_file_deleted_between_listing_and_reading(tmp_path):
    for name in ("a.txt", "b.txt", "c.txt"):
        (tmp_path / name).write_text(name, encoding="utf-8")
    seen = []
    for item in read_items([str(tmp_path)], Options(workers=1)):
        seen.append(item)
        if isinstance(item, RawDoc) and item.content == "a.txt":
            (tmp_path / "b.txt").unlink()  # listed already, not yet read
    assert [type(i).__name__ for i in seen] == ["RawDoc", "IngestError", "RawDoc"]
    assert seen[1].path == str(tmp_path / "b.txt") and "no such file" in seen[1].error


def test_unreadable_file_permission_error(tmp_path, monkeypatch):
    secret = tmp_path / "locked.txt"
    secret.write_text("x", encoding="utf-8")
    (tmp_path / "open.txt").write_text("y", encoding="utf-8")
    real_open = os.open

    def guarded_open(path, flags, *args, **kwargs):
        if os.fspath(path) == str(secret):
            raise PermissionError(13, "Permission denied", str(secret))
        return real_open(path, flags, *args, **kwargs)

    # The reader opens files with os.open (non-blocking, so a FIFO never hangs it): make the
    # kernel's answer for one file "permission denied", as for a non-root user on a 000 file.
    monkeypatch.setattr(ingest_limits.os, "open", guarded_open)
    items = collect([tmp_path])
    assert _by_path(items) == {str(secret): "permission denied"}
    assert [d.content for d in docs(items)] == ["y"]


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their mode")
def test_unreadable_file_chmod(tmp_path):
    locked = tmp_path / "locked.txt"
    locked.write_text("x", encoding="utf-8")
    locked.chmod(0)
    try:
        assert _by_path(collect([tmp_path])) == {str(locked): "permission denied"}
    finally:
        locked.chmod(0o600)


def test_fifo_never_blocks(tmp_path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    (tmp_path / "z.txt").write_text("after", encoding="utf-8")
    items = collect([tmp_path, fifo])
    errs = errors(items)
    assert [e.path for e in errs] == [str(fifo), str(fifo)]
    assert all("not a regular file" in e.error for e in errs)
    assert [d.content for d in docs(items)] == ["after"]


def test_directory_read_as_a_file(tmp_path):
    d = tmp_path / "folder.txt"
    d.mkdir()
    [err] = list(read_file(str(d), "text", Options(workers=1)))
    assert err == IngestError(str(d), "is a directory, not a file")
