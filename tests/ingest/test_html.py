"""Saved web pages: the article without the site around it, and its metadata."""

from __future__ import annotations

from pathlib import Path

from clew.ingest.base import Limits
from clew.ingest.metadata import Meta
from clew.ingest.readers.html import html_article, read_html
from clew.model import Article, Failure

FIXTURES = Path(__file__).parent / "fixtures"
# Fiction: an invented report, long enough for trafilatura to take it for an article.
PARAGRAPHS = [
    "SKOPJE — Prosecutors charged the owner of a private clinic with organ trafficking on "
    "Tuesday, accusing him of removing kidneys from migrants who had been promised payment.",
    "The indictment says the donors were held in a house near the border before the "
    "operations and that most of them were never paid, according to the prosecutor's office.",
    "The clinic's lawyer said his client was innocent and would prove it in court.",
]


def page(body: str, head: str = "", charset: str = "utf-8") -> str:
    return (
        f'<!DOCTYPE html><html><head><meta charset="{charset}">{head}</head>'
        f"<body><article>{body}</article></body></html>"
    )


def test_the_article_and_its_metadata_are_read_and_the_site_dropped() -> None:
    data = (FIXTURES / "kidney-ring.html").read_bytes()
    [article] = read_html("kidney-ring.html", data, Limits())
    assert isinstance(article, Article)
    assert article.title == "Police break kidney ring in Belgrade"
    assert article.byline == "Ana Petrović"
    assert article.outlet == "Meridian Ledger"
    assert article.url == "https://meridian-ledger.example/news/2025/05/12/kidney-ring"
    assert article.published == "2025-05-12"
    assert article.locations == ["kidney-ring.html"]
    paragraphs = article.text.split("\n\n")
    assert len(paragraphs) == 3
    assert paragraphs[0].startswith("BELGRADE, 12 May 2025 — Serbian police said")
    assert paragraphs[2].startswith("A spokesperson for the clinic denied")
    for boilerplate in ("Most read", "Football", "All rights reserved", "About us"):
        assert boilerplate not in article.text


def test_a_declared_legacy_charset_is_honoured() -> None:
    body = "".join(f"<p>{p}</p>" for p in [*PARAGRAPHS, "Ministério: « déclaration » reçue."])
    data = page(body, charset="windows-1252").encode("cp1252")
    article = html_article(data, "legacy.html")
    assert isinstance(article, Article)
    assert "Ministério: « déclaration » reçue." in article.text


def test_a_server_charset_wins_and_hints_fill_the_gaps() -> None:
    body = "".join(f"<p>{p}</p>" for p in [*PARAGRAPHS, "Čelnik službe je rekao: «Ne.»"])
    data = f"<html><body><article>{body}</article></body></html>".encode("cp1250")
    hints = Meta(title="From the feed", url="https://www.harbour-gazette.example/a")
    article = html_article(data, "https://harbour-gazette.example/a", hints, charset="cp1250")
    assert isinstance(article, Article)
    assert "Čelnik službe" in article.text
    assert (article.title, article.outlet) == ("From the feed", "harbour-gazette.example")
    assert article.published is None


def test_a_page_without_an_article_is_a_failure() -> None:
    for data in (b"", page("").encode(), b"\x89PNG\r\n\x1a\n\x00\x00"):
        failure = html_article(data, "empty.html")
        assert isinstance(failure, Failure)
        assert failure.location == "empty.html" and "no article text" in failure.reason
