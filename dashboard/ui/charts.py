"""A chart as every page shows one: a heading, the graph, the same numbers as an
accessible table beside it, and a button that downloads them as CSV.

Ids follow ``<page>-<what>-<part>`` (ids.chart_*, ids.csv_*), so that the page's
callbacks (views.register_view, views.register_download) can name them.
"""

from __future__ import annotations

import plotly.graph_objects as go
from dash import dcc, html

from dashboard.core import ids
from dashboard.i18n import t

__all__ = [
    "GRAPH_CONFIG",
    "build_chart_section",
    "build_download",
    "build_graph",
    "build_table_region",
    "build_table_section",
]

# Every chart's toolbar, and nothing in it that leaves the dashboard: plotly.js offers
# "Share chart" (an upload to Plotly Cloud, at plotlyServerURL, its default) and links
# to plotly.com and Chart Studio unless told not to. The download as PNG stays.
GRAPH_CONFIG = {
    "displaylogo": False,
    "showSendToCloud": False,
    "showEditInChartStudio": False,
    "showLink": False,
    "plotlyServerURL": "",
    "responsive": True,
}


def build_graph(graph_id: str, figure: go.Figure | dict[str, object]) -> dcc.Graph:
    """A chart's graph. The only maker of dcc.Graph: every chart has GRAPH_CONFIG."""
    return dcc.Graph(id=graph_id, figure=figure, config=dict(GRAPH_CONFIG))


def build_download(page: str, what: str, label: str, lang: str) -> html.Div:
    """A button that downloads the chart's numbers as CSV (``label`` names what, for
    screen readers), and the dcc.Download that receives the file."""
    return html.Div(
        [
            html.Button(
                t("download.button", lang),
                id=ids.csv_button(page, what),
                type="button",
                className="download-button",
                **{"aria-label": label},
            ),
            dcc.Download(id=ids.csv_download(page, what)),
        ],
        className="download",
    )


def build_table_region(table_id: str, table: object, labelled_by: str) -> html.Div:
    """A table in a region that scrolls sideways when narrow.

    The region is named and takes focus, so that keyboard users can scroll it
    too (axe: scrollable-region-focusable).
    """
    return html.Div(
        table,
        id=table_id,
        className="chart-table",
        tabIndex="0",
        role="region",
        **{"aria-labelledby": labelled_by},
    )


def build_chart_section(
    page: str,
    what: str,
    *,
    heading: str,
    figure: go.Figure | dict[str, object],
    table: object,
    download_label: str,
    lang: str,
    intro: str | None = None,
    wide: bool = False,
) -> html.Section:
    """A section: heading, optional intro, the chart with its table and CSV download.
    ``wide``: the table is too wide to stand beside the chart and goes below it."""
    heading_id = ids.chart_heading(page, what)
    graph = build_graph(ids.chart_graph(page, what), figure)
    return html.Section(
        [
            html.H2(heading, id=heading_id),
            *([html.P(intro)] if intro else []),
            html.Div(
                [
                    html.Div(graph, className="chart"),
                    html.Div(
                        [
                            build_table_region(ids.chart_table(page, what), table, heading_id),
                            build_download(page, what, download_label, lang),
                        ]
                    ),
                ],
                className="chart-with-table",
            ),
        ],
        className="wide-chart" if wide else None,
        **{"aria-labelledby": heading_id},
    )


def build_table_section(
    page: str,
    what: str,
    *,
    heading: str,
    table: object,
    download_label: str,
    lang: str,
    intro: str | None = None,
    controls: object = None,
) -> html.Section:
    """A section of numbers without a chart: heading, optional intro and controls (such as
    a sort order), the table (ids.chart_table) and its CSV download."""
    heading_id = ids.chart_heading(page, what)
    return html.Section(
        [
            html.H2(heading, id=heading_id),
            *([html.P(intro)] if intro else []),
            *([controls] if controls is not None else []),
            build_table_region(ids.chart_table(page, what), table, heading_id),
            build_download(page, what, download_label, lang),
        ],
        **{"aria-labelledby": heading_id},
    )
