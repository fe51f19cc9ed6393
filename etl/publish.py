"""Build the new database beside the published one, then swap it in atomically.

A reader (the dashboard, an analyst's notebook) opens either the old file or the
new one, never a half-built one: ``os.replace`` is atomic within one file system,
and the new file is complete and closed before it is renamed.
"""

from __future__ import annotations

import errno
import json
import os
import re
import shutil
import sys
from pathlib import Path

__all__ = [
    "DiskFullError",
    "UnexpectedError",
    "append_run_log",
    "building_path",
    "disk_full_error",
    "keep_aside",
    "log_run",
    "publish",
    "remove_partial",
    "run_log_path",
]

# What a write to a full disk (or a full quota) raises; DuckDB only says it in words.
_FULL = (errno.ENOSPC, errno.EDQUOT)
_FULL_WORDS = tuple(os.strerror(code) for code in _FULL)
_DUCKDB_FILE = re.compile(r'file "([^"]+)"')


class DiskFullError(Exception):
    """A write failed because the disk is full; nothing was published."""

    # Whether the failed run is in the run log (else it was printed on standard error).
    recorded = False

    def __init__(self, path: Path) -> None:
        self.path = path
        self.free = _free_bytes(path)
        super().__init__(
            f"the disk holding {path} is full ({self.free:,} bytes free); free space and run again."
        )


class UnexpectedError(Exception):
    """A failure the refresh did not foresee; its traceback is kept in the run log."""

    recorded = False

    def __init__(self, error: Exception) -> None:
        super().__init__(f"unexpected error ({type(error).__name__}: {error})")


def _free_bytes(path: Path) -> int:
    for folder in (path, *path.parents):
        try:
            return shutil.disk_usage(folder).free
        except OSError:
            continue
    return 0


def _causes(error: BaseException) -> list[BaseException]:
    chain: list[BaseException] = []
    while error is not None and error not in chain:
        chain.append(error)
        error = error.__cause__ or error.__context__
    return chain


def disk_full_error(error: BaseException, db_path: Path) -> DiskFullError | None:
    """``error`` (or what caused it) as a DiskFullError naming the folder, else None."""
    for cause in _causes(error):
        if isinstance(cause, DiskFullError):
            return cause
        if isinstance(cause, OSError) and cause.errno in _FULL:
            written = Path(cause.filename) if cause.filename else db_path
            return DiskFullError(written.parent)
        text = str(cause)
        if any(words in text for words in _FULL_WORDS):
            named = _DUCKDB_FILE.search(text)
            return DiskFullError(Path(named.group(1)).parent if named else db_path.parent)
    return None


def remove_partial(path: Path) -> None:
    """Delete a half-built file, or the temporary folder DuckDB may have spilled to."""
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path, ignore_errors=True)
    else:
        path.unlink(missing_ok=True)


def building_path(db_path: Path, run_id: str) -> Path:
    """Where a run builds its database: beside the published file, same file system."""
    return db_path.with_name(f".{db_path.name}.{run_id}.building")


def publish(built: Path, db_path: Path) -> None:
    """Swap the complete database ``built`` in for ``db_path``."""
    with built.open("rb") as handle:
        os.fsync(handle.fileno())
    os.replace(built, db_path)
    _fsync_folder(db_path.parent)


def keep_aside(db_path: Path, run_id: str) -> Path:
    """Keep the published file as ``<name>.damaged-<run_id>`` before a refresh replaces
    it: a second name for the same file (no copy, no moment without a published file)."""
    kept = db_path.with_name(f"{db_path.name}.damaged-{run_id}")
    try:
        os.link(db_path, kept)
    except OSError:  # a file system without hard links
        shutil.copy2(db_path, kept)
    return kept


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
    """Record a run, failed ones included, outside the database.

    The line is written whole or not at all: a write that fails part way (a full
    disk) is cut back, so the log stays one JSON object a line.
    """
    line = (json.dumps(record, default=str, sort_keys=True) + "\n").encode("utf-8")
    path = run_log_path(db_path)
    fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
    try:
        size = os.fstat(fd).st_size
        try:
            if os.write(fd, line) != len(line):
                raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(path))
            os.fsync(fd)
        except OSError:
            os.ftruncate(fd, size)
            raise
    finally:
        os.close(fd)


def log_run(db_path: Path, record: dict[str, object]) -> bool:
    """Append ``record`` to the run log; if even that fails, print it on standard error.

    Returns whether the run log holds the record.
    """
    try:
        append_run_log(db_path, record)
    except OSError as error:
        print(
            f"The run could not be recorded in {run_log_path(db_path)} ({error}); "
            f"its record: {json.dumps(record, default=str, sort_keys=True)}",
            file=sys.stderr,
        )
        return False
    return True
