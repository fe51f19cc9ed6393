"""Validation of contract files: every problem found, every bad row set aside with its reason."""

from __future__ import annotations

import re

import duckdb
import pytest

from etl.contract import CONTRACT, contract_file
from etl.load import load_contract_file, load_reference
from etl.pseudonym import PseudonymKey, pseudonym
from etl.schema import apply_schema
from etl.sources.common import InputError
from etl.validate import checks_for, quote

RUN = "test-run"
KEY = PseudonymKey(b"a test key of thirty-two characters", "test")


@pytest.fixture(scope="module")
def loaded(wales_reference, test_data):
    """The tiny contract files loaded on the real Welsh reference data."""
    con = duckdb.connect()
    apply_schema(con)
    load_reference(con, wales_reference, RUN)
    counts = {}
    for spec in CONTRACT:
        loaded = load_contract_file(con, spec, test_data / "raw_tiny" / spec.file_name, RUN, KEY)
        counts[spec.table] = (loaded.rows, loaded.set_aside)
    yield con, counts
    con.close()


def _rejections(con, table):
    return con.execute(
        "SELECT line, column_name, value, reason FROM rejected_rows WHERE table_name = ? "
        "ORDER BY line, column_name, reason",
        [table],
    ).fetchall()


def test_good_rows_load_and_bad_rows_are_counted(loaded):
    _, counts = loaded
    assert counts == {
        "plcs": (2, 4),
        "plc_memberships": (5, 3),
        "plc_activities": (4, 2),
        "plc_reviews": (2, 2),
        "school_outcomes": (2, 3),
    }


@pytest.mark.parametrize(
    ("table", "line", "column", "value", "reason_part"),
    [
        ("plcs", 4, "focus_area", "knitting", "not one of the allowed values"),
        ("plcs", 5, "end_date", "2016-09-05", "end_date is before start_date"),
        ("plcs", 6, "lead_school_id", "6609999", "no such school_id in schools"),
        ("plcs", 7, "plc_id", "P1", "duplicate key (plc_id)"),
        ("plc_memberships", 7, "plc_id", "P3", "no such plc_id in plcs"),
        ("plc_memberships", 8, "role", "boss", "not one of the allowed values: lead, member"),
        ("plc_memberships", 9, "school_id", "660213", "not a seven-digit school number"),
        (
            "plc_activities",
            6,
            "activity_date",
            "2016-13-40",
            "not a date; write dates as YYYY-MM-DD",
        ),
        ("plc_activities", 7, "attendance", "-1", "not a whole number of 0 or more"),
        ("plc_reviews", 4, "year", "2017/19", "not an academic year"),
        ("plc_reviews", 5, "learner_focus", "6", "not a score from 1 to 5"),
        ("school_outcomes", 4, "value", "n/a", "attainment must be a number"),
        ("school_outcomes", 5, "value", "purple", "support category must be green"),
        (
            "school_outcomes",
            6,
            "measure",
            "support_category",
            "already loaded from an earlier file",
        ),
    ],
)
def test_rejects_bad_row_with_line_column_value_and_reason(
    loaded, table, line, column, value, reason_part
):
    con, _ = loaded
    found = [r for r in _rejections(con, table) if r[0] == line and r[1] == column]
    assert len(found) == 1, _rejections(con, table)
    assert found[0][2] == value
    assert reason_part in found[0][3]


def test_published_category_is_kept_over_a_local_duplicate(loaded):
    con, _ = loaded
    row = con.execute(
        "SELECT value, source FROM school_outcomes WHERE school_id = 6602130 "
        "AND year = '2019/20' AND measure = 'support_category'"
    ).fetchone()
    assert row == ("amber", "published")


