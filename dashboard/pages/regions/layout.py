"""The regions page's layout: every measure side by side, a measure by LA and on a map,
the E-I matrices, and the LAs most like the one chosen; each with its table."""

from __future__ import annotations

import math
from dataclasses import dataclass

import pandas as pd
from dash import Patch, dcc, html

from dashboard.core import ids
from dashboard.core.filters import Choices, Filters, PageOption
from dashboard.core.parts import Parts, chart_output, output
from dashboard.i18n import t
from dashboard.measures.catalogue import (
    find_term,
    format_measure,
    glossary_entries,
    name_measure,
)
from dashboard.pages.regions.data import (
    REGION_MEASURES,
    RegionsData,
    pivot_pairs,
    select_shown_las,
)
from dashboard.pages.regions.figures import (
    Figure,
    build_map_figure,
    build_map_patch,
    build_measure_figure,
    build_pairs_figure,
)
from dashboard.ui.charts import (
    GlossaryEntry,
    build_absent_section,
    build_chart_section,
    build_glossary_links,
    build_table_section,
)
from dashboard.ui.figures import build_message_figure
from dashboard.ui.filter_bar import build_filter_bar, build_option_dropdown
from dashboard.ui.labels import (
    describe_no_map,
    format_share,
    level_words,
    system_has_language_media,
    system_has_map,
    to_number,
)
from dashboard.ui.tables import build_grouped_table, build_table

__all__ = [
    "FIELDS",
    "MEASURE",
    "PAGE",
    "PAGE_FIELDS",
    "SORT",
    "PairsParts",
    "RegionsParts",
    "build_pairs_parts",
    "build_regions_layout",
    "build_regions_parts",
    "describe_listed",
    "label_groups",
    "list_sort_values",
    "plot_value",
    "sort_groups",
]

PAGE = "regions"
# The measures are precomputed per LA and consortium over all their schools: sector,
# language medium and PLC focus cannot narrow them, so the page does not offer them.
FIELDS = ("year", "consortium", "la")


def list_sort_values(measures: tuple[str, ...]) -> tuple[str, ...]:
    """How the table may be sorted: by name, or by a measure, highest or lowest first."""
    return ("name", *[f"{m}-{order}" for m in measures for order in ("desc", "asc")])


# The share of isolated schools compares plainly with Wales; the E-I index of Wales is -1
# by definition (no tie leaves it), so it makes a poor default.
MEASURE = PageOption(
    "measure", ("isolate_share", *(m for m in REGION_MEASURES if m != "isolate_share"))
)
SORT = PageOption("sort", list_sort_values(REGION_MEASURES))
PAGE_FIELDS = (MEASURE, SORT)


@dataclass(frozen=True)
class RegionsParts(Parts):
    """What changes with the view; each field names the output it fills."""

    table_heading: str = chart_output(PAGE, "measures", "heading")
    measures_table: html.Table = chart_output(PAGE, "measures", "table")
    measure_heading: str = chart_output(PAGE, "measure", "heading")
    measure_figure: Figure = chart_output(PAGE, "measure", "graph")
    measure_table: html.Table | html.P = chart_output(PAGE, "measure", "table")
    measure_glossary: list[object] = chart_output(PAGE, "measure", "glossary")
    map_heading: str = chart_output(PAGE, "map", "heading")
    map_figure: Figure | Patch = chart_output(PAGE, "map", "graph")
    map_table: html.Table | html.P = chart_output(PAGE, "map", "table")
    map_glossary: list[object] = chart_output(PAGE, "map", "glossary")
    la_pairs_heading: str = chart_output(PAGE, "la-pairs", "heading")
    la_pairs_figure: Figure = chart_output(PAGE, "la-pairs", "graph")
    la_pairs_table: html.Table | html.P = chart_output(PAGE, "la-pairs", "table")
    consortium_pairs_heading: str = chart_output(PAGE, "consortium-pairs", "heading")
    consortium_pairs_figure: Figure = chart_output(PAGE, "consortium-pairs", "graph")
    consortium_pairs_table: html.Table | html.P = chart_output(PAGE, "consortium-pairs", "table")
    similar_heading: str = chart_output(PAGE, "similar", "heading")
    similar_intro: str = output(ids.REGIONS_SIMILAR_INTRO, "children")
    similar_figure: Figure = chart_output(PAGE, "similar", "graph")
    similar_table: html.Table | html.P = chart_output(PAGE, "similar", "table")


