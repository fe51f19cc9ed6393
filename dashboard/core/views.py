"""What every filtered page does the same way, so that a page only says what it shows.

A page keeps its view (filters and language) in its URL's query string. Its
``layout(**query)`` reads the view with :func:`read_view` and draws everything at
once; :func:`register_view` adds the one callback that keeps the URL and the
filter bar in step (back, forward, a pasted link, a control changed) and redraws
the page's outputs; :func:`register_download` serves the CSV of one chart for the
view in the URL. A page's own choices (``PageOption``: which measure a chart
shows, say) are kept in the URL the same way; their control's id is
``ids.filter_control(page, option.name)`` and ``view.filters.option(name)`` reads them.

    FIELDS = ("year", "consortium", "la")
    OPTIONS = (PageOption("measure", ("density", "ei_index")),)
    register_view("regions", FIELDS, OUTPUTS, build_parts, OPTIONS)

A page that shows school or PLC detail passes ``detail=True``: its filters then offer
only the regions of the user's scope (filters.load_choices), and a region outside
it in the URL or a callback falls back to the scope.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Protocol, TypeVar

from dash import Input, Output, State, callback, ctx, dcc, no_update
from dash.exceptions import PreventUpdate

from dashboard.access.audit import record_download, record_refusal
from dashboard.access.scope import OutsideScopeError
from dashboard.core import ids
from dashboard.core.db import Database, DatabaseMissingError, current_db
from dashboard.core.downloads import add_comment_block, build_csv_name, build_subject_csv_name
from dashboard.core.filters import (
    FIELDS,
    Choices,
    Filters,
    PageOption,
    describe_region,
    keep_fields,
    list_la_options,
    load_choices,
    parse_search,
    resolve_filters,
    sync_filters,
)
from dashboard.core.language import choose_lang, lang_from_search, lang_of_request
from dashboard.core.provenance import describe_export, list_csv_provenance, load_provenance
from dashboard.core.registry import document_title, name_page
from dashboard.i18n import t

__all__ = [
    "DOWNLOADS",
    "PAGE_VIEWS",
    "PageView",
    "RegisteredDownload",
    "View",
    "build_subject_title",
    "describe_filters",
    "describe_where",
    "read_view",
    "read_view_of_search",
    "register_download",
    "register_subject_page",
    "register_view",
]


@dataclass(frozen=True)
class View:
    """What a page shows: the database in service, what it holds, the filters and language,
    and the page's path (for pages with a path variable, such as /school/<number>).
    ``changed``: in a callback, the field or option whose control the user changed, or
    "url" (a page load, back, forward): a page may leave what does not follow it as the
    browser has it (dash.no_update), which the browser then need not draw again."""

    db: Database
    choices: Choices
    filters: Filters
    lang: str
    path: str = "/"
    changed: str = "url"


Render = Callable[[View], Sequence[object]]
BuildCsv = Callable[[View], str]
NameCsv = Callable[[View], str]
Allowed = Callable[[], bool]


def read_view(
    query: Mapping[str, object],
    fields: tuple[str, ...],
    path: str = "/",
    options: tuple[PageOption, ...] = (),
    detail: bool = False,
) -> View | None:
    """The view a page's ``layout(**query)`` is asked for; None before any data are
    published (the shell then says what is missing)."""
    try:
        db = current_db()
        choices = load_choices(db, detail)
    except DatabaseMissingError:
        return None
    filters = resolve_filters(keep_fields(query, _names(fields, options)), choices, options)
    return View(db, choices, filters, choose_lang(query.get("lang")), path)


def _names(fields: tuple[str, ...], options: tuple[PageOption, ...]) -> tuple[str, ...]:
    return (*fields, *(o.name for o in options))


def read_view_of_search(
    search: str | None,
    fields: tuple[str, ...],
    path: str = "/",
    options: tuple[PageOption, ...] = (),
    detail: bool = False,
) -> View:
    """The view of a query string, for callbacks (the database is there: the page loaded)."""
    db = current_db()
    choices = load_choices(db, detail)
    query = keep_fields(parse_search(search), _names(fields, options))
    filters = resolve_filters(query, choices, options)
    return View(db, choices, filters, lang_from_search(search), path)


@dataclass(frozen=True)
class PageView:
    """How a page reads its view (register_view), for what describes the page's exports
    (core/exports.py): its fields and choices, whether it shows detail, and whether it
    is a page of one thing named in its path (a school, a PLC)."""

    fields: tuple[str, ...]
    options: tuple[PageOption, ...] = ()
    detail: bool = False
    subject: bool = False


# Every page with a view, by its key.
PAGE_VIEWS: dict[str, PageView] = {}


def _changed(new: object, old: object) -> object:
    return new if new != old else no_update


def register_view(
    page: str,
    fields: tuple[str, ...],
    outputs: Sequence[Output],
    render: Render,
    options: tuple[PageOption, ...] = (),
    detail: bool = False,
) -> None:
    """Register the callback that keeps ``page``'s URL, filter bar and option controls in
    step and redraws ``outputs`` with ``render(view)`` (one value per output, in order).

    One callback owns both directions: Dash allows a callback to write its own
    inputs, but not two callbacks that write each other's.
    """
    PAGE_VIEWS[page] = PageView(fields, options, detail)
    controls = (*(f for f in FIELDS if f in fields), *(o.name for o in options))
    url = ids.page_url(page)
    field_of = {ids.filter_control(page, f): f for f in controls}
    la_options = [Output(ids.filter_control(page, "la"), "options")] if "la" in controls else []

    def update_view(search: str | None, path: str | None, *values: object) -> tuple[object, ...]:
        db = current_db()
        choices = load_choices(db, detail)
        lang = lang_from_search(search)
        changed = field_of.get(str(ctx.triggered_id), "url")
        sync = sync_filters(
            choices,
            search=search,
            controls=dict(zip(controls, values, strict=True)),
            changed=changed,
            lang=lang,
            fields=tuple(f for f in FIELDS if f in fields),
            options=options,
        )
        if sync is None:
            raise PreventUpdate
        filters = sync.filters
        chosen = {
            **{f: getattr(filters, f) for f in fields if f in FIELDS},
            **dict(filters.options),
        }
        shown = [_changed(chosen[f], v) for f, v in zip(controls, values, strict=True)]
        las = [list_la_options(choices, filters.consortium, lang)] if la_options else []
        view = View(db, choices, filters, lang, path or "/", changed)
        return (_changed(sync.search, search), *shown, *las, *render(view))

    callback(
        Output(url, "search"),
        *[Output(control, "value") for control in field_of],
        *la_options,
        *outputs,
        Input(url, "search"),
        State(url, "pathname"),
        *[Input(control, "value") for control in field_of],
        prevent_initial_call=True,
    )(update_view)


@dataclass(frozen=True)
class RegisteredDownload:
    """A CSV a page serves (register_download), for tests that check every one."""

    page: str
    what: str
    fields: tuple[str, ...]
    detail: bool


# Every CSV registered, in the order the pages registered them.
DOWNLOADS: list[RegisteredDownload] = []


def describe_where(view: View, fields: tuple[str, ...]) -> str | None:
    """The schools and year a page's view shows, in words, for an export's provenance:
    "Schools: Cardiff, Primary · year 2018/19"; the year alone on a page without a
    region (a school's, a PLC's); None on a page without filters."""
    if "year" not in fields:
        return None
    if "consortium" in fields or "la" in fields:
        region = describe_region(view.filters, view.choices, view.lang)
        return t("export.where_region", view.lang, region=region, year=view.filters.year)
    return t("export.where_year", view.lang, year=view.filters.year)


def add_csv_provenance(
    text: str, view: View, page: str, fields: tuple[str, ...], file_name: str, url: str
) -> str:
    """``text`` with its provenance above the header (core.provenance.list_csv_provenance)."""
    note = describe_export(load_provenance(view.db), view.lang)
    title = f"{t('shell.site_name', view.lang)}: {name_page(page, view.lang)}"
    lines = list_csv_provenance(
        note,
        view.lang,
        title=title,
        file_name=file_name,
        url=url,
        where=describe_where(view, fields),
    )
    return add_comment_block(text, lines)


def register_download(
    page: str,
    what: str,
    fields: tuple[str, ...],
    build: BuildCsv,
    options: tuple[PageOption, ...] = (),
    name: NameCsv | None = None,
    allowed: Allowed | None = None,
    detail: bool = False,
) -> None:
    """Register the callback that sends ``build(view)`` as the CSV of ``what`` on ``page``,
    for the view in the URL, named after it in the page's language (build_csv_name), or
    ``name(view)`` for pages of one thing (a school's profile names the school), with
    its provenance in a block of comments above the header (add_csv_provenance).

    Each CSV sent is written to the audit log with the view's filters. ``allowed`` (the
    current user's roles, read on the server) may refuse it: nothing is sent and the
    refusal is logged."""
    url = ids.page_url(page)
    DOWNLOADS.append(RegisteredDownload(page, what, fields, detail))

    def download(_clicks: int | None, search: str | None, path: str | None) -> dict[str, object]:
        view = read_view_of_search(search, fields, path or "/", options, detail)
        filters = describe_filters(view.filters, fields)
        if allowed is not None and not allowed():
            record_refusal(f"{what} CSV", filters, page=view.path)
            raise PreventUpdate
        file_name = (
            name(view) if name else build_csv_name(page, what, view.filters, options, view.lang)
        )
        text = add_csv_provenance(
            build(view), view, page, fields, file_name, f"{view.path}{search or ''}"
        )
        record_download(view.path, file_name, filters)
        return dcc.send_string(text, file_name)

    callback(
        Output(ids.csv_download(page, what), "data"),
        Input(ids.csv_button(page, what), "n_clicks"),
        State(url, "search"),
        State(url, "pathname"),
        prevent_initial_call=True,
    )(download)


def describe_filters(filters: Filters, fields: tuple[str, ...]) -> dict[str, object]:
    """The filters of a page's view as the audit log keeps them: the page's fields that
    are set, then its own choices."""
    chosen = {f: getattr(filters, f) for f in fields if f in FIELDS}
    return {**{f: v for f, v in chosen.items() if v is not None}, **dict(filters.options)}


Subject = TypeVar("Subject")


class Parts(Protocol):
    def as_outputs(self) -> tuple[object, ...]: ...


def register_subject_page(
    page: str,
    fields: tuple[str, ...],
    outputs: Sequence[Output],
    subject: Callable[[View], str],
    load: Callable[[View], Subject | None],
    parts: Callable[[Subject, str], Parts],
    downloads: Mapping[str, Callable[[Subject, str], str]],
) -> Render:
    """Register the callbacks of a page of one thing (a PLC, a school) named in its path:
    the view (the page's ``outputs`` from ``parts(load(view), lang)``; nothing changes
    when the thing is not there or outside the user's scope, and no CSV is sent for
    it) and each CSV of ``downloads``, named after
    ``subject(view)``, the thing's id in the path. Returns the view's render function."""

    def render(view: View) -> tuple[object, ...]:
        return parts(_load_or_nothing(load, view), view.lang).as_outputs()

    register_view(page, fields, outputs, render, detail=True)
    PAGE_VIEWS[page] = PageView(fields, detail=True, subject=True)
    for what, build in downloads.items():
        register_download(
            page,
            what,
            fields,
            _build_subject_csv(load, build),
            name=_name_subject_csv(page, subject, what),
            detail=True,
        )
    return render


def build_subject_title(
    find: Callable[[Database], Subject | None], heading: Callable[[Subject | None, str], str]
) -> str:
    """The document's title of a page of one thing (a school, a PLC): ``heading(thing,
    lang)`` of the thing ``find`` gives from the published database (None: unknown, or
    no database yet), in the language of the page that asks. A thing outside the user's
    scope is not even named: ``scope.outside_title``."""
    lang = lang_of_request()
    try:
        found = find(current_db())
    except DatabaseMissingError:
        found = None
    except OutsideScopeError:
        return document_title(t("scope.outside_title", lang), lang)
    return document_title(heading(found, lang), lang)


def _load_or_nothing(load: Callable[[View], Subject | None], view: View) -> Subject:
    """The thing in the view's path; a callback about a thing unknown or outside the
    user's scope (a crafted request: the page itself says so) changes nothing."""
    data = _load_in_scope(load, view, "view")
    if data is None:
        raise PreventUpdate
    return data


def _load_in_scope(load: Callable[[View], Subject | None], view: View, what: str) -> Subject | None:
    """``load(view)``; a thing outside the user's scope is refused (PreventUpdate: nothing
    at all is sent, not even an empty file named after it) and the refusal recorded."""
    try:
        return load(view)
    except OutsideScopeError:
        record_refusal(f"{what} outside scope", page=view.path)
        raise PreventUpdate from None


def _build_subject_csv(
    load: Callable[[View], Subject | None], build: Callable[[Subject, str], str]
) -> BuildCsv:
    def csv(view: View) -> str:
        data = _load_in_scope(load, view, "CSV")
        return "" if data is None else build(data, view.lang)

    return csv


def _name_subject_csv(page: str, subject: Callable[[View], str], what: str) -> NameCsv:
    def name(view: View) -> str:
        return build_subject_csv_name(page, subject(view), what, view.filters, view.lang)

    return name
