"""Whether a published database file can be served: checked once, when it is opened.

A file can be attached by DuckDB and answer a first query and still be damaged: a
copy cut short keeps its header and catalogue, and a block overwritten in the middle
is only noticed when it is read. DuckDB has no command that scrubs a whole file, so
the check reads what the pages will read, in four steps, each cheap:

1. the tables the dashboard needs (every table the refresh publishes, and
   etl_runs) are in the file's catalogue;
2. every table's storage (``pragma_storage_info``: its row groups and column
   segments, read from the metadata blocks) points only at blocks the file holds:
   a truncated file names blocks past its end;
3. every column of every one of those tables is read to the end (a hash of each
   column): DuckDB verifies each block's checksum as it reads it, so a block
   damaged anywhere in the data is found here, not by a page;
4. the refresh that published the file is recorded (a successful run in etl_runs).

On the demo database of Wales (12 MB, 49 blocks) the whole check takes about 0.1 s;
it runs once per new file per worker, not per request.
"""

from __future__ import annotations

import os
from pathlib import Path

import duckdb

from etl.public import PUBLISHED_TABLES, SYSTEM_TABLES

__all__ = ["EXPECTED_TABLES", "HEADER_BYTES", "DamagedFileError", "check_published_file"]

# Every table the refresh publishes, and its own record of runs; but refresh_system,
# which a database published before systems were recorded lacks: it holds Wales.
EXPECTED_TABLES = (*(t for t in PUBLISHED_TABLES if t not in SYSTEM_TABLES), "etl_runs")

# DuckDB's file starts with a main header and two database headers of 4 KiB each;
# blocks follow.
HEADER_BYTES = 3 * 4096


class DamagedFileError(Exception):
    """The file cannot be served: ``problem`` says what the check found, in plain words."""

    def __init__(self, problem: str) -> None:
        super().__init__(problem)
        self.problem = problem


def check_published_file(con: duckdb.DuckDBPyConnection, database: str, path: Path) -> None:
    """Raise DamagedFileError unless the file attached to ``con`` as ``database`` (from
    ``path``) has every expected table, whole, readable to the last block."""
    try:
        _check_tables_exist(con, database)
        _check_blocks_within_file(con, database, path)
        _read_every_column(con, database)
        _check_a_refresh_is_recorded(con, database)
    except duckdb.Error as error:
        raise DamagedFileError(f"DuckDB cannot read it: {error}") from error


def _check_tables_exist(con: duckdb.DuckDBPyConnection, database: str) -> None:
    present = {
        name
        for (name,) in con.execute(
            "select table_name from duckdb_tables() where database_name = $db",
            {"db": database},
        ).fetchall()
    }
    missing = [table for table in EXPECTED_TABLES if table not in present]
    if missing:
        # Usually no damage: a file published by an older refresh lacks a table this
        # version reads (net_active_groups, issue 13); one refresh publishes it whole.
        raise DamagedFileError(
            f"tables missing: {', '.join(missing)}. A database published by an older "
            "version of plcnet lacks tables this one reads: refresh it once with this "
            "version (python -m etl refresh; docs/operations.md)"
        )


def _check_blocks_within_file(con: duckdb.DuckDBPyConnection, database: str, path: Path) -> None:
    (block_size,) = con.execute(
        "select block_size from pragma_database_size() where database_name = $db",
        {"db": database},
    ).fetchone()
    blocks_in_file = (os.path.getsize(path) - HEADER_BYTES) // block_size
    for table in EXPECTED_TABLES:
        (last_block,) = con.execute(
            "select max(block_id) from pragma_storage_info($table)",
            {"table": f'{database}.main."{table}"'},
        ).fetchone()
        if last_block is not None and last_block >= blocks_in_file:
            raise DamagedFileError(
                f"table {table} is stored in block {last_block} but the file holds "
                f"{blocks_in_file} blocks: it was cut short (truncated)"
            )


def _read_every_column(con: duckdb.DuckDBPyConnection, database: str) -> None:
    # The names are this module's constants, never the file's, so they may be quoted in.
    for table in EXPECTED_TABLES:
        con.execute(
            f'select count(*), bit_xor(hash(columns(*))) from {database}.main."{table}"'
        ).fetchall()


def _check_a_refresh_is_recorded(con: duckdb.DuckDBPyConnection, database: str) -> None:
    (runs,) = con.execute(
        f"select count(*) from {database}.main.etl_runs where status = 'success'"
    ).fetchone()
    if runs == 0:
        raise DamagedFileError("it records no successful refresh (etl_runs is empty)")
