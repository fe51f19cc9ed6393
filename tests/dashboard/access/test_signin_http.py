"""Sign-in end to end over HTTP: the development OpenID Connect provider (tests/idp)
and ``python -m dashboard`` in oidc mode, each a real process; every account signs
in through the provider's own login form, as a browser would (requests keeps the
cookies and follows the redirects)."""

from __future__ import annotations

import json
import time

import flask
import pytest
import requests

from dashboard.access.audit import read_events
from dashboard.access.signin import SESSION_COOKIE, SESSION_USER
from dashboard.core import ids
from tests.idp.accounts import ACCOUNTS
from tests.idp.serving import SignInServed, serving_with_sign_in, sign_in, submit_login_form

PAGES = ["/", "/network", "/regions", "/plcs", "/plc/P1", "/school/6812001", "/impact", "/data"]
DASH_DATA = ["/_dash-layout", "/_dash-dependencies"]
ROLES = {
    "analyst": "national",
    "cardiff": "la:681",
    "csc": "consortium:CSC",
    "datateam": "data-team",
    "admin": "admin",
}


def download_payload(page: str = "overview", what: str = "headlines") -> dict:
    """What the browser posts when the CSV button of ``what`` on ``page`` is clicked."""
    url, button = ids.page_url(page), ids.csv_button(page, what)
    download = ids.csv_download(page, what)
    return {
        "output": f"{download}.data",
        "outputs": {"id": download, "property": "data"},
        "inputs": [{"id": button, "property": "n_clicks", "value": 1}],
        "changedPropIds": [f"{button}.n_clicks"],
        "state": [
            {"id": url, "property": "search", "value": ""},
            {"id": url, "property": "pathname", "value": "/"},
        ],
    }


def post_download(http: requests.Session, served: SignInServed) -> requests.Response:
    return http.post(
        f"{served.url}/_dash-update-component",
        json=download_payload(),
        headers={"Referer": served.url + "/"},
        timeout=30,
    )


def events_of(served: SignInServed, kind: str, user: str) -> list:
    return [e for e in read_events(served.audit_log) if e.kind == kind and e.user == user]


@pytest.mark.parametrize("name", sorted(ROLES))
def test_each_account_signs_in_through_the_login_form(signin_served, name):
    http = requests.Session()
    landed = sign_in(http, signin_served, name, next_path="/plcs?lang=cy")
    assert landed.status_code == 200
    assert landed.url == f"{signin_served.url}/plcs?lang=cy"
    layout = http.get(f"{signin_served.url}/_dash-layout", timeout=30)
    assert layout.status_code == 200
    assert ACCOUNTS[name].display_name in layout.text
    assert ids.SHELL_ACCOUNT in layout.text
    assert ids.SHELL_ACCESS_NOTICE not in layout.text
    [event, *_] = events_of(signin_served, "sign-in", name)
    assert event.filters["roles"] == ROLES[name]


def test_session_cookie_is_httponly_and_samesite_lax(signin_served):
    http = requests.Session()
    form_page = http.get(f"{signin_served.url}/signin", timeout=30)
    answer = submit_login_form(http, form_page, "analyst")
    set_cookies = [r.headers.get("Set-Cookie", "") for r in answer.history]
    ours = [c for c in set_cookies if c.startswith(f"{SESSION_COOKIE}=")]
    assert ours, set_cookies
    attributes = ours[-1].lower()
    assert "httponly" in attributes
    assert "samesite=lax" in attributes
    assert "expires=" in attributes
    # Served over plain HTTP on 127.0.0.1 with cookie_secure=auto: not Secure, or
    # the browser would never send it back.
    assert "secure;" not in attributes.replace("samesite", "")


def test_account_with_no_group_sees_no_access_in_both_languages(signin_served):
    http = requests.Session()
    landed = sign_in(http, signin_served, "nobody")
    assert landed.status_code == 403
    assert "No access" in landed.text
    assert "Dim mynediad" in landed.text
    assert "Nia Nobody" in landed.text
    layout = http.get(f"{signin_served.url}/_dash-layout", timeout=30)
    assert layout.status_code == 403
    assert ids.SHELL_MAIN not in layout.text
    assert post_download(http, signin_served).status_code == 403
    assert events_of(signin_served, "refused", "nobody")


def test_wrong_password_is_refused_by_the_provider(signin_served):
    http = requests.Session()
    form_page = http.get(f"{signin_served.url}/signin", timeout=30)
    answer = submit_login_form(http, form_page, "cardiff", password="plcnet-analyst")
    assert answer.status_code == 401
    assert "Wrong username or password" in answer.text
    assert http.get(f"{signin_served.url}/_dash-layout", timeout=30).status_code == 401


@pytest.mark.parametrize("path", PAGES)
def test_without_a_session_a_page_is_sent_to_sign_in(signin_served, path):
    answer = requests.get(signin_served.url + path, allow_redirects=False, timeout=30)
    assert answer.status_code == 302
    assert answer.headers["Location"].startswith("/signin?next=")
    assert "dash" not in answer.text.lower()


