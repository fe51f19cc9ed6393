"""English messages of the PLC directory (``/plcs``)."""

from __future__ import annotations

MESSAGES: dict[str, str] = {
    "plcs.nav": "PLCs",
    "plcs.title": "PLC directory",
    "plcs.intro": (
        "Every professional learning community active in the year chosen with at least "
        "one member school in the region chosen: its focus, scope, the local authorities "
        "it spans, its members, activity and health, and whether it is flagged shallow. "
        "Search by name, sort, and open a PLC for its own page."
    ),
    "plcs.scope": "PLCs active in {year}, {region}",
    "plcs.explain": (
        "Health score (0 to 100): the mean of the PLC's review, the share of the enquiry "
        "cycle it reached and its members' attendance. Shallow: members and meetings "
        "without enquiry into learners' outcomes; the reasons are given."
    ),
    "plcs.controls_label": "Search and sort the directory",
    "plcs.search": "Search PLC names",
    "plcs.sort": "Sort by",
    "plcs.sort_name": "Name",
    "plcs.sort_health": "Health score",
    "plcs.sort_schools": "Member schools",
    "plcs.sort_members": "Members",
    "plcs.sort_activities": "Activities",
    "plcs.sort_las": "Local authorities spanned",
    "plcs.order": "Order",
    "plcs.order_asc": "Ascending",
    "plcs.order_desc": "Descending",
    "plcs.show": "Show",
    "plcs.show_all": "All PLCs",
    "plcs.show_shallow": "Shallow PLCs only",
    "plcs.show_not_shallow": "PLCs not flagged shallow",
    "plcs.status": (
        "PLCs {first} to {last} of {total} ({shallow} flagged shallow). Page {page} of {pages}."
    ),
    "plcs.status_none": "No PLC matches.",
    "plcs.caption": "PLCs active in {year}, {region}: page {page} of {pages}",
    "plcs.col_plc": "PLC",
    "plcs.col_id": "PLC id",
    "plcs.col_focus": "Focus",
    "plcs.col_scope": "Scope",
    "plcs.col_las": "Local authorities",
    "plcs.col_n_las": "Local authorities spanned",
    "plcs.col_schools": "Member schools",
    "plcs.col_members": "Members",
    "plcs.col_activities": "Activities",
    "plcs.col_health": "Health score",
    "plcs.col_shallow": "Shallow",
    "plcs.shallow_yes": "Yes: {reasons}",
    "plcs.shallow_no": "No",
    "plcs.previous": "Previous page",
    "plcs.next": "Next page",
    "plcs.pager_label": "Pages of the directory",
    "plcs.download_label": "Download CSV: every PLC listed for these filters",
    "plcs.download_note": (
        "The CSV holds every PLC for the filters, sort and show chosen, on all pages; "
        "the search box narrows the page only."
    ),
}
