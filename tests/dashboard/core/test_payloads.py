"""Crafted callback requests (dashboard/core/payloads.py): a list or an object sent where the
dashboard reads text, the page's URL or a filter, gets 400 and a plain message, never a
500 or a traceback; for every callback Dash lists, its own page router included."""

from __future__ import annotations

from collections.abc import Iterator

import dash
import pytest
from flask.testing import FlaskClient
from werkzeug.test import TestResponse

from dashboard.core import ids
from dashboard.core.payloads import LOCATION_PROPS, MalformedValueError, check_callback_payload
from dashboard.i18n import t
from tests.bench.dashboard_bench import (
    Dependency,
    Key,
    build_payload,
    read_components,
    read_dependencies,
)

UPDATE = "/_dash-update-component"
CRAFTED = (["2018/19", "2017/18"], {"year": "2018/19"})
ROUTER = ("_pages_content", "children")
FREE_TEXT = {(ids.PLCS_SEARCH, "value")}  # the PLC directory's search box


@pytest.fixture
def client(app: dash.Dash) -> FlaskClient:
    return app.server.test_client()


def _dependencies(client: FlaskClient) -> list[Dependency]:
    client.get("/")  # Dash registers the callbacks with the first request
    deps, _ = read_dependencies(client.get("/_dash-dependencies").get_json())
    return deps


def _reads_text(dep: Dependency) -> Iterator[Key]:
    """The inputs and state of ``dep`` read as text: a page's URL, the filters of a page's
    view callback (the one writing its URL's search), the directory's search box."""
    is_view = dep.outputs[0][1] == "search"
    for key in (*dep.inputs, *dep.state):
        if key[1] in LOCATION_PROPS or key in FREE_TEXT or (is_view and key[1] == "value"):
            yield key


def _valid_values(dep: Dependency) -> dict[Key, object]:
    """Values a page could send: its URL, the rest unset."""
    values: dict[Key, object] = {key: None for key in (*dep.inputs, *dep.state)}
    for key in values:
        if key[1] == "pathname":
            values[key] = "/"
        elif key[1] == "search":
            values[key] = "?year=2018/19"
    return values


def _post(
    client: FlaskClient, dep: Dependency, values: dict[Key, object], changed: Key
) -> TestResponse:
    trigger = changed if changed in dep.inputs else dep.inputs[0]
    return client.post(UPDATE, json=build_payload(dep, values, [trigger]))


def test_a_list_or_object_where_text_is_read_is_a_400(client: FlaskClient) -> None:
    tried: list[tuple[str, Key]] = []
    for dep in _dependencies(client):
        for key in _reads_text(dep):
            for crafted in CRAFTED:
                values = {**_valid_values(dep), key: crafted}
                reply = _post(client, dep, values, key)
                assert reply.status_code == 400, (dep.name, key, crafted, reply.status_code)
                body = reply.get_data(as_text=True)
                assert body == t("request.malformed", "en")
                assert "Traceback" not in body
            tried.append((dep.name, key))
    names = {name for name, _ in tried}
    keys = {key for _, key in tried}
    # The router of every page, the view and the CSV callbacks of the pages, each filter.
    assert any(name.startswith(".".join(ROUTER)) for name in names)
    assert {("_pages_location", "search"), ("_pages_location", "pathname")} <= keys
    assert {("overview-url", "search"), ("overview-consortium", "value")} <= keys
    assert {("school-url", "pathname"), ("network-la", "value"), (ids.PLCS_SEARCH, "value")} <= keys
    assert any(name.startswith("overview-headlines-csv") for name in names)


