"""The compare page's layout: two years side by side (headline figures, the network in
brief, an area's measures) and what changed between them (ties, schools in PLCs)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

import pandas as pd
from dash import dcc, html

from dashboard.core import ids
from dashboard.core.filters import Choices, Filters, PageOption, describe_region
from dashboard.core.links import build_school_href
from dashboard.core.parts import Parts, chart_output, output
from dashboard.i18n import t
from dashboard.measures.catalogue import find_term, format_measure, glossary_entries, name_measure
from dashboard.pages.compare.data import WITH, CompareData, group_of
from dashboard.pages.compare.drawings import Drawings, build_drawings
from dashboard.pages.compare.figures import Figure, StackPart, build_network_figure
from dashboard.ui.charts import (
    build_chart_section,
    build_glossary_links,
    build_graph,
    build_table_section,
)
from dashboard.ui.filter_bar import build_filter_bar, build_option_dropdown
from dashboard.ui.labels import (
    format_value,
    label_focus,
    label_sector,
    level_words,
    system_has_language_media,
    to_number,
)
from dashboard.ui.tables import build_table

__all__ = [
    "FIELDS",
    "LIST_LIMIT",
    "OPTIONS",
    "PAGE",
    "CompareParts",
    "build_compare_layout",
    "build_compare_parts",
    "describe_change",
    "describe_summary",
    "find_bad_years",
    "label_change",
    "list_network_parts",
    "name_group",
    "name_las",
]

PAGE = "compare"
# The network page's filters: with a PLC focus area every part of the page counts only
# that area's PLCs and the ties through them (data.py).
FIELDS = ("year", "consortium", "la", "sector", "medium", "focus")
# The second year: any year the data hold, always in the URL beside the first.
OPTIONS = (PageOption(WITH, of_years=True),)
# The lists of ties and schools show at most this many rows; their CSVs hold them all.
LIST_LIMIT = 100
# How to read the drawings of the two networks, which follows the view.
DRAWINGS_INTRO = "compare-drawings-intro"
# What a PLC focus area does to every figure of the page (empty without one).
FOCUS_NOTE = "compare-focus-note"


@dataclass(frozen=True)
class CompareParts(Parts):
    """What changes with the view; each field names the output it fills."""

    notice: list[html.P] = output(ids.COMPARE_NOTICE, "children")
    scope: str = output(ids.COMPARE_SCOPE, "children")
    summary: str = output(ids.COMPARE_SUMMARY, "children")
    focus_note: str = output(FOCUS_NOTE, "children")
    headlines_heading: str = chart_output(PAGE, "headlines", "heading")
    headlines_table: html.Table = chart_output(PAGE, "headlines", "table")
    network_heading: str = chart_output(PAGE, "network", "heading")
    network_figure: Figure = chart_output(PAGE, "network", "graph")
    network_table: html.Table = chart_output(PAGE, "network", "table")
    drawings_heading: str = chart_output(PAGE, "drawings", "heading")
    drawings_intro: str = output(DRAWINGS_INTRO, "children")
    earlier_heading: str = chart_output(PAGE, "drawing-earlier", "heading")
    earlier_figure: Figure = chart_output(PAGE, "drawing-earlier", "graph")
    later_heading: str = chart_output(PAGE, "drawing-later", "heading")
    later_figure: Figure = chart_output(PAGE, "drawing-later", "graph")
    measures_heading: str = chart_output(PAGE, "measures", "heading")
    measures_table: html.Table = chart_output(PAGE, "measures", "table")
    ties_heading: str = chart_output(PAGE, "ties", "heading")
    ties_table: html.Div = chart_output(PAGE, "ties", "table")
    schools_heading: str = chart_output(PAGE, "schools", "heading")
    schools_table: html.Div = chart_output(PAGE, "schools", "table")


# ---- Words -------------------------------------------------------------------------------


def find_bad_years(query: Mapping[str, object], filters: Filters, lang: str) -> list[str]:
    """A sentence for each year asked for in the URL that the data do not hold, naming
    the year shown instead (a pasted or edited link: the page says so, never fails)."""
    shown = {"year": filters.year, WITH: filters.option(WITH)}
    sentences = []
    for name in ("year", WITH):
        asked = query.get(name)
        if isinstance(asked, list):
            asked = asked[0] if asked else None
        if asked is not None and str(asked) != shown[name]:
            # Shown as text only, and cut short: it comes from the URL.
            text = str(asked)[:20]
            sentences.append(t("compare.bad_year", lang, asked=text, shown=shown[name]))
    return sentences


def describe_change(measure: str, change: float | None, lang: str) -> str:
    """A change in words, in the measure's own format: "Up 3", "Down 12.5 points",
    "Up 0.107", "No change"; "No data" when either year has none."""
    if change is None or pd.isna(change):
        return t("headline.no_data", lang)
    kind = find_term(measure).kind
    if kind == "share":
        amount = f"{abs(change) * 100:.1f}"
        shown = t("headline.points", lang, amount=amount)
    elif kind == "decimal":
        amount = f"{abs(change):.{find_term(measure).digits}f}"
        shown = amount
    else:
        amount = f"{abs(round(change)):,}"
        shown = amount
    if float(amount.replace(",", "")) == 0:
        return t("compare.same", lang)
    if change > 0:
        return t("compare.up", lang, amount=shown)
    return t("compare.down", lang, amount=shown)


def describe_summary(data: CompareData, lang: str) -> str:
    """What changed between the two years, in two sentences."""
    if data.same_year:
        return t("compare.same_year", lang, year=data.later)
    c = data.changes
    return t(
        "compare.summary",
        lang,
        earlier=data.earlier,
        later=data.later,
        gained=f"{c.ties_gained:,}",
        lost=f"{c.ties_lost:,}",
        kept=f"{c.ties_kept:,}",
        joined=f"{c.schools_joined:,}",
        left=f"{c.schools_left:,}",
        **level_words(lang),
    )


def name_group(filters: Filters, choices: Choices, lang: str) -> str:
    """The area whose measures are shown: the LA, the consortium or Wales."""
    level, group = group_of(filters)
    if level == "la" and filters.la is not None:
        return choices.name_of_la(filters.la, lang)
    if level == "consortium" and group is not None:
        return choices.name_of_consortium(group, lang)
    return t("region.wales", lang, **level_words(lang))


# ---- Tables ------------------------------------------------------------------------------


def build_headlines_table(data: CompareData, region: str, lang: str) -> html.Table:
    columns = [
        t("compare.column_measure", lang),
        data.earlier,
        data.later,
        t("compare.column_change", lang),
    ]
    rows = [
        [
            name_measure(h.measure, lang),
            format_value(h.measure, h.earlier, lang),
            format_value(h.measure, h.later, lang),
            describe_change(h.measure, h.change, lang),
        ]
        for h in data.headlines
    ]
    caption = t(
        "compare.headlines_caption", lang, region=region, earlier=data.earlier, later=data.later
    )
    return _wrap_names(build_table(caption, columns, rows))


def _wrap_names(table: html.Table) -> html.Table:
    # The names of the rows wrap on a phone, so that both years and the change fit.
    table.className = f"{table.className} wrap-names"
    return table


def list_network_parts(data: CompareData, lang: str) -> tuple[list[StackPart], list[StackPart]]:
    """The bars of the network figure: ties kept, lost, gained; schools stayed, left, joined."""
    c = data.changes
    ties = [
        StackPart("kept", t("compare.ties_kept", lang), c.ties_kept, c.ties_kept),
        StackPart("lost", t("compare.ties_lost", lang), c.ties_lost, None),
        StackPart("gained", t("compare.ties_gained", lang), None, c.ties_gained),
    ]
    schools = [
        StackPart(
            "kept",
            t("compare.schools_stayed", lang, **level_words(lang)),
            c.schools_stayed,
            c.schools_stayed,
        ),
        StackPart(
            "lost", t("compare.schools_left", lang, **level_words(lang)), c.schools_left, None
        ),
        StackPart(
            "gained", t("compare.schools_joined", lang, **level_words(lang)), None, c.schools_joined
        ),
    ]
    return ties, schools


def build_network_table(data: CompareData, region: str, lang: str) -> html.Table:
    ties, schools = list_network_parts(data, lang)
    rows = [
        [part.name, *["" if v is None else f"{v:,}" for v in (part.earlier, part.later)]]
        for part in (*ties, *schools)
    ]
    caption = t(
        "compare.network_caption",
        lang,
        region=region,
        earlier=data.earlier,
        later=data.later,
        **level_words(lang),
    )
    return _wrap_names(build_table(caption, ["", data.earlier, data.later], rows))


def build_measures_table(data: CompareData, group: str, lang: str) -> html.Table:
    columns = [
        t("compare.column_measure", lang),
        data.earlier,
        data.later,
        t("compare.column_change", lang),
    ]
    rows = [
        [
            name_measure(row.measure, lang),
            format_measure(row.measure, to_number(row.earlier), lang),
            format_measure(row.measure, to_number(row.later), lang),
            describe_change(row.measure, to_number(row.change), lang),
        ]
        for row in data.measures.itertuples(index=False)
    ]
    caption = t(
        "compare.measures_caption", lang, group=group, earlier=data.earlier, later=data.later
    )
    return _wrap_names(build_table(caption, columns, rows))


def name_las(choices: Choices, lang: str) -> dict[int, str]:
    """Every LA's name by code, looked up once for a whole list (a frame lookup per row
    costs milliseconds)."""
    column = "name_cy" if lang == "cy" else "name_en"
    return {
        int(code): str(name)
        for code, name in zip(choices.las["la_code"], choices.las[column], strict=True)
    }


def _school_link(name: object, school_id: object, year: str, lang: str) -> dcc.Link:
    return dcc.Link(str(name), href=build_school_href(int(school_id), year, lang))


def _notes(listed: int, total: int, outside: Callable[[str], str], lang: str) -> list[html.P]:
    """What the list leaves out: rows outside the user's area (``outside(count)`` says
    so), rows past LIST_LIMIT."""
    notes = []
    if total > listed:
        notes.append(html.P(outside(f"{total - listed:,}")))
    if listed > LIST_LIMIT:
        notes.append(html.P(t("compare.list_cut", lang, shown=LIST_LIMIT, total=f"{listed:,}")))
    return notes


def label_change(change: str, lang: str) -> str:
    """A tie "gained" or "lost", a school "joined" or "left", in words."""
    words = {
        "gained": t("compare.tie_gained", lang),
        "lost": t("compare.tie_lost", lang),
        "joined": t("compare.school_joined", lang),
        "left": t("compare.school_left", lang),
    }
    return words[change]


def _as_text_table(table: html.Table) -> html.Table:
    # Names read left to right (the house's table of words, as the data page's).
    table.className = f"{table.className} text-table"
    return table


def build_ties_table(data: CompareData, choices: Choices, lang: str) -> html.Div:
    """The ties gained and lost between two schools of the user's area (a link to each,
    in the year the tie was there), the school of the selection first."""
    found = data.tie_changes
    total = data.changes.ties_gained + data.changes.ties_lost
    notes = _notes(len(found), total, lambda n: t("compare.ties_outside", lang, count=n), lang)
    if found.empty:
        return html.Div([*notes, html.P(t("compare.ties_none", lang))])
    las = name_las(choices, lang)
    rows = []
    for row in found.head(LIST_LIMIT).itertuples(index=False):
        year = data.later if row.change == "gained" else data.earlier
        rows.append(
            [
                _school_link(row.name_a, row.school_a, year, lang),
                las[int(row.la_a)],
                _school_link(row.name_b, row.school_b, year, lang),
                las[int(row.la_b)],
                label_change(str(row.change), lang),
            ]
        )
    columns = [
        t("compare.column_school", lang),
        t("filters.la", lang, **level_words(lang)),
        t("compare.column_partner", lang),
        t("filters.la", lang, **level_words(lang)),
        t("compare.column_change", lang),
    ]
    caption = t("compare.ties_caption", lang, earlier=data.earlier, later=data.later)
    return html.Div([*notes, _as_text_table(build_table(caption, columns, rows))])


def build_schools_table(data: CompareData, choices: Choices, lang: str) -> html.Div:
    """The schools of the user's area that joined or left PLCs, with their PLCs each year."""
    found = data.school_changes
    total = data.changes.schools_joined + data.changes.schools_left
    notes = _notes(len(found), total, lambda n: t("compare.schools_outside", lang, count=n), lang)
    if found.empty:
        return html.Div([*notes, html.P(t("compare.schools_none", lang, **level_words(lang)))])
    las = name_las(choices, lang)
    rows = [
        [
            _school_link(row.name, row.school_id, data.later, lang),
            las[int(row.la_code)],
            label_sector(str(row.sector), lang),
            label_change(str(row.change), lang),
            f"{int(row.plcs_earlier):,}",
            f"{int(row.plcs_later):,}",
        ]
        for row in found.head(LIST_LIMIT).itertuples(index=False)
    ]
    columns = [
        t("compare.column_school", lang),
        t("filters.la", lang, **level_words(lang)),
        t("filters.sector", lang),
        t("compare.column_change", lang),
        t("compare.column_plcs", lang, year=data.earlier, **level_words(lang)),
        t("compare.column_plcs", lang, year=data.later, **level_words(lang)),
    ]
    caption = t(
        "compare.schools_caption", lang, earlier=data.earlier, later=data.later, **level_words(lang)
    )
    return html.Div([*notes, _as_text_table(build_table(caption, columns, rows))])


