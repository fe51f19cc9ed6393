"""The compare page over HTTP and its view in the URL: both years written and read back,
a year the data do not hold answered with a message, and each user's scope kept (the
session's app with its users named by a trusted proxy: tests/dashboard/proxied.py).

The fixture's Cardiff (la:681) has F Fairwater Primary, G Grangetown Primary and H Heath
High School; every school of GwE is called "Ysgol ...". From 2016/17 to 2018/19 the tie
F-G was lost, G left PLCs and H joined them; every other change involves GwE.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import dash
import flask
import pytest

from dashboard.access.signin import AccessConfig
from dashboard.core.downloads import build_csv_name
from dashboard.core.filters import (
    Choices,
    Filters,
    build_search,
    keep_fields,
    parse_search,
    resolve_filters,
    sync_filters,
)
from dashboard.pages.compare.data import WITH
from dashboard.pages.compare.layout import FIELDS, OPTIONS, find_bad_years
from tests.dashboard.proxied import (
    download_payload,
    open_page,
    post_callback,
    proxy_config,
    router_payload,
    serving_as,
)

SEARCH = "?year=2018/19&with=2016/17"


def _read(search: str, choices: Choices) -> Filters:
    names = (*FIELDS, WITH)
    return resolve_filters(keep_fields(parse_search(search), names), choices, OPTIONS)


@pytest.mark.parametrize(
    "filters",
    [
        Filters("2018/19", options=((WITH, "2016/17"),)),
        Filters("2016/17", "CSC", 681, "primary", "english", options=((WITH, "2017/18"),)),
        Filters("2017/18", "GWE", options=((WITH, "2017/18"),)),
    ],
)
@pytest.mark.parametrize("lang", ["en", "cy"])
def test_both_years_go_into_the_url_and_come_back(
    choices: Choices, filters: Filters, lang: str
) -> None:
    search = build_search(filters, lang, OPTIONS)
    assert f"year={filters.year}" in search
    assert f"with={filters.option(WITH)}" in search  # always, even at its default
    assert _read(search, choices) == filters


def test_changing_the_second_year_writes_both_years(choices: Choices) -> None:
    sync = sync_filters(
        choices,
        search="?year=2018/19&la=681",
        controls={"year": "2018/19", "consortium": "CSC", "la": 681, WITH: "2016/17"},
        changed=WITH,
        fields=FIELDS,
        options=OPTIONS,
    )
    assert sync is not None
    assert sync.search == "?year=2018/19&consortium=CSC&la=681&with=2016/17"


def test_a_year_the_data_do_not_hold_falls_back_and_is_named(choices: Choices) -> None:
    query = {"year": "2031/32", WITH: "<b>15/16</b>"}
    filters = _read("?year=2031/32&with=%3Cb%3E15/16%3C/b%3E", choices)
    assert (filters.year, filters.option(WITH)) == ("2018/19", "2017/18")
    assert find_bad_years(query, filters, "en") == [
        "\u201c2031/32\u201d in the link is not an academic year of the data, so 2018/19 is "
        "shown instead.",
        "\u201c<b>15/16</b>\u201d in the link is not an academic year of the data, so 2017/18 "
        "is shown instead.",
    ]
    assert find_bad_years({"year": "2018/19"}, filters, "en") == []


def test_the_csv_is_named_after_both_years() -> None:
    filters = Filters("2018/19", "CSC", 681, options=((WITH, "2016/17"),))
    assert (
        build_csv_name("compare", "ties", filters, OPTIONS)
        == "plcnet-compare-ties-2018-19-681-2016-17.csv"
    )


@pytest.fixture
def server(app: dash.Dash, tmp_path: Path) -> Iterator[flask.Flask]:
    with serving_as(app, proxy_config(tmp_path)) as server:
        yield server


def test_a_pasted_link_with_a_bad_year_says_so(server: flask.Flask) -> None:
    text = open_page(server.test_client(), "analyst", "/compare", "?year=2031/32&with=2016/17")
    assert "is not an academic year of the data, so 2018/19 is shown instead" in text
    assert '"role": "alert"' in text


def test_the_analyst_sees_every_school_that_changed(server: flask.Flask) -> None:
    text = open_page(server.test_client(), "analyst", "/compare", SEARCH)
    for name in ("Ysgol Bodedern", "Heath High School", "Grangetown Primary", "Ysgol Eryri"):
        assert name in text


def test_a_cardiff_officer_sees_cardiff_schools_only(server: flask.Flask) -> None:
    client = server.test_client()
    text = open_page(client, "cardiff", "/compare", SEARCH)
    assert "Grangetown Primary" in text and "Heath High School" in text
    assert "Ysgol" not in text
    # The counts over Wales are public figures; the pairs outside Cardiff are counted only.
    assert "ties gained 5, lost 2, kept 1" in text
    assert "Ties counted above but not listed" in text
    for what, present in (("ties", "Grangetown Primary"), ("schools", "Heath High School")):
        status, body = post_callback(
            client, "cardiff", download_payload("compare", what, SEARCH, "/compare")
        )
        assert status == 200
        content = json.loads(body)["response"][f"compare-{what}-csv"]["data"]["content"]
        assert present in content
        assert "Ysgol" not in content


def test_public_figures_only_name_no_school(app: dash.Dash) -> None:
    with serving_as(app, AccessConfig(mode="public")) as server:
        client = server.test_client()
        response = client.post(
            "/_dash-update-component",
            json=router_payload("/compare", SEARCH),
            environ_base={"REMOTE_ADDR": "127.0.0.1"},
        )
        text = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "ties gained 5, lost 2, kept 1" in text
    for name in ("Ysgol", "Fairwater", "Grangetown", "Heath High"):
        assert name not in text
