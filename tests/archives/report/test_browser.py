"""The report's HTML in a real browser: headless Chromium opens the file as a reader would, offline.

It must render with no console error (a Content-Security-Policy violation is
one: the report allows nothing but its own inline style), fetch nothing but
itself, and show every chart with its bars. ``UPDATE_SCREENSHOT=1`` also
writes ``tests/screenshots/report.png`` and ``report-by-month.png``, the
README's pictures, from an archive of our own.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from service.archives.report.build import build
from service.archives.report.render import write_html
from service.archives.report.results import open_results
from tests.archives.report.test_build import ROWS, write_json_lines
from tests.browser import keep_screenshot

pytestmark = [pytest.mark.browser]


@pytest.fixture(scope="module")
def reports(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("report")
    results = open_results(write_json_lines(folder / "results.jsonl", ROWS))
    made = {}
    for name, by in (("whole", None), ("outlet", "outlet"), ("month", "date")):
        made[name] = folder / f"report-{name}.html"
        write_html(build(results, by=by, top=10), made[name])
    return made


@pytest.fixture
def tab(browser: Any) -> Iterator[tuple[Any, list[str], list[str]]]:
    """A tab, with what went wrong in it (console errors, page errors) and every URL it asked for."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, offline=True)
    page = context.new_page()
    errors: list[str] = []
    requested: list[str] = []
    page.on("console", lambda message: errors.append(message.text) if message.type in ("error", "warning") else None)
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("request", lambda request: requested.append(request.url))
    yield page, errors, requested
    context.close()


@pytest.mark.parametrize("name", ["whole", "outlet", "month"])
def test_the_report_renders_offline_with_every_chart_visible(tab: tuple[Any, list[str], list[str]], reports: dict[str, Path], name: str) -> None:
    page, errors, requested = tab
    page.goto(reports[name].as_uri())
    charts = page.locator("svg.chart")
    assert charts.count() >= (6 if name == "whole" else 8)
    for n in range(charts.count()):
        chart = charts.nth(n)
        chart.scroll_into_view_if_needed()
        box = chart.bounding_box()
        assert box is not None and box["width"] > 200 and box["height"] > 40, chart.get_attribute("aria-labelledby")
        # Each chart draws what it counts: bars or points with a size on screen.
        marks = chart.locator("g.bar rect, g.point circle")
        assert marks.count() >= 1
        sizes = marks.evaluate_all("marks => marks.map(m => m.getBoundingClientRect().width)")
        assert max(sizes) > 1
    assert page.locator("h1").inner_text() == "Sourcing report"
    assert errors == []
    assert requested == [reports[name].as_uri()]


def test_a_charts_bar_says_its_figure_on_hover(tab: tuple[Any, list[str], list[str]], reports: dict[str, Path]) -> None:
    page, _, _ = tab
    page.goto(reports["whole"].as_uri())
    first = page.locator("#kinds svg.chart g.bar").first
    assert first.locator("title").text_content() == f"named people: {sum(1 for row in ROWS if not row['error'])}"


def test_screenshots(tab: tuple[Any, list[str], list[str]], reports: dict[str, Path]) -> None:
    page, _, _ = tab
    page.set_viewport_size({"width": 1280, "height": 1500})
    page.goto(reports["outlet"].as_uri())
    keep_screenshot(page, "report.png", full_page=False)
    page.goto(reports["month"].as_uri())
    page.locator("#groups").scroll_into_view_if_needed()
    page.evaluate("document.getElementById('groups').scrollIntoView()")
    keep_screenshot(page, "report-by-month.png", full_page=False)
