"""Fixtures for the network measures. Test rules:

- Each test builds a fresh in-memory DuckDB with the published schema and a
  handful of hand-made rows: LAs, schools, PLCs and memberships. Expected values
  are worked out by hand from the drawing in the test and written in it.
- A tie is usually drawn as its own PLC of two schools, active for the one year
  the test looks at (``NetworkDb.draw``); tests of the projection itself add PLCs
  and memberships one by one.
- Anything larger (the cross-check against networkx) is generated with a fixed seed.
- The layout and the subgraph measures are also checked on the demo Wales built
  once per session by the real pipeline (``demo_wales_db``: the seeded demo
  generator on the real reference files, then a refresh into a DuckDB file).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest
from network_db import YEAR, NetworkDb

from etl.demo import generate_wales
from etl.refresh import refresh
from etl.schema import apply_schema
from etl.sources.reference import Reference


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
def demo_wales_db(
    tmp_path_factory: pytest.TempPathFactory, wales_reference: Reference, reference_dir: Path
) -> Path:
    """The demo Wales through the real refresh, once per session; treat it as read-only."""
    folder = tmp_path_factory.mktemp("demo_wales")
    generate_wales(wales_reference, folder / "raw", progress=lambda _: None)
    db = folder / "plcnet.duckdb"
    refresh(folder / "raw", db, reference_dir, progress=lambda _: None)
    return db


@pytest.fixture
def demo_wales(demo_wales_db: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    """A read-only connection to the demo Wales, as the dashboard opens it."""
    connection = duckdb.connect(str(demo_wales_db), read_only=True)
    yield connection
    connection.close()
