"""The audit log's CSV: every event the filters choose, not only those listed (no Dash
here)."""

from __future__ import annotations

from collections.abc import Sequence

from dashboard.access.audit import AuditEvent
from dashboard.core.downloads import write_csv
from dashboard.pages.audit.data import list_event_cells, list_event_columns

__all__ = ["build_audit_csv"]


def build_audit_csv(events: Sequence[AuditEvent], lang: str) -> str:
    """The events as CSV, newest first; every cell neutralised against formulas (a user
    name or a filter value could start with "=")."""
    rows = [list_event_cells(event, lang) for event in events]
    return write_csv(list_event_columns(lang), rows)
