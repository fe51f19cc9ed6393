"""The network of LAs (or consortia) as a figure: the groups on an oval, sized by their
schools and coloured by consortium, and a line between two groups for the ties between
their schools, wider and darker the more ties (a few bands, one trace each), with the
count at the line's middle on hover. The E-I matrix of the regions page, drawn."""

from __future__ import annotations

import numpy as np
import pandas as pd

from dashboard.i18n import t
from dashboard.pages.network.figures import MUTED, PALETTE, SELECTED, copy_styled_layout
from dashboard.pages.network.groups import OVAL_HEIGHT, OVAL_WIDTH, GroupNetwork
from dashboard.ui.figures import INK
from dashboard.ui.labels import level_words

__all__ = [
    "LINE_BANDS",
    "MAX_GROUP_LINES",
    "band_pairs",
    "build_group_figure",
    "labelled_rows",
    "select_drawn_pairs",
    "wrap_name",
]

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
# The most lines drawn, the pairs with the most ties: Wales's 22 LAs have at most 231
# pairs and England's 150 at most 11,175, but the 900 districts of the US demo had
# 89,000 pairs tied in a year, a figure of 14 MB. Each group's counts keep every tie.
MAX_GROUP_LINES = 5_000
# Room for the names beside the oval, in the drawing's units: on a phone's 340 pixels,
# about 105 pixels each side: a line of 14 letters and the space to its node.
LABEL_ROOM = 1.55
# Names longer than this break onto two lines.
LABEL_WRAP = 14
# Up to this many groups (Wales's 22 LAs), every group is named beside it. Beyond it
# (England's 153 LAs: 77 a side, a name's height apart would need a drawing ten
# screens tall), only names that keep LABEL_GAP of height from the other names of
# their side are written, the largest groups first; every group is named on hover
# and in the tables.
LABEL_ALL_UP_TO = 30
LABEL_GAP = 0.4
Trace = dict[str, object]


def band_pairs(pairs: pd.DataFrame, top: int | None = None) -> np.ndarray:
    """Each pair's band of LINE_BANDS (its index), by its ties over the most of any pair
    (``top``: of any pair in a set of networks drawn alike, such as two years side by
    side; by default this network's)."""
    ties = pairs["ties"].to_numpy(dtype=float)
    if len(ties) == 0:
        return np.zeros(0, dtype=int)
    share = ties / max(top or 0, ties.max())
    limits = np.array([limit for limit, _, _ in LINE_BANDS])
    return np.searchsorted(limits, share, side="left")


def select_drawn_pairs(pairs: pd.DataFrame) -> pd.DataFrame:
    """The pairs drawn as lines: all of them up to MAX_GROUP_LINES, else that many with
    the most ties (equal ties: the earlier pair), in their own order."""
    if len(pairs) <= MAX_GROUP_LINES:
        return pairs
    ranked = np.lexsort((np.arange(len(pairs)), -pairs["ties"].to_numpy()))
    return pairs.iloc[np.sort(ranked[:MAX_GROUP_LINES])].reset_index(drop=True)


def _names(network: GroupNetwork, lang: str) -> pd.Series:
    column = "name_cy" if lang == "cy" else "name_en"
    return network.nodes.set_index("group_id")[column].astype(str)


def _line_traces(
    network: GroupNetwork, lang: str, chosen: set[str], top: int | None = None
) -> list[Trace]:
    nodes = network.nodes.set_index("group_id")
    pairs = select_drawn_pairs(network.pairs)
    bands = band_pairs(pairs, top)
    xa, ya = nodes.loc[pairs["group_a"], ["x", "y"]].to_numpy().T if len(pairs) else ([], [])
    xb, yb = nodes.loc[pairs["group_b"], ["x", "y"]].to_numpy().T if len(pairs) else ([], [])
    touches = pairs["group_a"].isin(chosen) | pairs["group_b"].isin(chosen)
    traces = []
    for index, (_, colour, width) in enumerate(LINE_BANDS):
        rows = np.flatnonzero(bands == index)
        if len(rows) == 0:
            continue
        high = int(pairs["ties"].iloc[rows].max())
        low = int(pairs["ties"].iloc[rows].min())
        gap = np.full(len(rows), None)
        x = np.column_stack([np.asarray(xa)[rows], np.asarray(xb)[rows], gap]).ravel()
        y = np.column_stack([np.asarray(ya)[rows], np.asarray(yb)[rows], gap]).ravel()
        name = t("network.group_band", lang, low=f"{low:,}", high=f"{high:,}")
        if low == high:
            name = t("network.group_band_one", lang, ties=f"{low:,}")
        traces.append({
            "type": "scatter", "mode": "lines", "x": x.tolist(), "y": y.tolist(),
            "name": name, "line": {"color": colour, "width": width},
            "hoverinfo": "skip", "legendgroup": "lines",
        })  # fmt: skip
    if chosen and touches.any():
        rows = np.flatnonzero(touches.to_numpy())
        gap = np.full(len(rows), None)
        x = np.column_stack([np.asarray(xa)[rows], np.asarray(xb)[rows], gap]).ravel()
        y = np.column_stack([np.asarray(ya)[rows], np.asarray(yb)[rows], gap]).ravel()
        traces.append({
            "type": "scatter", "mode": "lines", "x": x.tolist(), "y": y.tolist(),
            "name": t("network.group_chosen_lines", lang), "hoverinfo": "skip",
            "line": {"color": SELECTED, "width": 2},
        })  # fmt: skip
    return traces


