"""Failed refreshes on /data (issue 10, class 3, the dashboard's part): the data team
sees each refresh that failed since the data in service, with its message, in a notice
at the top and in the refresh history; no one else does (DESIGN.md, "Who may see
what": the refresh history is the data team's).

A real refresh through the real CLI (tests/etl/cli_run.py) publishes the tiny raw
folder, then a second stops on a contract file missing a required column: the failure
is only in the run log beside the database, which the page reads with care (its tail
only; a missing log, a line cut short, lines that are not JSON or not of the expected
types, markup or SQL in a message: the page stands and shows text).
"""

from __future__ import annotations

import json
import shutil
from dataclasses import dataclass
from pathlib import Path

import dash
import pytest

from dashboard.i18n import t
from dashboard.pages.sources.run_log import TAIL_BYTES
from etl.publish import run_log_path
from tests.csv_files import csv_lines
from tests.dashboard.proxied import (
    PROXY,
    download_payload,
    headers_of,
    open_page,
    post_callback,
    proxy_config,
    serving_as,
)
from tests.etl.cli_run import query, run_refresh, sha256, tiny_raw


@dataclass(frozen=True)
class Refreshed:
    """A published database with one failed refresh after it."""

    folder: Path
    db: Path
    raw: Path
    published_run: str
    failed_run: str
    message: str


def _drop_column(path: Path, column: str) -> None:
    """The CSV at ``path`` without ``column`` (a sender's export that lost one)."""
    lines = path.read_text(encoding="utf-8").splitlines()
    index = lines[0].split(",").index(column)
    kept = [",".join(f for i, f in enumerate(line.split(",")) if i != index) for line in lines]
    path.write_text("\n".join(kept) + "\n", encoding="utf-8")


def _records(db: Path) -> list[dict]:
    lines = run_log_path(db).read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines]


@pytest.fixture(scope="module")
def refreshed(tmp_path_factory: pytest.TempPathFactory) -> Refreshed:
    folder = tmp_path_factory.mktemp("failed-refresh")
    raw = tiny_raw(folder)
    db = folder / "published" / "plcnet.duckdb"
    db.parent.mkdir()
    first = run_refresh(raw, db)
    assert first.returncode == 0, first.stderr
    before = sha256(db)
    _drop_column(raw / "plcs.csv", "focus_area")
    failed = run_refresh(raw, db)
    assert failed.returncode != 0
    assert "plcs.csv" in failed.stderr and "focus_area" in failed.stderr, failed.stderr
    assert sha256(db) == before, "a failed refresh must leave the published file as it was"
    published, stopped = _records(db)
    assert (published["status"], stopped["status"]) == ("success", "failed")
    return Refreshed(
        folder, db, raw, published["run_id"], stopped["run_id"], stopped["message"].strip()
    )


def _data_page(app: dash.Dash, db: Path, folder: Path, user: str, lang: str = "en") -> str:
    with serving_as(app, proxy_config(folder), db=db) as server:
        return open_page(server.test_client(), user, "/data", f"?lang={lang}")


@pytest.mark.parametrize("lang", ["en", "cy"])
def test_the_data_team_sees_the_failed_refresh_and_its_message(
    app: dash.Dash, refreshed: Refreshed, tmp_path: Path, lang: str
) -> None:
    page = _data_page(app, refreshed.db, tmp_path, "datateam", lang)
    assert t("data.failed_label", lang) in page
    # The refresh's own message: the file, the column and what to do.
    assert refreshed.message in page
    assert "plcs.csv" in refreshed.message and "focus_area" in refreshed.message
    (finished,) = query(refreshed.db, "select finished_at from etl_runs")[0]
    shown = t("data.failed_shown", lang, time=f"{finished:%Y-%m-%d %H:%M}")
    assert shown in page
    # In the history too, newest first, marked as failed.
    assert refreshed.failed_run in page and refreshed.published_run in page
    assert page.index(refreshed.failed_run) < page.index(refreshed.published_run)
    assert t("data.outcome_failed", lang) in page
    assert t("data.runs_caption_failed", lang, count=1, failed=1) in page


@pytest.mark.parametrize("user", ["cardiff", "analyst"])
def test_no_one_but_the_data_team_sees_failed_refreshes(
    app: dash.Dash, refreshed: Refreshed, tmp_path: Path, user: str
) -> None:
    page = _data_page(app, refreshed.db, tmp_path, user)
    assert t("data.details_data_team_only", "en") in page
    for secret in (t("data.failed_label", "en"), refreshed.message, refreshed.failed_run):
        assert secret not in page
    assert "plcs.csv" not in page


def test_the_runs_csv_lists_the_failed_refresh(
    app: dash.Dash, refreshed: Refreshed, tmp_path: Path
) -> None:
    with serving_as(app, proxy_config(tmp_path), db=refreshed.db) as server:
        payload = download_payload("data", "runs", "", "/data")
        status, body = post_callback(server.test_client(), "datateam", payload)
    assert status == 200, body
    csv = json.loads(body)["response"]["data-runs-csv"]["data"]["content"]
    # Below the provenance block: the header, then the runs.
    lines = csv_lines(csv)
    assert lines[1].startswith(refreshed.failed_run) and refreshed.message in lines[1]
    assert lines[2].startswith(refreshed.published_run)


