"""Four tables for spreadsheets and pandas: reports, claims, allegations and sources.

They join on their keys: ``claims.article_id`` -> ``reports.article_id``, ``claims.allegation_id``
-> ``allegations.allegation_id``, ``sources.claim_id`` -> ``claims.claim_id``. Parquet keeps
lists as lists; CSV joins them with "; " because a cell holds one string. Whether victims' names
are masked is in ``metadata.json`` beside the CSV files and in each Parquet file's metadata.
"""

from __future__ import annotations

import csv
import io
import json
import zipfile
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from clew.export.select import Selection
from clew.export.words import statement

_TEXT = pa.string()
_LIST = pa.list_(pa.string())
_INT = pa.int64()

SCHEMAS: dict[str, pa.Schema] = {
    "reports": pa.schema(
        [("article_id", _TEXT), ("title", _TEXT), ("outlet", _TEXT), ("byline", _TEXT),
         ("published", _TEXT), ("language", _TEXT), ("url", _TEXT), ("text", _TEXT)]
    ),
    "claims": pa.schema(
        [("claim_id", _TEXT), ("allegation_id", _TEXT), ("article_id", _TEXT),
         ("evidence_line_id", _TEXT), ("act", _TEXT), ("modality", _TEXT), ("sentence", _TEXT),
         ("start", _INT), ("end", _INT), ("perpetrators", _LIST), ("victims", _LIST),
         ("victim_count", _INT), ("victim_ages", _TEXT), ("organs", _LIST),
         ("locations", _LIST), ("origin", _TEXT), ("destination", _TEXT), ("date", _TEXT),
         ("money", _TEXT)]
    ),
    "allegations": pa.schema(
        [("allegation_id", _TEXT), ("act", _TEXT), ("statement", _TEXT),
         ("perpetrators", _LIST), ("victims", _LIST), ("places", _LIST), ("reports", _INT),
         ("independent_lines", _INT), ("echoes", _INT), ("denials", _INT), ("grade", _TEXT),
         ("reliability", _TEXT), ("credibility", _INT), ("rationale", _LIST),
         ("first_reported", _TEXT), ("last_reported", _TEXT)]
    ),
    "sources": pa.schema(
        [("claim_id", _TEXT), ("position", _INT), ("name", _TEXT), ("kind", _TEXT),
         ("is_root", pa.bool_())]
    ),
}  # fmt: skip


def rows(selection: Selection) -> dict[str, list[dict[str, Any]]]:
    """The four tables as rows of plain values, in the column order of :data:`SCHEMAS`."""
    line_of = {c: line.id for found in selection.lines.values() for line in found
               for c in line.claim_ids}  # fmt: skip
    allegation_of = selection.allegation_of_claim()
    reports = [
        {"article_id": a.id, "title": a.title, "outlet": a.outlet, "byline": a.byline,
         "published": a.published, "language": a.language, "url": a.url, "text": a.text}
        for a in selection.articles.values()
    ]  # fmt: skip
    claim_rows = [
        {
            "claim_id": c.id, "allegation_id": allegation_of.get(c.id), "article_id": c.article_id,
            "evidence_line_id": line_of.get(c.id), "act": c.act, "modality": c.modality,
            "sentence": c.text, "start": c.start, "end": c.end, "perpetrators": c.perpetrators,
            "victims": c.victims, "victim_count": c.victim_count, "victim_ages": c.victim_ages,
            "organs": c.organs, "locations": c.locations, "origin": c.origin,
            "destination": c.destination, "date": c.date, "money": c.money,
        }
        for c in selection.claims.values()
    ]  # fmt: skip
    allegation_rows = [
        {
            "allegation_id": a.id, "act": a.act, "statement": statement(a),
            "perpetrators": a.perpetrators, "victims": a.victims, "places": a.places,
            "reports": a.reports, "independent_lines": a.independent_lines, "echoes": a.echoes,
            "denials": a.denials, "grade": a.grade, "reliability": a.reliability,
            "credibility": a.credibility, "rationale": a.rationale,
            "first_reported": a.first_reported, "last_reported": a.last_reported,
        }
        for a in selection.allegations
    ]  # fmt: skip
    sources = [
        {"claim_id": c.id, "position": i, "name": s.name, "kind": s.kind,
         "is_root": i == len(c.sources) - 1}
        for c in selection.claims.values()
        for i, s in enumerate(c.sources)
    ]  # fmt: skip
    return {
        "reports": reports,
        "claims": claim_rows,
        "allegations": allegation_rows,
        "sources": sources,
    }


def metadata(selection: Selection) -> dict[str, Any]:
    return {
        "generator": "clew",
        "scope": selection.filters.describe(),
        "victims": selection.privacy,
        "note": selection.privacy_note,
        "keys": {
            "claims.article_id": "reports.article_id",
            "claims.allegation_id": "allegations.allegation_id",
            "sources.claim_id": "claims.claim_id",
        },
    }


def _csv_text(name: str, found: list[dict[str, Any]]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=SCHEMAS[name].names, lineterminator="\n")
    writer.writeheader()
    for row in found:
        writer.writerow({k: "; ".join(v) if isinstance(v, list) else v for k, v in row.items()})
    return buffer.getvalue()


def write_csv(selection: Selection, target: Path) -> list[Path]:
    """A folder of CSV files, or one zip of them when ``target`` ends in ``.zip``."""
    files = {f"{name}.csv": _csv_text(name, found) for name, found in rows(selection).items()}
    files["metadata.json"] = json.dumps(metadata(selection), indent=2, ensure_ascii=False)
    target.parent.mkdir(parents=True, exist_ok=True)
    if target.suffix == ".zip":
        with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
            for name, text in files.items():
                archive.writestr(name, text)
        return [target]
    target.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in files.items():
        (target / name).write_text(text, encoding="utf-8")
        written.append(target / name)
    return written


def write_parquet(selection: Selection, target: Path) -> list[Path]:
    """A folder with one Parquet file per table; each carries the export's metadata."""
    target.mkdir(parents=True, exist_ok=True)
    meta = {f"clew.{k}": json.dumps(v) if isinstance(v, dict) else str(v)
            for k, v in metadata(selection).items()}  # fmt: skip
    written = []
    for name, found in rows(selection).items():
        schema = SCHEMAS[name].with_metadata(meta)
        table = pa.Table.from_pylist(found, schema=schema)
        path = target / f"{name}.parquet"
        pq.write_table(table, path)
        written.append(path)
    return written
