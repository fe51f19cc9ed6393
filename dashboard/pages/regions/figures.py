"""The regions page's figures: a measure across the LAs, its map, the E-I matrices and the
LAs most like one. Frames in, figures out; names and values arrive already in the
page's language (the components module labels them).

Figures are plain dicts, as dcc.Graph takes them: a go.Figure validates every value
when built and copies them all again when sent, a third of a callback's time here.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from dash import Patch

from dashboard.i18n import t
from dashboard.ui.figures import FONT, GRID, INK, build_house_layout

__all__ = [
    "CHOSEN",
    "MAP_SCALE",
    "Figure",
    "build_map_figure",
    "build_map_patch",
    "build_measure_figure",
    "build_pairs_figure",
]

Figure = dict[str, object]

# The region chosen stands out by a darker fill and a pattern, and by its name ("(chosen)").
CHOSEN = "#0b2f52"
OTHER = "#6f9fcf"
# Light to dark blue; the lightest still shows against white (a border rings each LA).
MAP_SCALE = [[0.0, "#deebf7"], [0.5, "#6baed6"], [1.0, "#08306b"]]
NO_VALUE = "#f0f0f0"  # an LA with no value: the lightest grey, apart from the scale
PAIR_SCALE = [[0.0, "#ffffff"], [0.2, "#c6dbef"], [0.6, "#4292c6"], [1.0, "#08306b"]]


def _bar_colours(chosen: pd.Series) -> dict[str, object]:
    return {
        "color": [CHOSEN if c else OTHER for c in chosen],
        "pattern": {"shape": ["/" if c else "" for c in chosen], "fgcolor": "#ffffff"},
        "line": {"color": INK, "width": 0.5},
    }


def _mark_wales(wales: float | None, label: str) -> dict[str, list[dict]]:
    """A dashed line at the Wales figure, named above the plot."""
    if wales is None:
        return {"shapes": [], "annotations": []}
    line = {
        "type": "line",
        "x0": wales,
        "x1": wales,
        "xref": "x",
        "y0": 0,
        "y1": 1,
        "yref": "y domain",
        "line": {"color": INK, "width": 2, "dash": "dash"},
    }
    note = {
        "x": wales,
        "y": 1.0,
        "yref": "paper",
        "yanchor": "bottom",
        "text": label,
        "showarrow": False,
        "font": {"color": INK, "size": 13},
        "bgcolor": "#ffffff",
    }
    return {"shapes": [line], "annotations": [note]}  # fmt: skip


def build_measure_figure(
    bars: pd.DataFrame, measure_name: str, wales: float | None, wales_label: str
) -> Figure:
    """Horizontal bars of one measure, one per group in the order given (top first), with
    the Wales figure as a dashed line.

    ``bars`` has columns label (the name shown, "(chosen)" added where chosen), value
    (as plotted: a share already in percent), shown (the value as text) and chosen.
    """
    bar = {
        "type": "bar",
        "x": bars["value"].tolist(),
        "y": bars["label"].tolist(),
        "orientation": "h",
        "marker": _bar_colours(bars["chosen"]),
        "customdata": bars["shown"].tolist(),
        "hovertemplate": "%{y}: %{customdata}<extra></extra>",
        "name": measure_name,
    }
    layout = build_house_layout(
        max(300, 26 * len(bars) + 120),
        margin={"l": 56, "r": 16, "t": 40, "b": 48},
        showlegend=False,
        xaxis={"type": "linear", "title": {"text": measure_name}, "gridcolor": GRID,
               "showline": True, "linecolor": INK, "ticks": "outside"},
        yaxis={"type": "category", "autorange": "reversed", "automargin": True,
               "zeroline": False},
        **_mark_wales(wales, wales_label),
    )  # fmt: skip
    return {"data": [bar], "layout": layout}


def _mercator_y(latitude: np.ndarray) -> np.ndarray:
    """Web Mercator's northing in degrees, so that x (longitude) and y share a scale."""
    return np.degrees(np.log(np.tan(np.pi / 4 + np.radians(latitude) / 2)))


def _outline(geometry: dict) -> tuple[list[float | None], list[float | None]]:
    """A MultiPolygon's rings as one line, projected, with a gap (None) between rings."""
    xs: list[float | None] = []
    ys: list[float | None] = []
    for polygon in geometry["coordinates"]:
        for ring in polygon:
            points = np.asarray(ring, dtype=float)
            xs += [*np.round(points[:, 0], 4).tolist(), None]
            ys += [*np.round(_mercator_y(points[:, 1]), 4).tolist(), None]
    return xs, ys


def _scale_colour(value: float, low: float, high: float) -> str:
    """The colour of ``value`` on MAP_SCALE from ``low`` to ``high`` (NO_VALUE when
    there is none), as plotly would draw it on a colour bar of that range."""
    if pd.isna(value):
        return NO_VALUE
    share = 0.0 if high <= low else min(1.0, max(0.0, (value - low) / (high - low)))
    stops = [stop for stop, _ in MAP_SCALE]
    rgbs = [tuple(int(colour[i : i + 2], 16) for i in (1, 3, 5)) for _, colour in MAP_SCALE]
    channels = [np.interp(share, stops, [rgb[c] for rgb in rgbs]) for c in range(3)]
    return "#" + "".join(f"{round(channel):02x}" for channel in channels)


def _map_range(areas: pd.DataFrame) -> tuple[float, float]:
    values = pd.to_numeric(areas["value"], errors="coerce").dropna()
    return (float(values.min()), float(values.max())) if len(values) else (0.0, 1.0)


