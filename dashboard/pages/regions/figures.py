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


def build_map_figure(geojson: dict, areas: pd.DataFrame, measure_name: str) -> Figure:
    """A choropleth of the LAs (columns ons_code, label, value, shown, chosen) on their own
    boundaries, without a base map or tiles; the region chosen ringed thickly."""
    choropleth = {
        "type": "choropleth",
        "geojson": geojson,
        "locations": areas["ons_code"].tolist(),
        "z": areas["value"].tolist(),
        "customdata": areas["shown"].tolist(),
        "text": areas["label"].tolist(),
        "hovertemplate": "%{text}: %{customdata}<extra></extra>",
        "colorscale": MAP_SCALE,
        "marker": {"line": {"color": INK, "width": _ring_widths(areas["chosen"])}},
        "colorbar": {"title": {"text": measure_name, "side": "right"}, "thickness": 14},
    }
    layout = {
        "height": 560,
        "margin": {"l": 8, "r": 8, "t": 8, "b": 8},
        "font": {"family": FONT, "size": 14, "color": INK},
        "paper_bgcolor": "#ffffff",
        "hoverlabel": {"font": {"family": FONT, "size": 14}},
        "geo": {"visible": False, "fitbounds": "locations", "projection": {"type": "mercator"},
                "bgcolor": "#ffffff"},
    }  # fmt: skip
    return {"data": [choropleth], "layout": layout}


def _ring_widths(chosen: pd.Series) -> list[float]:
    return [3.5 if c else 0.6 for c in chosen]


def build_map_patch(areas: pd.DataFrame, measure_name: str) -> Patch:
    """What changes on the map when the view changes (values, names, rings, the scale's
    title), so that the boundaries, drawn once with the page, are not sent again."""
    patch = Patch()
    patch["data"][0]["locations"] = areas["ons_code"].tolist()
    patch["data"][0]["z"] = areas["value"].tolist()
    patch["data"][0]["customdata"] = areas["shown"].tolist()
    patch["data"][0]["text"] = areas["label"].tolist()
    patch["data"][0]["marker"]["line"]["width"] = _ring_widths(areas["chosen"])
    patch["data"][0]["colorbar"]["title"]["text"] = measure_name
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
