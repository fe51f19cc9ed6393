"""A PLC's page, ``/plc/<plc id>``: its member schools, activity over time, enquiry
cycle, nine-feature review, health and shallow flag with its reasons."""

from __future__ import annotations

from dash import html

from dashboard.access.scope import OutsideScopeError
from dashboard.core.links import PLC_PATH, read_path_id, search_of_query
from dashboard.core.parts import outputs_of
from dashboard.core.registry import build_href_to, register_page
from dashboard.core.views import View, build_subject_title, read_view, register_subject_page
from dashboard.i18n import t
from dashboard.pages.plc.data import (
    PlcData,
    PlcProfile,
    empty_plc_data,
    load_plc,
    load_plc_profile,
)
from dashboard.pages.plc.downloads import (
    build_activity_csv,
    build_cycle_csv,
    build_health_csv,
    build_members_csv,
    build_review_csv,
)
from dashboard.pages.plc.layout import (
    FIELDS,
    PAGE,
    PlcParts,
    build_not_found,
    build_plc_layout,
    build_plc_parts,
)
from dashboard.ui.labels import level_words
from dashboard.ui.outside_scope import build_outside_scope


def _heading(profile: PlcProfile | None, lang: str) -> str:
    if profile is None:
        return t("plc.not_found_title", lang, **level_words(lang))
    return t("plc.title", lang, **level_words(lang), name=profile.name)


def build_title(plc_id: str | None = None) -> str:
    """The document's title: the PLC's name, in the language of the page that asks."""
    wanted = read_path_id(plc_id)
    return build_subject_title(
        lambda db: load_plc_profile(db, wanted) if wanted else None, _heading
    )


register_page(
    __name__,
    PAGE,
    fields=FIELDS,
    path_template=PLC_PATH,
    order=50,
    title=build_title,
)


def _id_in(view: View) -> str:
    return read_path_id(view.path.removeprefix("/plc/"))


def _load(view: View) -> PlcData | None:
    plc_id = _id_in(view)
    return load_plc(view.db, plc_id, view.filters.year) if plc_id else None


def layout(plc_id: str | None = None, **query: str) -> html.Div:
    """The page of the PLC in the path, for the view in the query string.

    Dash also calls it with no PLC, to check the callbacks against the page's
    components: it then gets every component, empty. A PLC outside the user's scope
    gets a plain message, and nothing of the PLC.
    """
    wanted = read_path_id(plc_id)
    view = read_view(query, FIELDS, path=f"/plc/{plc_id or ''}", detail=True)
    if view is None:
        return html.Div()  # the shell says what is missing
    # The ways back keep the view's shared filters, as the nav's links do.
    search = search_of_query(query)
    try:
        data = empty_plc_data(view.filters.year) if plc_id is None else _load(view)
    except OutsideScopeError:
        back = build_href_to("overview", search)
        return build_outside_scope(
            t("scope.outside_plc", view.lang, **level_words(view.lang)), back, view.lang
        )
    if data is None:
        return build_not_found(wanted, build_href_to("plcs", search), view.lang)
    return build_plc_layout(data, view.filters, view.choices, view.lang)


build_parts = register_subject_page(
    PAGE,
    FIELDS,
    outputs_of(PlcParts),
    subject=_id_in,
    load=_load,
    parts=build_plc_parts,
    downloads={
        "cycle": build_cycle_csv,
        "review": build_review_csv,
        "activity": build_activity_csv,
        "health": build_health_csv,
        "members": build_members_csv,
    },
)
