"""Scope over HTTP: the real app, its users signed in by a trusted proxy's headers
(dashboard/access/signin.py, proxy mode), asked through Flask's test client what a browser
or a crafted request would ask: pasted URLs, Dash's callback POSTs with a path,
query string or dropdown value naming a school, LA or consortium outside the scope,
and the CSV download callbacks. Nothing of what lies outside comes back.

Cardiff (la:681) may see F, G and H (Fairwater Primary, Grangetown Primary, Heath High
School) and the PLCs P2, P3, P4 and P6; not C (Ysgol Caernarfon, Gwynedd), nor P1
("Literacy across Môn and Gwynedd"), nor any school of GwE (their names all start
"Ysgol"; their numbers with 660 and 661).
"""

from __future__ import annotations

import html
import ipaddress
import json
from collections.abc import Iterator
from dataclasses import dataclass

import dash
import flask
import pytest

from dashboard.access.signin import AccessConfig
from tests.bench.dashboard_bench import (
    Dependency,
    build_payload,
    read_components,
    read_dependencies,
)
from tests.dashboard.proxied import serving_as

ROLES = {
    "plcnet-analysts": frozenset({"national"}),
    "cardiff-la": frozenset({"la:681"}),
    "csc": frozenset({"consortium:CSC"}),
}
GROUPS = {"analyst": "plcnet-analysts", "cardiff": "cardiff-la", "csc": "csc", "public": ""}
PROXY = {"REMOTE_ADDR": "127.0.0.1"}

# What no Cardiff or CSC user may receive: GwE's schools and PLC P1.
GWE_SCHOOLS = ("Ysgol", "6602001", "6602002", "6612001", "6612002", "6614001")
P1 = "Literacy across M"


@pytest.fixture
def proxied(app: dash.Dash) -> Iterator[flask.Flask]:
    """The app behind a trusted proxy (127.0.0.1) that names the user in headers."""
    config = AccessConfig(
        mode="proxy", roles=ROLES, trusted_proxies=(ipaddress.ip_network("127.0.0.1/32"),)
    )
    with serving_as(app, config) as server:
        yield server


@pytest.fixture
def public(app: dash.Dash) -> Iterator[Browser]:
    """The app started with --public-aggregates-only: everyone is anonymous."""
    with serving_as(app, AccessConfig(mode="public")) as server:
        yield Browser(server, "public")


@dataclass
class Browser:
    """A user's requests, through the trusted proxy."""

    server: flask.Flask
    user: str

    @property
    def headers(self) -> dict[str, str]:
        return {"X-Forwarded-User": self.user, "X-Forwarded-Groups": GROUPS[self.user]}

    def get(self, path: str) -> flask.Response:
        client = self.server.test_client()
        return client.get(path, headers=self.headers, environ_base=PROXY)

    def dependencies(self) -> list[Dependency]:
        deps, _ = read_dependencies(self.get("/_dash-dependencies").get_json())
        return deps

    def post(self, output: tuple[str, str], values: dict, changed: list) -> flask.Response:
        dep = next(d for d in self.dependencies() if d.outputs[0] == output)
        client = self.server.test_client()
        return client.post(
            "/_dash-update-component",
            json=build_payload(dep, values, changed),
            headers=self.headers,
            environ_base=PROXY,
        )

    def open_page(self, path: str, search: str = "") -> flask.Response:
        """The page router's callback: what a pasted URL draws."""
        values = {("_pages_location", "pathname"): path, ("_pages_location", "search"): search}
        return self.post(("_pages_content", "children"), values, [("_pages_location", "pathname")])

    def download(self, page: str, what: str, path: str, search: str) -> flask.Response:
        values = {
            (f"{page}-{what}-csv-button", "n_clicks"): 1,
            (f"{page}-url", "search"): search,
            (f"{page}-url", "pathname"): path,
        }
        return self.post(
            (f"{page}-{what}-csv", "data"), values, [(f"{page}-{what}-csv-button", "n_clicks")]
        )


