"""The audit log: who signed in and out, downloaded what, and was refused what.

One JSON object a line, appended to a file outside the published database
(setting ``audit_log``), never rewritten: each event is one ``write`` on a file
opened with O_APPEND, so lines from several threads, workers and replicas on the
same file do not interleave. It never holds member ids: events name schools, PLCs,
pages and filters, never people.

    record_event("download", what="regions/groups.csv", filters={"year": "2018/19"})
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import flask

from dashboard.access.users import User, current_user
from etl.public import setting

__all__ = [
    "EVENT_KINDS",
    "AuditEvent",
    "audit_log_path",
    "read_events",
    "record_download",
    "record_event",
    "record_image",
    "record_refusal",
]

# sign-in, sign-out, a CSV or image downloaded, a request refused, a published
# database found damaged (dashboard/core/db_report.py).
EVENT_KINDS = ("sign-in", "sign-out", "download", "image", "refused", "database-unreadable")


@dataclass(frozen=True)
class AuditEvent:
    time: str
    kind: str
    user: str
    what: str
    filters: Mapping[str, object]
    address: str | None = None
    page: str | None = None  # the page's path: /regions, /school/6612001


def audit_log_path() -> Path:
    """The audit log's file (setting ``audit_log``)."""
    return Path(setting("audit_log"))


def _address() -> str | None:
    return flask.request.remote_addr if flask.has_request_context() else None


def record_event(
    kind: str,
    what: str,
    filters: Mapping[str, object] | None = None,
    user: User | None = None,
    page: str | None = None,
) -> AuditEvent:
    """Append one event, by ``user`` (the current user when not given), on ``page``."""
    if kind not in EVENT_KINDS:
        raise ValueError(f"unknown audit event {kind!r}")
    who = user or current_user()
    event = AuditEvent(
        time=datetime.now(UTC).isoformat(timespec="seconds"),
        kind=kind,
        user=who.subject if who else "anonymous",
        what=what,
        filters={k: v for k, v in (filters or {}).items() if v is not None},
        address=_address(),
        page=page,
    )
    _append_line(audit_log_path(), json.dumps(event.__dict__, ensure_ascii=False) + "\n")
    return event


def record_download(page: str, what: str, filters: Mapping[str, object]) -> AuditEvent:
    """A CSV sent: ``what`` is its file name, ``filters`` the view it was made for."""
    return record_event("download", what, filters, page=page)


def record_image(page: str, chart: str) -> AuditEvent:
    """A chart's image downloaded in the browser (reported by assets/audit-images.js)."""
    return record_event("image", chart, page=page)


def record_refusal(
    what: str, filters: Mapping[str, object] | None = None, page: str | None = None
) -> AuditEvent:
    """A request refused: ``what`` says what was asked for (a page, a CSV, a school)."""
    return record_event("refused", what, filters, page=page)


def _append_line(path: Path, line: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
    try:
        os.write(fd, line.encode("utf-8"))
    finally:
        os.close(fd)


def read_events(path: Path | None = None) -> Iterator[AuditEvent]:
    """Every event of the log, oldest first; a line cut short by a crash is passed over."""
    path = path or audit_log_path()
    if not path.is_file():
        return
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            try:
                yield AuditEvent(**json.loads(line))
            except (json.JSONDecodeError, TypeError):
                continue
