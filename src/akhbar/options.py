"""The one options object every stage takes (trafilatura's ``Extractor`` style).

Options are checked when the object is built: a bad value raises ``ValueError`` naming the
option and what is allowed, so a mistake never travels into a long run.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from typing import Any

# ISO 639-1 codes lingua can detect that Akhbar offers by default. Persian, Arabic and Urdu are
# all here so that each is told apart from the others, not forced into the nearest one.
DEFAULT_LANGUAGES: tuple[str, ...] = (
    "fa", "ar", "ur", "ru", "uk", "en", "tr", "fr", "de", "es", "he",
)

MiB = 1024 * 1024


@dataclass(frozen=True)
class Options:
    """Settings for a run.

    languages: ISO 639-1 codes that language identification may answer with.
    workers: processes for the per-article stages (0 or 1: run in this process).
    max_file_bytes: a file larger than this is refused (reported, not read).
    max_article_chars: an article longer than this is refused.
    max_decompression_ratio: a compressed file expanding more than this is refused (gzip bombs).
    max_decompressed_bytes: a hard ceiling on what one compressed file may expand to.
    max_html_depth: HTML nested deeper than this is refused before parsing.
    min_paragraph_chars_for_langid: shorter paragraphs inherit the article's language.
    kb_files: the user's own knowledge-base files (JSONL, the format of data/kb/README.md),
        loaded on top of the shipped base.
    """

    languages: tuple[str, ...] = DEFAULT_LANGUAGES
    workers: int = field(default_factory=lambda: os.cpu_count() or 1)
    max_file_bytes: int = 512 * MiB
    max_article_chars: int = 2_000_000
    max_decompression_ratio: float = 100.0
    max_decompressed_bytes: int = 1024 * MiB
    max_html_depth: int = 500
    min_paragraph_chars_for_langid: int = 20
    kb_files: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        from .langid import SUPPORTED_LANGUAGES  # local: options must not import stages at load

        if isinstance(self.languages, str):
            object.__setattr__(self, "languages", tuple(c.strip() for c in self.languages.split(",") if c.strip()))
        if not self.languages:
            raise ValueError("languages: give at least one ISO 639-1 code")
        unknown = [c for c in self.languages if c not in SUPPORTED_LANGUAGES]
        if unknown:
            raise ValueError(f"languages: unsupported code(s) {', '.join(unknown)}; "
                             f"supported: {', '.join(sorted(SUPPORTED_LANGUAGES))}")
        if len(set(self.languages)) < 2:
            # lingua needs at least two candidates; one language means "everything is that"
            pass
        for name in ("max_file_bytes", "max_article_chars", "max_decompressed_bytes", "max_html_depth"):
            v = getattr(self, name)
            if not isinstance(v, int) or v <= 0:
                raise ValueError(f"{name} must be a positive integer, not {v!r}")
        if not isinstance(self.workers, int) or self.workers < 0:
            raise ValueError(f"workers must be an integer >= 0, not {self.workers!r}")
        if not self.max_decompression_ratio >= 1:
            raise ValueError(f"max_decompression_ratio must be >= 1, not {self.max_decompression_ratio!r}")
        if isinstance(self.kb_files, (str, os.PathLike)):
            object.__setattr__(self, "kb_files", (str(self.kb_files),))
        object.__setattr__(self, "kb_files", tuple(str(f) for f in self.kb_files))
        if self.min_paragraph_chars_for_langid < 0:
            raise ValueError("min_paragraph_chars_for_langid must be >= 0")

    def with_(self, **changes: Any) -> "Options":
        return replace(self, **changes)


@dataclass(frozen=True)
class LinkOptions:
    """Settings for linking articles into events and stories.

    window_days: an article joins only events whose first day is at most this many days before
        its own (an event spans at most one window; longer happenings continue as stories).
    frequency_days: the words and names of an article are weighed by the document frequencies
        of this many days before its day (its own day left out, so a day's weights are fixed
        before it begins), and of the article's own day too while those days hold fewer than
        frequency_min_articles articles (a young archive).
    copy_threshold: estimated Jaccard similarity of word shingles at which an article is a copy.
    copy_window_days: how far back copies are looked for.
    story_threshold: similarity at which a new event continues an existing story.
    story_window_days: a story idle for longer is closed.
    candidates: events fully scored per article (the best by a cheap pre-score).
    retrieval_entities: the article's rarest entities used to find candidate events.
    model_file: a link model (JSON, the format of data/link/model.json) instead of the shipped one.
    """

    window_days: int = 7
    frequency_days: int = 14
    frequency_min_articles: int = 2000
    copy_threshold: float = 0.6
    copy_window_days: int = 14
    story_threshold: float = 0.3
    story_window_days: int = 730
    candidates: int = 12
    retrieval_entities: int = 5
    model_file: str | None = None

    def __post_init__(self) -> None:
        for name in ("window_days", "frequency_days", "copy_window_days", "story_window_days", "candidates", "retrieval_entities"):
            v = getattr(self, name)
            if not isinstance(v, int) or v <= 0:
                raise ValueError(f"{name} must be a positive integer, not {v!r}")
        if not isinstance(self.frequency_min_articles, int) or self.frequency_min_articles < 0:
            raise ValueError(f"frequency_min_articles must be an integer >= 0, not {self.frequency_min_articles!r}")
        for name in ("copy_threshold", "story_threshold"):
            v = getattr(self, name)
            if not isinstance(v, (int, float)) or not 0.0 < v <= 1.0:
                raise ValueError(f"{name} must be a number in (0, 1], not {v!r}")

    def with_(self, **changes: Any) -> "LinkOptions":
        return replace(self, **changes)