# ---- The page ----------------------------------------------------------------------------


def _legend(lang: str) -> dict[str, str]:
    return {
        "kept": t("compare.legend_kept", lang),
        "lost": t("compare.legend_lost", lang),
        "gained": t("compare.legend_gained", lang),
    }


def describe_focus(filters: Filters, lang: str) -> str:
    """With a PLC focus area, that every figure counts its PLCs and ties only."""
    if filters.focus is None:
        return ""
    return t(
        "compare.focus_note", lang, focus=label_focus(filters.focus, lang), **level_words(lang)
    )


def describe_measures(lang: str) -> str:
    """What the measures are measured over: without a language medium where the
    system's schools have none (England)."""
    if system_has_language_media():
        return t("compare.measures_intro", lang, **level_words(lang))
    return t("compare.measures_intro_no_medium", lang, **level_words(lang))


def describe_drawings(filters: Filters, lang: str) -> str:
    """How to read the two drawings: networks of LAs for Wales, a region's schools."""
    if filters.la is None and filters.consortium is None:
        return t("compare.drawings_intro_wales", lang, **level_words(lang))
    return t("compare.drawings_intro_region", lang)


def build_compare_parts(
    data: CompareData,
    filters: Filters,
    choices: Choices,
    lang: str,
    notice: list[str] | None = None,
    drawings: Drawings | None = None,
) -> CompareParts:
    """The parts of the page that follow the view; ``notice``: what the URL asked for
    that the page could not show; ``drawings``: each year's network (none: empty
    figures, for the tests of words alone)."""
    region = describe_region(filters, choices, lang)
    figures = (
        build_drawings(drawings, (data.earlier, data.later), lang)
        if drawings is not None
        else ({}, {})
    )
    group = name_group(filters, choices, lang)
    years = {"earlier": data.earlier, "later": data.later}
    ties, schools = list_network_parts(data, lang)
    titles = (t("compare.ties_axis", lang), t("compare.schools_axis", lang, **level_words(lang)))
    return CompareParts(
        notice=[html.P(s, role="alert", className="link-notice") for s in notice or []],
        scope=t("compare.scope_heading", lang, region=region, **years),
        summary=describe_summary(data, lang),
        focus_note=describe_focus(filters, lang),
        headlines_heading=t("compare.headlines_heading", lang, **years),
        headlines_table=build_headlines_table(data, region, lang),
        network_heading=t("compare.network_heading", lang, **years),
        network_figure=build_network_figure(
            ties, schools, (data.earlier, data.later), titles, _legend(lang)
        ),
        network_table=build_network_table(data, region, lang),
        drawings_heading=t("compare.drawings_heading", lang, **years),
        drawings_intro=describe_drawings(filters, lang),
        earlier_heading=data.earlier,
        earlier_figure=figures[0],
        later_heading=data.later,
        later_figure=figures[1],
        measures_heading=t("compare.measures_heading", lang, group=group, **years),
        measures_table=build_measures_table(data, group, lang),
        ties_heading=t("compare.ties_heading", lang, **years),
        ties_table=build_ties_table(data, choices, lang),
        schools_heading=t("compare.schools_heading", lang, **years, **level_words(lang)),
        schools_table=build_schools_table(data, choices, lang),
    )


