"""The shell around every page: header with the nav, data notices, main, footer."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

import dash
from dash import ALL, ClientsideFunction, Input, Output, State, dcc, html

from dashboard.access.users import current_user
from dashboard.core import ids
from dashboard.core.language import build_language_href, offered_languages
from dashboard.core.links import build_page_href
from dashboard.core.provenance import Provenance, describe_as_at
from dashboard.core.registry import name_page, page_fields, page_key
from dashboard.i18n import t
from dashboard.ui.labels import level_words

__all__ = [
    "ShellAccess",
    "build_footer_links",
    "build_index_string",
    "build_language_switch",
    "build_missing_database",
    "build_nav",
    "build_shell",
    "register_shell_callbacks",
]

# Dash's own Location of the pages (dash.dash._ID_LOCATION): its path changes when a
# link to another page is followed.
PAGES_LOCATION = "_pages_location"


@dataclass(frozen=True)
class ShellAccess:
    """What the shell says about access: the mode (dashboard/access/signin.py) and, when
    someone signed in, their name and whether plcnet can sign them out."""

    mode: str
    user_name: str | None = None
    can_sign_out: bool = False


def build_index_string(lang: str) -> str:
    """Dash's page template with the language declared and a skip link first in the tab order."""
    return f"""<!DOCTYPE html>
<html lang="{lang}">
    <head>
        {{%metas%}}
        <title>{{%title%}}</title>
        {{%favicon%}}
        {{%css%}}
    </head>
    <body>
        <a class="skip-link" href="#{ids.SHELL_MAIN}">{t("shell.skip_link", lang)}</a>
        {{%app_entry%}}
        <div class="dash-scripts">
            {{%config%}}
            {{%scripts%}}
            {{%renderer%}}
        </div>
    </body>
</html>"""


def build_nav(
    pages: Iterable[Mapping[str, object]], lang: str, search: str | None = None
) -> html.Nav:
    """Links to the registered pages, in their order, named and kept in ``lang``, each
    keeping the shared filters of the view in ``search`` that its page has.

    A page registers its name in each language as ``name`` (English) and ``name_<lang>``.
    Pages of one thing (a path variable, such as /school/<school_id>) are reached from
    other pages, not from the nav, and pages registered with ``footer`` (help, the
    accessibility statement) from the footer. A page registered with ``requires_role``
    (the audit log: admin) is linked only for users with that role. On a narrow screen
    the list is folded behind a button (assets/plcnet.css); the callbacks of
    :func:`register_shell_callbacks` open it and keep the links' filters in step
    with the URL as the reader changes them.
    """
    view = build_language_href("", search, lang)
    links = [
        html.Li(
            dcc.Link(
                # Named now, not at registration: the name may be the served system's.
                name_page(page_key(page), lang),
                href=build_page_href(str(page["relative_path"]), view, page_fields(page)),
                id=_nav_link_id(page),
            )
        )
        for page in pages
        if not page.get("path_template") and not page.get("footer") and _may_open(page)
    ]
    toggle = html.Button(
        t("shell.nav_toggle", lang),
        id=ids.SHELL_NAV_TOGGLE,
        type="button",
        className="nav-toggle",
        **{"aria-expanded": "false", "aria-controls": ids.SHELL_NAV_LIST},
    )
    return html.Nav(
        [
            toggle,
            html.Ul(links, id=ids.SHELL_NAV_LIST, className="nav-list"),
            dcc.Store(id=ids.SHELL_VIEW, data=search or ""),
        ],
        id=ids.SHELL_NAV,
        **{"aria-label": t("shell.nav_label", lang)},
    )


def _nav_link_id(page: Mapping[str, object]) -> dict[str, str]:
    """A nav link's id: its page and the filters that page has, for assets/nav-links.js."""
    return {"type": ids.SHELL_NAV_LINK, "page": page_key(page), "keep": " ".join(page_fields(page))}


def register_shell_callbacks(app: dash.Dash) -> None:
    """The shell's callbacks, run in the browser (assets/nav-links.js): the nav links
    follow the URL's filters (the script tells ``SHELL_VIEW`` each change a page makes
    to its URL: a page's dcc.Location tells no other), and the folded nav opens and
    closes with its button, and closes when a link to another page is followed."""
    app.clientside_callback(
        ClientsideFunction("plcnetNav", "keepFilters"),
        Output({"type": ids.SHELL_NAV_LINK, "page": ALL, "keep": ALL}, "href"),
        Input(ids.SHELL_VIEW, "data"),
        State({"type": ids.SHELL_NAV_LINK, "page": ALL, "keep": ALL}, "href"),
        prevent_initial_call=True,
    )
    app.clientside_callback(
        ClientsideFunction("plcnetNav", "toggle"),
        Output(ids.SHELL_NAV_TOGGLE, "aria-expanded"),
        Input(ids.SHELL_NAV_TOGGLE, "n_clicks"),
        Input(PAGES_LOCATION, "pathname"),
        State(ids.SHELL_NAV_TOGGLE, "aria-expanded"),
        prevent_initial_call=True,
    )


def build_footer_links(pages: Iterable[Mapping[str, object]], lang: str) -> html.Nav:
    """Links to the pages registered with ``footer`` (help, the accessibility statement),
    in their order: about the dashboard, not its data, so kept out of the main nav."""
    links = [
        html.Li(
            dcc.Link(
                # Named now, not at registration: the name may be the served system's.
                name_page(page_key(page), lang),
                href=build_language_href(str(page["relative_path"]), None, lang),
            )
        )
        for page in sorted(pages, key=lambda page: int(page.get("order") or 0))
        if page.get("footer")
    ]
    return html.Nav(
        html.Ul(links),
        id=ids.SHELL_FOOTER_LINKS,
        className="footer-links",
        **{"aria-label": t("shell.footer_label", lang)},
    )


