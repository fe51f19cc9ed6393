"""The data page's figure: the rows the latest refresh set aside, by file and reason."""

from __future__ import annotations

import textwrap

import pandas as pd
import plotly.graph_objects as go

from dashboard.ui.figures import GRID, INK, LINE, style_figure

__all__ = ["build_rejected_figure", "wrap_label"]


def wrap_label(text: str, width: int = 48) -> str:
    """A long label broken into lines for an axis (plotly breaks lines at <br>)."""
    return "<br>".join(textwrap.wrap(text, width)) or text


def build_rejected_figure(rejected: pd.DataFrame, axis_title: str) -> go.Figure:
    """One bar per file and reason (the file's name above the reason on the axis), its
    length the rows set aside, the count written on it."""
    ordered = rejected.iloc[::-1]  # plotly draws the first category at the bottom
    labels = [
        f"<b>{wrap_label(str(f))}</b><br>{wrap_label(str(r))}"
        for f, r in zip(ordered["file_name"], ordered["reason"], strict=True)
    ]
    figure = go.Figure(
        go.Bar(
            x=ordered["rows"],
            y=labels,
            orientation="h",
            marker={"color": LINE, "line": {"color": INK, "width": 0.5}},
            text=[f"{n:,}" for n in ordered["rows"]],
            textposition="outside",
            cliponaxis=False,
            hovertemplate="%{y}<br>%{x:,}<extra></extra>",
        )
    )
    style_figure(figure, height=max(240, 90 * len(ordered) + 100))
    figure.update_yaxes(type="category", automargin=True, rangemode=None, zeroline=False)
    figure.update_xaxes(type="linear", title_text=axis_title, gridcolor=GRID)
    figure.update_layout(showlegend=False, margin={"t": 24, "r": 48})
    return figure