def _drawing(which: str, heading: str, figure: Figure, lang: str) -> html.Div:
    """One year's drawing, with its glossary links, as every chart has."""
    return html.Div(
        [
            html.H3(heading, id=ids.chart_heading(PAGE, which)),
            html.P(
                build_glossary_links(glossary_entries(("weight", "degree"), lang), lang),
                id=ids.chart_glossary(PAGE, which),
                className="chart-glossary",
            ),
            html.Div(build_graph(ids.chart_graph(PAGE, which), figure, lang), className="chart"),
        ],
        role="group",
        **{"aria-labelledby": ids.chart_heading(PAGE, which)},
    )


def build_drawings_section(parts: CompareParts, lang: str) -> html.Section:
    """Each year's network, side by side (one above the other on a phone)."""
    heading_id = ids.chart_heading(PAGE, "drawings")
    return html.Section(
        [
            html.H2(parts.drawings_heading, id=heading_id),
            html.P(parts.drawings_intro, id=DRAWINGS_INTRO),
            html.Div(
                [
                    _drawing("drawing-earlier", parts.earlier_heading, parts.earlier_figure, lang),
                    _drawing("drawing-later", parts.later_heading, parts.later_figure, lang),
                ],
                className="compare-drawings",
            ),
        ],
        **{"aria-labelledby": heading_id},
    )


