"""The web app in Chromium at desktop (1280 px) and phone (390 px) widths, served by the real
`trustledger serve` over a store with what real stores hold (IGO and '---' actors, copies of a story):
every link and every form of every page answers without an error, no page scrolls sideways on a
phone, the verdict's interval and the ledger's status and delay stay in view, tables sort, the
period control and the country fields work, a promise opened in a new tab is a full page, chart
legends do not cover data. Screenshots go to test-artifacts/screenshots/ (git-ignored)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from tests.conftest import CHROMIUM_ARGS, chromium_path
from trustledger.web.process import running_server

pytestmark = pytest.mark.browser

SHOTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "screenshots"
WIDTHS = {"desktop": 1280, "phone": 390}
#: The crawl stops after this many pages (the sample store has about 60).
MAX_PAGES = 150
PAGES = ["/", "/dyad/IRN/RUS", "/ledger?promisor=RUS", "/events?source=RUS&target=IRN", "/evidence?q=fuel",
         "/compare?truster=IRN&trustee=RUS&trustee=USA", "/doc/0000000000001001#s1", "/ledger/c000000000000001",
         "/docs"]


@pytest.fixture(scope="module")
def browser() -> Iterator:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        try:
            yield b
        finally:
            b.close()


@pytest.fixture(scope="module")
def base(explore_db: Path) -> Iterator[str]:
    with running_server(explore_db, timeout=30) as url:
        yield url


def new_page(browser, width: int):
    context = browser.new_context(viewport={"width": width, "height": 900})
    pg = context.new_page()
    pg.errors = []
    pg.on("pageerror", lambda e: pg.errors.append(str(e)))
    return pg


@pytest.fixture(params=list(WIDTHS))
def page(request, browser):
    pg = new_page(browser, WIDTHS[request.param])
    pg.width = WIDTHS[request.param]
    yield pg
    assert pg.errors == [], pg.errors
    pg.context.close()


def shot(pg, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    pg.screenshot(path=str(SHOTS / f"{name}-{pg.width}.png"), full_page=True)


def scroll_width(pg) -> int:
    return pg.evaluate("Math.max(document.documentElement.scrollWidth, document.body.scrollWidth)")


def local_links(pg, base: str) -> list[str]:
    hrefs = pg.eval_on_selector_all("a[href]", "els => els.map(e => e.href)")
    return [h.split("#")[0] for h in hrefs if h.startswith(base)]


def submit_forms(pg, base: str, url: str, done: set) -> list[str]:
    """Submit each kind of form on the page once, as a reader would (required fields filled with
    country names); return what each submission answered with an error."""
    errors = []
    for form_id in pg.eval_on_selector_all("main form[id]", "els => els.map(e => e.id)"):
        key = (urlsplit(url).path.split("/")[1], form_id)
        if key in done:
            continue
        done.add(key)
        pg.goto(url)
        for name, value in (("truster", "iran"), ("trustee", "Russia")):
            field = pg.locator(f"#{form_id} input[name={name}][required]")
            if field.count():
                field.first.fill(value)
        with pg.expect_navigation() as nav:
            pg.locator(f"#{form_id} button[type=submit]").click()
        status = nav.value.status if nav.value else 0
        if status != 200:
            errors.append(f"form #{form_id} on {url}: HTTP {status}")
    return errors


def test_every_link_and_form_answers(page, base):
    """Crawl from the start page: every same-origin link of every page, and each form once."""
    seen: set[str] = set()
    todo = [base + "/"]
    errors: list[str] = []
    forms: set = set()
    while todo and len(seen) < MAX_PAGES:
        url = todo.pop(0)
        if url in seen:
            continue
        seen.add(url)
        path = urlsplit(url).path
        if path.startswith(("/api/", "/static/", "/openapi.json")) or path.endswith(".csv"):
            r = page.request.get(url)       # data, not a page: it must answer too
            if r.status != 200:
                errors.append(f"{url}: HTTP {r.status}")
            continue
        response = page.goto(url)
        if response is None or response.status != 200:
            errors.append(f"{url}: HTTP {response.status if response else 'no response'}")
            continue
        if path.startswith("/report/"):
            continue                          # the self-contained report: its links are its own anchors
        if scroll_width(page) > page.width:
            errors.append(f"{url}: {scroll_width(page)} px wide at {page.width} px")
        todo += [u for u in local_links(page, base) if u not in seen]
        errors += submit_forms(page, base, url, forms)
    assert len(seen) > 40, sorted(seen)       # the crawl reached the pages, not only the start page
    assert {"dyad", "ledger", "events", "compare", "doc", "evidence", "docs"} <= {k for k, _ in forms} | {
        urlsplit(u).path.split("/")[1] for u in seen}
    assert errors == []


def test_pages_fit_and_keep_their_figures_in_view(page, base):
    for url in PAGES:
        page.goto(base + url)
        name = url.strip("/").split("?")[0].split("#")[0].replace("/", "_") or "index"
        shot(page, name)
        assert scroll_width(page) <= page.width, (url, scroll_width(page))
    page.goto(base + "/dyad/IRN/RUS")
    box = page.locator("#interval").bounding_box()
    assert box and box["x"] >= 0 and box["x"] + box["width"] <= page.width
    assert page.locator("#interval").is_visible() and "90% interval" in page.locator("#interval").inner_text()
    assert page.locator("#verdict").bounding_box()["height"] < 600
    # Every ledger row shows its status and delay inside the screen's width.
    for label in ("status", "delay"):
        cells = page.locator(f'#ledger tr.ledger-row td[data-label="{label}"]')
        assert cells.count() == 5
        for i in range(cells.count()):
            b = cells.nth(i).bounding_box()
            assert cells.nth(i).is_visible() and b["width"] > 0 and b["x"] + b["width"] <= page.width, (label, b)


def test_chart_legends_do_not_cover_data(page, base):
    page.goto(base + "/dyad/IRN/RUS")
    page.wait_for_selector("#plot-timeline .legend", timeout=20_000)
    for plot in ("#plot-timeline", "#plot-agreement"):
        legend = page.locator(f"{plot} .legend").first.bounding_box()
        for i in range(page.locator(f"{plot} .nsewdrag").count()):
            area = page.locator(f"{plot} .nsewdrag").nth(i).bounding_box()
            overlap = (min(legend["x"] + legend["width"], area["x"] + area["width"]) - max(legend["x"], area["x"]) > 0
                       and min(legend["y"] + legend["height"], area["y"] + area["height"])
                       - max(legend["y"], area["y"]) > 0)
            assert not overlap, (plot, legend, area)


def test_country_fields_take_names_and_explain_unknown_ones(page, base):
    page.goto(base + "/")
    page.fill("#dyad-form input[name=truster]", "Iran")
    page.fill("#dyad-form input[name=trustee]", "russia")
    page.fill("#dyad-form input[name=since]", "1997")
    page.click("#dyad-form button")
    page.wait_for_url(base + "/dyad/IRN/RUS?since=1997")
    assert "period 1997-01-01" in page.inner_text("main")
    page.goto(base + "/")
    page.fill("#dyad-form input[name=truster]", "Narnia")
    page.fill("#dyad-form input[name=trustee]", "Russia")
    with page.expect_navigation() as nav:
        page.click("#dyad-form button")
    assert nav.value.status == 400
    assert "'Narnia' is not a known country" in page.inner_text("#error")
    # The evidence form with its country fields left empty searches all sentences (it was a 422).
    page.goto(base + "/evidence")
    page.fill("#search-form input[name=q]", "fuel")
    page.click("#search-form button")
    page.wait_for_selector("#results blockquote.hit")
    assert page.locator("#results blockquote.hit").count() > 0


def test_period_control_on_the_dyad_page(page, base):
    page.goto(base + "/dyad/IRN/RUS")
    page.fill("#period-form input[name=since]", "1998")
    page.fill("#period-form input[name=until]", "1999-06")
    page.click("#period-form button")
    page.wait_for_url(base + "/dyad/IRN/RUS?since=1998&until=1999-06")
    assert "period 1998-01-01 to 1999-06-30" in page.inner_text("main")
    assert page.locator("#ledger tr.ledger-row").count() == 2


def test_tables_sort_by_a_column(page, base):
    """Desktop: click a column's header (again to reverse); phone (no headers): the sort menu."""
    page.goto(base + "/ledger?promisor=RUS")
    header = page.locator("#ledger th", has_text="delay")
    menu = page.locator(".sort-menu select")
    phone = page.width < 700
    assert header.is_visible() != phone and menu.is_visible() == phone
    if phone:
        menu.select_option(label="delay (days) ↑")
    else:
        header.click()
    delays = page.eval_on_selector_all('#ledger td[data-label="delay"]', "els => els.map(e => e.dataset.value)")
    numbers = [int(d) for d in delays if d]
    assert len(numbers) >= 2 and numbers == sorted(numbers)
    assert delays[len(numbers):] == [""] * (len(delays) - len(numbers))      # blanks last
    if phone:
        menu.select_option(label="delay (days) ↓")
    else:
        header.click()
    delays = page.eval_on_selector_all('#ledger td[data-label="delay"]', "els => els.map(e => e.dataset.value)")
    assert [int(d) for d in delays if d] == sorted(numbers, reverse=True)
    assert header.get_attribute("aria-sort") == "descending"


def test_a_promise_opened_in_a_new_tab_is_a_full_page(page, base):
    page.goto(base + "/dyad/IRN/RUS")
    link = page.locator('tr.ledger-row[data-commitment="c000000000000001"] a.ledger-link')
    with page.context.expect_page() as opened:
        link.click(modifiers=["Control"])
    tab = opened.value
    tab.wait_for_load_state()
    assert tab.url == base + "/ledger/c000000000000001"
    assert tab.locator("header.top").is_visible() and tab.locator(".ledger-entry").is_visible()
    assert tab.evaluate("getComputedStyle(document.body).margin") == "0px"   # the app's stylesheet applies
    assert page.locator("tr.ledger-detail").count() == 0                     # the row itself did not expand
    tab.close()
    link.click()                                                              # a plain click expands the row
    page.locator("tr.ledger-detail .ledger-entry").wait_for(timeout=10_000)
    shot(page, "dyad-expanded")
    assert page.locator('link[rel="icon"]').count() == 1
    assert page.request.get(base + "/favicon.ico").status == 200
