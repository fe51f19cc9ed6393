"""What browser tests do with a chart: its toolbar, its downloaded CSV."""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import Locator, Page

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
