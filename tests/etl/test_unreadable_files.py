"""Files meant for plcnet that cannot be read stop the refresh and say so (issue 10, class 4).

A file is meant for plcnet by its name (a contract file's, ``plcs.csv``, or its
stem with ``.xlsx`` or ``.parquet``) or by its header once decoded or split.
What can be read without guessing is read: UTF-16 with a byte-order mark, and a
header split by semicolons (a European Excel's CSV) or tabs; a decimal comma
in such a file is then a value set aside with its reason, never a number
misread. Everything else meant for plcnet (UTF-16 without a mark, bytes that are
not text, an empty file, text named as a workbook, a damaged workbook, a file
named as a contract file without its header) stops the refresh with the file
named and what to do, and the published database stays as it was. A file
that neither its name nor its content ties to plcnet is listed as not
recognised, as before.

Each case runs the real CLI in a subprocess.
"""

from __future__ import annotations

import io
import json
import random
import shutil
import zipfile
from collections.abc import Callable
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from openpyxl import Workbook

from tests.etl.cli_run import (
    REFERENCE_DIR,
    accounted_rows,
    query,
    rejected_rows,
    rows_in,
    run_refresh,
    sha256,
    tiny_raw,
)

Spoil = Callable[[str], bytes]
NOT_CHANGED = "The published database was not changed."
SAVE_AS_UTF8 = '"CSV UTF-8 (Comma delimited) (*.csv)"'
# A PLC name with the Welsh letters an encoding mix-up loses.
WELSH_NAME = "Rhifedd Ŵyr Môn"


def _utf16_le_no_mark(text: str) -> bytes:
    return text.encode("utf-16-le")


def _utf16_be_no_mark(text: str) -> bytes:
    return text.encode("utf-16-be")


def _random_bytes(_: str) -> bytes:
    # Fixed seed: the same bytes each run; they start with no known file signature.
    return bytes([0x8F, 0x01]) + random.Random(10).randbytes(4094)


def _unknown_code_page(text: str) -> bytes:
    # 0x9d is a letter in no encoding plcnet reads without a mark (nor in Windows-1252).
    header, first, *rest = text.encode("utf-8").split(b"\n")
    return b"\n".join([header, first.replace(b",", b",\x9d", 1), *rest])


def _old_excel(_: str) -> bytes:
    # The start of every Excel 97-2003 (.xls) workbook: an OLE compound file.
    return b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504)


def _workbook(text: str) -> bytes:
    book = Workbook()
    for line in text.splitlines():
        book.active.append(line.split(","))
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _nul_padded(text: str) -> bytes:
    return text.encode("utf-8") + bytes(64)


def _empty(_: str) -> bytes:
    return b""


def _utf16_le_marked(text: str) -> bytes:
    return "\ufeff".encode("utf-16-le") + text.encode("utf-16-le")


def _utf16_be_marked(text: str) -> bytes:
    return "\ufeff".encode("utf-16-be") + text.encode("utf-16-be")


def _semicolons(text: str) -> bytes:
    return text.replace(",", ";").encode("utf-8")


def _tabs(text: str) -> bytes:
    return text.replace(",", "\t").encode("utf-8")


# Content that cannot be read under any name, and what the message must say of it.
UNREADABLE = {
    "utf-16 LE without a mark": (
        _utf16_le_no_mark,
        "UTF-16 text (little-endian) without a byte-order mark",
    ),
    "utf-16 BE without a mark": (
        _utf16_be_no_mark,
        "UTF-16 text (big-endian) without a byte-order mark",
    ),
    "random bytes": (_random_bytes, "not a CSV, Excel or Parquet file: its first bytes are 8f 01"),
    "0 bytes": (_empty, "0 bytes: the file is empty"),
    "an Excel 97-2003 workbook": (_old_excel, "this is an Excel 97-2003 workbook (.xls)"),
    "unknown code page": (_unknown_code_page, "cannot be read as UTF-8 or Windows-1252: byte 0x9d"),
}
# Text plcnet reads as CSV, and the words that say what it is when named as a workbook.
READABLE_TEXT = {
    "utf-16 LE with a mark": (_utf16_le_marked, "UTF-16 comma-separated text (CSV)"),
    "utf-16 BE with a mark": (_utf16_be_marked, "UTF-16 comma-separated text (CSV)"),
    "semicolon-separated": (_semicolons, "semicolon-separated text (CSV)"),
    "tab-separated": (_tabs, "tab-separated text (CSV)"),
}
CONTRACT_NAMES = ("plcs.csv", "plcs.xlsx", "plcs.parquet", "plc_memberships.xlsx")


