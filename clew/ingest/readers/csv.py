"""Spreadsheets of reports: a ``text`` column, or only a ``url`` column to fetch.

Exports from spreadsheets and monitoring tools differ in delimiter, so it is sniffed from the
header row, where column names sit between delimiters. Quoting is taken to be the standard one
(RFC 4180): csv.Sniffer guesses quoting from the sample too, and misreads files of long texts.

Rows are located as ``path#row-N`` counting the header as row 1, the numbering a spreadsheet
shows, so a user can go straight to the row a Failure names.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator

from clew.ingest.base import Limits, Outcome
from clew.ingest.metadata import Meta, make_article
from clew.ingest.readers.contract import register
from clew.ingest.readers.text import decode_text
from clew.ingest.readers.url import read_link
from clew.model import Failure

DELIMITERS = ",;\t|"
"""The delimiters a file may use; the header row's most frequent one wins, a comma on a tie."""

_METADATA = ("title", "url", "outlet", "published", "byline", "language", "id")


@register("csv")
def read_csv(location: str, data: bytes, limits: Limits) -> Iterator[Outcome]:
    """One outcome per row; rows of a url-only file are fetched and read as the pages they name."""
    text = decode_text(data, location)
    if isinstance(text, Failure):
        yield text
        return
    if not text.strip():
        yield Failure(location, "the file is empty")
        return
    delimiter = max(DELIMITERS, key=text.partition("\n")[0].count)
    # The file is within limits.max_bytes, so no field of it needs a smaller limit than that.
    csv.field_size_limit(max(csv.field_size_limit(), limits.max_bytes))
    rows = csv.reader(io.StringIO(text, newline=""), csv.excel, delimiter=delimiter)
    header = [name.strip().lower() for name in next(rows, [])]
    if "text" not in header and "url" not in header:
        yield Failure(
            location,
            "no `text` column (nor a `url` column to fetch): name the columns in the first row",
        )
        return
    number = 1
    try:
        for number, row in enumerate(rows, start=2):
            cells = dict(zip(header, row, strict=False))
            if any(cell.strip() for cell in cells.values()):
                yield _row(cells, f"{location}#row-{number}", limits, has_text="text" in header)
    except csv.Error as exc:
        yield Failure(f"{location}#row-{number + 1}", f"the CSV breaks here ({exc}): fix the row")


def _row(cells: dict[str, str], where: str, limits: Limits, *, has_text: bool) -> Outcome:
    """The report of one row: its text, or the page its url names when the file has no text."""
    given = {name: cells.get(name, "").strip() for name in _METADATA}
    meta = Meta(**{("ref" if name == "id" else name): value for name, value in given.items()})
    if has_text:
        if not cells.get("text", "").strip():
            return Failure(where, "the row has no text: fill its `text` cell")
        return make_article(cells["text"], where, meta)
    if not meta.url:
        return Failure(where, "the row has no url: fill its `url` cell")
    return read_link(meta.url, limits, meta)
