"""The accessibility statement (/accessibility), on the model UK public-sector sites
publish (GOV.UK's sample statement): what works, what does not and why, how it was
tested, how to report a problem, and the enforcement procedure. It shows no data, so it
is open to everyone who may open the dashboard, in every access mode; it is linked
from the footer, not the nav (ui/shell.build_footer_links)."""

from __future__ import annotations

from dash import html

from dashboard.core.language import choose_lang
from dashboard.core.registry import register_page
from dashboard.pages.accessibility.layout import PAGE, build_accessibility_layout
from etl.public import setting

register_page(__name__, PAGE, path="/accessibility", order=21, footer=True)


def layout(**query: str) -> html.Div:
    """The statement in the language of the URL, with the contact the settings give
    (docs/operations.md)."""
    return build_accessibility_layout(
        choose_lang(query.get("lang")), setting("accessibility_contact")
    )
