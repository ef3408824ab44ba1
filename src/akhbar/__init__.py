"""Akhbar: an offline-first multilingual news event tracker."""

__version__ = "0.1.0"