# ---- Labels and values -------------------------------------------------------------


def _name_column(lang: str) -> str:
    return "name_cy" if lang == "cy" else "name_en"


def label_groups(groups: pd.DataFrame, filters: Filters, lang: str) -> pd.DataFrame:
    """``groups`` with ``name`` (in ``lang``), ``chosen`` (the LA or consortium chosen),
    ``label`` (the name, marked "(chosen)" where chosen) and ``ringed`` (on the map:
    the LA chosen, else the LAs of the consortium chosen)."""
    labelled = groups.copy()
    names = labelled[_name_column(lang)].astype(object)
    labelled["name"] = names.where(
        labelled["level"] != "wales", t("region.wales", lang, **level_words(lang))
    )
    is_la = labelled["level"] == "la"
    chosen_la = is_la & (labelled["group_id"] == str(filters.la))
    chosen_consortium = (labelled["level"] == "consortium") & (
        labelled["group_id"] == filters.consortium
    )
    labelled["chosen"] = chosen_la | chosen_consortium
    labelled["label"] = [
        t("regions.chosen", lang, name=name) if chosen else str(name)
        for name, chosen in zip(labelled["name"], labelled["chosen"], strict=True)
    ]
    if filters.la is not None:
        labelled["ringed"] = chosen_la
    else:
        labelled["ringed"] = is_la & (labelled["consortium_code"] == filters.consortium)
    return labelled


def plot_value(measure: str, value: object) -> float:
    """A value as plotted: shares in percent; NaN when missing."""
    number = to_number(value)
    if number is None:
        return math.nan
    return number * 100 if find_term(measure).kind == "share" else number


def _show(measure: str, value: object, lang: str) -> str:
    return format_measure(measure, to_number(value), lang)


def sort_groups(rows: pd.DataFrame, sort: str) -> pd.DataFrame:
    """Rows sorted as ``sort`` says ("name", or "<measure>-desc"/"-asc"); missing values
    last either way, ties by name."""
    if sort == "name" or "-" not in sort:
        return rows.sort_values("name", key=lambda s: s.str.casefold(), kind="stable")
    measure, order = sort.rsplit("-", 1)
    by_name = rows.sort_values("name", key=lambda s: s.str.casefold(), kind="stable")
    return by_name.sort_values(measure, ascending=order == "asc", na_position="last", kind="stable")


def _wales_row(groups: pd.DataFrame) -> pd.Series | None:
    wales = groups[groups["level"] == "wales"]
    return None if wales.empty else wales.iloc[0]


def _wales_value(groups: pd.DataFrame, measure: str) -> object:
    row = _wales_row(groups)
    return None if row is None else row[measure]


# ---- Every measure side by side ------------------------------------------------------


def describe_listed(filters: Filters, choices: Choices, lang: str) -> str:
    """Where the LAs listed come from: the consortium chosen (an LA chosen brings its
    consortium), or Wales."""
    if filters.consortium is not None:
        return choices.name_of_consortium(filters.consortium, lang)
    return t("region.wales", lang, **level_words(lang))


def _measure_of(filters: Filters, data: RegionsData) -> str:
    measure = filters.option(MEASURE.name)
    return measure if measure in data.measures else data.measures[0]


