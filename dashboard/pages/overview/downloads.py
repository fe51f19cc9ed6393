"""CSV files of the overview's charts (no Dash and no database here).

The numbers are those of the table beside the chart: counts as counts, shares as
percentages to one decimal place, a missing figure as an empty cell.
"""

from __future__ import annotations

from dashboard.core.downloads import write_csv
from dashboard.i18n import t
from dashboard.measures.catalogue import name_measure
from dashboard.pages.overview.data import OverviewData
from dashboard.ui.labels import (
    CATEGORIES,
    HEADLINE_MEASURES,
    SHARE_MEASURES,
    label_category,
    to_number,
)

__all__ = ["build_headlines_csv", "build_support_csv"]


def _cell(measure: str, value: float | None) -> object:
    if value is None:
        return ""
    if measure in SHARE_MEASURES:
        return f"{value * 100:.1f}"
    return round(value)


def build_headlines_csv(data: OverviewData, lang: str) -> str:
    """The headline figures by year: one row a year, one column a measure (shares in %)."""
    header = [t("table.year", lang)]
    for measure in HEADLINE_MEASURES:
        name = name_measure(measure, lang)
        header.append(f"{name} (%)" if measure in SHARE_MEASURES else name)
    rows = [
        [str(row["year"]), *[_cell(m, to_number(row[m])) for m in HEADLINE_MEASURES]]
        for _, row in data.yearly.iterrows()
    ]
    return write_csv(header, rows)


def build_support_csv(data: OverviewData, lang: str) -> str:
    """Schools per support category and year, with their share (%), one row each."""
    header = [
        t("table.year", lang),
        t("download.category", lang),
        t("download.schools", lang),
        t("download.share", lang),
    ]
    by_year = data.support.set_index(["year", "category"])
    rows = [
        [
            str(year),
            label_category(category, lang),
            int(by_year.loc[(year, category), "schools"]),
            f"{by_year.loc[(year, category), 'share'] * 100:.1f}",
        ]
        for year in data.support["year"].unique()
        for category in CATEGORIES
    ]
    return write_csv(header, rows)
