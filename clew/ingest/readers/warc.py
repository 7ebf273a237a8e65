"""Web archives (.warc, .warc.gz): every archived HTML page is read as a report.

An archive holds a crawl: pages, but also scripts, images, redirects and error pages. Only
successful (2xx) HTML responses are reports; the rest is skipped. Archives are streamed record by
record, as they are often larger than memory. warcio stops quietly at a cut-off gzip member and
returns a cut-off record as if it were whole, so both are checked here: a damaged archive gives a
Failure where it breaks, after the reports read before it.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, BinaryIO

from clew.ingest.base import Limits, Outcome
from clew.ingest.metadata import Meta
from clew.ingest.readers.contract import over_limit, register, streaming
from clew.ingest.readers.html import html_article
from clew.model import Failure

_CHUNK = 64 * 1024


@register("warc")
@streaming
def read_warc(location: str, stream: BinaryIO, limits: Limits) -> Iterator[Outcome]:
    """One outcome per archived HTML page, located as ``path#<WARC-Target-URI>``."""
    from warcio.archiveiterator import ArchiveIterator

    records = ArchiveIterator(stream)
    pages = 0
    try:
        for record in records:
            if _is_html_page(record):
                pages += 1
                yield _page(record, location, limits)
    # warcio raises whatever its parsers meet on a damaged archive (ArchiveLoadFailed,
    # zlib.error, even AttributeError on a header cut short): any of them is a break here.
    except Exception as exc:
        yield _broken(location, records.offset, f"{type(exc).__name__}: {exc}")
        return
    if records.offset < stream.tell():
        yield _broken(location, records.offset, "the rest cannot be read as WARC records")
    elif not pages:
        yield Failure(location, "no HTML pages in the archive: clew reads its successful responses")


def _is_html_page(record: Any) -> bool:
    """Whether ``record`` is a successful HTTP response carrying HTML."""
    headers = record.http_headers
    if record.rec_type != "response" or headers is None:
        return False
    content_type = (headers.get_header("Content-Type") or "").lower()
    return "html" in content_type and headers.get_statuscode().startswith("2")


def _page(record: Any, location: str, limits: Limits) -> Outcome:
    """The report in one HTML response record."""
    uri = record.rec_headers.get_header("WARC-Target-URI")
    where = f"{location}#{uri or record.rec_headers.get_header('WARC-Record-ID')}"
    body = record.content_stream().read(limits.max_bytes + 1)
    if len(body) > limits.max_bytes:
        return over_limit(where, "the archived page", None, limits)
    if _cut_short(record):
        return Failure(where, "the record is cut short: the archive is truncated here")
    declared = record.http_headers.get_header("Content-Type").partition("charset=")[2]
    charset = declared.partition(";")[0].strip(" \"'")
    return html_article(body, where, Meta(url=uri), charset=charset or None)


def _cut_short(record: Any) -> bool:
    """Whether the archive ended before the record's declared length (read to its end first)."""
    raw = record.raw_stream
    while raw.read(_CHUNK):
        pass
    return int(getattr(raw, "limit", 0)) > 0


def _broken(location: str, offset: int, problem: str) -> Failure:
    """The Failure for an archive that cannot be read past ``offset``."""
    return Failure(
        location,
        f"the archive is damaged from byte {offset:,} on ({problem}); "
        "the pages before it were read",
    )
