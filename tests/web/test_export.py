"""Exports of every kind in every format: the objects of --json in JSONL, flat rows in CSV and
Parquet, readable by pyarrow, pandas and DuckDB (the last two when installed)."""

from __future__ import annotations

import csv
import io
import json

import pytest

from akhbar.export import COLUMNS, FORMATS, KINDS, ExportError, export, records
from akhbar.store.checks import list_claims, list_flags


def count(store, what: str) -> int:
    return sum(1 for _ in records(store, what))


def test_records_are_the_store_objects(store, ids):
    assert list(records(store, "events")) == store.events()
    assert list(records(store, "stories")) == store.stories()
    assert list(records(store, "flags")) == list_flags(store)
    assert list(records(store, "claims")) == list_claims(store)
    articles = {a["id"]: a for a in records(store, "articles")}
    assert set(articles) == set(ids.values())
    assert articles[ids["000"]] == store.article(ids["000"])
    assert count(store, "mentions") == store.conn.execute("SELECT count(*) FROM mentions").fetchone()[0]
    assert count(store, "quotes") >= 5


@pytest.mark.parametrize("what", KINDS)
def test_jsonl_holds_one_object_per_line(store, tmp_path, what):
    path = tmp_path / f"{what}.jsonl"
    n = export(store, what, "jsonl", path)
    lines = path.read_text(encoding="utf-8").splitlines()
    assert n == len(lines) == count(store, what)
    assert [json.loads(line) for line in lines] == list(records(store, what))
    assert not (tmp_path / f"{what}.jsonl.part").exists()


@pytest.mark.parametrize("what", KINDS)
def test_csv_has_the_columns_and_one_row_per_object(store, what):
    buffer = io.StringIO()
    n = export(store, what, "csv", buffer)
    rows = list(csv.DictReader(io.StringIO(buffer.getvalue())))
    assert n == len(rows) == count(store, what)
    assert list(csv.reader(io.StringIO(buffer.getvalue())))[0] == list(COLUMNS[what])
    for row in rows:
        for name, kind in COLUMNS[what].items():
            if kind in ("list", "json") and row[name]:
                json.loads(row[name])  # lists and nested values are JSON text


@pytest.mark.parametrize("what", KINDS)
def test_parquet_reads_back_with_pyarrow(store, tmp_path, what):
    import pyarrow.parquet as pq

    path = tmp_path / f"{what}.parquet"
    n = export(store, what, "parquet", path)
    table = pq.read_table(path)
    assert table.num_rows == n == count(store, what)
    assert table.column_names == list(COLUMNS[what])


def test_article_rows_keep_persian_text_and_zwnj(store, tmp_path, ids):
    import pyarrow.parquet as pq

    path = tmp_path / "a.parquet"
    export(store, "articles", "parquet", path)
    rows = {r["id"]: r for r in pq.read_table(path).to_pylist()}
    a = store.article(ids["003"])
    assert rows[ids["003"]]["body"] == a["body"]
    assert rows[ids["003"]]["text"] == a["text"]
    assert json.loads(rows[ids["003"]]["entities"]) == a["entities"]
    assert rows[ids["000"]]["credits"] == store.article(ids["000"])["credits"]


def test_the_files_open_in_pandas(store, tmp_path):
    pd = pytest.importorskip("pandas")
    for fmt in FORMATS:
        path = tmp_path / f"events.{fmt}"
        export(store, "events", fmt, path)
        reader = {"jsonl": lambda p: pd.read_json(p, lines=True), "csv": pd.read_csv, "parquet": pd.read_parquet}[fmt]
        frame = reader(path)
        assert len(frame) == len(store.events()) and "label" in frame.columns
    path = tmp_path / "mentions.parquet"
    export(store, "mentions", "parquet", path)
    frame = pd.read_parquet(path)
    assert frame.groupby("entity_id")["article"].nunique()["person/vladimir-putin"] == 7


def test_the_files_open_in_duckdb(store, tmp_path):
    duckdb = pytest.importorskip("duckdb")
    for fmt, reader in (("jsonl", "read_json"), ("csv", "read_csv"), ("parquet", "read_parquet")):
        path = tmp_path / f"mentions.{fmt}"
        n = export(store, "mentions", fmt, path)
        got = duckdb.sql(f"SELECT count(*), count(DISTINCT article) FROM {reader}('{path}')").fetchall()[0]
        assert got == (n, 7), fmt
    path = tmp_path / "events.parquet"
    export(store, "events", "parquet", path)
    langs = duckdb.sql(f"SELECT languages FROM read_parquet('{path}') LIMIT 1").fetchall()[0][0]
    assert set(langs) <= {"fa", "ar"}  # a real list column, not text


def test_refusals_name_the_problem(store, tmp_path):
    with pytest.raises(ExportError, match="give an output file"):
        export(store, "events", "parquet", None)
    with pytest.raises(ExportError, match="choose one of"):
        export(store, "people", "jsonl", tmp_path / "x.jsonl")
    with pytest.raises(ExportError, match="unknown format"):
        export(store, "events", "xlsx", tmp_path / "x.xlsx")
    with pytest.raises(ExportError, match="does not exist"):
        export(store, "events", "csv", tmp_path / "no" / "such" / "x.csv")
    with pytest.raises(ExportError, match="is a folder"):
        export(store, "events", "csv", tmp_path)
    # the store is usable afterwards: the read transaction was closed
    assert store.count() == 7
