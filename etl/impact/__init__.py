"""Collaboration and improvement: the panel model of attainment change against exposure.

:func:`compute_impact` is the step the refresh calls once the PLC measures (and
with them ``net_school_exposure``) are computed; it fills ``impact_estimates``
and ``impact_bins``. :mod:`etl.impact.model` holds the panel, the models and the
bands. See docs/measures.md for what the results do and do not show.
"""

from etl.impact.model import BIN_BANDS, IMPACT_TABLES, MIN_SCHOOLS, compute_impact

__all__ = ["BIN_BANDS", "IMPACT_TABLES", "MIN_SCHOOLS", "compute_impact"]
