"""The network, routes and timeline pages in Chromium over the demo workspace.

Each test checks that the drawing happened (nodes, map paths, bars), that it answers the user
(a click opens a page, a filter changes the count, a brush narrows the list), and, through the
``browser_page`` fixture, that no request left 127.0.0.1 and nothing was logged as an error.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from playwright.sync_api import Page

pytestmark = pytest.mark.slow

# The screen position of a node of ``type`` that no other node overlaps, so a click hits it.
NODE_ON_SCREEN = """type => {
    const cy = window.clewNetwork;
    const shown = cy.nodes(':visible');
    const clear = n => shown.every(o => {
        if (o === n) return true;
        const b = o.renderedBoundingBox({includeLabels: false});
        const p = n.renderedPosition();
        return p.x < b.x1 || p.x > b.x2 || p.y < b.y1 || p.y > b.y2;
    });
    const node = shown.filter(n => n.data('type') === type && clear(n))[0];
    const box = cy.container().getBoundingClientRect();
    const at = node.renderedPosition();
    return {x: box.left + at.x, y: box.top + at.y, href: node.data('href')};
}"""


def drawn_nodes(page: Page) -> int:
    page.wait_for_selector("#network-graph[data-ready='true']")
    return int(page.get_attribute("#network-graph", "data-nodes") or 0)


@pytest.mark.parametrize("kind", ["group", "allegation", "place"])
def test_network_click_opens_the_node_page(live_server: str, browser_page: Page, kind: str) -> None:
    page = browser_page
    page.goto(f"{live_server}/network")
    assert drawn_nodes(page) >= 50
    node = page.evaluate(NODE_ON_SCREEN, kind)
    assert node["href"].startswith("/allegations/" if kind == "allegation" else "/entities/")
    with page.expect_navigation() as navigation:
        page.mouse.click(node["x"], node["y"])
    response = navigation.value
    assert response is not None and response.ok
    assert page.url == f"{live_server}{node['href']}"


def test_network_filter_changes_the_count(live_server: str, browser_page: Page) -> None:
    page = browser_page
    page.goto(f"{live_server}/network")
    everything = drawn_nodes(page)
    page.select_option("#f-act", "arrest")
    page.click("text=Apply filter")
    page.wait_for_url(re.compile(r"act=arrest"))
    arrests = drawn_nodes(page)
    assert 0 < arrests < everything
    assert page.inner_text("#network-drawn") == str(arrests)
    # The unlinked allegations appear when asked for, and the count follows.
    page.check("#network-unlinked")
    assert int(page.get_attribute("#network-graph", "data-nodes") or 0) >= arrests


def test_network_table_alternative_links_every_node(live_server: str, browser_page: Page) -> None:
    page = browser_page
    page.goto(f"{live_server}/network")
    rows = page.locator("#network-table + p + .table-wrap tbody tr")
    assert rows.count() >= 10
    first_link = rows.first.locator("a").first.get_attribute("href") or ""
    assert first_link.startswith("/entities/")


def test_routes_map_draws_countries_places_and_flows(live_server: str, browser_page: Page) -> None:
    page = browser_page
    page.goto(f"{live_server}/routes")
    page.wait_for_selector("#routes-map[data-ready='true']")
    assert page.locator("#routes-map path.country").count() > 200
    places = page.locator("#routes-map circle.place")
    assert places.count() == int(page.get_attribute("#routes-map", "data-places") or 0) >= 5
    assert page.locator("#routes-map path.flow").count() >= 1
    # A click on a place lists its allegations, with links to them. The last circle is drawn
    # on top (the smallest), so nothing covers it.
    places.last.click()
    links = page.locator("#routes-panel-list a")
    assert links.count() >= 1
    assert (links.first.get_attribute("href") or "").startswith("/allegations/")
    # A route answers the keyboard the same way.
    page.locator("#routes-map path.flow").first.focus()
    page.keyboard.press("Enter")
    assert page.inner_text("#routes-panel-hint").startswith("Route ")
    assert page.locator("#routes-panel-list a").count() >= 1


def test_routes_filter_changes_the_count(live_server: str, browser_page: Page) -> None:
    page = browser_page
    page.goto(f"{live_server}/routes")
    page.wait_for_selector("#routes-map[data-ready='true']")
    everything = int(page.inner_text("#routes-places"))
    page.select_option("#f-grade", "A")
    page.click("text=Apply filter")
    page.wait_for_url(re.compile(r"grade=A"))
    page.wait_for_selector("#routes-map[data-ready='true']")
    fewer = int(page.inner_text("#routes-places"))
    assert fewer < everything
    assert page.locator("#routes-map circle.place").count() == fewer


def test_timeline_brush_narrows_the_list(live_server: str, browser_page: Page) -> None:
    page = browser_page
    page.goto(f"{live_server}/timeline")
    page.wait_for_selector("#timeline-chart[data-ready='true']")
    assert int(page.get_attribute("#timeline-chart", "data-bars") or 0) >= 5
    items = page.locator("#timeline-list li[data-month]")
    total = items.count()
    assert int(page.inner_text("#timeline-shown")) == total > 10

    box = page.locator("#timeline-chart svg").bounding_box()
    assert box is not None
    y = box["y"] + box["height"] / 2
    page.mouse.move(box["x"] + box["width"] * 0.25, y)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] * 0.45, y, steps=5)
    page.mouse.up()

    shown = int(page.inner_text("#timeline-shown"))
    assert 0 < shown < total
    assert page.locator("#timeline-list li[data-month]:visible").count() == shown
    href = page.get_attribute("#timeline-link", "href") or ""
    found = re.search(r"date_from=(\d{4}-\d{2})-01&date_to=(\d{4}-\d{2})-\d{2}", href)
    assert found, href
    first, last = found.groups()
    months = page.eval_on_selector_all(
        "#timeline-list li[data-month]:not([hidden])", "els => els.map(e => e.dataset.month)"
    )
    assert all(first <= m <= last for m in months)

    page.click("#brush-clear")
    assert int(page.inner_text("#timeline-shown")) == total


def test_timeline_month_fields_narrow_like_the_brush(live_server: str, browser_page: Page) -> None:
    page = browser_page
    page.goto(f"{live_server}/timeline")
    page.wait_for_selector("#timeline-chart[data-ready='true']")
    total = page.locator("#timeline-list li[data-month]").count()
    first_month = page.get_attribute("#brush-from", "min") or ""
    page.fill("#brush-from", first_month)
    page.fill("#brush-to", first_month)
    page.locator("#brush-to").dispatch_event("change")
    shown = int(page.inner_text("#timeline-shown"))
    assert 0 < shown < total
    assert page.locator("#timeline-chart rect.bar:not(.outside)").count() >= 1


@pytest.mark.parametrize("width", [1280, 1024])
@pytest.mark.parametrize("path", ["/network", "/routes", "/timeline"])
def test_pages_fit_the_width(live_server: str, browser_page: Page, path: str, width: int) -> None:
    page = browser_page
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(f"{live_server}{path}")
    page.wait_for_selector("[data-ready='true']")
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0
