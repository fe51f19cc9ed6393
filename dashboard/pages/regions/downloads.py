"""CSV files of what the regions page shows (no Dash and no database here).

The numbers are those of the tables: counts as counts, shares in percent to one
decimal place, decimals to six places, a missing figure as an empty cell; codes
beside names, so that a file joins to other data.
"""

from __future__ import annotations

import pandas as pd

from dashboard.core.downloads import write_csv
from dashboard.core.filters import Filters
from dashboard.i18n import t
from dashboard.measures.catalogue import find_term, name_measure, write_measure_cell
from dashboard.pages.regions.data import RegionsData, select_shown_las
from dashboard.pages.regions.layout import (
    MEASURE,
    SORT,
    build_measure_bars,
    build_similar_rows,
    label_groups,
    list_sort_values,
    sort_groups,
)
from dashboard.ui.labels import level_words, system_has_language_media, to_number

__all__ = [
    "build_consortium_pairs_csv",
    "build_la_pairs_csv",
    "build_map_csv",
    "build_measure_csv",
    "build_measures_csv",
    "build_pairs_csv",
    "build_similar_csv",
    "name_column",
]


def name_column(measure: str, lang: str) -> str:
    """A measure's column header: its name, with "(%)" for a share."""
    name = name_measure(measure, lang)
    return f"{name} (%)" if find_term(measure).kind == "share" else name


def _cell(measure: str, value: object) -> object:
    return write_measure_cell(measure, to_number(value))


def _measure_of(data: RegionsData, filters: Filters) -> str:
    measure = filters.option(MEASURE.name)
    return measure if measure in data.measures else data.measures[0]


def _label_level(level: str, lang: str) -> str:
    levels = {
        "la": t("regions.level_la", lang, **level_words(lang)),
        "consortium": t("regions.level_consortium", lang, **level_words(lang)),
        "wales": t("region.wales", lang, **level_words(lang)),
    }
    return levels[level]


def build_measures_csv(data: RegionsData, filters: Filters, lang: str) -> str:
    """Every measure of the LAs shown, the consortia and Wales, in the table's order."""
    labelled = label_groups(data.groups, filters, lang)
    sort = filters.option(SORT.name)
    sort = sort if sort in list_sort_values(data.measures) else SORT.default
    shown = select_shown_las(data.groups, filters)["group_id"]
    las = labelled[(labelled["level"] == "la") & labelled["group_id"].isin(shown)]
    parts = [
        sort_groups(las, sort),
        sort_groups(labelled[labelled["level"] == "consortium"], sort),
        labelled[labelled["level"] == "wales"],
    ]
    header = [
        t("regions.column_level", lang),
        t("regions.column_code", lang),
        t("regions.column_name", lang),
        t("filters.consortium", lang, **level_words(lang)),
        *[name_column(m, lang) for m in data.measures],
    ]
    rows = [
        [
            _label_level(str(row["level"]), lang),
            row["group_id"],
            row["name"],
            "" if pd.isna(row["consortium_code"]) else row["consortium_code"],
            *[_cell(m, row[m]) for m in data.measures],
        ]
        for part in parts
        for _, row in part.iterrows()
    ]
    return write_csv(header, rows)


def build_measure_csv(data: RegionsData, filters: Filters, lang: str) -> str:
    """The measure chosen for the LAs shown, largest first, then Wales."""
    measure = _measure_of(data, filters)
    labelled = label_groups(data.groups, filters, lang)
    bars = build_measure_bars(labelled, data, filters, measure, lang)
    names = labelled.set_index("group_id")["name"]
    header = [
        t("regions.column_code", lang),
        t("filters.la", lang, **level_words(lang)),
        name_column(measure, lang),
    ]
    rows = [
        [code, names[code], _cell(measure, raw)]
        for code, raw in zip(bars["group_id"], bars["raw"], strict=True)
    ]
    wales = labelled[labelled["level"] == "wales"]
    for _, row in wales.iterrows():
        rows.append([row["group_id"], row["name"], _cell(measure, row[measure])])
    return write_csv(header, rows)


def build_map_csv(data: RegionsData, filters: Filters, lang: str) -> str:
    """The measure chosen for every LA on the map, by name, with its ONS code."""
    measure = _measure_of(data, filters)
    labelled = label_groups(data.groups, filters, lang)
    las = sort_groups(labelled[(labelled["level"] == "la") & labelled["ons_code"].notna()], "name")
    header = [
        t("regions.column_ons", lang),
        t("regions.column_code", lang),
        t("filters.la", lang, **level_words(lang)),
        name_column(measure, lang),
    ]
    rows = [
        [row["ons_code"], row["group_id"], row["name"], _cell(measure, row[measure])]
        for _, row in las.iterrows()
    ]
    return write_csv(header, rows)


def build_pairs_csv(data: RegionsData, filters: Filters, level: str, lang: str) -> str:
    """The E-I matrix of ``level`` in long form: one row per pair of groups, both ways
    round, with the ties between them (empty of rows when the matrix is not shown)."""
    pairs = data.la_pairs if level == "la" else data.consortium_pairs
    labelled = label_groups(data.groups, filters, lang)
    names = labelled[labelled["level"] == level].set_index("group_id")["name"]
    header = [
        t("regions.column_from_code", lang),
        t("regions.column_from", lang),
        t("regions.column_to_code", lang),
        t("regions.column_to", lang),
        name_measure("pair_ties", lang),
    ]
    if pairs is None:
        return write_csv(header, [])
    rows = [
        [a, names.get(a, a), b, names.get(b, b), int(ties)]
        for a, b, ties in zip(pairs["row_group"], pairs["column_group"], pairs["ties"], strict=True)
    ]
    return write_csv(header, rows)


def build_la_pairs_csv(data: RegionsData, filters: Filters, lang: str) -> str:
    """The E-I matrix of the LAs (build_pairs_csv)."""
    return build_pairs_csv(data, filters, "la", lang)


def build_consortium_pairs_csv(data: RegionsData, filters: Filters, lang: str) -> str:
    """The E-I matrix of the consortia (build_pairs_csv)."""
    return build_pairs_csv(data, filters, "consortium", lang)


def build_similar_csv(data: RegionsData, filters: Filters, lang: str) -> str:
    """The LA chosen, the LAs most like it and Wales, with the distance, the features and
    the measure chosen (only the header when no LA is chosen)."""
    measure = _measure_of(data, filters)
    labelled = label_groups(data.groups, filters, lang)
    rows_frame = build_similar_rows(data, labelled, measure)
    media = system_has_language_media()  # as the page's table: no column of zeros
    header = [
        t("regions.column_rank", lang),
        t("regions.column_code", lang),
        t("regions.column_name", lang),
        name_column("similarity_distance", lang),
        name_column("n_schools", lang),
        *([name_column("welsh_medium_share", lang)] if media else []),
        name_column(measure, lang),
    ]
    rows = [
        [
            "" if pd.isna(row["rank"]) else int(row["rank"]),
            "" if pd.isna(row["la_code"]) else int(row["la_code"]),
            str(row["name"]),
            _cell("similarity_distance", row["distance"]),
            _cell("n_schools", row["n_schools"]),
            *([_cell("welsh_medium_share", row["welsh_medium_share"])] if media else []),
            _cell(measure, row["value"]),
        ]
        for _, row in rows_frame.iterrows()
    ]
    return write_csv(header, rows)
