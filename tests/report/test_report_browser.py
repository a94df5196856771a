"""The report opened in a real headless browser (Debian's chromium): its plots are drawn, nothing
from the network is requested, and the hostile text in the store runs no script."""

from __future__ import annotations

import pytest

from tests.conftest import CHROMIUM_ARGS, chromium_path

pytestmark = pytest.mark.browser

ARGS = CHROMIUM_ARGS


def test_report_plots_are_drawn(written_report, tmp_path):
    from playwright.sync_api import sync_playwright

    html = written_report[0]
    requests, dialogs, errors = [], [], []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium_path(), args=ARGS)
        try:
            page = browser.new_page(viewport={"width": 1200, "height": 900})
            page.on("request", lambda r: requests.append(r.url))
            page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
            page.on("pageerror", lambda e: errors.append(str(e)))
            page.goto(html.as_uri())
            page.wait_for_selector("#plot-agreement .main-svg", timeout=20_000)
            # Every chart drew an SVG with its data: bars for the timeline, two lines for the agreement
            # (all roll calls, contested roll calls).
            for plot in ("plot-components", "plot-timeline", "plot-agreement"):
                assert page.locator(f"#{plot} .main-svg").count() >= 1, plot
            assert page.locator("#plot-timeline .bars path").count() > 10
            assert page.locator("#plot-agreement .scatterlayer path.js-line").count() == 2
            assert page.locator("#ledger tbody tr").count() == 5
            # The hostile promise text is shown as text.
            assert "<script>alert(1)</script><img src=x onerror=alert(1)>" in page.locator("#ledger").inner_text()
            # Legends sit outside every plot area (they covered the low agreement points before).
            for plot in ("plot-timeline", "plot-agreement"):
                legend = page.locator(f"#{plot} g.legend").bounding_box()
                areas = [page.locator(f"#{plot} .nsewdrag").nth(i).bounding_box()
                         for i in range(page.locator(f"#{plot} .nsewdrag").count())]
                assert legend and areas, plot
                for area in areas:
                    lx, ly, ax, ay = legend["x"], legend["y"], area["x"], area["y"]
                    overlap_x = min(lx + legend["width"], ax + area["width"]) - max(lx, ax)
                    overlap_y = min(ly + legend["height"], ay + area["height"]) - max(ly, ay)
                    assert overlap_x <= 0 or overlap_y <= 0, (plot, legend, area)
            # Component bars are drawn in more than one colour (coloured by score band).
            fills = page.eval_on_selector_all("#plot-components .bars path", "els => els.map(e => e.style.fill)")
            assert len(set(fills)) >= 2, fills
            shot = tmp_path / "report.png"
            page.screenshot(path=str(shot), full_page=True)
            # At a phone's width the page fits: nothing wider than the screen, the summary readable.
            phone = browser.new_page(viewport={"width": 390, "height": 844})
            phone.goto(html.as_uri())
            phone.wait_for_selector("#plot-components .main-svg", timeout=20_000)
            assert phone.evaluate("document.documentElement.scrollWidth") <= 391
            assert phone.locator("#summary").bounding_box()["width"] <= 390
            phone.screenshot(path=str(tmp_path / "report-phone.png"))
        finally:
            browser.close()
    assert shot.stat().st_size > 50_000
    assert dialogs == [], "a script from the store ran"
    assert errors == [], errors
    assert all(u.startswith("file://") for u in requests), requests