def _sort_of(filters: Filters, data: RegionsData) -> str:
    # The URL may name a sort by a measure this system lacks (a language medium, a support
    # category: Wales's): the system's first sort, as for any other value not offered.
    sort = filters.option(SORT.name)
    offered = list_sort_values(data.measures)
    return sort if sort in offered else offered[0]


def build_measures_table(
    data: RegionsData, labelled: pd.DataFrame, filters: Filters, choices: Choices, lang: str
) -> html.Table:
    """Every measure for the LAs shown, the consortia and Wales, sorted as asked."""
    sort = _sort_of(filters, data)
    measures = data.measures
    columns = [
        t("regions.column_name", lang),
        t("filters.consortium", lang, **level_words(lang)),
        *[name_measure(m, lang) for m in measures],
    ]
    consortium_names = labelled[labelled["level"] == "consortium"].set_index("group_id")["name"]

    def rows_of(frame: pd.DataFrame) -> list[list[str]]:
        return [
            [
                str(row["label"]),
                str(consortium_names.get(row["consortium_code"], "")),
                *[_show(m, row[m], lang) for m in measures],
            ]
            for _, row in sort_groups(frame, sort).iterrows()
        ]

    shown_las = labelled[
        labelled["group_id"].isin(select_shown_las(data.groups, filters)["group_id"])
    ]
    shown_las = shown_las[shown_las["level"] == "la"]
    groups = [
        (t("regions.group_las", lang, **level_words(lang)), rows_of(shown_las)),
        (
            t("regions.group_consortia", lang, **level_words(lang)),
            rows_of(labelled[labelled["level"] == "consortium"]),
        ),
        (
            t("region.wales", lang, **level_words(lang)),
            rows_of(labelled[labelled["level"] == "wales"]),
        ),
    ]
    sorted_by = (0, "ascending")
    if sort != "name":
        measure, order = sort.rsplit("-", 1)
        sorted_by = (2 + measures.index(measure), "descending" if order == "desc" else "ascending")
    caption = t(
        "regions.table_caption",
        lang,
        **level_words(lang),
        region=describe_listed(filters, choices, lang),
        year=filters.year,
    )
    return build_grouped_table(caption, columns, groups, sorted_by)


def _list_sort_options(measures: tuple[str, ...], lang: str) -> list[dict[str, str]]:
    options = [{"label": t("regions.sort_name", lang), "value": "name"}]
    for measure in measures:
        name = name_measure(measure, lang)
        options.append(
            {"label": t("regions.sort_desc", lang, measure=name), "value": f"{measure}-desc"}
        )
        options.append(
            {"label": t("regions.sort_asc", lang, measure=name), "value": f"{measure}-asc"}
        )
    return options


# ---- One measure by LA, and its map ---------------------------------------------------


def uses_la_mean(measure: str) -> bool:
    """Whether the measure's reference line is the mean of the LAs shown rather than
    Wales: a count, whose Wales figure is the sum of the LAs (a line far beyond every
    bar), and the E-I index, which is -1 for Wales by definition (no tie leaves it)."""
    return measure == "ei_index" or find_term(measure).kind == "count"


def la_mean(bars: pd.DataFrame) -> float | None:
    """The mean of the LAs' values as plotted (those with one); None when none has."""
    values = bars["value"].dropna()
    return float(values.mean()) if len(values) else None


def _reference(
    bars: pd.DataFrame, data: RegionsData, measure: str, lang: str
) -> tuple[float | None, str]:
    """The reference line of the bars and its label: the mean of the LAs shown for the
    measures of uses_la_mean, else Wales."""
    if uses_la_mean(measure):
        mean = la_mean(bars)
        shown = "" if mean is None else _show(measure, _unplot(measure, mean), lang)
        return mean, t("regions.mean_line", lang, **level_words(lang), value=shown)
    wales = plot_value(measure, _wales_value(data.groups, measure))
    return (None if math.isnan(wales) else wales), _wales_label(data.groups, measure, lang)


