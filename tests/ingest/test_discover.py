"""Discovering targets, and the read() contract: what readers are given; that it never raises."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

import clew.ingest
from clew.ingest import Item, Limits, discover, read
from clew.ingest.discover import SUFFIXES
from clew.ingest.readers.contract import register
from clew.model import Article, Failure
from clew.registry import readers

FEED = b'<?xml version="1.0"?>\n<rss version="2.0"><channel><title>T</title></channel></rss>'
SITEMAP = b'<?xml version="1.0"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"/>'


@register("test-explodes")
def explodes(location: str, data: bytes, limits: Limits) -> Iterator[Article]:
    """A reader with a bug, as a plugin might have."""
    yield Article(text="read before the bug")
    raise KeyError("field")


def found(targets: list[str]) -> list[Item | Failure]:
    return list(discover(targets, Limits()))


def test_the_public_api_is_explicit() -> None:
    assert clew.ingest.__all__ == ["Item", "Limits", "Outcome", "discover", "read"]


def test_every_suffix_has_a_registered_reader() -> None:
    for reader in set(SUFFIXES.values()) | {"url"}:
        assert readers.get(reader)


def test_a_folder_is_walked_sorted_skipping_hidden_and_non_reports(tmp_path: Path) -> None:
    for name, data in {
        "b.md": b"x",
        "a.TXT": b"x",
        "sub/c.html": b"x",
        "sub/page_files/logo.png": b"x",
        "sub/page_files/site.css": b"x",
        "sub/d.warc.gz": b"x",
        ".git/HEAD": b"x",
        ".hidden.txt": b"x",
        "feeds/daily.xml": FEED,
        "feeds/sitemap.xml": SITEMAP,
        "notes.docx": b"x",
    }.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    outcomes = found([str(tmp_path)])
    items = [
        (Path(o.location).relative_to(tmp_path).as_posix(), o.reader)
        for o in outcomes
        if isinstance(o, Item)
    ]
    assert items == [
        ("a.TXT", "text"),
        ("b.md", "text"),
        ("feeds/daily.xml", "feed"),
        ("sub/c.html", "html"),
        ("sub/d.warc.gz", "warc"),
    ]
    failures = {Path(o.location).name: o.reason for o in outcomes if isinstance(o, Failure)}
    assert set(failures) == {"sitemap.xml", "notes.docx"}
    assert "not an RSS or Atom feed" in failures["sitemap.xml"]
    assert ".txt" in failures["notes.docx"] and ".warc.gz" in failures["notes.docx"]


def test_files_urls_and_missing_paths(tmp_path: Path) -> None:
    image = tmp_path / "photo.jpg"
    image.write_bytes(b"x")
    report = tmp_path / "report.pdf"
    report.write_bytes(b"x")
    missing = str(tmp_path / "nope.txt")
    outcomes = found(
        [str(report), str(image), "https://meridian-ledger.example/a", "ftp://x/y", missing]
    )
    assert outcomes[0] == Item(str(report), "pdf")
    assert isinstance(outcomes[1], Failure)  # named on purpose, so not skipped silently
    assert outcomes[2] == Item("https://meridian-ledger.example/a", "url")
    assert isinstance(outcomes[3], Failure) and "http" in outcomes[3].reason
    assert outcomes[4] == Failure(missing, "no such file or folder: check the path")


def test_a_folder_with_nothing_readable_is_a_failure(tmp_path: Path) -> None:
    (tmp_path / "logo.png").write_bytes(b"x")
    [failure] = found([str(tmp_path)])
    assert isinstance(failure, Failure) and failure.location == str(tmp_path)


def test_an_unreadable_folder_is_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    (tmp_path / "a.txt").write_text("x")
    scandir = os.scandir

    def refuse(path: str) -> Iterator[os.DirEntry[str]]:  # as chmod 000 would, even for root
        if Path(path) == locked:
            raise PermissionError(13, "Permission denied", path)
        return scandir(path)

    monkeypatch.setattr(os, "scandir", refuse)
    outcomes = found([str(tmp_path)])
    assert outcomes[0] == Item(str(tmp_path / "a.txt"), "text")
    assert outcomes[1] == Failure(str(locked), "cannot list the folder (Permission denied)")


def test_a_file_over_the_limit_is_refused_before_it_is_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "big.txt"
    path.write_text("word " * 100)

    def no_reading(self: Path) -> bytes:
        raise AssertionError("the file was read")

    monkeypatch.setattr(Path, "read_bytes", no_reading)
    [failure] = read(Item(str(path), "text"), Limits(max_bytes=100))
    assert isinstance(failure, Failure)
    assert "500 bytes" in failure.reason and "100 bytes" in failure.reason
    assert "--max-bytes" in failure.reason


def test_read_never_raises(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("A report.")
    article, failure = read(Item(str(path), "test-explodes"), Limits())
    assert isinstance(article, Article)  # what came before the bug is kept
    assert (
        isinstance(failure, Failure) and "KeyError" in failure.reason and "field" in failure.reason
    )
    [failure] = read(Item(str(path), "no-such-reader"), Limits())
    assert isinstance(failure, Failure) and "no-such-reader" in failure.reason
    for reader in ("text", "records"):  # bytes and streaming readers alike
        [failure] = read(Item(str(tmp_path / "gone.txt"), reader), Limits())
        assert isinstance(failure, Failure) and "cannot read" in failure.reason


def test_discovered_items_read_end_to_end(tmp_path: Path) -> None:
    (tmp_path / "one.md").write_text("---\ntitle: One\n---\nBELGRADE, 12 May 2025 — A report.")
    (tmp_path / "two.jsonl").write_text('{"id": "a", "text": "A."}\n{"id": "b", "text": "B."}\n')
    outcomes = [
        o for item in found([str(tmp_path)]) if isinstance(item, Item) for o in read(item, Limits())
    ]
    assert [o.title if isinstance(o, Article) else o for o in outcomes] == ["One", None, None]
    assert [o.ref for o in outcomes if isinstance(o, Article)] == [None, "a", "b"]
