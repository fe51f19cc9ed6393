"""England's refresh: GIAS snapshots into the tables every system publishes.

A system whose reference files name the reader ``la_regions`` (systems/england.toml)
has its schools and groups from the GIAS snapshots of the raw folder, found by their
headers (etl/sources/gias.py), not from contract files. Each snapshot is the network
of the academic year that contains its date; two snapshots of different years give
two years, and the change between them.

Into the published tables:

- ``local_authorities``: the LAs of the schools, each region as the consortium level
  (``consortium_code`` the region's ONS code); English only, so ``name_cy`` repeats the
  English name;
- ``schools``: every establishment by URN (children's centres set aside with their
  reason), its details from the latest snapshot it is in;
- ``plcs``: every group, ``group_kind`` its GIAS group type, ``plc_id`` its Group UID;
  ``group_status``: its status at each snapshot (only an open group ties);
- ``plc_memberships``: one row per school and group (``member_id`` the URN: the member
  is the school, no person is named), counting in the years of the snapshots it is in;
- ``academic_years``: the years of the snapshots.

The names of heads of group are never read (etl/sources/gias.py).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

import duckdb
import pandas as pd

from etl.load import write_rejections
from etl.reasons import say
from etl.sources.common import InputError, Rejection
from etl.sources.gias import (
    GIAS_GROUPS,
    GIAS_LINKS,
    GiasSnapshot,
    find_gias_files,
    read_gias,
    snapshot_date,
)
from etl.sources.reference import InputFile, file_sha256
from etl.systems import System

__all__ = ["GiasLoad", "Snapshot", "academic_year", "find_snapshots", "load_gias", "read_snapshots"]

# The reader of the LA-to-region lookup, as systems/england.toml names it.
LA_REGIONS_READER = "la_regions"


@dataclass(frozen=True)
class Snapshot:
    """One edition of the two GIAS files: its date and its links and groups files."""

    day: date
    links: Path
    groups: Path

    @property
    def year(self) -> str:
        return academic_year(self.day)[0]


@dataclass
class GiasLoad:
    """What the refresh loads from the snapshots, as the published tables hold it."""

    local_authorities: pd.DataFrame
    schools: pd.DataFrame
    groups: pd.DataFrame
    status: pd.DataFrame
    memberships: pd.DataFrame
    years: pd.DataFrame
    rejections: list[Rejection] = field(default_factory=list)
    input_files: list[InputFile] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def academic_year(day: date) -> tuple[str, date, date]:
    """The academic year (1 September to 31 August) containing ``day``.

    >>> academic_year(date(2022, 3, 21))
    ('2021/22', datetime.date(2021, 9, 1), datetime.date(2022, 8, 31))
    """
    start = day.year if day.month >= 9 else day.year - 1
    return f"{start}/{(start + 1) % 100:02d}", date(start, 9, 1), date(start + 1, 8, 31)


def find_snapshots(raw_dir: Path) -> tuple[list[Snapshot], list[str]]:
    """The snapshots of ``raw_dir``, a links and a groups file of one date each, one a
    year (the latest of a year), oldest first; and the warnings about files left out."""
    found = find_gias_files(raw_dir)
    by_day: dict[date, dict[str, Path]] = {}
    for kind in (GIAS_LINKS, GIAS_GROUPS):
        for path in found.get(kind, []):
            day = snapshot_date(path)
            if day is None:
                raise InputError(
                    f"{path}: a GIAS file with no date in its name; name it as GIAS does "
                    "(alllinksdata20220321.csv, allgroupsdata20220321.csv)"
                )
            if kind in by_day.setdefault(day, {}):
                raise InputError(f"{path}: a second GIAS file of {day}; keep one")
            by_day[day][kind] = path
    snapshots, warnings = [], []
    for day, files in sorted(by_day.items()):
        if len(files) < 2:
            (path,) = files.values()
            raise InputError(
                f"{path}: no GIAS file of the other kind (links or groups) of {day} beside "
                "it; a snapshot is the two files of one date"
            )
        snapshots.append(Snapshot(day, files[GIAS_LINKS], files[GIAS_GROUPS]))
    kept: dict[str, Snapshot] = {}
    for snapshot in snapshots:  # oldest first: the latest of a year wins
        if snapshot.year in kept:
            warnings.append(
                f"{kept[snapshot.year].links}: the snapshot of {kept[snapshot.year].day} is "
                f"in the same academic year as that of {snapshot.day}; the later one is loaded"
            )
        kept[snapshot.year] = snapshot
    if not kept:
        raise InputError(
            f"{raw_dir}: no GIAS snapshot (an 'All group links records' and an 'All group "
            "records' file of one date); download both from Get Information About Schools"
        )
    return list(kept.values()), warnings


def read_snapshots(raw_dir: Path, reference_dir: Path, system: System) -> GiasLoad:
    """Read every snapshot of ``raw_dir`` with the LA lookup of ``reference_dir``."""
    lookup = _la_regions_path(reference_dir, system)
    snapshots, warnings = find_snapshots(raw_dir)
    read = [(s, read_gias(s.links, s.groups, lookup)) for s in snapshots]
    files = [InputFile(str(lookup), LA_REGIONS_READER, file_sha256(lookup), "utf-8", 0)]
    rejections: list[Rejection] = []
    for snapshot, gias in read:
        rejections += gias.rejections
        for path, kind, rows in (
            (snapshot.links, GIAS_LINKS, len(gias.memberships)),
            (snapshot.groups, GIAS_GROUPS, len(gias.groups)),
        ):
            encoding = gias.encodings[str(path)]
            files.append(InputFile(str(path), kind, file_sha256(path), encoding, rows))
    read, unknown = _known_kinds(read, system)
    rejections += unknown
    schools = _schools(read)
    groups = _groups(read, system)
    return GiasLoad(
        local_authorities=_local_authorities(read),
        schools=schools,
        groups=_with_scope(groups, read[-1][1], schools),
        status=_status(read),
        memberships=_memberships(read),
        years=_years(snapshots),
        rejections=rejections,
        input_files=files,
        warnings=warnings,
    )


def _la_regions_path(reference_dir: Path, system: System) -> Path:
    entry = next(e for e in system.reference_files if e.reader == LA_REGIONS_READER)
    path = reference_dir / entry.file
    if not path.is_file():
        raise InputError(f"{path}: no lookup of LAs and regions; plcnet ships one there")
    return path


def _known_kinds(
    read: list[tuple[Snapshot, GiasSnapshot]], system: System
) -> tuple[list[tuple[Snapshot, GiasSnapshot]], list[Rejection]]:
    """Set aside the groups of a type the system does not list, and their memberships."""
    kinds = set(system.group_kind_codes)
    allowed = ", ".join(system.group_kind_codes)
    kept, rejected = [], []
    for snapshot, gias in read:
        unknown = gias.groups[~gias.groups["group_type"].isin(kinds)]
        for row in unknown.itertuples():
            reason = say("not_allowed", allowed=allowed)
            rejected.append(
                Rejection("plcs", str(snapshot.groups), None, "Group Type", row.group_type, reason)
            )
        gone = set(unknown["group_uid"])
        orphans = gias.memberships[gias.memberships["group_uid"].isin(gone)]
        reason = say("no_such_reference", target="Group UID", table="groups")
        rejected += [
            Rejection("plc_memberships", str(snapshot.links), None, "Group UID", str(uid), reason)
            for uid in orphans["group_uid"]
        ]
        groups = gias.groups[~gias.groups["group_uid"].isin(gone)]
        memberships = gias.memberships[~gias.memberships["group_uid"].isin(gone)]
        kept.append((snapshot, replace(gias, groups=groups, memberships=memberships)))
    return kept, rejected


def _latest(frames: list[pd.DataFrame], key: str) -> pd.DataFrame:
    """The rows of every snapshot, one per ``key``: the latest snapshot's."""
    return (
        pd.concat(frames, ignore_index=True)
        .drop_duplicates(key, keep="last")
        .sort_values(key)
        .reset_index(drop=True)
    )


