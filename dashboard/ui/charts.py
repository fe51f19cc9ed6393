"""A chart as every page shows one: a heading, the graph, the same numbers as an
accessible table beside it, and a button that downloads them as CSV.

Ids follow ``<page>-<what>-<part>`` (ids.chart_*, ids.csv_*), so that the page's
callbacks (views.register_view, views.register_download) can name them.
"""

from __future__ import annotations

from collections.abc import Sequence

import plotly.graph_objects as go
from dash import dcc, html

from dashboard.core import ids
from dashboard.core.language import build_language_href
from dashboard.i18n import DEFAULT_LANG, t

__all__ = [
    "GLOSSARY_PATH",
    "GRAPH_CONFIG",
    "GlossaryEntry",
    "build_absent_section",
    "build_chart_section",
    "build_download",
    "build_glossary_href",
    "build_glossary_links",
    "build_graph",
    "build_graph_config",
    "build_hidden_chart_parts",
    "build_table_region",
    "build_table_section",
    "translate_toolbar",
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


# Where the glossary of every measure is: the data page (pages/sources), each measure's
# row anchored at ids.glossary_entry(measure).
GLOSSARY_PATH = "/data"

# A measure a chart shows, as the glossary link names it: (its key in the measures'
# catalogue, its name as the page shows it). The page names it (measures.catalogue's
# name_measure): ui does not read the catalogue.
GlossaryEntry = tuple[str, str]


def build_glossary_href(measure: str, lang: str) -> str:
    """The address of ``measure``'s entry in the glossary, in ``lang``."""
    return f"{build_language_href(GLOSSARY_PATH, None, lang)}#{ids.glossary_entry(measure)}"


def build_glossary_links(entries: Sequence[GlossaryEntry], lang: str) -> list[object]:
    """ "In the glossary: Density, E-I index": a link to each measure's entry."""
    parts: list[object] = [t("chart.glossary_lead", lang), " "]
    for index, (measure, name) in enumerate(entries):
        if index:
            parts.append(", ")
        parts.append(dcc.Link(name, href=build_glossary_href(measure, lang)))
    return parts


def translate_toolbar(lang: str) -> dict[str, str]:
    """plotly.js's own English (the titles of the toolbar's buttons, the notices it
    shows) with the words to show instead, in ``lang``: a plotly locale's dictionary."""
    return {
        "Download plot as a PNG": t("chart.modebar_download_png", lang),
        "Download plot": t("chart.modebar_download", lang),
        "Zoom": t("chart.modebar_zoom", lang),
        "Pan": t("chart.modebar_pan", lang),
        "Box Select": t("chart.modebar_box_select", lang),
        "Lasso Select": t("chart.modebar_lasso_select", lang),
        "Zoom in": t("chart.modebar_zoom_in", lang),
        "Zoom out": t("chart.modebar_zoom_out", lang),
        "Autoscale": t("chart.modebar_autoscale", lang),
        "Reset axes": t("chart.modebar_reset_axes", lang),
        "Reset view": t("chart.modebar_reset_view", lang),
        "Reset views": t("chart.modebar_reset_views", lang),
        "Reset": t("chart.modebar_reset", lang),
        "Toggle Spike Lines": t("chart.modebar_spike_lines", lang),
        "Show closest data on hover": t("chart.modebar_hover_closest", lang),
        "Compare data on hover": t("chart.modebar_hover_compare", lang),
        "Toggle show closest data on hover": t("chart.modebar_hover_toggle", lang),
        "Double-click to zoom back out": t("chart.modebar_double_click_zoom", lang),
        "Double-click on legend to isolate one trace": t("chart.modebar_double_click_legend", lang),
        "Sorry, there was a problem downloading your image!": t(
            "chart.modebar_download_failed", lang
        ),
    }


def build_graph_config(lang: str) -> dict[str, object]:
    """GRAPH_CONFIG, with the toolbar in ``lang``: plotly.js takes a locale given in the
    config itself (``locales``, then ``locale`` to use it), so no locale script is loaded.
    The month names follow the footer's (one message holds the twelve)."""
    months = t("shell.months", lang).split()
    locale = {"dictionary": translate_toolbar(lang), "format": {"months": months}}
    return {**GRAPH_CONFIG, "locale": lang, "locales": {lang: locale}}


def build_graph(
    graph_id: str, figure: go.Figure | dict[str, object], lang: str = DEFAULT_LANG
) -> dcc.Graph:
    """A chart's graph. The only maker of dcc.Graph: every chart has GRAPH_CONFIG, and
    its toolbar speaks the page's language."""
    return dcc.Graph(id=graph_id, figure=figure, config=build_graph_config(lang))


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
    glossary: Sequence[GlossaryEntry],
    intro: str | None = None,
    wide: bool = False,
) -> html.Section:
    """A section: heading, optional intro, a link to the glossary entry of each measure the
    chart shows (``glossary``: every chart has one), the chart with its table and CSV
    download. ``wide``: the table is too wide to stand beside the chart and goes below it."""
    if not glossary:
        raise ValueError(f"the chart {page}-{what} names no measure of the glossary")
    heading_id = ids.chart_heading(page, what)
    graph = build_graph(ids.chart_graph(page, what), figure, lang)
    return html.Section(
        [
            html.H2(heading, id=heading_id),
            *([html.P(intro)] if intro else []),
            html.P(
                build_glossary_links(glossary, lang),
                id=ids.chart_glossary(page, what),
                className="chart-glossary",
            ),
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


def build_absent_section(
    page: str, what: str, *, heading: str, says: str, why: str, lang: str
) -> html.Section:
    """In place of a chart the served system cannot have (it has no outcomes, or no
    map): the heading, then plainly what is missing (``says``) and ``why``; no empty chart.

    A page's callback fills its chart whatever the system (its outputs are declared
    once, at import), so the chart's graph, table and glossary stay in the page, empty
    and hidden, for Dash to find; the heading keeps its id and may be retitled."""
    heading_id = ids.chart_heading(page, what)
    return html.Section(
        [
            html.H2(heading, id=heading_id),
            html.P(says, className="absent-says", id=ids.chart_absent(page, what)),
            html.P(why),
            build_hidden_chart_parts(page, what, lang),
        ],
        className="absent-chart",
        **{"aria-labelledby": heading_id},
    )


def build_hidden_chart_parts(page: str, what: str, lang: str) -> html.Div:
    """A chart's graph, table and glossary, empty and hidden: what a page's callback
    fills where the served system has no such chart (Dash's renderer refuses a
    callback some of whose components are missing)."""
    return html.Div(
        [
            build_graph(ids.chart_graph(page, what), {}, lang),
            html.Div(id=ids.chart_table(page, what)),
            html.P(id=ids.chart_glossary(page, what)),
        ],
        hidden=True,
    )
