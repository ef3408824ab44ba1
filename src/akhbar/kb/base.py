"""The knowledge base: entities from CLDR, the shipped files and the user's files, with lookups.

Load order (later sources extend earlier ones by id): CLDR countries and cities, then the shipped
``country_aliases.jsonl``, ``places.jsonl``, ``organizations.jsonl``, ``outlets.jsonl`` and
``persons.jsonl`` (each only if present), then the user's files in the order given.

A :class:`KnowledgeBase` is immutable once built and pickles to its entities and role titles
(indexes are rebuilt on unpickling), so it can be sent to worker processes.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import date
from functools import lru_cache
from importlib import resources
from pathlib import Path

from . import cldr
from .lines import Draft, read_file
from .model import Entity, KnowledgeBaseError
from .roles import read_roles

SHIPPED_FILES = ("country_aliases.jsonl", "places.jsonl", "organizations.jsonl", "outlets.jsonl",
                 "persons.jsonl")
ROLES_FILE = "roles.tsv"


def data_dir() -> Path:
    return Path(str(resources.files("akhbar") / "data" / "kb"))


def _build(drafts: dict[str, Draft], paths: Sequence[Path], vocabulary: frozenset[str]) -> None:
    for path in paths:
        read_file(Path(path), drafts, vocabulary)


@lru_cache(maxsize=1)
def _shipped() -> tuple[tuple[Entity, ...], dict]:
    """The shipped base, built once per process (pure: reads only the package's data)."""
    directory = data_dir()
    titles = read_roles(directory / ROLES_FILE)
    drafts = cldr.drafts()
    _build(drafts, [directory / name for name in SHIPPED_FILES if (directory / name).is_file()],
           frozenset(titles))
    return tuple(d.freeze() for d in drafts.values()), titles


class KnowledgeBase:
    """Entities by id, surface forms by language, role holders by date, role titles by language."""

    def __init__(self, entities: Sequence[Entity], titles: dict[str, dict[str, tuple[str, ...]]]):
        self._entities: dict[str, Entity] = {e.id: e for e in entities}
        self._titles = titles
        self._index()

    def _index(self) -> None:
        names: dict[str, list[tuple[str, str]]] = {}
        holders: dict[tuple[str, str], list[tuple[Entity, object]]] = {}
        for entity in self._entities.values():
            for lang, forms in entity.names.items():
                bucket = names.setdefault(lang, [])
                bucket.extend((form, entity.id) for form in forms)
            for role in entity.roles:
                holders.setdefault((role.role, role.of), []).append((entity, role))
        self._names = {lang: tuple(pairs) for lang, pairs in names.items()}
        self._holders = {key: tuple(v) for key, v in holders.items()}

    # -- building -------------------------------------------------------------------------

    @classmethod
    def load(cls, extra: Sequence[Path] = ()) -> "KnowledgeBase":
        """The shipped base (CLDR + package data files) extended by the user's files ``extra``.

        Raises :class:`KnowledgeBaseError` naming FILE:LINE and the problem for a bad line.
        """
        entities, titles = _shipped()
        if not extra:
            return cls(entities, titles)
        drafts = {e.id: _thaw(e) for e in entities}
        _build(drafts, extra, frozenset(titles))
        return cls([d.freeze() for d in drafts.values()], titles)

    def __getstate__(self) -> dict:
        return {"entities": tuple(self._entities.values()), "titles": self._titles}

    def __setstate__(self, state: dict) -> None:
        self._entities = {e.id: e for e in state["entities"]}
        self._titles = state["titles"]
        self._index()

    # -- lookups --------------------------------------------------------------------------

    def __len__(self) -> int:
        return len(self._entities)

    def __contains__(self, id: object) -> bool:
        return id in self._entities

    def get(self, id: str) -> Entity | None:
        return self._entities.get(id)

    def entities(self, type: str | None = None) -> Iterator[Entity]:
        if type is None:
            return iter(self._entities.values())
        return (e for e in self._entities.values() if e.type == type)

    def names(self, lang: str) -> Iterator[tuple[str, str]]:
        """(surface form, entity id) for every name in ``lang`` (a form may name several ids)."""
        return iter(self._names.get(lang, ()))

    def languages(self) -> tuple[str, ...]:
        return tuple(sorted(self._names))

    def holders(self, role: str, of: str, on: date) -> list[Entity]:
        """The persons who held ``role`` of ``of`` on ``on`` (start and end days inclusive),
        the most recently started first (on a hand-over day, the incoming holder leads)."""
        found = [(r.start or date.min, e) for e, r in self._holders.get((role, of), ()) if r.held_on(on)]
        found.sort(key=lambda pair: pair[0], reverse=True)
        out: list[Entity] = []
        for _, entity in found:
            if entity not in out:
                out.append(entity)
        return out

    def roles(self) -> tuple[str, ...]:
        """The role vocabulary of ``roles.tsv``."""
        return tuple(self._titles)

    def role_titles(self, lang: str) -> Iterator[tuple[str, str]]:
        """(title, role) for every role title in ``lang`` ("وزير الخارجية", "foreign_minister")."""
        for role, langs in self._titles.items():
            for title in langs.get(lang, ()):
                yield title, role


def _thaw(entity: Entity) -> Draft:
    draft = Draft(entity.id, entity.type, entity.label, entity.qid,
                  names={lang: list(forms) for lang, forms in entity.names.items()},
                  ambiguous={lang: set(forms) for lang, forms in entity.ambiguous.items()},
                  roles=list(entity.roles), attrs=dict(entity.attrs), origin="shipped")
    return draft


__all__ = ["KnowledgeBase", "KnowledgeBaseError", "data_dir"]
