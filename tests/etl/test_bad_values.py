"""A bad value is a rejected row, never a crash (issue 10, class 3).

The real CLI refreshes the tiny raw folder to which a row has been added for every
typed column of every contract file (taken from etl.contract.CONTRACT, so a new
column is covered as soon as it is declared) and every kind of bad value below:
letters in a number, an SQL quote, digits of another script, a space inside, a
value too long for its column. Each value must be checked as written before
anything casts it: the refresh finishes (exit 0), the row is in rejected_rows
with its file, line, column, value and reason, the rest loads, and every row sent
is either loaded or set aside.

The readers of published files (address list, categorisation list, locations)
are held to the same rule, through the same CLI.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from etl.contract import CONTRACT, contract_file
from etl.reasons import read_reason, say
from etl.validate import TYPE_REASONS
from tests.etl.cli_run import (
    Rejected,
    query,
    rejected_rows,
    rows_in,
    run_refresh,
    tiny_raw,
)
from tests.etl.spoil import (
    Spoilt,
    add_spoilt_rows,
    example,
    reported_counts,
    set_aside_lines,
    typed_columns,
    write_rows,
)

# Fullwidth digits (U+FF10 to U+FF19): digits to a person, not to a number reader.
FULLWIDTH = str.maketrans("0123456789", "".join(chr(0xFF10 + d) for d in range(10)))


def _letter_inside(example: str) -> str:
    return f"{example[:2]}X{example[3:]}" if len(example) > 2 else f"{example}X"


# Each makes a bad value of a column from its example value.
CASES: dict[str, Callable[[str], str]] = {
    "issue 10's school number": lambda example: "67X2146",
    "letter inside": _letter_inside,
    "SQL quote": lambda example: f"{example}'); DROP TABLE plcs; --",
    "digits of another script": lambda example: example.translate(FULLWIDTH),
    "space inside": lambda example: f"{example[:1]} {example[1:] or example}",
    "too long for the column": lambda example: "9" * 40,
}


TYPED = [(spec.table, column.name) for spec in CONTRACT for column in typed_columns(spec)]


@pytest.fixture(scope="module")
def baseline(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[int, int]]:
    """(rows loaded, rows set aside) per contract file of the tiny raw folder as it is."""
    tmp = tmp_path_factory.mktemp("baseline")
    raw = tiny_raw(tmp)
    done = run_refresh(raw, tmp / "plcnet.duckdb")
    assert done.returncode == 0, done.stderr
    return {spec.table: reported_counts(done.stdout, raw / spec.file_name) for spec in CONTRACT}


@pytest.fixture(scope="module")
def spoilt(tmp_path_factory: pytest.TempPathFactory):
    """One refresh of the tiny raw folder with a spoilt row per case and typed column."""
    tmp = tmp_path_factory.mktemp("bad_values")
    raw = tiny_raw(tmp)
    added: dict[tuple[str, str, str], Spoilt] = {}
    for spec in CONTRACT:
        spoils = [
            (case, column.name, make(example(column)))
            for case, make in CASES.items()
            for column in typed_columns(spec)
        ]
        for row in add_spoilt_rows(raw, spec, spoils):
            added[(row.case, row.table, row.column)] = row
    db = tmp / "plcnet.duckdb"
    return raw, db, run_refresh(raw, db), added


def test_the_refresh_finishes_and_says_what_was_set_aside(spoilt):
    _, _, done, added = spoilt
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr + done.stdout
    assert "Conversion Error" not in done.stderr + done.stdout
    # Every contract file had a typed column to spoil, in every case.
    assert {row.table for row in added.values()} == {spec.table for spec in CONTRACT}


@pytest.mark.parametrize("table", [spec.table for spec in CONTRACT])
def test_every_row_sent_is_loaded_or_set_aside(spoilt, baseline, table):
    raw, db, done, added = spoilt
    path = raw / contract_file(table).file_name
    loaded, set_aside = reported_counts(done.stdout, path)
    assert loaded + set_aside == rows_in(path)
    assert set_aside_lines(db, path) == set_aside
    # Only the spoilt rows are set aside: the good rows load as without them.
    spoilt_rows = sum(1 for row in added.values() if row.table == table)
    assert (loaded, set_aside) == (baseline[table][0], baseline[table][1] + spoilt_rows)


@pytest.mark.parametrize("case", list(CASES))
@pytest.mark.parametrize(("table", "column"), TYPED)
def test_a_bad_value_is_set_aside_with_its_column_value_and_reason(spoilt, case, table, column):
    raw, db, _, added = spoilt
    row = added[(case, table, column)]
    column_type = next(c.type for c in contract_file(table).columns if c.name == column)
    found = [r for r in rejected_rows(db, table) if r.line == row.line]
    # The spoilt value is the row's only problem: reported once, by its type.
    assert found == [
        Rejected(
            str(raw / contract_file(table).file_name),
            row.line,
            column,
            row.value,
            TYPE_REASONS[column_type],
        )
    ]


# Published files in the raw folder, each with good rows and bad values of each kind.
ADDRESS_HEADER = ["School Number", "School Name", "LA Code", "Sector", "Postcode", "Pupils"]
ADDRESS_ROWS = [
    ["6602130", "Ysgol Dda", "660", "Primary", "LL68 9AA", "120"],
    ["66X2131", "Letters in the number", "660", "Primary", "LL68 9AB", "10"],
    [
        "6602132".translate(FULLWIDTH),
        "Digits of another script",
        "660",
        "Primary",
        "LL68 9AC",
        "10",
    ],
    ["6602133", "A superscript LA code", "66²", "Primary", "LL68 9AD", "10"],
    ["6602134", "An LA code in exponent form", "6.6e2", "Primary", "LL68 9AE", "10"],
]
ADDRESS_REJECTED = [
    (3, "School Number", "66X2131", "school number is not seven digits (LA code and four more)"),
    (
        4,
        "School Number",
        "6602132".translate(FULLWIDTH),
        "school number is not seven digits (LA code and four more)",
    ),
    (5, "LA Code", "66²", "LA code is not a number such as 660"),
    (6, "LA Code", "6.6e2", "LA code is not a number such as 660"),
]
LOCATION_HEADER = ["School Number", "Latitude", "Longitude"]
LOCATION_ROWS = [
    ["6602130", "53.4", "-4.3"],
    ["6602131", "5_3.4", "-4.3"],
    ["6602132", "nan", "-4.3"],
    ["6602133", "53.4", "-inf"],
    ["6602134".translate(FULLWIDTH), "53.4", "-4.3"],
]
LOCATION_REJECTED = [
    (3, "Latitude", "5_3.4,-4.3", "latitude or longitude is not a number in range"),
    (4, "Latitude", "nan,-4.3", "latitude or longitude is not a number in range"),
    (5, "Latitude", "53.4,-inf", "latitude or longitude is not a number in range"),
    (6, "School Number", "6602134".translate(FULLWIDTH), "school number is not seven digits"),
]


# A categorisation list for 2017/18 (from its name: no note says otherwise), a year
# the tiny files cover.
CATEGORY_HEADER = ["School code/Cod ysgol", "School name", "Support Category/Categori Cymorth"]
CATEGORY_ROWS = [
    ["6602130", "Ysgol Dda", "Green/Gwyrdd"],
    ["66X2131", "Letters in the code", "Amber/Oren"],
    ["6602132".translate(FULLWIDTH), "Digits of another script", "Red/Coch"],
]
CATEGORY_REJECTED = [
    (3, "School code", "66X2131", "no seven-digit school code: a note row, not a school"),
    (
        4,
        "School code",
        "6602132".translate(FULLWIDTH),
        "no seven-digit school code: a note row, not a school",
    ),
]


def _write_csv(path: Path, header: list[str], rows: list[list[str]]) -> None:
    write_rows(path, header, [dict(zip(header, row, strict=True)) for row in rows])


@pytest.fixture(scope="module")
def published(tmp_path_factory: pytest.TempPathFactory):
    """A refresh with a newer address list and a locations file holding bad values."""
    tmp = tmp_path_factory.mktemp("published")
    raw = tiny_raw(tmp)
    # Named to sort after the shipped edition, as a newer one would.
    addresses = raw / "address-list-schools-wales-maintained-20990101.csv"
    _write_csv(addresses, ADDRESS_HEADER, ADDRESS_ROWS)
    locations = raw / "school-number-postcodes-geocoded-2099.csv"
    _write_csv(locations, LOCATION_HEADER, LOCATION_ROWS)
    categories = raw / "support-categories-2017-primary.csv"
    _write_csv(categories, CATEGORY_HEADER, CATEGORY_ROWS)
    db = tmp / "plcnet.duckdb"
    return addresses, locations, db, run_refresh(raw, db), categories


def test_published_files_with_bad_values_are_read_not_crashed_on(published):
    *_, done, _ = published
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr + done.stdout


@pytest.mark.parametrize(
    ("line", "column", "value", "reason"), ADDRESS_REJECTED + LOCATION_REJECTED
)
def test_a_bad_value_of_a_published_file_is_set_aside(published, line, column, value, reason):
    addresses, locations, db, *_ = published
    path = addresses if (line, column, value, reason) in ADDRESS_REJECTED else locations
    assert Rejected(str(path), line, column, value, reason) in rejected_rows(db, "schools")


def test_good_rows_of_published_files_load_and_bad_ones_do_not(published):
    _, _, db, *_ = published
    rows = query(db, "SELECT name, latitude FROM schools WHERE school_id = 6602130")
    assert rows == [("Ysgol Dda", 53.4)]
    # Nothing in letters, another script or exponent form was read as a number.
    bad_names = [row[1] for row in ADDRESS_ROWS[1:]]
    found = query(
        db, "SELECT name FROM schools WHERE list_contains($names, name)", {"names": bad_names}
    )
    assert found == []


@pytest.mark.parametrize(("line", "column", "value", "reason"), CATEGORY_REJECTED)
def test_a_bad_school_code_of_a_categorisation_list_is_set_aside(
    published, line, column, value, reason
):
    _, _, db, _, categories = published
    found = rejected_rows(db, "school_outcomes")
    assert Rejected(str(categories), line, column, value, reason) in found
    # The good row loads as the published category of its year.
    loaded = query(
        db,
        "SELECT value, source FROM school_outcomes WHERE school_id = 6602130"
        " AND year = '2017/18' AND measure = 'support_category'",
    )
    assert loaded == [("green", "published")]


@pytest.mark.parametrize(("refreshed", "at"), [("spoilt", 1), ("published", 2)])
def test_every_reason_the_refresh_wrote_reads_back_to_its_code(refreshed, at, request):
    # The data page shows each reason in the page's language by its code (etl/reasons.py).
    db = request.getfixturevalue(refreshed)[at]
    reasons = [row[0] for row in query(db, "SELECT DISTINCT reason FROM rejected_rows")]
    assert len(reasons) >= 5
    assert [reason for reason in reasons if read_reason(reason) is None] == []
    for reason in reasons:
        code, fields = read_reason(reason)
        assert say(code, **fields) == reason
