"""The knowledge base's records: :class:`Entity` and :class:`Role`, frozen and picklable.

An entity's ``names`` map a language code to the surface forms news text uses for it in that
language (full forms first, then short forms and acronyms). ``ambiguous`` holds, per language,
the subset of those forms that are also ordinary words or other things' names (``فارس`` is Fars
News Agency but also "Persian" and the Fars province; ``القاعدة`` is al-Qaeda but also "the
base"): a recogniser must only take them when the context says so.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

TYPES = ("person", "organization", "country", "place", "outlet", "other")


class KnowledgeBaseError(ValueError):
    """A knowledge-base file is malformed; the message names the file, the line and the problem."""


class FrozenMap(Mapping):
    """An immutable, hashable, picklable mapping (``MappingProxyType`` cannot be pickled)."""

    __slots__ = ("_d", "_h")

    def __init__(self, data: Mapping | None = None) -> None:
        object.__setattr__(self, "_d", dict(data or ()))
        object.__setattr__(self, "_h", None)

    def __getitem__(self, key: Any) -> Any:
        return self._d[key]

    def __iter__(self) -> Iterator:
        return iter(self._d)

    def __len__(self) -> int:
        return len(self._d)

    def __contains__(self, key: object) -> bool:
        return key in self._d

    def __hash__(self) -> int:
        h = self._h
        if h is None:
            h = hash(frozenset(self._d.items()))
            object.__setattr__(self, "_h", h)
        return h

    def __eq__(self, other: object) -> bool:
        if isinstance(other, FrozenMap):
            return self._d == other._d
        if isinstance(other, Mapping):
            return self._d == dict(other)
        return NotImplemented

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError("FrozenMap is immutable")

    def __reduce__(self):
        return (FrozenMap, (self._d,))

    def __repr__(self) -> str:
        return f"FrozenMap({self._d!r})"


EMPTY = FrozenMap()


@dataclass(frozen=True)
class Role:
    """A role held by a person: ``role`` (vocabulary of ``roles.tsv``) ``of`` an entity id,
    from ``start`` to ``end`` (both inclusive; ``None``: unknown start / still in office)."""

    role: str
    of: str
    start: date | None
    end: date | None

    def held_on(self, on: date) -> bool:
        return (self.start is None or self.start <= on) and (self.end is None or on <= self.end)


@dataclass(frozen=True)
class Entity:
    """One thing the news names: a person, organization, country, place, outlet or other.

    ``attrs`` carries the optional plain attributes (``country``, ``kind``, ``in``, ``parent``,
    ``domain``, ``lang``); ``ambiguous`` the names that need context (see the module docstring).
    """

    id: str
    type: str
    label: str
    qid: str | None
    names: Mapping[str, tuple[str, ...]]
    roles: tuple[Role, ...] = ()
    attrs: Mapping[str, str] = field(default=EMPTY)
    ambiguous: Mapping[str, tuple[str, ...]] = field(default=EMPTY)

    def all_names(self) -> Iterator[tuple[str, str]]:
        """Every (language, surface form) of the entity."""
        for lang, forms in self.names.items():
            for form in forms:
                yield lang, form

    def is_ambiguous(self, lang: str, name: str) -> bool:
        return name in self.ambiguous.get(lang, ())
