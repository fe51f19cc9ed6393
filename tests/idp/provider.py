"""The development OpenID Connect provider, built on Authlib's server side.

Authorization code flow only, PKCE (S256) and a nonce required, ID tokens signed
with an RS256 key made at start (so a restart invalidates every token, as a key
rotation would). The provider keeps its own sign-in session in a cookie, so a
second sign-in does not ask again until the end-session endpoint ends it.
Everything lives in memory: one process, development and tests only.
"""

from __future__ import annotations

import html
import secrets
import time
from dataclasses import dataclass, field
from urllib.parse import urlencode

import flask
from authlib.integrations.flask_oauth2 import AuthorizationServer, ResourceProtector
from authlib.oauth2.rfc6749 import grants
from authlib.oauth2.rfc6749.errors import InvalidRequestError, OAuth2Error
from authlib.oauth2.rfc6750 import BearerTokenValidator
from authlib.oauth2.rfc7636 import CodeChallenge
from authlib.oidc.core import UserInfo, UserInfoEndpoint
from authlib.oidc.core.grants import OpenIDCode
from authlib.oidc.rpinitiated import EndSessionEndpoint
from joserfc.jwk import KeySet, RSAKey

from tests.idp.accounts import ACCOUNTS, Account, password_of

__all__ = ["Client", "create_provider"]

SCOPES = ("openid", "profile", "groups")
SESSION_ACCOUNT = "idp_account"


@dataclass
class Client:
    """A relying party registered with the provider (the dashboard)."""

    client_id: str
    client_secret: str
    redirect_uris: list[str]
    post_logout_redirect_uris: list[str] = field(default_factory=list)

    @property
    def client_metadata(self) -> dict[str, object]:
        return {"post_logout_redirect_uris": self.post_logout_redirect_uris}

    def get_client_id(self) -> str:
        return self.client_id

    def get_default_redirect_uri(self) -> str:
        return self.redirect_uris[0]

    def get_allowed_scope(self, scope: str) -> str:
        return " ".join(s for s in scope.split() if s in SCOPES)

    def check_redirect_uri(self, redirect_uri: str) -> bool:
        return redirect_uri in self.redirect_uris

    def check_client_secret(self, client_secret: str) -> bool:
        return secrets.compare_digest(client_secret, self.client_secret)

    def check_endpoint_auth_method(self, method: str, endpoint: str) -> bool:
        return method in {"client_secret_basic", "client_secret_post"}

    def check_response_type(self, response_type: str) -> bool:
        return response_type == "code"

    def check_grant_type(self, grant_type: str) -> bool:
        return grant_type == "authorization_code"


@dataclass
class AuthorizationCode:
    code: str
    client_id: str
    redirect_uri: str
    scope: str
    account: str
    nonce: str | None
    code_challenge: str | None
    code_challenge_method: str | None
    auth_time: int = field(default_factory=lambda: int(time.time()))
    expires_at: float = field(default_factory=lambda: time.time() + 300)

    def get_redirect_uri(self) -> str:
        return self.redirect_uri

    def get_scope(self) -> str:
        return self.scope

    def get_nonce(self) -> str | None:
        return self.nonce

    def get_auth_time(self) -> int:
        return self.auth_time

    def get_acr(self) -> None:
        return None

    def get_amr(self) -> list[str]:
        return ["pwd"]


@dataclass
class Token:
    access_token: str
    client: Client
    scope: str
    account: str
    expires_at: float

    def check_client(self, client: Client) -> bool:
        return client.client_id == self.client.client_id

    def get_scope(self) -> str:
        return self.scope

    def get_expires_in(self) -> int:
        return int(self.expires_at - time.time())

    def is_expired(self) -> bool:
        return time.time() >= self.expires_at

    def is_revoked(self) -> bool:
        return False

    def get_user(self) -> Account:
        return ACCOUNTS[self.account]

    def get_client(self) -> Client:
        return self.client


@dataclass
class Store:
    """The provider's memory: clients, codes not yet exchanged, access tokens."""

    issuer: str
    key: RSAKey
    clients: dict[str, Client]
    codes: dict[str, AuthorizationCode] = field(default_factory=dict)
    tokens: dict[str, Token] = field(default_factory=dict)

    @property
    def public_keys(self) -> dict[str, object]:
        return KeySet([self.key]).as_dict(private=False)


def describe_user(account: Account, with_groups: bool = True) -> UserInfo:
    """The claims of ``account``, in the ID token and at the userinfo endpoint."""
    claims = UserInfo(sub=account.name, name=account.display_name, preferred_username=account.name)
    if with_groups:
        claims["groups"] = list(account.groups)
    return claims


