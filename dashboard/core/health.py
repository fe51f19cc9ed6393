"""``/healthz`` and ``/readyz``: for load balancers and orchestrators, not for people.

- ``/healthz``: the process is up and answers. 200 ``ok``; the database is not looked at,
  so that a refresh or a damaged file never gets a healthy worker restarted.
- ``/readyz``: the published database opens and answers a query. 200 with
  ``{"status": "ready", "refresh_id": "<run_id>"}`` (the refresh whose data this worker
  serves: a balancer or a test sees every worker follow a refresh); 503 with a plain
  reason when there is no published file or it cannot be read. A damaged file published
  over a good one is not served (dashboard/core/db.py): the good one keeps answering, and
  /readyz gives its refresh id.

Both are answered before sign-in (dashboard/access/signin.py OPEN_PATHS: a balancer has
no session), so they say nothing else: no path, no table, no user. They are for
machines, in plain ASCII, and not translated (docs/operations.md).
"""

from __future__ import annotations

import flask

from dashboard.core.db import DatabaseMissingError, DatabaseUnreadableError, current_db
from dashboard.core.provenance import load_provenance

__all__ = ["HEALTH_PATH", "HEALTH_PATHS", "READY_PATH", "install_health_routes", "readiness"]

HEALTH_PATH = "/healthz"
READY_PATH = "/readyz"
HEALTH_PATHS = frozenset({HEALTH_PATH, READY_PATH})


def readiness() -> tuple[int, dict[str, object] | str]:
    """The status and what /readyz answers, for the database of the current app."""
    db = current_db()
    try:
        provenance = load_provenance(db)
    except DatabaseMissingError:
        return 503, "not ready: no published database"
    except DatabaseUnreadableError:
        return 503, "not ready: the published database cannot be read"
    return 200, {"status": "ready", "refresh_id": provenance.run_id}


def healthz() -> flask.Response:
    return _plain(200, "ok")


def readyz() -> flask.Response:
    status, answer = readiness()
    if isinstance(answer, str):
        return _plain(status, answer)
    response = flask.jsonify(answer)
    response.status_code = status
    response.headers["Cache-Control"] = "no-store"
    return response


def _plain(status: int, text: str) -> flask.Response:
    response = flask.Response(text, status=status, mimetype="text/plain")
    response.headers["Cache-Control"] = "no-store"
    return response


def install_health_routes(server: flask.Flask) -> None:
    """Add /healthz and /readyz to ``server`` (before Dash's catch-all page route)."""
    server.add_url_rule(HEALTH_PATH, "healthz", healthz, methods=["GET", "HEAD"])
    server.add_url_rule(READY_PATH, "readyz", readyz, methods=["GET", "HEAD"])
