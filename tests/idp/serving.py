"""The development provider and the dashboard with sign-in, served for tests and
``make serve-auth``; and a browser-less sign-in through the provider's login form.

    with serving_with_sign_in(db) as served:
        http = requests.Session()
        page = sign_in(http, served, "cardiff")
"""

from __future__ import annotations

import html
import os
import re
import secrets
import subprocess
import sys
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote, urljoin

import requests

from tests.idp.accounts import password_of
from tests.serving import (
    PROJECT_ROOT,
    _wait_until_serving,
    find_free_port,
    serving,
    stop_process,
)

__all__ = [
    "CLIENT_ID",
    "ROLES_FILE",
    "SignInServed",
    "provider_running",
    "serving_with_sign_in",
    "sign_in",
]

CLIENT_ID = "plcnet-dev"
ROLES_FILE = Path(__file__).resolve().parent / "roles.toml"
FORM_ACTION = re.compile(r'<form method="post" action="([^"]+)"')


@dataclass(frozen=True)
class SignInServed:
    """The dashboard (``url``) in oidc mode and its provider (``issuer``)."""

    url: str
    issuer: str
    log: Path
    audit_log: Path
    session_secret: str


def provider_command(port: int, dashboard_url: str, *options: str) -> list[str]:
    return [
        sys.executable,
        "-m",
        "tests.idp",
        "--port",
        str(port),
        "--client-id",
        CLIENT_ID,
        "--redirect-uri",
        f"{dashboard_url}/signin/callback",
        "--post-logout-redirect-uri",
        f"{dashboard_url}/signed-out",
        "--post-logout-redirect-uri",
        f"{dashboard_url}/signed-out?lang=cy",
        *options,
    ]


@contextmanager
def provider_running(
    port: int, dashboard_url: str, client_secret: str, log: Path, options: Sequence[str] = ()
) -> Iterator[str]:
    """The development provider on ``port`` for the dashboard at ``dashboard_url``
    (with the command-line ``options`` of tests/idp/__main__.py); yields its issuer
    URL; stopped on exit."""
    env = {**os.environ, "PLCNET_DEV_CLIENT_SECRET": client_secret}
    with log.open("wb") as out:
        process = subprocess.Popen(
            provider_command(port, dashboard_url, *options),
            cwd=PROJECT_ROOT,
            env=env,
            stdout=out,
            stderr=out,
        )
    issuer = f"http://127.0.0.1:{port}"
    try:
        _wait_until_serving(f"{issuer}/.well-known/openid-configuration", process, log)
        yield issuer
    finally:
        stop_process(process)


def sign_in_environment(
    issuer: str, client_secret: str, session_secret: str, audit_log: Path | None
) -> dict[str, str]:
    """The settings of a dashboard signing in with the development provider (the audit
    log where the settings say when ``audit_log`` is None)."""
    settings = {
        "PLCNET_AUTH_MODE": "oidc",
        "PLCNET_OIDC_ISSUER": issuer,
        "PLCNET_OIDC_CLIENT_ID": CLIENT_ID,
        "PLCNET_OIDC_CLIENT_SECRET": client_secret,
        "PLCNET_ROLES_FILE": str(ROLES_FILE),
        "PLCNET_SESSION_SECRET": session_secret,
    }
    if audit_log is not None:
        settings["PLCNET_AUDIT_LOG"] = str(audit_log)
    return settings


@contextmanager
def serving_with_sign_in(
    db: Path, env: Mapping[str, str] | None = None, provider_options: Sequence[str] = ()
) -> Iterator[SignInServed]:
    """The development provider and the dashboard on ``db`` requiring sign-in with it,
    each on a free port; ``env`` adds settings to the dashboard's, ``provider_options``
    options to the provider's command line."""
    dashboard_port, provider_port = find_free_port(), find_free_port()
    dashboard_url = f"http://127.0.0.1:{dashboard_port}"
    client_secret, session_secret = secrets.token_urlsafe(24), secrets.token_urlsafe(48)
    audit_log = db.with_name(f"audit-{dashboard_port}.jsonl")
    provider_log = db.with_name(f"idp-{provider_port}.log")
    provider = provider_running(
        provider_port, dashboard_url, client_secret, provider_log, provider_options
    )
    with provider as issuer:
        settings = sign_in_environment(issuer, client_secret, session_secret, audit_log)
        with serving(
            db, {**settings, **(env or {})}, port=dashboard_port, ready_path="/signed-out"
        ) as served:
            yield SignInServed(served.url, issuer, served.log, audit_log, session_secret)


def submit_login_form(
    http: requests.Session, form_page: requests.Response, name: str, password: str | None = None
) -> requests.Response:
    """Fill in and send the provider's login form (``form_page``) as account ``name``."""
    found = FORM_ACTION.search(form_page.text)
    assert found, f"no login form at {form_page.url}:\n{form_page.text[:500]}"
    action = urljoin(form_page.url, html.unescape(found.group(1)))
    credentials = {"username": name, "password": password or password_of(name)}
    return http.post(action, data=credentials, timeout=30)


def sign_in(
    http: requests.Session, served: SignInServed, name: str, next_path: str = "/"
) -> requests.Response:
    """Sign in as ``name`` through the provider's own login form; the answer is the
    page the dashboard sends the browser to afterwards (``next_path``)."""
    form_page = http.get(f"{served.url}/signin?next={quote(next_path, safe='')}", timeout=30)
    assert form_page.url.startswith(served.issuer), form_page.url
    return submit_login_form(http, form_page, name)
