"""The network of LAs (or consortia) as a figure: the groups on a circle, sized by their
schools and coloured by consortium, and a line between two groups for the ties between
their schools, wider and darker the more ties (a few bands, one trace each), with the
count at the line's middle on hover. The E-I matrix of the regions page, drawn."""

from __future__ import annotations

import copy
from dataclasses import dataclass

import numpy as np
import pandas as pd

from dashboard.i18n import t
from dashboard.pages.network.figures import MUTED, PALETTE, SELECTED, _styled_layout
from dashboard.pages.network.groups import GroupNetwork
from dashboard.ui.figures import INK

__all__ = ["LINE_BANDS", "band_pairs", "build_group_figure", "wrap_name"]

# Bands of ties between two groups, as shares of the most ties of any pair: (up to,
# line colour, width). Four traces however many pairs.
LINE_BANDS = (
    (0.1, "rgba(74, 79, 85, 0.18)", 0.8),
    (0.3, "rgba(74, 79, 85, 0.45)", 2.5),
    (0.6, "rgba(45, 50, 56, 0.65)", 5.0),
    (1.0, "rgba(27, 31, 35, 0.85)", 8.0),
)
# Node diameters in pixels: a group without schools, and the group with the most.
NODE_SMALLEST, NODE_LARGEST = 7.0, 30.0
# How far out the names sit: beyond the circle of nodes (the largest reaches about 1.1).
LABEL_RADIUS = 1.13
Trace = dict[str, object]


def band_pairs(pairs: pd.DataFrame) -> np.ndarray:
    """Each pair's band of LINE_BANDS (its index), by its ties over the most of any pair."""
    ties = pairs["ties"].to_numpy(dtype=float)
    if len(ties) == 0:
        return np.zeros(0, dtype=int)
    share = ties / ties.max()
    limits = np.array([limit for limit, _, _ in LINE_BANDS])
    return np.searchsorted(limits, share, side="left")


@dataclass(frozen=True)
class _Nodes:
    """The groups' columns as plain arrays and lists, taken from the frame once: looking
    up a row or a name in pandas per group and per pair cost most of the figure."""

    ids: list[str]
    position: dict[str, int]  # each group's row
    x: np.ndarray
    y: np.ndarray
    names: list[str]
    consortia: list[str]
    schools: list[int]
    internal: list[int]
    external: list[int]

    @classmethod
    def of(cls, network: GroupNetwork, lang: str) -> _Nodes:
        nodes = network.nodes
        suffix = "_cy" if lang == "cy" else "_en"
        ids = nodes["group_id"].tolist()
        return cls(
            ids=ids,
            position={group: row for row, group in enumerate(ids)},
            x=nodes["x"].to_numpy(dtype=float),
            y=nodes["y"].to_numpy(dtype=float),
            names=nodes[f"name{suffix}"].astype(str).tolist(),
            consortia=nodes[f"consortium_name{suffix}"].astype(str).tolist(),
            schools=nodes["schools"].tolist(),
            internal=nodes["internal_ties"].tolist(),
            external=nodes["external_ties"].tolist(),
        )

    def rows_of(self, groups: pd.Series) -> np.ndarray:
        return np.array([self.position[g] for g in groups], dtype=np.intp)


def _segments(nodes: _Nodes, a: np.ndarray, b: np.ndarray, rows: np.ndarray) -> tuple[list, list]:
    """x and y of the lines from groups ``a`` to groups ``b`` (rows), each ended by a gap."""
    gap = np.full(len(rows), None)
    x = np.column_stack([nodes.x[a][rows], nodes.x[b][rows], gap]).ravel()
    y = np.column_stack([nodes.y[a][rows], nodes.y[b][rows], gap]).ravel()
    return x.tolist(), y.tolist()


def _line_traces(network: GroupNetwork, nodes: _Nodes, lang: str, chosen: set[str]) -> list[Trace]:
    pairs = network.pairs
    bands = band_pairs(pairs)
    a, b = nodes.rows_of(pairs["group_a"]), nodes.rows_of(pairs["group_b"])
    ties = pairs["ties"].to_numpy()
    traces = []
    for index, (_, colour, width) in enumerate(LINE_BANDS):
        rows = np.flatnonzero(bands == index)
        if len(rows) == 0:
            continue
        high, low = int(ties[rows].max()), int(ties[rows].min())
        x, y = _segments(nodes, a, b, rows)
        name = t("network.group_band", lang, low=f"{low:,}", high=f"{high:,}")
        if low == high:
            name = t("network.group_band_one", lang, ties=f"{low:,}")
        traces.append({
            "type": "scatter", "mode": "lines", "x": x, "y": y,
            "name": name, "line": {"color": colour, "width": width},
            "hoverinfo": "skip", "legendgroup": "lines",
        })  # fmt: skip
    touches = (pairs["group_a"].isin(chosen) | pairs["group_b"].isin(chosen)).to_numpy()
    if chosen and touches.any():
        x, y = _segments(nodes, a, b, np.flatnonzero(touches))
        traces.append({
            "type": "scatter", "mode": "lines", "x": x, "y": y,
            "name": t("network.group_chosen_lines", lang), "hoverinfo": "skip",
            "line": {"color": SELECTED, "width": 2},
        })  # fmt: skip
    return traces


def _hover_points(network: GroupNetwork, nodes: _Nodes, lang: str) -> Trace:
    """An invisible point at the middle of each line, its hover the pair and its ties."""
    pairs = network.pairs
    a, b = nodes.rows_of(pairs["group_a"]), nodes.rows_of(pairs["group_b"])
    text = [
        t("network.group_pair_hover", lang, a=nodes.names[ra], b=nodes.names[rb], ties=f"{n:,}")
        for ra, rb, n in zip(a, b, pairs["ties"], strict=True)
    ]
    return {
        "type": "scatter", "mode": "markers",
        "x": ((nodes.x[a] + nodes.x[b]) / 2).tolist(),
        "y": ((nodes.y[a] + nodes.y[b]) / 2).tolist(),
        "text": text, "hovertemplate": "%{text}<extra></extra>", "showlegend": False,
        "marker": {"size": 10, "color": "rgba(0,0,0,0)"}, "name": "",
    }  # fmt: skip


