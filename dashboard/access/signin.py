"""How a request's user is found: the access modes, installed on the Flask server.

- ``open``: one person on their own machine (bound to 127.0.0.1); every request is
  the local owner's (access.OPEN_USER).
- ``public``: ``--public-aggregates-only``; everyone is anonymous and sees national
  and LA aggregates only, never school or PLC detail.
- ``oidc``: users sign in with the organisation's OpenID Connect provider
  (dashboard/access/oidc.py); who they are and their groups are kept in the signed session
  cookie, with the time the sign-in ends.
- ``proxy``: a trusted reverse proxy (oauth2-proxy, authentik...) signed the user in
  and sends the user and groups in headers; only requests from the proxy addresses
  configured are believed, every other is refused.

The user is put in ``flask.g`` before anything else runs (access.current_user).
Deny by default: without a user, a page is sent to sign-in and anything else (the
layout, callbacks, downloads) gets 401 and no data; a user with no role sees the
"no access" page, and nothing else. Refusals go to the audit log.
"""

from __future__ import annotations

import ipaddress
import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import timedelta
from urllib.parse import quote

import flask
from flask.sessions import SecureCookieSessionInterface
from werkzeug.middleware.proxy_fix import ProxyFix
from werkzeug.wrappers import Response

from dashboard.access import audit
from dashboard.access.plain_pages import STYLESHEETS, build_plain_page
from dashboard.access.users import G_USER, OPEN_USER, User, roles_of_groups
from dashboard.core.language import lang_of_request
from dashboard.i18n import t

__all__ = [
    "MODES",
    "PUBLIC_USER",
    "SESSION_USER",
    "AccessConfig",
    "OidcConfig",
    "install_access",
    "user_of_session",
]

PUBLIC_USER = User("public", "public", frozenset(), public_only=True)
MODES = ("open", "public", "oidc", "proxy")

IpNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network

# The key of the signed-in user in the session cookie.
SESSION_USER = "plcnet_user"
SESSION_COOKIE = "plcnet_session"

# Reached without a user: the sign-in routes and the stylesheets of their pages, and the
# health checks of a load balancer, which has no session (dashboard/core/health.py: they
# tell nothing else).
OPEN_PATHS = frozenset(
    {"/signin", "/signin/callback", "/signout", "/signed-out", "/healthz", "/readyz", *STYLESHEETS}
)


@dataclass(frozen=True)
class OidcConfig:
    """The organisation's OpenID Connect provider and the dashboard's client there."""

    issuer: str
    client_id: str
    client_secret: str = field(repr=False)
    scopes: str = "openid profile"
    groups_claim: str = "groups"

    @property
    def discovery_url(self) -> str:
        return self.issuer.rstrip("/") + "/.well-known/openid-configuration"


@dataclass(frozen=True)
class AccessConfig:
    """How users are found and what their groups give them."""

    mode: str = "open"
    roles: Mapping[str, frozenset[str]] = field(default_factory=dict)
    trusted_proxies: tuple[IpNetwork, ...] = ()
    user_header: str = "X-Forwarded-User"
    groups_header: str = "X-Forwarded-Groups"
    oidc: OidcConfig | None = None
    session_secret: str = field(default="", repr=False)
    session_hours: float = 8.0
    # "auto": Secure when the request came over HTTPS (directly or, from a trusted
    # proxy, as its X-Forwarded-Proto says); "true" or "false" to decide it here.
    cookie_secure: str = "auto"

    def __post_init__(self) -> None:
        if self.mode not in MODES:
            raise ValueError(f"unknown access mode {self.mode!r}; known: {', '.join(MODES)}")
        if self.mode == "oidc" and (self.oidc is None or not self.session_secret):
            raise ValueError("oidc mode needs the provider's settings and a session secret")

    @property
    def signs_in(self) -> bool:
        return self.mode not in {"open", "public"}


class AccessRefusedError(Exception):
    """The request cannot be believed (a proxy header from an untrusted address)."""


def is_trusted(address: str | None, networks: Iterable[IpNetwork]) -> bool:
    """Whether ``address`` is one of the trusted proxies' ``networks``."""
    try:
        ip = ipaddress.ip_address(address or "")
    except ValueError:
        return False
    return any(ip in network for network in networks)


def split_groups(value: object) -> list[str]:
    """Groups as a provider or proxy gives them: a list, or one string split on commas."""
    if isinstance(value, str):
        return [g.strip() for g in value.split(",") if g.strip()]
    if isinstance(value, list | tuple):
        return [str(g).strip() for g in value if str(g).strip()]
    return []


def read_proxy_user(request: flask.Request, config: AccessConfig) -> User | None:
    """The user the trusted proxy names in its headers; None when it names no one."""
    if not is_trusted(request.remote_addr, config.trusted_proxies):
        raise AccessRefusedError(f"request from {request.remote_addr}, not a trusted proxy")
    subject = request.headers.get(config.user_header, "").strip()
    if not subject:
        return None
    groups = split_groups(request.headers.get(config.groups_header, ""))
    return User(subject, subject, roles_of_groups(groups, config.roles))


def user_of_session(config: AccessConfig) -> User | None:
    """The user signed in by this browser's session cookie; None when there is none,
    it has ended, or it is not one plcnet wrote (the signature is checked by Flask)."""
    kept = flask.session.get(SESSION_USER)
    if not isinstance(kept, Mapping):
        return None
    try:
        ends, subject = float(kept["ends"]), str(kept["sub"])
    except (KeyError, TypeError, ValueError):
        return None
    if time.time() >= ends or not subject:
        return None
    groups = split_groups(kept.get("groups"))
    return User(subject, str(kept.get("name") or subject), roles_of_groups(groups, config.roles))


