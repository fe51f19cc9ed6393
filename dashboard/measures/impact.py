"""Names and number formats of the impact page (no Dash and no database here): its
models, the units of the measures of collaboration (exposures), estimates and p-values
as shown. The exposures themselves are named by the catalogue (name_measure)."""

from __future__ import annotations

from dashboard.i18n import t
from dashboard.ui.labels import label_sector

__all__ = [
    "SECTOR_MODEL_PREFIX",
    "format_p_value",
    "format_points",
    "label_model",
    "label_subgroup",
    "label_unit",
]

# impact_estimates names the main model within one sector sector_<sector>.
SECTOR_MODEL_PREFIX = "sector_"


def label_model(model: str, lang: str) -> str:
    """The name of a model of impact_estimates; an unknown one as it is."""
    if model.startswith(SECTOR_MODEL_PREFIX):
        sector = label_sector(model.removeprefix(SECTOR_MODEL_PREFIX), lang)
        return t("impact.model_sector", lang, sector=sector)
    names = {
        "main": t("impact.model_main", lang),
        "year_effects_only": t("impact.model_year_effects_only", lang),
        "deep_cross_ties": t("impact.model_deep_cross_ties", lang),
        "green_ties": t("impact.model_green_ties", lang),
        "any_cross_plcs": t("impact.model_any_cross_plcs", lang),
    }
    return names.get(model, model)


def label_subgroup(model: str, lang: str) -> str:
    """The schools a model includes: all, or one sector."""
    if model.startswith(SECTOR_MODEL_PREFIX):
        sector = label_sector(model.removeprefix(SECTOR_MODEL_PREFIX), lang)
        return t("impact.subgroup_sector", lang, sector=sector)
    return t("impact.subgroup_all", lang)


def label_unit(exposure: str, lang: str) -> str:
    """One unit of an exposure, as in "per deep cross-school PLC"."""
    names = {
        "deep_cross_plcs": t("impact.unit_deep_cross_plcs", lang),
        "deep_cross_ties": t("impact.unit_deep_cross_ties", lang),
        "green_ties": t("impact.unit_green_ties", lang),
        "any_cross_plcs": t("impact.unit_any_cross_plcs", lang),
    }
    return names.get(exposure, exposure)


def format_points(value: float) -> str:
    """Attainment points to two decimal places, negatives with a true minus sign (U+2212,
    read as "minus"): "1.03", "\u22120.25"; a value that rounds to zero is "0.00"."""
    text = f"{value:.2f}"
    if text == "-0.00":
        return "0.00"
    return "\u2212" + text[1:] if text.startswith("-") else text


def format_p_value(p: float) -> str:
    """A p-value as statistics publications show it: "0.023", or "<0.001"."""
    return "<0.001" if p < 0.001 else f"{p:.3f}"
