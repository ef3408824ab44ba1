"""Streamed containers are bounded per record, not by their file size."""

import gzip
import json

from akhbar.ingest import read_items
from akhbar.options import Options
from akhbar.records import IngestError, RawDoc


def _records(n):
    return "".join(json.dumps({"title": f"t{i}", "text": "نص الخبر " * 20 + str(i)}, ensure_ascii=False) + "\n" for i in range(n))


def test_a_jsonl_larger_than_max_file_bytes_is_still_read(tmp_path):
    path = tmp_path / "big.jsonl"
    path.write_text(_records(200), encoding="utf-8")
    opts = Options(workers=1, max_file_bytes=1024)
    items = list(read_items([str(path)], opts))
    assert len(items) == 200 and all(isinstance(i, RawDoc) for i in items)


def test_a_plain_file_larger_than_max_file_bytes_is_refused(tmp_path):
    path = tmp_path / "big.txt"
    path.write_text("خبر " * 1000, encoding="utf-8")
    [item] = list(read_items([str(path)], Options(workers=1, max_file_bytes=1024)))
    assert isinstance(item, IngestError) and "max_file_bytes" in item.error


def test_a_gzipped_jsonl_is_bounded_by_ratio_only(tmp_path):
    path = tmp_path / "big.jsonl.gz"
    path.write_bytes(gzip.compress(_records(300).encode("utf-8")))
    opts = Options(workers=1, max_decompressed_bytes=1024, max_decompression_ratio=1000)
    items = list(read_items([str(path)], opts))
    assert len(items) == 300 and all(isinstance(i, RawDoc) for i in items)
