"""The overview's figures on England (the shipped GIAS snapshot of 21 March 2022,
refreshed through the real CLI: tests/conftest.py ``england_published``) against the
same figures worked out here from the two GIAS files with the csv module alone:
schools in a group that ties, active groups, ties and their share across LA lines,
schools in no tie; for England, for a region and for an LA. And the tie rule in the
pages' own SQL: a school only in a single-academy trust (a kind that makes no ties)
counts as in no group, though it has a membership."""

from __future__ import annotations

import csv
import itertools
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pytest

from dashboard.core.db import Database, apply_macros
from dashboard.core.filters import Filters
from dashboard.pages.overview.data import load_yearly
from tests.england_snapshot import ENGLAND_FILES

YEAR = "2021/22"
LINKS = ENGLAND_FILES / "gias_alllinksdata_ajb1970_2022-03-21.csv"
GROUPS = ENGLAND_FILES / "gias_allgroupsdata_ajb1970_2022-03-21.csv"
LOOKUP = ENGLAND_FILES / "local_authorities_regions.csv"
# GIAS's group types that tie their schools, by England's default settings.
TYING = {"Multi-academy trust", "Federation", "Trust", "Umbrella trust"}


def csv_rows(path: Path) -> list[dict[str, str]]:
    """A UTF-8 file's rows by the csv module alone, apart from plcnet's readers."""
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@dataclass(frozen=True)
class ByHand:
    la_of: dict[int, int]
    region_of: dict[int, str]
    # Each open group of a tying type: its member schools.
    tying_members: dict[str, set[int]]
    # Each school: the GIAS type and status of every group it is in.
    types_of: dict[int, set[tuple[str, str]]]

    def pairs(self) -> set[tuple[int, int]]:
        return {
            pair
            for urns in self.tying_members.values()
            for pair in itertools.combinations(sorted(urns), 2)
        }

    def figures(self, chosen: set[int]) -> dict[str, object]:
        """The overview's figures for the schools ``chosen``, as the page defines them:
        ties with at least one end among them."""
        pairs = {(a, b) for a, b in self.pairs() if a in chosen or b in chosen}
        tied = {urn for pair in self.pairs() for urn in pair}
        in_groups = {urn for urns in self.tying_members.values() for urn in urns}
        return {
            "schools": len(chosen),
            "schools_in_plcs": len(chosen & in_groups),
            "active_plcs": sum(bool(urns & chosen) for urns in self.tying_members.values()),
            "ties": len(pairs),
            "cross_la_share": sum(self.la_of[a] != self.la_of[b] for a, b in pairs) / len(pairs),
            "isolated_schools": len(chosen - tied),
        }


@pytest.fixture(scope="module")
def by_hand() -> ByHand:
    groups = {row["Group UID"]: row for row in csv_rows(GROUPS)}
    region_of_la = {row["la_code"]: row["region_code"] for row in csv_rows(LOOKUP)}
    schools = [
        row for row in csv_rows(LINKS) if row["TypeOfEstablishment (name)"] != "Children's centre"
    ]
    tying_members: dict[str, set[int]] = defaultdict(set)
    types_of: dict[int, set[tuple[str, str]]] = defaultdict(set)
    for row in schools:
        group = groups[row["Group UID"]]
        types_of[int(row["URN"])].add((group["Group Type"], group["Group Status"]))
        if group["Group Type"] in TYING and group["Group Status"] == "Open":
            tying_members[row["Group UID"]].add(int(row["URN"]))
    return ByHand(
        la_of={int(row["URN"]): int(row["LA (code)"]) for row in schools},
        region_of={int(r["URN"]): region_of_la[r["LA (code)"]] for r in schools},
        tying_members=dict(tying_members),
        types_of=dict(types_of),
    )


def published_figures(db: Path, filters: Filters) -> dict[str, object]:
    yearly = load_yearly(Database(db), filters)
    assert yearly["year"].tolist() == [YEAR]
    row = yearly.iloc[0]
    return {
        name: (float(row[name]) if name == "cross_la_share" else int(row[name]))
        for name in (
            "schools",
            "schools_in_plcs",
            "active_plcs",
            "ties",
            "cross_la_share",
            "isolated_schools",
        )
    }


def assert_same_figures(published: dict[str, object], expected: dict[str, object]) -> None:
    assert published.keys() == expected.keys()
    for name, value in expected.items():
        assert published[name] == pytest.approx(value), name


def test_englands_overview_equals_the_counts_of_the_gias_files(
    england_published: Path, by_hand: ByHand
) -> None:
    expected = by_hand.figures(set(by_hand.la_of))
    assert_same_figures(published_figures(england_published, Filters(YEAR)), expected)
    # Some schools are in a group only of a kind that makes no ties: the count differs.
    assert expected["schools_in_plcs"] < len(by_hand.types_of)


def test_a_regions_overview_equals_the_counts_of_the_gias_files(
    england_published: Path, by_hand: ByHand
) -> None:
    region = "E12000007"  # London
    chosen = {urn for urn, code in by_hand.region_of.items() if code == region}
    published = published_figures(england_published, Filters(YEAR, consortium=region))
    assert_same_figures(published, by_hand.figures(chosen))


def test_an_las_overview_equals_the_counts_of_the_gias_files(
    england_published: Path, by_hand: ByHand
) -> None:
    la = 330  # Birmingham
    chosen = {urn for urn, code in by_hand.la_of.items() if code == la}
    published = published_figures(england_published, Filters(YEAR, la=la))
    assert_same_figures(published, by_hand.figures(chosen))


def test_a_school_only_in_a_single_academy_trust_is_in_no_group_that_ties(
    england_published: Path, by_hand: ByHand
) -> None:
    only_sat = sorted(
        urn
        for urn, types in by_hand.types_of.items()
        if types == {("Single-academy trust", "Open")}
    )
    in_a_mat = sorted(
        urn for urn, types in by_hand.types_of.items() if ("Multi-academy trust", "Open") in types
    )
    assert only_sat and in_a_mat
    with duckdb.connect(str(england_published), read_only=True) as con:
        apply_macros(con)
        ((memberships,),) = con.execute(
            "select count(*) from memberships_in($year) where school_id = $urn",
            {"year": YEAR, "urn": only_sat[0]},
        ).fetchall()
        counted = dict(
            con.execute(
                "select school_id, n_plcs from school_plcs($year, null)", {"year": YEAR}
            ).fetchall()
        )
    assert memberships >= 1  # a member of its trust ...
    assert not set(only_sat) & counted.keys()  # ... but in no group that ties
    in_tying = {urn for urns in by_hand.tying_members.values() for urn in urns}
    assert counted.keys() == in_tying
    assert set(in_a_mat) & counted.keys()
