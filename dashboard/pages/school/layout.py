"""A school's profile: the year at a glance, its PLCs and partner schools, its network
measures against its LA and Wales, and its support category over the years.

Layout builders, and the rows and columns of each table, which its CSV (downloads.py)
lists too (no callbacks, no database).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go
from dash import Patch, dcc, html

from dashboard.core import ids
from dashboard.core.filters import Choices, Filters
from dashboard.core.links import build_plc_href
from dashboard.core.parts import Parts, chart_output, output
from dashboard.i18n import t
from dashboard.measures.catalogue import format_measure, glossary_entries, name_measure
from dashboard.pages.school.data import SCHOOL_MEASURES, SchoolData
from dashboard.pages.school.figures import (
    SERIES_STYLE,
    build_brokerage_figure,
    build_measures_figure,
    build_school_support_figure,
    size_year_markers,
)
from dashboard.ui.cards import build_card
from dashboard.ui.charts import build_absent_section, build_chart_section, build_table_section
from dashboard.ui.filter_bar import build_filter_bar
from dashboard.ui.labels import (
    BROKER_ROLES,
    describe_no_outcome,
    describe_shallow,
    format_count,
    format_health,
    label_broker_role,
    label_category,
    label_focus,
    label_medium,
    label_membership_type,
    label_scope,
    label_sector,
    label_support_year,
    level_words,
    system_has_language_media,
    system_has_outcome,
)
from dashboard.ui.outside_scope import add_outside_note
from dashboard.ui.tables import build_table, list_school_cells

__all__ = [
    "FIELDS",
    "PAGE",
    "SchoolParts",
    "build_not_found",
    "build_school_layout",
    "build_school_parts",
    "format_measure_cell",
    "list_brokerage_columns",
    "list_brokerage_rows",
    "list_measure_columns",
    "list_measure_rows",
    "list_partner_columns",
    "list_partner_rows",
    "list_plc_columns",
    "list_plc_rows",
    "mark_measures_year",
]

PAGE = "school"
# A profile is of one school: only the year applies (its PLCs and partners that year).
FIELDS = ("year",)

Cell = str | int | float | dcc.Link


@dataclass(frozen=True)
class SchoolParts(Parts):
    """What changes with the year; each field names the output it fills."""

    glance_heading: str = output(ids.SCHOOL_GLANCE_HEADING, "children")
    glance: list[html.Div] = output(ids.SCHOOL_GLANCE, "children")
    plcs_heading: str = chart_output(PAGE, "plcs", "heading")
    plcs_table: html.Table | html.P = chart_output(PAGE, "plcs", "table")
    partners_heading: str = chart_output(PAGE, "partners", "heading")
    partners_table: html.Table | html.P | html.Div = chart_output(PAGE, "partners", "table")
    measures_marks: Patch = chart_output(PAGE, "measures", "graph")


def format_measure_cell(measure: str, value: float | None, lang: str) -> str:
    """A measure in the table, its CSV file and the figure, as the catalogue formats it
    (a mean of counts to one place); an empty cell where it is missing."""
    if value is None or math.isnan(value):
        return ""
    return format_measure(measure, value, lang)


def _yes_no(value: object, lang: str) -> str:
    return t("school.yes", lang) if bool(value) else t("school.no", lang)


def _count(value: object) -> int | None:
    return None if value is None or pd.isna(value) else int(value)


def _series_names(data: SchoolData, lang: str) -> dict[str, str]:
    return {
        "school": t("school.this_school", lang),
        "la": t("school.la_mean", lang, la=data.profile.la_name(lang)),
        "wales": t("school.wales_mean", lang, **level_words(lang)),
    }


def _measure_of_year(data: SchoolData, measure: str) -> float | None:
    measures = data.measures
    rows = measures[(measures["year"] == data.year) & (measures["scope"] == "school")]
    return None if rows.empty else float(rows.iloc[0][measure])


def _category_of_year(data: SchoolData, lang: str) -> str:
    rows = data.support[data.support["year"] == data.year]
    if rows.empty:
        return t("school.no_category", lang)
    return label_category(str(rows.iloc[0]["category"]), lang)


def _brokered_in_year(data: SchoolData, lang: str) -> str:
    rows = data.brokerage[data.brokerage["year"] == data.year]
    return t("headline.no_data", lang) if rows.empty else f"{int(rows.iloc[0]['total']):,}"


def build_glance_cards(data: SchoolData, lang: str) -> list[html.Div]:
    """PLCs, partner schools, partners in other LAs and support category in the year."""

    def count(measure: str) -> str:
        value = _measure_of_year(data, measure)
        return t("headline.no_data", lang) if value is None else f"{round(value):,}"

    return [
        build_card(
            t("school.card_plcs", lang, **level_words(lang)),
            count("n_plcs"),
            t("school.card_plcs_help", lang, **level_words(lang)),
            "school-card-plcs",
        ),
        build_card(
            t("school.card_partners", lang),
            count("degree"),
            t("school.card_partners_help", lang, **level_words(lang)),
            "school-card-partners",
        ),
        build_card(
            t("school.card_cross_la", lang, **level_words(lang)),
            count("cross_la_ties"),
            t("school.card_cross_la_help", lang, **level_words(lang)),
            "school-card-cross-la",
        ),
        # A system without support categories has no card of one.
        *(
            [
                build_card(
                    t("school.card_category", lang),
                    _category_of_year(data, lang),
                    t("school.card_category_help", lang),
                    "school-card-category",
                )
            ]
            if system_has_outcome("support_category")
            else []
        ),
        build_card(
            t("school.card_brokerage", lang),
            _brokered_in_year(data, lang),
            t("school.card_brokerage_help", lang),
            "school-card-brokerage",
        ),
    ]


def list_plc_columns(lang: str) -> list[str]:
    """The PLCs table's headers."""
    return [
        t("school.col_plc", lang, **level_words(lang)),
        t("school.col_focus", lang),
        t("school.col_scope", lang),
        t("school.col_membership", lang),
        t("school.col_lead", lang),
        t("school.col_schools", lang),
        t("school.col_members", lang),
        t("plcs.col_health", lang),
        t("plcs.col_shallow", lang),
    ]


