"""English messages of the impact page. The words are associative on purpose: schools
with more ... improved more on average; never "caused", "led to" or "the effect of"
(docs/measures.md, "What this does and does not show")."""

from __future__ import annotations

MESSAGES: dict[str, str] = {
    "impact.nav": "Impact",
    "impact.title": "Collaboration and improvement",
    "impact.intro": (
        "Did schools improve more in the years they took part in more deep cross-school "
        "PLCs? The estimates compare each school's years with more such PLCs with its own "
        "years with fewer, after the change common to all schools each year."
    ),
    "impact.scope": (
        "The estimates are for all schools in the data, pooled over {first} to {last}: the "
        "analysis is not broken down by region, so this page has no region filter. The year "
        "chosen applies to the chart of bands only."
    ),
    "impact.scope_none": "No changes in attainment are recorded, so there is nothing to show.",
    "impact.exposure_label": "Measure of collaboration in the chart of bands",
    # The main estimate
    "impact.main_heading": "Main estimate",
    "impact.main_more": (
        "Schools improved by {estimate} attainment points more on average in a year in which "
        "they took part in one more deep cross-school PLC than in their own other years "
        "(95% confidence interval {low} to {high})."
    ),
    "impact.main_less": (
        "Schools improved by {estimate} attainment points less on average in a year in which "
        "they took part in one more deep cross-school PLC than in their own other years "
        "(95% confidence interval {low} to {high})."
    ),
    "impact.main_zero_inside": (
        "The interval includes zero: the data are consistent with no association at all."
    ),
    "impact.main_zero_outside": (
        "The interval excludes zero: an association this large is unlikely to come from "
        "chance alone, but it is not evidence that the PLCs caused the improvement."
    ),
    "impact.main_basis": (
        "Based on {schools} schools and {observations} school-years of change over {years} years."
    ),
    "impact.main_none": (
        "No estimate: fewer than {min_schools} schools have their attainment recorded in two "
        "or more years."
    ),
    "impact.card_estimate": "Estimate",
    "impact.card_estimate_value": "{estimate} points",
    "impact.card_estimate_help": "Change in attainment per deep cross-school PLC in the year.",
    "impact.card_interval": "95% confidence interval",
    "impact.card_interval_value": "{low} to {high}",
    "impact.card_interval_help": "The range of values the data support; sampling error only.",
    "impact.card_schools": "Schools",
    "impact.card_schools_help": "Schools with attainment in two or more years.",
    "impact.card_observations": "School-years",
    "impact.card_observations_help": "Yearly changes in attainment behind the estimate.",
    # The variants
    "impact.variants_heading": "The estimate under other choices",
    "impact.variants_intro": (
        "The same analysis with another measure of collaboration, without comparing schools "
        "with themselves (year effects only), and within each sector. Each estimate is per "
        "unit of its own measure: compare each with zero, not with each other."
    ),
    "impact.variants_caption": "Estimates of the association by model, all years pooled",
    "impact.variants_axis": "Points per unit (95% interval)",
    "impact.variants_hover": (
        "{model}<br>{estimate} ({low} to {high}) per {unit}<br>{schools} schools"
    ),
    "impact.column_model": "Model",
    "impact.column_estimate": "Estimate (95% interval)",
    "impact.estimate_cell": "{estimate} ({low} to {high}) per {unit}",
    "impact.column_p_value": "p-value",
    "impact.column_schools": "Schools",
    "impact.column_observations": "School-years",
    "impact.model_main": "Main: deep cross-school PLCs",
    "impact.model_year_effects_only": "Year effects only (no comparison within schools)",
    "impact.model_deep_cross_ties": "Partner schools through deep PLCs",
    "impact.model_green_ties": "Partner schools in the green category",
    "impact.model_any_cross_plcs": "All cross-school PLCs, deep or shallow",
    "impact.model_sector": "Main, sector: {sector}",
    "impact.subgroup_all": "All schools",
    "impact.subgroup_sector": "Sector: {sector}",
    "impact.unit_deep_cross_plcs": "deep cross-school PLC",
    "impact.unit_deep_cross_ties": "partner school through deep PLCs",
    "impact.unit_green_ties": "green partner school",
    "impact.unit_any_cross_plcs": "cross-school PLC, deep or shallow",
    # The bands
    "impact.bands_heading": "Improvement by band of collaboration",
    "impact.bands_intro": (
        "The mean yearly change in attainment of the schools in each band, over all years and "
        "in the year chosen, with 95% confidence intervals. These are plain averages: unlike "
        "the estimates, they do not compare schools with themselves, so the bands differ in "
        "other ways too."
    ),
    "impact.bands_caption": (
        "Mean change in attainment (points) by band: {exposure} in the year; all years and {year}"
    ),
    "impact.bands_axis": "Mean change in attainment (points)",
    "impact.bands_all_years": "All years",
    "impact.bands_hover": (
        "{series}, {band}: {mean} ({low} to {high})<br>{schools} schools, {observations} "
        "school-years"
    ),
    "impact.bands_cell": "{mean} ({low} to {high})",
    "impact.bands_cell_no_interval": "{mean} (one school: no interval)",
    "impact.bands_no_year": "No change in attainment is recorded for {year}.",
    "impact.column_band": "Band",
    "impact.column_mean_of": "{series}: mean change (95% interval)",
    "impact.column_schools_of": "{series}: schools",
    "impact.exposure_deep_cross_plcs": "Deep cross-school PLCs",
    "impact.exposure_any_cross_plcs": "Cross-school PLCs, deep or shallow",
    "impact.exposure_green_ties": "Partner schools in the green category",
    "impact.exposure_deep_cross_ties": "Partner schools through deep PLCs",
    # What the figures show and do not show
    "impact.caveats_heading": "What these figures show and do not show",
    "impact.caveat_association": (
        "They show associations: schools in more deep cross-school PLCs improved more on "
        "average than in their own years with fewer. They do not show that collaboration "
        "caused the improvement."
    ),
    "impact.caveat_selection": (
        "Schools are not assigned to PLCs at random. Something that changes within a school "
        "from one year to the next (a new headteacher, a push from the local authority, extra "
        "funding) can bring both more collaboration and better results, and schools that have "
        "started to improve may join more PLCs."
    ),
    "impact.caveat_noise": (
        "Attainment is measured with noise: a school with an unusually poor year tends to do "
        "better the next (regression to the mean)."
    ),
    "impact.caveat_interval": (
        "The confidence intervals allow for sampling error only, not for these biases. The "
        "number of schools is shown beside every figure: bands with few schools have wide "
        "intervals."
    ),
    "impact.demo_note": (
        "These are demonstration data with a relation planted on purpose: each deep "
        "cross-school PLC adds {beta} attainment points to a school's change that year, and "
        "membership was drawn without looking at results. If the main estimate recovers it, "
        "that checks the computation; it says nothing about real schools."
    ),
    # Downloads
    "impact.download_variants": "Download CSV: estimates by model",
    "impact.download_bands": "Download CSV: improvement by band of collaboration",
    "impact.csv_model": "Model",
    "impact.csv_exposure": "Measure of collaboration",
    "impact.csv_subgroup": "Schools included",
    "impact.csv_estimate": "Estimate (points per unit)",
    "impact.csv_std_error": "Standard error (clustered by school)",
    "impact.csv_ci_low": "95% interval, low",
    "impact.csv_ci_high": "95% interval, high",
    "impact.csv_p_value": "p-value",
    "impact.csv_schools": "Schools",
    "impact.csv_observations": "School-years",
    "impact.csv_years": "Years of change",
    "impact.csv_band": "Band",
    "impact.csv_year": "Year",
    "impact.csv_mean": "Mean change in attainment (points)",
    "impact.csv_all_years": "all",
}
