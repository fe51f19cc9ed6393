"""How a request's user is found: the access modes, installed on the Flask server.

- ``open``: one person on their own machine (bound to 127.0.0.1); every request is
  the local owner's (access.OPEN_USER).
- ``public``: ``--public-aggregates-only``; everyone is anonymous and sees national
  and LA aggregates only, never school or PLC detail.
- ``proxy``: a trusted reverse proxy (oauth2-proxy, authentik...) signed the user in
  and sends the user and groups in headers; only requests from the proxy addresses
  configured are believed, every other is refused.

The user is put in ``flask.g`` before anything else runs (access.current_user); a
user with no role sees the "no access" answer, and nothing else.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Mapping
from dataclasses import dataclass, field

import flask

from dashboard.access import G_USER, OPEN_USER, User, roles_of_groups

__all__ = ["PUBLIC_USER", "AccessConfig", "install_access"]

PUBLIC_USER = User("public", "public", frozenset(), public_only=True)

IpNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network


@dataclass(frozen=True)
class AccessConfig:
    """How users are found and what their groups give them."""

    mode: str = "open"
    roles: Mapping[str, frozenset[str]] = field(default_factory=dict)
    trusted_proxies: tuple[IpNetwork, ...] = ()
    user_header: str = "X-Forwarded-User"
    groups_header: str = "X-Forwarded-Groups"

    @property
    def signs_in(self) -> bool:
        return self.mode not in {"open", "public"}


class AccessRefusedError(Exception):
    """The request cannot be believed (a proxy header from an untrusted address)."""


def _is_trusted(address: str | None, networks: tuple[IpNetwork, ...]) -> bool:
    try:
        ip = ipaddress.ip_address(address or "")
    except ValueError:
        return False
    return any(ip in network for network in networks)


def read_proxy_user(request: flask.Request, config: AccessConfig) -> User | None:
    """The user the trusted proxy names in its headers; None when it names no one."""
    if not _is_trusted(request.remote_addr, config.trusted_proxies):
        raise AccessRefusedError(f"request from {request.remote_addr}, not a trusted proxy")
    subject = request.headers.get(config.user_header, "").strip()
    if not subject:
        return None
    groups = [g.strip() for g in request.headers.get(config.groups_header, "").split(",")]
    return User(subject, subject, roles_of_groups(filter(None, groups), config.roles))


def find_user(request: flask.Request, config: AccessConfig) -> User | None:
    """The user of ``request`` in the access mode of ``config``."""
    if config.mode == "open":
        return OPEN_USER
    if config.mode == "public":
        return PUBLIC_USER
    if config.mode == "proxy":
        return read_proxy_user(request, config)
    raise ValueError(f"unknown access mode {config.mode!r}")


def install_access(server: flask.Flask, config: AccessConfig) -> None:
    """Find each request's user before anything else runs, and refuse what must be refused."""
    server.config["PLCNET_ACCESS"] = config

    def set_user() -> flask.Response | None:
        try:
            user = find_user(flask.request, config)
        except AccessRefusedError:
            return flask.Response("Forbidden", status=403, mimetype="text/plain")
        setattr(flask.g, G_USER, user)
        if user is None:
            return flask.Response("Sign-in required", status=401, mimetype="text/plain")
        if not user.has_access:
            return flask.Response("No access", status=403, mimetype="text/plain")
        return None

    server.before_request(set_user)
