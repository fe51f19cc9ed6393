"""The numbers behind a school's profile (``/school/<school number>``), for one year.

Plain functions on a :class:`~dashboard.core.db.Database`, so that the tests call them
without Dash; the SQL is in ``pages/school/queries/*.sql``. Each query keeps to the user's
scope (dashboard/access/scope.py): a school outside it gives nothing, and its profile
raises :class:`~dashboard.access.scope.OutsideScopeError` so that the page can say so.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from dashboard.access.scope import OutsideScopeError
from dashboard.core.db import Database
from dashboard.ui.labels import BROKER_ROLES

__all__ = [
    "SCHOOL_MEASURES",
    "SchoolData",
    "SchoolProfile",
    "empty_school_data",
    "load_school",
    "load_school_brokerage",
    "load_school_measures",
    "load_school_partners",
    "load_school_partners_outside",
    "load_school_plcs",
    "load_school_profile",
    "load_school_support",
    "parse_school_id",
]

# The network measures a profile follows over the years, in the order shown
# (columns of net_school_metrics; see docs/measures.md).
SCHOOL_MEASURES = (
    "degree",
    "weighted_degree",
    "betweenness",
    "clustering",
    "n_plcs",
    "cross_la_ties",
)


@dataclass(frozen=True)
class SchoolProfile:
    """Who the school is: number, name, where, what kind."""

    school_id: int
    name: str
    la_code: int
    la_name_en: str
    la_name_cy: str
    consortium_code: str
    consortium_name_en: str
    consortium_name_cy: str
    sector: str
    language_medium: str
    pupils: int | None

    def la_name(self, lang: str) -> str:
        return self.la_name_cy if lang == "cy" else self.la_name_en

    def consortium_name(self, lang: str) -> str:
        return self.consortium_name_cy if lang == "cy" else self.consortium_name_en


@dataclass(frozen=True)
class SchoolData:
    """Everything a profile shows for one school and year."""

    profile: SchoolProfile
    year: str
    measures: pd.DataFrame
    support: pd.DataFrame
    plcs: pd.DataFrame
    partners: pd.DataFrame
    brokerage: pd.DataFrame
    # Partners that year outside the user's scope: counted, never listed.
    partners_outside: int = 0


def parse_school_id(value: object) -> int | None:
    """A school number from a path: seven digits or so; None for anything else."""
    text = str(value or "").strip()
    if not text.isdecimal() or len(text) > 9:
        return None
    return int(text)


def load_school_profile(db: Database, school_id: int) -> SchoolProfile | None:
    """The school's details; None when no school has that number.

    Raises OutsideScopeError when the school is outside the user's scope.
    """
    found = db.query("school__profile", school_id=school_id)
    if found.empty:
        if bool(db.query("school__known", school_id=school_id)["known"].iloc[0]):
            raise OutsideScopeError(f"school {school_id} is outside the user's scope")
        return None
    row = found.iloc[0]
    pupils = row["pupils"]
    return SchoolProfile(
        school_id=int(row["school_id"]),
        name=str(row["name"]),
        la_code=int(row["la_code"]),
        la_name_en=str(row["la_name_en"]),
        la_name_cy=str(row["la_name_cy"]),
        consortium_code=str(row["consortium_code"]),
        consortium_name_en=str(row["consortium_name_en"]),
        consortium_name_cy=str(row["consortium_name_cy"]),
        sector=str(row["sector"]),
        language_medium=str(row["language_medium"]),
        pupils=None if pd.isna(pupils) else int(pupils),
    )


def load_school_measures(db: Database, school_id: int) -> pd.DataFrame:
    """Per year (oldest first) and scope (``school``, ``la``, ``wales``): the measures of
    SCHOOL_MEASURES for the school, and their means over its LA's schools and all schools."""
    return db.query("school__measures", school_id=school_id)


def load_school_support(db: Database, school_id: int) -> pd.DataFrame:
    """The school's support category per year (``year``, ``category``), oldest first."""
    return db.query("school__support", school_id=school_id)


def load_school_plcs(db: Database, school_id: int, year: str) -> pd.DataFrame:
    """The PLCs the school takes part in during ``year``, by name, with their member
    schools and members (``members`` NULL and ``members_suppressed`` true under 5)."""
    return db.query("school__plcs", school_id=school_id, year=year)


def load_school_partners(db: Database, school_id: int, year: str) -> pd.DataFrame:
    """The schools tied to the school in ``year``, most shared PLCs first."""
    return db.query("school__partners", school_id=school_id, year=year)


def load_school_partners_outside(db: Database, school_id: int, year: str) -> int:
    """How many of the school's partners in ``year`` are outside the user's scope."""
    found = db.query("school__partners_outside", school_id=school_id, year=year)
    return int(found["partners_outside"].iloc[0])


def load_school_brokerage(db: Database, school_id: int) -> pd.DataFrame:
    """The school's brokerage roles per year, oldest first: pairs brokered in each role
    of labels.BROKER_ROLES and in all (``total``)."""
    return db.query("school__brokerage", school_id=school_id)


def load_school(db: Database, school_id: int, year: str) -> SchoolData | None:
    """Everything the profile of ``school_id`` shows for ``year``; None for an unknown school.

    Raises OutsideScopeError for a school outside the user's scope.
    """
    profile = load_school_profile(db, school_id)
    if profile is None:
        return None
    return SchoolData(
        profile=profile,
        year=year,
        measures=load_school_measures(db, school_id),
        support=load_school_support(db, school_id),
        plcs=load_school_plcs(db, school_id, year),
        partners=load_school_partners(db, school_id, year),
        brokerage=load_school_brokerage(db, school_id),
        partners_outside=load_school_partners_outside(db, school_id, year),
    )


def empty_school_data(year: str) -> SchoolData:
    """A profile of no school: every part of the page, empty. Dash draws it (layout with
    no path variable) to check the page's callbacks against its components."""
    profile = SchoolProfile(0, "", 0, "", "", "", "", "", "", "", None)
    return SchoolData(
        profile=profile,
        year=year,
        measures=pd.DataFrame(columns=["year", "scope", *SCHOOL_MEASURES]),
        support=pd.DataFrame(columns=["year", "category", "has_plc_data"]),
        plcs=pd.DataFrame(),
        partners=pd.DataFrame(),
        brokerage=pd.DataFrame(columns=["year", *BROKER_ROLES, "total"]),
    )
