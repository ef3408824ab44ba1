"""Container metadata: field aliases of JSON records, dates to ISO, markup sniffing.

Only machine-written date formats are read here (ISO 8601, RFC 822/2822 as in RSS, Unix
timestamps, and "21 July 2015"-style English dates through the C locale's ``strptime``).
Dates written in a language's words are left to the analyze stage, which has the month tables.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import html
import re
from typing import Any

from ..options import Options
from ..records import IngestError, RawDoc

__all__ = ["iso_date", "looks_like_html", "clean_inline", "field_text", "record_to_doc", "too_long"]

# Field names, lower-cased, in order of preference.
TITLE_KEYS = ("title", "headline", "heading")
TEXT_KEYS = ("text", "content", "body", "maintext", "articlebody", "article_body", "article",
             "full_text", "fulltext", "description", "summary")
URL_KEYS = ("url", "link", "href", "permalink", "canonical_url")
DATE_KEYS = ("date", "published", "pubdate", "publishedat", "published_at", "date_published",
             "datepublished", "date_publish", "pub_date", "date_extracted")
SOURCE_KEYS = ("source", "publisher", "site", "outlet", "site_name", "sitename", "source_name",
               "source_domain")
AUTHOR_KEYS = ("author", "authors", "byline", "creator", "writer")
_NESTED_KEYS = ("rendered", "name", "title", "text", "value", "#text", "url", "href")

_ISO = re.compile(r"\s*(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)")
_COMPACT = re.compile(r"\s*(\d{4})(\d{2})(\d{2})(?:T|\s|$)")
_DMY = re.compile(r"\s*(\d{1,2})([-/.])(\d{1,2})\2(\d{4})(?!\d)")
_EPOCH = re.compile(r"\s*(\d{9,13})(?:\.\d+)?\s*$")
_D_MON_Y = re.compile(r"(?<![\w])(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})(?!\d)")
_MON_D_Y = re.compile(r"(?<![\w])([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})(?!\d)")
_HAS_ALPHA = re.compile(r"[A-Za-z]")

_HTML_TAG = re.compile(
    r"<(?:!doctype\s+html|!--|/?(?:p|div|br|span|a|b|i|u|s|em|strong|small|sup|sub|ul|ol|li|dl|dt|dd|"
    r"h[1-6]|img|figure|figcaption|picture|source|video|audio|iframe|table|thead|tbody|tr|td|th|"
    r"caption|section|article|header|footer|nav|aside|main|blockquote|pre|code|hr|font|center|"
    r"html|head|body|meta|link|title|script|style|noscript|form|input|button|label)(?=[\s/>]))",
    re.I)
_TAG = re.compile(r"<[^<>]*>")


def _date(y: int, m: int, d: int) -> str | None:
    try:
        return dt.date(y, m, d).isoformat() if y >= 1000 else None
    except ValueError:
        return None


def _epoch(value: float) -> str | None:
    if value > 1e11:  # milliseconds
        value /= 1000
    if not 0 < value < 4.2e9:  # 1970 .. 2103
        return None
    return dt.datetime.fromtimestamp(value, dt.timezone.utc).date().isoformat()


def _month_name_date(s: str) -> str | None:
    for rx, order in ((_D_MON_Y, "dmy"), (_MON_D_Y, "mdy")):
        m = rx.search(s)
        if not m:
            continue
        if order == "dmy":
            day, mon, year = m.group(1), m.group(2), m.group(3)
        else:
            mon, day, year = m.group(1), m.group(2), m.group(3)
        for fmt in ("%d %B %Y", "%d %b %Y"):
            try:  # C locale month names: the machine convention of feeds and APIs
                return dt.datetime.strptime(f"{int(day)} {mon} {int(year)}", fmt).date().isoformat()
            except ValueError:
                continue
    return None


def iso_date(value: Any) -> str | None:
    """``YYYY-MM-DD`` for a date-like value from a container, or None when not parseable.

    The calendar date is the one written (a time zone offset does not move it). Digits of any
    script are accepted. Ambiguous ``01/02/2015`` (day or month first?) gives None.
    """
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return _epoch(float(value))
    if isinstance(value, dict):  # {"$date": ...} (MongoDB exports) and similar
        for k in ("$date", "date", "value"):
            if k in value:
                return iso_date(value[k])
        return None
    if not isinstance(value, str):
        return None
    s = value.strip()[:120]
    if not s:
        return None
    m = _ISO.match(s)
    if m:
        return _date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    m = _COMPACT.match(s)
    if m:
        return _date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    m = _EPOCH.match(s)
    if m:
        return _epoch(float(m.group(1)))
    m = _DMY.match(s)
    if m:
        a, sep, b, y = int(m.group(1)), m.group(2), int(m.group(3)), int(m.group(4))
        if sep == "." or a > 12:
            return _date(y, b, a)
        if b > 12:
            return _date(y, a, b)
        return None
    if _HAS_ALPHA.search(s):
        parsed = email.utils.parsedate_tz(s)
        if parsed and parsed[0] and parsed[1] and parsed[2]:
            found = _date(parsed[0], parsed[1], parsed[2])
            if found:
                return found
        return _month_name_date(s)
    return None


def looks_like_html(text: str) -> bool:
    """True when the text contains HTML markup (a known tag, a comment or a doctype)."""
    return "<" in text and _HTML_TAG.search(text) is not None


def clean_inline(value: str | None) -> str | None:
    """A one-line label (title, author, outlet): tags dropped, entities decoded, spaces folded."""
    if value is None:
        return None
    if "<" in value:
        value = _TAG.sub(" ", value)
    if "&" in value:
        value = html.unescape(value)
    value = " ".join(value.split())
    return value or None


def field_text(value: Any, joiner: str = ", ") -> str | None:
    """A field's value as a string: strings as they are, numbers printed, ``{"rendered": ...}``
    and ``{"name": ...}`` objects unwrapped, lists of strings joined."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, str):
        return value
    if isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, dict):
        for k in _NESTED_KEYS:
            v = value.get(k)
            if isinstance(v, str) and v.strip():
                return v
        return None
    if isinstance(value, list):
        parts = [p for p in (field_text(v, joiner) for v in value) if p and p.strip()]
        return joiner.join(parts) if parts else None
    return None


