"""The network explorer's layout: filters, pickers (view, colour, size), the summary, and the
network with the table of its schools beside it."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

import pandas as pd
from dash import dcc, html

from dashboard.core import ids
from dashboard.core.filters import Choices, Filters, PageOption, describe_region, parse_search
from dashboard.core.language import choose_lang
from dashboard.core.links import build_school_href
from dashboard.core.parts import Parts, chart_output, output
from dashboard.core.payloads import MalformedValueError
from dashboard.i18n import t
from dashboard.measures.catalogue import glossary_entries
from dashboard.pages.network.data import (
    VIEWS,
    DrawingRule,
    NetworkData,
    NetworkSummary,
    rank_schools,
)
from dashboard.pages.network.figures import COLOURS, SIZES, build_network_figure
from dashboard.pages.network.group_figure import MAX_GROUP_LINES, build_group_figure
from dashboard.pages.network.lists import (
    build_betweenness_table,
    build_isolates_table,
    build_list_sections,
    build_roles_table,
    label_table_role,
)
from dashboard.ui.charts import build_chart_section, build_table_region
from dashboard.ui.filter_bar import build_filter_bar, build_option_dropdown
from dashboard.ui.labels import (
    describe_no_map,
    format_share,
    label_category,
    label_focus,
    level_words,
    system_has_map,
    system_has_outcome,
)
from dashboard.ui.tables import build_table
from etl.public import SubgraphSummary

__all__ = [
    "FIELDS",
    "OPTIONS",
    "PAGE",
    "TABLE_LIMIT",
    "NetworkParts",
    "build_display_controls",
    "build_network_layout",
    "build_network_parts",
    "build_schools_table",
    "build_summary_table",
    "describe_rule",
    "find_clicked_school",
]

PAGE = "network"
FIELDS = ("year", "consortium", "la", "sector", "medium", "focus")


@dataclass(frozen=True)
class SchoolOption(PageOption):
    """The school whose ties are highlighted: any school number (its digits), or none
    (""). Which schools exist is the data's business: a number not among the schools
    shown highlights nothing."""

    def resolve(self, value: object, years: Sequence[str] = ()) -> str:
        text = "" if value is None else str(value)
        return text if text.isdigit() and len(text) <= 12 else ""


# The page's own choices, kept in the URL: how to draw the network, and the school picked.
VIEW = PageOption("view", VIEWS)
COLOUR = PageOption("colour", COLOURS)
SIZE = PageOption("size", SIZES)
SCHOOL = SchoolOption("school", ("",))
OPTIONS = (VIEW, COLOUR, SIZE, SCHOOL)

# Schools listed in the table beside the network: the highest on the size measure.
TABLE_LIMIT = 50


@dataclass(frozen=True)
class NetworkParts(Parts):
    """What changes with the filters and pickers; each field names the output it fills."""

    summary_heading: str = output(ids.NETWORK_SUMMARY_HEADING, "children")
    summary: html.Table = output(ids.NETWORK_SUMMARY, "children")
    rule: str = output(ids.NETWORK_RULE, "children")
    figure: dict[str, object] = chart_output(PAGE, "schools", "graph")
    figure_note: str = output(ids.NETWORK_FIGURE_NOTE, "children")
    school_options: list[dict[str, object]] = output(ids.filter_control(PAGE, "school"), "options")
    school_disabled: bool = output(ids.filter_control(PAGE, "school"), "disabled")
    schools: html.Table | html.P = chart_output(PAGE, "schools", "table")
    isolates: html.Table | html.P = chart_output(PAGE, "isolates", "table")
    betweenness: html.Table | html.P = chart_output(PAGE, "betweenness", "table")
    roles: html.Table | html.P = chart_output(PAGE, "roles", "table")
    # With no school chosen the summary says so, once; the network and lists are hidden.
    detail_hidden: bool = output(ids.NETWORK_DETAIL, "hidden")


def find_clicked_school(click: Mapping[str, object] | None, search: str | None) -> str | None:
    """The profile to open for a click on the network (dcc.Graph's clickData), in the year
    and language of the page's URL; None when the click was not on a school."""
    custom = _clicked_customdata(click)
    if custom is None:
        return None
    query = parse_search(search)
    school_id = round(float(custom))
    return build_school_href(school_id, query.get("year", ""), choose_lang(query.get("lang")))


def _clicked_customdata(click: object) -> float | None:
    """The school number a click carries (its point's first customdata); None for a
    click elsewhere; MalformedValueError (a 400) for anything but Plotly's shape, as a
    crafted request may send."""
    if click is None:
        return None
    points = click.get("points") if isinstance(click, Mapping) else None
    if not isinstance(points, list):
        raise MalformedValueError(ids.chart_graph(PAGE, "schools") + ".clickData")
    point = points[0] if points else {}
    custom = point.get("customdata") if isinstance(point, Mapping) else None
    first = custom[0] if isinstance(custom, list) and custom else custom
    if not first:
        return None
    if isinstance(first, bool) or not isinstance(first, int | float):
        raise MalformedValueError(ids.chart_graph(PAGE, "schools") + ".clickData")
    return first


def _count(value: int) -> str:
    return f"{value:,}"


def _or_no_data(value: float | None, shown: str, lang: str) -> str:
    return shown if value is not None else t("headline.no_data", lang)


def _list_subgraph_rows(subgraph: SubgraphSummary, lang: str) -> list[list[str]]:
    """The figures only a focus area's subgraph has, measured for the request."""
    giant = subgraph.giant_component_share
    modularity = subgraph.modularity_communities
    modularity_la = subgraph.modularity_la
    nmi = subgraph.nmi_communities_la
    if subgraph.betweenness_method == "exact":
        method = t("network.summary_betweenness_exact", lang)
    else:
        method = t(
            "network.summary_betweenness_sampled",
            lang,
            sources=_count(subgraph.betweenness_sources),
            error=f"{subgraph.betweenness_error:.2g}",
        )
    return [
        [t("network.summary_components", lang), _count(subgraph.n_components)],
        [
            t("network.summary_giant", lang),
            _or_no_data(giant, format_share(giant or 0), lang),
        ],
        [t("network.summary_communities", lang), _count(subgraph.n_communities)],
        [
            t("network.summary_modularity", lang),
            _or_no_data(modularity, f"{modularity or 0:.3f}", lang),
        ],
        [
            t("network.summary_modularity_la", lang, **level_words(lang)),
            _or_no_data(modularity_la, f"{modularity_la or 0:.3f}", lang),
        ],
        [
            t("network.summary_nmi", lang, **level_words(lang)),
            _or_no_data(nmi, f"{nmi or 0:.3f}", lang),
        ],
        [t("network.summary_betweenness", lang), method],
    ]


def build_summary_table(
    summary: NetworkSummary, view: str, region: str, lang: str
) -> html.Table | html.P:
    """The summary figures as a table of two columns: what, and how many; with no school
    chosen, the one sentence that says so. With a focus area, the ties are those through
    its PLCs, and its subgraph's figures follow.

    Each row names what it counts. The ties crossing LA lines are counted over every tie
    with at least one school shown, as the overview's cross-LA share and the regions
    page's external ties count them, so that the three pages agree."""
    if summary.schools == 0:
        return html.P(t("network.empty", lang))
    share = summary.touching_cross_la_share
    density = summary.density
    focused = summary.subgraph is not None
    rows = [
        [t("network.summary_schools", lang), _count(summary.schools)],
        [
            t("network.summary_isolated_focus", lang, **level_words(lang))
            if focused
            else t("network.summary_isolated", lang),
            _count(summary.isolated),
        ],
        [t("network.summary_ties", lang), _count(summary.ties)],
        [t("network.summary_outside", lang), _count(summary.outside_ties)],
        [
            t("network.summary_touching_cross_la", lang, **level_words(lang)),
            t(
                "network.summary_touching_cross_la_value",
                lang,
                ties=_count(summary.touching_cross_la_ties),
                touching=_count(summary.touching_ties),
                share=_or_no_data(share, format_share(share or 0), lang),
            ),
        ],
        [
            t("network.summary_density", lang),
            _or_no_data(density, f"{density or 0:.4f}", lang),
        ],
        [t("network.summary_drawn_shown", lang), _count(summary.ties_drawn)],
        [
            t("network.summary_unplaced", lang)
            if view == "map"
            else t("network.summary_unplaced_force", lang),
            _count(summary.unplaced),
        ],
    ]
    if summary.subgraph is not None:
        rows += _list_subgraph_rows(summary.subgraph, lang)
    columns = [t("network.summary_measure", lang), t("network.summary_value", lang)]
    return build_table(t("network.summary_caption", lang, region=region), columns, rows)


def describe_rule(
    rule: DrawingRule, summary: NetworkSummary, year: str, focus: str | None, lang: str
) -> str:
    """Which ties are drawn, in words, as the page states it under the summary: of the
    ties between two schools shown (the summary's), never the whole year's as if all
    were on screen. Empty with no school chosen (the summary says so)."""
    if summary.schools == 0:
        return ""
    if focus is None:
        return _describe_selection_rule(rule, summary, year, lang)
    ties = _count(rule.ties_total)
    cap = _count(rule.max_ties_drawn)
    weight = rule.min_weight_drawn
    name = label_focus(focus, lang)
    if rule.rule == "all":
        drawn = t("network.rule_focus_all", lang, ties=ties, focus=name, **level_words(lang))
    else:
        drawn = t(
            "network.rule_focus_strongest",
            lang,
            ties=ties,
            focus=name,
            cap=cap,
            weight=weight,
            **level_words(lang),
        )
    return f"{drawn} {t('network.focus_note', lang, **level_words(lang))}"


def _describe_selection_rule(
    rule: DrawingRule, summary: NetworkSummary, year: str, lang: str
) -> str:
    """The ties drawn of those between two schools shown: none to draw, all, all but those
    with an end not placed in the view, or the strongest the browser can take."""
    drawn, shown = _count(summary.ties_drawn), _count(summary.ties)
    if summary.ties == 0:
        return t("network.rule_selection_none", lang)
    if rule.rule == "strongest":
        return t(
            "network.rule_selection_strongest",
            lang,
            drawn=drawn,
            ties=shown,
            cap=_count(rule.max_ties_drawn),
            total=_count(rule.ties_total),
            year=year,
            weight=rule.min_weight_drawn,
            **level_words(lang),
        )
    if summary.ties_drawn < summary.ties:
        return t("network.rule_selection_unplaced", lang, drawn=drawn, ties=shown)
    return t("network.rule_selection_all", lang, ties=shown)


def _school_row(row: Mapping[str, object], year: str, lang: str, categories: bool) -> list[object]:
    """A row of the schools table; the support category only with ``categories``."""
    name_column = "la_name_cy" if lang == "cy" else "la_name_en"
    category = row["support_category"]
    community = row["community_id"]
    category_cell = (
        label_category(category, lang)
        if isinstance(category, str)
        else t("network.category_none", lang)
    )
    return [
        dcc.Link(row["name"], href=build_school_href(int(row["school_id"]), year, lang)),
        str(row[name_column]),
        *([category_cell] if categories else []),
        _count(int(row["degree"])),
        f"{row['betweenness']:.3g}",
        _count(int(row["n_plcs"])),
        t("network.community_none", lang) if pd.isna(community) else str(int(community)),
        label_table_role(row["broker_role"], lang),
    ]


def build_schools_table(
    data: NetworkData, size: str, year: str, region: str, lang: str
) -> html.Table | html.P:
    """The schools highest on ``size`` (TABLE_LIMIT at most), each a link to its profile."""
    schools = data.schools
    if schools.empty:
        return html.P()  # the summary says no school is chosen; the table is hidden
    shown = rank_schools(schools, size, TABLE_LIMIT)
    measure = _rank_name(size, lang)
    if len(shown) < len(schools):
        caption = t(
            "network.schools_caption_top",
            lang,
            shown=len(shown),
            schools=_count(len(schools)),
            measure=measure,
            region=region,
        )
    else:
        caption = t("network.schools_caption_all", lang, measure=measure, region=region)
    # A system without support categories (England) has no column of blanks for them.
    categories = system_has_outcome("support_category")
    columns = [
        t("network.column_school", lang),
        t("network.column_la", lang, **level_words(lang)),
        *([t("network.column_category", lang)] if categories else []),
        t("network.degree", lang),
        t("network.betweenness", lang),
        t("network.plcs", lang, **level_words(lang)),
        t("network.column_community", lang),
        t("network.lists_column_role", lang),
    ]
    # Plain dicts, not a pandas Series per row (iterrows): those cost more than the table.
    rows = [_school_row(row, year, lang, categories) for row in shown.to_dict("records")]
    return build_table(caption, columns, rows)


def _rank_name(size: str, lang: str) -> str:
    """The size measure as the table's caption names it (in lower case in English)."""
    names = {
        "degree": t("network.rank_degree", lang),
        "betweenness": t("network.rank_betweenness", lang),
    }
    return names[size]


def list_school_options(data: NetworkData) -> list[dict[str, object]]:
    """The schools the picker offers: those drawn (shown and placed, MAX_SCHOOLS_DRAWN at
    most), by name; none in the views of groups."""
    if data.groups is not None:
        return []
    placed = data.drawn_schools().dropna(subset=["x", "y"]).sort_values(["name", "school_id"])
    return [
        {"label": str(name), "value": str(int(number))}
        for name, number in zip(placed["name"], placed["school_id"], strict=True)
    ]


def _build_school_picker(data: NetworkData, filters: Filters, lang: str) -> html.Div:
    picker = dcc.Dropdown(
        id=ids.filter_control(PAGE, SCHOOL.name),
        options=list_school_options(data),
        value=filters.option(SCHOOL.name) or None,
        clearable=True,
        searchable=True,
        disabled=data.groups is not None,
        placeholder=t("network.school_placeholder", lang),
    )
    return html.Div(
        [html.Label(t("network.school_picker", lang), htmlFor=ids.filter_control(PAGE, "school")),
         picker],
        className="filter-field",
    )  # fmt: skip


def describe_figure(data: NetworkData, filters: Filters, lang: str) -> str:
    """What the figure shows and how, under its heading: the groups' network and how its
    lines and colours read, or the schools' layout and how its ties and colours read."""
    if data.groups is not None:
        if data.groups.level == "la":
            note = t("network.note_las", lang, **level_words(lang))
        else:
            note = t("network.note_consortia", lang, **level_words(lang))
        tied = len(data.groups.pairs)
        if tied > MAX_GROUP_LINES:
            drawn = t("network.note_lines_drawn", lang, drawn=f"{MAX_GROUP_LINES:,}",
                      pairs=f"{tied:,}")  # fmt: skip
            note = f"{note} {drawn}"
        return note
    colours = t("network.note_colours", lang, **level_words(lang))
    if data.view == "map":
        note = f"{t('network.note_map', lang, **level_words(lang))} {colours}"
    elif filters.la is None and filters.consortium is None:
        note = f"{t('network.note_force_wales', lang, **level_words(lang))} {colours}"
    else:
        note = f"{t('network.note_force_region', lang)} {colours}"
    return " ".join([note, *_describe_schools_drawn(data, lang)])


def _describe_schools_drawn(data: NetworkData, lang: str) -> list[str]:
    """Which schools the figure draws when not all of them (MAX_SCHOOLS_DRAWN)."""
    if data.drawn is None:
        return []
    placed = len(data.schools) - data.summary.unplaced
    return [
        t(
            "network.note_schools_drawn",
            lang,
            drawn=_count(len(data.drawn)),
            schools=_count(placed),
            ties=_count(data.summary.ties_drawn),
        )
    ]


def _chosen_groups(data: NetworkData, filters: Filters) -> set[str]:
    if data.groups is None:
        return set()
    if data.groups.level == "la":
        if filters.la is not None:
            return {str(filters.la)}
        nodes = data.groups.nodes
        return set(nodes.loc[nodes["consortium_code"] == filters.consortium, "group_id"])
    return {filters.consortium} if filters.consortium is not None else set()


def build_figure(data: NetworkData, filters: Filters, lang: str, revision: str) -> dict:
    """The figure of the view: the groups' network, or the schools'."""
    if data.groups is not None:
        return build_group_figure(data.groups, lang, _chosen_groups(data, filters), revision)
    colour, size = filters.option(COLOUR.name), filters.option(SIZE.name)
    picked = filters.option(SCHOOL.name)
    selected = int(picked) if picked else None
    return build_network_figure(data, colour, size, lang, revision, selected)


def build_display_controls(data: NetworkData, filters: Filters, lang: str) -> html.Div:
    """How to draw the network: groups or schools (in a force layout or on the map), what
    colours and what sizes the schools, and the school whose ties to highlight."""
    views = {
        "auto": t("network.view_auto", lang, **level_words(lang)),
        "las": t("network.view_las", lang, **level_words(lang)),
        "consortia": t("network.view_consortia", lang, **level_words(lang)),
        "force": t("network.view_force", lang),
        "map": t("network.view_map", lang, **level_words(lang)),
    }
    if not system_has_map("locations"):
        del views["map"]  # no locations, no map (the figure note says why)
    colours = {
        "la": t("network.colour_la", lang, **level_words(lang)),
        "consortium": t("network.colour_consortium", lang, **level_words(lang)),
        "category": t("network.colour_category", lang),
        "community": t("network.colour_community", lang),
        "role": t("network.colour_role", lang),
    }
    if not system_has_outcome("support_category"):
        del colours["category"]  # nothing to colour by in a system without categories
    sizes = {"degree": t("network.degree", lang), "betweenness": t("network.betweenness", lang)}
    return html.Div(
        [
            build_option_dropdown(
                PAGE, replace(VIEW, values=tuple(views)), t("network.view", lang), views, filters
            ),
            build_option_dropdown(
                PAGE,
                replace(COLOUR, values=tuple(colours)),
                t("network.colour", lang),
                colours,
                filters,
            ),
            build_option_dropdown(PAGE, SIZE, t("network.size", lang), sizes, filters),
            _build_school_picker(data, filters, lang),
        ],
        id=ids.NETWORK_DISPLAY,
        role="group",
        className="filter-bar",
        **{"aria-label": t("network.display", lang)},
    )


def build_network_parts(
    data: NetworkData, filters: Filters, choices: Choices, lang: str
) -> NetworkParts:
    """The parts of the page that follow the filters and the page's options."""
    region = describe_region(filters, choices, lang)
    view, size = data.view, filters.option(SIZE.name)
    # The zoom is kept while the schools shown stay the same, whatever colour and size.
    revision = f"{view}|{replace(filters, options=())}"
    year = filters.year
    return NetworkParts(
        summary_heading=t("network.summary_heading", lang, year=year, region=region),
        summary=build_summary_table(data.summary, view, region, lang),
        rule=describe_rule(data.rule, data.summary, year, data.focus, lang),
        figure=build_figure(data, filters, lang, revision),
        figure_note=describe_figure(data, filters, lang),
        school_options=list_school_options(data),
        school_disabled=data.groups is not None,
        schools=build_schools_table(data, size, year, region, lang),
        isolates=build_isolates_table(data.schools, year, region, lang),
        betweenness=build_betweenness_table(data.schools, year, region, lang),
        roles=build_roles_table(data.schools, year, region, lang),
        detail_hidden=data.schools.empty,
    )


def _with_note(section: html.Section, note: str) -> html.Section:
    # How to read the figure follows the view, so it carries an id for the callback.
    section.children.insert(2, html.P(note, id=ids.NETWORK_FIGURE_NOTE, className="chart-note"))
    return section


def _explain_no_map(lang: str) -> list[html.P]:
    """Why the page offers no map, in a system whose schools have no locations."""
    if system_has_map("locations"):
        return []
    return [html.P(describe_no_map("locations", lang)[1], className="filter-note")]


def build_network_layout(
    data: NetworkData, filters: Filters, choices: Choices, lang: str
) -> html.Div:
    """The whole page for ``filters`` (the page's options included), numbers included."""
    parts = build_network_parts(data, filters, choices, lang)
    return html.Div(
        [
            dcc.Location(id=ids.page_url(PAGE), refresh=False),
            # A click on a school sets this Location: Dash's router then opens the profile.
            dcc.Location(id=ids.NETWORK_OPEN_SCHOOL, refresh="callback-nav"),
            html.H1(t("network.title", lang)),
            html.P(t("network.intro", lang, **level_words(lang)), className="lede"),
            build_filter_bar(PAGE, FIELDS, filters, choices, lang),
            build_display_controls(data, filters, lang),
            *_explain_no_map(lang),
            html.Section(
                [
                    html.H2(parts.summary_heading, id=ids.NETWORK_SUMMARY_HEADING),
                    build_table_region(
                        ids.NETWORK_SUMMARY, parts.summary, ids.NETWORK_SUMMARY_HEADING
                    ),
                    html.P(parts.rule, id=ids.NETWORK_RULE, className="network-rule"),
                ],
                **{"aria-labelledby": ids.NETWORK_SUMMARY_HEADING},
            ),
            html.Div(
                [
                    html.Div(
                        _with_note(
                            build_chart_section(
                                PAGE,
                                "schools",
                                heading=t("network.chart_heading", lang),
                                intro=t("network.chart_intro", lang),
                                figure=parts.figure,
                                table=parts.schools,
                                download_label=t("network.download_label", lang),
                                lang=lang,
                                glossary=glossary_entries(
                                    ("weight", "degree", "betweenness"), lang
                                ),
                            ),
                            parts.figure_note,
                        ),
                        # The map needs the page's width: its table goes below it.
                        className="network-chart",
                    ),
                    *build_list_sections(
                        PAGE,
                        {
                            "isolates": parts.isolates,
                            "betweenness": parts.betweenness,
                            "roles": parts.roles,
                        },
                        lang,
                    ),
                ],
                id=ids.NETWORK_DETAIL,
                hidden=parts.detail_hidden,
            ),
        ],
        className="page",
    )
