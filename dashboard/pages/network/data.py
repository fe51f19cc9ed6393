"""The numbers behind the network explorer, read for one view (year, region, kind of school).

Plain functions on a :class:`~dashboard.core.db.Database`, kept apart from
``dashboard/pages/network/page.py`` so that the tests call them without Dash. The SQL is in
``pages/network/queries/*.sql``; everything here works on whole columns (the England
demo has 24,000 schools), never row by row.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import dataclass, field, replace

import numpy as np
import pandas as pd

from dashboard.core.db import Database, FileIdentity
from dashboard.core.filters import Filters
from dashboard.core.geometry import MAP_TOLERANCE, build_outlines
from dashboard.core.refresh_settings import load_refresh_settings
from dashboard.pages.network.groups import GROUP_LEVELS, GroupNetwork, load_group_network
from dashboard.pages.network.regional import lay_out_region_cached
from dashboard.ui.labels import system_has_map
from etl.public import (
    SubgraphMeasures,
    SubgraphSummary,
    load_focus_network,
    measure_subgraph,
)

__all__ = [
    "MAX_SCHOOLS_DRAWN",
    "VIEWS",
    "DrawingRule",
    "NetworkData",
    "NetworkSummary",
    "Outlines",
    "Segments",
    "TieCounts",
    "choose_schools_to_draw",
    "choose_ties_to_draw",
    "keep_segments",
    "load_network",
    "load_outlines",
    "load_rule",
    "load_schools",
    "load_ties",
    "measure_focus",
    "place_schools",
    "place_ties",
    "rank_schools",
    "resolve_view",
    "summarise_network",
]

# The names load_schools adds, from the LA's row of shell__regions (name_en...).
NAME_COLUMNS = (
    "la_name_en",
    "la_name_cy",
    "consortium_name_en",
    "consortium_name_cy",
)

# The ways the page draws the network: "auto" (the default) is the network of LAs for
# Wales and the schools' force layout for a region (resolve_view); "las" and
# "consortia" draw the groups as nodes (groups.py); "force" the schools in a force
# layout (the region's own, regional.py); "map" the schools where they are.
VIEWS = ("auto", "las", "consortia", "force", "map")
SCHOOL_VIEWS = ("force", "map")


# The most schools a view of schools draws (force layout or map). A whole system of
# more (the United States: 130,000) would send the browser 20 MB it cannot draw
# legibly; England's 11,457 stay whole. Above it, the schools with the most ties are
# drawn (choose_schools_to_draw), and the page says so (network.note_schools_drawn).
MAX_SCHOOLS_DRAWN = 12_000


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
    # Of the ties with at least one school shown (ties + outside_ties), those between
    # schools of different LAs: what the overview's cross-LA share counts.
    touching_cross_la_ties: int
    ties_drawn: int
    unplaced: int  # schools shown with no place in the view (no location, on the map)
    # With a PLC focus area, the figures of its subgraph (etl.network.subgraph).
    subgraph: SubgraphSummary | None = None

    @property
    def density(self) -> float | None:
        """Ties among the schools shown over the pairs they could form."""
        pairs = self.schools * (self.schools - 1) / 2
        return self.ties / pairs if pairs else None

    @property
    def cross_la_share(self) -> float | None:
        return self.cross_la_ties / self.ties if self.ties else None

    @property
    def touching_ties(self) -> int:
        """Ties with at least one school shown: between two of them, or leaving them."""
        return self.ties + self.outside_ties

    @property
    def touching_cross_la_share(self) -> float | None:
        """Of the ties with at least one school shown, the share crossing LA lines: the
        overview's cross-LA share (overview__yearly), the regions page's external ties
        over all ties of an LA."""
        touching = self.touching_ties
        return self.touching_cross_la_ties / touching if touching else None


@dataclass(frozen=True)
class TieCounts:
    """The year's ties of the schools chosen: between two of them, of those crossing LA
    lines, and from one of them to a school not chosen."""

    ties: int
    cross_la_ties: int
    outside_ties: int
    touching_cross_la_ties: int


@dataclass(frozen=True)
class DrawingRule:
    """Which ties are drawn: ``all`` of ``ties_total``, or the ``strongest``
    ``max_ties_drawn`` of them, the weakest drawn through ``min_weight_drawn`` PLCs."""

    rule: str
    ties_total: int
    ties_drawn: int
    max_ties_drawn: int
    min_weight_drawn: int | None


@dataclass(frozen=True)
class Segments:
    """Ties as one line: x and y of each tie's two ends, then NaN (see place_ties); and
    per tie its weight (PLCs shared) and its two schools, to draw the ties by weight
    and a school's own ties apart."""

    x: np.ndarray
    y: np.ndarray
    weight: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    school_a: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    school_b: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))

    def __len__(self) -> int:
        return len(self.x) // 3


