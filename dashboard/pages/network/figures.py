"""The network explorer's figure: schools as points over LA outlines, ties as one line.

Every trace is a plain ``scatter`` (SVG; the pages load plotly's cartesian bundle
only, assets/plotly-cartesian-*.min.js, which has no WebGL traces) and the
numbers go as typed arrays: the ties
are a single trace of segments separated by gaps (network_data.place_ties), and
each group of schools (an LA, a support category...) is one trace, named in the
legend, so that the colour is never the only cue.
"""

from __future__ import annotations

import base64
import copy
import math
from collections.abc import Mapping
from dataclasses import dataclass, replace
from functools import cache

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from dashboard.i18n import t
from dashboard.pages.network.data import NetworkData
from dashboard.pages.network.regional import ISOLATES_TOP, SHELF_STEP
from dashboard.ui.figures import CATEGORY_STYLE, INK, style_figure
from dashboard.ui.labels import (
    BROKER_ROLES,
    CATEGORIES,
    label_broker_role,
    label_category,
    level_words,
    system_has_outcome,
)

__all__ = [
    "COLOURS",
    "COMMUNITIES_NAMED",
    "ROLES",
    "SIZES",
    "Group",
    "build_network_figure",
    "copy_styled_layout",
    "group_schools",
    "label_role",
    "pack_array",
    "scale_sizes",
]

# What the schools can be coloured and sized by (the page's pickers; the first is the default).
COLOURS = ("la", "consortium", "category", "community", "role")

# Main brokerage roles (network__schools.sql) in the legend's order; "none" for a
# school that brokers no pair.
ROLES = (*BROKER_ROLES, "none")
SIZES = ("degree", "betweenness")

# Communities are many and numbered by size: the largest have a colour each, the rest share one.
COMMUNITIES_NAMED = 10
# So with LAs and consortia: no colour repeats within a legend. The NAMED_GROUPS with the
# most schools shown have one each; the rest share MUTED as one group, named as such.
NAMED_GROUPS = 10

# Colours with a contrast of at least 3:1 on white (WCAG 1.4.11), one per named group
# (NAMED_GROUPS at most, so none repeats in a legend), with symbols as a second cue;
# each group also has a legend name. SELECTED (the ties of the school picked) and
# MUTED (the other groups) are neither of them.
PALETTE = (
    "#1d5c96",
    "#15803d",
    "#7e22ce",
    "#be123c",
    "#0e7490",
    "#854d0e",
    "#4d7c0f",
    "#a21caf",
    "#b45309",
    "#1e293b",
)
SYMBOLS = ("circle", "square", "diamond", "triangle-up", "cross")
# Support categories differ by symbol as well as by their colour (figures.CATEGORY_STYLE).
CATEGORY_SYMBOLS = dict(
    zip(CATEGORIES, ("circle", "square", "diamond", "triangle-up"), strict=True)
)
MUTED = "#6b7178"  # the "other" groups, and LA outlines: 4.9:1 on white
TIE_COLOUR = "rgba(74, 79, 85, 0.35)"

# Marker diameters in pixels: the smallest school, and the largest on the size measure.
SMALLEST, LARGEST = 5.0, 18.0


@dataclass(frozen=True)
class Group:
    """One legend entry: the positions of its schools in the frame (``rows``), its name and
    its style."""

    name: str
    rows: np.ndarray
    colour: str
    symbol: str


def _styled(index: int) -> tuple[str, str]:
    return PALETTE[index % len(PALETTE)], SYMBOLS[index % len(SYMBOLS)]


def _rows(mask: np.ndarray) -> np.ndarray:
    return np.flatnonzero(mask)


def _name_others(level: str, count: int, named: int, lang: str) -> str:
    if level == "la":
        return t("network.other_las", lang, **level_words(lang), count=count, named=named)
    return t("network.other_consortia", lang, **level_words(lang), count=count, named=named)


def _group_by_names(names: pd.Series, level: str, lang: str) -> list[Group]:
    """A group per name, by name; beyond NAMED_GROUPS names, those with the fewest
    schools (equal counts: the later name) share one "other" group, named as such."""
    # One pass to number the names; then each group is a comparison of integers.
    codes, uniques = pd.factorize(names.to_numpy(dtype=object, na_value=None))
    counts = np.bincount(codes[codes >= 0], minlength=len(uniques))
    by_size = sorted(range(len(uniques)), key=lambda i: (-counts[i], str(uniques[i]).casefold()))
    named = by_size[:NAMED_GROUPS] if len(uniques) > NAMED_GROUPS else by_size
    order = sorted(named, key=lambda i: str(uniques[i]).casefold())
    groups = []
    for index, code in enumerate(order):
        colour, symbol = _styled(index)
        groups.append(Group(str(uniques[code]), _rows(codes == code), colour, symbol))
    if len(named) < len(uniques):
        rest = _rows(~np.isin(codes, named))
        name = _name_others(level, len(uniques) - len(named), len(named), lang)
        groups.append(Group(name, rest, MUTED, "circle"))
    return groups


