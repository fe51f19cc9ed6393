"""The refresh's constants that the dashboard presents, published in ``refresh_settings``.

The dashboard serves whatever database it is given: a constant it shows (the cap on
ties drawn, the fewest schools an impact estimate needs, the demo's planted effect)
must be the one the refresh that built that database used, so it travels in the
database rather than through an import of the ETL's code.
"""

from __future__ import annotations

import duckdb

from etl.demo.model import BETA
from etl.drawing import MAX_DRAWN_TIES
from etl.impact import MIN_SCHOOLS

__all__ = ["SETTINGS_TABLES", "record_settings"]

SETTINGS_TABLES = ("refresh_settings",)

# Every database's settings: (name, value, description).
_SETTINGS = (
    ("max_ties_drawn", MAX_DRAWN_TIES, "the most ties net_edges_drawn keeps in a year"),
    (
        "impact_min_schools",
        MIN_SCHOOLS,
        "the fewest schools with attainment in two years for an impact estimate",
    ),
)
# A demo database's only: real data have no planted effect, and the impact page
# claims one only when this row is there.
_DEMO_SETTING = (
    "demo_planted_effect",
    BETA,
    "the demo's planted gain in attainment points per deep cross-school PLC (docs/demo.md)",
)


def record_settings(con: duckdb.DuckDBPyConnection) -> int:
    """Fill ``refresh_settings``: the shared constants, and the planted effect when any
    outcome was simulated by the demo. Returns the rows written."""
    con.execute("DELETE FROM refresh_settings")
    rows = list(_SETTINGS)
    if _is_demo(con):
        rows.append(_DEMO_SETTING)
    con.executemany(
        "INSERT INTO refresh_settings (setting, value, description) VALUES (?, ?, ?)", rows
    )
    return len(rows)


def _is_demo(con: duckdb.DuckDBPyConnection) -> bool:
    # The same test as the dashboard's provenance (shell__provenance.sql).
    found = con.execute("SELECT exists (SELECT 1 FROM school_outcomes WHERE source = 'demo')")
    return bool(found.fetchone()[0])
