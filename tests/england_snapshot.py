"""England as the data team refreshes it, for the tests of the pages on England
(tests/conftest.py: ``england_published``): ``python -m etl refresh --system england``
through the real CLI, with the shipped GIAS snapshot of 21 March 2022
(data/reference/england) as its raw folder. About 30 s, so once a session."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
# The shipped snapshot and the DfE's lookup of LAs and regions, side by side.
ENGLAND_FILES = PROJECT_ROOT / "data" / "reference" / "england"
REFRESH_TIMEOUT_S = 600


def refresh_england(db: Path) -> Path:
    """Refresh England from the shipped snapshot into ``db``; fail with its output."""
    command = [sys.executable, "-m", "etl", "refresh", "--system", "england"]
    command += ["--raw", str(ENGLAND_FILES), "--reference", str(ENGLAND_FILES)]
    command += ["--db", str(db), "--quiet"]
    done = subprocess.run(
        command,
        cwd=db.parent,
        env={**os.environ, "PYTHONPATH": str(PROJECT_ROOT)},
        capture_output=True,
        text=True,
        timeout=REFRESH_TIMEOUT_S,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return db
