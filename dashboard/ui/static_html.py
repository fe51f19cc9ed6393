"""A page's Dash components as HTML, for the first view the server sends (app.py).

A first visit used to paint nothing of the page until Dash's renderer, React and
the page's callbacks had run in the browser: seconds on a phone. The server now
writes the page's components into the HTML it sends, so that text, the nav and the
tables paint at once; React then draws the same page and assets/first-view.js puts
it in place of this copy (docs/dashboard.md, "How fast").

What is written, and how safely:

- ``html.*`` components as their elements, ``dcc.Link`` as a link; every text and
  every attribute value is escaped (markupsafe), so nothing in the data becomes markup.
  A link whose address names a scheme other than http(s) or mailto is written
  without its address.
- Ids are prefixed (ID_PREFIX), and so are the attributes that name an id
  (``for``, ``aria-controls``...), so the copy never shares an id with the page React
  draws beside it. Pattern-matching (dict) ids are left out.
- A chart is an empty box of its height, a dropdown a box with the value chosen, a text
  input read-only; components that draw nothing (stores, locations, downloads) and
  any component not listed here are left out.
- ``slots`` give the children of the elements with those ids: the shell's page
  container (dash.page_container, shared by every request) gets the page's layout
  without being changed. A slot (or any node) may be HTML written already by
  render_html (Markup): it is put in as it is.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from dash import dcc
from dash.development.base_component import Component
from markupsafe import Markup, escape

__all__ = ["ID_PREFIX", "render_html"]

ID_PREFIX = "first-view-"
VOID_TAGS = frozenset({"br", "hr", "img", "input", "col", "wbr", "area", "source", "track"})
# Dash's names of elements whose tag is not their lowered name.
TAGS = {"ObjectEl": "object", "MapEl": "map"}
# Properties of Dash components that are not attributes of the element.
NOT_ATTRIBUTES = frozenset(
    {"children", "n_clicks", "n_clicks_timestamp", "disable_n_clicks", "key", "loading_state"}
)
RENAMED = {"className": "class", "htmlFor": "for"}
# What of a dcc.Link is an attribute of its <a> (not ``refresh``).
LINK_ATTRIBUTES = frozenset({"id", "href", "className", "style", "title", "target"})
# Attributes whose value names ids (one or several, space separated).
ID_REFERENCES = frozenset(
    {"for", "aria-controls", "aria-labelledby", "aria-describedby", "aria-owns", "headers"}
)
SAFE_HREF = re.compile(r"^(?:[/?#.]|https?:|mailto:|[^:/?#]*(?:[/?#]|$))", re.IGNORECASE)
# CSS properties React writes without "px" when given a number.
UNITLESS = frozenset({"flex", "flexGrow", "flexShrink", "fontWeight", "lineHeight", "opacity"})
UNITLESS |= frozenset({"order", "zIndex", "zoom"})
# Plotly's height of a figure that names none.
PLOTLY_HEIGHT_PX = 450
# Components that draw nothing the reader sees.
SILENT = frozenset({"Location", "Store", "Download", "Interval"})


def render_html(node: object, slots: Mapping[str, object] | None = None) -> Markup:
    """``node`` (a component, text, a number, or a list of them) as escaped HTML."""
    return Markup("".join(_render(node, slots or {})))


def _render(node: object, slots: Mapping[str, object]) -> Iterable[str]:
    if node is None or isinstance(node, bool):
        return
    if isinstance(node, Markup):
        yield str(node)  # written already, and escaped then (a page's part kept: app.py)
    elif isinstance(node, str | int | float):
        yield str(escape(str(node)))
    elif isinstance(node, list | tuple):
        for child in node:
            yield from _render(child, slots)
    elif isinstance(node, Component):
        yield from _render_component(node, slots)


def _render_component(node: Component, slots: Mapping[str, object]) -> Iterable[str]:
    children = getattr(node, "children", None)
    node_id = getattr(node, "id", None)
    if isinstance(node_id, str) and node_id in slots:
        children = slots[node_id]
    if node._namespace == "dash_html_components":
        yield from _element(TAGS.get(node._type, node._type.lower()), node, children, slots)
    elif isinstance(node, dcc.Link):
        yield from _element("a", node, children, slots)
    elif isinstance(node, dcc.Graph):
        yield _graph_box(node)
    elif isinstance(node, dcc.Dropdown):
        yield _dropdown_box(node)
    elif isinstance(node, dcc.Input):
        yield _text_input(node)


def _element(
    tag: str, node: Component, children: object, slots: Mapping[str, object]
) -> Iterable[str]:
    yield f"<{tag}{_attributes(_props(node))}>"
    if tag in VOID_TAGS:
        return
    yield from _render(children, slots)
    yield f"</{tag}>"


def _props(node: Component) -> dict[str, object]:
    """The properties set on ``node`` (aria-* and data-* included), as Dash sends them:
    Component's own to_plotly_json, not CompactTable's."""
    props = Component.to_plotly_json(node)["props"]
    if isinstance(node, dcc.Link):
        props = {k: v for k, v in props.items() if k in LINK_ATTRIBUTES or "-" in k}
    return {k: v for k, v in props.items() if k not in NOT_ATTRIBUTES and v is not None}


def _attributes(props: Mapping[str, object]) -> str:
    written = []
    for name, value in props.items():
        attribute = _attribute_name(name)
        text = _attribute_value(attribute, value)
        if text is None:
            continue
        written.append(f" {attribute}" if text is True else f' {attribute}="{escape(text)}"')
    return "".join(written)


def _attribute_name(name: str) -> str:
    if name in RENAMED:
        return RENAMED[name]
    if name.startswith(("aria-", "data-")):
        return name
    return name.lower()  # React's tabIndex, colSpan, hrefLang...


def _attribute_value(attribute: str, value: object) -> str | bool | None:
    """The attribute's text; True for a bare boolean attribute; None to leave it out."""
    if value is False or value is None:
        return None
    if value is True:
        return True
    if attribute == "id":
        return f"{ID_PREFIX}{value}" if isinstance(value, str) else None
    if attribute in ID_REFERENCES:
        return " ".join(f"{ID_PREFIX}{name}" for name in str(value).split())
    if attribute == "style":
        return _style(value) if isinstance(value, Mapping) else None
    if attribute == "href" and not SAFE_HREF.match(str(value)):
        return None
    if isinstance(value, str | int | float):
        return str(value)
    return None  # a dict or a list: a property of the component, not of the element