def build_compare_layout(
    data: CompareData,
    filters: Filters,
    choices: Choices,
    lang: str,
    notice: list[str],
    drawings: Drawings | None = None,
) -> html.Div:
    """The whole compare page for the view, numbers included (no callback needed at load)."""
    parts = build_compare_parts(data, filters, choices, lang, notice, drawings)
    years = PageOption(WITH, tuple(choices.years))
    with_control = build_option_dropdown(
        PAGE, years, t("compare.with_label", lang), {y: y for y in choices.years}, filters
    )
    return html.Div(
        [
            dcc.Location(id=ids.page_url(PAGE), refresh=False),
            html.H1(t("compare.title", lang)),
            html.P(t("compare.intro", lang, **level_words(lang)), className="lede"),
            html.Div(parts.notice, id=ids.COMPARE_NOTICE),
            build_filter_bar(PAGE, FIELDS, filters, choices, lang, extra=[with_control]),
            html.Section(
                [
                    html.H2(parts.scope, id=ids.COMPARE_SCOPE),
                    html.P(
                        parts.summary,
                        id=ids.COMPARE_SUMMARY,
                        className="summary",
                        **{"aria-live": "polite"},
                    ),
                    html.P(parts.focus_note, id=FOCUS_NOTE),
                ],
                **{"aria-labelledby": ids.COMPARE_SCOPE},
            ),
            build_table_section(
                PAGE,
                "headlines",
                heading=parts.headlines_heading,
                intro=t("compare.headlines_intro", lang),
                table=parts.headlines_table,
                download_label=t("compare.download_headlines", lang),
                lang=lang,
            ),
            build_drawings_section(parts, lang),
            build_chart_section(
                PAGE,
                "network",
                heading=parts.network_heading,
                intro=t("compare.network_intro", lang, **level_words(lang)),
                figure=parts.network_figure,
                table=parts.network_table,
                download_label=t("compare.download_network", lang),
                lang=lang,
                glossary=glossary_entries(("weight", "schools_in_plcs"), lang),
            ),
            build_table_section(
                PAGE,
                "measures",
                heading=parts.measures_heading,
                intro=describe_measures(lang),
                table=parts.measures_table,
                download_label=t("compare.download_measures", lang),
                lang=lang,
            ),
            build_table_section(
                PAGE,
                "ties",
                heading=parts.ties_heading,
                intro=t("compare.ties_intro", lang),
                table=parts.ties_table,
                download_label=t("compare.download_ties", lang),
                lang=lang,
            ),
            build_table_section(
                PAGE,
                "schools",
                heading=parts.schools_heading,
                intro=t("compare.schools_intro", lang, **level_words(lang)),
                table=parts.schools_table,
                download_label=t("compare.download_schools", lang, **level_words(lang)),
                lang=lang,
            ),
        ],
        className="page",
    )
