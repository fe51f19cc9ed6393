"""Every measure the dashboard shows: its name, definition, kind, what it is measured for
and where it comes from, in English and Welsh (no Dash and no database here).

Pages name and format measures through this one catalogue (``name_measure``,
``format_measure``), and the data page lists it whole as the glossary, so that a
measure reads the same everywhere. Definitions follow docs/measures.md.
"""

from __future__ import annotations

from dataclasses import dataclass

from dashboard.i18n import t
from dashboard.measures.impact import label_exposure
from dashboard.ui.labels import (
    REVIEW_FEATURES,
    describe_feature,
    format_share,
    label_broker_role,
    label_category,
    label_feature,
    label_measure,
)

__all__ = [
    "KINDS",
    "LEVELS",
    "TERMS",
    "Term",
    "cite",
    "define_measure",
    "find_term",
    "format_measure",
    "label_level",
    "name_measure",
    "write_measure_cell",
]

# How a value reads: a count, a share of 1 (shown as a percentage), a decimal (an
# index or a ratio), a yes/no flag, a support category, or an identifier.
KINDS = ("count", "share", "decimal", "flag", "category", "id")

# What a measure is measured for, in the order the glossary lists them.
LEVELS = ("chosen", "system", "group", "pair", "la", "school", "tie", "plc", "impact")


@dataclass(frozen=True)
class Term:
    """One measure: its column name, kind, what it is measured for and its references."""

    measure: str
    kind: str
    levels: tuple[str, ...]
    references: tuple[str, ...]


