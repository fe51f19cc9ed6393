"""Tables go to the browser as one component each (dashboard/ui/tables.py, CompactTable):
the same caption, header scopes, sort marks, groups and links, as nested arrays; a table
holding anything a compact table may not (a button a callback listens to, a style, a
pattern-matching id) goes as Dash components, as before."""

from __future__ import annotations

import json

from dash import dcc, html
from dash._utils import to_json

from dashboard.ui.tables import (
    COMPACT_NAMESPACE,
    CompactTable,
    build_grouped_table,
    build_table,
    compact_tree,
)


def _sent(component: object) -> dict:
    """What Dash sends the browser for ``component``: its JSON, read back."""
    return json.loads(to_json(component))


def test_a_table_is_sent_as_one_component_with_every_cell() -> None:
    link = dcc.Link("Ysgol Aber", href="/school/6602001?year=2016/17")
    table = build_table(
        "Partners, 2016/17",
        ["School", "Ties"],
        [[link, "3"], ["Ysgol <b>Bryn</b> & Co", "c"]],
        table_id="partners",
        sorted_by=(1, "descending"),
    )
    sent = _sent(html.Div(table))["props"]["children"]
    assert (sent["type"], sent["namespace"]) == ("CompactTable", COMPACT_NAMESPACE)
    assert list(sent["props"]) == ["tree"]
    assert sent["props"]["tree"] == [
        "Table",
        {"className": "data-table", "id": "partners"},
        ["Caption", {}, "Partners, 2016/17"],
        [
            "Thead",
            {},
            [
                "Tr",
                {},
                ["Th", {"scope": "col"}, "School"],
                ["Th", {"scope": "col", "aria-sort": "descending"}, "Ties"],
            ],
        ],
        [
            "Tbody",
            {},
            [
                "Tr",
                {},
                ["Th", {"scope": "row"}, ["Link", {"href": link.href}, "Ysgol Aber"]],
                ["Td", {}, "3"],
            ],
            # Text stays text (React escapes it): no markup gets in from a name.
            ["Tr", {}, ["Th", {"scope": "row"}, "Ysgol <b>Bryn</b> & Co"], ["Td", {}, "c"]],
        ],
    ]


def test_a_grouped_table_keeps_its_groups_and_their_scope() -> None:
    table = build_grouped_table("Caption", ["Name", "Schools"], [("GwE", [["Gwynedd", "97"]])])
    tree = _sent(table)["props"]["tree"]
    body = tree[4]
    assert body[0] == "Tbody"
    assert body[2] == [
        "Tr",
        {"className": "row-group-heading"},
        ["Th", {"colSpan": 2, "scope": "rowgroup"}, "GwE"],
    ]
    assert body[3] == ["Tr", {}, ["Th", {"scope": "row"}, "Gwynedd"], ["Td", {}, "97"]]


def test_a_table_stays_a_table_to_the_pages_and_their_tests() -> None:
    table = build_table("Caption", ["Name", "Count"], [["Cardiff", "1,234"]])
    assert isinstance(table, html.Table)
    assert isinstance(table.children[0], html.Caption)
    table.className = f"{table.className} text-table"  # as the pages add a class
    assert _sent(table)["props"]["tree"][1] == {"className": "data-table text-table"}


def test_a_table_with_a_callback_s_button_goes_as_dash_components() -> None:
    button = html.Button("Download CSV", id="data-catalogue-csv", type="button")
    table = build_table("Caption", ["File", "Download"], [["Schools", button]])
    sent = _sent(table)
    assert (sent["type"], sent["namespace"]) == ("Table", "dash_html_components")
    cells = sent["props"]["children"][2]["props"]["children"][0]["props"]["children"]
    assert cells[1]["props"]["children"]["props"]["id"] == "data-catalogue-csv"


def test_only_plain_elements_and_attributes_are_compacted() -> None:
    assert compact_tree(html.Span("x", id="glossary-density", className="g")) == [
        ["Span", {"className": "g", "id": "glossary-density"}, "x"]
    ]
    assert compact_tree([html.Br(), 3, None, "a"]) == [["Br", {}], "3", "a"]
    refused = [
        html.Span("x", style={"color": "red"}),
        html.Span("x", id={"type": "cell", "index": 1}),
        html.Td(dcc.Graph(figure={})),
        html.Td(html.Button("b")),
    ]
    for component in refused:
        assert compact_tree(component) is None, component
        table = CompactTable([html.Caption("c"), html.Tbody(html.Tr(component))])
        assert _sent(table)["type"] == "Table"
