"""The data catalogue of /data (issue 12, item 11): every published table's public part
as a tidy CSV, readable with the documented options, its columns those of the data
guidance, its symbols (c, z, x) where official statistics put them, and each user's
files holding what the pages show them: schools and PLCs of their area only, member ids
never.

The files come through the real download callbacks of the session's app on the
hand-made database of tests/dashboard/fixtures.py, whose users are named by a trusted
proxy's headers.
"""

from __future__ import annotations

import io
import ipaddress
import json
from collections.abc import Iterator
from pathlib import Path

import dash
import duckdb
import flask
import pandas as pd
import pytest

from dashboard.access.signin import AccessConfig
from dashboard.pages.sources.catalogue import TABLES
from tests.dashboard.proxied import download_payload, serving_as

ROLES = {"analysts": frozenset({"national"}), "cardiff-la": frozenset({"la:681"})}
GROUPS = {"analyst": "analysts", "cardiff": "cardiff-la"}
PROXY = {"REMOTE_ADDR": "127.0.0.1"}
KEYS = [table.key for table in TABLES]


@pytest.fixture(scope="module")
def proxied(app: dash.Dash) -> Iterator[flask.Flask]:
    config = AccessConfig(
        mode="proxy", roles=ROLES, trusted_proxies=(ipaddress.ip_network("127.0.0.1/32"),)
    )
    with serving_as(app, config) as server:
        yield server


def download(server: flask.Flask, user: str, what: str, lang: str = "en") -> tuple[str, str]:
    """The name and text of the catalogue file ``what`` as ``user`` downloads it."""
    payload = download_payload("data", what, f"?lang={lang}", "/data")
    response = server.test_client().post(
        "/_dash-update-component",
        json=payload,
        headers={"X-Forwarded-User": user, "X-Forwarded-Groups": GROUPS[user]},
        environ_base=PROXY,
    )
    assert response.status_code == 200, response.get_data(as_text=True)[:300]
    data = json.loads(response.get_data(as_text=True))["response"][f"data-{what}-csv"]["data"]
    return data["filename"], data["content"]


def read(text: str) -> pd.DataFrame:
    """A catalogue file read as its block of notes says (pandas, comment="#")."""
    return pd.read_csv(io.StringIO(text), comment="#", dtype=str, keep_default_na=False)


@pytest.mark.parametrize("lang", ["en", "cy"])
def test_every_file_reads_back_with_the_columns_of_the_guidance(
    proxied: flask.Flask, lang: str, tmp_path: Path
) -> None:
    _, guidance_text = download(proxied, "analyst", "catalogue-guidance", lang)
    guidance = read(guidance_text)
    file_column, column_column = guidance.columns[:2]
    for key in KEYS:
        name, text = download(proxied, "analyst", f"catalogue-{key}", lang)
        frame = read(text)
        described = guidance[guidance[file_column] == key][column_column].tolist()
        assert list(frame.columns) == described, key
        assert len(frame) > 0, key
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        in_duckdb = duckdb.connect().execute(
            "select * from read_csv($p, comment = '#', header = true, all_varchar = true)",
            {"p": str(path)},
        )
        assert [c[0] for c in in_duckdb.description] == described, key
        assert len(in_duckdb.fetchall()) == len(frame), key
    # Every column is described: what, unit (and the symbols where any may appear).
    assert (guidance.iloc[:, 3] != "").all() and (guidance.iloc[:, 4] != "").all()


def test_the_files_are_named_in_the_pages_language(proxied: flask.Flask) -> None:
    english, _ = download(proxied, "analyst", "catalogue-schools", "en")
    welsh, _ = download(proxied, "analyst", "catalogue-schools", "cy")
    assert english.startswith("plcnet-data-catalogue-schools-")
    assert welsh.startswith("plcnet-data-catalog-ysgolion-")


def test_a_plc_under_five_members_is_c_by_hand(proxied: flask.Flask) -> None:
    """P1 in 2018/19 (fixtures.py): 3 member schools, 3 members, attendance 8 over its
    activities. Members, attendance, attendance per member and the health score that
    uses it are "c"; the schools, a count of schools, stay."""
    plcs = read(download(proxied, "analyst", "catalogue-plcs")[1])
    row = plcs[(plcs["plc_id"] == "P1") & (plcs["year"] == "2018/19")].iloc[0]
    assert row["plc_schools"] == "3"
    assert row["n_members"] == "c"
    assert row["attendance"] == "c"
    assert row["activity_per_member"] == "c"
    assert row["health_score"] == "c"
    assert row["focus_area"] == "literacy" and row["focus_area_name"] == "Literacy"


def test_an_isolated_school_has_no_community_z_and_codes_beside_labels(
    proxied: flask.Flask,
) -> None:
    """6614001 is isolated in 2018/19 (no community: not applicable); 6612001 is tied."""
    schools = read(download(proxied, "analyst", "catalogue-schools", "cy")[1])
    isolated = schools[(schools["school_id"] == "6614001") & (schools["year"] == "2018/19")]
    assert isolated.iloc[0]["is_isolate"] == "true"
    assert isolated.iloc[0]["community_id"] == "z"
    tied = schools[(schools["school_id"] == "6612001") & (schools["year"] == "2018/19")]
    assert tied.iloc[0]["degree"] == "4"
    assert tied.iloc[0]["support_category"] == "yellow"
    assert tied.iloc[0]["support_category_name"] == "Melyn"
    assert tied.iloc[0]["la_code"] == "661"


def test_a_cardiff_user_gets_cardiff_schools_and_every_las_figures(
    proxied: flask.Flask,
) -> None:
    schools = read(download(proxied, "cardiff", "catalogue-schools")[1])
    assert set(schools["la_code"]) == {"681"}
    assert set(schools["school_id"]) == {"6812001", "6812002", "6814001"}
    national = read(download(proxied, "analyst", "catalogue-schools")[1])
    assert len(national) == 24 and set(national["la_code"]) == {"660", "661", "681"}
    # PLCs: those with a Cardiff member or lead (P2, P3, P4, P6), never P1 or P5.
    plcs = read(download(proxied, "cardiff", "catalogue-plcs")[1])
    assert set(plcs["plc_id"]) == {"P2", "P3", "P4", "P6"}
    # The aggregates are everyone's, as on the regions page.
    groups = read(download(proxied, "cardiff", "catalogue-groups")[1])
    assert {"660", "661", "681"} <= set(groups["group_code"])


def test_no_member_id_is_ever_in_a_catalogue_file(proxied: flask.Flask, db_path: Path) -> None:
    con = duckdb.connect(str(db_path), read_only=True)
    try:
        rows = con.execute("select member_id from plc_memberships").fetchall()
        member_ids = {row[0] for row in rows}
    finally:
        con.close()
    assert member_ids
    for key in KEYS:
        text = download(proxied, "analyst", f"catalogue-{key}")[1]
        assert "member_id" not in text
        assert not [m for m in member_ids if m in text], key


@pytest.fixture
def db_path(overview_db_path: Path) -> Path:
    return overview_db_path
