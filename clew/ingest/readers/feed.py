"""RSS and Atom feeds: each entry's link is fetched and read as the report it points to.

A feed entry is mostly a teaser, so the linked page is the report. Some feeds carry the whole
article (content:encoded, Atom content, or a description as long as an article); when the page
cannot be fetched, that content is used instead, and an entry that has neither is a Failure. The
entry's title, date and author fill what the page does not say.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from dataclasses import replace
from typing import Any

from clew.ingest.base import Limits, Outcome
from clew.ingest.metadata import Meta, make_article
from clew.ingest.readers.contract import register
from clew.ingest.readers.html import html_article
from clew.ingest.readers.url import read_link
from clew.model import Article, Failure

FULL_CONTENT_CHARS = 500
"""Entry content at least this long is taken for the whole article, not a teaser."""


@register("feed")
def read_feed(location: str, data: bytes, limits: Limits) -> Iterator[Outcome]:
    """One outcome per entry of the feed ``data``, in feed order."""
    import feedparser

    # A stream, never bytes or str: feedparser fetches a str that looks like a URL.
    parsed = feedparser.parse(io.BytesIO(data))
    if not parsed.entries:
        problem = f" ({parsed.bozo_exception})" if parsed.bozo else ""
        yield Failure(location, f"no entries found: not a readable RSS or Atom feed{problem}")
        return
    for number, entry in enumerate(parsed.entries, start=1):
        yield _entry(entry, f"{location}#entry-{number}", limits)


def _entry(entry: Any, where: str, limits: Limits) -> Outcome:
    """The report an entry points to, or the entry's own full content if the link fails."""
    hints = Meta(
        title=entry.get("title"),
        byline=entry.get("author"),
        published=entry.get("published") or entry.get("updated"),
    )
    content = _full_content(entry)
    link = entry.get("link")
    if link:
        outcome = read_link(link, limits, hints)
        if isinstance(outcome, Article) or content is None:
            return outcome
        return _content_article(content, link, replace(hints, url=link))
    if content is None:
        return Failure(where, "the entry has neither a link nor its full text")
    return _content_article(content, where, hints)


def _full_content(entry: Any) -> tuple[str, str] | None:
    """The longest (value, media type) the entry carries, if long enough to be the article."""
    candidates = [(c.get("value", ""), c.get("type", "")) for c in entry.get("content", [])]
    if entry.get("summary"):
        candidates.append((entry["summary"], entry.get("summary_detail", {}).get("type", "")))
    value, media_type = max(candidates, key=lambda c: len(c[0]), default=("", ""))
    return (value, media_type) if len(value) >= FULL_CONTENT_CHARS else None


def _content_article(content: tuple[str, str], location: str, hints: Meta) -> Outcome:
    """An article from an entry's own content, HTML or plain text."""
    value, media_type = content
    if media_type == "text/plain":
        return make_article(value.strip(), location, hints)
    page = f"<html><body><article>{value}</article></body></html>"
    return html_article(page.encode("utf-8"), location, hints)
