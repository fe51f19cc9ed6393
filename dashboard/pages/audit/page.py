"""The audit log (/audit): sign-ins, sign-outs, downloads and refusals, newest first,
with filters and a CSV. Admins only: the page, its callback and its CSV each check the
server's user (audit_data.may_see_audit_log), and log a refusal for anyone else."""

from __future__ import annotations

from dash import Input, Output, State, callback, dcc, html
from dash.exceptions import PreventUpdate

from dashboard.access.audit import read_events, record_download, record_refusal
from dashboard.access.users import ADMIN
from dashboard.core import ids
from dashboard.core.downloads import name_in_language
from dashboard.core.language import choose_lang, lang_from_search
from dashboard.core.parts import outputs_of
from dashboard.core.registry import register_page
from dashboard.i18n import t
from dashboard.pages.audit.data import AuditQuery, list_events, list_users, may_see_audit_log
from dashboard.pages.audit.downloads import build_audit_csv
from dashboard.pages.audit.layout import (
    PAGE,
    EventsParts,
    build_audit_layout,
    build_audit_status,
    build_audit_table,
    build_refused_layout,
)

PATH = "/audit"


# requires_role: the shell's nav links the page only for users with that role.
register_page(
    __name__,
    PAGE,
    path=PATH,
    requires_role=ADMIN,
    order=7,
)


def layout(**query: str) -> html.Div:
    """The log for an admin, filtered as the URL says; a plain refusal for anyone else."""
    lang = choose_lang(query.get("lang"))
    if not may_see_audit_log():
        record_refusal("audit log", page=PATH)
        return build_refused_layout(lang)
    chosen = AuditQuery.parse(query)
    every = list(read_events())
    return build_audit_layout(list_events(chosen, every), list_users(every), chosen, lang)


def _query_of(kind: object, user: object, start: object, end: object) -> AuditQuery:
    return AuditQuery.parse({"kind": kind, "user": user, "from": start, "to": end})


_CONTROLS = [
    Input(ids.AUDIT_KIND, "value"),
    Input(ids.AUDIT_USER, "value"),
    Input(ids.AUDIT_FROM, "value"),
    Input(ids.AUDIT_TO, "value"),
]


@callback(
    *outputs_of(EventsParts),
    *_CONTROLS,
    State(ids.AUDIT_URL, "search"),
    prevent_initial_call=True,
)
def update_events(
    kind: object, user: object, start: object, end: object, search: str | None
) -> tuple[object, ...]:
    """The events the filters choose; for anyone but an admin, the refusal and nothing else."""
    lang = lang_from_search(search)
    if not may_see_audit_log():
        record_refusal("audit log", page=PATH)
        return EventsParts(table=html.P(t("audit.refused", lang)), status="").as_outputs()
    chosen = _query_of(kind, user, start, end)
    events = list_events(chosen)
    return EventsParts(
        table=build_audit_table(events, lang), status=build_audit_status(events, chosen, lang)
    ).as_outputs()


@callback(
    Output(ids.csv_download(PAGE, "events"), "data"),
    Input(ids.csv_button(PAGE, "events"), "n_clicks"),
    *[State(control.component_id, "value") for control in _CONTROLS],
    State(ids.AUDIT_URL, "search"),
    prevent_initial_call=True,
)
def download_events(
    _clicks: int | None,
    kind: object,
    user: object,
    start: object,
    end: object,
    search: str | None,
) -> dict[str, object]:
    """The events the filters choose, as CSV (every one, not just those listed)."""
    chosen = _query_of(kind, user, start, end)
    if not may_see_audit_log():
        record_refusal("audit log CSV", chosen.as_filters(), page=PATH)
        raise PreventUpdate
    lang = lang_from_search(search)
    text = build_audit_csv(list_events(chosen), lang)
    name = f"plcnet-{name_in_language('audit-log', lang)}.csv"  # plcnet-archwilio-cofnod.csv
    record_download(PATH, name, chosen.as_filters())
    return dcc.send_string(text, name)
