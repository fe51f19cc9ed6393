"""The impact page's layout: the main estimate in words and figures, what the figures do
and do not show, the estimate under other choices, and improvement by band."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go
from dash import dcc, html

from dashboard.core import ids
from dashboard.core.filters import Choices, Filters
from dashboard.core.parts import Parts, chart_output
from dashboard.i18n import t
from dashboard.measures.catalogue import glossary_entries, name_measure
from dashboard.measures.impact import (
    format_p_value,
    format_points,
    label_model,
    label_unit,
)
from dashboard.pages.impact.data import ALL_YEARS, EXPOSURE, FIELDS, ImpactData
from dashboard.pages.impact.figures import build_bands_figure, build_variants_figure
from dashboard.ui.cards import build_card
from dashboard.ui.charts import (
    GlossaryEntry,
    build_chart_section,
    build_glossary_links,
    build_hidden_chart_parts,
)
from dashboard.ui.filter_bar import build_filter_bar, build_option_dropdown
from dashboard.ui.labels import describe_no_outcome, system_has_outcome
from dashboard.ui.tables import build_table

__all__ = [
    "FIELDS",
    "OPTIONS",
    "PAGE",
    "ImpactParts",
    "build_bands_table",
    "build_impact_layout",
    "build_impact_parts",
    "build_variants_table",
    "describe_main",
]

PAGE = "impact"
OPTIONS = (EXPOSURE,)


@dataclass(frozen=True)
class ImpactParts(Parts):
    """What changes with the view (year, exposure); each field names the output it fills."""

    bands_figure: go.Figure = chart_output(PAGE, "bands", "graph")
    bands_table: html.Div = chart_output(PAGE, "bands", "table")
    bands_glossary: list[object] = chart_output(PAGE, "bands", "glossary")


def describe_main(main: pd.Series | None, lang: str, *, min_schools: int) -> list[str]:
    """The main estimate in sentences: what it says, whether its interval holds zero,
    and what it rests on; or that there is none."""
    if main is None:
        return [t("impact.main_none", lang, min_schools=min_schools)]
    fields = {
        "estimate": format_points(abs(main["estimate"])),
        "low": format_points(main["ci_low"]),
        "high": format_points(main["ci_high"]),
    }
    if main["estimate"] >= 0:
        said = t("impact.main_more", lang, **fields)
    else:
        said = t("impact.main_less", lang, **fields)
    if main["ci_low"] <= 0 <= main["ci_high"]:
        zero = t("impact.main_zero_inside", lang)
    else:
        zero = t("impact.main_zero_outside", lang)
    basis = t(
        "impact.main_basis",
        lang,
        schools=f"{main['n_schools']:,}",
        observations=f"{main['n_observations']:,}",
        years=f"{main['n_years']:,}",
    )
    return [said, zero, basis]


def _build_main_cards(main: pd.Series, lang: str) -> html.Div:
    interval = t(
        "impact.card_interval_value",
        lang,
        low=format_points(main["ci_low"]),
        high=format_points(main["ci_high"]),
    )
    estimate = t("impact.card_estimate_value", lang, estimate=format_points(main["estimate"]))
    cards = [
        (t("impact.card_estimate", lang), estimate, t("impact.card_estimate_help", lang)),
        (t("impact.card_interval", lang), interval, t("impact.card_interval_help", lang)),
        (
            t("impact.card_schools", lang),
            f"{main['n_schools']:,}",
            t("impact.card_schools_help", lang),
        ),
        (
            t("impact.card_observations", lang),
            f"{main['n_observations']:,}",
            t("impact.card_observations_help", lang),
        ),
    ]
    names = ("estimate", "interval", "schools", "observations")
    return html.Div(
        [
            build_card(label, value, help_text, f"{ids.IMPACT_MAIN}-{name}")
            for name, (label, value, help_text) in zip(names, cards, strict=True)
        ],
        className="headlines",
    )


def build_variants_table(estimates: pd.DataFrame, lang: str) -> html.Table:
    """Every model: its estimate with its interval, p-value and the sample behind it."""
    columns = [
        t("impact.column_model", lang),
        t("impact.column_estimate", lang),
        t("impact.column_p_value", lang),
        t("impact.column_schools", lang),
        t("impact.column_observations", lang),
    ]
    rows = [
        [
            label_model(row.model, lang),
            t(
                "impact.estimate_cell",
                lang,
                estimate=format_points(row.estimate),
                low=format_points(row.ci_low),
                high=format_points(row.ci_high),
                unit=label_unit(row.exposure, lang),
            ),
            format_p_value(row.p_value),
            f"{row.n_schools:,}",
            f"{row.n_observations:,}",
        ]
        for row in estimates.itertuples(index=False)
    ]
    return build_table(t("impact.variants_caption", lang), columns, rows)


def _band_cell(row: pd.Series, lang: str) -> str:
    mean = format_points(row["mean_improvement"])
    if pd.isna(row["ci_low"]) or pd.isna(row["ci_high"]):
        return t("impact.bands_cell_no_interval", lang, mean=mean)
    low, high = format_points(row["ci_low"]), format_points(row["ci_high"])
    return t("impact.bands_cell", lang, mean=mean, low=low, high=high)


def build_bands_table(data: ImpactData, lang: str) -> html.Div:
    """Each band's mean change with its interval and schools, all years and the year
    chosen side by side; a note when the year has none."""
    pooled, in_year = data.bins_of(ALL_YEARS), data.bins_of(data.year)
    series = [(t("impact.bands_all_years", lang), pooled)]
    if not in_year.empty:
        series.append((data.year, in_year))
    columns = [t("impact.column_band", lang)]
    for name, _ in series:
        columns += [
            t("impact.column_mean_of", lang, series=name),
            t("impact.column_schools_of", lang, series=name),
        ]
    by_band = {name: rows.set_index("band") for name, rows in series}
    rows = []
    for band in pooled["band"]:
        cells = [str(band)]
        for name, _ in series:
            match = by_band[name]
            if band in match.index:
                cells += [_band_cell(match.loc[band], lang), f"{match.loc[band, 'n_schools']:,}"]
            else:
                cells += ["", ""]
        rows.append(cells)
    caption = t(
        "impact.bands_caption", lang, exposure=name_measure(data.exposure, lang), year=data.year
    )
    parts: list[object] = [build_table(caption, columns, rows)]
    if in_year.empty:
        parts.append(html.P(t("impact.bands_no_year", lang, year=data.year)))
    return html.Div(parts)


def build_impact_parts(data: ImpactData, lang: str) -> ImpactParts:
    """The parts of the page that follow the view."""
    return ImpactParts(
        bands_figure=build_bands_figure(
            data.bins_of(ALL_YEARS), data.bins_of(data.year), data.exposure, data.year, lang
        ),
        bands_table=build_bands_table(data, lang),
        bands_glossary=build_glossary_links(list_bands_glossary(data, lang), lang),
    )


def list_bands_glossary(data: ImpactData, lang: str) -> tuple[GlossaryEntry, ...]:
    """The bands chart's measures: the change in attainment, by the exposure chosen."""
    return glossary_entries(("attainment_change", data.exposure), lang)


