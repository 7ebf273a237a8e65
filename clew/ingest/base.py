"""What every reader takes and gives, so that the ingest loop never cares about formats.

A reader turns the bytes of one input (a file, a fetched URL, a WARC record) into Articles,
or into Failures that say what was wrong; it never raises for bad input, because one broken
file must not stop a batch of three hundred.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from clew.model import Article, Failure

Outcome = Article | Failure


@dataclass(frozen=True)
class Limits:
    """Bounds that keep one hostile or huge input from stalling a batch."""

    max_bytes: int = 50 * 1024 * 1024  # per file or fetched body; WARC and JSONL stream past it
    fetch_timeout: float = 20.0
    user_agent: str = "clew/0.1 (evidence-graph research tool; +https://clew.example/about)"


@dataclass(frozen=True)
class Item:
    """One input found by discovery: where it is and which reader will read it."""

    location: str  # a file path or an http(s) URL
    reader: str  # a name registered in clew.registry.readers


Reader = Callable[[str, bytes, Limits], Iterator[Outcome]]
"""A reader: (location, raw bytes, limits) -> Articles and Failures, never an exception."""
