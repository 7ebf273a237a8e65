"""The ingest loop end to end: idempotency, the failure table, and a real kill and resume."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from rich.console import Console

from clew.ingest.pipeline import ingest
from clew.store import Store, workspace_url

# Fiction: every report below is invented for tests.
REPORT = (
    "The Meridian Ledger (fictional) reported on {day} March 2025 that police in Skopje "
    "questioned a clinic owner, case number {n}, about the Vardar Brotherhood.\n"
)


# Extraction has its own resumable job; this test is about reading and storing.
FLAGS = ["--no-progress", "--no-extract"]


def write_corpus(folder: Path, n: int) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        (folder / f"report-{i:04d}.txt").write_text(REPORT.format(day=1 + i % 28, n=i))


def snapshot(db: Path) -> tuple[set[str], set[tuple[str, str]]]:
    """Article ids and (article, location) pairs, with locations made relative."""
    with sqlite3.connect(db) as conn:
        ids = {row[0] for row in conn.execute("SELECT id FROM articles")}
        rows = conn.execute("SELECT article_id, location FROM article_locations")
        locations = {(a, Path(loc).name) for a, loc in rows}
    return ids, locations


def quiet() -> Console:
    return Console(quiet=True)


def test_rerunning_adds_nothing(tmp_path: Path) -> None:
    write_corpus(tmp_path / "in", 5)
    (tmp_path / "in" / "dup.txt").write_text(REPORT.format(day=1, n=0))
    store = Store.open(workspace_url(tmp_path / "ws"))
    first = ingest([str(tmp_path / "in")], store, console=quiet(), show_progress=False)
    assert (first.ingested, first.duplicates, first.failed) == (5, 1, 0)
    counts = store.counts()
    second = ingest([str(tmp_path / "in")], store, console=quiet(), show_progress=False)
    assert (second.ingested, second.duplicates, second.failed) == (0, 6, 0)
    assert store.counts() == counts
    assert counts["article_locations"] == 6


def test_broken_inputs_are_reported_and_the_batch_goes_on(tmp_path: Path) -> None:
    write_corpus(tmp_path / "in", 3)
    (tmp_path / "in" / "empty.txt").write_text("")
    (tmp_path / "in" / "garbage.txt").write_bytes(bytes(range(256)) * 40)
    store = Store.open(workspace_url(tmp_path / "ws"))
    summary = ingest(
        [str(tmp_path / "in"), str(tmp_path / "missing")],
        store,
        console=quiet(),
        show_progress=False,
    )
    assert summary.ingested == 3
    failed = {Path(f.location).name: f.reason for f in summary.failures}
    assert set(failed) == {"empty.txt", "garbage.txt", "missing"}
    assert all(reason for reason in failed.values())
    assert {Path(f.location).name for f in store.failures()} == set(failed)


def test_cli_exits_nonzero_and_prints_the_failure_table(tmp_path: Path) -> None:
    write_corpus(tmp_path / "in", 2)
    (tmp_path / "in" / "empty.txt").write_text("")
    result = subprocess.run(
        [sys.executable, "-m", "clew", "-w", str(tmp_path / "ws"), "ingest", str(tmp_path / "in")],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "COLUMNS": "400"},  # a wide table, so no path is folded
    )
    assert result.returncode == 1
    assert "failed inputs" in result.stderr and "empty.txt" in result.stderr


def test_killed_ingest_resumes_to_exactly_one_clean_run(tmp_path: Path) -> None:
    corpus = tmp_path / "in"
    write_corpus(corpus, 600)
    clean_ws, killed_ws = tmp_path / "clean", tmp_path / "killed"
    command = [sys.executable, "-m", "clew", "-w"]
    subprocess.run(
        [*command, str(clean_ws), "ingest", *FLAGS, str(corpus)], check=True, timeout=300
    )

    proc = subprocess.Popen(
        [*command, str(killed_ws), "ingest", *FLAGS, str(corpus)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    db = killed_ws / "clew.db"
    stored = 0
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and proc.poll() is None:
        if db.exists():
            try:
                with sqlite3.connect(db) as conn:
                    stored = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
            except sqlite3.OperationalError:
                stored = 0  # the schema is still being created
            if stored >= 20:
                break
        time.sleep(0.01)
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    assert 20 <= stored < 600, "the kill must land mid-batch"
    interrupted, _ = snapshot(db)
    assert 0 < len(interrupted) < 600

    subprocess.run(
        [*command, str(killed_ws), "ingest", *FLAGS, str(corpus)], check=True, timeout=300
    )
    assert snapshot(db) == snapshot(clean_ws / "clew.db")
    assert len(snapshot(db)[0]) == 600
