"""Build the new database beside the published one, then swap it in atomically.

A reader (the dashboard, an analyst's notebook) opens either the old file or the
new one, never a half-built one: ``os.replace`` is atomic within one file system,
and the new file is complete and closed before it is renamed.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

__all__ = ["append_run_log", "building_path", "publish", "run_log_path"]


def building_path(db_path: Path, run_id: str) -> Path:
    """Where a run builds its database: beside the published file, same file system."""
    return db_path.with_name(f".{db_path.name}.{run_id}.building")


def publish(built: Path, db_path: Path) -> None:
    """Swap the complete database ``built`` in for ``db_path``."""
    with built.open("rb") as handle:
        os.fsync(handle.fileno())
    os.replace(built, db_path)
    _fsync_folder(db_path.parent)


def _fsync_folder(folder: Path) -> None:
    # The rename is durable only once the folder entry itself reaches disk.
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def run_log_path(db_path: Path) -> Path:
    """The small run log kept beside the published database (one JSON line a run)."""
    return db_path.with_name(f"{db_path.name}.runs.jsonl")


def append_run_log(db_path: Path, record: dict[str, object]) -> None:
    """Record a run, failed ones included, outside the database."""
    with run_log_path(db_path).open("a", encoding="utf-8") as handle:
        handle.write(json.dumps(record, default=str, sort_keys=True) + "\n")
