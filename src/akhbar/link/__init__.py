"""Linking: copies, events and stories (see docs/ARCHITECTURE.md and akhbar.linking)."""

from .events import EventState, Linker, Place
from .frequencies import Frequencies, FrequencyWindow
from .profile import build_profile
from .similarity import FEATURES, Cluster, LinkModel, features, pair_similarity, shipped_model, similarity_model

__all__ = ["FEATURES", "Cluster", "EventState", "Frequencies", "FrequencyWindow", "LinkModel", "Linker", "Place",
           "build_profile", "features", "pair_similarity", "shipped_model", "similarity_model"]
