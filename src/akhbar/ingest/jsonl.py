"""JSON Lines and JSON files of article records, streamed.

``.jsonl``/``.ndjson``: one object per line. Record N is line N (blank lines are empty slots),
so ``PATH#N`` points at the line; a broken line is that record's IngestError and the
following lines are still read.

``.json``: one object, an array of objects, an object wrapping the array (``{"articles":
[...]}``, also ``items``/``entries``/``data``/...), or several such values one after another.
Arrays are streamed element by element with ``json.JSONDecoder.raw_decode`` over a buffer
that holds about one record, so a large array never sits in memory whole. Record N is the
N-th record of the file. After a syntax error the rest of the file cannot be trusted: the
error is reported and reading that file stops.
"""

from __future__ import annotations

import codecs
import io
import json
from typing import Any, BinaryIO, Iterator

from ..options import Options
from ..records import IngestError, RawDoc
from .decode import DecodeError, decode_bytes, sniff_encoding
from .limits import BUFFER_SIZE, InputInfo, LimitExceeded
from .meta import record_to_doc

__all__ = ["read_jsonl", "read_json"]

_WRAPPER_KEYS = frozenset({"articles", "items", "entries", "data", "documents", "records",
                           "results", "posts", "news", "stories"})
_decoder = json.JSONDecoder()


def _max_record_chars(options: Options) -> int:
    # JSON may escape every character as \uXXXX (6 bytes, 12 for a surrogate pair), plus
    # room for the other fields. A bound on characters for .json, on bytes for .jsonl lines.
    return 6 * options.max_article_chars + 65536


def _head(stream: BinaryIO) -> bytes:
    return stream.peek(BUFFER_SIZE)[:BUFFER_SIZE]


def _sniff(stream: BinaryIO, info: InputInfo) -> str:
    head = _head(stream)
    complete = not info.compressed and len(head) >= info.size
    return sniff_encoding(head, complete)


def _text_stream(stream: BinaryIO, info: InputInfo) -> tuple[io.TextIOWrapper, str]:
    """The stream decoded (strictly) with the encoding sniffed from its first bytes."""
    encoding = _sniff(stream, info)
    text = io.TextIOWrapper(stream, encoding=encoding, errors="strict", newline="\n")
    return text, encoding.replace("-sig", "")


_TOO_LONG = object()
_UNDECODABLE = object()


def _byte_lines(stream: BinaryIO, codec: str, limit: int, guess_legacy: bool) -> Iterator[tuple[Any, str]]:
    """(line, encoding) for the lines of an ASCII-compatible encoding, each decoded on its own,
    so a bad line spoils only itself. ``line`` is a str, or _TOO_LONG / _UNDECODABLE.

    ``guess_legacy``: the first block was pure ASCII, so "UTF-8" was a default, not a finding;
    a line that is not UTF-8 is then decoded by :func:`decode_bytes` when that finds a
    plausible code page. (After real UTF-8 text, stray bytes are damage, and reported.)
    """
    bom = codecs.BOM_UTF8 if codec == "utf-8-sig" else b""
    codec = "utf-8" if bom else codec
    while True:
        raw = stream.readline(limit)
        if not raw:
            return
        if bom:
            raw = raw.removeprefix(bom)
            bom = b""
        if len(raw) >= limit and not raw.endswith(b"\n"):
            while True:  # skip the rest of an overlong line without holding it
                rest = stream.readline(limit)
                if not rest or rest.endswith(b"\n"):
                    break
            yield _TOO_LONG, codec
            continue
        try:
            yield raw.decode(codec), codec
        except UnicodeDecodeError:
            if not guess_legacy:
                yield _UNDECODABLE, codec
                continue
            try:
                yield decode_bytes(raw)
            except DecodeError:
                yield _UNDECODABLE, codec


def _text_lines(text: io.TextIOWrapper, limit: int, encoding: str) -> Iterator[tuple[Any, str]]:
    """(line, encoding) for the lines of a UTF-16/32 stream (undecodable units become U+FFFD)."""
    while True:
        line = text.readline(limit)
        if not line:
            return
        if len(line) >= limit and not line.endswith("\n"):
            while True:
                rest = text.readline(limit)
                if not rest or rest.endswith("\n"):
                    break
            yield _TOO_LONG, encoding
            continue
        yield line, encoding


def _type_name(value: Any) -> str:
    return {dict: "object", list: "array", str: "string", bool: "boolean", type(None): "null"}.get(
        type(value), "number")


def read_jsonl(stream: BinaryIO, path: str, info: InputInfo, options: Options) -> Iterator[RawDoc | IngestError]:
    codec = _sniff(stream, info)
    guess_legacy = codec == "utf-8" and _head(stream).isascii()
    encoding = codec.replace("-sig", "")
    limit = _max_record_chars(options)
    text = None
    if codec.startswith(("utf-16", "utf-32")):
        text = io.TextIOWrapper(stream, encoding=codec, errors="replace", newline="\n")
        lines = _text_lines(text, limit, encoding)
    else:
        lines = _byte_lines(stream, codec, limit, guess_legacy)
    n = 0
    seen = False
    try:
        for line, line_encoding in lines:
            n += 1
            where = f"{path}#{n}"
            if line is _TOO_LONG:
                seen = True
                yield IngestError(where, f"record too long: line {n} is over {limit} bytes")
                continue
            if line is _UNDECODABLE:
                seen = True
                yield IngestError(where, f"undecodable bytes at line {n} (not {encoding})")
                continue
            s = line.strip()
            if not s:
                continue
            seen = True
            try:
                obj = json.loads(s)
            except json.JSONDecodeError as exc:
                yield IngestError(where, f"invalid JSON at line {n}: {exc.msg} (column {exc.colno})")
                continue
            if not isinstance(obj, dict):
                yield IngestError(where, f"invalid record at line {n}: a JSON {_type_name(obj)}, "
                                         "not an object")
                continue
            yield record_to_doc(obj, path, n, line_encoding.replace("-sig", ""), options)
        if not seen:  # nothing but blank lines
            yield IngestError(path, "empty file")
    finally:
        if text is not None:
            text.detach()  # the caller owns and closes the binary stream