def _build_grants(store: Store, groups_in_id_token: bool) -> tuple[type, OpenIDCode]:
    class CodeGrant(grants.AuthorizationCodeGrant):
        TOKEN_ENDPOINT_AUTH_METHODS = ("client_secret_basic", "client_secret_post")

        def save_authorization_code(self, code: str, request: object) -> None:
            data = request.payload.data
            store.codes[code] = AuthorizationCode(
                code=code,
                client_id=request.client.client_id,
                redirect_uri=request.payload.redirect_uri,
                scope=request.payload.scope,
                account=request.user.name,
                nonce=data.get("nonce"),
                code_challenge=data.get("code_challenge"),
                code_challenge_method=data.get("code_challenge_method"),
            )

        def query_authorization_code(self, code: str, client: Client) -> object:
            found = store.codes.get(code)
            if found and found.client_id == client.client_id and time.time() < found.expires_at:
                return found
            return None

        def delete_authorization_code(self, authorization_code: AuthorizationCode) -> None:
            store.codes.pop(authorization_code.code, None)

        def authenticate_user(self, authorization_code: AuthorizationCode) -> Account:
            return ACCOUNTS[authorization_code.account]

    class IdToken(OpenIDCode):
        def exists_nonce(self, nonce: str, request: object) -> bool:
            return any(c.nonce == nonce for c in store.codes.values())

        def resolve_client_private_key(self, client: Client) -> RSAKey:
            return store.key

        def get_client_algorithm(self, client: Client) -> str:
            return "RS256"

        def get_encode_header(self, client: Client) -> dict[str, str]:
            return {"alg": "RS256", "kid": store.key.kid}

        def get_client_claims(self, client: Client) -> dict[str, object]:
            return {"iss": store.issuer, "aud": [client.client_id]}

        def generate_user_info(self, user: Account, scope: str) -> UserInfo:
            return describe_user(user, with_groups=groups_in_id_token)

    return CodeGrant, IdToken(require_nonce=True)


class StrictCodeChallenge(CodeChallenge):
    """PKCE required of every client, confidential ones included."""

    def validate_code_challenge(self, grant: object, redirect_uri: str) -> None:
        if grant.request.payload.data.get("code_challenge_method") != "S256":
            raise InvalidRequestError("PKCE with code_challenge_method=S256 is required")
        super().validate_code_challenge(grant, redirect_uri)


def _build_endpoints(store: Store) -> tuple[type, type, ResourceProtector]:
    class TokenValidator(BearerTokenValidator):
        def authenticate_token(self, token_string: str) -> Token | None:
            return store.tokens.get(token_string)

    protector = ResourceProtector()
    protector.register_token_validator(TokenValidator())

    class UserInfoAnswer(UserInfoEndpoint):
        def get_issuer(self) -> str:
            return store.issuer

        def generate_user_info(self, user: Account, scope: str) -> UserInfo:
            return describe_user(user)

    class EndSession(EndSessionEndpoint):
        def get_server_jwks(self) -> dict[str, object]:
            return store.public_keys

        def end_session(self, end_session_request: object) -> None:
            flask.session.pop(SESSION_ACCOUNT, None)

    return UserInfoAnswer, EndSession, protector


def create_provider(
    issuer: str, clients: list[Client], groups_in_id_token: bool = True
) -> flask.Flask:
    """The provider's Flask app, its issuer URL ``issuer`` (no trailing slash); the
    groups in the ID token and at userinfo, or (``groups_in_id_token=False``, as some
    providers do) at userinfo only."""
    app = flask.Flask("plcnet-dev-idp")
    app.secret_key = secrets.token_bytes(32)
    app.config.update(SESSION_COOKIE_NAME="plcnet_idp", SESSION_COOKIE_SAMESITE="Lax")
    key = RSAKey.generate_key(2048, parameters={"use": "sig", "alg": "RS256"}, auto_kid=True)
    store = Store(issuer, key, {c.client_id: c for c in clients})

    def save_token(token: dict[str, object], request: object) -> None:
        store.tokens[str(token["access_token"])] = Token(
            access_token=str(token["access_token"]),
            client=request.client,
            scope=str(token.get("scope", "")),
            account=request.user.name,
            expires_at=time.time() + int(token.get("expires_in", 3600)),
        )

    server = AuthorizationServer(app, query_client=store.clients.get, save_token=save_token)
    code_grant, id_token = _build_grants(store, groups_in_id_token)
    server.register_grant(code_grant, [StrictCodeChallenge(required=True), id_token])
    userinfo, end_session, protector = _build_endpoints(store)
    server.register_endpoint(userinfo(resource_protector=protector))
    server.register_endpoint(end_session)
    _add_routes(app, server, store)
    return app


