"""Syndicated and lightly edited copies: MinHash LSH over word shingles, within a language.

An article whose shingle Jaccard with an earlier article of the same language reaches the
threshold is recorded as a copy of that article's original (the earliest version: a copy of a
copy points to the first). Only articles within the time window are compared, so memory is
bounded by the window, not by the archive.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from datasketch import LeanMinHash, MinHashLSH

from ..records import LinkProfile
from .profile import NUM_PERM, SCHEME


@dataclass
class _Entry:
    minhash: LeanMinHash
    clock: int | None
    original: str  # itself, or the article it copies


class CopyIndex:
    def __init__(self, threshold: float, window_days: int, num_perm: int = NUM_PERM) -> None:
        if not 0.0 < threshold <= 1.0:
            raise ValueError(f"copy threshold must be in (0, 1], not {threshold!r}")
        self.threshold = threshold
        self.window_days = window_days
        self.num_perm = num_perm
        self._lsh: dict[str, MinHashLSH] = {}
        self._entries: dict[str, _Entry] = {}

    def _minhash(self, profile: LinkProfile) -> LeanMinHash | None:
        if not profile.minhash or profile.words < 8:
            return None  # too short to call anything a copy of it
        values = np.frombuffer(profile.minhash, dtype="<u4").astype(np.uint64)
        if len(values) != self.num_perm:
            return None
        return LeanMinHash(seed=1, hashvalues=values, scheme=SCHEME)

    def find(self, profile: LinkProfile, clock: int | None) -> tuple[str, float] | None:
        """The original this article copies and their estimated Jaccard similarity, or None."""
        m = self._minhash(profile)
        lsh = self._lsh.get(profile.lang or "")
        if m is None or lsh is None:
            return None
        best: tuple[float, str] | None = None
        for key in lsh.query(m):
            entry = self._entries.get(key)
            if entry is None:
                continue
            if clock is not None and entry.clock is not None and entry.clock < clock - self.window_days:
                continue
            sim = round(float(m.jaccard(entry.minhash)), 4)
            if sim >= self.threshold and (best is None or (sim, key) > best):
                best = (sim, key)
        if best is None:
            return None
        original = self._entries[best[1]].original
        root = self._entries.get(original)
        sim = best[0] if root is None or original == best[1] else round(float(m.jaccard(root.minhash)), 4)
        return original, sim

    def add(self, profile: LinkProfile, clock: int | None, original: str | None) -> None:
        m = self._minhash(profile)
        if m is None or profile.article in self._entries:
            return
        lang = profile.lang or ""
        lsh = self._lsh.get(lang)
        if lsh is None:
            # recall over precision: every candidate's Jaccard is checked afterwards anyway
            lsh = self._lsh[lang] = MinHashLSH(threshold=self.threshold, num_perm=self.num_perm, weights=(0.2, 0.8))
        lsh.insert(profile.article, m)
        self._entries[profile.article] = _Entry(m, clock, original or profile.article)

    def evict(self, before_clock: int) -> int:
        """Forget articles older than ``before_clock`` (memory only: they are out of the window)."""
        old = [k for k, e in self._entries.items() if e.clock is not None and e.clock < before_clock]
        for key in old:
            for lsh in self._lsh.values():
                if key in lsh:
                    lsh.remove(key)
                    break
            del self._entries[key]
        return len(old)

    def __len__(self) -> int:
        return len(self._entries)
