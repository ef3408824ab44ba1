"""RSS 0.9x/2.0, RSS 1.0 (RDF) and Atom feeds: one RawDoc per item or entry, streamed.

Parsed with lxml's ``iterparse`` with ``resolve_entities=False, no_network=True,
load_dtd=False, huge_tree=False``: no external entity, DTD or network resource is ever fetched
and no entity is ever expanded. Moreover a document whose internal DTD declares entities (the
shape of XXE and "billion laughs" attacks; feeds have no use for them) is refused before its
first item. Items are cleared once read, so memory stays flat on long feeds.
"""

from __future__ import annotations

import re
from typing import BinaryIO, Iterator

from lxml import etree

from ..options import Options
from ..records import IngestError, RawDoc
from .decode import codec_name, declared_charset
from .limits import InputInfo, ShortReads
from .meta import clean_inline, iso_date, looks_like_html, too_long

__all__ = ["read_feed"]

_CONTENT_NS = "http://purl.org/rss/1.0/modules/content/"
_ATOM_NS = "http://www.w3.org/2005/Atom"
_ATOM03_NS = "http://purl.org/atom/ns#"
_FEED_ROOTS = ("rss", "feed", "RDF")
_ITEM_PARENTS = ("channel", "feed", "RDF", "rss")
_EMAIL_NAME = re.compile(r"^\s*\S+@\S+\s*\((.+)\)\s*$")
_URL = re.compile(r"^https?://\S+$", re.I)


def _split(tag: str) -> tuple[str, str]:
    if tag[:1] == "{":
        ns, _, name = tag[1:].partition("}")
        return ns, name
    return "", tag


def _inner_markup(el: etree._Element) -> str:
    parts = [el.text or ""]
    parts.extend(etree.tostring(c, encoding="unicode", with_tail=True) for c in el)
    return "".join(parts)


def _content(el: etree._Element) -> tuple[str, str]:
    """(text, format) of a content/description/summary element."""
    kind = (el.get("type") or "").lower()
    if kind == "xhtml" or len(el):
        return _inner_markup(el), "html"
    text = el.text or ""
    if kind in ("html", "text/html") or (kind not in ("text", "text/plain") and looks_like_html(text)):
        return text, "html"
    return text, "text"


def _author(el: etree._Element) -> str | None:
    if len(el):  # Atom: <author><name>...</name><email>...</email></author>
        for c in el:
            if isinstance(c.tag, str) and _split(c.tag)[1] == "name" and c.text:
                return clean_inline(c.text)
        return None
    text = el.text or ""
    m = _EMAIL_NAME.match(text)  # RSS: "editor@example.com (Jane Doe)"
    return clean_inline(m.group(1) if m else text)


def _entry(el: etree._Element, path: str, n: int, publisher: str | None, encoding: str | None,
           options: Options) -> RawDoc | IngestError:
    where = f"{path}#{n}"
    title = link = guid = author = None
    published = updated = None
    full: tuple[str, str] | None = None
    summary: tuple[str, str] | None = None
    for child in el:
        if not isinstance(child.tag, str):
            continue
        ns, name = _split(child.tag)
        name = name.lower()
        if name == "title":
            if title is None:
                title = clean_inline("".join(child.itertext()))
        elif name == "link":
            href = child.get("href")
            if href:
                if child.get("rel", "alternate") == "alternate" and (link is None or not link[1]):
                    link = (href.strip(), True)
                elif link is None:
                    link = (href.strip(), False)
            elif child.text and child.text.strip() and link is None:
                link = (child.text.strip(), True)
        elif name == "guid" and child.text:
            guid = child.text.strip()
        elif name in ("pubdate", "published", "date", "issued", "created"):
            published = published or iso_date(child.text)
        elif name in ("updated", "modified"):
            updated = updated or iso_date(child.text)
        elif (name == "encoded" and ns == _CONTENT_NS) or (
                name == "content" and ns in ("", _ATOM_NS, _ATOM03_NS) and not child.get("src")):
            if full is None or not full[0].strip():
                full = _content(child)
        elif name in ("description", "summary") and ns in ("", _ATOM_NS, _ATOM03_NS, "http://purl.org/rss/1.0/"):
            if summary is None or not summary[0].strip():
                summary = _content(child)
        elif name in ("author", "creator") and author is None:
            author = _author(child)
    body = full if full and full[0].strip() else summary
    if not body or not body[0].strip():
        return IngestError(where, "feed item has no text (no content, description or summary)")
    error = too_long(body[0], where, options)
    if error:
        return error
    url = link[0] if link else (guid if guid and _URL.match(guid) else None)
    return RawDoc(
        source=url or where,
        path=path,
        content=body[0],
        format=body[1],
        title=title,
        url=url,
        published=published or updated,
        publisher=publisher,
        author=author,
        encoding=encoding,
    )


def read_feed(stream: BinaryIO, path: str, info: InputInfo, options: Options) -> Iterator[RawDoc | IngestError]:
    head = stream.peek(1024)[:1024]
    if not head.strip():
        yield IngestError(path, "empty file")
        return
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        encoding = "utf-16"
    else:  # what lxml decodes with: the XML declaration, else UTF-8
        encoding = codec_name(declared_charset(head)) or "utf-8"
    events = etree.iterparse(ShortReads(stream), events=("start", "end"), resolve_entities=False, no_network=True,
                             load_dtd=False, huge_tree=False, remove_comments=True, remove_pis=True)
    root = None
    publisher = None
    n = 0
    try:
        for event, el in events:
            if root is None:
                root = el
                docinfo = el.getroottree().docinfo
                dtd = docinfo.internalDTD
                if dtd is not None and next(iter(dtd.iterentities()), None) is not None:
                    yield IngestError(path, "XML declares entities in its DTD: refused (possible XXE "
                                            "or entity-expansion attack)")
                    return
                name = _split(el.tag)[1]
                if name not in _FEED_ROOTS:
                    yield IngestError(path, f"not an RSS/Atom feed (root element <{name}>)")
                    return
                continue
            if event != "end" or not isinstance(el.tag, str):
                continue
            name = _split(el.tag)[1]
            parent = el.getparent()
            parent_name = _split(parent.tag)[1] if parent is not None else ""
            if name in ("item", "entry") and parent_name in _ITEM_PARENTS:
                n += 1
                yield _entry(el, path, n, publisher, encoding, options)
                el.clear(keep_tail=False)
                while el.getprevious() is not None:  # drop what was read, keep memory flat
                    del parent[0]
            elif name == "title" and publisher is None and parent_name in ("channel", "feed"):
                publisher = clean_inline("".join(el.itertext()))
    except etree.XMLSyntaxError as exc:
        where = f"{path}#{n + 1}" if n else path
        msg = exc.msg or str(exc)
        rest = "; the rest of the file was not read" if n else ""
        if "entity amplification" in msg.lower():  # libxml2 >= 2.14 stops an expansion bomb itself
            yield IngestError(where, f"XML declares entities that expand too far: refused (entity-expansion "
                                     f"attack; {msg}){rest}")
            return
        yield IngestError(where, f"invalid XML at line {exc.lineno}: {msg}{rest}")
