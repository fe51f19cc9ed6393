"""The plain pages around sign-in: no access, signed out, sign-in failed.

Plain HTML, not Dash: they are served before anyone is let in, so they carry no
data and load nothing but the stylesheet. Each says its message in both languages,
the language of the request first (a person refused may not have chosen one yet).
"""

from __future__ import annotations

import html
from dataclasses import dataclass

import flask

from dashboard.i18n import LANGUAGES, t
from dashboard.language import build_language_href

__all__ = ["PlainLink", "build_plain_page"]

STYLESHEETS = ("/assets/plcnet.css", "/assets/plcnet-signin.css")


@dataclass(frozen=True)
class PlainLink:
    """A link on a plain page: its message key and where it goes (before the language)."""

    key: str
    href: str


def _section(lang: str, title_key: str, text: str, link: PlainLink | None, first: bool) -> str:
    heading = "h1" if first else "h2"
    link_html = ""
    if link is not None:
        href = html.escape(build_language_href(link.href, None, lang))
        link_html = f'<p><a href="{href}">{html.escape(t(link.key, lang))}</a></p>'
    return (
        f'<section lang="{lang}"><{heading}>{html.escape(t(title_key, lang))}</{heading}>'
        f"<p>{html.escape(text)}</p>{link_html}</section>"
    )


def build_plain_page(
    lang: str,
    title_key: str,
    text_key: str,
    status: int,
    link: PlainLink | None = None,
    **fmt: str,
) -> flask.Response:
    """A page saying ``title_key`` and ``text_key`` in ``lang`` then the other language."""
    order = [lang, *(other for other in LANGUAGES if other != lang)]
    sections = "".join(
        _section(each, title_key, t(text_key, each, **fmt), link, first=index == 0)
        for index, each in enumerate(order)
    )
    title = " · ".join(html.escape(t(title_key, each)) for each in order)
    links = "".join(f'<link rel="stylesheet" href="{sheet}">' for sheet in STYLESHEETS)
    page = f"""<!DOCTYPE html>
<html lang="{lang}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title} · plcnet</title>
{links}</head>
<body>
<header class="site-header"><div class="header-inner"><p class="brand">
<span class="site-name">{html.escape(t("shell.site_name", lang))}</span></p></div></header>
<main id="main" class="plain-page">{sections}</main>
</body></html>"""
    response = flask.Response(page, status=status, mimetype="text/html")
    response.headers["Cache-Control"] = "no-store"
    return response
