"""Fixtures for the tests of the network measures (tests/etl/network/) and of the
drawing (tests/etl/drawing/), which share the hand-made ``NetworkDb`` of
network_db.py beside this file. Test rules:

- Each test builds a fresh in-memory DuckDB with the published schema and a
  handful of hand-made rows: LAs, schools, PLCs and memberships. Expected values
  are worked out by hand from the drawing in the test and written in it.
- A tie is usually drawn as its own PLC of two schools, active for the one year
  the test looks at (``NetworkDb.draw``); tests of the projection itself add PLCs
  and memberships one by one.
- Anything larger (the cross-check against networkx) is generated with a fixed seed.
- The layout and the subgraph measures are also checked on the demo Wales built
  once per session by the real pipeline (``demo_wales_db``: the session's one
  ``demo_db``, ``etl demo`` on the real reference files then ``etl refresh``).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

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


@pytest.fixture(scope="session")
def demo_wales_db(demo_db: Path) -> Path:
    """The session's one demo Wales (tests/conftest.py ``demo_db``); treat it as read-only."""
    return demo_db


@pytest.fixture
def demo_wales(demo_wales_db: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    """A read-only connection to the demo Wales, as the dashboard opens it."""
    connection = duckdb.connect(str(demo_wales_db), read_only=True)
    yield connection
    connection.close()
