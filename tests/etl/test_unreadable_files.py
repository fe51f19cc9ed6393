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
    message = done.stderr
    assert done.returncode == 2, done.stdout + done.stderr
    assert str(bad) in message, message
    for words in what:
        assert words in message, message
    assert NOT_CHANGED in message
    assert "Traceback" not in message


def _refuse_beside_a_good_folder(
    published: tuple[Path, Path], tmp_path: Path, name: str, content: bytes, *what: str
) -> None:
    raw, db = _copy_published(published, tmp_path)
    before, runs_before = sha256(db), query(db, "SELECT count(*) FROM etl_runs")
    bad = raw / "inbox" / name
    bad.parent.mkdir()
    bad.write_bytes(content)
    done = run_refresh(raw, db)
    _assert_refused(done, bad, *what)
    assert sha256(db) == before
    assert query(db, "SELECT count(*) FROM etl_runs") == runs_before


@pytest.mark.parametrize("name", CONTRACT_NAMES)
@pytest.mark.parametrize("case", UNREADABLE)
def test_an_unreadable_file_named_for_plcnet_stops_the_refresh(
    published: tuple[Path, Path], tmp_path: Path, case: str, name: str
) -> None:
    spoil, what = UNREADABLE[case]
    content = spoil(_contract_text(published[0], name))
    advice = "export it again" if case == "0 bytes" else ""
    if case == "an Excel 97-2003 workbook":
        advice = 'save it from Excel as ".xlsx"'
    if case.startswith("utf-16") or case == "unknown code page":
        advice = SAVE_AS_UTF8
    elif case == "random bytes":
        advice = "replace it with the file as exported"
    _refuse_beside_a_good_folder(published, tmp_path, name, content, what, advice)


@pytest.mark.parametrize("name", ("plcs.xlsx", "plc_memberships.parquet"))
@pytest.mark.parametrize("case", READABLE_TEXT)
def test_text_named_as_a_workbook_or_parquet_stops_the_refresh(
    published: tuple[Path, Path], tmp_path: Path, case: str, name: str
) -> None:
    spoil, what = READABLE_TEXT[case]
    content = spoil(_contract_text(published[0], name))
    named = "an Excel workbook" if name.endswith(".xlsx") else "a Parquet file"
    rename = f'rename it "{Path(name).stem}.csv"'
    _refuse_beside_a_good_folder(published, tmp_path, name, content, named, what, rename)


@pytest.mark.parametrize(
    ("name", "spoil", "what"),
    [
        ("export.csv", _utf16_le_no_mark, "UTF-16 text (little-endian)"),
        ("Copy of export.xlsx", _semicolons, "semicolon-separated text (CSV)"),
        ("data.parquet", _utf16_be_marked, "UTF-16 comma-separated text (CSV)"),
        ("export (2).csv", _nul_padded, "text holding NUL bytes (the first at offset"),
        ("plcs.csv", _workbook, "a zip file (an Excel .xlsx workbook is one), not text; if it"),
    ],
)
def test_a_file_whose_content_is_plcnets_stops_the_refresh_whatever_its_name(
    published: tuple[Path, Path], tmp_path: Path, name: str, spoil: Spoil, what: str
) -> None:
    content = spoil(_contract_text(published[0], "plcs.csv"))
    _refuse_beside_a_good_folder(published, tmp_path, name, content, what)


def _zip_not_a_workbook(_: str) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("plcs.csv", "plc_id,name\n")
    return out.getvalue()


