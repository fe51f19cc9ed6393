"""Tell what an input file is from its content (its header), not its name.

A user can drop a newer edition of a published file beside the others, under any
name, and the refresh still knows what it is.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from etl.contract import CONTRACT
from etl.sources.address_list import is_address_list
from etl.sources.boundaries import BOUNDARY_SUFFIXES, boundary_kind
from etl.sources.categorisation import is_categorisation
from etl.sources.common import ENCODINGS, normalise_header
from etl.sources.contract_files import CONTRACT_SUFFIXES, read_header
from etl.sources.local_authorities import is_local_authorities
from etl.sources.locations import is_locations

__all__ = ["INPUT_SUFFIXES", "detect_kind", "find_inputs"]

INPUT_SUFFIXES = CONTRACT_SUFFIXES + BOUNDARY_SUFFIXES
HEAD_BYTES = 64 * 1024


def _head_rows(path: Path) -> list[list[str]]:
    data = path.open("rb").read(HEAD_BYTES)
    for encoding in ENCODINGS:
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        return []
    # The last line of a cut head may be partial; the header rows come well before it.
    return list(csv.reader(io.StringIO(text, newline="")))[:40]


def _contract_table(header: list[str]) -> str | None:
    """The contract table a header belongs to: all its key columns and two more.

    A file that has a table's key but lacks some required columns is still
    taken as that table, so the load can say which columns are missing instead
    of passing the file over.
    """
    names = {normalise_header(c) for c in header}
    best, best_share = None, 0.0
    for spec in CONTRACT:
        columns = set(spec.column_names)
        if not set(spec.key) <= names or len((names & columns) - set(spec.key)) < 2:
            continue
        share = len(names & columns) / len(columns)
        if share > best_share:
            best, best_share = spec.table, share
    return best


def detect_kind(path: Path) -> str:
    """Return what ``path`` holds: ``local_authorities``, ``address_list``,
    ``categorisation``, ``locations``, ``boundaries:geojson``, ``boundaries:topojson``,
    ``contract:<table>`` or ``unknown``."""
    if path.suffix.lower() in BOUNDARY_SUFFIXES:
        return f"boundaries:{boundary_kind(path)}" if boundary_kind(path) else "unknown"
    if path.suffix.lower() != ".csv":
        # Excel and Parquet files can only be contract files.
        table = _contract_table(read_header(path))
        return f"contract:{table}" if table else "unknown"
    rows = _head_rows(path)
    if not rows:
        return "unknown"
    header = rows[0]
    if is_local_authorities(header):
        return "local_authorities"
    if is_locations(header):
        return "locations"
    table = _contract_table(header)
    if table:
        return f"contract:{table}"
    if any(is_address_list(row) for row in rows[:30]):
        return "address_list"
    if any(is_categorisation(row) for row in rows):
        return "categorisation"
    return "unknown"


def find_inputs(folder: Path) -> dict[str, list[Path]]:
    """Every input file under ``folder`` (recursively), grouped by kind, in name order."""
    found: dict[str, list[Path]] = {}
    for path in sorted(folder.rglob("*")):
        if path.is_file() and path.suffix.lower() in INPUT_SUFFIXES:
            found.setdefault(detect_kind(path), []).append(path)
    return found
