"""The reference line of the regions page's chart of one measure by LA: Wales for a
share or a ratio, the mean of the LAs shown where Wales says nothing about an LA (a
count, whose Wales figure is the LAs' sum, and the E-I index, -1 for Wales by
definition since no tie leaves Wales).

Fixture, 2018/19 (tests/dashboard/fixtures.py): E-I index Cardiff 1, Gwynedd 3/5,
Isle of Anglesey 1/3, Wales -1; schools 3, 3, 2, Wales 8.
"""

from __future__ import annotations

import pytest
from dash import html

from dashboard.core.db import Database
from dashboard.core.filters import Choices, Filters, resolve_filters
from dashboard.pages.regions.data import load_regions
from dashboard.pages.regions.layout import PAGE_FIELDS, build_regions_parts, uses_la_mean
from tests.dashboard.components import text_of, walk


def _view(choices: Choices, **query: str) -> Filters:
    return resolve_filters(query, choices, PAGE_FIELDS)


def _rows(table: html.Table) -> list[list[str]]:
    return [
        [text_of(cell) for cell in row.children]
        for row in walk(table)
        if isinstance(row, html.Tr) and isinstance(row.children, list)
    ]


def _line(parts) -> tuple[float, str]:
    layout = parts.measure_figure["layout"]
    return layout["shapes"][0]["x0"], layout["annotations"][0]["text"]


def test_e_i_index_is_marked_at_the_mean_of_the_las(db: Database, choices: Choices) -> None:
    filters = _view(choices, year="2018/19", measure="ei_index")
    parts = build_regions_parts(load_regions(db, filters), filters, choices, "en")
    mean = (1 + 3 / 5 + 1 / 3) / 3
    x, label = _line(parts)
    assert x == pytest.approx(mean)
    assert label == "Mean of the LAs shown: 0.644"
    rows = _rows(parts.measure_table)
    assert rows[-2:] == [["Mean of the LAs shown", "0.644"], ["Wales", "-1.000"]]
    caption = text_of(next(c for c in walk(parts.measure_table) if isinstance(c, html.Caption)))
    assert "the E-I index of Wales is -1 by definition, as no tie leaves Wales" in caption


def test_a_count_is_marked_at_the_mean_and_a_share_at_wales(db: Database, choices: Choices) -> None:
    filters = _view(choices, year="2018/19", measure="n_schools")
    parts = build_regions_parts(load_regions(db, filters), filters, choices, "cy")
    x, label = _line(parts)
    assert x == pytest.approx(8 / 3)  # not 8, the sum that is Wales
    assert label.startswith("Cymedr yr awdurdodau lleol a ddangosir: ")
    filters = _view(choices, year="2018/19", measure="isolate_share")
    parts = build_regions_parts(load_regions(db, filters), filters, choices, "en")
    assert _line(parts) == (pytest.approx(37.5), "Wales: 37.5%")


def test_which_measures_use_the_mean() -> None:
    assert uses_la_mean("ei_index") and uses_la_mean("internal_ties")
    assert not uses_la_mean("isolate_share") and not uses_la_mean("density")
