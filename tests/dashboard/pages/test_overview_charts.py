"""The overview's figures: built from frames, named so that colour is never the only cue."""

from __future__ import annotations

import base64
import json

import numpy as np
import plotly.graph_objects as go
import plotly.io as pio
import pytest
from plotly.utils import PlotlyJSONEncoder

from dashboard.core.db import Database
from dashboard.core.filters import Filters
from dashboard.pages.overview.data import load_overview
from dashboard.pages.overview.figures import build_support_figure, build_trend_figure


def _numbers(values: object) -> list[float]:
    """A trace's numbers, as plotly.js reads them: a typed array (dtype, bdata) or a list."""
    if isinstance(values, dict):
        raw = base64.b64decode(values["bdata"])
        return np.frombuffer(raw, dtype=np.dtype(values["dtype"]).newbyteorder("<")).tolist()
    return list(values)


def test_trend_has_one_chart_per_headline_with_the_year_marked(db: Database) -> None:
    yearly = load_overview(db, Filters("2017/18")).yearly
    # Read through plotly's objects: the dict must also be a valid figure.
    figure = go.Figure(build_trend_figure(yearly, "2017/18", "en"))
    assert [trace.name for trace in figure.data] == [
        "Schools in at least one PLC",
        "Active PLCs",
        "Ties that cross LA lines",
        "Isolated schools",
    ]
    assert list(figure.data[0].marker.size) == [8, 14, 8]
    assert _numbers(figure.data[2].y) == pytest.approx([100 / 3, 60, 400 / 6])
    assert list(figure.data[2].customdata) == ["33.3%", "60.0%", "66.7%"]


def test_support_bars_are_named_and_stacked_green_first(db: Database) -> None:
    figure = go.Figure(build_support_figure(load_overview(db, Filters("2018/19")).support, "en"))
    assert figure.layout.barmode == "stack"
    assert [trace.name for trace in figure.data] == ["Green", "Yellow", "Amber", "Red"]
    assert len({trace.marker.pattern.shape for trace in figure.data}) == 4
    red = figure.data[3]
    assert list(red.hovertext) == [
        "Red: 12.5% of schools (1)",
        "Red: 0.0% of schools (0)",
        "Red: 0.0% of schools (0)",
    ]


def _as_sent(figure: object) -> object:
    """A figure as Dash sends it: plotly's JSON, read back."""
    return json.loads(json.dumps(figure, cls=PlotlyJSONEncoder))


@pytest.mark.parametrize("filters", [Filters("2017/18"), Filters("2018/19", consortium="CSC")])
@pytest.mark.parametrize("lang", ["en", "cy"])
def test_figures_are_sent_as_plotly_writes_them(db: Database, filters: Filters, lang: str) -> None:
    """The figures are plain dicts (building plotly's objects cost most of the callback),
    but what the browser gets is what plotly writes for the same figure: every property
    valid and kept as it is, and plotly's default template, so the look is unchanged."""
    data = load_overview(db, filters)
    template = _as_sent(go.Figure().to_plotly_json()["layout"]["template"])
    assert pio.templates.default == "plotly"
    for figure in (
        build_trend_figure(data.yearly, filters.year, lang),
        build_support_figure(data.support, lang),
    ):
        assert _as_sent(figure) == _as_sent(go.Figure(figure).to_plotly_json())
        assert _as_sent(figure)["layout"]["template"] == template
