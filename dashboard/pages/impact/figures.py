"""The impact page's figures: the estimates of every model with their intervals, and the
mean improvement by band of collaboration (all years and the year chosen)."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from dashboard.i18n import t
from dashboard.measures.catalogue import name_measure
from dashboard.measures.impact import format_points, label_model, label_unit
from dashboard.ui.figures import GRID, INK, LEGEND_BELOW, LINE, style_figure, wrap_label

__all__ = ["YEAR_FILL", "build_bands_figure", "build_variants_figure"]

# The year chosen, beside all years (LINE): dark orange, 4.6:1 on white, and hatched,
# so that the two series differ in more than colour; the legend names them.
YEAR_FILL = "#a84d00"


def _number(value: object) -> float | None:
    return None if value is None or pd.isna(value) else float(value)


def _below(estimate: float, low: float | None) -> float | None:
    return None if low is None else estimate - low


def _above(estimate: float, high: float | None) -> float | None:
    return None if high is None else high - estimate


def build_variants_figure(estimates: pd.DataFrame, lang: str) -> go.Figure:
    """Each model's estimate with its 95% interval, one row each, the main model on top
    and drawn larger; the line at zero is no association."""
    names = [label_model(m, lang) for m in estimates["model"]]
    hover = [
        t(
            "impact.variants_hover",
            lang,
            model=name,
            estimate=format_points(row.estimate),
            low=format_points(row.ci_low),
            high=format_points(row.ci_high),
            unit=label_unit(row.exposure, lang),
            schools=f"{row.n_schools:,}",
        )
        for name, row in zip(names, estimates.itertuples(index=False), strict=True)
    ]
    is_main = (estimates["model"] == "main").tolist()
    labels = [wrap_label(name) for name in names]
    # Room for the longest label's lines (18 pixels each) on every row.
    row = max(44, 8 + 18 * max((label.count("<br>") + 1 for label in labels), default=1))
    figure = go.Figure(
        go.Scatter(
            x=estimates["estimate"],
            # Wrapped, or the longest names are cut on a phone.
            y=labels,
            mode="markers",
            marker={
                "color": LINE,
                "size": [16 if main else 10 for main in is_main],
                "symbol": ["diamond" if main else "circle" for main in is_main],
            },
            error_x={
                "type": "data",
                "array": estimates["ci_high"] - estimates["estimate"],
                "arrayminus": estimates["estimate"] - estimates["ci_low"],
                "color": INK,
                "thickness": 2,
                "width": 6,
            },
            hovertext=hover,
            hovertemplate="%{hovertext}<extra></extra>",
            showlegend=False,
        )
    )
    style_figure(figure, height=120 + row * len(estimates))
    # One update of each axis after the house style: plotly validates the figure anew
    # at each update_* call.
    figure.update_layout(
        margin={"l": 16},
        xaxis={
            "type": "linear",
            # Zero, no association, is always in view: each estimate is read against it.
            "rangemode": "tozero",
            "title": {"text": wrap_label(t("impact.variants_axis", lang))},
            "zeroline": True,
            "zerolinecolor": INK,
            "zerolinewidth": 2,
            "gridcolor": GRID,
        },
        yaxis={"type": "category", "autorange": "reversed", "automargin": True, "zeroline": False},
    )
    return figure


def _build_band_trace(bins: pd.DataFrame, series: str, style: tuple[str, str], lang: str) -> go.Bar:
    fill, pattern = style
    means = [float(m) for m in bins["mean_improvement"]]
    lows = [_number(v) for v in bins["ci_low"]]
    highs = [_number(v) for v in bins["ci_high"]]
    hover = [
        t(
            "impact.bands_hover",
            lang,
            series=series,
            band=band,
            mean=format_points(mean),
            low="" if low is None else format_points(low),
            high="" if high is None else format_points(high),
            schools=f"{schools:,}",
            observations=f"{observations:,}",
        )
        for band, mean, low, high, schools, observations in zip(
            bins["band"], means, lows, highs, bins["n_schools"], bins["n_observations"],
            strict=True,
        )
    ]  # fmt: skip
    return go.Bar(
        x=bins["band"].astype(str),
        y=means,
        name=series,
        marker={
            "color": fill,
            "line": {"color": INK, "width": 1},
            "pattern": {"shape": pattern, "fgcolor": "#ffffff", "fgopacity": 0.45},
        },
        error_y={
            "type": "data",
            "array": [_above(m, h) for m, h in zip(means, highs, strict=True)],
            "arrayminus": [_below(m, lo) for m, lo in zip(means, lows, strict=True)],
            "color": INK,
            "thickness": 2,
            "width": 6,
        },
        hovertext=hover,
        hovertemplate="%{hovertext}<extra></extra>",
    )


def build_bands_figure(
    all_years: pd.DataFrame, in_year: pd.DataFrame, exposure: str, year: str, lang: str
) -> go.Figure:
    """Mean change in attainment per band of ``exposure``, with 95% intervals: all years
    pooled, and ``year`` beside it when it has any (bars side by side)."""
    traces = [_build_band_trace(all_years, t("impact.bands_all_years", lang), (LINE, ""), lang)]
    if not in_year.empty:
        traces.append(_build_band_trace(in_year, year, (YEAR_FILL, "/"), lang))
    layout = {
        "barmode": "group",
        "legend": LEGEND_BELOW,
        "xaxis": {"title": {"text": name_measure(exposure, lang)}},
        "yaxis": {"title": {"text": t("impact.bands_axis", lang)}},
    }
    figure = style_figure(go.Figure(data=traces, layout=layout), height=420)
    # Improvement may be negative: the axis follows the data, not zero upwards.
    figure.update_yaxes(rangemode="normal")
    return figure
