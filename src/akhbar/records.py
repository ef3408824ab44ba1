"""Frozen, typed records that flow between the stages.

``ingest`` yields :class:`RawDoc` (or :class:`IngestError` for an item it could not read);
``clean`` turns a RawDoc into an :class:`Article`; ``langid`` and ``normalize`` return the
same Article with more fields filled (``dataclasses.replace``). Every record converts to and
from plain dicts (``as_dict``/``from_dict``) so it can cross process boundaries, be written as
JSON, or be stored.

Offsets: every ``start``/``end`` in an Article is a character offset into ``Article.text``,
the article's original text as ingested (for plain text and JSON records the decoded input,
for HTML the text extracted from the page, before any cleaning or normalization).
"""

from __future__ import annotations

import hashlib
import unicodedata
from array import array
from dataclasses import asdict, dataclass, field, fields, replace
from typing import Any

__all__ = [
    "RawDoc",
    "IngestError",
    "Span",
    "RemovedLine",
    "ParagraphLang",
    "NormalizedText",
    "EntityMention",
    "DateMention",
    "Quantity",
    "Quote",
    "Citation",
    "Statement",
    "Flag",
    "FLAG_KINDS",
    "Claim",
    "Article",
    "content_id",
]


def content_id(text: str) -> str:
    """A stable id for a piece of content: 16 hex digits of the SHA-256 of its NFC form.

    Leading/trailing whitespace and line-ending style do not change the id, so the same
    article read from a file saved on Windows or Linux is the same article.
    """
    canonical = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n")).strip()
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True)
class RawDoc:
    """One item read by ``ingest``: the decoded text of one article and what its container said.

    ``format`` is ``"text"`` (plain text: the line classifier cleans it) or ``"html"`` (a web
    page: trafilatura extracts it). For structured records (JSON, RSS/Atom entries) whose
    title is given separately, ``content`` is the body text and ``title`` holds the title.
    """

    source: str  # file path; for a record inside a container, its URL or ``PATH#N``
    path: str  # the file the item was read from
    content: str  # decoded text: plain text or HTML markup
    format: str = "text"  # "text" | "html"
    title: str | None = None  # given by the container (JSON field, feed entry, HTML <title>)
    url: str | None = None
    published: str | None = None  # ISO date given by the container, if any
    publisher: str | None = None  # outlet/site given by the container, if any
    author: str | None = None
    encoding: str | None = None  # the encoding the bytes were decoded from

    def __post_init__(self) -> None:
        if self.format not in ("text", "html"):
            raise ValueError(f"RawDoc.format must be 'text' or 'html', not {self.format!r}")

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "RawDoc":
        return cls(**{f.name: data[f.name] for f in fields(cls) if f.name in data})


@dataclass(frozen=True)
class IngestError:
    """An item that could not be read, with the path (and record) and the reason."""

    path: str
    error: str

    def as_dict(self) -> dict[str, Any]:
        return {"path": self.path, "error": self.error}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "IngestError":
        return cls(path=data["path"], error=data["error"])


@dataclass(frozen=True)
class Span:
    """A stretch of ``Article.text``: ``text[start:end]``."""

    start: int
    end: int

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"invalid span {self.start}..{self.end}")


@dataclass(frozen=True)
class RemovedLine:
    """A line the cleaner took out of the body, and why.

    ``kind`` is ``"boilerplate"`` (navigation, comment prompts, ads, photo credits, a repeated
    title, end-of-message markers ...), ``"source"`` (a "source: X" credit line, kept as
    metadata) or ``"dateline"`` (a line giving the publication date, kept as metadata).
    ``reason`` says which rule or feature decided it, for people reading the report.
    """

    start: int
    end: int
    text: str
    kind: str
    reason: str = ""


@dataclass(frozen=True)
class ParagraphLang:
    start: int
    end: int
    lang: str | None
    confidence: float


