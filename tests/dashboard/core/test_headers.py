"""The security headers on every kind of response (dashboard/core/headers.py), through the
app's own Flask server: the Content-Security-Policy allows exactly the inline scripts
the page holds, nothing may frame the dashboard, no server version is named."""

from __future__ import annotations

import base64
import hashlib
import re

import dash
import pytest
from werkzeug.test import TestResponse

from dashboard.core.headers import SERVER_NAME, build_policy

FIXED = {
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
}
INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)([^>]*)>(.*?)</script>", re.S)


def _directives(response: TestResponse) -> dict[str, list[str]]:
    policy = response.headers["Content-Security-Policy"]
    parts = [part.split() for part in policy.split(";")]
    return {words[0]: words[1:] for words in parts if words}


def _sha256(script: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(script.encode()).digest()).decode() + "'"


@pytest.mark.parametrize(
    "path",
    ["/", "/network?lang=cy", "/_dash-layout", "/_dash-dependencies", "/assets/plcnet.css",
     "/no-such-page/at/all", "/assets/no-such-file.js"],
)  # fmt: skip
def test_every_response_has_the_security_headers(app: dash.Dash, path: str) -> None:
    response = app.server.test_client().get(path)
    for name, value in FIXED.items():
        assert response.headers.get(name) == value, name
    directives = _directives(response)
    assert directives["frame-ancestors"] == ["'none'"]
    assert directives["default-src"] == ["'self'"]
    assert directives["object-src"] == ["'none'"]
    assert response.headers.getlist("Server") == [SERVER_NAME]


def test_a_missing_asset_is_a_404_with_the_headers(app: dash.Dash) -> None:
    response = app.server.test_client().get("/assets/no-such-file.js")
    assert response.status_code == 404
    assert "Content-Security-Policy" in response.headers


def test_the_policy_allows_the_page_inline_scripts_and_no_other(app: dash.Dash) -> None:
    response = app.server.test_client().get("/")
    page = response.get_data(as_text=True)
    scripts = [
        body for attrs, body in INLINE_SCRIPT.findall(page) if "application/json" not in attrs
    ]
    # The renderer's start and the pages' title callback, at least.
    assert len(scripts) >= 2
    src = _directives(response)["script-src"]
    hashes = {s for s in src if s.startswith("'sha256-")}
    assert hashes == {_sha256(script) for script in scripts}
    assert "'unsafe-inline'" not in src
    assert "'self'" in src


def test_script_sources_are_this_server_only() -> None:
    parts = [part.split() for part in build_policy(["'sha256-x'"]).split("; ")]
    directives = {words[0]: words[1:] for words in parts}
    for name, values in directives.items():
        for value in values:
            # Keywords, hashes and data:/blob: for images; never a host or a wildcard.
            assert value.startswith("'") or value in {"data:", "blob:"}, (name, value)
    assert directives["connect-src"] == ["'self'"]
    assert directives["base-uri"] == ["'none'"]