def _unplot(measure: str, value: float) -> float:
    """A value as plotted back to the measure's own scale (shares from percent)."""
    return value / 100 if find_term(measure).kind == "share" else value


def _build_bars_or_message(
    bars: pd.DataFrame, data: RegionsData, measure: str, lang: str
) -> Figure:
    """Bars of the measure with a reference line (_reference); a message instead when no
    LA has a value (a measure computed for consortia and Wales only, or undefined for
    every LA)."""
    name = name_measure(measure, lang)
    if bars["value"].isna().all():
        return build_message_figure(
            t("regions.not_for_las", lang, measure=name, **level_words(lang))
        )
    value, label = _reference(bars, data, measure, lang)
    return build_measure_figure(bars, name, value, label)


def build_measure_bars(
    labelled: pd.DataFrame, data: RegionsData, filters: Filters, measure: str, lang: str
) -> pd.DataFrame:
    """The LAs shown with the measure as plotted and as text, largest first."""
    shown = select_shown_las(data.groups, filters)["group_id"]
    las = labelled[(labelled["level"] == "la") & labelled["group_id"].isin(shown)]
    las = sort_groups(las, f"{measure}-desc")
    return pd.DataFrame(
        {
            "group_id": las["group_id"],
            "label": las["label"],
            "value": [plot_value(measure, v) for v in las[measure]],
            "shown": [_show(measure, v, lang) for v in las[measure]],
            "chosen": las["chosen"],
            "raw": las[measure],
        }
    ).reset_index(drop=True)


def _wales_label(groups: pd.DataFrame, measure: str, lang: str) -> str:
    value = _show(measure, _wales_value(groups, measure), lang)
    return t("regions.wales_line", lang, **level_words(lang), value=value)


def _build_measure_part(
    labelled: pd.DataFrame,
    data: RegionsData,
    filters: Filters,
    measure: str,
    lang: str,
    region: str,
) -> tuple[Figure, html.Table | html.P]:
    bars = build_measure_bars(labelled, data, filters, measure, lang)
    name = name_measure(measure, lang)
    if bars["value"].isna().all():
        message = t("regions.not_for_las", lang, measure=name, **level_words(lang))
        return build_message_figure(message), html.P(message)
    figure = _build_bars_or_message(bars, data, measure, lang)
    rows = [[str(label), shown] for label, shown in zip(bars["label"], bars["shown"], strict=True)]
    caption = t(
        "regions.measure_caption",
        lang,
        **level_words(lang),
        measure=name,
        region=region,
        year=filters.year,
    )
    if uses_la_mean(measure):
        mean = la_mean(bars)
        shown_mean = "" if mean is None else _show(measure, _unplot(measure, mean), lang)
        rows.append([t("regions.mean_row", lang, **level_words(lang)), shown_mean])
        if measure == "ei_index":
            caption = f"{caption}. {t('regions.mean_why_ei', lang, **level_words(lang))}"
        else:
            caption = f"{caption}. {t('regions.mean_why_count', lang, **level_words(lang))}"
    rows.append(
        [
            t("region.wales", lang, **level_words(lang)),
            _show(measure, _wales_value(data.groups, measure), lang),
        ]
    )
    return figure, build_table(caption, [t("filters.la", lang, **level_words(lang)), name], rows)


def build_map_areas(labelled: pd.DataFrame, measure: str, lang: str) -> pd.DataFrame:
    """Every LA with an ONS code: the measure as plotted and as text, whether ringed."""
    las = labelled[(labelled["level"] == "la") & labelled["ons_code"].notna()]
    las = sort_groups(las, "name")
    return pd.DataFrame(
        {
            "ons_code": las["ons_code"].astype(str),
            "label": las["label"],
            "value": [plot_value(measure, v) for v in las[measure]],
            "shown": [_show(measure, v, lang) for v in las[measure]],
            "chosen": las["ringed"].astype(bool),
            "group_id": las["group_id"],
            "raw": las[measure],
        }
    ).reset_index(drop=True)


