"""The compare page with a PLC focus area, on the hand-made database
(tests/dashboard/fixtures.py).

Every part is checked against a computation worked out here in Python from the
fixture's own rows (PLCS, MEMBERSHIPS, YEARS, SCHOOLS), not from the published
tables: the focus area's ties are the pairs of schools sharing one of its PLCs with
memberships counting in the year (docs/measures.md); ties gained and lost are set
differences of them; schools joined and left, the headline figures and the area's
measures (networkx) follow from them. Without a focus area the page's own headline
query gives the overview's figures.
"""

from __future__ import annotations

import itertools
from dataclasses import replace
from datetime import date

import networkx as nx
import pandas as pd
import pytest

from dashboard.core.db import Database
from dashboard.core.filters import Choices, Filters
from dashboard.pages.compare.data import (
    GROUP_MEASURES,
    WITH,
    load_compare,
    load_headline_pairs,
    load_measures,
)
from dashboard.pages.compare.layout import FIELDS, build_compare_parts
from tests.dashboard.fixtures import MEMBERSHIPS, PLCS, SCHOOLS, SUPPORT, YEARS

ORDER = list(YEARS)
FOCUS_AREAS = sorted({plc[2] for plc in PLCS})
CONSORTIUM = {660: "GWE", 661: "GWE", 681: "CSC"}
NUMBER = {letter: row[0] for letter, row in SCHOOLS.items()}
SELECTIONS = [
    Filters("2018/19"),
    Filters("2018/19", consortium="GWE"),
    Filters("2018/19", consortium="CSC", la=681),
    Filters("2018/19", sector="primary"),
    Filters("2018/19", medium="welsh"),
]


def _focused(filters: Filters, focus: str | None, year: str, other: str) -> Filters:
    return Filters(
        year, filters.consortium, filters.la, filters.sector, filters.medium, focus,
        options=((WITH, other),),
    )  # fmt: skip


def _chosen(filters: Filters) -> set[int]:
    return {
        number
        for number, _name, la, sector, medium in SCHOOLS.values()
        if (filters.la is None or la == filters.la)
        and (filters.consortium is None or CONSORTIUM[la] == filters.consortium)
        and (filters.sector is None or sector == filters.sector)
        and (filters.medium is None or medium == filters.medium)
    }


def _counting(year: str, focus: str) -> list[tuple[str, int]]:
    """(PLC, school) of every membership of a PLC of ``focus`` counting in ``year``: the
    PLC's dates, the member's and the year's share a day."""
    start, end = YEARS[year]
    plcs = {plc[0]: (plc[5], plc[6]) for plc in PLCS if plc[2] == focus}
    found = []
    for plc, letter, _member, joined, left in MEMBERSHIPS:
        if plc not in plcs:
            continue
        plc_start, plc_end = plcs[plc]
        if plc_start > end or (plc_end is not None and plc_end < start):
            continue
        if joined > end or (plc_end is not None and joined > plc_end):
            continue
        if left is not None and (left < start or left < plc_start):
            continue
        found.append((plc, NUMBER[letter]))
    return found


def _ties(year: str, focus: str) -> set[tuple[int, int]]:
    by_plc: dict[str, set[int]] = {}
    for plc, school in _counting(year, focus):
        by_plc.setdefault(plc, set()).add(school)
    return {
        (a, b) for schools in by_plc.values() for a, b in itertools.combinations(sorted(schools), 2)
    }


def _touching(ties: set[tuple[int, int]], chosen: set[int]) -> set[tuple[int, int]]:
    return {(a, b) for a, b in ties if a in chosen or b in chosen}


def _in_plcs(year: str, focus: str) -> set[int]:
    return {school for _plc, school in _counting(year, focus)}


def _pairs(frame, change: str) -> set[tuple[int, int]]:
    rows = frame[frame["change"] == change]
    return {tuple(sorted(p)) for p in zip(rows["school_a"], rows["school_b"], strict=True)}


