"""The numbers behind the compare page: two academic years of one view side by side.

The headline figures are the overview's own (its query ``overview__yearly``, read by
name: one definition of each measure); the group measures are the regions page's
(its query ``regions__groups``, net_group_metrics, for each year: ``net_changes``
holds the same values but compares only a year with the one before); what changed
(ties gained and lost, schools that joined or left PLCs) is counted over the region
for everyone, and listed school by school only within the user's scope.

With a PLC focus area every part counts only that area's PLCs and the ties through
them: the headline figures by this page's own query (``compare__headlines``, the
overview's with a focus area; equal to it without one), the group measures from
the focus area's subgraph as the network page measures it (etl.public), and what
changed from the focus area's ties (``focus_ties``) and memberships.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from dashboard.core.db import Database
from dashboard.core.filters import Filters
from dashboard.ui.labels import HEADLINE_MEASURES, system_has_outcome, to_number
from etl.public import SubgraphMeasures, load_focus_network, measure_subgraph

__all__ = [
    "GROUP_MEASURES",
    "WITH",
    "Changes",
    "CompareData",
    "HeadlinePair",
    "group_of",
    "load_changes",
    "load_compare",
    "load_headline_pairs",
    "load_measures",
    "load_school_changes",
    "load_tie_changes",
    "order_years",
]

# The URL's name of the second year (the first is the shared ``year``).
WITH = "with"

# The group measures shown for both years (net_group_metrics, as the regions page
# names them), those that say something of one LA, in the regions page's order.
GROUP_MEASURES = (
    "n_schools",
    "internal_ties",
    "external_ties",
    "ei_index",
    "density",
    "isolate_share",
    "n_components",
    "giant_component_share",
    "mean_clustering",
    "support_tied_share",
)


@dataclass(frozen=True)
class HeadlinePair:
    """One headline measure in the earlier and the later year, and the change."""

    measure: str
    earlier: float | None
    later: float | None

    @property
    def change(self) -> float | None:
        if self.earlier is None or self.later is None:
            return None
        return self.later - self.earlier


@dataclass(frozen=True)
class Changes:
    """Counts of what changed between the two years, over the whole region."""

    ties_gained: int
    ties_lost: int
    ties_kept: int
    schools_joined: int
    schools_left: int
    schools_stayed: int


@dataclass(frozen=True)
class CompareData:
    """What the compare page shows for one view: the two years in order, the headline
    figures of each, the counts of what changed, the ties and schools of the user's
    scope that changed, and the group's measures in both years."""

    earlier: str
    later: str
    headlines: list[HeadlinePair]
    changes: Changes
    tie_changes: pd.DataFrame
    school_changes: pd.DataFrame
    measures: pd.DataFrame

    @property
    def same_year(self) -> bool:
        return self.earlier == self.later


def order_years(filters: Filters, years: list[str]) -> tuple[str, str]:
    """The view's two years, the earlier first (by the data's order of years)."""
    first, second = filters.year, filters.option(WITH)
    rank = {year: index for index, year in enumerate(years)}
    if rank.get(second, -1) < rank.get(first, -1):
        return second, first
    return first, second


def _region_params(filters: Filters) -> dict[str, object]:
    return {
        "consortium": filters.consortium,
        "la": filters.la,
        "sector": filters.sector,
        "medium": filters.medium,
    }


def _focus_params(filters: Filters) -> dict[str, object]:
    return {**_region_params(filters), "focus": filters.focus}


def load_headline_pairs(
    db: Database, filters: Filters, earlier: str, later: str
) -> list[HeadlinePair]:
    """The overview's headline measures (its own query) in both years; with a PLC focus
    area, the same measures of that area's PLCs and ties (compare__headlines)."""
    if filters.focus is None:
        yearly = db.query("overview__yearly", **_region_params(filters))
    else:
        yearly = db.query(
            "compare__headlines", earlier=earlier, later=later, **_focus_params(filters)
        )
    yearly = yearly.set_index("year")

    def value(year: str, measure: str) -> float | None:
        return to_number(yearly.loc[year, measure]) if year in yearly.index else None

    return [
        HeadlinePair(measure, value(earlier, measure), value(later, measure))
        for measure in HEADLINE_MEASURES
    ]


def load_changes(db: Database, filters: Filters, earlier: str, later: str) -> Changes:
    """How many ties and schools in PLCs changed, over the whole region (counts only)."""
    params = _focus_params(filters)
    row = db.query("compare__changes", earlier=earlier, later=later, **params).iloc[0]
    return Changes(**{field: int(row[field]) for field in Changes.__dataclass_fields__})


