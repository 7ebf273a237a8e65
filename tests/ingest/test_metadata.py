"""Dates, outlets and the Article every reader ends with."""

from __future__ import annotations

import datetime as dt

import pytest

from clew.ingest.metadata import Meta, date_in_text, iso_date, make_article, outlet_from_url
from clew.model import Article, Failure


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("2016-10-30", "2016-10-30"),
        ("2016-10", "2016-10"),
        ("2016", "2016"),
        (" 2016-10-30 ", "2016-10-30"),
        ("2016-10-30T23:30:00-05:00", "2016-10-30"),  # the date where it was written, not UTC
        ("2016-10-30 08:00:00", "2016-10-30"),
        ("Sun, 30 Oct 2016 23:30:00 -0500", "2016-10-30"),
        ("30 October 2016", "2016-10-30"),
        ("Oct. 30, 2016", "2016-10-30"),
        ("October 2016", "2016-10"),
        ("12 de mayo de 2025", "2025-05-12"),
        (dt.date(2016, 10, 30), "2016-10-30"),
        (dt.datetime(2016, 10, 30, 23, 30), "2016-10-30"),
    ],
)
def test_dates_become_iso_as_precise_as_given(given: object, expected: str) -> None:
    assert iso_date(given) == expected


@pytest.mark.parametrize("given", [None, "", "yesterday", "Monday", "2016-13-01", "2016-02-30", 7])
def test_non_dates_give_none(given: object) -> None:
    assert iso_date(given) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("BELGRADE, 12 May 2025 — Police said on Monday...", "2025-05-12"),
        ("SKOPJE, March 3, 2024 (Harbour Gazette) - A court...", "2024-03-03"),
        ("SKOPJE, MARCH 3, 2024 - A court...", "2024-03-03"),
        ("Posted 2024-03-03 by the desk. Police...", "2024-03-03"),
        ("Updated Sept. 3rd, 2024: the clinic...", "2024-09-03"),
    ],
)
def test_the_dateline_dates_a_report(text: str, expected: str) -> None:
    assert date_in_text(text) == expected


def test_dates_deep_in_the_story_or_incomplete_are_not_the_dateline() -> None:
    assert date_in_text("Police said on Monday. " * 20 + "It began on 12 May 2019.") is None
    assert date_in_text("In March 2024 the clinic opened; by 31 February 2024 it closed.") is None


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://www.meridian-ledger.example/news/x", "meridian-ledger.example"),
        ("https://news.harbour-gazette.co.uk/story", "harbour-gazette.co.uk"),
        ("http://127.0.0.1:8000/page", "127.0.0.1"),
        (None, None),
        ("", None),
    ],
)
def test_outlet_is_the_registrable_domain(url: str | None, expected: str | None) -> None:
    assert outlet_from_url(url) == expected


def test_make_article_keeps_the_text_and_fills_the_gaps() -> None:
    text = "  BELGRADE, 12 May 2025 — Police said.\n\nA second paragraph.\n"
    article = make_article(
        text,
        "in.jsonl#L3",
        Meta(title=" Police\n break ring ", url="https://www.meridian-ledger.example/a", ref="7"),
    )
    assert isinstance(article, Article)
    assert article.text == text  # offsets computed on it must match the input
    assert article.title == "Police break ring"
    assert article.outlet == "meridian-ledger.example"
    assert article.published == "2025-05-12"
    assert (article.ref, article.locations) == ("7", ["in.jsonl#L3"])


def test_a_given_outlet_and_date_win() -> None:
    meta = Meta(outlet="Meridian Ledger", url="https://meridian-ledger.example/", published="2024")
    article = make_article("BELGRADE, 12 May 2025 — Police said.", "a.txt", meta)
    assert isinstance(article, Article)
    assert (article.outlet, article.published) == ("Meridian Ledger", "2024")


def test_no_text_is_a_failure() -> None:
    failure = make_article(" \n\n ", "a.txt", Meta())
    assert isinstance(failure, Failure)
    assert failure.location == "a.txt" and "no text found" in failure.reason


def test_meta_gaps_are_filled_from_a_fallback() -> None:
    page = Meta(title="From the page", byline=None)
    entry = Meta(title="From the feed", byline="Ana Petrović", published="2025-05-12")
    assert page.filled_from(entry) == Meta(
        title="From the page", byline="Ana Petrović", published="2025-05-12"
    )
