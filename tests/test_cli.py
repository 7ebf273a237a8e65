"""The command line: every command documents itself, and the main commands work together."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from clew.cli import cli, demo_corpus

COMMANDS = sorted(cli.commands)


@pytest.mark.parametrize("name", COMMANDS)
def test_every_command_has_help_with_an_example(name: str) -> None:
    result = CliRunner().invoke(cli, [name, "--help"])
    assert result.exit_code == 0
    assert "Example:" in result.output, f"`clew {name} --help` needs an Example"


def test_top_level_help_has_an_example() -> None:
    result = CliRunner().invoke(cli, ["--help"])
    assert result.exit_code == 0 and "Example:" in result.output


def test_ingest_status_search(tmp_path: Path) -> None:
    reports = tmp_path / "reports"
    reports.mkdir()
    # Fiction: invented report for tests.
    (reports / "raid.txt").write_text(
        "Police raid clinic\n\nPolice in Tetovo raided the fictional Medisan Lux clinic on "
        "Tuesday, the Balkan Wire Service reported.\n"
    )
    runner = CliRunner()
    ws = ["--workspace", str(tmp_path / "ws")]
    assert runner.invoke(cli, [*ws, "ingest", "--no-progress", str(reports)]).exit_code == 0
    status = runner.invoke(cli, [*ws, "status", "--json"])
    assert json.loads(status.output)["tables"]["articles"] == 1
    found = runner.invoke(cli, [*ws, "search", "--json", "Medisan"])
    assert len(json.loads(found.output)["articles"]) == 1
    plain = runner.invoke(cli, [*ws, "search", "Tetovo"])
    assert plain.exit_code == 0 and "Tetovo" in plain.output


def test_demo_builds_a_workspace_from_every_bundled_report(tmp_path: Path) -> None:
    reports = [p for p in demo_corpus().iterdir() if p.suffix == ".md"]
    assert len(reports) >= 30
    result = CliRunner().invoke(cli, ["--workspace", str(tmp_path), "demo", "--no-serve"])
    assert result.exit_code == 0, result.output
    status = CliRunner().invoke(cli, ["--workspace", str(tmp_path), "status", "--json"])
    assert json.loads(status.output)["tables"]["articles"] == len(reports)


def test_a_bad_database_url_is_one_clear_line(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["--database", "nosuchdb://x", "status"])
    assert result.exit_code == 1
    assert "Error:" in result.output and "Traceback" not in result.output