def test_the_same_requests_with_text_are_answered(client: FlaskClient) -> None:
    deps = {dep.outputs[0]: dep for dep in _dependencies(client)}
    router = deps[ROUTER]
    values = {("_pages_location", "pathname"): "/", ("_pages_location", "search"): "?la=661"}
    assert _post(client, router, values, router.inputs[0]).status_code == 200
    view = deps[("overview-url", "search")]
    values = {**_valid_values(view), ("overview-consortium", "value"): "CSC"}
    reply = _post(client, view, values, ("overview-consortium", "value"))
    assert reply.status_code == 200
    assert reply.get_json()["response"]["overview-url"]["search"] == "?year=2018/19&consortium=CSC"


def test_a_key_repeated_in_a_pasted_url_takes_its_first_value(client: FlaskClient) -> None:
    # Dash gives the page's layout ?consortium=CSC&consortium=GWE as a list.
    router = {dep.outputs[0]: dep for dep in _dependencies(client)}[ROUTER]
    search = "?consortium=CSC&consortium=GWE"
    values = {("_pages_location", "pathname"): "/", ("_pages_location", "search"): search}
    reply = _post(client, router, values, router.inputs[0])
    assert reply.status_code == 200
    content = reply.get_json()["response"][ROUTER[0]][ROUTER[1]]
    shown = {c["props"]["id"]: c["props"] for c in read_components(content) if "id" in c["props"]}
    assert shown["overview-consortium"]["value"] == "CSC"


@pytest.mark.parametrize(
    "payload",
    [
        {"inputs": [{"id": "x-url", "property": "search", "value": ["?a=1"]}]},
        {"state": [{"id": "x-url", "property": "href", "value": {"a": 1}}]},
        # A pattern-matching input (ALL) sends a list of inputs.
        {"inputs": [[{"id": {"i": 1}, "property": "pathname", "value": 3.5}]]},
    ],
)
def test_a_url_that_is_not_text_is_refused(payload: dict) -> None:
    with pytest.raises(MalformedValueError):
        check_callback_payload(payload)


@pytest.mark.parametrize(
    "payload",
    [
        {"inputs": [{"id": "x-url", "property": "search", "value": "?a=1"}]},
        {"inputs": [{"id": "x-url", "property": "search", "value": None}]},
        # Other props may hold anything: a graph's clickData is an object.
        {"inputs": [{"id": "x-graph", "property": "clickData", "value": {"points": []}}]},
        ["not", "an", "object"],
    ],
)
def test_text_urls_and_other_props_pass(payload: object) -> None:
    check_callback_payload(payload)


CLICK = (ids.chart_graph("network", "schools"), "clickData")
PLCS_PAGE = (ids.PLCS_PAGE, "data")


@pytest.mark.parametrize(
    ("key", "crafted"),
    [
        (CLICK, ["a", "list"]),
        (CLICK, {"points": "not a list"}),
        (CLICK, {"points": [{"customdata": ["6612001"]}]}),
        (CLICK, {"points": [{"customdata": [{"school": 1}]}]}),
        (PLCS_PAGE, [1, 2]),
        (PLCS_PAGE, "3"),
        (PLCS_PAGE, {"page": 3}),
    ],
)
def test_a_crafted_click_or_page_store_is_a_400(
    client: FlaskClient, key: Key, crafted: object
) -> None:
    dep = next(d for d in _dependencies(client) if key in (*d.inputs, *d.state))
    values = {**_valid_values(dep), key: crafted}
    reply = _post(client, dep, values, key)
    assert reply.status_code == 400, reply.get_data(as_text=True)[:300]
    assert reply.get_data(as_text=True) == t("request.malformed", "en")


def test_a_click_on_a_school_still_opens_its_profile(client: FlaskClient) -> None:
    dep = next(d for d in _dependencies(client) if CLICK in d.inputs)
    click = {"points": [{"customdata": [6612001, "x"]}]}
    reply = _post(client, dep, {**_valid_values(dep), CLICK: click}, CLICK)
    assert reply.status_code == 200
    href = reply.get_json()["response"][ids.NETWORK_OPEN_SCHOOL]["href"]
    assert href == "/school/6612001?year=2018/19"
