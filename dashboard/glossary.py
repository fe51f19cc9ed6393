"""Every measure the dashboard shows: its name, definition, kind, what it is measured for
and where it comes from, in English and Welsh (no Dash and no database here).

Pages name and format measures through this one catalogue (``name_measure``,
``format_measure``), and the data page lists it whole as the glossary, so that a
measure reads the same everywhere. Definitions follow docs/measures.md.
"""

from __future__ import annotations

from dataclasses import dataclass

from dashboard.i18n import t
from dashboard.labels import format_share, label_measure

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
# index or a ratio), a yes/no flag, or an identifier.
KINDS = ("count", "share", "decimal", "flag", "id")

# What a measure is measured for, in the order the glossary lists them.
LEVELS = ("chosen", "system", "group", "pair", "la", "school")


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
    Term("n_components", "count", ("system",), ("wasserman1994",)),
    Term("giant_component_share", "share", ("system",), ("wasserman1994",)),
    Term("cross_consortium_share", "share", ("system",), ("plcnet",)),
    Term("n_communities", "count", ("system",), ("blondel2008",)),
    Term("modularity_communities", "decimal", ("system",), ("newman2006", "blondel2008")),
    Term("modularity_la", "decimal", ("system",), ("newman2006",)),
    Term("nmi_communities_la", "decimal", ("system",), ("danon2005",)),
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
)

_BY_MEASURE = {term.measure: term for term in TERMS}


def find_term(measure: str) -> Term:
    """The term of ``measure``; KeyError for a measure the glossary does not define."""
    return _BY_MEASURE[measure]


def name_measure(measure: str, lang: str) -> str:
    """The name of a measure as every page shows it."""
    if measure in {"schools_in_plcs", "active_plcs", "cross_la_share", "isolated_schools"}:
        return label_measure(measure, lang)  # the overview's names
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
    }
    return names[measure]


def define_measure(measure: str, lang: str) -> str:
    """What a measure is, in a sentence or two."""
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
    }
    return levels[level]


def format_measure(measure: str, value: float | None, lang: str) -> str:
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
    return f"{round(value):,}"


def write_measure_cell(measure: str, value: float | None) -> object:
    """A value as a CSV cell: shares in percent to one decimal place (as the tables show
    them), decimals to six places, counts as whole numbers; empty when missing."""
    if value is None:
        return ""
    kind = find_term(measure).kind
    if kind == "share":
        return f"{value * 100:.1f}"
    if kind == "decimal":
        return f"{value:.6f}"
    return round(value)