@pytest.mark.parametrize("path", DASH_DATA)
def test_without_a_session_dash_requests_give_401_and_no_data(signin_served, path):
    answer = requests.get(signin_served.url + path, allow_redirects=False, timeout=30)
    assert answer.status_code == 401
    assert answer.text == "Sign-in required"


def test_without_a_session_a_csv_download_gives_401_and_no_data(signin_served):
    anonymous = post_download(requests.Session(), signin_served)
    assert anonymous.status_code == 401
    assert anonymous.text == "Sign-in required"
    # The same request signed in is a real download: the refusal is not a bad payload.
    http = requests.Session()
    sign_in(http, signin_served, "analyst")
    answer = post_download(http, signin_served)
    assert answer.status_code == 200
    sent = json.loads(answer.text)["response"][ids.csv_download("overview", "headlines")]
    assert sent["data"]["filename"].endswith(".csv")
    assert any(
        e.what == "/_dash-update-component"
        for e in events_of(signin_served, "refused", "anonymous")
    )


def test_sign_out_ends_the_session_here_and_at_the_provider(signin_served):
    http = requests.Session()
    sign_in(http, signin_served, "csc")
    assert http.get(f"{signin_served.url}/_dash-layout", timeout=30).status_code == 200
    signed_out = http.get(f"{signin_served.url}/signout?lang=cy", timeout=30)
    assert signed_out.status_code == 200
    assert signed_out.url.startswith(f"{signin_served.url}/signed-out?lang=cy")
    assert "Wedi allgofnodi" in signed_out.text
    assert http.get(f"{signin_served.url}/_dash-layout", timeout=30).status_code == 401
    # The provider's session ended too: signing in again asks for the password.
    again = http.get(f"{signin_served.url}/signin", timeout=30)
    assert again.url.startswith(signin_served.issuer)
    assert 'name="password"' in again.text
    assert events_of(signin_served, "sign-out", "csc")


def forge_session_cookie(secret: str, kept: dict) -> str:
    """A session cookie as the dashboard would sign it with ``secret``."""
    app = flask.Flask("forger")
    app.secret_key = secret
    return app.session_interface.get_signing_serializer(app).dumps(kept)


def layout_with_cookie(served: SignInServed, cookie: str) -> requests.Response:
    headers = {"Cookie": f"{SESSION_COOKIE}={cookie}"}
    return requests.get(f"{served.url}/_dash-layout", headers=headers, timeout=30)


def test_a_session_signed_with_the_secret_is_believed(signin_served):
    kept = {"sub": "x", "name": "Xavier", "groups": ["la-cardiff"], "ends": time.time() + 60}
    cookie = forge_session_cookie(signin_served.session_secret, {SESSION_USER: kept})
    answer = layout_with_cookie(signin_served, cookie)
    assert answer.status_code == 200
    assert "Xavier" in answer.text


def test_an_expired_session_is_refused(signin_served):
    kept = {"sub": "x", "name": "Xavier", "groups": ["la-cardiff"], "ends": time.time() - 1}
    cookie = forge_session_cookie(signin_served.session_secret, {SESSION_USER: kept})
    assert layout_with_cookie(signin_served, cookie).status_code == 401


def test_a_tampered_session_is_refused(signin_served):
    http = requests.Session()
    sign_in(http, signin_served, "cardiff")
    cookie = http.cookies[SESSION_COOKIE]
    assert layout_with_cookie(signin_served, cookie).status_code == 200
    payload, _, signature = cookie.rpartition(".")
    flipped = signature[:-2] + ("A" if signature[-2] != "A" else "B") + signature[-1]
    assert layout_with_cookie(signin_served, f"{payload}.{flipped}").status_code == 401


def test_a_session_signed_with_another_secret_is_refused(signin_served):
    kept = {"sub": "x", "name": "Xavier", "groups": ["plcnet-national"], "ends": time.time() + 60}
    cookie = forge_session_cookie("not-the-secret-" * 4, {SESSION_USER: kept})
    assert layout_with_cookie(signin_served, cookie).status_code == 401


@pytest.mark.parametrize("target", ["https://elsewhere.example/", "//elsewhere.example/x"])
def test_sign_in_returns_only_to_this_site(signin_served, target):
    http = requests.Session()
    landed = sign_in(http, signin_served, "analyst", next_path=target)
    assert landed.url == f"{signin_served.url}/"


def test_groups_only_at_userinfo_are_read_from_there(signin_db):
    with serving_with_sign_in(signin_db, provider_options=["--groups-at-userinfo-only"]) as served:
        http = requests.Session()
        assert sign_in(http, served, "cardiff").status_code == 200
        assert http.get(f"{served.url}/_dash-layout", timeout=30).status_code == 200
        [event] = events_of(served, "sign-in", "cardiff")
        assert event.filters["roles"] == "la:681"
