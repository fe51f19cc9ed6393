"""Names and number formats shared by figures, tables and headline cards (no Dash here)."""

from __future__ import annotations

from dashboard.i18n import t

__all__ = [
    "CATEGORIES",
    "HEADLINE_MEASURES",
    "SHARE_MEASURES",
    "explain_measure",
    "format_change",
    "format_share",
    "format_value",
    "label_category",
    "label_measure",
]

# The four headline figures of the overview, in the order shown.
HEADLINE_MEASURES = ("schools_in_plcs", "active_plcs", "cross_la_share", "isolated_schools")

# Support categories from least to most support needed, as the Welsh Government lists them.
CATEGORIES = ("green", "yellow", "amber", "red")

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
    return names.get(category, category)


def label_measure(measure: str, lang: str) -> str:
    """The name of a headline measure."""
    names = {
        "schools_in_plcs": t("headline.schools_in_plcs", lang),
        "active_plcs": t("headline.active_plcs", lang),
        "cross_la_share": t("headline.cross_la_share", lang),
        "isolated_schools": t("headline.isolated_schools", lang),
    }
    return names[measure]


def explain_measure(measure: str, lang: str) -> str:
    """One sentence on what a headline measure counts."""
    help_texts = {
        "schools_in_plcs": t("headline.schools_in_plcs_help", lang),
        "active_plcs": t("headline.active_plcs_help", lang),
        "cross_la_share": t("headline.cross_la_share_help", lang),
        "isolated_schools": t("headline.isolated_schools_help", lang),
    }
    return help_texts[measure]


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


def format_change(measure: str, change: float | None, previous_year: str | None, lang: str) -> str:
    """The change from the year before in words: "Up 2 on 2017/18", "Down 8.3 points on ..."."""
    if change is None or previous_year is None:
        return t("headline.change_none", lang)
    if measure in SHARE_MEASURES:
        points = round(abs(change) * 100, 1)
        if points == 0:
            return t("headline.change_same", lang, year=previous_year)
        amount = t("headline.points", lang, amount=f"{points:.1f}")
    else:
        if round(change) == 0:
            return t("headline.change_same", lang, year=previous_year)
        amount = f"{abs(round(change)):,}"
    if change > 0:
        return t("headline.change_up", lang, amount=amount, year=previous_year)
    return t("headline.change_down", lang, amount=amount, year=previous_year)
