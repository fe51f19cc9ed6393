"""A damaged published database (issue 10, class 10): the dashboard checks each file
when it opens it, keeps serving the last good one, and with none shows a plain page
that says the data cannot be read (HTTP 503), the data team told once per file.

The published file is a copy of the hand-made fixture database (tests/dashboard/
fixtures.py), spoiled three ways as a failed copy, a wrong file or a failing disk
would: cut to half its size, replaced by bytes that are no database, and a block that
holds table data overwritten in the middle with random bytes. Each is asserted
through the session's real app and Flask server (tests/dashboard/proxied.py).
"""

from __future__ import annotations

import json
import logging
import os
import random
import shutil
from collections.abc import Callable
from pathlib import Path

import dash
import duckdb
import pytest
from flask.testing import FlaskClient

from dashboard.core.db import Database, DatabaseUnreadableError
from dashboard.core.db_check import EXPECTED_TABLES, HEADER_BYTES
from dashboard.i18n import t
from tests.dashboard.proxied import (
    PROXY,
    headers_of,
    open_page,
    post_callback,
    proxy_config,
    router_payload,
    serving_as,
)

LATEST_RUN = "20190901T101500-a1b2"  # the fixture's latest successful refresh
PAGES = ("/", "/regions", "/network", "/data", "/school/6612001")
UNREADABLE_EN = "The data cannot be read just now; the data team has been told."
UNREADABLE_CY = "Ni ellir darllen y data ar hyn o bryd; mae'r tîm data wedi cael gwybod."


