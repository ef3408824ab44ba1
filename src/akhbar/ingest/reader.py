"""The ingest stage's driver: files in, RawDoc (or IngestError) out, one item at a time."""

from __future__ import annotations

import os
import re
import zlib
from dataclasses import replace
from typing import Callable, Iterable, Iterator

from ..options import Options
from ..records import IngestError, RawDoc
from .decode import DecodeError
from .feeds import read_feed
from .jsonl import read_json, read_jsonl
from .limits import InputError, describe_os_error, open_input
from .text import read_document
from .walk import iter_files
from .warc import read_warc

__all__ = ["read_items", "read_file"]

Item = RawDoc | IngestError


def _text(stream, path, info, options):
    return read_document(stream, path, info, options, "text")


def _html(stream, path, info, options):
    return read_document(stream, path, info, options, "html")


_READERS: dict[str, Callable[..., Iterator[Item]]] = {
    "text": _text,
    "html": _html,
    "json": read_json,
    "jsonl": read_jsonl,
    "xml": read_feed,
    "feed": read_feed,
    "warc": read_warc,
}


# Containers read record by record: their size is bounded by the per-record limits and the
# decompression ratio, not by max_file_bytes (a CC-NEWS WARC is ~1 GB compressed).
STREAMED_KINDS = frozenset({"jsonl", "warc"})


# Lone surrogates: a file name that is not valid UTF-8 comes from the OS with each bad byte as
# U+DC80..U+DCFF (surrogateescape), and a JSON string may escape half a pair ("\ud800"). No
# UTF-8 encoder accepts them (the content hash, SQLite, stdout), so none may leave ingest.
_SURROGATE = re.compile("[\ud800-\udfff]")


def _escaped_byte(m: re.Match[str]) -> str:
    c = ord(m.group())
    return f"\\x{c - 0xDC00:02x}" if 0xDC80 <= c <= 0xDCFF else "\ufffd"


def _name(text: str) -> str:
    """A path or a message about one, printable: an undecodable file-name byte as ``\\xNN``."""
    return _SURROGATE.sub(_escaped_byte, text) if _SURROGATE.search(text) else text


def _chars(text: str | None) -> str | None:
    """Text with each lone surrogate (no character at all) replaced by U+FFFD."""
    return _SURROGATE.sub("\ufffd", text) if text and _SURROGATE.search(text) else text


def storable(item: Item) -> Item:
    """``item`` with every string encodable as UTF-8 (see ``_SURROGATE``)."""
    if isinstance(item, IngestError):
        if _SURROGATE.search(item.path) or _SURROGATE.search(item.error):
            return IngestError(_name(item.path), _name(item.error))
        return item
    fields = (item.source, item.path, item.content, item.title, item.url, item.publisher, item.author)
    if not any(f and _SURROGATE.search(f) for f in fields):
        return item
    return replace(item, source=_name(item.source), path=_name(item.path), content=_chars(item.content),
                   title=_chars(item.title), url=_chars(item.url), publisher=_chars(item.publisher),
                   author=_chars(item.author))


def read_file(path: str, kind: str, options: Options) -> Iterator[Item]:
    """The items of one file read as ``kind`` (see :data:`akhbar.ingest.walk.KINDS`).

    Bad input never raises: it ends as an IngestError naming the file (or the record) and the
    reason, after the items read before the problem.
    """
    read = _READERS[kind]
    count = 0
    try:
        with open_input(path, options, streamed=kind in STREAMED_KINDS) as (stream, info):
            for item in read(stream, path, info, options):
                count += 1
                yield storable(item)
    except (InputError, DecodeError) as exc:
        reason = str(exc)
    except FileNotFoundError:
        reason = "no such file or directory (deleted or moved before it could be read)"
    except OSError as exc:  # includes gzip.BadGzipFile
        reason = describe_os_error(exc)
    except (EOFError, zlib.error) as exc:
        reason = f"corrupt or truncated data: {exc}"
    else:
        return
    if count:
        reason += f" (after {count} item{'s' if count > 1 else ''} read from this file)"
    yield storable(IngestError(path, reason))


def read_items(paths: Iterable[str | os.PathLike], options: Options) -> Iterator[Item]:
    """Stream the articles found under ``paths`` (files and folders, walked recursively).

    Yields a :class:`RawDoc` per article and an :class:`IngestError` per item that could not be
    read (``path`` is the file, or ``FILE#N`` for the N-th record of a container); never raises
    for bad input. Memory does not grow with the number of files or records.
    """
    for entry in iter_files(paths):
        if isinstance(entry, IngestError):
            yield storable(entry)
        else:
            yield from read_file(entry[0], entry[1], options)
