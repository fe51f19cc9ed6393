"""The refresh end to end on tiny files and the real reference data: a real DuckDB file."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import duckdb
import pytest

from etl.cli import main
from etl.contract import CONTRACT
from etl.drawing import MAX_DRAWN_TIES
from etl.impact import MIN_SCHOOLS
from etl.lock import RefreshLockedError, lock_path, refresh_lock
from etl.publish import run_log_path
from etl.refresh import PUBLISHED_TABLES, TableShrankError, refresh


def _quiet(_: str) -> None:
    pass


@pytest.fixture
def raw(tmp_path, test_data):
    folder = tmp_path / "raw"
    shutil.copytree(test_data / "raw_tiny", folder)
    return folder


@pytest.fixture
def published(tmp_path, raw, reference_dir):
    db = tmp_path / "plcnet.duckdb"
    result = refresh(raw, db, reference_dir, progress=_quiet)
    return db, result


def _scalar(db, sql):
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(sql).fetchone()[0]
    finally:
        con.close()


def test_refresh_publishes_every_table_with_counts(published):
    db, result = published
    assert result.status == "success"
    counts = result.row_counts
    assert counts["local_authorities"] == 22
    assert counts["schools"] == 1498
    assert (counts["plcs"], counts["plc_memberships"], counts["plc_activities"]) == (2, 5, 4)
    # 1,247 published categories less 8 schools that opened after the March 2019
    # address list, and the two good local outcome rows.
    assert counts["school_outcomes"] == 1247 - 8 + 2
    assert result.rejected_counts == {
        "plcs": 4,
        "plc_memberships": 3,
        "plc_activities": 2,
        "plc_reviews": 2,
        "school_outcomes": 8 + 3,
    }
    assert _scalar(db, "SELECT count(*) FROM rejected_rows") == counts["rejected_rows"]


def test_refresh_builds_years_and_network_from_the_tiny_files(published):
    db, _ = published
    # P1 runs 2016-09-05 to 2018-07-20, P2 from 2016-09-05 with no end; outcomes reach 2019/20.
    years = _scalar(db, "SELECT list(year ORDER BY year) FROM academic_years")
    assert years == ["2016/17", "2017/18", "2018/19", "2019/20"]
    # The PLC files carry dates in 2016/17 and 2017/18 only: the outcomes alone reach
    # 2018/19 and 2019/20, which have no network (P2, with no end, stops in 2017/18).
    network_years = _scalar(
        db, "SELECT list(year ORDER BY year) FROM academic_years WHERE has_plc_data"
    )
    assert network_years == ["2016/17", "2017/18"]
    assert _scalar(db, "SELECT list(DISTINCT year ORDER BY year) FROM net_school_metrics") == [
        "2016/17",
        "2017/18",
    ]
    assert _scalar(db, "SELECT count(*) FROM net_plc_metrics WHERE year > '2017/18'") == 0
    # 2016/17: P1 ties 6602130-6602131; 6602132 joins in 2017/18 and leaves in January 2018.
    edges = _scalar(
        db,
        "SELECT list((year, school_a, school_b) ORDER BY year, school_a, school_b) FROM net_edges",
    )
    assert edges == [
        ("2016/17", 6602130, 6602131),
        ("2017/18", 6602130, 6602131),
        ("2017/18", 6602130, 6602132),
        ("2017/18", 6602131, 6602132),
    ]
    assert _scalar(db, "SELECT count(*) FROM net_school_metrics WHERE year = '2016/17'") == 1498


def test_refresh_records_the_run_in_the_database_and_the_log(
    published, tmp_path, raw, reference_dir
):
    db, first = published
    second = refresh(raw, db, reference_dir, trigger="schedule", progress=_quiet)
    runs = (
        duckdb.connect(str(db), read_only=True)
        .execute("SELECT run_id, status, trigger, row_counts FROM etl_runs ORDER BY started_at")
        .fetchall()
    )
    assert [(r[0], r[1], r[2]) for r in runs] == [
        (first.run_id, "success", "manual"),
        (second.run_id, "success", "schedule"),
    ]
    assert json.loads(runs[1][3])["plcs"] == 2
    log = [json.loads(line) for line in run_log_path(db).read_text().splitlines()]
    assert [entry["run_id"] for entry in log] == [first.run_id, second.run_id]


def test_unreadable_file_fails_the_refresh_and_keeps_the_published_database(
    published, raw, reference_dir, test_data, capsys
):
    db, _ = published
    before = db.read_bytes()
    shutil.copy(test_data / "bad" / "plcs_missing_columns.csv", raw / "more_plcs.csv")
    code = main(["refresh", "--raw", str(raw), "--db", str(db), "--reference", str(reference_dir)])
    assert code == 2
    message = capsys.readouterr().err
    assert "more_plcs.csv: missing required column(s)" in message
    assert "The published database was not changed." in message
    assert db.read_bytes() == before
    assert not list(db.parent.glob(".*.building"))
    last = json.loads(run_log_path(db).read_text().splitlines()[-1])
    assert last["status"] == "failed" and "more_plcs.csv" in last["message"]
    assert lock_path(db).read_text() == "", "a refresh that failed normally left its pid"


def test_refuses_to_publish_when_a_table_shrinks_unless_forced(published, raw, reference_dir):
    db, _ = published
    lines = (raw / "plc_activities.csv").read_text().splitlines()
    (raw / "plc_activities.csv").write_text("\n".join(lines[:2]) + "\n")  # 4 good rows -> 1
    with pytest.raises(TableShrankError, match="plc_activities 4 -> 1 rows"):
        refresh(raw, db, reference_dir, progress=_quiet)
    assert _scalar(db, "SELECT count(*) FROM plc_activities") == 4
    refresh(raw, db, reference_dir, progress=_quiet, force=True)
    assert _scalar(db, "SELECT count(*) FROM plc_activities") == 1


def test_second_refresh_at_once_is_refused_with_a_message(tmp_path, raw, reference_dir):
    db = tmp_path / "locked.duckdb"
    with (
        refresh_lock(db, progress=_quiet),
        pytest.raises(RefreshLockedError, match="another refresh"),
    ):
        refresh(raw, db, reference_dir, progress=_quiet)
    assert not db.exists()


def test_missing_raw_folder_is_a_clear_error(tmp_path, reference_dir, capsys):
    code = main(
        [
            "refresh",
            "--raw",
            str(tmp_path / "nowhere"),
            "--db",
            str(tmp_path / "x.db"),
            "--reference",
            str(reference_dir),
        ]
    )
    assert code == 2
    assert "no such folder of input files" in capsys.readouterr().err


def _table_checksums(db):
    """An order-free checksum of every table but the run's own record."""
    con = duckdb.connect(str(db), read_only=True)
    tables = [r[0] for r in con.execute("SELECT table_name FROM duckdb_tables()").fetchall()]
    sums = {}
    for table in tables:
        if table in ("etl_runs",):
            continue
        exclude = " EXCLUDE (run_id)" if table == "rejected_rows" else ""
        sums[table] = con.execute(
            f"SELECT md5(coalesce(string_agg(r, chr(10) ORDER BY r), '')) FROM "
            f'(SELECT CAST(t AS VARCHAR) AS r FROM (SELECT *{exclude} FROM "{table}") t)'
        ).fetchone()[0]
    con.close()
    return sums


