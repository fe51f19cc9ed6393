"""What a first visit costs: responses compressed, fingerprinted bundles cached for long.

A page's scripts are about 6 MB as they lie on disk (4.7 MB of them plotly.js);
compressed (brotli, zstd or gzip, whichever the browser names first among those
flask-compress offers) they are about a quarter of that. The static ones (Dash's
component bundles under ``/_dash-component-suites/`` and the files of assets/)
are compressed once per encoding and kept in memory (StaticCache), so a server
does not compress plotly.js again for every visitor; callback replies and pages are
compressed as they go.

Dash names its component bundles with a fingerprint (``plotly.v6_0_1m1712345678.js``:
version and modification time) and serves those for a year; the files of assets/
are named with ``?m=<modification time>`` in the page, so they change name when they
change too: they get the same year (``immutable``). Without the fingerprint (a
path typed by hand) nothing is promised.
"""

from __future__ import annotations

import os
import re
import threading
from pathlib import Path

import flask
from flask_compress import Compress

__all__ = [
    "LONG_CACHE",
    "NOT_LISTED",
    "PLOTLY_BUNDLE",
    "START_SCRIPTS",
    "StaticCache",
    "fingerprinted_url",
    "install_static_serving",
    "is_fingerprinted_asset",
    "is_static_path",
    "start_scripts_later",
    "start_when_loaded",
]

LONG_CACHE = "public, max-age=31536000, immutable"
STATIC_PREFIXES = ("/_dash-component-suites/", "/assets/")
# Compressed bundles kept: every script and style of every page, in two encodings,
# is well under this.
STATIC_KEPT = 256


# plotly's cartesian bundle (assets/, README: vendored code). Kept out of the scripts
# every page loads (Dash's ``assets_ignore``): dcc.Graph fetches it, asynchronously,
# when the first chart is drawn (assets/charts-on-demand.js tells it where), so a page
# paints and starts before 1.5 MB of plotly is evaluated, and a page with no chart never
# evaluates it.
PLOTLY_BUNDLE = "plotly-cartesian-4.1.1.min.js"
# Files of assets/ the page does not name as Dash does: plotly's bundle, and the script
# that starts the others (START_SCRIPTS).
NOT_LISTED = r"^(plotly-cartesian-.*|first-view)\.js$"


def fingerprinted_url(assets_url: str, file: Path) -> str:
    """The URL of a file of assets/ with its fingerprint (``?m=<mtime>``, as Dash names
    assets, so it is cached for a year: _long_cache_for_assets)."""
    return f"{assets_url}?m={os.path.getmtime(file)}"


# Dash writes its bundles and the files of assets/ as plain <script src> at the end of
# the body: a browser runs them, each a long task on a phone, before it paints the
# first view (app.render_first_view) above them. Instead each is written inert
# (``type="plcnet/later"``, its address in ``data-src``), and one small deferred script
# (START_SCRIPTS) adds them, in order, after the first frame; Dash's renderer starts
# when the last has run (SCRIPTS_LOADED).
SCRIPT_TAG = re.compile(r'<script src="([^"]+)"></script>')
LATER_TYPE = "plcnet/later"
START_SCRIPTS = "first-view.js"
SCRIPTS_LOADED = "plcnet:scripts-loaded"


def start_scripts_later(scripts: str, start_url: str) -> str:
    """Dash's ``{%scripts%}`` with its external scripts left for START_SCRIPTS (at
    ``start_url``) to start; its inline ones (the clientside callbacks' functions) stay."""
    later = SCRIPT_TAG.sub(rf'<script type="{LATER_TYPE}" data-src="\1"></script>', scripts)
    return f'<script src="{start_url}" defer></script>\n{later}'


def start_when_loaded(renderer: str) -> str:
    """Dash's inline start of its renderer (``app.renderer``), run when START_SCRIPTS
    says the scripts have run."""
    return f'window.addEventListener("{SCRIPTS_LOADED}", function () {{ {renderer} }});'


def is_static_path(path: str) -> bool:
    """A bundle or an asset: the same bytes for every visitor until a deploy."""
    return path.startswith(STATIC_PREFIXES)


def is_fingerprinted_asset(request: flask.Request) -> bool:
    """A file of assets/ asked for by the name the page gives it (``?m=<mtime>``)."""
    return request.path.startswith("/assets/") and "m" in request.args


class StaticCache:
    """flask-compress's cache backend: keeps the compressed static files only.

    flask-compress asks the cache about every response it compresses; a callback's
    reply differs each time, so its key is neither looked up nor kept.
    """

    def __init__(self) -> None:
        self._kept: dict[str, bytes] = {}
        self._lock = threading.Lock()

    @staticmethod
    def _is_static_key(key: str) -> bool:
        # The key is "<algorithm>;<path with query>" (compression_cache_key).
        return is_static_path(key.partition(";")[2])

    def get(self, key: str) -> bytes | None:
        if not self._is_static_key(key):
            return None
        with self._lock:
            return self._kept.get(key)

    def set(self, key: str, value: bytes) -> None:
        if not self._is_static_key(key):
            return
        with self._lock:
            if len(self._kept) >= STATIC_KEPT:
                self._kept.pop(next(iter(self._kept)))
            self._kept[key] = value


def compression_cache_key(request: flask.Request) -> str:
    return request.full_path


def _long_cache_for_assets(response: flask.Response) -> flask.Response:
    request = flask.request
    if response.status_code == 200 and is_fingerprinted_asset(request):
        response.headers["Cache-Control"] = LONG_CACHE
    elif (
        response.status_code == 200
        and request.path.startswith("/_dash-component-suites/")
        and response.cache_control.max_age
    ):
        # Dash itself gave a fingerprinted bundle a year (max-age) and left others to
        # an ETag; say "immutable" too, so that a reload does not ask again.
        response.headers["Cache-Control"] = LONG_CACHE
    return response


def install_static_serving(server: flask.Flask) -> None:
    """Compress ``server``'s responses and cache its fingerprinted static files for long."""
    server.config.setdefault("COMPRESS_CACHE_KEY", compression_cache_key)
    server.config.setdefault("COMPRESS_CACHE_BACKEND", StaticCache)
    # Brotli's level 4 (flask-compress's default) compresses plotly.js in a tenth of a
    # second and once: a smaller file for every later visit is worth a level more.
    server.config.setdefault("COMPRESS_BR_LEVEL", 6)
    # Flask runs after_request hooks last registered first: Compress, then this.
    server.after_request(_long_cache_for_assets)
    Compress(server)
