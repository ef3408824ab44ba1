"""HTML: trafilatura's main-text extraction with metadata, ZWNJ kept, deep nesting refused.

trafilatura drops every character that ``str.isprintable()`` rejects, which includes ZWNJ
(U+200C) and ZWJ (U+200D): Persian words would come out glued (``می‌شود`` -> ``میشود``). Around
the call each joiner is replaced by a printable placeholder that trafilatura keeps untouched
(a symbol from the Tai Xuan Jing block, chosen so it does not already occur in the page) and
mapped back afterwards, in the text and in the metadata.

Before anything is parsed, a cheap scan of the tag nesting (regexes, no tree) refuses documents
nested deeper than ``Options.max_html_depth``: lxml and trafilatura recurse over the tree.

The extracted text then goes through the line classifier's rules (:mod:`akhbar.clean.text`)
without its context pass: the title is found (or taken from the page's metadata), lines that
repeat it are removed, datelines and "source:" lines become metadata, and the cue rules remove
what trafilatura kept of comment prompts, share buttons and the like.
"""

from __future__ import annotations

import re
from typing import Any

from ..options import Options
from ..records import Article, RawDoc
from . import CleanError, make_article, with_title

# Placeholders for ZWNJ and ZWJ: printable, not letters (no case mapping), NFC-stable.
_PLACEHOLDERS = tuple(chr(c) for c in range(0x1D306, 0x1D316))
JOINERS = ("\u200c", "\u200d")

# trafilatura settings, measured on the article-extraction benchmark (see evaluate.extraction).
FAVOR_PRECISION = True

# libxml2's HTML parser (under lxml and trafilatura) silently drops elements nested deeper than
# this, so a page whose article lies deeper comes out empty.
PARSER_MAX_DEPTH = 256

_VOID = frozenset(
    "area base br col embed hr img input link meta param source track wbr keygen command basefont "
    "bgsound frame isindex image nextid spacer".split()
)
# A start tag of one of these closes an open element of the same name when only formatting
# elements lie between them (<p>a<p>b, <li>x<li>y): HTML's implied end tags.
_IMPLIED_END = frozenset("p li dt dd tr td th option optgroup thead tbody tfoot colgroup rb rt rtc rp".split())
_FORMATTING = frozenset("a b i u em strong span font small big code s strike sup sub nobr tt abbr cite q label mark".split())
_SCAN = re.compile(
    r"<!--.*?(?:-->|\Z)"
    r"|<(script|style|textarea|title|xmp|noembed|noframes|template)\b[^>]*>.*?</\1\s*>"
    r"|<(/?)([a-zA-Z][\w:.-]*)([^>]*)>",
    re.S | re.I,
)


def nesting_depth(html: str, limit: int) -> int:
    """The deepest element nesting in ``html`` (a tag scan, not a parse), stopping past ``limit``.

    End tags close the nearest open element of their name; void elements and self-closing tags
    do not nest; comments and the content of script/style/textarea are skipped.
    """
    stack: list[str] = []
    deepest = 0
    for m in _SCAN.finditer(html):
        name = m.group(3)
        if name is None:
            continue  # comment or a raw-text element as a whole
        name = name.lower()
        if m.group(2):  # end tag
            for k in range(len(stack) - 1, -1, -1):
                if stack[k] == name:
                    del stack[k:]
                    break
            continue
        if name in _VOID or m.group(4).endswith("/"):
            continue
        if name in _IMPLIED_END:
            for k in range(len(stack) - 1, max(-1, len(stack) - 9), -1):
                if stack[k] == name:
                    del stack[k:]
                    break
                if stack[k] not in _FORMATTING:
                    break
        stack.append(name)
        if len(stack) > deepest:
            deepest = len(stack)
            if deepest > limit:
                return deepest
    return deepest


def protect_joiners(html: str) -> tuple[str, dict[str, str]]:
    """``html`` with ZWNJ/ZWJ replaced by placeholders, and the map placeholder -> joiner."""
    present = [j for j in JOINERS if j in html]
    if not present:
        return html, {}
    free = [p for p in _PLACEHOLDERS if p not in html]
    if len(free) < len(present):  # a page made of Tai Xuan Jing symbols: nothing safe to use
        raise CleanError("HTML uses every ZWNJ placeholder character; cannot protect ZWNJ")
    chosen = dict(zip(present, free))
    for joiner, ph in chosen.items():
        html = html.replace(joiner, ph)
    return html, {ph: joiner for joiner, ph in chosen.items()}


def restore_joiners(text: str | None, back: dict[str, str]) -> str | None:
    if text:
        for ph, joiner in back.items():
            text = text.replace(ph, joiner)
    return text


def extract(html: str, url: str | None = None, favor_precision: bool = FAVOR_PRECISION) -> dict[str, Any]:
    """trafilatura's main text and metadata (title, date, sitename, author, url) of a page.

    Returns a dict with ``text`` None when trafilatura finds no main content.
    """
    import trafilatura  # heavy; imported on first use

    protected, back = protect_joiners(html)
    # lxml, trafilatura and htmldate on hostile markup (htmldate asserts on '<svg><div></div>
    # <div></div></svg>'): report the item, do not stop the run
    failures = (ValueError, TypeError, AttributeError, RecursionError, MemoryError, LookupError, AssertionError)
    try:
        doc = trafilatura.bare_extraction(
            protected,
            url=url,
            with_metadata=True,
            include_comments=False,
            favor_precision=favor_precision,
        )
    except failures:
        try:  # the metadata (the date finder) may be what broke: the text alone may still come
            doc = trafilatura.bare_extraction(protected, url=url, with_metadata=False, include_comments=False,
                                              favor_precision=favor_precision)
        except failures as exc:
            raise CleanError(f"HTML could not be parsed ({type(exc).__name__}: {exc})") from exc
    fields = ("text", "title", "date", "sitename", "author", "url")
    if doc is None:
        return dict.fromkeys(fields)
    return {f: restore_joiners(getattr(doc, f, None), back) for f in fields}


def clean_html(raw: RawDoc, options: Options) -> Article:
    """Clean a web page: depth guard, trafilatura (ZWNJ kept), then the line rules."""
    from .text import classify

    html = raw.content
    if not html.strip():
        raise CleanError("no article text: the page is empty")
    depth = nesting_depth(html, options.max_html_depth)
    if depth > options.max_html_depth:
        raise CleanError(f"HTML nested deeper than {options.max_html_depth} levels (refused before parsing)")
    meta = extract(html, url=raw.url)
    text = meta["text"]
    if not text or not text.strip():
        if depth > PARSER_MAX_DEPTH:
            raise CleanError(f"no article text after cleaning: the HTML is nested {depth} levels deep, and "
                             f"the HTML parser (libxml2) drops what lies deeper than {PARSER_MAX_DEPTH} levels")
        raise CleanError("no article text after cleaning (no main content found in the page)")
    if len(text) > options.max_article_chars:
        raise CleanError(f"article longer than max_article_chars ({len(text)} > {options.max_article_chars})")
    title_hint = meta["title"] or raw.title
    publisher = raw.publisher or meta["sitename"]
    text = with_title(text, title_hint)
    result = classify(text, title_hint=title_hint, publisher=publisher, context=False)
    if not result.paragraphs:
        raise CleanError(f"no article text after cleaning ({len(result.removed)} extracted line(s), all boilerplate)")
    return make_article(raw, text, result, publisher=publisher, published=raw.published or meta["date"],
                        url=raw.url or meta["url"], author=raw.author or meta["author"])
