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
class Article:
    """One cleaned article. Stages after ``clean`` fill more fields with ``dataclasses.replace``.

    Added by clean: everything up to ``credits``.
    Added by langid: ``lang``, ``lang_confidence``, ``paragraph_langs``.
    Added by normalize: ``norm_title``, ``norm_body``.
    Added by analyze: ``entities``, ``dates``, ``quantities``, ``quotes``, ``citations``,
    ``event_date`` (and ``publisher`` when the article names itself: "به گزارش مشرق").
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
        for k in ("norm_title", "norm_body"):
            d[k] = NormalizedText.from_dict(d[k]) if d.get(k) else None
        return cls(**{f.name: d[f.name] for f in fields(cls) if f.name in d})