def _node_sizes(schools: pd.Series) -> np.ndarray:
    counts = schools.to_numpy(dtype=float)
    top = counts.max() if len(counts) else 0
    if top <= 0:
        return np.full(len(counts), NODE_SMALLEST)
    return NODE_SMALLEST + (NODE_LARGEST - NODE_SMALLEST) * np.sqrt(counts / top)


def _hover_node(level: str, nodes: _Nodes, row: int, lang: str) -> str:
    figures = {
        "name": nodes.names[row],
        "schools": f"{nodes.schools[row]:,}",
        "internal": f"{nodes.internal[row]:,}",
        "external": f"{nodes.external[row]:,}",
    }
    if level == "la":
        return t("network.group_hover_la", lang, **figures)
    return t("network.group_hover", lang, **figures)


def _node_traces(network: GroupNetwork, nodes: _Nodes, lang: str, chosen: set[str]) -> list[Trace]:
    """The groups, one trace per consortium (a colour each; beyond the palette, the rest
    share MUTED as "other consortia"), each group named beside it."""
    consortia = np.array(nodes.consortia, dtype=object)
    order = list(dict.fromkeys(nodes.consortia))
    named = order[: len(PALETTE) - 1] if len(order) > len(PALETTE) else order
    sizes = _node_sizes(network.nodes["schools"])
    traces = []
    for index, consortium in enumerate([*named, None]):
        if consortium is None:
            rows = np.flatnonzero(~np.isin(consortia, named))
            legend = t("network.other_consortia", lang, count=len(order) - len(named),
                       named=len(named))  # fmt: skip
            colour = MUTED
        else:
            rows = np.flatnonzero(consortia == consortium)
            legend, colour = consortium, PALETTE[index]
        if len(rows) == 0:
            continue
        groups = [nodes.ids[r] for r in rows]
        hover = [_hover_node(network.level, nodes, r, lang) for r in rows]
        traces.append({
            "type": "scatter", "mode": "markers",
            "x": nodes.x[rows].tolist(), "y": nodes.y[rows].tolist(),
            "hovertext": hover, "hovertemplate": "%{hovertext}<extra></extra>",
            "name": legend,
            "marker": {"color": colour, "size": sizes[rows].round(1).tolist(),
                       "line": {"color": [SELECTED if g in chosen else INK for g in groups],
                                "width": [4 if g in chosen else 1 for g in groups]},
                       "opacity": 0.95},
        })  # fmt: skip
    return traces


def wrap_name(name: str, width: int = 12) -> str:
    """A long name on two lines, broken at the space nearest its middle, so that the
    names fit beside the circle on a phone's screen too."""
    spaces = [i for i, c in enumerate(name) if c == " "]
    if len(name) <= width or not spaces:
        return name
    middle = min(spaces, key=lambda i: abs(i - len(name) / 2))
    return f"{name[:middle]}<br>{name[middle + 1 :]}"


def _text_position(x: float, y: float) -> str:
    """Where a name goes from its point beyond the circle: outwards, so that no name
    lies over a node or another name."""
    if x > 0.25:
        return "middle right"
    if x < -0.25:
        return "middle left"
    return "top center" if y > 0 else "bottom center"


def _label_trace(nodes: _Nodes) -> Trace:
    """The groups' names, each just beyond its node on the circle."""
    x, y = nodes.x * LABEL_RADIUS, nodes.y * LABEL_RADIUS
    return {
        "type": "scatter", "mode": "text", "x": x.tolist(), "y": y.tolist(),
        "text": [wrap_name(n) for n in nodes.names],
        "textposition": [_text_position(a, b) for a, b in zip(x, y, strict=True)],
        "textfont": {"color": INK, "size": 11}, "hoverinfo": "skip", "showlegend": False,
        "name": "",
    }  # fmt: skip


def build_group_figure(
    network: GroupNetwork, lang: str, chosen: set[str] | None = None, revision: str = ""
) -> dict[str, object]:
    """The network of ``network``'s groups as a plotly figure (a dict): lines by band,
    the hover points on them, then the groups. ``chosen``: the group ids of the region
    chosen, ringed, their lines drawn on top."""
    chosen = chosen or set()
    layout = copy.deepcopy(_styled_layout())
    # The legend below the circle: beside it, it leaves a phone's screen no room.
    layout["legend"].update(
        title={"text": t("network.group_legend", lang), "side": "top"},
        orientation="h", x=0, xanchor="left", y=0, yanchor="top",
    )  # fmt: skip
    layout["uirevision"] = revision
    layout["dragmode"] = False
    reach = LABEL_RADIUS + 0.95  # room for the names beside the circle, on a phone too
    layout["xaxis"]["range"] = [-reach, reach]
    layout["yaxis"].update(range=[-1.3, 1.3], scaleanchor="x", scaleratio=1)
    if network.nodes.empty:
        layout["annotations"] = [{"text": t("network.empty", lang), "showarrow": False,
                                  "xref": "paper", "yref": "paper"}]  # fmt: skip
    nodes = _Nodes.of(network, lang)
    traces = [
        *_line_traces(network, nodes, lang, chosen),
        _hover_points(network, nodes, lang),
        *_node_traces(network, nodes, lang, chosen),
        _label_trace(nodes),
    ]
    return {"data": traces, "layout": layout}
