"""Contract files in CSV, Excel (.xlsx) or Parquet, staged as text for validation.

Whatever the format, a file becomes the temp table ``__staged``: every column
as text, plus ``__line``, the line (CSV) or row (Excel, Parquet; the header is
row 1) each record came from, so that a rejected row can be found in the file.

A CSV file is read as Python's csv module reads it (RFC 4180: values in double
quotes may hold commas, doubled quotes and line breaks), so that each record keeps
the line it starts on and a record whose fields do not fit the header is set aside
whole (``__misfits``), never cut or padded. A plain file (UTF-8, one record a line,
every record fitting the header: the usual one) is read by DuckDB's own parallel
reader, which then splits it exactly as the csv module would; any other file, or
one DuckDB's reader refuses, is read by the csv module itself.

A column named in ``transforms`` is rewritten by its function, over the column's
values in Arrow, between the read and ``__staged`` (member ids become pseudonyms
there), so its values as sent are never stored, not even in ``__staged``.
"""

from __future__ import annotations

import csv
import datetime as dt
import gc
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pandas as pd
import pyarrow as pa

from etl.reasons import say
from etl.sources.common import InputError
from etl.sources.sniff import SAVE_AS_CSV_UTF8, bom_encoding, header_delimiter, read_head

__all__ = [
    "CONTRACT_SUFFIXES",
    "FILE_SIGNATURES",
    "Transforms",
    "lost_letters_warning",
    "read_header",
    "stage_contract_file",
]

# Column name -> a function from the column's values as read (in order, text or null)
# to the values stored, as many and in the same order.
Transforms = Mapping[str, Callable[[pa.Array], pa.Array]]

CONTRACT_SUFFIXES = (".csv", ".xlsx", ".parquet")

# Without a byte-order mark: UTF-8, else Windows-1252 (what Excel's "CSV (Comma
# delimited)" writes); detection has already refused bytes Windows-1252 leaves undefined.
CSV_ENCODINGS = ("utf-8", "cp1252")
# With one, the mark says which (UTF-8's is dropped from the header by _csv_header).
MARKED_ENCODINGS = ("utf-16", "utf-32")

# The first bytes every file of a binary format starts with (an .xlsx is a zip).
FILE_SIGNATURES = {".xlsx": b"PK\x03\x04", ".parquet": b"PAR1"}


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _select_list(names: list[str], text_of: Callable[[str], str]) -> str:
    """Every column as text named as in the file."""
    return ", ".join(f"{text_of(_quote(name))} AS {_quote(name)}" for name in names)


def _create_staged(
    con: duckdb.DuckDBPyConnection,
    select: str,
    transforms: Transforms,
    params: dict[str, object] | None = None,
) -> None:
    """``__staged`` from the query ``select``, its columns named in ``transforms``
    rewritten on the way (in Arrow, in Python: the values as sent stay in memory)."""
    if not transforms:
        con.execute(f"CREATE OR REPLACE TEMP TABLE __staged AS {select}", params or {})
        return
    table = con.sql(select, params=params or {}).to_arrow_table()
    for name, transform in transforms.items():
        if name in table.column_names:
            where = table.column_names.index(name)
            table = table.set_column(where, name, transform(table.column(where)))
    con.register("__transformed", table)
    try:
        con.execute("CREATE OR REPLACE TEMP TABLE __staged AS SELECT * FROM __transformed")
    finally:
        con.unregister("__transformed")


