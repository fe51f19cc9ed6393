"""The dashboard's database access: read-only, by named query, following refreshes."""

from __future__ import annotations

import os
import re
from pathlib import Path

import duckdb
import pytest

from dashboard.core.db import PAGES_DIR, QUERIES_DIR, Database, DatabaseMissingError
from tests.dashboard.fixtures import build_overview_db


def test_named_query_takes_parameters(db: Database) -> None:
    frame = db.query("overview__yearly", consortium="CSC", la=None, sector=None, medium=None)
    assert frame["schools"].tolist() == [3, 3, 3]


def test_results_are_copies(db: Database) -> None:
    frame = db.query("shell__years")
    frame.loc[0, "year"] = "changed"
    assert db.query("shell__years").loc[0, "year"] == "2016/17"


def test_unknown_query_is_refused(db: Database) -> None:
    with pytest.raises(ValueError, match="no query named"):
        db.query("../etl/secrets")


def test_missing_database_is_named(tmp_path: Path) -> None:
    with pytest.raises(DatabaseMissingError, match=r"nope\.duckdb"):
        Database(tmp_path / "nope.duckdb").query("shell__years")


def _files_held_open(path: Path) -> list[str]:
    """The files of this process's open descriptors that are ``path`` or were, once."""
    held = []
    for fd in Path("/proc/self/fd").iterdir():
        try:
            target = os.readlink(fd)
        except OSError:
            continue
        if target.startswith(str(path)):
            held.append(target)
    return held


def test_keeps_one_open_file_between_queries(db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    db.query("shell__years")
    monkeypatch.setattr(duckdb, "connect", lambda *a, **k: pytest.fail("opened again"))
    assert len(db.query("shell__regions")) == 3
    assert db.call(lambda con: con.execute("select count(*) from schools").fetchone()[0]) > 0


def test_a_query_running_across_a_refresh_finishes_on_the_old_file(tmp_path: Path) -> None:
    published = build_overview_db(tmp_path / "plcnet.duckdb")
    db = Database(published)
    building = build_overview_db(tmp_path / "next.building", outcome_source="published")
    is_demo = "select bool_and(source = 'demo') from school_outcomes"

    def refresh_midway(con: duckdb.DuckDBPyConnection) -> tuple[bool, bool, bool]:
        before = con.execute(is_demo).fetchone()[0]
        os.replace(building, published)
        elsewhere = db.query("shell__provenance").loc[0, "is_demo"]
        after = con.execute(is_demo).fetchone()[0]
        return before, elsewhere, after

    assert db.call(refresh_midway) == (True, False, True)
    # Once the last query on it has finished, the replaced file is let go.
    assert _files_held_open(published) == [str(published)]


def test_connection_is_read_only(overview_db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db = Database(overview_db_path)
    monkeypatch.setattr("dashboard.core.db.read_query", lambda name: "CREATE TABLE x (a INTEGER)")
    with pytest.raises(duckdb.Error, match="read-only"):
        db.query("shell__years")  # a query listed as aggregate-only, so that it runs


def test_follows_a_refresh_swapped_in_by_rename(tmp_path: Path) -> None:
    published = build_overview_db(tmp_path / "plcnet.duckdb")
    db = Database(published)
    assert db.query("shell__provenance").loc[0, "is_demo"]
    # The ETL builds the new file beside the old one and renames it over it.
    building = build_overview_db(
        tmp_path / ".plcnet.duckdb.run2.building", outcome_source="published"
    )
    os.replace(building, published)
    assert not db.query("shell__provenance").loc[0, "is_demo"]


def test_repeated_query_is_served_from_the_cache(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    db.query("shell__regions")
    monkeypatch.setattr(db, "_run", lambda *args: pytest.fail("ran again"))
    assert len(db.query("shell__regions")) == 3


QUERY_FILES = sorted(QUERIES_DIR.glob("*.sql")) + sorted(PAGES_DIR.glob("*/queries/*.sql"))


@pytest.mark.parametrize("path", QUERY_FILES, ids=lambda p: f"{p.parent.parent.name}/{p.name}")
def test_queries_are_parameterised_not_formatted(path: Path) -> None:
    sql = path.read_text(encoding="utf-8")
    assert not re.search(r"\{[a-z_]*\}|%s|%\(", sql), "values go in as $name parameters"
    # pages/<page>/queries/<what>.sql for a page with a page.py; core/queries holds the
    # shell's (shell__<what>.sql) and _macros.sql, the macros every query may use
    if path.parent == QUERIES_DIR:
        assert re.fullmatch(r"shell__[a-z_]+\.sql|_macros\.sql", path.name)
    else:
        assert re.fullmatch(r"[a-z_]+\.sql", path.name)
        assert (path.parent.parent / "page.py").is_file()