def _build_map_table(areas: pd.DataFrame, measure: str, filters: Filters, lang: str) -> html.Table:
    name = name_measure(measure, lang)
    columns = [t("filters.la", lang, **level_words(lang)), t("regions.column_ons", lang), name]
    rows = [
        [str(label), str(code), shown]
        for label, code, shown in zip(
            areas["label"], areas["ons_code"], areas["shown"], strict=True
        )
    ]
    return build_table(
        t("regions.map_caption", lang, **level_words(lang), measure=name, year=filters.year),
        columns,
        rows,
    )


def _build_map_part(
    labelled: pd.DataFrame,
    data: RegionsData,
    filters: Filters,
    measure: str,
    lang: str,
    *,
    patch: bool,
) -> tuple[Figure | Patch, html.Table | html.P]:
    if not system_has_map("boundaries"):
        return {}, html.P()  # nothing to draw: the page says why (build_absent_section)
    if data.boundaries is None:
        message = t("regions.map_missing", lang)
        return (Patch() if patch else build_message_figure(message)), html.P(message)
    areas = build_map_areas(labelled, measure, lang)
    name = name_measure(measure, lang)
    build = build_map_patch if patch else build_map_figure
    figure = build(data.boundaries, areas, name)
    return figure, _build_map_table(areas, measure, filters, lang)


# ---- The E-I matrices -----------------------------------------------------------------


def _pairs_hover(matrix: pd.DataFrame, shares: pd.DataFrame, lang: str) -> list[list[str]]:
    ties, share = matrix.to_numpy(), shares.to_numpy()
    return [
        [
            t("regions.pairs_hover", lang, row=row, column=column, ties=f"{ties[i, j]:,}",
              share=format_share(share[i, j]))
            for j, column in enumerate(matrix.columns)
        ]
        for i, row in enumerate(matrix.index)
    ]  # fmt: skip


