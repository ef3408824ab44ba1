"""Finding the input files: explicit paths and lazy, deterministic directory walks.

Directories are listed one at a time with ``os.scandir`` (entries sorted by name, so runs are
reproducible), depth first; hidden entries (names starting with ".") are skipped; a directory
reached twice (symlink loops, the same folder given twice) is walked once, by its
``(st_dev, st_ino)``. Files whose type Akhbar does not read are skipped in a walk and reported
when named explicitly.
"""

from __future__ import annotations

import os
import stat
from typing import Iterable, Iterator

from ..records import IngestError
from .limits import describe_os_error

__all__ = ["kind_of", "iter_files", "KINDS"]

# extension -> kind of reader
KINDS: dict[str, str] = {
    "txt": "text", "text": "text",
    "html": "html", "htm": "html", "xhtml": "html",
    "json": "json",
    "jsonl": "jsonl", "ndjson": "jsonl",
    "xml": "xml", "rss": "feed", "atom": "feed",
    "warc": "warc", "arc": "warc",
}


def kind_of(path: str) -> str | None:
    """The reader kind for a file name (``x.jsonl.gz`` -> ``jsonl``), or None if unsupported."""
    name = os.path.basename(path).lower()
    if name.endswith(".gz"):
        name = name[:-3]
    stem, dot, ext = name.rpartition(".")
    if not dot or not stem:
        return None
    return KINDS.get(ext)


def _list_dir(path: str) -> list[os.DirEntry]:
    with os.scandir(path) as it:
        return sorted((e for e in it if not e.name.startswith(".")), key=lambda e: e.name)


def _walk(root: str, root_stat: os.stat_result, visited: set[tuple[int, int]]) -> Iterator[tuple[str, str] | IngestError]:
    key = (root_stat.st_dev, root_stat.st_ino)
    if key in visited:
        return
    visited.add(key)
    try:
        entries = _list_dir(root)
    except OSError as exc:
        yield IngestError(root, f"cannot list directory: {describe_os_error(exc)}")
        return
    stack: list[Iterator[os.DirEntry]] = [iter(entries)]
    while stack:
        entry = next(stack[-1], None)
        if entry is None:
            stack.pop()
            continue
        path = entry.path
        try:
            is_dir = entry.is_dir()  # follows symlinks
        except OSError:
            is_dir = False
        if is_dir:
            try:
                st = entry.stat()
            except OSError as exc:
                yield IngestError(path, describe_os_error(exc))
                continue
            key = (st.st_dev, st.st_ino)
            if key in visited:
                continue
            visited.add(key)
            try:
                stack.append(iter(_list_dir(path)))
            except OSError as exc:
                yield IngestError(path, f"cannot list directory: {describe_os_error(exc)}")
            continue
        kind = kind_of(entry.name)
        if kind is None:
            continue  # not an article file (images, PDFs, notes ...)
        try:
            st = entry.stat()  # follows symlinks
        except FileNotFoundError:
            # a dangling link, or a file deleted since its folder was listed
            yield IngestError(path, "broken symbolic link" if entry.is_symlink()
                              else "no such file or directory (deleted since its folder was listed)")
            continue
        except OSError as exc:
            yield IngestError(path, describe_os_error(exc))
            continue
        if not stat.S_ISREG(st.st_mode):
            yield IngestError(path, "not a regular file (FIFO, device or socket)")
            continue
        yield path, kind


def iter_files(paths: Iterable[str | os.PathLike]) -> Iterator[tuple[str, str] | IngestError]:
    """``(path, kind)`` for every file to read under ``paths``, or an IngestError, lazily."""
    if isinstance(paths, (str, bytes, os.PathLike)):
        paths = [paths]  # one path, not an iterable of characters
    visited: set[tuple[int, int]] = set()
    for given in paths:
        path = os.fsdecode(os.fspath(given))
        try:
            st = os.stat(path)
        except OSError as exc:
            yield IngestError(path, describe_os_error(exc))
            continue
        except ValueError as exc:  # e.g. an embedded NUL character in the path
            yield IngestError(path, f"invalid path: {exc}")
            continue
        if stat.S_ISDIR(st.st_mode):
            yield from _walk(path, st, visited)
        elif not stat.S_ISREG(st.st_mode):
            yield IngestError(path, "not a regular file (FIFO, device or socket)")
        else:
            kind = kind_of(path)
            if kind is None:
                yield IngestError(path, "unsupported file type (expected .txt, .html, .json, .jsonl, "
                                        ".xml/.rss/.atom, .warc, optionally .gz)")
            else:
                yield path, kind