def _group_categories(schools: pd.DataFrame, lang: str) -> list[Group]:
    category = schools["support_category"].to_numpy(dtype=object, na_value=None)
    groups = [
        Group(label_category(c, lang), _rows(category == c), CATEGORY_STYLE[c][0], symbol)
        for c, symbol in CATEGORY_SYMBOLS.items()
    ]
    uncategorised = _rows(pd.isna(category))
    groups.append(Group(t("network.category_none", lang), uncategorised, MUTED, "x"))
    return [g for g in groups if len(g.rows)]


def _group_communities(schools: pd.DataFrame, lang: str) -> list[Group]:
    community = schools["community_id"].to_numpy(dtype=float, na_value=np.nan)
    found, counts = np.unique(community[~np.isnan(community)], return_counts=True)
    # Largest first; equal sizes by community number.
    ranked = [c for _, c in sorted(zip(-counts, found, strict=True))][:COMMUNITIES_NAMED]
    groups = []
    for index, community_id in enumerate(ranked):
        colour, symbol = _styled(index)
        name = t("network.community", lang, number=int(community_id))
        groups.append(Group(name, _rows(community == community_id), colour, symbol))
    isolated = np.isnan(community)
    others = ~isolated & ~np.isin(community, ranked)
    groups.append(Group(t("network.community_other", lang), _rows(others), MUTED, "circle"))
    groups.append(Group(t("network.community_none", lang), _rows(isolated), INK, "x"))
    return [g for g in groups if len(g.rows)]


def label_role(role: str, lang: str) -> str:
    """The name of a main brokerage role (one of ROLES): labels.label_broker_role, or
    "Not a broker"."""
    if role == "none":
        return t("network.role_none", lang)
    return label_broker_role(role, lang)


def _group_roles(schools: pd.DataFrame, lang: str) -> list[Group]:
    role = schools["broker_role"].to_numpy(dtype=object, na_value=None)
    groups = []
    for index, name in enumerate(ROLES[:-1]):
        colour, symbol = PALETTE[index], SYMBOLS[index]
        groups.append(Group(label_role(name, lang), _rows(role == name), colour, symbol))
    groups.append(Group(label_role("none", lang), _rows(role == "none"), MUTED, "circle"))
    return [g for g in groups if len(g.rows)]


def group_schools(schools: pd.DataFrame, colour: str, lang: str) -> list[Group]:
    """The legend's groups for ``colour`` (one of COLOURS), in legend order; every school
    is in exactly one group."""
    suffix = "_cy" if lang == "cy" else "_en"
    if colour == "la":
        return _group_by_names(schools[f"la_name{suffix}"], "la", lang)
    if colour == "consortium":
        return _group_by_names(schools[f"consortium_name{suffix}"], "consortium", lang)
    if colour == "category":
        return _group_categories(schools, lang)
    if colour == "community":
        return _group_communities(schools, lang)
    if colour == "role":
        return _group_roles(schools, lang)
    raise ValueError(f"unknown colour {colour!r}; known: {', '.join(COLOURS)}")


def scale_sizes(values: pd.Series) -> np.ndarray:
    """Marker diameters: SMALLEST for 0, LARGEST for the largest value, the area in
    proportion to the value in between (a square root), so that big is not overstated."""
    numbers = values.astype(float).fillna(0).clip(lower=0).to_numpy()
    top = numbers.max() if len(numbers) else 0
    if top <= 0:
        return np.full(len(numbers), SMALLEST)
    return SMALLEST + (LARGEST - SMALLEST) * np.sqrt(numbers / top)


@dataclass(frozen=True)
class _Points:
    """Each school's numbers as arrays, taken from the frame once for all the groups."""

    x: np.ndarray
    y: np.ndarray
    custom: np.ndarray
    names: np.ndarray
    categories: np.ndarray
    sizes: np.ndarray


