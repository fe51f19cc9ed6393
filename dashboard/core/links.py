"""Links to the pages of one thing: a school's profile and a PLC's page.

Every page that names a school or a PLC links to it the same way, keeping the
academic year and the language of the page it is on, so that following a link
stays in the view the reader chose. A link to another page of the nav
(:func:`build_page_href`) keeps the shared filters that page has, and the language.

>>> build_school_href(6612001, "2018/19", "cy")
'/school/6612001?year=2018/19&lang=cy'
>>> build_plc_href("PLC 7/a", "2018/19", "en")
'/plc/PLC%207%2Fa?year=2018/19'
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from urllib.parse import parse_qsl, quote, unquote, urlencode

from dashboard.core.filters import FIELDS, Filters, build_search

__all__ = [
    "PLC_PATH",
    "SCHOOL_PATH",
    "build_page_href",
    "build_plc_href",
    "build_school_href",
    "read_path_id",
    "search_of_query",
]

# The path templates of the two pages (dash.register_page(path_template=...)).
SCHOOL_PATH = "/school/<school_id>"
PLC_PATH = "/plc/<plc_id>"


def build_school_href(school_id: int, year: str, lang: str) -> str:
    """The profile of school ``school_id`` in ``year`` and ``lang``."""
    return f"/school/{int(school_id)}{build_search(Filters(year=year), lang)}"


def build_plc_href(plc_id: str, year: str, lang: str) -> str:
    """The page of PLC ``plc_id`` in ``year`` and ``lang``; the id is quoted whole, since
    a contract's PLC ids are free text."""
    return f"/plc/{quote(str(plc_id), safe='')}{build_search(Filters(year=year), lang)}"


def build_page_href(path: str, search: str | None, fields: Sequence[str]) -> str:
    """``path`` with the view of ``search`` that applies there: the shared filters
    (filters.FIELDS) among the page's ``fields``, and the language; a page's own
    choices (``measure=``) and the filters the page does not have are dropped.

    The values are passed on as they are: the page at ``path`` checks them as it checks
    any URL (an LA outside the user's scope falls back to the scope there, on the server).
    assets/nav-links.js does the same in the browser as the filters change.

    >>> build_page_href("/network", "?year=2018/19&la=661&measure=density&lang=cy", FIELDS)
    '/network?year=2018/19&la=661&lang=cy'
    >>> build_page_href("/impact", "?year=2018/19&la=661", ("year",))
    '/impact?year=2018/19'
    """
    kept = set(fields) & set(FIELDS) | {"lang"}
    query: dict[str, str] = {}
    for key, value in parse_qsl((search or "").lstrip("?")):
        if key in kept and value and key not in query:
            query[key] = value
    ordered = {key: query[key] for key in (*FIELDS, "lang") if key in query}
    return path + ("?" + urlencode(ordered, safe="/") if ordered else "")


def search_of_query(query: Mapping[str, object]) -> str:
    """The query string of the keywords Dash gives a page's ``layout(**query)``, for
    :func:`build_page_href`; a key repeated in the URL comes as a list: the first wins.

    >>> search_of_query({"year": "2018/19", "la": ["661", "662"], "lang": "cy"})
    '?year=2018/19&la=661&lang=cy'
    """
    first = {
        key: value[0] if isinstance(value, list) else value
        for key, value in query.items()
        if value not in (None, [])
    }
    return "?" + urlencode(first, safe="/")


def read_path_id(value: object) -> str:
    """The id in a path as the page is given it (Dash passes it still quoted)."""
    return unquote(str(value or "")).strip()