@pytest.mark.parametrize("lang", ["en", "cy"])
def test_the_page_loads_through_the_server_with_the_notice(
    app: dash.Dash, refreshed: Refreshed, tmp_path: Path, lang: str
) -> None:
    with serving_as(app, proxy_config(tmp_path), db=refreshed.db) as server:
        response = server.test_client().get(
            f"/data?lang={lang}",
            headers=headers_of("datateam"),
            environ_base={"REMOTE_ADDR": PROXY},
        )
    assert response.status_code == 200
    assert f'<html lang="{lang}">' in response.get_data(as_text=True)


def test_a_later_successful_refresh_clears_the_notice(
    app: dash.Dash, refreshed: Refreshed, tmp_path: Path
) -> None:
    folder = tmp_path / "again"
    shutil.copytree(refreshed.folder, folder)
    db = folder / "published" / "plcnet.duckdb"
    raw = tiny_raw(tmp_path / "fixed")  # the column back
    assert run_refresh(raw, db).returncode == 0
    page = _data_page(app, db, tmp_path, "datateam")
    assert t("data.failed_label", "en") not in page
    assert refreshed.failed_run not in page, "a failure before the data shown is history"
    # Every refresh listed was published: no outcome or message columns to read past.
    assert t("data.column_outcome", "en") not in page
    assert refreshed.published_run in page


def _failed_line(refreshed: Refreshed, **changes: object) -> str:
    record = {**_records(refreshed.db)[1], **changes}
    return json.dumps(record) + "\n"


def _append(path: Path, data: bytes) -> None:
    with path.open("ab") as handle:
        handle.write(data)


# Each damage to the run log, and the failed run ids the page must then show.
def _missing(log: Path, refreshed: Refreshed) -> list[str]:
    log.unlink()
    return []


def _cut_short(log: Path, refreshed: Refreshed) -> list[str]:
    line = _failed_line(refreshed, run_id="cut-short-run")
    _append(log, line[: len(line) // 2].encode())  # a refresh killed mid-write
    return [refreshed.failed_run]


def _not_json(log: Path, refreshed: Refreshed) -> list[str]:
    _append(log, b'not json at all\n\xff\xfe\x00 binary\n[1, 2]\n"failed"\n')
    return [refreshed.failed_run]


def _wrong_types(log: Path, refreshed: Refreshed) -> list[str]:
    lines = [
        _failed_line(refreshed, run_id=5),
        _failed_line(refreshed, run_id="bad-time", started_at="yesterday"),
        _failed_line(refreshed, run_id="bad-seconds", seconds="NaN", message=["a", "list"]),
    ]
    _append(log, "".join(lines).encode())
    return ["bad-seconds", refreshed.failed_run]


def _huge(log: Path, refreshed: Refreshed) -> list[str]:
    filler = _records(refreshed.db)[0]
    text = log.read_text(encoding="utf-8")
    lines = [json.dumps({**filler, "run_id": f"old-{i}"}) + "\n" for i in range(3000)]
    log.write_text("".join(lines) + text, encoding="utf-8")
    assert log.stat().st_size > 4 * TAIL_BYTES
    return [refreshed.failed_run]


def _markup_and_sql(log: Path, refreshed: Refreshed) -> list[str]:
    message = "<script>alert(1)</script><img src=x onerror=alert(2)> '); DROP TABLE etl_runs; --"
    _append(log, _failed_line(refreshed, run_id="markup-run", message=message).encode())
    return ["markup-run", refreshed.failed_run]


DAMAGES = {
    "missing": _missing,
    "last line cut short": _cut_short,
    "lines not json": _not_json,
    "fields of the wrong type": _wrong_types,
    "huge": _huge,
    "markup and sql in a message": _markup_and_sql,
}


@pytest.mark.parametrize("damage", sorted(DAMAGES))
def test_a_damaged_run_log_never_breaks_the_page(
    app: dash.Dash, refreshed: Refreshed, tmp_path: Path, damage: str
) -> None:
    folder = tmp_path / "copy"
    shutil.copytree(refreshed.folder, folder)
    db = folder / "published" / "plcnet.duckdb"
    before = sha256(db)
    shown = DAMAGES[damage](run_log_path(db), refreshed)
    page = _data_page(app, db, tmp_path, "datateam")  # answered 200, as JSON
    components = json.loads(page)
    for run_id in shown:
        assert run_id in page
    assert (t("data.failed_label", "en") in page) == bool(shown)
    for absent in ("cut-short-run", "bad-time", "old-0"):
        assert absent not in page
    if damage == "markup and sql in a message":
        # Text in a component's children (React escapes it), never a component.
        assert "<script>alert(1)</script>" in _texts(components)
        assert '"type": "Script"' not in page and '"type": "Img"' not in page
        assert query(db, "select count(*) from etl_runs")[0][0] == 1
    assert sha256(db) == before


def _texts(component: object) -> str:
    """Every string in a Dash JSON tree, joined."""
    if isinstance(component, str):
        return component
    if isinstance(component, list):
        return " ".join(_texts(child) for child in component)
    if isinstance(component, dict):
        return " ".join(_texts(value) for value in component.values())
    return ""
