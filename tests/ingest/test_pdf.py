"""PDFs: text of every page, the title from metadata, and the PDFs that cannot be read."""

from __future__ import annotations

import io

from reportlab.lib.pagesizes import A4
from reportlab.lib.pdfencrypt import StandardEncryption
from reportlab.pdfgen.canvas import Canvas

from clew.ingest.base import Limits
from clew.ingest.readers.pdf import read_pdf
from clew.model import Article, Failure

# Fiction: an invented court record.
PAGES = [
    ["BASIC CRIMINAL COURT SKOPJE, 3 October 2025", "The court found the defendant guilty."],
    ["The defendant denied the charges and will appeal."],
]


def make_pdf(
    pages: list[list[str]], title: str | None = None, encrypt: StandardEncryption | None = None
) -> bytes:
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A4, encrypt=encrypt)
    if title:
        canvas.setTitle(title)
    for lines in pages:
        for number, line in enumerate(lines):
            canvas.drawString(72, 760 - 16 * number, line)
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def read_one(data: bytes) -> Article | Failure:
    [outcome] = read_pdf("record.pdf", data, Limits())
    return outcome


def test_every_page_is_read_with_the_title_from_metadata() -> None:
    article = read_one(make_pdf(PAGES, title="Verdict in the Medisan case"))
    assert isinstance(article, Article)
    assert article.title == "Verdict in the Medisan case"
    first, second = article.text.split("\n\n")
    assert "guilty" in first and "appeal" in second
    assert article.published == "2025-10-03"  # from the first lines
    assert article.locations == ["record.pdf"]


def test_a_pdf_encrypted_only_against_copying_is_read() -> None:
    owner_only = StandardEncryption("", ownerPassword="registry", canPrint=0)
    article = read_one(make_pdf(PAGES, encrypt=owner_only))
    assert isinstance(article, Article) and "guilty" in article.text


def test_a_password_protected_pdf_is_a_failure() -> None:
    failure = read_one(make_pdf(PAGES, encrypt=StandardEncryption("secret")))
    assert isinstance(failure, Failure) and "password" in failure.reason


def test_broken_pdfs_are_failures() -> None:
    whole = make_pdf(PAGES)
    for data in (
        b"%PDF-1.4\nnot really a pdf",
        b"",
        bytes(range(256)) * 4,
        whole[: len(whole) // 3],
    ):
        failure = read_one(data)
        assert isinstance(failure, Failure)
        assert failure.location == "record.pdf"


def test_a_scan_without_text_says_to_run_ocr() -> None:
    failure = read_one(make_pdf([[]]))
    assert isinstance(failure, Failure) and "OCR" in failure.reason
