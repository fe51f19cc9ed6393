"""The access mode and its settings, read and checked before the dashboard starts.

The rule of ``python -m dashboard``: with no sign-in configured (``auth_mode`` open)
it serves only on this computer (127.0.0.1, localhost, ::1); on any other address it
refuses to start unless ``--public-aggregates-only`` is given. In ``oidc`` and
``proxy`` modes a roles file that cannot be read, or (oidc) a missing session secret
or provider setting, stops it with a message that says what to set.
"""

from __future__ import annotations

import ipaddress
from pathlib import Path

from dashboard.access.signin import MODES, AccessConfig, IpNetwork, OidcConfig
from dashboard.access.users import RolesFileError, read_roles_file
from etl.public import setting

__all__ = [
    "MIN_SECRET_LENGTH",
    "AccessSetupError",
    "OpenNotLocalError",
    "is_local_host",
    "load_access_config",
]

MIN_SECRET_LENGTH = 32
LOCAL_NAMES = frozenset({"localhost"})


class AccessSetupError(ValueError):
    """The access settings are missing or wrong: the dashboard must not start."""


class OpenNotLocalError(AccessSetupError):
    """No sign-in configured and an address other than this computer's."""


def is_local_host(host: str | None) -> bool:
    """Whether ``host`` is this computer only (127.0.0.1, ::1, localhost)."""
    if host is None:
        return False
    if host in LOCAL_NAMES:
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def read_secret(name: str) -> str:
    """The secret of setting ``name``: its environment variable, else the file that
    ``<name>_file`` names (its first line)."""
    value = setting(name).strip()
    if value:
        return value
    path = setting(f"{name}_file").strip()
    if not path:
        return ""
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except OSError as error:
        raise AccessSetupError(f"cannot read {name}_file {path}: {error}") from error
    return lines[0].strip() if lines else ""


def _read_roles() -> dict[str, frozenset[str]]:
    path = setting("roles_file").strip()
    if not path:
        raise AccessSetupError("no roles file: set PLCNET_ROLES_FILE (docs/roles.example.toml)")
    try:
        return read_roles_file(Path(path))
    except RolesFileError as error:
        raise AccessSetupError(str(error)) from error


def _read_networks() -> tuple[IpNetwork, ...]:
    text = setting("trusted_proxies")
    try:
        return tuple(ipaddress.ip_network(p.strip()) for p in text.split(",") if p.strip())
    except ValueError as error:
        raise AccessSetupError(f"PLCNET_TRUSTED_PROXIES: {error}") from error


def _read_session_hours() -> float:
    try:
        hours = float(setting("session_hours"))
    except ValueError as error:
        raise AccessSetupError("PLCNET_SESSION_HOURS must be a number of hours") from error
    if not 0 < hours <= 24 * 30:
        raise AccessSetupError("PLCNET_SESSION_HOURS must be more than 0 and at most 720")
    return hours


def _read_oidc() -> OidcConfig:
    issuer, client_id = setting("oidc_issuer").strip(), setting("oidc_client_id").strip()
    secret = read_secret("oidc_client_secret")
    missing = [
        name
        for name, value in [
            ("PLCNET_OIDC_ISSUER", issuer),
            ("PLCNET_OIDC_CLIENT_ID", client_id),
            ("PLCNET_OIDC_CLIENT_SECRET (or PLCNET_OIDC_CLIENT_SECRET_FILE)", secret),
        ]
        if not value
    ]
    if missing:
        raise AccessSetupError(f"oidc mode needs {', '.join(missing)}")
    return OidcConfig(
        issuer=issuer,
        client_id=client_id,
        client_secret=secret,
        scopes=setting("oidc_scopes").strip() or "openid",
        groups_claim=setting("groups_claim").strip() or "groups",
    )


def _read_session_secret() -> str:
    secret = read_secret("session_secret")
    if len(secret) < MIN_SECRET_LENGTH:
        raise AccessSetupError(
            f"oidc mode needs a session secret of at least {MIN_SECRET_LENGTH} characters, the "
            "same for every worker and replica: PLCNET_SESSION_SECRET or "
            "PLCNET_SESSION_SECRET_FILE (make one with: python -c "
            '"import secrets; print(secrets.token_urlsafe(48))")'
        )
    return secret


def load_access_config(host: str | None, public_only: bool = False) -> AccessConfig:
    """The access configuration from the settings, for a dashboard listening on ``host``
    (None: not known, as under a WSGI server; then treated as not this computer)."""
    mode = "public" if public_only else setting("auth_mode").strip().lower()
    if mode not in MODES:
        raise AccessSetupError(f"PLCNET_AUTH_MODE is {mode!r}; use one of {', '.join(MODES)}")
    cookie_secure = setting("cookie_secure").strip().lower()
    if cookie_secure not in {"auto", "true", "false"}:
        raise AccessSetupError("PLCNET_COOKIE_SECURE must be auto, true or false")
    networks = _read_networks()
    if mode == "open" and not is_local_host(host):
        raise OpenNotLocalError(host or "")
    if mode in {"open", "public"}:
        return AccessConfig(mode=mode, trusted_proxies=networks)
    if mode == "proxy" and not networks:
        raise AccessSetupError("proxy mode needs PLCNET_TRUSTED_PROXIES (the proxy's addresses)")
    return AccessConfig(
        mode=mode,
        roles=_read_roles(),
        trusted_proxies=networks,
        user_header=setting("proxy_user_header"),
        groups_header=setting("proxy_groups_header"),
        oidc=_read_oidc() if mode == "oidc" else None,
        session_secret=_read_session_secret() if mode == "oidc" else "",
        session_hours=_read_session_hours(),
        cookie_secure=cookie_secure,
    )
