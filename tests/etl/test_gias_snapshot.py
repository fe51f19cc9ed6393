"""The shipped GIAS snapshot of 21 March 2022 (data/reference/england/), read whole.

Every count the reader gives is checked against the same count worked out here from
the files with the csv module and plain Python (never with the reader): schools,
groups by type, memberships, ties, schools in no tie, rows set aside; and England's
153 LAs and 9 regions against the shipped lookup. The same snapshot, written back as
GIAS publishes it (Windows-1252, ISO dates, no index column), reads the same.
"""

from __future__ import annotations

import csv
import itertools
import re
from collections import Counter, defaultdict
from datetime import date
from pathlib import Path

import pandas as pd
import pytest
from gias_files import ENGLAND, GROUPS, LINKS, LOOKUP, TYING, csv_rows

from etl.reasons import read_reason
from etl.sources.detect import detect_kind
from etl.sources.gias import GIAS_GROUPS, GIAS_LINKS, find_gias_files, read_gias, tied_pairs


@pytest.fixture(scope="module")
def by_hand() -> dict[str, object]:
    """The counts, from the files with the csv module alone."""
    links, groups, lookup = csv_rows(LINKS), csv_rows(GROUPS), csv_rows(LOOKUP)
    schools = [r for r in links if r["TypeOfEstablishment (name)"] != "Children's centre"]
    group = {r["Group UID"]: r for r in groups}
    members = defaultdict(set)
    for r in schools:
        g = group[r["Group UID"]]
        if g["Group Type"] in TYING and g["Group Status"] == "Open":
            members[r["Group UID"]].add(int(r["URN"]))
    ties = [
        (a, b, int(uid))
        for uid, urns in members.items()
        for a, b in itertools.combinations(sorted(urns), 2)
    ]
    urns = {int(r["URN"]) for r in schools}
    tied = {urn for a, b, _ in ties for urn in (a, b)}
    region = {r["la_code"]: r["region_name"] for r in lookup}
    return {
        "schools": urns,
        "memberships": {(int(r["URN"]), int(r["Group UID"])) for r in schools},
        "groups": Counter(r["Group Type"] for r in groups),
        "open": Counter(r["Group Type"] for r in groups if r["Group Status"] == "Open"),
        "ties": sorted(ties),
        "isolated": urns - tied,
        "centres": [
            line
            for line, r in enumerate(links, start=2)
            if r["TypeOfEstablishment (name)"] == "Children's centre"
        ],
        "las": {r["LA (code)"] for r in schools},
        "regions": {region[r["LA (code)"]] for r in schools},
        "lookup": lookup,
        "heads": {
            f"{r['Head of Group First Name']} {r['Head of Group Last Name']}"
            for r in groups
            if r["Head of Group First Name"] and r["Head of Group Last Name"]
        },
    }


@pytest.fixture(scope="module")
def snapshot():
    return read_gias(LINKS, GROUPS, LOOKUP)


def test_the_shipped_files_are_found_by_their_headers():
    assert find_gias_files(ENGLAND) == {GIAS_LINKS: [LINKS], GIAS_GROUPS: [GROUPS]}


def test_schools_and_memberships(snapshot, by_hand):
    assert len(snapshot.schools) == len(by_hand["schools"]) == 11_457
    assert set(snapshot.schools["urn"]) == by_hand["schools"]
    assert snapshot.schools["urn"].is_unique
    pairs = set(zip(snapshot.memberships["urn"], snapshot.memberships["group_uid"], strict=True))
    assert pairs == by_hand["memberships"]
    assert len(snapshot.memberships) == 18_767


def test_groups_by_type(snapshot, by_hand):
    names = snapshot.groups.groupby("group_type_name").size().to_dict()
    assert names == dict(by_hand["groups"])
    assert len(snapshot.groups) == 6_877
    slugs = snapshot.groups["group_type"].value_counts().to_dict()
    assert slugs["multi_academy_trust"] == by_hand["groups"]["Multi-academy trust"] == 1_681
    assert slugs["childrens_centres_group"] == by_hand["groups"]["Children's Centres Group"]
    opened = snapshot.groups[snapshot.groups["status"] == "open"]
    assert opened.groupby("group_type_name").size().to_dict() == dict(by_hand["open"])


def test_ties_and_schools_in_no_tie(snapshot, by_hand):
    ties = tied_pairs(snapshot.memberships, snapshot.groups)
    assert list(ties.itertuples(index=False, name=None)) == by_hand["ties"]
    assert len(ties) == 60_763
    assert len(ties[["urn_a", "urn_b"]].drop_duplicates()) == 60_747
    tied = set(ties["urn_a"]) | set(ties["urn_b"])
    assert set(snapshot.schools["urn"]) - tied == by_hand["isolated"]
    assert len(by_hand["isolated"]) == 1_520


