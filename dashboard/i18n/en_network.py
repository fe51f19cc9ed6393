"""English messages of the network explorer (/network)."""

from __future__ import annotations

MESSAGES: dict[str, str] = {
    "network.nav": "Network",
    "network.title": "Network explorer",
    "network.intro": (
        "Which schools work together through PLCs, and where? Each point is a school and "
        "each line a tie: the two schools share a PLC active that year. Choose a year and a "
        "region, then colour and size the schools by what you want to compare."
    ),
    # The pickers
    "network.display": "How to draw the network",
    "network.view": "View",
    "network.view_map": "Map of Wales",
    "network.view_force": "Force layout",
    "network.colour": "Colour schools by",
    "network.colour_la": "Local authority",
    "network.colour_consortium": "Consortium",
    "network.colour_category": "Support category",
    "network.colour_community": "Community",
    "network.colour_role": "Main brokerage role",
    "network.role_coordinator": "Coordinator",
    "network.role_gatekeeper": "Gatekeeper",
    "network.role_representative": "Representative",
    "network.role_itinerant": "Itinerant",
    "network.role_liaison": "Liaison",
    "network.role_none": "Not a broker",
    "network.column_role": "Main brokerage role",
    "network.column_brokered": "Pairs brokered",
    "network.size": "Size schools by",
    # Measures and groups
    "network.degree": "Degree",
    "network.betweenness": "Betweenness",
    "network.plcs": "PLCs",
    "network.rank_degree": "degree",
    "network.rank_betweenness": "betweenness",
    "network.category_none": "Not categorised",
    "network.community": "Community {number}",
    "network.community_other": "Other communities",
    "network.community_none": "None (no ties)",
    # The chart
    "network.chart_heading": "Schools and their ties",
    "network.chart_intro": (
        "Hover over a school for its figures; click it to open its profile. The area of each "
        "point follows the measure chosen under Size. Lines are the ties between two schools "
        "shown; ties to schools outside the selection are counted in the summary, not drawn."
    ),
    "network.outlines": "Local authority boundaries",
    "network.ties_legend": "Ties ({ties} drawn)",
    "network.empty": "No schools match these filters.",
    "network.download_label": "Download CSV: the schools shown with their figures",
    # The summary
    "network.summary_heading": "Summary, {year}, {region}",
    "network.summary_caption": "The network of the schools shown, {region}",
    "network.summary_measure": "Measure",
    "network.summary_value": "Value",
    "network.summary_schools": "Schools shown",
    "network.summary_isolated": "Isolated schools (no tie that year)",
    "network.summary_ties": "Ties between schools shown",
    "network.summary_cross_la": "Of which cross LA lines",
    "network.summary_cross_la_value": "{ties} ({share})",
    "network.summary_outside": "Ties to schools outside the selection",
    "network.summary_density": "Density of ties between schools shown",
    "network.summary_drawn": "Ties drawn",
    "network.summary_unplaced": "Schools without a location (not on the map)",
    # The table of schools
    "network.schools_caption_top": (
        "The {shown} schools highest on {measure}, of {schools} shown, {region}"
    ),
    "network.schools_caption_all": "The schools shown by {measure}, {region}",
    "network.column_number": "School number",
    "network.column_school": "School",
    "network.column_la": "Local authority",
    "network.column_category": "Support category",
    "network.column_community": "Community",
    "network.column_weighted_degree": "Weighted degree",
}
