"""English messages of the regions page (pages/regions.py, components/regions.py)."""

from __future__ import annotations

MESSAGES: dict[str, str] = {
    "regions.nav": "Regions",
    "regions.title": "Local authorities and consortia",
    "regions.intro": (
        "How the local authorities and consortia compare on every network measure: where "
        "collaboration stays inside a region and where it crosses its lines, and which "
        "authorities are most alike."
    ),
    "regions.not_filtered": (
        "The measures are computed over all the schools of each local authority and "
        "consortium, so sector, language medium and PLC focus cannot narrow them and are not "
        "offered here. The local authorities listed are those of the consortium chosen; the "
        "authority chosen is marked and compared with those most like it."
    ),
    "regions.measure_label": "Measure shown",
    "regions.chosen": "{name} (chosen)",
    # Every measure side by side
    "regions.table_heading": "Every measure, {year}",
    "regions.table_intro": (
        'Each local authority and consortium beside Wales. "No data" marks a measure with '
        "no value there: modularity and NMI are computed for consortia and Wales only, and "
        "assortativity is undefined where every tie joins schools of one kind (by LA, always "
        "within one authority). The glossary on the Data page defines every measure."
    ),
    "regions.table_caption": (
        "Network measures of the local authorities of {region}, the consortia and Wales, {year}"
    ),
    "regions.sort_label": "Sort the table by",
    "regions.sort_name": "Name (A to Z)",
    "regions.sort_desc": "{measure}, highest first",
    "regions.sort_asc": "{measure}, lowest first",
    "regions.column_name": "Name",
    "regions.column_code": "Code",
    "regions.column_level": "Level",
    "regions.level_la": "Local authority",
    "regions.level_consortium": "Consortium",
    "regions.group_las": "Local authorities",
    "regions.group_consortia": "Consortia",
    "regions.download_measures": (
        "Download CSV: every measure of the local authorities, consortia and Wales"
    ),
    # One measure by LA, and its map
    "regions.measure_heading": "{measure} by local authority, {year}",
    "regions.measure_caption": "{measure} by local authority, {region}, {year}, and Wales",
    "regions.wales_line": "Wales: {value}",
    "regions.not_for_las": (
        "{measure} has no value for any single local authority (it is computed for consortia "
        "and Wales only, or is undefined within one authority): see the consortia and Wales "
        "in the table above."
    ),
    "regions.download_measure": "Download CSV: the measure shown by local authority",
    "regions.map_heading": "Map: {measure}, {year}",
    "regions.map_intro": (
        "Darker local authorities have higher values; the authority or consortium chosen is "
        "ringed. The table gives each authority's figure."
    ),
    "regions.map_caption": "{measure} by local authority, with its ONS code, {year}",
    "regions.map_missing": "No local-authority boundaries are loaded, so the map cannot be drawn.",
    "regions.column_ons": "ONS code",
    "regions.download_map": "Download CSV: the figures on the map",
    # The E-I matrices
    "regions.la_pairs_heading": "Ties between local authorities (E-I matrix), {year}",
    "regions.consortium_pairs_heading": "Ties between consortia (E-I matrix), {year}",
    "regions.pairs_intro": (
        "Each cell counts the ties between a school of the row's group and a school of the "
        "column's; the diagonal holds the ties within a group. The colour shows the share of "
        "the row's ties that go to the column. Beside each row: its ties within, its ties out "
        "and its E-I index."
    ),
    "regions.la_pairs_caption": (
        "Ties between the local authorities of {region} (rows) and every local authority "
        "(columns), {year}"
    ),
    "regions.consortium_pairs_caption": "Ties between consortia, {year}",
    "regions.pairs_scale": "Share of the row's ties",
    "regions.pairs_hover": "{row} and {column}: {ties} ties, {share} of the ties of {row}",
    "regions.pairs_too_many": (
        "There are {count} local authorities: choose a consortium to see the ties of its "
        "authorities to every other."
    ),
    "regions.column_from_code": "From code",
    "regions.column_from": "From",
    "regions.column_to_code": "To code",
    "regions.column_to": "To",
    "regions.download_la_pairs": "Download CSV: ties between local authorities",
    "regions.download_consortium_pairs": "Download CSV: ties between consortia",
    # The LAs most like the one chosen
    "regions.similar_heading": "Local authorities most like {la}",
    "regions.similar_heading_none": "Local authorities most alike",
    "regions.similar_choose": (
        "Choose a local authority in the filters to see the authorities most like it."
    ),
    "regions.similar_intro": (
        "The {count} local authorities nearest to {la} by number of schools and Welsh-medium "
        "share, each standardised over all authorities (standardised Euclidean distance), "
        "with their {measure} in {year} against {la}'s and against Wales. No share of pupils "
        "eligible for free school meals is in the data (neither the address list of schools "
        "nor the data contract holds one), so it cannot count."
    ),
    "regions.similar_caption": "{la} and the local authorities most like it, with Wales, {year}",
    "regions.column_rank": "Rank",
    "regions.download_similar": "Download CSV: the local authorities most alike",
}
