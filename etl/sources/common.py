"""What every reader of published files shares: text decoding, header matching, rejections."""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from pathlib import Path

from etl.sources.sniff import NotTextError, decode_text

__all__ = [
    "ENCODINGS",
    "InputError",
    "Rejection",
    "decode_file",
    "normalise_header",
    "read_csv_rows",
]

# Welsh Government files come as UTF-8 (often with a byte-order mark) or as
# Windows-1252 from older Excel exports; UTF-8 is tried first because a
# Windows-1252 decode never fails and would garble Welsh letters. Text with a
# byte-order mark (UTF-16 too) is decoded by its mark (etl/sources/sniff.py).
ENCODINGS = ("utf-8-sig", "cp1252")


class InputError(Exception):
    """A file that cannot be read at all: the refresh stops and says what to do."""


@dataclass(frozen=True)
class Rejection:
    """One row set aside, with where it came from and why."""

    table: str
    source_file: str
    line: int | None
    column: str | None
    value: str | None
    reason: str


def decode_file(path: Path) -> tuple[str, str]:
    """Return the text of ``path`` and the encoding that read it."""
    try:
        return decode_text(path.read_bytes())
    except NotTextError as error:
        raise InputError(f"{path}: {error}.") from error


def read_csv_rows(path: Path) -> tuple[list[list[str]], list[int], str]:
    """Parse a CSV file into rows, each with the line number it starts on.

    Returns the rows, their first line numbers (1-based; a quoted cell may span
    lines, so row index and line number differ) and the encoding used.
    """
    text, encoding = decode_file(path)
    reader = csv.reader(io.StringIO(text, newline=""))
    rows: list[list[str]] = []
    lines: list[int] = []
    start = 1
    for row in reader:
        rows.append(row)
        lines.append(start)
        start = reader.line_num + 1
    return rows, lines, encoding


def normalise_header(cell: str) -> str:
    """Lower-case a header cell, keep its English part and collapse spacing.

    ``"School code/\\nCod ysgol"`` becomes ``"school code"``; ``"LA Code"`` becomes
    ``"la code"``. Bilingual headers put English first, before a slash.
    """
    english = cell.replace("\ufeff", "").split("/")[0]
    return re.sub(r"\s+", " ", english).strip().lower()
