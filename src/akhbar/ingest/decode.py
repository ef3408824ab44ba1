"""Bytes to text: BOMs, UTF-8, UTF-16, legacy code pages (Windows-1256 first), binary refusal.

``decode_bytes`` is a pure function. Its order of evidence:

1. a BOM (UTF-8, UTF-16, UTF-32);
2. a known binary signature (PNG, PDF, ZIP, ELF, gzip ...) -> refused;
3. UTF-16 without BOM, when the zero bytes sit on one parity only and the decoded text is text;
4. NUL bytes or many control bytes -> refused as binary;
5. strict UTF-8 (valid UTF-8 with non-ASCII bytes is practically never a legacy text by chance,
   so it wins over a contradicting ``declared`` charset, as browsers do for pages re-saved as UTF-8);
6. the ``declared`` charset (HTTP header, ``<meta charset>``), if its decoding looks like text;
7. the legacy code pages Akhbar's languages were published in (Windows-1256 for Arabic and
   Persian, Windows-1251 and KOI8-R for Russian, Windows-1252 for Western text), each decoded
   and scored for plausibility: words written in one script, with the letter case of real
   words; the best plausible one wins;
8. charset-normalizer, with the same plausibility check (it fails on short texts by itself).

A decoding is *plausible* when its non-ASCII letters form real-looking words: Windows-1256
Arabic read as Windows-1252 gives words like ``ÇáÓáÇã`` (Latin words made almost only of
accented letters), read as Windows-1251 gives ``ЗбУбЗг`` (Cyrillic with random case), and
Windows-1251 Russian read as Windows-1256 gives words mixing Arabic and Latin letters.
"""

from __future__ import annotations

import codecs
import re
import unicodedata

__all__ = ["DecodeError", "decode_bytes", "sniff_encoding", "declared_charset", "codec_name"]


class DecodeError(ValueError):
    """The bytes are not text Akhbar can read; the message says why."""


