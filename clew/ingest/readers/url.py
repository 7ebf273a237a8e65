"""http(s) targets: fetched, then read as what the server says they are.

A URL given on the command line may be a page, a PDF, a plain text or a whole feed. A link found
inside another input (a feed entry, a CSV row) is one report and is never read as a feed, so a feed
that links to feeds cannot send clew crawling.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from clew.ingest.base import Limits, Outcome
from clew.ingest.fetch import Page, fetch
from clew.ingest.metadata import Meta
from clew.ingest.readers.contract import fetching, register
from clew.ingest.readers.html import html_article
from clew.ingest.readers.pdf import pdf_article
from clew.ingest.readers.sniff import sniff
from clew.ingest.readers.text import text_article
from clew.model import Failure
from clew.registry import readers

_HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
_FEED_TYPES = frozenset({"application/rss+xml", "application/atom+xml", "application/rdf+xml"})
_TEXT_TYPES = frozenset({"text/plain", "text/markdown"})


@register("url")
@fetching
def read_url(location: str, limits: Limits) -> Iterator[Outcome]:
    """The report, or the feed's reports, at the http(s) URL ``location``."""
    page = fetch(location, limits)
    if isinstance(page, Failure):
        yield page
    elif kind_of(page) == "feed":
        # Looked up by name rather than imported: the feed reader reads its links through here.
        yield from readers.get("feed")(location, page.body, limits)
    else:
        yield _document(page, location, Meta())


def read_link(url: str, limits: Limits, hints: Meta | None = None) -> Outcome:
    """The one report at ``url``, a link found inside another input; ``hints`` fill its gaps."""
    page = fetch(url, limits)
    if isinstance(page, Failure):
        return page
    return _document(page, url, hints or Meta())


def kind_of(page: Page) -> str | None:
    """Which reader suits ``page``: its declared type if clew knows it, else its first bytes."""
    if page.content_type in _HTML_TYPES:
        return "html"
    if page.content_type == "application/pdf":
        return "pdf"
    if page.content_type in _FEED_TYPES:
        return "feed"
    if page.content_type in _TEXT_TYPES:
        return "text"
    return sniff(page.body)


def _document(page: Page, location: str, hints: Meta) -> Outcome:
    """One report from a fetched page, located at the URL asked for; its url is the one reached."""
    hints = replace(hints, url=page.url)
    kind = kind_of(page)
    if kind == "html":
        return html_article(page.body, location, hints, charset=page.charset)
    if kind == "pdf":
        return pdf_article(page.body, location, hints)
    if kind == "text":
        return text_article(page.body, location, hints)
    if kind == "feed":
        return Failure(location, "the link leads to a feed, not a report: give the feed itself")
    return Failure(
        location,
        f"cannot read content of type {page.content_type or 'unknown'}: "
        "clew reads HTML pages, PDFs, plain text and RSS/Atom feeds",
    )