def _local_authorities(read: list[tuple[Snapshot, GiasSnapshot]]) -> pd.DataFrame:
    las = _latest([gias.local_authorities for _, gias in read], "la_code")
    return pd.DataFrame(
        {
            "la_code": las["la_code"],
            "ons_code": las["ons_code"],
            "name_en": las["name"],
            "name_cy": las["name"],
            "consortium_code": las["region_code"],
            "consortium_name_en": las["region_name"],
            "consortium_name_cy": las["region_name"],
        }
    )


# GIAS's phases of education as plcnet's sectors (dashboard/ui/labels.py names them).
SECTORS = {
    "primary": "primary",
    "middle deemed primary": "middle",
    "middle deemed secondary": "middle",
    "all-through": "middle",
    "secondary": "secondary",
    "16 plus": "secondary",
    "nursery": "nursery",
}


def _sector(phase: str, establishment_type: str) -> str:
    found = SECTORS.get((phase or "").strip().lower())
    if found:
        return found
    return "special" if "special" in (establishment_type or "").lower() else "not_applicable"


def _schools(read: list[tuple[Snapshot, GiasSnapshot]]) -> pd.DataFrame:
    frames = []
    for snapshot, gias in read:
        frame = gias.schools.copy()
        frame["source_file"] = str(snapshot.links)
        frames.append(frame)
    schools = _latest(frames, "urn")
    return pd.DataFrame(
        {
            "school_id": schools["urn"].astype("int64"),
            "name": schools["name"],
            "la_code": schools["la_code"].astype("int64"),
            "sector": [
                _sector(p, t)
                for p, t in zip(schools["phase"], schools["establishment_type"], strict=True)
            ],
            # GIAS gives no language of teaching: plcnet's word for none.
            "language_medium": "not_applicable",
            "school_type": schools["establishment_type"],
            "source_file": schools["source_file"],
        }
    )


