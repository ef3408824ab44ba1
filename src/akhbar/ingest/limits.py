"""Opening input files safely: size limits, bounded gzip decompression, readable error reasons.

``open_input`` opens a regular file (never blocking on a FIFO), refuses it when it is larger
than ``Options.max_file_bytes``, and, when its bytes start with the gzip signature (whatever its
name), returns a stream that decompresses on the fly and stops with :class:`LimitExceeded` as
soon as the output passes ``max_decompression_ratio`` times the compressed size or
``max_decompressed_bytes``: a gzip bomb costs a bounded amount of work and memory.
"""

from __future__ import annotations

import errno
import gzip
import io
import os
import stat
import zlib
from contextlib import contextmanager
from dataclasses import dataclass
from typing import BinaryIO, Iterator

from ..options import Options

__all__ = ["InputError", "LimitExceeded", "TruncatedInput", "InputInfo", "open_input",
           "read_bounded", "describe_os_error", "ShortReads", "BUFFER_SIZE"]

BUFFER_SIZE = 64 * 1024
_GZIP_MAGIC = b"\x1f\x8b"


class InputError(Exception):
    """Bad input met while reading a file; the message is the reason shown to people."""


class LimitExceeded(InputError):
    """A size limit from :class:`~akhbar.options.Options` was passed."""


class TruncatedInput(InputError):
    """The input ends in the middle of a structure (gzip member, WARC record, ...)."""


@dataclass(frozen=True)
class InputInfo:
    size: int  # bytes on disk
    compressed: bool  # gzip data, decompressed on the fly
    limit: int  # how many (decompressed) bytes the stream may deliver


def describe_os_error(exc: OSError) -> str:
    """A short reason for an OS error, for the run report."""
    if isinstance(exc, FileNotFoundError):
        return "no such file or directory"
    if isinstance(exc, PermissionError):
        return "permission denied"
    if isinstance(exc, IsADirectoryError):
        return "is a directory, not a file"
    if isinstance(exc, NotADirectoryError):
        return "not a directory (a path component is a file)"
    if exc.errno == errno.ELOOP:
        return "too many levels of symbolic links (symlink loop)"
    if isinstance(exc, gzip.BadGzipFile):
        return f"corrupt gzip data: {exc}"
    reason = exc.strerror or str(exc) or type(exc).__name__
    return reason[0].lower() + reason[1:] if reason else "input/output error"


class _BoundedGzip(io.RawIOBase):
    """Decompresses a gzip stream (all members), refusing to deliver more than ``limit`` bytes."""

    def __init__(self, fileobj: BinaryIO, limit: int, why: str) -> None:
        self._gz = gzip.GzipFile(fileobj=fileobj, mode="rb")
        self._limit = limit
        self._why = why
        self._total = 0

    def readable(self) -> bool:
        return True

    def tell(self) -> int:
        return self._total

    def readinto(self, buffer) -> int:  # type: ignore[override]
        want = min(len(buffer), self._limit + 1 - self._total)
        try:
            data = self._gz.read1(max(want, 1))  # read1: data before an error is not dropped
        except EOFError:
            raise TruncatedInput("truncated gzip data (the file ends before the end of its "
                                 "compressed stream)") from None
        except (gzip.BadGzipFile, zlib.error) as exc:
            raise InputError(f"corrupt gzip data: {exc}") from None
        self._total += len(data)
        if self._total > self._limit:
            raise LimitExceeded(f"decompressed data larger than {self._limit} bytes ({self._why}); "
                                "refused as a possible gzip bomb")
        buffer[: len(data)] = data
        return len(data)

    def close(self) -> None:
        try:
            self._gz.close()
        finally:
            super().close()


def _decompression_limit(compressed_size: int, options: Options, streamed: bool = False) -> tuple[int, str]:
    by_ratio = int(options.max_decompression_ratio * max(compressed_size, 1))
    if streamed or by_ratio <= options.max_decompressed_bytes:
        return by_ratio, f"max_decompression_ratio {options.max_decompression_ratio:g} x {compressed_size} " \
                         "compressed bytes"
    return options.max_decompressed_bytes, "max_decompressed_bytes"


@contextmanager
def open_input(path: str, options: Options, streamed: bool = False) -> Iterator[tuple[BinaryIO, InputInfo]]:
    """Open ``path`` for reading as a buffered binary stream, checked and bounded.

    ``streamed`` containers (JSONL, WARC), read one record at a time, are exempt from
    ``max_file_bytes`` and ``max_decompressed_bytes``; the decompression ratio still applies.

    Raises OSError (missing, unreadable ...) or :class:`InputError` (not a regular file,
    too large); reading the stream may raise :class:`InputError` (gzip limits, truncation).
    """
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise InputError("is a directory, not a file" if stat.S_ISDIR(st.st_mode)
                             else "not a regular file (FIFO, device or socket)")
        if not streamed and st.st_size > options.max_file_bytes:
            raise LimitExceeded(f"file too large: {st.st_size} bytes > max_file_bytes {options.max_file_bytes}")
        os.set_blocking(fd, True)
        raw = os.fdopen(fd, "rb", buffering=BUFFER_SIZE)
    except BaseException:
        os.close(fd)
        raise
    with raw:
        if raw.peek(2)[:2] == _GZIP_MAGIC:
            limit, why = _decompression_limit(st.st_size, options, streamed)
            stream = io.BufferedReader(_BoundedGzip(raw, limit, why), BUFFER_SIZE)
            with stream:
                yield stream, InputInfo(st.st_size, True, limit)
        else:
            yield raw, InputInfo(st.st_size, False, st.st_size)


class ShortReads(io.RawIOBase):
    """``read(n)`` as one ``read1(n)`` of a buffered stream: what was decompressed before an
    error (a truncated gzip) is delivered first, the error comes with the next read. Readers
    that keep what they got (feeds, WARC) use it; a plain ``BufferedReader.read(n)`` would
    drop the partial data with the error."""

    def __init__(self, stream: BinaryIO) -> None:
        self._stream = stream
        self.count = 0

    def readable(self) -> bool:
        return True

    def tell(self) -> int:
        return self.count

    def read(self, size: int = -1) -> bytes:
        data = self._stream.read1(size if size is not None and size >= 0 else BUFFER_SIZE)
        self.count += len(data)
        return data

    def readinto(self, buffer) -> int:  # type: ignore[override]
        data = self.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)


def read_bounded(stream: BinaryIO, limit: int) -> tuple[bytes, bool]:
    """Read up to ``limit`` bytes: ``(data, complete)``; ``complete`` is False when more remain."""
    chunks = []
    got = 0
    while got <= limit:
        chunk = stream.read(min(BUFFER_SIZE * 16, limit + 1 - got))
        if not chunk:
            break
        chunks.append(chunk)
        got += len(chunk)
    data = b"".join(chunks)
    if len(data) > limit:
        return data[:limit], False
    return data, True