@dataclass(frozen=True)
class NetworkData:
    """What the network page shows for one view: schools with their measures and their
    position in the view (``x``, ``y``: longitude and latitude on the map, the force
    layout's coordinates otherwise; NaN when not placed), the ties drawn among them,
    the summary, the LA outlines and how the ties drawn were chosen. With a PLC
    focus area (``focus``), degree, betweenness and communities are those of the
    focus area's subgraph."""

    view: str
    schools: pd.DataFrame
    segments: Segments
    summary: NetworkSummary
    outlines: Outlines
    rule: DrawingRule
    focus: str | None = None
    # In the views of groups ("las", "consortia"): the network of the groups.
    groups: GroupNetwork | None = None
    # The rows of ``schools`` drawn, when there are more placed than MAX_SCHOOLS_DRAWN
    # (choose_schools_to_draw); None when every school placed is drawn.
    drawn: np.ndarray | None = None

    def drawn_schools(self) -> pd.DataFrame:
        """The schools the figure draws: every one, or the MAX_SCHOOLS_DRAWN chosen."""
        if self.drawn is None:
            return self.schools
        return self.schools.iloc[self.drawn].reset_index(drop=True)

    def drawn_segments(self) -> Segments:
        """The ties the figure draws: those with both schools drawn."""
        if self.drawn is None:
            return self.segments
        return keep_segments(self.segments, self.schools["school_id"].to_numpy()[self.drawn])


def resolve_view(view: str, filters: Filters) -> str:
    """The view drawn for ``view`` (one of VIEWS): "auto" is the network of LAs for the
    whole of Wales and the schools' own force layout for an LA or a consortium."""
    if view == "map" and not system_has_map("locations"):
        return "force"  # a system without locations has no map: the force layout
    if view != "auto":
        return view
    return "las" if filters.la is None and filters.consortium is None else "force"


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


def load_ties(db: Database, filters: Filters) -> tuple[pd.DataFrame, TieCounts]:
    """The ties drawn between two schools chosen (school_a, school_b, weight), and the
    counts of all the year's ties of the schools chosen."""
    found = db.query("network__ties", **_region_params(filters))
    first = found.iloc[0]
    counts = TieCounts(
        ties=int(first["ties"]),
        cross_la_ties=int(first["cross_la_ties"]),
        outside_ties=int(first["outside_ties"]),
        touching_cross_la_ties=int(first["touching_cross_la_ties"]),
    )
    drawn = found.dropna(subset=["school_a"])[["school_a", "school_b", "weight"]]
    return drawn.astype("int64").reset_index(drop=True), counts


def summarise_network(schools: pd.DataFrame, counts: TieCounts, ties_drawn: int) -> NetworkSummary:
    """The summary of the schools chosen (``schools``, placed by place_schools) and their
    ties in the whole network of the year (``counts``), ``ties_drawn`` of them drawn."""
    return NetworkSummary(
        schools=len(schools),
        isolated=int((schools["degree"] == 0).sum()),
        ties=counts.ties,
        cross_la_ties=counts.cross_la_ties,
        outside_ties=counts.outside_ties,
        touching_cross_la_ties=counts.touching_cross_la_ties,
        ties_drawn=ties_drawn,
        unplaced=_count_unplaced(schools),
    )


