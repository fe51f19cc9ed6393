"""The access modes as served, and the rule of ``python -m dashboard``: open on this
computer only, refused elsewhere without sign-in unless public aggregates only,
refused when sign-in is configured but its roles file or secrets are missing."""

from __future__ import annotations

import http.client
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from dashboard.access.audit import read_events
from dashboard.access.settings import (
    AccessSetupError,
    OpenNotLocalError,
    is_local_host,
    load_access_config,
)
from dashboard.core import ids
from tests.idp.serving import ROLES_FILE
from tests.serving import PROJECT_ROOT, Served, serving

SECRET = "s" * 48


def run_dashboard(
    args: list[str], env: dict[str, str], tmp_path: Path
) -> subprocess.CompletedProcess:
    """``python -m dashboard`` with ``args`` and only these settings (none inherited)."""
    clean = {k: v for k, v in os.environ.items() if not k.startswith("PLCNET_")}
    return subprocess.run(
        [sys.executable, "-m", "dashboard", *args],
        cwd=PROJECT_ROOT,
        env={**clean, "PLCNET_AUDIT_LOG": str(tmp_path / "audit.jsonl"), **env},
        capture_output=True,
        text=True,
        timeout=60,
    )


@pytest.mark.parametrize("host", ["127.0.0.1", "localhost", "::1", "127.0.0.5"])
def test_this_computer_only_is_local(host):
    assert is_local_host(host)


@pytest.mark.parametrize("host", ["0.0.0.0", "::", "192.168.1.20", "plcnet.example", None])
def test_any_other_address_is_not_local(host):
    assert not is_local_host(host)


def test_open_mode_elsewhere_refuses_to_start_and_says_what_to_set(tmp_path, overview_db_path):
    done = run_dashboard(["--db", str(overview_db_path), "--host", "0.0.0.0"], {}, tmp_path)
    assert done.returncode == 2
    assert "will not serve without sign-in on 0.0.0.0" in done.stderr
    for setting in ("PLCNET_AUTH_MODE=oidc", "PLCNET_OIDC_ISSUER", "--public-aggregates-only"):
        assert setting in done.stderr


def test_public_aggregates_only_passes_the_rule_anywhere(tmp_path):
    # No database: it gets past the access rule and stops at the next check.
    missing = tmp_path / "none.duckdb"
    args = ["--db", str(missing), "--host", "0.0.0.0", "--public-aggregates-only"]
    done = run_dashboard(args, {}, tmp_path)
    assert done.returncode == 2
    assert "No database at" in done.stderr
    assert "sign-in" not in done.stderr


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({"PLCNET_ROLES_FILE": "/nowhere/roles.toml"}, "cannot read the roles file"),
        ({"PLCNET_ROLES_FILE": ""}, "no roles file"),
        ({"PLCNET_SESSION_SECRET": ""}, "session secret of at least 32"),
        ({"PLCNET_SESSION_SECRET": "short"}, "session secret of at least 32"),
        ({"PLCNET_SESSION_SECRET_FILE": "/nowhere/secret"}, "cannot read session_secret_file"),
        ({"PLCNET_OIDC_ISSUER": ""}, "oidc mode needs PLCNET_OIDC_ISSUER"),
        ({"PLCNET_OIDC_CLIENT_SECRET": ""}, "PLCNET_OIDC_CLIENT_SECRET (or"),
        ({"PLCNET_AUTH_MODE": "magic"}, "use one of open, public, oidc, proxy"),
        ({"PLCNET_AUTH_MODE": "proxy", "PLCNET_TRUSTED_PROXIES": ""}, "PLCNET_TRUSTED_PROXIES"),
    ],
)
def test_sign_in_without_what_it_needs_refuses_to_start(tmp_path, overview_db_path, env, message):
    settings = {
        "PLCNET_AUTH_MODE": "oidc",
        "PLCNET_OIDC_ISSUER": "http://127.0.0.1:9/",
        "PLCNET_OIDC_CLIENT_ID": "plcnet",
        "PLCNET_OIDC_CLIENT_SECRET": "client-secret",
        "PLCNET_ROLES_FILE": str(ROLES_FILE),
        "PLCNET_SESSION_SECRET": SECRET,
    }
    if "PLCNET_SESSION_SECRET_FILE" in env:
        settings["PLCNET_SESSION_SECRET"] = ""
    done = run_dashboard(["--db", str(overview_db_path)], {**settings, **env}, tmp_path)
    assert done.returncode == 2
    assert "plcnet cannot start" in done.stderr
    assert message in done.stderr


