"""The overview page's layout: headline cards, the trend and support charts with their tables."""

from __future__ import annotations

from dataclasses import dataclass

import plotly.graph_objects as go
from dash import dcc, html

from dashboard import ids
from dashboard.components.charts import build_chart_section
from dashboard.components.filters import build_filter_bar
from dashboard.components.tables import build_table
from dashboard.figures.overview import build_support_figure, build_trend_figure
from dashboard.filters import Choices, Filters, describe_region
from dashboard.i18n import t
from dashboard.labels import (
    CATEGORIES,
    HEADLINE_MEASURES,
    explain_measure,
    format_change,
    format_share,
    format_value,
    label_category,
    label_measure,
)
from dashboard.overview_data import Headline, OverviewData, to_number

__all__ = ["FIELDS", "PAGE", "OverviewParts", "build_overview_layout", "build_overview_parts"]

PAGE = "overview"
# The overview is about schools: the PLC focus filter does not apply.
FIELDS = ("year", "consortium", "la", "sector", "medium")


@dataclass(frozen=True)
class OverviewParts:
    """What changes with the filters, in the order of the callback's outputs."""

    scope: str
    headlines: list[html.Div]
    trend_figure: go.Figure
    trend_table: html.Table
    support_figure: go.Figure
    support_table: html.Table | html.P

    def as_outputs(self) -> tuple[object, ...]:
        return (
            self.scope,
            self.headlines,
            self.trend_figure,
            self.trend_table,
            self.support_figure,
            self.support_table,
        )


def build_headline_card(headline: Headline, lang: str) -> html.Div:
    return html.Div(
        [
            html.H3(label_measure(headline.measure, lang), className="headline-label"),
            html.P(
                format_value(headline.measure, headline.value, lang), className="headline-value"
            ),
            html.P(
                format_change(headline.measure, headline.change, headline.previous_year, lang),
                className="headline-change",
            ),
            html.P(explain_measure(headline.measure, lang), className="headline-help"),
        ],
        className="headline",
        id=ids.overview_headline(headline.measure),
    )


def build_trend_table(data: OverviewData, region: str, lang: str) -> html.Table:
    columns = [t("table.year", lang), *[label_measure(m, lang) for m in HEADLINE_MEASURES]]
    rows = [
        [str(row["year"]), *[format_value(m, to_number(row[m]), lang) for m in HEADLINE_MEASURES]]
        for _, row in data.yearly.iterrows()
    ]
    return build_table(t("overview.trend_caption", lang, region=region), columns, rows)


def build_support_table(data: OverviewData, region: str, lang: str) -> html.Table | html.P:
    if data.support.empty:
        return html.P(t("overview.support_empty", lang))
    columns = [t("table.year", lang), *[label_category(c, lang) for c in CATEGORIES]]
    by_year = data.support.set_index(["year", "category"])
    rows = []
    for year in data.support["year"].unique():
        cells = [
            t(
                "overview.support_cell",
                lang,
                share=format_share(by_year.loc[(year, c), "share"]),
                schools=f"{by_year.loc[(year, c), 'schools']:,}",
            )
            for c in CATEGORIES
        ]
        rows.append([str(year), *cells])
    return build_table(t("overview.support_caption", lang, region=region), columns, rows)


def build_overview_parts(
    data: OverviewData, filters: Filters, choices: Choices, lang: str
) -> OverviewParts:
    """The parts of the page that follow the filters."""
    region = describe_region(filters, choices, lang)
    return OverviewParts(
        scope=t("overview.headlines_heading", lang, year=filters.year, region=region),
        headlines=[build_headline_card(h, lang) for h in data.headlines],
        trend_figure=build_trend_figure(data.yearly, filters.year, lang),
        trend_table=build_trend_table(data, region, lang),
        support_figure=build_support_figure(data.support, lang),
        support_table=build_support_table(data, region, lang),
    )


def build_overview_layout(
    data: OverviewData, filters: Filters, choices: Choices, lang: str
) -> html.Div:
    """The whole overview page for ``filters``, numbers included (no callback needed at load)."""
    parts = build_overview_parts(data, filters, choices, lang)
    return html.Div(
        [
            # refresh=False: writing the query string must not reload or re-route the page.
            dcc.Location(id=ids.page_url(PAGE), refresh=False),
            html.H1(t("overview.title", lang)),
            html.P(t("overview.intro", lang), className="lede"),
            build_filter_bar(PAGE, FIELDS, filters, choices, lang),
            html.Section(
                [
                    html.H2(parts.scope, id=ids.OVERVIEW_SCOPE),
                    html.Div(parts.headlines, id=ids.OVERVIEW_HEADLINES, className="headlines"),
                ],
                **{"aria-labelledby": ids.OVERVIEW_SCOPE},
            ),
            build_chart_section(
                PAGE,
                "headlines",
                heading=t("overview.trend_heading", lang),
                figure=parts.trend_figure,
                table=parts.trend_table,
                download_label=t("download.headlines_label", lang),
                lang=lang,
            ),
            build_chart_section(
                PAGE,
                "support",
                heading=t("overview.support_heading", lang),
                intro=t("overview.support_intro", lang),
                figure=parts.support_figure,
                table=parts.support_table,
                download_label=t("download.support_label", lang),
                lang=lang,
            ),
        ],
        className="page",
    )