def _count_unplaced(schools: pd.DataFrame) -> int:
    return int((schools["x"].isna() | schools["y"].isna()).sum())


def load_rule(db: Database, year: str) -> DrawingRule:
    """How the ties of ``year`` are drawn (net_drawing_rules)."""
    found = db.query("network__drawing", year=year)
    if found.empty:
        # No ties that year: the cap is still the one this database was drawn with.
        return DrawingRule("all", 0, 0, load_refresh_settings(db).max_ties_drawn, None)
    row = found.iloc[0]
    weakest = row["min_weight_drawn"]
    return DrawingRule(
        rule=str(row["rule"]),
        ties_total=int(row["ties_total"]),
        ties_drawn=int(row["ties_drawn"]),
        max_ties_drawn=int(row["max_ties_drawn"]),
        min_weight_drawn=None if pd.isna(weakest) else int(weakest),
    )


def measure_focus(db: Database, filters: Filters) -> SubgraphMeasures:
    """The subgraph of the schools chosen and the ties through PLCs of the focus area:
    for the whole system, as the ETL measured it (etl.network.load_focus_network);
    for a region, measured per request (etl.network.measure_subgraph). Cached.

    Its schools and ties are those of the user's scope only; its summary is the
    subgraph's, an aggregate like the regions page's.
    """
    return _keep_visible(db, _measure_subgraph(db, filters))


def _keep_visible(db: Database, found: SubgraphMeasures) -> SubgraphMeasures:
    # The ETL's measures know nothing of users: keep the schools of the user's scope,
    # and the ties between two of them.
    visible = db.query("network__visible")["school_id"]
    ties = found.ties
    kept = ties["school_a"].isin(visible) & ties["school_b"].isin(visible)
    return replace(
        found,
        schools=found.schools[found.schools["school_id"].isin(visible)].reset_index(drop=True),
        ties=ties[kept].reset_index(drop=True),
    )


def _measure_subgraph(db: Database, filters: Filters) -> SubgraphMeasures:
    if _whole_system(filters):
        return db.call(load_focus_network, year=filters.year, focus_area=filters.focus)
    return db.call(
        measure_subgraph,
        year=filters.year,
        la=filters.la,
        consortium=filters.consortium,
        sector=filters.sector,
        language_medium=filters.medium,
        focus_area=filters.focus,
    )


def _whole_system(filters: Filters) -> bool:
    return all(
        value is None for value in (filters.consortium, filters.la, filters.sector, filters.medium)
    )


def _take_subgraph_measures(schools: pd.DataFrame, found: pd.DataFrame) -> pd.DataFrame:
    """``schools`` with degree, weighted degree, betweenness and community of the subgraph."""
    measures = found.set_index("school_id")
    taken = schools.copy()
    for column in ("degree", "weighted_degree", "betweenness", "community_id"):
        taken[column] = taken["school_id"].map(measures[column])
    return taken


def _spread(ties: pd.DataFrame) -> np.ndarray:
    # A fixed multiplicative hash of the two school numbers: a tie-break that never
    # depends on chance yet does not favour the lowest school numbers.
    a = ties["school_a"].to_numpy(dtype=np.uint64)
    b = ties["school_b"].to_numpy(dtype=np.uint64)
    return (a * np.uint64(0x9E3779B1) + b * np.uint64(0x85EBCA77)) & np.uint64(0xFFFFFFFF)


def choose_ties_to_draw(ties: pd.DataFrame, cap: int) -> tuple[pd.DataFrame, DrawingRule]:
    """The ties to draw of a subgraph's ``ties``: all of them up to ``cap`` (the
    database's max_ties_drawn, refresh_settings), else the ``cap`` strongest by weight
    (equal weights in the order of a fixed hash of the pair), as net_edges_drawn
    chooses the whole network's."""
    if len(ties) <= cap:
        weakest = int(ties["weight"].min()) if len(ties) else None
        return ties, DrawingRule("all", len(ties), len(ties), cap, weakest)
    order = np.lexsort((_spread(ties), -ties["weight"].to_numpy()))[:cap]
    drawn = ties.iloc[np.sort(order)]
    rule = DrawingRule("strongest", len(ties), cap, cap, int(drawn["weight"].min()))
    return drawn, rule


