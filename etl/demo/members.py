"""Drawing the members of each PLC from the staff of its schools.

Each school has a pool of practitioners (about one per 18 pupils). Members are
drawn from the pool with a skew toward its first places, so that some
practitioners sit in several PLCs, as keen ones do. A practitioner's id is
``m-`` and ten hex characters of a SHA-256 of the seed, the school and the
place in the pool: pseudonymous, stable for a seed, and never a name.
"""

from __future__ import annotations

import hashlib

import numpy as np
import pandas as pd

from etl.contract import ROLES, SCOPES
from etl.demo import model

__all__ = ["draw_memberships", "member_ids"]

LEAD, MEMBER = ROLES
WITHIN = SCOPES[0]
# Exponent above 1 skews draws from the staff pool toward its first places.
POOL_SKEW = 1.6


def draw_memberships(
    schools: pd.DataFrame,
    plcs: pd.DataFrame,
    pairs: pd.DataFrame,
    rng: np.random.Generator,
    seed: int,
) -> pd.DataFrame:
    """One row per member of each PLC.

    The first member drawn from the lead school is the PLC's lead; the lead
    stays from start to end. Of the others, ``model.LATE_JOINER_SHARE`` join
    late and ``model.EARLY_LEAVER_SHARE`` leave early; the rest stay throughout.

    Returns
    -------
    pandas.DataFrame
        plc, school (row index into ``schools``), member_id, role, joined, left
        (days; ``model.NO_DATE`` while a member) and core (stays throughout).
    """
    rows = _draw_rows(schools, plcs, pairs, rng)
    rows["member_id"] = member_ids(
        schools["school_id"].to_numpy()[rows["school"]], rows["staff"], seed
    )
    # Two staff of one school could share an id only by a hash collision; keep the key unique.
    rows = rows.drop_duplicates(["plc", "member_id"]).reset_index(drop=True)
    return _draw_dates(rows, plcs, rng)


def _draw_rows(
    schools: pd.DataFrame, plcs: pd.DataFrame, pairs: pd.DataFrame, rng: np.random.Generator
) -> pd.DataFrame:
    """Members per (PLC, school) pair, each a place in the school's staff pool."""
    scope = plcs["scope"].to_numpy()[pairs["plc"]]
    kind = plcs["kind"].to_numpy()[pairs["plc"]]
    low = np.full(len(pairs), model.MEMBERS_PER_SCHOOL[0])
    high = np.full(len(pairs), model.MEMBERS_PER_SCHOOL[1])
    within = scope == WITHIN
    low[within], high[within] = model.MEMBERS_WITHIN
    one_school = kind == "one_school"
    low[one_school], high[one_school] = model.MEMBERS_ONE_SCHOOL
    pool = schools["staff"].to_numpy()[pairs["school"]]
    counts = np.minimum(rng.integers(low, high + 1), pool)
    pair_row = np.repeat(np.arange(len(pairs)), counts)
    slot = np.arange(len(pair_row)) - np.repeat(np.cumsum(counts) - counts, counts)
    staff = np.floor(pool[pair_row] * rng.random(len(pair_row)) ** POOL_SKEW).astype(np.int64)
    is_lead = (pairs["order"].to_numpy()[pair_row] == 0) & (slot == 0)
    rows = pd.DataFrame(
        {
            "plc": pairs["plc"].to_numpy()[pair_row],
            "school": pairs["school"].to_numpy()[pair_row],
            "staff": staff,
            "role": np.where(is_lead, LEAD, MEMBER),
        }
    )
    # A practitioner drawn twice for one PLC is one member; the lead row comes first.
    return rows.drop_duplicates(["plc", "school", "staff"]).reset_index(drop=True)


def member_ids(school_ids: np.ndarray, staff: np.ndarray, seed: int) -> np.ndarray:
    """Pseudonymous member ids: ``m-`` and 10 hex characters of a seeded SHA-256."""
    keys = pd.DataFrame({"school": school_ids, "staff": staff})
    unique = keys.drop_duplicates().reset_index(drop=True)
    ids = np.array(
        [
            "m-" + hashlib.sha256(f"plcnet-demo:{seed}:{s}:{p}".encode()).hexdigest()[:10]
            for s, p in zip(unique["school"], unique["staff"], strict=True)
        ],
        dtype=object,
    )
    unique["member_id"] = ids
    return keys.merge(unique, on=["school", "staff"], how="left")["member_id"].to_numpy()


def _draw_dates(rows: pd.DataFrame, plcs: pd.DataFrame, rng: np.random.Generator) -> pd.DataFrame:
    """Joined and left: within the PLC's dates, and never after the data's last day."""
    start = plcs["start"].to_numpy()[rows["plc"]]
    end = plcs["end"].to_numpy()[rows["plc"]]
    last = np.where(end == model.NO_DATE, model.WINDOW_END, end)
    span = last - start
    draw = rng.random(len(rows))
    fraction = rng.random(len(rows))
    member = rows["role"].to_numpy() == MEMBER
    late = member & (draw < model.LATE_JOINER_SHARE)
    early = (
        member
        & (draw >= model.LATE_JOINER_SHARE)
        & (draw < model.LATE_JOINER_SHARE + model.EARLY_LEAVER_SHARE)
    )
    joined = start.copy()
    # Late joiners come in during the first two thirds of the PLC's life.
    joined[late] = start[late] + np.floor(fraction[late] * span[late] * 2 / 3).astype(np.int64)
    left = np.full(len(rows), model.NO_DATE, dtype=np.int64)
    # Early leavers stay at least a month (or the whole of a shorter PLC).
    stay = np.minimum(30 + np.floor(fraction * np.maximum(span - 30, 0)).astype(np.int64), span)
    left[early] = start[early] + stay[early]
    return rows.assign(joined=joined, left=left, core=~late & ~early)