def test_optional_dates_load_as_null_and_values_are_typed(loaded):
    con, _ = loaded
    assert con.execute("SELECT end_date FROM plcs WHERE plc_id = 'P2'").fetchone() == (None,)
    left = con.execute(
        'SELECT "left" FROM plc_memberships WHERE member_id = ?', [pseudonym(KEY, "m-cccc")]
    ).fetchone()[0]
    assert str(left) == "2018-01-31"


def test_missing_required_columns_fail_the_file_naming_them(test_data):
    con = duckdb.connect()
    apply_schema(con)
    with pytest.raises(InputError) as error:
        load_contract_file(
            con, contract_file("plcs"), test_data / "bad" / "plcs_missing_columns.csv", RUN
        )
    message = str(error.value)
    assert "plcs_missing_columns.csv" in message
    assert "scope, membership_type, start_date, lead_school_id" in message


def _fresh_db(wales_reference):
    con = duckdb.connect()
    apply_schema(con)
    load_reference(con, wales_reference, RUN)
    return con


def _write_plcs_xlsx(source, target):
    """The tiny plcs.csv as an Excel workbook, dates as real Excel dates."""
    import csv
    import datetime as dt

    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    for i, row in enumerate(csv.reader(source.open(encoding="utf-8"))):
        cells = []
        for j, cell in enumerate(row):
            if i and j in (5, 6) and cell and cell[5:7] <= "12":
                cells.append(dt.date.fromisoformat(cell))
            elif i and j == 7:
                cells.append(int(cell))
            else:
                cells.append(cell or None)
        sheet.append(cells)
    book.save(target)


def test_excel_contract_file_loads_like_its_csv(wales_reference, test_data, tmp_path):
    workbook = tmp_path / "plcs from the LA.xlsx"
    _write_plcs_xlsx(test_data / "raw_tiny" / "plcs.csv", workbook)
    con = _fresh_db(wales_reference)
    loaded = load_contract_file(con, contract_file("plcs"), workbook, RUN)
    assert (loaded.rows, loaded.set_aside, loaded.encoding) == (2, 4, "xlsx")
    assert con.execute(
        "SELECT plc_id, start_date::VARCHAR, lead_school_id FROM plcs ORDER BY plc_id"
    ).fetchall() == [
        ("P1", "2016-09-05", 6602130),
        ("P2", "2016-09-05", 6602130),
    ]
    rows = con.execute(
        "SELECT line FROM rejected_rows WHERE table_name = 'plcs' ORDER BY line"
    ).fetchall()
    assert [r[0] for r in rows] == [4, 5, 6, 7]


def test_parquet_contract_file_loads_like_its_csv(wales_reference, test_data, tmp_path):
    parquet = tmp_path / "memberships.parquet"
    duckdb.execute(
        f"COPY (SELECT * FROM read_csv('{test_data / 'raw_tiny' / 'plc_memberships.csv'}', "
        f"all_varchar = true)) TO '{parquet}' (FORMAT parquet)"
    )
    con = _fresh_db(wales_reference)
    load_contract_file(con, contract_file("plcs"), test_data / "raw_tiny" / "plcs.csv", RUN)
    loaded = load_contract_file(con, contract_file("plc_memberships"), parquet, RUN, KEY)
    assert (loaded.rows, loaded.set_aside, loaded.encoding) == (5, 3, "parquet")


def test_windows_1252_contract_file_loads_and_says_so(wales_reference, tmp_path):
    path = tmp_path / "plcs.csv"
    path.write_bytes(
        "plc_id,name,focus_area,scope,membership_type,start_date,end_date,lead_school_id\n"
        "P7,Cylch Darllen Môn\u2019s,literacy,within_school,assigned,2016-09-05,,6602130\n".encode(
            "cp1252"
        )
    )
    con = _fresh_db(wales_reference)
    loaded = load_contract_file(con, contract_file("plcs"), path, RUN)
    assert (loaded.rows, loaded.encoding) == (1, "cp1252")
    # Excel's curly apostrophe is byte 0x92 in Windows-1252 (a control character in Latin-1).
    assert con.execute("SELECT name FROM plcs").fetchone() == ("Cylch Darllen Môn\u2019s",)