def build_pairs_matrix(
    pairs: pd.DataFrame, labelled: pd.DataFrame, level: str
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The matrix of ties with names for labels (rows and columns by name), and each
    cell's share of its row's ties (0 for a row without ties)."""
    names = labelled[labelled["level"] == level].set_index("group_id")["name"]
    matrix = pivot_pairs(pairs)
    matrix = matrix.rename(index=names, columns=names)
    matrix = matrix.sort_index(key=lambda s: s.str.casefold())
    matrix = matrix[sorted(matrix.columns, key=str.casefold)]
    totals = matrix.sum(axis=1)
    shares = matrix.div(totals.where(totals > 0), axis=0).fillna(0.0)
    return matrix, shares


def _build_pairs_table(
    matrix: pd.DataFrame, labelled: pd.DataFrame, level: str, caption: str, lang: str
) -> html.Table:
    tail = ("internal_ties", "external_ties", "ei_index")
    by_name = labelled[labelled["level"] == level].set_index("name").loc[matrix.index, list(tail)]
    columns = ["", *matrix.columns, *[name_measure(m, lang) for m in tail]]
    # Whole rows at a time: a matrix of 17 x 150 LAs is 2,550 cells.
    cells = [[f"{n:,}" for n in row] for row in matrix.to_numpy().tolist()]
    totals = [
        [_show(m, value, lang) for m, value in zip(tail, values, strict=True)]
        for values in by_name.itertuples(index=False)
    ]
    rows = [
        [str(name), *row, *total]
        for name, row, total in zip(matrix.index, cells, totals, strict=True)
    ]
    return build_table(caption, columns, rows)


def _build_pairs_part(
    pairs: pd.DataFrame | None, labelled: pd.DataFrame, level: str, caption: str, lang: str
) -> tuple[Figure, html.Table | html.P]:
    if pairs is None:
        count = int((labelled["level"] == "la").sum())
        message = t("regions.pairs_too_many", lang, **level_words(lang), count=f"{count:,}")
        return build_message_figure(message), html.P(message)
    matrix, shares = build_pairs_matrix(pairs, labelled, level)
    figure = build_pairs_figure(matrix, shares, _pairs_hover(matrix, shares, lang), lang)
    return figure, _build_pairs_table(matrix, labelled, level, caption, lang)


# ---- The LAs most like the one chosen ----------------------------------------------------


def build_similar_rows(data: RegionsData, labelled: pd.DataFrame, measure: str) -> pd.DataFrame:
    """The LA chosen, its nearest LAs and Wales (data.similar) with their labels, the
    measure and whether chosen (the LA itself)."""
    similar = data.similar.copy()
    if similar.empty:
        return similar.assign(name=[], label=[], value=[], chosen=[])
    las = labelled[labelled["level"] == "la"].set_index("group_id")
    wales = _wales_row(labelled)
    rows = [wales if pd.isna(code) else las.loc[str(int(code))] for code in similar["la_code"]]
    similar["name"] = [str(row["name"]) for row in rows]
    similar["label"] = [str(row["label"]) for row in rows]
    similar["value"] = [row[measure] for row in rows]
    similar["chosen"] = [bool(row["chosen"]) for row in rows]
    return similar


def _build_similar_part(
    data: RegionsData, labelled: pd.DataFrame, filters: Filters, measure: str, lang: str
) -> tuple[str, str, Figure, html.Table | html.P]:
    if filters.la is None:
        message = t("regions.similar_choose", lang, **level_words(lang))
        return (
            t("regions.similar_heading_none", lang, **level_words(lang)),
            message,
            build_message_figure(message),
            html.P(message),
        )
    rows = build_similar_rows(data, labelled, measure)
    la_name = str(labelled.loc[labelled["chosen"] & (labelled["level"] == "la"), "name"].iloc[0])
    name = name_measure(measure, lang)
    las = rows[rows["la_code"].notna()]
    bars = pd.DataFrame(
        {
            "label": las["label"],
            "value": [plot_value(measure, v) for v in las["value"]],
            "shown": [_show(measure, v, lang) for v in las["value"]],
            "chosen": las["chosen"],
        }
    )
    figure = _build_bars_or_message(bars, data, measure, lang)
    # Where schools have no language medium (England), every LA's Welsh-medium share is
    # 0: it adds nothing to the distance (similar.sql) and is not shown.
    media = system_has_language_media()
    columns = [
        t("filters.la", lang, **level_words(lang)),
        name_measure("similarity_distance", lang),
        name_measure("n_schools", lang),
        *([name_measure("welsh_medium_share", lang)] if media else []),
        name,
    ]
    table_rows = [
        [
            str(row["label"]),
            "" if pd.isna(row["distance"]) else _show("similarity_distance", row["distance"], lang),
            _show("n_schools", row["n_schools"], lang),
            *([_show("welsh_medium_share", row["welsh_medium_share"], lang)] if media else []),
            _show(measure, row["value"], lang),
        ]
        for _, row in rows.iterrows()
    ]
    caption = t("regions.similar_caption", lang, la=la_name, year=filters.year, **level_words(lang))
    fields = {"count": len(las) - 1, "la": la_name, "measure": name, "year": filters.year}
    if media:
        intro = t("regions.similar_intro", lang, **fields, **level_words(lang))
    else:
        intro = t("regions.similar_intro_no_medium", lang, **fields, **level_words(lang))
    heading = t("regions.similar_heading", lang, **level_words(lang), la=la_name)
    return heading, intro, figure, build_table(caption, columns, table_rows)


def describe_not_filtered(lang: str) -> str:
    """Why the filters of schools are not offered: without a language medium where the
    system's schools have none (England)."""
    if system_has_language_media():
        return t("regions.not_filtered", lang, **level_words(lang))
    return t("regions.not_filtered_no_medium", lang, **level_words(lang))


# ---- The page --------------------------------------------------------------------------


@dataclass(frozen=True)
class PairsParts:
    """The E-I matrices of the LAs and of the consortia, figures and tables."""

    la_figure: Figure
    la_table: html.Table | html.P
    consortium_figure: Figure
    consortium_table: html.Table | html.P


def build_pairs_parts(
    data: RegionsData, filters: Filters, choices: Choices, lang: str
) -> PairsParts:
    """The E-I matrices. They follow the year, the consortium and the language only (not
    the LA, measure or sort), so a page may keep them while those change."""
    labelled = label_groups(data.groups, filters, lang)
    region = describe_listed(filters, choices, lang)
    la_caption = t(
        "regions.la_pairs_caption", lang, **level_words(lang), region=region, year=filters.year
    )
    consortium_caption = t(
        "regions.consortium_pairs_caption", lang, **level_words(lang), year=filters.year
    )
    la_figure, la_table = _build_pairs_part(data.la_pairs, labelled, "la", la_caption, lang)
    consortium_figure, consortium_table = _build_pairs_part(
        data.consortium_pairs, labelled, "consortium", consortium_caption, lang
    )
    return PairsParts(
        la_figure=la_figure,
        la_table=la_table,
        consortium_figure=consortium_figure,
        consortium_table=consortium_table,
    )


def build_regions_parts(
    data: RegionsData,
    filters: Filters,
    choices: Choices,
    lang: str,
    *,
    patch_map: bool = False,
    pairs: PairsParts | None = None,
) -> RegionsParts:
    """The parts of the page that follow the view. ``patch_map``: the map as a Patch of
    what changed (in callbacks, where the page already holds its boundaries). ``pairs``:
    the E-I matrices when already built for this year, consortium and language."""
    labelled = label_groups(data.groups, filters, lang)
    measure = _measure_of(filters, data)
    name = name_measure(measure, lang)
    region = describe_listed(filters, choices, lang)
    measure_figure, measure_table = _build_measure_part(
        labelled, data, filters, measure, lang, region
    )
    map_figure, map_table = _build_map_part(labelled, data, filters, measure, lang, patch=patch_map)
    pairs = pairs or build_pairs_parts(data, filters, choices, lang)
    similar_heading, similar_intro, similar_figure, similar_table = _build_similar_part(
        data, labelled, filters, measure, lang
    )
    return RegionsParts(
        table_heading=t("regions.table_heading", lang, year=filters.year),
        measures_table=build_measures_table(data, labelled, filters, choices, lang),
        measure_heading=t(
            "regions.measure_heading", lang, **level_words(lang), measure=name, year=filters.year
        ),
        measure_figure=measure_figure,
        measure_table=measure_table,
        measure_glossary=build_glossary_links(glossary_entries((measure,), lang), lang),
        map_heading=t("regions.map_heading", lang, measure=name, year=filters.year),
        map_figure=map_figure,
        map_table=map_table,
        map_glossary=build_glossary_links(glossary_entries((measure,), lang), lang),
        la_pairs_heading=t(
            "regions.la_pairs_heading", lang, **level_words(lang), year=filters.year
        ),
        la_pairs_figure=pairs.la_figure,
        la_pairs_table=pairs.la_table,
        consortium_pairs_heading=t(
            "regions.consortium_pairs_heading", lang, **level_words(lang), year=filters.year
        ),
        consortium_pairs_figure=pairs.consortium_figure,
        consortium_pairs_table=pairs.consortium_table,
        similar_heading=similar_heading,
        similar_intro=similar_intro,
        similar_figure=similar_figure,
        similar_table=similar_table,
    )


def _build_measures_section(
    parts: RegionsParts, data: RegionsData, filters: Filters, lang: str
) -> html.Section:
    sort_names = {o["value"]: o["label"] for o in _list_sort_options(REGION_MEASURES, lang)}
    sort_control = build_option_dropdown(
        PAGE, SORT, t("regions.sort_label", lang), sort_names, filters
    )
    return build_table_section(
        PAGE,
        "measures",
        heading=parts.table_heading,
        intro=t("regions.table_intro", lang, **level_words(lang)),
        controls=html.Div(sort_control, className="filter-bar table-controls"),
        table=parts.measures_table,
        download_label=t("regions.download_measures", lang, **level_words(lang)),
        lang=lang,
    )


def _build_map_section(
    parts: RegionsParts, lang: str, glossary: tuple[GlossaryEntry, ...]
) -> html.Section:
    """The measure on the map; in a system without boundaries, why there is none."""
    if not system_has_map("boundaries"):
        says, why = describe_no_map("boundaries", lang)
        return build_absent_section(
            PAGE, "map", heading=parts.map_heading, says=says, why=why, lang=lang
        )
    return build_chart_section(
        PAGE,
        "map",
        heading=parts.map_heading,
        intro=t("regions.map_intro", lang, **level_words(lang)),
        figure=parts.map_figure,
        table=parts.map_table,
        download_label=t("regions.download_map", lang),
        lang=lang,
        glossary=glossary,
    )


def build_regions_layout(
    data: RegionsData, filters: Filters, choices: Choices, lang: str
) -> html.Div:
    """The whole regions page for the view, numbers included (no callback needed at load)."""
    parts = build_regions_parts(data, filters, choices, lang)
    measure = glossary_entries((_measure_of(filters, data),), lang)
    pairs = glossary_entries(("pair_ties", "ei_index"), lang)
    measure_names = {m: name_measure(m, lang) for m in MEASURE.values}
    measure_control = build_option_dropdown(
        PAGE, MEASURE, t("regions.measure_label", lang), measure_names, filters
    )
    return html.Div(
        [
            dcc.Location(id=ids.page_url(PAGE), refresh=False),
            html.H1(t("regions.title", lang, **level_words(lang))),
            html.P(t("regions.intro", lang, **level_words(lang)), className="lede"),
            build_filter_bar(PAGE, FIELDS, filters, choices, lang, extra=[measure_control]),
            html.P(describe_not_filtered(lang), className="filter-note"),
            _build_measures_section(parts, data, filters, lang),
            build_chart_section(
                PAGE, "measure", heading=parts.measure_heading, figure=parts.measure_figure,
                table=parts.measure_table,
                download_label=t("regions.download_measure", lang, **level_words(lang)),
                lang=lang, glossary=measure,
            ),
            _build_map_section(parts, lang, measure),
            build_chart_section(
                PAGE, "la-pairs", heading=parts.la_pairs_heading,
                intro=t("regions.pairs_intro", lang), figure=parts.la_pairs_figure,
                table=parts.la_pairs_table,
                download_label=t("regions.download_la_pairs", lang, **level_words(lang)),
                lang=lang, wide=True, glossary=pairs,
            ),
            build_chart_section(
                PAGE, "consortium-pairs", heading=parts.consortium_pairs_heading,
                figure=parts.consortium_pairs_figure, table=parts.consortium_pairs_table,
                download_label=t("regions.download_consortium_pairs", lang, **level_words(lang)),
                lang=lang,
                glossary=pairs,
            ),
            _build_similar_section(parts, lang),
        ],
        className="page",
    )  # fmt: skip


def _build_similar_section(parts: RegionsParts, lang: str) -> html.Section:
    section = build_chart_section(
        PAGE,
        "similar",
        heading=parts.similar_heading,
        figure=parts.similar_figure,
        table=parts.similar_table,
        download_label=t("regions.download_similar", lang, **level_words(lang)),
        lang=lang,
        glossary=glossary_entries(("similarity_distance",), lang),
    )
    # The intro follows the LA chosen, so it carries an id for the callback.
    section.children.insert(1, html.P(parts.similar_intro, id=ids.REGIONS_SIMILAR_INTRO))
    return section
