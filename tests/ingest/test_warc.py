"""Web archives: archived HTML pages are reports; the rest is skipped; damage is reported."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from clew.ingest.base import Item, Limits
from clew.ingest.discover import read
from clew.model import Article, Failure

# Fiction: invented pages of invented outlets.
STORY = (
    "<p>SKOPJE — Police in North Macedonia arrested seven people in a raid on a private clinic "
    "on Monday, the interior ministry said in a statement.</p>"
    "<p>The clinic's lawyer denied that any operation there had broken the law.</p>"
)


def page(title: str, extra: str = "") -> bytes:
    return (
        f"<html><head><title>{title}</title></head><body><article><h1>{title}</h1>"
        f"{STORY}{extra}</article></body></html>"
    ).encode()


def response(
    writer: WARCWriter, uri: str, body: bytes, content_type: str, status: str = "200 OK"
) -> None:
    headers = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
    record = writer.create_warc_record(
        uri, "response", payload=io.BytesIO(body), length=len(body), http_headers=headers
    )
    writer.write_record(record)


def build(path: Path, *, gzip: bool) -> Path:
    """An archive of a small crawl: two articles among the records a crawler also keeps."""
    with path.open("wb") as stream:
        writer = WARCWriter(stream, gzip=gzip)
        response(writer, "https://harbour-gazette.example/raid", page("Raid"), "text/html")
        response(writer, "https://harbour-gazette.example/logo.png", b"\x89PNG", "image/png")
        response(
            writer, "https://harbour-gazette.example/old", page("Moved"), "text/html", "301 Moved"
        )
        legacy = page("Raid, day two", "<p>Ministério: « déclaration » reçue.</p>")
        response(
            writer,
            "https://meridian-ledger.example/day-two",
            legacy.decode("utf-8").encode("cp1252"),  # declared only in the HTTP header
            "text/html; charset=windows-1252",
        )
        request = writer.create_warc_record(
            "https://harbour-gazette.example/raid", "request", payload=io.BytesIO(b""), length=0
        )
        writer.write_record(request)
    return path


def read_archive(path: Path, limits: Limits | None = None) -> list[Article | Failure]:
    return list(read(Item(str(path), "warc"), limits or Limits()))


@pytest.mark.parametrize("gzip", [False, True])
def test_html_responses_are_read_and_the_rest_skipped(tmp_path: Path, gzip: bool) -> None:
    path = build(tmp_path / ("crawl.warc.gz" if gzip else "crawl.warc"), gzip=gzip)
    first, second = read_archive(path)
    assert isinstance(first, Article) and isinstance(second, Article)
    assert first.locations == [f"{path}#https://harbour-gazette.example/raid"]
    assert first.url == "https://harbour-gazette.example/raid"
    assert first.outlet == "harbour-gazette.example"
    assert first.title == "Raid" and "arrested seven people" in first.text
    assert "Ministério: « déclaration » reçue." in second.text  # the declared charset


def test_a_truncated_archive_keeps_what_came_before(tmp_path: Path) -> None:
    whole = build(tmp_path / "whole.warc", gzip=False).read_bytes()
    cut = tmp_path / "cut.warc"
    cut.write_bytes(whole[: whole.index(b"Raid, day two") + 40])
    outcomes = read_archive(cut)
    assert isinstance(outcomes[0], Article)
    failure = outcomes[-1]
    assert isinstance(failure, Failure)
    assert failure.location == f"{cut}#https://meridian-ledger.example/day-two"
    assert "cut short" in failure.reason


def test_a_truncated_gzip_archive_keeps_what_came_before(tmp_path: Path) -> None:
    whole = build(tmp_path / "whole.warc.gz", gzip=True).read_bytes()
    cut = tmp_path / "cut.warc.gz"
    cut.write_bytes(whole[: len(whole) * 2 // 3])
    outcomes = read_archive(cut)
    assert isinstance(outcomes[0], Article)
    failure = outcomes[-1]
    assert isinstance(failure, Failure)
    assert failure.location == str(cut) and "damaged" in failure.reason


def test_something_that_is_no_archive_or_holds_no_page_is_a_failure(tmp_path: Path) -> None:
    for data in (b"<html>not an archive</html>", b"WARC/1.0\r\nWARC-Type: resp", b""):
        path = tmp_path / "fake.warc"
        path.write_bytes(data)
        [failure] = read_archive(path)
        assert isinstance(failure, Failure) and failure.location == str(path)


def test_an_oversized_page_is_a_failure_and_the_archive_goes_on(tmp_path: Path) -> None:
    path = build(tmp_path / "crawl.warc", gzip=False)
    outcomes = read_archive(path, Limits(max_bytes=len(page("Raid")) - 1))
    assert [type(o).__name__ for o in outcomes] == ["Failure", "Failure"]
    assert all("--max-bytes" in o.reason for o in outcomes if isinstance(o, Failure))
