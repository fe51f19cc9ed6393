"""The numbers behind the data page: the refresh history, the files the latest refresh read,
the rows it set aside and why, and where each kind of file comes from.

The page has no filters: the run history and the rows set aside are about the
database as a whole, not a year or a region.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from dashboard.db import Database
from dashboard.provenance import load_provenance
from etl.archive import archived_name

__all__ = [
    "ROWS_SHOWN",
    "RUNS_SHOWN",
    "SOURCES",
    "DataPageData",
    "find_source",
    "list_files_by_source",
    "load_data_page",
]

RUNS_SHOWN = 50  # the latest refreshes listed; etl_runs keeps every one
ROWS_SHOWN = 50  # the first problems of the rows set aside, listed with their values

# Where the files come from, in the order the refresh reads them: the published
# reference files (data/reference/README.md), then the contract files.
SOURCES = ("local_authorities", "address_list", "categorisation", "locations", "boundaries")
CONTRACT = "contract"


@dataclass(frozen=True)
class DataPageData:
    """``runs``: the latest RUNS_SHOWN refreshes, newest first. ``files``: the files the
    latest one read, with where each is archived. ``rejected``: rows set aside per file,
    table and reason. ``rejected_rows``: the first ROWS_SHOWN problems, member ids
    hidden. ``is_demo``: the contract data are the demo's."""

    runs: pd.DataFrame
    files: pd.DataFrame
    rejected: pd.DataFrame
    rejected_rows: pd.DataFrame
    is_demo: bool


def find_source(kind: str) -> str:
    """The source a kind of input file comes from: ``boundaries:geojson`` -> boundaries,
    ``contract:plcs`` -> contract; a kind of no known source is its own."""
    stem = kind.split(":", 1)[0]
    return stem if stem in (*SOURCES, CONTRACT) else kind


def list_files_by_source(files: pd.DataFrame) -> dict[str, list[str]]:
    """The names of the files read, by source, in the order read."""
    by_source: dict[str, list[str]] = {}
    for kind, name in zip(files["kind"], files["file_name"], strict=True):
        by_source.setdefault(find_source(str(kind)), []).append(str(name))
    return by_source


def load_files(db: Database) -> pd.DataFrame:
    """The files the latest refresh read, with ``archived_as``: where the archive keeps
    each (etl.archive, relative to the archive folder)."""
    files = db.query("data__files")
    files["archived_as"] = [
        archived_name(path, sha) for path, sha in zip(files["path"], files["sha256"], strict=True)
    ]
    return files


def load_data_page(db: Database) -> DataPageData:
    """Everything the data page shows."""
    return DataPageData(
        runs=db.query("data__runs", limit=RUNS_SHOWN),
        files=load_files(db),
        rejected=db.query("data__rejected"),
        rejected_rows=db.query("data__rejected_rows", limit=ROWS_SHOWN),
        is_demo=load_provenance(db).is_demo,
    )
