"""The numbers behind the data page: the refresh history, the files the latest refresh read,
the rows it set aside and why, and where each kind of file comes from.

The page has no filters: the run history and the rows set aside are about the
database as a whole, not a year or a region. The refresh details (history, files,
rows set aside) are the data team's: for anyone else they are not even read
(:func:`may_see_refresh_details`, from the server's user, never from the browser).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

import pandas as pd

from dashboard.access.users import DATA_TEAM, current_user
from dashboard.core.db import Database
from dashboard.core.provenance import load_provenance
from dashboard.pages.sources.run_log import read_failed_runs
from etl.public import archived_name

__all__ = [
    "GIAS_SOURCES",
    "MEMBER_ID_PATTERN",
    "ROWS_SHOWN",
    "RUNS_SHOWN",
    "SOURCES",
    "DataPageData",
    "find_source",
    "list_files_by_source",
    "list_refreshes",
    "load_data_page",
    "load_rejected_rows",
    "may_see_refresh_details",
]

RUNS_SHOWN = 50  # the latest refreshes listed; etl_runs keeps every one
ROWS_SHOWN = 50  # the first problems of the rows set aside, listed with their values

# The shape of a member id as sent (the contract's example and the demo's:
# "m-5f1c0a93e2") and of its pseudonym (etl/pseudonym.py: "m_" and 16 hex digits): a
# value like either is never shown, whatever column it was found in. Values equal to a
# member id of plc_memberships are hidden too (sources__rejected_rows.sql).
MEMBER_ID_PATTERN = r"(?i)m[-_][0-9a-f]{6,64}"

# Where the files come from, in the order the refresh reads them: the published
# reference files (data/reference/README.md), then the contract files.
SOURCES = ("local_authorities", "address_list", "categorisation", "locations", "boundaries")
CONTRACT = "contract"
# England's sources: the GIAS snapshots (the kinds gias_links and gias_groups) and the
# lookup of its LAs and regions.
GIAS_SOURCES = ("gias", "la_regions")


@dataclass(frozen=True)
class DataPageData:
    """``runs``: the latest RUNS_SHOWN refreshes, newest first. ``files``: the files the
    latest one read, with where each is archived. ``rejected``: rows set aside per file,
    table and reason. ``rejected_rows``: the first ROWS_SHOWN problems, member ids
    hidden. ``is_demo``: the contract data are the demo's. ``details``: the user may see
    the refresh details; when not, runs, files, the rows set aside and the failures are
    empty. ``failed``: the refreshes that failed since the one in service, newest first
    (from the run log: dashboard/pages/sources/run_log.py). ``published_at``: when the refresh in
    service finished (naive UTC). ``damaged``: what is wrong with the file published
    after it, when that file cannot be read and this one is still shown."""

    runs: pd.DataFrame
    files: pd.DataFrame
    rejected: pd.DataFrame
    rejected_rows: pd.DataFrame
    is_demo: bool
    details: bool = True
    failed: pd.DataFrame = field(default_factory=pd.DataFrame)
    published_at: datetime | None = None
    damaged: str | None = None


def may_see_refresh_details() -> bool:
    """Whether the current user (the server's, not the browser's) is in the data team."""
    user = current_user()
    return user is not None and user.has_role(DATA_TEAM)


def find_source(kind: str) -> str:
    """The source a kind of input file comes from: ``boundaries:geojson`` -> boundaries,
    ``contract:plcs`` -> contract, ``gias_links`` -> gias; a kind of no known source is
    its own."""
    stem = kind.split(":", 1)[0]
    if stem.startswith("gias_"):
        return "gias"
    return stem if stem in (*SOURCES, CONTRACT, *GIAS_SOURCES) else kind


def list_files_by_source(files: pd.DataFrame) -> dict[str, list[str]]:
    """The names of the files read, by source, in the order read."""
    by_source: dict[str, list[str]] = {}
    for kind, name in zip(files["kind"], files["file_name"], strict=True):
        by_source.setdefault(find_source(str(kind)), []).append(str(name))
    return by_source


def load_files(db: Database) -> pd.DataFrame:
    """The files the latest refresh read, with ``archived_as``: where the archive keeps
    each (etl.archive, relative to the archive folder)."""
    files = db.query("sources__files")
    files["archived_as"] = [
        archived_name(path, sha) for path, sha in zip(files["path"], files["sha256"], strict=True)
    ]
    return files


def load_rejected_rows(db: Database, limit: int = ROWS_SHOWN) -> pd.DataFrame:
    """The first ``limit`` problems of the rows set aside, values hidden as the current
    user may see them: every value of a file that holds member ids is hidden from all
    but the data team, and member ids, and values that look like one, from everyone."""
    return db.query(
        "sources__rejected_rows",
        limit=limit,
        show_member_rows=may_see_refresh_details(),
        member_id_pattern=MEMBER_ID_PATTERN,
    )


def load_data_page(db: Database) -> DataPageData:
    """Everything the data page shows to the current user."""
    provenance = load_provenance(db)
    if not may_see_refresh_details():
        empty = pd.DataFrame()
        return DataPageData(empty, empty, empty, empty, provenance.is_demo, details=False)
    return DataPageData(
        runs=db.query("sources__runs", limit=RUNS_SHOWN),
        files=load_files(db),
        rejected=db.query("sources__rejected"),
        rejected_rows=load_rejected_rows(db),
        is_demo=provenance.is_demo,
        failed=read_failed_runs(db.path, provenance.finished_at, RUNS_SHOWN),
        published_at=provenance.finished_at,
        damaged=db.damaged_problem(),
    )


def list_refreshes(data: DataPageData) -> pd.DataFrame:
    """The refreshes published (``data.runs``) and those failed since (``data.failed``),
    newest first, each with its ``status``."""
    if data.failed.empty:
        return data.runs
    failed = data.failed.assign(status="failed")
    return (
        pd.concat([failed, data.runs], ignore_index=True)
        .sort_values("started_at", ascending=False, kind="stable")
        .reset_index(drop=True)
    )
