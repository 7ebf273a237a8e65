"""A report whose text carries markup is shown as that text: nothing in it runs or renders.

Reports come from anywhere, and a page saved from a hostile site may hold a script; the web
UI must show an analyst what was written, never execute it. The article is fiction.
"""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest
from playwright.sync_api import Page

from tests.serve.browser.conftest import serving
from tests.serve.conftest import clew

pytestmark = pytest.mark.slow

SCRIPT = "<script>window.clewPwned = 'script'</script>"
IMAGE = "<img src=x onerror=\"window.clewPwned = 'onerror'\">"
REPORT = f"""---
title: "Clinic raid in Tarvel {SCRIPT}"
outlet: "The Meridian Ledger"
published: 2025-06-02
---
TARVEL — Police said the Orlan Syndicate sold kidneys taken from migrants to a clinic \
in Tarvel {SCRIPT}, according to prosecutors.

A spokesman for the clinic denied it {IMAGE} and said the allegation was false.
"""


@pytest.fixture(scope="module")
def hostile_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    workspace = tmp_path_factory.mktemp("hostile")
    report = workspace / "hostile-report.md"
    report.write_text(REPORT, encoding="utf-8")
    clew(workspace, "ingest", str(report), "--extract")
    clew(workspace, "link", "--no-progress")
    with serving(workspace) as base:
        yield base


def test_markup_in_a_report_is_shown_as_text(hostile_server: str, browser_page: Page) -> None:
    article = httpx.get(f"{hostile_server}/api/articles").json()["items"][0]
    browser_page.goto(f"{hostile_server}/reports/{article['id']}")
    text = browser_page.locator("article.article-text").inner_text()
    assert SCRIPT in text and IMAGE in text
    assert SCRIPT in browser_page.locator("h1").inner_text()
    assert browser_page.evaluate("window.clewPwned") is None
    assert browser_page.locator("main script, main img").count() == 0


def test_markup_in_evidence_sentences_is_shown_as_text(
    hostile_server: str, browser_page: Page
) -> None:
    found = httpx.get(f"{hostile_server}/api/allegations", params={"q": "script"}).json()
    assert found["items"], "the extractor reads a claim from the hostile sentence"
    browser_page.goto(f"{hostile_server}/allegations/{found['items'][0]['id']}")
    evidence = browser_page.locator("ol.evidence").inner_text()
    assert SCRIPT in evidence
    browser_page.goto(f"{hostile_server}/")
    browser_page.goto(f"{hostile_server}/allegations?q=script")
    assert browser_page.evaluate("window.clewPwned") is None
    assert browser_page.locator("main script, main img").count() == 0
