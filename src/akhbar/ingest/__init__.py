"""The ingest stage: files, folders, JSON/JSONL, RSS/Atom and WARC archives to RawDoc records.

``read_items(paths, options)`` streams :class:`~akhbar.records.RawDoc` items (one per article)
and :class:`~akhbar.records.IngestError` items (one per thing that could not be read). See
``reader.py`` for the driver and one module per format.
"""

from .decode import DecodeError, decode_bytes
from .reader import read_file, read_items

__all__ = ["read_items", "read_file", "decode_bytes", "DecodeError"]
