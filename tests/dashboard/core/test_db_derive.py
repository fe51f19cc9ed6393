"""Database.derive: what a page derives from several queries, worked out once per
published file, user's scope and key."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import duckdb
import pytest

from dashboard.access.users import User, acting_as
from dashboard.core.db import Database
from dashboard.core.db_check import check_published_file
from dashboard.core.filters import load_choices
from tests.dashboard.fixtures import build_overview_db

CARDIFF = User("cardiff", "cardiff", frozenset({"la:681"}))


class Counter:
    """A build that counts its runs and reads the schools of the user's scope."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self.runs = 0

    def __call__(self) -> int:
        self.runs += 1
        return len(self.db.query("network__visible"))


def test_derive_builds_once_per_key(db: Database) -> None:
    build = Counter(db)
    assert db.derive(build, "visible") == db.derive(build, "visible") == 8
    assert build.runs == 1
    db.derive(build, "visible", "other key")
    assert build.runs == 2


def test_derive_keeps_one_result_per_scope(db: Database) -> None:
    build = Counter(db)
    everything = db.derive(build, "visible")
    with acting_as(CARDIFF):
        cardiff = db.derive(build, "visible")
    assert (everything, cardiff) == (8, 3)
    assert build.runs == 2


def test_derive_follows_a_refresh(tmp_path: Path) -> None:
    published = build_overview_db(tmp_path / "plcnet.duckdb")
    db = Database(published)
    build = Counter(db)
    assert db.derive(build, "visible") == 8
    building = build_overview_db(tmp_path / ".plcnet.duckdb.building")
    con = duckdb.connect(str(building))
    con.execute("insert into schools (school_id, name, la_code, sector, language_medium, "
                "source_file) values (6609999, 'X', 660, 'primary', 'welsh', 'x')")  # fmt: skip
    con.close()
    os.replace(building, published)
    assert db.derive(build, "visible") == 9
    assert build.runs == 2


def test_choices_are_read_once_per_file_and_scope(db: Database) -> None:
    assert load_choices(db) is load_choices(db)
    with acting_as(CARDIFF):
        cardiff = load_choices(db, detail=True)
        assert cardiff is load_choices(db, detail=True)
    assert sorted(cardiff.las["la_code"]) == [681]
    assert sorted(load_choices(db, detail=True).las["la_code"]) == [660, 661, 681]


def test_while_a_new_file_is_checked_the_old_one_keeps_answering(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    published = build_overview_db(tmp_path / "plcnet.duckdb")
    db = Database(published)
    old = db.in_service()
    checking, release = threading.Event(), threading.Event()

    def slow_check(*args: object) -> None:
        checking.set()
        assert release.wait(10)
        check_published_file(*args)

    monkeypatch.setattr("dashboard.core.db.check_published_file", slow_check)
    os.replace(build_overview_db(tmp_path / ".plcnet.duckdb.building"), published)
    opener = threading.Thread(target=db.in_service)
    opener.start()
    assert checking.wait(10)
    # One thread checks the new file; the others answer from the old one, not waiting.
    assert db.in_service() == old
    assert len(db.query("network__visible")) == 8
    release.set()
    opener.join(10)
    assert db.in_service() == db.identity() != old
