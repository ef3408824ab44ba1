"""Text direction per language, from CLDR (through babel): the web pages set ``dir`` and ``lang``
on every block of article text by its language, and isolate right-to-left labels in plots."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

__all__ = ["text_dir", "isolate", "isolate_quoted", "language_name"]


@lru_cache(maxsize=256)
def text_dir(lang: str | None) -> str:
    """``rtl`` or ``ltr`` for an ISO 639 code CLDR knows; ``auto`` (the browser decides from the
    first strong character) for an unknown or missing language."""
    if not lang:
        return "auto"
    from babel import Locale, UnknownLocaleError

    try:
        order = Locale.parse(lang.replace("-", "_")).character_order
    except (UnknownLocaleError, ValueError, TypeError):
        return "auto"
    return "rtl" if order == "right-to-left" else "ltr"


def isolate(text: str) -> str:
    """``text`` between FIRST STRONG ISOLATE and POP DIRECTIONAL ISOLATE when it holds
    right-to-left letters, so that it cannot reorder the labels or numbers around it."""
    if any(unicodedata.bidirectional(c) in ("R", "AL") for c in text):
        return "\u2068" + text + "\u2069"
    return text


@lru_cache(maxsize=256)
def language_name(lang: str | None) -> str:
    """The English name of a language code from CLDR (``fa`` -> ``Persian``), or the code."""
    if not lang:
        return "unknown language"
    from babel import Locale, UnknownLocaleError

    try:
        return Locale("en").languages.get(lang.replace("-", "_")) or lang
    except (UnknownLocaleError, ValueError):
        return lang


_QUOTED = re.compile(r'"([^"\n]{1,400})"|«([^»\n]{1,400})»|“([^”\n]{1,400})”')


def isolate_quoted(text: str) -> str:
    """Each quoted stretch of ``text`` that holds right-to-left letters isolated, so that an
    English sentence quoting Persian or Arabic (a flag's explanation) reads in the right order."""

    def wrap(m: re.Match[str]) -> str:
        inner = next(g for g in m.groups() if g is not None)
        open_, close = m.group(0)[0], m.group(0)[-1]
        return open_ + isolate(inner) + close

    return _QUOTED.sub(wrap, text)