@pytest.fixture(scope="module")
def published(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A raw folder and the database a good refresh of it published."""
    root = tmp_path_factory.mktemp("published")
    raw = tiny_raw(root)
    db = root / "plcnet.duckdb"
    done = run_refresh(raw, db)
    assert done.returncode == 0, done.stdout + done.stderr
    return raw, db


def _copy_published(published: tuple[Path, Path], tmp_path: Path) -> tuple[Path, Path]:
    raw, db = published
    shutil.copytree(raw, tmp_path / "raw")
    shutil.copy2(db, tmp_path / db.name)
    return tmp_path / "raw", tmp_path / db.name


def _contract_text(raw: Path, name: str) -> str:
    """The text of the tiny folder's contract file behind ``name`` (``plcs.xlsx`` -> plcs.csv)."""
    return (raw / f"{Path(name).stem}.csv").read_text(encoding="utf-8")


def _assert_refused(done, bad: Path, *what: str) -> None:
    """The refresh stopped (exit 2, nothing published) and its message's line about
    ``bad`` names it and says ``what``: each file meant for plcnet that cannot be read
    has a line of its own, so one run can check many."""
    assert done.returncode == 2, done.stdout + done.stderr
    message = done.stderr
    assert NOT_CHANGED in message
    assert "Traceback" not in message
    about = [line for line in message.splitlines() if str(bad) + ":" in line]
    assert len(about) == 1, f"no line of its own for {bad}:\n{message}"
    for words in what:
        assert words in about[0], f"{bad}: {words!r} not in {about[0]!r}"


def _refuse_beside_a_good_folder(
    published: tuple[Path, Path], tmp_path: Path, files: dict[str, tuple[bytes, tuple[str, ...]]]
) -> None:
    """Put every file of ``files`` (a path in the raw folder: its content and the words its
    message must hold) beside a good raw folder at once; one refresh must refuse them all."""
    raw, db = _copy_published(published, tmp_path)
    before, runs_before = sha256(db), query(db, "SELECT count(*) FROM etl_runs")
    for name, (content, _) in files.items():
        bad = raw / "inbox" / name
        bad.parent.mkdir(parents=True, exist_ok=True)
        bad.write_bytes(content)
    done = run_refresh(raw, db)
    for name, (_, what) in files.items():
        _assert_refused(done, raw / "inbox" / name, *what)
    assert sha256(db) == before
    assert query(db, "SELECT count(*) FROM etl_runs") == runs_before


def _advice(case: str) -> str:
    if case == "0 bytes":
        return "export it again"
    if case == "an Excel 97-2003 workbook":
        return 'save it from Excel as ".xlsx"'
    if case.startswith("utf-16") or case == "unknown code page":
        return SAVE_AS_UTF8
    return "replace it with the file as exported"


def _folder(case: str) -> str:
    """A folder of its own for a case, so that many files of one name go into one run."""
    return "".join(c if c.isalnum() else "_" for c in case)


def test_an_unreadable_file_named_for_plcnet_stops_the_refresh(
    published: tuple[Path, Path], tmp_path: Path
) -> None:
    files = {}
    for case, (spoil, what) in UNREADABLE.items():
        for name in CONTRACT_NAMES:
            content = spoil(_contract_text(published[0], name))
            files[f"{_folder(case)}/{name}"] = (content, (what, _advice(case)))
    _refuse_beside_a_good_folder(published, tmp_path, files)


def test_text_named_as_a_workbook_or_parquet_stops_the_refresh(
    published: tuple[Path, Path], tmp_path: Path
) -> None:
    files = {}
    for case, (spoil, what) in READABLE_TEXT.items():
        for name in ("plcs.xlsx", "plc_memberships.parquet"):
            content = spoil(_contract_text(published[0], name))
            named = "an Excel workbook" if name.endswith(".xlsx") else "a Parquet file"
            rename = f'rename it "{Path(name).stem}.csv"'
            files[f"{_folder(case)}/{name}"] = (content, (named, what, rename))
    _refuse_beside_a_good_folder(published, tmp_path, files)


def test_a_file_whose_content_is_plcnets_stops_the_refresh_whatever_its_name(
    published: tuple[Path, Path], tmp_path: Path
) -> None:
    cases = [
        ("export.csv", _utf16_le_no_mark, "UTF-16 text (little-endian)"),
        ("Copy of export.xlsx", _semicolons, "semicolon-separated text (CSV)"),
        ("data.parquet", _utf16_be_marked, "UTF-16 comma-separated text (CSV)"),
        ("export (2).csv", _nul_padded, "text holding NUL bytes (the first at offset"),
        ("plcs.csv", _workbook, "a zip file (an Excel .xlsx workbook is one), not text; if it"),
    ]
    text = _contract_text(published[0], "plcs.csv")
    files = {name: (spoil(text), (what,)) for name, spoil, what in cases}
    _refuse_beside_a_good_folder(published, tmp_path, files)


def _zip_not_a_workbook(_: str) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("plcs.csv", "plc_id,name\n")
    return out.getvalue()


def _truncated_parquet(text: str) -> bytes:
    out = io.BytesIO()
    pq.write_table(pa.table({"plc_id": ["P1"] * 100, "name": ["Numeracy"] * 100}), out)
    return out.getvalue()[: len(out.getvalue()) // 2]


def test_a_damaged_workbook_or_parquet_file_named_for_plcnet_stops_the_refresh(
    published: tuple[Path, Path], tmp_path: Path
) -> None:
    files = {
        "plcs.xlsx": (
            _zip_not_a_workbook(""),
            ("cannot be opened as an Excel .xlsx workbook", "save"),
        ),
        "plcs.parquet": (_truncated_parquet(""), ("cannot be read as Parquet", "save")),
    }
    _refuse_beside_a_good_folder(published, tmp_path, files)


def test_a_first_load_with_an_unreadable_file_publishes_nothing(tmp_path: Path) -> None:
    raw = tiny_raw(tmp_path)
    cases = {
        "plcs.csv": "utf-16 LE without a mark",
        "plc_reviews.csv": "random bytes",
        "school_outcomes.csv": "0 bytes",
    }
    for name, case in cases.items():
        path = raw / name
        path.write_bytes(UNREADABLE[case][0](path.read_text(encoding="utf-8")))
    db = tmp_path / "plcnet.duckdb"
    done = run_refresh(raw, db)
    for name, case in cases.items():
        _assert_refused(done, raw / name, UNREADABLE[case][1])
    assert not db.exists()


def test_every_unreadable_file_is_named_at_once(tmp_path: Path) -> None:
    raw = tiny_raw(tmp_path)
    (raw / "plcs.xlsx").write_bytes(b"")
    (raw / "school_outcomes.parquet").write_bytes(_random_bytes(""))
    done = run_refresh(raw, tmp_path / "plcnet.duckdb")
    _assert_refused(done, raw / "plcs.xlsx", "0 bytes")
    _assert_refused(done, raw / "school_outcomes.parquet", "not a CSV, Excel or Parquet file")


def _write_table(path: Path, rows: list[list[str]]) -> None:
    """``rows`` (the first the header) as a real CSV, Excel workbook or Parquet file."""
    if path.suffix == ".csv":
        path.write_text("\n".join(",".join(row) for row in rows) + "\n", encoding="utf-8")
    elif path.suffix == ".xlsx":
        book = Workbook()
        for row in rows:
            book.active.append(row)
        book.save(path)
    else:
        columns = {name: [row[i] for row in rows[1:]] for i, name in enumerate(rows[0])}
        pq.write_table(pa.table(columns), path)


# Files named as PLC files whose first row is no header plcnet reads.
HEADERLESS = {
    "a title row above the header": [
        ["PLC list exported 2019-01-07"],
        ["plc_id", "name"],
        ["P9", "Numeracy"],
    ],
    "other column names": [["id", "title", "area"], ["P9", "Numeracy", "numeracy"]],
}


def test_a_file_named_for_plcnet_without_its_header_stops_the_refresh(
    published: tuple[Path, Path], tmp_path: Path
) -> None:
    raw, db = _copy_published(published, tmp_path)
    before = sha256(db)
    expected = {}
    for case, rows in HEADERLESS.items():
        for name in ("plcs.csv", "plcs.xlsx", "plcs.parquet"):
            bad = raw / "inbox" / _folder(case) / name
            bad.parent.mkdir(parents=True, exist_ok=True)
            _write_table(bad, rows)
            expected[bad] = f"its first row ({', '.join(rows[0])})"
    done = run_refresh(raw, db)
    for bad, first_row in expected.items():
        _assert_refused(done, bad, first_row, "columns plc_id, name, focus_area")
    assert sha256(db) == before


def _welsh(text: str) -> str:
    assert "Numeracy across Anglesey" in text
    return text.replace("Numeracy across Anglesey", WELSH_NAME)


def _last_run_files(db: Path) -> dict[str, dict[str, object]]:
    (files,) = query(db, "SELECT input_files FROM etl_runs ORDER BY started_at DESC LIMIT 1")[0]
    return {Path(f["path"]).name: f for f in json.loads(files)}


@pytest.mark.parametrize(
    ("plcs_as", "memberships_as"),
    [("utf-16 LE with a mark", "tab-separated"), ("semicolon-separated", "utf-16 BE with a mark")],
)
def test_what_can_be_read_without_guessing_is_read(
    tmp_path: Path, plcs_as: str, memberships_as: str
) -> None:
    raw = tiny_raw(tmp_path)
    sent = {}
    for table, case in (("plcs", plcs_as), ("plc_memberships", memberships_as)):
        path = raw / f"{table}.csv"
        sent[table] = rows_in(path)
        text = path.read_text(encoding="utf-8")
        path.write_bytes(READABLE_TEXT[case][0](_welsh(text) if table == "plcs" else text))
    db = tmp_path / "plcnet.duckdb"
    done = run_refresh(raw, db)
    assert done.returncode == 0, done.stdout + done.stderr
    for table, case in (("plcs", plcs_as), ("plc_memberships", memberships_as)):
        assert accounted_rows(db, table) == sent[table]
        assert query(db, f'SELECT count(*) FROM "{table}"')[0][0] > 0
        encoding = "utf-16" if case.startswith("utf-16") else "utf-8"
        assert _last_run_files(db)[f"{table}.csv"]["encoding"] == encoding
    assert query(db, "SELECT name FROM plcs WHERE plc_id = 'P1'") == [(WELSH_NAME,)]


def test_a_decimal_comma_in_a_semicolon_file_is_set_aside_not_misread(tmp_path: Path) -> None:
    raw = tiny_raw(tmp_path)
    outcomes = raw / "school_outcomes.csv"
    sent = rows_in(outcomes)
    text = outcomes.read_text(encoding="utf-8")
    assert ",51.5," in text
    outcomes.write_bytes(_semicolons(text).replace(b";51.5;", b";51,5;"))
    db = tmp_path / "plcnet.duckdb"
    done = run_refresh(raw, db)
    assert done.returncode == 0, done.stdout + done.stderr
    assert accounted_rows(db, "school_outcomes") - _published_outcomes(db) == sent
    decimal = [r for r in rejected_rows(db, "school_outcomes") if r.value == "51,5"]
    assert [(r.source_file, r.line, r.column) for r in decimal] == [(str(outcomes), 2, "value")]
    assert "must be a number" in decimal[0].reason


def _published_outcomes(db: Path) -> int:
    """Rows of school_outcomes from the published categorisation list, loaded or set aside."""
    loaded = query(db, "SELECT count(*) FROM school_outcomes WHERE source = 'published'")[0][0]
    set_aside = query(
        db,
        "SELECT count(DISTINCT (source_file, line)) FROM rejected_rows "
        "WHERE table_name = 'school_outcomes' AND source_file NOT LIKE '%school_outcomes.csv'",
    )[0][0]
    return int(loaded) + int(set_aside)


@pytest.mark.parametrize("mark", ("utf-16-le", "utf-16-be"))
def test_a_reference_file_in_utf16_with_a_mark_is_read(tmp_path: Path, mark: str) -> None:
    raw = tiny_raw(tmp_path)
    text = (REFERENCE_DIR / "local_authorities.csv").read_text(encoding="utf-8")
    edition = raw / "local_authorities_2020.csv"
    edition.write_bytes("\ufeff".encode(mark) + text.encode(mark))
    db = tmp_path / "plcnet.duckdb"
    done = run_refresh(raw, db)
    assert done.returncode == 0, done.stdout + done.stderr
    assert _last_run_files(db)[edition.name]["encoding"] == "utf-16"
    sent = len(text.splitlines()) - 1
    assert query(db, "SELECT count(*) FROM local_authorities") == [(sent,)]


def test_a_semicolon_separated_reference_file_stops_the_refresh(tmp_path: Path) -> None:
    raw = tiny_raw(tmp_path)
    text = (REFERENCE_DIR / "local_authorities.csv").read_text(encoding="utf-8")
    edition = raw / "local_authorities_2020.csv"
    edition.write_bytes(_semicolons(text))
    done = run_refresh(raw, tmp_path / "plcnet.duckdb")
    _assert_refused(done, edition, "semicolon-separated", SAVE_AS_UTF8)


def test_a_file_not_meant_for_plcnet_is_listed_as_not_recognised(tmp_path: Path) -> None:
    raw = tiny_raw(tmp_path)
    others = {
        "notes.csv": _random_bytes(""),
        "empty.xlsx": b"",
        "summary.parquet": _tabs("a,b\n1,2\n"),
        "minutes.csv": _utf16_le_no_mark("date,topic\n2019-01-01,planning\n"),
    }
    for name, content in others.items():
        (raw / name).write_bytes(content)
    db = tmp_path / "plcnet.duckdb"
    done = run_refresh(raw, db)
    assert done.returncode == 0, done.stdout + done.stderr
    read = _last_run_files(db)
    for name in others:
        assert f"not recognised, not loaded: {raw / name}" in done.stdout
        assert name not in read
