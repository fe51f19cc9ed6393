"""Welsh letters lost before the file came are pointed out, per file (issue 10, class 12).

Excel's "CSV (Comma delimited)" writes Windows-1252, which has no ŵ or ŷ: they arrive
as "?" ("Ysgol Gynradd Bl?nau"). The real CLI refreshes such files (Windows-1252 and
UTF-8, LF and CRLF, one value or several, a name over two lines): the rows load as
sent, and the refresh warns once per file, naming it, how many values, the first line
and column, and to save as "CSV UTF-8"; the warning is kept in the run log and in
``etl_runs``. A "?" that ends a word is no lost letter, and member ids are not looked at.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import pytest

from etl.publish import run_log_path
from tests.etl.cli_run import accounted_rows, query, run_refresh, tiny_raw

PLCS_HEADER = "plc_id,name,focus_area,scope,membership_type,start_date,end_date,lead_school_id"
TAIL = "numeracy,between_schools,self_selected,2016-09-05,2018-07-20,6602130"


@dataclass(frozen=True)
class Case:
    id: str
    names: tuple[str, ...]  # P1, P2, ... in order
    lost: int  # values with a "?" between letters
    first_line: int  # the line of the first of them
    encoding: str = "utf-8"
    newline: str = "\n"


CASES = [
    Case("cp1252-export", ("Cylch Môn", "Ysgol Gynradd Bl?nau"), 1, 3, encoding="cp1252"),
    Case("utf-8", ("Ysgol Gynradd Bl?nau", "Ysgol Ll?n"), 2, 2),
    Case(
        "crlf-several",
        ("Rhifedd", "Cylch D?r", "Ysgol Gynradd Bl?nau", "Dysgu Cymraeg"),
        2,
        3,
        encoding="cp1252",
        newline="\r\n",
    ),
    Case("after-a-name-over-two-lines", ("Cylch\nDarllen", "Ysgol Gynradd Bl?nau"), 1, 4),
]


def _quoted(value: str) -> str:
    return '"' + value.replace('"', '""') + '"'


def _write_plcs(path: Path, names: tuple[str, ...], encoding: str, newline: str) -> None:
    rows = [f"P{i},{_quoted(name)},{TAIL}" for i, name in enumerate(names, start=1)]
    path.write_bytes(newline.join([PLCS_HEADER, *rows, ""]).encode(encoding))


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_lost_letters_load_as_sent_with_a_warning_kept_in_the_run_record(
    case: Case, tmp_path: Path
) -> None:
    raw = tiny_raw(tmp_path)
    plcs = raw / "plcs.csv"
    _write_plcs(plcs, case.names, case.encoding, case.newline)
    db = tmp_path / "plcnet.duckdb"

    done = run_refresh(raw, db)

    assert done.returncode == 0, done.stdout + done.stderr
    loaded = dict(query(db, "SELECT plc_id, name FROM plcs"))
    assert [loaded[f"P{i}"] for i in range(1, len(case.names) + 1)] == list(case.names)
    assert accounted_rows(db, "plcs") == len(case.names)
    warnings = [line for line in done.stdout.splitlines() if "between letters" in line]
    assert len(warnings) == 1, done.stdout  # one per file, however many values
    shown = warnings[0]
    assert shown.strip().startswith(f"warning: {plcs}: {case.lost} value(s)")
    assert f"line {case.first_line}, column name" in shown
    assert '"CSV UTF-8 (Comma delimited)"' in shown
    last_run = json.loads(run_log_path(db).read_text(encoding="utf-8").splitlines()[-1])
    assert last_run["status"] == "success"
    assert [w for w in last_run["warnings"] if str(plcs) in w] == [shown.strip()[9:]]
    (message,) = query(db, "SELECT message FROM etl_runs ORDER BY started_at DESC LIMIT 1")[0]
    assert shown.strip()[9:] in message


NOT_LOST = [
    ("question-then-space", ("Pam? Dyna pam", "Beth nesaf?")),
    ("question-marks-alone", ("??", "Cylch ? Darllen")),
    ("digits-around", ("Cylch 2?3", "Ysgol Môn")),
]


@pytest.mark.parametrize("names", [n for _, n in NOT_LOST], ids=[i for i, _ in NOT_LOST])
def test_a_question_mark_that_is_no_lost_letter_gives_no_warning(
    names: tuple[str, ...], tmp_path: Path
) -> None:
    raw = tiny_raw(tmp_path)
    _write_plcs(raw / "plcs.csv", names, "utf-8", "\n")
    db = tmp_path / "plcnet.duckdb"

    done = run_refresh(raw, db)

    assert done.returncode == 0, done.stdout + done.stderr
    assert "between letters" not in done.stdout
    last_run = json.loads(run_log_path(db).read_text(encoding="utf-8").splitlines()[-1])
    assert last_run["warnings"] == []


def test_member_ids_are_not_looked_at_nor_quoted(tmp_path: Path) -> None:
    """A "?" in a member id is no warning; one in a file of member ids is not quoted."""
    raw = tiny_raw(tmp_path)
    memberships = raw / "plc_memberships.csv"
    text = memberships.read_text(encoding="utf-8")
    extra = "P1,6602134,m-d?wi,member,2016-09-05,\n"
    memberships.write_text(text + extra, encoding="utf-8")
    db = tmp_path / "plcnet.duckdb"

    done = run_refresh(raw, db)

    assert done.returncode == 0, done.stdout + done.stderr
    assert "between letters" not in done.stdout
    assert "d?wi" not in done.stdout + run_log_path(db).read_text(encoding="utf-8")
