"""Dates as reports write them ("in December 2014", "on Wednesday", "last year"), resolved
against the report's own publication date with dateparser, to ISO 8601 at the precision the
text gives: "2014", "2014-12" or "2014-12-03".
"""

from __future__ import annotations

import re
from datetime import datetime
from functools import lru_cache

_YEAR = re.compile(r"^(?:in |since |by )?((?:19|20)\d\d)s?$", re.I)
_MONTHS = "january|february|march|april|may|june|july|august|september|october|november|december"
_HAS_MONTH = re.compile(
    rf"\b(?:{_MONTHS}|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\b", re.I
)
_HAS_DAY = re.compile(
    r"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday|"
    r"\d{1,2}(?:st|nd|rd|th)?\b(?!\d))",
    re.I,
)
_RELATIVE_YEAR = re.compile(r"\b(?:last|this|next|previous) year\b", re.I)


def _base(published: str | None) -> datetime | None:
    if not published:
        return None
    for fmt, size in (("%Y-%m-%d", 10), ("%Y-%m", 7), ("%Y", 4)):
        try:
            return datetime.strptime(published[:size], fmt)
        except ValueError:
            continue
    return None


@lru_cache(maxsize=4096)
def resolve_date(text: str | None, published: str | None = None) -> str | None:
    """ISO date for ``text`` relative to ``published``; None when it names no date."""
    if not text:
        return None
    text = text.strip()
    if match := _YEAR.match(text):
        return match.group(1)
    base = _base(published)
    if _RELATIVE_YEAR.search(text):
        if base is None:
            return None
        offset = {"last": -1, "previous": -1, "this": 0, "next": 1}[text.lower().split()[-2]]
        return str(base.year + offset)
    import dateparser  # slow to import: only when a date needs it

    settings: dict[str, object] = {"PREFER_DATES_FROM": "past"}
    if base is not None:
        settings["RELATIVE_BASE"] = base
    try:
        parsed = dateparser.parse(text, languages=["en"], settings=settings)
    except Exception:  # dateparser raises a variety of errors on odd input
        return None
    if parsed is None:
        return None
    if _HAS_DAY.search(text):
        return parsed.strftime("%Y-%m-%d")
    if _HAS_MONTH.search(text):
        return parsed.strftime("%Y-%m")
    return parsed.strftime("%Y")
