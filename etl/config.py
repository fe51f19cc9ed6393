"""Paths and settings, each with a default and help text.

Every setting can be overridden by an environment variable named
``PLCNET_<NAME>`` (upper case); the command line overrides both.
``tests/etl/test_docs.py`` checks that each setting is documented in the README.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
# In a checkout, data/ is beside the code. Installed from the wheel (no pyproject.toml
# above the packages, docs/operations.md), it is data/ in the folder the command runs
# in, and the reference files are the copy the wheel carries (pyproject.toml).
IS_CHECKOUT = (PROJECT_ROOT / "pyproject.toml").is_file()
DATA_DIR = (PROJECT_ROOT if IS_CHECKOUT else Path.cwd()) / "data"
SHIPPED_REFERENCE_DIR = (
    PROJECT_ROOT / "data" / "reference"
    if IS_CHECKOUT
    else Path(__file__).resolve().parent / "reference_data"
)


@dataclass(frozen=True)
class Setting:
    name: str
    default: str
    help: str

    @property
    def variable(self) -> str:
        return f"PLCNET_{self.name.upper()}"

    def value(self) -> str:
        return os.environ.get(self.variable, self.default)

    def is_set(self) -> bool:
        """True when the environment sets it, even to its default."""
        return self.variable in os.environ


SETTINGS: dict[str, Setting] = {
    s.name: s
    for s in [
        Setting("raw_dir", str(DATA_DIR / "raw"), "Folder of input files to load."),
        Setting(
            "reference_dir",
            str(SHIPPED_REFERENCE_DIR),
            "Folder of the published Welsh reference files shipped with plcnet.",
        ),
        Setting("db_path", str(DATA_DIR / "plcnet.duckdb"), "The published database."),
        Setting(
            "system",
            "wales",
            "The school system a refresh loads: a name of systems/ or a .toml file "
            "(docs/systems.md).",
        ),
        Setting("seed", "2015", "Seed of the demo generator."),
        Setting("host", "127.0.0.1", "Address the dashboard listens on."),
        Setting("port", "8050", "Port the dashboard listens on."),
        Setting(
            "workers",
            "auto",
            "Worker processes of the dashboard's server; auto: one per processor, 2 to 8.",
        ),
        Setting("threads", "4", "Threads of each worker process of the dashboard's server."),
        Setting(
            "audit_log",
            str(DATA_DIR / "audit.jsonl"),
            "Append-only audit log of sign-ins, downloads and refusals (outside the database).",
        ),
        Setting(
            "pseudonym_key",
            "",
            "Secret key of the keyed hash that pseudonymises member ids at ingest; "
            "wins over the key file. Never put it in the repository or on a command line.",
        ),
        Setting(
            "pseudonym_key_file",
            str(DATA_DIR / "pseudonym.key"),
            "File holding that secret key. Set it, and a refresh stops if the file "
            "cannot be read; left unset, the default file is created on first use.",
        ),
        # Sign-in (docs/access.md). Secrets have no default: never in the repository.
        Setting(
            "auth_mode",
            "open",
            "How users sign in: open (no sign-in, 127.0.0.1 only), oidc, proxy or public.",
        ),
        Setting("oidc_issuer", "", "OpenID Connect issuer URL (discovery is read from it)."),
        Setting("oidc_client_id", "", "OpenID Connect client id of the dashboard."),
        Setting(
            "oidc_client_secret",
            "",
            "OpenID Connect client secret (else read from oidc_client_secret_file).",
        ),
        Setting("oidc_client_secret_file", "", "File holding the OpenID Connect client secret."),
        Setting("oidc_scopes", "openid profile", "Scopes asked of the OpenID Connect provider."),
        Setting(
            "groups_claim", "groups", "Claim of the ID token or userinfo that lists the groups."
        ),
        Setting("roles_file", "", "TOML file mapping the provider's groups to plcnet's roles."),
        Setting(
            "session_secret",
            "",
            "Secret signing the session cookies (else read from session_secret_file).",
        ),
        Setting(
            "session_secret_file", "", "File holding the secret that signs the session cookies."
        ),
        Setting("session_hours", "8", "Hours a sign-in lasts before signing in again."),
        Setting(
            "cookie_secure",
            "auto",
            "Session cookie marked Secure: auto (when the request came over HTTPS), true, false.",
        ),
        Setting(
            "trusted_proxies",
            "",
            "Addresses or networks (comma-separated) of the reverse proxies believed.",
        ),
        Setting("proxy_user_header", "X-Forwarded-User", "Header naming the user (proxy mode)."),
        Setting(
            "proxy_groups_header",
            "X-Forwarded-Groups",
            "Header listing the user's groups, comma-separated (proxy mode).",
        ),
        Setting(
            "accessibility_contact",
            "",
            "Email address, web address or phone number the accessibility statement gives "
            "for help and reports; none: it names the data team that runs plcnet.",
        ),
    ]
}


def setting(name: str) -> str:
    """Return the value in force for the setting ``name``."""
    return SETTINGS[name].value()


def default_raw_dir() -> Path:
    return Path(setting("raw_dir"))


def default_reference_dir() -> Path:
    return Path(setting("reference_dir"))


def default_db_path() -> Path:
    return Path(setting("db_path"))