def list_plc_rows(data: SchoolData, lang: str, link: bool = True) -> list[list[Cell]]:
    """The school's PLCs in the year as table rows (the name a link when ``link``)."""
    rows: list[list[Cell]] = []
    for plc in data.plcs.itertuples(index=False):
        name: Cell = str(plc.name)
        if link:
            name = dcc.Link(name, href=build_plc_href(str(plc.plc_id), data.year, lang))
        rows.append([
            name,
            label_focus(str(plc.focus_area), lang),
            label_scope(str(plc.scope), lang),
            label_membership_type(str(plc.membership_type), lang),
            _yes_no(plc.is_lead, lang),
            int(plc.n_schools),
            format_count(_count(plc.members), bool(plc.members_suppressed), lang),
            format_health(plc.health_score, plc.health_suppressed, lang),
            describe_shallow(plc.is_shallow, plc.shallow_reasons, lang),
        ])  # fmt: skip
    return rows


def build_plcs_table(data: SchoolData, lang: str) -> html.Table | html.P:
    name = data.profile.name
    if data.plcs.empty:
        return html.P(t("school.plcs_empty", lang, **level_words(lang), name=name, year=data.year))
    caption = t("school.plcs_caption", lang, **level_words(lang), name=name, year=data.year)
    return build_table(caption, list_plc_columns(lang), list_plc_rows(data, lang))


def list_partner_columns(lang: str) -> list[str]:
    """The partner schools table's headers."""
    columns = [
        t("school.col_school", lang),
        t("school.col_number", lang),
        t("school.col_la", lang, **level_words(lang)),
        t("school.col_sector", lang),
    ]
    if system_has_outcome("support_category"):  # as list_school_cells
        columns.append(t("school.col_category", lang))
    return [
        *columns,
        t("school.col_shared", lang, **level_words(lang)),
        t("school.col_cross_la", lang, **level_words(lang)),
    ]


def list_partner_rows(data: SchoolData, lang: str, link: bool = True) -> list[list[Cell]]:
    """The school's partners in the year as table rows (the name a link when ``link``)."""
    no_category = t("school.no_category", lang)
    return [
        [
            *list_school_cells(partner, data.year, lang, no_category, link),
            int(partner.shared_plcs),
            _yes_no(partner.cross_la, lang),
        ]
        for partner in data.partners.itertuples(index=False)
    ]


def build_partners_table(data: SchoolData, lang: str) -> html.Table | html.P | html.Div:
    """The partners in the user's scope; those outside it only counted."""
    shown = _build_partners_in_scope(data, lang)
    return add_outside_note(
        shown, data.partners_outside, t("scope.partners_outside", lang, count=data.partners_outside)
    )


