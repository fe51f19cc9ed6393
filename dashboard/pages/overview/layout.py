"""The overview page's layout: headline cards, the trend and support charts with their tables."""

from __future__ import annotations

from dataclasses import dataclass

from dash import dcc, html

from dashboard.core import ids
from dashboard.core.filters import Choices, Filters, describe_region
from dashboard.core.parts import Parts, chart_output, output
from dashboard.i18n import t
from dashboard.measures.catalogue import glossary_entries, name_measure
from dashboard.pages.overview.data import Headline, OverviewData, SummaryFact
from dashboard.pages.overview.figures import build_support_figure, build_trend_figure
from dashboard.ui.charts import build_absent_section, build_chart_section
from dashboard.ui.filter_bar import build_filter_bar
from dashboard.ui.labels import (
    CATEGORIES,
    HEADLINE_MEASURES,
    describe_no_outcome,
    explain_measure,
    format_change,
    format_change_amount,
    format_share,
    format_value,
    label_category,
    label_support_year,
    level_words,
    system_has_outcome,
    to_number,
)
from dashboard.ui.tables import build_table

__all__ = [
    "FIELDS",
    "PAGE",
    "OverviewParts",
    "build_overview_layout",
    "build_overview_parts",
    "describe_summary",
]

PAGE = "overview"
# The overview is about schools: the PLC focus filter does not apply.
FIELDS = ("year", "consortium", "la", "sector", "medium")


@dataclass(frozen=True)
class OverviewParts(Parts):
    """What changes with the filters; each field names the output it fills."""

    scope: str = output(ids.OVERVIEW_SCOPE, "children")
    summary: str = output(ids.OVERVIEW_SUMMARY, "children")
    headlines: list[html.Div] = output(ids.OVERVIEW_HEADLINES, "children")
    trend_figure: dict[str, object] = chart_output(PAGE, "headlines", "graph")
    trend_table: html.Table = chart_output(PAGE, "headlines", "table")
    support_figure: dict[str, object] = chart_output(PAGE, "support", "graph")
    support_table: html.Table | html.P = chart_output(PAGE, "support", "table")
    # With no school chosen the summary says so, once; the charts are hidden, not empty.
    charts_hidden: bool = output(ids.OVERVIEW_CHARTS, "hidden")


