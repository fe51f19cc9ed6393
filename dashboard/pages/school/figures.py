"""A school profile's figures: its measures against its LA and Wales, its support category."""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from dashboard.i18n import t
from dashboard.ui.figures import CATEGORY_STYLE, INK, LEGEND_BELOW, LINE, style_figure, wrap_label
from dashboard.ui.labels import BROKER_ROLES, CATEGORIES, label_category

__all__ = [
    "ROLE_STYLE",
    "SERIES_STYLE",
    "build_brokerage_figure",
    "build_measures_figure",
    "build_school_support_figure",
    "size_year_markers",
]

# The school, its LA's mean and the Wales mean: each with its own colour, dash and
# marker, so that the three lines are told apart without colour.
SERIES_STYLE: dict[str, tuple[str, str, str]] = {
    "school": (LINE, "solid", "circle"),
    "la": ("#8a4f00", "dash", "square"),
    "wales": ("#4a4f55", "dot", "diamond"),
}


def size_year_markers(years: list[str], year: str) -> list[int]:
    """Marker sizes along a line of ``years``: the year chosen drawn larger."""
    return [13 if y == year else 7 for y in years]


def build_measures_figure(
    measures: pd.DataFrame,
    names: dict[str, str],
    series: dict[str, str],
    year: str,
    format_value: dict[str, Callable[[float], str]],
) -> go.Figure:
    """One small chart per measure (the columns named in ``names``, in order), each with
    three lines: the school, its LA's mean and the Wales mean (``series`` names them).

    ``format_value[measure](value)`` writes a value as the hover shows it; the year
    chosen is drawn larger.
    """
    # Wrapped: side by side on a phone, two titles of one line would run together.
    titles = [wrap_label(name, 18) for name in names.values()]
    rows = (len(titles) + 1) // 2
    figure = make_subplots(rows=rows, cols=2, subplot_titles=titles, vertical_spacing=0.2)
    for index, measure in enumerate(names):
        for scope, (colour, dash, symbol) in SERIES_STYLE.items():
            line = measures[measures["scope"] == scope]
            years = line["year"].astype(str).tolist()
            values = line[measure].astype(float).tolist()
            shown = [format_value[measure](v) for v in values]
            figure.add_trace(
                go.Scatter(
                    x=years,
                    y=values,
                    customdata=shown,
                    mode="lines+markers",
                    name=series[scope],
                    legendgroup=scope,
                    showlegend=index == 0,
                    line={"color": colour, "width": 3 if scope == "school" else 2, "dash": dash},
                    marker={
                        "color": colour,
                        "symbol": symbol,
                        "size": size_year_markers(years, year),
                    },
                    hovertemplate=f"{series[scope]}, %{{x}}: %{{customdata}}<extra></extra>",
                ),
                row=index // 2 + 1,
                col=index % 2 + 1,
            )
    style_figure(figure, height=280 * rows)
    # Room above the top row for a title of three lines.
    figure.update_layout(legend=LEGEND_BELOW, margin={"t": 72})
    figure.update_annotations(font={"size": 14, "color": INK})
    figure.update_xaxes(tickfont={"size": 12})
    return figure


def build_school_support_figure(support: pd.DataFrame, lang: str) -> go.Figure:
    """The school's support category per year: a step up the axis is more support
    needed. Each point is coloured, patterned by its marker and named on the axis
    and beside the point, so that colour is never the only cue."""
    names = [label_category(c, lang) for c in CATEGORIES]
    markers = dict(zip(CATEGORIES, ("circle", "square", "diamond", "x"), strict=True))
    known = support[support["category"].isin(CATEGORIES)]
    figure = go.Figure()
    figure.add_trace(
        go.Scatter(
            x=known["year"].astype(str),
            y=[label_category(c, lang) for c in known["category"]],
            mode="lines+markers+text",
            text=[label_category(c, lang) for c in known["category"]],
            textposition="top center",
            hovertext=[
                t("school.support_hover", lang, year=y, category=label_category(c, lang))
                for y, c in zip(known["year"], known["category"], strict=True)
            ],
            hovertemplate="%{hovertext}<extra></extra>",
            line={"color": "#4a4f55", "width": 1, "dash": "dot"},
            marker={
                "size": 18,
                "color": [CATEGORY_STYLE[c][0] for c in known["category"]],
                "symbol": [markers[c] for c in known["category"]],
                "line": {"color": INK, "width": 1},
            },
            showlegend=False,
        )
    )
    style_figure(figure, height=320)
    figure.update_yaxes(
        type="category",
        categoryorder="array",
        categoryarray=names,
        range=[-0.5, len(names) - 0.2],
        rangemode="normal",
        zeroline=False,
    )
    figure.update_xaxes(title_text=t("overview.year_axis", lang))
    return figure


# A colour and a pattern for each brokerage role, so that the roles are told apart
# without colour; their names are in the legend and the hover too.
ROLE_STYLE: dict[str, tuple[str, str]] = dict(
    zip(
        BROKER_ROLES,
        [("#1d5c96", ""), ("#8a4f00", "/"), ("#4a4f55", "."), ("#6b3fa0", "x"), ("#0f6e6e", "+")],
        strict=True,
    )
)


def build_brokerage_figure(
    brokerage: pd.DataFrame, names: dict[str, str], hover: dict[str, list[str]], axis: str
) -> go.Figure:
    """Pairs brokered per year, stacked by role (``names`` the roles' names and
    ``hover`` each bar in words, by role)."""
    figure = go.Figure()
    years = brokerage["year"].astype(str).tolist()
    for role, (colour, pattern) in ROLE_STYLE.items():
        figure.add_trace(
            go.Bar(
                x=years,
                y=brokerage[role].astype(int).tolist(),
                name=names[role],
                marker={
                    "color": colour,
                    "line": {"color": "#ffffff", "width": 1},
                    "pattern": {"shape": pattern, "fgcolor": "#ffffff", "fgopacity": 0.6},
                },
                hovertext=hover[role],
                hovertemplate="%{hovertext}<extra></extra>",
            )
        )
    style_figure(figure, height=360)
    figure.update_layout(barmode="stack", legend={**LEGEND_BELOW, "traceorder": "normal"})
    figure.update_yaxes(title_text=axis)
    return figure
