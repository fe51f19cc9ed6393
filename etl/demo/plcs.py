"""Drawing the PLCs: what each works on, its scope, its dates, depth and member schools.

A PLC's *kind* says how deep it is: ``deep`` PLCs run full enquiry cycles;
the shallow kinds are the keys of ``model.SHALLOW_REASONS``: ``no_enquiry``,
``no_activity`` and ``one_school`` (a between_schools PLC whose members all
come from one school).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from etl.contract import FOCUS_AREAS, MEMBERSHIP_TYPES, SCOPES
from etl.demo import model

__all__ = ["draw_member_schools", "draw_plcs", "expand_plc_years", "name_plcs"]

WITHIN, BETWEEN, ACROSS_LAS, ACROSS_CONSORTIA = SCOPES


class _Places:
    """Where the schools are: LAs and consortia as integer indices, and coordinates."""

    def __init__(self, schools: pd.DataFrame) -> None:
        self.weight = schools["weight"].to_numpy()
        self.x = schools["x_km"].to_numpy()
        self.y = schools["y_km"].to_numpy()
        la, la_codes = pd.factorize(schools["la_code"], sort=True)
        la_consortium = schools.groupby("la_code", sort=True)["consortium_code"].first()
        consortium_of_la, _ = pd.factorize(la_consortium.to_numpy(), sort=True)
        self.la_schools = [np.flatnonzero(la == i) for i in range(len(la_codes))]
        self.consortium_las = [
            np.flatnonzero(consortium_of_la == c) for c in range(consortium_of_la.max() + 1)
        ]
        # LAs and consortia that can hold a PLC of each scope, with their sizes as weights.
        self.between_las = np.array(
            [i for i, s in enumerate(self.la_schools) if len(s) >= 2], dtype=np.int64
        )
        self.la_weights = np.array([self.weight[s].sum() for s in self.la_schools])
        self.multi_la_consortia = np.array(
            [c for c, las in enumerate(self.consortium_las) if len(las) >= 2], dtype=np.int64
        )
        self.consortium_weights = np.array([float(len(las)) for las in self.consortium_las])

    def feasible_scopes(self) -> list[str]:
        """The scopes these schools allow (a single school allows only within_school)."""
        scopes = [WITHIN]
        if len(self.between_las):
            scopes.append(BETWEEN)
        if len(self.multi_la_consortia):
            scopes.append(ACROSS_LAS)
        if len(self.consortium_las) >= 2:
            scopes.append(ACROSS_CONSORTIA)
        return scopes


def draw_plcs(schools: pd.DataFrame, n_plcs: int, rng: np.random.Generator) -> pd.DataFrame:
    """Draw the PLCs' attributes and kinds (not yet their schools or names).

    Scopes the schools cannot hold (across consortia with one consortium, say)
    become within_school.

    Returns
    -------
    pandas.DataFrame
        plc (0..n-1), plc_id, focus_area, scope, membership_type, kind,
        start and end (days since 1970-01-01; ``model.NO_DATE`` while running).
    """
    scope = np.array(SCOPES, dtype=object)[
        rng.choice(len(SCOPES), size=n_plcs, p=model.SCOPE_SHARES)
    ]
    scope[~np.isin(scope, _Places(schools).feasible_scopes())] = WITHIN
    self_selected = rng.random(n_plcs) < model.SELF_SELECTED_SHARE
    membership_type = np.where(self_selected, MEMBERSHIP_TYPES[0], MEMBERSHIP_TYPES[1])
    focus_area = np.array(FOCUS_AREAS, dtype=object)[rng.integers(0, len(FOCUS_AREAS), n_plcs)]
    start, end = _draw_dates(rng, n_plcs)
    return pd.DataFrame(
        {
            "plc": np.arange(n_plcs),
            "plc_id": [f"PLC-{i:05d}" for i in range(1, n_plcs + 1)],
            "focus_area": focus_area,
            "scope": scope,
            "membership_type": membership_type,
            "kind": _draw_kinds(rng, scope, membership_type),
            "start": start,
            "end": end,
        }
    )


def _draw_dates(rng: np.random.Generator, n: int) -> tuple[np.ndarray, np.ndarray]:
    """Start in an autumn term; end in July one to three years on, or run on."""
    first = model.YEAR_START_YEARS[rng.choice(model.N_YEARS, size=n, p=model.START_YEAR_SHARES)]
    start = model.days(first, 9, 1) + rng.integers(0, 92, n)
    duration = 1 + rng.choice(len(model.DURATION_SHARES), size=n, p=model.DURATION_SHARES)
    end = model.days(first + duration, 7, 20) - rng.integers(0, 15, n)
    end[end > model.WINDOW_END] = model.NO_DATE
    return start, end


def _draw_kinds(
    rng: np.random.Generator, scope: np.ndarray, membership_type: np.ndarray
) -> np.ndarray:
    n = len(scope)
    chance = np.where(
        membership_type == MEMBERSHIP_TYPES[0],
        model.SHALLOW_CHANCE[MEMBERSHIP_TYPES[0]],
        model.SHALLOW_CHANCE[MEMBERSHIP_TYPES[1]],
    )
    shallow = rng.random(n) < chance
    one_school = shallow & (scope == BETWEEN) & (rng.random(n) < model.ONE_SCHOOL_SHARE)
    no_activity = shallow & ~one_school & (rng.random(n) < model.NO_ACTIVITY_SHARE)
    kind = np.full(n, "deep", dtype=object)
    kind[shallow] = "no_enquiry"
    kind[no_activity] = "no_activity"
    kind[one_school] = "one_school"
    return kind


def draw_member_schools(
    schools: pd.DataFrame, plcs: pd.DataFrame, rng: np.random.Generator
) -> pd.DataFrame:
    """The schools of each PLC, the lead school first.

    Returns
    -------
    pandas.DataFrame
        plc, school (row index into ``schools``) and order (0 for the lead school).
    """
    places = _Places(schools)
    # The school of a one-school PLC, drawn for every PLC at once (only some are used).
    solo = rng.choice(len(schools), size=len(plcs), p=places.weight / places.weight.sum())
    chosen_per_plc = []
    for i, (scope, kind) in enumerate(zip(plcs["scope"], plcs["kind"], strict=True)):
        if scope == WITHIN or kind == "one_school":
            chosen = solo[i : i + 1]
        elif scope == BETWEEN:
            chosen = _draw_between(rng, places)
        elif scope == ACROSS_LAS:
            consortia = _pick(rng, places.multi_la_consortia, places.consortium_weights, 1)
            chosen = _draw_across(rng, places, consortia, model.ACROSS_LAS)
        else:
            low, high = model.ACROSS_CONSORTIA
            consortia = _pick(
                rng,
                np.arange(len(places.consortium_las)),
                places.consortium_weights,
                int(rng.integers(low, high + 1)),
            )
            chosen = _draw_across(rng, places, consortia, (1, 2))
        chosen_per_plc.append(chosen)
    sizes = np.array([len(c) for c in chosen_per_plc])
    pairs = pd.DataFrame(
        {
            "plc": np.repeat(plcs["plc"].to_numpy(), sizes),
            "school": np.concatenate(chosen_per_plc),
        }
    )
    pairs["order"] = pairs.groupby("plc").cumcount()
    return pairs


def _pick(
    rng: np.random.Generator, candidates: np.ndarray, weights: np.ndarray, k: int
) -> np.ndarray:
    """``k`` of ``candidates`` without replacement, chances in proportion to weight.

    ``weights`` is indexed by candidate value (``places.weight`` by school index,
    ``places.la_weights`` by LA index).
    """
    # Exponential keys divided by weight: the k smallest are a weighted sample.
    keys = rng.standard_exponential(len(candidates)) / weights[candidates]
    return candidates[np.argsort(keys, kind="stable")[:k]]


def _draw_between(rng: np.random.Generator, places: _Places) -> np.ndarray:
    """A lead school and 2 to 9 others of its LA, nearer neighbours more likely."""
    la = _pick(rng, places.between_las, places.la_weights, 1)
    members = places.la_schools[int(la[0])]
    lead = int(_pick(rng, members, places.weight, 1)[0])
    others = members[members != lead]
    distance = np.hypot(places.x[others] - places.x[lead], places.y[others] - places.y[lead])
    # Noise on the distance so that near schools are likely, not certain.
    keys = (distance + 1.0) * np.exp(rng.normal(0.0, 0.5, len(others)))
    k = int(rng.integers(model.BETWEEN_SCHOOLS[0], model.BETWEEN_SCHOOLS[1] + 1)) - 1
    return np.concatenate([[lead], others[np.argsort(keys, kind="stable")[:k]]])


def _draw_across(
    rng: np.random.Generator,
    places: _Places,
    consortia: np.ndarray,
    las_per_consortium: tuple[int, int],
) -> np.ndarray:
    """Schools from some LAs of each consortium: 1 to 3 schools from each LA."""
    chosen = []
    for consortium in consortia:
        las = places.consortium_las[int(consortium)]
        low, high = las_per_consortium
        n_las = min(int(rng.integers(low, high + 1)), len(las))
        for la in rng.permutation(las)[:n_las]:
            n_schools = int(rng.integers(1, 4))
            chosen.append(_pick(rng, places.la_schools[int(la)], places.weight, n_schools))
    return np.concatenate(chosen)


def name_plcs(plcs: pd.DataFrame, pairs: pd.DataFrame, schools: pd.DataFrame) -> pd.DataFrame:
    """Add lead_school_id and a readable name such as 'Numeracy cluster, Conwy (Ysgol X)'."""
    lead = pairs.loc[pairs["order"] == 0].set_index("plc")["school"].reindex(plcs["plc"])
    leads = schools.iloc[lead.to_numpy()].reset_index(drop=True)
    focus = plcs["focus_area"].str.replace("_", " ").str.capitalize().reset_index(drop=True)
    school = leads["name"].astype(str)
    names = {
        WITHIN: focus + " enquiry, " + school,
        BETWEEN: focus + " cluster, " + leads["la_name"].astype(str) + " (" + school + ")",
        ACROSS_LAS: focus
        + " network, "
        + leads["consortium_name"].astype(str)
        + " ("
        + school
        + ")",
        ACROSS_CONSORTIA: focus + " network across regions (" + school + ")",
    }
    scope = plcs["scope"].to_numpy()
    name = np.empty(len(plcs), dtype=object)
    for value, named in names.items():
        name[scope == value] = named.to_numpy()[scope == value]
    return plcs.assign(lead_school_id=leads["school_id"].to_numpy(), name=name)


def expand_plc_years(plcs: pd.DataFrame) -> pd.DataFrame:
    """One row per PLC per academic year it is active in.

    A PLC is active in a year when it starts by the year's last day and has not
    ended before its first day (the rule of ``etl/sql/marts/net_memberships.sql``).

    Returns
    -------
    pandas.DataFrame
        plc, year_index (into ``model.YEARS``), year_start, year_end, and
        year_of_plc (0 in the PLC's first active year).
    """
    year_start, year_end = model.year_bounds()
    start = plcs["start"].to_numpy()[:, None]
    end = plcs["end"].to_numpy()[:, None]
    active = (start <= year_end[None, :]) & ((end == model.NO_DATE) | (end >= year_start[None, :]))
    plc_row, year_index = np.nonzero(active)
    years = pd.DataFrame(
        {
            "plc": plcs["plc"].to_numpy()[plc_row],
            "year_index": year_index,
            "year_start": year_start[year_index],
            "year_end": year_end[year_index],
        }
    )
    years["year_of_plc"] = years.groupby("plc").cumcount()
    return years
