"""Which language a request is in: ``?lang=cy`` in the page's URL, English otherwise.

Only a language the school system served offers (its ``[system] languages``,
docs/systems.md) is spoken: a system in English only is served in English whatever
the URL asks.

The page's own request carries the query string. Dash's later requests (the
layout of the shell, the callbacks) are made by the page, so their Referer
holds the page's URL; the language is read from there.
"""

from __future__ import annotations

from urllib.parse import parse_qs, urlencode, urlsplit

import flask

from dashboard.core.system import served_system
from dashboard.i18n import DEFAULT_LANG, LANGUAGES

__all__ = [
    "build_language_href",
    "choose_lang",
    "lang_from_search",
    "lang_of_request",
    "offered_languages",
    "search_of_request",
]


def choose_lang(value: object) -> str:
    """``value`` when it is a language the dashboard speaks and the system served
    offers, else the system's first (the default outside a request)."""
    offered = offered_languages()
    return str(value) if value in offered else offered[0]


def offered_languages() -> tuple[str, ...]:
    """The languages the dashboard speaks that the system served offers, its first
    first; outside a request, or with no database to read, every one it speaks."""
    system = served_system()
    speaks = (DEFAULT_LANG, *(lang for lang in LANGUAGES if lang != DEFAULT_LANG))
    if system is None:
        return speaks
    return tuple(lang for lang in system.languages if lang in LANGUAGES) or (DEFAULT_LANG,)


def lang_from_search(search: str | None) -> str:
    """The language of a query string: ``?year=2018/19&lang=cy`` -> ``"cy"``."""
    values = parse_qs((search or "").lstrip("?")).get("lang", [])
    return choose_lang(values[0] if values else None)


def search_of_request() -> str:
    """The query string of the page behind the current request ("" outside one)."""
    if not flask.has_request_context():
        return ""
    request = flask.request
    if "/_dash-" in request.path:
        # Dash's own requests (layout, callbacks) are made by the page.
        query = urlsplit(request.referrer or "").query
    else:
        query = request.query_string.decode("utf-8", "replace")
    return "?" + query if query else ""


def lang_of_request() -> str:
    """The language of the page behind the current request (the default outside one)."""
    return lang_from_search(search_of_request())


def build_language_href(path: str, search: str | None, lang: str) -> str:
    """``path`` with ``search`` kept and its language set to ``lang`` (left out when default)."""
    query = {k: v[0] for k, v in parse_qs((search or "").lstrip("?")).items() if k != "lang"}
    if lang != DEFAULT_LANG:
        query["lang"] = lang
    return path + ("?" + urlencode(query, safe="/") if query else "")
