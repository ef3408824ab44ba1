"""Arabic (``ar``) steps, camel_tools style, giving the *matching* form of Arabic text.

- Alef forms (أ إ آ ٱ) -> ا; alef maksura ى -> ي; teh marbuta ة -> ه; Persian yeh/kaf (ی ک)
  found in Arabic text -> ي ك (``ar/letters.tsv``).
- Tatweel, harakat, tanween, shadda, sukun, Quranic signs, ZWNJ/ZWJ removed (``ar/strip.tsv``).
"""

from __future__ import annotations

from array import array

from . import offsets
from .tables import letter_table, strip_re

__all__ = ["normalize_ar"]


def normalize_ar(text: str, m: array) -> tuple[str, array]:
    text = offsets.replace_chars(text, letter_table("ar"))
    if strip_re("ar").search(text):  # one pass, not one per mark
        text, m = offsets.sub(text, m, strip_re("ar"), "")
    return text, m
