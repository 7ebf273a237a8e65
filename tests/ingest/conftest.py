"""A web server on 127.0.0.1 for the readers that fetch, so that no test touches the internet.

Each test adds the routes it needs (pages, feeds, redirects, errors, slow or oversized answers) to
the ``site`` fixture; any other path is a 404.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest


@dataclass
class Route:
    """What the server answers on one path."""

    body: bytes = b""
    status: int = 200
    content_type: str = "text/html; charset=utf-8"
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0  # seconds before answering
    drip: float = 0.0  # seconds between 64-byte pieces of the body
    send_length: bool = True  # whether to send Content-Length


class Site:
    """The routes of the test server, and the User-Agent of every request it received."""

    def __init__(self, base: str) -> None:
        self.base = base
        self.routes: dict[str, Route] = {}
        self.user_agents: list[str] = []

    def add(self, path: str, body: bytes | str = b"", **options: Any) -> str:
        """Serve ``body`` on ``path`` (``options`` as in Route) and return its URL."""
        data = body.encode("utf-8") if isinstance(body, str) else body
        self.routes[path] = Route(data, **options)
        return self.url(path)

    def url(self, path: str) -> str:
        return f"{self.base}{path}"


class _Server(ThreadingHTTPServer):
    site: Site


class _Handler(BaseHTTPRequestHandler):
    server: _Server

    def do_GET(self) -> None:
        site = self.server.site
        site.user_agents.append(self.headers.get("User-Agent", ""))
        route = site.routes.get(self.path) or Route(b"not found", 404, "text/plain")
        time.sleep(route.delay)
        try:
            self.send_response(route.status)
            self.send_header("Content-Type", route.content_type)
            if route.send_length:
                self.send_header("Content-Length", str(len(route.body)))
            for name, value in route.headers.items():
                self.send_header(name, value)
            self.end_headers()
            step = 64 if route.drip else max(len(route.body), 1)
            for start in range(0, len(route.body), step):
                self.wfile.write(route.body[start : start + step])
                self.wfile.flush()
                time.sleep(route.drip)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up, as a timeout test wants it to

    def log_message(self, format: str, *args: object) -> None:
        """Keep test output clean."""


@pytest.fixture
def site(monkeypatch: pytest.MonkeyPatch) -> Iterator[Site]:
    # httpx honours proxy variables; a test of 127.0.0.1 must not go through a proxy.
    for name in (
        "HTTP_PROXY",
        "HTTPS_PROXY",
        "ALL_PROXY",
        "http_proxy",
        "https_proxy",
        "all_proxy",
    ):
        monkeypatch.delenv(name, raising=False)
    server = _Server(("127.0.0.1", 0), _Handler)
    server.site = Site(f"http://127.0.0.1:{server.server_address[1]}")
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.02})
    thread.start()
    yield server.site
    server.shutdown()
    server.server_close()
    thread.join()