def build_headline_card(headline: Headline, lang: str) -> html.Div:
    return html.Div(
        [
            html.H3(name_measure(headline.measure, lang), className="headline-label"),
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


def _state_fact(fact: SummaryFact, year: str, lang: str) -> str:
    """The fact itself, without its change ("3 PLCs were active"); "_one" messages when
    the count is 1."""
    count = f"{round(fact.value):,}"
    share = format_share(fact.share_of_schools or 0.0)
    one = round(fact.value) == 1
    if fact.measure == "schools_in_plcs" and one:
        return t(
            "overview.summary_in_plcs_one",
            lang,
            **level_words(lang),
            year=year,
            count=count,
            share=share,
        )
    if fact.measure == "schools_in_plcs":
        return t(
            "overview.summary_in_plcs_other",
            lang,
            **level_words(lang),
            year=year,
            count=count,
            share=share,
        )
    if fact.measure == "active_plcs" and one:
        return t("overview.summary_active_plcs_one", lang, **level_words(lang), count=count)
    if fact.measure == "active_plcs":
        return t("overview.summary_active_plcs_other", lang, **level_words(lang), count=count)
    if fact.measure == "isolated_schools" and one:
        return t("overview.summary_isolated_one", lang, count=count, share=share)
    if fact.measure == "isolated_schools":
        return t("overview.summary_isolated_other", lang, count=count, share=share)
    if fact.measure == "cross_la_share":
        return t(
            "overview.summary_cross_la_selection",
            lang,
            **level_words(lang),
            share=format_share(fact.value),
        )
    return t("overview.summary_green", lang, share=format_share(fact.value))


def _state_change(fact: SummaryFact, lang: str) -> str | None:
    """ "up 2 on 2017/18", "down 6.7 points on 2017/18", "unchanged from 2017/18";
    None without a year before."""
    if fact.change is None or fact.previous_year is None:
        return None
    is_share = fact.measure in {"cross_la_share", "green_share"}
    amount = format_change_amount(fact.change, is_share, lang)
    if amount is None:
        return t("overview.summary_same", lang, year=fact.previous_year)
    if fact.change > 0:
        return t("overview.summary_up", lang, amount=amount, year=fact.previous_year)
    return t("overview.summary_down", lang, amount=amount, year=fact.previous_year)


def describe_summary(facts: list[SummaryFact], year: str, lang: str) -> str:
    """The year's main figures and their changes from the year before, in sentences."""
    if not facts:
        return t("overview.summary_empty", lang, year=year)
    sentences = []
    for fact in facts:
        stated, change = _state_fact(fact, year, lang), _state_change(fact, lang)
        if change is None:
            sentences.append(t("overview.summary_sentence", lang, fact=stated))
        else:
            sentences.append(
                t("overview.summary_sentence_change", lang, fact=stated, change=change)
            )
    return " ".join(sentences)


def build_trend_table(data: OverviewData, region: str, lang: str) -> html.Table:
    columns = [t("table.year", lang), *[name_measure(m, lang) for m in HEADLINE_MEASURES]]
    rows = [
        [str(row["year"]), *[format_value(m, to_number(row[m]), lang) for m in HEADLINE_MEASURES]]
        for _, row in data.yearly.iterrows()
    ]
    return build_table(t("overview.trend_caption", lang, region=region), columns, rows)


def build_support_table(data: OverviewData, region: str, lang: str) -> html.Table | html.P:
    if data.support.empty:
        return html.P(t("overview.support_empty", lang))
    columns = [t("table.year", lang), *[label_category(c, lang) for c in CATEGORIES]]
    support = data.support
    # One pass over the rows, not a lookup in the frame per cell: pandas' .loc costs
    # more than the rest of the table.
    by_year = {
        (year, category): (share, schools)
        for year, category, share, schools in zip(
            support["year"], support["category"], support["share"], support["schools"],
            strict=True,
        )
    }  # fmt: skip
    rows = []
    years = support.drop_duplicates("year")
    for year, has_plc_data in zip(years["year"], years["has_plc_data"], strict=True):
        cells = [
            t(
                "overview.support_cell",
                lang,
                share=format_share(by_year[(year, c)][0]),
                schools=f"{by_year[(year, c)][1]:,}",
            )
            for c in CATEGORIES
        ]
        rows.append([label_support_year(year, bool(has_plc_data), lang), *cells])
    return build_table(t("overview.support_caption", lang, region=region), columns, rows)


def build_overview_parts(
    data: OverviewData, filters: Filters, choices: Choices, lang: str
) -> OverviewParts:
    """The parts of the page that follow the filters."""
    region = describe_region(filters, choices, lang)
    empty = data.no_schools
    has_support = system_has_outcome("support_category")
    return OverviewParts(
        scope=t("overview.headlines_heading", lang, year=filters.year, region=region),
        summary=(
            t("overview.no_schools", lang)
            if empty
            else describe_summary(
                [f for f in data.summary if has_support or f.measure != "green_share"],
                filters.year,
                lang,
            )
        ),
        headlines=[] if empty else [build_headline_card(h, lang) for h in data.headlines],
        trend_figure=build_trend_figure(data.yearly, filters.year, lang),
        trend_table=build_trend_table(data, region, lang),
        # A system with no support categories has no chart of them: nothing to draw.
        support_figure=build_support_figure(data.support, lang) if has_support else {},
        support_table=build_support_table(data, region, lang) if has_support else html.P(),
        charts_hidden=empty,
    )


def _build_support_section(parts: OverviewParts, lang: str) -> html.Section:
    """The support categories' chart; in a system without them, a plain word instead."""
    heading = t("overview.support_heading", lang)
    if not system_has_outcome("support_category"):
        says, why = describe_no_outcome("support_category", lang)
        return build_absent_section(PAGE, "support", heading=heading, says=says, why=why, lang=lang)
    return build_chart_section(
        PAGE,
        "support",
        heading=heading,
        intro=t("overview.support_intro", lang),
        figure=parts.support_figure,
        table=parts.support_table,
        download_label=t("download.support_label", lang),
        lang=lang,
        glossary=glossary_entries(("support_category",), lang),
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
                    # Polite: a screen reader hears the new summary after a filter changes.
                    html.P(
                        parts.summary,
                        id=ids.OVERVIEW_SUMMARY,
                        className="summary",
                        **{"aria-live": "polite"},
                    ),
                    html.Div(parts.headlines, id=ids.OVERVIEW_HEADLINES, className="headlines"),
                ],
                **{"aria-labelledby": ids.OVERVIEW_SCOPE},
            ),
            html.Div(
                [
                    build_chart_section(
                        PAGE,
                        "headlines",
                        heading=t("overview.trend_heading", lang),
                        figure=parts.trend_figure,
                        table=parts.trend_table,
                        download_label=t("download.headlines_label", lang),
                        lang=lang,
                        glossary=glossary_entries(HEADLINE_MEASURES, lang),
                    ),
                    _build_support_section(parts, lang),
                ],
                id=ids.OVERVIEW_CHARTS,
                hidden=parts.charts_hidden,
            ),
        ],
        className="page",
    )