def choose_schools_to_draw(schools: pd.DataFrame, cap: int | None = None) -> np.ndarray | None:
    """The rows of ``schools`` (placed by place_schools) to draw: None (all) when at most
    ``cap`` (MAX_SCHOOLS_DRAWN unless given) are placed; else the ``cap`` placed schools
    with the most ties (degree), equal degrees by school number, in the frame's order.
    Schools not placed are never drawn either way."""
    cap = MAX_SCHOOLS_DRAWN if cap is None else cap
    placed = np.flatnonzero(~(schools["x"].isna() | schools["y"].isna()).to_numpy())
    if len(placed) <= cap:
        return None
    degree = schools["degree"].to_numpy(dtype=float, na_value=0)[placed]
    number = schools["school_id"].to_numpy(dtype=np.int64)[placed]
    return np.sort(placed[np.lexsort((number, -degree))[:cap]])


def keep_segments(segments: Segments, school_ids: np.ndarray) -> Segments:
    """The ties of ``segments`` with both schools among ``school_ids``."""
    kept = np.isin(segments.school_a, school_ids) & np.isin(segments.school_b, school_ids)
    rows = (np.flatnonzero(kept)[:, None] * 3 + np.arange(3)).ravel()
    return Segments(
        segments.x[rows],
        segments.y[rows],
        weight=segments.weight[kept],
        school_a=segments.school_a[kept],
        school_b=segments.school_b[kept],
    )


def _ties_drawn(segments: Segments, schools: pd.DataFrame, drawn: np.ndarray | None) -> int:
    if drawn is None:
        return len(segments)
    return len(keep_segments(segments, schools["school_id"].to_numpy()[drawn]))


_outlines: OrderedDict[tuple[str, FileIdentity], Outlines] = OrderedDict()
_outlines_lock = threading.Lock()


def load_outlines(db: Database) -> Outlines:
    """The LA boundaries simplified for the map (geometry.build_outlines), worked out once
    per published file: they change only with a refresh."""
    key = (str(db.path), db.in_service())
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


def place_schools(schools: pd.DataFrame, view: str) -> pd.DataFrame:
    """``schools`` with their position in ``view`` as ``x`` and ``y``: on the map, longitude
    and latitude (NaN where the school has no location); in the force layout, its
    coordinates in net_layout."""
    if view == "map":
        return schools.assign(x=schools["longitude"], y=schools["latitude"])
    if view == "force":
        return schools.assign(x=schools["layout_x"], y=schools["layout_y"])
    raise ValueError(f"unknown view {view!r}; known: {', '.join(VIEWS)}")


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
    kept = np.flatnonzero(found)[placed]
    ids = schools["school_id"].to_numpy(dtype=np.int64)
    return Segments(
        np.column_stack([xs[a], xs[b], gap]).ravel().astype(np.float32),
        np.column_stack([ys[a], ys[b], gap]).ravel().astype(np.float32),
        # A tie without a weight given counts as one PLC shared.
        weight=(ties["weight"] if "weight" in ties else pd.Series(1, index=ties.index)).to_numpy(
            dtype=np.int64
        )[kept],
        school_a=ids[a],
        school_b=ids[b],
    )


def rank_schools(schools: pd.DataFrame, size: str, limit: int) -> pd.DataFrame:
    """The ``limit`` schools highest on ``size`` (a column: degree or betweenness), ties
    broken by name and then school number."""
    values = schools[size].to_numpy(dtype=float, na_value=-np.inf)
    if len(values) > limit:
        # Only the rows at or above the limit-th highest value can be among the first:
        # sorting every column of a whole country's schools cost most of the table.
        threshold = np.partition(values, len(values) - limit)[len(values) - limit]
        schools = schools[values >= threshold]
    ordered = schools.sort_values([size, "name", "school_id"], ascending=[False, True, True])
    return ordered.head(limit)


