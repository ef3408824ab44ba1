"""Language-neutral steps: line breaks and odd spaces, invisible characters, NFC, Arabic
presentation forms; and, last, numbers: digits of every system to ASCII and the space between
digits and Arabic-script letters (``5تا`` -> ``5 تا``, ``مهر1382`` -> ``مهر 1382``)."""

from __future__ import annotations

import re
import unicodedata
from array import array

from . import offsets
from .script import ARABIC_LETTERS, PRESENTATION_FORMS
from .tables import neutral_table

__all__ = ["clean_characters", "numbers", "collapse_spaces"]

_PRESENTATION = re.compile(f"[{PRESENTATION_FORMS}]")
# a run of digits of any system (\d is every Unicode decimal digit), with the Arabic decimal
# and thousands separators inside it (۳٫۵, ۱٬۰۰۰)
_NUMBER = re.compile(r"\d+(?:[\u066b\u066c]\d+)*")
_LETTER = re.compile(f"[{ARABIC_LETTERS}]")
_SEPARATORS = str.maketrans({"\u066b": ".", "\u066c": ","})
_SPACES = re.compile(" {2,}")


def clean_characters(text: str, m: array) -> tuple[str, array]:
    """Line breaks to "\\n", odd spaces to " ", invisible characters removed, presentation forms
    to letters, NFC."""
    t = neutral_table()
    if any(c in text for c in t.newlines):
        text, m = offsets.sub(text, m, t.newline_re, "\n")
    text = offsets.replace_chars(text, t.spaces)
    if t.delete and t.delete_re.search(text):
        text, m = offsets.sub(text, m, t.delete_re, "")
    if b"\xef" in text.encode("utf-8", "surrogatepass"):  # U+F000..U+FFFF: maybe FB50..FEFE
        text, m = offsets.sub(text, m, _PRESENTATION, _nfkc)
    return offsets.nfc(text, m)


def _nfkc(mt: re.Match[str]) -> str:
    return unicodedata.normalize("NFKC", mt.group())


def numbers(text: str, m: array) -> tuple[str, array]:
    """Every Unicode decimal digit (Persian ۰-۹, Arabic-Indic ٠-٩, Devanagari ...) -> ASCII, the
    Arabic decimal and thousands separators inside a number -> "." and ",", and a space between
    a number and an Arabic-script letter glued to it."""
    pieces: list[str] = []
    out = array("i")
    pos = 0
    n = len(text)
    for mt in _NUMBER.finditer(text):
        s, e = mt.span()
        num = mt.group()
        ascii_num = num if num.isascii() else _ascii(num)
        before = s > 0 and _LETTER.match(text, s - 1) is not None
        after = e < n and _LETTER.match(text, e) is not None
        if ascii_num is num and not before and not after:
            continue
        pieces.append(text[pos:s])
        out.extend(m[pos:s])
        if before:
            pieces.append(" ")
            out.append(m[s])
        pieces.append(ascii_num)
        out.extend(m[s:e])
        if after:
            pieces.append(" ")
            out.append(m[e])
        pos = e
    if not pieces:
        return text, m
    pieces.append(text[pos:])
    out.extend(m[pos:])
    return "".join(pieces), out


def _ascii(num: str) -> str:
    return "".join(str(unicodedata.decimal(c)) if c.isdecimal() else c for c in num).translate(_SEPARATORS)


def collapse_spaces(text: str, m: array) -> tuple[str, array]:
    """Runs of spaces -> one space (line breaks are kept as they are)."""
    if "  " not in text:
        return text, m
    return offsets.sub(text, m, _SPACES, " ")
