"""The overview's figures: headline trends and support categories by year.

Figures are plain dicts, as dcc.Graph takes them, written as plotly itself would
write the go.Figure of the same traces (the house style and plotly's default
template included, numbers as typed arrays): building and validating plotly's
objects took most of the overview's callback, for the same JSON.
"""

from __future__ import annotations

import base64
import copy
import math
from functools import cache

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from dashboard.i18n import t
from dashboard.measures.catalogue import name_measure
from dashboard.ui.figures import CATEGORY_STYLE, INK, LEGEND_BELOW, LINE, style_figure, wrap_label
from dashboard.ui.labels import (
    HEADLINE_MEASURES,
    SHARE_MEASURES,
    format_share,
    format_value,
    label_category,
    label_support_year,
)

__all__ = ["build_support_figure", "build_trend_figure"]

Figure = dict[str, object]


@cache
def _styled_layout(height: int) -> dict[str, object]:
    """The house style (figures.style_figure) of an empty figure as plotly writes it,
    its default template included: worked out once per height."""
    return style_figure(go.Figure(), height=height).to_plotly_json()["layout"]


def _house_layout(height: int, axes: dict[str, dict], **layout: object) -> dict[str, object]:
    """``layout`` (its ``axes`` by name: xaxis, yaxis2...) with the house style on top, as
    style_figure's update_layout, update_xaxes and update_yaxes put it."""
    styled = copy.deepcopy(_styled_layout(height))
    house_x, house_y = styled.pop("xaxis"), styled.pop("yaxis")
    for name, axis in axes.items():
        layout[name] = {**axis, **(house_x if name.startswith("x") else house_y)}
    return {**layout, **styled}


def _floats(values: object) -> dict[str, str]:
    """Numbers as plotly writes a float array: little-endian float64 in base64."""
    array = np.ascontiguousarray(values, dtype="<f8")
    return {"dtype": "f8", "bdata": base64.b64encode(array.tobytes()).decode("ascii")}


# Where each of the four small charts sits (paper coordinates): two columns and two
# rows, laid out once here rather than by make_subplots, which costs tens of
# milliseconds per figure in plotly's property validation.
_TREND_COLUMNS = ((0.0, 0.45), (0.55, 1.0))
# The gap between the rows holds the years below the top charts and the (wrapped)
# titles of the bottom ones, on a phone too.
_TREND_ROWS = ((0.64, 1.0), (0.0, 0.36))


def _trend_axes(index: int, is_share: bool) -> tuple[str, dict, str, dict, dict]:
    """The names and settings of the x and y axes of small chart ``index``, and its title's
    position (an annotation above it, as make_subplots places subplot titles)."""
    suffix = "" if index == 0 else str(index + 1)
    x_domain, y_domain = _TREND_COLUMNS[index % 2], _TREND_ROWS[index // 2]
    x_axis = {"domain": list(x_domain), "anchor": f"y{suffix}", "tickfont": {"size": 12}}
    y_axis = {"domain": list(y_domain), "anchor": f"x{suffix}"}
    if is_share:
        y_axis["ticksuffix"] = "%"
    title = {
        "x": sum(x_domain) / 2,
        "y": y_domain[1],
        "xref": "paper",
        "yref": "paper",
        "xanchor": "center",
        "yanchor": "bottom",
        "showarrow": False,
        "font": {"size": 15, "color": INK},
    }
    return f"xaxis{suffix}", x_axis, f"yaxis{suffix}", y_axis, title


def build_trend_figure(yearly: pd.DataFrame, year: str, lang: str) -> Figure:
    """The four headline measures across the years, one small chart each.

    Each measure keeps its own scale (counts and a share do not share an axis);
    the year chosen is drawn larger.
    """
    years = yearly["year"].astype(str).tolist()
    traces, layout, titles = [], {}, []
    for index, measure in enumerate(HEADLINE_MEASURES):
        title = name_measure(measure, lang)
        is_share = measure in SHARE_MEASURES
        values = yearly[measure].astype("Float64").to_numpy(dtype=float, na_value=float("nan"))
        shown = [format_value(measure, None if math.isnan(v) else v, lang) for v in values]
        x_name, x_axis, y_name, y_axis, title_at = _trend_axes(index, is_share)
        layout[x_name], layout[y_name] = x_axis, y_axis
        # Wrapped: side by side on a phone, two titles of one line would run together.
        titles.append({**title_at, "text": wrap_label(title, 16)})
        traces.append(
            {
                "type": "scatter",
                "x": years,
                "y": _floats(values * 100 if is_share else values) if len(values) else [],
                "xaxis": x_axis["anchor"].replace("y", "x"),
                "yaxis": y_axis["anchor"].replace("x", "y"),
                "customdata": shown,
                "mode": "lines+markers",
                "name": title,
                "line": {"color": LINE, "width": 3},
                "marker": {"color": LINE, "size": [14 if y == year else 8 for y in years]},
                "hovertemplate": f"{title}<br>%{{x}}: %{{customdata}}<extra></extra>",
                "showlegend": False,
            }
        )
    return {"data": traces, "layout": _house_layout(520, layout, annotations=titles)}


def _label_years(support: pd.DataFrame, lang: str) -> dict[str, object]:
    """The x axis's ticks: each year, a year of outcomes only labelled so (its bars are
    no year without collaboration: the network has no data for it)."""
    years = support.drop_duplicates("year")
    if years.empty:
        return {}
    labels = [
        wrap_label(label_support_year(year, bool(has_plc_data), lang), 14)
        for year, has_plc_data in zip(years["year"], years["has_plc_data"], strict=True)
    ]
    return {"tickmode": "array", "tickvals": years["year"].astype(str).tolist(), "ticktext": labels}


def build_support_figure(support: pd.DataFrame, lang: str) -> Figure:
    """Shares of schools per support category, stacked per year (green at the base)."""
    traces = []
    for category, (fill, text_colour, pattern) in CATEGORY_STYLE.items():
        rows = support[support["category"] == category]
        name = label_category(category, lang)
        hover = [
            t(
                "overview.support_hover",
                lang,
                category=name,
                share=format_share(share),
                schools=f"{schools:,}",
            )
            for share, schools in zip(rows["share"], rows["schools"], strict=True)
        ]
        shares = rows["share"].to_numpy(dtype=float)
        traces.append(
            {
                "type": "bar",
                "x": rows["year"].astype(str).tolist(),
                "y": _floats(shares * 100) if len(shares) else [],
                "name": name,
                "marker": {
                    "color": fill,
                    "line": {"color": "#ffffff", "width": 1},
                    "pattern": {"shape": pattern, "fgcolor": text_colour, "fgopacity": 0.18},
                },
                "text": [format_share(s) if s > 0 else "" for s in rows["share"]],
                "textposition": "inside",
                "insidetextanchor": "middle",
                "textfont": {"color": text_colour},
                "hovertext": hover,
                "hovertemplate": "%{hovertext}<extra></extra>",
            }
        )
    axes = {
        "xaxis": {"title": {"text": t("overview.year_axis", lang)}, **_label_years(support, lang)},
        "yaxis": {
            "title": {"text": t("overview.support_axis", lang)},
            "ticksuffix": "%",
            "range": [0, 100],
        },
    }
    return {
        "data": traces,
        "layout": _house_layout(
            420,
            axes,
            barmode="stack",
            legend={**LEGEND_BELOW, "traceorder": "normal"},
            uniformtext={"minsize": 11, "mode": "hide"},
        ),
    }
