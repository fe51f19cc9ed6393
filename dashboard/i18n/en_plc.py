"""English messages of a PLC's page (``/plc/<plc id>``)."""

from __future__ import annotations

MESSAGES: dict[str, str] = {
    "plc.nav": "PLC",
    "plc.title": "{name}: PLC",
    "plc.lede": "{id} · {focus} · {scope} · {membership}.",
    "plc.led_by": "Led by",
    "plc.running": "Running from {start} to {end}.",
    "plc.running_open": "Running from {start}, with no end date.",
    "plc.active_years": "Active in the data from {first} to {last}.",
    "plc.never_active": "Not active in any year the data cover.",
    "plc.not_found_title": "PLC not found",
    "plc.not_found": "No PLC has the id {id} in the published data.",
    "plc.back": "Browse the PLC directory",
    # The year chosen
    "plc.year_heading": "In {year}",
    "plc.not_active": "{name} was not active in {year}.",
    "plc.card_health": "Health score",
    "plc.health_value": "{score} of 100",
    "plc.health_parts": "The mean of its parts, each out of 100: {parts}.",
    "plc.part_review": "review {value}",
    "plc.part_cycle": "enquiry cycle {value}",
    "plc.part_activity": "attendance {value}",
    "plc.health_withheld": (
        "Shown as c, since its attendance part would tell how many members or "
        "attendances there were, which are withheld."
    ),
    "plc.card_shallow": "Shallow?",
    "plc.shallow_yes": "Flagged shallow",
    "plc.shallow_no": "Not flagged",
    "plc.shallow_help_yes": "Because:",
    "plc.shallow_help_no": "None of the signs of a shallow PLC.",
    "plc.card_schools": "Member schools",
    "plc.card_schools_help": "Schools with a member that year.",
    "plc.card_members": "Members",
    "plc.card_members_help": "Counts under 5 are shown as c, and so is 5 with 4 member schools.",
    "plc.card_activities": "Activities",
    "plc.card_activities_help": "Meetings recorded in the year.",
    # The enquiry cycle
    "plc.cycle_heading": "Enquiry cycle",
    "plc.cycle_intro": (
        "The six stages of a cycle of collective enquiry, in order. A PLC that enquires "
        "into its learners' results goes through all six in a year."
    ),
    "plc.cycle_list_label": "Stages in {year}",
    "plc.stage_reached": "Reached",
    "plc.stage_missing": "Missing",
    "plc.cycle_summary": "{reached} of 6 stages reached in {year}.",
    "plc.cycle_missing": "Missing: {stages}.",
    "plc.cycle_caption": "Enquiry-cycle stages reached, by year",
    "plc.download_cycle": "Download CSV: enquiry-cycle stages by year",
    "plc.col_stages": "Stages reached",
    # The review
    "plc.review_heading": "Review: the nine features of effective PLCs",
    "plc.review_intro": (
        "Each of Harris and Jones's nine features is scored 1 to 5 in the PLC's review of "
        "the year, shown beside the mean of the {n} PLCs reviewed that year."
    ),
    "plc.review_none": "{name} had no review in {year}.",
    "plc.review_caption": "Review scores by feature and year, with the mean of all PLCs, {year}",
    "plc.features_summary": "The nine features in Harris and Jones's words",
    "plc.col_feature": "Feature",
    "plc.this_plc": "This PLC, {year}",
    "plc.all_plcs": "Mean of all PLCs, {year}",
    "plc.review_axis": "Score (1 to 5)",
    "plc.download_review": "Download CSV: review scores by feature and year",
    # Activity and health over the years
    "plc.activity_heading": "Activity over the years",
    "plc.activity_intro": (
        "Activities (meetings) recorded in each year the PLC was active, with its member "
        "schools and members. Attendance counts member-meetings; it is withheld (c) "
        "when the members are."
    ),
    "plc.activity_caption": "Activity and membership of {name} by year",
    "plc.activity_axis": "Activities",
    "plc.activity_hover": "{year}: {activities} activities, {schools} member schools",
    "plc.col_schools": "Member schools",
    "plc.col_members": "Members",
    "plc.col_las": "Local authorities",
    "plc.col_activities": "Activities",
    "plc.col_attendance": "Attendance",
    "plc.col_per_member": "Attendance per member",
    "plc.download_activity": "Download CSV: activity by year",
    "plc.health_heading": "Health over the years",
    "plc.health_caption": "Health score, review, enquiry cycle and shallow flag of {name} by year",
    "plc.col_health": "Health score",
    "plc.col_review_mean": "Review mean (1 to 5)",
    "plc.col_shallow": "Shallow",
    "plc.download_health": "Download CSV: health by year",
    # Member schools
    "plc.members_heading": "Member schools in {year}",
    "plc.members_caption": "Member schools of {name}, {year}",
    "plc.members_empty": "No school was a member of {name} in {year}.",
    "plc.col_school": "School",
    "plc.col_number": "School number",
    "plc.col_la": "Local authority",
    "plc.col_sector": "Sector",
    "plc.col_category": "Support category",
    "plc.col_lead": "Lead school",
    "plc.yes": "Yes",
    "plc.no": "No",
    "plc.no_category": "Not categorised",
    "plc.download_members": "Download CSV: member schools",
}
