"""A school's profile, ``/school/<school number>``: its PLCs, partner schools, network
measures against its LA and Wales, and support category over the years."""

from __future__ import annotations

from dash import html

from dashboard.access.scope import OutsideScopeError
from dashboard.core.links import SCHOOL_PATH, read_path_id, search_of_query
from dashboard.core.parts import outputs_of
from dashboard.core.registry import build_href_to, register_page
from dashboard.core.views import View, build_subject_title, read_view, register_subject_page
from dashboard.i18n import t
from dashboard.pages.school.data import (
    SchoolData,
    SchoolProfile,
    empty_school_data,
    load_school,
    load_school_profile,
    parse_school_id,
)
from dashboard.pages.school.downloads import (
    build_brokerage_csv,
    build_measures_csv,
    build_partners_csv,
    build_plcs_csv,
    build_support_csv,
)
from dashboard.pages.school.layout import (
    FIELDS,
    PAGE,
    SchoolParts,
    build_not_found,
    build_school_layout,
    build_school_parts,
)
from dashboard.ui.labels import level_words
from dashboard.ui.outside_scope import build_outside_scope


def _heading(profile: SchoolProfile | None, lang: str) -> str:
    if profile is None:
        return t("school.not_found_title", lang)
    return t("school.title", lang, name=profile.name)


def build_title(school_id: str | None = None) -> str:
    """The document's title: the school's name, in the language of the page that asks."""
    number = parse_school_id(read_path_id(school_id))
    return build_subject_title(
        lambda db: None if number is None else load_school_profile(db, number), _heading
    )


register_page(
    __name__,
    PAGE,
    fields=FIELDS,
    path_template=SCHOOL_PATH,
    order=60,
    title=build_title,
)


def layout(school_id: str | None = None, **query: str) -> html.Div:
    """The profile of the school in the path, for the view in the query string.

    Dash also calls it with no school, to check the callbacks against the page's
    components: it then gets every component, empty. A school outside the user's
    scope gets a plain message, and nothing of the school.
    """
    number = read_path_id(school_id)
    view = read_view(query, FIELDS, path=f"/school/{number}", detail=True)
    if view is None:
        return html.Div()  # the shell says what is missing
    # The way back keeps the view's shared filters, as the nav's links do.
    back = build_href_to("overview", search_of_query(query))
    try:
        data = empty_school_data(view.filters.year) if school_id is None else _load(view)
    except OutsideScopeError:
        return build_outside_scope(
            t("scope.outside_school", view.lang, **level_words(view.lang)), back, view.lang
        )
    if data is None:
        return build_not_found(number, back, view.lang)
    return build_school_layout(data, view.filters, view.choices, view.lang)


def _number_in(view: View) -> str:
    return read_path_id(view.path.rstrip("/").rsplit("/", 1)[-1])


def _load(view: View) -> SchoolData | None:
    school_id = parse_school_id(_number_in(view))
    return None if school_id is None else load_school(view.db, school_id, view.filters.year)


build_parts = register_subject_page(
    PAGE,
    FIELDS,
    outputs_of(SchoolParts),
    subject=_number_in,
    load=_load,
    parts=build_school_parts,
    downloads={
        "plcs": build_plcs_csv,
        "partners": build_partners_csv,
        "measures": build_measures_csv,
        "brokerage": build_brokerage_csv,
        "support": build_support_csv,
    },
)
