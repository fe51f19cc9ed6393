"""The network of LAs (or of consortia): the groups as nodes, the ties between their
schools counted per pair of groups, the E-I matrix of the regions page as a picture.

Counts only: the schools and ties read here (every region, not only the user's
scope) never leave this module but as counts per group, the LA-level aggregates
every user may see (docs/access.md). With no sector, medium or focus area chosen
the counts are those of net_group_pairs, the regions page's E-I matrix.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from dashboard.core.db import Database
from dashboard.core.filters import Filters

__all__ = [
    "GROUP_LEVELS",
    "OVAL_HEIGHT",
    "OVAL_WIDTH",
    "GroupNetwork",
    "load_group_network",
    "place_on_oval",
    "split_counts",
]

# The page's views of groups and the level each counts at.
GROUP_LEVELS = {"las": "la", "consortia": "consortium"}


@dataclass(frozen=True)
class GroupNetwork:
    """The groups of one ``level`` ('la' or 'consortium') and the ties between them.

    ``nodes``: one row per group, in the order drawn (by consortium, then name):
    group_id, name_en, name_cy, consortium_code, consortium_name_en,
    consortium_name_cy, schools (chosen schools in the group), internal_ties,
    external_ties (ties to schools of other groups), x, y (on an oval).
    ``pairs``: one row per pair of different groups joined by a tie: group_a,
    group_b (group_a < group_b), ties.
    """

    level: str
    nodes: pd.DataFrame
    pairs: pd.DataFrame


def split_counts(counts: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """network__group_ties' rows as (per group: group_id, schools, internal_ties,
    external_ties; per pair of different groups joined by a tie: group_a < group_b,
    ties)."""
    sizes = counts[counts["group_b"].isna()].set_index("group_a")["ties"]
    ties = counts[counts["group_b"].notna()]
    inside = ties[ties["group_a"] == ties["group_b"]].set_index("group_a")["ties"]
    pairs = ties[ties["group_a"] != ties["group_b"]].reset_index(drop=True)
    external = pd.concat(
        [pairs.set_index("group_a")["ties"], pairs.set_index("group_b")["ties"]]
    ).groupby(level=0).sum()  # fmt: skip
    groups = sorted(set(sizes.index) | set(ties["group_a"]) | set(ties["group_b"]))
    per_group = pd.DataFrame(
        {
            "group_id": groups,
            "schools": sizes.reindex(groups).fillna(0).to_numpy(),
            "internal_ties": inside.reindex(groups).fillna(0).to_numpy(),
            "external_ties": external.reindex(groups).fillna(0).to_numpy(),
        }
    )
    per_group = per_group.astype({c: "int64" for c in per_group.columns[1:]})
    return per_group, pairs[["group_a", "group_b", "ties"]].astype({"ties": "int64"})


# The oval the groups sit on: less than half as wide as it is tall, so that on a phone's narrow
# screen, where the drawing's scale is set by its width, each group's name still has a
# row of its own beside it (place_on_oval).
OVAL_WIDTH, OVAL_HEIGHT = 0.9, 2.3


def place_on_oval(count: int) -> tuple[np.ndarray, np.ndarray]:
    """``count`` places on the oval OVAL_WIDTH by OVAL_HEIGHT (half-axes), clockwise from
    the top: the first half down its right side, the rest up its left, each side's
    places evenly spaced in height. Every name then sits beside its group, outwards,
    at a height of its own on its side: none over a node or another name."""
    right = (count + 1) // 2

    def side(number: int) -> np.ndarray:
        # Top to bottom, half a step in from each end.
        return OVAL_HEIGHT * (1 - 2 * (np.arange(number) + 0.5) / max(number, 1))

    y = np.concatenate([side(right), side(count - right)[::-1]])
    x = OVAL_WIDTH * np.sqrt(np.clip(1 - (y / OVAL_HEIGHT) ** 2, 0, 1))
    x[right:] *= -1
    return x, y


def _name_groups(db: Database, level: str) -> pd.DataFrame:
    las = db.query("shell__regions")
    if level == "la":
        named = las.assign(group_id=las["la_code"].astype(str))
    else:
        named = las.drop_duplicates("consortium_code").assign(
            group_id=las["consortium_code"], name_en=las["consortium_name_en"],
            name_cy=las["consortium_name_cy"],
        )  # fmt: skip
    columns = ["group_id", "name_en", "name_cy", "consortium_code", "consortium_name_en",
               "consortium_name_cy"]  # fmt: skip
    return named[columns].reset_index(drop=True)


def load_group_network(db: Database, filters: Filters, level: str) -> GroupNetwork:
    """The network of the groups of ``level`` in the year, counting the schools of the
    sector and medium chosen (every region: a network of LAs shows all of them) and,
    with a focus area, only the ties through its PLCs."""
    if filters.sector is None and filters.medium is None and filters.focus is None:
        # Every school and tie: the refresh's E-I matrix has the counts already.
        counts = db.query("network__group_pairs", year=filters.year, level=level)
    else:
        counts = db.query(
            "network__group_ties", year=filters.year, level=level, sector=filters.sector,
            medium=filters.medium, focus=filters.focus,
        )  # fmt: skip
    per_group, pairs = split_counts(counts)
    nodes = _name_groups(db, level).merge(per_group, on="group_id", how="left")
    nodes = nodes.fillna({c: 0 for c in per_group.columns[1:]})
    nodes = nodes.astype({c: "int64" for c in per_group.columns[1:]})
    # Drawn by consortium, then by name: an LA sits beside the others of its consortium.
    nodes = nodes.sort_values(
        ["consortium_code", "name_en"], key=lambda s: s.str.casefold()
    ).reset_index(drop=True)
    nodes["x"], nodes["y"] = place_on_oval(len(nodes))
    return GroupNetwork(level, nodes, pairs)
