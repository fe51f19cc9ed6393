"""Dash components as HTML for the first view (dashboard/ui/static_html.py): what is
written, escaped, renamed and left out."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest
from dash import dcc, html

from dashboard.ui.static_html import ID_PREFIX, PLOTLY_HEIGHT_PX, render_html
from dashboard.ui.tables import build_table

HOSTILE = '<script>alert("x")</script><img src=x onerror=alert(1)>'


class Elements(HTMLParser):
    """The start tags of a piece of HTML, with their attributes, as a browser reads them."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []
        self.feed(text)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def test_elements_text_and_attributes_are_written_as_react_writes_them() -> None:
    written = render_html(
        html.Div(
            [html.H1("Regions", className="title"), html.Th("n", colSpan=2, scope="col")],
            tabIndex="-1",
            **{"aria-label": "a page", "data-text": "t"},
        )
    )
    elements = Elements(written)
    assert elements.tags == [
        ("div", {"tabindex": "-1", "aria-label": "a page", "data-text": "t"}),
        ("h1", {"class": "title"}),
        ("th", {"colspan": "2", "scope": "col"}),
    ]
    assert elements.text == ["Regions", "n"]
    assert written.endswith('</h1><th colspan="2" scope="col">n</th></div>')


@pytest.mark.parametrize("where", ["text", "attribute", "link", "dropdown"])
def test_a_hostile_name_is_text_wherever_it_goes(where: str) -> None:
    node = {
        "text": html.P(HOSTILE),
        "attribute": html.Span("x", title=HOSTILE, **{"aria-label": HOSTILE}),
        "link": dcc.Link(HOSTILE, href="/school/1?name=" + HOSTILE),
        "dropdown": dcc.Dropdown(options=[{"label": HOSTILE, "value": "1"}], value="1"),
    }[where]
    elements = Elements(render_html(node))
    assert {tag for tag, _ in elements.tags} <= {"p", "span", "a", "div"}
    assert all("onerror" not in attributes for _, attributes in elements.tags)
    # The name is read back whole, as text or as the attribute's value.
    values = [v for _, attributes in elements.tags for v in attributes.values()]
    assert HOSTILE in "".join(elements.text) or any(v and HOSTILE in v for v in values)


@pytest.mark.parametrize(
    ("href", "kept"),
    [
        ("/regions?la=681&lang=cy", True),
        ("https://www.gov.wales/", True),
        ("mailto:data@example.org", True),
        ("school/1", True),
        ("javascript:alert(1)", False),
        ("JaVaScRiPt:alert(1)", False),
        ("data:text/html,<b>x</b>", False),
    ],
)
def test_a_link_keeps_its_address_only_when_it_is_a_web_or_mail_address(
    href: str, kept: bool
) -> None:
    [(tag, attributes)] = Elements(render_html(html.A("x", href=href))).tags
    assert tag == "a"
    assert (attributes.get("href") == href) is kept


def test_ids_and_the_attributes_naming_them_are_prefixed_and_pattern_ids_left_out() -> None:
    written = Elements(
        render_html(
            [
                html.Label("Year", htmlFor="year"),
                html.Button("Menu", id="toggle", **{"aria-controls": "list other"}),
                html.Ul(id={"type": "list", "index": 1}),
            ]
        )
    )
    label, button, listed = (attributes for _, attributes in written.tags)
    assert label == {"for": f"{ID_PREFIX}year"}
    assert button["id"] == f"{ID_PREFIX}toggle"
    assert button["aria-controls"] == f"{ID_PREFIX}list {ID_PREFIX}other"
    assert "id" not in listed


def test_what_draws_nothing_is_left_out_and_a_chart_keeps_its_room() -> None:
    written = render_html(
        html.Div(
            [
                dcc.Location(id="url"),
                dcc.Store(id="store", data={"secret": "kept in the browser"}),
                dcc.Download(id="download"),
                dcc.Graph(id="chart", figure={"data": [], "layout": {"height": 320}}),
                dcc.Graph(id="plain", figure={"data": []}),
            ]
        )
    )
    assert "secret" not in written and "url" not in written
    boxes = [a for _, a in Elements(written).tags if "first-view-graph" in a.get("class", "")]
    heights = [box["style"] for box in boxes]
    assert heights == ["height: 320px", f"height: {PLOTLY_HEIGHT_PX}px"]


def test_a_dropdown_shows_its_value_and_an_input_is_read_only() -> None:
    dropdown = dcc.Dropdown(
        options=[{"label": "Cardiff", "value": "681"}, {"label": "Newport", "value": "680"}],
        value="681",
    )
    field = dcc.Input(id="search", type="search", value="Ysgol", placeholder="Name")
    elements = Elements(render_html([dropdown, field]))
    assert "".join(elements.text) == "Cardiff"
    assert elements.tags[1] == (
        "input",
        {
            "id": f"{ID_PREFIX}search",
            "type": "search",
            "value": "Ysgol",
            "placeholder": "Name",
            "readonly": None,
        },
    )


def test_a_compact_table_is_written_as_its_table() -> None:
    table = build_table("Schools", ["Name", "Ties"], [["Fairwater <Primary>", 3]], "t")
    written = render_html(table)
    assert written.startswith(f'<table id="{ID_PREFIX}t" class="data-table"><caption>Schools')
    assert '<th scope="row">Fairwater &lt;Primary&gt;</th><td>3</td>' in written


def test_a_slot_fills_the_element_of_its_id_and_leaves_the_component_as_it_was() -> None:
    container = html.Div(id="_pages_content")
    written = render_html(html.Main(container), slots={"_pages_content": html.H1("Help")})
    assert written == f'<main><div id="{ID_PREFIX}_pages_content"><h1>Help</h1></div></main>'
    assert container.children is None
