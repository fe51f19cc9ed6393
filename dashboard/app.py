"""The Dash app: pages from pages/, a shell with the nav built from the page registry.

``create_app(db_path)`` builds an app on any published database (the tests use
a fixture). ``app`` and ``server`` (for a WSGI server: ``gunicorn
dashboard.app:server``) are built on first use, on the default database of
etl.config, so that importing this module builds nothing; with the access mode of
the settings, where open mode is refused, since the address a WSGI server listens
on is not known here (docs/access.md).
"""

from __future__ import annotations

import atexit
import gc
import logging
from pathlib import Path

import dash
import flask
from dash import Dash, html
from dash._pages import _parse_query_string, _path_to_page
from markupsafe import Markup

import dashboard.core.exports  # noqa: F401  (registers the chart image's provenance callback)
from dashboard.access.audit_images import install_image_audit
from dashboard.access.settings import load_access_config
from dashboard.access.signin import AccessConfig, install_access
from dashboard.access.users import current_user
from dashboard.core.db import CONFIG_KEY, Database, DatabaseMissingError, current_db
from dashboard.core.headers import install_headers
from dashboard.core.health import install_health_routes
from dashboard.core.language import lang_of_request, search_of_request
from dashboard.core.layouts import current_layouts, install_layout_cache, layout_key
from dashboard.core.payloads import install_payload_checks
from dashboard.core.provenance import load_provenance
from dashboard.core.static import (
    NOT_LISTED,
    PLOTLY_BUNDLE,
    START_SCRIPTS,
    fingerprinted_url,
    install_static_serving,
    start_scripts_later,
    start_when_loaded,
)
from dashboard.core.unreadable import install_unreadable_page
from dashboard.i18n import DEFAULT_LANG, t
from dashboard.ui.shell import (
    PAGES_CONTENT,
    ShellAccess,
    build_first_view,
    build_index_string,
    build_missing_database,
    build_shell,
    may_open_page,
    register_shell_callbacks,
)
from dashboard.ui.static_html import render_html
from dashboard.ui.tables import freeze_tables
from etl.public import default_db_path

__all__ = [
    "build_index",
    "create_app",
    "render_first_view",
    "render_shell",
]  # `app` and `server` come from __getattr__

PACKAGE_DIR = Path(__file__).resolve().parent

_log = logging.getLogger(__name__)

# What create_app freezes is unfrozen at exit, so that the interpreter's last
# collection frees it and DuckDB's bindings do not report it as leaked.
atexit.register(gc.unfreeze)


def render_shell() -> html.Div:
    """The shell for the database in service now.

    Read at each page load, so that the notices follow a refresh.
    """
    db = current_db()
    pages = dash.page_registry.values()
    lang = lang_of_request()
    access = describe_access()
    try:
        provenance = load_provenance(db)
    except DatabaseMissingError:
        return build_missing_database(pages, db.path, lang, access)
    return build_shell(pages, provenance, lang, search=search_of_request(), access=access)


def describe_access() -> ShellAccess:
    """The access mode of this server and who is signed in, for the shell."""
    config: AccessConfig = flask.current_app.config.get("PLCNET_ACCESS") or AccessConfig()
    user = current_user() if config.signs_in else None
    return ShellAccess(
        mode=config.mode,
        user_name=user.name if user else None,
        can_sign_out=config.mode == "oidc",
    )


def page_of_request() -> tuple[dict[str, object], dict[str, object]] | None:
    """The page at the request's path and the arguments Dash's page router (its
    ``update`` callback) calls its layout with when the page loads: the path's variables
    and the query's fields. None for a path no page has, and for a page the user lacks
    the role for (the router then answers with the refusal, recorded once)."""
    request = flask.request
    app = dash.get_app()
    page, path_variables = _path_to_page(app.strip_relative_path(request.path))
    if not page or not may_open_page(page):
        return None
    query = _parse_query_string("?" + request.query_string.decode("utf-8", "replace"))
    return page, {**(path_variables or {}), **query}


def page_html_of_request() -> Markup | None:
    """The page's layout as the router builds it (the same function, in the same session,
    so within the same scope), written as HTML; None when there is no page to write.

    The layout is kept per worker (core/layouts.py), and its HTML beside it under the
    same key: a second visit to the same view by a user of the same scope costs neither,
    and Dash's router then finds the layout this built."""
    found = page_of_request()
    if found is None:
        return None
    page, arguments = found
    layout = page.get("layout")
    if not callable(layout):
        return render_html(layout)
    cache = current_layouts()
    key = layout_key(page, arguments) if cache is not None else None
    if cache is None or key is None:
        return render_html(layout(**arguments))
    return cache.get(("html", key), lambda: render_html(layout(**arguments)))


