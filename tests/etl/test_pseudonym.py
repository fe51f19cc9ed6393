"""Member ids pseudonymised at ingest: a keyed hash, stable across refreshes, never the id sent.

Every test runs the real refresh on the tiny contract files and the real Welsh
reference data, into a real DuckDB file, with a memberships file whose ids are
written to be found: if any of them reached the database, the scan finds it.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import shutil
from pathlib import Path

import duckdb
import pytest

from etl import config
from etl.cli import main
from etl.pseudonym import (
    LOOKS_LIKE_EMAIL,
    LOOKS_LIKE_NAME,
    PseudonymKey,
    PseudonymKeyError,
    looks_like_person,
    pseudonym,
)
from etl.publish import run_log_path
from etl.refresh import refresh
from etl.schedule import ScheduledRefresh, run_scheduled_refresh

KEY_A = "0123456789abcdef0123456789abcdef-key-a"
KEY_B = "0123456789abcdef0123456789abcdef-key-b"

# Ids as a sender might give them; the rows are commented in MEMBERSHIPS.
GOOD_IDS = ("T00123", "staff-7781", "m-4821", "T00999")
PERSON_IDS = ("jane.smith@school.wales", "Jane Smith", "O'Neil-Jones")
MEMBERSHIPS = """plc_id,school_id,member_id,role,joined,left
P1,6602130,T00123,lead,2016-09-05,
P1,6602131,staff-7781,member,2016-09-05,
P2,6602130,T00123,member,2016-09-05,
P2,6602132, m-4821 ,member,2016-09-05,
P2,6602131,jane.smith@school.wales,member,2016-09-05,
P2,6602132,Jane Smith,member,2016-09-05,
P2,6602133,O'Neil-Jones,member,2016-09-05,
P2,6602133,Ann Other,member,2016-09-05,
P3,6602130,T00999,member,2016-09-05,
P1,6602130,T00123,member,2016-09-05,
P2,6602131,lead,staff-7781,2016-09-05,
P2,6602131,nobody,Jane Smith,2016-09-05,
"""
# Lines 2-5 load; 6-9 are ids that name people; 10 names no PLC that loaded;
# 11 repeats line 2's key; 12 and 13 have role and member_id swapped.
PERSON_LINES = {6: "e-mail address", 7: "person's name", 8: "person's name", 9: "person's name"}


def _quiet(_: str) -> None:
    pass


@pytest.fixture
def raw(tmp_path: Path, test_data: Path) -> Path:
    folder = tmp_path / "raw"
    shutil.copytree(test_data / "raw_tiny", folder)
    (folder / "plc_memberships.csv").write_text(MEMBERSHIPS, encoding="utf-8")
    return folder


@pytest.fixture
def key_file(tmp_path: Path) -> Path:
    path = tmp_path / "secrets" / "pseudonym.key"
    path.parent.mkdir()
    path.write_text(KEY_A + "\n", encoding="ascii")
    path.chmod(0o600)
    return path


def _refresh_with(key: str, raw: Path, db: Path, reference_dir: Path, monkeypatch) -> None:
    monkeypatch.setenv("PLCNET_PSEUDONYM_KEY", key)
    refresh(raw, db, reference_dir, progress=_quiet)


def _rows(db: Path, sql: str, params: list[object] | None = None) -> list[tuple]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(sql, params or []).fetchall()
    finally:
        con.close()


def _members(db: Path) -> list[tuple]:
    return _rows(db, "SELECT plc_id, school_id, member_id FROM plc_memberships ORDER BY ALL")


def _independent_pseudonym(secret: str, member_id: str) -> str:
    digest = hmac.new(secret.encode(), member_id.encode(), hashlib.sha256).hexdigest()
    return "m_" + digest[:16]


def test_pseudonym_is_hmac_sha256_of_the_id_under_the_key():
    key = PseudonymKey(KEY_A.encode(), "test")
    assert pseudonym(key, "T00123") == _independent_pseudonym(KEY_A, "T00123")
    assert pseudonym(key, " T00123 ") == pseudonym(key, "T00123")
    assert pseudonym(key, "t00123") != pseudonym(key, "T00123")
    assert KEY_A not in repr(key)


def test_published_member_ids_are_the_keyed_hashes_of_the_ids_sent(
    raw, tmp_path, reference_dir, monkeypatch
):
    db = tmp_path / "plcnet.duckdb"
    _refresh_with(KEY_A, raw, db, reference_dir, monkeypatch)
    hashed = {m: _independent_pseudonym(KEY_A, m) for m in GOOD_IDS}
    assert _members(db) == [
        ("P1", 6602130, hashed["T00123"]),
        ("P1", 6602131, hashed["staff-7781"]),
        ("P2", 6602130, hashed["T00123"]),
        ("P2", 6602132, hashed["m-4821"]),
    ]


def test_same_id_gets_the_same_pseudonym_in_every_refresh(
    raw, tmp_path, reference_dir, monkeypatch
):
    db = tmp_path / "plcnet.duckdb"
    _refresh_with(KEY_A, raw, db, reference_dir, monkeypatch)
    first = _members(db)
    _refresh_with(KEY_A, raw, db, reference_dir, monkeypatch)
    assert _rows(db, "SELECT count(*) FROM etl_runs") == [(2,)]
    assert _members(db) == first


def test_another_key_gives_other_pseudonyms_and_the_same_measures(
    raw, tmp_path, reference_dir, monkeypatch
):
    db_a, db_b = tmp_path / "a.duckdb", tmp_path / "b.duckdb"
    _refresh_with(KEY_A, raw, db_a, reference_dir, monkeypatch)
    _refresh_with(KEY_B, raw, db_b, reference_dir, monkeypatch)
    ids_a = {m for _, _, m in _members(db_a)}
    ids_b = {m for _, _, m in _members(db_b)}
    assert len(ids_a) == len(ids_b) == 3
    assert not ids_a & ids_b
    for table in ("net_plc_metrics", "net_edges", "net_school_metrics"):
        measures = f"SELECT * FROM {table} ORDER BY ALL"
        assert _rows(db_a, measures), f"the tiny files make {table} to compare"
        assert _rows(db_a, measures) == _rows(db_b, measures)


def _text_columns(con: duckdb.DuckDBPyConnection) -> list[tuple[str, str]]:
    return con.execute(
        "SELECT table_name, column_name FROM information_schema.columns "
        "WHERE table_schema = 'main' ORDER BY ALL"
    ).fetchall()


def _where_found(db: Path, needles: tuple[str, ...]) -> list[tuple[str, str, str]]:
    """Every (table, column, id) where an id sent appears in any value, as any part of it."""
    con = duckdb.connect(str(db), read_only=True)
    found = []
    try:
        for table, column in _text_columns(con):
            for needle in needles:
                hits = con.execute(
                    f'SELECT count(*) FROM "{table}" WHERE contains(lower(CAST("{column}" '
                    "AS VARCHAR)), lower(?))",
                    [needle],
                ).fetchone()[0]
                if hits:
                    found.append((table, column, needle))
    finally:
        con.close()
    return found


def test_published_database_never_holds_an_id_as_sent(raw, tmp_path, reference_dir, monkeypatch):
    db = tmp_path / "plcnet.duckdb"
    _refresh_with(KEY_A, raw, db, reference_dir, monkeypatch)
    sent = (*GOOD_IDS, *PERSON_IDS, "Ann Other")
    con = duckdb.connect(str(db), read_only=True)
    try:
        tables = {t for t, _ in _text_columns(con)}
    finally:
        con.close()
    assert {"plc_memberships", "rejected_rows", "net_edges", "etl_runs"} <= tables
    assert _where_found(db, sent) == []
    log = run_log_path(db).read_text(encoding="utf-8")
    assert [m for m in sent if m in log] == []


def test_the_scan_finds_an_id_that_is_there(tmp_path):
    """The scan above can fail: it finds an id inside a longer value of any type."""
    db = tmp_path / "planted.duckdb"
    con = duckdb.connect(str(db))
    con.execute("CREATE TABLE t (n INTEGER, j JSON, s VARCHAR[])")
    con.execute("""INSERT INTO t (n, j, s) VALUES (1, '{"who": "x T00123 y"}', ['Jane Smith'])""")
    con.close()
    assert _where_found(db, ("T00123", "jane smith", "m-4821")) == [
        ("t", "j", "T00123"),
        ("t", "s", "jane smith"),
    ]


def test_ids_that_name_a_person_are_set_aside_hidden_with_the_reason(
    raw, tmp_path, reference_dir, monkeypatch
):
    db = tmp_path / "plcnet.duckdb"
    _refresh_with(KEY_A, raw, db, reference_dir, monkeypatch)
    rejected = _rows(
        db,
        "SELECT line, column_name, value, reason FROM rejected_rows "
        "WHERE table_name = 'plc_memberships' ORDER BY line, column_name",
    )
    by_line = {line: (column, value, reason) for line, column, value, reason in rejected}
    for line, kind in PERSON_LINES.items():
        column, value, reason = by_line[line]
        assert column == "member_id"
        assert value == f"[hidden: looks like {'an' if kind[0] == 'e' else 'a'} {kind}]"
        assert reason.startswith(f"looks like {'an' if kind[0] == 'e' else 'a'} {kind}")
        assert "pseudonymise member ids before sending" in reason
    # Four people, each with a reason of their own: none reported as a duplicate.
    assert [line for line, *_ in rejected if line in PERSON_LINES] == list(PERSON_LINES)


def test_other_rejected_rows_of_a_members_file_keep_no_id_as_sent(
    raw, tmp_path, reference_dir, monkeypatch
):
    db = tmp_path / "plcnet.duckdb"
    _refresh_with(KEY_A, raw, db, reference_dir, monkeypatch)
    rejected = _rows(
        db,
        "SELECT line, column_name, value FROM rejected_rows "
        "WHERE table_name = 'plc_memberships' AND line >= 10 ORDER BY line, column_name",
    )
    assert rejected == [
        (10, "plc_id", "P3"),  # no such PLC: its member id stays out of sight
        (11, "member_id", _independent_pseudonym(KEY_A, "T00123")),  # duplicate key
        (12, "role", "[hidden: a member id]"),  # columns swapped
        (13, "role", "[hidden: looks like a person's name]"),
    ]


@pytest.mark.parametrize(
    ("value", "marker"),
    [
        ("jane@school.wales", LOOKS_LIKE_EMAIL),
        ("Jane Smith <jane.smith@school.wales>", LOOKS_LIKE_EMAIL),
        ("Jane Smith", LOOKS_LIKE_NAME),
        ("jane smith", LOOKS_LIKE_NAME),
        ("O'Neil-Jones", LOOKS_LIKE_NAME),
        ("O\u2019Neil", LOOKS_LIKE_NAME),
        ("Anne-Marie", LOOKS_LIKE_NAME),
        ("J. Smith", LOOKS_LIKE_NAME),
        ("Siân Llŷr", LOOKS_LIKE_NAME),
        ("T00123", None),
        ("m-4821", None),
        ("m-abcdef", None),
        ("m-5f1c0a93e2", None),
        ("staff_12", None),
        ("boss", None),
    ],
)
def test_what_looks_like_a_person(value, marker):
    assert looks_like_person(value) == marker


def test_explicit_key_file_that_is_missing_stops_the_refresh(
    raw, tmp_path, reference_dir, monkeypatch, key_file
):
    db = tmp_path / "plcnet.duckdb"
    monkeypatch.delenv("PLCNET_PSEUDONYM_KEY", raising=False)
    refresh(raw, db, reference_dir, progress=_quiet, pseudonym_key_file=key_file)
    before = db.read_bytes()
    key_file.unlink()
    with pytest.raises(PseudonymKeyError, match="does not exist") as error:
        refresh(raw, db, reference_dir, progress=_quiet, pseudonym_key_file=key_file)
    assert str(key_file) in str(error.value)
    assert "PLCNET_PSEUDONYM_KEY_FILE" in str(error.value)
    assert not key_file.exists(), "an explicit key file is never made anew"
    assert db.read_bytes() == before
    last_run = json.loads(run_log_path(db).read_text().splitlines()[-1])
    assert last_run["status"] == "failed"


def test_unreadable_or_short_key_file_stops_the_cli_with_a_message_not_the_key(
    raw, tmp_path, reference_dir, monkeypatch, capsys
):
    monkeypatch.delenv("PLCNET_PSEUDONYM_KEY", raising=False)
    unreadable = tmp_path / "a folder, not a file"
    unreadable.mkdir()
    short = tmp_path / "short.key"
    short.write_text("s3cret-but-short\n", encoding="ascii")
    db = tmp_path / "plcnet.duckdb"
    args = ["refresh", "--raw", str(raw), "--db", str(db), "--reference", str(reference_dir)]
    for path, says in ((unreadable, "cannot be read"), (short, "too short")):
        monkeypatch.setenv("PLCNET_PSEUDONYM_KEY_FILE", str(path))
        assert main(args) == 2
        out, err = capsys.readouterr()
        assert str(path) in err
        assert says in err
        assert "The published database was not changed." in err
        assert "s3cret-but-short" not in out + err
    assert not db.exists()


def test_scheduled_refresh_with_an_unreadable_key_file_fails_and_says_why(
    raw, tmp_path, reference_dir, monkeypatch, caplog
):
    monkeypatch.delenv("PLCNET_PSEUDONYM_KEY", raising=False)
    missing = tmp_path / "mounted" / "pseudonym.key"
    job = ScheduledRefresh(raw, tmp_path / "plcnet.duckdb", reference_dir, 0.10, missing)
    caplog.set_level(logging.INFO, logger="plcnet.schedule")
    assert run_scheduled_refresh(job) == "failed"
    assert f"the pseudonym key file {missing} does not exist" in caplog.text
    assert not job.db_path.exists()
    assert not missing.exists()


def test_no_key_set_creates_an_owner_only_key_file_once_and_says_so(
    raw, tmp_path, reference_dir, monkeypatch, capsys
):
    default = tmp_path / "data" / "pseudonym.key"
    monkeypatch.delenv("PLCNET_PSEUDONYM_KEY", raising=False)
    monkeypatch.delenv("PLCNET_PSEUDONYM_KEY_FILE", raising=False)
    monkeypatch.setitem(
        config.SETTINGS,
        "pseudonym_key_file",
        config.Setting("pseudonym_key_file", str(default), "test default"),
    )
    db = tmp_path / "plcnet.duckdb"
    args = ["refresh", "--raw", str(raw), "--db", str(db), "--reference", str(reference_dir)]
    assert main(args) == 0
    first_out = capsys.readouterr().out
    assert f"no pseudonym key was set: created {default}" in first_out
    assert default.stat().st_mode & 0o777 == 0o600
    secret = default.read_text(encoding="ascii").strip()
    assert len(secret) == 64
    first = _members(db)
    assert first[0][2] == _independent_pseudonym(secret, "T00123")

    assert main(args) == 0
    second_out = capsys.readouterr().out
    assert "created" not in second_out
    assert f"key from {default}" in second_out
    assert _members(db) == first
    log = run_log_path(db).read_text(encoding="utf-8")
    assert secret not in first_out + second_out + log


def test_key_from_the_environment_wins_over_the_key_file(
    raw, tmp_path, reference_dir, monkeypatch, key_file
):
    db = tmp_path / "plcnet.duckdb"
    monkeypatch.setenv("PLCNET_PSEUDONYM_KEY_FILE", str(key_file))
    _refresh_with(KEY_B, raw, db, reference_dir, monkeypatch)
    assert _members(db)[0][2] == _independent_pseudonym(KEY_B, "T00123")


@pytest.mark.parametrize("variable", ["PLCNET_PSEUDONYM_KEY", "PLCNET_PSEUDONYM_KEY_FILE"])
def test_a_key_setting_set_to_nothing_stops_the_refresh(
    variable, raw, tmp_path, reference_dir, monkeypatch
):
    monkeypatch.setenv(variable, " ")
    with pytest.raises(PseudonymKeyError, match=f"{variable} is set but empty"):
        refresh(raw, tmp_path / "plcnet.duckdb", reference_dir, progress=_quiet)
    assert not (tmp_path / "plcnet.duckdb").exists()


def test_a_member_id_of_an_earlier_file_in_the_wrong_column_is_hidden(
    raw, tmp_path, reference_dir, monkeypatch
):
    """A second memberships file with its columns swapped: its ids are the first file's."""
    (raw / "then more memberships.csv").write_text(
        "plc_id,school_id,role,member_id,joined,left\nP1,6602131,staff-7781,member,2016-09-05,\n",
        encoding="utf-8",
    )
    db = tmp_path / "plcnet.duckdb"
    _refresh_with(KEY_A, raw, db, reference_dir, monkeypatch)
    assert _rows(
        db,
        "SELECT column_name, value FROM rejected_rows WHERE source_file LIKE ?",
        ["%then more memberships%"],
    ) == [("role", "[hidden: a member id]")]
    assert _where_found(db, GOOD_IDS) == []
