"""Browser tests: one real server over the demo workspace, and Debian's Chromium driving it.

The server is the one users run (``clew serve`` in a subprocess), built from the demo corpus
once per session. Every page a test opens is watched: a request to any host but 127.0.0.1, a
console error or an uncaught exception fails the test at teardown, so "the UI is offline and
quiet" is checked on every page without each test asking for it. Playwright's own browser
download is never used; without /usr/bin/chromium these tests skip.
"""

from __future__ import annotations

import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import httpx
import pytest
from playwright.sync_api import Browser, ConsoleMessage, Error, Page, sync_playwright

pytestmark = pytest.mark.slow

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
LOCAL_SCHEMES = {"data", "blob", "about"}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def serving(workspace: Path) -> Iterator[str]:
    """``clew serve`` over ``workspace`` on a free port; yields its base URL, stops it after."""
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    log = workspace / "server.log"
    with log.open("wb") as stderr:
        proc = subprocess.Popen(
            [sys.executable, "-m", "clew", "-w", str(workspace), "serve", "--port", str(port)],
            stdout=subprocess.DEVNULL,
            stderr=stderr,
        )
    try:
        deadline = time.monotonic() + 60
        while True:
            assert proc.poll() is None, log.read_text()
            assert time.monotonic() < deadline, f"server did not start: {log.read_text()}"
            try:
                httpx.get(f"{base}/api/status").raise_for_status()
                break
            except httpx.TransportError:
                time.sleep(0.1)
        yield base
    finally:
        proc.terminate()
        proc.wait(timeout=30)


@pytest.fixture(scope="session")
def live_server(demo_workspace: Path) -> Iterator[str]:
    """The base URL ("http://127.0.0.1:PORT") of a real server over the demo workspace
    (``demo_workspace`` comes from tests/serve/conftest.py)."""
    with serving(demo_workspace) as base:
        yield base


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is absent: install Debian's chromium (scripts/system-deps.sh)")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@dataclass
class PageLog:
    """What one page did: every URL it requested, and every console error or uncaught error."""

    requests: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def offsite(self) -> list[str]:
        return [
            url
            for url in self.requests
            if urlsplit(url).scheme not in LOCAL_SCHEMES and urlsplit(url).hostname != "127.0.0.1"
        ]


@pytest.fixture
def page_log() -> PageLog:
    """The log of ``browser_page``; ask for both to inspect what the page requested."""
    return PageLog()


@pytest.fixture
def browser_page(browser: Browser, page_log: PageLog) -> Iterator[Page]:
    """A fresh page at 1280 px that fails the test if it left 127.0.0.1 or logged an error."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.set_default_timeout(15_000)
    page = context.new_page()

    def console(message: ConsoleMessage) -> None:
        if message.type == "error":
            page_log.errors.append(f"console: {message.text} ({message.location})")

    def page_error(error: Error) -> None:
        page_log.errors.append(f"page error: {error.message}")

    page.on("request", lambda request: page_log.requests.append(request.url))
    page.on("console", console)
    page.on("pageerror", page_error)
    yield page
    context.close()
    problems = [f"request left 127.0.0.1: {url}" for url in page_log.offsite()] + page_log.errors
    if problems:
        pytest.fail("\n".join(problems))
