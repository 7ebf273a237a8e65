"""From command-line targets to inputs, and from each input to Articles.

``discover`` turns files, folders and URLs into Items, each naming the reader for it; ``read`` runs
that reader. Neither raises for bad input: a missing path, an unknown kind of file, a file over the
size limit or a reader's own bug all become Failures, so one bad input never stops a batch.

Readers get what their ``contract`` marker asks for: the file's bytes (the base contract, after
the size check), an open binary file (streaming readers, which may read past the size limit), or
just the location (the url reader, which fetches).
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

import catalogue

from clew.ingest.base import Item, Limits, Outcome

# Importing the reader modules registers them; nothing here calls them by name.
from clew.ingest.readers import csv, feed, html, pdf, records, text, url, warc  # noqa: F401
from clew.ingest.readers.contract import over_limit, takes
from clew.ingest.readers.sniff import SNIFF_BYTES, looks_like_feed
from clew.model import Failure
from clew.registry import readers

SUFFIXES: dict[str, str] = {
    ".txt": "text",
    ".md": "text",
    ".markdown": "text",
    ".html": "html",
    ".htm": "html",
    ".pdf": "pdf",
    ".jsonl": "records",
    ".json": "records",
    ".csv": "csv",
    ".warc": "warc",
    ".warc.gz": "warc",
    ".rss": "feed",
    ".atom": "feed",
    ".xml": "feed",
}
"""The reader for each file suffix clew knows (matched case-insensitively, longest first)."""

NOT_REPORTS = frozenset(
    {
        *(".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif", ".svg", ".ico", ".bmp", ".tif"),
        *(".tiff", ".mp3", ".m4a", ".wav", ".ogg", ".mp4", ".webm", ".mov", ".avi"),
        *(".woff", ".woff2", ".ttf", ".otf", ".eot", ".css", ".js", ".map"),
    }
)
"""Suffixes skipped without a word inside a folder: the images, media, fonts, styles and scripts
that "Save page as… complete" puts beside a saved article. Named on the command line, they fail."""

_BY_LENGTH = sorted(SUFFIXES, key=len, reverse=True)
_SUPPORTED = " ".join(SUFFIXES)
_HTTP = re.compile(r"https?://", re.IGNORECASE)
_SCHEME = re.compile(r"[a-z][a-z0-9+.-]*://", re.IGNORECASE)


def discover(targets: Sequence[str], limits: Limits) -> Iterator[Item | Failure]:
    """Expand CLI targets: files, folders (recursively, sorted, skipping hidden entries), URLs.

    ``limits`` is taken so that discovering and reading share their settings; discovery itself
    reads no more than the first bytes of a .xml file, to tell a feed from other XML.
    """
    for target in targets:
        if _HTTP.match(target):
            yield Item(target, "url")
        elif _SCHEME.match(target):
            yield Failure(
                target, "clew fetches only http and https URLs: save the report as a file"
            )
        elif os.path.isdir(target):
            yield from _folder(Path(target))
        elif os.path.isfile(target):
            yield _file(Path(target)) or _unknown(Path(target))
        else:
            yield Failure(target, "no such file or folder: check the path")


def read(item: Item, limits: Limits) -> Iterator[Outcome]:
    """Read one item with its registered reader; bad input and reader bugs become Failures."""
    try:
        reader = readers.get(item.reader)
    except catalogue.RegistryError:
        yield Failure(
            item.location,
            f"no reader named {item.reader!r}: is the plugin that provides it installed?",
        )
        return
    try:
        yield from _run(reader, item, limits)
    # A bug in one reader, ours or a plugin's, must cost one input, not the batch.
    except Exception as exc:
        yield Failure(
            item.location,
            f"the {item.reader} reader failed ({type(exc).__name__}: {exc}); "
            "the batch went on - please report this with the input",
        )


def _run(reader: Callable[..., Iterator[Outcome]], item: Item, limits: Limits) -> Iterator[Outcome]:
    """Call ``reader`` with what it takes: the location, an open file, or the file's bytes."""
    kind = takes(reader)
    if kind == "location":
        yield from reader(item.location, limits)
        return
    path = Path(item.location)
    try:
        if kind == "stream":
            with path.open("rb") as stream:
                yield from reader(item.location, stream, limits)
            return
        size = path.stat().st_size
        if size > limits.max_bytes:
            yield over_limit(item.location, "the file", size, limits)
            return
        data = path.read_bytes()
    except OSError as exc:
        yield Failure(
            item.location, f"cannot read the file ({exc.strerror}): check its permissions"
        )
        return
    yield from reader(item.location, data, limits)


def _folder(root: Path) -> Iterator[Item | Failure]:
    """Every readable file under ``root``, sorted by path; a folder with none is a Failure."""
    unlisted: list[Failure] = []

    def note(exc: OSError) -> None:  # os.walk would otherwise skip an unreadable folder silently
        unlisted.append(Failure(str(exc.filename), f"cannot list the folder ({exc.strerror})"))

    paths: list[Path] = []
    for folder, subfolders, files in os.walk(root, onerror=note):
        subfolders[:] = [name for name in subfolders if not name.startswith(".")]
        paths.extend(Path(folder, name) for name in files if not name.startswith("."))
    found = False
    for path in sorted(paths):
        outcome = _file(path)
        if outcome is None and path.suffix.lower() not in NOT_REPORTS:
            outcome = _unknown(path)
        if outcome is not None:
            found = True
            yield outcome
    yield from unlisted
    if not found and not unlisted:
        yield Failure(str(root), f"no files clew can read in this folder (it reads {_SUPPORTED})")


def _file(path: Path) -> Item | Failure | None:
    """The Item for a file of a known kind; None when its suffix is unknown."""
    name = path.name.lower()
    reader = next((SUFFIXES[s] for s in _BY_LENGTH if name.endswith(s)), None)
    if reader is None:
        return None
    if name.endswith(".xml"):
        try:
            with path.open("rb") as stream:
                head = stream.read(SNIFF_BYTES)
        except OSError as exc:
            return Failure(str(path), f"cannot read the file ({exc.strerror})")
        if not looks_like_feed(head):
            return Failure(str(path), "XML that is not an RSS or Atom feed: clew cannot read it")
    return Item(str(path), reader)


def _unknown(path: Path) -> Failure:
    """The Failure for a file whose suffix names no reader."""
    return Failure(str(path), f"unknown kind of file: clew reads {_SUPPORTED}")
