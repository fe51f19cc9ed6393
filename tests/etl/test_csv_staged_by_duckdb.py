"""The load step's fast paths give what the slow ones give (issue 13, the load step).

A plain CSV file is staged by DuckDB's own reader, every other one by Python's csv
module; member ids are hashed once per distinct id, from keyed hash states, or by pseudonymise()
itself when they might name a person.
Each fast path must stage exactly the records, lines, misfits and pseudonyms the
slow one does, on files and values chosen to be told apart.
"""

from __future__ import annotations

import hashlib
import hmac
import random
import secrets
from pathlib import Path

import duckdb
import pyarrow as pa
import pytest

import etl.sources.contract_files as contract_files
from etl.pseudonym import PseudonymKey, pseudonym, pseudonymise, pseudonymise_values
from etl.sources.common import InputError
from etl.sources.contract_files import stage_contract_file

HEADER = "plc_id,name,focus_area"

# name -> (bytes of the file, whether DuckDB's reader may stage it)
FILES: dict[str, tuple[bytes, bool]] = {
    "plain": (f"{HEADER}\nP1,Cylch 1,numeracy\nP2,Cylch 2,literacy\n".encode(), True),
    "crlf": (f"{HEADER}\r\nP1,Cylch 1,numeracy\r\nP2,,literacy\r\n".encode(), True),
    "no-newline-at-the-end": (f"{HEADER}\nP1,Cylch 1,numeracy".encode(), True),
    "quoted-commas-and-quotes": (
        f'{HEADER}\nP1,"Cylch,""Môn""1",numeracy\nP2,"",x\n'.encode(),
        True,
    ),
    "utf-8-mark": (f"\ufeff{HEADER}\nP1,Ysgol Bl\u0175nau,numeracy\n".encode(), True),
    "semicolons": (b"plc_id;name;focus_area\nP1;Cylch 1;numeracy\n", True),
    "empty-last-column": (f"{HEADER}\nP1,Cylch 1,\nP2,Cylch 2,x\n".encode(), True),
    "quoted-newline": (f'{HEADER}\nP1,"Cylch\n1",numeracy\nP2,Cylch 2,x\n'.encode(), False),
    "blank-line": (f"{HEADER}\nP1,Cylch 1,numeracy\n\nP2,Cylch 2,x\n".encode(), False),
    "blank-first-line": (f"\n{HEADER}\nP1,Cylch 1,numeracy\n".encode(), False),
    "trailing-empty-field": (f"{HEADER}\nP1,Cylch 1,numeracy,\nP2,Cylch 2,x\n".encode(), False),
    "quoted-comma-and-trailing-field": (
        f'{HEADER}\nP1,"a, b",numeracy,\nP2,Cylch 2,x\n'.encode(),
        False,
    ),
    "one-field-more": (f"{HEADER}\nP1,Cylch 1,numeracy,extra\n".encode(), False),
    "one-field-less": (f"{HEADER}\nP1,numeracy\nP2,Cylch 2,x\n".encode(), False),
    "spaces-only-line": (f"{HEADER}\nP1,Cylch 1,numeracy\n   \n".encode(), False),
    "space-before-a-quote": (f'{HEADER}\nP1, "Cylch 1",numeracy\n'.encode(), False),
    "lone-carriage-return": (f"{HEADER}\nP1,Cylch\r1,numeracy\n".encode(), False),
    "windows-1252": (f"{HEADER}\nP1,Caf\u00e9,numeracy\n".encode("cp1252"), False),
    "nul": (f"{HEADER}\nP1,Cy\0lch,numeracy\n".encode(), False),
    "quoted-header": (b'"plc_id",name,focus_area\nP1,Cylch 1,numeracy\n', False),
}


def _staged(con: duckdb.DuckDBPyConnection, path: Path) -> tuple[object, ...]:
    """What a stage left: encoding, staged rows with their lines, misfits."""
    encoding = stage_contract_file(con, path)
    columns = [r[0] for r in con.execute("DESCRIBE __staged").fetchall()]
    rows = con.execute("SELECT * FROM __staged ORDER BY __line").fetchall()
    misfits = con.execute("SELECT * FROM __misfits ORDER BY line").fetchall()
    return encoding, columns, rows, misfits


def _by_the_csv_module(
    con: duckdb.DuckDBPyConnection, path: Path, monkeypatch: pytest.MonkeyPatch
) -> tuple[object, ...]:
    with monkeypatch.context() as patch:
        patch.setattr(contract_files, "_stage_csv_in_duckdb", lambda *_: False)
        return _staged(con, path)


