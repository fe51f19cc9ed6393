"""English messages of the data page (pages/data.py, components/data.py)."""

from __future__ import annotations

MESSAGES: dict[str, str] = {
    "data.nav": "Data",
    "data.title": "The data",
    "data.intro": (
        "Where the figures come from: when the data were refreshed and from which files, "
        "the rows set aside and why, the sources and their licences, and what every measure "
        "means."
    ),
    # Refreshes
    "data.runs_heading": "Refreshes",
    "data.runs_intro": (
        "Each successful refresh published a complete new database; the latest is in "
        "service. A refresh that fails leaves the published data as they were and is "
        "recorded only in the run log beside the database. Times are UTC."
    ),
    "data.runs_caption": "The latest {count} successful refreshes, newest first",
    "data.column_run": "Refresh",
    "data.column_started": "Started (UTC)",
    "data.column_finished": "Finished (UTC)",
    "data.column_seconds": "Seconds",
    "data.column_trigger": "Started by",
    "data.column_files_read": "Files read",
    "data.column_files_changed": "Files new or changed",
    "data.column_rows_read": "Rows read",
    "data.column_rows_set_aside": "Rows set aside",
    "data.column_message": "Message",
    "data.column_outcome": "Outcome",
    "data.outcome_published": "Published",
    "data.outcome_failed": "Failed: nothing published",
    "data.runs_caption_failed": (
        "The latest {count} successful refreshes and the {failed} that failed since, newest first"
    ),
    "data.failed_label": "The last refresh failed.",
    "data.failed_notice": "It started at {time} UTC and stopped: {message}",
    "data.failed_shown": "The data shown are from the refresh that finished at {time} UTC.",
    "data.failed_count": (
        "{count} refreshes have failed since then; all are listed under Refreshes."
    ),
    "data.damaged_label": "The database published last cannot be read.",
    "data.damaged_notice": (
        "The data shown are still those of the refresh that finished at {time} UTC. "
        "What is wrong: {problem} Run the refresh again, or put back a good copy "
        "(docs/operations.md)."
    ),
    "data.first_run": "First refresh",
    "data.trigger_manual": "By hand",
    "data.trigger_make": "make",
    "data.trigger_schedule": "Schedule",
    "data.trigger_cron": "cron",
    "data.download_runs": "Download CSV: refreshes",
    # Files
    "data.files_heading": "Files read by the latest refresh",
    "data.files_intro": (
        "Every file a refresh reads is kept once in the archive folder beside the database, "
        "named by its SHA-256 checksum ({example}), with a manifest of each refresh's files "
        "({manifest})."
    ),
    "data.files_caption": "Files read by refresh {run_id}, in the order read",
    "data.files_none": "No refresh has recorded the files it read.",
    "data.column_file": "File",
    "data.column_kind": "Read as",
    "data.column_encoding": "Encoding",
    "data.column_rows": "Rows",
    "data.column_sha256": "SHA-256 checksum",
    "data.column_archived_as": "Archived as",
    "data.kind_local_authorities": "Local authorities",
    "data.kind_address_list": "Address list of schools",
    "data.kind_categorisation": "Support categories",
    "data.kind_locations": "School locations",
    "data.kind_boundaries_geojson": "LA boundaries (GeoJSON)",
    "data.kind_boundaries_topojson": "LA boundaries (TopoJSON)",
    "data.kind_plcs": "PLCs",
    "data.kind_plc_memberships": "PLC memberships",
    "data.kind_plc_activities": "PLC activities",
    "data.kind_plc_reviews": "PLC reviews",
    "data.kind_school_outcomes": "School outcomes",
    "data.download_files": "Download CSV: files read",
    # Rows set aside
    "data.rejected_heading": "Rows set aside",
    "data.rejected_intro": (
        "Rows that broke the data contract were set aside by refresh {run_id} and the rest "
        "loaded. A row can be set aside for more than one reason. Reasons are as the refresh "
        "recorded them."
    ),
    "data.rejected_caption": "Rows set aside by file, table and reason",
    "data.rejected_axis": "Rows set aside",
    "data.rejected_none": "No rows were set aside.",
    "data.column_table": "Table",
    "data.column_reason": "Reason",
    "data.download_rejected": "Download CSV: rows set aside by reason",
    "data.rejected_rows_heading": "The first rows set aside",
    "data.rejected_rows_intro": (
        "Each problem with its file, line (the header is line 1), column and the value "
        "found. Member ids never leave the database, even pseudonymous ones: a value in a "
        "member-id column, or one that looks like a member id in any column, is hidden."
    ),
    "data.rejected_rows_caption": "The first {count} problems, by file and line",
    "data.column_line": "Line",
    "data.column_column": "Column",
    "data.column_value": "Value found",
    "data.value_hidden": "Hidden (member id)",
    "data.value_hidden_member_file": "Hidden (a file of member ids)",
    "data.value_hidden_looks_like": "Hidden (looks like a member id)",
    "data.details_data_team_only": (
        "The refresh history, the files read and the rows set aside are shown to the "
        "data team only."
    ),
    "data.download_rejected_rows": "Download CSV: the first rows set aside",
    # Sources and licences
    "data.sources_heading": "Sources and licences",
    "data.sources_intro": (
        "The published files plcnet reads and the terms they come under. Keep this "
        "attribution wherever these figures are shown or passed on."
    ),
    "data.sources_only": "Sources and their licences",
    "data.sources_caption": "Sources, their licences and the files the latest refresh read",
    "data.column_source": "Source",
    "data.column_origin": "Where it comes from",
    "data.column_licence": "Licence",
    "data.column_files_read_now": "Files read by the latest refresh",
    "data.source_local_authorities": (
        "The 22 local authorities: LA and ONS codes, English and Welsh names, regional "
        "consortium as in 2019"
    ),
    "data.origin_local_authorities": (
        "Compiled from the ONS codes and the consortium column of the categorisation list"
    ),
    "data.source_address_list": (
        "Welsh Government address list of schools, maintained schools: school number, name, "
        "LA, sector, language medium, pupils, postcode"
    ),
    "data.origin_address_list": (
        "Welsh Government, as kept in the public repository tomwhite/leveltheplayingfield "
        "(data/geo/)"
    ),
    "data.source_categorisation": (
        "National School Categorisation System: support categories (green, yellow, amber, red)"
    ),
    "data.origin_categorisation": (
        "Welsh Government, as kept in tomwhite/leveltheplayingfield (data/support-category/)"
    ),
    "data.source_locations": "School locations: school number to latitude and longitude",
    "data.origin_locations": "tomwhite/leveltheplayingfield (data/geo/)",
    "data.source_boundaries": "The local-authority boundaries, GeoJSON and TopoJSON",
    "data.origin_boundaries": (
        "The public repository martinjc/UK-GeoJSON (json/administrative/wal/), derived from "
        "ONS and Ordnance Survey open data"
    ),
    "data.source_contract": (
        "PLCs, memberships, activities, reviews and school outcomes (the data contract)"
    ),
    "data.origin_demo": "Synthetic: made by plcnet's seeded demo generator on the real schools",
    "data.origin_own": "The files loaded by whoever runs this plcnet",
    "data.licence_ogl": "Open Government Licence v3.0",
    "data.licence_locations": (
        "Open Government Licence v3.0; contains OS data © Crown copyright and database right"
    ),
    "data.licence_boundaries": (
        "CC BY 4.0, with OGL v3.0 / OS OpenData terms: contains OS data © Crown copyright "
        "and database right; contains National Statistics data © Crown copyright and "
        "database right"
    ),
    "data.licence_demo": "Synthetic data, under plcnet's own licence (MIT)",
    "data.licence_own": "As their owner sets",
    # Glossary
    "data.glossary_heading": "Glossary of measures",
    "data.glossary_intro": (
        "Every measure the pages show: what it is, what it is measured for, and the work it "
        "rests on. docs/measures.md gives every detail."
    ),
    "data.glossary_caption": "The {count} measures, by name",
    "data.column_measure": "Measure",
    "data.column_definition": "Definition",
    "data.column_measured_for": "Measured for",
    "data.column_references": "References",
}
