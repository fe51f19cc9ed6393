"""Tell what an input file is from its content (its header), not its name.

A user can drop a newer edition of a published file beside the others, under any
name, and the refresh still knows what it is.
"""

from __future__ import annotations

from pathlib import Path

from etl.contract import CONTRACT, contract_file
from etl.sources.address_list import is_address_list
from etl.sources.boundaries import BOUNDARY_SUFFIXES, boundary_kind
from etl.sources.categorisation import is_categorisation
from etl.sources.common import InputError, normalise_header
from etl.sources.contract_files import CONTRACT_SUFFIXES, FILE_SIGNATURES, read_header
from etl.sources.local_authorities import is_local_authorities
from etl.sources.locations import is_locations
from etl.sources.sniff import (
    DELIMITER_NAMES,
    SAVE_AS_CSV_UTF8,
    NotTextError,
    decode_text,
    header_delimiter,
    read_head,
    read_rows,
)

__all__ = [
    "INPUT_SUFFIXES",
    "UnreadableInputError",
    "detect_kind",
    "find_inputs",
    "meant_for_plcnet",
]

INPUT_SUFFIXES = CONTRACT_SUFFIXES + BOUNDARY_SUFFIXES
# A contract file's name with any of the suffixes plcnet reads: plcs.csv, plcs.xlsx, ...
CONTRACT_STEMS = frozenset(spec.table for spec in CONTRACT)
FORMAT_NAMES = {".xlsx": "an Excel workbook", ".parquet": "a Parquet file"}


class UnreadableInputError(InputError):
    """A file meant for plcnet (by its name or its content) that cannot be read."""


def meant_for_plcnet(path: Path) -> bool:
    """Whether the name of ``path`` is a contract file's, in any format plcnet reads."""
    return path.stem.lower() in CONTRACT_STEMS and path.suffix.lower() in CONTRACT_SUFFIXES


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


def _classify(rows: list[list[str]]) -> str | None:
    """What rows of text hold, by their header; None when they match nothing."""
    if not rows:
        return None
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
    return None


def _classify_text(text: str) -> tuple[str | None, str]:
    """What ``text`` holds and its delimiter: split by commas, else as its header is split.

    Only contract files are read with another delimiter (they are staged by
    DuckDB, told the delimiter); the published reference files are always
    comma-separated, so one split otherwise cannot be read as it is.
    """
    kind = _classify(read_rows(text))
    if kind:
        return kind, ","
    delimiter = header_delimiter(text)
    if delimiter == ",":
        return None, ","
    return _classify(read_rows(text, delimiter)), delimiter


def _unreadable(path: Path, what: str, advice: str) -> UnreadableInputError:
    return UnreadableInputError(f"{path}: {what}; {advice}.")


def _wrong_header(path: Path, header: list[str]) -> UnreadableInputError:
    """A file named as a contract file whose first row is no header plcnet reads."""
    spec = contract_file(path.stem.lower())
    shown = ", ".join(str(c) for c in header[:4]) + (", ..." if len(header) > 4 else "")
    first = f"its first row ({shown})" if header else "its first row is empty and"
    return _unreadable(
        path,
        f"named as the {spec.table} file, but {first} is not the header of {spec.table} "
        "nor of any other file plcnet reads",
        f"put the header row on line 1 with the columns {', '.join(spec.column_names)}",
    )


def _text_or_refuse(path: Path, head: bytes) -> tuple[str, str] | None:
    """The text of ``head`` and its encoding; None for bytes that are not text and were
    not meant for plcnet; raises when they were, by name or by a header once decoded."""
    try:
        return decode_text(head, partial=True)
    except NotTextError as error:
        guessed = _classify_text(error.guessed)[0] if error.guessed else None
        if meant_for_plcnet(path) or guessed:
            raise _unreadable(path, error.what, error.advice) from error
        return None


