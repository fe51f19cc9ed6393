"""What a request may carry where the dashboard reads text, and the 400 for the rest.

Dash's renderer posts a callback's inputs to ``/_dash-update-component`` as JSON, and
a crafted request can put any JSON value in any of them. Where the dashboard reads
text, a list or an object is refused with 400 Bad Request and a plain message, before
it can fail a callback (a 500):

- the page's URL (a dcc.Location's ``pathname``, ``search``, ``hash``, ``href``), for
  every callback, Dash's own page router included: checked on each callback request
  (``install_payload_checks``, called by create_app);
- a filter's value (text or a number): checked where the filters are read,
  ``filters.sync_filters`` and ``filters.parse_search``, with :func:`require_scalar`
  and :func:`require_text`.

Each raises :class:`MalformedValueError`, which the app answers with 400. A request
for a script Dash does not serve (``/_dash-component-suites/<not a library>/...``) is a
404, as any other missing file, not the 500 Dash gives it.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

import flask
from dash.exceptions import DependencyException
from werkzeug.exceptions import NotFound

from dashboard.core.language import lang_of_request
from dashboard.i18n import t

if TYPE_CHECKING:
    from dash import Dash

__all__ = [
    "LOCATION_PROPS",
    "MalformedValueError",
    "check_callback_payload",
    "install_payload_checks",
    "require_scalar",
    "require_text",
]

# The props of a dcc.Location, the page's URL: text or nothing.
LOCATION_PROPS = frozenset({"pathname", "search", "hash", "href"})


class MalformedValueError(ValueError):
    """A request sent a list or an object where the dashboard reads text or a number."""

    def __init__(self, what: str) -> None:
        super().__init__(f"{what}: a list or an object where text is read")
        self.what = what


def require_text(value: object, what: str) -> str | None:
    """``value`` when it is text or nothing; else MalformedValueError naming ``what``."""
    if value is None or isinstance(value, str):
        return value
    raise MalformedValueError(what)


def require_scalar(value: object, what: str) -> str | int | float | None:
    """``value`` when it is text, a number or nothing (a filter's value: an LA is a
    number); else MalformedValueError naming ``what``."""
    if value is None or isinstance(value, str | int | float):
        return value
    raise MalformedValueError(what)


def _sent_values(payload: dict[str, object]) -> Iterator[dict[str, object]]:
    """Each input and state of a callback request; a pattern-matching input (ALL) sends
    a list of them."""
    for part in ("inputs", "state"):
        for item in payload.get(part) or []:
            for sent in item if isinstance(item, list) else [item]:
                if isinstance(sent, dict):
                    yield sent


def check_callback_payload(payload: object) -> None:
    """Raise MalformedValueError if a callback request sends the page's URL, or a part of
    it, as anything but text."""
    if not isinstance(payload, dict):
        return  # Dash refuses a body that is not a JSON object itself
    for sent in _sent_values(payload):
        if sent.get("property") in LOCATION_PROPS:
            require_text(sent.get("value"), f"{sent.get('id')}.{sent.get('property')}")


def refuse_malformed(error: MalformedValueError) -> flask.Response:
    """400, and what was wrong in words; never a traceback."""
    return flask.Response(
        t("request.malformed", lang_of_request()), status=400, mimetype="text/plain"
    )


def install_payload_checks(app: Dash) -> None:
    """Check every callback request of ``app`` before Dash runs it, and answer
    MalformedValueError, from there or from a callback, with 400; an unknown script
    of Dash's with 404."""
    update_path = f"{app.config.routes_pathname_prefix}_dash-update-component"

    def check_payload() -> None:
        request = flask.request
        if request.method == "POST" and request.path == update_path:
            check_callback_payload(request.get_json(silent=True))

    app.server.before_request(check_payload)
    app.server.register_error_handler(MalformedValueError, refuse_malformed)
    app.server.register_error_handler(DependencyException, lambda _error: NotFound())
