"""Akhbar's multilingual knowledge base: countries and cities from CLDR, curated organizations,
outlets, places, persons and role titles from ``akhbar/data/kb/``, extendable with user files.

    >>> kb = KnowledgeBase.load()
    >>> kb.get("country/RU").label
    'Russia'
"""

from __future__ import annotations

from .base import KnowledgeBase, data_dir
from .model import TYPES, Entity, FrozenMap, KnowledgeBaseError, Role

__all__ = ["KnowledgeBase", "KnowledgeBaseError", "Entity", "Role", "FrozenMap", "TYPES", "data_dir"]
