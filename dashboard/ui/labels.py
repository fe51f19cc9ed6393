"""Names and number formats shared by figures, tables and headline cards (no Dash here).

The names of measures are the catalogue's (dashboard/measures/catalogue.py); the names
here are of the things measures are broken down by: categories, sectors, stages ...

The focus areas and support categories are a school system's vocabularies
(docs/systems.md): the catalogues name Wales's, in English and Welsh; a value they do
not name takes its name from the system of the database served, else stays as it is.
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from dashboard.core.system import served_system
from dashboard.i18n import t
from etl.public import ENQUIRY_STAGES, REVIEW_FEATURES, WALES, System
from etl.public import FOCUS_AREAS as CONTRACT_FOCUS_AREAS

__all__ = [
    "BROKER_ROLES",
    "CATEGORIES",
    "FOCUS_AREAS",
    "HEADLINE_MEASURES",
    "MEDIA",
    "REVIEW_FEATURES",
    "SECTORS",
    "SHALLOW_REASONS",
    "SHARE_MEASURES",
    "STAGES",
    "SUPPRESSION_THRESHOLD",
    "WORD_FIELDS",
    "describe_feature",
    "describe_no_map",
    "describe_no_outcome",
    "describe_shallow",
    "explain_measure",
    "format_change",
    "format_change_amount",
    "format_count",
    "format_figure",
    "format_health",
    "format_share",
    "format_value",
    "group_name",
    "label_broker_role",
    "label_category",
    "label_feature",
    "label_focus",
    "label_medium",
    "label_membership_type",
    "label_scope",
    "label_sector",
    "label_shallow_reason",
    "label_stage",
    "label_support_year",
    "level_name",
    "level_words",
    "sort_focus_areas",
    "sort_media",
    "sort_sectors",
    "system_has_focus_areas",
    "system_has_language_media",
    "system_has_map",
    "system_has_outcome",
    "system_of_page",
    "to_number",
]

# The four headline figures of the overview, in the order shown.
HEADLINE_MEASURES = ("schools_in_plcs", "active_plcs", "cross_la_share", "isolated_schools")

# Support categories from least to most support needed, as the Welsh Government lists them
# (systems/wales.toml).
CATEGORIES = WALES.categories("support_category")

# School sectors and language media as the Welsh Government's address list gives
# them, in the order the filters offer them; values not listed follow, by name.
SECTORS = ("nursery", "primary", "middle", "secondary", "special")
MEDIA = (
    "welsh",
    "dual_stream",
    "transitional",
    "bilingual",
    "english_significant_welsh",
    "english",
    "not_applicable",
)

# PLC focus areas in the order the filters offer them (the contract's own order).
FOCUS_AREAS = CONTRACT_FOCUS_AREAS

# Measures that are fractions of 1, shown as percentages; their changes are in points.
SHARE_MEASURES = frozenset({"cross_la_share"})


def label_category(category: str, lang: str) -> str:
    """The name of a support category (green, yellow, amber, red)."""
    names = {
        "green": t("category.green", lang),
        "yellow": t("category.yellow", lang),
        "amber": t("category.amber", lang),
        "red": t("category.red", lang),
    }
    return names.get(category) or _system_name("support_category", category, lang)


def label_support_year(year: object, has_plc_data: bool, lang: str) -> str:
    """The year of a support category; a year with outcomes only says so, since the
    network and the PLCs have nothing for it."""
    if has_plc_data:
        return str(year)
    return t("filters.year_outcomes_only", lang, year=year)


def label_sector(sector: str, lang: str) -> str:
    """The name of a school sector; an unknown one as it is."""
    names = {
        "nursery": t("sector.nursery", lang),
        "primary": t("sector.primary", lang),
        "middle": t("sector.middle", lang),
        "secondary": t("sector.secondary", lang),
        "special": t("sector.special", lang),
    }
    return names.get(sector, sector)


def label_medium(medium: str, lang: str) -> str:
    """The name of a language medium; an unknown one as it is."""
    names = {
        "welsh": t("medium.welsh", lang),
        "dual_stream": t("medium.dual_stream", lang),
        "transitional": t("medium.transitional", lang),
        "bilingual": t("medium.bilingual", lang),
        "english_significant_welsh": t("medium.english_significant_welsh", lang),
        "english": t("medium.english", lang),
        "not_applicable": t("medium.not_applicable", lang),
    }
    return names.get(medium, medium)


def label_focus(focus: str, lang: str) -> str:
    """The name of a PLC focus area; an unknown one as it is."""
    names = {
        "literacy": t("focus.literacy", lang),
        "numeracy": t("focus.numeracy", lang),
        "welsh_language": t("focus.welsh_language", lang),
        "digital_competence": t("focus.digital_competence", lang),
        "additional_learning_needs": t("focus.additional_learning_needs", lang),
        "assessment_for_learning": t("focus.assessment_for_learning", lang),
        "leadership": t("focus.leadership", lang),
        "wellbeing": t("focus.wellbeing", lang),
    }
    return names.get(focus) or _system_name("focus_areas", focus, lang)


def _system_name(vocabulary: str, code: str, lang: str) -> str:
    """The name the served system gives ``code`` of a vocabulary (focus_areas, or a
    category measure's code); the code itself when it gives none."""
    system = served_system()
    if system is None:
        return code
    measure = system.outcome_measure(vocabulary)
    terms = measure.categories if measure else system.focus_areas
    term = next((term for term in terms if term.code == code), None)
    return term.name.text(lang) if term else code


def label_scope(scope: str, lang: str) -> str:
    """The name of a PLC scope: within, between or across schools; an unknown one as it is."""
    names = {
        "within_school": t("scope.within_school", lang),
        "between_schools": t("scope.between_schools", lang),
        "across_las": t("scope.across_las", lang),
        "across_consortia": t("scope.across_consortia", lang, **level_words(lang)),
    }
    return names.get(scope, scope)


def label_membership_type(membership_type: str, lang: str) -> str:
    """Whether a PLC's members chose to join (self-selected) or were assigned."""
    names = {
        "self_selected": t("membership_type.self_selected", lang),
        "assigned": t("membership_type.assigned", lang),
    }
    return names.get(membership_type, membership_type)


def _in_order(values: Iterable[str], order: tuple[str, ...]) -> list[str]:
    rank = {value: index for index, value in enumerate(order)}
    return sorted(values, key=lambda v: (rank.get(v, len(order)), v))


def sort_sectors(sectors: Iterable[str]) -> list[str]:
    return _in_order(sectors, SECTORS)


def sort_media(media: Iterable[str]) -> list[str]:
    return _in_order(media, MEDIA)


def sort_focus_areas(focus_areas: Iterable[str]) -> list[str]:
    """In the order of the served system's vocabulary (Wales's outside a request)."""
    system = served_system()
    return _in_order(focus_areas, system.focus_area_codes if system else FOCUS_AREAS)


# The wording of the levels and the groups (docs/systems.md, "The pages' wording").
# Messages name them by these fields, filled from the served system, so that a page
# says "Schools by parish" on the island and "Schools by local authority" in Wales:
# {la_word} {las_word} mid-sentence, {La_word} {Las_word} to start one or as a label,
# {la_abbr} {las_abbr} {La_abbr} where Wales writes "LA", {las_short_word} where it
# writes "authorities", the same for the consortium
# ({consortium_word} ...), and {group_word} {groups_word} {Group_word} {Groups_word}
# where Wales writes "PLC" ({group_long_word} for "professional learning community"
# in full, {Groups_long_word} for "Professional learning communities",
# {groups_long_word} mid-sentence), and
# {system_word} for the whole system ("Wales", "The Island"). A translation may leave
# a field out and write the word in the form its grammar needs (a Welsh mutation):
# only Wales speaks Welsh.
WORD_FIELDS = (
    "la_word", "las_word", "La_word", "Las_word", "la_abbr", "las_abbr", "La_abbr",
    "las_short_word",
    "consortium_word", "consortia_word", "Consortium_word", "Consortia_word",
    "group_word", "groups_word", "Group_word", "Groups_word",
    "group_long_word", "groups_long_word", "Groups_long_word", "system_word",
)  # fmt: skip


def system_of_page() -> System:
    """The system of the database served; Wales outside a request (a page built in a
    test, a CSV made without a request)."""
    return served_system() or WALES


def level_name(level: str, lang: str, *, plural: bool = False) -> str:
    """The served system's name of a level ("school", "local_authority", "consortium")
    as a label: "Local authority", "Awdurdodau lleol", "Parish"."""
    found = system_of_page().level(level)
    return (found.plural if plural else found.name).text(lang)


def group_name(lang: str, *, plural: bool = False) -> str:
    """What the pages call a group, mid-sentence: "PLC" where the system's groups are
    PLCs (Wales), else "group"."""
    plcs = system_of_page().group_kind_codes == ("plc",)
    if plcs:
        return t("wording.plcs", lang) if plural else t("wording.plc", lang)
    return t("wording.groups", lang) if plural else t("wording.group", lang)


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def _upper_first(text: str) -> str:
    return text[:1].upper() + text[1:]


def _la_abbreviation(lang: str, *, plural: bool, short: bool = False) -> str:
    """ "LA" ("authorities" if ``short``) where the system calls its LAs what Wales
    does, else the system's name."""
    name = level_name("local_authority", lang, plural=plural)
    wales = WALES.level("local_authority")
    if name != (wales.plural if plural else wales.name).text(lang):
        return _lower_first(name)
    if short:
        return t("wording.las_short", lang)
    return t("wording.las_abbr", lang) if plural else t("wording.la_abbr", lang)


def level_words(lang: str) -> dict[str, str]:
    """The WORD_FIELDS for the served system in ``lang``, to pass to t():
    ``t("regions.measure_heading", lang, **level_words(lang), measure=...)``."""
    words: dict[str, str] = {}
    for stem, plural_stem, level in (
        ("la", "las", "local_authority"),
        ("consortium", "consortia", "consortium"),
    ):
        one, many = level_name(level, lang), level_name(level, lang, plural=True)
        words[f"{stem}_word"], words[f"{plural_stem}_word"] = _lower_first(one), _lower_first(many)
        words[f"{_upper_first(stem)}_word"] = one
        words[f"{_upper_first(plural_stem)}_word"] = many
    abbreviation = _la_abbreviation(lang, plural=False)
    words |= {
        "la_abbr": abbreviation,
        "las_abbr": _la_abbreviation(lang, plural=True),
        "La_abbr": _upper_first(abbreviation),
        "las_short_word": _la_abbreviation(lang, plural=True, short=True),
    }
    group, groups = group_name(lang), group_name(lang, plural=True)
    words |= {"group_word": group, "groups_word": groups}
    words |= {"Group_word": _upper_first(group), "Groups_word": _upper_first(groups)}
    kinds = system_of_page().group_kinds
    long = kinds[0].name.text(lang) if len(kinds) == 1 and kinds[0].code == "plc" else group
    words["group_long_word"] = _lower_first(long)
    plcs = len(kinds) == 1 and kinds[0].code == "plc"
    words["Groups_long_word"] = t("wording.plcs_long", lang) if plcs else _upper_first(groups)
    words["groups_long_word"] = _lower_first(words["Groups_long_word"])
    words["system_word"] = system_of_page().title.text(lang)
    return words


def system_has_outcome(measure: str) -> bool:
    """Whether the served system measures ``measure`` (support_category, attainment):
    a page that needs it says plainly when it does not (ui/charts.build_absent_section)."""
    return system_of_page().outcome_measure(measure) is not None


def system_has_map(what: str) -> bool:
    """Whether the served system has ``what`` for a map: "locations" of its schools, or
    "boundaries" of its LAs (its [map] settings)."""
    return bool(getattr(system_of_page().map, what))


def describe_no_outcome(measure: str, lang: str) -> tuple[str, str]:
    """What a page says in place of a chart of ``measure`` (support_category,
    attainment) the served system does not measure, and why: (says, why)."""
    system = system_of_page()
    title = system.title.text(lang)
    if not system.outcome_measures:
        says = t("system.no_outcomes", lang)
    elif measure == "support_category":
        says = t("system.no_support_category", lang)
    else:
        says = t("system.no_attainment", lang)
    if measure == "support_category":
        return says, t("system.why_no_support_category", lang, system=title)
    return says, t("system.why_no_attainment", lang, system=title)


def describe_no_map(what: str, lang: str) -> tuple[str, str]:
    """What a page says in place of a map the served system cannot draw, and why:
    (says, why); ``what`` is what it lacks, "locations" or "boundaries"."""
    title = system_of_page().title.text(lang)
    if what == "locations":
        why = t("system.why_no_locations", lang, system=title)
    else:
        why = t("system.why_no_boundaries", lang, system=title, **level_words(lang))
    return t("system.no_map", lang), why


def system_has_focus_areas() -> bool:
    """Whether the served system's groups have focus areas to filter by."""
    return bool(system_of_page().focus_areas)


def system_has_language_media() -> bool:
    """Whether the served system's schools have a language medium to filter and list by:
    the medium is a column of Wales's address list of schools (the reader
    ``address_list``); a system whose schools come from elsewhere (England's GIAS) has
    none, and its schools are all "not_applicable"."""
    return any(file.reader == "address_list" for file in system_of_page().reference_files)


def explain_measure(measure: str, lang: str) -> str:
    """One sentence on what a headline measure counts."""
    help_texts = {
        "schools_in_plcs": t("headline.schools_in_plcs_help", lang, **level_words(lang)),
        "active_plcs": t("headline.active_plcs_help", lang, **level_words(lang)),
        "cross_la_share": t("headline.cross_la_share_help", lang, **level_words(lang)),
        "isolated_schools": t("headline.isolated_schools_help", lang, **level_words(lang)),
    }
    return help_texts[measure]


# Counts of people below this are suppressed in the queries (queries/_macros.sql).
SUPPRESSION_THRESHOLD = 5


def to_number(value: object) -> float | None:
    """A float, or None for a missing value (None, NaN, NA): a cell of a data frame as
    the formats below take it.

    >>> to_number(3), to_number(float("nan")), to_number(pd.NA), to_number(None)
    (3.0, None, None, None)
    """
    if value is None or pd.isna(value):
        return None
    return float(value)


def format_count(value: float | None, suppressed: bool, lang: str) -> str:
    """A count of people as shown: "c" where the query suppressed it (fewer than
    SUPPRESSION_THRESHOLD, or to protect such a count: docs/measures.md, "Disclosure
    control"), "No data" where it is missing, else with separators."""
    if suppressed:
        return t("suppression.symbol", lang)
    if value is None:
        return t("headline.no_data", lang)
    return f"{round(value):,}"


def format_figure(value: object, suppressed: bool, lang: str, digits: int = 0) -> str:
    """A figure worked out from a count of people (a health score, attendance per
    member) as shown: "c" where the query suppressed it with the count (secondary
    suppression, docs/measures.md), "" where it is missing, else to ``digits`` places."""
    if suppressed:
        return t("suppression.symbol", lang)
    if value is None or pd.isna(value):
        return ""
    return f"{float(value):.{digits}f}"


def format_share(share: float) -> str:
    """0.6667 -> "66.7%"."""
    return f"{share * 100:.1f}%"


def format_value(measure: str, value: float | None, lang: str) -> str:
    """A headline value as shown: a count with separators, or a percentage."""
    if value is None:
        return t("headline.no_data", lang)
    if measure in SHARE_MEASURES:
        return format_share(value)
    return f"{round(value):,}"


def format_change_amount(change: float, is_share: bool, lang: str) -> str | None:
    """The size of a change as shown: "2", "1,234" or, for a share, "8.3 points";
    None when it rounds to no change."""
    if is_share:
        points = round(abs(change) * 100, 1)
        return None if points == 0 else t("headline.points", lang, amount=f"{points:.1f}")
    return None if round(change) == 0 else f"{abs(round(change)):,}"


def format_change(measure: str, change: float | None, previous_year: str | None, lang: str) -> str:
    """The change from the year before in words: "Up 2 on 2017/18", "Down 8.3 points on ..."."""
    if change is None or previous_year is None:
        return t("headline.change_none", lang)
    amount = format_change_amount(change, measure in SHARE_MEASURES, lang)
    if amount is None:
        return t("headline.change_same", lang, year=previous_year)
    if change > 0:
        return t("headline.change_up", lang, amount=amount, year=previous_year)
    return t("headline.change_down", lang, amount=amount, year=previous_year)


# PLCs. The enquiry-cycle stages in cycle order and Harris and Jones's nine features
# in the review's order, both as the data contract has them; the reasons a PLC is
# flagged shallow, in the order net_plc_metrics.shallow_reasons lists them.
STAGES = ENQUIRY_STAGES
SHALLOW_REASONS = (
    "no_analysis_or_review",
    "low_learner_focus",
    "between_one_school",
    "no_activity",
    "low_activity",
)


def label_stage(stage: str, lang: str) -> str:
    """The name of an enquiry-cycle stage; an unknown one as it is."""
    names = {
        "analyse_data": t("stage.analyse_data", lang),
        "set_goals": t("stage.set_goals", lang),
        "research": t("stage.research", lang),
        "plan": t("stage.plan", lang),
        "act": t("stage.act", lang),
        "review": t("stage.review", lang),
    }
    return names.get(stage, stage)


def label_feature(feature: str, lang: str) -> str:
    """The short name of one of the nine features of the PLC review."""
    names = {
        "learner_focus": t("feature.learner_focus", lang),
        "trust": t("feature.trust", lang),
        "data_informed": t("feature.data_informed", lang),
        "innovation": t("feature.innovation", lang),
        "distributed_leadership": t("feature.distributed_leadership", lang),
        "broad_involvement": t("feature.broad_involvement", lang),
        "critical_enquiry": t("feature.critical_enquiry", lang),
        "reciprocal_accountability": t("feature.reciprocal_accountability", lang),
        "dissemination": t("feature.dissemination", lang),
    }
    return names.get(feature, feature)


def describe_feature(feature: str, lang: str) -> str:
    """A feature of the review in Harris and Jones's words."""
    words = {
        "learner_focus": t("feature.learner_focus_help", lang),
        "trust": t("feature.trust_help", lang),
        "data_informed": t("feature.data_informed_help", lang),
        "innovation": t("feature.innovation_help", lang),
        "distributed_leadership": t("feature.distributed_leadership_help", lang),
        "broad_involvement": t("feature.broad_involvement_help", lang),
        "critical_enquiry": t("feature.critical_enquiry_help", lang),
        "reciprocal_accountability": t("feature.reciprocal_accountability_help", lang),
        "dissemination": t("feature.dissemination_help", lang),
    }
    return words.get(feature, feature)


def label_shallow_reason(reason: str, lang: str) -> str:
    """A reason a PLC is flagged shallow (a code of net_plc_metrics) in words."""
    names = {
        "no_analysis_or_review": t("shallow.no_analysis_or_review", lang),
        "low_learner_focus": t("shallow.low_learner_focus", lang),
        "between_one_school": t("shallow.between_one_school", lang),
        "no_activity": t("shallow.no_activity", lang),
        "low_activity": t("shallow.low_activity", lang),
    }
    return names.get(reason, reason)


# Gould and Fernandez's brokerage roles, LAs as the groups, in the order of the
# columns broker_<role> of net_school_metrics (docs/measures.md, "Brokerage roles").
BROKER_ROLES = ("coordinator", "gatekeeper", "representative", "itinerant", "liaison")


def label_broker_role(role: str, lang: str) -> str:
    """The name of a brokerage role; an unknown one as it is."""
    names = {
        "coordinator": t("broker.coordinator", lang),
        "gatekeeper": t("broker.gatekeeper", lang),
        "representative": t("broker.representative", lang),
        "itinerant": t("broker.itinerant", lang),
        "liaison": t("broker.liaison", lang),
    }
    return names.get(role, role)


def format_health(score: object, suppressed: object, lang: str, digits: int = 0) -> str:
    """A health score (0 to 100) to the unit (or ``digits`` places); "c" where the
    query suppressed it, "" when missing."""
    return format_figure(score, bool(suppressed), lang, digits)


def describe_shallow(is_shallow: object, reasons: object, lang: str) -> str:
    """ "No", or "Yes: " and the reasons in words, so that the flag never rests on colour."""
    if not bool(is_shallow):
        return t("plcs.shallow_no", lang)
    words = "; ".join(label_shallow_reason(str(r), lang) for r in list(reasons))
    return t("plcs.shallow_yes", lang, reasons=words)
