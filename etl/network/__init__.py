"""Network measures: the school graph of each academic year and what it shows.

:func:`compute_network` is the entry point the refresh calls once the input
tables are loaded, then :func:`compute_focus_networks` measures each PLC focus
area's network across the system; :func:`measure_subgraph` measures a region's
subgraph per request. The drawing of each year is :mod:`etl.drawing`, the panel
model of collaboration against improvement :mod:`etl.impact`.
See docs/measures.md for every measure.
"""

from etl.network.metrics import NETWORK_TABLES, compute_network
from etl.network.subgraph import (
    FOCUS_TABLES,
    SubgraphMeasures,
    compute_focus_networks,
    load_focus_network,
    measure_subgraph,
)

__all__ = [
    "FOCUS_TABLES",
    "NETWORK_TABLES",
    "SubgraphMeasures",
    "compute_focus_networks",
    "compute_network",
    "load_focus_network",
    "measure_subgraph",
]
