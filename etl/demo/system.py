"""One school system's demo: PLCs, members, activities, reviews and outcomes, written out.

Wales and the England-sized system share this; they differ only in their schools
and in whether published categories anchor the outcomes. Each step draws from
its own random stream (spawned from the seed), so a change to one step leaves
the others' draws as they were.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import numpy as np
import pandas as pd

from etl.contract import SUPPORT_CATEGORIES
from etl.demo import model
from etl.demo.activities import draw_activities, draw_reviews
from etl.demo.members import draw_memberships
from etl.demo.outcomes import compute_exposure, draw_attainment, outcome_rows
from etl.demo.output import iso_dates, write_table, write_truth
from etl.demo.plcs import draw_member_schools, draw_plcs, expand_plc_years, name_plcs
from etl.demo.schools import prepare_schools

__all__ = ["generate_system", "select_anchors"]

# What Wales calls the levels the schema holds as LAs and consortia.
WALES_LEVELS = ("local authority", "consortium")
STEPS = ("plcs", "schools", "members", "activities", "reviews", "outcomes")


def select_anchors(categories: pd.DataFrame, school_ids: np.ndarray) -> pd.DataFrame:
    """Published categories of the demo's schools in the demo's years.

    Returns
    -------
    pandas.DataFrame
        school_id, year, year_index, category; sorted.
    """
    frame = categories[["school_id", "year", "category"]].copy()
    frame["school_id"] = pd.to_numeric(frame["school_id"], errors="coerce")
    frame["category"] = frame["category"].astype(str).str.strip().str.lower()
    frame["year"] = frame["year"].astype(str).str.strip()
    keep = (
        frame["school_id"].isin(school_ids)
        & frame["year"].isin(model.YEARS)
        & frame["category"].isin(SUPPORT_CATEGORIES)
    )
    frame = frame.loc[keep].astype({"school_id": "int64"})
    frame["year_index"] = frame["year"].map({y: i for i, y in enumerate(model.YEARS)})
    frame = frame.drop_duplicates(["school_id", "year"]).sort_values(["school_id", "year"])
    return frame.reset_index(drop=True)


def generate_system(
    local_authorities: pd.DataFrame,
    schools: pd.DataFrame,
    categories: pd.DataFrame,
    out_dir: Path,
    *,
    seed: int,
    n_plcs: int,
    scale: str,
    levels: tuple[str, str] = WALES_LEVELS,
    progress: Callable[[str], None] = print,
) -> dict[str, int]:
    """Draw a demo over ``schools`` and write the five contract files and the truth.

    Parameters
    ----------
    local_authorities, schools, categories
        As in ``etl.sources.reference.Reference``.
    out_dir
        Folder for plcs.csv, plc_memberships.csv, plc_activities.csv,
        plc_reviews.csv, school_outcomes.csv and demo_truth.json.
    seed
        Same seed, byte-identical files.
    n_plcs
        How many PLCs to draw.
    scale
        Recorded in the truth file ("wales", "england", "us").
    levels
        What the system calls its middle and top levels (loaded as LAs and
        consortia), recorded in the truth file.

    Returns
    -------
    dict
        Rows written per file name.
    """
    streams = np.random.SeedSequence(seed).spawn(len(STEPS))
    rngs = {step: np.random.default_rng(s) for step, s in zip(STEPS, streams, strict=True)}
    frame = prepare_schools(local_authorities, schools)
    school_ids = frame["school_id"].to_numpy()
    progress(f"Drawing {n_plcs:,} PLCs over {len(frame):,} schools (seed {seed})")
    plcs = draw_plcs(frame, n_plcs, rngs["plcs"])
    pairs = draw_member_schools(frame, plcs, rngs["schools"])
    plcs = name_plcs(plcs, pairs, frame)
    memberships = draw_memberships(frame, plcs, pairs, rngs["members"], seed)
    plc_years = expand_plc_years(plcs)
    progress(f"Drawing activities and reviews for {len(plc_years):,} PLC-years")
    activities = draw_activities(plcs, plc_years, memberships, rngs["activities"])
    reviews = draw_reviews(plcs, plc_years, rngs["reviews"])
    progress("Drawing school outcomes with the planted effect")
    anchors = select_anchors(categories, school_ids)
    exposure = compute_exposure(plcs, memberships, len(frame))
    attainment = draw_attainment(school_ids, exposure, anchors, rngs["outcomes"])
    outcomes = outcome_rows(school_ids, attainment, anchors)
    progress(f"Writing the demo files to {out_dir}")
    counts = _write_tables(plcs, memberships, activities, reviews, outcomes, school_ids, out_dir)
    write_truth(_truth(plcs, anchors, exposure, seed, scale, levels), out_dir)
    return counts


def _write_tables(
    plcs: pd.DataFrame,
    memberships: pd.DataFrame,
    activities: pd.DataFrame,
    reviews: pd.DataFrame,
    outcomes: pd.DataFrame,
    school_ids: np.ndarray,
    out_dir: Path,
) -> dict[str, int]:
    plc_ids = plcs["plc_id"].to_numpy()
    # Every demo group is a PLC, Wales's one kind of group.
    plc_rows = plcs.assign(
        start_date=iso_dates(plcs["start"]), end_date=iso_dates(plcs["end"]), group_kind="plc"
    )
    member_rows = memberships.assign(
        plc_id=plc_ids[memberships["plc"]],
        school_id=school_ids[memberships["school"]],
        joined=iso_dates(memberships["joined"]),
        left=iso_dates(memberships["left"]),
    ).sort_values(["plc_id", "school_id", "member_id"], kind="stable")
    activity_rows = activities.assign(
        plc_id=plc_ids[activities["plc"]], activity_date=iso_dates(activities["activity_date"])
    )
    review_rows = reviews.assign(
        plc_id=plc_ids[reviews["plc"]],
        year=np.array(model.YEARS, dtype=object)[reviews["year_index"]],
    ).sort_values(["plc_id", "year"], kind="stable")
    tables = {
        "plcs": plc_rows.sort_values("plc_id", kind="stable"),
        "plc_memberships": member_rows,
        "plc_activities": activity_rows,
        "plc_reviews": review_rows,
        "school_outcomes": outcomes,
    }
    return {f"{table}.csv": write_table(rows, table, out_dir) for table, rows in tables.items()}


def _truth(
    plcs: pd.DataFrame,
    anchors: pd.DataFrame,
    exposure: np.ndarray,
    seed: int,
    scale: str,
    levels: tuple[str, str],
) -> dict[str, object]:
    """What the demo planted, for analyses to be checked against."""
    shallow = plcs.loc[plcs["kind"] != "deep", ["plc_id", "kind"]]
    floors = {c: (None if np.isinf(f) else f) for c, f in model.CATEGORY_FLOORS.items()}
    return {
        "scale": scale,
        "levels": {"la_code": levels[0], "consortium_code": levels[1]},
        "seed": seed,
        "years": list(model.YEARS),
        "beta": model.BETA,
        "noise_sd": model.NOISE_SD,
        "year_drift": model.YEAR_DRIFT,
        "model": (
            "attainment(s, t) = attainment(s, t-1) + year_drift(t) + beta * exposure(s, t) + e, "
            "e ~ Normal(0, noise_sd), independent, for every year t after the first; "
            "attainment is written to one decimal"
        ),
        "exposure_definition": model.EXPOSURE_DEFINITION,
        "support_category_rule": (
            "a simulated support_category is the first of green, yellow, amber, red whose "
            "floor the year's attainment reaches (red has no floor); published categories "
            "are never written by the demo and the attainment of that school and year lies "
            "in the published category's band"
        ),
        "category_floors": floors,
        "published_categories_kept": len(anchors),
        "plcs": len(plcs),
        "shallow_share": round(len(shallow) / max(len(plcs), 1), 4),
        "shallow_reasons": model.SHALLOW_REASONS,
        "shallow_plcs": [
            {"plc_id": plc_id, "kind": kind, "reasons": model.SHALLOW_REASONS[kind]}
            for plc_id, kind in zip(shallow["plc_id"], shallow["kind"], strict=True)
        ],
        "exposure_by_year": {
            year: {
                "mean": round(float(exposure[:, t].mean()), 4),
                "share_of_schools_exposed": round(float((exposure[:, t] > 0).mean()), 4),
                "max": int(exposure[:, t].max()),
            }
            for t, year in enumerate(model.YEARS)
        },
    }
