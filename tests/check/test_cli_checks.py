"""``akhbar flags``, ``akhbar claims``, ``akhbar show`` with flags, ``akhbar eval flags``."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from akhbar.cli import main
from akhbar.records import Claim, Flag, Statement
from akhbar.store import Store
from akhbar.store.checks import replace_event_checks, write_article_flags


def run(args):
    return CliRunner().invoke(main, args, catch_exceptions=False)


@pytest.fixture(scope="module")
def db(tmp_path_factory, seed_articles):
    from akhbar.store import article_row

    path = str(tmp_path_factory.mktemp("checks") / "a.db")
    ids = [a.id for a in seed_articles.values()]
    with Store(path) as store:
        store.write_batch([article_row(a) for a in seed_articles.values()])
        a, b = ids[0], ids[1]
        st = Statement(a, 0, 5, "first", value=7000.0)
        write_article_flags(store, a, [Flag("calendar_mismatch", (a,), (st,), "A calendar flag.")])
        replace_event_checks(store, "ev1", [Flag("venue_conflict", (a, b), (st, Statement(b, 3, 9, "second")),
                                                 "A venue flag.", event="ev1")],
                             [Claim("c1", "Vladimir Putin", "person/vladimir-putin", "a claim",
                                    (st, Statement(b, 3, 9, "second")), low=5000.0, high=7000.0)])
    return path, ids


def test_flags_json_and_filters(db):
    path, ids = db
    out = json.loads(run(["flags", "--db", path, "--json"]).stdout)
    assert [f["kind"] for f in out] == ["calendar_mismatch", "venue_conflict"]
    assert out[0]["statements"][0]["start"] == 0 and out[0]["explanation"] == "A calendar flag."
    out = json.loads(run(["flags", "--db", path, "--json", "--kind", "venue_conflict"]).stdout)
    assert [f["event"] for f in out] == ["ev1"]
    out = json.loads(run(["flags", "--db", path, "--json", "--article", ids[1][:6]]).stdout)
    assert [f["kind"] for f in out] == ["venue_conflict"]
    table = run(["flags", "--db", path]).output
    assert "venue_conflict" in table and "A venue flag." in table


def test_flags_usage_errors(db):
    path, _ = db
    assert run(["flags", "--db", path, "--kind", "nonsense"]).exit_code == 2
    bad = run(["flags", "--db", path, "--article", "ffffffffffff"])
    assert bad.exit_code == 2 and "no article" in bad.stderr


def test_claims(db):
    path, ids = db
    [c] = json.loads(run(["claims", "--db", path, "--json"]).stdout)
    assert c["speaker"] == "Vladimir Putin" and c["articles"] == [ids[0], ids[1]] and c["high"] == 7000
    assert "Vladimir Putin" in run(["claims", "--db", path]).output


def test_show_gives_the_flags_of_the_article(db):
    path, ids = db
    shown = json.loads(run(["show", ids[0], "--db", path, "--json"]).stdout)
    assert [f["kind"] for f in shown["flags"]] == ["calendar_mismatch", "venue_conflict"]
    assert "A venue flag." in run(["show", ids[1], "--db", path]).output


def test_eval_flags_json(tmp_path):
    case = {"id": "c", "lang": "en", "must": "flag", "articles": [
        {"title": "Talks", "text": "Diplomats met in Geneva on Tuesday, October 26, 2022, officials said."}],
        "expect": [{"kind": "weekday_mismatch", "statements": ["Tuesday, October 26, 2022"]}]}
    (tmp_path / "c.json").write_text(json.dumps([case]), encoding="utf-8")
    out = json.loads(run(["eval", "flags", str(tmp_path), "--json"]).stdout)
    assert out["by_kind"]["weekday_mismatch"] == {"precision": 1.0, "recall": 1.0, "f1": 1.0, "found": 1, "expected": 1}
    (tmp_path / "bad.json").write_text('{"must": "maybe"}', encoding="utf-8")
    bad = run(["eval", "flags", str(tmp_path / "bad.json")])
    assert bad.exit_code == 2 and "must" in bad.stderr
