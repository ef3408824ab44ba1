"""``akhbar eval flags``: precision and recall of the checks per flag kind on a flag test set.

A test set is a folder of ``*.json`` files (each one case or a list of cases) or one JSON/JSONL
file. A case::

    {"id": "calendar-fa-seed000", "lang": "fa", "must": "flag",
     "source": "where its text comes from",
     "articles": [{"title": "...", "text": "...", "lang": "fa", "published": "2015-10-17"}],
     "expect": [{"kind": "calendar_mismatch", "statements": ["21 دسامبر 1991", "20 آذر 1380"]}]}

``must`` is ``flag`` (``expect`` lists the flags it must give) or ``not`` (``expect`` is empty:
any flag is a false positive). Several articles in one case are the reports of one event. Each
article goes through the whole pipeline (``Pipeline(Options(workers=1))``, which runs
``check_article``), then the case's articles through ``check_event``.

A found flag matches an expected one when the kinds are equal and every expected statement
(a piece of text) overlaps one of the flag's statements (one contains the other). Per kind:
precision = matched found flags / found flags, recall = matched expected flags / expected flags.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..options import Options
from ..records import FLAG_KINDS, Article, Flag, RawDoc
from .scores import prf


class CaseError(ValueError):
    """A case file that cannot be read; the message names the file and the problem."""


def load_cases(path: Path) -> list[dict[str, Any]]:
    files = sorted(path.glob("*.json")) + sorted(path.glob("*.jsonl")) if path.is_dir() else [path]
    cases: list[dict[str, Any]] = []
    for f in files:
        try:
            text = f.read_text(encoding="utf-8")
            if f.suffix == ".jsonl":
                items = [json.loads(line) for line in text.splitlines() if line.strip()]
            else:
                data = json.loads(text)
                items = data if isinstance(data, list) else [data]
        except (OSError, UnicodeError, json.JSONDecodeError) as exc:
            raise CaseError(f"cannot read flag cases from {f}: {exc}") from None
        for n, case in enumerate(items):
            _validate(case, f"{f}#{n}")
            case.setdefault("id", f"{f.stem}#{n}")
            cases.append(case)
    if not cases:
        raise CaseError(f"no flag cases found in {path}")
    return cases


def _validate(case: Any, where: str) -> None:
    if not isinstance(case, dict):
        raise CaseError(f"{where}: a case must be a JSON object")
    if case.get("must") not in ("flag", "not"):
        raise CaseError(f"{where}: 'must' must be 'flag' or 'not'")
    arts = case.get("articles")
    if not isinstance(arts, list) or not arts or not all(isinstance(a, dict) and a.get("text") for a in arts):
        raise CaseError(f"{where}: 'articles' must be a non-empty list of objects with 'text'")
    expect = case.get("expect", [])
    if case["must"] == "not" and expect:
        raise CaseError(f"{where}: a must-not case expects no flags")
    if case["must"] == "flag" and not expect:
        raise CaseError(f"{where}: a must-flag case lists the flags it expects in 'expect'")
    for e in expect:
        if e.get("kind") not in FLAG_KINDS:
            raise CaseError(f"{where}: unknown flag kind {e.get('kind')!r}")


def _raw(case: dict[str, Any], i: int, article: dict[str, Any]) -> RawDoc:
    return RawDoc(source=f"case:{case['id']}#{i}", path=f"case:{case['id']}", content=article["text"],
                  title=article.get("title"), published=article.get("published"), publisher=article.get("publisher"))


def run_case(case: dict[str, Any], pipeline: Any) -> tuple[list[Flag], list[str]]:
    """The flags the checks give on one case, and the problems met (an article the pipeline
    refused)."""
    from ..check import Report, check_event

    articles: list[Article] = []
    problems: list[str] = []
    for i, a in enumerate(case["articles"]):
        result = pipeline.process(_raw(case, i, a))
        if isinstance(result, Article):
            articles.append(result)
        else:
            problems.append(f"article {i}: {result.error}")
    found = [f for a in articles for f in a.flags]
    if len(articles) > 1:
        found += check_event(f"case:{case['id']}", [Report.from_article(a) for a in articles])
    return found, problems


def _overlaps(expected: str, flag: Flag) -> bool:
    want = " ".join(expected.split())
    for s in flag.statements:
        got = " ".join(s.text.split())
        if want and got and (want in got or got in want):
            return True
    return False


def match(expected: list[dict[str, Any]], found: list[Flag]) -> tuple[list[bool], list[bool]]:
    """For each expected flag whether it was found, and for each found flag whether it was
    expected (one-to-one, greedy in order)."""
    used = [False] * len(found)
    hit = []
    for e in expected:
        ok = False
        for j, f in enumerate(found):
            if used[j] or f.kind != e["kind"]:
                continue
            if all(_overlaps(s, f) for s in e.get("statements", [])):
                used[j] = ok = True
                break
        hit.append(ok)
    return hit, used


def evaluate_flags(path: Path, options: Options, *, details: bool = False, pipeline: Any = None) -> dict[str, Any]:
    """Scores per kind and overall (micro), the cases per language, and with ``details`` each
    case's expected and found flags."""
    if pipeline is None:
        from ..pipeline import Pipeline

        pipeline = Pipeline(options.with_(workers=1))
    cases = load_cases(path)
    counts = {k: [0, 0, 0, 0] for k in FLAG_KINDS}  # matched found, found, matched expected, expected
    per_case = []
    langs: dict[str, dict[str, int]] = {}
    for case in cases:
        found, problems = run_case(case, pipeline)
        expected = case.get("expect", [])
        hit, used = match(expected, found)
        for e, ok in zip(expected, hit):
            counts[e["kind"]][3] += 1
            counts[e["kind"]][2] += ok
        for f, ok in zip(found, used):
            counts[f.kind][1] += 1
            counts[f.kind][0] += ok
        passed = all(hit) and all(used)
        lang = case.get("lang") or case["articles"][0].get("lang") or "?"
        tally = langs.setdefault(lang, {"cases": 0, "passed": 0, "must_flag": 0, "must_not": 0})
        tally["cases"] += 1
        tally["passed"] += passed
        tally["must_flag" if case["must"] == "flag" else "must_not"] += 1
        if details:
            per_case.append({
                "id": case["id"], "lang": lang, "must": case["must"], "passed": passed, "problems": problems,
                "expected": expected,
                "found": [{"kind": f.kind, "statements": [s.text for s in f.statements],
                           "explanation": f.explanation} for f in found],
            })
    table = []
    by_kind = {}
    for kind, (tp_p, n_p, tp_g, n_g) in counts.items():
        if not n_p and not n_g:
            continue
        p, r, f1 = prf(tp_p, n_p, tp_g, n_g)
        by_kind[kind] = {"precision": p, "recall": r, "f1": f1, "found": n_p, "expected": n_g}
        table.append({"kind": kind, "precision": p, "recall": r, "f1": f1, "found": n_p, "expected": n_g})
    tot = [sum(c[i] for c in counts.values()) for i in range(4)]
    p, r, f1 = prf(*tot)
    table.append({"kind": "all", "precision": p, "recall": r, "f1": f1, "found": tot[1], "expected": tot[3]})
    result: dict[str, Any] = {
        "precision": p, "recall": r, "f1": f1, "cases": len(cases),
        "must_flag": sum(1 for c in cases if c["must"] == "flag"),
        "must_not": sum(1 for c in cases if c["must"] == "not"),
        "passed": sum(t["passed"] for t in langs.values()),
        "by_kind": by_kind, "by_language": langs, "table": table,
    }
    if details:
        result["details"] = per_case
    return result


def iter_failures(result: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """The cases that did not pass (needs ``details``)."""
    return (c for c in result.get("details", []) if not c["passed"])