TERMS: tuple[Term, ...] = (
    # The overview's headline figures, for the schools the filters choose.
    Term("schools_in_plcs", "count", ("chosen",), ("plcnet",)),
    Term("active_plcs", "count", ("chosen",), ("plcnet",)),
    Term("cross_la_share", "share", ("chosen", "system"), ("plcnet",)),
    Term("isolated_schools", "count", ("chosen",), ("wasserman1994",)),
    # LAs, consortia and Wales (net_group_metrics) and the whole system.
    Term("n_schools", "count", ("group", "system"), ("address_list",)),
    Term("n_ties", "count", ("group", "system"), ("wasserman1994",)),
    Term("internal_ties", "count", ("group",), ("krackhardt1988",)),
    Term("external_ties", "count", ("group",), ("krackhardt1988",)),
    Term("density", "decimal", ("group", "system"), ("wasserman1994",)),
    Term("ei_index", "decimal", ("group",), ("krackhardt1988",)),
    Term("isolate_share", "share", ("group",), ("wasserman1994",)),
    Term("n_components", "count", ("group", "system"), ("wasserman1994",)),
    Term("giant_component_share", "share", ("group", "system"), ("wasserman1994",)),
    Term("mean_clustering", "decimal", ("group",), ("watts1998",)),
    Term("modularity_communities", "decimal", ("group", "system"), ("newman2006", "blondel2008")),
    Term("modularity_la", "decimal", ("group", "system"), ("newman2006",)),
    Term("nmi_communities_la", "decimal", ("group", "system"), ("danon2005",)),
    Term("assort_la", "decimal", ("group",), ("newman2003",)),
    Term("assort_medium", "decimal", ("group",), ("newman2003",)),
    Term("assort_sector", "decimal", ("group",), ("newman2003",)),
    Term("assort_category", "decimal", ("group",), ("newman2003", "categorisation")),
    Term("support_schools", "count", ("group",), ("categorisation",)),
    Term("n_support_tied", "count", ("group",), ("categorisation", "plcnet")),
    Term("support_tied_share", "share", ("group",), ("categorisation", "plcnet")),
    Term("cross_consortium_share", "share", ("system",), ("plcnet",)),
    Term("n_communities", "count", ("system",), ("blondel2008",)),
    Term("betweenness_error", "decimal", ("system",), ("brandes2007",)),
    # Comparing groups: the E-I matrix and the LAs most like one.
    Term("pair_ties", "count", ("pair",), ("krackhardt1988",)),
    Term("welsh_medium_share", "share", ("la",), ("address_list",)),
    Term("similarity_distance", "decimal", ("la",), ("everitt2011",)),
    # Each school (net_school_metrics).
    Term("degree", "count", ("school",), ("wasserman1994",)),
    Term("weighted_degree", "count", ("school",), ("wasserman1994",)),
    Term("betweenness", "decimal", ("school",), ("freeman1977",)),
    Term("clustering", "decimal", ("school",), ("watts1998",)),
    Term("n_plcs", "count", ("school",), ("plcnet",)),
    Term("cross_la_ties", "count", ("school",), ("plcnet",)),
    Term("cross_consortium_ties", "count", ("school",), ("plcnet",)),
    Term("is_isolate", "flag", ("school",), ("wasserman1994",)),
    Term("eigenvector", "decimal", ("school",), ("bonacich1972",)),
    Term("community_id", "id", ("school",), ("blondel2008",)),
    Term("support_category", "category", ("school",), ("categorisation",)),
    *(
        Term(f"broker_{role}", "count", ("school",), ("gould1989",))
        for role in ("coordinator", "gatekeeper", "representative", "itinerant", "liaison")
    ),
    Term("broker_total", "count", ("school",), ("gould1989",)),
    *(
        Term(f"partners_{category}", "count", ("school",), ("categorisation",))
        for category in ("green", "yellow", "amber", "red")
    ),
    Term("ties_gained", "count", ("school",), ("plcnet",)),
    Term("ties_lost", "count", ("school",), ("plcnet",)),
    # Each tie.
    Term("weight", "count", ("tie",), ("wasserman1994",)),
    # Each PLC (net_plc_metrics).
    Term("plc_schools", "count", ("plc",), ("plcnet",)),
    Term("n_members", "count", ("plc",), ("plcnet",)),
    Term("n_las", "count", ("plc",), ("plcnet",)),
    Term("n_activities", "count", ("plc",), ("plcnet",)),
    Term("attendance", "count", ("plc",), ("plcnet",)),
    Term("activity_per_member", "decimal", ("plc",), ("plcnet",)),
    Term("cycle_completeness", "share", ("plc",), ("dufour2006",)),
    *(Term(feature, "decimal", ("plc",), ("harris2010",)) for feature in REVIEW_FEATURES),
    Term("review_mean", "decimal", ("plc",), ("harris2010",)),
    Term("health_score", "decimal", ("plc",), ("plcnet", "harris2010", "dufour2006")),
    Term("is_shallow", "flag", ("plc",), ("plcnet", "dufour2004")),
    # Collaboration and improvement (net_school_exposure, impact_estimates).
    Term("deep_cross_plcs", "count", ("impact",), ("plcnet",)),
    Term("deep_cross_ties", "count", ("impact",), ("plcnet",)),
    Term("green_ties", "count", ("impact",), ("plcnet", "categorisation")),
    Term("any_cross_plcs", "count", ("impact",), ("plcnet",)),
    Term("attainment_change", "decimal", ("impact",), ("plcnet",)),
    Term("impact_estimate", "decimal", ("impact",), ("wooldridge2010",)),
    Term("confidence_interval", "decimal", ("impact",), ("cameron2015",)),
)

_FEATURES = frozenset(REVIEW_FEATURES)
_EXPOSURES = frozenset({"deep_cross_plcs", "deep_cross_ties", "green_ties", "any_cross_plcs"})

_BY_MEASURE = {term.measure: term for term in TERMS}


def find_term(measure: str) -> Term:
    """The term of ``measure``; KeyError for a measure the glossary does not define."""
    return _BY_MEASURE[measure]


