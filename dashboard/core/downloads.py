"""What every page's CSV files share: their names after the view, and the writer that
keeps a cell from being read as a formula (no Dash and no database here).

Each page builds its own files in ``pages/<page>/downloads.py``.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Sequence

from dashboard.core.filters import Filters, PageOption

__all__ = [
    "build_csv_name",
    "build_subject_csv_name",
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
    defaults = {o.name: o.values[0] for o in options if not o.of_years}
    parts += [value for name, value in filters.options if value != defaults.get(name)]
    # A year among the page's choices (the compare page's second year) loses its slash too.
    return "-".join(p.replace("_", "-").replace("/", "-") for p in parts) + ".csv"


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
