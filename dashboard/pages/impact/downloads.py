"""CSV files of the impact page's charts: what the table beside each shows, with the
full precision of the published tables (no Dash and no database here)."""

from __future__ import annotations

import pandas as pd

from dashboard.core.downloads import write_csv
from dashboard.i18n import t
from dashboard.measures.catalogue import name_measure
from dashboard.measures.impact import format_p_value, label_model, label_subgroup
from dashboard.pages.impact.data import ALL_YEARS, ImpactData

__all__ = ["build_bands_csv", "build_variants_csv"]


def _cell(value: object) -> object:
    """An estimate, interval or mean at full precision (write_csv writes it positional,
    never as ``1.07e-06``); "" when missing."""
    return "" if value is None or pd.isna(value) else value


def build_variants_csv(data: ImpactData, lang: str) -> str:
    """One row per model: its estimate, standard error, interval, p-value and sample."""
    header = [
        t("impact.csv_model", lang),
        t("impact.csv_exposure", lang),
        t("impact.csv_subgroup", lang),
        t("impact.csv_estimate", lang),
        t("impact.csv_std_error", lang),
        t("impact.csv_ci_low", lang),
        t("impact.csv_ci_high", lang),
        t("impact.csv_p_value", lang),
        t("impact.csv_schools", lang),
        t("impact.csv_observations", lang),
        t("impact.csv_years", lang),
    ]
    rows = [
        [
            label_model(row.model, lang),
            name_measure(row.exposure, lang),
            label_subgroup(row.model, lang),
            _cell(row.estimate),
            _cell(row.std_error),
            _cell(row.ci_low),
            _cell(row.ci_high),
            "" if pd.isna(row.p_value) else format_p_value(row.p_value),
            row.n_schools,
            row.n_observations,
            row.n_years,
        ]
        for row in data.estimates.itertuples(index=False)
    ]
    return write_csv(header, rows)


def build_bands_csv(data: ImpactData, lang: str) -> str:
    """One row per band and year shown (all years, then the year chosen)."""
    header = [
        t("impact.csv_exposure", lang),
        t("impact.csv_band", lang),
        t("impact.csv_year", lang),
        t("impact.csv_schools", lang),
        t("impact.csv_observations", lang),
        t("impact.csv_mean", lang),
        t("impact.csv_ci_low", lang),
        t("impact.csv_ci_high", lang),
    ]
    exposure = name_measure(data.exposure, lang)
    rows = [
        [
            exposure,
            row.band,
            t("impact.csv_all_years", lang) if row.year == ALL_YEARS else row.year,
            row.n_schools,
            row.n_observations,
            _cell(row.mean_improvement),
            _cell(row.ci_low),
            _cell(row.ci_high),
        ]
        for row in data.bins.itertuples(index=False)
    ]
    return write_csv(header, rows)
