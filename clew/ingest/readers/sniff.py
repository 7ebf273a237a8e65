"""Telling kinds of input apart by their first bytes, when a name or a server does not say.

A .xml file may be a feed or a sitemap, and servers send feeds as generic XML and PDFs as
application/octet-stream often enough that discovery and the url reader both look at the body.
"""

from __future__ import annotations

import re

SNIFF_BYTES = 2048
"""How much of the start of an input is enough to tell its kind."""

_FEED_ROOT = re.compile(rb"<(?:rss|feed|rdf:RDF)\b")
_HTML_START = re.compile(rb"<(?:!doctype\s+html|html)\b", re.IGNORECASE)


def looks_like_feed(head: bytes) -> bool:
    """RSS, Atom and RDF feeds name themselves in their root element, near the start."""
    return _FEED_ROOT.search(head[:SNIFF_BYTES]) is not None


def sniff(head: bytes) -> str | None:
    """The reader for an input that starts with ``head``: "pdf", "feed", "html", or None."""
    if head.startswith(b"%PDF-"):
        return "pdf"
    if looks_like_feed(head):
        return "feed"
    if _HTML_START.search(head[:SNIFF_BYTES]):
        return "html"
    return None
