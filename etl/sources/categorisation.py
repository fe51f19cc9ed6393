"""The National School Categorisation System support-category lists.

One CSV per phase (primary, secondary, special) and year, as published:
bilingual title and note rows above a multi-line header ("School code/\\nCod
ysgol"), and values such as "Amber/Oren". The academic year is read from the
note ("schools open in January 2020" is the 2019/20 list) or, failing that,
from the file name.
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from etl.contract import SUPPORT_CATEGORIES
from etl.reasons import say
from etl.sources.common import InputError, Rejection, normalise_header, read_csv_rows

__all__ = ["is_categorisation", "read_categorisation"]

TABLE = "school_outcomes"


def _category_column(header: list[str]) -> int | None:
    for i, cell in enumerate(header):
        if "support category" in normalise_header(cell) or "categori cymorth" in cell.lower():
            return i
    return None


def is_categorisation(header: list[str]) -> bool:
    """True when a header row is that of a categorisation list."""
    first = normalise_header(header[0]) if header else ""
    return first in ("school code", "school number") and _category_column(header) is not None


def academic_year_of(rows: list[list[str]], path: Path) -> str:
    """The academic year a list describes, from its notes or its file name."""
    text = " ".join(cell for row in rows[:12] for cell in row)
    found = re.search(r"open in January ([0-9]{4})", text, flags=re.IGNORECASE)
    if found:
        end = int(found.group(1))
        return f"{end - 1}/{end % 100:02d}"
    named = re.search(r"(20[0-9][0-9])", path.name)
    if named:
        # Lists are published in January for the academic year then under way.
        start = int(named.group(1))
        return f"{start}/{(start + 1) % 100:02d}"
    raise InputError(
        f"{path}: cannot tell which academic year this categorisation list is for; "
        "put the year in the file name, e.g. ...-support-categories-2019-primary.csv."
    )


def _parse_category(value: str) -> str | None:
    english = value.split("/")[0].strip().lower()
    return english if english in SUPPORT_CATEGORIES else None


def read_categorisation(path: Path) -> tuple[pd.DataFrame, list[Rejection], str]:
    """Read one categorisation list: (school_id, year, category, line), rejections, encoding."""
    rows, lines, encoding = read_csv_rows(path)
    start = next((i for i, row in enumerate(rows[:40]) if is_categorisation(row)), None)
    if start is None:
        raise InputError(
            f"{path}: no header row with 'School code' and 'Support Category' in the first "
            "40 rows; is this a National School Categorisation support-category list?"
        )
    year = academic_year_of(rows[:start], path)
    column = _category_column(rows[start])
    records: list[dict[str, object]] = []
    rejected: list[Rejection] = []
    for row, line in zip(rows[start + 1 :], lines[start + 1 :], strict=True):
        if not any(cell.strip() for cell in row):
            continue
        school = row[0].strip()
        value = row[column].strip() if column is not None and column < len(row) else ""
        category = _parse_category(value)
        # [0-9], not \d: digits of other scripts are no school code.
        if not re.fullmatch(r"[0-9]{7}", school):
            rejected.append(
                Rejection(
                    TABLE,
                    str(path),
                    line,
                    "School code",
                    school,
                    say("categorisation_note_row"),
                )
            )
        elif category is None:
            rejected.append(
                Rejection(
                    TABLE,
                    str(path),
                    line,
                    "Support Category",
                    value,
                    say("categorisation_category"),
                )
            )
        else:
            records.append(
                {"school_id": int(school), "year": year, "category": category, "line": line}
            )
    frame = pd.DataFrame.from_records(records, columns=["school_id", "year", "category", "line"])
    return frame, rejected, encoding