@dataclass(frozen=True)
class NormalizedText:
    """Normalized text with a map back to the original.

    ``to_original[i]`` is the offset in ``Article.text`` of the character that normalized
    character ``i`` came from; ``to_original[len(text)]`` is the end offset. The array is
    non-decreasing, so a normalized span ``[s, e)`` maps back to ``[to_original[s],
    to_original[e])`` (see :meth:`original_span`).
    """

    text: str
    to_original: array = field(repr=False)

    def __post_init__(self) -> None:
        if len(self.to_original) != len(self.text) + 1:
            raise ValueError("to_original must have len(text) + 1 entries")

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        if not 0 <= start <= end <= len(self.text):
            raise ValueError(f"span {start}..{end} outside normalized text of {len(self.text)}")
        s, e = self.to_original[start], self.to_original[end]
        if end > start and e <= self.to_original[end - 1]:
            e = self.to_original[end - 1] + 1  # several normalized chars from one original char
        return s, max(s, e)

    def as_dict(self) -> dict[str, Any]:
        return {"text": self.text, "to_original": list(self.to_original)}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "NormalizedText":
        return cls(text=data["text"], to_original=array("i", data["to_original"]))


@dataclass(frozen=True)
class EntityMention:
    """A name in the article linked to an entity.

    ``entity_id`` is a knowledge-base id (``person/vladimir-putin``, ``country/RU``) or, for a
    name discovered from a title or role and not in the base, ``new/<type>/<slug>`` (the same
    name gets the same id everywhere in the article). ``how`` says how it was found:
    ``"name"`` (a name in the base), ``"role"`` (a title such as "the Russian president"
    resolved in time), ``"discovered"`` (a new name found next to a title or role), ``"pronoun"``.
    """

    start: int
    end: int
    text: str
    entity_id: str
    label: str  # English canonical name
    type: str  # person | organization | country | place | outlet | other
    how: str = "name"
    in_title: bool = False


@dataclass(frozen=True)
class DateMention:
    """A date in the article. ``calendar`` is gregorian | jalali | hijri | relative; ``value`` the
    ISO Gregorian date (None when it cannot be resolved, e.g. a relative date with no known
    publication date). ``stated`` is the date as written in its own calendar (``1380-09-20``).
    ``twin`` is the index (in ``Article.dates``) of the same date given in another calendar
    right beside it ("21 دسامبر 1991 (20 آذر 1380)"), or None. ``offset_days`` for relative
    dates ("yesterday" = -1), ``weekday`` 0=Monday..6=Sunday when a weekday is named."""

    start: int
    end: int
    text: str
    calendar: str
    value: str | None = None
    stated: str | None = None
    twin: int | None = None
    offset_days: int | None = None
    weekday: int | None = None
    role: str = ""  # "event" | "background" | "publication" | ""


@dataclass(frozen=True)
class Quantity:
    """A number in the article: ``value`` for a single number, ``low``/``high`` for a range;
    ``unit`` (percent, ordinal, currency code, ...) and ``counted`` (the noun counted:
    "نفر", "وثيقة", "people") when the text says."""

    start: int
    end: int
    text: str
    value: float | None = None
    low: float | None = None
    high: float | None = None
    unit: str | None = None
    counted: str | None = None
    in_title: bool = False


@dataclass(frozen=True)
class Quote:
    """Direct or reported speech: the quoted ``text`` at ``start``/``end``, the cue verb phrase at
    ``cue_start``/``cue_end``, and the speaker (entity label and id) when resolved."""

    start: int
    end: int
    text: str
    cue: str
    cue_start: int
    cue_end: int
    speaker: str | None = None
    speaker_id: str | None = None
    kind: str = "direct"  # direct | reported


@dataclass(frozen=True)
class Citation:
    """An outlet the article names as its source ("به گزارش X", "نقلا عن X", "المصدر: X"), or
    itself ("به گزارش مشرق" at the top of a Persian article names the publisher).
    ``role`` is ``"publisher"`` or ``"cited"``; ``via`` the outlet this one was quoted through."""

    start: int
    end: int
    cue: str
    outlet: str  # outlet label
    outlet_id: str
    role: str = "cited"
    via: str | None = None


