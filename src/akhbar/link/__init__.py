"""Linking: copies, events and stories (see docs/ARCHITECTURE.md)."""

from .events import EventState, Linker, LinkSnapshot
from .frequencies import Frequencies
from .profile import build_profile
from .similarity import FEATURES, Cluster, LinkModel, features, pair_similarity, shipped_model, similarity_model

__all__ = ["FEATURES", "Cluster", "EventState", "Frequencies", "LinkModel", "LinkSnapshot", "Linker",
           "build_profile", "features", "pair_similarity", "shipped_model", "similarity_model"]