@dataclass(frozen=True)
class CsvRecords:
    """A CSV file's records as the csv module reads them (RFC 4180: quoted commas,
    doubled quotes, newlines inside quotes).

    ``rows`` are the records with as many fields as the header, ``lines`` the line
    each starts on (the header is line 1; a record over two lines moves the next
    ones down), ``misfits`` the records with more or fewer fields: (line, fields).
    """

    header: list[str]
    rows: list[list[str]]
    lines: Sequence[int]
    misfits: list[tuple[int, int]]


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector while a whole file's records are made.

    Hundreds of thousands of small lists and tuples: the collector finds nothing to
    free in them but would walk them all, again and again, as they are made (it
    tripled the time of reading the England-sized demo).
    """
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()


def _parse_csv(path: Path, encoding: str, delimiter: str) -> tuple[list[list[str]], Sequence[int]]:
    """Every record of ``path`` and the line it starts on; blank lines are no records.

    When each record took exactly one line (the usual file) the lines follow from
    the record numbers; a file with quoted newlines or blank lines, or one the
    reader stops on, is read a second time, record by record, to find where each
    starts (and where the one it stops on starts).
    """
    with path.open(encoding=encoding, newline="") as stream:
        reader = csv.reader(stream, delimiter=delimiter, strict=True)
        try:
            records = list(reader)
        except csv.Error:
            records = None
        if records is not None and reader.line_num == len(records) and all(records):
            return records, range(1, len(records) + 1)
    with path.open(encoding=encoding, newline="") as stream:
        return _records_with_lines(csv.reader(stream, delimiter=delimiter, strict=True))


def _records_with_lines(reader: Iterator[list[str]]) -> tuple[list[list[str]], list[int]]:
    records, starts, start = [], [], 1
    try:
        for record in reader:
            if record:
                records.append(record)
                starts.append(start)
            start = reader.line_num + 1  # type: ignore[attr-defined]
    except csv.Error as error:
        raise csv.Error(f"the record that starts on line {start}: {error}") from error
    return records, starts


def _read_csv_records(path: Path, encoding: str, delimiter: str) -> CsvRecords:
    try:
        records, lines = _parse_csv(path, encoding, delimiter)
    except csv.Error as error:
        raise InputError(
            f"{path}: cannot be read as a CSV file ({error}); a value that starts with "
            'a double quote must end with one, and a double quote inside it is written twice (""). '
            "Save it as comma-separated UTF-8 text with a header row."
        ) from error
    if not records:
        raise InputError(f"{path}: the file is empty; put the header in line 1.")
    header = _csv_header(path, records[0])
    width = len(header)
    if all(len(record) == width for record in records):
        return CsvRecords(header, records[1:], lines[1:], [])
    rows, row_lines, misfits = [], [], []
    for record, line in zip(records[1:], lines[1:], strict=True):
        if len(record) == width:
            rows.append(record)
            row_lines.append(line)
        else:
            misfits.append((line, len(record)))
    return CsvRecords(header, rows, row_lines, misfits)


def _csv_header(path: Path, cells: list[str]) -> list[str]:
    """The column names of the header line: no byte-order mark, an unnamed one numbered."""
    names = [cell.lstrip("\ufeff") if i == 0 else cell for i, cell in enumerate(cells)]
    names = [name if name.strip() else f"column{i}" for i, name in enumerate(names)]
    twice = sorted({name for name in names if names.count(name) > 1})
    if twice:
        raise InputError(
            f"{path}: the header names {', '.join(twice)} more than once; "
            "give each column one name, once."
        )
    return names


def misfit_reason(fields: int, width: int) -> str:
    """Why a record with ``fields`` fields under a header of ``width`` columns is set aside."""
    code = "too_many_fields" if fields > width else "too_few_fields"
    return say(code, fields=fields, width=width)


def _stage_records(
    con: duckdb.DuckDBPyConnection, records: CsvRecords, transforms: Transforms
) -> None:
    """``__staged`` from the records, and their misfits into ``__misfits``."""
    width = len(records.header)
    values = list(zip(*records.rows, strict=True)) if records.rows else [()] * width
    table = pa.table(
        {f"c{i}": pa.array(values[i], pa.string()) for i in range(width)}
        | {"__line": pa.array(records.lines, pa.int32())}
    )
    # An empty field is no value, as DuckDB's own reader had it.
    named = ", ".join(
        f"nullif(c{i}, '') AS {_quote(name)}" for i, name in enumerate(records.header)
    )
    con.register("__csv_records", table)
    try:
        _create_staged(con, f"SELECT {named}, __line FROM __csv_records", transforms)
    finally:
        con.unregister("__csv_records")
    _add_misfits(con, [(line, misfit_reason(fields, width)) for line, fields in records.misfits])


def _add_misfits(con: duckdb.DuckDBPyConnection, misfits: list[tuple[int, str]]) -> None:
    """Records to set aside whole, with their line and why, into ``__misfits``."""
    if not misfits:
        return
    lines, reasons = zip(*misfits, strict=True)
    table = pa.table({"line": pa.array(lines, pa.int32()), "reason": pa.array(reasons)})
    con.register("__misfit_rows", table)
    try:
        con.execute("INSERT INTO __misfits SELECT line, reason FROM __misfit_rows")
    finally:
        con.unregister("__misfit_rows")


# What DuckDB's readers expand in a file name (a glob, a list of alternatives).
_GLOB_CHARACTERS = frozenset("*?[]{}")


def _plain_csv_header(path: Path, data: bytes, delimiter: str) -> list[str] | None:
    """The header of a CSV file that DuckDB's reader splits exactly as the csv module
    does, one record a line; None for any other file (the csv module reads it).

    Such a file is UTF-8, has no NUL, ends its lines with LF or with CRLF throughout,
    has an unquoted header with good names in line 1, and has no space beside a double
    quote (DuckDB's reader drops spaces around a quoted value, the csv module keeps
    them or refuses the record). Whether every record took one line is checked after
    the read (_read_as_the_csv_module_would).
    """
    if not data or b"\0" in data or (b'"' in data and (b' "' in data or b'" ' in data)):
        return None
    carriage_returns = data.count(b"\r")
    if carriage_returns and not carriage_returns == data.count(b"\r\n") == data.count(b"\n"):
        return None
    try:
        first = data[: data.find(b"\n")] if b"\n" in data else data
        line = first.removesuffix(b"\r").decode("utf-8")
        data.decode("utf-8")  # the whole file, as the csv module's reader would
    except UnicodeDecodeError:
        return None
    if not line or '"' in line:
        return None
    try:
        return _csv_header(path, line.split(delimiter))
    except InputError:
        return None  # said by the csv module's path, which first reads every record


def _read_as_the_csv_module_would(
    con: duckdb.DuckDBPyConnection, data: bytes, header: list[str], delimiter: str
) -> bool:
    """Whether DuckDB's records of ``__staged`` are the csv module's, line for line.

    Every record and the header took one line each (no record over two lines, no
    blank line), so ``__line`` is each record's line; and every delimiter of the file
    is one between the header's columns or one inside a quoted value: DuckDB's reader
    drops an empty field after the last column ("a,b,c,"), which the csv module
    counts, and such a record must be set aside.
    """
    lines = data.count(b"\n") + (0 if data.endswith(b"\n") else 1)
    (records,) = con.execute("SELECT count(*) FROM __staged").fetchone()
    if records + 1 != lines:
        return False
    quoted = 0
    if b'"' in data:
        inside = " + ".join(
            f"coalesce(sum(length({_quote(n)}) - length(replace({_quote(n)}, $d, ''))), 0)"
            for n in header
        )
        (quoted,) = con.execute(f"SELECT {inside} FROM __staged", {"d": delimiter}).fetchone()
    return data.count(delimiter.encode()) == (len(header) - 1) * lines + quoted


def _stage_csv_in_duckdb(
    con: duckdb.DuckDBPyConnection, path: Path, delimiter: str, transforms: Transforms
) -> bool:
    """Stage a plain CSV file (_plain_csv_header) with DuckDB's own parallel reader, as
    the csv module would have: True if staged, False to leave it to the csv module.

    Any record the reader refuses (more or fewer fields than the header, a stray quote,
    a line longer than the csv module's field limit) leaves the whole file to the csv
    module, which sets misfits aside and words every error.
    """
    if _GLOB_CHARACTERS & set(str(path)) or str(path).startswith("~"):
        return False  # DuckDB would read the name as a pattern, or a home folder
    data = path.read_bytes()
    header = _plain_csv_header(path, data, delimiter)
    if header is None:
        return False
    # Positional names: no header text is written into the SQL.
    columns = ", ".join(f"'c{i}': 'VARCHAR'" for i in range(len(header)))
    named = ", ".join(f"nullif(c{i}, '') AS {_quote(name)}" for i, name in enumerate(header))
    try:
        _create_staged(
            con,
            f"""
            SELECT {named}, CAST(ordinality + 1 AS INTEGER) AS __line
            FROM read_csv(
                $path, auto_detect = false, header = false, skip = 1,
                columns = {{{columns}}}, delim = $delimiter, quote = '"', escape = '"',
                comment = '', strict_mode = true, null_padding = false,
                ignore_errors = false, max_line_size = $longest
            ) WITH ORDINALITY
            """,
            transforms,
            {"path": str(path), "delimiter": delimiter, "longest": csv.field_size_limit()},
        )
    except duckdb.Error:
        con.execute("DROP TABLE IF EXISTS __staged")
        return False
    if not _read_as_the_csv_module_would(con, data, header, delimiter):
        con.execute("DROP TABLE __staged")
        return False
    return True


def _stage_csv(con: duckdb.DuckDBPyConnection, path: Path, transforms: Transforms) -> str:
    head = read_head(path)
    marked = bom_encoding(head)
    # The header row says the delimiter: commas, or the semicolons or tabs some Excels write.
    delimiter = header_delimiter(head.decode(marked or "latin-1", errors="replace"))
    if marked not in MARKED_ENCODINGS and _stage_csv_in_duckdb(con, path, delimiter, transforms):
        return "utf-8"
    # A byte-order mark says the encoding; Python's codec reads it and drops the mark.
    encodings = (marked,) if marked in MARKED_ENCODINGS else CSV_ENCODINGS
    last_error: UnicodeDecodeError | None = None
    for encoding in encodings:
        try:
            with _collector_paused():
                _stage_records(con, _read_csv_records(path, encoding, delimiter), transforms)
        except UnicodeDecodeError as error:
            last_error = error
            continue
        return encoding
    reason = str(last_error).splitlines()[0] if last_error else "unknown"
    raise InputError(
        f"{path}: cannot be read as {' or '.join(encodings)} text ({reason}); {SAVE_AS_CSV_UTF8}."
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
    # openpyxl is imported where a workbook is read: most refreshes read none, and
    # every ``python -m etl`` would otherwise pay for importing it.
    from openpyxl import load_workbook

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


def _unnamed_column_values(rows: list[list[str | None]]) -> list[tuple[int, str]]:
    """Rows with a value in a column that has no name in the header row (lines from 2)."""
    unnamed = [i for i, c in enumerate(rows[0]) if c is None or not str(c).strip()]
    misfits = []
    for line, row in enumerate(rows[1:], start=2):
        filled = [i for i in unnamed if i < len(row) and row[i] not in (None, "")]
        if filled:
            from openpyxl.utils import get_column_letter  # see _excel_rows

            letters = ", ".join(get_column_letter(i + 1) for i in filled)
            misfits.append(
                (
                    line,
                    f"a value in column {letters}, which has no name in the header row "
                    "(row 1): name the column, or move the value under its own column",
                )
            )
    return misfits


def _stage_excel(con: duckdb.DuckDBPyConnection, path: Path, transforms: Transforms) -> str:
    rows = _excel_rows(path)
    if not rows:
        raise InputError(f"{path}: the first sheet is empty; put the header in row 1.")
    header = [str(c).strip() if c is not None else f"column_{i}" for i, c in enumerate(rows[0])]
    misfits = _unnamed_column_values(rows)
    frame = pd.DataFrame(rows[1:], columns=header, dtype=object)
    frame["__line"] = range(2, len(rows) + 1)
    frame = frame[frame.drop(columns="__line").notna().any(axis=1)]  # Excel's empty tail rows
    frame = frame[~frame["__line"].isin([line for line, _ in misfits])]
    con.register("__excel", frame)
    casts = _select_list(header, lambda c: f"CAST({c} AS VARCHAR)")
    try:
        _create_staged(
            con, f"SELECT {casts}, CAST(__line AS INTEGER) AS __line FROM __excel", transforms
        )
    finally:
        con.unregister("__excel")
    _add_misfits(con, misfits)
    return "xlsx"


def _stage_parquet(con: duckdb.DuckDBPyConnection, path: Path, transforms: Transforms) -> str:
    try:
        names = [
            r[0]
            for r in con.execute(
                "DESCRIBE SELECT * FROM read_parquet($p)", {"p": str(path)}
            ).fetchall()
        ]
        casts = _select_list(names, lambda c: f"CAST({c} AS VARCHAR)")
        _create_staged(
            con,
            f"SELECT {casts}, CAST(row_number() OVER () + 1 AS INTEGER) AS __line "
            "FROM read_parquet($p)",
            transforms,
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
    """Stage ``path`` as ``__staged``; return the encoding or format that read it.

    Records that cannot be split into the header's columns (more or fewer fields
    than the header, a value under no column name) are not staged but listed in
    ``__misfits`` (line, reason), to be set aside whole.
    """
    con.execute("CREATE OR REPLACE TEMP TABLE __misfits (line INTEGER, reason VARCHAR)")
    stagers = {".csv": _stage_csv, ".xlsx": _stage_excel, ".parquet": _stage_parquet}
    return stagers[path.suffix.lower()](con, path, transforms or {})


# A "?" between two letters: what Excel's "CSV (Comma delimited)" (Windows-1252)
# writes for a letter it has not got, such as ŵ and ŷ ("Ysgol Gynradd Bl?nau").
LOST_LETTER = r"\pL\?\pL"
EXAMPLE_CHARS = 80


def lost_letters_warning(
    con: duckdb.DuckDBPyConnection, path: Path, columns: Sequence[str], *, quote: bool
) -> str | None:
    """A warning when values of ``columns`` of ``__staged`` hold a "?" between letters.

    ``columns`` are the free-text columns (codes and dates have checks of their own;
    member ids are pseudonyms already); ``quote`` says whether the first such value
    may be quoted (not from a file of member ids). The rows load as sent: the "?" is
    in the sender's file. None when no value has one.
    """
    staged = [r[0] for r in con.execute("DESCRIBE __staged").fetchall()]
    looked_at = [(i, name) for i, name in enumerate(staged) if name in columns]
    if not looked_at:
        return None
    # Columns are named by their position, so no header text is written into the SQL.
    hits = " UNION ALL ".join(
        f"SELECT {i} AS col, __line AS line, {_quote(n)} AS value FROM __staged "
        f"WHERE contains({_quote(n)}, '?') AND regexp_matches({_quote(n)}, $pattern)"
        for i, n in looked_at
    )
    count, col, line, value = con.execute(
        f"SELECT count(*), arg_min(col, (line, col)), min(line), arg_min(value, (line, col)) "
        f"FROM ({hits})",
        {"pattern": LOST_LETTER},
    ).fetchall()[0]
    if not count:
        return None
    text = " ".join(value.split())  # a value over two lines, on one
    example = text if len(text) <= EXAMPLE_CHARS else text[:EXAMPLE_CHARS] + "…"
    quoted = f': "{example}"' if quote else ""
    advice = (
        'save it from Excel as "CSV UTF-8 (Comma delimited)", not "CSV (Comma delimited)", '
        "and send it again"
        if path.suffix.lower() == ".csv"
        else 'they were lost in an earlier save as "CSV (Comma delimited)"; put them back '
        "in the source and send the file again"
    )
    return (
        f'{path}: {count:,} value(s) hold a "?" between letters, first at line {line}, '
        f"column {staged[col]}{quoted}. Welsh letters such as ŵ and ŷ were probably lost "
        f"before the file came; {advice}. The rows are loaded as sent."
    )


def read_header(path: Path) -> list[str]:
    """The column names of an Excel or Parquet file, for telling what it is.

    Raises InputError when the file cannot be opened as its name says.
    """
    if path.suffix.lower() == ".xlsx":
        from openpyxl import load_workbook  # see _excel_rows

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