def _focus_summary(
    found: SubgraphMeasures, schools: pd.DataFrame, ties_drawn: int
) -> NetworkSummary:
    return NetworkSummary(
        schools=len(schools),
        isolated=int((schools["degree"] == 0).sum()),
        ties=found.summary.n_ties,
        cross_la_ties=int(found.ties["cross_la"].sum()),
        outside_ties=found.summary.external_ties,
        # The subgraph's E-I index counts every tie with a school in the region.
        touching_cross_la_ties=found.summary.ties_across_la,
        ties_drawn=ties_drawn,
        unplaced=_count_unplaced(schools),
        subgraph=found.summary,
    )


def _lay_out(
    db: Database,
    filters: Filters,
    schools: pd.DataFrame,
    ties: pd.DataFrame,
    view: str,
    regional: bool = True,
) -> pd.DataFrame:
    """The schools placed in ``view``: in the force layout of an LA or a consortium, a
    layout of its own (regional.py), kept per file and selection, unless not
    ``regional``; else the year's layout of all of Wales (net_layout), which a sector
    or medium only thins out."""
    whole = filters.la is None and filters.consortium is None
    if view != "force" or whole or not regional:
        return place_schools(schools, view)
    key = (str(db.path), db.in_service(), replace(filters, options=()))
    return lay_out_region_cached(key, schools, ties)


def load_network(
    db: Database, filters: Filters, view: str, regional_layout: bool = True
) -> NetworkData:
    """Everything the network page shows for ``filters`` in ``view`` (one of VIEWS).

    Without a PLC focus area: the whole network's measures (net_school_metrics) and
    the year's drawn ties (net_edges_drawn). With one: the focus area's subgraph,
    measured for this request. In the views of groups, the network of the groups
    besides (its schools placed in the force layout, for the figures beside it).

    Worked out once per published file, user's scope, selection and view
    (Database.derive): the page's view callback, its router and its four CSVs all
    ask for it. The NetworkData returned is shared: do not change its frames.

    Without ``regional_layout``, a region's schools keep their places in the year's
    layout of the whole system, for a caller that places them itself (the compare
    page lays out both years' ties at once): a region's own layout is the costliest
    part of a view of schools.
    """
    view = resolve_view(view, filters)
    selection = replace(filters, options=())
    return db.derive(
        lambda: _load_network(db, filters, view, regional_layout),
        "network",
        selection,
        view,
        regional_layout,
    )


def _load_network(
    db: Database, filters: Filters, view: str, regional_layout: bool = True
) -> NetworkData:
    groups = load_group_network(db, filters, GROUP_LEVELS[view]) if view in GROUP_LEVELS else None
    placement = view if view in SCHOOL_VIEWS else "force"
    schools = load_schools(db, filters)
    if filters.focus is None:
        ties, counts = load_ties(db, filters)
        schools = _lay_out(db, filters, schools, ties, placement, regional_layout)
        segments = place_ties(ties, schools)
        drawn = choose_schools_to_draw(schools) if groups is None else None
        return NetworkData(
            view=view,
            schools=schools,
            segments=segments,
            summary=summarise_network(
                schools, counts, ties_drawn=_ties_drawn(segments, schools, drawn)
            ),
            outlines=load_outlines(db),
            rule=load_rule(db, filters.year),
            groups=groups,
            drawn=drawn,
        )
    found = measure_focus(db, filters)
    ties, rule = choose_ties_to_draw(found.ties, load_refresh_settings(db).max_ties_drawn)
    schools = _lay_out(
        db,
        filters,
        _take_subgraph_measures(schools, found.schools),
        ties,
        placement,
        regional_layout,
    )
    segments = place_ties(ties, schools)
    drawn = choose_schools_to_draw(schools) if groups is None else None
    return NetworkData(
        view=view,
        schools=schools,
        segments=segments,
        summary=_focus_summary(found, schools, _ties_drawn(segments, schools, drawn)),
        outlines=load_outlines(db),
        rule=rule,
        focus=filters.focus,
        groups=groups,
        drawn=drawn,
    )
