"""PDF reports: court records, NGO reports, printed-to-PDF articles.

pypdf gives the text layer of every page; pages are separated by blank lines. A PDF without a text
layer is a scan, and the Failure says to run OCR first rather than report an empty document.
"""

from __future__ import annotations

import io
from collections.abc import Iterator

from clew.ingest.base import Limits, Outcome
from clew.ingest.metadata import Meta, make_article
from clew.ingest.readers.contract import register
from clew.model import Failure


@register("pdf")
def read_pdf(location: str, data: bytes, limits: Limits) -> Iterator[Outcome]:
    """One report from a .pdf file."""
    yield pdf_article(data, location)


def pdf_article(data: bytes, location: str, hints: Meta | None = None) -> Outcome:
    """The text of every page of the PDF ``data``, titled from its metadata if it has a title."""
    from pypdf import PdfReader

    try:
        pdf = PdfReader(io.BytesIO(data))
        # Many PDFs are encrypted only to restrict printing or copying, with an empty password.
        if pdf.is_encrypted and not pdf.decrypt(""):
            return Failure(location, "the PDF is protected by a password: save a copy without it")
        pages = [(page.extract_text() or "").strip() for page in pdf.pages]
        title = pdf.metadata.title if pdf.metadata else None
    # pypdf raises many kinds of exception on damaged files (its own, but also ValueError,
    # KeyError, struct.error, ...): any of them means this PDF cannot be read.
    except Exception as exc:
        return Failure(location, f"not a readable PDF ({type(exc).__name__}: {exc})")
    text = "\n\n".join(page for page in pages if page)
    if not text:
        return Failure(
            location,
            "the PDF has no text layer (a scan?): run OCR on it first, e.g. with ocrmypdf",
        )
    return make_article(text, location, Meta(title=title).filled_from(hints or Meta()))
