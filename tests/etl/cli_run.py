"""The real refresh CLI in a subprocess, on files a test writes (issue 10's tests).

Each hardening test copies the tiny raw folder, spoils one file as a sender or an
attacker would, runs ``python -m etl refresh`` as the data team does, and reads
the outcome from the exit code, the messages and the published database.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import duckdb

PROJECT_ROOT = Path(__file__).resolve().parents[2]
REFERENCE_DIR = PROJECT_ROOT / "data" / "reference"
TINY = PROJECT_ROOT / "tests" / "data" / "raw_tiny"
TIMEOUT_S = 300


def tiny_raw(tmp_path: Path) -> Path:
    """A fresh copy of the tiny raw folder (five contract files) under ``tmp_path``."""
    raw = tmp_path / "raw"
    shutil.copytree(TINY, raw)
    return raw


def run_refresh(
    raw: Path, db: Path, *extra: str, cwd: Path | None = None, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """``python -m etl refresh --raw RAW --db DB`` with the project's reference files."""
    command = [sys.executable, "-m", "etl", "refresh", "--raw", str(raw), "--db", str(db)]
    command += ["--reference", str(REFERENCE_DIR), *extra]
    return subprocess.run(
        command,
        cwd=cwd or db.parent,
        env={**os.environ, "PYTHONPATH": str(PROJECT_ROOT), **(env or {})},
        capture_output=True,
        text=True,
        timeout=TIMEOUT_S,
        check=False,
    )


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def query(db: Path, sql: str, params: dict[str, object] | None = None) -> list[tuple]:
    """Rows of ``sql`` on a read-only connection to the published database."""
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute(sql, params or {}).fetchall()


@dataclass(frozen=True)
class Rejected:
    source_file: str
    line: int
    column: str
    value: str | None
    reason: str


def rejected_rows(db: Path, table: str) -> list[Rejected]:
    """The rows of ``table`` the last refresh set aside, in file and line order."""
    rows = query(
        db,
        "SELECT source_file, line, column_name, value, reason FROM rejected_rows"
        " WHERE table_name = $table ORDER BY source_file, line, column_name",
        {"table": table},
    )
    return [Rejected(*row) for row in rows]


def rows_in(path: Path) -> int:
    """Data rows of a one-line-per-row CSV file (its lines less the header)."""
    return len(path.read_text(encoding="utf-8").splitlines()) - 1


def accounted_rows(db: Path, table: str) -> int:
    """Rows of ``table`` loaded plus distinct rows set aside: every row sent, once."""
    loaded = query(db, f'SELECT count(*) FROM "{table}"')[0][0]
    set_aside = query(
        db,
        "SELECT count(DISTINCT (source_file, line)) FROM rejected_rows WHERE table_name = $t",
        {"t": table},
    )[0][0]
    return int(loaded) + int(set_aside)
