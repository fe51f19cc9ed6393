"""PLC names written as spreadsheet formulas reach the CSVs as text (issue 10, class 2).

The names go through the real refresh into a published database, and out again
through the real CSV callbacks of the directory and a school's page.
"""

from __future__ import annotations

import csv
import io
import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import dash
import pytest
from flask.testing import FlaskClient

from dashboard.access.signin import AccessConfig
from etl.refresh import refresh
from tests.dashboard.proxied import download_payload, serving_as

TINY = Path(__file__).resolve().parents[2] / "data" / "raw_tiny"
# The OWASP examples: each would run, or fetch, when the CSV is opened.
FORMULAS = {
    "P1": '=HYPERLINK("http://x","y")',
    "P2": "@SUM(1+1)*cmd|' /C calc'!A0",
}


@pytest.fixture(scope="module")
def formula_db(tmp_path_factory: pytest.TempPathFactory, reference_dir: Path) -> Path:
    folder = tmp_path_factory.mktemp("formulas")
    raw = folder / "raw"
    shutil.copytree(TINY, raw)
    plcs = (raw / "plcs.csv").read_text(encoding="utf-8").splitlines()
    rows = list(csv.reader(plcs))
    for row in rows[1:]:
        row[1] = FORMULAS.get(row[0], row[1])
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    (raw / "plcs.csv").write_text(out.getvalue(), encoding="utf-8")
    db = folder / "plcnet.duckdb"
    assert refresh(raw, db, reference_dir, progress=lambda _: None).status == "success"
    return db


@pytest.fixture(scope="module")
def client(app: dash.Dash, formula_db: Path) -> Iterator[FlaskClient]:
    with serving_as(app, AccessConfig(), formula_db) as server:
        yield server.test_client()


def _csv_of(client: FlaskClient, page: str, what: str, search: str, path: str) -> list[list[str]]:
    response = client.post(
        "/_dash-update-component", json=download_payload(page, what, search, path)
    )
    assert response.status_code == 200, response.get_data(as_text=True)[:300]
    sent = json.loads(response.get_data(as_text=True))["response"][f"{page}-{what}-csv"]["data"]
    return list(csv.reader(io.StringIO(sent["content"])))


def test_the_directory_csv_sends_formula_names_as_text(client: FlaskClient) -> None:
    rows = _csv_of(client, "plcs", "directory", "?year=2016/17", "/plcs")
    cells = [cell for row in rows for cell in row]
    for name in FORMULAS.values():
        assert "'" + name in cells
        assert name not in cells
    assert not any(cell.startswith(("=", "@")) for cell in cells)


def test_a_school_page_csv_sends_its_plcs_formula_name_as_text(client: FlaskClient) -> None:
    rows = _csv_of(client, "school", "plcs", "?year=2016/17", "/school/6602130")
    cells = [cell for row in rows for cell in row]
    assert "'" + FORMULAS["P1"] in cells
    assert not any(cell.startswith(("=", "@")) for cell in cells)
