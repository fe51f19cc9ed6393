"""Nothing is rounded into a whole-number column (issue 10, class 6).

DuckDB's own cast from text rounds (attendance '7.6' loads as 8, a score '4.6' as
5) and reads '1e3' as 1000, '0x4' as 4, '1_7' as 17. The real CLI refreshes the
tiny raw folder with a row added per whole-number column of every contract file
(taken from etl.contract.CONTRACT) and per case below, written as CSV, as an
Excel workbook with numeric cells (openpyxl) and as Parquet with a DOUBLE column
(pyarrow): decimals and numbers no person would write are set aside with a
reason that says what to write; a whole number written as a decimal (4.0, what a
spreadsheet or a DOUBLE column gives) is 4, not rounded, and loads.

Attainment, the one number column (school_outcomes.value when measure is
attainment), takes decimals but not 'inf', 'nan', '1_000' or '0x10'.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from openpyxl import Workbook

from etl.contract import CONTRACT, Column, ContractFile, contract_file
from etl.validate import DECIMAL_COUNT, DECIMAL_SCORE, NOT_A_SCORE, NOT_WHOLE_COUNT
from tests.etl.cli_run import Rejected, query, rejected_rows, rows_in, run_refresh, tiny_raw
from tests.etl.spoil import (
    Spoilt,
    add_rows,
    add_spoilt_rows,
    example,
    read_rows,
    reported_counts,
)

WHOLE_TYPES = ("integer", "score")
WHOLE = [
    (spec.table, column.name)
    for spec in CONTRACT
    for column in spec.columns
    if column.type in WHOLE_TYPES
]
# Reasons by column type: for a decimal, and for anything else not a whole number.
DECIMAL_REASONS = {"integer": DECIMAL_COUNT, "score": DECIMAL_SCORE}
OTHER_REASONS = {"integer": NOT_WHOLE_COUNT, "score": NOT_A_SCORE}
ATTAINMENT_REASON = contract_file("school_outcomes").row_checks[1].reason

Make = Callable[[str], str]

# Text in a CSV file, each made from a good value of the column (7, or 4 for a score).
CSV_DECIMALS: dict[str, Make] = {
    "a fraction": lambda e: f"{e}.6",
    "a half": lambda e: f"{e}.5",
    "an exponent": lambda e: "1e3",
    "an exponent of a whole number": lambda e: f"{e}E0",
    "a leading point": lambda e: f".{e}",
    "a negative fraction": lambda e: f"-{e}.6",
}
CSV_NOT_MEANT: dict[str, Make] = {
    "infinity": lambda e: "inf",
    "not a number": lambda e: "nan",
    "Infinity spelt out": lambda e: "Infinity",
    "hexadecimal": lambda e: f"0x{e}",
    "binary": lambda e: f"0b{int(e):b}",
    "an underscore": lambda e: f"1_{e}",
    "a plus sign": lambda e: f"+{e}",
    "a minus sign": lambda e: f"-{e}",
    "a thousands separator": lambda e: f"1,00{e}",
}
CSV_WHOLE: dict[str, Make] = {
    "point zero": lambda e: f"{e}.0",
    "point zero zero": lambda e: f"{e}.00",
    "a leading zero": lambda e: f"0{e}",
    "spaces around": lambda e: f" {e} ",
}
# Values of numeric cells (Excel) or of a DOUBLE column (Parquet), and the text they
# are read as. Excel cannot hold inf or nan.
NUMERIC_DECIMALS: dict[str, Make] = {"a fraction": lambda e: f"{e}.6", "a half": lambda e: f"{e}.5"}
PARQUET_NOT_MEANT: dict[str, Make] = {
    "not a number": lambda e: "nan",
    "infinity": lambda e: "inf",
    "minus infinity": lambda e: "-inf",
}
NUMERIC_WHOLE: dict[str, Make] = {"point zero": lambda e: f"{e}.0"}

ATTAINMENT_NOT_MEANT = ("inf", "-inf", "nan", "Infinity", "1_000", "0x10", "1,5", "52.4.1")
ATTAINMENT_GOOD = ("52.4", "-1.5", "0.5", "60")
# Keys free in the tiny outcomes file, within its years (2016/17 to 2019/20), so
# that the rows load without adding a year to compute.
# The key of the row that loads where a key is a year: P2's first free year, within
# the years of the tiny files, so that the row adds no academic year to compute.
LOADING_KEYS = {"plc_reviews": {"plc_id": "P2", "year": "2017/18"}}
ATTAINMENT_KEYS = [
    ("6602130", "2017/18"),
    ("6602130", "2018/19"),
    ("6602130", "2019/20"),
    ("6602132", "2016/17"),
]


def _column_type(table: str, column: str) -> str:
    return next(c.type for c in contract_file(table).columns if c.name == column)


def _whole_columns(spec: ContractFile) -> list[Column]:
    return [c for c in spec.columns if c.type in WHOLE_TYPES]


def _spoil(
    raw: Path, bad: dict[str, Make], whole: dict[str, Make]
) -> dict[tuple[str, str, str], Spoilt]:
    """Add a row per bad case and whole-number column, and one row with every
    whole-number column written whole in one of the ``whole`` ways, in turn;
    return them by (case, table, column)."""
    added = {}
    for spec in CONTRACT:
        columns = _whole_columns(spec)
        if not columns:
            continue
        spoils = [(case, c.name, make(example(c))) for case, make in bad.items() for c in columns]
        for row in add_spoilt_rows(raw, spec, spoils):
            added[(row.case, row.table, row.column)] = row
        # One row that loads, not one per case: each row that loads with a year key
        # needs a year of its own, and every year added is a year more to compute.
        ways = {c.name: _whole_way(whole, i) for i, c in enumerate(columns)}
        values = {c.name: whole[ways[c.name]](example(c)) for c in columns}
        values |= LOADING_KEYS.get(spec.table, {})
        (row,) = add_rows(raw, spec, [("whole", values)])
        for c in columns:
            added[(ways[c.name], spec.table, c.name)] = replace(
                row, case=ways[c.name], column=c.name, value=values[c.name]
            )
    return added


def _whole_way(whole: dict[str, Make], index: int) -> str:
    return list(whole)[index % len(whole)]


def _whole_cases(whole: dict[str, Make]) -> list[tuple[str, str, str]]:
    """(table, column, way) of the row written whole, as _spoil writes it."""
    return [
        (spec.table, c.name, _whole_way(whole, i))
        for spec in CONTRACT
        for i, c in enumerate(_whole_columns(spec))
    ]


def _numeric(text: str) -> float | str:
    """A value of a whole-number column as a number; an empty cell stays empty."""
    return float(text) if text.strip() else text


def _as_excel(raw: Path, table: str) -> Path:
    """Rewrite a contract CSV as .xlsx, whole-number columns in numeric cells."""
    csv_path = raw / contract_file(table).file_name
    header, rows = read_rows(csv_path)
    numeric = {c.name for c in contract_file(table).columns if c.type in WHOLE_TYPES}
    book = Workbook()
    sheet = book.active
    sheet.append(header)
    for row in rows:
        sheet.append([_numeric(row[h]) if h in numeric else row[h] for h in header])
    path = csv_path.with_suffix(".xlsx")
    book.save(path)
    csv_path.unlink()
    return path


def _as_parquet(raw: Path, table: str) -> Path:
    """Rewrite a contract CSV as Parquet, whole-number columns as DOUBLE."""
    csv_path = raw / contract_file(table).file_name
    header, rows = read_rows(csv_path)
    numeric = {c.name for c in contract_file(table).columns if c.type in WHOLE_TYPES}
    arrays = {
        h: pa.array([float(r[h]) for r in rows], pa.float64())
        if h in numeric
        else pa.array([r[h] for r in rows], pa.string())
        for h in header
    }
    path = csv_path.with_suffix(".parquet")
    pq.write_table(pa.table(arrays), path)
    csv_path.unlink()
    return path


def _refresh(tmp: Path, bad: dict[str, Make], whole: dict[str, Make], rewrite=None):
    raw = tiny_raw(tmp)
    added = _spoil(raw, bad, whole)
    paths = {spec.table: raw / spec.file_name for spec in CONTRACT}
    if rewrite:
        for table in {row.table for row in added.values()}:
            paths[table] = rewrite(raw, table)
    db = tmp / "plcnet.duckdb"
    return paths, db, run_refresh(raw, db), added


@pytest.fixture(scope="module")
def csv_run(tmp_path_factory: pytest.TempPathFactory):
    bad = {**CSV_DECIMALS, **CSV_NOT_MEANT}
    return _refresh(tmp_path_factory.mktemp("whole_csv"), bad, CSV_WHOLE)


@pytest.fixture(scope="module")
def excel_run(tmp_path_factory: pytest.TempPathFactory):
    return _refresh(
        tmp_path_factory.mktemp("whole_xlsx"), NUMERIC_DECIMALS, NUMERIC_WHOLE, _as_excel
    )


@pytest.fixture(scope="module")
def parquet_run(tmp_path_factory: pytest.TempPathFactory):
    bad = {**NUMERIC_DECIMALS, **PARQUET_NOT_MEANT}
    return _refresh(tmp_path_factory.mktemp("whole_parquet"), bad, NUMERIC_WHOLE, _as_parquet)


RUNS = ("csv_run", "excel_run", "parquet_run")


def _set_aside(run, case: str, table: str, column: str) -> tuple[Spoilt, list[Rejected]]:
    paths, db, _, added = run
    row = added[(case, table, column)]
    found = [r for r in rejected_rows(db, table) if r.line == row.line]
    assert all(r.source_file == str(paths[table]) for r in found)
    return row, found


def _loaded_value(run, row: Spoilt) -> object:
    _, db, _, _ = run
    spec = contract_file(row.table)
    where = " AND ".join(f'"{k}" = ${k}' for k in spec.key)
    values = query(
        db,
        f'SELECT "{row.column}" FROM "{row.table}" WHERE {where}',
        {k: row.row[k] for k in spec.key},
    )
    return values[0][0] if values else None


@pytest.mark.parametrize("run_name", RUNS)
def test_the_refresh_finishes_and_every_row_is_loaded_or_set_aside(request, run_name):
    paths, db, done, added = request.getfixturevalue(run_name)
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr + done.stdout
    for table in {row.table for row in added.values()}:
        loaded, set_aside = reported_counts(done.stdout, paths[table])
        sent = rows_in(paths[table]) if paths[table].suffix == ".csv" else None
        if sent is not None:
            assert loaded + set_aside == sent
        assert query(db, f'SELECT count(*) FROM "{table}"')[0][0] == loaded


@pytest.mark.parametrize("case", list(CSV_DECIMALS))
@pytest.mark.parametrize(("table", "column"), WHOLE)
def test_a_decimal_in_a_csv_is_set_aside_not_rounded(csv_run, case, table, column):
    row, found = _set_aside(csv_run, case, table, column)
    reason = DECIMAL_REASONS[_column_type(table, column)]
    assert [(r.column, r.value, r.reason) for r in found] == [(column, row.value, reason)]
    assert "not a whole number" in reason and "not rounded" in reason


@pytest.mark.parametrize("case", list(CSV_NOT_MEANT))
@pytest.mark.parametrize(("table", "column"), WHOLE)
def test_a_number_no_person_writes_is_set_aside(csv_run, case, table, column):
    row, found = _set_aside(csv_run, case, table, column)
    reason = OTHER_REASONS[_column_type(table, column)]
    assert [(r.column, r.value, r.reason) for r in found] == [(column, row.value, reason)]


@pytest.mark.parametrize(("table", "column", "case"), _whole_cases(CSV_WHOLE))
def test_a_whole_number_written_as_a_decimal_loads_as_itself(csv_run, table, column, case):
    row, found = _set_aside(csv_run, case, table, column)
    assert found == []
    assert _loaded_value(csv_run, row) == int(float(row.value))


@pytest.mark.parametrize("run_name", ("excel_run", "parquet_run"))
@pytest.mark.parametrize("case", list(NUMERIC_DECIMALS))
@pytest.mark.parametrize(("table", "column"), WHOLE)
def test_a_decimal_cell_or_double_is_set_aside_not_rounded(request, run_name, case, table, column):
    row, found = _set_aside(request.getfixturevalue(run_name), case, table, column)
    reason = DECIMAL_REASONS[_column_type(table, column)]
    assert [(r.column, r.value, r.reason) for r in found] == [(column, row.value, reason)]


@pytest.mark.parametrize("case", list(PARQUET_NOT_MEANT))
@pytest.mark.parametrize(("table", "column"), WHOLE)
def test_nan_or_infinity_in_a_double_column_is_set_aside(parquet_run, case, table, column):
    row, found = _set_aside(parquet_run, case, table, column)
    reason = OTHER_REASONS[_column_type(table, column)]
    assert [(r.column, r.value, r.reason) for r in found] == [(column, row.value, reason)]


@pytest.mark.parametrize("run_name", ("excel_run", "parquet_run"))
@pytest.mark.parametrize(("table", "column"), WHOLE)
def test_a_whole_cell_or_double_loads_as_itself(request, run_name, table, column):
    run = request.getfixturevalue(run_name)
    row, found = _set_aside(run, "point zero", table, column)
    assert found == []
    assert _loaded_value(run, row) == int(float(row.value))
    # The good rows of the file, all numbers in a numeric column, load too.
    paths, _, done, _ = run
    loaded, _ = reported_counts(done.stdout, paths[table])
    assert loaded > 1


@pytest.fixture(scope="module")
def attainment_run(tmp_path_factory: pytest.TempPathFactory):
    """Attainment values of each kind added to the outcomes file of the tiny raw folder."""
    tmp = tmp_path_factory.mktemp("attainment")
    raw = tiny_raw(tmp)
    spec = contract_file("school_outcomes")
    good = [
        (value, {"value": value, "school_id": school, "year": year})
        for value, (school, year) in zip(ATTAINMENT_GOOD, ATTAINMENT_KEYS, strict=True)
    ]
    # The good rows first: the bad ones then take keys of their own around them.
    added = add_rows(raw, spec, good)
    added += add_rows(raw, spec, [(value, {"value": value}) for value in ATTAINMENT_NOT_MEANT])
    assert all(row.row["measure"] == "attainment" for row in added)
    db = tmp / "plcnet.duckdb"
    return raw / spec.file_name, db, run_refresh(raw, db), {row.case: row for row in added}


@pytest.mark.parametrize("value", ATTAINMENT_NOT_MEANT)
def test_attainment_no_person_writes_is_set_aside(attainment_run, value):
    path, db, done, added = attainment_run
    assert done.returncode == 0, done.stderr
    row = added[value]
    found = [r for r in rejected_rows(db, "school_outcomes") if r.line == row.line]
    assert found == [Rejected(str(path), row.line, "value", value, ATTAINMENT_REASON)]


@pytest.mark.parametrize("value", ATTAINMENT_GOOD)
def test_attainment_written_as_a_number_loads(attainment_run, value):
    _, db, _, added = attainment_run
    row = added[value]
    loaded = query(
        db,
        "SELECT value FROM school_outcomes"
        " WHERE school_id = $school AND year = $year AND measure = 'attainment'",
        {"school": int(row.row["school_id"]), "year": row.row["year"]},
    )
    assert loaded == [(value,)]
    assert math.isfinite(float(loaded[0][0]))
