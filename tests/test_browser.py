"""A person in a real browser: headless Chromium on the `serve` site.

Uses the system Chromium (`.ci/run` installs Debian's) driven by Playwright, which never
downloads a browser here. Every request that is not to 127.0.0.1 is recorded and blocked:
the site must not reach the network. Set MPD_SCREENSHOTS=docs/figures to refresh the
README's screenshot.
"""

from __future__ import annotations

import os
import re
import shutil
import struct
import tempfile
import urllib.parse
from pathlib import Path

import pytest

import morocco_palestine_data as mpd
from morocco_palestine_data.serve import DATABASE

EVENT = "1986-07-22-peres-visits-hassan-ii-ifrane"
SCREENSHOT_CLIP = {"x": 0, "y": 0, "width": 1400, "height": 1800}
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def _chromium() -> str:
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if not found:
        if os.environ.get("CI"):
            pytest.fail("no chromium on PATH: .ci/run should have installed it")
        pytest.skip("no chromium on PATH (apt-get install chromium)")
    return found


@pytest.fixture(scope="module")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api")
    executable = _chromium()
    with (
        tempfile.TemporaryDirectory(prefix="mpd-chromium-") as profile,
        sync_api.sync_playwright() as playwright,
    ):
        context = playwright.chromium.launch_persistent_context(
            profile,
            executable_path=executable,
            args=CHROMIUM_FLAGS,
            viewport={"width": 1400, "height": 1000},
        )
        yield context
        context.close()


@pytest.fixture()
def page(browser):
    """A fresh tab that blocks and records every request leaving 127.0.0.1."""
    outside: list[str] = []

    def guard(route):
        host = urllib.parse.urlsplit(route.request.url).hostname
        if host == "127.0.0.1":
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()

    tab = browser.new_page()
    tab.route("**/*", guard)
    yield tab
    tab.close()
    assert outside == [], f"the site tried to reach the network: {outside}"


def _png_size(path: Path) -> tuple[int, int]:
    header = path.read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", header[16:24])


def test_events_page_shows_titles_and_facets(served, page, tmp_path):
    page.goto(f"{served}/{DATABASE}/events")
    assert page.locator("h1").inner_text() == "Events"
    first = mpd.load_events().sort_values("date_start", kind="stable").title.iloc[0]
    assert page.get_by_text(first, exact=True).first.is_visible()
    facets = page.locator(".facet-results")
    assert facets.is_visible()
    certainty = facets.locator(".facet-info", has_text="certainty")
    disputed = int((mpd.load_events().certainty == "disputed").sum())
    assert "disputed" in certainty.inner_text()
    assert f"{disputed:,}" in certainty.inner_text()
    shot = tmp_path / "datasette-events.png"
    # the top of the page: descriptions, search box, facets and the first rows
    page.screenshot(path=str(shot), full_page=True, clip=SCREENSHOT_CLIP)
    assert _png_size(shot) == (SCREENSHOT_CLIP["width"], SCREENSHOT_CLIP["height"])
    if os.environ.get("MPD_SCREENSHOTS"):
        shutil.copyfile(shot, Path(os.environ["MPD_SCREENSHOTS"]) / shot.name)


def test_a_facet_filters_the_table(served, page):
    page.goto(f"{served}/{DATABASE}/events")
    page.locator(".facet-info", has_text="certainty").get_by_role("link", name="disputed").click()
    sync_expect()(page).to_have_url(re.compile(r".*certainty=disputed.*"))
    disputed = int((mpd.load_events().certainty == "disputed").sum())
    assert f"{disputed} rows" in page.locator("h3").first.inner_text()


def test_event_page_links_to_its_actors_and_sources(served, page):
    events = mpd.load_events().set_index("event_id")
    page.goto(f"{served}/{DATABASE}/events/{EVENT}")
    assert page.get_by_text(events.title[EVENT], exact=True).is_visible()

    page.locator(f'a[href$="event_actors?event_id={EVENT}"]').click()
    sync_expect()(page).to_have_url(re.compile(r".*/event_actors\?event_id=.*"))
    names = mpd.load_actors().set_index("actor_id").name_en
    shipped = mpd.load_event_actors().query("event_id == @EVENT")
    table = page.locator("table.rows-and-columns").inner_text()
    for actor_id in shipped.actor_id:
        assert names[actor_id] in table

    page.go_back()
    page.get_by_role("link", name="sources cited").click()
    sync_expect()(page).to_have_url(re.compile(r".*/citations\?.*record_id=.*"))
    titles = mpd.load_sources().set_index("source_id").title
    cites = mpd.load_citations().query("record_table == 'events' and record_id == @EVENT")
    table = page.locator("table.rows-and-columns").inner_text()
    for source_id in cites.source_id:
        assert titles[source_id] in table


def test_full_text_search_finds_the_event(served, page):
    page.goto(f"{served}/{DATABASE}/events")
    page.fill("input[name=_search]", "Peres Ifrane")
    page.press("input[name=_search]", "Enter")
    sync_expect()(page).to_have_url(re.compile(r".*_search=.*"))
    title = mpd.load_events().set_index("event_id").title[EVENT]
    assert page.get_by_text(title, exact=True).is_visible()
    count = page.locator("table.rows-and-columns tbody tr").count()
    assert 1 <= count < len(mpd.load_events())


def sync_expect():
    """Playwright's polling assertion: waits until the page shows the expected state."""
    from playwright.sync_api import expect

    return expect
