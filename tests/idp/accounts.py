"""The development provider's accounts: for development and tests only, never for service.

Each account's password is ``plcnet-<name>`` (docs/access.md lists them); the groups
are those tests/idp/roles.toml maps to plcnet's roles.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["ACCOUNTS", "Account", "password_of"]


@dataclass(frozen=True)
class Account:
    name: str
    display_name: str
    groups: tuple[str, ...]


ACCOUNTS: dict[str, Account] = {
    a.name: a
    for a in [
        Account("analyst", "Ana Analyst", ("plcnet-national",)),
        Account("cardiff", "Carys Cardiff", ("la-cardiff",)),
        Account("csc", "Ceri CSC", ("consortium-csc",)),
        Account("datateam", "Dafydd Data", ("plcnet-data-team",)),
        Account("admin", "Alun Admin", ("plcnet-admins",)),
        # Signs in, but no group of the roles file: plcnet shows "no access".
        Account("nobody", "Nia Nobody", ("staff-canteen",)),
    ]
}


def password_of(name: str) -> str:
    """The development password of account ``name``: ``plcnet-<name>``."""
    return f"plcnet-{name}"
