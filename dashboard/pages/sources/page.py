"""Data: when the data were refreshed and from which files, the rows set aside and why
(these three for the data team only), the sources and their licences, and the glossary
of every measure."""

from __future__ import annotations

from collections.abc import Callable

from dash import html

from dashboard.core.downloads import name_in_language
from dashboard.core.provenance import load_provenance
from dashboard.core.registry import register_page
from dashboard.core.views import View, read_view, register_download
from dashboard.pages.sources.catalogue import (
    TABLES,
    CatalogueTable,
    build_guidance_csv,
    build_table_csv,
    load_table,
)
from dashboard.pages.sources.data import DataPageData, load_data_page, may_see_refresh_details
from dashboard.pages.sources.downloads import (
    build_data_csv_name,
    build_files_csv,
    build_rejected_csv,
    build_rejected_rows_csv,
    build_runs_csv,
)
from dashboard.pages.sources.layout import PAGE, build_data_layout

# No filter applies: the history and the rows set aside are about the whole database.
FIELDS: tuple[str, ...] = ()


register_page(
    __name__,
    PAGE,
    fields=FIELDS,
    path="/data",
    order=6,
    # Its layout reads the refresh's run log beside the published file, not only the
    # file: built afresh on each visit (core/layouts.py).
    cache_layout=False,
)


def layout(**query: str) -> html.Div:
    """The page, in the language of the URL."""
    view = read_view(query, FIELDS)
    if view is None:
        return html.Div()  # the shell says what is missing
    rows = {table.key: len(load_table(view.db, table)) for table in TABLES}
    return build_data_layout(load_data_page(view.db), view.lang, rows)


BuildDataCsv = Callable[[DataPageData, str], str]


def _register(what: str, build: BuildDataCsv) -> None:
    def build_csv(view: View) -> str:
        return build(load_data_page(view.db), view.lang)

    def name_csv(view: View) -> str:
        return build_data_csv_name(what, load_data_page(view.db), view.lang)

    # Every CSV of this page is a refresh detail: the data team's only.
    register_download(PAGE, what, FIELDS, build_csv, name=name_csv, allowed=may_see_refresh_details)


_register("runs", build_runs_csv)
_register("files", build_files_csv)
_register("rejected", build_rejected_csv)
_register("rejected-rows", build_rejected_rows_csv)


def _name_catalogue_csv(what: str) -> Callable[[View], str]:
    """``plcnet-data-catalogue-schools-<refresh id>.csv``, its words in the page's language."""

    def name(view: View) -> str:
        run_id = load_provenance(view.db).run_id or "none"
        words = "-".join(name_in_language(w, view.lang) for w in ("data", f"catalogue-{what}"))
        return f"plcnet-{words}-{run_id}.csv"

    return name


def _register_catalogue(table: CatalogueTable) -> None:
    def build_csv(view: View) -> str:
        return build_table_csv(load_table(view.db, table), table, view.lang)

    # Anyone who may see the page may have the catalogue: its queries keep to the scope.
    register_download(
        PAGE, f"catalogue-{table.key}", FIELDS, build_csv, name=_name_catalogue_csv(table.key)
    )


for _table in TABLES:
    _register_catalogue(_table)
register_download(
    PAGE,
    "catalogue-guidance",
    FIELDS,
    lambda view: build_guidance_csv(view.lang),
    name=_name_catalogue_csv("guidance"),
)
