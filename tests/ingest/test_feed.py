"""Feeds: each entry's link is read; the entry's own content stands in when the link fails."""

from __future__ import annotations

from pathlib import Path

from clew.ingest.base import Item, Limits
from clew.ingest.discover import read
from clew.ingest.readers.feed import FULL_CONTENT_CHARS, read_feed
from clew.model import Article, Failure

from .conftest import Site

# Fiction: invented outlets, reporters and reports.
PAGE = (
    "<html><head><title>Court hears clinic case</title></head><body><article>"
    "<p>SKOPJE — A court in Skopje heard the first witnesses in the clinic case on Monday, "
    "the prosecutor's office said, and the trial will go on next week.</p>"
    "</article></body></html>"
)
FULL = "<p>" + "The defendant denied every charge put to him by the prosecutor. " * 10 + "</p>"
QUICK = Limits(fetch_timeout=1.0)


def rss(site: Site) -> bytes:
    assert len(FULL) > FULL_CONTENT_CHARS
    return f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
     xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>Harbour Gazette</title><link>{site.base}/</link>
<item><title>Court hears clinic case</title><link>{site.url("/court")}</link>
  <pubDate>Tue, 07 Oct 2025 09:00:00 +0200</pubDate><dc:creator>Jovan Ristevski</dc:creator>
  <description>A teaser.</description></item>
<item><title>Defendant denies charges</title><link>{site.url("/gone")}</link>
  <pubDate>Wed, 08 Oct 2025 09:00:00 +0200</pubDate>
  <content:encoded><![CDATA[{FULL}]]></content:encoded></item>
<item><title>Teaser only</title><link>{site.url("/also-gone")}</link>
  <description>Only a teaser.</description></item>
<item><title>No link</title><content:encoded><![CDATA[{FULL}]]></content:encoded></item>
</channel></rss>""".encode()


def test_entries_are_read_through_their_links(site: Site) -> None:
    site.add("/court", PAGE)
    court, denial, teaser, unlinked = read_feed("daily.rss", rss(site), QUICK)

    assert isinstance(court, Article)
    assert court.locations == [site.url("/court")]
    assert "first witnesses" in court.text
    assert court.title == "Court hears clinic case"
    assert (court.byline, court.published) == ("Jovan Ristevski", "2025-10-07")  # from the entry

    assert isinstance(denial, Article)  # the page is gone, but the feed carries the article
    assert denial.locations == [site.url("/gone")] and denial.url == site.url("/gone")
    assert denial.text.startswith("The defendant denied every charge")
    assert (denial.title, denial.published) == ("Defendant denies charges", "2025-10-08")

    assert isinstance(teaser, Failure)
    assert teaser.location == site.url("/also-gone") and "404" in teaser.reason

    assert isinstance(unlinked, Article) and unlinked.locations == ["daily.rss#entry-4"]


def test_an_atom_feed_from_a_url_is_read_entry_by_entry(site: Site) -> None:
    site.add("/court", PAGE)
    atom = f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Meridian Ledger</title>
<entry><title>Court hears clinic case</title><link href="{site.url("/court")}"/>
  <updated>2025-10-07T09:00:00Z</updated><author><name>Ana Petrović</name></author></entry>
<entry><title>A feed of feeds</title><link href="{site.url("/other.atom")}"/></entry>
</feed>"""
    url = site.add("/news.atom", atom, content_type="application/atom+xml")
    site.add("/other.atom", atom, content_type="application/xml")
    article, nested = read(Item(url, "url"), QUICK)
    assert isinstance(article, Article) and article.byline == "Ana Petrović"
    assert isinstance(nested, Failure) and "feed" in nested.reason  # no crawling feeds of feeds


def test_a_feed_file_is_read_through_discovery(tmp_path: Path, site: Site) -> None:
    site.add("/court", PAGE)
    path = tmp_path / "daily.xml"
    path.write_bytes(rss(site))
    outcomes = list(read(Item(str(path), "feed"), QUICK))
    assert [type(o).__name__ for o in outcomes] == ["Article", "Article", "Failure", "Article"]


def test_something_that_is_no_feed_is_a_failure() -> None:
    for data in (b"<rss><channel><title>empty</title></channel></rss>", b"not xml at all <<"):
        [failure] = read_feed("broken.rss", data, QUICK)
        assert isinstance(failure, Failure) and "no entries" in failure.reason