def _truncated_parquet(text: str) -> bytes:
    out = io.BytesIO()
    pq.write_table(pa.table({"plc_id": ["P1"] * 100, "name": ["Numeracy"] * 100}), out)
    return out.getvalue()[: len(out.getvalue()) // 2]


@pytest.mark.parametrize(
    ("name", "spoil", "what"),
    [
        ("plcs.xlsx", _zip_not_a_workbook, "cannot be opened as an Excel .xlsx workbook"),
        ("plcs.parquet", _truncated_parquet, "cannot be read as Parquet"),
    ],
)
def test_a_damaged_workbook_or_parquet_file_named_for_plcnet_stops_the_refresh(
    published: tuple[Path, Path], tmp_path: Path, name: str, spoil: Spoil, what: str
) -> None:
    content = spoil("")
    _refuse_beside_a_good_folder(published, tmp_path, name, content, what, "save")


@pytest.mark.parametrize("case", ("utf-16 LE without a mark", "random bytes", "0 bytes"))
def test_a_first_load_with_an_unreadable_file_publishes_nothing(tmp_path: Path, case: str) -> None:
    raw = tiny_raw(tmp_path)
    spoil, what = UNREADABLE[case]
    plcs = raw / "plcs.csv"
    plcs.write_bytes(spoil(plcs.read_text(encoding="utf-8")))
    db = tmp_path / "plcnet.duckdb"
    _assert_refused(run_refresh(raw, db), plcs, what)
    assert not db.exists()


def test_every_unreadable_file_is_named_at_once(tmp_path: Path) -> None:
    raw = tiny_raw(tmp_path)
    (raw / "plcs.xlsx").write_bytes(b"")
    (raw / "school_outcomes.parquet").write_bytes(_random_bytes(""))
    done = run_refresh(raw, tmp_path / "plcnet.duckdb")
    _assert_refused(done, raw / "plcs.xlsx", "0 bytes")
    assert str(raw / "school_outcomes.parquet") in done.stderr


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


@pytest.mark.parametrize("name", ("plcs.csv", "plcs.xlsx", "plcs.parquet"))
@pytest.mark.parametrize(
    "rows",
    [
        [["PLC list exported 2019-01-07"], ["plc_id", "name"], ["P9", "Numeracy"]],
        [["id", "title", "area"], ["P9", "Numeracy", "numeracy"]],
    ],
    ids=("a title row above the header", "other column names"),
)
def test_a_file_named_for_plcnet_without_its_header_stops_the_refresh(
    published: tuple[Path, Path], tmp_path: Path, name: str, rows: list[list[str]]
) -> None:
    raw, db = _copy_published(published, tmp_path)
    before = sha256(db)
    bad = raw / "inbox" / name
    bad.parent.mkdir()
    _write_table(bad, rows)
    done = run_refresh(raw, db)
    shown = ", ".join(rows[0])
    _assert_refused(done, bad, f"its first row ({shown})", "columns plc_id, name, focus_area")
    assert sha256(db) == before


def _welsh(text: str) -> str:
    assert "Numeracy across Anglesey" in text
    return text.replace("Numeracy across Anglesey", WELSH_NAME)


def _last_run_files(db: Path) -> dict[str, dict[str, object]]:
    (files,) = query(db, "SELECT input_files FROM etl_runs ORDER BY started_at DESC LIMIT 1")[0]
    return {Path(f["path"]).name: f for f in json.loads(files)}


@pytest.mark.parametrize("table", ("plcs", "plc_memberships"))
@pytest.mark.parametrize(
    ("case", "encoding"),
    [
        ("utf-16 LE with a mark", "utf-16"),
        ("utf-16 BE with a mark", "utf-16"),
        ("semicolon-separated", "utf-8"),
        ("tab-separated", "utf-8"),
    ],
)
def test_what_can_be_read_without_guessing_is_read(
    tmp_path: Path, case: str, encoding: str, table: str
) -> None:
    raw = tiny_raw(tmp_path)
    path = raw / f"{table}.csv"
    sent = rows_in(path)
    text = path.read_text(encoding="utf-8")
    path.write_bytes(READABLE_TEXT[case][0](_welsh(text) if table == "plcs" else text))
    db = tmp_path / "plcnet.duckdb"
    done = run_refresh(raw, db)
    assert done.returncode == 0, done.stdout + done.stderr
    assert accounted_rows(db, table) == sent
    assert query(db, f'SELECT count(*) FROM "{table}"')[0][0] > 0
    assert _last_run_files(db)[path.name]["encoding"] == encoding
    if table == "plcs":
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


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("notes.csv", _random_bytes("")),
        ("empty.xlsx", b""),
        ("summary.parquet", _tabs("a,b\n1,2\n")),
        ("minutes.csv", _utf16_le_no_mark("date,topic\n2019-01-01,planning\n")),
    ],
)
def test_a_file_not_meant_for_plcnet_is_listed_as_not_recognised(
    tmp_path: Path, name: str, content: bytes
) -> None:
    raw = tiny_raw(tmp_path)
    other = raw / name
    other.write_bytes(content)
    db = tmp_path / "plcnet.duckdb"
    done = run_refresh(raw, db)
    assert done.returncode == 0, done.stdout + done.stderr
    assert f"not recognised, not loaded: {other}" in done.stdout
    assert name not in _last_run_files(db)