@dataclass(frozen=True)
class Statement:
    """One side of a disagreement (or one report of a claim): ``text`` is ``Article.text[start:end]``
    of article ``article``. ``value`` is what the statement says in comparable form (a number, an
    ISO date, an entity label); ``low``/``high`` a range; ``where`` is ``title``, ``lead`` or
    ``body``; the other fields say more when they apply (the calendar of a date, the speaker of
    a quote, the entity id of a place)."""

    article: str
    start: int
    end: int
    text: str
    value: Any = None
    low: float | None = None
    high: float | None = None
    unit: str | None = None
    where: str | None = None
    calendar: str | None = None
    stated: str | None = None
    speaker: str | None = None
    entity_id: str | None = None

    def as_dict(self) -> dict[str, Any]:
        """``article``, ``start``, ``end``, ``text`` always; the other fields when set."""
        d = {"article": self.article, "start": self.start, "end": self.end, "text": self.text}
        for f in fields(self)[4:]:
            v = getattr(self, f.name)
            if v is not None:
                d[f.name] = int(v) if isinstance(v, float) and v.is_integer() else v
        return d

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Statement":
        return cls(**{f.name: data[f.name] for f in fields(cls) if f.name in data})


FLAG_KINDS = (
    "calendar_mismatch", "weekday_mismatch", "headline_body_mismatch",
    "quantity_conflict", "venue_conflict", "date_conflict", "speaker_conflict",
)


@dataclass(frozen=True)
class Flag:
    """Where reports disagree: ``kind`` (one of :data:`FLAG_KINDS`), the ``articles`` concerned,
    the conflicting ``statements`` (with their offsets, for highlighting) and a one-sentence
    English ``explanation`` quoting them. ``event`` is the event id for a flag between the
    reports of one event (None for a flag within one article). ``relation`` is
    ``contradiction``, ``overstatement`` or ``narrowing`` for figures; ``correct`` the right
    conversion of a two-calendar date ("21 December 1991 is 30 Azar 1370") or the real weekday."""

    kind: str
    articles: tuple[str, ...]
    statements: tuple[Statement, ...]
    explanation: str
    event: str | None = None
    relation: str | None = None
    correct: str | None = None

    @property
    def id(self) -> str:
        """Stable: the kind and the statements' places, not the wording of the explanation."""
        key = self.kind + "|" + "|".join(f"{s.article}:{s.start}:{s.end}" for s in self.statements)
        return hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]

    def as_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {
            "id": self.id, "kind": self.kind, "articles": list(self.articles), "event": self.event,
            "statements": [s.as_dict() for s in self.statements], "explanation": self.explanation,
        }
        if self.relation is not None:
            d["relation"] = self.relation
        if self.correct is not None:
            d["correct"] = self.correct
        return d

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Flag":
        return cls(
            kind=data["kind"], articles=tuple(data.get("articles", ())),
            statements=tuple(Statement.from_dict(s) for s in data.get("statements", ())),
            explanation=data.get("explanation", ""), event=data.get("event"),
            relation=data.get("relation"), correct=data.get("correct"),
        )


