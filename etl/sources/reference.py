"""The reference data: local authorities, schools with their locations, published categories.

Files are found by their content in one or more folders (the shipped
``data/reference`` and the raw inbox, where a newer edition may be dropped) and
joined by code, never by name: names differ between files ("The Vale of
Glamorgan", "Rhondda, Cynon, Taff").
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from etl.reasons import say
from etl.sources.address_list import read_address_list
from etl.sources.boundaries import read_boundaries
from etl.sources.categorisation import read_categorisation
from etl.sources.common import InputError, Rejection
from etl.sources.detect import find_inputs
from etl.sources.local_authorities import read_local_authorities
from etl.sources.locations import read_locations

__all__ = ["InputFile", "Reference", "file_sha256", "read_reference"]


@dataclass(frozen=True)
class InputFile:
    """One file a refresh read, for the run record."""

    path: str
    kind: str
    sha256: str
    encoding: str
    rows: int

    def as_dict(self) -> dict[str, object]:
        return {
            "path": self.path,
            "kind": self.kind,
            "sha256": self.sha256,
            "encoding": self.encoding,
            "rows": self.rows,
        }


@dataclass
class Reference:
    local_authorities: pd.DataFrame
    schools: pd.DataFrame
    categories: pd.DataFrame
    boundaries: pd.DataFrame = field(default_factory=pd.DataFrame)
    rejections: list[Rejection] = field(default_factory=list)
    input_files: list[InputFile] = field(default_factory=list)


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _record(files: list[InputFile], path: Path, kind: str, encoding: str, rows: int) -> None:
    files.append(InputFile(str(path), kind, file_sha256(path), encoding, rows))


def _gather(folders: tuple[Path, ...], exclude: tuple[Path, ...]) -> dict[str, list[Path]]:
    found: dict[str, list[Path]] = {}
    for folder in folders:
        for kind, paths in find_inputs(folder, exclude=exclude).items():
            found.setdefault(kind, []).extend(paths)
    return found


def _one_required(
    found: dict[str, list[Path]], kind: str, what: str, folders: tuple[Path, ...]
) -> list[Path]:
    if not found.get(kind):
        where = ", ".join(str(f) for f in folders)
        raise InputError(f"no {what} found in {where}; plcnet ships one in data/reference/.")
    return found[kind]


def read_reference(*folders: Path, exclude: tuple[Path, ...] = ()) -> Reference:
    """Read every reference file found in ``folders``, but not under ``exclude`` (the
    reference folders of other systems: England's inside Wales's data/reference).

    Later editions (later in file-name order) of the address list override
    earlier ones school by school.
    """
    found = _gather(folders, exclude)
    files: list[InputFile] = []
    rejections: list[Rejection] = []
    la_path = _one_required(found, "local_authorities", "local authorities file", folders)[-1]
    las, encoding = read_local_authorities(la_path)
    _record(files, la_path, "local_authorities", encoding, len(las))

    schools = _read_schools(found, folders, files, rejections)
    schools = _keep_known_las(schools, las, rejections)
    schools = _add_locations(schools, found.get("locations", []), files, rejections)
    categories = _read_categories(found.get("categorisation", []), files, rejections)
    boundaries = _read_boundaries(found, set(las["ons_code"]), files, rejections)
    return Reference(las, schools, categories, boundaries, rejections, files)


def _read_schools(
    found: dict[str, list[Path]],
    folders: tuple[Path, ...],
    files: list[InputFile],
    rejections: list[Rejection],
) -> pd.DataFrame:
    frames = []
    # Editions are dated in their names (…-20190318.csv): the latest by name wins.
    editions = _one_required(found, "address_list", "address list of schools", folders)
    for path in sorted(editions, key=lambda p: p.name):
        frame, rejected, encoding = read_address_list(path)
        frame["source_file"] = str(path)
        frames.append(frame)
        rejections.extend(rejected)
        _record(files, path, "address_list", encoding, len(frame))
    schools = pd.concat(frames, ignore_index=True)
    return schools.drop_duplicates("school_id", keep="last").reset_index(drop=True)


def _keep_known_las(
    schools: pd.DataFrame, las: pd.DataFrame, rejections: list[Rejection]
) -> pd.DataFrame:
    known = schools["la_code"].isin(las["la_code"])
    for row in schools[~known].itertuples():
        rejections.append(
            Rejection(
                "schools",
                row.source_file,
                None,
                "LA Code",
                str(row.la_code),
                say("la_code_unknown", la_code=row.la_code),
            )
        )
    return schools[known].reset_index(drop=True)


def _add_locations(
    schools: pd.DataFrame, paths: list[Path], files: list[InputFile], rejections: list[Rejection]
) -> pd.DataFrame:
    frames = [pd.DataFrame(columns=["school_id", "latitude", "longitude"])]
    for path in paths:
        frame, rejected, encoding = read_locations(path)
        frames.append(frame)
        rejections.extend(rejected)
        _record(files, path, "locations", encoding, len(frame))
    locations = pd.concat(frames, ignore_index=True).drop_duplicates("school_id", keep="last")
    return schools.merge(locations.astype({"school_id": "int64"}), on="school_id", how="left")


def _read_categories(
    paths: list[Path], files: list[InputFile], rejections: list[Rejection]
) -> pd.DataFrame:
    frames = [pd.DataFrame(columns=["school_id", "year", "category", "line", "source_file"])]
    for path in paths:
        frame, rejected, encoding = read_categorisation(path)
        frame["source_file"] = str(path)
        frames.append(frame)
        rejections.extend(rejected)
        _record(files, path, "categorisation", encoding, len(frame))
    categories = pd.concat(frames, ignore_index=True)
    # Middle schools appear in the primary and the secondary list with one category.
    return categories.drop_duplicates(["school_id", "year"], keep="first").reset_index(drop=True)


def _read_boundaries(
    found: dict[str, list[Path]],
    known_codes: set[str],
    files: list[InputFile],
    rejections: list[Rejection],
) -> pd.DataFrame:
    frames = [pd.DataFrame(columns=["ons_code", "geometry", "source_file"])]
    # GeoJSON first: where both forms of the same boundaries are given, it is the exact one.
    for kind in ("boundaries:geojson", "boundaries:topojson"):
        for path in found.get(kind, []):
            frame, rejected = read_boundaries(path, known_codes)
            frames.append(frame)
            rejections.extend(rejected)
            _record(files, path, kind, "utf-8", len(frame))
    boundaries = pd.concat(frames, ignore_index=True)
    return boundaries.drop_duplicates("ons_code", keep="first").reset_index(drop=True)