_ROLE_KEYS = {"title": TITLE_KEYS, "text": TEXT_KEYS, "url": URL_KEYS, "date": DATE_KEYS,
              "source": SOURCE_KEYS, "author": AUTHOR_KEYS}
# field name -> (role, preference); a constant derived from the tuples above
_ROLES: dict[str, tuple[str, int]] = {
    key: (role, rank) for role, keys in _ROLE_KEYS.items() for rank, key in enumerate(keys)}


def _by_role(obj: dict[str, Any]) -> dict[str, list[tuple[int, Any]]]:
    """The record's values for each role, with their preference rank (one pass over its keys)."""
    found: dict[str, list[tuple[int, Any]]] = {}
    for k, v in obj.items():
        spec = _ROLES.get(k)
        if spec is None:
            spec = _ROLES.get(k.lower()) if isinstance(k, str) else None
            if spec is None:
                continue
        found.setdefault(spec[0], []).append((spec[1], v))
    return found


def _pick(found: dict[str, list[tuple[int, Any]]], role: str, joiner: str = ", ") -> str | None:
    """The preferred non-blank value for a role."""
    values = found.get(role)
    if not values:
        return None
    if len(values) > 1:
        values.sort(key=lambda rv: rv[0])
    for _, v in values:
        text = field_text(v, joiner)
        if text is not None and text.strip():
            return text
    return None


def too_long(text: str, where: str, options: Options) -> IngestError | None:
    if len(text) > options.max_article_chars:
        return IngestError(where, f"article too long: {len(text)} characters > max_article_chars "
                                  f"{options.max_article_chars}")
    return None


def record_to_doc(obj: dict[str, Any], path: str, n: int, encoding: str | None,
                  options: Options) -> RawDoc | IngestError:
    """One JSON record (the N-th of file ``path``) as a RawDoc, or the reason it is not one.

    Field names are matched case-insensitively against the alias lists above; for each role
    the first alias with a non-blank value wins.
    """
    where = f"{path}#{n}"
    found = _by_role(obj)
    text = _pick(found, "text", "\n\n")
    if text is None:
        keys = ", ".join(sorted(map(str, obj))[:8]) or "none"
        return IngestError(where, f"record has no text (no non-empty text/content/body field; keys: {keys})")
    error = too_long(text, where, options)
    if error:
        return error
    url = _pick(found, "url")
    url = url.strip() if url else None
    published = None
    dates = found.get("date")
    if dates:
        for _, value in sorted(dates, key=lambda rv: rv[0]):
            published = iso_date(value)
            if published:
                break
    return RawDoc(
        source=url or where,
        path=path,
        content=text,
        format="html" if looks_like_html(text) else "text",
        title=clean_inline(_pick(found, "title")),
        url=url,
        published=published,
        publisher=clean_inline(_pick(found, "source")),
        author=clean_inline(_pick(found, "author")),
        encoding=encoding,
    )
