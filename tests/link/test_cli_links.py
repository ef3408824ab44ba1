"""`akhbar events`, `akhbar stories` and the link fields of `akhbar show`, end to end."""

from __future__ import annotations

import json

from click.testing import CliRunner

from akhbar.cli import main


def run(*args):
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    return result


def test_events_stories_and_show_as_json_and_tables(tmp_path, examples):
    db = str(tmp_path / "a.db")
    assert run("ingest", str(examples), "--db", db, "--quiet", "--workers", "1").exit_code == 0
    events = json.loads(run("events", "--db", db, "--json").output)
    assert events and all({"id", "date", "label", "articles", "languages", "outlets", "story", "links"} <= set(e)
                          for e in events)
    stories = json.loads(run("stories", "--db", db, "--json").output)
    assert stories and all({"id", "label", "events", "first", "last"} <= set(s) for s in stories)
    assert {e["story"] for e in events} <= {s["id"] for s in stories}
    fa = json.loads(run("events", "--db", db, "--json", "--lang", "fa").output)
    assert fa and all("fa" in e["languages"] for e in fa)
    putin = json.loads(run("events", "--db", db, "--json", "--entity", "person/vladimir-putin").output)
    assert len(putin) == len(events)
    article = json.loads(run("show", events[0]["articles"][0], "--db", db, "--json").output)
    assert article["event"] == events[0]["id"] and "copies" in article and "copy_of" in article
    table = run("events", "--db", db).output
    assert events[0]["id"] in table
    assert run("stories", "--db", db, "--csv").output.startswith("id,")


def test_an_unreadable_link_model_is_a_clear_error(tmp_path, examples):
    bad = tmp_path / "model.json"
    bad.write_text('{"bias": 0, "weights": {"colour": 1}}', encoding="utf-8")
    result = CliRunner().invoke(main, ["eval", "similarity", str(bad), "--model", str(bad)])
    assert result.exit_code == 2 and "unknown feature" in result.output
