"""The numbers behind the regions page, read for one view (year, consortium, LA, measure).

LAs and consortia compared on every group measure of ``net_group_metrics``; the
E-I matrices of ties between LAs and between consortia; the LAs most like the
one chosen. The measures are computed for all the schools of each group, so the
sector and language-medium filters cannot narrow them and the page does not offer
them. The LAs shown are those of the consortium chosen (all when none).
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from dashboard.core.boundaries import load_la_geojson
from dashboard.core.db import Database
from dashboard.core.filters import Filters
from dashboard.ui.labels import system_has_language_media, system_has_outcome

__all__ = [
    "MAX_MATRIX_LAS",
    "NEIGHBOURS",
    "NOT_FOR_LAS",
    "REGION_MEASURES",
    "RegionsData",
    "load_groups",
    "load_pairs",
    "load_regions",
    "load_similar",
    "pivot_pairs",
    "select_shown_las",
]

# Every group measure of net_group_metrics, in the order shown: size and ties, how
# the group holds together, communities (consortia and Wales only), assortativity,
# and support ties. n_ties is left out: for a group it is internal_ties by another name.
REGION_MEASURES = (
    "n_schools",
    "internal_ties",
    "external_ties",
    "ei_index",
    "density",
    "isolate_share",
    "n_components",
    "giant_component_share",
    "mean_clustering",
    "modularity_communities",
    "modularity_la",
    "nmi_communities_la",
    "assort_la",
    "assort_medium",
    "assort_sector",
    "assort_category",
    "support_schools",
    "n_support_tied",
    "support_tied_share",
)
# Measures of a vocabulary a system may lack: the schools' language medium (England's
# GIAS gives none) and their support category (no outcomes in GIAS).
MEDIUM_MEASURES = frozenset({"assort_medium"})
CATEGORY_MEASURES = frozenset(
    {"assort_category", "support_schools", "n_support_tied", "support_tied_share"}
)
# Measures computed for consortia and Wales only: within one LA they say nothing.
NOT_FOR_LAS = frozenset({"modularity_communities", "modularity_la", "nmi_communities_la"})

NEIGHBOURS = 5  # LAs listed as most like the one chosen
# Above this many LAs (England has 150) the LA matrix asks for a consortium first: a
# table of 150 x 150 cells would be neither readable nor quick to send.
MAX_MATRIX_LAS = 30


@dataclass(frozen=True)
class RegionsData:
    """What the regions page shows for one view.

    ``groups``: one row per LA, consortium and Wales, with level, group_id, names,
    consortium_code, ons_code and the measures (all LAs: the map shows them all).
    ``la_pairs``: the LA matrix (long form: row_group, column_group, ties), None when
    it would be too large to show. ``consortium_pairs``: the same for consortia.
    ``similar``: the LA chosen, its nearest LAs and Wales (empty without an LA).
    ``boundaries``: the LAs' boundaries as GeoJSON, None when none are loaded.
    """

    groups: pd.DataFrame
    measures: tuple[str, ...]
    la_pairs: pd.DataFrame | None
    consortium_pairs: pd.DataFrame
    similar: pd.DataFrame
    boundaries: dict | None


def load_groups(db: Database, filters: Filters) -> pd.DataFrame:
    """Every group's measures for the year: every LA, every consortium, and Wales."""
    return db.query("regions__groups", year=filters.year)


def select_shown_las(groups: pd.DataFrame, filters: Filters) -> pd.DataFrame:
    """The LA rows of ``groups`` the page lists: those of the consortium chosen, or all."""
    las = groups[groups["level"] == "la"]
    if filters.consortium is not None:
        las = las[las["consortium_code"] == filters.consortium]
    return las.reset_index(drop=True)


def load_pairs(db: Database, filters: Filters, level: str) -> pd.DataFrame:
    """The E-I matrix of ``level`` ('la' or 'consortium') in long form: rows of the
    consortium chosen (every consortium at that level), every column group."""
    return db.query("regions__pairs", year=filters.year, level=level, consortium=filters.consortium)


def pivot_pairs(pairs: pd.DataFrame) -> pd.DataFrame:
    """The long-form matrix as rows by columns of tie counts (group ids as labels)."""
    return pairs.pivot(index="row_group", columns="column_group", values="ties").astype(int)


def load_similar(db: Database, filters: Filters) -> pd.DataFrame:
    """The LA chosen (rank 0), its NEIGHBOURS nearest by standardised distance, then Wales
    (rank missing); empty when no LA is chosen."""
    if filters.la is None:
        return pd.DataFrame(
            columns=["la_code", "n_schools", "welsh_medium_share", "distance", "rank"]
        )
    return db.query("regions__similar", la=filters.la, neighbours=NEIGHBOURS)


def _count_las(groups: pd.DataFrame) -> int:
    return int((groups["level"] == "la").sum())


def list_system_measures(groups: pd.DataFrame) -> tuple[str, ...]:
    """The REGION_MEASURES of ``groups`` the served system has: none of a language
    medium or a support category it lacks, rather than a column of "No data"."""
    absent: frozenset[str] = frozenset()
    if not system_has_language_media():
        absent |= MEDIUM_MEASURES
    if not system_has_outcome("support_category"):
        absent |= CATEGORY_MEASURES
    return tuple(m for m in REGION_MEASURES if m in groups.columns and m not in absent)


def load_regions(db: Database, filters: Filters) -> RegionsData:
    """Everything the regions page shows for ``filters``."""
    groups = load_groups(db, filters)
    too_many = filters.consortium is None and _count_las(groups) > MAX_MATRIX_LAS
    return RegionsData(
        groups=groups,
        measures=list_system_measures(groups),
        la_pairs=None if too_many else load_pairs(db, filters, "la"),
        consortium_pairs=load_pairs(db, Filters(filters.year), "consortium"),
        similar=load_similar(db, filters),
        boundaries=load_la_geojson(db),
    )
