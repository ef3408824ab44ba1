"""One article per file: plain text (``.txt``) and web pages (``.html``/``.htm``)."""

from __future__ import annotations

from typing import BinaryIO, Iterator

from ..options import Options
from ..records import IngestError, RawDoc
from .decode import decode_bytes, declared_charset
from .limits import InputInfo, LimitExceeded, read_bounded
from .meta import too_long


def read_document(stream: BinaryIO, path: str, info: InputInfo, options: Options,
                  fmt: str) -> Iterator[RawDoc | IngestError]:
    """Read a whole file as one article of format ``fmt`` ("text" or "html")."""
    # No encoding needs more than 4 bytes per character: more bytes than that cannot fit.
    limit = 4 * options.max_article_chars + 4
    data, complete = read_bounded(stream, limit)
    if not complete:
        raise LimitExceeded(f"article too long: more than {limit} bytes, so more than "
                            f"max_article_chars {options.max_article_chars} characters")
    declared = declared_charset(data[:16384]) if fmt == "html" else None
    text, encoding = decode_bytes(data, declared)
    error = too_long(text, path, options)
    if error:
        yield error
        return
    yield RawDoc(source=path, path=path, content=text, format=fmt, encoding=encoding)
