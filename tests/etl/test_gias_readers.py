"""The readers of England's GIAS files (etl/sources/gias.py) on tiny files made here:
both encodings (the Windows-1252 copy written in the test), both date forms, the
index column present and absent; rows set aside with their line, column and reason;
children's centres set aside, not schools; names of heads of group never loaded."""

from __future__ import annotations

import itertools
from datetime import date

import pandas as pd
import pytest
from gias_files import LOOKUP, Group, Link, write_gias

from etl.reasons import read_reason
from etl.sources.common import InputError
from etl.sources.gias import (
    GIAS_GROUPS,
    GIAS_LINKS,
    detect_gias,
    find_gias_files,
    gias_kind,
    read_gias,
    snapshot_date,
)

# A right single quote and an en dash: letters Windows-1252 has at 0x92 and 0x96.
Q, D = "\u2019", "\u2013"
HEAD = ("Dr", "Zebedee", "Quillfeather")
GROUPS = [
    Group(
        2001, f"St Mary{Q}s Federation {D} Café Schools", "Federation", opened=date(2012, 4, 1),
        head=HEAD,
    ),
    Group(2002, "Oak Multi Academy Trust", "Multi-academy trust", opened=date(2015, 9, 1)),
    Group(
        2003, "Old Trust", "Trust", status="Closed", opened=date(2009, 1, 6),
        closed=date(2010, 8, 31),
    ),
    Group(2004, "Sure Start Centres", "Children's Centres Group", opened=date(1900, 1, 1)),
]  # fmt: skip
BOURNEMOUTH = {"la": 837, "la_name": "Pre-LGR 2019 Bournemouth"}
LINKS = [
    Link(100001, 2001, date(2012, 4, 1), f"Ysgol Fach {D} Café School", la=330),
    Link(100002, 2001, date(2013, 9, 1), f"St Mary{Q}s Primary", **BOURNEMOUTH),
    Link(100002, 2002, date(2016, 1, 31), f"St Mary{Q}s Primary", **BOURNEMOUTH),
    Link(100003, 2003, date(1900, 1, 1), "Old School", la=928,
         la_name="Pre-LGR 2021 Northamptonshire"),
    Link(20001, 2004, date(1900, 1, 1), "Central Children's Centre",
         establishment="Children's centre", phase="Not applicable"),
]  # fmt: skip


def _read(tmp_path, **form):
    return read_gias(*write_gias(tmp_path, GROUPS, LINKS, **form), LOOKUP)


@pytest.fixture(scope="module")
def expected(tmp_path_factory):
    """The tiny files in UTF-8, dd/mm/yyyy, no index column: the form the others must match."""
    return _read(tmp_path_factory.mktemp("plain"))


FORMS = list(itertools.product(("utf-8", "cp1252"), (False, True), (False, True)))


@pytest.mark.parametrize(
    ("encoding", "iso", "index"),
    FORMS,
    ids=[f"{e}-{'iso' if i else 'dmy'}-{'index' if x else 'noindex'}" for e, i, x in FORMS],
)
def test_every_form_reads_the_same(tmp_path, expected, encoding, iso, index):
    links, groups = write_gias(tmp_path, GROUPS, LINKS, encoding=encoding, iso=iso, index=index)
    if encoding == "cp1252":  # the Windows-1252 bytes are there: Q is 0x92, D is 0x96
        assert b"St Mary\x92s" in links.read_bytes() and b"\x96 Caf\xe9" in groups.read_bytes()
    snapshot = read_gias(links, groups, LOOKUP)
    assert set(snapshot.encodings.values()) == {encoding}
    for name in ("schools", "groups", "memberships", "local_authorities"):
        pd.testing.assert_frame_equal(getattr(snapshot, name), getattr(expected, name))
    assert [(r.line, r.column, r.reason) for r in snapshot.rejections] == [
        (r.line, r.column, r.reason) for r in expected.rejections
    ]


