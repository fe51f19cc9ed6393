"""The school system of the database served (refresh_system; docs/systems.md).

A page presents the system of the file it serves, not the code installed: its names
of levels and vocabularies, its languages. The refresh records the system's
configuration in the database; a database published before systems were recorded
is Wales. Read once per file (``Database.call`` caches it under the file's identity).
"""

from __future__ import annotations

import flask

from dashboard.core.db import CONFIG_KEY, Database, DatabaseMissingError, DatabaseUnreadableError
from etl.public import System, read_system

__all__ = ["load_served_system", "served_system"]


def load_served_system(db: Database) -> System:
    """The system the database holds."""
    return db.call(read_system)


def served_system() -> System | None:
    """The system of the database the current request's app serves; None outside a
    request, or when there is no database to read (the pages say so themselves)."""
    if not flask.has_request_context():
        return None
    db = flask.current_app.config.get(CONFIG_KEY)
    if db is None:
        return None
    try:
        return load_served_system(db)
    except (DatabaseMissingError, DatabaseUnreadableError):
        return None
