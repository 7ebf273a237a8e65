"""Web pages, saved or fetched: the article's text and metadata, without the site around it.

trafilatura does the work (main text, title, author, date, site name, canonical URL); this module
only decides the encoding when the page or server declares one, which trafilatura would otherwise
guess, and lays the text out as the rest of clew expects: paragraphs separated by blank lines,
without the headline repeated as the first paragraph.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from clew.ingest.base import Limits, Outcome
from clew.ingest.metadata import Meta, make_article
from clew.ingest.readers.contract import register
from clew.model import Failure

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)""", re.IGNORECASE)
_SNIFF_BYTES = 4096
_HOST = re.compile(r"https?://(?:www\.|w[0-9]+\.)?([^/]+)")  # as trafilatura finds a site name


@register("html")
def read_html(location: str, data: bytes, limits: Limits) -> Iterator[Outcome]:
    """One report from a saved .html page."""
    yield html_article(data, location)


def html_article(
    data: bytes, location: str, hints: Meta | None = None, charset: str | None = None
) -> Outcome:
    """The article in the page ``data``; the page's own metadata wins over ``hints``.

    ``charset`` is the encoding a server or archive declared for the bytes, if any.
    """
    from trafilatura import bare_extraction
    from trafilatura.settings import Document

    document = bare_extraction(
        _decoded(data, charset),
        url=hints.url if hints else None,
        with_metadata=True,
        include_comments=False,
    )
    if not isinstance(document, Document) or not document.text:
        return Failure(
            location,
            "no article text found in the page: it may be an index, login or paywall page, "
            "or one that builds its text with JavaScript",
        )
    paragraphs = [line.strip() for line in document.text.splitlines() if line.strip()]
    if paragraphs and document.title and paragraphs[0] == document.title.strip():
        paragraphs = paragraphs[1:]
    meta = Meta(
        title=document.title,
        url=document.url,
        outlet=_site_name(document.sitename, document.url),
        byline=document.author,
        published=document.date,
        language=document.language,
    )
    return make_article("\n\n".join(paragraphs), location, meta.filled_from(hints or Meta()))


def _site_name(sitename: str | None, url: str | None) -> str | None:
    """The name the site gives itself; None for trafilatura's stand-in, the URL's host, which
    would hide an outlet named elsewhere (a CSV column) and differ from other readers' domains."""
    host = _HOST.match(url or "")
    return None if host and sitename == host.group(1) else sitename


def _decoded(data: bytes, charset: str | None) -> str | bytes:
    """The page as text in its declared encoding (server first, then ``<meta charset>``).

    Without a declaration that fits, the bytes go to trafilatura, which tries UTF-8 and then
    guesses; a declaration is more reliable than a guess on a short page in a legacy encoding.
    """
    match = _META_CHARSET.search(data[:_SNIFF_BYTES])
    declared = match.group(1).decode("ascii") if match else None
    for name in (charset, declared):
        if not name:
            continue
        try:
            return data.decode(name)
        except (LookupError, UnicodeDecodeError):
            continue
    return data
