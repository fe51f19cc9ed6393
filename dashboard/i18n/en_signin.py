"""English messages of sign-in: the access notices, the sign-in pages, the command line."""

from __future__ import annotations

MESSAGES: dict[str, str] = {
    # The shell
    "signin.open_label": "Open dashboard:",
    "signin.open_notice": (
        "no sign-in. Anyone who can reach this address sees every school's detail; "
        "it is served on this computer only."
    ),
    "signin.public_label": "Public figures only:",
    "signin.public_notice": (
        "national and local-authority figures, suppressed as everywhere; "
        "no school or PLC is shown. Sign in for the detail of your area."
    ),
    "signin.signed_in_as": "Signed in as {name}",
    "signin.sign_out": "Sign out",
    "signin.user_label": "Your account",
    # The pages around sign-in (plain HTML, no data)
    "signin.no_access_title": "No access",
    "signin.no_access_text": (
        "You are signed in as {name}, but your account has no role in plcnet. "
        "Ask your plcnet administrator to add one of your groups to the roles file."
    ),
    "signin.signed_out_title": "Signed out",
    "signin.signed_out_text": "You have signed out of plcnet.",
    "signin.sign_in_again": "Sign in again",
    "signin.failed_title": "Sign-in failed",
    "signin.failed_text": (
        "plcnet could not complete your sign-in (it may have taken too long, or the "
        "identity provider did not answer). Please try again."
    ),
    "signin.try_again": "Try again",
    "signin.required_text": ("Sign in through your organisation's sign-in page to see plcnet."),
    "signin.forbidden": "Forbidden",
    "signin.sign_in_required": "Sign-in required",
    # The command line
    "cli.public_help": (
        "Serve national and LA aggregates only, never school or PLC detail, to anyone "
        "(no sign-in): the only way to serve without sign-in beyond this computer."
    ),
    "cli.open_refused": (
        "plcnet will not serve without sign-in on {host}: anyone who reaches it would read "
        "every school's detail.\n"
        "Either require sign-in: PLCNET_AUTH_MODE=oidc with PLCNET_OIDC_ISSUER, "
        "PLCNET_OIDC_CLIENT_ID, PLCNET_OIDC_CLIENT_SECRET (or _FILE), PLCNET_ROLES_FILE and "
        "PLCNET_SESSION_SECRET (or _FILE); or PLCNET_AUTH_MODE=proxy with "
        "PLCNET_TRUSTED_PROXIES and PLCNET_ROLES_FILE (docs/access.md);\n"
        "or serve public figures only: --public-aggregates-only;\n"
        "or listen on this computer only: --host 127.0.0.1."
    ),
    "cli.access_error": "plcnet cannot start: {error}\nSee docs/access.md.",
}
