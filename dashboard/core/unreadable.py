"""What every request is answered while the published data cannot be read.

The database layer (dashboard/core/db.py) checks each published file when it opens it and
keeps serving the last good one when a new one is damaged. Only when there is no good
file at all does a query raise DatabaseUnreadableError; then:

- a page load is answered with a plain page (dashboard/access/plain_pages.py) saying, in the
  request's language and then the other, that the data cannot be read and the data
  team has been told: HTTP 503, with Retry-After;
- anything else (Dash's layout and callbacks, CSV downloads) with HTTP 503 and the same
  words as plain text, never a traceback.

Page loads are checked before Dash draws anything, so that the status is right; the
data team was told when the file was found damaged (dashboard/core/db_report.py).
"""

from __future__ import annotations

import flask

from dashboard.access.plain_pages import build_plain_page
from dashboard.core.db import DatabaseMissingError, DatabaseUnreadableError, current_db
from dashboard.core.language import lang_of_request
from dashboard.i18n import t

__all__ = ["RETRY_AFTER_SECONDS", "install_unreadable_page"]

# Dash's endpoints that serve its page (the app's index) for any path.
PAGE_ENDPOINTS = frozenset({"/", "/<path:path>"})
# A refresh takes minutes: ask again after one.
RETRY_AFTER_SECONDS = 60


def _is_page_load(request: flask.Request) -> bool:
    return request.method in {"GET", "HEAD"} and request.endpoint in PAGE_ENDPOINTS


def check_page_load() -> None:
    """Before a page is served: the file in service is looked at (and, when new,
    checked), so that a damaged one is answered by the plain page, not by Dash."""
    if not _is_page_load(flask.request):
        return
    try:
        current_db().in_service()
    except DatabaseMissingError:
        return  # the shell says what is missing and how to make it


def answer_unreadable(_error: DatabaseUnreadableError) -> flask.Response:
    """The plain page for a page load; plain words for Dash's own requests."""
    lang = lang_of_request()
    if _is_page_load(flask.request):
        response = build_plain_page(lang, "data-unreadable", 503)
    else:
        response = flask.Response(t("unreadable.text", lang), status=503, mimetype="text/plain")
        response.headers["Cache-Control"] = "no-store"
    response.headers["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response


def install_unreadable_page(server: flask.Flask) -> None:
    """Answer every request as above while the data cannot be read (after sign-in's own
    hook, installed before: someone not let in is not told about the data)."""
    server.before_request(check_page_load)
    server.register_error_handler(DatabaseUnreadableError, answer_unreadable)
