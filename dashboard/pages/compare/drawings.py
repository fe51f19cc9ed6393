"""The network of each of the two years, drawn side by side with the network page's own
code (docs/architecture.md: the one crossing of a page into another, listed in
tests/test_rooms.py, until the drawing moves to a shared room).

For Wales, the network of LAs of each year (network/groups.py, group_figure.py), its
lines on one scale for both years, so that a line as wide means as many ties. For
an LA or a consortium, its schools (network/data.py, figures.py) at the same places
in both years: a force layout of the region's ties of either year (network/regional.py),
so that a tie gained or lost is seen against the same picture; the ties lost are
drawn over the earlier year, those gained over the later. Every part takes the view's
filters as the network page does: sector, medium, PLC focus area, the user's scope.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import pandas as pd

from dashboard.access.users import current_scope
from dashboard.core.db import Database
from dashboard.core.filters import Filters
from dashboard.i18n import t
from dashboard.pages.network.data import NetworkData, load_network, place_ties
from dashboard.pages.network.figures import build_network_figure, pack_array
from dashboard.pages.network.group_figure import build_group_figure
from dashboard.pages.network.groups import GroupNetwork, load_group_network
from dashboard.pages.network.regional import lay_out_region_cached

__all__ = ["DRAWING_HEIGHT", "Drawings", "build_drawings", "changed_pairs", "load_drawings"]

Figure = dict[str, object]
# Two drawings side by side: each a little shorter than the network page's one.
DRAWING_HEIGHT = 560
# Ties lost over the earlier year, gained over the later: the compare page's colours
# (figures.STYLE), the lost ones dotted so that colour is not the only cue.
LOST = ("#b3261e", "dot")
GAINED = ("#1e7b34", "solid")


@dataclass(frozen=True)
class Drawings:
    """What the two drawings show: the networks of LAs (for Wales) or the region's
    schools placed alike in both years (``schools``)."""

    earlier: GroupNetwork | NetworkData
    later: GroupNetwork | NetworkData
    # The region's schools are outside the user's scope: none is drawn, and the
    # drawings say why (not that no school matches).
    outside: bool = False


def _in_year(filters: Filters, year: str) -> Filters:
    return replace(filters, year=year, options=())


def _ties_of(data: NetworkData) -> pd.DataFrame:
    segments = data.segments
    return pd.DataFrame(
        {"school_a": segments.school_a, "school_b": segments.school_b, "weight": segments.weight}
    )


def changed_pairs(before: pd.DataFrame, after: pd.DataFrame) -> pd.DataFrame:
    """The ties of ``after`` (school_a, school_b, weight) whose pair is not in ``before``."""
    known = pd.MultiIndex.from_frame(before[["school_a", "school_b"]])
    pairs = pd.MultiIndex.from_frame(after[["school_a", "school_b"]])
    return after[~pairs.isin(known)].reset_index(drop=True)


def _place_alike(
    db: Database, filters: Filters, years: tuple[NetworkData, NetworkData], key: str
) -> tuple[NetworkData, NetworkData]:
    """Both years' schools at the places of one layout of the ties of either year."""
    ties = pd.concat([_ties_of(d) for d in years]).groupby(["school_a", "school_b"]).sum()
    ties = ties.reset_index()
    cache_key = (str(db.path), db.in_service(), "compare", key, replace(filters, options=()))
    placed = []
    for data in years:
        schools = lay_out_region_cached(cache_key, data.schools, ties)
        placed.append(replace(data, schools=schools, segments=place_ties(_ties_of(data), schools)))
    return placed[0], placed[1]


def load_drawings(db: Database, filters: Filters, earlier: str, later: str) -> Drawings:
    """The networks of the two years for ``filters`` (its year and options aside)."""
    if filters.la is None and filters.consortium is None:
        return Drawings(
            load_group_network(db, _in_year(filters, earlier), "la"),
            load_group_network(db, _in_year(filters, later), "la"),
        )
    # Each year's own layout would be thrown away: _place_alike lays out both at once.
    both = (
        load_network(db, _in_year(filters, earlier), "force", regional_layout=False),
        load_network(db, _in_year(filters, later), "force", regional_layout=False),
    )
    first, second = _place_alike(db, filters, both, f"{earlier}|{later}")
    hidden = first.schools.empty and not current_scope().allows(filters.la, filters.consortium)
    return Drawings(first, second, outside=hidden)


def _changed_trace(
    data: NetworkData, ties: pd.DataFrame, style: tuple[str, str], name: str
) -> dict[str, object]:
    segments = place_ties(ties, data.schools)
    colour, dash = style
    return {
        "type": "scatter", "mode": "lines", "name": name, "hoverinfo": "skip",
        "x": pack_array(segments.x, "f4"), "y": pack_array(segments.y, "f4"),
        "line": {"color": colour, "width": 2.5, "dash": dash},
    }  # fmt: skip


def _draw_schools(
    data: NetworkData,
    changed: pd.DataFrame,
    style: tuple[str, str],
    name: str,
    lang: str,
    revision: str,
) -> Figure:
    figure = build_network_figure(data, "la", "degree", lang, revision)
    # Over the ties, under the schools: the schools stay in reach of the pointer.
    ties_end = next(
        (i for i, trace in enumerate(figure["data"]) if trace.get("mode") == "markers"),
        len(figure["data"]),
    )
    figure["data"].insert(ties_end, _changed_trace(data, changed, style, name))
    return figure


def _sized(figure: Figure, outside: str | None = None) -> Figure:
    figure["layout"]["height"] = DRAWING_HEIGHT
    if outside is not None:
        figure["layout"]["annotations"] = [
            {"text": outside, "showarrow": False, "xref": "paper", "yref": "paper"}
        ]
    return figure


def build_drawings(drawings: Drawings, years: tuple[str, str], lang: str) -> tuple[Figure, Figure]:
    """The two figures, the earlier year's first."""
    revision = "|".join(years)
    first, second = drawings.earlier, drawings.later
    if isinstance(first, GroupNetwork) and isinstance(second, GroupNetwork):
        # No pair of groups tied in either year (a sector with no cross-LA tie): the
        # maximum of nothing is NaN, which is not 0 to `or`.
        ties = pd.concat([first.pairs["ties"], second.pairs["ties"]]).dropna()
        top = int(ties.max()) if len(ties) else 0
        return (
            _sized(build_group_figure(first, lang, revision=revision, top=top)),
            _sized(build_group_figure(second, lang, revision=revision, top=top)),
        )
    assert isinstance(first, NetworkData) and isinstance(second, NetworkData)
    before, after = _ties_of(first), _ties_of(second)
    lost, gained = changed_pairs(after, before), changed_pairs(before, after)
    count = {"lost": f"{len(lost):,}", "gained": f"{len(gained):,}"}
    outside = t("compare.drawings_outside", lang) if drawings.outside else None
    return (
        _sized(_draw_schools(first, lost, LOST, t("compare.drawing_lost", lang, ties=count["lost"]),
                             lang, revision), outside),
        _sized(_draw_schools(second, gained, GAINED,
                             t("compare.drawing_gained", lang, ties=count["gained"]), lang,
                             revision), outside),
    )  # fmt: skip