def find_user(request: flask.Request, config: AccessConfig) -> User | None:
    """The user of ``request`` in the access mode of ``config``."""
    if config.mode == "open":
        return OPEN_USER
    if config.mode == "public":
        return PUBLIC_USER
    if config.mode == "proxy":
        return read_proxy_user(request, config)
    return user_of_session(config)


class SessionInterface(SecureCookieSessionInterface):
    """Flask's signed cookie, marked Secure as ``cookie_secure`` says (per request
    when "auto")."""

    def __init__(self, cookie_secure: str) -> None:
        self.cookie_secure = cookie_secure

    def get_cookie_secure(self, app: flask.Flask) -> bool:
        if self.cookie_secure == "auto":
            return flask.has_request_context() and flask.request.is_secure
        return self.cookie_secure == "true"


def _configure_sessions(server: flask.Flask, config: AccessConfig) -> None:
    server.secret_key = config.session_secret
    server.config.update(
        SESSION_COOKIE_NAME=SESSION_COOKIE,
        SESSION_COOKIE_HTTPONLY=True,
        SESSION_COOKIE_SAMESITE="Lax",
        # Flask refuses a cookie signed longer ago than this, as well as our own end time.
        PERMANENT_SESSION_LIFETIME=timedelta(hours=config.session_hours),
        # The cookie is written at sign-in and not renewed: a sign-in lasts session_hours.
        SESSION_REFRESH_EACH_REQUEST=False,
    )
    server.session_interface = SessionInterface(config.cookie_secure)


class TrustedProxyFix:
    """X-Forwarded-Proto and -Host believed from the trusted proxies only, so that
    the sign-in's return address and the cookie's Secure flag follow the address the
    browser used; from anyone else those headers are dropped."""

    def __init__(self, app: object, networks: tuple[IpNetwork, ...]) -> None:
        self.app = app
        self.networks = networks
        self.fixed = ProxyFix(app, x_for=0, x_proto=1, x_host=1, x_port=1, x_prefix=0)

    def __call__(self, environ: dict, start_response: object) -> Iterable[bytes]:
        if is_trusted(environ.get("REMOTE_ADDR"), self.networks):
            return self.fixed(environ, start_response)
        for name in ("HTTP_X_FORWARDED_PROTO", "HTTP_X_FORWARDED_HOST", "HTTP_X_FORWARDED_PORT"):
            environ.pop(name, None)
        return self.app(environ, start_response)


def _is_data_request(request: flask.Request) -> bool:
    """Dash's own requests (layout, callbacks and so downloads), assets, and anything
    but a plain GET of a page (an image, a script: the browser says what it fetches
    for in Sec-Fetch-Dest): answered 401, never sent to sign-in, whose redirect to the
    provider a sub-resource could not follow anyway."""
    return (
        request.method not in {"GET", "HEAD"}
        or request.path.startswith(("/_", "/assets/"))
        or request.headers.get("Sec-Fetch-Dest", "document") != "document"
    )


def _answer_without_user(request: flask.Request, config: AccessConfig) -> Response:
    if config.mode == "oidc" and not _is_data_request(request):
        # The ordinary way in, not a refusal: the page is shown once signed in.
        return flask.redirect("/signin?next=" + quote(request.full_path.rstrip("?"), safe=""))
    audit.record_event("refused", request.path, {"status": 401})
    if _is_data_request(request):
        text = t("signin.sign_in_required", lang_of_request())
        return flask.Response(text, status=401, mimetype="text/plain")
    return build_plain_page(lang_of_request(), "required", 401)


def _answer_no_access(request: flask.Request, config: AccessConfig, user: User) -> Response:
    audit.record_event("refused", request.path, {"status": 403}, user=user)
    if _is_data_request(request):
        text = t("signin.no_access_title", lang_of_request())
        return flask.Response(text, status=403, mimetype="text/plain")
    link = "sign-out" if config.mode == "oidc" else None
    return build_plain_page(lang_of_request(), "no-access", 403, link, name=user.name)


def install_access(server: flask.Flask, config: AccessConfig) -> None:
    """Find each request's user before anything else runs, and refuse what must be refused."""
    server.config["PLCNET_ACCESS"] = config
    if config.trusted_proxies:
        server.wsgi_app = TrustedProxyFix(server.wsgi_app, config.trusted_proxies)
    if config.mode == "oidc":
        from dashboard.access.oidc import install_oidc  # Authlib is loaded only when it is used

        _configure_sessions(server, config)
        install_oidc(server, config)

    def set_user() -> Response | None:
        request = flask.request
        if config.signs_in and request.path in OPEN_PATHS:
            return None
        try:
            user = find_user(request, config)
        except AccessRefusedError:
            audit.record_event("refused", request.path, {"status": 403, "reason": "untrusted"})
            text = t("signin.forbidden", lang_of_request())
            return flask.Response(text, status=403, mimetype="text/plain")
        setattr(flask.g, G_USER, user)
        if user is None:
            return _answer_without_user(request, config)
        if not user.has_access:
            return _answer_no_access(request, config, user)
        return None

    server.before_request(set_user)
