"""Fetching and the url reader, against a local server: limits, redirects, errors, content types."""

from __future__ import annotations

import socket

from clew.ingest.base import Item, Limits
from clew.ingest.discover import read
from clew.ingest.fetch import MAX_REDIRECTS, Page, fetch
from clew.model import Article, Failure

from .conftest import Site
from .test_pdf import PAGES, make_pdf

# Fiction: an invented report.
ARTICLE = (
    "<html><head><title>Court hears clinic case</title></head><body><article>"
    "<p>SKOPJE, 3 October 2025 — A court in Skopje heard the first witnesses in the clinic case "
    "on Monday, the prosecutor's office said, and the trial will go on next week.</p>"
    "</article></body></html>"
)
QUICK = Limits(fetch_timeout=0.3)


def test_a_page_is_fetched_with_the_user_agent(site: Site) -> None:
    url = site.add("/a", ARTICLE, content_type="text/html; charset=ISO-8859-1")
    page = fetch(url, Limits(user_agent="clew-test/1"))
    assert page == Page(url, "text/html", "iso-8859-1", ARTICLE.encode())
    assert site.user_agents == ["clew-test/1"]


def test_an_error_status_is_a_failure_naming_it(site: Site) -> None:
    failure = fetch(site.url("/missing"), QUICK)
    assert isinstance(failure, Failure) and "404" in failure.reason
    site.add("/boom", "oops", status=503, content_type="text/plain")
    failure = fetch(site.url("/boom"), QUICK)
    assert isinstance(failure, Failure) and "503" in failure.reason


def test_redirects_are_followed_up_to_a_limit(site: Site) -> None:
    final = site.add("/final", ARTICLE)
    site.add("/hop1", status=301, headers={"Location": "/hop2"})
    site.add("/hop2", status=302, headers={"Location": "/final"})
    page = fetch(site.url("/hop1"), QUICK)
    assert isinstance(page, Page) and page.url == final
    for hop in range(MAX_REDIRECTS + 1):
        site.add(f"/loop{hop}", status=302, headers={"Location": f"/loop{hop + 1}"})
    failure = fetch(site.url("/loop0"), QUICK)
    assert isinstance(failure, Failure) and "redirects" in failure.reason


def test_a_slow_server_times_out(site: Site) -> None:
    url = site.add("/slow", ARTICLE, delay=0.6)
    failure = fetch(url, Limits(fetch_timeout=0.1))
    assert isinstance(failure, Failure) and "0.1 s" in failure.reason


def test_a_server_that_trickles_times_out_as_a_whole(site: Site) -> None:
    url = site.add("/drip", ARTICLE, drip=0.1)  # every read is quick, the whole is not
    failure = fetch(url, Limits(fetch_timeout=0.25))
    assert isinstance(failure, Failure) and "no complete answer" in failure.reason


def test_bodies_over_the_size_limit_are_dropped(site: Site) -> None:
    limits = Limits(max_bytes=100)
    declared = site.add("/declared", ARTICLE)
    undeclared = site.add("/undeclared", ARTICLE, send_length=False)
    for url in (declared, undeclared):
        failure = fetch(url, limits)
        assert isinstance(failure, Failure) and "--max-bytes" in failure.reason


def test_unreachable_and_invalid_urls_are_failures() -> None:
    with socket.socket() as probe:  # a port that was free a moment ago: nothing listens
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    for url in (f"http://127.0.0.1:{port}/", "http://", "http://exa mple.example/"):
        assert isinstance(fetch(url, QUICK), Failure)


def test_the_url_reader_reads_by_content_type(site: Site) -> None:
    html = site.add("/story", ARTICLE)
    pdf = site.add("/verdict", make_pdf(PAGES), content_type="application/octet-stream")
    text = site.add(
        "/note.txt", "Seven arrested in Skopje\n\nPolice said.", content_type="text/plain"
    )
    image = site.add("/logo.png", b"\x89PNG\r\n\x1a\n", content_type="image/png")

    [article] = read(Item(html, "url"), QUICK)
    assert isinstance(article, Article)
    assert article.locations == [html] and article.url == html
    assert article.outlet == "127.0.0.1" and article.published == "2025-10-03"
    [article] = read(Item(pdf, "url"), QUICK)
    assert isinstance(article, Article) and "guilty" in article.text
    [article] = read(Item(text, "url"), QUICK)
    assert isinstance(article, Article) and article.title == "Seven arrested in Skopje"
    [failure] = read(Item(image, "url"), QUICK)
    assert isinstance(failure, Failure) and "image/png" in failure.reason
    [failure] = read(Item(site.url("/nothing"), "url"), QUICK)
    assert isinstance(failure, Failure) and "404" in failure.reason


def test_the_url_reader_records_where_a_redirect_led(site: Site) -> None:
    final = site.add("/2025/story", ARTICLE)
    short = site.add("/s/1", status=301, headers={"Location": "/2025/story"})
    [article] = read(Item(short, "url"), QUICK)
    assert isinstance(article, Article)
    assert article.locations == [short] and article.url == final
