"""A refresh replaces a damaged published database, and keeps the damaged file (issue 10,
class 10, the refresh's side).

The dashboard keeps serving its last good file when a damaged one is published
(tests/dashboard/core/test_corrupt_database.py); the data team's remedy is the next
refresh. So a refresh must not stop on a published file it cannot read: it says so,
publishes a whole new database (which the dashboard's own check accepts), and keeps
the damaged file beside it, as it was, for whoever wants to know what happened.
"""

from __future__ import annotations

import os
import random
from collections.abc import Callable
from pathlib import Path

import duckdb
import pytest

from dashboard.core.db_check import check_published_file
from tests.etl.cli_run import query, run_refresh, sha256, tiny_raw

NOT_A_DATABASE = b"school_id,name\n6612001,Ysgol Gymraeg\n" + random.Random(10).randbytes(65536)


def _truncate_to_a_quarter(path: Path) -> None:
    os.truncate(path, path.stat().st_size // 4)


def _replace_with_other_bytes(path: Path) -> None:
    path.write_bytes(NOT_A_DATABASE)


def _zero_the_tail(path: Path) -> None:
    # A copy that stopped writing: the file keeps its size, its end is zeros.
    size = path.stat().st_size
    with path.open("r+b") as handle:
        handle.seek(size // 3)
        handle.write(bytes(size - size // 3))


SPOILS: dict[str, Callable[[Path], None]] = {
    "truncated to a quarter": _truncate_to_a_quarter,
    "not a database": _replace_with_other_bytes,
    "its tail zeroed": _zero_the_tail,
}


@pytest.mark.parametrize("spoil", sorted(SPOILS))
def test_a_refresh_replaces_a_damaged_published_database(tmp_path: Path, spoil: str) -> None:
    raw = tiny_raw(tmp_path)
    db = tmp_path / "plcnet.duckdb"
    first = run_refresh(raw, db)
    assert first.returncode == 0, first.stdout + first.stderr
    SPOILS[spoil](db)
    damaged = sha256(db)

    done = run_refresh(raw, db)

    assert done.returncode == 0, done.stdout + done.stderr
    assert "Traceback" not in done.stdout + done.stderr
    with duckdb.connect(":memory:") as con:
        con.execute("ATTACH $path AS db (READ_ONLY)", {"path": str(db)})
        check_published_file(con, "db", db)  # raises if the new file is not whole
    # Nothing could be carried over: the history starts again, the damaged file kept.
    assert f"warning: the published database {db} cannot be read" in done.stdout
    kept = list(tmp_path.glob("plcnet.duckdb.damaged-*"))
    assert [sha256(path) for path in kept] == [damaged]
    assert f"the damaged database is kept as {kept[0]}" in done.stdout
    assert query(db, "SELECT count(*) FROM etl_runs") == [(1,)]
    (message,) = query(db, "SELECT message FROM etl_runs")[0]
    assert "cannot be read" in message