@pytest.mark.parametrize("focus", FOCUS_AREAS)
@pytest.mark.parametrize(
    "filters", SELECTIONS, ids=lambda f: f"{f.consortium}-{f.la}-{f.sector}-{f.medium}"
)
def test_what_changed_is_counted_in_the_focus_areas_plcs_only(
    db: Database, filters: Filters, focus: str
) -> None:
    chosen = _chosen(filters)
    for earlier, later in itertools.combinations(ORDER, 2):
        before = _touching(_ties(earlier, focus), chosen)
        after = _touching(_ties(later, focus), chosen)
        data = load_compare(db, _focused(filters, focus, later, earlier), ORDER)
        changes = data.changes
        assert (changes.ties_gained, changes.ties_lost, changes.ties_kept) == (
            len(after - before),
            len(before - after),
            len(before & after),
        ), (earlier, later)
        assert _pairs(data.tie_changes, "gained") == after - before
        assert _pairs(data.tie_changes, "lost") == before - after
        was = _in_plcs(earlier, focus) & chosen
        now = _in_plcs(later, focus) & chosen
        assert (changes.schools_joined, changes.schools_left, changes.schools_stayed) == (
            len(now - was),
            len(was - now),
            len(was & now),
        )
        listed = data.school_changes
        assert set(listed.loc[listed["change"] == "joined", "school_id"]) == now - was
        assert set(listed.loc[listed["change"] == "left", "school_id"]) == was - now


def test_numeracy_in_wales_from_2016_17_to_2018_19_by_hand(db: Database) -> None:
    data = load_compare(db, _focused(Filters("2018/19"), "numeracy", "2018/19", "2016/17"), ORDER)
    # P2 (F, G) ended in August 2018; P3 (C, F, then D) began in 2017/18.
    assert _pairs(data.tie_changes, "gained") == {
        (NUMBER["C"], NUMBER["F"]), (NUMBER["C"], NUMBER["D"]), (NUMBER["D"], NUMBER["F"]),
    }  # fmt: skip
    assert _pairs(data.tie_changes, "lost") == {(NUMBER["F"], NUMBER["G"])}
    changes = data.changes
    assert (changes.schools_joined, changes.schools_left, changes.schools_stayed) == (2, 1, 1)
    headlines = {h.measure: h for h in data.headlines}
    assert (headlines["schools_in_plcs"].earlier, headlines["schools_in_plcs"].later) == (2, 3)
    assert (headlines["active_plcs"].earlier, headlines["active_plcs"].later) == (1, 1)
    # 2018/19: C-F and D-F cross from Gwynedd to Cardiff, C-D does not.
    assert headlines["cross_la_share"].later == pytest.approx(2 / 3)
    assert (headlines["isolated_schools"].earlier, headlines["isolated_schools"].later) == (6, 5)


@pytest.mark.parametrize("focus", FOCUS_AREAS)
@pytest.mark.parametrize(
    "filters", SELECTIONS, ids=lambda f: f"{f.consortium}-{f.la}-{f.sector}-{f.medium}"
)
def test_the_headline_figures_count_the_focus_area_only(
    db: Database, filters: Filters, focus: str
) -> None:
    chosen = _chosen(filters)
    for earlier, later in itertools.combinations(ORDER, 2):
        pairs = {
            h.measure: h
            for h in load_headline_pairs(
                db, _focused(filters, focus, later, earlier), earlier, later
            )
        }
        for year, side in ((earlier, "earlier"), (later, "later")):
            ties = _touching(_ties(year, focus), chosen)
            tied = {school for pair in _ties(year, focus) for school in pair}
            la = {row[0]: row[2] for row in SCHOOLS.values()}
            crossing = sum(1 for a, b in ties if la[a] != la[b])
            expected = {
                "schools_in_plcs": len(_in_plcs(year, focus) & chosen),
                "active_plcs": len({p for p, s in _counting(year, focus) if s in chosen}),
                "cross_la_share": crossing / len(ties) if ties else None,
                "isolated_schools": len(chosen - tied),
            }
            for measure, value in expected.items():
                shown = getattr(pairs[measure], side)
                assert shown == pytest.approx(value), (measure, year)


@pytest.mark.parametrize(
    "filters", SELECTIONS, ids=lambda f: f"{f.consortium}-{f.la}-{f.sector}-{f.medium}"
)
def test_without_a_focus_area_the_pages_headline_query_is_the_overviews(
    db: Database, filters: Filters
) -> None:
    """compare__headlines, which the page reads only with a focus area, gives the
    overview's own figures without one: one definition of each measure."""
    region = {
        "consortium": filters.consortium, "la": filters.la, "sector": filters.sector,
        "medium": filters.medium,
    }  # fmt: skip
    yearly = db.query("overview__yearly", **region).set_index("year")
    for earlier, later in itertools.combinations(ORDER, 2):
        ours = db.query(
            "compare__headlines", earlier=earlier, later=later, focus=None, **region
        ).set_index("year")
        assert list(ours.index) == [earlier, later]
        for column in ("schools_in_plcs", "active_plcs", "ties", "isolated_schools"):
            assert ours[column].tolist() == yearly.loc[[earlier, later], column].tolist()
        assert ours["cross_la_share"].tolist() == pytest.approx(
            yearly.loc[[earlier, later], "cross_la_share"].tolist(), nan_ok=True
        )


