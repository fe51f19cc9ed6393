"""The demo Wales of the test session, built once (tests/conftest.py: ``demo_wales_build``).

The real pipeline through the real CLI: ``python -m etl demo`` writes the raw
contract files, then ``python -m etl refresh`` publishes them. Generating and
refreshing the demo takes the longest of any fixture, so every test that needs it
shares this one build (as datasette's tests/fixtures.py shares its databases);
a parallel run builds it once for all its workers, in the background
(tests/parallel.py runs ``python -m tests.demo_wales FOLDER``). Treat both the raw
folder and the database as read-only: a test that changes either takes a copy first
(``shutil.copy`` of the database, ``shutil.copytree`` of the raw folder into its own
``tmp_path``).
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent

# The Python hash seed of the session's refresh. Fixed, so that the refresh is one
# a test can name: tests/etl/test_idempotent_refresh.py compares it with refreshes
# under other hash seeds.
HASH_SEED = "1"

# A row count the ``demo`` command prints: "  plcs.csv      2,040 rows".
_COUNT_LINE = re.compile(r"^\s+(?P<name>\S+)\s+(?P<rows>[\d,]+) rows$")


@dataclass(frozen=True)
class DemoWales:
    """The demo Wales: its raw folder, its published database and the rows of each
    file as ``etl demo`` reported them."""

    raw: Path
    db: Path
    counts: dict[str, int]

    def to_json(self) -> str:
        return json.dumps({"raw": str(self.raw), "db": str(self.db), "counts": self.counts})

    @classmethod
    def from_json(cls, text: str) -> DemoWales:
        found = json.loads(text)
        return cls(raw=Path(found["raw"]), db=Path(found["db"]), counts=found["counts"])


def build_demo_wales(folder: Path) -> DemoWales:
    """``etl demo`` into ``folder/raw``, then ``etl refresh`` into ``folder/plcnet.duckdb``."""
    raw, db = folder / "raw", folder / "plcnet.duckdb"
    written = _etl("demo", "--out", str(raw))
    _etl("refresh", "--raw", str(raw), "--db", str(db), "--quiet")
    return DemoWales(raw=raw, db=db, counts=_printed_counts(written))


def _etl(*args: str) -> str:
    """Runs ``python -m etl ARGS`` and returns what it printed; fails loudly."""
    done = subprocess.run(
        [sys.executable, "-m", "etl", *args],
        cwd=PROJECT_ROOT,
        env={**os.environ, "PYTHONHASHSEED": HASH_SEED},
        timeout=300,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, f"etl {args[0]} failed:\n{done.stderr}"
    return done.stdout


def _printed_counts(stdout: str) -> dict[str, int]:
    found = (_COUNT_LINE.match(line) for line in stdout.splitlines())
    return {m["name"]: int(m["rows"].replace(",", "")) for m in found if m}


def main(folder: Path) -> int:
    """Builds the demo Wales in ``folder``; writes ``built.json`` (its DemoWales) if it
    succeeded, ``failed`` if not, so that the workers waiting for it can tell."""
    try:
        built = build_demo_wales(folder)
    except BaseException as error:
        (folder / "failed").write_text(str(error), encoding="utf-8")
        print(error, flush=True)
        return 1
    written = folder / "built.json.part"
    written.write_text(built.to_json(), encoding="utf-8")
    written.rename(folder / "built.json")  # whole or absent: the workers poll for it
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1])))
