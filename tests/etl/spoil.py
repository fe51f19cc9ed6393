"""Rows a hardening test adds to the tiny contract files, each with one value spoilt.

Each added row is a copy of the first (good) row of its file with a key of its own,
so that the spoilt value is the row's only problem: a test can then ask whether
exactly that value was set aside, with its column and reason, and the rest loaded.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from etl.contract import Column, ContractFile
from tests.etl.cli_run import query

# Column types whose values are checked against a type before they are cast.
TYPED = ("integer", "number", "date", "school_id", "year", "score")


@dataclass(frozen=True)
class Spoilt:
    """One row added with a spoilt value, and where it lands in the file."""

    table: str
    column: str  # the first column given a value of the case
    case: str
    value: str
    line: int
    row: dict[str, str]


# A good value of each type, for a column whose example is empty (an optional one).
GOOD_VALUES = {
    "integer": "7",
    "number": "52.4",
    "date": "2018-01-31",
    "school_id": "6602130",
    "year": "2016/17",
    "score": "4",
}


def typed_columns(spec: ContractFile) -> list[Column]:
    return [c for c in spec.columns if c.type in TYPED]


def example(column: Column) -> str:
    """A good value of ``column``: its example, or one of its type."""
    return column.example or GOOD_VALUES[column.type]


def set_aside_lines(db: Path, path: Path) -> int:
    """Distinct lines of the file ``path`` in rejected_rows."""
    rows = query(
        db,
        "SELECT count(DISTINCT line) FROM rejected_rows WHERE source_file = $file",
        {"file": str(path)},
    )
    return int(rows[0][0])


def reported_counts(stdout: str, path: Path) -> tuple[int, int]:
    """(rows loaded, rows set aside) the refresh reported for the file ``path``."""
    found = re.search(
        rf"{re.escape(path.name)} \([^)]*\): ([0-9,]+) rows loaded, ([0-9,]+) set aside", stdout
    )
    assert found, f"the refresh said nothing of {path.name}:\n{stdout}"
    return int(found[1].replace(",", "")), int(found[2].replace(",", ""))


def read_rows(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        return list(reader.fieldnames or []), list(reader)


def write_rows(path: Path, header: list[str], rows: Iterable[dict[str, str]]) -> None:
    """One row per line: a row's line is its index plus two."""
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=header, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def _academic_year(start: int) -> str:
    return f"{start}/{(start + 1) % 100:02d}"


def _with_own_key(
    spec: ContractFile, row: dict[str, str], n: int, taken: set[tuple[str, ...]]
) -> dict[str, str]:
    """``row`` with a key no other row has: a free-text key column varied, or the year.

    A year is the first free one from the first row's: a row that loads must not
    stretch the years the refresh computes for (every year between the first and last).
    """
    referencing = {r.column for r in spec.references}
    types = {c.name: c.type for c in spec.columns}
    for name in spec.key:
        if types[name] in ("text", "member_id") and name not in referencing:
            return {**row, name: f"{row[name]}-spoilt{n}"}
        if types[name] == "year":
            for start in range(int(row[name][:4]), 10000):
                candidate = {**row, name: _academic_year(start)}
                if tuple(candidate[k] for k in spec.key) not in taken:
                    return candidate
    raise AssertionError(f"no key column of {spec.table} to vary; teach _with_own_key one")


def add_rows(
    raw: Path, spec: ContractFile, cases: Iterable[tuple[str, dict[str, str]]]
) -> list[Spoilt]:
    """Append to ``raw``'s file of ``spec`` a copy of its first row per (case, values),
    each with a key of its own and ``values`` put in (a value given for a key column
    is the caller's to keep unique)."""
    path = raw / spec.file_name
    header, rows = read_rows(path)
    base_row = rows[0]
    taken = {tuple(r[k] for k in spec.key) for r in rows}
    added = []
    for n, (case, values) in enumerate(cases, start=len(rows)):
        row = {**_with_own_key(spec, base_row, n, taken), **values}
        taken.add(tuple(row[k] for k in spec.key))
        rows.append(row)
        column, value = next(iter(values.items()))
        added.append(Spoilt(spec.table, column, case, value, n + 2, row))
    write_rows(path, header, rows)
    return added


def add_spoilt_rows(
    raw: Path, spec: ContractFile, spoils: Iterable[tuple[str, str, str]]
) -> list[Spoilt]:
    """Append to ``raw``'s file of ``spec`` one row per (case, column, value)."""
    return add_rows(raw, spec, [(case, {column: value}) for case, column, value in spoils])
