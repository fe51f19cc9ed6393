"""One refresh at a time per database.

The lock is an ``fcntl.flock`` on a file beside the database. The kernel lets
go of it when its holder dies, even by ``kill -9``, so a lock left by a killed
process is never mistaken for a live one: the next refresh sees the dead pid
in the file, says it clears the stale lock, and goes on.
"""

from __future__ import annotations

import fcntl
import os
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

__all__ = ["RefreshLockedError", "lock_path", "refresh_lock"]


class RefreshLockedError(Exception):
    """Another refresh of the same database is running."""


def lock_path(db_path: Path) -> Path:
    return db_path.with_name(f"{db_path.name}.lock")


def _holder(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8").strip() or "unknown"
    except OSError:
        return "unknown"


@contextmanager
def refresh_lock(
    db_path: Path, wait_seconds: float = 0.0, progress: Callable[[str], None] = print
) -> Iterator[None]:
    """Hold the refresh lock of ``db_path``; wait up to ``wait_seconds`` for it."""
    path = lock_path(db_path)
    path.parent.mkdir(parents=True, exist_ok=True)
    handle = path.open("a+", encoding="utf-8")
    deadline = time.monotonic() + wait_seconds
    try:
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise RefreshLockedError(
                        f"another refresh of {db_path} is running ({_holder(path)}); "
                        "wait for it to finish, or pass --wait SECONDS to queue behind it"
                    ) from None
                time.sleep(0.2)
        previous = _holder(path)
        if previous != "unknown":
            progress(f"  cleared a stale lock left by a refresh that did not finish ({previous})")
        handle.seek(0)
        handle.truncate()
        handle.write(f"pid {os.getpid()} since {time.strftime('%Y-%m-%d %H:%M:%S')}")
        handle.flush()
        try:
            yield
        finally:
            # A run that ends, well or badly, leaves no pid: only a killed one does.
            handle.seek(0)
            handle.truncate()
            handle.flush()
    finally:
        handle.close()
