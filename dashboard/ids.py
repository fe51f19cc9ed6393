"""Component ids, one constant each, named ``<page>-<element>`` so that pages never collide."""

from __future__ import annotations

# The shell (every page)
SHELL_MAIN = "main"  # the skip link's target: a plain fragment id
SHELL_NAV = "shell-nav"
SHELL_DEMO_NOTICE = "shell-demo-notice"
SHELL_AS_AT = "shell-as-at"
SHELL_LANGUAGE = "shell-language"

# The overview page
OVERVIEW_URL = "overview-url"
OVERVIEW_YEAR = "overview-year"
OVERVIEW_CONSORTIUM = "overview-consortium"
OVERVIEW_LA = "overview-la"
OVERVIEW_SECTOR = "overview-sector"
OVERVIEW_MEDIUM = "overview-medium"
OVERVIEW_SCOPE = "overview-scope"
OVERVIEW_HEADLINES = "overview-headlines"
OVERVIEW_TREND_HEADING = "overview-trend-heading"
OVERVIEW_SUPPORT_HEADING = "overview-support-heading"
OVERVIEW_TREND_GRAPH = "overview-trend-graph"
OVERVIEW_TREND_TABLE = "overview-trend-table"
OVERVIEW_SUPPORT_GRAPH = "overview-support-graph"
OVERVIEW_SUPPORT_TABLE = "overview-support-table"
OVERVIEW_TREND_CSV_BUTTON = "overview-trend-csv-button"
OVERVIEW_TREND_CSV = "overview-trend-csv"
OVERVIEW_SUPPORT_CSV_BUTTON = "overview-support-csv-button"
OVERVIEW_SUPPORT_CSV = "overview-support-csv"


def overview_headline(measure: str) -> str:
    """The card of one headline measure, e.g. ``overview-headline-active-plcs``."""
    return f"overview-headline-{measure.replace('_', '-')}"
