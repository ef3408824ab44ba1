"""The cue rules: a short line decided by what it says (data-file cues) or by its form.

Cue categories and matching modes are described in ``akhbar/data/clean/README.md``. A cue decides
only on a short line (a comment prompt in a sentence of prose is prose). Besides the cues:
language switchers ("Ru En", "English | عربي"), link-like lines, menus ("Home | World | Sport")
and lines of symbols. "Source:" lines become ``source`` removals whose outlets are credits;
"published:" labels followed by a date become ``dateline`` removals.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Callable

from .lines import Line
from .tables import EDGE_PUNCT, Tables

BAD = "bad"
MEDIUM_WORDS = 6  # a line shorter than this is "short" (see akhbar.clean.text)

# Word caps for cue matching: a cue decides only on a short line.
START_CAP = 7
CONTAINS_CAP = 10
LABEL_CAP = 12
SOURCE_CAP = 10

_WORDS = re.compile(r"\w+")
_DIGIT = re.compile(r"\d")
_LETTER = re.compile(r"[^\W\d_]")
_LINKS = re.compile(
    r"https?://|www\.|[\w.+-]+@[\w-]+\.\w{2,}|(?<![\w.])[\w-]+\.(?:com|org|net|info|ir|ru|sa|ae|uk|io|me|tv|news)(?![\w.])",
    re.IGNORECASE,
)
# "|", or a bullet/chevron between spaces, or " / " that is not inside a date ("6 / 10 / 1436")
_MENU_SEPARATORS = re.compile(r"\||\s[\u2022\u00b7\u00bb\u203a>]\s|(?<!\d)\s/\s(?!\d)")
_SWITCHER_SPLIT = re.compile(r"[\s|/\u2022\u00b7,\-\u2013\u2014]+")
_CREDIT_SPLIT = re.compile(r"\s*[,\u060c;\u061b/|+&]\s*|\s+(?:\u0648|and|\u0438)\s+")

REASONS = {
    "end": "end-of-message marker",
    "comment": "comment prompt",
    "related": "related/most-read news header",
    "photo": "photo/video credit",
    "share": "share/print/save button",
    "tags": "tag list",
    "captcha": "captcha",
    "ads": "advertising label",
    "nav": "navigation link",
    "copyright": "copyright notice",
    "subscribe": "subscribe/follow prompt",
    "cookie": "cookie/privacy notice",
    "datelabel": "date label",
    "byline": "byline label",
}


@lru_cache(maxsize=1)
def dateline_parser() -> Callable[[str], str | None] | None:
    """``akhbar.clean.dateline.parse_dateline`` if that module is installed, else None."""
    try:
        from .dateline import parse_dateline
    except ImportError:
        return None
    return parse_dateline


def set_removed(line: Line, reason: str, kind: str = "boilerplate", cue: str | None = None) -> None:
    """Mark ``line`` removed by a rule (the context pass will not revise it)."""
    line.cls, line.hard, line.kind, line.reason, line.cue = BAD, True, kind, reason, cue


_PAIRS = {"(": ")", "[": "]", "{": "}", "\u00ab": "\u00bb", "\u201c": "\u201d", '"': '"'}
_CLOSERS_OF = {v: k for k, v in _PAIRS.items()}
_PLAIN_EDGE = "".join(c for c in EDGE_PUNCT if c not in _PAIRS and c not in _CLOSERS_OF)


def _paired(t: str, i: int) -> bool:
    """Whether the bracket or quote at ``t[i]`` (0 or -1) has its partner inside ``t``."""
    c = t[i]
    if c == '"':
        return t.count('"') >= 2
    return (_PAIRS[c] in t[1:]) if i == 0 else (_CLOSERS_OF[c] in t[:-1])


def strip_edges(text: str) -> str:
    """``text`` without bullets and punctuation around it; a bracket or quote at an end goes
    only when it does not pair with one inside, or when one pair encloses everything:
    "(وكالات)" -> "وكالات", "وكالة الأنباء الأردنية (بترا)." -> "وكالة الأنباء الأردنية (بترا)"."""
    s = text
    while True:
        t = s.strip(_PLAIN_EDGE)
        if t and t[-1] in _CLOSERS_OF and not _paired(t, -1):
            t = t[:-1]
        elif t and t[0] in _PAIRS and not _paired(t, 0):
            t = t[1:]
        elif len(t) > 1 and t[0] in _PAIRS and t[-1] == _PAIRS[t[0]] and (
            t.count(t[0]) == 2 if t[0] == t[-1] else t.count(t[0]) == t.count(t[-1]) == 1
        ):
            t = t[1:-1]
        if t == s:
            return t
        s = t


def credits_of(value: str) -> tuple[str, ...]:
    """The outlets named in the value of a source line ("رويترز + وكالات", "Reuters, AP")."""
    parts = (p.strip(" \t") for p in _CREDIT_SPLIT.split(value))
    return tuple(c for c in (strip_edges(p) for p in parts) if c and len(c.split()) <= 6)


def _is_switcher(line: Line, t: Tables) -> bool:
    if len(line.text) > 80:
        return False
    tokens = [tok for tok in _SWITCHER_SPLIT.split(line.key) if tok]
    if not tokens or any(tok not in t.language_names for tok in tokens):
        return False
    return len(tokens) >= 2 or tokens[0] not in t.language_codes


def apply_cues(line: Line, t: Tables, surface: bool = True) -> None:
    """Decide ``line`` by cue tables and surface rules, if one applies (sets ``hard``).

    ``surface``: also the rules on the line's form (links, menus, symbols), which suit plain
    text but not an HTML extractor's output, where such lines are tables and cited links.
    """
    if line.words > LABEL_CAP and line.words > CONTAINS_CAP:
        return
    k = " ".join(line.key.split())
    bare = k.strip(EDGE_PUNCT)
    m = t.exact.fullmatch(bare) if bare else None
    if m:
        cat = m.lastgroup
        if cat == "agencies":
            credit = strip_edges(line.text)
            set_removed(line, f"source line: agencies ({credit})", "source", cat)
            line.credits = (credit,)
        else:
            set_removed(line, f"cue: {REASONS.get(cat, cat)} ({bare!r})", cue=cat)
        return
    lead = k.lstrip(EDGE_PUNCT.replace(":", "").replace("\uff1a", ""))
    m = t.label.match(lead) if line.words <= LABEL_CAP else None
    if m:
        cat = m.lastgroup
        value = re.split(r"[:\uff1a]", line.text, maxsplit=1)[-1].strip()
        if cat == "source":
            if line.words <= SOURCE_CAP and value:
                set_removed(line, f"source line ({m.group().rstrip(': ')})", "source", cat)
                line.credits = credits_of(value)
            return
        if cat == "datelabel":
            parse = dateline_parser()
            date = parse(value) if parse and value else None
            if date:
                set_removed(line, f"dateline ({date})", "dateline", cat)
                line.date = date
                return
            if _DIGIT.search(value):
                set_removed(line, f"cue: {REASONS[cat]}", cue=cat)
            return
        set_removed(line, f"cue: {REASONS.get(cat, cat)} ({m.group().rstrip(': ')!r} label)", cue=cat)
        return
    if line.words <= START_CAP:
        m = t.start.match(bare)
        if m:
            cat = m.lastgroup
            if cat == "source":
                rest = " ".join(line.text.strip(EDGE_PUNCT).split()[len(m.group().split()):])
                if rest:
                    set_removed(line, f"source line ({m.group()})", "source", cat)
                    line.credits = credits_of(rest)
                return
            set_removed(line, f"cue: {REASONS.get(cat, cat)} ({m.group()!r})", cue=cat)
            return
    if line.words <= CONTAINS_CAP and (
        not t.contains_words.isdisjoint(_WORDS.findall(k)) or any(c in k for c in t.contains_marks)
    ):
        m = t.contains.search(k)
        if m:
            set_removed(line, f"cue: {REASONS.get(m.lastgroup, m.lastgroup)} ({m.group()!r})", cue=m.lastgroup)
            return
    if _is_switcher(line, t):
        set_removed(line, "language switcher", cue="switcher")
        return
    if not surface:
        return
    text = line.text
    links = _LINKS.findall(text) if ("." in text or "@" in text) else ()
    if links and line.words <= 3 * len(links) + 4:
        set_removed(line, "link-like text", cue="link")
        return
    if line.words <= 25 and any(c in text for c in "|\u2022\u00b7\u00bb\u203a>/") and len(_MENU_SEPARATORS.findall(text)) >= 2:
        set_removed(line, "menu: items separated by | » / •", cue="menu")
        return
    if line.words <= MEDIUM_WORDS and not _DIGIT.search(line.text) and not _LETTER.search(line.text):
        set_removed(line, "no words (symbols only)", cue="symbols")
