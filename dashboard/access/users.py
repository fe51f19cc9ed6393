"""Who is asking, and what they may see: users, roles and the region scope.

Every request has a :class:`User` (or none: then nothing is shown, deny by
default). The sign-in layer (dashboard/access/signin.py) puts it in ``flask.g`` from the
server's session; outside a request (tests, benchmarks, scripts) it is set with
:func:`acting_as`. The data layer (dashboard/core/db.py) reads :func:`current_scope`
itself for every query, so that no page, callback or URL can choose it.

Roles come from the identity provider's groups through the roles file
(docs/access.md):

- ``national``: every school and PLC;
- ``consortium:<code>`` and ``la:<code>``: school and PLC detail in that region;
  outside it, only LA-level and national aggregates;
- ``data-team``: the /data page's run history, files and rejected rows;
- ``admin``: the audit log.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from pathlib import Path

import flask

__all__ = [
    "ADMIN",
    "DATA_TEAM",
    "NATIONAL",
    "OPEN_USER",
    "RolesFileError",
    "Scope",
    "User",
    "acting_as",
    "current_scope",
    "current_user",
    "parse_role",
    "read_roles_file",
    "roles_of_groups",
]

NATIONAL = "national"
DATA_TEAM = "data-team"
ADMIN = "admin"
_PLAIN_ROLES = frozenset({NATIONAL, DATA_TEAM, ADMIN})
_REGION_KINDS = ("consortium", "la")

# The key of the user in flask.g, set once per request by the sign-in layer.
G_USER = "plcnet_user"


class RolesFileError(ValueError):
    """The roles file cannot be read or names a role plcnet does not know."""


@dataclass(frozen=True)
class Scope:
    """Whose school- and PLC-level detail a user may see.

    ``everything`` for national users; else the LAs (codes) and consortia (codes)
    listed; ``detail=False`` (public aggregates only, or no role at all) shows no
    school or PLC detail anywhere. LA-level and national aggregates are shown to
    every user with any scope.
    """

    everything: bool = False
    las: frozenset[int] = frozenset()
    consortia: frozenset[str] = frozenset()
    detail: bool = True

    @classmethod
    def nothing(cls) -> Scope:
        return cls(detail=False)

    @property
    def is_regional(self) -> bool:
        return not self.everything and bool(self.las or self.consortia)

    def allows(self, la_code: int | None, consortium_code: str | None) -> bool:
        """Whether the detail of a school in ``la_code`` / ``consortium_code`` may be seen."""
        if not self.detail:
            return False
        if self.everything:
            return True
        return la_code in self.las or consortium_code in self.consortia

    def cache_key(self) -> tuple[object, ...]:
        """What distinguishes this scope in a cache of query results."""
        las, consortia = tuple(sorted(self.las)), tuple(sorted(self.consortia))
        return (self.everything, self.detail, las, consortia)


@dataclass(frozen=True)
class User:
    """A signed-in person (or the owner of an open, local dashboard)."""

    subject: str
    name: str
    roles: frozenset[str]
    public_only: bool = False

    @property
    def has_access(self) -> bool:
        return bool(self.roles) or self.public_only

    def has_role(self, role: str) -> bool:
        return role in self.roles

    @property
    def scope(self) -> Scope:
        if self.public_only:
            return Scope.nothing()
        if NATIONAL in self.roles:
            return Scope(everything=True)
        las, consortia = set(), set()
        for role in self.roles:
            kind, _, code = role.partition(":")
            if kind == "la":
                las.add(int(code))
            elif kind == "consortium":
                consortia.add(code)
        if not (las or consortia):
            return Scope.nothing()
        return Scope(las=frozenset(las), consortia=frozenset(consortia))


# The one person on their own machine, dashboard bound to 127.0.0.1 with no sign-in.
OPEN_USER = User("local", "local", frozenset({NATIONAL, DATA_TEAM, ADMIN}))

_acting: ContextVar[User | None] = ContextVar("plcnet_acting_user", default=None)


@contextmanager
def acting_as(user: User | None) -> Iterator[User | None]:
    """Run the block as ``user`` outside a request (tests, benchmarks, scripts)."""
    token = _acting.set(user)
    try:
        yield user
    finally:
        _acting.reset(token)


def current_user() -> User | None:
    """The user of the current request (set by the sign-in layer), else of acting_as.

    A request context the sign-in layer never saw (a test's or a script's
    test_request_context) has the acting user too: in service that is nobody.
    """
    if flask.has_request_context() and G_USER in flask.g:
        return flask.g.get(G_USER)
    return _acting.get()


def current_scope() -> Scope:
    """The scope of the current user; nothing at all when there is none (deny by default)."""
    user = current_user()
    return Scope.nothing() if user is None else user.scope


def parse_role(text: str) -> str:
    """A role of the roles file, checked: ``national``, ``la:681``, ``consortium:CSC``..."""
    role = text.strip()
    if role in _PLAIN_ROLES:
        return role
    kind, sep, code = role.partition(":")
    if sep and kind == "la" and code.isdigit():
        return f"la:{int(code)}"
    if sep and kind == "consortium" and code.isalnum():
        return f"consortium:{code.upper()}"
    raise RolesFileError(
        f"unknown role {text!r}: use national, data-team, admin, la:<LA code> "
        "or consortium:<consortium code>"
    )


def read_roles_file(path: Path) -> dict[str, frozenset[str]]:
    """The roles of each identity-provider group, from a TOML roles file.

    ``[groups]`` maps a group's name to a list of roles (docs/access.md)::

        [groups]
        "plcnet-analysts" = ["national"]
        "cardiff-la" = ["la:681"]
    """
    try:
        data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as error:
        raise RolesFileError(f"cannot read the roles file {path}: {error}") from error
    groups = data.get("groups")
    if not isinstance(groups, Mapping):
        raise RolesFileError(f"the roles file {path} has no [groups] table")
    mapping: dict[str, frozenset[str]] = {}
    for group, roles in groups.items():
        if isinstance(roles, str):
            roles = [roles]
        if not isinstance(roles, list) or not all(isinstance(r, str) for r in roles):
            raise RolesFileError(f"{path}: group {group!r} must map to a list of roles")
        mapping[str(group)] = frozenset(parse_role(r) for r in roles)
    return mapping


def roles_of_groups(groups: Iterable[str], mapping: Mapping[str, frozenset[str]]) -> frozenset[str]:
    """The roles the user's groups give; none for groups the roles file does not name."""
    roles: set[str] = set()
    for group in groups:
        roles |= mapping.get(group, frozenset())
    return frozenset(roles)
