"""The plain pages around sign-in (no access, signed out, sign-in failed), and the
one shown when the published data cannot be read (dashboard/core/unreadable.py).

Plain HTML, not Dash: they are served before anyone is let in, so they carry no
data and load nothing but the stylesheet. Each says its message in both languages,
the language of the request first (a person refused may not have chosen one yet).
"""

from __future__ import annotations

import html
from collections.abc import Callable, Mapping

import flask

from dashboard.core.language import build_language_href
from dashboard.i18n import LANGUAGES, t

__all__ = ["build_plain_page"]

STYLESHEETS = ("/assets/plcnet.css", "/assets/plcnet-signin.css")

Say = Callable[[str, Mapping[str, str]], tuple[str, str]]

# Each page's title and text in a language (literal keys, so that tests can check them).
PAGES: dict[str, Say] = {
    "no-access": lambda lang, fmt: (
        t("signin.no_access_title", lang),
        t("signin.no_access_text", lang, **fmt),
    ),
    "signed-out": lambda lang, _: (
        t("signin.signed_out_title", lang),
        t("signin.signed_out_text", lang),
    ),
    "failed": lambda lang, _: (t("signin.failed_title", lang), t("signin.failed_text", lang)),
    "required": lambda lang, _: (
        t("signin.sign_in_required", lang),
        t("signin.required_text", lang),
    ),
    "data-unreadable": lambda lang, _: (
        t("unreadable.title", lang),
        f"{t('unreadable.text', lang)} {t('unreadable.later', lang)}",
    ),
}

# Each link's address (before the language) and its words in a language.
LINKS: dict[str, tuple[str, Callable[[str], str]]] = {
    "sign-out": ("/signout", lambda lang: t("signin.sign_out", lang)),
    "sign-in-again": ("/signin", lambda lang: t("signin.sign_in_again", lang)),
    "try-again": ("/signin", lambda lang: t("signin.try_again", lang)),
}


def _section(lang: str, title: str, text: str, link: str | None, first: bool) -> str:
    heading = "h1" if first else "h2"
    link_html = ""
    if link is not None:
        path, words = LINKS[link]
        href = html.escape(build_language_href(path, None, lang))
        link_html = f'<p><a href="{href}">{html.escape(words(lang))}</a></p>'
    return (
        f'<section lang="{lang}"><{heading}>{html.escape(title)}</{heading}>'
        f"<p>{html.escape(text)}</p>{link_html}</section>"
    )


def build_plain_page(
    lang: str, page: str, status: int, link: str | None = None, **fmt: str
) -> flask.Response:
    """The ``page`` (a key of PAGES) in ``lang`` then the other language, with ``link``
    (a key of LINKS)."""
    order = [lang, *(other for other in LANGUAGES if other != lang)]
    said = [PAGES[page](each, fmt) for each in order]
    sections = "".join(
        _section(each, title, text, link, first=index == 0)
        for index, (each, (title, text)) in enumerate(zip(order, said, strict=True))
    )
    title = " · ".join(html.escape(title) for title, _ in said)
    links = "".join(f'<link rel="stylesheet" href="{sheet}">' for sheet in STYLESHEETS)
    page_html = f"""<!DOCTYPE html>
<html lang="{lang}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title} · plcnet</title>
{links}</head>
<body>
<header class="site-header"><div class="header-inner"><p class="brand">
<span class="site-name">{html.escape(t("shell.site_name", lang))}</span></p></div></header>
<main id="main" class="plain-page">{sections}</main>
</body></html>"""
    response = flask.Response(page_html, status=status, mimetype="text/html")
    response.headers["Cache-Control"] = "no-store"
    return response
