"""A dashboard whose users are named by a trusted proxy's headers, for tests of roles
through the real Flask server (its test client): each request says who sends it.

Tests use the session's app (tests/dashboard/conftest.py) with its users found another
way for a while (serving_as): Dash runs a page module's callbacks in the app made after
it was imported, so a second app would take them from the first.
"""

from __future__ import annotations

import ipaddress
import json
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import dash
import flask
from flask.testing import FlaskClient

from dashboard.access.signin import AccessConfig, install_access
from dashboard.access.users import read_roles_file
from dashboard.core.db import CONFIG_KEY, Database

PROXY = "127.0.0.1"
ACCESS_KEY = "PLCNET_ACCESS"  # where install_access keeps its configuration

# One identity-provider group per role, and a user in each.
ROLES_FILE = """
[groups]
"analysts" = ["national"]
"cardiff-la" = ["la:681"]
"data" = ["data-team"]
"auditors" = ["admin"]
"""
USERS = {
    "analyst": "analysts",
    "cardiff": "cardiff-la",
    "datateam": "data",
    "admin": "auditors",
}


def proxy_config(folder: Path) -> AccessConfig:
    """Proxy mode: the users of USERS named by a trusted proxy (127.0.0.1)."""
    roles = folder / "roles.toml"
    roles.write_text(ROLES_FILE, encoding="utf-8")
    return AccessConfig(
        mode="proxy",
        roles=read_roles_file(roles),
        trusted_proxies=(ipaddress.ip_network(f"{PROXY}/32"),),
    )


def _set_user_of(config: AccessConfig) -> object:
    scratch = flask.Flask("scratch")
    install_access(scratch, config)
    return scratch.before_request_funcs[None][-1]


@contextmanager
def serving_as(
    app: dash.Dash, config: AccessConfig, db: Path | None = None
) -> Iterator[flask.Flask]:
    """The session's app with its users found as ``config`` says (and on the database at
    ``db``, when given): its sign-in hook, installed by create_app, swapped for that
    mode's, and put back after. One app per session: Dash gives a page module's
    callbacks to the app made after the module was imported, so a second app would
    take them from the first."""
    server = app.server
    hooks = server.before_request_funcs[None]
    swapped = [
        _set_user_of(config) if getattr(hook, "__name__", "") == "set_user" else hook
        for hook in hooks
    ]
    assert swapped != hooks, "create_app's sign-in hook was not found"
    installed = {key: server.config[key] for key in (ACCESS_KEY, CONFIG_KEY)}
    server.before_request_funcs[None] = swapped
    server.config[ACCESS_KEY] = config  # what the shell says of the mode
    if db is not None:
        server.config[CONFIG_KEY] = Database(db)
    try:
        yield server
    finally:
        server.before_request_funcs[None] = hooks
        server.config.update(installed)


def headers_of(user: str, groups: str | None = None) -> dict[str, str]:
    """The proxy's headers naming ``user`` (in the group USERS gives, unless told)."""
    return {"X-Forwarded-User": user, "X-Forwarded-Groups": groups or USERS.get(user, "")}


def post_callback(client: FlaskClient, user: str, payload: dict) -> tuple[int, str]:
    """A callback request as ``user`` sends it through the proxy: status and body."""
    response = client.post(
        "/_dash-update-component",
        json=payload,
        headers=headers_of(user),
        environ_base={"REMOTE_ADDR": PROXY},
    )
    return response.status_code, response.get_data(as_text=True)


def router_payload(path: str, search: str = "") -> dict[str, object]:
    """The request Dash's router sends to draw the page at ``path`` (with ``search``)."""
    return {
        "output": ".._pages_content.children..._pages_store.data..",
        "outputs": [
            {"id": "_pages_content", "property": "children"},
            {"id": "_pages_store", "property": "data"},
        ],
        "inputs": [
            {"id": "_pages_location", "property": "pathname", "value": path},
            {"id": "_pages_location", "property": "search", "value": search},
        ],
        "changedPropIds": ["_pages_location.pathname"],
        "state": [],
    }


def open_page(client: FlaskClient, user: str, path: str, search: str = "") -> str:
    """The page at ``path`` as Dash's router draws it for ``user`` (its JSON)."""
    status, body = post_callback(client, user, router_payload(path, search))
    assert status == 200, body
    return json.dumps(json.loads(body)["response"]["_pages_content"], ensure_ascii=False)


def download_payload(
    page: str, what: str, search: str, path: str, url: str | None = None
) -> dict[str, object]:
    """The request the CSV button ``what`` of ``page`` sends for the view in the URL."""
    url = url or f"{page}-url"
    return {
        "output": f"{page}-{what}-csv.data",
        "outputs": {"id": f"{page}-{what}-csv", "property": "data"},
        "inputs": [{"id": f"{page}-{what}-csv-button", "property": "n_clicks", "value": 1}],
        "state": [
            {"id": url, "property": "search", "value": search},
            {"id": url, "property": "pathname", "value": path},
        ],
        "changedPropIds": [f"{page}-{what}-csv-button.n_clicks"],
    }
