"""The PLC measures and the impact analysis on the demo Wales, against the demo's truth.

The demo (docs/demo.md) plants three kinds of shallow PLC and a relation
between deep cross-school PLCs and improvement (beta = 1.0 attainment points per
PLC) and writes both in demo_truth.json. The database here is built by the real
pipeline once per session (tests/conftest.py ``demo_db``): ``etl demo``, then
``etl refresh`` into a DuckDB file.
"""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
import pandas as pd
import pytest

# The reason each planted kind must show in every year of every PLC of that kind.
KIND_REASON = {
    "no_enquiry": "no_analysis_or_review",
    "one_school": "between_one_school",
    "no_activity": "no_activity",
}


@pytest.fixture(scope="module")
def demo(demo_raw: Path, demo_db: Path) -> tuple[Path, Path]:
    """The session's one demo Wales (tests/conftest.py): its raw folder and database."""
    return demo_raw, demo_db


@pytest.fixture(scope="module")
def con(demo) -> duckdb.DuckDBPyConnection:
    connection = duckdb.connect(str(demo[1]), read_only=True)
    yield connection
    connection.close()


@pytest.fixture(scope="module")
def truth(demo) -> dict:
    return json.loads((demo[0] / "demo_truth.json").read_text(encoding="utf-8"))


def plc_years(con: duckdb.DuckDBPyConnection, truth: dict) -> pd.DataFrame:
    flags = con.execute(
        "SELECT plc_id, year, is_shallow, shallow_reasons FROM net_plc_metrics"
    ).df()
    kinds = {plc["plc_id"]: plc["kind"] for plc in truth["shallow_plcs"]}
    flags["kind"] = flags["plc_id"].map(kinds).fillna("deep")
    return flags


def precision_recall(flagged: pd.Series, planted: pd.Series) -> tuple[float, float]:
    hits = (flagged & planted).sum()
    return hits / flagged.sum(), hits / planted.sum()


def test_shallow_flag_finds_the_planted_shallow_plcs(con, truth):
    flags = plc_years(con, truth)
    precision, recall = precision_recall(flags["is_shallow"], flags["kind"] != "deep")
    per_plc = flags.groupby("plc_id").agg(flagged=("is_shallow", "any"), kind=("kind", "first"))
    plc_precision, plc_recall = precision_recall(per_plc["flagged"], per_plc["kind"] != "deep")
    print(
        f"\nshallow flag on the demo: PLC-years precision {precision:.4f} recall {recall:.4f} "
        f"({flags['is_shallow'].sum()} flagged of {len(flags)}); PLCs (flagged in any year) "
        f"precision {plc_precision:.4f} recall {plc_recall:.4f} "
        f"({len(truth['shallow_plcs'])} planted)"
    )
    assert len(truth["shallow_plcs"]) > 300
    assert precision >= 0.95 and recall >= 0.95
    assert plc_precision >= 0.95 and plc_recall >= 0.95


@pytest.mark.parametrize("kind", sorted(KIND_REASON))
def test_each_planted_kind_shows_its_reason_every_year(con, truth, kind):
    flags = plc_years(con, truth)
    of_kind = flags[flags["kind"] == kind]
    assert len(of_kind) > 20
    assert all(KIND_REASON[kind] in reasons for reasons in of_kind["shallow_reasons"])
    # Every shallow PLC scores 1 or 2 on learner focus whenever it is reviewed.
    reviewed = of_kind["shallow_reasons"].map(lambda r: "low_learner_focus" in r)
    assert reviewed.all()


def exposure_as_the_demo_defines_it(raw: Path, truth: dict) -> pd.DataFrame:
    """exposure(s, t) from the written files and the truth file (docs/demo.md), in pandas."""
    plcs = pd.read_csv(raw / "plcs.csv", dtype=str, keep_default_na=False)
    members = pd.read_csv(raw / "plc_memberships.csv", dtype=str, keep_default_na=False)
    shallow = {plc["plc_id"] for plc in truth["shallow_plcs"]}
    counted = plcs[~plcs["plc_id"].isin(shallow) & (plcs["scope"] != "within_school")]
    members = members.merge(counted[["plc_id", "start_date", "end_date"]], on="plc_id")
    frames = []
    for year in truth["years"]:
        first, last = f"{year[:4]}-09-01", f"{int(year[:4]) + 1}-08-31"
        active = (
            (members["start_date"] <= last)
            & (members["end_date"].eq("") | (members["end_date"] >= first))
            & (members["joined"] <= last)
            & (members["left"].eq("") | (members["left"] >= first))
        )
        per_school = members[active].groupby("school_id")["plc_id"].nunique()
        frames.append(per_school.rename("expected").reset_index().assign(year=year))
    expected = pd.concat(frames)
    expected["school_id"] = expected["school_id"].astype(int)
    return expected


def test_main_exposure_is_the_planted_one(con, demo, truth):
    found = con.execute("SELECT school_id, year, deep_cross_plcs FROM net_school_exposure").df()
    both = found.merge(
        exposure_as_the_demo_defines_it(demo[0], truth), on=["school_id", "year"], how="left"
    )
    both["expected"] = both["expected"].fillna(0).astype(int)
    assert len(both) == 1498 * 5
    assert (both["deep_cross_plcs"] == both["expected"]).all()


def test_main_estimate_recovers_the_planted_effect(con, truth):
    main = con.execute(
        "SELECT estimate, ci_low, ci_high, p_value, n_schools, n_observations, n_years "
        "FROM impact_estimates WHERE model = 'main'"
    ).df()
    row = main.iloc[0]
    print(
        f"\nmain estimate {row['estimate']:.4f} (95% CI {row['ci_low']:.4f} to "
        f"{row['ci_high']:.4f}), planted {truth['beta']}"
    )
    assert row["ci_low"] < truth["beta"] < row["ci_high"]
    assert row["ci_low"] > 0
    assert (row["n_schools"], row["n_observations"], row["n_years"]) == (1498, 1498 * 4, 4)


def test_a_naive_exposure_finds_a_weaker_relation(con):
    # docs/demo.md: counting all cross-school PLCs, shallow ones included, dilutes it.
    estimates = dict(con.execute("SELECT model, estimate FROM impact_estimates").fetchall())
    assert estimates["any_cross_plcs"] < estimates["main"]
    assert {"main", "green_ties", "deep_cross_ties", "year_effects_only"} <= set(estimates)
    assert "sector_primary" in estimates


def test_bins_cover_every_school_year_and_rise_with_exposure(con):
    changes = con.execute(
        "SELECT count(*) FROM net_school_exposure WHERE attainment_change IS NOT NULL"
    ).fetchall()[0][0]
    totals = dict(
        con.execute(
            "SELECT exposure, sum(n_observations) FROM impact_bins WHERE year = 'all' GROUP BY 1"
        ).fetchall()
    )
    assert totals == {"deep_cross_plcs": changes, "any_cross_plcs": changes, "green_ties": changes}
    means = [
        r[0]
        for r in con.execute(
            "SELECT mean_improvement FROM impact_bins WHERE exposure = 'deep_cross_plcs' "
            "AND year = 'all' ORDER BY band_order"
        ).fetchall()
    ]
    assert means == sorted(means)