def test_same_inputs_give_the_same_tables(published, tmp_path, raw, reference_dir):
    db, _ = published
    first = _table_checksums(db)
    refresh(raw, db, reference_dir, progress=_quiet)
    assert _table_checksums(db) == first
    assert set(first) == set(PUBLISHED_TABLES)


def test_inputs_are_archived_once_by_checksum_with_a_manifest_per_run(tmp_path, raw, reference_dir):
    db, archive = tmp_path / "a.duckdb", tmp_path / "archive"
    before = {p.name: p.read_bytes() for p in raw.iterdir()}
    first = refresh(raw, db, reference_dir, progress=_quiet, archive_dir=archive)
    second = refresh(raw, db, reference_dir, progress=_quiet, archive_dir=archive)
    stored = sorted(p.name for p in (archive / "files").iterdir())
    # Eleven files (5 contract; 6 reference, two of them boundaries) read twice, stored once.
    assert len(stored) == 11
    for run in (first, second):
        manifest = json.loads((archive / "runs" / f"{run.run_id}.json").read_text())
        for entry in manifest["files"]:
            archived = archive / entry["archived_as"]
            assert archived.name.startswith(entry["sha256"])
            assert archived.read_bytes() == Path(entry["path"]).read_bytes()
    assert {p.name: p.read_bytes() for p in raw.iterdir()} == before, "inputs were modified"


NETWORK_KEYS = {
    "academic_years": ("year",),
    "net_edges": ("year", "school_a", "school_b"),
    "net_school_metrics": ("year", "school_id"),
    "net_group_metrics": ("year", "level", "group_id"),
    "net_system_metrics": ("year",),
    "net_layout": ("year", "school_id"),
    "net_edges_drawn": ("year", "school_a", "school_b"),
    "net_drawing_rules": ("year",),
    "net_plc_metrics": ("year", "plc_id"),
    "net_school_exposure": ("year", "school_id"),
    "impact_estimates": ("model",),
    "impact_bins": ("exposure", "year", "band"),
    "refresh_settings": ("setting",),
}


def test_every_key_is_unique_in_the_published_database(published):
    db, _ = published
    keys = {spec.table: spec.key for spec in CONTRACT} | NETWORK_KEYS
    for table, key in keys.items():
        columns = ", ".join(f'"{k}"' for k in key)
        duplicates = _scalar(db, f'SELECT count(*) - count(DISTINCT ({columns})) FROM "{table}"')
        assert duplicates == 0, f"{table} has {duplicates} rows repeating its key {key}"


def test_refresh_publishes_its_settings_and_no_planted_effect_for_real_data(published):
    # The tiny files' outcomes are published and local ones, none simulated: the
    # database must not claim a planted effect (the demo's is tested on the demo Wales).
    db, _ = published
    con = duckdb.connect(str(db), read_only=True)
    try:
        found = dict(con.execute("SELECT setting, value FROM refresh_settings").fetchall())
    finally:
        con.close()
    assert found == {"max_ties_drawn": MAX_DRAWN_TIES, "impact_min_schools": MIN_SCHOOLS}


def test_json_output_for_schedulers_is_only_the_summary(tmp_path, raw, reference_dir, capsys):
    code = main(
        [
            "refresh",
            "--raw",
            str(raw),
            "--db",
            str(tmp_path / "j.duckdb"),
            "--reference",
            str(reference_dir),
            "--json",
        ]
    )
    assert code == 0
    summary = json.loads(capsys.readouterr().out)
    assert summary["status"] == "success"
    assert summary["row_counts"]["plcs"] == 2
    assert summary["rejected_counts"]["plcs"] == 4
    assert {f["kind"] for f in summary["input_files"]} >= {"address_list", "contract:plcs"}


def test_quiet_prints_nothing(tmp_path, raw, reference_dir, capsys):
    code = main(
        [
            "refresh",
            "--raw",
            str(raw),
            "--db",
            str(tmp_path / "q.duckdb"),
            "--reference",
            str(reference_dir),
            "--quiet",
        ]
    )
    assert code == 0
    assert capsys.readouterr().out == ""
