"""Database.call: a function run on a read-only connection, its result cached by file."""

from __future__ import annotations

import os
from pathlib import Path

import duckdb
import pytest

from dashboard.core import db as db_module
from dashboard.core.db import Database
from tests.dashboard.fixtures import build_overview_db


def count_schools(con: duckdb.DuckDBPyConnection, la: int | None = None) -> int:
    sql = "select count(*) from schools where $la is null or la_code = $la"
    return con.execute(sql, {"la": la}).fetchone()[0]


def count_chosen(con: duckdb.DuckDBPyConnection) -> int:
    # The dashboard's macros are there, as for a query.
    return con.execute("select count(*) from chosen_schools('GWE', null, null, null)").fetchone()[0]


def add_school(con: duckdb.DuckDBPyConnection) -> None:
    con.execute("insert into schools (school_id, name, la_code, sector, language_medium, "
                "source_file) values (6609999, 'X', 660, 'primary', 'welsh', 'x')")  # fmt: skip


def test_call_runs_the_function_with_its_parameters(db: Database) -> None:
    assert db.call(count_schools) == 8
    assert db.call(count_schools, la=661) == 3  # C, D and E
    assert db.call(count_chosen) == 5


def test_call_is_served_from_the_cache(db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    assert db.call(count_schools, la=681) == 3
    monkeypatch.setattr(db_module.duckdb, "connect", lambda *a, **k: pytest.fail("opened"))
    assert db.call(count_schools, la=681) == 3


def test_call_cannot_write(db: Database) -> None:
    with pytest.raises(duckdb.Error, match="read-only"):
        db.call(add_school)


def test_call_follows_a_refresh(tmp_path: Path) -> None:
    published = build_overview_db(tmp_path / "plcnet.duckdb")
    db = Database(published)
    assert db.call(count_schools) == 8
    building = build_overview_db(tmp_path / ".plcnet.duckdb.building")
    con = duckdb.connect(str(building))
    add_school(con)
    con.close()
    os.replace(building, published)
    assert db.call(count_schools) == 9