def _build_scope(data: ImpactData, lang: str) -> str:
    if data.first_year is None or data.last_year is None:
        return t("impact.scope_none", lang)
    return t("impact.scope", lang, first=data.first_year, last=data.last_year)


def _build_filters(filters: Filters, choices: Choices, lang: str) -> html.Div:
    bar = build_filter_bar(PAGE, FIELDS, filters, choices, lang)
    names = {exposure: name_measure(exposure, lang) for exposure in EXPOSURE.values}
    exposure = build_option_dropdown(
        PAGE, EXPOSURE, t("impact.exposure_label", lang), names, filters
    )
    bar.children = [*bar.children, exposure]
    return bar


def _build_main_section(data: ImpactData, lang: str) -> html.Section:
    heading_id = f"{ids.IMPACT_MAIN}-heading"
    main = data.main
    return html.Section(
        [
            html.H2(t("impact.main_heading", lang), id=heading_id),
            html.Div(
                [
                    html.P(sentence)
                    for sentence in describe_main(main, lang, min_schools=data.min_schools)
                ],
                id=ids.IMPACT_MAIN_TEXT,
                className="summary",
            ),
            # The figures above and below are in attainment points: say what one is.
            html.P(
                t("impact.attainment_points", lang),
                id=ids.IMPACT_ATTAINMENT_POINTS,
                className="definition",
            ),
            *([] if main is None else [_build_main_cards(main, lang)]),
        ],
        id=ids.IMPACT_MAIN,
        **{"aria-labelledby": heading_id},
    )


