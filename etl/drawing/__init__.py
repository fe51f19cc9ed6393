"""The drawing of the network explorer: where each school sits, and which ties are drawn.

:func:`compute_layout` is the step the refresh calls after
:func:`etl.network.compute_network` (it reads the year's communities); it fills
``net_layout``, ``net_edges_drawn`` and ``net_drawing_rules``. The geometry is in
:mod:`etl.drawing.layout`. See docs/measures.md.
"""

from etl.drawing.layout import LAYOUT_TABLES, MAX_DRAWN_TIES, compute_layout

__all__ = ["LAYOUT_TABLES", "MAX_DRAWN_TIES", "compute_layout"]
