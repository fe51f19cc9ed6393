"""A real OpenID Connect provider for development and tests (Authlib's server side).

``python -m tests.idp --port 9000 --client-id plcnet-dev --client-secret ...
--redirect-uri http://127.0.0.1:8050/signin/callback`` serves discovery, keys,
a login form, token, userinfo and end-session endpoints with the development
accounts of tests/idp/accounts.py. Never for service: the accounts' passwords are
public (docs/access.md).
"""