def name_measure(measure: str, lang: str) -> str:
    """The name of a measure as every page shows it."""
    # Names that pages share already: the overview's, the review's features, the
    # brokerage roles, the partners' categories and the impact page's exposures.
    if measure in {"schools_in_plcs", "active_plcs", "cross_la_share", "isolated_schools"}:
        return label_measure(measure, lang)
    if measure in _FEATURES:
        return t("measure.review_feature", lang, feature=label_feature(measure, lang))
    if measure in _EXPOSURES:
        return label_exposure(measure, lang)
    if measure.startswith("broker_") and measure != "broker_total":
        role = label_broker_role(measure.removeprefix("broker_"), lang)
        return t("measure.broker_role", lang, role=role)
    if measure.startswith("partners_"):
        category = label_category(measure.removeprefix("partners_"), lang)
        return t("measure.partners", lang, category=category)
    names = {
        "n_schools": t("measure.n_schools", lang),
        "n_ties": t("measure.n_ties", lang),
        "internal_ties": t("measure.internal_ties", lang),
        "external_ties": t("measure.external_ties", lang),
        "density": t("measure.density", lang),
        "ei_index": t("measure.ei_index", lang),
        "isolate_share": t("measure.isolate_share", lang),
        "n_components": t("measure.n_components", lang),
        "giant_component_share": t("measure.giant_component_share", lang),
        "cross_consortium_share": t("measure.cross_consortium_share", lang),
        "n_communities": t("measure.n_communities", lang),
        "modularity_communities": t("measure.modularity_communities", lang),
        "modularity_la": t("measure.modularity_la", lang),
        "nmi_communities_la": t("measure.nmi_communities_la", lang),
        "betweenness_error": t("measure.betweenness_error", lang),
        "pair_ties": t("measure.pair_ties", lang),
        "welsh_medium_share": t("measure.welsh_medium_share", lang),
        "similarity_distance": t("measure.similarity_distance", lang),
        "degree": t("measure.degree", lang),
        "weighted_degree": t("measure.weighted_degree", lang),
        "betweenness": t("measure.betweenness", lang),
        "clustering": t("measure.clustering", lang),
        "n_plcs": t("measure.n_plcs", lang),
        "cross_la_ties": t("measure.cross_la_ties", lang),
        "cross_consortium_ties": t("measure.cross_consortium_ties", lang),
        "is_isolate": t("measure.is_isolate", lang),
        "eigenvector": t("measure.eigenvector", lang),
        "community_id": t("measure.community_id", lang),
        "mean_clustering": t("measure.mean_clustering", lang),
        "assort_la": t("measure.assort_la", lang),
        "assort_medium": t("measure.assort_medium", lang),
        "assort_sector": t("measure.assort_sector", lang),
        "assort_category": t("measure.assort_category", lang),
        "support_schools": t("measure.support_schools", lang),
        "n_support_tied": t("measure.n_support_tied", lang),
        "support_tied_share": t("measure.support_tied_share", lang),
        "support_category": t("measure.support_category", lang),
        "broker_total": t("measure.broker_total", lang),
        "ties_gained": t("measure.ties_gained", lang),
        "ties_lost": t("measure.ties_lost", lang),
        "weight": t("measure.weight", lang),
        "plc_schools": t("measure.plc_schools", lang),
        "n_members": t("measure.n_members", lang),
        "n_las": t("measure.n_las", lang),
        "n_activities": t("measure.n_activities", lang),
        "attendance": t("measure.attendance", lang),
        "activity_per_member": t("measure.activity_per_member", lang),
        "cycle_completeness": t("measure.cycle_completeness", lang),
        "review_mean": t("measure.review_mean", lang),
        "health_score": t("measure.health_score", lang),
        "is_shallow": t("measure.is_shallow", lang),
        "attainment_change": t("measure.attainment_change", lang),
        "impact_estimate": t("measure.impact_estimate", lang),
        "confidence_interval": t("measure.confidence_interval", lang),
    }
    return names[measure]