def _build_caveats(data: ImpactData, lang: str) -> html.Section:
    heading_id = f"{ids.IMPACT_CAVEATS}-heading"
    caveats = [
        t("impact.caveat_association", lang),
        t("impact.caveat_selection", lang),
        t("impact.caveat_noise", lang),
        t("impact.caveat_interval", lang),
    ]
    # The planted relation is a fact of a demo database only (its refresh_settings
    # hold it): never said of real data.
    planted = data.planted_effect
    demo = (
        [html.P(t("impact.demo_note", lang, beta=f"{planted:.1f}"), id=ids.IMPACT_DEMO_NOTE)]
        if planted is not None
        else []
    )
    return html.Section(
        [
            html.H2(t("impact.caveats_heading", lang), id=heading_id),
            html.Ul([html.Li(caveat) for caveat in caveats]),
            *demo,
        ],
        id=ids.IMPACT_CAVEATS,
        className="caveats",
        **{"aria-labelledby": heading_id},
    )


def build_no_attainment_layout(filters: Filters, choices: Choices, lang: str) -> html.Div:
    """The page in a system that measures no attainment: it says so, and why, and
    shows no estimate, filter or chart. The filters and the bands chart's parts stay,
    hidden and empty, for the page's callback (declared for every system)."""
    says, why = describe_no_outcome("attainment", lang)
    return html.Div(
        [
            dcc.Location(id=ids.page_url(PAGE), refresh=False),
            html.H1(t("impact.title", lang)),
            html.Section(
                [html.H2(says, id=ids.chart_absent(PAGE, "main")), html.P(why)],
                className="absent-chart",
                **{"aria-labelledby": ids.chart_absent(PAGE, "main")},
            ),
            html.Div(
                [
                    _build_filters(filters, choices, lang),
                    build_hidden_chart_parts(PAGE, "bands", lang),
                ],
                hidden=True,
            ),
        ],
        className="page",
    )


def build_impact_layout(
    data: ImpactData, filters: Filters, choices: Choices, lang: str
) -> html.Div:
    """The whole impact page for the view, numbers included (no callback needed at load)."""
    if not system_has_outcome("attainment"):
        return build_no_attainment_layout(filters, choices, lang)
    parts = build_impact_parts(data, lang)
    return html.Div(
        [
            dcc.Location(id=ids.page_url(PAGE), refresh=False),
            html.H1(t("impact.title", lang)),
            html.P(t("impact.intro", lang), className="lede"),
            html.P(_build_scope(data, lang), id=ids.IMPACT_SCOPE),
            _build_filters(filters, choices, lang),
            _build_main_section(data, lang),
            _build_caveats(data, lang),
            build_chart_section(
                PAGE,
                "variants",
                heading=t("impact.variants_heading", lang),
                intro=t("impact.variants_intro", lang),
                figure=build_variants_figure(data.estimates, lang),
                table=build_variants_table(data.estimates, lang),
                download_label=t("impact.download_variants", lang),
                lang=lang,
                glossary=glossary_entries(("impact_estimate", "confidence_interval"), lang),
            ),
            build_chart_section(
                PAGE,
                "bands",
                heading=t("impact.bands_heading", lang),
                intro=t("impact.bands_intro", lang),
                figure=parts.bands_figure,
                table=parts.bands_table,
                download_label=t("impact.download_bands", lang),
                lang=lang,
                glossary=list_bands_glossary(data, lang),
            ),
        ],
        className="page",
    )
