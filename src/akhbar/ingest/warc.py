"""WARC and ARC web archives (e.g. Common Crawl CC-NEWS): one RawDoc per HTML page.

Compressed archives are decompressed by :func:`~akhbar.ingest.limits.open_input` (bounded,
so a bomb is refused) and warcio reads the plain records. Kept: ``response`` records with a 2xx
HTTP status and an HTML (or plain text) payload, and ``resource``/``conversion`` records with
an HTML or plain text content type; everything else (requests, metadata, revisits, images,
redirects ...) is skipped silently. Record N is the archive's N-th record, whatever its type.

warcio stops quietly at a cut-off archive, so completeness is checked here: a record whose
block is shorter than its ``Content-Length``, or bytes left after the last complete record,
give an IngestError after the good records.
"""

from __future__ import annotations

import zlib
from typing import BinaryIO, Iterator

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from ..options import Options
from ..records import IngestError, RawDoc
from .decode import DecodeError, decode_bytes, declared_charset
from .limits import BUFFER_SIZE, InputInfo, ShortReads, read_bounded
from .meta import too_long

__all__ = ["read_warc"]

_HTML_TYPES = ("text/html", "application/xhtml+xml", "application/xml+xhtml")
_TEXT_TYPES = ("text/plain",)


def _media_type(value: str | None) -> tuple[str, str | None]:
    """(media type, charset) of a Content-Type header value."""
    if not value:
        return "", None
    parts = value.split(";")
    charset = None
    for p in parts[1:]:
        k, _, v = p.partition("=")
        if k.strip().lower() == "charset":
            charset = v.strip().strip("\"'") or None
    return parts[0].strip().lower(), charset


def _sniff_html(payload: bytes) -> bool:
    head = payload[:1024].lstrip().lower()
    return head.startswith((b"<!doctype html", b"<html")) or b"<html" in head


def _kind(record) -> tuple[str, str | None] | None:
    """("html"|"text", declared charset) for a record to keep, None to skip it."""
    rtype = record.rec_type
    if rtype == "response":
        http = record.http_headers
        if http is None:
            return None
        try:
            status = int(http.get_statuscode() or 0)
        except ValueError:
            return None
        if not 200 <= status < 300:
            return None
        media, charset = _media_type(http.get_header("Content-Type"))
    elif rtype in ("resource", "conversion"):
        media, charset = _media_type(record.content_type)
    else:
        return None
    if media in _HTML_TYPES:
        return "html", charset
    if media in _TEXT_TYPES:
        return "text", charset
    if media == "":
        return "sniff", charset
    return None


def _drain(record) -> bool:
    """Read what is left of the record's block; False when the block was cut short."""
    raw = record.raw_stream
    while raw.read(BUFFER_SIZE):
        pass
    return getattr(raw, "limit", 0) <= 0


def read_warc(stream: BinaryIO, path: str, info: InputInfo, options: Options) -> Iterator[RawDoc | IngestError]:
    reader = ShortReads(stream)  # counts what warcio reads; keeps records before a gzip cut
    records = ArchiveIterator(reader, arc2warc=True)
    # A payload decodes to at least a quarter of its bytes in characters: anything larger
    # cannot fit max_article_chars, so it is refused before it is read whole.
    payload_limit = min(4 * options.max_article_chars + 4, options.max_decompressed_bytes)
    n = 0
    while True:
        try:
            record = next(records)
        except StopIteration:
            break
        except (ArchiveLoadFailed, AttributeError, ValueError, TypeError) as exc:
            # warcio raises AttributeError/ValueError/TypeError too on some cut-off headers
            msg = " ".join(str(exc).split())[:200]
            yield IngestError(f"{path}#{n + 1}", f"corrupt or truncated WARC after record {n}: "
                                                 f"{type(exc).__name__}: {msg}; the rest of the file was not read")
            return
        n += 1
        where = f"{path}#{n}"
        length = record.rec_headers.get_header("Content-Length")
        if record.rec_type is None or not (length and length.strip().isdigit()):
            # WARC-Type and Content-Length are mandatory: the headers were cut off or are broken
            yield IngestError(where, f"truncated or corrupt WARC: record {n} has no WARC-Type or "
                                     "Content-Length; the rest of the file was not read")
            return
        kind = _kind(record)
        if kind is not None:
            yield from _payload_doc(record, kind, path, where, n, payload_limit, options)
        if not _drain(record):
            yield IngestError(where, f"truncated WARC: record {n} ends before its Content-Length; "
                                     "the rest of the file was not read")
            return
    total = reader.tell()
    if n == 0 and total == 0:
        yield IngestError(path, "empty file")
    elif total > records.offset:
        yield IngestError(f"{path}#{n + 1}", f"truncated or corrupt WARC: {total - records.offset} bytes "
                                             f"after record {n} are not a complete record")


def _payload_doc(record, kind: tuple[str, str | None], path: str, where: str, n: int, limit: int,
                 options: Options) -> Iterator[RawDoc | IngestError]:
    uri = record.rec_headers.get_header("WARC-Target-URI") or None
    about = f"WARC record {n}" + (f" ({uri})" if uri else "")
    try:
        payload, complete = read_bounded(record.content_stream(), limit)
    except (ValueError, EOFError, zlib.error) as exc:  # broken chunked or content encoding
        yield IngestError(where, f"{about}: unreadable payload: {exc}")
        return
    fmt, charset = kind
    if not complete:
        yield IngestError(where, f"{about}: payload larger than {limit} bytes (article too long for "
                                 f"max_article_chars {options.max_article_chars})")
        return
    if fmt == "sniff":
        if not _sniff_html(payload):
            return  # no content type and not HTML: not an article
        fmt = "html"
    declared = charset or (declared_charset(payload[:16384]) if fmt == "html" else None)
    try:
        text, encoding = decode_bytes(payload, declared)
    except DecodeError as exc:
        reason = "empty payload" if str(exc) == "empty file" else str(exc)
        yield IngestError(where, f"{about}: {reason}")
        return
    error = too_long(text, where, options)
    if error:
        yield error
        return
    yield RawDoc(source=uri or where, path=path, content=text, format=fmt, url=uri, encoding=encoding)
