"""Sign-in with the organisation's OpenID Connect provider, on Authlib's Flask client.

The authorization code flow with PKCE (S256), ``state`` and ``nonce`` (Authlib makes
and checks all three); the provider's endpoints and keys are read from its discovery
document at the first sign-in. The ID token is checked (signature, issuer, audience,
expiry, nonce), the groups are read from its ``groups_claim``, else from the
userinfo endpoint, and who the user is goes into the signed session cookie with the
time the sign-in ends (dashboard/access/signin.py reads it on every request).

Routes: ``/signin`` (to the provider), ``/signin/callback`` (back from it),
``/signout`` (clears the session, then the provider's end_session_endpoint when it
has one) and ``/signed-out``.
"""

from __future__ import annotations

import time
from collections.abc import Mapping

import flask
import requests
from authlib.integrations.base_client import OAuthError
from authlib.integrations.flask_client import OAuth
from joserfc.errors import JoseError
from werkzeug.wrappers import Response

from dashboard.access import audit
from dashboard.access.plain_pages import build_plain_page
from dashboard.access.signin import SESSION_USER, AccessConfig, OidcConfig, split_groups
from dashboard.access.users import User, roles_of_groups
from dashboard.core.language import build_language_href, lang_from_search, lang_of_request

__all__ = ["install_oidc", "safe_next"]

SESSION_NEXT = "plcnet_next"
SESSION_ID_TOKEN = "plcnet_id_token"
PROVIDER_TIMEOUT_S = 10
# What a provider that is down, slow or not a provider raises at sign-in.
SIGN_IN_ERRORS = (OAuthError, JoseError, requests.RequestException, KeyError, ValueError)


def safe_next(target: str | None) -> str:
    """Where to go once signed in: a path of this site only (never ``//elsewhere``)."""
    if not target or not target.startswith("/") or target.startswith("//") or "\\" in target:
        return "/"
    return target


def _lang_of_next() -> str:
    target = flask.session.get(SESSION_NEXT, "")
    return lang_from_search(target.partition("?")[2]) if "?" in target else lang_of_request()


def read_groups(claims: Mapping[str, object], client: object, token: dict, claim: str) -> list:
    """The user's groups: the ID token's ``claim``, else the userinfo endpoint's."""
    if claim in claims:
        return split_groups(claims[claim])
    return split_groups(client.userinfo(token=token).get(claim))


def _keep_user(config: AccessConfig, claims: Mapping[str, object], groups: list) -> User:
    subject = str(claims["sub"])
    name = str(claims.get("name") or claims.get("preferred_username") or subject)
    target = flask.session.get(SESSION_NEXT)
    # A new session at each sign-in: nothing from before it is carried over.
    flask.session.clear()
    flask.session.permanent = True
    flask.session[SESSION_USER] = {
        "sub": subject,
        "name": name,
        "groups": groups,
        "ends": time.time() + config.session_hours * 3600,
    }
    flask.session[SESSION_NEXT] = safe_next(target)
    return User(subject, name, roles_of_groups(groups, config.roles))


def install_oidc(server: flask.Flask, config: AccessConfig) -> None:
    """The sign-in routes on ``server``, with the provider of ``config.oidc``."""
    oidc: OidcConfig = config.oidc  # type: ignore[assignment]  # checked by AccessConfig
    oauth = OAuth(server)
    client = oauth.register(
        "provider",
        client_id=oidc.client_id,
        client_secret=oidc.client_secret,
        server_metadata_url=oidc.discovery_url,
        client_kwargs={
            "scope": oidc.scopes,
            "code_challenge_method": "S256",
            "default_timeout": PROVIDER_TIMEOUT_S,
        },
    )

    def failed(lang: str, error: Exception) -> Response:
        audit.record_event("refused", "/signin", {"reason": type(error).__name__})
        return build_plain_page(lang, "failed", 400, "try-again")

    @server.get("/signin")
    def sign_in() -> Response:
        asked = flask.request.args.get("next")
        home = build_language_href("/", None, lang_of_request())
        flask.session[SESSION_NEXT] = safe_next(asked) if asked else home
        callback = flask.url_for("sign_in_callback", _external=True)
        try:
            return client.authorize_redirect(callback)
        except SIGN_IN_ERRORS as error:
            return failed(_lang_of_next(), error)

    @server.get("/signin/callback")
    def sign_in_callback() -> Response:
        lang = _lang_of_next()
        try:
            token = client.authorize_access_token()
            claims = token.get("userinfo") or {}
            groups = read_groups(claims, client, token, oidc.groups_claim)
            user = _keep_user(config, claims, groups)
        except SIGN_IN_ERRORS as error:
            return failed(lang, error)
        flask.session[SESSION_ID_TOKEN] = token.get("id_token")
        audit.record_event("sign-in", "oidc", {"roles": ",".join(sorted(user.roles))}, user=user)
        return flask.redirect(flask.session.pop(SESSION_NEXT, "/"))

    @server.get("/signout")
    def sign_out() -> Response:
        lang = lang_of_request()
        kept = flask.session.get(SESSION_USER) or {}
        id_token = flask.session.get(SESSION_ID_TOKEN)
        if kept:
            user = User(str(kept.get("sub")), str(kept.get("name")), frozenset())
            audit.record_event("sign-out", "oidc", user=user)
        flask.session.clear()
        signed_out = flask.url_for("signed_out", _external=True)
        signed_out = build_language_href(signed_out, None, lang)
        try:
            if id_token and client.load_server_metadata().get("end_session_endpoint"):
                return client.logout_redirect(
                    post_logout_redirect_uri=signed_out,
                    id_token_hint=id_token,
                    client_id=oidc.client_id,
                )
        except SIGN_IN_ERRORS:
            pass  # the provider is away: plcnet's own session has ended all the same
        return flask.redirect(signed_out)

    @server.get("/signed-out")
    def signed_out() -> Response:
        # The provider's logout answer may carry a state: nothing to check, the
        # session was cleared before leaving and this page shows no data.
        flask.session.clear()
        return build_plain_page(lang_of_request(), "signed-out", 200, "sign-in-again")
