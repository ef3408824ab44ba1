"""What the venue check needs to know about places: their kind (city, town, region...) and what
contains them, from the knowledge base (``place/astana`` is a city in ``country/KZ``)."""

from __future__ import annotations

from functools import lru_cache
from typing import Any


@lru_cache(maxsize=1)
def _shipped_places() -> dict[str, tuple[str | None, str | None]]:
    """id -> (kind, containing entity id) for the shipped knowledge base's places."""
    from ..kb import KnowledgeBase

    return _index(KnowledgeBase.load())


def _index(kb: Any) -> dict[str, tuple[str | None, str | None]]:
    return {e.id: (e.attrs.get("kind"), e.attrs.get("in")) for e in kb.entities("place")}


def place_kind(entity_id: str) -> str | None:
    info = _shipped_places().get(entity_id)
    return info[0] if info else None


def containers(entity_id: str) -> set[str]:
    """The places and country that contain ``entity_id`` (following ``in`` upwards)."""
    places = _shipped_places()
    out: set[str] = set()
    current = entity_id
    while current in places and len(out) < 8:
        parent = places[current][1]
        if not parent or parent in out:
            break
        out.add(parent)
        current = parent
    return out


def compatible(a: str, b: str) -> bool:
    """Can both be where one event happened: the same place, or one inside the other."""
    return a == b or a in containers(b) or b in containers(a)
