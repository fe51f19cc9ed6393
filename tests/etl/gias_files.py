"""Tiny GIAS files made by hand, in the published headers, for the tests of
etl/sources/gias.py: any encoding, either date form, with or without the unnamed
index column a pandas copy starts with."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from etl.sources.gias import LA_REGIONS_FILE

# The shipped lookup of England's LAs and their regions.
LOOKUP = Path(__file__).resolve().parents[2] / "data" / "reference" / LA_REGIONS_FILE
# The shipped snapshot of 21 March 2022, beside it.
ENGLAND = LOOKUP.parent
LINKS = ENGLAND / "gias_alllinksdata_ajb1970_2022-03-21.csv"
GROUPS = ENGLAND / "gias_allgroupsdata_ajb1970_2022-03-21.csv"
# The group types that tie their schools by default, as GIAS names them.
TYING = {"Multi-academy trust", "Federation", "Trust", "Umbrella trust"}


def csv_rows(path: Path) -> list[dict[str, str]]:
    """A UTF-8 file's rows by the csv module alone, for counts made apart from plcnet."""
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


# The headers as GIAS publishes them (and as the shipped 2022-03-21 copies have them).
LINKS_HEADER = [
    "URN", "Group UID", "Group ID", "Group Name", "Companies House Number",
    "Group Type (code)", "Group Type", "Closed Date", "Open date",
    "Incorporated on (open date)", "Group Status (code)", "Group Status", "Joined date",
    "EstablishmentName", "TypeOfEstablishment (code)", "TypeOfEstablishment (name)",
    "PhaseOfEducation (code)", "PhaseOfEducation (name)", "LA (code)", "LA (name)",
]  # fmt: skip
GROUPS_HEADER = [
    "Group UID", "Group ID", "Group Name", "Companies House Number", "Group Type (code)",
    "Group Type", "Closed Date", "Open date", "Incorporated on (open date)",
    "Group Status (code)", "Group Status", "Group Street", "Group Locality",
    "Group Address 3", "Group Town", "Group County", "Group Postcode",
    "Head of Group Title", "Head of Group First Name", "Head of Group Last Name", "UKPRN",
]  # fmt: skip

TYPE_CODES = {
    "Federation": "1",
    "Trust": "2",
    "School sponsor": "5",
    "Multi-academy trust": "6",
    "Umbrella trust": "7",
    "Children's Centres Group": "8",
    "Single-academy trust": "10",
}


@dataclass
class Group:
    uid: int | str
    name: str
    kind: str
    status: str = "Open"
    opened: date | str | None = None
    closed: date | str | None = None
    head: tuple[str, str, str] = ("Not recorded", "", "")


@dataclass
class Link:
    urn: int | str
    uid: int | str
    joined: date | str | None
    name: str
    la: int | str = 330
    la_name: str = "Birmingham"
    establishment: str = "Academy converter"
    phase: str = "Primary"
    extra: list[str] = field(default_factory=list)  # fields past the header's


def _day(value: date | str | None, iso: bool) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return value  # as written, for a value that is no date
    return value.isoformat() if iso else value.strftime("%d/%m/%Y")


def _group_row(g: Group, iso: bool) -> list[str]:
    status_code = g.status.upper().replace(" ", "_")
    return [
        str(g.uid), "", g.name, "", TYPE_CODES.get(g.kind, "99"), g.kind, _day(g.closed, iso),
        _day(g.opened, iso), "", status_code, g.status, "1 High Street", "", "", "Town", "",
        "AB1 2CD", *g.head, "",
    ]  # fmt: skip


def _link_row(link: Link, groups: dict[str, Group], iso: bool) -> list[str]:
    g = groups.get(str(link.uid), Group(link.uid, "Unknown", "Trust"))
    return [
        str(link.urn), str(link.uid), "", g.name, "", TYPE_CODES.get(g.kind, "99"), g.kind,
        _day(g.closed, iso), _day(g.opened, iso), "", g.status.upper(), g.status,
        _day(link.joined, iso), link.name, "47" if "centre" in link.establishment else "34",
        link.establishment, "2", link.phase, str(link.la), link.la_name, *link.extra,
    ]  # fmt: skip


def _csv_text(header: list[str], rows: list[list[str]], index: bool) -> str:
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(["", *header] if index else header)
    for number, row in enumerate(rows):
        writer.writerow([str(number), *row] if index else row)
    return out.getvalue()


def write_gias(
    folder: Path,
    groups: list[Group],
    links: list[Link],
    *,
    encoding: str = "utf-8",
    iso: bool = False,
    index: bool = False,
) -> tuple[Path, Path]:
    """Write the links and groups files into ``folder``; return their paths."""
    folder.mkdir(parents=True, exist_ok=True)
    by_uid = {str(g.uid): g for g in groups}
    links_path = folder / "alllinksdata20220321.csv"
    groups_path = folder / "allgroupsdata20220321.csv"
    link_rows = [_link_row(link, by_uid, iso) for link in links]
    group_rows = [_group_row(g, iso) for g in groups]
    links_path.write_bytes(_csv_text(LINKS_HEADER, link_rows, index).encode(encoding))
    groups_path.write_bytes(_csv_text(GROUPS_HEADER, group_rows, index).encode(encoding))
    return links_path, groups_path
