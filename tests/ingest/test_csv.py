"""Spreadsheets of reports: sniffed dialects, spreadsheet row numbers, and url-only files."""

from __future__ import annotations

import csv
import io

from clew.ingest.base import Limits
from clew.ingest.readers.csv import read_csv
from clew.model import Article, Failure

from .conftest import Site

# Fiction: invented reports.
ROWS = [
    {
        "id": "r1",
        "title": "Clinic raided",
        "outlet": "Harbour Gazette",
        "published": "2025-06-02",
        "byline": "Jovan Ristevski",
        "url": "https://harbour-gazette.example/raid",
        "text": 'SKOPJE — Police raided a clinic, the ministry said, "and arrested seven".\n\n'
        "The lawyer denied it; he said so twice.",
    },
    {
        "id": "r2",
        "title": "",
        "outlet": "",
        "published": "",
        "byline": "",
        "url": "",
        "text": "Ok.",
    },
]


def to_csv(rows: list[dict[str, str]], delimiter: str = ",") -> bytes:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(rows[0]), delimiter=delimiter)
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8")


def test_rows_become_articles_located_by_spreadsheet_row() -> None:
    for delimiter in ",;\t":
        first, second = read_csv("reports.csv", to_csv(ROWS, delimiter), Limits())
        assert isinstance(first, Article) and isinstance(second, Article)
        assert first.text == ROWS[0]["text"]
        assert (first.title, first.outlet, first.byline) == (
            "Clinic raided",
            "Harbour Gazette",
            "Jovan Ristevski",
        )
        assert (first.ref, first.published) == ("r1", "2025-06-02")
        assert first.url == "https://harbour-gazette.example/raid"
        assert first.locations == ["reports.csv#row-2"]  # the header is row 1
        assert (second.title, second.url, second.locations) == (None, None, ["reports.csv#row-3"])


def test_header_names_are_forgiving_and_blank_rows_skipped() -> None:
    data = b"Title , TEXT\nA headline,The report.\n,\n\nB,Another report.\n"
    first, second = read_csv("r.csv", data, Limits())
    assert isinstance(first, Article) and isinstance(second, Article)
    assert (first.title, first.locations) == ("A headline", ["r.csv#row-2"])
    assert (second.title, second.locations) == ("B", ["r.csv#row-5"])


def test_rows_without_text_and_files_without_columns_are_failures() -> None:
    [failure] = read_csv("r.csv", b"title,text\nA headline,\n", Limits())
    assert isinstance(failure, Failure)
    assert failure.location == "r.csv#row-2" and "no text" in failure.reason
    [failure] = read_csv("r.csv", b"headline,body\nA,B\n", Limits())
    assert isinstance(failure, Failure) and "`text` column" in failure.reason
    [failure] = read_csv("r.csv", b"", Limits())
    assert isinstance(failure, Failure) and "empty" in failure.reason
    [failure] = read_csv("r.csv", bytes(range(256)), Limits())
    assert isinstance(failure, Failure) and "binary" in failure.reason


def test_long_texts_fit_within_the_size_limit() -> None:
    text = "word " * 40_000  # beyond the csv module's default field limit
    [article] = read_csv("r.csv", to_csv([{"text": text}]), Limits())
    assert isinstance(article, Article) and article.text == text


def test_a_url_only_file_fetches_each_page(site: Site) -> None:
    page = (
        "<html><head><title>Court hears clinic case</title></head><body><article>"
        "<p>SKOPJE — A court in Skopje heard the first witnesses in the clinic case on Monday, "
        "the prosecutor's office said, and the trial will go on next week.</p>"
        "</article></body></html>"
    )
    good = site.add("/court", page)
    missing = site.url("/gone")
    data = f"url,outlet\n{good},Harbour Gazette\n{missing},Harbour Gazette\n,\n".encode()
    article, failure = read_csv("links.csv", data, Limits())
    assert isinstance(article, Article)
    assert article.locations == [good] and article.url == good
    assert article.outlet == "Harbour Gazette"  # the row's columns fill the page's gaps
    assert "first witnesses" in article.text
    assert isinstance(failure, Failure) and failure.location == missing and "404" in failure.reason
