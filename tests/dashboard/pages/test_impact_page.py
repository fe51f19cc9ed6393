"""The impact page on the fixture database: its numbers are the hand-made rows of
fixtures.py (IMPACT_ESTIMATES, IMPACT_BINS), shown in words, tables, figures and CSV."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from dash import html
from dash.development.base_component import Component

from dashboard.core import ids
from dashboard.core.db import Database
from dashboard.core.filters import Choices, Filters
from dashboard.i18n import catalogue
from dashboard.measures.impact import format_p_value, format_points
from dashboard.pages.impact.data import ALL_YEARS, load_impact
from dashboard.pages.impact.downloads import build_bands_csv, build_variants_csv
from dashboard.pages.impact.figures import build_bands_figure, build_variants_figure
from dashboard.pages.impact.layout import (
    build_bands_table,
    build_impact_layout,
    build_variants_table,
    describe_main,
)
from tests.dashboard.components import text_of, walk
from tests.dashboard.fixtures import build_overview_db

DEEP = (("exposure", "deep_cross_plcs"),)
GREEN = (("exposure", "green_ties"),)


def _rows(table: Component) -> list[list[str]]:
    """The body of a table as text, row by row."""
    body = next(c for c in walk(table) if isinstance(c, html.Tbody))
    return [[text_of(cell) for cell in row.children] for row in body.children]


def _find(tree: Component, component_id: str) -> Component:
    return next(c for c in walk(tree) if getattr(c, "id", None) == component_id)


def test_estimates_come_main_first_then_its_exposure_then_the_rest(db: Database) -> None:
    data = load_impact(db, Filters("2018/19", options=DEEP))
    assert data.estimates["model"].tolist() == [
        "main",
        "year_effects_only",
        "sector_primary",
        "any_cross_plcs",
        "green_ties",
    ]
    assert data.main is not None
    assert (data.main["estimate"], data.main["n_schools"]) == (1.25, 40)


def test_bands_are_those_of_the_exposure_all_years_and_the_year(db: Database) -> None:
    data = load_impact(db, Filters("2018/19", options=DEEP))
    assert list(zip(data.bins["band"], data.bins["year"], strict=True)) == [
        ("0", "all"),
        ("0", "2018/19"),
        ("1", "all"),
        ("1", "2018/19"),
        ("2", "all"),
    ]
    assert data.bins_of("2018/19")["mean_improvement"].tolist() == [0.40, 1.75]
    assert (data.first_year, data.last_year) == ("2017/18", "2018/19")
    assert data.is_demo
    # A demo database carries the effect its demo planted (etl.demo.model.BETA).
    assert data.planted_effect == 1.0


def test_main_estimate_in_words(db: Database) -> None:
    main = load_impact(db, Filters("2018/19", options=DEEP)).main
    assert describe_main(main, "en", min_schools=30) == [
        "Schools improved by 1.25 attainment points more on average in a year in which they "
        "took part in one more deep cross-school PLC than in their own other years "
        "(95% confidence interval 0.86 to 1.64).",
        "The interval excludes zero: an association this large is unlikely to come from chance "
        "alone, but it is not evidence that the PLCs caused the improvement.",
        "Based on 40 schools and 80 school-years of change over 2 years.",
    ]


def test_main_estimate_in_welsh(db: Database) -> None:
    main = load_impact(db, Filters("2018/19", options=DEEP)).main
    assert describe_main(main, "cy", min_schools=30)[0] == (
        "Gwellodd ysgolion 1.25 pwynt cyrhaeddiad yn fwy ar gyfartaledd mewn blwyddyn pan "
        "oeddent mewn un CDP dwfn rhwng ysgolion yn fwy nag yn eu blynyddoedd eraill eu hunain "
        "(cyfwng hyder 95% 0.86 i 1.64)."
    )


def test_negative_estimate_with_zero_in_its_interval(db: Database) -> None:
    # The green_ties row read as if it were the main one: -0.25 (-0.46 to 0.04).
    estimates = load_impact(db, Filters("2018/19", options=DEEP)).estimates
    green = estimates[estimates["model"] == "green_ties"].iloc[0]
    said, zero, _ = describe_main(green, "en", min_schools=30)
    assert said.startswith("Schools improved by 0.25 attainment points less on average")
    assert said.endswith("(95% confidence interval \u22120.46 to 0.04).")
    assert zero == "The interval includes zero: the data are consistent with no association at all."


def test_no_main_estimate_says_why(db: Database) -> None:
    # The fewest schools comes from the database's refresh_settings, as the page reads it.
    data = load_impact(db, Filters("2018/19", options=DEEP))
    assert data.min_schools == 30
    assert describe_main(None, "en", min_schools=data.min_schools) == [
        "No estimate: fewer than 30 schools have their attainment recorded in two or more years."
    ]


def test_variants_table_shows_each_model_with_its_unit_and_sample(db: Database) -> None:
    estimates = load_impact(db, Filters("2018/19", options=DEEP)).estimates
    assert _rows(build_variants_table(estimates, "en")) == [
        ["Main: deep cross-school PLCs", "1.25 (0.86 to 1.64) per deep cross-school PLC",
         "<0.001", "40", "80"],
        ["Year effects only (no comparison within schools)",
         "1.10 (0.49 to 1.71) per deep cross-school PLC", "<0.001", "40", "80"],
        ["Main, sector: Primary", "1.40 (0.38 to 2.42) per deep cross-school PLC", "0.008",
         "32", "64"],
        ["All cross-school PLCs, deep or shallow",
         "0.50 (\u22120.31 to 1.31) per cross-school PLC, deep or shallow", "0.219", "40", "80"],
        ["Partner schools in the green category",
         "\u22120.25 (\u22120.46 to 0.04) per green partner school", "0.091", "40", "80"],
    ]  # fmt: skip


def test_bands_table_sets_the_year_beside_all_years(db: Database) -> None:
    data = load_impact(db, Filters("2018/19", options=DEEP))
    table = build_bands_table(data, "en")
    caption = next(c for c in walk(table) if isinstance(c, html.Caption))
    assert text_of(caption) == (
        "Mean change in attainment (points) by band: Deep cross-school PLCs in the year; "
        "all years and 2018/19"
    )
    header = [text_of(th) for th in walk(table) if isinstance(th, html.Th) and th.scope == "col"]
    assert header == [
        "Band",
        "All years: mean change (95% interval)",
        "All years: schools",
        "2018/19: mean change (95% interval)",
        "2018/19: schools",
    ]
    assert _rows(table) == [
        ["0", "0.52 (0.12 to 0.92)", "20", "0.40 (0.00 to 0.80)", "12"],
        ["1", "1.45 (1.05 to 1.85)", "15", "1.75 (1.20 to 2.30)", "10"],
        ["2", "3.00 (one school: no interval)", "1", "", ""],
    ]


def test_year_without_bands_says_so(db: Database) -> None:
    data = load_impact(db, Filters("2016/17", options=GREEN))
    table = build_bands_table(data, "en")
    assert _rows(table) == [
        ["0", "1.00 (0.60 to 1.40)", "20"],
        ["1-2", "0.75 (0.30 to 1.20)", "20"],
    ]
    assert text_of(table).endswith("No change in attainment is recorded for 2016/17.")


def test_variants_figure_has_the_main_model_on_top_and_zero_in_view(db: Database) -> None:
    estimates = load_impact(db, Filters("2018/19", options=DEEP)).estimates
    figure = build_variants_figure(estimates, "en")
    trace = figure.data[0]
    # Wrapped in lines of 24 characters at most, so that no name is cut on a phone.
    assert all(len(line) <= 24 for name in trace.y for line in name.split("<br>"))
    assert [name.replace("<br>", " ") for name in trace.y] == [
        "Main: deep cross-school PLCs",
        "Year effects only (no comparison within schools)",
        "Main, sector: Primary",
        "All cross-school PLCs, deep or shallow",
        "Partner schools in the green category",
    ]
    assert figure.layout.yaxis.autorange == "reversed"
    assert figure.layout.xaxis.rangemode == "tozero"
    assert list(trace.marker.symbol) == ["diamond", "circle", "circle", "circle", "circle"]
    assert list(trace.error_x.array) == pytest.approx([0.39, 0.61, 1.02, 0.81, 0.29])
    assert list(trace.error_x.arrayminus) == pytest.approx([0.39, 0.61, 1.02, 0.81, 0.21])


def test_bands_figure_has_two_series_told_apart_by_more_than_colour(db: Database) -> None:
    data = load_impact(db, Filters("2018/19", options=DEEP))
    figure = build_bands_figure(
        data.bins_of(ALL_YEARS), data.bins_of("2018/19"), data.exposure, "2018/19", "en"
    )
    assert [trace.name for trace in figure.data] == ["All years", "2018/19"]
    assert figure.data[0].marker.pattern.shape != figure.data[1].marker.pattern.shape
    pooled = figure.data[0]
    assert list(pooled.x) == ["0", "1", "2"]
    assert list(pooled.error_y.array) == pytest.approx([0.4, 0.4, None])
    assert pooled.hovertext[0] == "All years, 0: 0.52 (0.12 to 0.92)<br>20 schools, 30 school-years"
    assert figure.layout.xaxis.title.text == "Deep cross-school PLCs"


def test_csv_of_estimates_keeps_full_precision_and_p_values_as_published(db: Database) -> None:
    text = build_variants_csv(load_impact(db, Filters("2018/19", options=DEEP)), "en")
    lines = text.splitlines()
    assert lines[0] == (
        "Model,Measure of collaboration,Schools included,Estimate (points per unit),"
        'Standard error (clustered by school),"95% interval, low","95% interval, high",'
        "p-value,Schools,School-years,Years of change"
    )
    assert lines[1] == (
        "Main: deep cross-school PLCs,Deep cross-school PLCs,All schools,1.25,0.195,0.86,1.64,"
        "<0.001,40,80,2"
    )
    assert lines[3].startswith('"Main, sector: Primary",Deep cross-school PLCs,Sector: Primary,')


def test_csv_of_bands_in_welsh(db: Database) -> None:
    text = build_bands_csv(load_impact(db, Filters("2016/17", options=DEEP)), "cy")
    assert text.splitlines() == [
        "Mesur cydweithio,Band,Blwyddyn,Ysgolion,Blynyddoedd-ysgol,"
        'Newid cymedrig mewn cyrhaeddiad (pwyntiau),"Cyfwng 95%, isaf","Cyfwng 95%, uchaf"',
        "CDPau dwfn rhwng ysgolion,0,pob blwyddyn,20,30,0.52,0.12,0.92",
        "CDPau dwfn rhwng ysgolion,1,pob blwyddyn,15,25,1.45,1.05,1.85",
        "CDPau dwfn rhwng ysgolion,2,pob blwyddyn,1,1,3,,",
    ]


@pytest.mark.parametrize(
    ("value", "expected"),
    [(1.25, "1.25"), (-0.25, "\u22120.25"), (-0.001, "0.00"), (3.0, "3.00")],
)
def test_format_points(value: float, expected: str) -> None:
    assert format_points(value) == expected


@pytest.mark.parametrize(
    ("p", "expected"), [(0.00001, "<0.001"), (0.0081, "0.008"), (0.5, "0.500")]
)
def test_format_p_value(p: float, expected: str) -> None:
    assert format_p_value(p) == expected


def test_page_offers_the_year_and_the_exposure_and_no_region(
    db: Database, choices: Choices
) -> None:
    filters = Filters("2018/19", options=DEEP)
    page = build_impact_layout(load_impact(db, filters), filters, choices, "en")
    controls = {c.id for c in walk(page) if type(c).__name__ == "Dropdown"}
    assert controls == {"impact-year", "impact-exposure"}
    assert sum(isinstance(c, html.H1) for c in walk(page)) == 1
    assert text_of(_find(page, ids.IMPACT_SCOPE)).startswith(
        "The estimates are for all schools in the data, pooled over 2017/18 to 2018/19: the "
        "analysis is not broken down by region, so this page has no region filter."
    )
    assert text_of(_find(page, f"{ids.IMPACT_MAIN}-schools")).startswith("Schools40")


def test_planted_effect_is_stated_on_demo_data_only(
    db: Database, choices: Choices, tmp_path: Path
) -> None:
    filters = Filters("2018/19", options=DEEP)
    demo = build_impact_layout(load_impact(db, filters), filters, choices, "en")
    assert "adds 1.0 attainment points" in text_of(_find(demo, ids.IMPACT_DEMO_NOTE))
    published = Database(build_overview_db(tmp_path / "plcnet.duckdb", outcome_source="published"))
    real = build_impact_layout(load_impact(published, filters), filters, choices, "en")
    assert not any(getattr(c, "id", None) == ids.IMPACT_DEMO_NOTE for c in walk(real))
    assert "planted" not in text_of(real)


# Words that claim a cause. The page may name causing only to deny it ("not ... caused").
CAUSAL = re.compile(r"\b(led to|leads? to|the effect of|raised|raises|boost\w*|because of)\b")


@pytest.mark.parametrize("lang", ["en"])
def test_impact_words_are_associative_never_causal(lang: str) -> None:
    messages = {k: v for k, v in catalogue(lang).items() if k.startswith("impact.")}
    assert [k for k, v in messages.items() if CAUSAL.search(v.lower())] == []
    for key, message in messages.items():
        for found in re.finditer(r"\bcaus\w*", message):
            before = message[max(0, found.start() - 60) : found.start()]
            assert re.search(r"\bnot\b", before), f"{key}: {message}"
