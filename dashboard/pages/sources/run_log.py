"""The refreshes that failed since the data in service, read from the run log.

A failed refresh publishes nothing, so it is not in the database's etl_runs: it is
only in the run log beside the published file (``<db>.runs.jsonl``, one JSON object a
line, written by etl/publish.py's append_run_log: RefreshResult.as_dict with the
trigger and the start time). The log is the refresh's, not the dashboard's, and is
read here with care:

- only its last TAIL_BYTES are read, however long it has grown;
- a line cut short (a refresh killed while writing it, or the first line of the
  tail), a line that is not JSON, not an object, or whose fields are not of the
  expected types is passed over;
- a missing or unreadable log is an empty list;
- its values are shown as text only (Dash escapes them) and never reach SQL.
"""

from __future__ import annotations

import json
import os
from datetime import UTC, datetime
from pathlib import Path

import pandas as pd

from etl.public import run_log_path

__all__ = ["FAILED_COLUMNS", "MESSAGE_CHARS", "TAIL_BYTES", "read_failed_runs"]

# Enough for the last few hundred runs; a run's line is a few kilobytes.
TAIL_BYTES = 512 * 1024
# A message longer than this is cut (with an ellipsis): a notice, not a dump.
MESSAGE_CHARS = 2000
MAX_SECONDS = 31 * 24 * 3600
FAILED_COLUMNS = ("run_id", "started_at", "finished_at", "seconds", "trigger", "message")


def read_failed_runs(db_path: Path, since: datetime | None, limit: int) -> pd.DataFrame:
    """The failed refreshes of ``db_path``'s run log that started after ``since`` (naive
    UTC: the finish of the refresh in service; None: every one), newest first, at most
    ``limit``; times naive UTC like etl_runs'."""
    rows = [
        run
        for run in map(_parse_failed_run, _read_tail_lines(run_log_path(db_path)))
        if run is not None and (since is None or run["started_at"] > since)
    ]
    rows.sort(key=lambda run: run["started_at"], reverse=True)
    return pd.DataFrame(rows[:limit], columns=list(FAILED_COLUMNS))


def _read_tail_lines(path: Path) -> list[str]:
    """The complete lines of the last TAIL_BYTES of ``path`` (none if it is missing)."""
    try:
        with path.open("rb") as handle:
            size = handle.seek(0, os.SEEK_END)
            start = max(0, size - TAIL_BYTES)
            handle.seek(start)
            tail = handle.read(TAIL_BYTES)
    except OSError:
        return []
    lines = tail.decode("utf-8", errors="replace").split("\n")
    if start > 0:
        lines = lines[1:]  # begins inside a line
    return lines


def _parse_failed_run(line: str) -> dict[str, object] | None:
    """A failed run's fields from one line of the log; None for anything else."""
    try:
        record = json.loads(line)
    except ValueError:
        return None
    if not isinstance(record, dict) or record.get("status") != "failed":
        return None
    run_id, trigger, message = (record.get(k) for k in ("run_id", "trigger", "message"))
    started_at = _parse_time(record.get("started_at"))
    seconds = record.get("seconds")
    if not (isinstance(run_id, str) and isinstance(trigger, str) and started_at is not None):
        return None
    if not _is_duration(seconds):
        seconds = None
    return {
        "run_id": run_id[:100],
        "started_at": started_at,
        "finished_at": None if seconds is None else started_at + pd.Timedelta(seconds=seconds),
        "seconds": seconds,
        "trigger": trigger[:100],
        "message": _shorten(message if isinstance(message, str) else ""),
    }


def _is_duration(value: object) -> bool:
    # NaN fails both comparisons; a month bounds what a refresh may take.
    return (
        isinstance(value, int | float) and not isinstance(value, bool) and 0 <= value <= MAX_SECONDS
    )


def _parse_time(value: object) -> datetime | None:
    """An ISO time as naive UTC; None if it is not one."""
    if not isinstance(value, str):
        return None
    try:
        when = datetime.fromisoformat(value)
    except ValueError:
        return None
    if when.tzinfo is not None:
        when = when.astimezone(UTC).replace(tzinfo=None)
    return when


def _shorten(message: str) -> str:
    return message if len(message) <= MESSAGE_CHARS else message[: MESSAGE_CHARS - 1] + "…"
