"""What every reader does the same way once it has a text: dates, outlets, and the Article itself.

Formats disagree on how they give a date ("Sun, 30 Oct 2016 12:00:00 GMT", a YAML date, "2016-10")
and often give no outlet at all; the later stages compare reports by date and outlet, so both are
normalised here, once, for every reader. A date found nowhere in the metadata is looked for in the
dateline at the top of the text, where news reports put it.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, fields
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from clew.ingest.base import Outcome
from clew.model import Article, Failure

if TYPE_CHECKING:
    from dateparser.date import DateDataParser

DATELINE_CHARS = 300
"""How far into a text a publication date is looked for: the dateline, not the story's events."""

_PARTIAL_ISO = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")
_ISO_DATETIME = re.compile(r"(\d{4}-\d{2}-\d{2})[T ]\d")
_YEAR = re.compile(r"\b\d{4}\b")
_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
_DATE_IN_TEXT = re.compile(
    rf"\b(?:\d{{4}}-\d{{2}}-\d{{2}}|{_DAY}\s+{_MONTH},?\s+\d{{4}}|{_MONTH}\s+{_DAY},?\s+\d{{4}})\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Meta:
    """What an input says about a report besides its text; any field may be missing.

    ``published`` is as the input wrote it: ``make_article`` normalises it.
    """

    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    byline: str | None = None
    published: str | None = None
    language: str | None = None
    ref: str | None = None

    def filled_from(self, fallback: Meta) -> Meta:
        """These fields, with the empty ones taken from ``fallback`` (say, a feed entry's)."""
        return Meta(
            **{f.name: getattr(self, f.name) or getattr(fallback, f.name) for f in fields(self)}
        )


def make_article(text: str, location: str, meta: Meta) -> Outcome:
    """The Article for ``text`` read at ``location``, or a Failure when there is no text.

    The text is kept exactly as given (offsets into it must match the input's); metadata is
    trimmed, the date normalised or found in the dateline, the outlet taken from the URL if unnamed.
    """
    if not text.strip():
        return Failure(location, "no text found: the input is empty or holds no readable report")
    return Article(
        text=text,
        title=_clean(meta.title),
        url=_clean(meta.url),
        outlet=_clean(meta.outlet) or outlet_from_url(meta.url),
        byline=_clean(meta.byline),
        published=iso_date(meta.published) or date_in_text(text),
        language=_clean(meta.language),
        ref=_clean(meta.ref),
        locations=[location],
    )


def iso_date(value: object) -> str | None:
    """``value`` as an ISO 8601 date, as precise as it is: "2016", "2016-10" or "2016-10-30".

    A timestamp keeps the date it was written with, not its UTC date: "23:30-05:00 on the 30th"
    was published on the 30th where it was written. A value without a year is no date.
    """
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if not isinstance(value, str) or not _YEAR.search(value):
        return None
    value = value.strip()
    if partial := _PARTIAL_ISO.fullmatch(value):
        return _valid_partial(*partial.groups())
    if stamp := _ISO_DATETIME.match(value):
        return _valid_partial(*stamp.group(1).split("-"))
    parsed = _parser(languages=None).get_date_data(value)
    if parsed.date_obj is None:
        return None
    if parsed.period == "year":
        return f"{parsed.date_obj.year:04d}"
    if parsed.period == "month":
        return f"{parsed.date_obj.year:04d}-{parsed.date_obj.month:02d}"
    return parsed.date_obj.date().isoformat()


def date_in_text(text: str) -> str | None:
    """The first full date in the dateline ("BELGRADE, 12 May 2025 —", "March 3, 2024").

    Only English month names and ISO dates are recognised, and only whole dates: a bare
    "March 2024" near the top is more often when something happened than when it was reported.
    """
    for match in _DATE_IN_TEXT.finditer(text[:DATELINE_CHARS]):
        parsed = _parser(languages=["en"]).get_date_data(match.group(0))
        if parsed.date_obj is not None and parsed.period == "day":
            return parsed.date_obj.date().isoformat()
    return None


def outlet_from_url(url: str | None) -> str | None:
    """The registrable domain of ``url`` ("meridian-ledger.example", "bbc.co.uk"), as an outlet.

    The public-suffix list (through courlan, trafilatura's URL library) knows that news.bbc.co.uk
    belongs to bbc.co.uk; for hosts it does not know, the host name without "www." is used.
    """
    if not url:
        return None
    from courlan import extract_domain

    domain: str | None = extract_domain(url)
    if domain:
        return domain
    host = urlsplit(url).hostname
    return host.removeprefix("www.") if host else None


def _clean(value: str | None) -> str | None:
    """``value`` with its whitespace collapsed, or None when nothing is left."""
    if value is None:
        return None
    return " ".join(value.split()) or None


def _valid_partial(year: str, month: str | None, day: str | None) -> str | None:
    """The ISO date from its parts if it exists on the calendar, else None."""
    try:
        dt.date(int(year), int(month or 1), int(day or 1))
    except ValueError:
        return None
    return "-".join(part for part in (year, month, day) if part)


def _parser(languages: list[str] | None) -> DateDataParser:
    """A parser of absolute dates only: "yesterday" or "Monday" is no publication date."""
    from dateparser.date import DateDataParser

    return DateDataParser(
        languages=languages,
        settings={
            "PARSERS": ["custom-formats", "absolute-time"],
            "PREFER_DAY_OF_MONTH": "first",
            "REQUIRE_PARTS": ["year"],
        },
    )
