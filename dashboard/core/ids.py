"""Component ids, one constant each, named ``<page>-<element>`` so that pages never collide."""

from __future__ import annotations

# The shell (every page)
SHELL_MAIN = "main"  # the skip link's target: a plain fragment id
SHELL_NAV = "shell-nav"
SHELL_NAV_LIST = "shell-nav-list"
SHELL_NAV_TOGGLE = "shell-nav-toggle"
SHELL_VIEW = "shell-view"  # the URL's query string, as assets/nav-links.js tells it
# The type of a nav link's id ({"type": SHELL_NAV_LINK, "page": key, "keep": fields}),
# matched whole by the callback that keeps the links' filters (ui/shell.py).
SHELL_NAV_LINK = "shell-nav-link"
SHELL_DEMO_NOTICE = "shell-demo-notice"
SHELL_AS_AT = "shell-as-at"
# The polite status that says a callback is at work (assets/loading-status.js).
SHELL_LOADING = "shell-loading"
SHELL_LANGUAGE = "shell-language"
SHELL_ACCESS_NOTICE = "shell-access-notice"
SHELL_ACCOUNT = "shell-account"
SHELL_FOOTER_LINKS = "shell-footer-links"
# A chart image asked for (assets/chart-export.js) and its provenance (core/exports.py).
SHELL_EXPORT_REQUEST = "shell-export-request"
SHELL_EXPORT_NOTE = "shell-export-note"

# The overview page (its charts, filters and downloads: the functions below)
OVERVIEW_SCOPE = "overview-scope"
OVERVIEW_SUMMARY = "overview-summary"
OVERVIEW_HEADLINES = "overview-headlines"
OVERVIEW_CHARTS = "overview-charts"  # the charts, hidden when no school matches the filters

# The regions page (its charts, filters, the measure and sort controls and its
# downloads: the functions below, with page "regions")
REGIONS_SIMILAR_INTRO = "regions-similar-intro"

# The compare page (its charts, tables, filters, the second year and its downloads: the
# functions below, with page "compare")
COMPARE_NOTICE = "compare-notice"
COMPARE_SCOPE = "compare-scope"
COMPARE_SUMMARY = "compare-summary"

# The impact page (its charts, filters and downloads: the functions below)
IMPACT_SCOPE = "impact-scope"
IMPACT_MAIN = "impact-main"
IMPACT_MAIN_TEXT = "impact-main-text"
IMPACT_CAVEATS = "impact-caveats"
IMPACT_DEMO_NOTE = "impact-demo-note"
IMPACT_ATTAINMENT_POINTS = "impact-attainment-points"


# The data page: the line that says the refresh details are the data team's
DATA_DETAILS_NOTE = "data-details-note"
DATA_FAILURE_NOTICE = "data-failure-notice"
DATA_DAMAGED_NOTICE = "data-damaged-notice"

# The audit log (/audit): its filters and the table's region (its CSV:
# csv_button("audit", "events") and csv_download("audit", "events"))
AUDIT_URL = "audit-url"
AUDIT_KIND = "audit-kind"
AUDIT_USER = "audit-user"
AUDIT_FROM = "audit-from"
AUDIT_TO = "audit-to"
AUDIT_STATUS = "audit-status"
AUDIT_TABLE = "audit-table"
AUDIT_HEADING = "audit-heading"


# The PLC directory, a PLC's page and a school's profile (their charts, tables and
# downloads: the functions below, with what = "directory", "activity", "plcs", ...)
# (the directory's sort, order and show controls: filter_control("plcs", name))
PLCS_SCOPE = "plcs-scope"
PLCS_SEARCH = "plcs-search"
PLCS_STATUS = "plcs-status"
PLCS_PREVIOUS = "plcs-previous"
PLCS_NEXT = "plcs-next"
PLCS_PAGE = "plcs-page"
PLC_YEAR_HEADING = "plc-year-heading"
PLC_HEALTH = "plc-health"
PLC_CYCLE = "plc-cycle"
SCHOOL_GLANCE_HEADING = "school-glance-heading"
SCHOOL_GLANCE = "school-glance"


def overview_headline(measure: str) -> str:
    """The card of one headline measure, e.g. ``overview-headline-active-plcs``."""
    return f"overview-headline-{measure.replace('_', '-')}"


def page_url(page: str) -> str:
    """The dcc.Location a page keeps its filters in, e.g. ``network-url``."""
    return f"{page}-url"


def filter_control(page: str, field: str) -> str:
    """The dropdown of one filter on a page, e.g. ``network-la``."""
    return f"{page}-{field}"


def csv_button(page: str, what: str) -> str:
    """The button that downloads one chart's numbers, e.g. ``regions-measures-csv-button``."""
    return f"{page}-{what}-csv-button"


def csv_download(page: str, what: str) -> str:
    """The dcc.Download that receives that file, e.g. ``regions-measures-csv``."""
    return f"{page}-{what}-csv"


def chart_heading(page: str, what: str) -> str:
    return f"{page}-{what}-heading"


def chart_graph(page: str, what: str) -> str:
    return f"{page}-{what}-graph"


def chart_table(page: str, what: str) -> str:
    """The region holding the chart's table, e.g. ``overview-support-table``."""
    return f"{page}-{what}-table"


# The network explorer (/network): its options are ids.filter_control("network", "view"),
# ("network", "colour") and ("network", "size"); its chart and table ids.chart_*("network",
# "schools").
NETWORK_DISPLAY = "network-display"
NETWORK_SUMMARY_HEADING = "network-summary-heading"
NETWORK_SUMMARY = "network-summary"
NETWORK_RULE = "network-rule"  # which ties are drawn, in words
NETWORK_OPEN_SCHOOL = "network-open-school"  # the Location a click on a school sets
NETWORK_DETAIL = "network-detail"  # the network and its lists, hidden with no school chosen
NETWORK_FIGURE_NOTE = "network-figure-note"  # how to read the figure of the view drawn


def chart_absent(page: str, what: str) -> str:
    """What a chart the served system cannot have says in its place (ui/charts
    build_absent_section), e.g. ``overview-support-absent``."""
    return f"{page}-{what}-absent"


def chart_glossary(page: str, what: str) -> str:
    """The line under a chart that links to its measures in the glossary."""
    return f"{page}-{what}-glossary"


def glossary_entry(measure: str) -> str:
    """The anchor of a measure's row in the glossary (the data page), e.g.
    ``glossary-ei-index``."""
    return f"glossary-{measure.replace('_', '-')}"
