"""Plotly.js, served from the installed ``plotly`` package, under a strict Content-Security-Policy.

Plotly.js adds its own CSS rules (mode bar, cursors, notifier) by inserting a ``<style>`` element,
which ``style-src 'self'`` forbids. Since plotly.js 2.35 (pull request #7109) the library skips
that when the page already holds an element with id ``plotly.js-style-global`` and class
``no-inline-styles``, expecting the rules from a stylesheet instead; the Python package ships no
such stylesheet, so :func:`plotly_css` writes it from the rule table inside the installed
``plotly.min.js`` (the same rules, with the same selector substitutions plotly.js makes).
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

__all__ = ["plotly_js_path", "plotly_css"]

# The rule table: an object literal whose first key is "X,X div" (X stands for the plot's
# container, Y for the notifier), followed by the loop that substitutes and inserts them.
_TABLE_START = re.compile(r'=\{"X,X div":')
_ENTRY = re.compile(
    r"""\s*(?:"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)'|([A-Za-z_$][\w$]*))\s*:\s*"""
    r"""(?:"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)')\s*(,|\})"""
)
_SUBSTITUTIONS = (("X", ".js-plotly-plot .plotly"), ("Y", ".plotly-notifier"))


def plotly_js_path() -> Path | None:
    """The ``plotly.min.js`` bundled with the installed ``plotly`` package."""
    import plotly

    path = Path(plotly.__file__).resolve().parent / "package_data" / "plotly.min.js"
    return path if path.is_file() else None


def _unescape(s: str) -> str:
    return re.sub(r"\\(.)", r"\1", s)


def css_from_bundle(js: str) -> str:
    """The CSS text of plotly.js's rule table found in the bundle ``js`` ("" if not found)."""
    m = _TABLE_START.search(js)
    if not m:
        return ""
    pos = m.end() - len('"X,X div":')
    rules: list[str] = []
    while True:
        e = _ENTRY.match(js, pos)
        if not e:
            return ""  # not the shape we know: better no stylesheet than a wrong one
        key = _unescape(e.group(1) or e.group(2) or e.group(3) or "")
        value = _unescape(e.group(4) if e.group(4) is not None else e.group(5) or "")
        selector = " ," + key[1:] if key.startswith(",") else key  # as plotly.js does
        for placeholder, real in _SUBSTITUTIONS:
            selector = selector.replace(placeholder, real)
        rules.append(f"{selector}{{{value}}}")
        pos = e.end()
        if e.group(6) == "}":
            break
    return "\n".join(rules) + "\n"


@lru_cache(maxsize=1)
def plotly_css() -> str:
    """The stylesheet plotly.js would otherwise insert inline (read once per process)."""
    path = plotly_js_path()
    if path is None:
        return ""
    return css_from_bundle(path.read_text(encoding="utf-8"))
