"""Links between pages keep the shared filters the page linked to has, and the language
(core/links.py build_page_href, the nav of ui/shell.py, assets/nav-links.js in the
browser); the server still keeps a region within the user's scope."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import parse_qsl, urlsplit

import dash
import pytest
from dash import dcc, html

from dashboard.access.users import User, acting_as
from dashboard.app import PACKAGE_DIR
from dashboard.core import ids
from dashboard.core.filters import FIELDS
from dashboard.core.links import build_page_href
from dashboard.core.registry import page_fields, page_key
from dashboard.core.views import read_view
from dashboard.pages.network import layout as network
from dashboard.pages.regions import layout as regions
from dashboard.ui.shell import build_nav
from tests.dashboard.components import walk

VIEW = "?year=2017/18&consortium=GWE&la=661&sector=primary&medium=welsh&focus=numeracy"


def test_a_link_keeps_the_shared_filters_its_page_has() -> None:
    href = build_page_href("/network", VIEW + "&lang=cy", FIELDS)
    assert href == "/network" + VIEW + "&lang=cy"
    assert build_page_href("/regions", VIEW, regions.FIELDS) == (
        "/regions?year=2017/18&consortium=GWE&la=661"
    )


def test_a_link_drops_what_its_page_does_not_have() -> None:
    # The regions page's own choices (measure, sort) and a filter the impact page lacks.
    search = "?la=661&measure=ei_index&sort=name&year=2017/18&lang=cy&utm=x"
    assert build_page_href("/impact", search, ("year",)) == "/impact?year=2017/18&lang=cy"
    assert build_page_href("/data", search, ()) == "/data?lang=cy"
    assert build_page_href("/data", "", ()) == "/data"


def test_a_link_takes_the_first_of_a_repeated_filter_and_skips_empty_ones() -> None:
    href = build_page_href("/plcs", "?la=&year=2018/19&year=2017/18&la=661", FIELDS)
    assert href == "/plcs?year=2018/19&la=661"


def test_every_page_names_the_filters_it_has(app: dash.Dash) -> None:
    fields = {page_key(p): page_fields(p) for p in dash.page_registry.values()}
    assert fields["network"] == network.FIELDS
    assert fields["regions"] == regions.FIELDS
    assert fields["impact"] == ("year",)
    assert fields["data"] == ()
    assert all(set(f) <= set(FIELDS) for f in fields.values())


def _nav_links(search: str, lang: str) -> dict[str, dcc.Link]:
    nav = build_nav(dash.page_registry.values(), lang, search)
    return {link.id["page"]: link for link in walk(nav) if isinstance(link, dcc.Link)}


def test_the_nav_links_keep_the_view_of_the_page_served(app: dash.Dash) -> None:
    with app.server.test_request_context("/"):
        links = _nav_links(VIEW + "&measure=density", "cy")
    assert links["network"].href == "/network" + VIEW + "&lang=cy"
    assert (
        links["overview"].href
        == "/?year=2017/18&consortium=GWE&la=661&sector=primary&medium=welsh&lang=cy"
    )
    assert links["impact"].href == "/impact?year=2017/18&lang=cy"
    assert links["data"].href == "/data?lang=cy"
    # The browser keeps them in step from the filters each link's id names.
    assert links["regions"].id == {
        "type": ids.SHELL_NAV_LINK,
        "page": "regions",
        "keep": "year consortium la",
    }


def test_the_nav_folds_behind_a_button_that_says_whether_it_is_open(app: dash.Dash) -> None:
    with app.server.test_request_context("/"):
        nav = build_nav(dash.page_registry.values(), "cy")
    button = next(c for c in walk(nav) if isinstance(c, html.Button))
    assert button.children == "Dewislen"
    assert button.type == "button"
    assert getattr(button, "aria-expanded") == "false"
    assert getattr(button, "aria-controls") == ids.SHELL_NAV_LIST


def test_the_browser_keeps_the_same_filters_as_the_server() -> None:
    script = (Path(PACKAGE_DIR) / "assets" / "nav-links.js").read_text()
    shared = re.search(r"var SHARED = \[([^\]]*)\]", script)
    assert shared is not None
    assert re.findall(r'"(\w+)"', shared.group(1)) == [*FIELDS, "lang"]


@pytest.mark.parametrize(("la", "shown"), [(661, 681), (681, 681)])
def test_a_link_to_an_la_outside_the_scope_shows_the_scope(
    app: dash.Dash, la: int, shown: int
) -> None:
    # A Cardiff officer follows a link that carries Gwynedd (661): the network page, which
    # shows schools, falls back to Cardiff, read from the server's session.
    href = build_page_href("/network", f"?year=2018/19&la={la}", network.FIELDS)
    query = dict(parse_qsl(urlsplit(href).query))
    cardiff = User("cardiff", "cardiff", frozenset({"la:681"}))
    with app.server.test_request_context(href), acting_as(cardiff):
        view = read_view(query, network.FIELDS, "/network", detail=True)
    assert view is not None
    assert (view.filters.la, view.filters.consortium) == (shown, "CSC")


def _links_of_page(app: dash.Dash, module: str, **query: str) -> list[str]:
    """The hrefs of the links a page's layout draws for ``query`` (as Dash gives it)."""
    page = dash.page_registry[f"dashboard.pages.{module}.page"]
    with app.server.test_request_context("/"):
        drawn = page["layout"](**query)
    return [link.href for link in walk(drawn) if isinstance(link, dcc.Link)]


# The view of a page of one thing as a link could carry it, with a page's own choice
# (measure) and a repeated year (Dash gives a list: the first wins).
SHARED = dict(parse_qsl(VIEW.lstrip("?")))
CARRIED = {**SHARED, "year": ["2017/18", "2016/17"], "measure": "density", "lang": "cy"}
TO_OVERVIEW = "/?year=2017/18&consortium=GWE&la=661&sector=primary&medium=welsh&lang=cy"


def test_the_way_back_from_an_unknown_school_keeps_the_view(app: dash.Dash) -> None:
    # The overview has no focus filter: it is dropped, as the nav's link drops it.
    assert _links_of_page(app, "school", school_id="6619999", **CARRIED) == [TO_OVERVIEW]
    assert _links_of_page(app, "school", school_id="6619999") == ["/"]


def test_the_way_back_from_an_unknown_plc_keeps_the_view(app: dash.Dash) -> None:
    # The directory has every shared filter, focus too.
    assert _links_of_page(app, "plc", plc_id="P9", **CARRIED) == ["/plcs" + VIEW + "&lang=cy"]
    assert _links_of_page(app, "plc", plc_id="P9", lang="cy") == ["/plcs?lang=cy"]


@pytest.mark.parametrize(("module", "subject"), [("school", "6612001"), ("plc", "P1")])
def test_the_way_back_from_outside_the_scope_keeps_the_view(
    app: dash.Dash, module: str, subject: str
) -> None:
    # A Cardiff officer asks for a school or PLC of Gwynedd: the way back to the overview
    # keeps the view; the overview keeps its LA within Cardiff, on the server.
    cardiff = User("cardiff", "cardiff", frozenset({"la:681"}))
    key = "school_id" if module == "school" else "plc_id"
    with acting_as(cardiff):
        links = _links_of_page(app, module, **{key: subject}, **CARRIED)
    assert links == [TO_OVERVIEW]
