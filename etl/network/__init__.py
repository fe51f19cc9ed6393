"""Network measures: the school graph of each academic year and what it shows.

:func:`compute_network` is the entry point the refresh calls once the input
tables are loaded; see docs/measures.md for every measure.
"""

from etl.network.metrics import NETWORK_TABLES, compute_network

__all__ = ["NETWORK_TABLES", "compute_network"]