def test_what_the_tiny_files_give(expected):
    schools = expected.schools.set_index("urn")
    assert list(schools.index) == [100001, 100002, 100003]
    assert schools.loc[100001, "name"] == f"Ysgol Fach {D} Café School"
    assert schools.loc[100002, "la_code"] == 837
    assert schools.loc[100002, "establishment_type"] == "Academy converter"
    assert schools.loc[100002, "phase"] == "Primary"
    groups = expected.groups.set_index("group_uid")
    assert groups.loc[2001, "name"] == f"St Mary{Q}s Federation {D} Café Schools"
    assert groups.loc[2001, "group_type"] == "federation"
    assert groups.loc[2002, "group_type"] == "multi_academy_trust"
    assert groups.loc[2004, "group_type"] == "childrens_centres_group"
    assert groups.loc[2003, "status"] == "closed" and groups.loc[2002, "status"] == "open"
    assert groups.loc[2003, "closed"] == date(2010, 8, 31)
    assert groups.loc[2002, "opened"] == date(2015, 9, 1)
    # GIAS's 01/01/1900 is its "not known": no date.
    assert pd.isna(groups.loc[2004, "opened"])
    joined = {
        (int(urn), int(uid)): None if pd.isna(day) else day
        for urn, uid, day in expected.memberships.itertuples(index=False)
    }
    assert joined == {
        (100001, 2001): date(2012, 4, 1),
        (100002, 2001): date(2013, 9, 1),
        (100002, 2002): date(2016, 1, 31),
        (100003, 2003): None,
    }


def test_old_la_codes_keep_their_region(expected):
    las = expected.local_authorities.set_index("la_code")
    assert list(las.index) == [330, 837, 928]
    assert las.loc[837, "region_name"] == "South West"
    assert las.loc[837, "name"] == "Pre-LGR 2019 Bournemouth"  # as GIAS gives it
    assert las.loc[837, "ended"] == date(2019, 3, 31)
    assert las.loc[928, "region_name"] == "East Midlands"
    assert las.loc[330, "region_code"] == "E12000005" and pd.isna(las.loc[330, "ended"])


def test_childrens_centres_are_set_aside_with_their_reason(expected, tmp_path):
    assert 20001 not in set(expected.schools["urn"])
    (centre,) = expected.rejections
    assert (centre.table, centre.line, centre.column) == (
        "group_memberships",
        6,
        "TypeOfEstablishment (name)",
    )
    assert centre.value == "Children's centre"
    assert read_reason(centre.reason)[0] == "gias_childrens_centre"
    assert centre.source_file.endswith("alllinksdata20220321.csv")
    kept = read_gias(*write_gias(tmp_path, GROUPS, LINKS), LOOKUP, keep_childrens_centres=True)
    assert 20001 in set(kept.schools["urn"]) and kept.rejections == []


def test_names_of_heads_of_group_are_never_loaded(tmp_path):
    links, groups = write_gias(tmp_path, GROUPS, LINKS)
    assert "Zebedee" in groups.read_text("utf-8")  # the file has the head's name
    snapshot = read_gias(links, groups, LOOKUP)
    frames = (snapshot.schools, snapshot.groups, snapshot.memberships, snapshot.local_authorities)
    for frame in frames:
        assert not any("head" in column.lower() for column in frame.columns)
        cells = [str(cell) for cell in frame.to_numpy().ravel()]
        assert not any(word in cell for cell in cells for word in HEAD[1:])
    assert not any(word in str(r) for r in snapshot.rejections for word in HEAD[1:])


BAD_LINKS = [
    Link(100001, 2001, date(2012, 4, 1), "Good School"),  # line 2
    Link("12A4", 2001, date(2012, 4, 1), "Bad URN"),  # 3
    Link(100005, "", date(2012, 4, 1), "No group"),  # 4
    Link(100006, 2001, "31/02/2020", "No such day"),  # 5
    Link(100007, 2001, date(2012, 4, 1), "Extra field", extra=["surplus"]),  # 6
    Link(100008, 2001, date(2012, 4, 1), "LA not a number", la="N/A"),  # 7
    Link(100009, 2001, date(2012, 4, 1), "LA not in England", la=999),  # 8
    Link(100010, 2099, date(2012, 4, 1), "Group not in the groups file"),  # 9
    Link(100001, 2001, date(2012, 4, 1), "Good School"),  # 10: line 2 again
]
BAD_GROUPS = [
    GROUPS[0],  # line 2
    Group("x1", "Bad UID", "Trust"),  # 3
    Group(2005, "Bad date", "Trust", opened="2020-13-01"),  # 4
]