def _truncate_to_half(path: Path) -> None:
    os.truncate(path, path.stat().st_size // 2)


def _replace_with_other_bytes(path: Path) -> None:
    # What a wrong file copied into place looks like: text, then noise.
    noise = random.Random(10).randbytes(64 * 1024)
    path.write_bytes(b"school_id,name\n6612001,Ysgol Gymraeg\n" + noise)


def _data_block_in_the_middle(path: Path) -> int:
    """The middle one of the blocks that hold the data of the tables the pages read."""
    with duckdb.connect(":memory:") as con:
        con.execute("ATTACH $path AS db (READ_ONLY)", {"path": str(path)})
        blocks = sorted(
            {
                block
                for table in EXPECTED_TABLES
                for (block,) in con.execute(
                    "select distinct block_id from pragma_storage_info($t) where block_id >= 0",
                    {"t": f'db.main."{table}"'},
                ).fetchall()
            }
        )
    assert len(blocks) >= 3, f"too few data blocks to choose from: {blocks}"
    return blocks[len(blocks) // 2]


def _overwrite_a_block(path: Path) -> None:
    block_size = 256 * 1024  # DuckDB's default, the refresh's
    block = _data_block_in_the_middle(path)
    with path.open("r+b") as handle:
        handle.seek(HEADER_BYTES + block * block_size + block_size // 2)
        handle.write(random.Random(block).randbytes(4096))


Spoil = Callable[[Path], None]
# Each spoiling, whether DuckDB still attaches the file and answers a first query
# (so that only a deeper check finds it), and what the check must say.
SPOILS: dict[str, tuple[Spoil, bool, str]] = {
    "truncated to half": (_truncate_to_half, True, "truncated"),
    "not a database": (_replace_with_other_bytes, False, "not a valid DuckDB database"),
    "random bytes in a data block": (_overwrite_a_block, True, "checksum"),
}


@pytest.fixture(params=sorted(SPOILS))
def spoiled(
    request: pytest.FixtureRequest, overview_db_path: Path, tmp_path: Path
) -> tuple[Path, bool, str]:
    """A spoiled copy of the fixture database, whether DuckDB opens it, the problem."""
    spoil, opens, problem = SPOILS[request.param]
    path = tmp_path / "spoiled" / "plcnet.duckdb"
    path.parent.mkdir()
    shutil.copyfile(overview_db_path, path)
    spoil(path)
    return path, opens, problem


def _opens_and_answers(path: Path) -> bool:
    """Whether DuckDB attaches the file and counts the refreshes: all a plain open sees."""
    try:
        with duckdb.connect(":memory:") as con:
            con.execute("ATTACH $path AS db (READ_ONLY)", {"path": str(path)})
            con.execute("select count(*) from db.main.etl_runs").fetchall()
    except duckdb.Error:
        return False
    return True


def _told(audit_log: Path) -> list[dict]:
    if not audit_log.is_file():
        return []
    events = [json.loads(line) for line in audit_log.read_text(encoding="utf-8").splitlines()]
    return [event for event in events if event["kind"] == "database-unreadable"]


def _server_errors(caplog: pytest.LogCaptureFixture) -> list[logging.LogRecord]:
    return [r for r in caplog.records if r.levelno >= logging.ERROR]


def test_the_check_finds_each_damage_a_plain_open_may_miss(
    spoiled: tuple[Path, bool, str], overview_db_path: Path
) -> None:
    path, opens, problem = spoiled
    assert _opens_and_answers(overview_db_path)
    assert _opens_and_answers(path) == opens
    told: list[tuple[Path, str, bool]] = []
    db = Database(path, report=lambda *said: told.append(said))
    with pytest.raises(DatabaseUnreadableError, match=problem):
        db.query("shell__provenance")
    with pytest.raises(DatabaseUnreadableError):
        db.query("shell__regions")
    assert len(told) == 1, "a damaged file is told once, not per query"
    assert told[0][0] == path and problem in told[0][1] and told[0][2] is False


def test_with_no_good_file_every_page_says_the_data_cannot_be_read(
    app: dash.Dash,
    spoiled: tuple[Path, bool, str],
    tmp_path: Path,
    audit_log_in_tmp: Path,
    caplog: pytest.LogCaptureFixture,
) -> None:
    path, _, problem = spoiled
    caplog.set_level(logging.INFO)
    with serving_as(app, proxy_config(tmp_path), db=path) as server:
        client = server.test_client()
        for page in PAGES:
            for lang, first, second in (
                ("en", UNREADABLE_EN, UNREADABLE_CY),
                ("cy", UNREADABLE_CY, UNREADABLE_EN),
            ):
                response = client.get(
                    f"{page}?lang={lang}",
                    headers=headers_of("analyst"),
                    environ_base={"REMOTE_ADDR": PROXY},
                )
                body = response.get_data(as_text=True).replace("&#x27;", "'")
                assert response.status_code == 503, (page, body[:500])
                assert response.headers["Retry-After"].isdigit()
                assert f'<html lang="{lang}">' in body
                assert f"<h1>{t('unreadable.title', lang)}</h1>" in body
                # Said in the page's language first, then in the other.
                assert body.index(first) < body.index(second)
                assert "react-entry-point" not in body and "Traceback" not in body
        # Dash's own requests, if a page was open before: plain words, no traceback.
        layout = client.get(
            "/_dash-layout", headers=headers_of("analyst"), environ_base={"REMOTE_ADDR": PROXY}
        )
        assert (layout.status_code, layout.get_data(as_text=True)) == (503, UNREADABLE_EN)
        status, text = post_callback(client, "datateam", router_payload("/data"))
        assert (status, text) == (503, UNREADABLE_EN)
    events = _told(audit_log_in_tmp)
    assert len(events) == 1, "the data team is told once per file, not per request"
    assert events[0]["what"] == str(path) and problem in events[0]["filters"]["problem"]
    assert events[0]["filters"]["serving"] == "nothing"
    assert events[0]["user"] == "plcnet-server" and events[0]["page"] == PAGES[0]
    errors = _server_errors(caplog)
    assert len(errors) == 1 and str(path) in errors[0].getMessage(), errors
    assert not any(record.exc_info for record in caplog.records), "a traceback was logged"


def test_a_damaged_file_swapped_in_leaves_the_good_one_in_service(
    app: dash.Dash,
    spoiled: tuple[Path, bool, str],
    overview_db_path: Path,
    tmp_path: Path,
    audit_log_in_tmp: Path,
    caplog: pytest.LogCaptureFixture,
) -> None:
    bad, _, problem = spoiled
    published = tmp_path / "published" / "plcnet.duckdb"
    published.parent.mkdir()
    shutil.copyfile(overview_db_path, published)
    caplog.set_level(logging.INFO)
    with serving_as(app, proxy_config(tmp_path), db=published) as server:
        client = server.test_client()
        before = _as_at(client)
        assert LATEST_RUN in before
        regions_before = open_page(client, "analyst", "/regions")
        # Published as the refresh publishes: a complete file renamed over the old one.
        os.replace(bad, published)
        for _ in range(3):
            assert _as_at(client) == before
            assert open_page(client, "analyst", "/regions") == regions_before
            page = client.get(
                "/regions?lang=cy",
                headers=headers_of("analyst"),
                environ_base={"REMOTE_ADDR": PROXY},
            )
            assert page.status_code == 200 and "react-entry-point" in page.get_data(as_text=True)
        # The data team is told on /data too; no one else is.
        for lang in ("en", "cy"):
            data_page = open_page(client, "datateam", "/data", f"?lang={lang}")
            assert t("data.damaged_label", lang) in data_page and problem in data_page
        assert t("data.damaged_label", "en") not in open_page(client, "analyst", "/data")
        told = _told(audit_log_in_tmp)
        assert len(told) == 1 and told[0]["filters"]["serving"] == "last good file"
        assert problem in told[0]["filters"]["problem"]
        # A good file published after it is served: nothing was stuck on the old one.
        fresh = published.with_name("fresh.duckdb")
        shutil.copyfile(overview_db_path, fresh)
        with duckdb.connect(str(fresh)) as con:
            con.execute(
                "update etl_runs set run_id = 'after-the-damage' where run_id = $id",
                {"id": LATEST_RUN},
            )
        os.replace(fresh, published)
        assert "after-the-damage" in _as_at(client)
        assert t("data.damaged_label", "en") not in open_page(client, "datateam", "/data")
    assert len(_server_errors(caplog)) == 1
    assert not any(record.exc_info for record in caplog.records), "a traceback was logged"


def _as_at(client: FlaskClient) -> str:
    """The footer's 'data as at ... refresh <run>' of the layout served now."""
    response = client.get(
        "/_dash-layout", headers=headers_of("analyst"), environ_base={"REMOTE_ADDR": PROXY}
    )
    assert response.status_code == 200, response.get_data(as_text=True)[:300]
    found = _find_by_id(response.get_json(), "shell-as-at")
    assert isinstance(found, str), found
    return found


def _find_by_id(component: object, wanted: str) -> object:
    if isinstance(component, dict):
        props = component.get("props", {})
        if props.get("id") == wanted:
            return props.get("children")
        return _find_by_id(
            props.get("children") if "props" in component else list(component.values()), wanted
        )
    if isinstance(component, list):
        for child in component:
            found = _find_by_id(child, wanted)
            if found is not None:
                return found
    return None
