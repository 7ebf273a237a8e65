"""Reports that are already text: JSON Lines and JSON in the format of the eval GUIDE.

    {"id": "dev-007", "url": "…", "outlet": "…", "published": "2016-10-30", "title": "…",
     "byline": "…", "text": "full body text, paragraphs separated by blank lines"}

A JSON-lines export (GDELT, MediaCloud, a scraper's output) can be larger than memory, so it is
streamed line by line and one broken line costs only that line. The text is kept exactly as given,
so that character offsets computed on it match the input. A .json file is one object or an array
of objects; one that turns out to hold JSON lines is read as such.
"""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from typing import Any, BinaryIO

from clew.ingest.base import Limits, Outcome
from clew.ingest.metadata import Meta, make_article
from clew.ingest.readers.contract import over_limit, register, streaming
from clew.model import Failure

_SKIP_CHUNK = 1024 * 1024


@register("records")
@streaming
def read_records(location: str, stream: BinaryIO, limits: Limits) -> Iterator[Outcome]:
    """Articles from a .jsonl file (``path#L12``) or a .json file (``path#record-3``)."""
    if location.lower().endswith(".json"):
        yield from _json_document(location, stream, limits)
    else:
        yield from _json_lines(location, stream, limits)


def record_article(record: Any, location: str) -> Outcome:
    """The Article for one decoded record, or a Failure saying what the record lacks."""
    if not isinstance(record, dict):
        return Failure(location, 'record is not a JSON object: expected {"text": …, …}')
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        return Failure(location, "record has no text: give the report's body in `text`")
    meta = Meta(
        title=_field(record, "title"),
        url=_field(record, "url"),
        outlet=_field(record, "outlet"),
        byline=_field(record, "byline"),
        published=_field(record, "published"),
        language=_field(record, "language"),
        ref=_field(record, "id"),
    )
    return make_article(text, location, meta)


def _json_lines(location: str, stream: BinaryIO, limits: Limits) -> Iterator[Outcome]:
    """One Article per line; a line over ``limits.max_bytes`` is skipped without being held."""
    number = found = 0
    while line := stream.readline(limits.max_bytes + 1):
        number += 1
        if not line.strip():
            continue
        found += 1
        where = f"{location}#L{number}"
        if len(line) > limits.max_bytes:
            if not line.endswith(b"\n"):
                _skip_line(stream)
            yield over_limit(where, "the line", None, limits)
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield Failure(where, f"not valid JSON ({exc.msg}, column {exc.colno}): fix the line")
            continue
        except UnicodeDecodeError:
            yield Failure(where, "the line is not UTF-8 text: convert the file to UTF-8")
            continue
        yield record_article(record, where)
    if not found:
        yield Failure(location, "no records found: the file is empty")


def _json_document(location: str, stream: BinaryIO, limits: Limits) -> Iterator[Outcome]:
    """The records of a whole .json file, which must fit within ``limits.max_bytes``."""
    data = stream.read(limits.max_bytes + 1)
    if len(data) > limits.max_bytes:
        yield over_limit(location, "the JSON file", None, limits)
        return
    try:
        document = json.loads(data)
    except json.JSONDecodeError as exc:
        if exc.msg == "Extra data":  # one value per line: JSON lines under a .json name
            yield from _json_lines(location, io.BytesIO(data), limits)
        else:
            yield Failure(
                location,
                f"not valid JSON ({exc.msg}, line {exc.lineno} column {exc.colno}): fix the file",
            )
        return
    except UnicodeDecodeError:
        yield Failure(location, "the file is not UTF-8 text: convert it to UTF-8")
        return
    if document == []:
        yield Failure(location, "no records found: the array is empty")
    elif isinstance(document, list):
        for number, record in enumerate(document, start=1):
            yield record_article(record, f"{location}#record-{number}")
    elif isinstance(document, dict):
        yield record_article(document, location)
    else:
        yield Failure(location, "expected a JSON object or an array of objects")


def _field(record: dict[str, Any], name: str) -> str | None:
    """A metadata field as text; ids are often numbers, and null means absent."""
    value = record.get(name)
    if isinstance(value, str | int | float) and not isinstance(value, bool):
        return str(value)
    return None


def _skip_line(stream: BinaryIO) -> None:
    """Read past the rest of an over-long line, a chunk at a time."""
    while chunk := stream.readline(_SKIP_CHUNK):
        if chunk.endswith(b"\n"):
            return
