"""What browser tests do with a chart: its toolbar, its downloaded CSV; scrolling to it,
which draws it when it was below the fold (dashboard/assets/charts-on-demand.js)."""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import Locator, Page, expect

from dashboard.i18n import t
from tests.csv_files import csv_lines as csv_lines_of


def camera_button(page: Page, graph: Locator) -> Locator:
    """The camera of ``graph``'s toolbar, by its title in the page's language (the toolbar
    speaks it: dashboard/ui/charts.py build_graph_config)."""
    lang = page.locator("html").get_attribute("lang") or "en"
    title = t("chart.modebar_download_png", lang)
    return graph.locator(f'.modebar-btn[data-title="{title}"]')


def csv_lines(path: Path) -> list[str]:
    """The lines of a downloaded CSV below its provenance block (tests/csv_files.py)."""
    return csv_lines_of(path.read_text(encoding="utf-8"))


def scroll_to_chart(graph: Locator, timeout: float = 15_000) -> Locator:
    """Scrolls ``graph`` (a .dash-graph) into view, as a reader does, and waits until it
    is drawn: a chart is drawn only when it comes near the screen. Returns it."""
    graph.scroll_into_view_if_needed(timeout=timeout)
    expect(graph.locator(".js-plotly-plot .main-svg").first).to_be_attached(timeout=timeout)
    return graph


def scroll_to_every_chart(page: Page, timeout: float = 15_000) -> int:
    """Scrolls to each chart the page shows in turn, waiting until each is drawn; how many
    there are. A chart in a hidden section is drawn when it is shown."""
    graphs = page.locator(".dash-graph:visible")
    count = graphs.count()
    for index in range(count):
        scroll_to_chart(graphs.nth(index), timeout)
    return count