def _group_measures(year: str, focus: str, group: set[int]) -> dict[str, float | None]:
    """net_group_metrics' definitions (docs/measures.md) on the focus area's network,
    with networkx: every school a node, the focus area's ties its edges."""
    graph = nx.Graph()
    graph.add_nodes_from(NUMBER.values())
    graph.add_edges_from(_ties(year, focus))
    n = len(group)
    internal = sum(1 for a, b in graph.edges if a in group and b in group)
    external = sum(1 for a, b in graph.edges if (a in group) != (b in group))
    inside = graph.subgraph(group)
    components = list(nx.connected_components(inside))
    categories = dict(zip(SCHOOLS, SUPPORT[year].split(), strict=True))
    category = {NUMBER[letter]: c for letter, c in categories.items()}
    needing = [s for s in group if category[s] in ("amber", "red")]
    tied = [s for s in needing if any(category[p] == "green" for p in graph[s])]
    return {
        "n_schools": n,
        "internal_ties": internal,
        "external_ties": external,
        "ei_index": (external - internal) / (external + internal) if internal + external else None,
        "density": internal / (n * (n - 1) / 2) if n >= 2 else None,
        "isolate_share": sum(1 for s in group if graph.degree(s) == 0) / n,
        "n_components": len(components),
        "giant_component_share": max(len(c) for c in components) / n,
        "mean_clustering": nx.average_clustering(graph, nodes=group),
        "support_tied_share": len(tied) / len(needing) if needing else None,
    }


@pytest.mark.parametrize("focus", ["literacy", "numeracy", "wellbeing"])
@pytest.mark.parametrize(
    "filters",
    [Filters("2018/19"), Filters("2018/19", consortium="GWE"), Filters("2018/19", "GWE", 661)],
    ids=["wales", "GWE", "661"],
)
def test_the_area_measures_are_those_of_the_focus_areas_network(
    db: Database, filters: Filters, focus: str
) -> None:
    group = _chosen(Filters("2018/19", filters.consortium, filters.la))
    measures = load_measures(
        db, _focused(filters, focus, "2018/19", "2016/17"), "2016/17", "2018/19"
    ).set_index("measure")
    assert list(measures.index) == list(GROUP_MEASURES)
    for year, column in (("2016/17", "earlier"), ("2018/19", "later")):
        expected = _group_measures(year, focus, group)
        for measure in GROUP_MEASURES:
            shown, value = measures.loc[measure, column], expected[measure]
            if value is None:  # undefined: no figure, shown as "no data"
                assert pd.isna(shown), (measure, year)
            else:
                assert shown == pytest.approx(value), (measure, year)


def test_the_focus_area_is_a_filter_of_the_page_and_changes_what_it_shows(db: Database) -> None:
    assert "focus" in FIELDS
    every = load_compare(db, _focused(Filters("2018/19"), None, "2018/19", "2016/17"), ORDER)
    literacy = load_compare(
        db, _focused(Filters("2018/19"), "literacy", "2018/19", "2016/17"), ORDER
    )
    assert every.changes != literacy.changes
    # P1 (literacy): A-C in 2016/17; A-B, A-C, B-C in 2018/19, B having joined in 2017.
    assert (literacy.changes.ties_gained, literacy.changes.ties_lost) == (2, 0)
    assert date(2017, 9, 1) in {m[3] for m in MEMBERSHIPS if m[0] == "P1"}


@pytest.mark.parametrize("lang", ["en", "cy"])
def test_the_page_names_the_focus_area_it_counts(db: Database, choices: Choices, lang: str) -> None:
    filters = _focused(Filters("2018/19"), "numeracy", "2018/19", "2016/17")
    data = load_compare(db, filters, choices.years)
    parts = build_compare_parts(data, filters, choices, lang)
    numeracy = {"en": "Numeracy", "cy": "Rhifedd"}[lang]
    assert numeracy in parts.scope
    assert numeracy in parts.focus_note
    every = replace(filters, focus=None)
    assert build_compare_parts(data, every, choices, lang).focus_note == ""
