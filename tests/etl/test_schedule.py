"""Scheduled refreshes: the cron expression, a good night and a bad one."""

from __future__ import annotations

import logging
import shutil
from datetime import UTC, datetime

import duckdb
import pytest

from etl.schedule import ScheduledRefresh, build_scheduler, run_scheduled_refresh


@pytest.fixture
def job(tmp_path, test_data, reference_dir):
    raw = tmp_path / "raw"
    shutil.copytree(test_data / "raw_tiny", raw)
    return ScheduledRefresh(raw, tmp_path / "plcnet.duckdb", reference_dir, 0.10)


def test_cron_expression_sets_the_next_run(job):
    scheduler = build_scheduler(job, "0 2 * * *", "UTC")
    trigger = scheduler.get_job("refresh").trigger
    after = datetime(2026, 11, 23, 10, 0, tzinfo=UTC)
    assert trigger.get_next_fire_time(None, after) == datetime(2026, 11, 24, 2, 0, tzinfo=UTC)


def test_bad_cron_expression_is_a_clear_error(job):
    with pytest.raises(ValueError, match="is not a crontab expression"):
        build_scheduler(job, "every night", "UTC")


def test_scheduled_run_refreshes_and_records_the_trigger(job, caplog):
    caplog.set_level(logging.INFO, logger="plcnet.schedule")
    assert run_scheduled_refresh(job) == "success"
    con = duckdb.connect(str(job.db_path), read_only=True)
    assert con.execute("SELECT trigger, status FROM etl_runs").fetchall() == [
        ("schedule", "success")
    ]
    assert "succeeded" in caplog.text


def test_failed_scheduled_run_is_logged_and_the_schedule_goes_on(job, caplog, test_data):
    shutil.copy(test_data / "bad" / "plcs_missing_columns.csv", job.raw_dir / "extra.csv")
    assert run_scheduled_refresh(job) == "failed"
    assert "missing required column" in caplog.text
    assert not job.db_path.exists()


def test_schedule_command_takes_the_refresh_options():
    from etl.cli import build_parser

    args = build_parser().parse_args(
        ["schedule", "--cron", "0 2 * * *", "--raw", "inbox", "--max-shrink", "0.2"]
    )
    assert (args.cron, str(args.raw), args.max_shrink) == ("0 2 * * *", "inbox", 0.2)
