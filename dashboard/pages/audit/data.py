"""What the audit log page shows (no Dash here): the events chosen, newest first, as
the table and the CSV (downloads.py) list them. Only for users with the ``admin`` role
(:func:`may_see_audit_log`, from the server's user, never from the browser).

    chosen = AuditQuery.parse({"kind": "download", "from": "2026-12-01"})
    events = list_events(chosen)
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date

from dashboard.access.audit import EVENT_KINDS, AuditEvent, read_events
from dashboard.access.users import ADMIN, current_user
from dashboard.i18n import t

__all__ = [
    "EVENTS_SHOWN",
    "AuditQuery",
    "describe_event_filters",
    "label_event_kind",
    "list_event_cells",
    "list_event_columns",
    "list_events",
    "list_users",
    "may_see_audit_log",
]

EVENTS_SHOWN = 500  # the newest events chosen listed on the page; the CSV has them all
_MAX_USER = 200  # a user's name longer than this is no user of the log


def may_see_audit_log() -> bool:
    """Whether the current user (the server's, not the browser's) has the admin role."""
    user = current_user()
    return user is not None and user.has_role(ADMIN)


def _parse_date(value: object) -> date | None:
    if not isinstance(value, str) or not value.strip():
        return None
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        return None


@dataclass(frozen=True)
class AuditQuery:
    """Which events: of one kind, by one user, from and to a day (UTC, both included);
    None for any. ``bad_dates``: a date was given that is not a YYYY-MM-DD day."""

    kind: str | None = None
    user: str | None = None
    start: date | None = None
    end: date | None = None
    bad_dates: bool = False

    @classmethod
    def parse(cls, values: Mapping[str, object]) -> AuditQuery:
        """The query of the page's controls or URL (``kind``, ``user``, ``from``, ``to``):
        anything not a known kind, a short text or a day is left out."""
        kind = values.get("kind")
        user = values.get("user")
        start, end = _parse_date(values.get("from")), _parse_date(values.get("to"))
        bad = (_given(values.get("from")) and start is None) or (
            _given(values.get("to")) and end is None
        )
        return cls(
            kind=kind if kind in EVENT_KINDS else None,
            user=user if isinstance(user, str) and 0 < len(user) <= _MAX_USER else None,
            start=start,
            end=end,
            bad_dates=bad,
        )

    def matches(self, event: AuditEvent) -> bool:
        day = _parse_date(event.time[:10])
        return (
            (self.kind is None or event.kind == self.kind)
            and (self.user is None or event.user == self.user)
            and (self.start is None or (day is not None and day >= self.start))
            and (self.end is None or (day is not None and day <= self.end))
        )

    def as_filters(self) -> dict[str, object]:
        """The query as the audit log keeps filters (for the export's own event)."""
        chosen = {
            "kind": self.kind,
            "user": self.user,
            "from": self.start.isoformat() if self.start else None,
            "to": self.end.isoformat() if self.end else None,
        }
        return {k: v for k, v in chosen.items() if v is not None}


def _given(value: object) -> bool:
    return isinstance(value, str) and bool(value.strip())


def list_events(query: AuditQuery, events: Iterable[AuditEvent] | None = None) -> list[AuditEvent]:
    """The events of the log (or ``events``) that ``query`` chooses, newest first."""
    chosen = [e for e in (read_events() if events is None else events) if query.matches(e)]
    # The log is appended in time order; reversed keeps that order for equal times.
    return sorted(reversed(chosen), key=lambda e: e.time, reverse=True)


def list_users(events: Iterable[AuditEvent]) -> list[str]:
    """Everyone the log names, by name."""
    return sorted({e.user for e in events}, key=str.casefold)


def label_event_kind(kind: str, lang: str) -> str:
    """A kind of event in words; an unknown one as it is."""
    names = {
        "sign-in": t("audit.kind_sign_in", lang),
        "sign-out": t("audit.kind_sign_out", lang),
        "download": t("audit.kind_download", lang),
        "image": t("audit.kind_image", lang),
        "refused": t("audit.kind_refused", lang),
        "database-unreadable": t("audit.kind_database_unreadable", lang),
    }
    return names.get(kind, kind)


def describe_event_filters(filters: Mapping[str, object]) -> str:
    """``year=2018/19; la=681``: the filters of an event, in the order kept."""
    return "; ".join(f"{name}={value}" for name, value in filters.items())


def list_event_cells(event: AuditEvent, lang: str) -> list[str]:
    """One event as the table and the CSV show it."""
    return [
        event.time,
        label_event_kind(event.kind, lang),
        event.user,
        event.page or "",
        event.what,
        describe_event_filters(event.filters),
        event.address or "",
    ]


def list_event_columns(lang: str) -> list[str]:
    return [
        t("audit.column_time", lang),
        t("audit.column_kind", lang),
        t("audit.column_user", lang),
        t("audit.column_page", lang),
        t("audit.column_what", lang),
        t("audit.column_filters", lang),
        t("audit.column_address", lang),
    ]