def _style(style: Mapping[str, object]) -> str:
    declarations = []
    for name, value in style.items():
        css_name = re.sub(r"[A-Z]", lambda m: "-" + m[0].lower(), name)
        number = isinstance(value, int | float) and not isinstance(value, bool)
        css_value = f"{value}px" if number and name not in UNITLESS else str(value)
        declarations.append(f"{css_name}: {css_value}")
    return "; ".join(declarations)


def _graph_box(graph: dcc.Graph) -> str:
    """The room a chart will take: its figure's height (plotly's default when none)."""
    figure = graph.figure if isinstance(getattr(graph, "figure", None), Mapping) else {}
    layout = figure.get("layout") or {}
    height = layout.get("height") if isinstance(layout, Mapping) else None
    style = dict(getattr(graph, "style", None) or {})
    style.setdefault("height", height if isinstance(height, int | float) else PLOTLY_HEIGHT_PX)
    classes = ["first-view-graph", getattr(graph, "className", None)]
    class_name = " ".join(filter(None, classes))
    return f"<div{_attributes({'className': class_name, 'style': style})}></div>"


def _dropdown_box(dropdown: dcc.Dropdown) -> str:
    """The value chosen, in a box where the dropdown will be."""
    labels = _option_labels(dropdown.options)
    values = dropdown.value if isinstance(dropdown.value, list) else [dropdown.value]
    chosen = ", ".join(labels.get(str(v), str(v)) for v in values if v is not None)
    placeholder = getattr(dropdown, "placeholder", None) or ""
    return f'<div class="first-view-dropdown">{escape(chosen or placeholder)}</div>'


def _option_labels(options: object) -> dict[str, str]:
    if isinstance(options, Mapping):
        return {str(value): str(label) for value, label in options.items()}
    labels = {}
    for option in options or []:
        if isinstance(option, Mapping):
            labels[str(option.get("value"))] = str(option.get("label", option.get("value")))
        else:
            labels[str(option)] = str(option)
    return labels


def _text_input(field: dcc.Input) -> str:
    """A text input, read-only until the page's own replaces it."""
    props = {
        name: getattr(field, name, None)
        for name in ("id", "type", "value", "placeholder", "className", "aria-label")
    }
    return f"<input{_attributes(props)} readonly>"
