"""The compare page's figure: the network of each year in brief. Frames in, figures out;
names arrive in the page's language.

Two small charts side by side: the ties of each year (those kept, and those lost or
gained), and the schools in PLCs (those that stayed, and those that left or joined).
A plain dict, as dcc.Graph takes it (docs/dashboard.md, "How fast").
"""

from __future__ import annotations

from dataclasses import dataclass

from dashboard.ui.figures import INK, build_house_layout

__all__ = ["Figure", "StackPart", "build_network_figure"]

Figure = dict[str, object]

# Kept in blue, lost in a red-brown with a hatch, gained in green with dots: the
# pattern tells them apart without colour, and the legend and hover name them.
STYLE = {
    "kept": ("#1d5c96", ""),
    "lost": ("#b3261e", "/"),
    "gained": ("#1e7b34", "."),
}


@dataclass(frozen=True)
class StackPart:
    """One part of a stacked bar: its kind (kept, lost, gained), its name, and its count
    in the earlier and the later year (None where it has no place: no gain in the
    earlier year's bar, no loss in the later's)."""

    kind: str
    name: str
    earlier: int | None
    later: int | None


def _traces(
    parts: list[StackPart], years: list[str], axis: str, legend: dict[str, str] | None
) -> list[dict]:
    """One bar trace per part; ``legend`` names the kinds in the legend (given for the
    first chart only: the second shares its colours and patterns)."""
    traces = []
    for part in parts:
        colour, pattern = STYLE[part.kind]
        values = [part.earlier, part.later]
        traces.append(
            {
                "type": "bar",
                "orientation": "h",
                "y": years,
                "x": values,
                "name": legend[part.kind] if legend else part.name,
                "xaxis": f"x{axis}",
                "yaxis": f"y{axis}",
                "marker": {
                    "color": colour,
                    "line": {"color": "#ffffff", "width": 1},
                    "pattern": {
                        "shape": pattern,
                        "bgcolor": colour,
                        "fgcolor": "#ffffff",
                        "fgopacity": 0.35,
                    },
                },
                "text": ["" if v is None else f"{v:,}" for v in values],
                "textposition": "inside",
                "insidetextanchor": "middle",
                "textfont": {"color": "#ffffff"},
                "hovertemplate": f"{part.name}<br>%{{y}}: %{{x:,}}<extra></extra>",
                "legendgroup": part.kind,
                "showlegend": legend is not None,
            }
        )
    return traces


def build_network_figure(
    ties: list[StackPart],
    schools: list[StackPart],
    years: tuple[str, str],
    titles: tuple[str, str],
    legend: dict[str, str],
) -> Figure:
    """The ties (top) and the schools in PLCs (below) of the two years, each year a bar
    split into what it kept and what changed; ``legend`` names each kind (kept, lost,
    gained) for both charts."""
    shown = [years[0], years[1]]
    data = [*_traces(ties, shown, "", legend), *_traces(schools, shown, "2", None)]
    title = {
        "xref": "paper",
        "yref": "paper",
        "x": 0,
        "xanchor": "left",
        "yanchor": "bottom",
        "showarrow": False,
        "font": {"size": 15, "color": INK},
    }
    layout = build_house_layout(
        360,
        barmode="stack",
        margin={"l": 72, "r": 16, "t": 40, "b": 72},
        legend={"orientation": "h", "y": -0.18, "x": 0, "traceorder": "normal"},
        uniformtext={"minsize": 11, "mode": "hide"},
        xaxis={"domain": [0, 1], "anchor": "y", "showline": True, "linecolor": INK},
        yaxis={"domain": [0.58, 0.92], "anchor": "x", "type": "category", "autorange": "reversed"},
        xaxis2={"domain": [0, 1], "anchor": "y2", "showline": True, "linecolor": INK},
        yaxis2={"domain": [0.0, 0.34], "anchor": "x2", "type": "category", "autorange": "reversed"},
        annotations=[
            {**title, "y": 0.93, "text": titles[0]},
            {**title, "y": 0.35, "text": titles[1]},
        ],
    )
    return {"data": data, "layout": layout}