@dataclass(frozen=True)
class Claim:
    """One claim (a speaker, what is claimed, its figure) found in several reports. ``id`` is
    stable (a hash of its earliest report); ``text`` the claim in one line (as one report words
    it); ``reports`` one statement per report, with its article and offsets."""

    id: str
    speaker: str | None
    speaker_id: str | None
    text: str
    reports: tuple[Statement, ...]
    value: float | None = None
    low: float | None = None
    high: float | None = None
    unit: str | None = None
    counted: str | None = None
    event: str | None = None

    @property
    def articles(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(r.article for r in self.reports))

    def as_dict(self) -> dict[str, Any]:
        def num(v: float | None) -> Any:
            return int(v) if isinstance(v, float) and v.is_integer() else v

        return {
            "id": self.id, "speaker": self.speaker, "speaker_id": self.speaker_id, "text": self.text,
            "value": num(self.value), "low": num(self.low), "high": num(self.high), "unit": self.unit,
            "counted": self.counted, "event": self.event, "articles": list(self.articles),
            "reports": [r.as_dict() for r in self.reports],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Claim":
        d = {f.name: data[f.name] for f in fields(cls) if f.name in data}
        d["reports"] = tuple(Statement.from_dict(r) for r in data.get("reports", ()))
        return cls(**d)


@dataclass(frozen=True)
class Article:
    """One cleaned article. Stages after ``clean`` fill more fields with ``dataclasses.replace``.

    Added by clean: everything up to ``credits``.
    Added by langid: ``lang``, ``lang_confidence``, ``paragraph_langs``.
    Added by normalize: ``norm_title``, ``norm_body``.
    Added by analyze: ``entities``, ``dates``, ``quantities``, ``quotes``, ``citations``,
    ``event_date`` (and ``publisher`` when the article names itself: "به گزارش مشرق").
    Added by check: ``flags`` (the disagreements within the article: calendars, weekdays,
    headline versus body).
    """

    id: str
    source: str
    path: str
    format: str
    text: str  # the original text as ingested; every offset points into it
    title: str | None
    title_span: Span | None  # where the title is in ``text`` (None when given only as metadata)
    paragraphs: tuple[Span, ...]  # the body's paragraphs, in order
    removed: tuple[RemovedLine, ...] = ()
    published: str | None = None  # ISO date of publication (metadata or dateline)
    publisher: str | None = None  # outlet or site label given by the input, if any
    credits: tuple[str, ...] = ()  # the outlets named on "source:" lines ("فارس", "تاس", "وكالات")
    url: str | None = None
    author: str | None = None
    encoding: str | None = None
    # langid
    lang: str | None = None
    lang_confidence: float | None = None
    paragraph_langs: tuple[ParagraphLang, ...] = ()
    # normalize
    norm_title: NormalizedText | None = None
    norm_body: NormalizedText | None = None
    # analyze
    entities: tuple[EntityMention, ...] = ()
    dates: tuple[DateMention, ...] = ()
    quantities: tuple[Quantity, ...] = ()
    quotes: tuple[Quote, ...] = ()
    citations: tuple[Citation, ...] = ()
    event_date: str | None = None
    # check
    flags: tuple[Flag, ...] = ()

    @property
    def body(self) -> str:
        """The cleaned body: the paragraphs in original spelling, separated by blank lines."""
        return "\n\n".join(self.text[p.start : p.end] for p in self.paragraphs)

    def with_(self, **changes: Any) -> "Article":
        return replace(self, **changes)

    def as_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {}
        for f in fields(self):
            v = getattr(self, f.name)
            if isinstance(v, NormalizedText):
                v = v.as_dict()
            elif isinstance(v, Span):
                v = [v.start, v.end]
            elif isinstance(v, tuple):
                v = [
                    [x.start, x.end] if isinstance(x, Span) else (asdict(x) if hasattr(x, "__dataclass_fields__") else x)
                    for x in v
                ]
            d[f.name] = v
        return d

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Article":
        d = dict(data)
        d["title_span"] = Span(*d["title_span"]) if d.get("title_span") else None
        d["paragraphs"] = tuple(Span(*p) for p in d.get("paragraphs", ()))
        d["removed"] = tuple(RemovedLine(**r) for r in d.get("removed", ()))
        d["credits"] = tuple(d.get("credits", ()))
        d["paragraph_langs"] = tuple(ParagraphLang(**p) for p in d.get("paragraph_langs", ()))
        for key, kind in (("entities", EntityMention), ("dates", DateMention), ("quantities", Quantity),
                          ("quotes", Quote), ("citations", Citation)):
            d[key] = tuple(kind(**x) for x in d.get(key, ()))
        d["flags"] = tuple(Flag.from_dict(x) for x in d.get("flags", ()))
        for k in ("norm_title", "norm_body"):
            d[k] = NormalizedText.from_dict(d[k]) if d.get(k) else None
        return cls(**{f.name: d[f.name] for f in fields(cls) if f.name in d})


@dataclass(frozen=True)
class LinkProfile:
    """What linking needs from one article, computed in the worker (a pure function of it).

    ``date`` is the article's event date, else its publication date, else None. ``entities``
    are ``(entity_id, weight, label)``, outlets left out (whom an article cites says nothing about
    what happened); a mention in the title or lead weighs more. ``figures`` are the article's
    salient numbers (ranges give both ends), ``reported_dates`` the dates it reports (background
    dates left out), ``terms`` its content words, folded and lightly stemmed, with their counts,
    most frequent first; ``concepts`` the news concepts those words stand for, in any language.
    ``minhash`` is the MinHash signature of its word shingles (little-endian
    uint32 values), for finding copies.
    """

    article: str
    lang: str | None
    date: str | None
    published: str | None
    publisher: str | None
    title: str | None = None
    entities: tuple[tuple[str, float, str], ...] = ()  # (entity_id, weight, English label)
    figures: tuple[float, ...] = ()
    reported_dates: tuple[str, ...] = ()
    terms: tuple[tuple[str, int], ...] = ()
    minhash: bytes = b""
    words: int = 0
    concepts: tuple[tuple[str, int], ...] = ()  # (concept, count): data/link/concepts_<lang>.tsv

    def as_dict(self) -> dict[str, Any]:
        # spelled out: the writer stores every new article's profile, and ``fields()`` with a
        # copy per field cost more than the JSON encoding after it
        return {
            "article": self.article, "lang": self.lang, "date": self.date, "published": self.published,
            "publisher": self.publisher, "title": self.title,
            "entities": [list(e) for e in self.entities],
            "figures": list(self.figures),
            "reported_dates": list(self.reported_dates),
            "terms": [list(t) for t in self.terms],
            "minhash": self.minhash.hex(),
            "words": self.words,
            "concepts": [list(t) for t in self.concepts],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "LinkProfile":
        d = dict(data)
        d["entities"] = tuple((str(e), float(w), str(label)) for e, w, label in d.get("entities", ()))
        d["terms"] = tuple((str(t), int(c)) for t, c in d.get("terms", ()))
        d["concepts"] = tuple((str(t), int(c)) for t, c in d.get("concepts", ()))
        d["figures"] = tuple(float(x) for x in d.get("figures", ()))
        d["reported_dates"] = tuple(d.get("reported_dates", ()))
        d["minhash"] = bytes.fromhex(d.get("minhash", ""))
        return cls(**{f.name: d[f.name] for f in fields(cls) if f.name in d})


@dataclass(frozen=True)
class EventLink:
    """Why an article is in its event. ``linked_to`` is the member it resembles most (None for
    the article that opened the event); ``features`` and ``weights`` are those of the link model
    and ``score`` its probability. ``copy_of`` is set when the article is a copy (MinHash) of an
    earlier one, with ``copy_similarity`` the estimated Jaccard of their word shingles."""

    article: str
    event: str
    linked_to: str | None = None
    score: float | None = None
    features: dict[str, float] | None = None
    weights: dict[str, float] | None = None
    copy_of: str | None = None
    copy_similarity: float | None = None

    def as_dict(self) -> dict[str, Any]:
        return {f.name: getattr(self, f.name) for f in fields(self)}


@dataclass(frozen=True)
class LinkBatch:
    """What the linker decided since it last reported: the store writes it in one transaction.
    ``events`` are the full current state of each changed event (dicts ready for storage)."""

    links: tuple[EventLink, ...] = ()
    events: tuple[dict[str, Any], ...] = ()
    days: tuple[tuple[int, dict[str, Any]], ...] = ()  # (day, its document counts) of the days that ended
