"""One real server: `clew demo` on a free port serves every bundled demo report."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx

from clew.cli import demo_corpus


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_demo_serves_every_report(tmp_path: Path) -> None:
    port = free_port()
    log = tmp_path / "server.log"
    with log.open("wb") as stderr:
        proc = subprocess.Popen(
            [sys.executable, "-m", "clew", "-w", str(tmp_path), "demo", "--port", str(port)],
            stdout=subprocess.DEVNULL,
            stderr=stderr,
        )
    try:
        body = None
        deadline = time.monotonic() + 240
        while time.monotonic() < deadline and proc.poll() is None:
            try:
                response = httpx.get(f"http://127.0.0.1:{port}/api/articles?limit=1000")
                body = response.json()
                break
            except httpx.TransportError:
                time.sleep(0.2)
        assert body is not None, log.read_text()
        expected = len([p for p in demo_corpus().iterdir() if p.suffix == ".md"])
        assert body["total"] == expected == len(body["items"])
        assert all(item["title"] and item["outlet"] for item in body["items"])
    finally:
        proc.terminate()
        proc.wait(timeout=30)