def test_secrets_are_read_from_files(tmp_path, monkeypatch):
    secret_file = tmp_path / "session-secret"
    secret_file.write_text(SECRET + "\n", encoding="utf-8")
    client_file = tmp_path / "client-secret"
    client_file.write_text("from-a-file\n", encoding="utf-8")
    for name, value in {
        "AUTH_MODE": "oidc",
        "OIDC_ISSUER": "https://login.example/realms/wales",
        "OIDC_CLIENT_ID": "plcnet",
        "OIDC_CLIENT_SECRET_FILE": str(client_file),
        "SESSION_SECRET_FILE": str(secret_file),
        "ROLES_FILE": str(ROLES_FILE),
        "SESSION_HOURS": "2",
    }.items():
        monkeypatch.setenv(f"PLCNET_{name}", value)
    config = load_access_config("0.0.0.0")
    assert config.mode == "oidc"
    assert config.session_secret == SECRET
    assert config.oidc.client_secret == "from-a-file"
    assert config.session_hours == 2
    assert config.roles["la-cardiff"] == {"la:681"}
    assert "from-a-file" not in repr(config)
    assert SECRET not in repr(config)


def test_open_mode_is_refused_where_the_address_is_unknown(monkeypatch):
    monkeypatch.delenv("PLCNET_AUTH_MODE", raising=False)
    with pytest.raises(OpenNotLocalError):
        load_access_config(None)
    with pytest.raises(AccessSetupError):
        load_access_config("10.0.0.1")
    assert load_access_config("127.0.0.1").mode == "open"
    assert load_access_config(None, public_only=True).mode == "public"


def test_open_mode_says_on_every_page_that_it_is_open(app):
    for lang, words in [("en", "Open dashboard:"), ("cy", "Dangosfwrdd agored:")]:
        answer = app.server.test_client().get(
            "/_dash-layout", headers={"Referer": f"http://localhost/plcs?lang={lang}"}
        )
        assert answer.status_code == 200
        notice = json.dumps(answer.get_json())
        assert ids.SHELL_ACCESS_NOTICE in notice
        assert words in notice
        assert ids.SHELL_ACCOUNT not in notice


@pytest.fixture(scope="module")
def proxied(overview_db_path: Path) -> Iterator[Served]:
    """The dashboard behind a 'proxy' at 127.0.0.1; anyone else (127.0.0.2) is not it."""
    audit_log = overview_db_path.with_name("proxy-audit.jsonl")
    env = {
        "PLCNET_AUTH_MODE": "proxy",
        "PLCNET_TRUSTED_PROXIES": "127.0.0.1/32",
        "PLCNET_ROLES_FILE": str(ROLES_FILE),
        "PLCNET_AUDIT_LOG": str(audit_log),
    }
    headers = {"X-Forwarded-User": "ready", "X-Forwarded-Groups": "plcnet-national"}
    with serving(overview_db_path, env, ready_path="/assets/plcnet.css") as served:
        assert get(served, "/", headers)[0] == 200
        yield served


def get(
    served: Served, path: str, headers: dict[str, str], source: str = "127.0.0.1"
) -> tuple[int, str]:
    """GET ``path`` from the address ``source`` (any of 127.0.0.0/8 is this computer)."""
    port = int(served.url.rsplit(":", 1)[1])
    connection = http.client.HTTPConnection(
        "127.0.0.1", port, timeout=30, source_address=(source, 0)
    )
    try:
        connection.request("GET", path, headers=headers)
        answer = connection.getresponse()
        return answer.status, answer.read().decode("utf-8")
    finally:
        connection.close()


def test_proxy_headers_from_the_trusted_proxy_are_believed(proxied):
    headers = {"X-Forwarded-User": "ceri@cardiff", "X-Forwarded-Groups": "la-cardiff, other"}
    status, body = get(proxied, "/_dash-layout", headers)
    assert status == 200
    assert "Signed in as ceri@cardiff" in body
    # The proxy signs people out, not plcnet.
    assert "/signout" not in body


def test_proxy_headers_from_anyone_else_are_refused_with_no_data(proxied):
    headers = {"X-Forwarded-User": "mallory", "X-Forwarded-Groups": "plcnet-national"}
    for path in ["/", "/_dash-layout", "/school/6812001"]:
        status, body = get(proxied, path, headers, source="127.0.0.2")
        assert status == 403
        assert body == "Forbidden"
    audit_log = proxied.log.with_name("proxy-audit.jsonl")
    refused = [e for e in read_events(audit_log) if e.kind == "refused"]
    assert any(e.address == "127.0.0.2" and e.filters.get("reason") == "untrusted" for e in refused)


def test_proxy_without_a_user_gives_401(proxied):
    status, body = get(proxied, "/_dash-layout", {})
    assert status == 401
    status, body = get(proxied, "/", {})
    assert status == 401
    assert "Rhaid mewngofnodi" in body


def test_proxy_user_with_no_mapped_group_sees_no_access(proxied):
    headers = {"X-Forwarded-User": "nia", "X-Forwarded-Groups": "staff-canteen"}
    status, body = get(proxied, "/", headers)
    assert status == 403
    assert "Dim mynediad" in body
    assert get(proxied, "/_dash-layout", headers)[0] == 403
