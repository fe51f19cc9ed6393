"""England's refresh on tiny GIAS snapshots written here (tests/etl/gias_files.py).

The tie rule checked by hand: schools are tied when they share an OPEN multi-academy
trust, federation, trust or umbrella trust; a closed trust, a single-academy trust
and a school sponsor tie none, unless the system's two settings say so. Each LA's
E-I index against a hand computation. Two snapshots of different years give two
years, and the ties of each are those of its own snapshot. PLCNET_SYSTEM=england
chooses the system as --system does.

Seven schools: 100001, 100002 and 100006 in Birmingham (330), 100003 and 100007 in
Coventry (331), both West Midlands; 100004 and 100005 in Camden (202), London.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from cli_run import query, rejected_rows, run_refresh
from gias_files import ENGLAND, Group, Link, write_gias

from etl.systems import system_path

LA = {
    100001: (330, "Birmingham"),
    100002: (330, "Birmingham"),
    100006: (330, "Birmingham"),
    100003: (331, "Coventry"),
    100007: (331, "Coventry"),
    100004: (202, "Camden"),
    100005: (202, "Camden"),
}
OPENED = date(2015, 9, 1)


def _link(urn: int, uid: int, joined: date | None = date(2016, 9, 1)) -> Link:
    la, name = LA[urn]
    return Link(urn, uid, joined, f"School {urn}", la=la, la_name=name)


def _groups(federation_status: str = "Open") -> list[Group]:
    return [
        Group(1, "One MAT", "Multi-academy trust", opened=OPENED),
        Group(2, "Two Federation", "Federation", federation_status, opened=OPENED),
        Group(3, "Three Trust", "Trust", "Closed", opened=OPENED, closed=date(2020, 8, 31)),
        Group(4, "Four SAT", "Single-academy trust", opened=OPENED),
        Group(5, "Five Sponsor", "School sponsor", opened=OPENED),
        Group(6, "Six Umbrella", "Umbrella trust", opened=OPENED),
        Group(7, "Seven Centres", "Children's Centres Group", opened=OPENED),
    ]


# 21 March 2022, the academic year 2021/22.
LINKS_2022 = [
    _link(100001, 1),
    _link(100002, 1),
    _link(100003, 1, None),  # GIAS does not know when it joined
    _link(100004, 2),
    _link(100005, 2),
    _link(100001, 3),
    _link(100004, 3),
    _link(100006, 4),
    _link(100007, 4),
    _link(100002, 5),
    _link(100005, 5),
    _link(100003, 6),
    _link(100005, 6),
    Link(20001, 7, None, "Sure Start Centre", establishment="Children's centre"),
]
TIES_2022 = {(100001, 100002), (100001, 100003), (100002, 100003), (100004, 100005)} | {
    (100003, 100005)
}
# 15 January 2023, the academic year 2022/23: 100002 has left the MAT and 100007
# joined it (GIAS gives a joining date in 2020: it was not there in March 2022); the
# federation has closed.
LINKS_2023 = [
    link for link in LINKS_2022 if (link.urn, link.uid) not in {(100002, 1), (100007, 4)}
] + [_link(100007, 1, date(2020, 1, 6))]
TIES_2023 = {(100001, 100003), (100001, 100007), (100003, 100007), (100003, 100005)}


def _snapshot(raw: Path, day: date, groups: list[Group], links: list[Link]) -> None:
    written = write_gias(raw / f"made-{day}", groups, links)
    stamp = day.strftime("%Y%m%d")
    for path in written:
        path.rename(raw / path.name.replace("20220321", stamp))
    (raw / f"made-{day}").rmdir()


def _refresh(tmp_path: Path, *extra: str, env: dict[str, str] | None = None) -> Path:
    db = tmp_path / "england.duckdb"
    done = run_refresh(tmp_path / "raw", db, "--reference", str(ENGLAND), *extra, env=env)
    assert done.returncode == 0, done.stdout + done.stderr
    return db


def _ties(db: Path, year: str) -> set[tuple[int, int]]:
    rows = query(db, "SELECT school_a, school_b FROM net_edges WHERE year = $y", {"y": year})
    return set(rows)


@pytest.fixture
def one_snapshot(tmp_path: Path) -> Path:
    _snapshot(tmp_path / "raw", date(2022, 3, 21), _groups(), LINKS_2022)
    return tmp_path


def test_the_tie_rule_by_hand(one_snapshot: Path):
    db = _refresh(one_snapshot, "--system", "england")
    assert query(db, "SELECT year FROM academic_years") == [("2021/22",)]
    assert _ties(db, "2021/22") == TIES_2022
    # Every membership is loaded, those that tie no one too; the centre is set aside.
    assert query(db, "SELECT count(*) FROM plc_memberships") == [(len(LINKS_2022) - 1,)]
    (centre,) = rejected_rows(db, "group_memberships")
    assert (centre.column, centre.value) == ("TypeOfEstablishment (name)", "Children's centre")
    assert "children's centre, not a school" in centre.reason
    isolated = query(db, "SELECT school_id FROM net_school_metrics WHERE is_isolate")
    assert {row[0] for row in isolated} == {100006, 100007}


def test_e_i_index_of_each_la_by_hand(one_snapshot: Path):
    db = _refresh(one_snapshot, "--system", "england")
    la_of = {urn: la for urn, (la, _) in LA.items()}
    expected = {}
    for la in set(la_of.values()):
        inside = sum(la_of[a] == la_of[b] == la for a, b in TIES_2022)
        outside = sum((la_of[a] == la) != (la_of[b] == la) for a, b in TIES_2022)
        expected[str(la)] = (outside - inside) / (outside + inside)
    # By hand: Birmingham 1 inside, 2 out: 1/3; Coventry 3 out: 1; Camden 1 and 1: 0.
    assert expected == {"330": 1 / 3, "331": 1.0, "202": 0.0}
    rows = query(db, "SELECT group_id, ei_index FROM net_group_metrics WHERE level = 'la'")
    assert dict(rows) == pytest.approx(expected)
    regions = query(db, "SELECT DISTINCT consortium_code FROM local_authorities ORDER BY 1")
    assert regions == [("E12000005",), ("E12000007",)]


def test_the_two_settings_tie_single_academy_trusts_and_sponsors(one_snapshot: Path):
    text = system_path("england").read_text(encoding="utf-8")
    text = text.replace("single_academy_trusts = false", "single_academy_trusts = true")
    text = text.replace("school_sponsors = false", "school_sponsors = true")
    system = one_snapshot / "england.toml"
    system.write_text(text, encoding="utf-8")
    db = _refresh(one_snapshot, "--system", str(system))
    assert _ties(db, "2021/22") == TIES_2022 | {(100006, 100007), (100002, 100005)}
    tying = query(db, "SELECT kind FROM group_kinds WHERE ties ORDER BY position")
    assert [row[0] for row in tying] == [
        "multi_academy_trust",
        "federation",
        "trust",
        "umbrella_trust",
        "single_academy_trust",
        "school_sponsor",
    ]


def test_plcnet_system_chooses_england(one_snapshot: Path):
    db = _refresh(one_snapshot, env={"PLCNET_SYSTEM": "england"})
    assert query(db, "SELECT system FROM refresh_system") == [("england",)]
    assert _ties(db, "2021/22") == TIES_2022


def test_two_snapshots_give_two_years_each_with_its_own_ties(tmp_path: Path):
    raw = tmp_path / "raw"
    _snapshot(raw, date(2022, 3, 21), _groups(), LINKS_2022)
    _snapshot(raw, date(2023, 1, 15), _groups(federation_status="Closed"), LINKS_2023)
    db = _refresh(tmp_path, "--system", "england")
    assert query(db, "SELECT year FROM academic_years ORDER BY year") == [
        ("2021/22",),
        ("2022/23",),
    ]
    assert _ties(db, "2021/22") == TIES_2022
    assert _ties(db, "2022/23") == TIES_2023
    status = query(db, "SELECT year, status FROM group_status WHERE plc_id = '2' ORDER BY year")
    assert status == [("2021/22", "open"), ("2022/23", "closed")]
    # The change between them: 100002 lost both its ties, 100007 gained two.
    changes = dict(
        query(
            db,
            "SELECT school_id, (ties_gained, ties_lost) FROM net_school_metrics "
            "WHERE year = '2022/23' AND school_id IN (100002, 100007)",
        )
    )
    assert changes == {100002: (0, 2), 100007: (2, 0)}
