"""English messages of the school profile (``/school/<school number>``)."""

from __future__ import annotations

MESSAGES: dict[str, str] = {
    "school.nav": "School profile",
    "school.title": "{name}: school profile",
    "school.lede": "School number {number}, {la}, {consortium}. {sector}, {medium}.",
    "school.pupils": "{pupils} pupils on roll.",
    "school.not_found_title": "School not found",
    "school.not_found": "No school has the number {number} in the published data.",
    "school.back": "Back to the overview",
    # The year at a glance
    "school.glance_heading": "{year} at a glance",
    "school.card_plcs": "PLCs",
    "school.card_plcs_help": "PLCs the school took part in that year.",
    "school.card_partners": "Partner schools",
    "school.card_partners_help": "Schools it shared at least one PLC with.",
    "school.card_cross_la": "Partners in other local authorities",
    "school.card_cross_la_help": "Partner schools outside its own local authority.",
    "school.card_category": "Support category",
    "school.card_category_help": "Its category in the National School Categorisation System.",
    "school.no_category": "Not categorised",
    # Its PLCs
    "school.plcs_heading": "PLCs in {year}",
    "school.plcs_caption": "PLCs {name} took part in, {year}",
    "school.plcs_empty": "{name} took part in no PLC in {year}.",
    "school.download_plcs": "Download CSV: the school's PLCs",
    "school.col_plc": "PLC",
    "school.col_focus": "Focus",
    "school.col_scope": "Scope",
    "school.col_membership": "Membership",
    "school.col_lead": "Led by this school",
    "school.col_schools": "Member schools",
    "school.col_members": "Members",
    "school.yes": "Yes",
    "school.no": "No",
    # Its partner schools
    "school.partners_heading": "Partner schools in {year}",
    "school.partners_intro": (
        "Schools tied to this one through at least one PLC they shared that year, "
        "most shared PLCs first. Each name opens that school's profile."
    ),
    "school.partners_caption": "Schools tied to {name}, {year}",
    "school.partners_empty": "{name} was tied to no other school in {year}.",
    "school.download_partners": "Download CSV: the school's partner schools",
    "school.col_school": "School",
    "school.col_number": "School number",
    "school.col_la": "Local authority",
    "school.col_sector": "Sector",
    "school.col_category": "Support category",
    "school.col_shared": "Shared PLCs",
    "school.col_cross_la": "In another local authority",
    # Measures over the years
    "school.measures_heading": "Network measures over the years",
    "school.measures_intro": (
        "The school's measures each year beside the mean of all the schools of {la} and "
        "of all the schools of Wales (isolated schools included). The year chosen is "
        "drawn larger."
    ),
    "school.measures_caption": "Network measures by year: {name}, the {la} mean and the Wales mean",
    "school.download_measures": "Download CSV: network measures by year",
    "school.this_school": "This school",
    "school.la_mean": "{la} mean",
    "school.wales_mean": "Wales mean",
    "school.col_series": "Compared with",
    "school.measure_degree": "Partner schools (degree)",
    "school.measure_weighted_degree": "Shared PLCs with partners (weighted degree)",
    "school.measure_betweenness": "Betweenness (brokerage)",
    "school.measure_clustering": "Clustering",
    "school.measure_n_plcs": "PLCs",
    "school.measure_cross_la_ties": "Partners in other local authorities",
    "school.card_brokerage": "Pairs brokered",
    "school.card_brokerage_help": (
        "Pairs of schools with no tie of their own that it links, in every role (below)."
    ),
    # Brokerage roles over the years
    "school.brokerage_heading": "Brokerage roles over the years",
    "school.brokerage_intro": (
        "Pairs of schools not tied to each other that this school links, on the ties "
        "that run from each PLC's lead school to its members, by where the three schools "
        "are (Gould and Fernandez): a coordinator links two schools of its own local "
        "authority; a gatekeeper brings a school of another authority to one of its own; "
        "a representative carries its own authority's contact out to another; an "
        "itinerant links two schools of an authority it is not in; a liaison links two "
        "other authorities."
    ),
    "school.brokerage_caption": "Pairs of schools {name} brokers, by role and year",
    "school.brokerage_axis": "Pairs brokered",
    "school.brokerage_hover": "{role}, {year}: {pairs}",
    "school.col_total": "All roles",
    "school.download_brokerage": "Download CSV: brokerage roles by year",
    # Support category over the years
    "school.support_heading": "Support category over the years",
    "school.support_intro": (
        "The school's category in the National School Categorisation System each year: "
        "green schools need the least support, red the most."
    ),
    "school.support_caption": "Support category of {name} by year",
    "school.support_empty": "No support category is recorded for {name}.",
    "school.support_hover": "{year}: {category}",
    "school.download_support": "Download CSV: support category by year",
}
