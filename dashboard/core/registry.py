"""How a page joins the app: one call, with the page's key.

A page's key is the prefix of its component ids (``regions-measure-graph``) and of
its messages (``regions.title``, ``regions.nav``); the nav names the page with
``<key>.nav`` and the document's title is ``<key>.title``, in the language of the
page that asks. The key is the page's folder name, except for the sources page:
its folder cannot be called ``data`` (pages/<page>/data.py is every page's data
layer), but its URL, ids and messages keep the name users know, ``/data``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from functools import partial

import dash

from dashboard.core.language import lang_of_request
from dashboard.core.links import build_page_href
from dashboard.i18n import t
from dashboard.ui.labels import level_words

__all__ = [
    "build_href_to",
    "document_title",
    "message_keys",
    "name_page",
    "page_fields",
    "page_key",
    "register_page",
]


def document_title(heading: str, lang: str) -> str:
    """The text of a page's ``<title>``: its heading, then the site's name.

    >>> document_title("Regions", "en")
    'Regions · plcnet'
    """
    return f"{heading} · {t('shell.site_name', lang)}"


# The messages of a page, ``<key>.<part>``.
PARTS = ("nav", "title")


def _title_of(key: str) -> str:
    lang = lang_of_request()
    return document_title(t(f"{key}.title", lang, **level_words(lang)), lang)


def register_page(
    module: str,
    key: str,
    *,
    order: int,
    title: Callable[..., str] | None = None,
    fields: tuple[str, ...] = (),
    **where: object,
) -> None:
    """Register the page of ``module`` with Dash under ``key``.

    ``where`` is its ``path`` or ``path_template`` (and anything else Dash keeps in
    the registry, such as ``requires_role``); ``title``, for a page whose title
    names what it shows, replaces the plain ``<key>.title``. ``fields`` are the shared
    filters the page has (filters.FIELDS): links to it keep those (links.build_page_href).
    """
    dash.register_page(
        module,
        name=t(f"{key}.nav", "en", **level_words("en")),
        name_cy=t(f"{key}.nav", "cy", **level_words("cy")),
        title=title or partial(_title_of, key),
        order=order,
        key=key,
        filter_fields=tuple(fields),
        **where,
    )


def name_page(key: str, lang: str) -> str:
    """A page's name as the nav gives it (``<key>.nav``): "Regions", "Rhanbarthau"."""
    return t(f"{key}.nav", lang, **level_words(lang))


def page_key(page: Mapping[str, object]) -> str:
    """The key of a page of Dash's registry."""
    return str(page["key"])


def page_fields(page: Mapping[str, object]) -> tuple[str, ...]:
    """The shared filters a page of Dash's registry has (none for a page that says none)."""
    return tuple(str(field) for field in page.get("filter_fields", ()) or ())  # type: ignore[union-attr]


def message_keys() -> set[str]:
    """The keys of the messages asked for here (nav and title), for every page registered;
    tests/dashboard/test_i18n.py checks them as it checks the literal keys of ``t()``."""
    return {f"{page_key(page)}.{part}" for page in dash.page_registry.values() for part in PARTS}


def build_href_to(key: str, search: str | None) -> str:
    """The link to the page registered as ``key``, keeping the shared filters of the view
    in ``search`` that the page has, and the language, as the nav's links do
    (links.build_page_href). An unknown key is an error, not a bare link."""
    page = next(p for p in dash.page_registry.values() if page_key(p) == key)
    return build_page_href(str(page["relative_path"]), search, page_fields(page))
