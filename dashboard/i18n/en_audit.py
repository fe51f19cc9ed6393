"""English messages of the audit log page (pages/audit.py, components/audit.py,
audit_data.py)."""

from __future__ import annotations

MESSAGES: dict[str, str] = {
    "audit.nav": "Audit log",
    "audit.title": "Audit log",
    "audit.intro": (
        "Who signed in and out, downloaded which CSV or chart image, and was refused what: "
        "newest first, times in UTC. The log names pages, schools, PLCs and filters, never "
        "members."
    ),
    "audit.refused": "You do not have access to this page.",
    "audit.filters_label": "Choose events",
    "audit.filter_kind": "Kind of event",
    "audit.filter_kind_all": "Every kind",
    "audit.filter_user": "User",
    "audit.filter_user_all": "Every user",
    "audit.filter_from": "From (YYYY-MM-DD)",
    "audit.day_placeholder": "YYYY-MM-DD",
    "audit.filter_to": "To (YYYY-MM-DD)",
    "audit.kind_sign_in": "Sign-in",
    "audit.kind_sign_out": "Sign-out",
    "audit.kind_download": "CSV download",
    "audit.kind_image": "Chart image",
    "audit.kind_refused": "Refused",
    "audit.kind_database_unreadable": "Data cannot be read",
    "audit.status": "{shown} of {count} events listed.",
    "audit.bad_dates": "A date that is not a day written YYYY-MM-DD is left out.",
    "audit.events_heading": "Events",
    "audit.caption": "The newest {count} events chosen, newest first",
    "audit.none": "No events.",
    "audit.column_time": "Time (UTC)",
    "audit.column_kind": "Kind",
    "audit.column_user": "User",
    "audit.column_page": "Page",
    "audit.column_what": "What",
    "audit.column_filters": "Filters",
    "audit.column_address": "Address",
    "audit.download": "Download CSV: the events chosen",
}