def _groups(read: list[tuple[Snapshot, GiasSnapshot]], system: System) -> pd.DataFrame:
    """Every group, as plcs rows (its scope is set by _with_scope)."""
    first_year_start = academic_year(read[0][0].day)[1]
    groups = _latest([gias.groups for _, gias in read], "group_uid")
    opened = groups["opened"].where(groups["opened"].notna(), first_year_start)
    return pd.DataFrame(
        {
            "plc_id": groups["group_uid"].astype(str),
            "name": groups["name"],
            "focus_area": None,
            "membership_type": "assigned",
            "start_date": opened,
            "end_date": groups["closed"],
            "lead_school_id": None,
            "group_kind": groups["group_type"],
            "group_uid": groups["group_uid"],
        }
    )


def _with_scope(groups: pd.DataFrame, latest: GiasSnapshot, schools: pd.DataFrame) -> pd.DataFrame:
    """A group's scope from its schools at the latest snapshot: one school, schools of
    one LA, of one region, or of more."""
    members = latest.memberships[["urn", "group_uid"]].merge(
        schools[["school_id", "la_code"]], left_on="urn", right_on="school_id"
    )
    members = members.merge(
        latest.local_authorities[["la_code", "region_code"]], on="la_code", how="left"
    )
    spans = members.groupby("group_uid").agg(
        n=("urn", "nunique"), las=("la_code", "nunique"), regions=("region_code", "nunique")
    )
    spans = groups[["group_uid"]].merge(spans, on="group_uid", how="left").fillna(0)
    scope = [
        "within_school"
        if n <= 1
        else "between_schools"
        if las <= 1
        else "across_las"
        if regions <= 1
        else "across_consortia"
        for n, las, regions in zip(spans["n"], spans["las"], spans["regions"], strict=True)
    ]
    return groups.assign(scope=scope).drop(columns=["group_uid"])


def _status(read: list[tuple[Snapshot, GiasSnapshot]]) -> pd.DataFrame:
    frames = [
        pd.DataFrame(
            {
                "year": snapshot.year,
                "plc_id": gias.groups["group_uid"].astype(str),
                "status": gias.groups["status"],
                "snapshot": snapshot.day,
            }
        )
        for snapshot, gias in read
    ]
    return pd.concat(frames, ignore_index=True)


def _memberships(read: list[tuple[Snapshot, GiasSnapshot]]) -> pd.DataFrame:
    """One row per school and group, counting in the years of the snapshots it is in.

    A membership counts in a year when it joined by the year's end and had not left
    before its start (etl/sql/marts/net_memberships.sql). So: joined is GIAS's date
    (the first year's start when GIAS does not know it), moved no earlier than the
    start of the year after a snapshot it was not in; left, when the latest snapshot
    does not hold it, the last day of the last year that did.
    """
    rows: dict[tuple[int, int], dict[str, object]] = {}
    for i, (snapshot, gias) in enumerate(read):
        _, year_start, year_end = academic_year(snapshot.day)
        for urn, uid, joined in gias.memberships[["urn", "group_uid", "joined"]].itertuples(
            index=False
        ):
            row = rows.get((urn, uid))
            if row is None:
                row = rows[(urn, uid)] = {
                    "joined": joined if pd.notna(joined) else year_start,
                    # Not in the snapshot before: it joined after that snapshot's year.
                    "floor": year_start if i > 0 else None,
                }
            row["last"], row["last_end"] = i, year_end
    last = len(read) - 1
    records = []
    for (urn, uid), row in rows.items():
        joined = row["joined"]
        if row["floor"] is not None and joined < row["floor"]:
            joined = row["floor"]
        left = None if row["last"] == last else row["last_end"]
        records.append((str(uid), int(urn), str(urn), "member", joined, left))
    return pd.DataFrame(
        records, columns=["plc_id", "school_id", "member_id", "role", "joined", "left"]
    ).sort_values(["plc_id", "school_id"], ignore_index=True)


def _years(snapshots: list[Snapshot]) -> pd.DataFrame:
    rows = [(*academic_year(s.day), True) for s in snapshots]
    return pd.DataFrame(rows, columns=["year", "start_date", "end_date", "has_plc_data"])


def load_gias(con: duckdb.DuckDBPyConnection, load: GiasLoad, run_id: str) -> None:
    """Insert what :func:`read_snapshots` read into the published tables."""
    tables = {
        "local_authorities": load.local_authorities,
        "schools": load.schools,
        "plcs": load.groups,
        "group_status": load.status,
        "plc_memberships": load.memberships,
        "academic_years": load.years,
    }
    for table, frame in tables.items():
        name = f"__gias_{table}"
        con.register(name, frame)
        try:
            con.execute(f"INSERT INTO {table} BY NAME SELECT * FROM {name}")
        finally:
            con.unregister(name)
    write_rejections(con, run_id, load.rejections)
