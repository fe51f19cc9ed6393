"""The audit log through the real Flask server, users named by a trusted proxy: CSV and
image downloads recorded, the audit page and its CSV for admins only, the data page's
refresh details for the data team only."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator

import dash
import pytest
from flask.testing import FlaskClient

from dashboard.access.audit import AuditEvent, read_events, record_event
from dashboard.access.users import User
from tests.dashboard.proxied import (
    PROXY,
    download_payload,
    headers_of,
    open_page,
    post_callback,
    proxy_config,
    serving_as,
)

LATEST_RUN = "20190901T101500-a1b2"  # the fixture's latest refresh (tests/dashboard/fixtures.py)


@pytest.fixture(scope="module")
def client(app: dash.Dash, tmp_path_factory: pytest.TempPathFactory) -> Iterator[FlaskClient]:
    with serving_as(app, proxy_config(tmp_path_factory.mktemp("proxied"))) as server:
        yield server.test_client()


def _events() -> list[AuditEvent]:
    return list(read_events())


# ---- CSV downloads ----------------------------------------------------------------------


def test_a_csv_download_is_logged_with_user_page_file_and_view(client: FlaskClient) -> None:
    payload = download_payload("overview", "headlines", "?year=2018/19&consortium=GWE", "/")
    status, body = post_callback(client, "analyst", payload)
    assert status == 200 and "Active PLCs" in body
    [event] = _events()
    assert (event.kind, event.user, event.page) == ("download", "analyst", "/")
    assert event.what == "plcnet-overview-headlines-2018-19-GWE.csv"
    assert event.filters == {"year": "2018/19", "consortium": "GWE"}
    assert event.address == PROXY


def test_a_csv_with_page_options_logs_them_too(client: FlaskClient) -> None:
    search = "?year=2017/18&measure=ei_index"
    status, _ = post_callback(
        client, "cardiff", download_payload("regions", "measure", search, "/regions")
    )
    assert status == 200
    [event] = _events()
    assert event.user == "cardiff" and event.page == "/regions"
    assert event.filters["year"] == "2017/18" and event.filters["measure"] == "ei_index"


# ---- Image downloads --------------------------------------------------------------------


def _report(client: FlaskClient, body: object, **extra: object) -> int:
    headers = {**headers_of("analyst"), **extra.pop("headers", {})}  # type: ignore[dict-item]
    data = body if isinstance(body, bytes) else json.dumps(body).encode()
    response = client.post(
        "/audit/image",
        data=data,
        content_type=str(extra.pop("content_type", "application/json")),
        headers=headers,
        environ_base={"REMOTE_ADDR": PROXY},
    )
    return response.status_code


@pytest.mark.parametrize(
    ("page", "chart"),
    [
        ("/regions", "regions-measure-graph"),
        ("/", "overview-support-graph"),
        ("/school/6602130", "school-measures-graph"),
        ("/plc/P1", "plc-activity-graph"),
    ],
)
def test_an_image_download_is_logged(client: FlaskClient, page: str, chart: str) -> None:
    assert _report(client, {"page": page, "chart": chart}) == 204
    [event] = _events()
    assert (event.kind, event.user, event.page, event.what) == ("image", "analyst", page, chart)
    assert event.filters == {}


@pytest.mark.parametrize(
    ("body", "content_type"),
    [
        (b"not json", "application/json"),
        (b"\xff\xfe", "application/json"),
        (["/regions", "regions-measure-graph"], "application/json"),
        ({"page": "/regions"}, "application/json"),
        (
            {"page": "/regions", "chart": "regions-measure-graph", "rows": [1, 2]},
            "application/json",
        ),
        ({"page": "/nowhere", "chart": "nowhere-map-graph"}, "application/json"),
        ({"page": "/regions", "chart": "overview-headlines-graph"}, "application/json"),
        ({"page": "/regions", "chart": "regions-measure"}, "application/json"),
        ({"page": "/regions", "chart": 5}, "application/json"),
        ({"page": ["/regions"], "chart": "regions-measure-graph"}, "application/json"),
        ({"page": "/regions?year=2018/19", "chart": "regions-measure-graph"}, "application/json"),
        ({"page": "/school/1/../../x", "chart": "school-measures-graph"}, "application/json"),
        ({"page": "/school/..", "chart": "school-measures-graph"}, "application/json"),
        ({"page": "/regions", "chart": "regions-" + "x" * 600 + "-graph"}, "application/json"),
        ({"page": "/regions", "chart": "regions-measure-graph"}, "text/plain"),
    ],
)
def test_a_bad_image_report_is_refused_and_not_logged(
    client: FlaskClient, body: object, content_type: str
) -> None:
    assert _report(client, body, content_type=content_type) == 400
    assert _events() == []


def test_an_image_report_from_another_site_is_refused(client: FlaskClient) -> None:
    body = {"page": "/regions", "chart": "regions-measure-graph"}
    assert _report(client, body, headers={"Origin": "https://elsewhere.example"}) == 403
    assert _report(client, body, headers={"Sec-Fetch-Site": "cross-site"}) == 403
    assert _events() == []


def test_an_image_report_is_only_ever_a_post(client: FlaskClient) -> None:
    # A GET is Dash's (its catch-all page route): a link or an image tag logs nothing.
    query = "?page=/regions&chart=regions-measure-graph"
    client.get(
        "/audit/image" + query, headers=headers_of("analyst"), environ_base={"REMOTE_ADDR": PROXY}
    )
    assert _events() == []


# ---- The audit log page -----------------------------------------------------------------


def _record_history() -> None:
    """Three events by three users, oldest first (the log is appended in time order)."""
    analyst = User("analyst", "analyst", frozenset({"national"}))
    cardiff = User("cardiff", "cardiff", frozenset({"la:681"}))
    ffion = User("ffion", "ffion", frozenset({"national"}))
    csv_name = "plcnet-regions-measure-2018-19-wales.csv"
    record_event("download", csv_name, {"year": "2018/19"}, user=analyst, page="/regions")
    record_event("image", "school-measures-graph", user=cardiff, page="/school/6602130")
    record_event("sign-in", "signed in", user=ffion)


def test_the_audit_page_lists_the_events_newest_first_for_an_admin(client: FlaskClient) -> None:
    _record_history()
    page = open_page(client, "admin", "/audit")
    assert "You do not have access" not in page
    positions = [page.index(text) for text in ("ffion", "school-measures-graph", "regions-measure")]
    assert positions == sorted(positions)  # newest first
    assert "year=2018/19" in page and "/school/6602130" in page
    assert [e.kind for e in _events()] == ["download", "image", "sign-in"]  # nothing refused


def test_the_audit_page_filters_by_kind_and_user_from_the_url(client: FlaskClient) -> None:
    _record_history()
    page = open_page(client, "admin", "/audit", "?kind=image")
    assert "school-measures-graph" in page and "regions-measure" not in page
    page = open_page(client, "admin", "/audit", "?user=analyst&from=2000-01-01")
    assert "regions-measure" in page and "school-measures-graph" not in page
    page = open_page(client, "admin", "/audit", "?to=2000-01-01")
    assert "regions-measure" not in page and "0 of 0 events" in page


def _events_payload(kind: object = None, user: object = None) -> dict[str, object]:
    controls = [("audit-kind", kind), ("audit-user", user), ("audit-from", ""), ("audit-to", "")]
    return {
        "output": "..audit-table.children...audit-status.children..",
        "outputs": [
            {"id": "audit-table", "property": "children"},
            {"id": "audit-status", "property": "children"},
        ],
        "inputs": [{"id": i, "property": "value", "value": v} for i, v in controls],
        "state": [{"id": "audit-url", "property": "search", "value": "?lang=cy"}],
        "changedPropIds": ["audit-kind.value"],
    }


def test_the_audit_page_callback_filters_for_an_admin(client: FlaskClient) -> None:
    _record_history()
    status, body = post_callback(client, "admin", _events_payload(kind="download"))
    assert status == 200
    assert "regions-measure" in body and "ffion" not in body
    assert "Lawrlwytho CSV" in body  # the kind, in the language of the URL


def _csv_payload(kind: object = None) -> dict[str, object]:
    controls = [("audit-kind", kind), ("audit-user", None), ("audit-from", ""), ("audit-to", "")]
    return {
        "output": "audit-events-csv.data",
        "outputs": {"id": "audit-events-csv", "property": "data"},
        "inputs": [{"id": "audit-events-csv-button", "property": "n_clicks", "value": 1}],
        "state": [
            *[{"id": i, "property": "value", "value": v} for i, v in controls],
            {"id": "audit-url", "property": "search", "value": ""},
        ],
        "changedPropIds": ["audit-events-csv-button.n_clicks"],
    }


@pytest.mark.parametrize("user", ["analyst", "cardiff", "datateam"])
def test_the_audit_page_refuses_everyone_else(client: FlaskClient, user: str) -> None:
    _record_history()
    page = open_page(client, user, "/audit")
    assert "You do not have access to this page." in page
    assert "regions-measure" not in page and "ffion" not in page
    status, body = post_callback(client, user, _events_payload())
    assert status == 200
    assert "regions-measure" not in body and "ffion" not in body
    status, body = post_callback(client, user, _csv_payload())
    assert status == 204 and "ffion" not in body
    refused = [e for e in _events() if e.kind == "refused"]
    assert [(e.user, e.page) for e in refused] == [(user, "/audit")] * 3
    assert refused[-1].what == "audit log CSV"


def test_the_audit_csv_neutralises_formulas_and_is_logged(client: FlaskClient) -> None:
    # A user name chosen by whoever controls an account reaches the log as it is.
    record_event("sign-in", "signed in", user=User('=HYPERLINK("http://x")', "x", frozenset()))
    record_event("download", "-1+2", {"year": "2018/19"}, page="/")
    status, body = post_callback(client, "admin", _csv_payload())
    assert status == 200
    text = json.loads(body)["response"]["audit-events-csv"]["data"]["content"]
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0][:3] == ["Time (UTC)", "Kind", "User"]
    assert rows[1][4] == "'-1+2"
    assert rows[2][2] == '\'=HYPERLINK("http://x")'
    assert not any(cell.startswith(("=", "+", "@")) for row in rows for cell in row)
    export = _events()[-1]
    assert (export.kind, export.user, export.what) == ("download", "admin", "plcnet-audit-log.csv")


def _layout(client: FlaskClient, user: str) -> str:
    response = client.get(
        "/_dash-layout", headers=headers_of(user), environ_base={"REMOTE_ADDR": PROXY}
    )
    return json.dumps(response.get_json())  # Dash escapes "/" as \u002f


def test_the_nav_links_the_audit_log_for_admins_only(client: FlaskClient) -> None:
    assert '"href": "/audit"' in _layout(client, "admin")
    for user in ("analyst", "cardiff", "datateam"):
        shell = _layout(client, user)
        assert "/audit" not in shell and "/data" in shell


# ---- The data page ----------------------------------------------------------------------

DETAILS = ("data-runs-table", "data-files-table", "data-rejected-graph", "data-rejected-rows-table")


def test_the_data_team_sees_the_refresh_details(client: FlaskClient) -> None:
    page = open_page(client, "datateam", "/data")
    assert all(part in page for part in DETAILS)
    assert LATEST_RUN in page and "plc_memberships.csv" in page
    assert "data-details-note" not in page


@pytest.mark.parametrize("user", ["analyst", "cardiff", "admin"])
def test_others_see_the_data_page_without_refresh_details(client: FlaskClient, user: str) -> None:
    page = open_page(client, user, "/data")
    assert not any(part in page for part in DETAILS)
    assert LATEST_RUN not in page and "plc_memberships.csv" not in page
    assert "astrology" not in page  # a value of a row set aside
    assert "shown to the data team only" in page
    assert "data-sources-table" in page and "data-glossary-table" in page
    assert "Sources and their licences" in page
    welsh = open_page(client, user, "/data", "?lang=cy")
    assert "Dim ond i'r tîm data" in welsh


@pytest.mark.parametrize("what", ["runs", "files", "rejected", "rejected-rows"])
def test_the_data_csvs_are_for_the_data_team_only(client: FlaskClient, what: str) -> None:
    status, body = post_callback(client, "analyst", download_payload("data", what, "", "/data"))
    assert status == 204 and "plc_memberships" not in body
    status, body = post_callback(client, "datateam", download_payload("data", what, "", "/data"))
    assert status == 200 and "content" in body
    refused, sent = _events()
    assert (refused.kind, refused.user, refused.what) == ("refused", "analyst", f"{what} CSV")
    assert (sent.kind, sent.user, sent.page) == ("download", "datateam", "/data")
    assert sent.what == f"plcnet-data-{what}-{LATEST_RUN}.csv"


def test_crafted_filter_values_choose_nothing_odd_and_break_nothing(client: FlaskClient) -> None:
    _record_history()
    payload = _events_payload(kind=["download"], user={"$ne": None})
    payload["inputs"][2]["value"] = ["2000-01-01"]  # type: ignore[index]
    status, body = post_callback(client, "admin", payload)
    assert status == 200
    # Values of the wrong type are no filter: every event is listed.
    assert all(text in body for text in ("ffion", "school-measures-graph", "regions-measure"))
    payload["inputs"][3]["value"] = "31/12/2000"  # type: ignore[index]
    status, body = post_callback(client, "admin", payload)
    assert status == 200 and "BBBB-MM-DD" in body  # said in Welsh, as the URL asks
