"""What a reader may ask for besides the whole input as bytes.

``clew.ingest.base.Reader`` takes bytes, which suits a page or a PDF. Two inputs do not fit: a
JSON-lines export or a web archive can be larger than memory and is read record by record, and a
URL has no bytes until it is fetched. Such a reader marks itself with ``streaming`` (it gets an
open binary file) or ``fetching`` (it gets only the location); an unmarked reader is a plain
``base.Reader``, so a third party's reader keeps working unchanged. Markers go under the
registration: ``@register("warc")`` above ``@streaming``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import BinaryIO, Literal, TypeVar

from clew.ingest.base import Limits, Outcome
from clew.model import Failure
from clew.registry import readers

StreamReader = Callable[[str, BinaryIO, Limits], Iterator[Outcome]]
"""(location, open binary file, limits) -> Outcomes; the file may exceed limits.max_bytes."""

FetchingReader = Callable[[str, Limits], Iterator[Outcome]]
"""(location, limits) -> Outcomes; the reader fetches the location itself."""

Takes = Literal["bytes", "stream", "location"]

_MARK = "clew_takes"

AnyReader = TypeVar("AnyReader", bound=Callable[..., Iterator[Outcome]])


def register(name: str) -> Callable[[AnyReader], AnyReader]:
    """``@clew.registry.readers.register(name)``, keeping the reader's type.

    The registry is typed ``Any``, and mypy --strict refuses an untyped decorator on a typed
    function, which would also leave the reader's signature unchecked.
    """
    decorator: Callable[[AnyReader], AnyReader] = readers.register(name)
    return decorator


def streaming(reader: StreamReader) -> StreamReader:
    """Mark ``reader`` as one that reads an open file as it goes, past ``limits.max_bytes``."""
    setattr(reader, _MARK, "stream")
    return reader


def fetching(reader: FetchingReader) -> FetchingReader:
    """Mark ``reader`` as one that is given a location (a URL) rather than bytes."""
    setattr(reader, _MARK, "location")
    return reader


def takes(reader: object) -> Takes:
    """What ``reader`` is called with: bytes (the base contract), a stream or a location."""
    kind: Takes = getattr(reader, _MARK, "bytes")
    return kind


def over_limit(location: str, what: str, size: int | None, limits: Limits) -> Failure:
    """The one message for any input over ``limits.max_bytes``, naming the flag that raises it."""
    measured = f"is {size:,} bytes," if size is not None else "is"
    return Failure(
        location,
        f"{what} {measured} over the limit of {limits.max_bytes:,} bytes: "
        "raise it with --max-bytes if the input is genuine",
    )
