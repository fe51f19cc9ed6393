"""Validation of contract files: every problem found, every bad row set aside with its reason."""

from __future__ import annotations

import duckdb
import pytest

from etl.contract import CONTRACT, contract_file
from etl.load import load_contract_file, load_reference
from etl.schema import apply_schema
from etl.sources.common import InputError

RUN = "test-run"


@pytest.fixture(scope="module")
def loaded(wales_reference, test_data):
    """The tiny contract files loaded on the real Welsh reference data."""
    con = duckdb.connect()
    apply_schema(con)
    load_reference(con, wales_reference, RUN)
    counts = {
        spec.table: load_contract_file(con, spec, test_data / "raw_tiny" / spec.file_name, RUN)
        for spec in CONTRACT
    }
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
        "SELECT \"left\" FROM plc_memberships WHERE member_id = 'm-cccc'"
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