def test_truncated_contract_file_keeps_its_whole_rows(wales_reference, test_data, tmp_path):
    text = (test_data / "raw_tiny" / "plcs.csv").read_text(encoding="utf-8")
    cut = tmp_path / "plcs.csv"
    cut.write_text(text[: text.index("P2,") + 20], encoding="utf-8")  # cut inside row 3
    con = _fresh_db(wales_reference)
    loaded = load_contract_file(con, contract_file("plcs"), cut, RUN)
    assert (loaded.rows, loaded.set_aside) == (1, 1)
    # The cut row is set aside whole: its fields are too few to say which is which.
    reasons = con.execute(
        "SELECT line, column_name, reason FROM rejected_rows WHERE source_file = $f",
        {"f": str(cut)},
    ).fetchall()
    assert [(line, column) for line, column, _ in reasons] == [(3, None)]
    assert reasons[0][2].startswith("2 fields where the header has 8 columns")


# Values DuckDB's casts take leniently, and a few plain ones, for every type.
NASTY_VALUES = (
    "7",
    "4",
    "4.0",
    "7.6",
    "1e3",
    "0x10",
    "0b101",
    "1_000",
    "inf",
    "-inf",
    "nan",
    "+7",
    "-0",
    "-7",
    ".5",
    "5.",
    "99999999999",
    "9" * 40,
    "1,000",
    "2016-09-12",
    "2016-9-5",
    "2016/09/12",
    "2016-09-12T10:00:00",
    "2016-09-12 10:00:00+01",
    "infinity",
    "epoch",
    "2016-09-12 (BC)",
    "99999-01-01",
    "2016-02-30",
    "6602130",
    "67X2146",
    "6602130.0",
    "2016/17",
    "2016/18",
    "52.4",
    "1e999",
    "x'; DROP TABLE plcs; --",
    "\uff16",
)


@pytest.mark.parametrize(
    ("table", "column"),
    [(spec.table, c.name) for spec in CONTRACT for c in spec.columns if c.sql_type != "VARCHAR"],
)
def test_every_value_a_type_check_passes_casts_to_the_column_type(table, column):
    """The load CASTs only rows without problems: what the checks pass must cast."""
    spec = contract_file(table)
    sql_type = next(c.sql_type for c in spec.columns if c.name == column)
    checks = [c for c in checks_for(spec) if c.column == column and "OVER" not in c.failed]
    con = duckdb.connect()
    others = ", ".join(f"NULL::VARCHAR AS {quote(c)}" for c in spec.column_names if c != column)
    con.execute(
        f"CREATE TABLE s AS SELECT unnest($v) AS {quote(column)}, {others}",
        {"v": list(NASTY_VALUES)},
    )
    # The tables the checks look up, empty: a reference is then never found, which
    # is a problem of its own, so reference checks are left out below.
    con.execute(f'CREATE TABLE "{spec.table}" AS SELECT * FROM s LIMIT 0')
    checks = [c for c in checks if not c.reason.startswith("no such")]
    failed = " OR ".join(f"coalesce(({c.failed}), false)" for c in checks)
    passed = [
        v for (v,) in con.execute(f"SELECT {quote(column)} FROM s WHERE NOT ({failed})").fetchall()
    ]
    assert passed  # every type takes some of the values: the test is not empty
    for value in passed:
        con.execute(f"SELECT CAST(trim($v) AS {sql_type})", {"v": value})  # raises if not
    assert "7.6" not in passed and "inf" not in passed and "epoch" not in passed


def test_no_check_casts_a_value_that_may_be_bad():
    """DuckDB may evaluate both sides of AND: a CAST behind a guard still runs."""
    for spec in CONTRACT:
        for check in checks_for(spec):
            assert re.search(r"(?<!TRY_)CAST\(", check.failed) is None, check
