"""The web app in a real headless browser (Debian's chromium driven by Playwright), served by the
real `trustledger serve` on a free loopback port: open the dyad page, click a ledger row, see its
evidence; search evidence; no script from the store runs and nothing is fetched from elsewhere."""

from __future__ import annotations

from collections.abc import Iterator

import duckdb
import pytest

from tests.conftest import CHROMIUM_ARGS, chromium_path

pytestmark = pytest.mark.browser

ARGS = CHROMIUM_ARGS


@pytest.fixture(scope="module")
def browser() -> Iterator:
    from playwright.sync_api import sync_playwright

    path = chromium_path()
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=path, args=ARGS)
        try:
            yield b
        finally:
            b.close()


@pytest.fixture
def page(browser, server):
    """A fresh page that records every request, dialog and script error."""
    context = browser.new_context(viewport={"width": 1200, "height": 900})
    pg = context.new_page()
    pg.requests, pg.dialogs, pg.errors = [], [], []
    pg.on("request", lambda r: pg.requests.append(r.url))
    pg.on("dialog", lambda d: (pg.dialogs.append(d.message), d.dismiss()))
    pg.on("pageerror", lambda e: pg.errors.append(str(e)))
    yield pg
    assert pg.dialogs == [], "a script from the store ran"
    assert pg.errors == [], pg.errors
    assert all(u.startswith(server) for u in pg.requests), [u for u in pg.requests if not u.startswith(server)]
    context.close()


def test_click_a_ledger_row_shows_its_evidence(page, server, sample_db, tmp_path):
    page.goto(server + "/")
    page.fill("input[name=truster]", "irn")
    page.fill("input[name=trustee]", "rus")
    page.click("#dyad-form button")
    page.wait_for_url(server + "/dyad/IRN/RUS")
    assert page.locator("#verdict .badge").inner_text().strip()
    page.wait_for_selector("#plot-timeline .main-svg", timeout=20_000)   # charts from the local plotly.js
    assert page.locator("#plot-agreement .main-svg").count() >= 1
    rows = page.locator("tr.ledger-row")
    assert rows.count() == 5
    con = duckdb.connect(str(sample_db), read_only=True)
    evidence = con.execute(
        "SELECT e.text, d.title, d.date, d.path FROM commitment_evidence e JOIN documents d USING (doc_id) "
        "WHERE commitment_id = 'c000000000000001' ORDER BY e.doc_id").fetchall()
    con.close()
    row = page.locator('tr.ledger-row[data-commitment="c000000000000001"]')
    row.locator("td").nth(4).click()     # anywhere on the row, not only the link
    detail = page.locator("tr.ledger-detail .ledger-entry")
    detail.wait_for(timeout=10_000)
    text = detail.inner_text()
    for sentence, title, date, path in evidence:
        assert sentence in text and title in text and date.isoformat() in text and path in text
    assert row.get_attribute("aria-expanded") == "true"
    page.screenshot(path=str(tmp_path / "dyad.png"), full_page=True)
    row.locator("td").nth(1).click()     # a second click folds it away
    assert page.locator("tr.ledger-detail").count() == 0
    # The hostile promise expands as text too, and runs nothing (checked by the fixture).
    hostile = page.locator('tr.ledger-row[data-commitment="c000000000000000"]')
    hostile.focus()
    page.keyboard.press("Enter")
    page.locator("tr.ledger-detail .ledger-entry").wait_for(timeout=10_000)
    assert "<img src=x onerror=alert(1)>" in page.locator("tr.ledger-detail").inner_text()
    assert page.locator("tr.ledger-detail img").count() == 0


def test_evidence_search_in_the_browser(page, server):
    page.goto(server + "/evidence")
    page.fill("input[name=q]", "reactor fuel")
    page.fill("input[name=truster]", "IRN")
    page.fill("input[name=trustee]", "RUS")
    page.click("#search-form button")
    page.wait_for_selector("#results blockquote.hit")
    hits = page.locator("#results blockquote.hit")
    assert hits.count() == 12
    assert page.locator("#results mark").first.inner_text() == "reactor fuel"
    page.goto(server + "/evidence?q=alert")
    assert "<script>alert(1)</script>" in page.locator("#results").inner_text()


def test_report_page_draws_its_charts(page, server):
    page.goto(server + "/report/IRN/RUS")
    page.wait_for_selector("#plot-timeline .main-svg", timeout=20_000)
    assert page.locator(".main-svg").count() >= 3
