"""The Welsh Government "address list of schools", any edition.

Column names and order vary a little between editions, and later editions end
with blank and note rows; rows without a school number are set aside with a
reason. Columns are found by name (see ``COLUMN_ALIASES``), never by position.
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from etl.reasons import say
from etl.sources.common import InputError, Rejection, normalise_header, read_csv_rows

__all__ = ["LANGUAGE_MEDIUMS", "is_address_list", "read_address_list"]

TABLE = "schools"

# Our column -> header names seen in editions of the address list (normalised).
COLUMN_ALIASES: dict[str, tuple[str, ...]] = {
    "school_id": ("school number", "school no", "school code", "lea/school number"),
    "name": ("school name", "name"),
    "la_code": ("la code", "lea code", "local authority code"),
    "sector": ("sector", "school sector"),
    "wm_code": ("wm code", "welsh medium code"),
    "wm_type": ("welsh medium type", "welsh medium type - see notes", "language medium"),
    "school_type": ("school type", "type"),
    "postcode": ("postcode", "post code"),
    "pupils": ("pupils", "pupils - see notes", "number of pupils"),
}
REQUIRED = ("school_id", "name", "la_code", "sector")

# The address list's Welsh-medium codes (WM Code), in plcnet's words.
LANGUAGE_MEDIUMS: dict[str, str] = {
    "WM": "welsh",
    "EM": "english",
    "EW": "english_significant_welsh",
    "DS": "dual_stream",
    "AB": "bilingual",
    "BB": "bilingual",
    "CB": "bilingual",
    "TR": "transitional",
    "NA": "not_applicable",
}
LANGUAGE_MEDIUM_WORDS = {
    "welsh medium": "welsh",
    "english medium": "english",
    "english with significant welsh": "english_significant_welsh",
    "dual stream": "dual_stream",
    "transitional": "transitional",
    "not applicable": "not_applicable",
}


def _canonical(cell: str) -> str:
    return normalise_header(cell).replace(" - see notes", "")


def _find_columns(header: list[str]) -> dict[str, int]:
    names = [_canonical(c) for c in header]
    found: dict[str, int] = {}
    for ours, aliases in COLUMN_ALIASES.items():
        for alias in aliases:
            if alias.replace(" - see notes", "") in names:
                found[ours] = names.index(alias.replace(" - see notes", ""))
                break
    return found


def is_address_list(header: list[str]) -> bool:
    """True when a header row is that of an address list of schools."""
    found = _find_columns(header)
    return all(c in found for c in REQUIRED) and ("postcode" in found or "pupils" in found)


def _language_medium(code: str, words: str) -> str:
    if code.strip().upper() in LANGUAGE_MEDIUMS:
        return LANGUAGE_MEDIUMS[code.strip().upper()]
    text = words.strip().lower()
    if text.startswith("bilingual"):
        return "bilingual"
    return LANGUAGE_MEDIUM_WORDS.get(text, "not_applicable")


def _header_index(rows: list[list[str]], path: Path) -> int:
    for i, row in enumerate(rows[:30]):
        if is_address_list(row):
            return i
    raise InputError(
        f"{path}: no header row of an address list of schools in the first 30 rows; "
        "it needs at least the columns School Number, School Name, LA Code and Sector."
    )


def read_address_list(path: Path) -> tuple[pd.DataFrame, list[Rejection], str]:
    """Read an address list of schools.

    Returns the schools (school_id, name, la_code, sector, language_medium,
    school_type, postcode, pupils), the rows set aside, and the encoding used.
    """
    rows, lines, encoding = read_csv_rows(path)
    start = _header_index(rows, path)
    cols = _find_columns(rows[start])
    records: list[dict[str, object]] = []
    rejected: list[Rejection] = []
    for row, line in zip(rows[start + 1 :], lines[start + 1 :], strict=True):
        if not any(cell.strip() for cell in row):
            continue  # blank spacer rows carry nothing to keep or reject
        record, problem = _parse_row(row, cols)
        if problem:
            column, value, reason = problem
            rejected.append(Rejection(TABLE, str(path), line, column, value, reason))
        else:
            records.append(record)
    frame = pd.DataFrame.from_records(records, columns=list(_COLUMNS))
    frame["pupils"] = frame["pupils"].astype("Int64")
    return frame, rejected, encoding


_COLUMNS = (
    "school_id",
    "name",
    "la_code",
    "sector",
    "language_medium",
    "school_type",
    "postcode",
    "pupils",
)


def _cell(row: list[str], cols: dict[str, int], name: str) -> str:
    index = cols.get(name)
    return row[index].strip() if index is not None and index < len(row) else ""


def _parse_row(
    row: list[str], cols: dict[str, int]
) -> tuple[dict[str, object], tuple[str, str, str] | None]:
    school = _cell(row, cols, "school_id")
    # [0-9], not \d or str.isdigit: those take digits of other scripts and
    # superscripts, which int() then misreads or fails on.
    if not re.fullmatch(r"[0-9]{7}", school):
        reason = say("no_school_number" if not school else "school_number_not_seven_digits")
        return {}, ("School Number", school or " ".join(row)[:80].strip(), reason)
    la_code = _cell(row, cols, "la_code")
    if not re.fullmatch(r"[0-9]{3}", la_code):  # three digits: INTEGER, no overflow
        return {}, ("LA Code", la_code, say("la_code_not_a_number"))
    pupils = _cell(row, cols, "pupils").replace(",", "")
    record = {
        "school_id": int(school),
        "name": _cell(row, cols, "name"),
        "la_code": int(la_code),
        "sector": _cell(row, cols, "sector").lower(),
        "language_medium": _language_medium(
            _cell(row, cols, "wm_code"), _cell(row, cols, "wm_type")
        ),
        "school_type": _cell(row, cols, "school_type") or None,
        "postcode": _cell(row, cols, "postcode") or None,
        # Counts the list suppresses or annotates are no count: left empty.
        "pupils": int(pupils) if re.fullmatch(r"[0-9]{1,7}", pupils) else None,
    }
    return record, None
