"""The dossier: an HTML and PDF briefing whose text carries the statement, the grade, and
every quoted sentence with its outlet, date and URL; its PDF pages render."""

from __future__ import annotations

import re
import shutil
import subprocess
from html import unescape
from pathlib import Path

import pytest

from clew.export import Filters, select
from clew.export.dossier import render_html, write
from clew.export.figures import MapPoint, map_svg, parse_date
from clew.export.select import ExportError
from clew.model import Allegation
from clew.store import Store

needs_poppler = pytest.mark.skipif(
    shutil.which("pdftoppm") is None or shutil.which("pdftotext") is None,
    reason="poppler-utils is not installed (scripts/system-deps.sh installs it)",
)


def _text(html: str) -> str:
    return re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", " ", html)))


def test_html_quotes_every_sentence_with_its_citation(store: Store, top: Allegation) -> None:
    selection = select(store, Filters(allegation=top.id))
    html = render_html(selection)
    text = _text(html)
    assert "Organ sale" in text or top.act.replace("_", " ") in text.lower()
    assert f"{top.reports} reports" in text and top.grade and top.grade in text
    assert "Victims' names are masked" in text
    for reason in selection.allegations[0].rationale:
        assert re.sub(r"\s+", " ", reason) in text
    for claim in selection.claims.values():
        article = selection.articles[claim.article_id]
        assert re.sub(r"\s+", " ", claim.text) in text
        assert article.outlet and article.outlet in text
        assert article.published and article.published in text
        assert article.url and article.url in html
    assert html.count("<svg") == 2, "a map and a timeline"


def test_pdf_pages_render_and_say_what_the_html_says(
    store: Store, top: Allegation, tmp_path: Path
) -> None:
    selection = select(store, Filters(allegation=top.id))
    html_path, pdf_path = write(selection, tmp_path / "brief.pdf")
    assert html_path.name == "brief.html" and pdf_path.name == "brief.pdf"
    if shutil.which("pdftoppm") is None:
        pytest.skip("poppler-utils is not installed (scripts/system-deps.sh installs it)")
    subprocess.run(["pdftoppm", "-r", "40", "-png", str(pdf_path), str(tmp_path / "page")],
                   check=True)  # fmt: skip
    pages = sorted(tmp_path.glob("page-*.png"))
    assert len(pages) >= 2
    assert all(p.stat().st_size > 2000 for p in pages), "a page rendered blank"
    text = subprocess.run(["pdftotext", "-layout", str(pdf_path), "-"], check=True,
                          capture_output=True, text=True).stdout  # fmt: skip
    flat = re.sub(r"\s+", " ", text)
    assert "NATO Admiralty grade" in flat and top.grade and top.grade in flat
    assert "Victims' names are masked" in flat
    assert "page 1 of" in flat
    first_claim = next(iter(selection.claims.values()))
    assert " ".join(first_claim.text.split()[:6]) in flat


@needs_poppler
def test_entity_dossier_lists_its_allegations(
    store: Store, top: Allegation, tmp_path: Path
) -> None:
    selection = select(store, Filters(entity=top.perpetrator_ids[0]))
    _, pdf_path = write(selection, tmp_path / "entity")
    text = subprocess.run(["pdftotext", str(pdf_path), "-"], check=True, capture_output=True,
                          text=True).stdout  # fmt: skip
    assert selection.subject is not None and selection.subject.name in text
    assert f"{len(selection.allegations)} allegation" in text


def test_unmasked_dossier_says_so(store: Store, top: Allegation) -> None:
    selection = select(store, Filters(allegation=top.id), unmask_victims=True)
    assert "NOT masked" in _text(render_html(selection))


def test_a_dossier_of_nothing_says_what_to_ask(store: Store) -> None:
    selection = select(store, Filters(act="no_such_act"))
    with pytest.raises(ExportError, match="--allegation"):
        render_html(selection)


def test_map_and_dates_of_few_facts() -> None:
    assert map_svg([], []) is None
    svg = map_svg([MapPoint("Skopje", 42.0, 21.4), MapPoint("Hamburg", 53.6, 10.0)], [])
    assert svg is not None and "Skopje" in svg and "Hamburg" in svg and "°N" in svg
    assert parse_date("2025-03") == parse_date("2025-03-01")
    assert parse_date("sometime") is None