def _detect_text(path: Path, head: bytes) -> str:
    decoded = _text_or_refuse(path, head)
    if decoded is None:
        return "unknown"
    text = decoded[0]
    kind, delimiter = _classify_text(text)
    if kind and delimiter != "," and not kind.startswith("contract:"):
        raise _unreadable(
            path, f"this file is {DELIMITER_NAMES[delimiter]}-separated", SAVE_AS_CSV_UTF8
        )
    if kind is None and meant_for_plcnet(path):
        if not text.strip():
            raise _unreadable(path, "the file holds only blank lines", "export it again")
        raise _wrong_header(path, read_rows(text, delimiter, limit=1)[0])
    return kind or "unknown"


def _not_the_format(path: Path, head: bytes) -> UnreadableInputError | None:
    """Why a file named ``.xlsx`` or ``.parquet`` is not one, if it is meant for plcnet."""
    decoded = _text_or_refuse(path, head)
    if decoded is None:
        return None
    text, encoding = decoded
    kind, delimiter = _classify_text(text)
    if not (meant_for_plcnet(path) or kind):
        return None
    encoding = "" if encoding.startswith("utf-8") else f"{encoding.upper()} "
    return _unreadable(
        path,
        f"this file is named as {FORMAT_NAMES[path.suffix.lower()]} but holds {encoding}"
        f"{DELIMITER_NAMES[delimiter]}-separated text (CSV)",
        f'rename it "{path.stem}.csv" or {SAVE_AS_CSV_UTF8}',
    )


def _detect_binary(path: Path, head: bytes) -> str:
    """Excel and Parquet files can only be contract files."""
    if not head.startswith(FILE_SIGNATURES[path.suffix.lower()]):
        problem = _not_the_format(path, head)
        if problem:
            raise problem
        return "unknown"
    try:
        header = read_header(path)
    except InputError as error:
        if meant_for_plcnet(path):
            raise UnreadableInputError(str(error)) from error
        return "unknown"
    table = _contract_table(header)
    if table is None and meant_for_plcnet(path):
        raise _wrong_header(path, header)
    return f"contract:{table}" if table else "unknown"


def detect_kind(path: Path) -> str:
    """Return what ``path`` holds: ``local_authorities``, ``address_list``,
    ``categorisation``, ``locations``, ``boundaries:geojson``, ``boundaries:topojson``,
    ``contract:<table>`` or ``unknown``.

    Raises :class:`UnreadableInputError` for a file meant for plcnet, by its name (a
    contract file's, as ``plcs.xlsx``) or by its header once decoded or split,
    that cannot be read: empty, UTF-16 without a byte-order mark, not the format
    its name says, not text at all, or named as a contract file without its
    header. A file that is neither stays ``unknown``.
    """
    if path.suffix.lower() in BOUNDARY_SUFFIXES:
        return f"boundaries:{boundary_kind(path)}" if boundary_kind(path) else "unknown"
    head = read_head(path)
    if path.suffix.lower() in FORMAT_NAMES:
        return _detect_binary(path, head)
    return _detect_text(path, head)


def find_inputs(folder: Path, exclude: tuple[Path, ...] = ()) -> dict[str, list[Path]]:
    """Every input file under ``folder`` (recursively), grouped by kind, in name order;
    none under the folders ``exclude`` (absolute).

    Raises InputError naming every file meant for plcnet that cannot be read.
    """
    found: dict[str, list[Path]] = {}
    unreadable: list[str] = []
    for path in sorted(folder.rglob("*")):
        if any(path.resolve().is_relative_to(skipped) for skipped in exclude):
            continue
        if path.is_file() and path.suffix.lower() in INPUT_SUFFIXES:
            try:
                found.setdefault(detect_kind(path), []).append(path)
            except UnreadableInputError as error:
                unreadable.append(str(error))
    if unreadable:
        # Every such file at once: the data team fixes them all before the next run.
        raise InputError("\n".join(unreadable))
    return found
