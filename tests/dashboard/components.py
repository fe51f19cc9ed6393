"""Reading the Dash components a page or a callback returns, for tests without a browser."""

from __future__ import annotations

from collections.abc import Iterator

from dash.development.base_component import Component


def walk(component: object) -> Iterator[Component]:
    """The component and every component inside it, depth first."""
    if isinstance(component, Component):
        yield component
        children = getattr(component, "children", None)
        for child in children if isinstance(children, list | tuple) else [children]:
            yield from walk(child)


def text_of(component: object) -> str:
    """The text a reader sees in the component, its children's joined."""
    if isinstance(component, str | int | float):
        return str(component)
    if isinstance(component, Component):
        children = getattr(component, "children", None)
        parts = children if isinstance(children, list | tuple) else [children]
        return "".join(text_of(c) for c in parts if c is not None)
    return ""
