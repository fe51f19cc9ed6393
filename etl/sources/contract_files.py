"""Contract files in CSV, Excel (.xlsx) or Parquet, staged as text for validation.

Whatever the format, a file becomes the temp table ``__staged``: every column
as text, plus ``__line``, the line (CSV) or row (Excel, Parquet; the header is
row 1) each record came from, so that a rejected row can be found in the file.

A column named in ``transforms`` is rewritten by its SQL expression in the same
statement that reads the file (member ids become pseudonyms there), so its
values as sent are never stored, not even in ``__staged``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from pathlib import Path

import duckdb
import pandas as pd
from openpyxl import load_workbook

from etl.sources.common import InputError
from etl.sources.sniff import bom_encoding, header_delimiter, read_head, utf8_copy

__all__ = [
    "CONTRACT_SUFFIXES",
    "FILE_SIGNATURES",
    "Transforms",
    "read_header",
    "stage_contract_file",
]

# Column name -> a function from the SQL text of the column's value to the SQL stored.
Transforms = Mapping[str, Callable[[str], str]]

CONTRACT_SUFFIXES = (".csv", ".xlsx", ".parquet")

# DuckDB reads UTF-8 natively; Latin-1 is its nearest to Windows-1252 (the two
# differ only in characters that do not occur in codes and dates).
CSV_ENCODINGS = ("utf-8", "latin-1")
# Text with these byte-order marks is read from a UTF-8 copy: DuckDB reads UTF-16
# in little-endian order only (big-endian comes out wrong, without an error).
TRANSCODED = ("utf-16", "utf-32")

# The first bytes every file of a binary format starts with (an .xlsx is a zip).
FILE_SIGNATURES = {".xlsx": b"PK\x03\x04", ".parquet": b"PAR1"}


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _select_list(names: list[str], text_of: Callable[[str], str], transforms: Transforms) -> str:
    """Every column as text named as in the file, ``transforms`` applied."""
    items = []
    for name in names:
        value = text_of(_quote(name))
        if name in transforms:
            value = transforms[name](value)
        items.append(f"{value} AS {_quote(name)}")
    return ", ".join(items)


def _stage_csv(con: duckdb.DuckDBPyConnection, path: Path, transforms: Transforms) -> str:
    head = read_head(path)
    marked = bom_encoding(head)
    # The header row says the delimiter: commas, or the semicolons or tabs some Excels write.
    delimiter = header_delimiter(head.decode(marked or "latin-1", errors="replace"))
    if marked not in TRANSCODED:
        return _read_csv(con, path, path, CSV_ENCODINGS, delimiter, transforms)
    try:
        with utf8_copy(path, marked) as copy:
            _read_csv(con, copy, path, ("utf-8",), delimiter, transforms)
    except UnicodeDecodeError as error:
        raise InputError(
            f"{path}: its byte-order mark says {marked.upper()} text, but it is not "
            f"({error.reason}); save it as CSV UTF-8."
        ) from error
    return marked


def _read_csv(
    con: duckdb.DuckDBPyConnection,
    source_path: Path,
    path: Path,
    encodings: tuple[str, ...],
    delimiter: str,
    transforms: Transforms,
) -> str:
    """Stage ``source_path`` (``path`` or its UTF-8 copy) in the first encoding that reads it."""
    last_error: duckdb.Error | None = None
    source = """read_csv($path, header = true, all_varchar = true, delim = $delim,
                          quote = '"', escape = '"', null_padding = true,
                          encoding = $encoding)"""
    for encoding in encodings:
        params = {"path": str(source_path), "encoding": encoding, "delim": delimiter}
        try:
            described = con.execute(f"DESCRIBE SELECT * FROM {source}", params).fetchall()
            names = [row[0] for row in described]
            con.execute(
                f"""
                CREATE OR REPLACE TEMP TABLE __staged AS
                SELECT {_select_list(names, str, transforms)},
                       CAST(row_number() OVER () + 1 AS INTEGER) AS __line
                FROM {source}
                """,
                params,
            )
            return encoding
        except duckdb.Error as error:
            last_error = error
            if "unicode" not in str(error).lower():
                break
    reason = str(last_error).splitlines()[0] if last_error else "unknown"
    raise InputError(
        f"{path}: cannot be read as a CSV file ({reason}); save it as comma-separated "
        "UTF-8 text with a header row."
    )


def _excel_text(value: object) -> str | None:
    """Excel cells as the text a CSV would hold: ISO dates, whole numbers without '.0'."""
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _excel_rows(path: Path) -> list[list[str | None]]:
    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds for a damaged file
        raise InputError(
            f"{path}: cannot be opened as an Excel .xlsx workbook ({error}); "
            "save it again from Excel as .xlsx, or as CSV."
        ) from error
    try:
        sheet = book.worksheets[0]
        return [[_excel_text(v) for v in row] for row in sheet.iter_rows(values_only=True)]
    finally:
        book.close()


def _stage_excel(con: duckdb.DuckDBPyConnection, path: Path, transforms: Transforms) -> str:
    rows = _excel_rows(path)
    if not rows:
        raise InputError(f"{path}: the first sheet is empty; put the header in row 1.")
    header = [str(c).strip() if c is not None else f"column_{i}" for i, c in enumerate(rows[0])]
    frame = pd.DataFrame(rows[1:], columns=header, dtype=object)
    frame["__line"] = range(2, len(rows) + 1)
    frame = frame[frame.drop(columns="__line").notna().any(axis=1)]  # Excel's empty tail rows
    con.register("__excel", frame)
    casts = _select_list(header, lambda c: f"CAST({c} AS VARCHAR)", transforms)
    try:
        con.execute(
            f"CREATE OR REPLACE TEMP TABLE __staged AS SELECT {casts}, "
            "CAST(__line AS INTEGER) AS __line FROM __excel"
        )
    finally:
        con.unregister("__excel")
    return "xlsx"


def _stage_parquet(con: duckdb.DuckDBPyConnection, path: Path, transforms: Transforms) -> str:
    try:
        names = [
            r[0]
            for r in con.execute(
                "DESCRIBE SELECT * FROM read_parquet($p)", {"p": str(path)}
            ).fetchall()
        ]
        casts = _select_list(names, lambda c: f"CAST({c} AS VARCHAR)", transforms)
        con.execute(
            f"CREATE OR REPLACE TEMP TABLE __staged AS SELECT {casts}, "
            "CAST(row_number() OVER () + 1 AS INTEGER) AS __line FROM read_parquet($p)",
            {"p": str(path)},
        )
    except duckdb.Error as error:
        raise InputError(
            f"{path}: cannot be read as Parquet ({str(error).splitlines()[0]}); "
            "write it again, or save the table as CSV."
        ) from error
    return "parquet"


def stage_contract_file(
    con: duckdb.DuckDBPyConnection, path: Path, transforms: Transforms | None = None
) -> str:
    """Stage ``path`` as ``__staged``; return the encoding or format that read it."""
    stagers = {".csv": _stage_csv, ".xlsx": _stage_excel, ".parquet": _stage_parquet}
    return stagers[path.suffix.lower()](con, path, transforms or {})


def read_header(path: Path) -> list[str]:
    """The column names of an Excel or Parquet file, for telling what it is.

    Raises InputError when the file cannot be opened as its name says.
    """
    if path.suffix.lower() == ".xlsx":
        try:
            book = load_workbook(path, read_only=True)
            first = next(book.worksheets[0].iter_rows(max_row=1, values_only=True), ())
            book.close()
        except Exception as error:  # openpyxl raises many kinds for a damaged file
            raise InputError(
                f"{path}: cannot be opened as an Excel .xlsx workbook ({error}); "
                "save it again from Excel as .xlsx, or as CSV UTF-8."
            ) from error
        return [str(c) for c in first if c is not None]
    try:
        # A private connection and a bound path: the name of a file in the raw folder
        # is the sender's, and must never be read as SQL.
        with duckdb.connect() as con:
            described = con.execute(
                "DESCRIBE SELECT * FROM read_parquet($path)", {"path": str(path)}
            )
            return [r[0] for r in described.fetchall()]
    except duckdb.Error as error:
        raise InputError(
            f"{path}: cannot be read as Parquet ({str(error).splitlines()[0]}); "
            "write it again, or save the table as CSV UTF-8."
        ) from error
