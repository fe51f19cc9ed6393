"""A value in double quotes may hold a line break: valid CSV, read (issue 10, class 5).

A PLC name typed over two lines in Excel is saved inside double quotes with the line
break kept. The real CLI refreshes a PLC file holding such names (LF and CRLF files,
quoted commas and doubled quotes, a value over three lines, blank lines between rows)
and a bad date AFTER them: the names load as sent, and the bad date is reported at the
line where its row starts in the file, which the records over several lines move down.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.etl.cli_run import (
    accounted_rows,
    query,
    rejected_rows,
    run_refresh,
    sha256,
    tiny_raw,
)

HEADER = "plc_id,name,focus_area,scope,membership_type,start_date,end_date,lead_school_id"
TAIL = "numeracy,between_schools,self_selected,2016-09-05,2018-07-20,6602130"
BAD_DATE = "2016-13-05"


@dataclass(frozen=True)
class Case:
    id: str
    names: dict[str, str]  # plc_id -> the name as sent, line breaks and all
    newline: str = "\n"
    blank_lines: int = 0  # empty lines before the bad row


def _quoted(value: str) -> str:
    return '"' + value.replace('"', '""') + '"'


CASES = [
    Case("lf", {"P7": "Cylch Darllen\nMôn"}),
    Case("crlf", {"P7": "Cylch Darllen\r\nMôn"}, newline="\r\n"),
    Case("two-newlines", {"P7": "Rhifedd\nar draws\nYnys Môn"}),
    Case(
        "quoted-commas-and-quotes",
        {"P7": 'Numeracy, "Môn"\nconsortium', "P8": 'He said ""yes"", then\nleft'},
    ),
    Case(
        "many-records-over-lines-crlf",
        {f"P{i}": f"Enw {i}\r\nail linell\r\ntrydedd" for i in range(7, 12)},
        newline="\r\n",
    ),
    Case("blank-lines-between-rows", {"P7": "Cylch\nDarllen"}, blank_lines=2),
]


def _write_plcs(path: Path, case: Case) -> tuple[int, int]:
    """Write the PLC file; return its records and the line the bad-date row starts on."""
    nl = case.newline
    rows = [
        "P1,Numeracy across Anglesey," + TAIL,
        *(f"{plc},{_quoted(name)},{TAIL}" for plc, name in case.names.items()),
    ]
    before = nl.join([HEADER, *rows]) + nl + nl * case.blank_lines
    bad = f"P99,Bad date,numeracy,between_schools,self_selected,{BAD_DATE},,6602130"
    path.write_bytes((before + bad + nl + "P2,After the bad row," + TAIL + nl).encode())
    return len(rows) + 2, before.count("\n") + 1


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_quoted_newlines_load_and_later_lines_keep_their_number(case: Case, tmp_path: Path) -> None:
    raw = tiny_raw(tmp_path)
    plcs = raw / "plcs.csv"
    records, bad_line = _write_plcs(plcs, case)
    db = tmp_path / "plcnet.duckdb"

    done = run_refresh(raw, db)

    assert done.returncode == 0, done.stdout + done.stderr
    assert "cannot be read" not in done.stdout + done.stderr
    loaded = dict(query(db, "SELECT plc_id, name FROM plcs"))
    for plc, name in case.names.items():
        assert loaded[plc] == name  # line breaks, commas and quotes as sent
    assert "P2" in loaded  # the row after the bad one
    rejected = rejected_rows(db, "plcs")
    assert [(r.line, r.column, r.value) for r in rejected] == [(bad_line, "start_date", BAD_DATE)]
    assert "not a date" in rejected[0].reason
    assert accounted_rows(db, "plcs") == records
    assert f"plcs.csv (utf-8): {records - 1:,} rows loaded, 1 set aside" in done.stdout


UNCLOSED = [
    ("at-the-end", 'P7,"Cylch Darllen\nMôn,' + TAIL + "\n", 2),
    ("before-other-rows", 'P7,"Cylch Darllen,' + TAIL + "\nP8,Rhifedd," + TAIL + "\n", 2),
    ("after-a-closed-one", 'P6,"Cylch\nDarllen",' + TAIL + '\nP7,"Rhifedd,' + TAIL + "\n", 4),
]


@pytest.mark.parametrize(
    ("rows", "line"), [(r, n) for _, r, n in UNCLOSED], ids=[i for i, _, _ in UNCLOSED]
)
def test_a_quote_never_closed_stops_the_refresh_and_keeps_the_published_data(
    rows: str, line: int, tmp_path: Path
) -> None:
    """An unclosed quote would swallow every later row into one value: stop, say where."""
    raw = tiny_raw(tmp_path)
    db = tmp_path / "plcnet.duckdb"
    assert run_refresh(raw, db).returncode == 0
    published = sha256(db)
    plcs = raw / "plcs.csv"
    plcs.write_text(plcs.read_text(encoding="utf-8").splitlines()[0] + "\n" + rows, "utf-8")

    done = run_refresh(raw, db)

    assert done.returncode == 2, done.stdout + done.stderr
    said = done.stdout + done.stderr
    assert str(plcs) in said
    assert f"the record that starts on line {line}" in said
    assert "must end with one" in said
    assert sha256(db) == published
