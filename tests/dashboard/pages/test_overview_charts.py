"""The overview's figures: built from frames, named so that colour is never the only cue."""

from __future__ import annotations

import pytest

from dashboard.core.db import Database
from dashboard.core.filters import Filters
from dashboard.pages.overview.data import load_overview
from dashboard.pages.overview.figures import build_support_figure, build_trend_figure


def test_trend_has_one_chart_per_headline_with_the_year_marked(db: Database) -> None:
    yearly = load_overview(db, Filters("2017/18")).yearly
    figure = build_trend_figure(yearly, "2017/18", "en")
    assert [trace.name for trace in figure.data] == [
        "Schools in at least one PLC",
        "Active PLCs",
        "Ties that cross LA lines",
        "Isolated schools",
    ]
    assert list(figure.data[0].marker.size) == [8, 14, 8]
    assert list(figure.data[2].y) == pytest.approx([100 / 3, 60, 400 / 6])
    assert list(figure.data[2].customdata) == ["33.3%", "60.0%", "66.7%"]


def test_support_bars_are_named_and_stacked_green_first(db: Database) -> None:
    figure = build_support_figure(load_overview(db, Filters("2018/19")).support, "en")
    assert figure.layout.barmode == "stack"
    assert [trace.name for trace in figure.data] == ["Green", "Yellow", "Amber", "Red"]
    assert len({trace.marker.pattern.shape for trace in figure.data}) == 4
    red = figure.data[3]
    assert list(red.hovertext) == [
        "Red: 12.5% of schools (1)",
        "Red: 0.0% of schools (0)",
        "Red: 0.0% of schools (0)",
    ]
