"""CSV and Parquet: four tables that pandas and pyarrow read back and join on their keys."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq

from clew.export import Selection, tables

TABLES = ("reports", "claims", "allegations", "sources")


def _joined(frames: dict[str, pd.DataFrame]) -> pd.DataFrame:
    claims = frames["claims"].merge(frames["reports"], on="article_id", validate="many_to_one")
    claims = claims.merge(frames["allegations"], on="allegation_id", validate="many_to_one")
    return frames["sources"].merge(claims, on="claim_id", validate="many_to_one")


def _check(frames: dict[str, pd.DataFrame], selection: Selection) -> None:
    assert len(frames["allegations"]) == len(selection.allegations)
    assert len(frames["claims"]) == len(selection.claims)
    assert len(frames["reports"]) == len(selection.articles)
    assert len(frames["sources"]) == sum(len(c.sources) for c in selection.claims.values())
    joined = _joined(frames)
    assert len(joined) == len(frames["sources"]), "every source row finds its claim and report"
    claim = next(c for c in selection.claims.values() if c.sources)
    row = joined[joined["claim_id"] == claim.id].iloc[0]
    assert row["sentence"] == claim.text
    assert row["outlet"] == selection.articles[claim.article_id].outlet


def test_csv_folder_joins(everything: Selection, tmp_path: Path) -> None:
    written = tables.write_csv(everything, tmp_path / "csv")
    assert {p.name for p in written} == {f"{t}.csv" for t in TABLES} | {"metadata.json"}
    frames = {t: pd.read_csv(tmp_path / "csv" / f"{t}.csv") for t in TABLES}
    _check(frames, everything)
    meta = json.loads((tmp_path / "csv" / "metadata.json").read_text())
    assert meta["victims"] == "masked"


def test_csv_zip_holds_the_same_tables(everything: Selection, tmp_path: Path) -> None:
    [path] = tables.write_csv(everything, tmp_path / "tables.zip")
    with zipfile.ZipFile(path) as archive:
        frames = {t: pd.read_csv(archive.open(f"{t}.csv")) for t in TABLES}
        assert json.loads(archive.read("metadata.json"))["victims"] == "masked"
    _check(frames, everything)


def test_parquet_keeps_lists_and_metadata(everything: Selection, tmp_path: Path) -> None:
    tables.write_parquet(everything, tmp_path / "pq")
    frames = {t: pd.read_parquet(tmp_path / "pq" / f"{t}.parquet") for t in TABLES}
    _check(frames, everything)
    allegations = pq.read_table(tmp_path / "pq" / "allegations.parquet")
    assert allegations.schema.metadata[b"clew.victims"] == b"masked"
    first = everything.allegations[0]
    row = next(r for r in allegations.to_pylist() if r["allegation_id"] == first.id)
    assert row["perpetrators"] == first.perpetrators and row["grade"] == first.grade
