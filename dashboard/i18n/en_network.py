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
        "shown; ties to schools outside the selection are counted in the summary, not drawn. "
        "The force layout draws schools that work together close to each other: the year's "
        "communities first, then the schools in each; schools with no tie go on rings around."
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
    # The summary of a focus area's subgraph, and which ties are drawn
    "network.summary_isolated_focus": "Isolated schools (no tie through these PLCs)",
    "network.summary_unplaced_force": "Schools not in the force layout",
    "network.summary_components": "Components (isolated schools count as one each)",
    "network.summary_giant": "Schools in the largest component",
    "network.summary_communities": "Communities (Louvain, schools with ties)",
    "network.summary_modularity": "Modularity of the communities",
    "network.summary_modularity_la": "Modularity of the LAs",
    "network.summary_nmi": "How far communities follow LA lines (NMI, 0 to 1)",
    "network.summary_betweenness": "Betweenness",
    "network.summary_betweenness_exact": "Exact",
    "network.summary_betweenness_sampled": (
        "Estimated from {sources} schools (largest standard error {error})"
    ),
    "network.rule_all": "All {ties} ties of {year} are drawn.",
    "network.rule_strongest": (
        "A browser draws about {cap} lines smoothly, so of the {ties} ties of {year} the "
        "{cap} strongest are drawn: those through the most shared PLCs (the weakest drawn "
        "through {weight}), then the most shared members; among ties as strong, a fixed "
        "order spread over the country. The summary counts every tie."
    ),
    "network.rule_focus_all": "All {ties} ties through {focus} PLCs are drawn.",
    "network.rule_focus_strongest": (
        "Of the {ties} ties through {focus} PLCs, the {cap} strongest are drawn: those "
        "through the most shared PLCs (the weakest drawn through {weight}); among ties as "
        "strong, a fixed order. The summary counts every tie."
    ),
    "network.focus_note": (
        "Degree, betweenness and communities are those of this subgraph, measured for "
        "this view; PLCs, support category and brokerage role are the whole network's."
    ),
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
