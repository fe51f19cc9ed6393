"""The overview's figures: headline trends and support categories by year."""

from __future__ import annotations

import math

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from dashboard.figures import CATEGORY_STYLE, INK, LINE, style_figure
from dashboard.i18n import t
from dashboard.labels import (
    HEADLINE_MEASURES,
    SHARE_MEASURES,
    format_share,
    format_value,
    label_category,
    label_measure,
)

__all__ = ["build_support_figure", "build_trend_figure"]


def build_trend_figure(yearly: pd.DataFrame, year: str, lang: str) -> go.Figure:
    """The four headline measures across the years, one small chart each.

    Each measure keeps its own scale (counts and a share do not share an axis);
    the year chosen is drawn larger.
    """
    titles = [label_measure(m, lang) for m in HEADLINE_MEASURES]
    figure = make_subplots(rows=2, cols=2, subplot_titles=titles, vertical_spacing=0.2)
    years = yearly["year"].astype(str).tolist()
    for index, measure in enumerate(HEADLINE_MEASURES):
        is_share = measure in SHARE_MEASURES
        values = yearly[measure].astype("Float64").to_numpy(dtype=float, na_value=float("nan"))
        shown = [format_value(measure, None if math.isnan(v) else v, lang) for v in values]
        figure.add_trace(
            go.Scatter(
                x=years,
                y=values * 100 if is_share else values,
                customdata=shown,
                mode="lines+markers",
                name=titles[index],
                line={"color": LINE, "width": 3},
                marker={
                    "color": LINE,
                    "size": [14 if y == year else 8 for y in years],
                },
                hovertemplate=f"{titles[index]}<br>%{{x}}: %{{customdata}}<extra></extra>",
                showlegend=False,
            ),
            row=index // 2 + 1,
            col=index % 2 + 1,
        )
        if is_share:
            figure.update_yaxes(ticksuffix="%", row=index // 2 + 1, col=index % 2 + 1)
    style_figure(figure, height=520)
    figure.update_annotations(font={"size": 15, "color": INK})
    figure.update_xaxes(tickfont={"size": 12})
    return figure


def build_support_figure(support: pd.DataFrame, lang: str) -> go.Figure:
    """Shares of schools per support category, stacked per year (green at the base)."""
    figure = go.Figure()
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
        figure.add_trace(
            go.Bar(
                x=rows["year"].astype(str),
                y=rows["share"] * 100,
                name=name,
                marker={
                    "color": fill,
                    "line": {"color": "#ffffff", "width": 1},
                    "pattern": {"shape": pattern, "fgcolor": text_colour, "fgopacity": 0.18},
                },
                text=[format_share(s) if s > 0 else "" for s in rows["share"]],
                textposition="inside",
                insidetextanchor="middle",
                textfont={"color": text_colour},
                hovertext=hover,
                hovertemplate="%{hovertext}<extra></extra>",
            )
        )
    style_figure(figure, height=420)
    figure.update_layout(
        barmode="stack",
        legend={"orientation": "h", "y": 1.12, "x": 0, "traceorder": "normal"},
        uniformtext={"minsize": 11, "mode": "hide"},
    )
    figure.update_xaxes(title_text=t("overview.year_axis", lang))
    figure.update_yaxes(title_text=t("overview.support_axis", lang), ticksuffix="%", range=[0, 100])
    return figure
