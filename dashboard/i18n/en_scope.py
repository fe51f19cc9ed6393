"""English messages of the region scope: what a user sees of a school or PLC outside it."""

from __future__ import annotations

MESSAGES: dict[str, str] = {
    "scope.outside_title": "Outside your area",
    "scope.outside_school": (
        "This school is outside the area you may see. You may see the detail of schools "
        "and PLCs in your own region only; the figures for local authorities and for "
        "Wales are on the overview and regions pages."
    ),
    "scope.outside_plc": (
        "This PLC is outside the area you may see. You may see the detail of schools "
        "and PLCs in your own region only; the figures for local authorities and for "
        "Wales are on the overview and regions pages."
    ),
    "scope.back": "Back to the overview",
    "scope.partners_outside": (
        "{count} more partner schools are outside the area you may see: counted here, not named."
    ),
    "scope.members_outside": (
        "{count} more member schools are outside the area you may see: counted here, not named."
    ),
}
