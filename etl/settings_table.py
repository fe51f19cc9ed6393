"""The refresh's constants that the dashboard presents, published in ``refresh_settings``,
and the school system it loaded, in ``refresh_system``.

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
from etl.systems import DEFAULT_SYSTEM, System, load_system, parse_system

__all__ = [
    "SETTINGS_TABLES",
    "SYSTEM_TABLES",
    "read_system",
    "record_settings",
    "record_system",
    "recorded_system",
]

# The tables of the system are apart: a database published before systems has none of
# them (the system, its kinds of group, their status at snapshots), and is Wales.
SYSTEM_TABLES = ("refresh_system", "group_kinds", "group_status")
SETTINGS_TABLES = ("refresh_settings", *SYSTEM_TABLES)

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


def record_system(con: duckdb.DuckDBPyConnection, system: System) -> None:
    """Fill ``refresh_system``: the system's name and its configuration as read."""
    con.execute("DELETE FROM refresh_system")
    con.execute(
        "INSERT INTO refresh_system VALUES ($system, $file, $sha256, $config)",
        {
            "system": system.name,
            "file": system.source,
            "sha256": system.sha256,
            "config": system.text,
        },
    )


def recorded_system(con: duckdb.DuckDBPyConnection) -> str:
    """The name of the system the database of ``con`` holds; Wales for one published
    before systems were recorded (it has no refresh_system table)."""
    has_table = _has_system_table(con)
    row = con.execute("SELECT system FROM refresh_system").fetchone() if has_table else None
    return row[0] if row else DEFAULT_SYSTEM


def read_system(con: duckdb.DuckDBPyConnection) -> System:
    """The system the database of ``con`` holds, read from its recorded configuration;
    the shipped Wales for a database published before systems were recorded."""
    if not _has_system_table(con):
        return load_system(DEFAULT_SYSTEM)
    row = con.execute("SELECT config, config_file FROM refresh_system").fetchone()
    return parse_system(row[0], row[1]) if row else load_system(DEFAULT_SYSTEM)


def _has_system_table(con: duckdb.DuckDBPyConnection) -> bool:
    found = con.execute(
        "SELECT count(*) FROM duckdb_tables() WHERE table_name = 'refresh_system'"
    ).fetchone()
    return bool(found[0])
