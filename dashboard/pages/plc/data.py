"""The numbers behind a PLC's page (``/plc/<plc id>``): what it is, its measures in every
year it is active in, its member schools in the year chosen, and the mean review of
all PLCs that year to set its own against.

Plain functions on a :class:`~dashboard.core.db.Database`; the SQL is in
``pages/plc/queries/*.sql`` and the measures come from ``net_plc_metrics``. Each query keeps
to the user's scope (dashboard/access/scope.py): a PLC outside it gives nothing, and its
profile raises :class:`~dashboard.access.scope.OutsideScopeError` so that the page can say
so; a PLC in scope lists its member schools in scope and counts the others.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pandas as pd

from dashboard.access.scope import OutsideScopeError
from dashboard.core.db import Database

__all__ = [
    "PlcData",
    "PlcProfile",
    "empty_plc_data",
    "load_plc",
    "load_plc_members",
    "load_plc_members_outside",
    "load_plc_profile",
    "load_plc_years",
    "load_review_means",
]


@dataclass(frozen=True)
class PlcProfile:
    """What the contract says of a PLC, and the years it is active in."""

    plc_id: str
    name: str
    focus_area: str
    scope: str
    membership_type: str
    start_date: date | None
    end_date: date | None
    lead_school_id: int | None
    lead_school_name: str | None
    first_year: str | None
    last_year: str | None
    # Its kind of group (plcs.group_kind): "plc" in Wales, a GIAS type in England.
    group_kind: str | None = None


@dataclass(frozen=True)
class PlcData:
    """Everything a PLC's page shows for one year."""

    profile: PlcProfile
    year: str
    years: pd.DataFrame
    members: pd.DataFrame
    review_means: pd.Series
    # Member schools that year outside the user's scope: counted, never listed.
    members_outside: int = 0

    def year_row(self) -> pd.Series | None:
        """The PLC's measures in the year chosen; None when it is not active then."""
        rows = self.years[self.years["year"] == self.year]
        return None if rows.empty else rows.iloc[0]


def _to_date(value: object) -> date | None:
    return None if value is None or pd.isna(value) else pd.Timestamp(value).date()


def _to_text(value: object) -> str | None:
    return None if value is None or pd.isna(value) else str(value)


def load_plc_profile(db: Database, plc_id: str) -> PlcProfile | None:
    """The PLC ``plc_id``; None when there is none. Its lead school is None when
    outside the user's scope.

    Raises OutsideScopeError when the PLC is outside the user's scope.
    """
    found = db.query("plc__profile", plc_id=plc_id)
    if found.empty:
        if bool(db.query("plc__known", plc_id=plc_id)["known"].iloc[0]):
            raise OutsideScopeError(f"PLC {plc_id} is outside the user's scope")
        return None
    row = found.iloc[0]
    lead = row["lead_school_id"]
    return PlcProfile(
        plc_id=str(row["plc_id"]),
        name=str(row["name"]),
        focus_area=str(row["focus_area"]),
        scope=str(row["scope"]),
        membership_type=str(row["membership_type"]),
        start_date=_to_date(row["start_date"]),
        end_date=_to_date(row["end_date"]),
        lead_school_id=None if pd.isna(lead) else int(lead),
        lead_school_name=_to_text(row["lead_school_name"]),
        first_year=_to_text(row["first_year"]),
        last_year=_to_text(row["last_year"]),
        group_kind=_to_text(row["group_kind"]),
    )


def load_plc_years(db: Database, plc_id: str) -> pd.DataFrame:
    """The PLC's measures in each year it is active in, oldest first (members and
    attendance NULL where suppressed, with flags saying so)."""
    return db.query("plc__years", plc_id=plc_id)


def load_plc_members(db: Database, plc_id: str, year: str) -> pd.DataFrame:
    """The PLC's member schools in ``year`` in the user's scope, by name."""
    return db.query("plc__members", plc_id=plc_id, year=year)


def load_plc_members_outside(db: Database, plc_id: str, year: str) -> int:
    """How many of the PLC's member schools in ``year`` are outside the user's scope."""
    found = db.query("plc__members_outside", plc_id=plc_id, year=year)
    return int(found["members_outside"].iloc[0])


def load_review_means(db: Database, year: str) -> pd.Series:
    """The mean score of each review feature over the PLCs reviewed in ``year``, and
    their number (``n_plcs``); the means are NaN when none was reviewed."""
    return db.query("plc__review_means", year=year).iloc[0]


def load_plc(db: Database, plc_id: str, year: str) -> PlcData | None:
    """Everything the page of ``plc_id`` shows for ``year``; None for an unknown PLC.

    Raises OutsideScopeError for a PLC outside the user's scope.
    """
    profile = load_plc_profile(db, plc_id)
    if profile is None:
        return None
    return PlcData(
        profile=profile,
        year=year,
        years=load_plc_years(db, plc_id),
        members=load_plc_members(db, plc_id, year),
        review_means=load_review_means(db, year),
        members_outside=load_plc_members_outside(db, plc_id, year),
    )


def empty_plc_data(year: str) -> PlcData:
    """The page of no PLC: every part, empty. Dash draws it (layout with no path
    variable) to check the page's callbacks against its components."""
    profile = PlcProfile("", "", "", "", "", None, None, None, None, None, None)
    return PlcData(
        profile=profile,
        year=year,
        years=pd.DataFrame(columns=["year"]),
        members=pd.DataFrame(),
        review_means=pd.Series({"n_plcs": 0}),
    )
