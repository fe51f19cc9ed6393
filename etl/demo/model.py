"""The demo's model in one place: its years, its shares and its planted effect.

Every number that shapes the generated data lives here, so that
``docs/demo.md``, ``demo_truth.json`` and the code describe one model.
Dates are handled as whole days since 1970-01-01 (numpy ``datetime64[D]`` as
integers); ``NO_DATE`` (-1) stands for an empty optional date.
"""

from __future__ import annotations

import numpy as np

from etl.contract import ENQUIRY_STAGES, SUPPORT_CATEGORIES

__all__ = [
    "ANCHOR_BANDS",
    "BETA",
    "CATEGORY_FLOORS",
    "EXPOSURE_DEFINITION",
    "NOISE_SD",
    "NO_DATE",
    "SHALLOW_REASONS",
    "SHALLOW_STAGES",
    "YEARS",
    "YEAR_DRIFT",
    "day",
    "days",
    "year_bounds",
]

NO_DATE = -1

FIRST_START_YEAR = 2015
N_YEARS = 5
YEAR_START_YEARS = np.arange(FIRST_START_YEAR, FIRST_START_YEAR + N_YEARS)
YEARS: tuple[str, ...] = tuple(f"{y}/{(y + 1) % 100:02d}" for y in YEAR_START_YEARS)


def day(year: int, month: int, dom: int) -> int:
    """Days since 1970-01-01 of a calendar date."""
    return int(np.datetime64(f"{year:04d}-{month:02d}-{dom:02d}", "D").astype(np.int64))


def days(years: np.ndarray, month: int, dom: int) -> np.ndarray:
    """Days since 1970-01-01 of the same month and day in each of ``years``."""
    unique, inverse = np.unique(np.asarray(years, dtype=np.int64), return_inverse=True)
    return np.array([day(int(y), month, dom) for y in unique], dtype=np.int64)[inverse]


def year_bounds() -> tuple[np.ndarray, np.ndarray]:
    """First and last day (1 September, 31 August) of each academic year in ``YEARS``."""
    return days(YEAR_START_YEARS, 9, 1), days(YEAR_START_YEARS + 1, 8, 31)


# Last day of the data: a PLC that would run past it is still running (no end date).
WINDOW_END = day(FIRST_START_YEAR + N_YEARS, 8, 31)

# --- PLCs -------------------------------------------------------------------
# Share of PLCs per scope, in the order of contract.SCOPES (within, between, across LAs,
# across consortia).
SCOPE_SHARES = (0.30, 0.35, 0.20, 0.15)
# More PLCs began early in the reform than late.
START_YEAR_SHARES = (0.30, 0.22, 0.18, 0.16, 0.14)
# Planned length in academic years: 1, 2 or 3.
DURATION_SHARES = (0.30, 0.40, 0.30)
SELF_SELECTED_SHARE = 0.55
# Assigned membership gets less buy-in, so assigned PLCs are shallow twice as often.
SHALLOW_CHANCE = {"self_selected": 0.14, "assigned": 0.28}
# Among shallow PLCs of scope between_schools: share whose members all come from one school.
ONE_SCHOOL_SHARE = 0.15
# Among the other shallow PLCs: share with members but no activity at all.
NO_ACTIVITY_SHARE = 0.10
# Schools per LA in a between_schools PLC (lowest, highest).
BETWEEN_SCHOOLS = (3, 10)
# LAs in an across_las PLC, consortia in an across_consortia PLC (lowest, highest).
ACROSS_LAS = (2, 4)
ACROSS_CONSORTIA = (2, 3)

# --- members ------------------------------------------------------------------
PUPILS_PER_STAFF = 18
STAFF_POOL = (4, 120)
# Members from one school: within_school PLCs (lowest, highest) and the other scopes.
MEMBERS_WITHIN = (4, 14)
MEMBERS_PER_SCHOOL = (1, 3)
MEMBERS_ONE_SCHOOL = (3, 8)
# Members beyond the lead who join late or leave early (the rest stay throughout).
LATE_JOINER_SHARE = 0.10
EARLY_LEAVER_SHARE = 0.10

# --- activities and reviews ----------------------------------------------------
# Shallow PLCs meet but never analyse data or review: they use only these stages.
SHALLOW_STAGES = tuple(s for s in ENQUIRY_STAGES if s not in ("analyse_data", "review"))
# Deep PLCs run one or two full enquiry cycles a year; shallow ones meet 2 to 7 times.
SECOND_CYCLE_SHARE = 0.40
SHALLOW_MEETINGS = (2, 7)
ATTENDANCE_RATE = {"deep": 0.80, "shallow": 0.50}
# Mean review score of a PLC (before noise) and its rise per year of the PLC's life.
REVIEW_MEAN = {"deep": 3.7, "shallow": 2.5}
REVIEW_PLC_SD = 0.4
REVIEW_NOISE_SD = 0.55
REVIEW_RISE_PER_YEAR = 0.15

# --- outcomes: THE PLANTED EFFECT -------------------------------------------------
# attainment(s, t) = attainment(s, t-1) + YEAR_DRIFT[t] + BETA * exposure(s, t) + e,
# e ~ Normal(0, NOISE_SD), independent of everything else.
BETA = 1.0
NOISE_SD = 2.0
YEAR_DRIFT: dict[str, float] = dict(zip(YEARS[1:], (0.4, 0.2, 0.3, 0.1), strict=True))
EXPOSURE_DEFINITION = (
    "exposure(s, t) is the number of distinct PLCs that are deep (not listed as shallow "
    "in demo_truth.json) and whose scope is not within_school, that are active in "
    "academic year t (start_date <= 31 August ending t, and end_date empty or >= "
    "1 September starting t), and that have at least one membership from school s "
    "active in t (joined <= 31 August ending t, and left empty or >= 1 September "
    "starting t)."
)
# A support category follows attainment: at least the floor of the first category that
# fits, in the order of contract.SUPPORT_CATEGORIES (green, yellow, amber, red).
CATEGORY_FLOORS: dict[str, float] = dict(
    zip(SUPPORT_CATEGORIES, (60.0, 48.0, 38.0, -np.inf), strict=True)
)
# Attainment in the year of a school's published category is drawn within its band.
ANCHOR_BANDS: dict[str, tuple[float, float]] = dict(
    zip(SUPPORT_CATEGORIES, ((60.0, 72.0), (48.0, 60.0), (38.0, 48.0), (28.0, 38.0)), strict=True)
)
# Attainment stays on this scale (the level is chosen so that it does).
ATTAINMENT_SCALE = (0.0, 100.0)
# Attainment in 2019/20 of a school without a published category.
FREE_LEVEL_MEAN = 57.0
FREE_LEVEL_SD = 8.0
FREE_LEVEL_RANGE = (30.0, 80.0)

SHALLOW_REASONS: dict[str, list[str]] = {
    "no_enquiry": [
        "members and meetings but no analyse_data or review stage",
        "learner_focus and data_informed scored 1-2",
    ],
    "no_activity": [
        "members but no activity at all",
        "learner_focus and data_informed scored 1-2",
    ],
    "one_school": [
        "scope between_schools but every member comes from one school",
        "members and meetings but no analyse_data or review stage",
        "learner_focus and data_informed scored 1-2",
    ],
}