def _hover_points(network: GroupNetwork, lang: str) -> Trace:
    """An invisible point at the middle of each line, its hover the pair and its ties."""
    nodes = network.nodes.set_index("group_id")
    names = _names(network, lang)
    pairs = select_drawn_pairs(network.pairs)
    a, b = nodes.loc[pairs["group_a"]], nodes.loc[pairs["group_b"]]
    # The message once, then each pair's names from whole columns: a pandas lookup per
    # pair cost seconds for the 90,000 pairs of 900 US districts.
    hover = t("network.group_pair_hover", lang, a="{a}", b="{b}", ties="{ties}")
    names_a = names.reindex(pairs["group_a"]).tolist()
    names_b = names.reindex(pairs["group_b"]).tolist()
    text = [
        hover.format(a=na, b=nb, ties=f"{n:,}")
        for na, nb, n in zip(names_a, names_b, pairs["ties"].tolist(), strict=True)
    ]
    return {
        "type": "scatter", "mode": "markers",
        "x": ((a["x"].to_numpy() + b["x"].to_numpy()) / 2).tolist(),
        "y": ((a["y"].to_numpy() + b["y"].to_numpy()) / 2).tolist(),
        "text": text, "hovertemplate": "%{text}<extra></extra>", "showlegend": False,
        "marker": {"size": 10, "color": "rgba(0,0,0,0)"}, "name": "",
    }  # fmt: skip


def _node_sizes(schools: pd.Series) -> np.ndarray:
    counts = schools.to_numpy(dtype=float)
    top = counts.max() if len(counts) else 0
    if top <= 0:
        return np.full(len(counts), NODE_SMALLEST)
    return NODE_SMALLEST + (NODE_LARGEST - NODE_SMALLEST) * np.sqrt(counts / top)


def _hover_nodes(network: GroupNetwork, names: pd.Series, lang: str) -> list[str]:
    """Each group's hover, in the nodes' order: its name, schools and ties. From whole
    columns, not a pandas row per group (900 US districts)."""
    nodes = network.nodes
    rows = zip(
        names.tolist(), nodes["schools"].tolist(), nodes["internal_ties"].tolist(),
        nodes["external_ties"].tolist(), strict=True,
    )  # fmt: skip
    hovers = []
    for name, schools, internal, external in rows:
        figures = {"name": name, "schools": f"{schools:,}", "internal": f"{internal:,}",
                   "external": f"{external:,}"}  # fmt: skip
        if network.level == "la":
            hovers.append(t("network.group_hover_la", lang, **figures))
        else:
            hovers.append(t("network.group_hover", lang, **figures, **level_words(lang)))
    return hovers


def _node_traces(network: GroupNetwork, lang: str, chosen: set[str]) -> list[Trace]:
    """The groups, one trace per consortium (a colour each; beyond the palette, the rest
    share MUTED as "other consortia"), each group named beside it."""
    nodes = network.nodes
    suffix = "_cy" if lang == "cy" else "_en"
    names = nodes[f"name{suffix}"].astype(str)
    consortia = nodes[f"consortium_name{suffix}"].astype(str)
    order = list(dict.fromkeys(consortia))
    named = order[: len(PALETTE) - 1] if len(order) > len(PALETTE) else order
    sizes = _node_sizes(nodes["schools"])
    hovers = np.array(_hover_nodes(network, names, lang), dtype=object)
    traces = []
    for index, consortium in enumerate([*named, None]):
        if consortium is None:
            rows = np.flatnonzero(~consortia.isin(named).to_numpy())
            legend = t("network.other_consortia", lang, **level_words(lang),
                       count=len(order) - len(named), named=len(named))  # fmt: skip
            colour = MUTED
        else:
            rows = np.flatnonzero((consortia == consortium).to_numpy())
            legend, colour = consortium, PALETTE[index]
        if len(rows) == 0:
            continue
        part = nodes.iloc[rows]
        hover = hovers[rows].tolist()
        traces.append({
            "type": "scatter", "mode": "markers",
            "x": part["x"].tolist(), "y": part["y"].tolist(),
            "hovertext": hover, "hovertemplate": "%{hovertext}<extra></extra>",
            "name": legend,
            "marker": {"color": colour, "size": sizes[rows].round(1).tolist(),
                       "line": {"color": [SELECTED if g in chosen else INK
                                          for g in part["group_id"]],
                                "width": [4 if g in chosen else 1 for g in part["group_id"]]},
                       "opacity": 0.95},
        })  # fmt: skip
    return traces


