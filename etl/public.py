"""What of ``etl`` the dashboard may import: its stated public surface.

The dashboard reads the published database; everything it needs to know of a
refresh (the cap on ties drawn, the fewest schools for an impact estimate, the
demo's planted effect) is published there, in ``refresh_settings``. What remains
here is either shared configuration, a vocabulary that names the values of a
published column, the name of a file the refresh publishes beside the database,
or code both sides must run alike. tests/dashboard/test_boundary.py fails when a
dashboard module imports anything else of ``etl``.

Why each name is here:

- ``SETTINGS``, ``setting``, ``default_db_path``: one configuration for both
  programs (plcnet.toml and PLCNET_* variables), so they agree on the database.
- ``ENQUIRY_STAGES``, ``REVIEW_FEATURES``, ``FOCUS_AREAS``: the contract's
  vocabularies, the values the published contract tables may hold; the dashboard
  labels each of them.
- ``read_system``, ``System``, ``SYSTEM_TABLES``, ``WALES``: the school system a
  database holds (etl/systems.py), read from the configuration the refresh recorded
  in ``refresh_system`` (Wales for a database from before systems, which lacks that
  table: the dashboard does not require it); ``WALES`` is the shipped default, whose
  vocabularies name the values of the Welsh database's columns.
- ``IMPACT_EXPOSURES``: the exposures impact_bins holds bands for, the first the
  main model's; the impact page offers them as a choice before any database is read.
- ``PUBLISHED_TABLES``: the tables a refresh publishes; the dashboard refuses a file
  that lacks one (dashboard/core/db_check.py).
- ``run_log_path``, ``manifest_name``, ``archived_name``: the names of the files a
  refresh writes beside the database (its run log, the archive of its inputs), which
  the sources page reads and offers.
- ``read_reason``: why a row is set aside, each reason a code and its English
  (etl/reasons.py). The refresh writes the English in ``rejected_rows.reason``;
  the data page reads the code back from it and shows the reason in Welsh too.
- ``measure_subgraph``, ``load_focus_network``, ``SubgraphMeasures``,
  ``SubgraphSummary``: the measures of a focus area's subgraph. The refresh measures
  the whole system's (net_focus_*), the network page a region's per request: one
  implementation keeps the two the same measure, and the dashboard cannot own it
  (the refresh would then import the dashboard). It reads only published tables.
"""

from __future__ import annotations

from etl.archive import archived_name, manifest_name
from etl.config import SETTINGS, default_db_path, setting
from etl.contract import ENQUIRY_STAGES, FOCUS_AREAS, REVIEW_FEATURES
from etl.impact import BIN_BANDS
from etl.network.subgraph import (
    SubgraphMeasures,
    SubgraphSummary,
    load_focus_network,
    measure_subgraph,
)
from etl.publish import run_log_path
from etl.reasons import read_reason
from etl.refresh import PUBLISHED_TABLES
from etl.settings_table import SYSTEM_TABLES, read_system
from etl.systems import DEFAULT_SYSTEM, System, load_system

__all__ = [
    "ENQUIRY_STAGES",
    "FOCUS_AREAS",
    "IMPACT_EXPOSURES",
    "PUBLISHED_TABLES",
    "REVIEW_FEATURES",
    "SETTINGS",
    "SYSTEM_TABLES",
    "WALES",
    "SubgraphMeasures",
    "SubgraphSummary",
    "System",
    "archived_name",
    "default_db_path",
    "load_focus_network",
    "manifest_name",
    "measure_subgraph",
    "read_reason",
    "read_system",
    "run_log_path",
    "setting",
]

IMPACT_EXPOSURES: tuple[str, ...] = tuple(BIN_BANDS)
WALES: System = load_system(DEFAULT_SYSTEM)