def _may_open(page: Mapping[str, object]) -> bool:
    role = page.get("requires_role")
    if role is None:
        return True
    user = current_user()
    return user is not None and user.has_role(str(role))


def build_language_switch(lang: str, search: str | None = None) -> html.A:
    """The link to the same view in the other language, named in that language.

    A plain link, so that the whole page (shell included) is served again in it;
    assets/language-switch.js brings the filters chosen since the page loaded.
    """
    other = t("shell.other_language_code", lang)
    return html.A(
        t("shell.other_language", lang),
        href=build_language_href("/", search, other),
        lang=other,
        hrefLang=other,
        id=ids.SHELL_LANGUAGE,
        className="language-switch",
    )


def _build_language_switches(lang: str, search: str | None) -> list[html.A]:
    """The switch, when the school system served offers the other language."""
    if t("shell.other_language_code", lang) not in offered_languages():
        return []
    return [build_language_switch(lang, search)]


def _build_account(access: ShellAccess | None, lang: str) -> list[html.Div]:
    """Who is signed in, with the way out: for signed-in users only."""
    if access is None or access.user_name is None:
        return []
    parts: list[object] = [html.Span(t("signin.signed_in_as", lang, name=access.user_name))]
    if access.can_sign_out:
        href = build_language_href("/signout", None, lang)
        # A plain link: signing out leaves the Dash app for the server's /signout.
        parts += [" ", html.A(t("signin.sign_out", lang), href=href, className="sign-out")]
    return [
        html.Div(
            parts,
            id=ids.SHELL_ACCOUNT,
            className="account",
            role="group",
            **{"aria-label": t("signin.user_label", lang)},
        )
    ]


def _build_header(
    pages: Iterable[Mapping[str, object]],
    lang: str,
    search: str | None = None,
    access: ShellAccess | None = None,
) -> html.Header:
    return html.Header(
        html.Div(
            [
                html.Div(
                    [
                        html.A(
                            t("shell.site_name", lang),
                            href=build_language_href("/", None, lang),
                            className="site-name",
                        ),
                        html.Span(
                            t("shell.tagline", lang, **level_words(lang)), className="tagline"
                        ),
                    ],
                    className="brand",
                ),
                build_nav(pages, lang, search),
                *_build_account(access, lang),
                *_build_language_switches(lang, search),
            ],
            className="header-inner",
        ),
        className="site-header",
    )


def _build_demo_notice(lang: str) -> html.Div:
    return html.Div(
        html.P([html.Strong(t("shell.demo_label", lang)), " ", t("shell.demo_notice", lang)]),
        id=ids.SHELL_DEMO_NOTICE,
        className="demo-notice",
        role="note",
    )


def _build_access_notice(access: ShellAccess | None, lang: str) -> list[html.Div]:
    """On every page, where no one signs in: open mode (this computer only) or public
    aggregates only (why no school or PLC is shown)."""
    if access is None or access.mode not in {"open", "public"}:
        return []
    if access.mode == "open":
        label, notice = t("signin.open_label", lang), t("signin.open_notice", lang)
    else:
        label, notice = t("signin.public_label", lang), t("signin.public_notice", lang)
    return [
        html.Div(
            html.P([html.Strong(label), " ", notice]),
            id=ids.SHELL_ACCESS_NOTICE,
            className="demo-notice access-notice",
            role="note",
        )
    ]


def _build_loading_status(lang: str) -> html.Div:
    """Empty until a callback has been at work for a moment; then assets/loading-status.js
    writes the text here (a polite status, read out once) and marks main aria-busy."""
    return html.Div(
        id=ids.SHELL_LOADING,
        role="status",
        className="loading-status",
        **{"data-text": t("shell.loading", lang)},
    )


def build_shell(
    pages: Iterable[Mapping[str, object]],
    provenance: Provenance,
    lang: str,
    search: str | None = None,
    access: ShellAccess | None = None,
) -> html.Div:
    """Header (with who is signed in), the open-mode notice, the demo notice (when the
    data are simulated), the page in ``main``, the footer."""
    notice = [_build_demo_notice(lang)] if provenance.is_demo else []
    pages = list(pages)
    return html.Div(
        [
            _build_header(pages, lang, search, access),
            *_build_access_notice(access, lang),
            *notice,
            _build_loading_status(lang),
            html.Main(dash.page_container, id=ids.SHELL_MAIN, tabIndex="-1"),
            html.Footer(
                [
                    html.P(describe_as_at(provenance, lang), id=ids.SHELL_AS_AT),
                    build_footer_links(pages, lang),
                ],
                className="site-footer",
            ),
            # A chart's image with its provenance: asked for by assets/chart-export.js,
            # described by dashboard/core/exports.py.
            dcc.Store(id=ids.SHELL_EXPORT_REQUEST),
            dcc.Store(id=ids.SHELL_EXPORT_NOTE),
        ],
        className="shell",
    )


def build_missing_database(
    pages: Iterable[Mapping[str, object]],
    path: Path,
    lang: str,
    access: ShellAccess | None = None,
) -> html.Div:
    """The shell when no database has been published yet: say so and how to make one."""
    return html.Div(
        [
            _build_header(pages, lang, access=access),
            *_build_access_notice(access, lang),
            html.Main(
                [
                    html.H1(t("shell.site_name", lang)),
                    html.P(t("shell.no_database", lang, path=str(path)), role="alert"),
                    # The page container stays so that Dash's router has its target.
                    html.Div(dash.page_container, hidden=True),
                ],
                id=ids.SHELL_MAIN,
                tabIndex="-1",
            ),
        ],
        className="shell",
    )
