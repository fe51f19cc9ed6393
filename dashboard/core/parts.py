"""What a page's callback returns, declared once: each field names the output it fills.

A page's parts are a frozen dataclass deriving :class:`Parts`; each field is made with
:func:`output` (or :func:`chart_output` for a chart's heading, graph or table), so that
the callback's outputs (:func:`outputs_of`) and the values it returns
(:meth:`Parts.as_outputs`) come from the same list, in the same order:

>>> from dataclasses import dataclass
>>> @dataclass(frozen=True)
... class Parts2(Parts):
...     heading: str = output("demo-heading", "children")
...     graph: object = chart_output("demo", "trend", "graph")
>>> [(o.component_id, o.component_property) for o in outputs_of(Parts2)]
[('demo-heading', 'children'), ('demo-trend-graph', 'figure')]
>>> Parts2(heading="Hello", graph=None).as_outputs()
('Hello', None)
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from typing import Any, Literal

from dash import Output, no_update

from dashboard.core import ids

__all__ = ["Parts", "chart_output", "output", "outputs_of"]

_OUTPUT = "output"

# What each part of a chart section fills (ui/charts.build_chart_section draws them).
_CHART_PARTS = {
    "heading": (ids.chart_heading, "children"),
    "graph": (ids.chart_graph, "figure"),
    "table": (ids.chart_table, "children"),
    "glossary": (ids.chart_glossary, "children"),
}


def output(component_id: str, prop: str) -> Any:
    """A field of a :class:`Parts` that fills ``prop`` of ``component_id``.

    Typed ``Any`` as :func:`dataclasses.field` is: the annotation says the value's type.
    """
    return dataclasses.field(metadata={_OUTPUT: Output(component_id, prop)})


def chart_output(
    page: str, what: str, part: Literal["heading", "graph", "table", "glossary"]
) -> Any:
    """A field that fills the heading, the graph, the table or the glossary links of
    ``page``'s chart ``what``."""
    make_id, prop = _CHART_PARTS[part]
    return output(make_id(page, what), prop)


def outputs_of(parts: type[Parts]) -> list[Output]:
    """The callback's outputs: one per field of ``parts``, in order."""
    return [field.metadata[_OUTPUT] for field in dataclasses.fields(parts)]


@dataclasses.dataclass(frozen=True)
class Parts:
    """What a callback returns; a page's parts derive from it."""

    def as_outputs(self, kept: Iterable[str] = ()) -> tuple[object, ...]:
        """The values, in the order of :func:`outputs_of`; ``dash.no_update`` for the
        fields named in ``kept``: what the browser shows already, and need not draw again.

        >>> @dataclasses.dataclass(frozen=True)
        ... class Parts3(Parts):
        ...     heading: str = output("demo-heading", "children")
        ...     table: object = output("demo-table", "children")
        >>> Parts3(heading="Hello", table="t").as_outputs(kept=("table",))[1] is no_update
        True
        """
        skip = set(kept)
        return tuple(
            no_update if field.name in skip else getattr(self, field.name)
            for field in dataclasses.fields(self)
        )
