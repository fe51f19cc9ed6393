"""A PLC's figures: its nine-feature review against all PLCs, its activity by year."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd
import plotly.graph_objects as go

from dashboard.ui.figures import INK, LEGEND_BELOW, LINE, style_figure

__all__ = ["build_activity_figure", "build_review_figure"]


def build_review_figure(
    names: Sequence[str],
    scores: Sequence[float | None],
    means: Sequence[float | None],
    series: tuple[str, str],
    axis_title: str,
    note: str | None = None,
) -> go.Figure:
    """The nine features, first at the top: the PLC's score as a bar (its value written
    on it) and the mean of all PLCs as a diamond, named in the legend (``series``).
    ``note`` is written across the chart when there is no score to draw."""
    figure = go.Figure()
    figure.add_trace(
        go.Bar(
            x=list(scores),
            y=list(names),
            orientation="h",
            name=series[0],
            marker={"color": LINE},
            text=["" if s is None else f"{s:.0f}" for s in scores],
            textposition="inside",
            insidetextanchor="end",
            textfont={"color": "#ffffff"},
            hovertemplate="%{y}: %{x}<extra>" + series[0] + "</extra>",
        )
    )
    figure.add_trace(
        go.Scatter(
            x=list(means),
            y=list(names),
            mode="markers",
            name=series[1],
            marker={
                "symbol": "diamond",
                "size": 13,
                "color": "#ffd23f",
                "line": {"color": INK, "width": 2},
            },
            hovertemplate="%{y}: %{x:.2f}<extra>" + series[1] + "</extra>",
        )
    )
    style_figure(figure, height=460)
    figure.update_layout(
        legend=LEGEND_BELOW,
        margin={"l": 210},
        bargap=0.35,
    )
    figure.update_yaxes(type="category", autorange="reversed", gridcolor="#ffffff")
    figure.update_xaxes(
        type="linear",
        range=[0, 5.2],
        tickvals=[1, 2, 3, 4, 5],
        title_text=axis_title,
        gridcolor="#d9dde3",
    )
    if note:
        figure.add_annotation(
            text=note, x=2.6, y=0.5, yref="paper", showarrow=False, font={"size": 16, "color": INK}
        )
    return figure


def build_activity_figure(
    years: pd.DataFrame, year: str, hover: Sequence[str], axis_title: str, year_axis: str
) -> go.Figure:
    """Activities per year as bars; the year chosen drawn darker and hatched, so that it
    stands out without colour; ``hover`` says each bar in words."""
    labels = years["year"].astype(str).tolist()
    chosen = [label == year for label in labels]
    figure = go.Figure(
        go.Bar(
            x=labels,
            y=years["n_activities"].astype(int).tolist(),
            marker={
                "color": ["#123f69" if c else LINE for c in chosen],
                "pattern": {"shape": ["/" if c else "" for c in chosen], "fgcolor": "#ffffff"},
                "line": {"color": INK, "width": [2 if c else 0 for c in chosen]},
            },
            text=years["n_activities"].astype(int).tolist(),
            textposition="outside",
            hovertext=list(hover),
            hovertemplate="%{hovertext}<extra></extra>",
            showlegend=False,
        )
    )
    style_figure(figure, height=360)
    figure.update_xaxes(title_text=year_axis)
    figure.update_yaxes(title_text=axis_title)
    return figure
