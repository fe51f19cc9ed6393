"""The regions page's figures: a measure across the LAs, its map, the E-I matrices and the
LAs most like one. Frames in, figures out; names and values arrive already in the
page's language (the components module labels them)."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
from dash import Patch

from dashboard.figures import FONT, GRID, INK, style_figure
from dashboard.i18n import t

__all__ = [
    "CHOSEN",
    "MAP_SCALE",
    "build_map_figure",
    "build_map_patch",
    "build_measure_figure",
    "build_message_figure",
    "build_pairs_figure",
]

# The region chosen stands out by a darker fill and a pattern, and by its name ("(chosen)").
CHOSEN = "#0b2f52"
OTHER = "#6f9fcf"
# Light to dark blue; the lightest still shows against white (a border rings each LA).
MAP_SCALE = [[0.0, "#deebf7"], [0.5, "#6baed6"], [1.0, "#08306b"]]
PAIR_SCALE = [[0.0, "#ffffff"], [0.2, "#c6dbef"], [0.6, "#4292c6"], [1.0, "#08306b"]]


def build_message_figure(message: str, height: int = 200) -> go.Figure:
    """An empty figure that says why there is nothing to draw."""
    figure = go.Figure()
    figure.add_annotation(
        text=message, showarrow=False, x=0.5, y=0.5, xref="paper", yref="paper", font={"size": 16}
    )
    style_figure(figure, height=height)
    figure.update_xaxes(visible=False)
    figure.update_yaxes(visible=False)
    return figure


def _bar_colours(chosen: pd.Series) -> dict[str, object]:
    return {
        "color": [CHOSEN if c else OTHER for c in chosen],
        "pattern": {"shape": ["/" if c else "" for c in chosen], "fgcolor": "#ffffff"},
        "line": {"color": INK, "width": 0.5},
    }


def _mark_wales(figure: go.Figure, wales: float | None, label: str) -> None:
    if wales is None:
        return
    figure.add_vline(x=wales, line={"color": INK, "width": 2, "dash": "dash"})
    figure.add_annotation(
        x=wales, y=1.0, yref="paper", yanchor="bottom", text=label, showarrow=False,
        font={"color": INK, "size": 13}, bgcolor="#ffffff",
    )  # fmt: skip


def build_measure_figure(
    bars: pd.DataFrame, measure_name: str, wales: float | None, wales_label: str
) -> go.Figure:
    """Horizontal bars of one measure, one per group in the order given (top first), with
    the Wales figure as a dashed line.

    ``bars`` has columns label (the name shown, "(chosen)" added where chosen), value
    (as plotted: a share already in percent), shown (the value as text) and chosen.
    """
    figure = go.Figure(
        go.Bar(
            x=bars["value"],
            y=bars["label"],
            orientation="h",
            marker=_bar_colours(bars["chosen"]),
            customdata=bars["shown"],
            hovertemplate="%{y}: %{customdata}<extra></extra>",
            name=measure_name,
        )
    )
    _mark_wales(figure, wales, wales_label)
    style_figure(figure, height=max(300, 26 * len(bars) + 120))
    figure.update_yaxes(
        type="category", autorange="reversed", automargin=True, rangemode=None, zeroline=False
    )
    figure.update_xaxes(type="linear", title_text=measure_name, gridcolor=GRID)
    figure.update_layout(showlegend=False, margin={"t": 40})
    return figure


def build_map_figure(geojson: dict, areas: pd.DataFrame, measure_name: str) -> go.Figure:
    """A choropleth of the LAs (columns ons_code, label, value, shown, chosen) on their own
    boundaries, without a base map or tiles; the region chosen ringed thickly."""
    figure = go.Figure(
        go.Choropleth(
            geojson=geojson,
            locations=areas["ons_code"],
            z=areas["value"],
            customdata=areas["shown"],
            text=areas["label"],
            hovertemplate="%{text}: %{customdata}<extra></extra>",
            colorscale=MAP_SCALE,
            marker={"line": {"color": INK, "width": _ring_widths(areas["chosen"])}},
            colorbar={"title": {"text": measure_name, "side": "right"}, "thickness": 14},
        )
    )
    figure.update_geos(
        visible=False, fitbounds="locations", projection_type="mercator", bgcolor="#ffffff"
    )
    figure.update_layout(
        height=560,
        margin={"l": 8, "r": 8, "t": 8, "b": 8},
        font={"family": FONT, "size": 14, "color": INK},
        paper_bgcolor="#ffffff",
        hoverlabel={"font": {"family": FONT, "size": 14}},
    )
    return figure


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
    matrix: pd.DataFrame, shares: pd.DataFrame, hover: pd.DataFrame, lang: str
) -> go.Figure:
    """The E-I matrix as a heatmap: one row per group chosen, one column per group, each
    cell the ties between the two written in it, its colour the share of the row
    group's ties that go to the column group (so that large and small groups compare)."""
    figure = go.Figure(
        go.Heatmap(
            z=shares.to_numpy(),
            x=list(matrix.columns),
            y=list(matrix.index),
            text=matrix.to_numpy(),
            texttemplate="%{text}",
            customdata=hover.to_numpy(),
            hovertemplate="%{customdata}<extra></extra>",
            colorscale=PAIR_SCALE,
            zmin=0,
            zmax=1,
            xgap=1,
            ygap=1,
            colorbar={
                "title": {"text": t("regions.pairs_scale", lang), "side": "right"},
                "tickformat": ".0%",
                "thickness": 14,
            },
        )
    )
    style_figure(figure, height=max(300, 30 * len(matrix.index) + 200))
    figure.update_xaxes(type="category", tickangle=-45, side="bottom", showline=False)
    figure.update_yaxes(
        type="category", autorange="reversed", zeroline=False, gridcolor=None, rangemode=None
    )
    figure.update_layout(margin={"l": 8, "t": 24})
    figure.update_yaxes(automargin=True)
    figure.update_xaxes(automargin=True)
    return figure
