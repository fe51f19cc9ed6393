"""The glossary of measures: every measure column of the published network tables has a
name, a definition, what it is measured for and a reference, in English and Welsh."""

from __future__ import annotations

import duckdb
import pytest

from dashboard.measures.catalogue import (
    LEVELS,
    TERMS,
    cite,
    define_measure,
    find_term,
    format_measure,
    label_level,
    name_measure,
    write_measure_cell,
)
from dashboard.pages.regions.data import REGION_MEASURES
from etl.schema import apply_schema

# Columns of the measure tables that are not measures, or are another term's measure.
NOT_MEASURES = {
    "year",
    "school_id",
    "level",
    "group_id",
    "plc_id",
    "name",
    "focus_area",  # the PLC's attributes, named by labels.py
    "scope",
    "membership_type",
    "lead_school_id",
    "betweenness_method",  # how betweenness was computed: its error is the measure
    "betweenness_sources",
    "active_days",  # an input of the low-activity reason of the shallow flag
    "n_consortia",  # not shown: PLCs are described by the LAs they span
    "mean_attendance",  # not shown: attendance per member is
    "stages_reached",  # the stages: their share is cycle_completeness
    "reached_analyse_data",
    "reached_set_goals",
    "reached_research",
    "reached_plan",
    "reached_act",
    "reached_review",
    "shallow_reasons",  # the reasons of is_shallow, named by labels.py
    "attainment",  # the outcome itself: its change is the measure
}
# A PLC's n_schools is a count of its own schools, not a group's.
RENAMED = {("net_plc_metrics", "n_schools"): "plc_schools"}
TABLES = (
    "net_school_metrics",
    "net_group_metrics",
    "net_system_metrics",
    "net_plc_metrics",
    "net_school_exposure",
)


def _columns() -> list[tuple[str, str]]:
    con = duckdb.connect()
    apply_schema(con)
    rows = con.execute(
        "SELECT table_name, column_name FROM duckdb_columns() WHERE table_name IN "
        "(SELECT unnest($tables)) ORDER BY table_name, column_index",
        {"tables": list(TABLES)},
    ).fetchall()
    con.close()
    return rows


@pytest.mark.parametrize(("table", "column"), _columns(), ids=lambda x: str(x))
def test_every_measure_column_has_a_term(table: str, column: str) -> None:
    if column in NOT_MEASURES:
        return
    measure = RENAMED.get((table, column), column)
    term = find_term(measure)
    assert term.measure == measure


@pytest.mark.parametrize("term", TERMS, ids=lambda term: term.measure)
@pytest.mark.parametrize("lang", ["en", "cy"])
def test_every_term_is_named_defined_placed_and_cited(term: object, lang: str) -> None:
    name = name_measure(term.measure, lang)
    definition = define_measure(term.measure, lang)
    assert name and "." not in name.split()[0]  # a message, not a key
    assert len(definition) > len(name)
    assert term.levels and set(term.levels) <= set(LEVELS)
    assert all(label_level(level, lang) for level in term.levels)
    assert term.references and all(cite(ref, lang) for ref in term.references)


def test_terms_are_unique_and_welsh_definitions_are_welsh() -> None:
    measures = [term.measure for term in TERMS]
    assert len(measures) == len(set(measures))
    same = [m for m in measures if define_measure(m, "en") == define_measure(m, "cy")]
    assert same == []
    names = [name_measure(m, "en") for m in measures]
    assert len(names) == len(set(names)), "two measures share a name"


def test_the_regions_measures_are_group_measures() -> None:
    assert all("group" in find_term(m).levels for m in REGION_MEASURES)


def test_names_shared_with_other_pages() -> None:
    assert name_measure("deep_cross_plcs", "en") == "Deep cross-school PLCs"
    assert name_measure("degree", "cy") == "Ysgolion partner (gradd)"
    assert name_measure("broker_gatekeeper", "en") == "Brokerage: Gatekeeper"
    assert name_measure("partners_green", "cy") == "Partneriaid: Gwyrdd"
    assert name_measure("learner_focus", "en") == "Review: Focus on learners"
    assert name_measure("schools_in_plcs", "en") == "Schools in at least one PLC"


@pytest.mark.parametrize(
    ("measure", "value", "lang", "shown", "cell"),
    [
        ("isolate_share", 3 / 8, "en", "37.5%", "37.5"),
        ("ei_index", -1 / 3, "en", "-0.333", "-0.333333"),
        ("n_schools", 1498.0, "en", "1,498", 1498),
        ("is_shallow", True, "cy", "Ydy", 1),
        ("support_category", "green", "cy", "Gwyrdd", "green"),
        ("density", None, "en", "No data", ""),
        # A term's own places, a mean of counts, and NaN as missing.
        ("betweenness", 0.012345, "en", "0.0123", "0.012345"),
        ("clustering", 1 / 3, "cy", "0.33", "0.333333"),
        ("degree", 4 / 3, "en", "1.3", 1),
        ("n_schools", float("nan"), "en", "No data", ""),
    ],
)
def test_values_read_as_their_kind(
    measure: str, value: object, lang: str, shown: str, cell: object
) -> None:
    assert format_measure(measure, value, lang) == shown
    assert write_measure_cell(measure, value) == cell
