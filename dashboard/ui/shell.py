"""The shell around every page: header with the nav, data notices, main, footer."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

import dash
from dash import dcc, html

from dashboard.access.users import current_user
from dashboard.core import ids
from dashboard.core.language import build_language_href
from dashboard.core.provenance import Provenance, describe_as_at
from dashboard.i18n import t

__all__ = [
    "ShellAccess",
    "build_index_string",
    "build_language_switch",
    "build_missing_database",
    "build_nav",
    "build_shell",
]


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


def build_nav(pages: Iterable[Mapping[str, object]], lang: str) -> html.Nav:
    """Links to the registered pages, in their order, named and kept in ``lang``.

    A page registers its name in each language as ``name`` (English) and ``name_<lang>``.
    Pages of one thing (a path variable, such as /school/<school_id>) are reached from
    other pages, not from the nav. A page registered with ``requires_role`` (the audit
    log: admin) is linked only for users with that role.
    """
    links = [
        html.Li(
            dcc.Link(
                str(page.get(f"name_{lang}", page["name"])),
                href=build_language_href(str(page["relative_path"]), None, lang),
            )
        )
        for page in pages
        if not page.get("path_template") and _may_open(page)
    ]
    return html.Nav(html.Ul(links), id=ids.SHELL_NAV, **{"aria-label": t("shell.nav_label", lang)})


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
                        html.Span(t("shell.tagline", lang), className="tagline"),
                    ],
                    className="brand",
                ),
                build_nav(pages, lang),
                *_build_account(access, lang),
                build_language_switch(lang, search),
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
    return html.Div(
        [
            _build_header(pages, lang, search, access),
            *_build_access_notice(access, lang),
            *notice,
            _build_loading_status(lang),
            html.Main(dash.page_container, id=ids.SHELL_MAIN, tabIndex="-1"),
            html.Footer(
                html.P(describe_as_at(provenance, lang), id=ids.SHELL_AS_AT),
                className="site-footer",
            ),
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