def render_first_view() -> Markup:
    """The page as the reader will first see it, as HTML (ui/static_html.py): the shell
    (built for each request: it names who is signed in) with the page's layout in it,
    painted before any script runs. Empty when the page cannot be built here: the
    browser then builds it, as it always did."""
    try:
        return render_html(render_shell(), slots={PAGES_CONTENT: page_html_of_request()})
    except Exception:  # the first view is a head start; the page must still load
        _log.exception("the first view of %s was not built", flask.request.path)
        return Markup()


def build_index(**parts: str) -> str:
    """Dash's page, in the language of the URL (``<html lang>`` and the skip link), with
    the first view of the page (render_first_view) before Dash's own entry point.

    Set as the app's ``interpolate_index``: Dash calls it for each page served. The
    body names the plotly bundle that charts load (core/static.plotly_bundle_url), and
    the scripts start once the first view has painted (core/static.start_scripts_later).
    """
    page = build_index_string(lang_of_request(), _asset_url(PLOTLY_BUNDLE))
    parts["scripts"] = start_scripts_later(parts.get("scripts", ""), _asset_url(START_SCRIPTS))
    first_view = render_first_view()
    if first_view:
        parts["app_entry"] = build_first_view(first_view) + parts.get("app_entry", "")
    for name, value in parts.items():
        page = page.replace(f"{{%{name}%}}", value)
    return page


def _asset_url(name: str) -> str:
    return fingerprinted_url(dash.get_app().get_asset_url(name), PACKAGE_DIR / "assets" / name)


def create_app(db_path: Path, access: AccessConfig | None = None) -> Dash:
    """A Dash app serving the published database at ``db_path``, its users found as
    ``access`` says (open, for one person on their own machine, by default)."""
    db_path = Path(db_path)
    if not db_path.exists():
        _log.warning("no database at %s yet: run make etl (or python -m etl refresh)", db_path)
    # The package name (not this module's) makes Dash import the pages as
    # dashboard.pages.<page>, the same modules the rest of the code knows.
    app = Dash(
        "dashboard",
        use_pages=True,
        pages_folder="pages",
        assets_folder=str(PACKAGE_DIR / "assets"),
        # plotly's bundle is loaded when a chart is drawn, and the page's scripts by
        # START_SCRIPTS, not as Dash lists them (core/static).
        assets_ignore=NOT_LISTED,
        title=t("shell.site_name", DEFAULT_LANG),
        update_title=None,
        # Otherwise Dash checks callbacks in the browser against a "validation layout"
        # made by calling every page's layout() and sends it inside every page's HTML,
        # data included: half a megabyte at Wales scale, several at England scale.
        # tests/dashboard/core/test_callback_ids.py checks the callbacks' ids instead.
        suppress_callback_exceptions=True,
    )
    app.index_string = build_index_string(DEFAULT_LANG)
    # Dash's scripts start after the first view has painted (build_index); its renderer
    # when they have run.
    app.renderer = start_when_loaded(app.renderer)
    app.interpolate_index = build_index
    app.server.config[CONFIG_KEY] = Database(db_path)
    install_access(app.server, access or AccessConfig())
    install_health_routes(app.server)
    install_unreadable_page(app.server)
    install_image_audit(app.server)
    install_headers(app)
    install_static_serving(app.server)
    install_payload_checks(app)
    register_shell_callbacks(app)
    install_layout_cache(app.server, prepare=freeze_tables)
    # Dash calls the layout function once when it is set, to check it: give
    # that call the app context that requests have.
    with app.server.app_context():
        app.layout = render_shell
    # What exists now (the libraries, the pages, the app) lives as long as the
    # process: move it out of the cyclic garbage collector's sight. Otherwise each
    # full collection, set off by the objects a page's callbacks make, walks it all:
    # 90 to 140 ms, on a callback whose own work takes 60 (docs/dashboard.md).
    gc.freeze()
    return app


def __getattr__(name: str) -> object:
    # Module attributes built on first use (PEP 562): `app` and `server`.
    if name in {"app", "server"}:
        built = create_app(default_db_path(), load_access_config(host=None))
        globals().update(app=built, server=built.server)
        return globals()[name]
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
