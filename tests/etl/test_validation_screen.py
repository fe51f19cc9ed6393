"""The load's cheap screen (etl/validate.screen_sql) never passes a row a check fails.

Only the rows the screen does not pass go through every check, so a screen that
passed a bad row would load it. Every column of every contract file is given good
values and many bad ones (with the other columns good), and every row the screen
passes must pass every check but the duplicate key (found by its own pass).
"""

from __future__ import annotations

import duckdb
import pytest

from etl.contract import CONTRACT, Column, ContractFile
from etl.load import load_contract_file, load_reference
from etl.pseudonym import LOOKS_LIKE_EMAIL, LOOKS_LIKE_NAME, PseudonymKey
from etl.schema import apply_schema
from etl.validate import DUPLICATES, checks_for, quote, screen_sql, written_as_loaded

KEY = PseudonymKey(b"a test key of thirty-two characters", "test")
PSEUDONYM = "m_0123456789abcdef"

# Good values, as the contract writes them, and bad ones of every kind.
VALUES = (
    *("1", "2", "3", "4", "5", "0", "6", "7", "-7", "+7", "-0", "007", "4.0", "4.5", "1e3"),
    *(" 4", "4 ", "\u00a04", "\t4", "\uff16", "99999999999", "9" * 40, "1,000", "inf", "nan"),
    *("2016-09-12", " 2016-09-12", "2016-09-12 ", "2016-9-12", "2016/09/12", "2016-02-30"),
    *("2016-09-12T10:00:00", "2016-09-12 (BC)", "0999-01-01", "99999-01-01", "epoch"),
    *("+2016-09-12", "20160912", "2016-09-11", "2030-01-01"),
    *("6602130", " 6602130", "06602130", "+6602130", "6602130.0", "6609999", "660213"),
    *("2016/17", "2016/18", " 2016/17", "2016-17", "52.4", " 52.4", "-52.4"),
    *("P1", " P1", "P1 ", "p1", "PNEW", "A-1"),
    *(PSEUDONYM, " " + PSEUDONYM, "m_", "m-aaaa", LOOKS_LIKE_EMAIL, LOOKS_LIKE_NAME),
    *("", " ", "\u00a0", "\u3000", "x", " x", "x'; DROP TABLE plcs; --"),
)


def _good(spec: ContractFile, column: Column) -> str | None:
    """A value of ``column`` that passes its checks in the test's database."""
    if column.name == "plc_id":
        return "PNEW" if spec.table == "plcs" else "P1"
    if column.type == "member_id":
        return PSEUDONYM
    if column.name in ("measure", "value"):  # an attainment: a number, checked as one
        return {"measure": "attainment", "value": "52.4"}[column.name]
    return column.allowed[0] if column.allowed else column.example or None


@pytest.fixture(scope="module")
def con(wales_reference, test_data):
    """The Welsh reference data and the tiny PLCs (P1 and others), nothing else."""
    con = duckdb.connect()
    apply_schema(con)
    load_reference(con, wales_reference, "test")
    plcs = next(spec for spec in CONTRACT if spec.table == "plcs")
    load_contract_file(con, plcs, test_data / "raw_tiny" / "plcs.csv", "test", KEY)
    con.execute(f"CREATE TEMP TABLE {DUPLICATES} (__line INTEGER)")
    yield con
    con.close()


@pytest.mark.parametrize(
    ("table", "column"), [(spec.table, c.name) for spec in CONTRACT for c in spec.columns]
)
def test_the_screen_passes_no_value_a_check_fails(con, table, column):
    spec = next(spec for spec in CONTRACT if spec.table == table)
    varied = next(c for c in spec.columns if c.name == column)
    values = [
        _good(spec, varied),
        *VALUES,
        *varied.allowed,
        *(f" {a}" for a in varied.allowed),
        None,
    ]
    others = ", ".join(
        f"$good_{i} AS {quote(c.name)}" for i, c in enumerate(spec.columns) if c.name != column
    )
    goods = {f"good_{i}": _good(spec, c) for i, c in enumerate(spec.columns) if c.name != column}
    con.execute(
        f"CREATE OR REPLACE TEMP TABLE rows AS SELECT v AS {quote(column)}, {others}, "
        "CAST(row_number() OVER () AS INTEGER) AS __line FROM (SELECT unnest($values) AS v)",
        {"values": values} | goods,
    )
    failed = " OR ".join(f"coalesce(({c.failed}), false)" for c in checks_for(spec))
    verdicts = con.execute(
        f"SELECT {quote(column)}, coalesce(({screen_sql(spec)}), false), {failed} FROM rows AS s"
    ).fetchall()
    passed = [value for value, screened, _ in verdicts if screened]
    assert _good(spec, varied) in passed  # the screen passes a good row: the test is not empty
    assert [value for value, screened, bad in verdicts if screened and bad] == []
    if column in written_as_loaded(spec):
        v, sql_type = f"s.{quote(column)}", varied.sql_type
        differs = con.execute(
            f"SELECT {v} FROM rows AS s WHERE ({screen_sql(spec)}) AND {v} IS NOT NULL AND NOT "
            f"coalesce(TRY_CAST({v} AS {sql_type}) = TRY_CAST(nullif(trim({v}), '') AS {sql_type}) "
            f"AND CAST({v} AS VARCHAR) = trim({v}), false)"
        ).fetchall()
        assert differs == []