def _list_figures(schools: pd.DataFrame) -> np.ndarray:
    """Each school's number and figures as a plain row, [school, degree, betweenness
    (3 significant figures, as the hover shows it), PLCs]: dcc.Graph passes a clicked
    point's customdata to callbacks only from plain lists, not from typed arrays, and
    rounded numbers are about as short as base64 floats. A two-dimensional array of
    Python numbers: a trace's rows of it turn into lists at once."""
    figures = np.empty((len(schools), 4), dtype=object)
    figures[:, 0] = schools["school_id"].astype(int).tolist()
    figures[:, 1] = schools["degree"].astype(int).tolist()
    figures[:, 2] = [float(f"{value:.3g}") for value in schools["betweenness"].astype(float)]
    figures[:, 3] = schools["n_plcs"].astype(int).tolist()
    return figures


def _take_points(schools: pd.DataFrame, size: str, lang: str) -> _Points:
    labels = {c: label_category(c, lang) for c in CATEGORIES}
    categories = schools["support_category"].map(labels).fillna(t("network.category_none", lang))
    return _Points(
        x=schools["x"].to_numpy(dtype=np.float32, na_value=np.nan),
        y=schools["y"].to_numpy(dtype=np.float32, na_value=np.nan),
        custom=_list_figures(schools),
        names=schools["name"].to_numpy(dtype=object),
        categories=categories.to_numpy(dtype=object),
        sizes=np.rint(scale_sizes(schools[size])),
    )


def _hover_template(colour: str, lang: str) -> str:
    """Name, the school's group (its trace's meta), its support category by name (unless
    that is the group), then its figures."""
    lines = [
        "<b>%{text}</b>",
        "%{meta}",
        f"{t('network.degree', lang)}: %{{customdata[1]:,.0f}}",
        f"{t('network.betweenness', lang)}: %{{customdata[2]:.3g}}",
        f"{t('network.plcs', lang)}: %{{customdata[3]:,.0f}}",
    ]
    if _hovers_category(colour):
        lines.insert(2, "%{hovertext}")
    return "<br>".join(lines) + "<extra></extra>"


def _hovers_category(colour: str) -> bool:
    """Whether a school's hover names its support category: not when the colour is the
    category already, nor in a system without categories, where every school would say
    "no support category" (England: a tenth of the figure's bytes)."""
    return colour != "category" and system_has_outcome("support_category")


def pack_array(values: np.ndarray, dtype: str) -> dict[str, str] | list[object]:
    """A numeric array (one or two dimensions) as plotly.js's typed-array spec: its
    little-endian bytes in base64, a quarter of the size of JSON numbers for float32.
    An empty array stays an empty list."""
    array = np.ascontiguousarray(values, dtype=np.dtype(dtype).newbyteorder("<"))
    if array.size == 0:
        return []
    spec = {"dtype": dtype, "bdata": base64.b64encode(array.tobytes()).decode("ascii")}
    if array.ndim == 2:
        spec["shape"] = f"{array.shape[0]}, {array.shape[1]}"
    return spec


Trace = dict[str, object]


def _build_school_trace(group: Group, points: _Points, colour: str, lang: str) -> Trace:
    rows = group.rows
    trace: Trace = {
        "type": "scatter",
        "mode": "markers",
        "x": pack_array(points.x[rows], "f4"),
        "y": pack_array(points.y[rows], "f4"),
        "name": f"{group.name} ({len(rows):,})",
        "meta": group.name,
        "text": points.names[rows].tolist(),
        "customdata": points.custom[rows].tolist(),
        "hovertemplate": _hover_template(colour, lang),
        "marker": {
            "color": group.colour,
            "symbol": group.symbol,
            "size": pack_array(points.sizes[rows], "u1"),
            "line": {"color": INK, "width": 0.5},
            "opacity": 0.9,
        },
    }
    if _hovers_category(colour):
        trace["hovertext"] = points.categories[rows].tolist()
    return trace


def _build_outline_trace(data: NetworkData, lang: str) -> Trace:
    return {
        "type": "scatter",
        "mode": "lines",
        "x": pack_array(data.outlines.lon, "f4"),
        "y": pack_array(data.outlines.lat, "f4"),
        "name": t("network.outlines", lang, **level_words(lang)),
        "line": {"color": MUTED, "width": 1},
        "hoverinfo": "skip",
        "showlegend": False,
    }


# Ties drawn by weight (PLCs the two schools share): faint for one, stronger for more;
# one trace per band, each a single line of segments.
TIE_BANDS = (
    (1, 1, "rgba(74, 79, 85, 0.22)", 0.7),
    (2, 2, "rgba(74, 79, 85, 0.35)", 1.2),
    (3, None, "rgba(27, 31, 35, 0.6)", 2.0),
)
SELECTED = "#c2410c"  # the ties of the school picked: 4.6:1 on white


