"""Writing the demo's files: contract CSVs with exactly the contract's columns, and the truth."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pandas as pd

from etl.contract import contract_file
from etl.demo import model

__all__ = ["TRUTH_FILE", "iso_dates", "write_table", "write_truth"]

TRUTH_FILE = "demo_truth.json"


def iso_dates(days: np.ndarray) -> np.ndarray:
    """ISO 8601 dates from days since 1970-01-01; an empty string for ``model.NO_DATE``."""
    days = np.asarray(days, dtype=np.int64)
    text = np.datetime_as_string(days.astype("datetime64[D]"), unit="D").astype(object)
    text[days == model.NO_DATE] = ""
    return text


def write_table(frame: pd.DataFrame, table: str, out_dir: Path) -> int:
    """Write ``frame`` as the contract file of ``table``; return its rows.

    The columns are taken in the contract's order; a missing one is an error here,
    not a file the ETL would reject.
    """
    spec = contract_file(table)
    columns = list(spec.column_names)
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise KeyError(f"{table}: the demo made no column {missing}")
    out_dir.mkdir(parents=True, exist_ok=True)
    frame[columns].to_csv(out_dir / spec.file_name, index=False, lineterminator="\n")
    return len(frame)


def write_truth(truth: dict[str, object], out_dir: Path) -> None:
    """Write ``demo_truth.json``: sorted keys and fixed indentation, so it is byte-stable."""
    out_dir.mkdir(parents=True, exist_ok=True)
    text = json.dumps(truth, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
    (out_dir / TRUTH_FILE).write_text(text, encoding="utf-8")
