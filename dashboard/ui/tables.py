"""Accessible tables: the text alternative that stands beside every chart.

Every table is built here and sent to the browser as ONE Dash component
(CompactTable), not one per cell. The browser's time after a click grows with the
number of Dash components a callback returns (each gets its own wrapper, store
subscription and layout path in Dash's renderer): a table of 300 rows was over a
thousand of them. A CompactTable is an ``html.Table`` in Python, with its caption,
header cells and scopes, so that the pages and their tests read it as any table;
only its JSON is different: the same elements, tags and attributes as nested arrays,
which ``assets/compact-table.js`` turns into React elements directly.

Why not the alternatives: ``dcc.Markdown`` with the table as HTML is one component
too, but loads a 325 kB markdown parser on first visit and parses HTML in the
browser; a component built with Dash's JavaScript toolchain would need a build step
and a second package for what is 60 lines of plain JavaScript.
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd
from dash import dcc, html
from dash.development.base_component import Component

from dashboard.core.links import build_school_href
from dashboard.ui.labels import label_category, label_sector, system_has_outcome

__all__ = [
    "COMPACT_NAMESPACE",
    "CompactTable",
    "build_grouped_table",
    "build_table",
    "compact_tree",
    "freeze_tables",
    "list_school_cells",
]

# The namespace and type assets/compact-table.js defines (window.plcnet.CompactTable).
COMPACT_NAMESPACE = "plcnet"
# The html elements and attributes a compact table may hold; a table holding anything
# else (a button a callback listens to, a style) is sent as Dash components, as before.
COMPACT_TAGS = frozenset(
    {
        "Table", "Caption", "Thead", "Tbody", "Tfoot", "Tr", "Th", "Td",
        "Span", "Abbr", "Strong", "Em", "B", "I", "Br", "Small", "Sup", "Sub",
        "Ul", "Ol", "Li", "P", "Div",
    }
)  # fmt: skip
COMPACT_ATTRIBUTES = frozenset({"id", "className", "scope", "colSpan", "rowSpan", "title", "lang"})
COMPACT_PREFIXES = ("aria-", "data-")
# A link of the dashboard (dcc.Link): followed in the page, without reloading it.
COMPACT_LINK = "Link"
# What a component's __dict__ holds besides its props (Dash's bookkeeping).
_NOT_PROPS = ("_", "available_properties", "available_wildcard_properties")


def _compact_attributes(component: Component, allowed: frozenset[str]) -> dict | None:
    """The attributes of ``component`` as Dash would send them, children aside; None
    when one is not allowed (or an id is not a plain string: a pattern-matching id)."""
    # A component keeps the props it was given in its __dict__, beside Dash's own
    # bookkeeping (names starting "_" or "available_"): read there, as
    # Component.to_plotly_json would give them, without its walk over every prop
    # name the component knows (a third of a view callback's time on a page of tables).
    attributes = {
        name: value
        for name, value in vars(component).items()
        if name != "children" and not name.startswith(_NOT_PROPS)
    }
    for name, value in attributes.items():
        if name not in allowed and not name.startswith(COMPACT_PREFIXES):
            return None
        if name == "id" and not isinstance(value, str):
            return None
    return attributes


def compact_tree(node: object) -> object:
    """``node`` (a component, text, a number or a list of them) as the nested arrays
    assets/compact-table.js draws: ``[tag, attributes, *children]``, tags as Dash names
    them ("Th"), a dcc.Link as ``["Link", {"href": ...}, *children]``. None when it
    holds what a compact table may not (then it is sent as Dash components)."""
    if node is None:
        return []
    if isinstance(node, str | int | float):
        return [str(node)]
    if isinstance(node, list | tuple):
        parts: list[object] = []
        for child in node:
            part = compact_tree(child)
            if part is None:
                return None
            parts.extend(part)
        return parts
    if isinstance(node, dcc.Link):
        tag, attributes = COMPACT_LINK, _compact_attributes(node, COMPACT_ATTRIBUTES | {"href"})
    elif isinstance(node, Component) and node._namespace == "dash_html_components":
        tag, attributes = node._type, _compact_attributes(node, COMPACT_ATTRIBUTES)
        if tag not in COMPACT_TAGS:
            return None
    else:
        return None
    children = compact_tree(getattr(node, "children", None))
    if attributes is None or children is None:
        return None
    return [[tag, attributes, *children]]


class CompactTable(html.Table):
    """An ``html.Table`` that Dash sends, and the browser draws, as one component (see
    the module's docstring); one holding what compact_tree refuses goes as before."""

    _children_props: list[str] = []  # noqa: RUF012  (Dash's own class attribute)
    # Its JSON, once worked out for good (freeze_tables).
    _frozen_json: dict | None = None

    def to_plotly_json(self) -> dict:
        if self._frozen_json is not None:
            return self._frozen_json
        tree = compact_tree(self)
        if tree is None:
            return super().to_plotly_json()
        return {"type": "CompactTable", "namespace": COMPACT_NAMESPACE, "props": {"tree": tree[0]}}


def freeze_tables(layout: object) -> object:
    """``layout`` with the JSON of each of its compact tables worked out once for good.

    For a layout kept and sent again and again (core/layouts.py): the walk of a table's
    cells is most of the time Dash takes to send a page's layout (80 of 130 ms for the
    regions page). Nothing may change the tables afterwards."""
    if isinstance(layout, Component):
        for component in (layout, *layout._traverse()):
            if isinstance(component, CompactTable):
                component._frozen_json = component.to_plotly_json()
    return layout


def build_table(
    caption: str,
    columns: Sequence[str],
    rows: Sequence[Sequence[object]],
    table_id: str | None = None,
    sorted_by: tuple[int, str] | None = None,
) -> CompactTable:
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
    return CompactTable([html.Caption(caption), head, body], className="data-table", **props)


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
    return CompactTable(
        [html.Caption(caption), html.Thead(html.Tr(head_cells)), *bodies],
        className="data-table",
        **props,
    )


def list_school_cells(
    school: object, year: str, lang: str, no_category: str, link: bool = True
) -> list[object]:
    """The cells that name a school in a table of schools: its name (a link to its
    profile when ``link``), number, LA, sector, and support category (``no_category``
    when it has none; no cell where the served system has no support categories).
    ``school`` is a row with ``name``, ``school_id``, ``la_name_en``, ``la_name_cy``,
    ``sector`` and ``category``."""
    name: object = str(school.name)
    if link:
        name = dcc.Link(name, href=build_school_href(int(school.school_id), year, lang))
    cells = [
        name,
        str(school.school_id),
        str(school.la_name_cy if lang == "cy" else school.la_name_en),
        label_sector(str(school.sector), lang),
    ]
    if not system_has_outcome("support_category"):
        return cells
    category = school.category
    return [*cells, no_category if pd.isna(category) else label_category(category, lang)]
