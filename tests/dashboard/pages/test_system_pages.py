"""The pages on a school system that lacks what Wales has: the plain island
(tests/data/systems/plain_island.toml) has no outcome measures, no focus areas and no
map, as England's GIAS files have none. Served over the fixture database (its rows are
Wales's, its recorded system the plain island), each page says plainly what the system
lacks and why, with no empty chart, and names the island's levels ("Parish", "Island")
and its groups ("group") where Wales says "local authority", "consortium" and "PLC".
Wales's own pages keep their words (the last tests)."""

from __future__ import annotations

import importlib
import shutil
from collections.abc import Iterator
from pathlib import Path

import dash
import duckdb
import pytest
from dash import dcc, html
from dash.development.base_component import Component

from dashboard.core import ids
from dashboard.core.db import CONFIG_KEY, Database
from dashboard.core.filters import Filters
from dashboard.pages.network.data import resolve_view
from etl.settings_table import record_system
from etl.systems import load_system

PLAIN_ISLAND = Path(__file__).resolve().parents[2] / "data" / "systems" / "plain_island.toml"
NO_OUTCOMES = "This system has no outcome data"


@pytest.fixture(scope="module")
def plain_island_path(overview_db_path: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture database, its recorded system the plain island."""
    path = tmp_path_factory.mktemp("plain_island") / "plcnet.duckdb"
    shutil.copy(overview_db_path, path)
    with duckdb.connect(str(path)) as con:
        record_system(con, load_system(PLAIN_ISLAND))
    return path


@pytest.fixture
def on_plain_island(
    app: dash.Dash, plain_island_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[None]:
    """A request to the session's app, which serves the plain island."""
    monkeypatch.setitem(app.server.config, CONFIG_KEY, Database(plain_island_path))
    with app.server.test_request_context("/"):
        yield


def page_layout(page: str, **query: str) -> html.Div:
    """The page's own layout(**query), as Dash's router calls it."""
    return importlib.import_module(f"dashboard.pages.{page}.page").layout(**query)


def visible(component: object) -> Iterator[Component]:
    """The components a reader sees: none inside a hidden one."""
    if not isinstance(component, Component) or getattr(component, "hidden", False):
        return
    yield component
    children = getattr(component, "children", None)
    for child in children if isinstance(children, list | tuple) else [children]:
        yield from visible(child)


def visible_text(component: object) -> str:
    texts = []
    for shown in visible(component):
        children = getattr(shown, "children", None)
        for child in children if isinstance(children, list | tuple) else [children]:
            if isinstance(child, str):
                texts.append(child)
    return " | ".join(texts)


def find(component: object, component_id: str) -> Component | None:
    return next((c for c in _walk(component) if getattr(c, "id", None) == component_id), None)


def _walk(component: object) -> Iterator[Component]:
    if isinstance(component, Component):
        yield component
        children = getattr(component, "children", None)
        for child in children if isinstance(children, list | tuple) else [children]:
            yield from _walk(child)


def visible_graphs(component: object) -> list[str]:
    return [str(c.id) for c in visible(component) if isinstance(c, dcc.Graph)]


@pytest.mark.usefixtures("on_plain_island")
def test_the_overview_says_the_system_has_no_outcomes_instead_of_a_support_chart() -> None:
    page = page_layout("overview", year="2018/19")
    shown = visible_text(page)
    assert NO_OUTCOMES in shown
    assert "The data loaded for The Plain Island hold no support category" in shown
    # The support chart's parts stay for the callback, hidden and empty; the trend is drawn.
    assert visible_graphs(page) == [ids.chart_graph("overview", "headlines")]
    hidden_graph = find(page, ids.chart_graph("overview", "support"))
    assert hidden_graph is not None and hidden_graph.figure == {}
    # No sentence about green schools in the summary either.
    summary = find(page, ids.OVERVIEW_SUMMARY)
    assert summary is not None and "green" not in summary.children.lower()


@pytest.mark.usefixtures("on_plain_island")
def test_the_overviews_callback_fills_no_support_chart() -> None:
    from dashboard.core.views import read_view
    from dashboard.pages.overview.data import load_overview
    from dashboard.pages.overview.layout import FIELDS, build_overview_parts

    view = read_view({"year": "2018/19"}, FIELDS)
    assert view is not None
    parts = build_overview_parts(
        load_overview(view.db, view.filters), view.filters, view.choices, "en"
    )
    assert parts.support_figure == {}
    assert parts.headlines  # the rest is there


@pytest.mark.usefixtures("on_plain_island")
def test_the_impact_page_says_the_system_has_no_outcomes_and_draws_nothing() -> None:
    page = page_layout("impact", year="2018/19")
    shown = visible_text(page)
    assert NO_OUTCOMES in shown
    assert "hold no attainment of its schools" in shown
    assert visible_graphs(page) == []
    # Nothing to filter: the filters stay in the page for the callback, hidden.
    year = find(page, ids.filter_control("impact", "year"))
    assert year is not None and year not in list(visible(page))


@pytest.mark.usefixtures("on_plain_island")
def test_the_school_page_has_no_support_category_card_or_chart() -> None:
    page = page_layout("school", school_id="6602001", year="2018/19")
    shown = visible_text(page)
    assert NO_OUTCOMES in shown
    assert find(page, "school-card-category") is None
    assert ids.chart_graph("school", "support") not in visible_graphs(page)
    assert ids.chart_graph("school", "measures") in visible_graphs(page)


@pytest.mark.parametrize("page", ["plcs", "network", "compare"])
@pytest.mark.usefixtures("on_plain_island")
def test_the_focus_filter_is_hidden_where_the_system_has_no_focus_areas(page: str) -> None:
    layout = page_layout(page, year="2018/19")
    control = find(layout, ids.filter_control(page, "focus"))
    assert control is not None  # in the page, for the callback
    assert control not in list(visible(layout))
    assert "focus" not in visible_text(layout).lower().split("|")[0]


@pytest.mark.usefixtures("on_plain_island")
def test_the_network_offers_no_map_and_says_why() -> None:
    layout = page_layout("network", year="2018/19", view="map")
    views = find(layout, ids.filter_control("network", "view"))
    assert views is not None
    assert "map" not in [option["value"] for option in views.options]
    assert "hold no locations of its schools, so the schools are drawn in a force layout" in (
        visible_text(layout)
    )
    assert resolve_view("map", Filters("2018/19")) == "force"


@pytest.mark.usefixtures("on_plain_island")
def test_the_regions_page_draws_no_choropleth_and_says_why() -> None:
    layout = page_layout("regions", year="2018/19")
    shown = visible_text(layout)
    assert "No map for this system" in shown
    assert "hold no boundaries of its parishes" in shown
    assert ids.chart_graph("regions", "map") not in visible_graphs(layout)
    assert find(layout, ids.chart_graph("regions", "map")).figure == {}


@pytest.mark.usefixtures("on_plain_island")
def test_the_pages_name_the_islands_levels_and_groups() -> None:
    regions = visible_text(page_layout("regions", year="2018/19"))
    assert "Parishes and islands" in regions
    assert "Ties between parishes (E-I matrix), 2018/19" in regions
    assert "Local authorit" not in regions
    plcs = page_layout("plcs", year="2018/19")
    plcs_text = visible_text(plcs)
    assert "Group directory" in plcs_text and "Search group names" in plcs_text
    print([p for p in plcs_text.split(" | ") if "PLC" in p])
    assert "PLC" not in plcs_text.replace("plcnet", "")
    overview_page = page_layout("overview", year="2018/19")
    overview = visible_text(overview_page)
    assert find(overview_page, ids.filter_control("overview", "la")).placeholder == "All parishes"
    assert "Parish" in overview and "Headline figures, 2018/19, The Plain Island" in overview
    assert "Schools in at least one group" in overview


def test_wales_keeps_its_words(app: dash.Dash) -> None:
    with app.server.test_request_context("/"):
        regions = visible_text(page_layout("regions", year="2018/19"))
        assert "Local authorities and consortia" in regions
        assert "Ties between local authorities (E-I matrix), 2018/19" in regions
        welsh = page_layout("overview", year="2018/19", lang="cy")
        overview = visible_text(welsh)
        assert "Awdurdod lleol" in overview and "Consortiwm" in overview
        assert find(welsh, ids.filter_control("overview", "la")).placeholder == (
            "Pob awdurdod lleol"
        )
        assert "Ysgolion mewn o leiaf un CDP" in overview
        assert NO_OUTCOMES not in visible_text(page_layout("impact", year="2018/19"))
        plcs = visible_text(page_layout("plcs", year="2018/19"))
        assert "PLC directory" in plcs and "Search PLC names" in plcs