class _JsonError(Exception):
    pass


class _Scanner:
    """Incremental reading of JSON values from a text stream, with line numbers for errors."""

    def __init__(self, text: io.TextIOBase, max_value: int) -> None:
        self.text = text
        self.buf = ""
        self.pos = 0
        self.eof = False
        self.line_base = 1  # line number of buf[0]
        self.max_value = max_value

    def _fill(self, want: int = BUFFER_SIZE) -> bool:
        if self.eof:
            return False
        if self.pos:
            self.line_base += self.buf.count("\n", 0, self.pos)
            self.buf = self.buf[self.pos :]
            self.pos = 0
        chunk = self.text.read(max(want, BUFFER_SIZE))
        if not chunk:
            self.eof = True
            return False
        self.buf += chunk
        return True

    def where(self, pos: int | None = None) -> str:
        pos = self.pos if pos is None else pos
        line = self.line_base + self.buf.count("\n", 0, pos)
        col = pos - (self.buf.rfind("\n", 0, pos) + 1) + 1
        return f"line {line} column {col}"

    def peek(self) -> str:
        """The next non-space character ("" at the end), not consumed."""
        while True:
            while self.pos < len(self.buf) and self.buf[self.pos] in " \t\r\n\ufeff":
                self.pos += 1
            if self.pos < len(self.buf):
                return self.buf[self.pos]
            if not self._fill():
                return ""

    def take(self, expected: str) -> None:
        c = self.peek()
        if c != expected:
            found = repr(c) if c else "the end of the file"
            raise _JsonError(f"invalid JSON at {self.where()}: expected {expected!r}, found {found}")
        self.pos += 1

    def value(self) -> Any:
        self.peek()
        last_error: tuple[int, str] | None = None  # not the exception: it holds the whole buffer
        while True:
            try:
                obj, end = _decoder.raw_decode(self.buf, self.pos)
                if end < len(self.buf) or self.eof:
                    self.pos = end
                    return obj
                # a value ending exactly at the buffer's end may go on (a number): read more
            except json.JSONDecodeError as exc:
                if self.eof:
                    raise _JsonError(f"invalid JSON at {self.where(exc.pos)}: {exc.msg}") from None
                last_error = (exc.pos, exc.msg)
            if len(self.buf) - self.pos > self.max_value:
                if last_error is not None:
                    raise _JsonError(f"record too long or invalid JSON: no complete value within "
                                     f"{self.max_value} characters of {self.where(last_error[0])} "
                                     f"({last_error[1]})")
                raise LimitExceeded(f"record too long: a JSON value at {self.where()} is over "
                                    f"{self.max_value} characters")
            # grow geometrically, so a long value is parsed again only O(log n) times
            self._fill(len(self.buf) - self.pos)


def _records(sc: _Scanner) -> Iterator[Any]:
    """The records of a JSON file, in order."""
    while True:
        c = sc.peek()
        if c == "":
            return
        if c == "[":
            yield from _array(sc)
        elif c == "{":
            yield from _object(sc)
        else:
            raise _JsonError(f"invalid JSON at {sc.where()}: expected an object or an array of objects")


def _array(sc: _Scanner) -> Iterator[Any]:
    sc.take("[")
    if sc.peek() == "]":
        sc.pos += 1
        return
    while True:
        yield sc.value()
        if sc.peek() == "]":
            sc.pos += 1
            return
        sc.take(",")


def _object(sc: _Scanner) -> Iterator[Any]:
    """A top-level object: a record, or a wrapper whose array under a known key is streamed."""
    sc.take("{")
    obj: dict[str, Any] = {}
    wrapper = False
    if sc.peek() == "}":
        sc.pos += 1
    else:
        while True:
            if sc.peek() != '"':
                raise _JsonError(f"invalid JSON at {sc.where()}: expected a property name")
            key = sc.value()
            sc.take(":")
            if key.lower() in _WRAPPER_KEYS and sc.peek() == "[":
                wrapper = True
                yield from _array(sc)
            else:
                obj[key] = sc.value()
            if sc.peek() == "}":
                sc.pos += 1
                break
            sc.take(",")
    if not wrapper:
        yield obj


def read_json(stream: BinaryIO, path: str, info: InputInfo, options: Options) -> Iterator[RawDoc | IngestError]:
    text, encoding = _text_stream(stream, info)
    sc = _Scanner(text, _max_record_chars(options))
    n = 0
    try:
        if sc.peek() == "":
            yield IngestError(path, "empty file")
            return
        for obj in _records(sc):
            n += 1
            where = f"{path}#{n}"
            if not isinstance(obj, dict):
                yield IngestError(where, f"invalid record: a JSON {_type_name(obj)}, not an object")
                continue
            yield record_to_doc(obj, path, n, encoding, options)
    except _JsonError as exc:
        yield IngestError(f"{path}#{n + 1}", f"{exc}; the rest of the file was not read")
    except UnicodeDecodeError as exc:
        yield IngestError(f"{path}#{n + 1}", f"undecodable bytes (not {encoding}): {exc.reason}; "
                                             "the rest of the file was not read")
    finally:
        text.detach()
