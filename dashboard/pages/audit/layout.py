"""The audit log page's layout: filters (kind, user, days), the events in an accessible
table, the CSV; and the plain answer to anyone who is not an admin. No callbacks, no
reading of the log here."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from dash import dcc, html

from dashboard.access.audit import EVENT_KINDS, AuditEvent
from dashboard.core import ids
from dashboard.core.parts import Parts, output
from dashboard.i18n import t
from dashboard.pages.audit.data import (
    EVENTS_SHOWN,
    AuditQuery,
    label_event_kind,
    list_event_cells,
    list_event_columns,
)
from dashboard.ui.charts import build_download, build_table_region
from dashboard.ui.labels import level_words
from dashboard.ui.tables import build_table

__all__ = [
    "PAGE",
    "EventsParts",
    "build_audit_layout",
    "build_audit_status",
    "build_audit_table",
    "build_refused_layout",
]

PAGE = "audit"


@dataclass(frozen=True)
class EventsParts(Parts):
    """What the filters' callback redraws; each field names the output it fills."""

    table: html.Table | html.P = output(ids.AUDIT_TABLE, "children")
    status: str = output(ids.AUDIT_STATUS, "children")


def build_refused_layout(lang: str) -> html.Div:
    """What anyone but an admin sees: one plain sentence, nothing of the log."""
    return html.Div(
        [html.H1(t("audit.title", lang)), html.P(t("audit.refused", lang), role="alert")],
        className="page",
    )


def build_audit_table(events: Sequence[AuditEvent], lang: str) -> html.Table | html.P:
    """The newest EVENTS_SHOWN events chosen, newest first."""
    if not events:
        return html.P(t("audit.none", lang))
    shown = events[:EVENTS_SHOWN]
    rows = [list_event_cells(event, lang) for event in shown]
    caption = t("audit.caption", lang, count=len(shown))
    table = build_table(caption, list_event_columns(lang), rows, sorted_by=(0, "descending"))
    table.className = f"{table.className} text-table"
    return table


def build_audit_status(events: Sequence[AuditEvent], query: AuditQuery, lang: str) -> str:
    """How many events the filters choose and how many are listed, in words."""
    status = t("audit.status", lang, shown=min(len(events), EVENTS_SHOWN), count=len(events))
    return f"{status} {t('audit.bad_dates', lang)}" if query.bad_dates else status


def _build_dropdown(
    control_id: str, label: str, options: list[dict], value: str | None, everyone: str
) -> html.Div:
    # As the filter bar's: the label's id names Dash's dropdown (assets/label-dropdowns.js).
    return html.Div(
        [
            html.Label(label, htmlFor=control_id, id=f"{control_id}-label"),
            dcc.Dropdown(
                id=control_id, options=options, value=value, clearable=True, placeholder=everyone
            ),
        ],
        className="filter",
    )


def _build_day_input(control_id: str, label: str, value: str, lang: str) -> html.Div:
    # A text box rather than a date picker: typed, read aloud and checked on the server.
    return html.Div(
        [
            html.Label(label, htmlFor=control_id),
            dcc.Input(
                id=control_id,
                type="text",
                value=value,
                debounce=True,
                autoComplete="off",
                placeholder=t("audit.day_placeholder", lang),
                inputMode="numeric",
            ),
        ],
        className="filter",
    )


def _build_filters(query: AuditQuery, users: Sequence[str], lang: str) -> html.Div:
    kinds = [{"label": label_event_kind(k, lang), "value": k} for k in EVENT_KINDS]
    return html.Div(
        [
            _build_dropdown(
                ids.AUDIT_KIND, t("audit.filter_kind", lang), kinds, query.kind,
                t("audit.filter_kind_all", lang),
            ),
            _build_dropdown(
                ids.AUDIT_USER, t("audit.filter_user", lang),
                [{"label": u, "value": u} for u in users], query.user,
                t("audit.filter_user_all", lang),
            ),
            _build_day_input(
                ids.AUDIT_FROM, t("audit.filter_from", lang),
                query.start.isoformat() if query.start else "", lang,
            ),
            _build_day_input(
                ids.AUDIT_TO, t("audit.filter_to", lang),
                query.end.isoformat() if query.end else "", lang,
            ),
        ],
        role="search",
        className="filter-bar",
        **{"aria-label": t("audit.filters_label", lang)},
    )  # fmt: skip


def build_audit_layout(
    events: Sequence[AuditEvent], users: Sequence[str], query: AuditQuery, lang: str
) -> html.Div:
    """The page for an admin: the filters set to ``query``, the events it chooses
    (``events``, newest first), the CSV of them all."""
    return html.Div(
        [
            dcc.Location(id=ids.AUDIT_URL, refresh=False),
            html.H1(t("audit.title", lang)),
            html.P(t("audit.intro", lang, **level_words(lang)), className="lede"),
            _build_filters(query, users, lang),
            html.P(
                build_audit_status(events, query, lang),
                id=ids.AUDIT_STATUS,
                role="status",
            ),
            html.Section(
                [
                    html.H2(t("audit.events_heading", lang), id=ids.AUDIT_HEADING),
                    build_table_region(
                        ids.AUDIT_TABLE, build_audit_table(events, lang), ids.AUDIT_HEADING
                    ),
                    build_download(PAGE, "events", t("audit.download", lang), lang),
                ],
                **{"aria-labelledby": ids.AUDIT_HEADING},
            ),
        ],
        className="page",
    )
