"""The first view (dashboard/app.py render_first_view): the page's HTML as the server
sends it, read with no JavaScript at all. It holds the page's heading and tables, is
escaped, says only what the user may see, and never stops the page loading."""

from __future__ import annotations

import ipaddress
import shutil
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

import dash
import duckdb
import flask
import pytest

from dashboard.access.audit import read_events
from dashboard.access.signin import AccessConfig
from dashboard.core.layouts import LAYOUTS_KEY
from dashboard.i18n import t
from dashboard.ui.labels import level_words
from tests.dashboard.proxied import serving_as

ROLES = {
    "analysts": frozenset({"national"}),
    "cardiff-la": frozenset({"la:681"}),
}
GROUPS = {"analyst": "analysts", "cardiff": "cardiff-la"}
PROXY = {"REMOTE_ADDR": "127.0.0.1"}
# Gwynedd's and Anglesey's schools (GwE), outside Cardiff's scope (tests/dashboard/fixtures.py).
GWE_SCHOOLS = ("Ysgol Aber", "Ysgol Bodedern", "Ysgol Caernarfon", "Ysgol Dolgellau")
CARDIFF_SCHOOLS = ("Fairwater Primary", "Grangetown Primary", "Heath High School")
HOSTILE = '<img src=x onerror="alert(1)">Fairwater'


class FirstView(HTMLParser):
    """The first view of a page's HTML: its text and its elements, as a browser with
    scripts turned off reads them."""

    def __init__(self, page: str) -> None:
        super().__init__()
        self.depth = 0
        self.text: list[str] = []
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.found = False
        self.feed(page)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if self.depth == 0 and attributes.get("id") == "first-view":
            self.found = True
            self.depth = 1
            return
        if self.depth:
            self.tags.append((tag, attributes))
            if tag not in {"br", "hr", "img", "input", "col", "wbr"}:
                self.depth += 1

    def handle_endtag(self, tag: str) -> None:
        if self.depth:
            self.depth -= 1

    def handle_data(self, data: str) -> None:
        if self.depth:
            self.text.append(data)

    @property
    def words(self) -> str:
        return " ".join(" ".join(self.text).split())

    def named(self, tag: str) -> list[dict[str, str | None]]:
        """The attributes of each element ``tag`` of the first view."""
        return [attributes for name, attributes in self.tags if name == tag]


def first_view(response: flask.Response) -> FirstView:
    assert response.status_code == 200
    return FirstView(response.get_data(as_text=True))


@pytest.fixture
def client(app: dash.Dash) -> flask.testing.FlaskClient:
    return app.server.test_client()


@pytest.fixture
def proxied(app: dash.Dash) -> Iterator[flask.Flask]:
    config = AccessConfig(
        mode="proxy", roles=ROLES, trusted_proxies=(ipaddress.ip_network("127.0.0.1/32"),)
    )
    with serving_as(app, config) as server:
        yield server


def get_as(server: flask.Flask, user: str, path: str) -> flask.Response:
    headers = {"X-Forwarded-User": user, "X-Forwarded-Groups": GROUPS[user]}
    return server.test_client().get(path, headers=headers, environ_base=PROXY)


def test_a_page_without_charts_is_in_the_html_before_any_script(client) -> None:
    view = first_view(client.get("/accessibility"))
    assert view.found
    assert t("accessibility.title", "en") in view.words
    assert t("shell.site_name", "en") in view.words  # the shell: header, nav, footer
    assert ("main", {"id": "first-view-main", "tabindex": "-1"}) in view.tags


@pytest.mark.parametrize("lang", ["en", "cy"])
def test_a_page_of_figures_has_its_heading_and_tables_in_the_html(client, lang: str) -> None:
    page = client.get(f"/regions?lang={lang}")
    view = first_view(page)
    assert f'<html lang="{lang}">' in page.get_data(as_text=True)
    assert t("regions.title", lang, **level_words(lang)) in view.words
    assert view.named("table"), "the page's tables are in the first view"
    cardiff = {"en": "Cardiff", "cy": "Caerdydd"}[lang]
    assert cardiff in view.words and "Gwynedd" in view.words
    # Its charts are boxes of their size, drawn once plotly has loaded.
    assert any("first-view-graph" in (a.get("class") or "") for _, a in view.tags)


def test_the_first_view_follows_the_filters_in_the_url(client) -> None:
    gwynedd = first_view(client.get("/network?la=661")).words
    assert "Ysgol Caernarfon" in gwynedd
    assert not any(name in gwynedd for name in CARDIFF_SCHOOLS)


def test_ids_in_the_first_view_are_its_own(client) -> None:
    page = client.get("/regions").get_data(as_text=True)
    ids = [a["id"] for _, a in FirstView(page).tags if a.get("id")]
    assert ids and all(i.startswith("first-view-") for i in ids)
    assert len(ids) == len(set(ids))
    # React's page goes beside it, in Dash's own entry point.
    assert 'id="react-entry-point"' in page


def test_a_hostile_name_in_the_data_is_text_not_markup(
    app: dash.Dash, overview_db_path: Path, tmp_path: Path
) -> None:
    hostile_db = tmp_path / "plcnet.duckdb"
    shutil.copy(overview_db_path, hostile_db)
    with duckdb.connect(str(hostile_db)) as con:
        con.execute("UPDATE schools SET name = $name WHERE school_id = 6812001", {"name": HOSTILE})
    with serving_as(app, AccessConfig(), db=hostile_db) as server:
        page = server.test_client().get("/school/6812001").get_data(as_text=True)
    view = FirstView(page)
    assert HOSTILE in view.words  # read back as text, whole
    assert "&lt;img src=x onerror=" in page and "<img src=x" not in page
    assert not view.named("img")
    assert "onerror" not in str(view.tags)


def test_an_officer_first_html_holds_no_school_of_another_la(proxied: flask.Flask) -> None:
    for path in ("/network", "/plcs", "/regions", "/school/6612001"):
        words = first_view(get_as(proxied, "cardiff", path)).words
        assert not any(name in words for name in GWE_SCHOOLS), path
    # The same pages show the officer's own schools, and a national analyst the others.
    assert "Fairwater Primary" in first_view(get_as(proxied, "cardiff", "/network")).words
    outside = first_view(get_as(proxied, "cardiff", "/school/6612001")).words
    assert t("scope.outside_title", "en") in outside
    assert "Ysgol Caernarfon" in first_view(get_as(proxied, "analyst", "/school/6612001")).words


def test_a_page_the_user_lacks_the_role_for_is_not_built_for_the_first_view(
    proxied: flask.Flask,
) -> None:
    view = first_view(get_as(proxied, "cardiff", "/audit"))
    assert view.found  # the shell
    assert t("audit.title", "en") not in view.words
    # The refusal is the router's to record, once, when the page is asked for by it.
    assert not [event for event in read_events() if event.kind == "refusal"]


def test_a_first_view_that_fails_leaves_the_page_to_the_browser(
    app: dash.Dash, client, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = next(p for p in dash.page_registry.values() if p["path"] == "/help")

    def broken(**query: str) -> None:
        raise RuntimeError("a page that cannot be built")

    monkeypatch.setitem(page, "layout", broken)
    app.server.config[LAYOUTS_KEY].clear()  # not the first view of /help kept before
    answer = client.get("/help")
    assert answer.status_code == 200
    assert not first_view(answer).found
    assert 'id="react-entry-point"' in answer.get_data(as_text=True)