def define_measure(measure: str, lang: str) -> str:
    """What a measure is, in a sentence or two."""
    if measure in _FEATURES:  # Harris and Jones's own words
        return t("measure.review_feature_definition", lang, feature=describe_feature(measure, lang))
    definitions = {
        "schools_in_plcs": t("measure.schools_in_plcs_definition", lang),
        "active_plcs": t("measure.active_plcs_definition", lang),
        "cross_la_share": t("measure.cross_la_share_definition", lang),
        "isolated_schools": t("measure.isolated_schools_definition", lang),
        "n_schools": t("measure.n_schools_definition", lang),
        "n_ties": t("measure.n_ties_definition", lang),
        "internal_ties": t("measure.internal_ties_definition", lang),
        "external_ties": t("measure.external_ties_definition", lang),
        "density": t("measure.density_definition", lang),
        "ei_index": t("measure.ei_index_definition", lang),
        "isolate_share": t("measure.isolate_share_definition", lang),
        "n_components": t("measure.n_components_definition", lang),
        "giant_component_share": t("measure.giant_component_share_definition", lang),
        "cross_consortium_share": t("measure.cross_consortium_share_definition", lang),
        "n_communities": t("measure.n_communities_definition", lang),
        "modularity_communities": t("measure.modularity_communities_definition", lang),
        "modularity_la": t("measure.modularity_la_definition", lang),
        "nmi_communities_la": t("measure.nmi_communities_la_definition", lang),
        "betweenness_error": t("measure.betweenness_error_definition", lang),
        "pair_ties": t("measure.pair_ties_definition", lang),
        "welsh_medium_share": t("measure.welsh_medium_share_definition", lang),
        "similarity_distance": t("measure.similarity_distance_definition", lang),
        "degree": t("measure.degree_definition", lang),
        "weighted_degree": t("measure.weighted_degree_definition", lang),
        "betweenness": t("measure.betweenness_definition", lang),
        "clustering": t("measure.clustering_definition", lang),
        "n_plcs": t("measure.n_plcs_definition", lang),
        "cross_la_ties": t("measure.cross_la_ties_definition", lang),
        "cross_consortium_ties": t("measure.cross_consortium_ties_definition", lang),
        "is_isolate": t("measure.is_isolate_definition", lang),
        "eigenvector": t("measure.eigenvector_definition", lang),
        "community_id": t("measure.community_id_definition", lang),
        "mean_clustering": t("measure.mean_clustering_definition", lang),
        "assort_la": t("measure.assort_la_definition", lang),
        "assort_medium": t("measure.assort_medium_definition", lang),
        "assort_sector": t("measure.assort_sector_definition", lang),
        "assort_category": t("measure.assort_category_definition", lang),
        "support_schools": t("measure.support_schools_definition", lang),
        "n_support_tied": t("measure.n_support_tied_definition", lang),
        "support_tied_share": t("measure.support_tied_share_definition", lang),
        "support_category": t("measure.support_category_definition", lang),
        "broker_coordinator": t("measure.broker_coordinator_definition", lang),
        "broker_gatekeeper": t("measure.broker_gatekeeper_definition", lang),
        "broker_representative": t("measure.broker_representative_definition", lang),
        "broker_itinerant": t("measure.broker_itinerant_definition", lang),
        "broker_liaison": t("measure.broker_liaison_definition", lang),
        "broker_total": t("measure.broker_total_definition", lang),
        "partners_green": t("measure.partners_green_definition", lang),
        "partners_yellow": t("measure.partners_yellow_definition", lang),
        "partners_amber": t("measure.partners_amber_definition", lang),
        "partners_red": t("measure.partners_red_definition", lang),
        "ties_gained": t("measure.ties_gained_definition", lang),
        "ties_lost": t("measure.ties_lost_definition", lang),
        "weight": t("measure.weight_definition", lang),
        "plc_schools": t("measure.plc_schools_definition", lang),
        "n_members": t("measure.n_members_definition", lang),
        "n_las": t("measure.n_las_definition", lang),
        "n_activities": t("measure.n_activities_definition", lang),
        "attendance": t("measure.attendance_definition", lang),
        "activity_per_member": t("measure.activity_per_member_definition", lang),
        "cycle_completeness": t("measure.cycle_completeness_definition", lang),
        "review_mean": t("measure.review_mean_definition", lang),
        "health_score": t("measure.health_score_definition", lang),
        "is_shallow": t("measure.is_shallow_definition", lang),
        "deep_cross_plcs": t("measure.deep_cross_plcs_definition", lang),
        "deep_cross_ties": t("measure.deep_cross_ties_definition", lang),
        "green_ties": t("measure.green_ties_definition", lang),
        "any_cross_plcs": t("measure.any_cross_plcs_definition", lang),
        "attainment_change": t("measure.attainment_change_definition", lang),
        "impact_estimate": t("measure.impact_estimate_definition", lang),
        "confidence_interval": t("measure.confidence_interval_definition", lang),
    }
    return definitions[measure]


