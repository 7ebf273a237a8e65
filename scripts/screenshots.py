"""Screenshots of every page at 1280 and 1024 px, for reviewing the UI by eye.

Builds the demo workspace (fiction) in a temporary folder, serves it with ``clew serve`` and
drives Debian's Chromium over it; the PNGs land in ``screenshots/`` (git-ignored).

    make screenshots            # or: .venv/bin/python scripts/screenshots.py [OUT_DIR]
"""

from __future__ import annotations

import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx
from playwright.sync_api import sync_playwright

CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
WIDTHS = (1280, 1024)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def pages(base: str) -> dict[str, str]:
    """Every page, with a real id for each page that shows one record."""
    top = httpx.get(f"{base}/api/allegations", params={"actor": "Vardar", "limit": 1}).json()
    allegation = top["items"][0]
    record = httpx.get(f"{base}/api/allegations/{allegation['id']}").json()
    report = max(record["lines"], key=lambda line: len(line["reports"]))["reports"][0]
    denied = httpx.get(f"{base}/api/allegations", params={"modality": "denied", "limit": 1})
    entity = httpx.get(f"{base}/allegations/{allegation['id']}").text
    entity_id = entity.split('href="/entities/', 1)[1].split('"', 1)[0]
    return {
        "overview": "/",
        "allegations": "/allegations",
        "allegations-filtered": "/allegations?actor=Vardar+Brotherhood&sort=grade",
        "allegation": f"/allegations/{allegation['id']}",
        "allegation-denied": f"/allegations/{denied.json()['items'][0]['id']}",
        "report": f"/reports/{report['article_id']}",
        "entity": f"/entities/{entity_id}",
        "sources": "/sources",
        "network": "/network",
        "routes": "/routes",
        "timeline": "/timeline",
        "not-found": "/allegations/no-such-id",
    }


def main(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        workspace = Path(tmp)
        clew = [sys.executable, "-m", "clew", "-w", str(workspace)]
        subprocess.run([*clew, "demo", "--no-serve"], check=True, capture_output=True)
        port = free_port()
        server = subprocess.Popen([*clew, "serve", "--port", str(port)], stderr=subprocess.DEVNULL)
        base = f"http://127.0.0.1:{port}"
        try:
            for _ in range(300):
                try:
                    httpx.get(f"{base}/api/status").raise_for_status()
                    break
                except httpx.TransportError:
                    time.sleep(0.1)
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
                for name, path in pages(base).items():
                    for width in WIDTHS:
                        page = browser.new_page(viewport={"width": width, "height": 800})
                        page.goto(base + path)
                        target = out / f"{name}-{width}.png"
                        page.screenshot(path=str(target), full_page=True)
                        page.close()
                        print(target)
                browser.close()
        finally:
            server.terminate()
            server.wait(timeout=30)


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path("screenshots"))
