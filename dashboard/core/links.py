"""Links to the pages of one thing: a school's profile and a PLC's page.

Every page that names a school or a PLC links to it the same way, keeping the
academic year and the language of the page it is on, so that following a link
stays in the view the reader chose.

>>> build_school_href(6612001, "2018/19", "cy")
'/school/6612001?year=2018/19&lang=cy'
>>> build_plc_href("PLC 7/a", "2018/19", "en")
'/plc/PLC%207%2Fa?year=2018/19'
"""

from __future__ import annotations

from urllib.parse import quote, unquote

from dashboard.core.filters import Filters, build_search

__all__ = [
    "PLC_PATH",
    "SCHOOL_PATH",
    "build_directory_href",
    "build_plc_href",
    "build_school_href",
    "read_path_id",
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


def build_directory_href(year: str, lang: str) -> str:
    """The PLC directory in ``year`` and ``lang``."""
    return f"/plcs{build_search(Filters(year=year), lang)}"


def read_path_id(value: object) -> str:
    """The id in a path as the page is given it (Dash passes it still quoted)."""
    return unquote(str(value or "")).strip()
