"""Users, roles, scope and the access modes (dashboard/access/users.py, signin.py)."""

from __future__ import annotations

import ipaddress
from pathlib import Path

import flask
import pytest

from dashboard.access.signin import AccessConfig, install_access
from dashboard.access.users import (
    RolesFileError,
    Scope,
    User,
    acting_as,
    current_scope,
    current_user,
    parse_role,
    read_roles_file,
    roles_of_groups,
)

ROLES = """
[groups]
"plcnet-analysts" = ["national"]
"cardiff-la" = ["la:0681"]
"csc-staff" = ["consortium:csc", "data-team"]
"""


def write_roles(tmp_path: Path, text: str = ROLES) -> Path:
    path = tmp_path / "roles.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_roles_file_maps_groups_to_checked_roles(tmp_path):
    mapping = read_roles_file(write_roles(tmp_path))
    assert mapping["cardiff-la"] == {"la:681"}
    assert mapping["csc-staff"] == {"consortium:CSC", "data-team"}


@pytest.mark.parametrize("text", ["superuser", "la:cardiff", "consortium:", "region:1"])
def test_unknown_role_is_refused(text):
    with pytest.raises(RolesFileError, match="unknown role"):
        parse_role(text)


def test_roles_file_without_groups_table_is_refused(tmp_path):
    with pytest.raises(RolesFileError, match=r"no \[groups\] table"):
        read_roles_file(write_roles(tmp_path, 'national = ["x"]'))


def test_groups_not_in_the_roles_file_give_nothing(tmp_path):
    mapping = read_roles_file(write_roles(tmp_path))
    assert roles_of_groups(["strangers", "cardiff-la"], mapping) == {"la:681"}
    assert roles_of_groups(["strangers"], mapping) == frozenset()


@pytest.mark.parametrize(
    ("roles", "la", "consortium", "allowed"),
    [
        ({"national"}, 660, "GWE", True),
        ({"la:681"}, 681, "CSC", True),
        ({"la:681"}, 676, "CSC", False),
        ({"consortium:CSC"}, 676, "CSC", True),
        ({"consortium:CSC"}, 660, "GWE", False),
        ({"data-team"}, 681, "CSC", False),
        ({"admin"}, 681, "CSC", False),
        (set(), 681, "CSC", False),
    ],
)
def test_scope_allows_detail_in_the_region_only(roles, la, consortium, allowed):
    assert User("u", "u", frozenset(roles)).scope.allows(la, consortium) is allowed


def test_public_aggregates_only_allows_no_detail():
    user = User("public", "public", frozenset({"national"}), public_only=True)
    assert user.scope == Scope.nothing()
    assert not user.scope.allows(681, "CSC")


def test_no_user_is_no_scope_outside_a_request():
    with acting_as(None):
        assert current_user() is None
        assert current_scope() == Scope.nothing()


def build_proxied_server(tmp_path: Path, trusted: str = "127.0.0.1/32") -> flask.Flask:
    server = flask.Flask("proxied")
    config = AccessConfig(
        mode="proxy",
        roles=read_roles_file(write_roles(tmp_path)),
        trusted_proxies=(ipaddress.ip_network(trusted),),
    )
    install_access(server, config)

    @server.route("/who")
    def who() -> str:
        user = current_user()
        return f"{user.subject} {sorted(user.roles)}" if user else "nobody"

    return server


def test_proxy_headers_from_the_trusted_proxy_name_the_user(tmp_path):
    client = build_proxied_server(tmp_path).test_client()
    headers = {"X-Forwarded-User": "ceri", "X-Forwarded-Groups": "cardiff-la, strangers"}
    response = client.get("/who", headers=headers, environ_base={"REMOTE_ADDR": "127.0.0.1"})
    assert response.status_code == 200
    assert response.text == "ceri ['la:681']"


def test_proxy_headers_from_anyone_else_are_refused(tmp_path):
    client = build_proxied_server(tmp_path).test_client()
    headers = {"X-Forwarded-User": "ceri", "X-Forwarded-Groups": "plcnet-analysts"}
    response = client.get("/who", headers=headers, environ_base={"REMOTE_ADDR": "10.1.2.3"})
    assert response.status_code == 403
    assert "ceri" not in response.text


def test_proxy_without_a_user_is_not_signed_in(tmp_path):
    client = build_proxied_server(tmp_path).test_client()
    response = client.get("/who", environ_base={"REMOTE_ADDR": "127.0.0.1"})
    assert response.status_code == 401


def test_proxy_user_with_no_mapped_group_has_no_access(tmp_path):
    client = build_proxied_server(tmp_path).test_client()
    headers = {"X-Forwarded-User": "nobody", "X-Forwarded-Groups": "strangers"}
    response = client.get("/who", headers=headers, environ_base={"REMOTE_ADDR": "127.0.0.1"})
    assert response.status_code == 403
