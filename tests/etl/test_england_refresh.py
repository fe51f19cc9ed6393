"""England's refresh of the whole shipped GIAS snapshot of 21 March 2022.

``python -m etl refresh --system england`` runs as the data team runs it (a
subprocess, a real DuckDB file), with the shipped snapshot as its raw folder. Every
count of the published database is checked against the same count worked out here
from the two files with the csv module and plain Python, never with plcnet's code:
schools, groups by type, memberships, ties, schools with no tie, rows set aside, the
share of ties across LA lines, each LA's E-I index; and England's 153 LAs and 9
regions. No column of the published database holds a head of group's name.
"""

from __future__ import annotations

import itertools
from collections import Counter, defaultdict
from pathlib import Path

import duckdb
import pytest
from cli_run import query, run_refresh
from gias_files import ENGLAND, GROUPS, LINKS, LOOKUP, TYING, csv_rows


def _code(words: str) -> str:
    """GIAS's type name as a code, by hand: 'Multi-academy trust' -> multi_academy_trust."""
    kept = "".join(c if c.isalnum() else " " for c in words.lower().replace("'", ""))
    return "_".join(kept.split())


@pytest.fixture(scope="module")
def by_hand() -> dict[str, object]:
    links, groups = csv_rows(LINKS), csv_rows(GROUPS)
    lookup = {r["la_code"]: r for r in csv_rows(LOOKUP)}
    schools = [r for r in links if r["TypeOfEstablishment (name)"] != "Children's centre"]
    la_of = {int(r["URN"]): int(r["LA (code)"]) for r in schools}
    group = {r["Group UID"]: r for r in groups}
    members: dict[str, set[int]] = defaultdict(set)
    for r in schools:
        g = group[r["Group UID"]]
        if g["Group Type"] in TYING and g["Group Status"] == "Open":
            members[r["Group UID"]].add(int(r["URN"]))
    pairs = {pair for urns in members.values() for pair in itertools.combinations(sorted(urns), 2)}
    internal: Counter[int] = Counter()
    external: Counter[int] = Counter()
    for a, b in pairs:
        if la_of[a] == la_of[b]:
            internal[la_of[a]] += 1
        else:
            external[la_of[a]] += 1
            external[la_of[b]] += 1
    ei = {
        la: (external[la] - internal[la]) / (external[la] + internal[la])
        for la in set(la_of.values())
        if external[la] + internal[la]
    }
    tied = {urn for pair in pairs for urn in pair}
    return {
        "schools": set(la_of),
        "groups": Counter(_code(r["Group Type"]) for r in groups),
        "memberships": {(int(r["URN"]), int(r["Group UID"])) for r in schools},
        "pairs": pairs,
        "cross_la": sum(la_of[a] != la_of[b] for a, b in pairs),
        "isolated": set(la_of) - tied,
        "centres": len(links) - len(schools),
        "las": set(la_of.values()),
        "regions": {lookup[str(la)]["region_code"] for la in la_of.values()},
        "ei": ei,
        # Whole names: a last name alone may be a place (an LA is called Derby).
        "heads": {
            f"{r['Head of Group First Name'].strip()} {r['Head of Group Last Name'].strip()}"
            for r in groups
            if r["Head of Group First Name"].strip() and r["Head of Group Last Name"].strip()
        },
    }


@pytest.fixture(scope="module")
def england_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("england") / "england.duckdb"
    done = run_refresh(ENGLAND, db, "--system", "england", "--reference", str(ENGLAND))
    assert done.returncode == 0, done.stdout + done.stderr
    return db


def test_the_database_records_england_and_one_academic_year(england_db: Path):
    assert query(england_db, "SELECT system FROM refresh_system") == [("england",)]
    assert query(england_db, "SELECT year, has_plc_data FROM academic_years") == [("2021/22", True)]


def test_schools_are_the_establishments_of_the_links_file_by_urn(england_db, by_hand):
    published = {row[0] for row in query(england_db, "SELECT school_id FROM schools")}
    assert published == by_hand["schools"]


