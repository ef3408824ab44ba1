"""The ``normalize`` stage and the search folding.

- :func:`normalize` / :func:`normalize_article`: per-language normalization (NFC, digits,
  spaces; Arabic matching forms; Persian letters, ZWNJ clean-up and glued-word repair) with a
  map from every normalized character back to the original text.
- :func:`fold_for_search` / :func:`query_terms`: the matching key the full-text index uses.
"""

from __future__ import annotations

from .core import normalize, normalize_article
from .search import fold_for_search, query_terms

__all__ = ["normalize", "normalize_article", "fold_for_search", "query_terms"]
