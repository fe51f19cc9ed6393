"""Drawing what PLCs do (activities at stages of the enquiry cycle) and how they are reviewed.

Deep PLCs run one or two full enquiry cycles each active year, the stages in
cycle order; shallow PLCs meet at the stages of ``model.SHALLOW_STAGES`` only
(never analysing data, never reviewing), and ``no_activity`` PLCs not at all.
Reviews score the nine features each active year: deep PLCs higher, and
shallow ones 1 or 2 on learner_focus and data_informed.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from etl.contract import ENQUIRY_STAGES, REVIEW_FEATURES
from etl.demo import model

__all__ = ["draw_activities", "draw_reviews"]

# Activities fall in term time: from 1 September to 20 July.
TERM_END_OFFSET = model.day(2001, 7, 20) - model.day(2000, 9, 1)
SHALLOW_LOW_FEATURES = ("learner_focus", "data_informed")


def draw_activities(
    plcs: pd.DataFrame,
    plc_years: pd.DataFrame,
    memberships: pd.DataFrame,
    rng: np.random.Generator,
) -> pd.DataFrame:
    """One row per activity, numbered in PLC and date order.

    Attendance is drawn among the PLC's core members (those there from its
    start to its end), so it never exceeds the members on the day.

    Returns
    -------
    pandas.DataFrame
        activity_id, plc, activity_date (days), stage, attendance.
    """
    kind = plcs["kind"].to_numpy()[plc_years["plc"]]
    deep = kind == "deep"
    low, high = model.SHALLOW_MEETINGS
    counts = np.where(
        deep,
        len(ENQUIRY_STAGES) * (1 + (rng.random(len(plc_years)) < model.SECOND_CYCLE_SHARE)),
        rng.integers(low, high + 1, len(plc_years)),
    )
    counts[kind == "no_activity"] = 0
    row = np.repeat(np.arange(len(plc_years)), counts)
    dates = _draw_dates(plcs, plc_years, row, rng)
    acts = pd.DataFrame(
        {"plc": plc_years["plc"].to_numpy()[row], "activity_date": dates, "period": row}
    )
    acts = acts.sort_values(["plc", "activity_date"], kind="stable").reset_index(drop=True)
    # Deep PLCs take the stages in cycle order through the year; shallow ones at random.
    rank = acts.groupby("period").cumcount().to_numpy()
    deep_row = deep[acts["period"].to_numpy()]
    shallow_pick = rng.integers(0, len(model.SHALLOW_STAGES), len(acts))
    acts["stage"] = np.where(
        deep_row,
        np.array(ENQUIRY_STAGES, dtype=object)[rank % len(ENQUIRY_STAGES)],
        np.array(model.SHALLOW_STAGES, dtype=object)[shallow_pick],
    )
    core = memberships.loc[memberships["core"]].groupby("plc").size()
    core = core.reindex(plcs["plc"], fill_value=1).to_numpy()[acts["plc"].to_numpy()]
    rate = np.where(deep_row, model.ATTENDANCE_RATE["deep"], model.ATTENDANCE_RATE["shallow"])
    acts["attendance"] = np.maximum(rng.binomial(core, rate), 1)
    acts["activity_id"] = [f"A-{i:07d}" for i in range(1, len(acts) + 1)]
    return acts[["activity_id", "plc", "activity_date", "stage", "attendance"]]


def _draw_dates(
    plcs: pd.DataFrame, plc_years: pd.DataFrame, row: np.ndarray, rng: np.random.Generator
) -> np.ndarray:
    """Days within the part of the year's term time the PLC is running, on weekdays."""
    start = plcs["start"].to_numpy()[plc_years["plc"]]
    end = plcs["end"].to_numpy()[plc_years["plc"]]
    end = np.where(end == model.NO_DATE, model.WINDOW_END, end)
    first = np.maximum(start, plc_years["year_start"].to_numpy())
    last = np.minimum(end, plc_years["year_start"].to_numpy() + TERM_END_OFFSET)
    last = np.maximum(last, first)
    first, last = first[row], last[row]
    dates = first + np.floor(rng.random(len(row)) * (last - first + 1)).astype(np.int64)
    # 1970-01-01 was a Thursday: (days + 3) % 7 is 0 on Mondays. Move weekends to Friday.
    weekday = (dates + 3) % 7
    dates = dates - np.maximum(weekday - 4, 0)
    return np.clip(dates, first, last)


def draw_reviews(
    plcs: pd.DataFrame, plc_years: pd.DataFrame, rng: np.random.Generator
) -> pd.DataFrame:
    """One review per PLC per active year: the nine features, whole numbers 1 to 5.

    Returns
    -------
    pandas.DataFrame
        plc, year_index and one column per feature of ``contract.REVIEW_FEATURES``.
    """
    deep_plc = (plcs["kind"] == "deep").to_numpy()
    plc_mean = np.where(deep_plc, model.REVIEW_MEAN["deep"], model.REVIEW_MEAN["shallow"])
    plc_mean = plc_mean + rng.normal(0.0, model.REVIEW_PLC_SD, len(plcs))
    plc = plc_years["plc"].to_numpy()
    deep = deep_plc[plc]
    level = plc_mean[plc] + model.REVIEW_RISE_PER_YEAR * plc_years["year_of_plc"].to_numpy()
    noise = rng.normal(0.0, model.REVIEW_NOISE_SD, (len(plc_years), len(REVIEW_FEATURES)))
    scores = np.clip(np.rint(level[:, None] + noise), 1, 5).astype(np.int64)
    # Shallow PLCs never rate 5; deep ones never rate below 3 on the two features that
    # mark a shallow PLC, which score 1 or 2 in every shallow PLC.
    scores[~deep] = np.minimum(scores[~deep], 4)
    low = rng.integers(1, 3, (len(plc_years), len(SHALLOW_LOW_FEATURES)))
    for j, feature in enumerate(SHALLOW_LOW_FEATURES):
        column = REVIEW_FEATURES.index(feature)
        scores[:, column] = np.where(deep, np.maximum(scores[:, column], 3), low[:, j])
    reviews = pd.DataFrame(scores, columns=list(REVIEW_FEATURES))
    reviews.insert(0, "year_index", plc_years["year_index"].to_numpy())
    reviews.insert(0, "plc", plc)
    return reviews
