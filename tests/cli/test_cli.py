"""End-to-end tests of the command line, as scripts and people use it."""

from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess
import sys

import click
import pytest
from click.testing import CliRunner

from akhbar.cli import main


def run(args, env=None):
    result = CliRunner().invoke(main, args, env=env, catch_exceptions=False)
    return result


def all_commands(group=main, prefix=()):
    for name, cmd in group.commands.items():
        yield prefix + (name,), cmd
        if isinstance(cmd, click.Group):
            yield from all_commands(cmd, prefix + (name,))


@pytest.mark.parametrize("path, cmd", list(all_commands()), ids=lambda x: " ".join(x) if isinstance(x, tuple) else "")
def test_every_command_has_help_with_an_example(path, cmd):
    assert cmd.help and len(cmd.help.strip()) > 20, f"akhbar {' '.join(path)} has no help text"
    assert "Example" in cmd.help, f"akhbar {' '.join(path)} help has no example"
    result = run([*path, "--help"])
    assert result.exit_code == 0
    assert "Usage:" in result.output
    for param in cmd.params:
        if isinstance(param, click.Option):
            assert param.help, f"option {param.name} of akhbar {' '.join(path)} has no help"


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    return str(tmp_path_factory.mktemp("cli") / "akhbar.db")


@pytest.fixture(scope="module")
def ingested(db, examples):
    first = run(["ingest", str(examples), "--db", db, "--json", "--workers", "1"])
    assert first.exit_code == 0, first.output + first.stderr
    second = run(["ingest", str(examples), "--db", db, "--json", "--workers", "1"])
    return json.loads(first.stdout), json.loads(second.stdout)


def test_ingest_twice_adds_five_then_nothing(ingested):
    first, second = ingested
    assert first["added"] == 5 and first["unchanged"] == 0 and first["failed"] == []
    assert len(first["articles"]) == 5
    assert second["added"] == 0 and second["unchanged"] == 5 and second["articles"] == []


def test_articles_json_has_the_summary_fields(ingested, db):
    rows = json.loads(run(["articles", "--db", db, "--json"]).stdout)
    assert len(rows) == 5
    for row in rows:
        assert {"id", "source", "lang", "title", "published", "publisher"} <= set(row)


def test_articles_csv_and_table(ingested, db):
    out = run(["articles", "--db", db, "--csv"]).stdout
    rows = list(csv.DictReader(io.StringIO(out)))
    assert len(rows) == 5 and "title" in rows[0]
    table = run(["articles", "--db", db]).stdout
    assert table.splitlines()[0].split()[:2] == ["id", "lang"]


def _by_seed(db):
    rows = json.loads(run(["articles", "--db", db, "--json"]).stdout)
    return {r["source"].rsplit("/", 1)[-1]: r["id"] for r in rows}


def test_show_matches_the_gold(ingested, db, gold, examples):
    ids = _by_seed(db)
    for name, g in gold["documents"].items():
        article = json.loads(run(["show", ids[name], "--db", db, "--json"]).stdout)
        assert article["lang"] == g["lang"], name
        assert article["title"] == g["title"], name
        assert article["published"] == g["published"], name
        body_lines = {ln.strip() for ln in article["body"].splitlines() if ln.strip()}
        for line in g["boilerplate_lines"] + g["source_lines"]:
            assert line.strip() not in body_lines, (name, line)
            assert line.strip() in {r.strip() for r in article["removed"]}, (name, line)
        raw = (examples / name).read_text(encoding="utf-8")
        skip = {g["title"].strip(), *map(str.strip, g["boilerplate_lines"]), *map(str.strip, g["source_lines"])}
        dateline = {r["text"].strip() for r in article["removed_lines"] if r["kind"] == "dateline"}
        for line in raw.splitlines():
            line = line.strip()
            if line and line not in skip and line not in dateline:
                assert line in body_lines, (name, line)


def test_show_unknown_id_is_a_clear_error(ingested, db):
    result = run(["show", "0123456789abcdef", "--db", db, "--json"])
    assert result.exit_code == 2
    assert "no article with id" in result.stderr
    assert result.stdout == ""


def test_search_finds_across_spellings(ingested, db):
    ids = _by_seed(db)
    rows = json.loads(run(["search", "سرویس‌های", "--db", db, "--json"]).stdout)
    assert ids["000_5d9e425671e85465.txt"] in [r["id"] for r in rows]
    for q in ("2022", "۲۰۲۲", "٢٠٢٢"):
        rows = json.loads(run(["search", q, "--db", db, "--json"]).stdout)
        assert ids["002_82b5bf6752724c81.txt"] in [r["id"] for r in rows], q


def test_a_malformed_query_is_a_message_not_a_traceback(ingested, db):
    result = run(["search", "   ", "--db", db])
    assert result.exit_code == 2
    assert result.stderr.startswith("Error: empty query")
    assert "Traceback" not in result.output


