"""`clew export`: every format in one command, and errors that say what to do."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from clew.cli import cli
from clew.model import Allegation


def test_all_formats_into_one_folder(workspace: Path, tmp_path: Path) -> None:
    out = tmp_path / "exports"
    result = CliRunner().invoke(
        cli, ["-w", str(workspace), "export", "--format", "all", "-o", f"{out}/", "--no-progress"]
    )
    assert result.exit_code == 0, result.output
    names = {p.name for p in out.iterdir()}
    assert names == {
        "clew-export.ftm.json",
        "clew-export.graphml",
        "clew-export.gexf",
        "clew-export.geojson",
        "clew-export-csv",
        "clew-export-parquet",
    }


def test_dossier_for_one_allegation_to_a_named_file(
    workspace: Path, top: Allegation, tmp_path: Path
) -> None:
    args = ["-w", str(workspace), "export", "--format", "dossier", "--no-progress"]
    result = CliRunner().invoke(
        cli, [*args, "--allegation", top.id[:10], "-o", str(tmp_path / "d.pdf")]
    )
    assert result.exit_code == 0, result.output
    assert (tmp_path / "d.pdf").stat().st_size > 10_000 and (tmp_path / "d.html").exists()


def test_a_trailing_slash_means_a_folder(workspace: Path, top: Allegation, tmp_path: Path) -> None:
    args = ["-w", str(workspace), "export", "--format", "geojson", "--no-progress"]
    result = CliRunner().invoke(cli, [*args, "--allegation", top.id, "-o", f"{tmp_path}/new/"])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "new" / f"clew-allegation-{top.id[:10]}.geojson").is_file()


def test_mistakes_say_what_to_do(workspace: Path, tmp_path: Path) -> None:
    base = ["-w", str(workspace), "export", "--no-progress", "-o", str(tmp_path / "x")]
    bad_format = CliRunner().invoke(cli, [*base, "--format", "xlsx"])
    assert bad_format.exit_code == 2 and "geojson" in bad_format.output
    no_subject = CliRunner().invoke(cli, [*base, "--format", "dossier"])
    assert no_subject.exit_code == 1 and "allegation" in no_subject.output
    unknown = CliRunner().invoke(cli, [*base, "--format", "ftm", "--allegation", "nosuchid"])
    assert unknown.exit_code == 1 and "clew allegations" in unknown.output


def test_unmasking_is_announced(workspace: Path, top: Allegation, tmp_path: Path) -> None:
    result = CliRunner().invoke(
        cli,
        ["-w", str(workspace), "export", "--format", "geojson", "--allegation", top.id,
         "--unmask-victims", "--no-progress", "-o", str(tmp_path / "m.geojson")],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "NOT be masked" in result.output
    assert '"victims": "unmasked"' in (tmp_path / "m.geojson").read_text()
