"""Ingest: turn files, folders, URLs, feeds and web archives into Articles.

    discover(targets, limits)  -> Items (which reader reads what) and Failures
    read(item, limits)         -> Articles and Failures, never an exception

Readers live in ``clew.ingest.readers`` and register in ``clew.registry.readers``; their contract
is ``clew.ingest.base.Reader``, extended by ``clew.ingest.readers.contract``.
"""

from clew.ingest.base import Item, Limits, Outcome
from clew.ingest.discover import discover, read

__all__ = ["Item", "Limits", "Outcome", "discover", "read"]
