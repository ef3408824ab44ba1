"""The store: SQLite with WAL, recorded migrations, one writer, full-text search over folded text."""

from .rows import ArticleRow, article_row
from .sqlite import BadQuery, Store, StoreError, WriterBusy, build_match

__all__ = ["ArticleRow", "article_row", "Store", "StoreError", "WriterBusy", "BadQuery", "build_match"]