def _segment_rows(chosen: np.ndarray) -> np.ndarray:
    """The rows of the segments' x and y (three per tie) of the ties ``chosen``."""
    return (np.flatnonzero(chosen)[:, None] * 3 + np.arange(3)).ravel()


def _band_name(low: int, high: int | None, count: int, lang: str) -> str:
    shown = f"{count:,}"
    if high is None:
        return t("network.ties_band_more", lang, **level_words(lang), plcs=low, ties=shown)
    if low == 1:
        return t("network.ties_band_one", lang, **level_words(lang), ties=shown)
    return t("network.ties_band", lang, **level_words(lang), plcs=low, ties=shown)


def _build_tie_traces(data: NetworkData, lang: str) -> list[Trace]:
    """The ties drawn, one trace per band of TIE_BANDS that has any; with no weights
    known (no tie drawn), one empty trace, so that the legend still names the ties."""
    segments = data.segments
    weight = segments.weight
    if len(weight) != len(segments):
        weight = np.ones(len(segments), dtype=np.int64)
    traces = []
    for low, high, colour, width in TIE_BANDS:
        chosen = (weight >= low) & (weight <= (high if high is not None else weight.max(initial=0)))
        if not chosen.any():
            continue
        rows = _segment_rows(chosen)
        traces.append(
            {
                "type": "scatter",
                "mode": "lines",
                "x": pack_array(segments.x[rows], "f4"),
                "y": pack_array(segments.y[rows], "f4"),
                "name": _band_name(low, high, int(chosen.sum()), lang),
                "line": {"color": colour, "width": width},
                "hoverinfo": "skip",
            }
        )
    if not traces:
        traces.append({"type": "scatter", "mode": "lines", "x": [], "y": [],
                       "name": t("network.ties_legend", lang, ties="0"), "hoverinfo": "skip",
                       "line": {"color": TIE_BANDS[0][2], "width": 1}})  # fmt: skip
    return traces


def _build_selected_traces(data: NetworkData, selected: int | None, lang: str) -> list[Trace]:
    """The school picked, ringed, and its ties drawn strongly on top: none when no school
    is picked or it is not among the schools placed."""
    if selected is None:
        return []
    schools = data.schools
    row = schools[schools["school_id"] == selected]
    if row.empty or row[["x", "y"]].isna().any(axis=None):
        return []
    segments = data.segments
    chosen = (segments.school_a == selected) | (segments.school_b == selected)
    rows = _segment_rows(chosen)
    name = str(row["name"].iloc[0])
    ties = {
        "type": "scatter",
        "mode": "lines",
        "x": pack_array(segments.x[rows], "f4"),
        "y": pack_array(segments.y[rows], "f4"),
        "name": t("network.selected_ties", lang, school=name, ties=f"{int(chosen.sum()):,}"),
        "line": {"color": SELECTED, "width": 2.5},
        "hoverinfo": "skip",
    }
    ring = {
        "type": "scatter",
        "mode": "markers",
        "x": [float(row["x"].iloc[0])],
        "y": [float(row["y"].iloc[0])],
        "name": t("network.selected_school", lang, school=name),
        "text": [name],
        "hovertemplate": "<b>%{text}</b><extra></extra>",
        "marker": {"color": SELECTED, "size": 22, "symbol": "circle-open",
                   "line": {"color": SELECTED, "width": 3}},
    }  # fmt: skip
    return [ties, ring]


@cache
def _styled_layout() -> dict[str, object]:
    """The house style (figures.style_figure) as a plain layout, built once: plotly's
    objects take longer to build than the rest of the figure."""
    figure = style_figure(go.Figure(), height=680)
    figure.update_layout(
        margin={"l": 8, "r": 8, "t": 8, "b": 8},
        # The legend below the drawing: beside it, it leaves a phone's screen no room.
        legend={
            "itemsizing": "constant",
            "orientation": "h",
            "x": 0,
            "xanchor": "left",
            "y": 0,
            "yanchor": "top",
        },
        hovermode="closest",
        dragmode="pan",
    )
    # Plain axes without ticks or grid: the map and the layout have no scale to read.
    plain = {"type": "linear", "visible": False, "showgrid": False, "zeroline": False}
    figure.update_xaxes(**plain, constrain="domain")
    figure.update_yaxes(**plain)
    return figure.to_plotly_json()["layout"]


