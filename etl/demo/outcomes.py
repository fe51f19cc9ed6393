"""School outcomes with THE PLANTED EFFECT: deep cross-school PLCs raise attainment.

For every school ``s`` and year ``t`` after the first::

    attainment(s, t) = attainment(s, t-1) + YEAR_DRIFT[t] + BETA * exposure(s, t) + e

with ``e ~ Normal(0, NOISE_SD)`` drawn independently, and ``exposure`` as
``model.EXPOSURE_DEFINITION`` says. The level is pinned in one year per school:
in the latest year of its published support category (if any) it is drawn
within that category's band (``model.ANCHOR_BANDS``), otherwise in the last
year from ``Normal(FREE_LEVEL_MEAN, FREE_LEVEL_SD)``, and kept where all five
years stay on the 0 to 100 scale; the other years follow from the yearly
changes, backwards and forwards. The pinning never touches the changes, so
the planted slope is exact. A simulated support category follows attainment
by ``model.CATEGORY_FLOORS``; a published one is never written by the demo
(the ETL loads it as ``published``).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from etl.contract import OUTCOME_MEASURES, SCOPES
from etl.demo import model

__all__ = ["DEMO_SOURCE", "categorise", "compute_exposure", "draw_attainment", "outcome_rows"]

WITHIN = SCOPES[0]
SUPPORT_CATEGORY, ATTAINMENT = OUTCOME_MEASURES
# The contract's source for values the demo simulated.
DEMO_SOURCE = "demo"


def compute_exposure(plcs: pd.DataFrame, memberships: pd.DataFrame, n_schools: int) -> np.ndarray:
    """exposure[s, t]: deep cross-school PLCs active in year t with a member of school s then.

    Returns
    -------
    numpy.ndarray
        Integers, shape (schools, years).
    """
    counted = (plcs["kind"].eq("deep") & plcs["scope"].ne(WITHIN)).to_numpy()
    plc = memberships["plc"].to_numpy()
    school = memberships["school"].to_numpy()
    joined = memberships["joined"].to_numpy()
    left = memberships["left"].to_numpy()
    start = plcs["start"].to_numpy()[plc]
    end = plcs["end"].to_numpy()[plc]
    year_start, year_end = model.year_bounds()
    exposure = np.zeros((n_schools, len(model.YEARS)), dtype=np.int64)
    for t in range(len(model.YEARS)):
        plc_active = (start <= year_end[t]) & ((end == model.NO_DATE) | (end >= year_start[t]))
        member_active = (joined <= year_end[t]) & (
            (left == model.NO_DATE) | (left >= year_start[t])
        )
        keep = counted[plc] & plc_active & member_active
        pairs = np.unique(school[keep] * len(plcs) + plc[keep])
        exposure[:, t] = np.bincount(pairs // len(plcs), minlength=n_schools)
    return exposure


def draw_attainment(
    school_ids: np.ndarray,
    exposure: np.ndarray,
    anchors: pd.DataFrame,
    rng: np.random.Generator,
) -> np.ndarray:
    """Attainment per school and year (one decimal), the planted effect built in.

    Parameters
    ----------
    school_ids
        The schools, in the order of ``exposure``'s rows.
    exposure
        From :func:`compute_exposure`.
    anchors
        Published categories: school_id, year_index, category.
    """
    n_schools, n_years = exposure.shape
    drift = np.array([0.0, *(model.YEAR_DRIFT[y] for y in model.YEARS[1:])])
    noise = rng.normal(0.0, model.NOISE_SD, exposure.shape)
    change = drift[None, :] + model.BETA * exposure + noise
    change[:, 0] = 0.0
    climb = np.cumsum(change, axis=1)
    pinned_year, low, high, anchored = _pins(school_ids, anchors, n_years)
    path = climb - climb[np.arange(n_schools), pinned_year][:, None]
    # The level in the pinned year moves a school's whole path up or down without
    # touching its changes: keep the path on the scale when the band allows it.
    scale_low = model.ATTAINMENT_SCALE[0] + 1.0 - path.min(axis=1)
    scale_high = model.ATTAINMENT_SCALE[1] - 1.0 - path.max(axis=1)
    fits = np.maximum(low, scale_low) <= np.minimum(high, scale_high)
    low = np.where(fits, np.maximum(low, scale_low), low)
    high = np.where(fits, np.minimum(high, scale_high), high)
    spread = rng.random(n_schools)
    free = rng.normal(model.FREE_LEVEL_MEAN, model.FREE_LEVEL_SD, n_schools)
    level = np.where(anchored, low + spread * (high - low), np.clip(free, low, high))
    return np.round(level[:, None] + path, 1)


def _pins(
    school_ids: np.ndarray, anchors: pd.DataFrame, n_years: int
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Per school: the year its level is pinned in, the range of that level, and
    whether a published category pins it."""
    n_schools = len(school_ids)
    pinned_year = np.full(n_schools, n_years - 1)
    low = np.full(n_schools, model.FREE_LEVEL_RANGE[0])
    high = np.full(n_schools, model.FREE_LEVEL_RANGE[1])
    anchored = np.zeros(n_schools, dtype=bool)
    latest = anchors.sort_values("year_index").drop_duplicates("school_id", keep="last")
    row = pd.Index(school_ids).get_indexer(latest["school_id"])
    bands = np.array([model.ANCHOR_BANDS[c] for c in latest["category"]]).reshape(-1, 2)
    pinned_year[row] = latest["year_index"].to_numpy()
    # Keep clear of the band's edges so that rounding cannot cross into the next category.
    low[row] = bands[:, 0] + 0.1
    high[row] = bands[:, 1] - 0.1
    anchored[row] = True
    return pinned_year, low, high, anchored


def categorise(attainment: np.ndarray) -> np.ndarray:
    """The support category that attainment falls in, by ``model.CATEGORY_FLOORS``."""
    names = np.array(list(model.CATEGORY_FLOORS), dtype=object)
    floors = np.array(list(model.CATEGORY_FLOORS.values()))
    # The first category (highest floor first) whose floor the value reaches.
    return names[np.argmax(attainment[..., None] >= floors, axis=-1)]


def outcome_rows(
    school_ids: np.ndarray, attainment: np.ndarray, anchors: pd.DataFrame
) -> pd.DataFrame:
    """school_outcomes rows: attainment every year, and the support category in every
    year that has no published one; all with source ``demo``."""
    n_schools, n_years = attainment.shape
    school = np.repeat(school_ids, n_years)
    year_index = np.tile(np.arange(n_years), n_schools)
    years = np.array(model.YEARS, dtype=object)[year_index]
    values = attainment.ravel()
    scored = pd.DataFrame(
        {"school_id": school, "year": years, "measure": ATTAINMENT, "value": _one_decimal(values)}
    )
    category = pd.DataFrame(
        {
            "school_id": school,
            "year": years,
            "measure": SUPPORT_CATEGORY,
            "value": categorise(values),
            "year_index": year_index,
        }
    )
    published = pd.MultiIndex.from_frame(anchors[["school_id", "year_index"]])
    simulated = ~pd.MultiIndex.from_frame(category[["school_id", "year_index"]]).isin(published)
    rows = pd.concat([scored, category.loc[simulated].drop(columns="year_index")])
    rows["source"] = DEMO_SOURCE
    return rows.sort_values(["school_id", "year", "measure"], kind="stable").reset_index(drop=True)


def _one_decimal(values: np.ndarray) -> np.ndarray:
    return np.char.mod("%.1f", values).astype(object)
