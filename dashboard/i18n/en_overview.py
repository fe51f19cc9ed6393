"""English messages of the overview's text summary (the rest of the overview is in en.py)."""

from __future__ import annotations

MESSAGES: dict[str, str] = {
    # One fact each; "_one" when the count is 1. The year is said in the first.
    "overview.summary_in_plcs_one": "In {year}, {count} school ({share}) was in at least one PLC",
    "overview.summary_in_plcs_other": (
        "In {year}, {count} schools ({share}) were in at least one PLC"
    ),
    "overview.summary_active_plcs_one": "{count} PLC was active",
    "overview.summary_active_plcs_other": "{count} PLCs were active",
    "overview.summary_cross_la": "{share} of ties crossed LA lines",
    "overview.summary_isolated_one": "{count} school ({share}) was tied to no other school",
    "overview.summary_isolated_other": "{count} schools ({share}) were tied to no other school",
    "overview.summary_green": "{share} of schools with a support category were green",
    # The change from the year before, after a comma.
    "overview.summary_up": "up {amount} on {year}",
    "overview.summary_down": "down {amount} on {year}",
    "overview.summary_same": "unchanged from {year}",
    "overview.summary_sentence": "{fact}.",
    "overview.summary_sentence_change": "{fact}, {change}.",
    "overview.summary_empty": "No figures for {year} in this selection.",
}