_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16 LE: it starts with the same two bytes
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# (signature, offset, what it is). Only signatures that no text file starts with.
_MAGIC: tuple[tuple[bytes, int, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", 0, "PNG image"),
    (b"\xff\xd8\xff", 0, "JPEG image"),
    (b"GIF87a", 0, "GIF image"),
    (b"GIF89a", 0, "GIF image"),
    (b"II*\x00", 0, "TIFF image"),
    (b"MM\x00*", 0, "TIFF image"),
    (b"%PDF-", 0, "PDF document"),
    (b"PK\x03\x04", 0, "ZIP archive (or DOCX/XLSX/EPUB)"),
    (b"PK\x05\x06", 0, "ZIP archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", 0, "MS Office document"),
    (b"\x1f\x8b\x08", 0, "gzip data"),
    (b"BZh", 0, "bzip2 data"),  # checked further in _magic
    (b"\xfd7zXZ\x00", 0, "xz data"),
    (b"(\xb5/\xfd", 0, "zstd data"),
    (b"7z\xbc\xaf\x27\x1c", 0, "7-Zip archive"),
    (b"Rar!\x1a\x07", 0, "RAR archive"),
    (b"\x7fELF", 0, "ELF executable"),
    (b"\xca\xfe\xba\xbe", 0, "Java class or Mach-O binary"),
    (b"\x00asm", 0, "WebAssembly module"),
    (b"SQLite format 3\x00", 0, "SQLite database"),
    (b"ID3", 0, "MP3 audio"),  # checked further in _magic
    (b"OggS\x00", 0, "Ogg media"),
    (b"fLaC\x00", 0, "FLAC audio"),
    (b"\x1aE\xdf\xa3", 0, "Matroska/WebM video"),
    (b"ftyp", 4, "MP4/QuickTime media"),
    (b"WEBP", 8, "WebP image"),  # RIFF....WEBP
    (b"WAVE", 8, "WAV audio"),
    (b"AVI ", 8, "AVI video"),
)

_CONTROL_BYTES = bytes(range(0, 9)) + bytes(range(0x0E, 0x20)) + b"\x7f"
_WS_BYTES = b" \t\r\n\x0b\x0c"

# WHATWG: labels that browsers decode with a superset encoding.
_SUPERSETS = {"latin_1": "cp1252", "ascii": "cp1252", "iso8859_9": "cp1254", "iso8859_11": "cp874",
              "gb2312": "gb18030", "gbk": "gb18030"}

# The legacy code pages tried when the bytes are not UTF-8, in order of preference on a tie.
_LEGACY = ("cp1252", "cp1256", "cp1251", "koi8-r", "iso8859-6", "cp1254", "cp1250")
_PLAUSIBLE = 0.6  # share of non-ASCII letters in plausible words (scraped text glues some words)
_PLAUSIBLE_FALLBACK = 0.85  # stricter for charset-normalizer's wider choice
_FALLBACK_MIN_BYTES = 64
_SAMPLE_CHARS = 3000
_CLEAR, _CLEAR_LETTERS = 0.95, 300  # a decoding this plausible on this much text ends the search
_HOPELESS = 0.3

_META_CHARSET = re.compile(rb"""<meta\b[^>]{0,512}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:\-]{1,40})""", re.I)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml\b[^>]{0,200}?encoding\s*=\s*["']([A-Za-z0-9_.:\-]{1,40})["']""", re.I)


def declared_charset(head: bytes) -> str | None:
    """The charset a page declares for itself in its first bytes (``<meta charset>``,
    ``<meta http-equiv="Content-Type" content="...; charset=...">`` or an XML declaration)."""
    m = _XML_ENCODING.match(head) or _META_CHARSET.search(head[:16384])
    return m.group(1).decode("ascii") if m else None


def codec_name(label: str | None) -> str | None:
    """A Python codec name for a charset label, or None when unknown."""
    if not label:
        return None
    try:
        name = codecs.lookup(label.strip().strip("\"'").lower()).name
    except LookupError:
        return None
    return _SUPERSETS.get(name, name)


def _magic(data: bytes) -> str | None:
    for sig, off, what in _MAGIC:
        if data[off : off + len(sig)] == sig:
            if sig == b"BZh" and not data[4:10] == b"1AY&SY":
                continue
            if sig == b"ID3" and not (len(data) > 4 and data[3] < 10 and data[4] == 0):
                continue
            if off == 8 and data[:4] != b"RIFF":
                continue
            return what
    return None


def _bom(data: bytes) -> tuple[str, int] | None:
    for bom, enc in _BOMS:
        if data.startswith(bom):
            return enc, len(bom)
    return None


def _utf16_parity(data: bytes) -> str | None:
    """``utf-16-le``/``utf-16-be`` when zero bytes gather on one byte parity (BOM-less UTF-16)."""
    sample = data[:65536]
    sample = sample[: len(sample) - len(sample) % 2]
    if len(sample) < 4:
        return None
    half = len(sample) // 2
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    big, small = max(even, odd), min(even, odd)
    if big < max(2, half // 20) or small * 10 > big:
        return None
    return "utf-16-le" if odd > even else "utf-16-be"


def _looks_like_text(text: str) -> bool:
    """Few control, private-use or unassigned characters: a check for guessed UTF-16."""
    sample = text[:_SAMPLE_CHARS]
    if not sample:
        return True
    bad = 0
    for ch in sample:
        if ch < " " and ch not in "\t\n\r\x0b\x0c" or unicodedata.category(ch) in ("Co", "Cn", "Cs"):
            bad += 1
    return bad * 100 <= len(sample)


def _is_binary(data: bytes) -> str | None:
    what = _magic(data)
    if what:
        return f"binary file (looks like {what})"
    if b"\x00" in data:
        return "binary file (contains NUL bytes)"
    controls = len(data) - len(data.translate(None, _CONTROL_BYTES))
    if controls >= 3 and controls * 100 > len(data):
        return "binary file (too many control characters)"
    return None


# -- plausibility of a legacy decoding ---------------------------------------------------------

def _script(o: int) -> str:
    if o < 0x250 or 0x1E00 <= o <= 0x1EFF:
        return "latin"
    if 0x400 <= o <= 0x52F:
        return "cyrillic"
    if 0x600 <= o <= 0x6FF or 0x750 <= o <= 0x77F or 0x8A0 <= o <= 0x8FF or 0xFB50 <= o <= 0xFEFF:
        return "arabic"
    if 0x370 <= o <= 0x3FF:
        return "greek"
    if 0x590 <= o <= 0x5FF:
        return "hebrew"
    return "other"


def _good_case(letters: str) -> bool:
    return len(letters) <= 1 or letters.islower() or letters.isupper() or (
        letters[0].isupper() and letters[1:].islower())


_TEH_MARBUTA = "\u0629"  # ة ends Arabic-script words: never first, never before another letter
# Besides dashes, quotes and spaces, these may sit between two letters: middle dot (l·l),
# ellipsis, ZWNJ/ZWJ (Persian), soft hyphen, modifier apostrophe.
_BETWEEN_LETTERS = frozenset("\u00b7\u2026\u200c\u200d\u00ad\u02bc")
# Letters of Icelandic/Faroese only. Windows-1252 gives them for the bytes that Windows-1254
# uses for Turkish ğ, ş (and capitals): in news text, their presence points to Turkish.
_RARE_LATIN = frozenset("\u00f0\u00fe\u00d0\u00de")


def _run_ok(run: str, script: str) -> bool:
    """Is a run of letters (one word) plausible in its script?"""
    if run.isascii():
        return True  # ASCII is ASCII in every candidate: no evidence either way
    if script in ("latin", "cyrillic", "greek") and not _good_case(run):
        return False
    if script == "latin":
        accented = sum(1 for ch in run if ord(ch) >= 128)
        # "ÇáÓáÇã" (Arabic read as Windows-1252) is all accents; "ölü", "États" are words
        if accented and (len(run) >= 3 and accented * 3 > len(run) * 2 or any(ch in _RARE_LATIN for ch in run)):
            return False
    elif script == "arabic" and _TEH_MARBUTA in run[:-1]:
        return False
    return True


# Fast path for the common words: Arabic-script letters (with ZWNJ), or lower-case Cyrillic.
_PLAIN_WORD = re.compile("[\u0621-\u063a\u0641-\u064a\u066e-\u06d3\u06d5\u06fa-\u06ff\u200c]+|"
                         "[\u0430-\u044f\u0451]+")


def _word_ok(token: str) -> tuple[bool, int]:
    """(is the whitespace-separated token plausible, how many non-ASCII letters/marks it has).

    Implausible: letters of several scripts, a combining mark with no letter before it, a
    symbol or other odd character between two letters, or a letter run (see ``_run_ok``)
    that no real word looks like. Hyphens and ASCII punctuation split runs.
    """
    if _PLAIN_WORD.fullmatch(token) and token[0] != "\u200c":
        n = len(token) - token.count("\u200c")
        return _TEH_MARBUTA not in token[:-1], n
    scripts: set[str] = set()
    non_ascii = 0
    ok = True
    run: list[str] = []
    run_script = ""
    prev_letter = False
    odd_gap = False  # an odd character was seen right after a letter
    for ch in token:
        o = ord(ch)
        if o < 128:
            if ch.isalpha():
                kind, script = "L", "latin"
            else:
                kind, script = "", ""
        else:
            cat = unicodedata.category(ch)
            if cat[0] == "L":
                kind, script = "L", _script(o)
                non_ascii += 1
            elif cat[0] == "M":
                non_ascii += 1
                scripts.add(_script(o))
                if not prev_letter:
                    ok = False
                continue  # marks neither end nor extend a run
            elif cat == "Cc":
                non_ascii += 1
                ok = False
                kind, script = "", ""
            elif ch in _BETWEEN_LETTERS or cat[0] == "Z" or cat in ("Pd", "Pi", "Pf"):
                kind, script = "", ""
            else:
                kind, script = "odd", ""
        if kind == "L":
            if odd_gap:  # "mo¿na": Polish read with the wrong code page
                ok = False
                odd_gap = False
                non_ascii += 1
            scripts.add(script)
            run.append(ch)
            run_script = script
            prev_letter = True
            continue
        if run:
            if not _run_ok("".join(run), run_script):
                ok = False
            run = []
        odd_gap = kind == "odd" and (prev_letter or odd_gap)
        prev_letter = False
    if run and not _run_ok("".join(run), run_script):
        ok = False
    if not non_ascii:
        return True, 0
    return ok and len(scripts) == 1, non_ascii


def plausibility(text: str) -> tuple[float, int]:
    """(share of non-ASCII letters that sit in plausible words, number of such letters).

    A word is implausible when it mixes scripts, when a Latin word is mostly accented letters,
    when a Latin/Cyrillic/Greek word has a letter case no real word has (``ЗбУбЗг``), when a
    symbol sits between its letters (``ذز×إ``), when it starts with a combining mark, or when
    an Arabic-script word has its word-final ``ة`` first or inside. Text without non-ASCII letters
    scores (1.0, 0): nothing speaks against it.
    """
    good = bad = 0
    seen: dict[str, tuple[bool, int]] = {}  # news text repeats its words: judge each once
    for i, token in enumerate(text[:_SAMPLE_CHARS].split()):
        if token.isascii():
            continue
        verdict = seen.get(token)
        if verdict is None:
            verdict = seen[token] = _word_ok(token)
        if verdict[0]:
            good += verdict[1]
        else:
            bad += verdict[1]
        if i % 64 == 63 and good + bad >= _CLEAR_LETTERS:
            share = good / (good + bad)
            if share >= _CLEAR or share < _HOPELESS:
                break  # the evidence is already overwhelming either way
    total = good + bad
    return (good / total if total else 1.0), total


def _mostly_utf8(data: bytes) -> bool:
    """More well-formed UTF-8 characters than stray bytes: UTF-8 with damage, not a code page.

    (A legacy code page forms a valid UTF-8 sequence only by chance: a letter byte that
    happens to be followed by a byte in 0x80-0xBF.)
    """
    sample = data[:262144]
    valid = sample.decode("utf-8", "ignore")
    stray = len(sample) - len(valid.encode("utf-8"))
    multibyte = len(valid) - len(valid.encode("ascii", "ignore"))
    return multibyte > stray


def _try(data: bytes, codec: str) -> str | None:
    try:
        return data.decode(codec)
    except (UnicodeDecodeError, LookupError):
        return None


def _best_legacy(data: bytes) -> tuple[str, str] | None:
    """The most plausible decoding among the legacy code pages, or None.

    Candidates are scored in order of preference; one that is clearly right (nearly every
    word plausible, on enough letters) ends the search, since a later candidate would need
    a higher score to win.
    """
    sample = data[: 4 * _SAMPLE_CHARS]
    best: tuple[float, int, str] | None = None
    for rank, codec in enumerate(_LEGACY):
        text = _try(sample, codec)
        if text is None:
            continue
        score, n = plausibility(text)
        if score >= _PLAUSIBLE and (best is None or (score, -rank) > (best[0], best[1])):
            best = (score, -rank, codec)
            if score >= _CLEAR and n >= _CLEAR_LETTERS:
                break
    if best is None:
        return None
    text = _try(data, best[2])  # the sample may end inside a multi-byte character: decode all
    return (text, best[2]) if text is not None else None


def _charset_normalizer(data: bytes) -> tuple[str, str] | None:
    try:
        from charset_normalizer import from_bytes
    except ImportError:  # optional fallback
        return None
    if len(data) < _FALLBACK_MIN_BYTES:
        return None  # on a few bytes every multi-byte code page "fits": no evidence
    match = from_bytes(data[:262144]).best()
    if match is None or match.encoding in ("utf_8", "ascii") or match.encoding.startswith(("utf_16", "utf_32")):
        return None
    text = _try(data, match.encoding)
    if text is None or plausibility(text)[0] < _PLAUSIBLE_FALLBACK or not _looks_like_text(text):
        return None
    return text, match.encoding


def _finish(text: str, encoding: str) -> tuple[str, str]:
    if text.startswith("\ufeff"):
        text = text[1:]
    if not text.strip():
        raise DecodeError("empty file")
    return text, encoding


def decode_bytes(data: bytes, declared: str | None = None) -> tuple[str, str]:
    """Decode a file's bytes: ``(text, encoding)``, or :class:`DecodeError` with the reason.

    ``declared`` is a charset the container stated (HTTP header, ``<meta charset>``); it is
    honoured when the bytes are not UTF-8 and its decoding is plausible. A leading BOM is
    removed; nothing else in the text is changed (offsets downstream point into it).
    """
    if not data.strip(_WS_BYTES):
        raise DecodeError("empty file")
    bom = _bom(data)
    if bom:
        enc, n = bom
        try:
            return _finish(data[n:].decode(enc), enc)
        except UnicodeDecodeError as exc:
            raise DecodeError(f"undecodable bytes (invalid {enc} after its byte-order mark at byte "
                              f"{exc.start + n})") from None
    what = _magic(data)
    if what:
        raise DecodeError(f"binary file (looks like {what})")
    enc16 = _utf16_parity(data)
    if enc16:
        text = _try(data[: len(data) - len(data) % 2], enc16)
        if text is not None and _looks_like_text(text) and plausibility(text)[0] >= _PLAUSIBLE:
            return _finish(text, enc16)
    reason = _is_binary(data)
    if reason:
        raise DecodeError(reason)
    try:
        return _finish(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError as exc:
        utf8_error = exc
    undecodable = DecodeError(f"undecodable bytes (not UTF-8/UTF-16/cp1256): invalid UTF-8 at byte "
                              f"{utf8_error.start}")
    if _mostly_utf8(data):
        raise undecodable
    codec = codec_name(declared)
    if codec and codec not in ("utf-8",) and not codec.startswith(("utf-16", "utf-32")):
        text = _try(data, codec)
        if text is not None and plausibility(text)[0] >= _PLAUSIBLE and _looks_like_text(text):
            return _finish(text, codec)
    found = _best_legacy(data) or _charset_normalizer(data)
    if found:
        return _finish(*found)
    raise undecodable


def sniff_encoding(head: bytes, complete: bool, declared: str | None = None) -> str:
    """The codec to stream a file with, judged from its first bytes ``head``.

    ``complete`` says that ``head`` is the whole file. Returns a codec name suitable for
    ``io.TextIOWrapper`` (``utf-8-sig`` and ``utf-16``/``utf-32`` consume their BOM), or
    raises :class:`DecodeError` for empty or binary files.
    """
    if not head.strip(_WS_BYTES):
        if complete:
            raise DecodeError("empty file")
        return "utf-8"
    bom = _bom(head)
    if bom:
        enc = bom[0]
        return {"utf-8": "utf-8-sig", "utf-16-le": "utf-16", "utf-16-be": "utf-16",
                "utf-32-le": "utf-32", "utf-32-be": "utf-32"}[enc]
    what = _magic(head)
    if what:
        raise DecodeError(f"binary file (looks like {what})")
    enc16 = _utf16_parity(head)
    if enc16:
        text = head[: len(head) - len(head) % 2].decode(enc16, "replace")
        if _looks_like_text(text) and plausibility(text)[0] >= _PLAUSIBLE:
            return enc16
    reason = _is_binary(head)
    if reason:
        raise DecodeError(reason)
    try:
        codecs.getincrementaldecoder("utf-8")().decode(head, final=complete)
        return "utf-8"
    except UnicodeDecodeError:
        if _mostly_utf8(head):
            return "utf-8"  # with damage: the reader reports the records it spoils
    codec = codec_name(declared)
    if codec and codec != "utf-8" and not codec.startswith(("utf-16", "utf-32")):
        text = _try(head, codec)
        if text is not None and plausibility(text)[0] >= _PLAUSIBLE:
            return codec
    found = _best_legacy(head)
    if found:
        return found[1]
    # Not decodable as a whole: stream it as UTF-8 and let the reader report bad records.
    return "utf-8"
