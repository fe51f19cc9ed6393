"""The session cookie's flags and the sign-in's failure, on a bare Flask server with
the oidc mode installed (its provider is away: nothing answers on port 9)."""

from __future__ import annotations

import ipaddress

import flask
import pytest

from dashboard.access.audit import read_events
from dashboard.access.oidc import safe_next
from dashboard.access.signin import SESSION_COOKIE, AccessConfig, OidcConfig, install_access


def build_oidc_server(cookie_secure: str = "auto") -> flask.Flask:
    server = flask.Flask("oidc-cookies")
    config = AccessConfig(
        mode="oidc",
        trusted_proxies=(ipaddress.ip_network("127.0.0.1/32"),),
        oidc=OidcConfig("http://127.0.0.1:9", "plcnet", "client-secret"),
        session_secret="x" * 48,
        cookie_secure=cookie_secure,
    )
    install_access(server, config)
    return server


def session_cookie_of(answer: flask.Response) -> str:
    [cookie] = [c for c in answer.headers.getlist("Set-Cookie") if c.startswith(SESSION_COOKIE)]
    return cookie


def start_sign_in(server: flask.Flask, address: str, headers: dict | None = None):
    client = server.test_client()
    return client.get(
        "/signin?next=/plcs", headers=headers or {}, environ_base={"REMOTE_ADDR": address}
    )


def test_a_provider_that_does_not_answer_gives_a_plain_failure_page(audit_log_in_tmp):
    answer = start_sign_in(build_oidc_server(), "127.0.0.1")
    assert answer.status_code == 400
    assert "Sign-in failed" in answer.text
    assert "Methodd y mewngofnodi" in answer.text
    [event] = [e for e in read_events(audit_log_in_tmp) if e.kind == "refused"]
    assert event.what == "/signin"


def test_cookie_is_httponly_lax_and_not_secure_over_plain_http():
    cookie = session_cookie_of(start_sign_in(build_oidc_server(), "127.0.0.1"))
    assert "HttpOnly" in cookie
    assert "SameSite=Lax" in cookie
    assert "Secure" not in cookie


def test_cookie_is_secure_behind_a_trusted_proxy_speaking_https():
    headers = {"X-Forwarded-Proto": "https"}
    cookie = session_cookie_of(start_sign_in(build_oidc_server(), "127.0.0.1", headers))
    assert "Secure" in cookie


def test_forwarded_proto_from_anyone_else_is_not_believed():
    headers = {"X-Forwarded-Proto": "https"}
    cookie = session_cookie_of(start_sign_in(build_oidc_server(), "10.0.0.9", headers))
    assert "Secure" not in cookie


def test_cookie_secure_true_marks_it_secure_always():
    cookie = session_cookie_of(start_sign_in(build_oidc_server("true"), "10.0.0.9"))
    assert "Secure" in cookie


@pytest.mark.parametrize(
    ("target", "kept"),
    [
        ("/plcs?lang=cy", "/plcs?lang=cy"),
        ("/school/6812001", "/school/6812001"),
        ("https://elsewhere.example/", "/"),
        ("//elsewhere.example/", "/"),
        ("/\\\\elsewhere.example/", "/"),
        ("", "/"),
        (None, "/"),
    ],
)
def test_sign_in_returns_to_this_site_only(target, kept):
    assert safe_next(target) == kept