def test_rows_that_cannot_be_read_are_set_aside_with_line_column_and_reason(tmp_path):
    snapshot = read_gias(*write_gias(tmp_path, BAD_GROUPS, BAD_LINKS), LOOKUP)
    assert list(snapshot.schools["urn"]) == [100001]
    assert list(snapshot.groups["group_uid"]) == [2001]
    got = [
        (r.source_file.rsplit("/", 1)[-1][:8], r.line, r.column, r.value, read_reason(r.reason))
        for r in snapshot.rejections
    ]
    assert got == [
        ("allgroup", 3, "Group UID", "x1", ("gias_not_a_number", {})),
        ("allgroup", 4, "Open date", "2020-13-01", ("not_a_date", {})),
        ("alllinks", 6, None, None, ("too_many_fields", {"fields": "21", "width": "20"})),
        ("alllinks", 3, "URN", "12A4", ("gias_not_a_number", {})),
        ("alllinks", 4, "Group UID", None, ("missing", {})),
        ("alllinks", 5, "Joined date", "31/02/2020", ("not_a_date", {})),
        ("alllinks", 7, "LA (code)", "N/A", ("la_code_not_a_number", {})),
        ("alllinks", 8, "LA (code)", "999", ("gias_la_not_in_lookup", {"la_code": "999"})),
        (
            "alllinks",
            9,
            "Group UID",
            "2099",
            ("no_such_reference", {"target": "Group UID", "table": "groups"}),
        ),
        ("alllinks", 10, "URN, Group UID", "100001, 2001",
         ("duplicate_key", {"keys": "URN, Group UID"})),
    ]  # fmt: skip


def test_windows_1252_read_as_latin_1_is_mended(tmp_path):
    """A pandas copy that read GIAS's Windows-1252 as Latin-1 holds U+0092 for U+2019."""
    groups = [Group(2001, "St Mary\x92s Academy Trust", "Multi-academy trust")]
    links = [Link(100001, 2001, date(2020, 9, 1), "Lady Hawkins\x92 School")]
    snapshot = read_gias(*write_gias(tmp_path, groups, links), LOOKUP)
    assert snapshot.groups.loc[0, "name"] == f"St Mary{Q}s Academy Trust"
    assert snapshot.schools.loc[0, "name"] == f"Lady Hawkins{Q} School"


def test_files_are_told_by_their_headers_not_their_names(tmp_path):
    links, groups = write_gias(tmp_path / "in", GROUPS, LINKS, index=True)
    renamed_links = links.rename(tmp_path / "in" / "a.csv")
    renamed_groups = groups.rename(tmp_path / "in" / "b.csv")
    (tmp_path / "in" / "other.csv").write_text("school number,latitude,longitude\n", "utf-8")
    assert detect_gias(renamed_links) == GIAS_LINKS
    assert detect_gias(renamed_groups) == GIAS_GROUPS
    assert detect_gias(tmp_path / "in" / "other.csv") is None
    assert find_gias_files(tmp_path) == {
        GIAS_LINKS: [renamed_links],
        GIAS_GROUPS: [renamed_groups],
    }
    # The links file repeats the group's columns; its URN tells it from the groups file.
    assert gias_kind(["Group UID", "Group Name", "Group Type", "Group Status", "Open date",
                      "Closed Date"]) == GIAS_GROUPS  # fmt: skip
    assert gias_kind(["URN", "Group UID"]) is None


def test_a_file_without_a_needed_column_says_which(tmp_path):
    links, groups = write_gias(tmp_path, GROUPS, LINKS)
    text = links.read_text("utf-8").replace("Joined date", "Date joined", 1)
    links.write_text(text, "utf-8")
    with pytest.raises(InputError, match="joined date"):
        read_gias(links, groups, LOOKUP)


def test_the_date_of_a_snapshot_is_in_its_name(tmp_path):
    assert snapshot_date(tmp_path / "alllinksdata20220321.csv") == date(2022, 3, 21)
    assert snapshot_date(tmp_path / "gias_allgroupsdata_ajb1970_2022-03-21.csv") == date(
        2022, 3, 21
    )
    assert snapshot_date(tmp_path / "links.csv") is None
