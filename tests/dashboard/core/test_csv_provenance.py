"""Every CSV a page serves says where it came from, writes its numbers as numbers and
its suppressed values as "c", and is named in the page's language (issue 12, items 10
and 14).

The files come through the real download callbacks of the session's app, every one
that a page registered (views.DOWNLOADS), on the hand-made published database of
tests/dashboard/fixtures.py (demonstration outcomes, every PLC under 5 members).
"""

from __future__ import annotations

import io
import json
import re
from collections.abc import Iterator
from datetime import datetime

import dash
import duckdb
import pandas as pd
import pytest
from flask.testing import FlaskClient

from dashboard.access.signin import AccessConfig
from dashboard.core import views
from dashboard.core.downloads import add_comment_block, name_in_language, write_csv
from dashboard.core.provenance import Provenance, describe_export, list_csv_provenance
from dashboard.core.views import RegisteredDownload
from tests.csv_files import split_provenance
from tests.dashboard.proxied import download_payload, serving_as

# The thing of each page of one thing in the fixture database.
SUBJECT_PATHS = {"school": "/school/6612001", "plc": "/plc/P1"}
PAGE_PATHS = {"overview": "/", "data": "/data"}
# Scientific notation as Python writes it: 1e-05, 1.07e-06, 2E+10.
SCIENTIFIC = re.compile(r"^[-+]?\d+(\.\d+)?[eE][-+]?\d+$")


@pytest.fixture(scope="module")
def client(app: dash.Dash) -> Iterator[FlaskClient]:
    with serving_as(app, AccessConfig()) as server:
        yield server.test_client()


def _path_of(download: RegisteredDownload) -> str:
    return SUBJECT_PATHS.get(download.page) or PAGE_PATHS.get(download.page, f"/{download.page}")


def fetch_csv(client: FlaskClient, download: RegisteredDownload, lang: str) -> tuple[str, str]:
    """The file name and text the CSV button of ``download`` sends, for 2018/19."""
    search = f"?year=2018/19&lang={lang}"
    payload = download_payload(download.page, download.what, search, _path_of(download))
    response = client.post("/_dash-update-component", json=payload)
    assert response.status_code == 200, (download, response.get_data(as_text=True)[:300])
    sent = json.loads(response.get_data(as_text=True))["response"]
    data = sent[f"{download.page}-{download.what}-csv"]["data"]
    return data["filename"], data["content"]


def _every_download() -> list[RegisteredDownload]:
    """The CSVs the pages registered when the session's app imported them."""
    assert views.DOWNLOADS, "use the app fixture: the pages register as it imports them"
    return list(views.DOWNLOADS)


@pytest.fixture(scope="module")
def refresh_id(overview_db_path: object) -> str | None:
    con = duckdb.connect(str(overview_db_path), read_only=True)
    try:
        row = con.execute(
            "select run_id from etl_runs where status = 'success' order by finished_at desc"
        ).fetchone()
    finally:
        con.close()
    return None if row is None else str(row[0])


@pytest.mark.usefixtures("app")
def test_every_page_registers_its_csvs() -> None:
    pages = {d.page for d in _every_download()}
    assert {"overview", "regions", "network", "plcs", "plc", "school", "impact", "data"} <= pages


@pytest.mark.parametrize("lang", ["en", "cy"])
def test_every_csv_carries_its_provenance_and_reads_back(
    client: FlaskClient, lang: str, refresh_id: str | None
) -> None:
    for download in _every_download():
        name, text = fetch_csv(client, download, lang)
        block, body = split_provenance(text)
        assert block[1] == ("# File: " if lang == "en" else "# Ffeil: ") + name
        assert any(("?year=2018/19" in line and _path_of(download) in line) for line in block)
        as_at = "refresh" if lang == "en" else "adnewyddiad"
        if refresh_id is not None:
            assert any(f"{as_at} {refresh_id}" in line for line in block), name
        demo = "Demonstration data:" if lang == "en" else "Data enghreifftiol:"
        assert any(line.startswith(f"# {demo}") for line in block), name
        assert any("c = " in line for line in block), name
        # Read as the block says: pandas with comment="#" gets the header and every row.
        frame = pd.read_csv(io.StringIO(text), comment="#", dtype=str, keep_default_na=False)
        assert len(frame) == len(body) - 1, name
        cells = frame.to_numpy().ravel().tolist()
        assert not [c for c in cells if SCIENTIFIC.match(c)], name


