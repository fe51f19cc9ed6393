"""Telling the data team that a published database file cannot be read.

Told once per damaged file (dashboard/core/db.py remembers which), in the two places the
data team watches: the server log (an error, with the file and the problem) and
the audit log (an event of kind ``database-unreadable``, on the audit page). The
person whose request found it is not named: the event is the server's.
"""

from __future__ import annotations

import logging
from pathlib import Path

import flask

from dashboard.access import audit
from dashboard.access.users import User

__all__ = ["SERVER", "tell_data_team"]

_log = logging.getLogger(__name__)

# Who the audit log names for what the server itself found.
SERVER = User("plcnet-server", "plcnet server", frozenset())


def tell_data_team(path: Path, problem: str, last_good_kept: bool) -> None:
    """Log that the file at ``path`` cannot be read, and why; and whether the last good
    file stays in service or nothing can be shown."""
    serving = "the last good file stays in service" if last_good_kept else "nothing can be shown"
    _log.error(
        "the published database %s cannot be read (%s): %s; run the refresh again "
        "(python -m etl refresh) or put back a good copy",
        path,
        problem,
        serving,
    )
    try:
        audit.record_event(
            "database-unreadable",
            str(path),
            {"problem": problem, "serving": "last good file" if last_good_kept else "nothing"},
            user=SERVER,
            # The page whose request found it, if a request did.
            page=flask.request.path if flask.has_request_context() else None,
        )
    except OSError as error:  # a full or read-only disk: the server log has said it
        _log.error("the audit log could not record it: %s", error)
