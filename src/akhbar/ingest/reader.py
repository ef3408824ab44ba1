"""The ingest stage's driver: files in, RawDoc (or IngestError) out, one item at a time."""

from __future__ import annotations

import os
import zlib
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
                yield item
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
    yield IngestError(path, reason)


def read_items(paths: Iterable[str | os.PathLike], options: Options) -> Iterator[Item]:
    """Stream the articles found under ``paths`` (files and folders, walked recursively).

    Yields a :class:`RawDoc` per article and an :class:`IngestError` per item that could not be
    read (``path`` is the file, or ``FILE#N`` for the N-th record of a container); never raises
    for bad input. Memory does not grow with the number of files or records.
    """
    for entry in iter_files(paths):
        if isinstance(entry, IngestError):
            yield entry
        else:
            yield from read_file(entry[0], entry[1], options)
