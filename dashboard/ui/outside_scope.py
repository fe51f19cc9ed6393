"""What a page shows of what lies outside the user's region scope: a plain message in
place of a school or PLC outside it, and a count in place of the schools outside it
in a list of partners or members (docs/access.md, "Scope")."""

from __future__ import annotations

from dash import dcc, html

from dashboard.i18n import t

__all__ = ["add_outside_note", "build_outside_scope"]


def build_outside_scope(message: str, back: str, lang: str) -> html.Div:
    """The whole page for a school or PLC outside the user's scope: nothing of it, not
    even its name; a plain ``message`` saying so and a way back to the overview,
    ``back`` (keeping the view's filters: the overview keeps them within the scope)."""
    return html.Div(
        [
            html.H1(t("scope.outside_title", lang)),
            html.P(message, role="alert"),
            html.P(dcc.Link(t("scope.back", lang), href=back)),
        ],
        className="page",
    )


def add_outside_note(
    shown: html.Table | html.P, outside: int, note: str
) -> html.Table | html.P | html.Div:
    """``shown`` (a list of schools in scope), followed by ``note``, the count of the
    schools left out of it for being outside the user's scope, when there are any."""
    if outside <= 0:
        return shown
    return html.Div([shown, html.P(note, className="scope-note")])