def test_bad_files_are_reported_and_the_rest_ingested(tmp_path, examples):
    folder = tmp_path / "mixed"
    folder.mkdir()
    shutil.copy(examples / "001_6c5c1c1384cff0d9.txt", folder / "good.txt")
    (folder / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    (folder / "empty.txt").write_bytes(b"")
    db = str(tmp_path / "m.db")
    result = run(["ingest", str(folder), "--db", db, "--json", "--workers", "1"])
    assert result.exit_code == 1
    report = json.loads(result.stdout)
    assert report["added"] == 1
    failed = {f["path"].rsplit("/", 1)[-1]: f["error"] for f in report["failed"]}
    assert set(failed) == {"binary.txt", "empty.txt"}
    assert all(failed.values())


def test_nothing_readable_exits_2(tmp_path):
    (tmp_path / "empty.txt").write_text("")
    result = run(["ingest", str(tmp_path / "empty.txt"), "--db", str(tmp_path / "e.db"), "--json"])
    assert result.exit_code == 2
    assert json.loads(result.stdout)["added"] == 0


def test_db_from_environment(tmp_path, examples):
    db = str(tmp_path / "env.db")
    result = run(["ingest", str(examples / "002_82b5bf6752724c81.txt"), "--json", "--workers", "1"], env={"AKHBAR_DB": db})
    assert result.exit_code == 0
    assert len(json.loads(run(["articles", "--json"], env={"AKHBAR_DB": db}).stdout)) == 1


def test_usage_error_exits_2():
    assert run(["ingest"]).exit_code == 2
    assert run(["ingest", "x", "--languages", "fa,zz"]).exit_code == 2


def test_console_script_json_stdout_is_pure(tmp_path, examples):
    """The installed entry point, in a real process with worker processes: stdout is JSON only."""
    db = str(tmp_path / "p.db")
    proc = subprocess.run(
        [sys.executable, "-m", "akhbar", "ingest", str(examples), "--db", db, "--json", "--workers", "2"],
        capture_output=True, text=True, timeout=300,
    )
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["added"] == 5


def test_json_records_keep_their_headline_in_the_text_and_their_outlet_in_the_id(tmp_path):
    body = "وأكد وزير الخارجية في مؤتمر صحفي اليوم أن المحادثات مع الوفد الزائر كانت مثمرة وبناءة."
    records = [
        {"title": "وزير الخارجية: المحادثات مثمرة", "text": body, "source": "sabq", "url": "http://a/1"},
        {"title": "وزير الخارجية: المحادثات مثمرة", "text": body, "source": "okaz", "url": "http://b/1"},
        {"title": "وزير الخارجية: المحادثات مثمرة", "text": body, "source": "okaz", "url": "http://b/2"},
    ]
    path = tmp_path / "wire.jsonl"
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records), encoding="utf-8")
    db = str(tmp_path / "w.db")
    report = json.loads(run(["ingest", str(path), "--db", db, "--json", "--workers", "1"]).stdout)
    # the same story from two outlets is two articles; the same outlet twice is one
    assert report["added"] == 2 and report["unchanged"] == 1
    article = json.loads(run(["show", report["articles"][0], "--db", db, "--json"]).stdout)
    assert article["title"] == records[0]["title"]
    start, end = article["title_span"]
    assert article["text"][start:end] == records[0]["title"]
    assert article["body"] == body


def test_show_gives_the_analysis_in_the_interface_shapes(ingested, db):
    ids = _by_seed(db)
    art = json.loads(run(["show", ids["000_5d9e425671e85465.txt"], "--db", db, "--json"]).stdout)
    putin = next(e for e in art["entities"] if e["label"] == "Vladimir Putin")
    assert putin["type"] == "person" and putin["kb_id"] and putin["mentions"]
    for m in putin["mentions"]:
        assert art["text"][m["start"] : m["end"]] == m["text"]
    for key, fields in {
        "dates": {"text", "start", "end", "calendar", "value"},
        "quantities": {"text", "start", "end", "value", "low", "high", "unit"},
        "quotes": {"speaker", "cue", "text", "start", "end"},
        "citations": {"outlet", "cue", "start", "end"},
    }.items():
        assert art[key], key
        for item in art[key]:
            assert fields <= set(item), (key, item)
            assert art["text"][item["start"] : item["end"]] == item["text"] if "text" in item and key != "quotes" else True
    assert {"1991-12-21", "2001-12-11"} <= {d["value"] for d in art["dates"]}
    assert art["event_date"] is None or not art["event_date"].startswith(("1991", "1993"))
    assert {c["outlet"] for c in art["citations"]} >= {"Mashregh News", "Fars News Agency"}
    assert art["publisher"] == "Mashregh News"


def test_a_user_knowledge_base_file_extends_the_base(tmp_path):
    kb = tmp_path / "mine.jsonl"
    kb.write_text(json.dumps({
        "id": "person/zahra-testpour", "type": "person", "label": "Zahra Testpour",
        "names": {"fa": ["زهرا تست‌پور"], "en": ["Zahra Testpour"]},
    }, ensure_ascii=False) + "\n", encoding="utf-8")
    doc = tmp_path / "a.txt"
    doc.write_text("دیدار سخنگوی دولت با خبرنگاران\n\nزهرا تست‌پور امروز در نشست خبری هفتگی با خبرنگاران درباره برنامه‌های دولت گفتگو کرد.", encoding="utf-8")
    db = str(tmp_path / "k.db")
    report = json.loads(run(["ingest", str(doc), "--kb", str(kb), "--db", db, "--json", "--workers", "1"]).stdout)
    art = json.loads(run(["show", report["articles"][0], "--db", db, "--json"]).stdout)
    assert "Zahra Testpour" in {e["label"] for e in art["entities"]}


def test_a_broken_knowledge_base_file_is_refused_with_file_and_line(tmp_path, examples):
    kb = tmp_path / "bad.jsonl"
    kb.write_text('{"id": "person/x", "type": "person", "label": "X", "names": {"en": ["X"]}}\n{not json\n', encoding="utf-8")
    result = run(["ingest", str(examples), "--kb", str(kb), "--db", str(tmp_path / "b.db")])
    assert result.exit_code == 2
    assert "bad.jsonl" in result.stderr and ":2" in result.stderr
