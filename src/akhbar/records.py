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
class Article:
    """One cleaned article. Stages after ``clean`` fill more fields with ``dataclasses.replace``.

    Added by clean: everything up to ``credits``.
    Added by langid: ``lang``, ``lang_confidence``, ``paragraph_langs``.
    Added by normalize: ``norm_title``, ``norm_body``.
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
        for k in ("norm_title", "norm_body"):
            d[k] = NormalizedText.from_dict(d[k]) if d.get(k) else None
        return cls(**{f.name: d[f.name] for f in fields(cls) if f.name in d})
