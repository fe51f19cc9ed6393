"""A row that does not fit the header is set aside whole, never cut or padded
(issue 10, class 7).

A row with a field more than the header (a comma in an unquoted name, a comma at the
end of the line) once loaded with the extra field dropped; a row with a field less
was padded, so that a later value could load under the wrong column. The real CLI
refreshes files with such rows in the middle or at the end, LF or CRLF: each is set
aside with its file, its true line, and a reason that counts its fields against the
header's columns and says what to do; the other rows load; every row is accounted for.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
from openpyxl import Workbook

from tests.etl.cli_run import accounted_rows, query, rejected_rows, run_refresh, tiny_raw

PLCS_HEADER = "plc_id,name,focus_area,scope,membership_type,start_date,end_date,lead_school_id"
TAIL = "numeracy,between_schools,self_selected,2016-09-05,2018-07-20,6602130"
GOOD = [f"P{i},Cylch {i},{TAIL}" for i in range(1, 6)]


@dataclass(frozen=True)
class Case:
    id: str
    misfit: str  # the row that does not fit
    at: int  # where it goes among the good rows
    fields: int
    newline: str = "\n"
    before: str = ""  # a record over two lines before it (moves the lines down)


CASES = [
    Case("one-more-at-the-end-of-a-row", f"P9,Cylch 9,{TAIL},extra", at=2, fields=9),
    Case("unquoted-comma-in-a-name", f"P9,Numeracy, Anglesey,{TAIL}", at=3, fields=9),
    Case("trailing-empty-field", f"P9,Cylch 9,{TAIL},", at=1, fields=9),
    Case("two-more", f"P9,Cylch 9,{TAIL},,x", at=0, fields=10),
    Case("last-row-of-the-file", f"P9,Cylch 9,{TAIL},extra", at=5, fields=9),
    Case("crlf-file", f"P9,Cylch 9,{TAIL},extra", at=2, fields=9, newline="\r\n"),
    Case(
        "after-a-name-over-two-lines",
        f"P9,Cylch 9,{TAIL},extra",
        at=3,
        fields=9,
        before='P8,"Cylch\nDarllen",' + TAIL,
    ),
    # Fewer fields: end_date left out, so the school number would land in end_date.
    Case(
        "one-less-in-the-middle",
        "P9,Cylch 9,numeracy,between_schools,self_selected,2016-09-05,6602130",
        at=2,
        fields=7,
    ),
    Case("cut-short", "P9,Cylch 9,numeracy", at=4, fields=3),
]


def _write(path: Path, case: Case) -> int:
    """Write the PLC file; return the line the misfit starts on."""
    rows = [*GOOD[: case.at], *([case.before] if case.before else []), case.misfit]
    rows += GOOD[case.at :]
    text = case.newline.join([PLCS_HEADER, *rows]) + case.newline
    path.write_bytes(text.encode())
    head = case.newline.join([PLCS_HEADER, *rows[: rows.index(case.misfit)]])
    return head.count("\n") + 2


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_a_row_that_does_not_fit_the_header_is_set_aside_whole(case: Case, tmp_path: Path) -> None:
    raw = tiny_raw(tmp_path)
    plcs = raw / "plcs.csv"
    line = _write(plcs, case)
    db = tmp_path / "plcnet.duckdb"

    done = run_refresh(raw, db)

    assert done.returncode == 0, done.stdout + done.stderr
    loaded = {plc for (plc,) in query(db, "SELECT plc_id FROM plcs")}
    assert "P9" not in loaded
    assert {f"P{i}" for i in range(1, 6)} <= loaded
    rejected = rejected_rows(db, "plcs")
    assert [(r.source_file, r.line, r.column, r.value) for r in rejected] == [
        (str(plcs), line, None, None)
    ]
    reason = rejected[0].reason
    assert reason.startswith(f"{case.fields} fields where the header has 8 columns")
    assert ("double quotes" if case.fields > 8 else "give every column a field") in reason
    records = 5 + 1 + bool(case.before)
    assert accounted_rows(db, "plcs") == records
    assert f"plcs.csv (utf-8): {records - 1:,} rows loaded, 1 set aside" in done.stdout


def test_an_extra_field_in_a_file_of_member_ids_keeps_no_value(tmp_path: Path) -> None:
    """The extra field might be an e-mail address: the row is set aside with none of it."""
    raw = tiny_raw(tmp_path)
    memberships = raw / "plc_memberships.csv"
    sent = "P2,6602131,jo.bloggs@ysgol.cymru,member,2016-09-05,,jo.bloggs@ysgol.cymru\n"
    line = len(memberships.read_text(encoding="utf-8").splitlines()) + 1
    memberships.write_text(memberships.read_text(encoding="utf-8") + sent, encoding="utf-8")
    db = tmp_path / "plcnet.duckdb"

    done = run_refresh(raw, db)

    assert done.returncode == 0, done.stdout + done.stderr
    set_aside = [r for r in rejected_rows(db, "plc_memberships") if r.line == line]
    assert [(r.column, r.value) for r in set_aside] == [(None, None)]
    assert set_aside[0].reason.startswith("7 fields where the header has 6 columns")
    everything = query(db, "SELECT * FROM rejected_rows") + query(db, "SELECT * FROM etl_runs")
    assert "jo.bloggs" not in repr(everything)
    assert "jo.bloggs" not in done.stdout + done.stderr


def test_an_excel_value_under_no_column_name_is_set_aside(tmp_path: Path) -> None:
    """The same class in a workbook: a value right of the header's last column."""
    raw = tiny_raw(tmp_path)
    (raw / "plcs.csv").unlink()
    book = Workbook()
    sheet = book.active
    sheet.append(PLCS_HEADER.split(","))
    for row in GOOD:
        sheet.append(row.split(","))
    sheet["J4"] = "a note"  # row 4 is P3's
    book.save(raw / "plcs.xlsx")
    db = tmp_path / "plcnet.duckdb"

    done = run_refresh(raw, db)

    assert done.returncode == 0, done.stdout + done.stderr
    loaded = {plc for (plc,) in query(db, "SELECT plc_id FROM plcs")}
    assert loaded == {"P1", "P2", "P4", "P5"}
    rejected = rejected_rows(db, "plcs")
    assert [(r.line, r.column, r.value) for r in rejected] == [(4, None, None)]
    assert "a value in column J, which has no name in the header row" in rejected[0].reason
    assert accounted_rows(db, "plcs") == 5
