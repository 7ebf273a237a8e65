"""Plain text and Markdown reports, with the YAML front matter that static-site tools write.

Saved reports arrive in every encoding a newsroom has used, so bytes that are not UTF-8 are
decoded with the encoding charset-normalizer detects, and bytes that are no text at all are
refused rather than turned into mojibake that would then be "extracted".
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from typing import Any

import yaml

from clew.ingest.base import Limits, Outcome
from clew.ingest.metadata import Meta, make_article
from clew.ingest.readers.contract import register
from clew.model import Failure

HEADLINE_CHARS = 150
"""The longest first line still taken for a headline when a file has no front matter."""

_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.DOTALL)
_FIELDS = {
    "title": "title",
    "outlet": "outlet",
    "url": "url",
    "published": "published",
    "date": "published",  # Jekyll and Hugo call it date
    "byline": "byline",
    "author": "byline",
    "language": "language",
    "id": "ref",
}
_KNOWN_FIELD = re.compile(rf"^(?:{'|'.join(_FIELDS)})\s*:", re.MULTILINE)


@register("text")
def read_text(location: str, data: bytes, limits: Limits) -> Iterator[Outcome]:
    """One report from a .txt or .md file."""
    yield text_article(data, location)


def text_article(data: bytes, location: str, hints: Meta | None = None) -> Outcome:
    """The report in ``data``; front matter wins over ``hints`` (a fetched URL, a feed entry),
    which win over a headline guessed from the first line."""
    text = decode_text(data, location)
    if isinstance(text, Failure):
        return text
    front = _front_matter(text, location)
    if isinstance(front, Failure):
        return front
    given, body = front
    body = body.replace("\r\n", "\n").replace("\r", "\n").strip()
    meta = given.filled_from(hints or Meta())
    if meta.title is None:
        meta = replace(meta, title=_headline(body))
    return make_article(body, location, meta)


def decode_text(data: bytes, location: str) -> str | Failure:
    """``data`` as text: UTF-8 (with or without BOM), UTF-16 with a BOM, else the detected encoding.

    NUL bytes never occur in text outside UTF-16, so they mark a binary file; charset-normalizer
    finds no encoding for bytes that are mostly not text.
    """
    if data.startswith(_UTF16_BOMS):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            return Failure(location, "starts like UTF-16 text but is not: convert it to UTF-8")
    if b"\x00" in data:
        return Failure(location, "binary data, not text (it contains NUL bytes): check the file")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        return Failure(
            location,
            "not readable as text in any encoding clew knows: it may be binary; "
            "if it is text, convert it to UTF-8",
        )
    return str(best)


def _front_matter(text: str, location: str) -> tuple[Meta, str] | Failure:
    """The metadata in a leading ``---`` block and the text after it.

    A block counts as front matter only when it names a field clew knows, so a text that merely
    opens with a horizontal rule is kept whole; a block that does name one but is not valid YAML
    is a Failure, because reading on would silently lose its title and date.
    """
    match = _FRONT_MATTER.match(text)
    if match is None or not _KNOWN_FIELD.search(match.group(1)):
        return Meta(), text
    try:
        data: Any = yaml.safe_load(match.group(1))
    except yaml.YAMLError as exc:
        return Failure(location, f"front matter is not valid YAML ({exc}): fix the --- block")
    if not isinstance(data, dict):
        return Failure(location, "front matter is not a set of `field: value` lines: fix it")
    given = {_FIELDS[key]: _scalar(value) for key, value in data.items() if key in _FIELDS}
    return Meta(**given), text[match.end() :]


def _scalar(value: object) -> str | None:
    """A front matter value as text; YAML reads ``2025-05-12`` as a date and ``id: 7`` as a number.

    A list (several authors) is joined with "; ", as trafilatura joins a page's authors.
    """
    if isinstance(value, list):
        return "; ".join(str(item) for item in value if item is not None) or None
    if value is None or isinstance(value, dict):
        return None
    return str(value)


def _headline(body: str) -> str | None:
    """The first line, if it reads like a headline: short, and not ending like a sentence."""
    first, _, rest = body.partition("\n")
    first = first.lstrip("#").strip()
    if not rest.strip() or not first or len(first) > HEADLINE_CHARS or first[-1] in ".,;:":
        return None
    return first
