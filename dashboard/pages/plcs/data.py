"""The numbers behind the PLC directory (``/plcs``): one page of PLCs at a time.

A PLC is listed for a year and region when it is active that year and at least
one member school of that year is among the schools the filters choose (the
overview counts its active PLCs the same way). The database sorts, searches and
cuts the page, so that only the rows shown leave it, however many PLCs there are.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import pandas as pd

from dashboard.core.db import Database
from dashboard.core.filters import Filters, PageOption

__all__ = [
    "OPTIONS",
    "ORDERS",
    "PAGE_SIZE",
    "SHOW",
    "SORTS",
    "DirectoryPage",
    "load_directory",
]

# The directory's own choices, kept in the URL (the first of each is the default).
SORTS = ("name", "health", "schools", "members", "activities", "las")
ORDERS = ("asc", "desc")
SHOW = ("all", "shallow", "not_shallow")
OPTIONS = (
    PageOption("sort", SORTS),
    PageOption("order", ORDERS),
    PageOption("show", SHOW),
)

PAGE_SIZE = 25


@dataclass(frozen=True)
class DirectoryPage:
    """One page of the directory: its rows, and how many PLCs there are in all pages."""

    rows: pd.DataFrame
    total: int
    total_shallow: int
    page: int  # from 0
    page_size: int

    @property
    def pages(self) -> int:
        """Pages in all (one, even when empty)."""
        return max(1, math.ceil(self.total / self.page_size))

    @property
    def first(self) -> int:
        """The number of the first row shown, from 1 (0 when none)."""
        return 0 if self.rows.empty else self.page * self.page_size + 1

    @property
    def last(self) -> int:
        return self.page * self.page_size + len(self.rows)


def _query(
    db: Database, filters: Filters, search: str, limit: int | None, offset: int
) -> pd.DataFrame:
    return db.query(
        "plcs__directory",
        year=filters.year,
        consortium=filters.consortium,
        la=filters.la,
        sector=filters.sector,
        medium=filters.medium,
        focus=filters.focus,
        search=search.strip(),
        shallow=filters.option("show"),
        sort=filters.option("sort"),
        descending=filters.option("order") == "desc",
        limit=limit,
        offset=offset,
    )


def load_directory(
    db: Database,
    filters: Filters,
    search: str = "",
    page: int = 0,
    page_size: int | None = PAGE_SIZE,
) -> DirectoryPage:
    """Page ``page`` (from 0) of the PLCs of ``filters`` whose name holds ``search``,
    sorted and shown as the page options say; every PLC when ``page_size`` is None.

    A page past the end gives the last page.
    """
    page = max(0, page)
    offset = page * page_size if page_size else 0
    found = _query(db, filters, search, page_size, offset)
    total = int(found["total"].iloc[0])
    if page_size and page > 0 and offset >= total:
        page = max(0, math.ceil(total / page_size) - 1)
        found = _query(db, filters, search, page_size, page * page_size)
    rows = found[found["plc_id"].notna()].drop(columns=["total", "total_shallow"])
    return DirectoryPage(
        rows=rows.reset_index(drop=True),
        total=total,
        total_shallow=int(found["total_shallow"].iloc[0]),
        page=page,
        page_size=page_size or max(total, 1),
    )
