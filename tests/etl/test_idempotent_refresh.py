"""Refreshes of identical input publish identical tables (issue 10, class 11).

The demo Wales (every network table with thousands of rows) is refreshed through
the real CLI three times: once as a scheduler would run it (the session's one
``demo_db``, tests/demo_wales.py), once with DuckDB on
one thread and once on eight, each under its own Python hash seed, so that any
result depending on the order rows, dict keys or set members come in shows as a
difference. Every table of the three published databases is checksummed over all
its columns, rows in a canonical order; only the columns meant to differ from run
to run (:data:`MEANT_TO_DIFFER`) are left out. Before this class was fixed,
``net_group_metrics`` (``mean_clustering``) and ``net_changes`` differed in the
last digit.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from etl.drawing import LAYOUT_TABLES
from etl.impact import IMPACT_TABLES
from etl.network import FOCUS_TABLES, NETWORK_TABLES
from etl.network.plcs import PLC_TABLES
from etl.validate import quote
from tests.demo_wales import HASH_SEED
from tests.etl.cli_run import PROJECT_ROOT, REFERENCE_DIR, TIMEOUT_S

# The columns that say which run wrote a row and when: the only ones meant to differ.
MEANT_TO_DIFFER = {
    "etl_runs": {"run_id", "started_at", "finished_at"},
    "rejected_rows": {"run_id"},
}

# The first refresh is the session's demo_db (tests/demo_wales.py): the plain CLI as a
# scheduler runs it, DuckDB's default threads (one per CPU), hash seed HASH_SEED.
SESSION_REFRESH = "default threads"

# Each further refresh: a name, DuckDB's threads and the Python hash seed (the order
# of sets and dicts of strings), each seed unlike the session's.
REFRESHES = (
    ("1 DuckDB thread", 1, "3"),
    ("8 DuckDB threads", 8, "4"),
)

# The refresh has no setting for DuckDB's threads, so the child process wraps
# duckdb.connect to open every connection with the threads asked for, says how
# many a connection gets, and runs the real CLI (python -m etl) unchanged.
WITH_THREADS = """
import os, runpy, sys
import duckdb
connect = duckdb.connect
def with_threads(database=":memory:", read_only=False, config=None, **kwargs):
    config = {**(config or {}), "threads": int(os.environ["PLCNET_TEST_DUCKDB_THREADS"])}
    return connect(database, read_only=read_only, config=config, **kwargs)
duckdb.connect = with_threads
with duckdb.connect() as con:
    threads = con.execute("SELECT current_setting('threads')").fetchone()[0]
    print(f"duckdb threads: {threads}", file=sys.stderr)
runpy.run_module("etl", run_name="__main__", alter_sys=True)
"""


def _etl(
    *args: str, threads: int | None = None, hash_seed: str = "0"
) -> subprocess.CompletedProcess[str]:
    """``python -m etl ARGS``, with DuckDB on ``threads`` threads when given."""
    program = ["-m", "etl"] if threads is None else ["-c", WITH_THREADS]
    env = {**os.environ, "PYTHONPATH": str(PROJECT_ROOT), "PYTHONHASHSEED": hash_seed}
    if threads is not None:
        env["PLCNET_TEST_DUCKDB_THREADS"] = str(threads)
    return subprocess.run(
        [sys.executable, *program, *args],
        cwd=PROJECT_ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=TIMEOUT_S,
        check=False,
    )


@pytest.fixture(scope="module")
def refreshed(
    tmp_path_factory: pytest.TempPathFactory, demo_raw: Path, demo_db: Path
) -> dict[str, Path]:
    """The session's demo Wales (written and refreshed once, tests/conftest.py), then
    its raw folder refreshed again as each of REFRESHES into a folder of its own."""
    assert HASH_SEED not in {hash_seed for _, _, hash_seed in REFRESHES}
    folder = tmp_path_factory.mktemp("idempotent")
    databases = {SESSION_REFRESH: demo_db}
    for name, threads, hash_seed in REFRESHES:
        db = folder / name.replace(" ", "_") / "plcnet.duckdb"
        run = _etl(
            "refresh",
            *("--raw", str(demo_raw), "--db", str(db), "--reference", str(REFERENCE_DIR)),
            threads=threads,
            hash_seed=hash_seed,
        )
        assert run.returncode == 0, f"{name}: {run.stderr}"
        assert f"duckdb threads: {threads}" in run.stderr
        databases[name] = db
    return databases


def table_checksums(db: Path) -> dict[str, tuple[int, str]]:
    """Rows and a SHA-256 of every table of ``db``, all columns but MEANT_TO_DIFFER."""
    with duckdb.connect(str(db), read_only=True) as con:
        tables = con.execute(
            "SELECT table_name FROM duckdb_tables() WHERE schema_name = 'main' ORDER BY 1"
        ).fetchall()
        return {table: _checksum(con, table) for (table,) in tables}


def _checksum(con: duckdb.DuckDBPyConnection, table: str) -> tuple[int, str]:
    columns = [
        quote(column)
        for (column,) in con.execute(
            "SELECT column_name FROM duckdb_columns() "
            "WHERE schema_name = 'main' AND table_name = $table ORDER BY column_index",
            {"table": table},
        ).fetchall()
        if column not in MEANT_TO_DIFFER.get(table, set())
    ]
    # ORDER BY ALL sorts by every column: the same rows always come in the same order.
    rows = con.execute(f"SELECT {', '.join(columns)} FROM {quote(table)} ORDER BY ALL").fetchall()
    digest = hashlib.sha256()
    for row in rows:
        # repr gives every float to its last bit.
        digest.update(repr(row).encode() + b"\n")
    return len(rows), digest.hexdigest()


def test_every_table_is_the_same_after_every_refresh(refreshed: dict[str, Path]) -> None:
    checksums = {name: table_checksums(db) for name, db in refreshed.items()}
    first_name, first = next(iter(checksums.items()))
    differ = {
        name: sorted(t for t in first.keys() | found.keys() if found.get(t) != first.get(t))
        for name, found in checksums.items()
    }
    # Each refresh named with the tables unlike the first refresh's.
    assert not {name: tables for name, tables in differ.items() if tables}, first_name


def test_the_demo_fills_every_measured_table(refreshed: dict[str, Path]) -> None:
    """The comparison means something only if every measured table has rows to compare."""
    counts = {
        table: rows for table, (rows, _) in table_checksums(refreshed[SESSION_REFRESH]).items()
    }
    measured = (*NETWORK_TABLES, *LAYOUT_TABLES, *FOCUS_TABLES, *PLC_TABLES, *IMPACT_TABLES)
    empty = [table for table in measured if counts.get(table, 0) == 0]
    assert not empty
    # Per school, per tie and per group: thousands of rows, not a handful.
    for table in ("net_edges", "net_school_metrics", "net_changes", "net_focus_schools"):
        assert counts[table] > 5_000, table
    assert counts["net_group_metrics"] > 100