def _discovery(issuer: str) -> dict[str, object]:
    return {
        "issuer": issuer,
        "authorization_endpoint": f"{issuer}/authorize",
        "token_endpoint": f"{issuer}/token",
        "userinfo_endpoint": f"{issuer}/userinfo",
        "jwks_uri": f"{issuer}/jwks",
        "end_session_endpoint": f"{issuer}/end-session",
        "response_types_supported": ["code"],
        "subject_types_supported": ["public"],
        "id_token_signing_alg_values_supported": ["RS256"],
        "scopes_supported": list(SCOPES),
        "token_endpoint_auth_methods_supported": ["client_secret_basic", "client_secret_post"],
        "code_challenge_methods_supported": ["S256"],
        "claims_supported": ["sub", "name", "preferred_username", "groups", "nonce"],
    }


def _add_routes(app: flask.Flask, server: AuthorizationServer, store: Store) -> None:
    @app.get("/.well-known/openid-configuration")
    def discovery() -> flask.Response:
        return flask.jsonify(_discovery(store.issuer))

    @app.get("/favicon.ico")
    def favicon() -> flask.Response:
        return flask.Response(status=204)

    @app.get("/jwks")
    def jwks() -> flask.Response:
        return flask.jsonify(store.public_keys)

    @app.route("/authorize", methods=["GET", "POST"])
    def authorize() -> flask.Response | tuple[str, int]:
        return _authorize(server)

    @app.post("/token")
    def token() -> flask.Response:
        return server.create_token_response()

    @app.route("/userinfo", methods=["GET", "POST"])
    def userinfo() -> flask.Response:
        return server.create_endpoint_response("userinfo")

    @app.route("/end-session", methods=["GET", "POST"])
    def end_session() -> flask.Response | str:
        try:
            answer = server.create_endpoint_response("end_session")
        except OAuth2Error as error:
            return server.handle_error_response(None, error)
        return answer or _page("Signed out", "<p>You have signed out of the provider.</p>")


def _authorize(server: AuthorizationServer) -> flask.Response | tuple[str, int]:
    """The login form (GET), or the account's code sent back to the client (POST, or
    GET with the provider's own session still open)."""
    try:
        server.get_consent_grant(end_user=None)
    except OAuth2Error as error:
        return _page("Error", f"<p>{html.escape(error.get_error_description() or '')}</p>"), 400
    request = flask.request
    remembered = ACCOUNTS.get(flask.session.get(SESSION_ACCOUNT, ""))
    if request.method == "GET":
        wants_login = "login" in request.args.get("prompt", "").split()
        if remembered is None or wants_login:
            return _login_form(error=False)
        return server.create_authorization_response(grant_user=remembered)
    account = ACCOUNTS.get(request.form.get("username", ""))
    password = request.form.get("password", "")
    if account is None or not secrets.compare_digest(password, password_of(account.name)):
        return _login_form(error=True), 401
    flask.session[SESSION_ACCOUNT] = account.name
    return server.create_authorization_response(grant_user=account)


def _login_form(error: bool) -> str:
    action = html.escape("/authorize?" + urlencode(list(flask.request.args.items(multi=True))))
    alert = (
        '<p id="login-error" role="alert" class="error">Wrong username or password.</p>'
        if error
        else ""
    )
    described = ' aria-describedby="login-error"' if error else ""
    body = f"""{alert}
<form method="post" action="{action}">
  <p><label for="username">Username</label>
  <input id="username" name="username" autocomplete="username" required{described}></p>
  <p><label for="password">Password</label>
  <input id="password" name="password" type="password" autocomplete="current-password"
   required{described}></p>
  <p><button type="submit">Sign in</button></p>
</form>
<p>Development accounts only: see docs/access.md.</p>"""
    return _page("Sign in to the plcnet development provider", body)


def _page(title: str, body: str) -> str:
    return f"""<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{html.escape(title)}</title>
<style>
body {{ font-family: system-ui, sans-serif; max-width: 30rem; margin: 2rem auto;
  padding: 0 1rem; color: #1a1a1a; background: #fff; }}
label {{ display: block; font-weight: 600; }}
input {{ font-size: 1rem; padding: .4rem; width: 100%; border: 1px solid #555; }}
button {{ font-size: 1rem; padding: .5rem 1.2rem; background: #0b4f8a; color: #fff;
  border: 0; }}
.error {{ color: #a4000f; font-weight: 600; }}
</style></head>
<body><main><h1>{html.escape(title)}</h1>
{body}
</main></body></html>"""