def cite(reference: str, lang: str) -> str:
    """The full reference of a source a definition rests on."""
    references = {
        "plcnet": t("reference.plcnet", lang),
        "address_list": t("reference.address_list", lang),
        "wasserman1994": t("reference.wasserman1994", lang),
        "krackhardt1988": t("reference.krackhardt1988", lang),
        "freeman1977": t("reference.freeman1977", lang),
        "watts1998": t("reference.watts1998", lang),
        "bonacich1972": t("reference.bonacich1972", lang),
        "blondel2008": t("reference.blondel2008", lang),
        "newman2006": t("reference.newman2006", lang),
        "danon2005": t("reference.danon2005", lang),
        "brandes2007": t("reference.brandes2007", lang),
        "everitt2011": t("reference.everitt2011", lang),
        "newman2003": t("reference.newman2003", lang),
        "gould1989": t("reference.gould1989", lang),
        "categorisation": t("reference.categorisation", lang),
        "harris2010": t("reference.harris2010", lang),
        "dufour2004": t("reference.dufour2004", lang),
        "dufour2006": t("reference.dufour2006", lang),
        "wooldridge2010": t("reference.wooldridge2010", lang),
        "cameron2015": t("reference.cameron2015", lang),
    }
    return references[reference]


def label_level(level: str, lang: str) -> str:
    """What a measure is measured for, in words."""
    levels = {
        "chosen": t("measure.level_chosen", lang),
        "system": t("measure.level_system", lang),
        "group": t("measure.level_group", lang),
        "pair": t("measure.level_pair", lang),
        "la": t("measure.level_la", lang),
        "school": t("measure.level_school", lang),
        "tie": t("measure.level_tie", lang),
        "plc": t("measure.level_plc", lang),
        "impact": t("measure.level_impact", lang),
    }
    return levels[level]


def format_measure(measure: str, value: float | str | None, lang: str) -> str:
    """A value as shown: a count with separators, a share as a percentage, a decimal to
    three places, a flag as yes or no; "No data" when missing."""
    if value is None:
        return t("headline.no_data", lang)
    kind = find_term(measure).kind
    if kind == "share":
        return format_share(value)
    if kind == "decimal":
        return f"{value:.3f}"
    if kind == "flag":
        return t("measure.yes", lang) if value else t("measure.no", lang)
    if kind == "category":
        return label_category(str(value), lang)
    return f"{round(value):,}"


def write_measure_cell(measure: str, value: float | str | None) -> object:
    """A value as a CSV cell: shares in percent to one decimal place (as the tables show
    them), decimals to six places, counts as whole numbers, categories by their code;
    empty when missing."""
    if value is None:
        return ""
    kind = find_term(measure).kind
    if kind == "share":
        return f"{value * 100:.1f}"
    if kind == "decimal":
        return f"{value:.6f}"
    if kind == "category":
        return str(value)
    return round(value)