def _text(response: flask.Response) -> str:
    # The JSON as sent, and decoded (names with accents come escaped).
    raw = response.get_data(as_text=True)
    try:
        return raw + json.dumps(json.loads(raw), ensure_ascii=False)
    except ValueError:
        return raw


def _has_none_of(response: flask.Response, words: tuple[str, ...]) -> bool:
    text = _text(response)
    return not any(word in text for word in words)


@pytest.fixture
def cardiff(proxied: flask.Flask) -> Browser:
    return Browser(proxied, "cardiff")


@pytest.fixture
def analyst(proxied: flask.Flask) -> Browser:
    return Browser(proxied, "analyst")


# ------------------------------------------------------------------- pasted URLs


@pytest.mark.parametrize(
    ("path", "secret", "title"),
    [
        ("/school/6612001", "Ysgol Caernarfon", "Outside your area"),
        ("/school/6612001?lang=cy", "Ysgol Caernarfon", "Y tu allan i'ch ardal"),
        ("/plc/P1", P1, "Outside your area"),
        ("/plc/P1?lang=cy", P1, "Y tu allan i'ch ardal"),
    ],
)
def test_pasted_url_outside_the_scope_names_nothing_in_the_title(
    cardiff: Browser, analyst: Browser, path: str, secret: str, title: str
) -> None:
    refused = cardiff.get(path)
    assert refused.status_code == 200
    page = html.unescape(refused.get_data(as_text=True))
    assert secret not in page
    # Dash puts the page's title in the page's meta tags.
    assert f'og:title" content="{title} · plcnet"' in page
    # The same URL names it to a national analyst: the test could fail.
    assert secret in analyst.get(path).get_data(as_text=True)


@pytest.mark.parametrize(
    ("path", "search", "message", "secrets"),
    [
        ("/school/6612001", "?year=2018/19", "This school is outside the area", GWE_SCHOOLS),
        (
            "/school/6612001",
            "?year=2018/19&lang=cy",
            "Mae'r ysgol hon y tu allan i'r ardal",
            GWE_SCHOOLS,
        ),
        ("/plc/P1", "?year=2018/19", "This PLC is outside the area", (P1, *GWE_SCHOOLS)),
        ("/plc/P1", "?lang=cy", "Mae'r CDP hwn y tu allan i'r ardal", (P1, *GWE_SCHOOLS)),
    ],
)
def test_page_outside_the_scope_draws_only_a_plain_message(
    cardiff: Browser, path: str, search: str, message: str, secrets: tuple[str, ...]
) -> None:
    drawn = cardiff.open_page(path, search)
    assert drawn.status_code == 200
    assert message in _text(drawn)
    assert _has_none_of(drawn, secrets)


def test_page_in_the_scope_is_drawn_whole(cardiff: Browser) -> None:
    drawn = _text(cardiff.open_page("/school/6812001", "?year=2018/19"))
    assert "Fairwater Primary" in drawn
    # Its partners that year, C and D, are in Gwynedd: counted, not named.
    assert "2 more partner schools are outside the area you may see" in drawn
    assert not any(word in drawn for word in GWE_SCHOOLS)


def test_plc_in_the_scope_counts_its_members_outside(cardiff: Browser) -> None:
    drawn = _text(cardiff.open_page("/plc/P3", "?year=2018/19"))
    assert "Maths across the regions" in drawn and "Fairwater Primary" in drawn
    assert "2 more member schools are outside the area you may see" in drawn
    # Led by C, in Gwynedd: the lead is not named.
    assert not any(word in drawn for word in GWE_SCHOOLS)


# ------------------------------------------------------- crafted callback POSTs


def test_crafted_view_callback_for_a_school_outside_sends_nothing(
    cardiff: Browser, analyst: Browser
) -> None:
    values = {
        ("school-url", "search"): "?year=2018/19",
        ("school-url", "pathname"): "/school/6612001",
        ("school-year", "value"): "2017/18",
    }
    changed = [("school-url", "search")]
    refused = cardiff.post(("school-url", "search"), values, changed)
    assert refused.status_code == 204
    assert _has_none_of(refused, GWE_SCHOOLS)
    answered = analyst.post(("school-url", "search"), values, changed)
    assert answered.status_code == 200 and "Ysgol Caernarfon" in _text(answered)