def test_englands_153_las_in_9_regions(england_db, by_hand):
    las = query(england_db, "SELECT la_code, consortium_code FROM local_authorities")
    assert {la for la, _ in las} == by_hand["las"]
    assert len(las) == 153
    assert len({region for _, region in las}) == len(by_hand["regions"]) == 9


def test_groups_by_type_every_one_with_its_kind(england_db, by_hand):
    kinds = Counter(dict(query(england_db, "SELECT group_kind, count(*) FROM plcs GROUP BY 1")))
    assert kinds == by_hand["groups"]
    statuses = query(england_db, "SELECT count(*) FROM group_status")
    assert statuses == [(sum(by_hand["groups"].values()),)]


def test_memberships_are_loaded_for_every_group(england_db, by_hand):
    rows = query(england_db, "SELECT school_id, CAST(plc_id AS INTEGER) FROM plc_memberships")
    assert set(rows) == by_hand["memberships"]
    assert len(rows) == len(by_hand["memberships"])


def test_ties_are_the_pairs_of_open_tying_groups(england_db, by_hand):
    ties = query(england_db, "SELECT school_a, school_b FROM net_edges")
    assert set(ties) == by_hand["pairs"] and len(ties) == len(by_hand["pairs"])
    ((share,),) = query(england_db, "SELECT cross_la_share FROM net_system_metrics")
    assert share == pytest.approx(by_hand["cross_la"] / len(by_hand["pairs"]))


def test_isolated_schools(england_db, by_hand):
    isolated = query(england_db, "SELECT school_id FROM net_school_metrics WHERE is_isolate")
    assert {row[0] for row in isolated} == by_hand["isolated"]


def test_children_centres_are_set_aside_each_with_its_reason(england_db, by_hand):
    rows = query(
        england_db,
        "SELECT count(*), count(DISTINCT line) FROM rejected_rows "
        "WHERE reason LIKE 'a children''s centre, not a school%'",
    )
    assert rows == [(by_hand["centres"], by_hand["centres"])]
    assert query(england_db, "SELECT count(*) FROM rejected_rows") == [(by_hand["centres"],)]


def test_e_i_index_of_every_la(england_db, by_hand):
    rows = query(
        england_db,
        "SELECT CAST(group_id AS INTEGER), ei_index FROM net_group_metrics "
        "WHERE level = 'la' AND ei_index IS NOT NULL",
    )
    published = dict(rows)
    assert published.keys() == by_hand["ei"].keys()
    for la, ei in by_hand["ei"].items():
        assert published[la] == pytest.approx(ei), la


def test_no_column_holds_a_head_of_groups_name(england_db, by_hand):
    heads = by_hand["heads"]
    assert len(heads) > 100  # the shipped file holds them
    with duckdb.connect(str(england_db), read_only=True) as con:
        columns = con.execute(
            "SELECT table_name, column_name FROM duckdb_columns() "
            "WHERE data_type = 'VARCHAR' AND NOT internal"
        ).fetchall()
        con.execute("CREATE TEMP TABLE heads (name VARCHAR)")
        con.executemany("INSERT INTO heads (name) VALUES (?)", [(h,) for h in heads])
        for table, column in columns:
            found = con.execute(
                f'SELECT count(*) FROM "{table}" AS t SEMI JOIN heads AS h '
                f'ON contains(t."{column}", h.name)'
            ).fetchone()[0]
            assert found == 0, f"{table}.{column} holds a head of group's name"


def test_group_kinds_say_which_tie(england_db):
    rows = query(england_db, "SELECT kind, ties FROM group_kinds ORDER BY position")
    assert dict(rows) == {
        "multi_academy_trust": True,
        "federation": True,
        "trust": True,
        "umbrella_trust": True,
        "single_academy_trust": False,
        "school_sponsor": False,
        "childrens_centres_group": False,
        "childrens_centres_collaboration": False,
    }
