"""The local authorities with their regional consortia and Welsh names (plcnet's own file)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from etl.sources.common import InputError, normalise_header, read_csv_rows

__all__ = ["COLUMNS", "is_local_authorities", "read_local_authorities"]

COLUMNS = (
    "la_code",
    "ons_code",
    "name_en",
    "name_cy",
    "consortium_code",
    "consortium_name_en",
    "consortium_name_cy",
)


def is_local_authorities(header: list[str]) -> bool:
    return tuple(normalise_header(c) for c in header) == COLUMNS


def read_local_authorities(path: Path) -> tuple[pd.DataFrame, str]:
    """Read the local authorities; every row must be good, since all else hangs on them."""
    rows, _, encoding = read_csv_rows(path)
    frame = pd.DataFrame([r for r in rows[1:] if any(c.strip() for c in r)], columns=list(COLUMNS))
    # Digits only: pd.to_numeric would take '660.5' (then truncated), '6.6e2' and 'inf'.
    codes = frame["la_code"].str.strip()
    if not codes.str.fullmatch(r"[0-9]{3}").all() or codes.duplicated().any():
        raise InputError(
            f"{path}: every la_code must be a distinct three-digit number such as 660; fix it."
        )
    frame["la_code"] = codes.astype("int64")
    return frame, encoding
