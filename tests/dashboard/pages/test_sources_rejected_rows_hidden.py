"""Rows set aside from a file of member ids show nothing of a member id, to anyone.

The rows are made by the real refresh of the tiny contract files plus a memberships
file whose member_id and role columns were swapped by whoever exported it: every
row is set aside for its role, and its member id sits in the ``role`` column.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import dash
import duckdb
import pandas as pd
import pytest
from flask.testing import FlaskClient

from dashboard.access.users import DATA_TEAM, NATIONAL, User, acting_as
from dashboard.core.db import Database
from dashboard.pages.sources.data import load_data_page, load_rejected_rows
from dashboard.pages.sources.downloads import build_rejected_rows_csv
from dashboard.pages.sources.layout import build_rejected_rows_table
from etl.refresh import refresh
from tests.dashboard.components import text_of
from tests.dashboard.proxied import (
    download_payload,
    open_page,
    post_callback,
    proxy_config,
    serving_as,
)

# Header as the contract says; the values of member_id and role swapped.
SWAPPED = """plc_id,school_id,member_id,role,joined,left
P1,6602130,lead,m-aaaa,2016-09-05,
P2,6602130,member,m-5f1c0a93e2,2016-09-05,
P1,6602131,member,t-0042,2016-09-05,
"""
# m-aaaa: a member id published (raw_tiny's plc_memberships.csv); m-5f1c0a93e2: the
# shape of one; t-0042: neither, an id only its file says is a member's.
MEMBER_IDS = ("m-aaaa", "m-5f1c0a93e2", "t-0042")
# A PLC whose focus area was given a member id: a file without member ids, but a
# value that is one.
PLC_WITH_A_MEMBER_ID = (
    "plc_id,name,focus_area,scope,membership_type,start_date,end_date,lead_school_id\n"
    "P7,Wrong column,m-bbbb,between_schools,assigned,2017-09-05,,6602130\n"
)
# Member ids of rows of raw_tiny's own plc_memberships.csv set aside (role "boss",
# school "660213"): in the member_id column; and that focus area.
TINY_MEMBER_IDS = ("m-eeee", "m-ffff", "m-bbbb")

DATA_TEAM_USER = User("datateam", "datateam", frozenset({DATA_TEAM}))
NATIONAL_USER = User("analyst", "analyst", frozenset({NATIONAL}))


@pytest.fixture(scope="module")
def swapped_db(tmp_path_factory: pytest.TempPathFactory, reference_dir: Path) -> Path:
    folder = tmp_path_factory.mktemp("swapped")
    raw = folder / "raw"
    shutil.copytree(Path(__file__).parents[2] / "data" / "raw_tiny", raw)
    (raw / "memberships_export.csv").write_text(SWAPPED, encoding="utf-8")
    (raw / "plcs_export.csv").write_text(PLC_WITH_A_MEMBER_ID, encoding="utf-8")
    db = folder / "plcnet.duckdb"
    result = refresh(raw, db, reference_dir, progress=lambda _: None)
    assert result.status == "success"
    return db


@pytest.fixture(scope="module")
def client(
    app: dash.Dash, swapped_db: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[FlaskClient]:
    config = proxy_config(tmp_path_factory.mktemp("proxied-swapped"))
    with serving_as(app, config, swapped_db) as server:
        yield server.test_client()


def _swapped_rows(rows: pd.DataFrame) -> pd.DataFrame:
    return rows[rows["file_name"] == "memberships_export.csv"]


# What no one sees; the data team alone sees t-0042 (it holds the file anyway).
NEVER_SHOWN = (*MEMBER_IDS[:2], *TINY_MEMBER_IDS)


def _shows_a_member_id(text: str, ids: tuple[str, ...] = NEVER_SHOWN) -> list[str]:
    return [i for i in ids if i in text]


def test_the_refresh_sets_the_swapped_rows_aside_hiding_the_member_id_it_knows(
    swapped_db: Path,
) -> None:
    # m-aaaa is a member id of another file (read after this one): the refresh hides
    # it (etl.load.hide_member_ids_set_aside); the rest it cannot tell from other
    # values, so they are kept as found and hidden where shown.
    with duckdb.connect(str(swapped_db), read_only=True) as con:
        found = con.execute(
            "SELECT value FROM rejected_rows WHERE column_name = 'role'"
            " AND source_file LIKE '%memberships_export.csv'"
        ).fetchall()
    assert sorted(v for (v,) in found) == sorted(["[hidden: a member id]", *MEMBER_IDS[1:]])


def test_the_data_team_sees_the_rows_but_no_member_id(swapped_db: Path) -> None:
    with acting_as(DATA_TEAM_USER):
        rows = load_rejected_rows(Database(swapped_db), limit=1000)
    swapped = _swapped_rows(rows)
    role = swapped[swapped["column_name"] == "role"]
    # The id published and the id-shaped value are hidden for what they look like...
    looks = role[role["hidden_because"] == "looks_like_member_id"]
    assert len(looks) == 2 and looks["value"].isna().all()
    # ...the id only the file knows is the data team's to see (they hold the file).
    assert role["value"].dropna().tolist() == ["t-0042"]
    # The member_id column stays hidden for everyone; other values of the file show.
    assert rows[rows["column_name"] == "member_id"]["value"].isna().all()
    shown = rows["value"].dropna().tolist()
    assert "boss" in shown and "660213" in shown
    assert _shows_a_member_id(" ".join(shown)) == []


def test_anyone_else_sees_no_value_of_a_file_of_member_ids(swapped_db: Path) -> None:
    with acting_as(NATIONAL_USER):
        rows = load_rejected_rows(Database(swapped_db), limit=1000)
        page = load_data_page(Database(swapped_db))
    members = rows[rows["table_name"] == "plc_memberships"]
    assert len(members) >= 5 and members["value"].isna().all()
    assert set(members["hidden_because"]) <= {"member_file", "member_id"}
    # Rows of other files still show their values (a PLC's bad focus area), but not a
    # member id given as one.
    assert "knitting" in rows["value"].dropna().tolist()
    lead = rows[rows["file_name"] == "plcs_export.csv"]
    assert lead["hidden_because"].tolist() == ["looks_like_member_id"]
    # And the page itself reads no refresh details at all for them.
    assert not page.details and page.rejected_rows.empty


@pytest.mark.parametrize("lang", ["en", "cy"])
def test_the_table_and_csv_say_why_a_value_is_hidden(swapped_db: Path, lang: str) -> None:
    with acting_as(DATA_TEAM_USER):
        data = load_data_page(Database(swapped_db))
    table = text_of(build_rejected_rows_table(data.rejected_rows, lang))
    csv_text = build_rejected_rows_csv(data, lang)
    assert _shows_a_member_id(table) == [] and _shows_a_member_id(csv_text) == []
    looks = {"en": "Hidden (looks like a member id)", "cy": "Wedi'i guddio (edrych fel"}[lang]
    assert looks in table and looks in csv_text


@pytest.mark.parametrize("user", ["datateam", "analyst", "cardiff", "admin"])
def test_through_the_server_no_member_id_reaches_any_role(client: FlaskClient, user: str) -> None:
    hidden = NEVER_SHOWN if user == "datateam" else (*MEMBER_IDS, *TINY_MEMBER_IDS)
    page = open_page(client, user, "/data")
    assert _shows_a_member_id(page, hidden) == []
    payload = download_payload("data", "rejected-rows", "", "/data")
    status, body = post_callback(client, user, payload)
    assert _shows_a_member_id(body, hidden) == []
    if user == "datateam":
        assert status == 200 and "memberships_export.csv" in body and "t-0042" in body
        assert "memberships_export.csv" in page
    else:
        assert status == 204 and "memberships_export.csv" not in page