def test_the_rows_set_aside_are_the_childrens_centres(snapshot, by_hand):
    assert [r.line for r in snapshot.rejections] == by_hand["centres"]
    assert len(snapshot.rejections) == 1_623
    assert {read_reason(r.reason)[0] for r in snapshot.rejections} == {"gias_childrens_centre"}


def test_153_las_in_9_regions(snapshot, by_hand):
    las = snapshot.local_authorities
    assert len(las) == len(by_hand["las"]) == 153
    assert set(las["la_code"].astype(str)) == by_hand["las"]
    assert las["region_name"].nunique() == len(by_hand["regions"]) == 9
    # Every LA of the links file is in the lookup exactly once, so has one region.
    codes = Counter(r["la_code"] for r in by_hand["lookup"])
    assert all(codes[la] == 1 for la in by_hand["las"])
    region = {r["la_code"]: r["region_name"] for r in by_hand["lookup"]}
    per_region = Counter(region[la] for la in by_hand["las"])
    assert las.groupby("region_name").size().to_dict() == dict(per_region)


def test_la_codes_no_longer_in_use_are_kept_as_gias_gives_them(snapshot):
    las = snapshot.local_authorities.set_index("la_code")
    assert las.loc[837, "name"] == "Pre-LGR 2019 Bournemouth"
    assert (las.loc[837, "region_name"], las.loc[837, "ended"]) == ("South West", date(2019, 3, 31))
    assert las.loc[928, "name"] == "Pre-LGR 2021 Northamptonshire"
    assert las.loc[928, "region_name"] == "East Midlands"
    # Both ended before the snapshot; Cumbria (909) ended in 2023, after it.
    ended = las["ended"].dropna()
    assert set(ended[ended < date(2022, 3, 21)].index) == {837, 928}
    assert set(ended.index) == {837, 928, 909}
    # City of London has no school in a group in this snapshot.
    assert 201 not in las.index


def test_the_lookup_has_one_row_a_code_and_nine_regions(by_hand):
    lookup = by_hand["lookup"]
    assert len(lookup) == len({r["la_code"] for r in lookup}) == 160
    assert {r["region_code"] for r in lookup} == {f"E120000{n:02d}" for n in range(1, 10)}
    assert all(re.fullmatch(r"[0-9]{3}", r["la_code"]) for r in lookup)


def test_names_of_heads_of_group_are_nowhere_in_what_is_read(snapshot, by_hand):
    assert len(by_hand["heads"]) > 200  # the file does name people
    frames = (snapshot.schools, snapshot.groups, snapshot.memberships, snapshot.local_authorities)
    for frame in frames:
        assert not any("head" in str(column).lower() for column in frame.columns)
        text = "\n".join(str(cell) for cell in frame.to_numpy().ravel())
        assert not [name for name in by_hand["heads"] if name in text]


def test_windows_1252_read_as_latin_1_is_mended(snapshot):
    names = set(snapshot.groups["name"])
    assert "St Mary\u2019s Academy Trust" in names
    assert not any("\x80" <= c <= "\x9f" for name in names for c in name)


def _as_published(source: Path, target: Path) -> None:
    """``source`` as GIAS publishes it: Windows-1252, ISO dates, no index column.

    The copy was Windows-1252 read as Latin-1: every character is below U+0100, so
    Latin-1 gives the published bytes back.
    """
    with source.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    drop_index = rows[0][0] == ""
    with target.open("w", encoding="latin-1", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\r\n")
        for row in rows:
            row = row[1:] if drop_index else row
            writer.writerow([re.sub(r"^(\d\d)/(\d\d)/(\d{4})$", r"\3-\2-\1", cell) for cell in row])


def test_the_snapshot_as_gias_publishes_it_reads_the_same(snapshot, tmp_path):
    links, groups = tmp_path / "alllinksdata20220321.csv", tmp_path / "allgroupsdata20220321.csv"
    _as_published(LINKS, links)
    _as_published(GROUPS, groups)
    assert links.read_bytes().startswith(b"URN,Group UID,")
    assert b"2015-09-01" in links.read_bytes() and b"\x92" in groups.read_bytes()
    published = read_gias(links, groups, LOOKUP)
    assert set(published.encodings.values()) == {"cp1252"}
    for name in ("schools", "groups", "memberships", "local_authorities"):
        pd.testing.assert_frame_equal(getattr(published, name), getattr(snapshot, name))
    assert [r.line for r in published.rejections] == [r.line for r in snapshot.rejections]


def test_the_welsh_refresh_takes_no_england_file_for_its_own():
    for path in ENGLAND.glob("*.csv"):
        assert detect_kind(path) == "unknown"