def test_crafted_view_callback_for_a_plc_outside_sends_nothing(cardiff: Browser) -> None:
    values = {
        ("plc-url", "search"): "?year=2018/19",
        ("plc-url", "pathname"): "/plc/P1",
        ("plc-year", "value"): "2017/18",
    }
    refused = cardiff.post(("plc-url", "search"), values, [("plc-url", "search")])
    assert refused.status_code == 204
    assert _has_none_of(refused, (P1, *GWE_SCHOOLS))


SCHOOL_CSVS = ("plcs", "partners", "measures", "brokerage", "support")
PLC_CSVS = ("cycle", "review", "activity", "health", "members")


@pytest.mark.parametrize(
    ("page", "what", "path"),
    [("school", w, "/school/6612001") for w in SCHOOL_CSVS]
    + [("plc", w, "/plc/P1") for w in PLC_CSVS],
)
def test_csv_of_a_school_or_plc_outside_the_scope_sends_nothing(
    cardiff: Browser, analyst: Browser, page: str, what: str, path: str
) -> None:
    refused = cardiff.download(page, what, path, "?year=2018/19")
    assert refused.status_code == 204
    assert refused.get_data() == b""
    answered = analyst.download(page, what, path, "?year=2018/19")
    assert answered.status_code == 200
    assert answered.get_json()["response"][f"{page}-{what}-csv"]["data"]["content"]


def _directory_payload(search: str) -> dict:
    return {
        ("plcs-url", "search"): search,
        ("plcs-search", "value"): "",
        ("plcs-previous", "n_clicks"): None,
        ("plcs-next", "n_clicks"): None,
        ("plcs-page", "data"): 0,
    }


@pytest.mark.parametrize(
    "search", ["?year=2018/19&consortium=GWE", "?year=2018/19&la=661", "?year=2018/19"]
)
def test_directory_asked_for_another_region_lists_only_the_scope(
    cardiff: Browser, search: str
) -> None:
    answer = cardiff.post(
        ("plcs-directory-table", "children"), _directory_payload(search), [("plcs-url", "search")]
    )
    assert answer.status_code == 200
    text = _text(answer)
    assert "Maths across the regions" in text and "Wellbeing at Heath" in text
    assert P1 not in text


@pytest.mark.parametrize("search", ["?year=2018/19&consortium=GWE", "?year=2018/19&la=661"])
def test_directory_csv_for_another_region_holds_only_the_scope(
    cardiff: Browser, search: str
) -> None:
    answer = cardiff.download("plcs", "directory", "/plcs", search)
    content = answer.get_json()["response"]["plcs-directory-csv"]["data"]["content"]
    assert "Maths across the regions" in content
    assert P1 not in content


def _network_payload(la: object) -> dict:
    return {
        ("network-url", "search"): "?year=2018/19",
        ("network-url", "pathname"): "/network",
        ("network-year", "value"): "2018/19",
        ("network-la", "value"): la,
        ("network-view", "value"): "force",
        ("network-colour", "value"): "community",
        ("network-size", "value"): "degree",
    }


def test_network_asked_for_another_la_shows_only_the_scope(cardiff: Browser) -> None:
    answer = cardiff.post(
        ("network-url", "search"), _network_payload(661), [("network-la", "value")]
    )
    assert answer.status_code == 200
    response = answer.get_json()["response"]
    # The LA asked for is ignored: the view falls back to Cardiff, the only LA offered.
    assert response["network-url"]["search"].startswith("?year=2018/19&consortium=CSC&la=681&")
    assert [o["value"] for o in response["network-la"]["options"]] == [681]
    assert _has_none_of(answer, GWE_SCHOOLS)
    assert "Fairwater Primary" in _text(answer)