@pytest.mark.parametrize("name", list(FILES))
def test_duckdb_stages_what_the_csv_module_stages(
    name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data, plain = FILES[name]
    path = tmp_path / "plcs.csv"
    path.write_bytes(data)
    con = duckdb.connect()
    taken: list[bool] = []
    in_duckdb = contract_files._stage_csv_in_duckdb

    def spy(*args: object) -> bool:
        taken.append(in_duckdb(*args))  # type: ignore[arg-type]
        return taken[-1]

    monkeypatch.setattr(contract_files, "_stage_csv_in_duckdb", spy)
    fast = _staged(con, path)
    assert taken == [plain]
    assert fast == _by_the_csv_module(con, path, monkeypatch)


def test_a_file_the_csv_module_refuses_is_refused_with_its_words(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "plcs.csv"
    path.write_bytes(f'{HEADER}\nP1,"Cylch" 1,numeracy\n'.encode())
    with pytest.raises(InputError) as fast:
        stage_contract_file(duckdb.connect(), path)
    with pytest.raises(InputError) as slow:
        _by_the_csv_module(duckdb.connect(), path, monkeypatch)
    assert str(fast.value) == str(slow.value)
    assert "line 2" in str(fast.value)


def test_a_large_plain_file_is_staged_by_duckdb_with_every_line(tmp_path: Path) -> None:
    """Several of DuckDB's row groups and threads: lines stay in file order."""
    path = tmp_path / "plcs.csv"
    count = 300_000
    rows = "".join(f"P{i},Cylch {i},numeracy\n" for i in range(count))
    path.write_text(f"{HEADER}\n{rows}", encoding="utf-8")
    con = duckdb.connect()
    assert contract_files._stage_csv_in_duckdb(con, path, ",", {})
    wrong = con.execute(
        "SELECT count(*) FROM __staged WHERE plc_id <> 'P' || (__line - 2)"
    ).fetchone()
    assert wrong == (0,)
    assert con.execute("SELECT count(*) FROM __staged").fetchone() == (count,)


MEMBER_IDS = (
    "T00123",
    "  m-4821  ",
    "m-abcdef",
    "jane.smith@school.wales",
    "Jane Smith",
    "Anne-Marie",
    "O'Neil-Jones",
    "\u00a0T00123",
    "T00123\t",
    "T001\n23",
    "Ysgol-1 \u0175",
    "\u0175-1",
    "1",
    "",
    "   ",
    "a@b1.c",
    "\u2003T1\u2003",
    "T 1",
    "T,1",
    '"q"1',
    "\U0001f4da42",
    "m-\u01771",
    "\u0175",
    " 7 ",
    "Ysgol \u0175 12",
)


@pytest.mark.parametrize("length", [32, 64, 65, 200])
def test_pseudonymised_columns_are_pythons_hmac(length: int) -> None:
    """Each distinct id hashed once from the keyed states, keys shorter and longer than a
    block, against pseudonymise() and against the hmac module itself."""
    key = PseudonymKey(secrets.token_bytes(length), "test")
    rng = random.Random(length)
    drawn = [f"m-{rng.getrandbits(40):010x}" for _ in range(2_000)]
    values = [*MEMBER_IDS, *drawn, *drawn[:500], *MEMBER_IDS, None]
    got = pseudonymise_values(key, pa.array(values, pa.string())).to_pylist()
    assert got == [None if v is None else pseudonymise(key, v) for v in values]
    for value, made in zip(values, got, strict=True):
        if value is not None and value.strip() and not made.startswith("[hidden"):
            keyed = hmac.new(key.secret, value.strip().encode("utf-8"), hashlib.sha256)
            assert made == "m_" + keyed.hexdigest()[:16]
    # A column in chunks, as Arrow gives a read of a large file, keeps its order.
    chunked = pa.chunked_array([values[:700], values[700:]], pa.string())
    assert pseudonymise_values(key, chunked).to_pylist() == got


def test_a_large_file_of_member_ids_keeps_each_pseudonym_on_its_line(tmp_path: Path) -> None:
    """Several of DuckDB's row groups and threads: each line's pseudonym is its own id's."""
    key = PseudonymKey(secrets.token_bytes(32), "test")
    path = tmp_path / "plc_memberships.csv"
    count = 200_000
    ids = [f"m-{i % 50_000:07d}" for i in range(count)]
    path.write_text(
        "plc_id,member_id\n" + "".join(f"P{i},{m}\n" for i, m in enumerate(ids)),
        encoding="utf-8",
    )
    con = duckdb.connect()
    transforms = {"member_id": lambda v: pseudonymise_values(key, v)}
    assert contract_files._stage_csv_in_duckdb(con, path, ",", transforms)
    staged = con.execute("SELECT plc_id, member_id, __line FROM __staged ORDER BY __line")
    expected = [(f"P{i}", pseudonym(key, m), i + 2) for i, m in enumerate(ids)]
    assert staged.fetchall() == expected


@pytest.mark.parametrize("name", ["plcs[1].csv", "plcs*.csv", "plcs?.csv", "plcs{a,b}.csv"])
def test_a_file_name_duckdb_would_expand_is_read_by_the_csv_module(
    name: str, tmp_path: Path
) -> None:
    """A raw file's name is the sender's: DuckDB must never read it as a pattern."""
    (tmp_path / "plcsX.csv").write_text(f"{HEADER}\nX1,Not this file,numeracy\n")
    path = tmp_path / name
    path.write_text(f"{HEADER}\nP1,Cylch 1,numeracy\n")
    con = duckdb.connect()
    assert not contract_files._stage_csv_in_duckdb(con, path, ",", {})
    stage_contract_file(con, path)
    assert con.execute("SELECT plc_id, __line FROM __staged").fetchall() == [("P1", 2)]
