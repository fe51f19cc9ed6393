"""The numbers behind the network explorer, read for one view (year, region, kind of school).

Plain functions on a :class:`~dashboard.db.Database`, kept apart from
``pages/network.py`` so that the tests call them without Dash. The SQL is in
``queries/network__*.sql``; everything here works on whole columns (the England
demo has 24,000 schools), never row by row.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import dataclass

import numpy as np
import pandas as pd

from dashboard.db import Database, FileIdentity
from dashboard.filters import Filters
from dashboard.geometry import MAP_TOLERANCE, build_outlines

__all__ = [
    "VIEWS",
    "NetworkData",
    "NetworkSummary",
    "Outlines",
    "Segments",
    "load_network",
    "load_outlines",
    "load_schools",
    "load_summary",
    "load_ties",
    "place_schools",
    "place_ties",
    "rank_schools",
]


@dataclass(frozen=True)
class Outlines:
    """The LA boundaries as one line: longitudes and latitudes, rings separated by NaN."""

    lon: np.ndarray
    lat: np.ndarray


@dataclass(frozen=True)
class NetworkSummary:
    """The figures beside the network: schools shown, their ties and how many are drawn."""

    schools: int
    isolated: int  # schools with no tie at all that year, inside the selection or out
    ties: int  # ties between two schools shown
    cross_la_ties: int  # of those, ties between schools of different LAs
    outside_ties: int  # ties from a school shown to a school not shown
    ties_drawn: int
    unplaced: int  # schools shown with no location, so not on the map

    @property
    def density(self) -> float | None:
        """Ties among the schools shown over the pairs they could form."""
        pairs = self.schools * (self.schools - 1) / 2
        return self.ties / pairs if pairs else None

    @property
    def cross_la_share(self) -> float | None:
        return self.cross_la_ties / self.ties if self.ties else None


@dataclass(frozen=True)
class Segments:
    """Ties as one line: x and y of each tie's two ends, then NaN (see place_ties)."""

    x: np.ndarray
    y: np.ndarray

    def __len__(self) -> int:
        return len(self.x) // 3


@dataclass(frozen=True)
class NetworkData:
    """What the network page shows for one view: schools with their measures and their
    position in the view (``x``, ``y``: longitude and latitude on the map, NaN when
    not placed), the ties drawn among them, the summary, and the LA outlines."""

    view: str
    schools: pd.DataFrame
    segments: Segments
    summary: NetworkSummary
    outlines: Outlines


def _region_params(filters: Filters) -> dict[str, object]:
    return {
        "year": filters.year,
        "consortium": filters.consortium,
        "la": filters.la,
        "sector": filters.sector,
        "medium": filters.medium,
    }


def load_schools(db: Database, filters: Filters) -> pd.DataFrame:
    """The schools chosen, by school number, with place, measures, support category, and
    the names of their LA and consortium in English and Welsh."""
    schools = db.query("network__schools", **_region_params(filters))
    las = db.query("shell__regions").set_index("la_code")
    for column in NAME_COLUMNS:
        schools[column] = schools["la_code"].map(las[column.removeprefix("la_")])
    return schools


def load_ties(db: Database, filters: Filters) -> pd.DataFrame:
    """The ties of the year with both schools among those chosen."""
    return db.query("network__ties", **_region_params(filters))


def load_summary(
    db: Database, filters: Filters, schools: pd.DataFrame, ties_drawn: int
) -> NetworkSummary:
    """The summary of the schools chosen (``schools``, placed by place_schools) and their
    ties, ``ties_drawn`` of them drawn."""
    counts = db.query("network__summary", **_region_params(filters)).iloc[0]
    return NetworkSummary(
        schools=len(schools),
        isolated=int((schools["degree"] == 0).sum()),
        ties=int(counts["ties"]),
        cross_la_ties=int(counts["cross_la_ties"]),
        outside_ties=int(counts["outside_ties"]),
        ties_drawn=ties_drawn,
        unplaced=int((schools["x"].isna() | schools["y"].isna()).sum()),
    )


def place_schools(schools: pd.DataFrame, view: str) -> pd.DataFrame:
    """``schools`` with their position in ``view`` as ``x`` and ``y``: on the map, longitude
    and latitude (NaN where the school has no location)."""
    if view not in VIEWS:
        raise ValueError(f"unknown view {view!r}; known: {', '.join(VIEWS)}")
    return schools.assign(x=schools["longitude"], y=schools["latitude"])


# The names load_schools adds, from the LA's row of shell__regions (name_en...).
NAME_COLUMNS = (
    "la_name_en",
    "la_name_cy",
    "consortium_name_en",
    "consortium_name_cy",
)

# The ways the page draws the network: schools where they are, or in a force layout.
VIEWS = ("map",)

_outlines: OrderedDict[tuple[str, FileIdentity], Outlines] = OrderedDict()
_outlines_lock = threading.Lock()


def load_outlines(db: Database) -> Outlines:
    """The LA boundaries simplified for the map (geometry.build_outlines), worked out once
    per published file: they change only with a refresh."""
    key = (str(db.path), db.identity())
    with _outlines_lock:
        if key in _outlines:
            return _outlines[key]
    geometries = db.query("network__boundaries")["geometry"]
    lon, lat = build_outlines(geometries, MAP_TOLERANCE)
    outlines = Outlines(lon.astype(np.float32), lat.astype(np.float32))
    with _outlines_lock:
        _outlines[key] = outlines
        while len(_outlines) > 4:
            _outlines.popitem(last=False)
    return outlines


def place_ties(ties: pd.DataFrame, schools: pd.DataFrame) -> Segments:
    """The ties as one line of segments: x and y of each tie's two ends followed by NaN,
    so that a single trace draws them all. ``schools`` gives each school's ``x`` and
    ``y`` by ``school_id``; a tie with an end not placed (NaN or absent) is left out."""
    index = pd.Index(schools["school_id"])
    a = index.get_indexer(ties["school_a"])
    b = index.get_indexer(ties["school_b"])
    xs = schools["x"].to_numpy(dtype=float, na_value=np.nan)
    ys = schools["y"].to_numpy(dtype=float, na_value=np.nan)
    found = (a >= 0) & (b >= 0)
    a, b = a[found], b[found]
    placed = ~(np.isnan(xs[a]) | np.isnan(ys[a]) | np.isnan(xs[b]) | np.isnan(ys[b]))
    a, b = a[placed], b[placed]
    gap = np.full(len(a), np.nan)
    return Segments(
        np.column_stack([xs[a], xs[b], gap]).ravel().astype(np.float32),
        np.column_stack([ys[a], ys[b], gap]).ravel().astype(np.float32),
    )


def rank_schools(schools: pd.DataFrame, size: str, limit: int) -> pd.DataFrame:
    """The ``limit`` schools highest on ``size`` (a column: degree or betweenness), ties
    broken by name and then school number."""
    ordered = schools.sort_values([size, "name", "school_id"], ascending=[False, True, True])
    return ordered.head(limit)


def load_network(db: Database, filters: Filters, view: str) -> NetworkData:
    """Everything the network page shows for ``filters`` in ``view`` (map or force)."""
    schools = place_schools(load_schools(db, filters), view)
    segments = place_ties(load_ties(db, filters), schools)
    return NetworkData(
        view=view,
        schools=schools,
        segments=segments,
        summary=load_summary(db, filters, schools, ties_drawn=len(segments)),
        outlines=load_outlines(db),
    )
