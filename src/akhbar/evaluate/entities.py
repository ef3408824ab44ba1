"""``akhbar eval entities``: the entity recogniser on ANERcorp (Arabic newswire, BIO tags).

ANERcorp is one ``token TAG`` per line, BIO over PERS, LOC, ORG and MISC, with no document
boundaries. Tokens are grouped into pseudo-documents of about :data:`DOC_TOKENS` tokens that end
at a sentence end (a ``.`` token); each is joined with single spaces (every token's offsets
kept), run through ``normalize`` and :func:`akhbar.analyze.entities.analyze_entities` as Arabic,
and our mentions are mapped to the tokens they cover (a mention inside a token, such as ``روسيا``
in ``وروسيا``, covers the whole token, as ANERcorp tags whole tokens).

Types: person -> PERS, country and place -> LOC, organization and outlet -> ORG; role mentions
("الرئيس الروسي") are not names and are left out, as is MISC. Scores are span-level exact match
(type and both token boundaries) per type and micro-averaged.
"""

from __future__ import annotations

import bisect
import time
from pathlib import Path
from typing import Any

from ..analyze.context import AnalysisContext
from ..analyze.entities import analyze_entities
from ..normalize import normalize_article
from ..options import Options
from ..records import Article, Span
from .scores import prf

__all__ = ["evaluate_anercorp", "read_anercorp", "pseudo_documents", "TYPE_MAP"]

DOC_TOKENS = 300
TYPES = ("PERS", "LOC", "ORG")
TYPE_MAP = {"person": "PERS", "country": "LOC", "place": "LOC", "organization": "ORG", "outlet": "ORG"}


def read_anercorp(path: Path) -> list[tuple[str, str]]:
    """(token, tag) pairs; a line without a tag counts as ``O``."""
    out: list[tuple[str, str]] = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            line = line.strip()
            if not line:
                continue
            token, _, tag = line.rpartition(" ")
            if not token:
                token, tag = tag, "O"
            out.append((token, tag.strip() or "O"))
    return out


def pseudo_documents(pairs: list[tuple[str, str]], size: int = DOC_TOKENS) -> list[list[tuple[str, str]]]:
    """Runs of about ``size`` tokens, each ending at a sentence end (or at the data's end)."""
    docs: list[list[tuple[str, str]]] = []
    current: list[tuple[str, str]] = []
    for token, tag in pairs:
        current.append((token, tag))
        if len(current) >= size and token == ".":
            docs.append(current)
            current = []
    if current:
        docs.append(current)
    return docs


def gold_spans(tags: list[str]) -> set[tuple[str, int, int]]:
    """(type, first token, last token + 1) of the BIO tags, for the scored types."""
    spans: set[tuple[str, int, int]] = set()
    kind, start = None, 0
    for k, tag in enumerate(tags + ["O"]):
        prefix, _, label = tag.partition("-")
        continues = prefix == "I" and label == kind
        if kind is not None and not continues:
            if kind in TYPES:
                spans.add((kind, start, k))
            kind = None
        if prefix in ("B", "I") and not continues:
            kind, start = label, k
    return spans


def _article(text: str) -> Article:
    return Article(id="anercorp", source="anercorp", path="anercorp", format="text", text=text, title=None,
                   title_span=None, paragraphs=(Span(0, len(text)),), lang="ar")


def predicted_spans(article: Article, starts: list[int]) -> set[tuple[str, int, int]]:
    """(type, first token, last token + 1) of our name mentions, widened to whole tokens."""
    spans: set[tuple[str, int, int]] = set()
    for m in article.entities:
        kind = TYPE_MAP.get(m.type)
        if kind is None or m.how == "role" or m.end <= m.start:
            continue
        first = bisect.bisect_right(starts, m.start) - 1
        last = bisect.bisect_right(starts, m.end - 1) - 1
        spans.add((kind, first, last + 1))
    return spans


def evaluate_anercorp(path: Path, options: Options) -> dict[str, Any]:
    """Span-level precision, recall and F1 per type (PERS, LOC, ORG) and micro-averaged."""
    began = time.perf_counter()
    context = AnalysisContext.build(options)
    context.gazetteer("ar")
    docs = pseudo_documents(read_anercorp(Path(path)))
    counts = {t: {"tp": 0, "pred": 0, "gold": 0} for t in TYPES}
    analysis_seconds = 0.0
    tokens = 0
    for doc in docs:
        toks = [t for t, _ in doc]
        starts: list[int] = []
        pos = 0
        for t in toks:
            starts.append(pos)
            pos += len(t) + 1
        tokens += len(toks)
        article = normalize_article(_article(" ".join(toks)))
        t0 = time.perf_counter()
        article = analyze_entities(article, context)
        analysis_seconds += time.perf_counter() - t0
        gold = gold_spans([tag for _, tag in doc])
        pred = predicted_spans(article, starts)
        for kind in TYPES:
            g = {s for s in gold if s[0] == kind}
            p = {s for s in pred if s[0] == kind}
            counts[kind]["tp"] += len(g & p)
            counts[kind]["pred"] += len(p)
            counts[kind]["gold"] += len(g)
    result: dict[str, Any] = {"documents": len(docs), "tokens": tokens}
    for kind in TYPES:
        c = counts[kind]
        p, r, f = prf(c["tp"], c["pred"], c["tp"], c["gold"])
        result[kind] = {"precision": p, "recall": r, "f1": f, **c}
    tp = sum(c["tp"] for c in counts.values())
    n_pred = sum(c["pred"] for c in counts.values())
    n_gold = sum(c["gold"] for c in counts.values())
    p, r, f = prf(tp, n_pred, tp, n_gold)
    result["micro"] = {"precision": p, "recall": r, "f1": f, "tp": tp, "pred": n_pred, "gold": n_gold}
    result["ms_per_document"] = round(analysis_seconds / max(1, len(docs)) * 1000, 3)
    result["seconds"] = round(time.perf_counter() - began, 2)
    return result