@pytest.mark.parametrize("search", ["?year=2018/19&consortium=GWE", "?year=2018/19&la=660"])
def test_network_csv_for_another_region_holds_only_the_scope(
    cardiff: Browser, analyst: Browser, search: str
) -> None:
    answer = cardiff.download("network", "schools", "/network", search)
    content = answer.get_json()["response"]["network-schools-csv"]["data"]["content"]
    assert "Fairwater Primary" in content
    assert not any(word in content for word in GWE_SCHOOLS)
    national = analyst.download("network", "schools", "/network", search)
    assert "Ysgol" in national.get_json()["response"]["network-schools-csv"]["data"]["content"]


def test_filters_of_a_pasted_url_offer_only_the_scope(cardiff: Browser) -> None:
    drawn = cardiff.open_page("/plcs", "?year=2018/19&consortium=GWE&la=660")
    controls = {
        c["props"]["id"]: c["props"]
        for c in read_components(drawn.get_json())
        if c["props"].get("id") in {"plcs-consortium", "plcs-la"}
    }
    assert [o["value"] for o in controls["plcs-consortium"]["options"]] == ["CSC"]
    assert [o["value"] for o in controls["plcs-la"]["options"]] == [681]
    # GWE and 660 in the URL are ignored: the view is Cardiff's.
    assert (controls["plcs-consortium"]["value"], controls["plcs-la"]["value"]) == ("CSC", 681)


def test_aggregate_pages_stay_whole_for_a_regional_user(cardiff: Browser) -> None:
    drawn = _text(cardiff.open_page("/regions", "?year=2018/19"))
    assert "Isle of Anglesey" in drawn and "Gwynedd" in drawn and "Cardiff" in drawn


# ------------------------------------------------ public aggregates only: no detail

ALL_SCHOOLS = (*GWE_SCHOOLS, "Fairwater", "Grangetown", "Heath High", "6812001", "6814001")
ALL_PLCS = (P1, "Cardiff numeracy", "Maths across", "Wellbeing at Heath", "Early years")


@pytest.mark.parametrize("path", ["/school/6812001", "/plc/P3"])
def test_public_only_gets_no_school_or_plc_page(public: Browser, path: str) -> None:
    drawn = public.open_page(path, "?year=2018/19")
    assert "outside the area you may see" in _text(drawn)
    assert _has_none_of(drawn, ALL_SCHOOLS + ALL_PLCS)
    assert public.download("school", "partners", "/school/6812001", "").status_code == 204


@pytest.mark.parametrize("path", ["/network", "/plcs"])
def test_public_only_pages_of_detail_are_drawn_empty(public: Browser, path: str) -> None:
    drawn = public.open_page(path, "?year=2018/19")
    assert drawn.status_code == 200
    assert _has_none_of(drawn, ALL_SCHOOLS + ALL_PLCS)


def test_public_only_directory_and_network_are_empty(public: Browser) -> None:
    directory = public.post(
        ("plcs-directory-table", "children"),
        _directory_payload("?year=2018/19"),
        [("plcs-url", "search")],
    )
    assert directory.status_code == 200
    assert _has_none_of(directory, ALL_PLCS)
    network = public.download("network", "schools", "/network", "?year=2018/19")
    assert network.status_code == 200
    assert _has_none_of(network, ALL_SCHOOLS)
    view = public.post(("network-url", "search"), _network_payload(661), [("network-la", "value")])
    assert view.status_code == 200
    assert _has_none_of(view, ALL_SCHOOLS)


def test_public_only_still_sees_the_aggregates(public: Browser) -> None:
    drawn = _text(public.open_page("/regions", "?year=2018/19"))
    assert "Isle of Anglesey" in drawn and "Cardiff" in drawn


@pytest.mark.parametrize(("lang", "words"), [("en", "Public figures only:"), ("cy", "Ffigurau")])
def test_public_only_says_so_on_every_page(public: Browser, lang: str, words: str) -> None:
    client = public.server.test_client()
    shell = client.get(
        "/_dash-layout",
        headers={"Referer": f"http://localhost/regions?lang={lang}"},
        environ_base=PROXY,
    )
    assert shell.status_code == 200
    assert words in _text(shell)
