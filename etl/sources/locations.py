"""School locations: school number to latitude and longitude (postcodes geocoded)."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from etl.contract import NUMBER
from etl.reasons import say
from etl.sources.common import Rejection, normalise_header, read_csv_rows

__all__ = ["is_locations", "read_locations"]

TABLE = "schools"


def is_locations(header: list[str]) -> bool:
    """True when a header row is that of a school locations file."""
    names = {normalise_header(c) for c in header}
    return {"school number", "latitude", "longitude"} <= names and "school name" not in names


def _coordinate(text: str, low: float, high: float) -> float | None:
    """The number ``text`` holds, if in range; float() alone takes 'nan', 'inf' and '5_3.4'."""
    if not re.fullmatch(NUMBER, text.strip()):
        return None
    value = float(text)
    return value if low <= value <= high else None


def read_locations(path: Path) -> tuple[pd.DataFrame, list[Rejection], str]:
    """Read a locations file: (school_id, latitude, longitude), rejections, encoding."""
    rows, lines, encoding = read_csv_rows(path)
    names = [normalise_header(c) for c in rows[0]]
    sid, lat, lon = (names.index(n) for n in ("school number", "latitude", "longitude"))
    records: list[dict[str, object]] = []
    rejected: list[Rejection] = []
    for row, line in zip(rows[1:], lines[1:], strict=True):
        if not any(cell.strip() for cell in row):
            continue
        school = row[sid].strip()
        latitude = _coordinate(row[lat], -90, 90)
        longitude = _coordinate(row[lon], -180, 180)
        if not re.fullmatch(r"[0-9]{7}", school):
            rejected.append(
                Rejection(
                    TABLE,
                    str(path),
                    line,
                    "School Number",
                    school,
                    say("location_school_number"),
                )
            )
        elif latitude is None or longitude is None:
            rejected.append(
                Rejection(
                    TABLE,
                    str(path),
                    line,
                    "Latitude",
                    f"{row[lat]},{row[lon]}",
                    say("location_out_of_range"),
                )
            )
        else:
            records.append({"school_id": int(school), "latitude": latitude, "longitude": longitude})
    return (
        pd.DataFrame.from_records(records, columns=["school_id", "latitude", "longitude"]),
        rejected,
        encoding,
    )
