"""The pages in a real browser: every page opens cleanly, the three-click path from the
overview to the sentences behind an allegation works, filters apply, keys reach everything.

``browser_page`` fails any test whose page asked a host other than 127.0.0.1 for anything or
logged an error, so each test here also checks that the UI stays offline and quiet.
"""

from __future__ import annotations

import re

import httpx
import pytest
from playwright.sync_api import Page, expect

from tests.serve.browser.conftest import PageLog

pytestmark = pytest.mark.slow


def vardar_allegation(base: str) -> str:
    found = httpx.get(f"{base}/api/allegations", params={"actor": "Vardar", "limit": 1}).json()
    return str(found["items"][0]["id"])


def every_page(base: str) -> list[str]:
    allegation = vardar_allegation(base)
    record = httpx.get(f"{base}/api/allegations/{allegation}").json()
    report = record["claims"][0]["article_id"]
    entity = re.findall(r'href="/entities/([0-9a-f]+)"', httpx.get(f"{base}/").text)[0]
    return [
        "/",
        "/allegations",
        "/allegations?act=organ_sale&grade=F",
        f"/allegations/{allegation}",
        f"/reports/{report}",
        f"/entities/{entity}",
        "/sources",
    ]


@pytest.mark.parametrize("width", [1280, 1024])
def test_every_page_opens_and_fits(live_server: str, browser_page: Page, width: int) -> None:
    browser_page.set_viewport_size({"width": width, "height": 800})
    for path in every_page(live_server):
        response = browser_page.goto(live_server + path)
        assert response is not None and response.status == 200, path
        expect(browser_page.locator("h1")).to_be_visible()
        expect(browser_page.locator("nav[aria-label=Main] a")).to_have_count(6)
        overflow = browser_page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0, f"{path} scrolls sideways by {overflow}px at {width}px"


def test_three_clicks_from_overview_to_the_sentences(live_server: str, browser_page: Page) -> None:
    browser_page.goto(live_server + "/")
    browser_page.get_by_role("link", name="Vardar Brotherhood", exact=True).first.click()
    expect(browser_page).to_have_url(re.compile(r"/allegations\?actor=Vardar"))
    rows = browser_page.locator("table.allegations tbody tr")
    assert rows.count() > 0
    expect(rows.first).to_contain_text("Vardar Brotherhood")

    rows.first.locator("a[href^='/allegations/']").click()
    expect(browser_page.locator("h2#why")).to_be_visible()
    expect(browser_page.locator(".diagram .line").first).to_be_visible()
    sentence = browser_page.locator("ol.evidence > li").first
    expect(sentence.locator("mark.m-actor").first).to_be_visible()

    sentence.locator(".meta a").first.click()
    expect(browser_page).to_have_url(re.compile(r"/reports/[0-9a-f]+#claim-"))
    expect(browser_page.locator("article.article-text mark.m-claim").first).to_be_visible()
    target = browser_page.evaluate("location.hash")
    claim = browser_page.locator(target).locator("xpath=ancestor-or-self::li[1]")
    expect(claim).to_be_in_viewport()


def test_filters_apply_from_the_form(live_server: str, browser_page: Page) -> None:
    browser_page.goto(live_server + "/allegations")
    everything = int(re.findall(r"of (\d+) allegations", browser_page.content())[0])
    browser_page.get_by_label("Act", exact=True).select_option("organ_sale")
    browser_page.get_by_label("Actor", exact=True).fill("Vardar")
    browser_page.get_by_role("button", name="Apply filters").click()
    # Our script sends only the fields that are set: the address matches the JSON twin's.
    expect(browser_page).to_have_url(f"{live_server}/allegations?act=organ_sale&actor=Vardar")
    narrowed = int(re.findall(r"of (\d+) allegations", browser_page.content())[0])
    assert 0 < narrowed < everything
    for row in browser_page.locator("table.allegations tbody tr").all():
        expect(row).to_contain_text("Organ sale")
    expect(browser_page.get_by_label("Act", exact=True)).to_have_value("organ_sale")

    browser_page.get_by_role("link", name=re.compile("^Reports")).click()
    expect(browser_page).to_have_url(re.compile(r"sort=reports"))
    expect(browser_page.get_by_label("Actor", exact=True)).to_have_value("Vardar")


def test_sources_open_onto_each_outlets_reports(live_server: str, browser_page: Page) -> None:
    browser_page.goto(live_server + "/sources")
    outlet = browser_page.locator("details").first
    report = outlet.locator("a[href^='/reports/']").first
    expect(report).to_be_hidden()
    outlet.locator("summary").click()
    title = report.inner_text()
    report.click()
    expect(browser_page.locator("h1")).to_have_text(title)


def test_keyboard_reaches_the_skip_link_and_the_content(
    live_server: str, browser_page: Page
) -> None:
    browser_page.goto(live_server + "/allegations")
    browser_page.keyboard.press("Tab")
    skip = browser_page.get_by_role("link", name="Skip to content")
    expect(skip).to_be_focused()
    expect(skip).to_be_visible()
    browser_page.keyboard.press("Enter")
    expect(browser_page).to_have_url(re.compile("#main$"))
    browser_page.keyboard.press("Tab")  # past the header: the first field of the page itself
    expect(browser_page.get_by_label("Words in the evidence")).to_be_focused()
    outline = browser_page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline not in {"", "none"}, "focused fields show where the keyboard is"
    for field in browser_page.locator("form.filters input:not([type=hidden]), select").all():
        field_id = field.get_attribute("id")
        assert field_id and browser_page.locator(f"label[for='{field_id}']").count() == 1


def test_an_unknown_allegation_is_a_page_saying_so(
    live_server: str, browser_page: Page, page_log: PageLog
) -> None:
    response = browser_page.goto(live_server + "/allegations/no-such-id")
    assert response is not None and response.status == 404
    # Chromium logs every 404 document as a console error: that one is expected here.
    assert len(page_log.errors) == 1 and "404" in page_log.errors[0]
    page_log.errors.clear()
    expect(browser_page.locator("h1")).to_have_text("Not found")
    expect(browser_page.get_by_role("link", name="All allegations")).to_be_visible()
