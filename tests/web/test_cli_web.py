"""`akhbar serve` and `akhbar export` from the command line."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from click.testing import CliRunner

from akhbar.cli import main


def run(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def test_help_texts():
    for command in ("serve", "export"):
        result = run(command, "--help")
        assert result.exit_code == 0 and "Examples:" in result.output
    assert "--port" in run("serve", "--help").output and "parquet" in run("export", "--help").output


def test_serve_refuses_a_missing_database(tmp_path):
    result = CliRunner().invoke(main, ["serve", "--db", str(tmp_path / "none.db")])
    assert result.exit_code == 2 and "no database at" in result.output and "akhbar ingest" in result.output
    assert not (tmp_path / "none.db").exists()


def test_export_to_stdout_and_to_a_file(web_db: Path, tmp_path):
    result = CliRunner().invoke(main, ["export", "events", "--db", str(web_db)])
    assert result.exit_code == 0
    lines = [line for line in result.stdout.splitlines() if line.strip()]
    assert lines and all(json.loads(line)["id"].startswith("ev-") for line in lines)
    out = tmp_path / "m.csv"
    result = CliRunner().invoke(main, ["export", "mentions", "--db", str(web_db), "--format", "csv", "-o", str(out)])
    assert result.exit_code == 0 and out.read_text(encoding="utf-8").startswith("article,lang,date,entity_id")
    assert f"to {out}" in result.stderr


def test_export_usage_errors(web_db: Path, tmp_path):
    result = CliRunner().invoke(main, ["export", "events", "--db", str(web_db), "--format", "parquet"])
    assert result.exit_code == 2 and "-o PATH" in result.output
    result = CliRunner().invoke(main, ["export", "people", "--db", str(web_db)])
    assert result.exit_code == 2
    result = CliRunner().invoke(main, ["export", "events", "--db", str(tmp_path / "none.db")])
    assert result.exit_code == 2 and "no database at" in result.output


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_serve_answers_on_the_port_it_is_given(web_db: Path):
    port = _free_port()
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    proc = subprocess.Popen([sys.executable, "-m", "akhbar", "serve", "--db", str(web_db), "--port", str(port)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    try:
        deadline = time.monotonic() + 30
        body = None
        while time.monotonic() < deadline and proc.poll() is None:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/counts", timeout=2) as r:
                    body = json.loads(r.read())
                break
            except OSError:
                time.sleep(0.2)
        assert body is not None, proc.stderr.read().decode() if proc.poll() is not None else "no answer in 30 s"
        assert body["articles"] == 7
    finally:
        proc.terminate()
        proc.wait(timeout=10)
    assert f"http://127.0.0.1:{port}/" in proc.stderr.read().decode()