def load_tie_changes(db: Database, filters: Filters, earlier: str, later: str) -> pd.DataFrame:
    """The ties gained and lost between two schools of the user's scope."""
    return db.query("compare__tie_changes", earlier=earlier, later=later, **_focus_params(filters))


def load_school_changes(db: Database, filters: Filters, earlier: str, later: str) -> pd.DataFrame:
    """The schools of the user's scope that joined or left PLCs."""
    return db.query(
        "compare__school_changes", earlier=earlier, later=later, **_focus_params(filters)
    )


def group_of(filters: Filters) -> tuple[str, str | None]:
    """The group whose measures the page shows: the LA chosen, else the consortium, else
    Wales (level and id; None for Wales, the one group of its level)."""
    if filters.la is not None:
        return "la", str(filters.la)
    if filters.consortium is not None:
        return "consortium", filters.consortium
    return "wales", None


def load_measures(db: Database, filters: Filters, earlier: str, later: str) -> pd.DataFrame:
    """The group's measures (GROUP_MEASURES, in that order) in both years, as the regions
    page reads them, with the change (later - earlier; NaN when either is missing)."""
    level, group = group_of(filters)
    values = {
        year: _group_row(db, year, level, group)
        if filters.focus is None
        else _focus_group_row(db, year, filters, filters.focus)
        for year in (earlier, later)
    }
    rows = [
        {
            "measure": measure,
            "earlier": to_number(values[earlier].get(measure)),
            "later": to_number(values[later].get(measure)),
        }
        for measure in GROUP_MEASURES
        # A system without support categories (England) has no row of "No data" for them.
        if measure != "support_tied_share" or system_has_outcome("support_category")
    ]
    frame = pd.DataFrame(rows, columns=["measure", "earlier", "later"]).astype(
        {"earlier": "float64", "later": "float64"}
    )
    return frame.assign(change=frame["later"] - frame["earlier"])


def _group_row(db: Database, year: str, level: str, group: str | None) -> dict[str, object]:
    groups = db.query("regions__groups", year=year)
    found = groups[(groups["level"] == level) & ((group is None) | (groups["group_id"] == group))]
    return {} if found.empty else found.iloc[0].to_dict()


def _focus_subgraph(db: Database, year: str, filters: Filters, focus: str) -> SubgraphMeasures:
    """The focus area's subgraph of the group's schools (every sector and medium, as
    the group measures count them), as the network page measures a region's."""
    if filters.la is None and filters.consortium is None:
        return db.call(load_focus_network, year=year, focus_area=focus)
    return db.call(
        measure_subgraph, year=year, la=filters.la, consortium=filters.consortium,
        focus_area=focus,
    )  # fmt: skip


def _ratio(part: float, whole: float) -> float | None:
    return part / whole if whole else None


def _focus_group_row(db: Database, year: str, filters: Filters, focus: str) -> dict[str, object]:
    """GROUP_MEASURES of the group in the network of the focus area's ties, each by
    net_group_metrics' definition (docs/measures.md): isolated and clustering in the
    whole of that network, components of the group's own subgraph."""
    found = _focus_subgraph(db, year, filters, focus)
    summary, schools = found.summary, found.schools
    internal, external = summary.n_ties, summary.external_ties
    whole = db.call(load_focus_network, year=year, focus_area=focus).schools
    clustering = whole.set_index("school_id")["clustering"].reindex(schools["school_id"])
    support = db.query(
        "compare__focus_support", year=year, consortium=filters.consortium, la=filters.la,
        focus=focus,
    ).iloc[0]  # fmt: skip
    no_tie = (schools["degree"] + schools["external_ties"]) == 0
    return {
        "n_schools": summary.n_schools,
        "internal_ties": internal,
        "external_ties": external,
        "ei_index": _ratio(external - internal, external + internal),
        "density": summary.density,
        "isolate_share": _ratio(int(no_tie.sum()), len(schools)),
        "n_components": summary.n_components,
        "giant_component_share": summary.giant_component_share,
        "mean_clustering": float(clustering.fillna(0).mean()) if len(schools) else None,
        "support_tied_share": _ratio(
            int(support["n_support_tied"]), int(support["support_schools"])
        ),
    }


def load_compare(db: Database, filters: Filters, years: list[str]) -> CompareData:
    """Everything the compare page shows for ``filters`` (``years``: the data's years)."""
    earlier, later = order_years(filters, years)
    return CompareData(
        earlier=earlier,
        later=later,
        headlines=load_headline_pairs(db, filters, earlier, later),
        changes=load_changes(db, filters, earlier, later),
        tie_changes=load_tie_changes(db, filters, earlier, later),
        school_changes=load_school_changes(db, filters, earlier, later),
        measures=load_measures(db, filters, earlier, later),
    )
