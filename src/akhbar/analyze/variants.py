"""The written forms of one word of a name in running text, per language.

- Arabic: the first word may carry proclitics (``وبوتين``, ``بالعراق``, ``للعراق``:
  ``ar/proclitics.tsv``);
- Persian: the last word may carry a suffix, glued (``همسودها``) or after a ZWNJ (a separate word
  then: :func:`blocking_suffixes` says which ones make it an adjective, ``ترکیه‌ای``);
- Russian: every word inflects for case (``Путина``, ``России``, ``Сергея Лаврова``);
- Russian and English: the first word may be capitalised at a sentence start.

:func:`word_forms` returns ``{form: (skip, trim)}``: how many characters at the start (a
proclitic) and at the end (a suffix) of the form are not part of the name.
"""

from __future__ import annotations

from . import tables

__all__ = ["word_forms", "blocking_suffixes", "ru_inflections", "persian_class"]

_RU_VOWELS = frozenset("аеёиоуыэюя")
_CYRILLIC = frozenset("абвгдеёжзийклмнопрстуфхцчшщъыьэюя")


def _is_latin(word: str) -> bool:
    return word.isascii()


def persian_class(word: str) -> str:
    """What a Persian suffix attaches to: ``vowel`` (ends in ا or و), ``heh``, ``yeh`` or
    ``consonant``."""
    last = word[-1:]
    if last in ("ا", "و"):
        return "vowel"
    if last == "ه":
        return "heh"
    if last == "ی":
        return "yeh"
    return "consonant"


def _suffixes(word: str, keep: bool) -> list[str]:
    cls = persian_class(word)
    return [e.suffix for e in tables.enclitics("fa") if e.keep is keep and e.after in ("any", cls)]


def blocking_suffixes(word: str) -> frozenset[str]:
    """Persian words that, written after ``word`` with a ZWNJ, make it another word
    (``ترکیه‌ای`` "Turkish" is not Turkey)."""
    return frozenset(_suffixes(word, keep=False))


def ru_inflections(word: str, adjective: bool = False) -> set[str]:
    """The case forms of a Russian word (a name's word or, with ``adjective``, an adjective)."""
    lower = word.lower()
    if len(word) < 3 or word.isupper() or not set(lower) <= _CYRILLIC:
        return set()
    table = tables.adjective_endings("ru") if adjective else tables.ru_endings()
    for size in (3, 2, 1):
        ending = lower[-size:]
        if len(lower) - size >= 2 and ending in table:
            stem = word[:-size]
            return {stem + r for r in table[ending]}
    if not adjective and lower[-1] not in _RU_VOWELS and lower[-1] not in "йь" and "*" in table:
        return {word + r for r in table["*"]}
    return set()


def word_forms(word: str, lang: str, first: bool, last: bool) -> dict[str, tuple[int, int]]:
    """``{form: (skip, trim)}`` for one word of a name in text of language ``lang``."""
    forms: dict[str, tuple[int, int]] = {word: (0, 0)}
    if _is_latin(word):
        if first:
            forms.setdefault(word[:1].upper() + word[1:], (0, 0))
        return forms
    clitics = tables.proclitics(lang)
    if first and (clitics.plain or clitics.lam):
        for p in clitics.plain:
            forms.setdefault(p + word, (len(p), 0))
        drop = clitics.article[:1] if clitics.article and word.startswith(clitics.article) else ""
        for p in clitics.lam:
            forms.setdefault(p + word[len(drop):], (len(p), 0))
    elif lang == "fa" and last:
        for suffix in _suffixes(word, keep=True):
            forms.setdefault(word + suffix, (0, len(suffix)))
    elif lang == "ru":
        for form in ru_inflections(word):
            forms.setdefault(form, (0, 0))
        if "ё" in word or "Ё" in word:
            for form in list(forms):
                forms.setdefault(form.replace("ё", "е").replace("Ё", "Е"), (0, 0))
        if first:
            for form in list(forms):
                forms.setdefault(form[:1].upper() + form[1:], (0, 0))
    return forms