def wrap_name(name: str, width: int = LABEL_WRAP) -> str:
    """A long name on two lines, broken at the space nearest its middle, so that the
    names fit beside the oval on a phone's screen too."""
    spaces = [i for i, c in enumerate(name) if c == " "]
    if len(name) <= width or not spaces:
        return name
    middle = min(spaces, key=lambda i: abs(i - len(name) / 2))
    return f"{name[:middle]}<br>{name[middle + 1 :]}"


def labelled_rows(nodes: pd.DataFrame) -> np.ndarray:
    """The rows of ``nodes`` named beside their node, in order: all of them, or beyond
    LABEL_ALL_UP_TO the largest (by schools) that keep LABEL_GAP from the names kept
    on their side of the oval."""
    if len(nodes) <= LABEL_ALL_UP_TO:
        return np.arange(len(nodes))
    x, y = nodes["x"].to_numpy(), nodes["y"].to_numpy()
    kept: list[int] = []
    for row in np.argsort(-nodes["schools"].to_numpy(dtype=float), kind="stable"):
        same_side = [k for k in kept if (x[k] >= 0) == (x[row] >= 0)]
        if all(abs(y[row] - y[k]) >= LABEL_GAP for k in same_side):
            kept.append(int(row))
    return np.array(sorted(kept), dtype=int)


def _label_trace(network: GroupNetwork, lang: str) -> Trace:
    """The groups' names, each beside its node, outwards (right on the oval's right
    side, left on its left): each side's nodes are at heights of their own, so no name
    lies over a node or another name (with many groups, only those of labelled_rows).
    The points are the nodes, unseen and as large: plotly sets a name off by its
    marker's size, so it clears the node at any width."""
    rows = labelled_rows(network.nodes)
    nodes = network.nodes.iloc[rows]
    sizes = _node_sizes(network.nodes["schools"])[rows]
    return {
        "type": "scatter", "mode": "markers+text",
        "x": nodes["x"].tolist(), "y": nodes["y"].tolist(),
        "text": [wrap_name(n) for n in _names(network, lang).loc[nodes["group_id"]]],
        "textposition": ["middle right" if x >= 0 else "middle left" for x in nodes["x"]],
        "textfont": {"color": INK, "size": 11}, "hoverinfo": "skip", "showlegend": False,
        "marker": {"size": sizes.round(1).tolist(), "color": "rgba(0,0,0,0)"}, "name": "",
    }  # fmt: skip


def build_group_figure(
    network: GroupNetwork,
    lang: str,
    chosen: set[str] | None = None,
    revision: str = "",
    top: int | None = None,
) -> dict[str, object]:
    """The network of ``network``'s groups as a plotly figure (a dict): lines by band,
    the hover points on them, then the groups. ``chosen``: the group ids of the region
    chosen, ringed, their lines drawn on top; ``top``: the ties of the widest line, when
    several networks are drawn on one scale (band_pairs)."""
    chosen = chosen or set()
    layout = copy_styled_layout()
    # The legend below the oval: beside it, it leaves a phone's screen no room.
    layout["legend"].update(
        title={"text": t("network.group_legend", lang), "side": "top"},
        orientation="h", x=0, xanchor="left", y=0, yanchor="top",
    )  # fmt: skip
    layout["uirevision"] = revision
    layout["dragmode"] = False
    reach = OVAL_WIDTH + LABEL_ROOM  # room for the names beside the oval, on a phone too
    layout["xaxis"]["range"] = [-reach, reach]
    height = OVAL_HEIGHT + 0.2
    layout["yaxis"].update(range=[-height, height], scaleanchor="x", scaleratio=1)
    if network.nodes.empty:
        layout["annotations"] = [{"text": t("network.empty", lang), "showarrow": False,
                                  "xref": "paper", "yref": "paper"}]  # fmt: skip
    traces = [
        *_line_traces(network, lang, chosen, top),
        _hover_points(network, lang),
        *_node_traces(network, lang, chosen),
        _label_trace(network, lang),
    ]
    return {"data": traces, "layout": layout}
