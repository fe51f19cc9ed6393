"""Figures: data frames in, plotly figures out; no Dash and no database here.

Each page has its own (``pages/<page>/figures.py``); the look they share is here.
"""

from __future__ import annotations

import plotly.graph_objects as go

from etl.public import WALES

__all__ = [
    "CATEGORY_STYLE",
    "FONT",
    "GRID",
    "INK",
    "LEGEND_BELOW",
    "LINE",
    "build_house_layout",
    "build_message_figure",
    "style_figure",
    "wrap_label",
]

FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif"
INK = "#1b1b1b"
LINE = "#1d5c96"
GRID = "#d9dde3"

# A legend in rows under the chart, at the foot of the figure (plotly makes room for
# it there): above or beside the plot it covers the bars or squeezes the plot on a phone.
LEGEND_BELOW: dict[str, object] = {
    "orientation": "h",
    "x": 0,
    "xanchor": "left",
    "y": 0,
    "yref": "container",
    "yanchor": "bottom",
}

# Fill, text on it (contrast of at least 4.5:1) and a pattern, so that the
# categories can be told apart without colour; names are in legend and hover too.
# Each category's, as systems/wales.toml gives them.
CATEGORY_STYLE: dict[str, tuple[str, str, str]] = {
    term.code: (term.colour, term.text_colour, term.pattern)
    for term in WALES.outcome_measure("support_category").categories
}


def style_figure(figure: go.Figure, height: int) -> go.Figure:
    """The house style: font, margins, white ground, axes with a line and a grid."""
    figure.update_layout(
        height=height,
        margin={"l": 56, "r": 16, "t": 48, "b": 48},
        font={"family": FONT, "size": 14, "color": INK},
        paper_bgcolor="#ffffff",
        plot_bgcolor="#ffffff",
        hoverlabel={"font": {"family": FONT, "size": 14}},
    )
    figure.update_xaxes(type="category", showline=True, linecolor=INK, ticks="outside")
    figure.update_yaxes(gridcolor=GRID, zeroline=True, zerolinecolor=INK, rangemode="tozero")
    return figure


def build_house_layout(height: int, **layout: object) -> dict[str, object]:
    """The house style of style_figure as a plain layout dict, for figures built in one go
    (``go.Figure(data=..., layout=...)``): plotly validates a dict once, where each
    update_* pass validates again. ``layout`` adds to it or replaces its keys."""
    return {
        "height": height,
        "margin": {"l": 56, "r": 16, "t": 48, "b": 48},
        "font": {"family": FONT, "size": 14, "color": INK},
        "paper_bgcolor": "#ffffff",
        "plot_bgcolor": "#ffffff",
        "hoverlabel": {"font": {"family": FONT, "size": 14}},
        "xaxis": {"showline": True, "linecolor": INK, "ticks": "outside"},
        "yaxis": {"gridcolor": GRID, "zeroline": True, "zerolinecolor": INK},
        **layout,
    }


def wrap_label(text: str, width: int = 24) -> str:
    """``text`` in lines of at most ``width`` characters (a longer word stands alone),
    for axis labels: plotly does not wrap them, and a long one is cut on a phone.

    >>> wrap_label("Year effects only (no comparison within schools)")
    'Year effects only (no<br>comparison within<br>schools)'
    """
    lines: list[str] = []
    for word in text.split():
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return "<br>".join(lines)


def build_message_figure(message: str, height: int = 200) -> dict[str, object]:
    """An empty figure that says why there is nothing to draw, as a plain dict
    (dcc.Graph takes one as it takes a go.Figure).

    >>> build_message_figure("No LA chosen")["layout"]["annotations"][0]["text"]
    'No LA chosen'
    """
    note = {"text": message, "showarrow": False, "x": 0.5, "y": 0.5, "xref": "paper",
            "yref": "paper", "font": {"size": 16}}  # fmt: skip
    layout = build_house_layout(
        height, xaxis={"visible": False}, yaxis={"visible": False}, annotations=[note]
    )
    return {"data": [], "layout": layout}
