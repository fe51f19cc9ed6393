"""A file's name is the sender's: nothing in it is ever run as SQL (issue 10, class 1).

The real CLI refreshes a raw folder whose PLC table comes as Parquet files named to
break out of a quoted SQL string; the refresh loads them as data, and nothing the
names ask for (a file written, a table dropped) happens.
"""

from __future__ import annotations

import ast
import itertools
import json
import shutil
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.csv as pacsv
import pyarrow.parquet as pq
import pytest

from dashboard.core.db import Database
from etl.config import PROJECT_ROOT
from tests.dashboard.fixtures import YEARS, build_overview_db
from tests.etl.cli_run import TINY, run_refresh

# Each would run its own statement if pasted between quotes in SQL.
HOSTILE_NAMES = (
    "a.parquet'); COPY (SELECT 1) TO 'x.csv'; --.parquet",
    "b\"; COPY (SELECT 1) TO 'y.csv'; --.parquet",
    "c.parquet$path?.parquet",
)
WRITTEN_BY_AN_INJECTION = ("x.csv", "y.csv")


def _write_plcs_parquet(rows_of: Path, path: Path, keep: slice) -> int:
    """The PLCs of ``rows_of`` (a contract CSV), rows ``keep``, as Parquet at ``path``."""
    table = pacsv.read_csv(rows_of, convert_options=pacsv.ConvertOptions(strings_can_be_null=False))
    table = table.slice(keep.start or 0, (keep.stop or table.num_rows) - (keep.start or 0))
    pq.write_table(table.cast(_all_text(table.schema)), path)
    return table.num_rows


def _all_text(schema: pa.Schema) -> pa.Schema:
    return pa.schema([pa.field(f.name, pa.string()) for f in schema])


@pytest.fixture
def hostile_raw(tmp_path: Path) -> tuple[Path, int]:
    raw = tmp_path / "raw"
    shutil.copytree(TINY, raw)
    plcs = raw / "plcs.csv"
    total = 0
    thirds = (slice(0, 1), slice(1, 2), slice(2, None))
    for name, keep in zip(HOSTILE_NAMES, thirds, strict=True):
        total += _write_plcs_parquet(plcs, raw / name, keep)
    plcs.unlink()
    return raw, total


def test_hostile_parquet_names_load_as_data_and_run_nothing(
    hostile_raw: tuple[Path, int], tmp_path: Path
) -> None:
    raw, rows = hostile_raw
    db = tmp_path / "plcnet.duckdb"
    work = tmp_path / "cwd"
    work.mkdir()
    done = run_refresh(raw, db, cwd=work)
    assert done.returncode == 0, done.stdout + done.stderr
    for name in WRITTEN_BY_AN_INJECTION:
        assert not list(tmp_path.rglob(name)), f"{name} was written: the name ran as SQL"
        assert not (PROJECT_ROOT / name).exists()
    with duckdb.connect(str(db), read_only=True) as con:
        loaded = con.execute("SELECT count(*) FROM plcs").fetchone()[0]
        (files,) = con.execute(
            "SELECT input_files FROM etl_runs ORDER BY started_at DESC LIMIT 1"
        ).fetchone()
    read = {Path(f["path"]).name for f in json.loads(files)}
    rejected = _rejected_plcs(db)
    assert loaded + rejected == rows
    assert loaded > 0
    assert set(HOSTILE_NAMES) <= read


def _rejected_plcs(db: Path) -> int:
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute(
            "SELECT count(DISTINCT (source_file, line)) FROM rejected_rows"
            " WHERE table_name = 'plcs'"
        ).fetchone()[0]


def test_the_dashboard_opens_a_database_whose_path_has_quotes(tmp_path: Path) -> None:
    folder = tmp_path / 'it\'s "here"; --'
    folder.mkdir()
    path = build_overview_db(folder / "plcnet.duckdb")
    assert Database(path).call(_count_years) == len(YEARS)


def _count_years(con: duckdb.DuckDBPyConnection) -> int:
    return con.execute("SELECT count(*) FROM academic_years").fetchone()[0]


# Python files whose SQL may be formatted: names of tables and columns from the code's
# own constants or quoted with validate.quote, never a value (checked by this test).
SQL_CALLS = {"sql", "execute", "executemany", "query"}


def _pasted_literals(path: Path) -> list[str]:
    """f-strings handed to an SQL call that paste a value inside single quotes."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not (isinstance(node, ast.Call) and node.args):
            continue
        name = getattr(node.func, "attr", getattr(node.func, "id", ""))
        text = node.args[0]
        if name in SQL_CALLS and isinstance(text, ast.JoinedStr):
            parts = text.values
            for before, value in itertools.pairwise(parts):
                if (
                    isinstance(before, ast.Constant)
                    and str(before.value).rstrip().endswith("'")
                    and isinstance(value, ast.FormattedValue)
                ):
                    found.append(f"{path.relative_to(PROJECT_ROOT)}:{node.lineno}")
    return found


def test_no_sql_call_pastes_a_value_between_quotes() -> None:
    files = [
        *sorted((PROJECT_ROOT / "etl").rglob("*.py")),
        *sorted((PROJECT_ROOT / "dashboard").rglob("*.py")),
    ]
    pasted = [place for path in files for place in _pasted_literals(path)]
    assert pasted == [], "bind the value as a parameter instead: " + ", ".join(pasted)