def _area_looks(areas: pd.DataFrame, codes: list[str]) -> list[dict[str, object]]:
    """Per LA of ``codes`` (the order of the boundaries): fill, ring and hover text."""
    low, high = _map_range(areas)
    by_code = areas.set_index("ons_code")
    looks = []
    for code in codes:
        if code not in by_code.index:
            looks.append({"fillcolor": NO_VALUE, "width": 0.6, "text": code})
            continue
        row = by_code.loc[code]
        looks.append(
            {
                "fillcolor": _scale_colour(row["value"], low, high),
                "width": 3.5 if row["chosen"] else 0.6,
                "text": f"{row['label']}: {row['shown']}",
            }
        )
    return looks


def _colour_bar(areas: pd.DataFrame, measure_name: str, x: float, y: float) -> dict:
    """An unseen marker that carries the colour bar of the fills."""
    low, high = _map_range(areas)
    return {
        "type": "scatter",
        "mode": "markers",
        "x": [x, x],
        "y": [y, y],
        "hoverinfo": "skip",
        "showlegend": False,
        "marker": {"color": [low, high], "cmin": low, "cmax": high, "colorscale": MAP_SCALE,
                   "opacity": 0, "showscale": True,
                   "colorbar": {"title": {"text": measure_name, "side": "right"},
                                "thickness": 14}},
    }  # fmt: skip


def build_map_figure(geojson: dict, areas: pd.DataFrame, measure_name: str) -> Figure:
    """A map of the LAs (columns ons_code, label, value, shown, chosen) on their own
    boundaries, without a base map or tiles; the region chosen ringed thickly.

    Drawn with cartesian traces (one filled outline per LA, Web Mercator), not a
    choropleth on a geo subplot: the page then needs only plotly's cartesian bundle
    (assets/plotly-cartesian-*.min.js), a third of the whole library.
    """
    codes = [str(feature["id"]) for feature in geojson["features"]]
    traces: list[dict] = []
    for feature, look in zip(geojson["features"], _area_looks(areas, codes), strict=True):
        xs, ys = _outline(feature["geometry"])
        traces.append(
            {
                "type": "scatter",
                "mode": "lines",
                "x": xs,
                "y": ys,
                "fill": "toself",
                "fillcolor": look["fillcolor"],
                "line": {"color": INK, "width": look["width"]},
                "text": look["text"],
                "hoveron": "fills",
                "hoverinfo": "text",
                "showlegend": False,
                "name": feature["id"],
            }
        )
    first = next((x for trace in traces for x in trace["x"] if x is not None), 0.0)
    first_y = next((y for trace in traces for y in trace["y"] if y is not None), 0.0)
    traces.append(_colour_bar(areas, measure_name, first, first_y))
    hidden = {"visible": False, "fixedrange": True}
    layout = {
        "height": 560,
        "margin": {"l": 8, "r": 8, "t": 8, "b": 8},
        "font": {"family": FONT, "size": 14, "color": INK},
        "paper_bgcolor": "#ffffff",
        "plot_bgcolor": "#ffffff",
        "hoverlabel": {"font": {"family": FONT, "size": 14}},
        "showlegend": False,
        "xaxis": hidden,
        "yaxis": {**hidden, "scaleanchor": "x", "scaleratio": 1},
    }
    return {"data": traces, "layout": layout}


def build_map_patch(geojson: dict, areas: pd.DataFrame, measure_name: str) -> Patch:
    """What changes on the map when the view changes (fills, rings, hover texts, the
    scale), so that the boundaries, drawn once with the page, are not sent again."""
    codes = [str(feature["id"]) for feature in geojson["features"]]
    patch = Patch()
    for index, look in enumerate(_area_looks(areas, codes)):
        patch["data"][index]["fillcolor"] = look["fillcolor"]
        patch["data"][index]["line"]["width"] = look["width"]
        patch["data"][index]["text"] = look["text"]
    low, high = _map_range(areas)
    bar = patch["data"][len(codes)]["marker"]
    bar["color"] = [low, high]
    bar["cmin"] = low
    bar["cmax"] = high
    bar["colorbar"]["title"]["text"] = measure_name
    return patch


def build_pairs_figure(
    matrix: pd.DataFrame, shares: pd.DataFrame, hover: list[list[str]], lang: str
) -> Figure:
    """The E-I matrix as a heatmap: one row per group chosen, one column per group, each
    cell the ties between the two written in it, its colour the share of the row
    group's ties that go to the column group (so that large and small groups compare)."""
    heatmap = {
        "type": "heatmap",
        # Arrays rather than lists: plotly checks a numpy array at once, a list cell by cell.
        "z": shares.to_numpy(dtype=float),
        "x": list(matrix.columns),
        "y": list(matrix.index),
        "text": matrix.to_numpy(),
        "texttemplate": "%{text}",
        "customdata": np.array(hover, dtype=object),
        "hovertemplate": "%{customdata}<extra></extra>",
        "colorscale": PAIR_SCALE,
        "zmin": 0,
        "zmax": 1,
        "xgap": 1,
        "ygap": 1,
        "colorbar": {"title": {"text": t("regions.pairs_scale", lang), "side": "right"},
                     "tickformat": ".0%", "thickness": 14},
    }  # fmt: skip
    layout = build_house_layout(
        max(300, 30 * len(matrix.index) + 200),
        margin={"l": 8, "r": 16, "t": 24, "b": 48},
        xaxis={"type": "category", "tickangle": -45, "side": "bottom", "automargin": True},
        yaxis={"type": "category", "autorange": "reversed", "automargin": True,
               "zeroline": False},
    )  # fmt: skip
    return {"data": [heatmap], "layout": layout}
