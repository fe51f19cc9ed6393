"""Fixtures for the network measures. Test rules:

- Each test builds a fresh in-memory DuckDB with the published schema and a
  handful of hand-made rows: LAs, schools, PLCs and memberships. Expected values
  are worked out by hand from the drawing in the test and written in it.
- A tie is usually drawn as its own PLC of two schools, active for the one year
  the test looks at (``NetworkDb.draw``); tests of the projection itself add PLCs
  and memberships one by one.
- Anything larger (the cross-check against networkx) is generated with a fixed seed.
"""

from __future__ import annotations

from collections.abc import Iterator

import duckdb
import pytest
from network_db import YEAR, NetworkDb

from etl.schema import apply_schema


@pytest.fixture
def con() -> Iterator[duckdb.DuckDBPyConnection]:
    """A fresh in-memory database with the published schema."""
    connection = duckdb.connect()
    apply_schema(connection)
    yield connection
    connection.close()


@pytest.fixture
def db(con: duckdb.DuckDBPyConnection) -> NetworkDb:
    """A tiny database with three LAs and the year 2018/19, no schools yet."""
    return NetworkDb(con).years(YEAR)
