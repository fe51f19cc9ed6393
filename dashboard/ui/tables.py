"""Accessible tables: the text alternative that stands beside every chart."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd
from dash import dcc, html

from dashboard.core.links import build_school_href
from dashboard.ui.labels import label_category, label_sector

__all__ = ["build_grouped_table", "build_table", "list_school_cells"]


def build_table(
    caption: str,
    columns: Sequence[str],
    rows: Sequence[Sequence[object]],
    table_id: str | None = None,
    sorted_by: tuple[int, str] | None = None,
) -> html.Table:
    """A table with a caption, column headers and the first cell of each row as its header.

    A cell is text or a component (a link to a school, say). ``sorted_by`` (column
    index, "ascending" or "descending") marks the column the rows are sorted by.
    """
    sort_of = dict([sorted_by]) if sorted_by else {}
    head = html.Thead(
        html.Tr(
            [
                html.Th(name, scope="col", **({"aria-sort": sort_of[i]} if i in sort_of else {}))
                for i, name in enumerate(columns)
            ]
        )
    )
    body = html.Tbody(
        [
            html.Tr([html.Th(row[0], scope="row"), *[html.Td(cell) for cell in row[1:]]])
            for row in rows
        ]
    )
    props = {"id": table_id} if table_id else {}
    return html.Table([html.Caption(caption), head, body], className="data-table", **props)


def build_grouped_table(
    caption: str,
    columns: Sequence[str],
    groups: Sequence[tuple[str, Sequence[Sequence[str]]]],
    sorted_by: tuple[int, str] | None = None,
    table_id: str | None = None,
) -> html.Table:
    """A table whose rows come in named groups (each its own body, headed by a row that
    names it), the first cell of each row its header. ``sorted_by`` (column index,
    "ascending" or "descending") marks the column the rows are sorted by (aria-sort)."""
    width = len(columns)
    head_cells = []
    for index, name in enumerate(columns):
        sort = {"aria-sort": sorted_by[1]} if sorted_by and sorted_by[0] == index else {}
        head_cells.append(html.Th(name, scope="col", **sort))
    bodies = [
        html.Tbody(
            [
                html.Tr(
                    html.Th(name, scope="rowgroup", colSpan=width), className="row-group-heading"
                ),
                *[
                    html.Tr([html.Th(row[0], scope="row"), *[html.Td(cell) for cell in row[1:]]])
                    for row in rows
                ],
            ]
        )
        for name, rows in groups
        if rows
    ]
    props = {"id": table_id} if table_id else {}
    return html.Table(
        [html.Caption(caption), html.Thead(html.Tr(head_cells)), *bodies],
        className="data-table",
        **props,
    )


def list_school_cells(
    school: object, year: str, lang: str, no_category: str, link: bool = True
) -> list[object]:
    """The cells that name a school in a table of schools: its name (a link to its
    profile when ``link``), number, LA, sector, and support category (``no_category``
    when it has none). ``school`` is a row with ``name``, ``school_id``,
    ``la_name_en``, ``la_name_cy``, ``sector`` and ``category``."""
    name: object = str(school.name)
    if link:
        name = dcc.Link(name, href=build_school_href(int(school.school_id), year, lang))
    category = school.category
    return [
        name,
        str(school.school_id),
        str(school.la_name_cy if lang == "cy" else school.la_name_en),
        label_sector(str(school.sector), lang),
        no_category if pd.isna(category) else label_category(category, lang),
    ]
