"""The demo workspace, built once per session by the CLI as a user would, for page tests."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest


def clew(workspace: Path, *args: str) -> None:
    """Run a clew command on ``workspace`` as a user would, failing with its output."""
    done = subprocess.run(
        [sys.executable, "-m", "clew", "-w", str(workspace), *args],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr


@pytest.fixture(scope="session")
def demo_workspace(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A workspace built from the bundled demo corpus (fiction): ingested, extracted, linked."""
    workspace = tmp_path_factory.mktemp("demo-workspace")
    clew(workspace, "demo", "--no-serve")
    return workspace