def _build_partners_in_scope(data: SchoolData, lang: str) -> html.Table | html.P:
    name = data.profile.name
    if data.partners.empty:
        return html.P(t("school.partners_empty", lang, name=name, year=data.year))
    caption = t("school.partners_caption", lang, name=name, year=data.year)
    return build_table(caption, list_partner_columns(lang), list_partner_rows(data, lang))


def list_measure_columns(lang: str) -> list[str]:
    """The measures table's headers: the year, the series, then each measure."""
    return [
        t("table.year", lang),
        t("school.col_series", lang),
        *[name_measure(m, lang) for m in SCHOOL_MEASURES],
    ]


def list_measure_rows(data: SchoolData, lang: str) -> list[list[str]]:
    """Per year: the school's measures, then its LA's mean, then the Wales mean."""
    series = _series_names(data, lang)
    return [
        [
            str(row["year"]),
            series[str(row["scope"])],
            *[format_measure_cell(m, float(row[m]), lang) for m in SCHOOL_MEASURES],
        ]
        for _, row in data.measures.iterrows()
    ]


def build_measures_table(data: SchoolData, lang: str) -> html.Table:
    caption = t(
        "school.measures_caption",
        lang,
        name=data.profile.name,
        la=data.profile.la_name(lang),
        **level_words(lang),
    )
    return build_table(caption, list_measure_columns(lang), list_measure_rows(data, lang))


def _build_measures_figure(data: SchoolData, lang: str) -> go.Figure:
    formatters: dict[str, Callable[[float], str]] = {
        m: (lambda v, m=m: format_measure_cell(m, v, lang)) for m in SCHOOL_MEASURES
    }
    return build_measures_figure(
        data.measures,
        {m: name_measure(m, lang) for m in SCHOOL_MEASURES},
        _series_names(data, lang),
        data.year,
        formatters,
    )


def mark_measures_year(data: SchoolData) -> Patch:
    """The change to the measures figure when the year changes: its markers resized
    (drawing the six charts again is most of a year change's time)."""
    marks = Patch()
    trace = 0
    for _measure in SCHOOL_MEASURES:
        for scope in SERIES_STYLE:
            years = data.measures.loc[data.measures["scope"] == scope, "year"].astype(str)
            marks["data"][trace]["marker"]["size"] = size_year_markers(years.tolist(), data.year)
            trace += 1
    return marks


def list_plc_data(support: pd.DataFrame) -> list[bool]:
    """Whether each year of ``support`` has PLC data (a frame without the column: all do)."""
    if "has_plc_data" not in support:
        return [True] * len(support)
    return [bool(value) for value in support["has_plc_data"]]


def build_support_table(data: SchoolData, lang: str) -> html.Table | html.P:
    if data.support.empty:
        return html.P(t("school.support_empty", lang, name=data.profile.name))
    rows = [
        [label_support_year(year, has_plc_data, lang), label_category(str(category), lang)]
        for year, category, has_plc_data in zip(
            data.support["year"], data.support["category"], list_plc_data(data.support), strict=True
        )
    ]
    return build_table(
        t("school.support_caption", lang, name=data.profile.name),
        [t("table.year", lang), t("school.col_category", lang)],
        rows,
    )


def list_brokerage_columns(lang: str) -> list[str]:
    """The brokerage table's headers: the year, each broker role, the total."""
    return [
        t("table.year", lang),
        *[label_broker_role(r, lang) for r in BROKER_ROLES],
        t("school.col_total", lang),
    ]


def list_brokerage_rows(data: SchoolData) -> list[list[object]]:
    """Per year: the pairs the school brokered in each role, and in all."""
    return [
        [str(row["year"]), *[int(row[r]) for r in BROKER_ROLES], int(row["total"])]
        for _, row in data.brokerage.iterrows()
    ]


def build_brokerage_table(data: SchoolData, lang: str) -> html.Table:
    return build_table(
        t("school.brokerage_caption", lang, name=data.profile.name),
        list_brokerage_columns(lang),
        list_brokerage_rows(data),
    )


def _build_brokerage_figure(data: SchoolData, lang: str) -> go.Figure:
    names = {r: label_broker_role(r, lang) for r in BROKER_ROLES}
    hover = {
        r: [
            t("school.brokerage_hover", lang, role=names[r], year=str(y), pairs=int(n))
            for y, n in zip(data.brokerage["year"], data.brokerage[r], strict=True)
        ]
        for r in BROKER_ROLES
    }
    return build_brokerage_figure(data.brokerage, names, hover, t("school.brokerage_axis", lang))


