"""Every measure the dashboard shows: its name, definition, kind, what it is measured for
and where it comes from, in English and Welsh (no Dash and no database here).

Each measure is declared once, as one ``Term`` of ``TERMS``; every lookup (``find_term``,
``name_measure``, ``define_measure``, ``format_measure``, ``write_measure_cell``) is
read from that list. Pages name and format measures through this one catalogue, and the
data page lists it whole as the glossary, so that a measure reads the same everywhere.
Definitions follow docs/measures.md. The words themselves are messages of the PO
catalogues (dashboard/locale): a term names the keys of its messages.

>>> name_measure("density", "en")
'Density'
>>> format_measure("betweenness", 0.012345, "en")
'0.0123'
>>> format_measure("degree", 4 / 3, "en")  # a mean of a count
'1.3'
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import partial

from dashboard.i18n import t
from dashboard.ui.labels import (
    BROKER_ROLES,
    CATEGORIES,
    REVIEW_FEATURES,
    describe_feature,
    format_share,
    label_broker_role,
    label_category,
    label_feature,
    level_words,
    system_has_language_media,
)

__all__ = [
    "KINDS",
    "LEVELS",
    "REFERENCES",
    "TERMS",
    "Term",
    "cite",
    "define_measure",
    "find_term",
    "format_measure",
    "glossary_entries",
    "label_level",
    "message_keys",
    "name_measure",
    "write_measure_cell",
]

# How a value reads: a count, a share of 1 (shown as a percentage), a decimal (an
# index or a ratio), a yes/no flag, a support category, or an identifier.
KINDS = ("count", "share", "decimal", "flag", "category", "id")

# What a measure is measured for, in the order the glossary lists them; each is named
# by the message measure.level_<level>.
LEVELS = (
    "chosen",
    "system",
    "group",
    "pair",
    "la",
    "school",
    "tie",
    "plc",
    "impact",
    "refresh",
)

# The sources a definition rests on; each is cited by the message reference.<reference>.
REFERENCES = (
    "plcnet",
    "address_list",
    "wasserman1994",
    "krackhardt1988",
    "freeman1977",
    "watts1998",
    "bonacich1972",
    "blondel2008",
    "newman2006",
    "danon2005",
    "brandes2007",
    "everitt2011",
    "newman2003",
    "gould1989",
    "categorisation",
    "harris2010",
    "dufour2004",
    "dufour2006",
    "wooldridge2010",
    "cameron2015",
    "gias",  # England's list of schools, cited in place of address_list (systems.md)
)

Fields = Callable[[str], dict[str, str]]


@dataclass(frozen=True)
class Term:
    """One measure: its column name, kind, what it is measured for, its references, the
    keys of the messages that name and define it, and how many places a decimal shows.

    The keys default to measure.<measure> and measure.<measure>_definition. A family of
    measures that shares one message ("Brokerage: {role}") gives its key and the fields
    that fill it (``name_fields``, ``definition_fields``: language -> fields).
    """

    measure: str
    kind: str
    levels: tuple[str, ...]
    references: tuple[str, ...]
    name_key: str = ""
    definition_key: str = ""
    name_fields: Fields | None = None
    definition_fields: Fields | None = None
    digits: int = 3

    def __post_init__(self) -> None:
        if not self.name_key:
            object.__setattr__(self, "name_key", f"measure.{self.measure}")
        if not self.definition_key:
            object.__setattr__(self, "definition_key", f"measure.{self.measure}_definition")


def _feature_name(feature: str, lang: str) -> dict[str, str]:
    return {"feature": label_feature(feature, lang)}


def _feature_words(feature: str, lang: str) -> dict[str, str]:
    return {"feature": describe_feature(feature, lang)}  # Harris and Jones's own words


def _role(role: str, lang: str) -> dict[str, str]:
    return {"role": label_broker_role(role, lang)}


def _category(category: str, lang: str) -> dict[str, str]:
    return {"category": label_category(category, lang)}


def _headline(measure: str, kind: str, levels: tuple[str, ...], reference: str) -> Term:
    """A headline figure of the overview: named as its card names it."""
    return Term(measure, kind, levels, (reference,), name_key=f"headline.{measure}")


def _exposure(measure: str, references: tuple[str, ...]) -> Term:
    """A measure of collaboration: named as the impact page names it."""
    return Term(measure, "count", ("impact",), references, name_key=f"impact.exposure_{measure}")


def _review_feature(feature: str) -> Term:
    return Term(
        feature,
        "decimal",
        ("plc",),
        ("harris2010",),
        name_key="measure.review_feature",
        definition_key="measure.review_feature_definition",
        name_fields=partial(_feature_name, feature),
        definition_fields=partial(_feature_words, feature),
    )


def _broker_role(role: str) -> Term:
    return Term(
        f"broker_{role}",
        "count",
        ("school",),
        ("gould1989",),
        name_key="measure.broker_role",
        name_fields=partial(_role, role),
    )


def _partners(category: str) -> Term:
    return Term(
        f"partners_{category}",
        "count",
        ("school",),
        ("categorisation",),
        name_key="measure.partners",
        name_fields=partial(_category, category),
    )


TERMS: tuple[Term, ...] = (
    # The overview's headline figures, for the schools the filters choose.
    _headline("schools_in_plcs", "count", ("chosen",), "plcnet"),
    _headline("active_plcs", "count", ("chosen",), "plcnet"),
    _headline("cross_la_share", "share", ("chosen", "system"), "plcnet"),
    _headline("isolated_schools", "count", ("chosen",), "wasserman1994"),
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
    # Each school (net_school_metrics). Betweenness is a small fraction in a network of
    # 1,500 schools: four places tell schools apart; clustering reads well to two.
    Term("degree", "count", ("school",), ("wasserman1994",)),
    Term("weighted_degree", "count", ("school",), ("wasserman1994",)),
    Term("betweenness", "decimal", ("school",), ("freeman1977",), digits=4),
    Term("clustering", "decimal", ("school",), ("watts1998",), digits=2),
    Term("n_plcs", "count", ("school",), ("plcnet",)),
    Term("cross_la_ties", "count", ("school",), ("plcnet",)),
    Term("cross_consortium_ties", "count", ("school",), ("plcnet",)),
    Term("is_isolate", "flag", ("school",), ("wasserman1994",)),
    Term("eigenvector", "decimal", ("school",), ("bonacich1972",)),
    Term("community_id", "id", ("school",), ("blondel2008",)),
    Term("support_category", "category", ("school",), ("categorisation",)),
    *(_broker_role(role) for role in BROKER_ROLES),
    Term("broker_total", "count", ("school",), ("gould1989",)),
    *(_partners(category) for category in CATEGORIES),
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
    *(_review_feature(feature) for feature in REVIEW_FEATURES),
    Term("review_mean", "decimal", ("plc",), ("harris2010",)),
    Term("health_score", "decimal", ("plc",), ("plcnet", "harris2010", "dufour2006")),
    Term("is_shallow", "flag", ("plc",), ("plcnet", "dufour2004")),
    # Collaboration and improvement (net_school_exposure, impact_estimates).
    _exposure("deep_cross_plcs", ("plcnet",)),
    _exposure("deep_cross_ties", ("plcnet",)),
    _exposure("green_ties", ("plcnet", "categorisation")),
    _exposure("any_cross_plcs", ("plcnet",)),
    Term("attainment_change", "decimal", ("impact",), ("plcnet",)),
    Term("impact_estimate", "decimal", ("impact",), ("wooldridge2010",)),
    Term("confidence_interval", "decimal", ("impact",), ("cameron2015",)),
    # The refresh (the data page): rows of the input files set aside, with their reason.
    Term("rows_set_aside", "count", ("refresh",), ("plcnet",)),
)

_BY_MEASURE = {term.measure: term for term in TERMS}


def _message(key: str, lang: str, fields: Fields | None = None) -> str:
    # The one call of t() whose key is not a literal: the keys are the catalogue's own,
    # listed by message_keys(), which test_i18n checks against the English catalogue.
    # Every message may name the system's levels and groups (labels.level_words).
    return t(key, lang, **level_words(lang), **(fields(lang) if fields else {}))


def message_keys() -> frozenset[str]:
    """The keys of every message the catalogue shows: names, definitions, levels and
    references."""
    keys = {key for term in TERMS for key in (term.name_key, term.definition_key)}
    keys |= {f"measure.level_{level}" for level in LEVELS}
    keys |= {f"reference.{reference}" for reference in REFERENCES}
    keys |= set(NO_MEDIUM_DEFINITIONS.values())
    return frozenset(keys)


def find_term(measure: str) -> Term:
    """The term of ``measure``; KeyError for a measure the glossary does not define."""
    return _BY_MEASURE[measure]


def glossary_entries(measures: Iterable[str], lang: str) -> tuple[tuple[str, str], ...]:
    """What a chart links to in the glossary (ui.charts.GlossaryEntry): each measure with
    its name; KeyError for one the glossary does not define, so no link leads nowhere."""
    return tuple((measure, name_measure(measure, lang)) for measure in measures)


def name_measure(measure: str, lang: str) -> str:
    """The name of a measure as every page shows it."""
    term = find_term(measure)
    return _message(term.name_key, lang, term.name_fields)


# Definitions that name the schools' language medium, and their words for a system
# whose schools have none (England): the similarity of LAs is by number of schools alone.
NO_MEDIUM_DEFINITIONS = {
    "similarity_distance": "measure.similarity_distance_definition_no_medium",
}


def define_measure(measure: str, lang: str) -> str:
    """What a measure is, in a sentence or two."""
    term = find_term(measure)
    key = term.definition_key
    if measure in NO_MEDIUM_DEFINITIONS and not system_has_language_media():
        key = NO_MEDIUM_DEFINITIONS[measure]
    return _message(key, lang, term.definition_fields)


def cite(reference: str, lang: str) -> str:
    """The full reference of a source a definition rests on."""
    if reference not in REFERENCES:
        raise KeyError(reference)
    return _message(f"reference.{reference}", lang)


def label_level(level: str, lang: str) -> str:
    """What a measure is measured for, in words."""
    if level not in LEVELS:
        raise KeyError(level)
    return _message(f"measure.level_{level}", lang)


def _is_missing(value: object) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


def format_measure(measure: str, value: float | str | None, lang: str) -> str:
    """A value as shown: a count with separators (a mean of counts to one place), a
    share as a percentage, a decimal to the term's places (three unless it says), a
    flag as yes or no, a category by its name; "No data" when missing."""
    if _is_missing(value):
        return t("headline.no_data", lang)
    term = find_term(measure)
    if term.kind == "share":
        return format_share(value)
    if term.kind == "decimal":
        return f"{value:.{term.digits}f}"
    if term.kind == "flag":
        return t("measure.yes", lang) if value else t("measure.no", lang)
    if term.kind == "category":
        return label_category(str(value), lang)
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.1f}"


def write_measure_cell(measure: str, value: float | str | None) -> object:
    """A value as a CSV cell: shares in percent to one decimal place (as the tables show
    them), decimals to six places, counts as whole numbers, categories by their code;
    empty when missing."""
    if _is_missing(value):
        return ""
    kind = find_term(measure).kind
    if kind == "share":
        return f"{value * 100:.1f}"
    if kind == "decimal":
        return f"{value:.6f}"
    if kind == "category":
        return str(value)
    return round(value)
