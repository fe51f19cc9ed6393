"""English and Welsh: the language in the URL, the shell and the page in it, the switch."""

from __future__ import annotations

import dash
import pytest
from dash import html

from dashboard.app import build_index, render_shell
from dashboard.core import ids
from dashboard.core.filters import Filters, build_search
from dashboard.core.language import build_language_href, choose_lang, lang_from_search
from tests.dashboard.components import text_of, walk


@pytest.mark.parametrize(
    ("search", "expected"),
    [("", "en"), (None, "en"), ("?lang=cy", "cy"), ("?year=2018/19&lang=cy", "cy"),
     ("?lang=fr", "en"), ("?lang=en", "en")],
)  # fmt: skip
def test_language_comes_from_the_query_string(search: str | None, expected: str) -> None:
    assert lang_from_search(search) == expected


def test_unknown_language_gives_english() -> None:
    assert choose_lang(None) == choose_lang("de") == "en"


def test_search_names_welsh_and_leaves_english_out() -> None:
    assert build_search(Filters("2018/19", "GWE"), "cy") == "?year=2018/19&consortium=GWE&lang=cy"
    assert build_search(Filters("2018/19", "GWE"), "en") == "?year=2018/19&consortium=GWE"


@pytest.mark.parametrize(
    ("search", "lang", "expected"),
    [
        ("?year=2017/18&la=661", "cy", "/?year=2017/18&la=661&lang=cy"),
        ("?year=2017/18&lang=cy", "en", "/?year=2017/18"),
        ("", "en", "/"),
    ],
)
def test_language_link_keeps_the_view(search: str, lang: str, expected: str) -> None:
    assert build_language_href("/", search, lang) == expected


def test_welsh_page_is_served_with_html_lang_cy(app: dash.Dash) -> None:
    with app.server.test_request_context("/?lang=cy"):
        page = build_index(metas="", title="plcnet", css="", config="", scripts="",
                           app_entry="", favicon="", renderer="")  # fmt: skip
    assert '<html lang="cy">' in page
    assert ">Neidio i'r prif gynnwys</a>" in page
    with app.server.test_request_context("/"):
        assert '<html lang="en">' in build_index(app_entry="", config="", scripts="")


def test_shell_follows_the_language_of_the_page_that_asks(app: dash.Dash) -> None:
    # Dash asks for the layout from the page: its Referer holds the page's URL.
    referer = "http://localhost/?year=2017/18&lang=cy"
    with app.server.test_request_context("/_dash-layout", headers={"Referer": referer}):
        shell = render_shell()
    by_id = {c.id: c for c in walk(shell) if isinstance(getattr(c, "id", None), str)}
    assert text_of(by_id[ids.SHELL_AS_AT]) == (
        "Data fel ar 1 Medi 2019 10:16 · adnewyddiad 20190901T101500-a1b2"
    )
    switch = by_id[ids.SHELL_LANGUAGE]
    assert (text_of(switch), switch.href, switch.lang) == ("English", "/?year=2017/18", "en")
    nav = by_id[ids.SHELL_NAV]
    links = [(link.children, link.href) for link in walk(nav) if hasattr(link, "href")]
    # Each link keeps the language, and the year where its page has a year.
    assert links[0] == ("Trosolwg", "/?year=2017/18&lang=cy")
    assert ("Cydweithio a gwella", "/impact?year=2017/18&lang=cy") in links
    assert ("CDPau", "/plcs?year=2017/18&lang=cy") in links
    assert ("Rhanbarthau", "/regions?year=2017/18&lang=cy") in links
    assert ("Rhwydwaith", "/network?year=2017/18&lang=cy") in links
    assert ("Data", "/data?lang=cy") in links


def test_english_shell_offers_cymraeg(app: dash.Dash) -> None:
    with app.server.test_request_context("/"):
        shell = render_shell()
    switch = next(c for c in walk(shell) if getattr(c, "id", None) == ids.SHELL_LANGUAGE)
    assert (text_of(switch), switch.href, switch.lang) == ("Cymraeg", "/?lang=cy", "cy")


def test_overview_in_welsh_uses_welsh_words_and_names(app: dash.Dash) -> None:
    page = dash.page_registry["dashboard.pages.overview.page"]
    with app.server.test_request_context("/"):
        layout = page["layout"](year="2017/18", la="681", lang="cy")
    by_id = {c.id: c for c in walk(layout) if getattr(c, "id", None)}
    assert text_of(next(c for c in walk(layout) if isinstance(c, html.H1))) == (
        "Trosolwg o'r system"
    )
    assert text_of(by_id[ids.OVERVIEW_SCOPE]) == "Prif ffigurau, 2017/18, Caerdydd"
    card = text_of(by_id[ids.overview_headline("schools_in_plcs")])
    assert card.startswith("Ysgolion mewn o leiaf un CDP3Cynnydd o 1 ers 2016/17")


def test_a_page_without_lang_is_english_whatever_page_linked_to_it(app: dash.Dash) -> None:
    with app.server.test_request_context("/", headers={"Referer": "http://localhost/?lang=cy"}):
        assert '<html lang="en">' in build_index(app_entry="", config="", scripts="")