def build_school_parts(data: SchoolData, lang: str) -> SchoolParts:
    """The parts of the profile that follow the year."""
    return SchoolParts(
        glance_heading=t("school.glance_heading", lang, year=data.year),
        glance=build_glance_cards(data, lang),
        plcs_heading=t("school.plcs_heading", lang, **level_words(lang), year=data.year),
        plcs_table=build_plcs_table(data, lang),
        partners_heading=t("school.partners_heading", lang, year=data.year),
        partners_table=build_partners_table(data, lang),
        measures_marks=mark_measures_year(data),
    )


def _describe_school(data: SchoolData, lang: str) -> str:
    profile = data.profile
    fields = {
        "number": profile.school_id,
        "la": profile.la_name(lang),
        "consortium": profile.consortium_name(lang),
        "sector": label_sector(profile.sector, lang),
    }
    if system_has_language_media():
        text = t("school.lede", lang, **fields, medium=label_medium(profile.language_medium, lang))
    else:  # England's schools have no medium: not "Not applicable" for every one
        text = t("school.lede_no_medium", lang, **fields)
    if profile.pupils is not None:
        text += " " + t("school.pupils", lang, pupils=f"{profile.pupils:,}")
    return text


def build_school_layout(
    data: SchoolData, filters: Filters, choices: Choices, lang: str
) -> html.Div:
    """The whole profile for the year in ``filters``, numbers included."""
    parts = build_school_parts(data, lang)
    return html.Div(
        [
            dcc.Location(id=ids.page_url(PAGE), refresh=False),
            html.H1(data.profile.name),
            html.P(_describe_school(data, lang), className="lede"),
            build_filter_bar(PAGE, FIELDS, filters, choices, lang),
            html.Section(
                [
                    html.H2(parts.glance_heading, id=ids.SCHOOL_GLANCE_HEADING),
                    html.Div(parts.glance, id=ids.SCHOOL_GLANCE, className="headlines"),
                ],
                **{"aria-labelledby": ids.SCHOOL_GLANCE_HEADING},
            ),
            build_table_section(
                PAGE,
                "plcs",
                heading=parts.plcs_heading,
                table=parts.plcs_table,
                download_label=t("school.download_plcs", lang, **level_words(lang)),
                lang=lang,
            ),
            build_table_section(
                PAGE,
                "partners",
                heading=parts.partners_heading,
                intro=t("school.partners_intro", lang, **level_words(lang)),
                table=parts.partners_table,
                download_label=t("school.download_partners", lang),
                lang=lang,
            ),
            build_chart_section(
                PAGE,
                "measures",
                heading=t("school.measures_heading", lang),
                intro=t(
                    "school.measures_intro",
                    lang,
                    la=data.profile.la_name(lang),
                    **level_words(lang),
                ),
                figure=_build_measures_figure(data, lang),
                table=build_measures_table(data, lang),
                download_label=t("school.download_measures", lang),
                lang=lang,
                glossary=glossary_entries(SCHOOL_MEASURES, lang),
            ),
            build_chart_section(
                PAGE,
                "brokerage",
                heading=t("school.brokerage_heading", lang),
                intro=t("school.brokerage_intro", lang, **level_words(lang)),
                figure=_build_brokerage_figure(data, lang),
                table=build_brokerage_table(data, lang),
                download_label=t("school.download_brokerage", lang),
                lang=lang,
                glossary=glossary_entries(
                    (*(f"broker_{role}" for role in BROKER_ROLES), "broker_total"), lang
                ),
            ),
            _build_support_section(data, lang),
        ],
        className="page",
    )


def _build_support_section(data: SchoolData, lang: str) -> html.Section:
    """The school's support category by year; in a system without them, a plain word."""
    heading = t("school.support_heading", lang)
    if not system_has_outcome("support_category"):
        says, why = describe_no_outcome("support_category", lang)
        return build_absent_section(PAGE, "support", heading=heading, says=says, why=why, lang=lang)
    return build_chart_section(
        PAGE,
        "support",
        heading=heading,
        intro=t("school.support_intro", lang),
        figure=build_school_support_figure(data.support, lang),
        table=build_support_table(data, lang),
        download_label=t("school.download_support", lang),
        lang=lang,
        glossary=glossary_entries(("support_category",), lang),
    )


def build_not_found(number: str, back: str, lang: str) -> html.Div:
    """What an unknown school number gets: a plain message and a way back to the
    overview, ``back`` (keeping the view's filters)."""
    return html.Div(
        [
            html.H1(t("school.not_found_title", lang)),
            html.P(t("school.not_found", lang, number=number), role="alert"),
            html.P(dcc.Link(t("school.back", lang), href=back)),
        ],
        className="page",
    )
