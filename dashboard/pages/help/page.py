"""Help (/help): how to read the dashboard, and its words (a PLC, a tie, betweenness, the
E-I index, brokerage, attainment points) in plain words. It shows no data, so it is open
to everyone who may open the dashboard, in every access mode; it is linked from the
footer, not the nav (ui/shell.build_footer_links)."""

from __future__ import annotations

from dash import html

from dashboard.core.language import choose_lang
from dashboard.core.registry import register_page
from dashboard.pages.help.layout import PAGE, build_help_layout

register_page(__name__, PAGE, path="/help", order=20, footer=True)


def layout(**query: str) -> html.Div:
    """The page in the language of the URL."""
    return build_help_layout(choose_lang(query.get("lang")))
