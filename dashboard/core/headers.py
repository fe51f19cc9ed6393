"""The security headers on every response, and no server version banner.

``install_headers(app)`` (called by create_app) adds to every response the app
serves, pages, ``/_dash-*`` routes, assets and errors alike:

- ``Content-Security-Policy``: scripts only from this server, plus the inline
  scripts Dash writes into each page, allowed by their hashes (``Dash.csp_hashes``);
  everything else from this server only; nothing may frame the dashboard. Why it
  allows inline styles and ``eval`` is said in :func:`build_policy`.
- ``X-Frame-Options: DENY``, for browsers that do not read ``frame-ancestors``.
- ``X-Content-Type-Options: nosniff``: a CSV or JSON is never run as a script.
- ``Referrer-Policy: same-origin``: the dashboard's URLs carry the filters (an LA,
  a school number); a link followed elsewhere sends none of it.

``ServerHeader`` is WSGI middleware that names the server ``plcnet`` with no version;
``QuietRequestHandler`` stops Werkzeug's own server (``python -m dashboard``) adding its
``Werkzeug/x Python/y`` banner besides.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

import flask
from werkzeug.serving import WSGIRequestHandler

if TYPE_CHECKING:
    from _typeshed.wsgi import StartResponse, WSGIApplication, WSGIEnvironment
    from dash import Dash

__all__ = [
    "SERVER_NAME",
    "QuietRequestHandler",
    "ServerHeader",
    "build_policy",
    "install_headers",
]

SERVER_NAME = "plcnet"

# The same on every response; the Content-Security-Policy is added to them.
FIXED_HEADERS = {
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
}


def build_policy(script_hashes: Sequence[str]) -> str:
    """The Content-Security-Policy, given the hashes of the page's inline scripts."""
    directives = {
        "default-src": ["'self'"],
        # No inline script runs but Dash's own (the renderer's start, the pages' title
        # callback), allowed by hash. 'unsafe-eval' was for plotly's WebGL traces (regl
        # compiles its drawing commands with `new Function`); the pages now load plotly's
        # cartesian bundle, which has none, and it stays until a browser test shows every
        # chart drawn without it (issue 12). One policy serves every
        # page: Dash moves between pages without loading a new document.
        "script-src": ["'self'", "'unsafe-eval'", *script_hashes],
        # 'unsafe-inline' for styles only: Dash's renderer, its components (the
        # dropdowns) and plotly.js add <style> elements and style attributes as they
        # draw, made in the browser, which no hash can allow; plotly finds no chart
        # style and draws unstyled modebars and tooltips without it. Styles run no code.
        "style-src": ["'self'", "'unsafe-inline'"],
        # data: and blob: for plotly's "download as image", which draws the chart
        # into an <img> from a data: URL and saves a blob.
        "img-src": ["'self'", "data:", "blob:"],
        "font-src": ["'self'"],
        # Callbacks go to this server only; the maps are outlines drawn on cartesian
        # axes, with no base map to fetch.
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'none'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
    return "; ".join(f"{name} {' '.join(values)}" for name, values in directives.items())


def install_headers(app: Dash) -> None:
    """Add the security headers to every response of ``app``'s server, and wrap its WSGI
    app in ServerHeader."""
    server = app.server

    def add_headers(response: flask.Response) -> flask.Response:
        # Read at each response: Dash adds the inline scripts of callbacks registered
        # late (a page's) when it first serves, and the hashes follow them.
        response.headers["Content-Security-Policy"] = build_policy(app.csp_hashes())
        response.headers.update(FIXED_HEADERS)
        return response

    server.after_request(add_headers)
    server.wsgi_app = ServerHeader(server.wsgi_app)  # type: ignore[method-assign]


class ServerHeader:
    """WSGI middleware: the app's ``Server`` header says ``plcnet`` and nothing more.

    At the WSGI level, so that it holds whatever serves the app; a server that adds a
    banner of its own besides must be told not to (QuietRequestHandler, for Werkzeug's).
    """

    def __init__(self, app: WSGIApplication) -> None:
        self.app = app

    def __call__(self, environ: WSGIEnvironment, start_response: StartResponse) -> Iterable[bytes]:
        def start(status: str, headers: list[tuple[str, str]], exc_info: object = None) -> object:
            kept = [(k, v) for k, v in headers if k.lower() != "server"]
            return start_response(status, [*kept, ("Server", SERVER_NAME)], exc_info)  # type: ignore[arg-type]

        return self.app(environ, start)  # type: ignore[arg-type]


class QuietRequestHandler(WSGIRequestHandler):
    """Werkzeug's request handler without its own ``Server: Werkzeug/x Python/y``: the
    app's (ServerHeader) is the only one sent.

    http.server's send_response always adds the banner, even when the app sent a Server
    header; this is the same method without it.
    """

    def send_response(self, code: int, message: str | None = None) -> None:
        self.log_request(code)
        self.send_response_only(code, message)
        self.send_header("Date", self.date_time_string())
