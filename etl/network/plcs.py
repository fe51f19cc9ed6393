"""PLC measures and each school's exposure to deep cross-school collaboration.

Both are DuckDB SQL (``etl/sql/marts/net_plc_metrics.sql`` and
``net_school_exposure.sql``); this module runs them after the network measures,
on the memberships counted per year that the network step also uses.
See docs/measures.md for every definition.
"""

from __future__ import annotations

import time
from collections.abc import Callable

import duckdb

from etl.load import run_model
from etl.network.build import MEMBERSHIPS_TABLE, project_memberships

__all__ = ["PLC_TABLES", "SHALLOW_REASONS", "compute_plc_measures"]

# The published tables compute_plc_measures fills, in the order it fills them.
PLC_TABLES = ("net_plc_metrics", "net_school_exposure", "net_active_groups")

# The stable codes of net_plc_metrics.shallow_reasons, in the order a PLC's
# reasons are listed; the dashboard translates each one.
SHALLOW_REASONS = (
    "no_analysis_or_review",
    "low_learner_focus",
    "between_one_school",
    "no_activity",
    "low_activity",
)


def compute_plc_measures(
    con: duckdb.DuckDBPyConnection, progress: Callable[[str], None] = print
) -> dict[str, int]:
    """Fill ``net_plc_metrics``, ``net_school_exposure``, ``net_active_groups`` (the
    overview's counts of active groups) and the PLC rows of ``net_changes``; return rows
    per table.

    Needs the input tables, ``academic_years`` and ``net_edges`` (the network
    step, :func:`etl.network.compute_network`); replaces any rows the two tables hold.

    Parameters
    ----------
    con
        A database with the published schema, its inputs loaded and the network measured.
    progress
        Called with a line of text as the step ends.
    """
    started = time.perf_counter()
    for table in PLC_TABLES:
        con.execute(f"DELETE FROM {table}")
    # The network step drops its working table of memberships per year; make it again.
    project_memberships(con)
    try:
        rows = {table: run_model(con, table) for table in PLC_TABLES}
    finally:
        con.execute(f"DROP TABLE IF EXISTS {MEMBERSHIPS_TABLE}")
    # The PLC rows of net_changes, beside the schools' and groups' of the network step.
    con.execute("DELETE FROM net_changes WHERE level = 'plc'")
    rows["net_changes"] = run_model(con, "net_changes", folder="plc_changes")
    shallow, exposed = con.execute(
        "SELECT (SELECT count(*) FILTER (WHERE is_shallow) FROM net_plc_metrics), "
        "(SELECT count(*) FILTER (WHERE deep_cross_plcs > 0) FROM net_school_exposure)"
    ).fetchall()[0]
    progress(
        f"    {rows['net_plc_metrics']:,} PLC-years, {shallow:,} flagged shallow; "
        f"{rows['net_school_exposure']:,} school-years, {exposed:,} in a deep cross-school PLC "
        f"({time.perf_counter() - started:.1f} s)"
    )
    return rows
