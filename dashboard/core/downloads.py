"""CSV files of what a chart shows, named after the view (no Dash and no database here).

The numbers are those of the table beside the chart: counts as counts, shares as
percentages to one decimal place, a missing figure as an empty cell.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Sequence

from dashboard.core.filters import Filters, PageOption
from dashboard.i18n import t
from dashboard.measures.catalogue import name_measure
from dashboard.pages.overview.data import OverviewData, to_number
from dashboard.ui.labels import (
    CATEGORIES,
    HEADLINE_MEASURES,
    SHARE_MEASURES,
    label_category,
)

__all__ = [
    "build_csv_name",
    "build_headlines_csv",
    "build_subject_csv_name",
    "build_support_csv",
    "neutralise_cell",
    "write_csv",
]


def build_csv_name(
    page: str, what: str, filters: Filters, options: tuple[PageOption, ...] = ()
) -> str:
    """``plcnet-overview-headlines-2018-19-GWE.csv``: page, chart, year, region, then the
    sector, language medium and PLC focus when chosen, then the page's own choices not
    at their default, as in the URL (``plcnet-regions-measure-2018-19-wales-density.csv``)."""
    region = (
        str(filters.la)
        if filters.la is not None
        else (filters.consortium if filters.consortium is not None else "wales")
    )
    parts = ["plcnet", page, what, filters.year.replace("/", "-"), region]
    parts += [p for p in (filters.sector, filters.medium, filters.focus) if p is not None]
    defaults = {o.name: o.values[0] for o in options}
    parts += [value for name, value in filters.options if value != defaults.get(name)]
    return "-".join(p.replace("_", "-") for p in parts) + ".csv"


def build_subject_csv_name(page: str, subject: str, what: str, filters: Filters) -> str:
    """``plcnet-school-6612001-plcs-2018-19.csv``: for a page of one thing (a school, a
    PLC), its id in place of the region; anything but letters and digits becomes "-"."""
    safe = re.sub(r"[^A-Za-z0-9]+", "-", subject).strip("-") or "none"
    return f"plcnet-{page}-{safe}-{what}-{filters.year.replace('/', '-')}.csv"


def write_csv(header: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    """The text of a CSV file: one header row, then ``rows``, every cell through
    neutralise_cell (names of schools and PLCs, values of rejected rows and user names
    come from outside and may be written as formulas)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([neutralise_cell(h) for h in header])
    writer.writerows([neutralise_cell(cell) for cell in row] for row in rows)
    return out.getvalue()


# A spreadsheet reads a cell starting with one of these as a formula (OWASP, "CSV
# injection"): =HYPERLINK(...) in a value taken from a file or a user name would run
# when the CSV is opened.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# A number written with its sign ("-2.5", "+3", "-1,204", "-12%") is read as a number,
# never a formula: it stays as it is.
_SIGNED_NUMBER = re.compile(r"[-+]\d[\d,]*(\.\d+)?([eE][-+]?\d+)?%?")


def neutralise_cell(value: object) -> object:
    """``value`` safe to open in a spreadsheet: text starting with =, +, -, @, a tab or a
    carriage return gets a leading apostrophe, so it is read as text; numbers, and text
    that is just a signed number ("-2.5", "+3"), stay as they are.

    >>> neutralise_cell("=1+1"), neutralise_cell("-2.5"), neutralise_cell(-3)
    ("'=1+1", '-2.5', -3)
    """
    if not isinstance(value, str) or not value.startswith(_FORMULA_STARTS):
        return value
    if _SIGNED_NUMBER.fullmatch(value):
        return value
    return "'" + value


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