def test_a_csv_reads_in_duckdb_with_the_documented_option(
    client: FlaskClient, tmp_path: object
) -> None:
    download = RegisteredDownload("network", "schools", (), False)
    _, text = fetch_csv(client, download, "en")
    path = tmp_path / "schools.csv"  # type: ignore[operator]
    path.write_text(text, encoding="utf-8")
    con = duckdb.connect()
    frame = con.execute(
        "select * from read_csv($p, comment = '#', header = true)", {"p": str(path)}
    ).df()
    expected = pd.read_csv(path, comment="#")
    assert list(frame.columns) == list(expected.columns)
    assert len(frame) == len(expected) > 0


def test_every_csv_is_named_in_the_pages_language(client: FlaskClient) -> None:
    for download in _every_download():
        english, _ = fetch_csv(client, download, "en")
        welsh, _ = fetch_csv(client, download, "cy")
        page = name_in_language(download.page, "cy")
        what = name_in_language(download.what, "cy")
        assert f"-{page}-" in welsh and f"-{what}-" in welsh, welsh
        # Every page and chart has its Welsh word (its own, or one Welsh shares with
        # English: "data", "map", "system").
        assert download.what in {"map", "system"} or what != download.what, download
        assert download.page == "data" or page != download.page, download
        assert english != welsh


def test_suppressed_values_are_c_in_a_plcs_csvs(client: FlaskClient) -> None:
    """P1 has 3 members in 2018/19: its members, attendance, attendance per member and
    health score are "c", never an empty cell."""
    plc = RegisteredDownload("plc", "activity", ("year",), True)
    _, text = fetch_csv(client, plc, "en")
    frame = pd.read_csv(io.StringIO(text), comment="#", dtype=str, keep_default_na=False)
    row = frame[frame["Year"] == "2018/19"].iloc[0]
    assert row["Members"] == "c"
    assert row["Attendance"] == "c"
    assert row["Attendance per member"] == "c"
    health = RegisteredDownload("plc", "health", ("year",), True)
    _, text = fetch_csv(client, health, "en")
    frame = pd.read_csv(io.StringIO(text), comment="#", dtype=str, keep_default_na=False)
    assert set(frame["Health score"]) == {"c"}
    assert set(frame["Attendance per member"]) == {"c"}


def test_a_hash_in_a_value_is_quoted_so_readers_keep_it() -> None:
    text = add_comment_block(write_csv(["name", "n"], [["Cluster #3", 1.07e-06]]), ["a note"])
    assert text.splitlines() == ["# a note", "name,n", '"Cluster #3",0.00000107']
    frame = pd.read_csv(io.StringIO(text), comment="#")
    assert frame.iloc[0]["name"] == "Cluster #3"
    assert frame.iloc[0]["n"] == pytest.approx(1.07e-06)


def test_real_data_carry_no_demo_caveat_and_demo_data_do() -> None:
    when = datetime(2019, 9, 1, 10, 16)
    real = describe_export(Provenance(False, "20190901T101500-a1b2", when), "en")
    demo = describe_export(Provenance(True, "20190901T101500-a1b2", when), "en")
    assert real.caveat is None and demo.caveat is not None
    lines = list_csv_provenance(
        real, "en", title="plcnet: Regions", file_name="f.csv", url="/regions", where=None
    )
    assert not any("Demonstration" in line for line in lines)
    assert "Data as at 1 September 2019 10:16 · refresh 20190901T101500-a1b2" in lines
    with_demo = list_csv_provenance(
        demo, "en", title="plcnet: Regions", file_name="f.csv", url="/regions", where=None
    )
    assert sum(line.startswith("Demonstration data:") for line in with_demo) == 1


@pytest.mark.parametrize(
    ("word", "welsh"),
    [
        ("headlines", "penawdau"),
        ("rejected-rows", "rhesi-gwrthodwyd"),
        ("catalogue-schools", "catalog-ysgolion"),
        ("audit-log", "archwilio-cofnod"),
        ("GWE", "GWE"),
    ],
)
def test_file_name_words_in_welsh(word: str, welsh: str) -> None:
    assert name_in_language(word, "cy") == welsh
    assert name_in_language(word, "en") == word


@pytest.mark.parametrize(
    "text",
    ["name,n\nA,1\n", "# plcnet\nname,n\n# stray\nA,1\n", "# not ours\nname,n\n"],
)
def test_the_tests_reader_refuses_a_csv_without_its_block_above_the_table(text: str) -> None:
    # tests/csv_files.py, which every CSV test reads through, browser tests too.
    with pytest.raises(AssertionError):
        split_provenance(text)
    assert split_provenance("# plcnet\n# File: x.csv\nname,n\nA,1\n") == (
        ["# plcnet", "# File: x.csv"],
        ["name,n", "A,1"],
    )