def copy_styled_layout() -> dict[str, object]:
    """The styled layout to change for one figure: its top level and the parts figures
    change (legend, axes) copied; the rest, its template above all, shared and never
    changed (a deep copy of the whole took 50 ms a figure)."""
    styled = _styled_layout()
    layout = dict(styled)
    for part in ("legend", "xaxis", "yaxis"):
        layout[part] = copy.deepcopy(styled[part])
    return layout


def _frame_axes(layout: dict[str, object], schools: pd.DataFrame, view: str) -> None:
    """Fit the axes to the schools, one unit of x as long as one of y on the ground: on
    the map a degree of latitude is 1/cos(latitude) degrees of longitude."""
    placed = schools.dropna(subset=["x", "y"])
    if placed.empty:
        return
    x, y = placed["x"].astype(float), placed["y"].astype(float)
    pad_x = max((x.max() - x.min()) * 0.05, 0.05)
    pad_y = max((y.max() - y.min()) * 0.05, 0.05)
    ratio = 1 / math.cos(math.radians((y.min() + y.max()) / 2)) if view == "map" else 1
    layout["xaxis"]["range"] = [x.min() - pad_x, x.max() + pad_x]
    layout["yaxis"].update(
        range=[y.min() - pad_y, y.max() + pad_y], scaleanchor="x", scaleratio=ratio
    )


def _label_shelf(data: NetworkData, lang: str) -> list[dict[str, object]]:
    """A heading over the shelf of a region's schools without a tie in it (regional.py),
    when the layout has one."""
    if data.view != "force":
        return []
    shelved = int((data.schools["y"] <= ISOLATES_TOP + 1e-6).sum())
    if shelved == 0:
        return []
    return [{"text": t("network.shelf", lang, schools=f"{shelved:,}"), "showarrow": False,
             "x": 0, "y": ISOLATES_TOP + SHELF_STEP * 0.8, "xref": "x", "yref": "y",
             "font": {"color": INK, "size": 13}}]  # fmt: skip


def _build_layout(data: NetworkData, colour: str, lang: str, revision: str) -> dict[str, object]:
    layout = copy_styled_layout()
    layout["legend"]["title"] = {"text": _legend_title(colour, lang), "side": "top"}
    layout["uirevision"] = revision
    _frame_axes(layout, data.schools, data.view)
    layout["annotations"] = _label_shelf(data, lang)
    if data.schools.empty:
        layout["annotations"] = [
            {"text": t("network.empty", lang), "showarrow": False, "xref": "paper", "yref": "paper"}
        ]
    return layout


def build_network_figure(
    data: NetworkData,
    colour: str,
    size: str,
    lang: str,
    revision: str = "",
    selected: int | None = None,
) -> dict[str, object]:
    """The schools of ``data`` coloured by ``colour`` and sized by ``size`` (a column:
    degree or betweenness), their ties beneath by weight, on the map the LA outlines,
    and the ties of the school ``selected`` (a school number) on top: a plotly
    figure as a dict, ready for dcc.Graph.

    The traces are written as plain dicts with typed arrays (pack_array): building
    plotly objects would validate each of the 150 traces an England-sized LA colouring
    has, a second or more. ``revision`` keeps the user's zoom while it stays the same
    (plotly's uirevision): pass what changes with the schools shown, not with colour
    or size.
    """
    full = data
    # Above MAX_SCHOOLS_DRAWN schools, those chosen and the ties between them (the
    # school picked is ringed, with all its ties, whether drawn or not).
    data = replace(full, schools=full.drawn_schools(), segments=full.drawn_segments(), drawn=None)
    schools = data.schools
    traces = []
    if data.view == "map" and len(data.outlines.lon):
        traces.append(_build_outline_trace(data, lang))
    traces += _build_tie_traces(data, lang)
    points = _take_points(schools, size, lang)
    traces += [
        _build_school_trace(group, points, colour, lang)
        for group in group_schools(schools, colour, lang)
    ]
    traces += _build_selected_traces(full, selected, lang)
    return {"data": traces, "layout": _build_layout(data, colour, lang, revision)}


def _legend_title(colour: str, lang: str) -> str:
    titles: Mapping[str, str] = {
        "la": t("network.colour_la", lang, **level_words(lang)),
        "consortium": t("network.colour_consortium", lang, **level_words(lang)),
        "category": t("network.colour_category", lang),
        "community": t("network.colour_community", lang),
        "role": t("network.colour_role", lang),
    }
    return titles[colour]
