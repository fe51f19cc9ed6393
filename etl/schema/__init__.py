"""The published database's DDL, as ordered SQL files (``NNN_*.sql``)."""

from __future__ import annotations

from pathlib import Path

import duckdb

SCHEMA_DIR = Path(__file__).resolve().parent


def schema_files() -> list[Path]:
    """The DDL files in the order they apply."""
    return sorted(SCHEMA_DIR.glob("[0-9][0-9][0-9]_*.sql"))


def apply_schema(con: duckdb.DuckDBPyConnection) -> None:
    """Create every published table in an empty database."""
    for path in schema_files():
        con.execute(path.read_text(encoding="utf-8"))
