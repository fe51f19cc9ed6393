"""English messages. Keys are ``<area>.<what>``; fields are ``str.format`` fields."""

from __future__ import annotations

MESSAGES: dict[str, str] = {
    # The shell, on every page
    "shell.site_name": "plcnet",
    "shell.tagline": "Professional learning communities across the schools of Wales",
    "shell.skip_link": "Skip to main content",
    # The link to the other language, written in that language.
    "shell.other_language": "Cymraeg",
    "shell.other_language_code": "cy",
    "shell.nav_label": "Pages",
    "shell.demo_label": "Demonstration data:",
    "shell.demo_notice": (
        "simulated PLCs and outcomes on the real schools of Wales. "
        "The figures show how plcnet works, not how Welsh schools collaborate."
    ),
    "shell.as_at": "Data as at {date} · refresh {run_id}",
    "shell.as_at_unknown": "No successful refresh recorded yet",
    "shell.months": (
        "January February March April May June July August September October November December"
    ),
    "shell.no_database": (
        "No published database at {path}. Run make etl (or python -m etl refresh) to build it."
    ),
    "region.wales": "Wales",
    # The command line (python -m dashboard)
    "cli.serving": "Serving plcnet at {url}",
    "cli.no_database": (
        "No database at {path}.\n"
        "Build it first: make etl (or python -m etl demo && python -m etl refresh),\n"
        "or point --db at a published plcnet database."
    ),
    "cli.debug_help": "Dash debug mode: reload on change, show the dev tools.",
    # The filters
    "filters.label": "Filters",
    "filters.year": "Academic year",
    "filters.consortium": "Consortium",
    "filters.consortium_all": "All consortia",
    "filters.la": "Local authority",
    "filters.la_all": "All local authorities",
    "filters.sector": "Sector",
    "filters.sector_all": "All sectors",
    "filters.medium": "Language medium",
    "filters.medium_all": "All language media",
    # The overview page
    "overview.nav": "Overview",
    "overview.title": "System overview",
    "overview.intro": (
        "Is the system collaborating more, and are its schools improving? "
        "The headline figures for the year chosen, each with its change from the year before."
    ),
    "overview.headlines_heading": "Headline figures, {year}, {region}",
    "overview.trend_heading": "Trends across the years",
    "overview.trend_caption": "Headline figures by academic year, {region}",
    "overview.support_heading": "Support categories",
    "overview.support_intro": (
        "The share of schools in each support category of the National School "
        "Categorisation System, by year. Green schools need the least support, red the most."
    ),
    "overview.support_caption": "Schools by support category and year, {region}",
    "overview.support_empty": "No support categories are recorded for this region.",
    "overview.support_axis": "Share of schools",
    "overview.year_axis": "Academic year",
    "overview.support_cell": "{share} ({schools})",
    "overview.support_hover": "{category}: {share} of schools ({schools})",
    # The headline measures
    "headline.schools_in_plcs": "Schools in at least one PLC",
    "headline.schools_in_plcs_help": "Schools with a member in a PLC active that year.",
    "headline.active_plcs": "Active PLCs",
    "headline.active_plcs_help": "PLCs with an active member from a school in the region.",
    "headline.cross_la_share": "Ties that cross LA lines",
    "headline.cross_la_share_help": (
        "Share of ties between schools in different local authorities, "
        "among the ties of schools in the region."
    ),
    "headline.isolated_schools": "Isolated schools",
    "headline.isolated_schools_help": "Schools tied to no other school through a PLC.",
    "headline.no_data": "No data",
    "headline.change_up": "Up {amount} on {year}",
    "headline.change_down": "Down {amount} on {year}",
    "headline.change_same": "No change on {year}",
    "headline.change_none": "No earlier year to compare",
    "headline.points": "{amount} points",
    # School sectors and language media
    "sector.nursery": "Nursery",
    "sector.primary": "Primary",
    "sector.middle": "Middle (all-age)",
    "sector.secondary": "Secondary",
    "sector.special": "Special",
    "focus.literacy": "Literacy",
    "focus.numeracy": "Numeracy",
    "focus.welsh_language": "Welsh language",
    "focus.digital_competence": "Digital competence",
    "focus.additional_learning_needs": "Additional learning needs",
    "focus.assessment_for_learning": "Assessment for learning",
    "focus.leadership": "Leadership",
    "focus.wellbeing": "Well-being",
    "scope.within_school": "Within a school",
    "scope.between_schools": "Between schools",
    "scope.across_las": "Across local authorities",
    "scope.across_consortia": "Across consortia",
    "membership_type.self_selected": "Self-selected",
    "membership_type.assigned": "Assigned",
    "filters.focus": "PLC focus",
    "filters.focus_all": "All focus areas",
    "medium.welsh": "Welsh medium",
    "medium.dual_stream": "Dual stream",
    "medium.transitional": "Transitional",
    "medium.bilingual": "Bilingual",
    "medium.english_significant_welsh": "English with significant Welsh",
    "medium.english": "English medium",
    "medium.not_applicable": "Not applicable",
    # Support categories
    "category.green": "Green",
    "category.yellow": "Yellow",
    "category.amber": "Amber",
    "category.red": "Red",
    # Brokerage roles (Gould and Fernandez), LAs as the groups
    "broker.coordinator": "Coordinator",
    "broker.gatekeeper": "Gatekeeper",
    "broker.representative": "Representative",
    "broker.itinerant": "Itinerant",
    "broker.liaison": "Liaison",
    # PLCs: enquiry-cycle stages, the nine features of the review (short name and
    # Harris and Jones's words) and the reasons a PLC is flagged shallow
    "stage.analyse_data": "Analyse data",
    "stage.set_goals": "Set goals",
    "stage.research": "Research",
    "stage.plan": "Plan",
    "stage.act": "Act",
    "stage.review": "Review",
    "feature.learner_focus": "Focus on learners",
    "feature.learner_focus_help": "A relentless focus on learning and learner outcomes",
    "feature.trust": "Respect and trust",
    "feature.trust_help": "Respect and trust among colleagues at school and district level",
    "feature.data_informed": "Data and evidence",
    "feature.data_informed_help": "Data-informed and evidence-driven",
    "feature.innovation": "Innovation",
    "feature.innovation_help": "Willingness to innovate and change practice",
    "feature.distributed_leadership": "Distributed leadership",
    "feature.distributed_leadership_help": "Supportive and distributed leadership",
    "feature.broad_involvement": "Broad involvement",
    "feature.broad_involvement_help": "Broad-based involvement in decisions",
    "feature.critical_enquiry": "Critical enquiry",
    "feature.critical_enquiry_help": "Continuous critical enquiry, reflection and refinement",
    "feature.reciprocal_accountability": "Reciprocal accountability",
    "feature.reciprocal_accountability_help": (
        "Reciprocal accountability and professional empowerment"
    ),
    "feature.dissemination": "Dissemination",
    "feature.dissemination_help": "Dissemination, application and extension of PLC outcomes",
    "shallow.no_analysis_or_review": "Met, but never analysed learners' data nor reviewed impact",
    "shallow.low_learner_focus": "Its review scores the focus on learners 2 or less of 5",
    "shallow.between_one_school": "Meant to join schools, but its members are from one school",
    "shallow.no_activity": "Members, but no activity recorded",
    "shallow.low_activity": "Fewer than one activity a term",
    # Downloads
    "download.button": "Download CSV",
    "download.headlines_label": "Download CSV: headline figures by year",
    "download.support_label": "Download CSV: support categories by year",
    "download.category": "Support category",
    "download.schools": "Schools",
    "download.share": "Share of schools (%)",
    # Small-number suppression (see queries/_macros.sql)
    "suppression.symbol": "c",
    # Tables
    "table.year": "Year",
}
