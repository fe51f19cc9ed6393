"""Pages with no school for their filters say so once, plainly, with no empty axes.

The fixture (tests/dashboard/fixtures.py) has no special school: a filter for
special schools chooses none, on any page that offers the sector.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

import pytest
from dash import dcc
from dash.development.base_component import Component

from dashboard.core.db import Database
from dashboard.core.filters import Choices, Filters
from dashboard.pages.network.data import load_network
from dashboard.pages.network.layout import build_network_layout, build_network_parts
from dashboard.pages.overview.data import load_overview
from dashboard.pages.overview.layout import build_overview_layout, build_overview_parts

NONE_CHOSEN = Filters("2018/19", "CSC", 681, sector="special")
# The network page's own options at their defaults.
DRAWN = (("view", "map"), ("colour", "la"), ("size", "degree"), ("school", ""))


def _visible(component: object) -> Iterator[Component]:
    """The components a reader sees: those not inside a hidden one."""
    if not isinstance(component, Component) or getattr(component, "hidden", False):
        return
    yield component
    children = getattr(component, "children", None)
    for child in children if isinstance(children, list | tuple) else [children]:
        yield from _visible(child)


def _visible_texts(component: object) -> list[str]:
    texts = []
    for shown in _visible(component):
        children = getattr(shown, "children", None)
        for child in children if isinstance(children, list | tuple) else [children]:
            if isinstance(child, str):
                texts.append(child)
    return texts


@pytest.mark.parametrize("lang", ["en", "cy"])
def test_the_overview_with_no_school_says_so_once_and_draws_no_axes(
    db: Database, choices: Choices, lang: str
) -> None:
    data = load_overview(db, NONE_CHOSEN)
    assert data.no_schools
    parts = build_overview_parts(data, NONE_CHOSEN, choices, lang)
    message = {
        "en": "No schools match these filters. Choose another region, sector or language medium.",
        "cy": "Nid oes ysgolion yn cyfateb i'r hidlwyr hyn. Dewiswch ranbarth, sector neu gyfrwng "
        "iaith arall.",
    }[lang]
    assert parts.summary == message
    assert parts.headlines == []
    assert parts.charts_hidden is True
    page = build_overview_layout(data, NONE_CHOSEN, choices, lang)
    texts = _visible_texts(page)
    assert texts.count(message) == 1
    assert not any("0 PLCs" in text or "0 o CDPau" in text for text in texts)
    assert not [c for c in _visible(page) if isinstance(c, dcc.Graph)]


def test_the_overview_with_schools_shows_its_charts(db: Database, choices: Choices) -> None:
    filters = Filters("2018/19", "CSC", 681)
    data = load_overview(db, filters)
    assert not data.no_schools
    page = build_overview_layout(data, filters, choices, "en")
    assert len([c for c in _visible(page) if isinstance(c, dcc.Graph)]) == 2
    assert build_overview_parts(data, filters, choices, "en").charts_hidden is False


@pytest.mark.parametrize("lang", ["en", "cy"])
def test_the_network_with_no_school_says_so_once(db: Database, choices: Choices, lang: str) -> None:
    data = load_network(db, NONE_CHOSEN, "map")
    assert data.schools.empty
    filters = replace(NONE_CHOSEN, options=DRAWN)
    message = {
        "en": "No schools match these filters.",
        "cy": "Nid oes ysgolion yn cyfateb i'r hidlwyr hyn.",
    }[lang]
    parts = build_network_parts(data, filters, choices, lang)
    assert parts.detail_hidden is True
    assert parts.rule == ""
    page = build_network_layout(data, filters, choices, lang)
    texts = _visible_texts(page)
    assert texts.count(message) == 1
    assert not [c for c in _visible(page) if isinstance(c, dcc.Graph)]
    # No summary table of zeros, no empty lists or their CSV buttons.
    assert not any(type(c).__name__ in {"Table", "Button"} for c in _visible(page))


def test_the_network_with_schools_shows_the_network_and_lists(
    db: Database, choices: Choices
) -> None:
    filters = Filters("2018/19", "CSC", 681, options=DRAWN)
    data = load_network(db, filters, "map")
    page = build_network_layout(data, filters, choices, "en")
    assert len([c for c in _visible(page) if isinstance(c, dcc.Graph)]) == 1
    buttons = [c.id for c in _visible(page) if type(c).__name__ == "Button"]
    assert buttons == [
        "network-schools-csv-button",
        "network-isolates-csv-button",
        "network-betweenness-csv-button",
        "network-roles-csv-button",
    ]
