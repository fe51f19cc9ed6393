"""England has what its GIAS files give, and the pages say only that: no language
medium (no filter, no column, no measure of it), no support category (no column in a
table, a CSV or the data catalogue), its own sources and references on the data page,
and its own words (groups, regions, England) where Wales's sentences said PLC,
consortium and Wales. Served over England refreshed from the shipped snapshot
(tests/conftest.py ``england_published``), each against the same call on Wales (the
fixture database), which keeps everything it had."""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from pathlib import Path

import dash
import pandas as pd
import pytest

from dashboard.core.db import CONFIG_KEY, Database
from dashboard.core.filters import Filters, load_choices
from dashboard.core.views import read_view_of_search
from dashboard.i18n import t
from dashboard.measures.catalogue import TERMS, define_measure
from dashboard.pages.accessibility.layout import build_accessibility_layout
from dashboard.pages.network.downloads import build_isolates_csv, build_schools_csv
from dashboard.pages.network.lists import build_isolates_table
from dashboard.pages.regions.data import list_system_measures
from dashboard.pages.regions.layout import PAGE_FIELDS as REGIONS_FIELDS
from dashboard.pages.regions.layout import RegionsParts
from dashboard.pages.sources.catalogue import SCHOOLS, build_table_csv, load_table
from dashboard.pages.sources.layout import list_glossary_rows, list_system_sources
from dashboard.ui.filter_bar import build_filter_dropdown
from dashboard.ui.labels import level_words, system_has_language_media

# Wales's words where England's pages must say their own.
WALES_WORDS = re.compile(r"\bWales\b|\bWelsh\b|Cymru|consorti|\bPLCs?\b")
ONLY_WALES = ("Language medium", "Support category")


def serve(app: dash.Dash, monkeypatch: pytest.MonkeyPatch, path: Path) -> Iterator[None]:
    monkeypatch.setitem(app.server.config, CONFIG_KEY, Database(path))
    with app.server.test_request_context("/"):
        yield


@pytest.fixture
def on_england(
    app: dash.Dash, england_published: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Path]:
    """A request to the session's app, serving England."""
    for _ in serve(app, monkeypatch, england_published):
        yield england_published


@pytest.fixture
def on_wales(
    app: dash.Dash, overview_db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Path]:
    """A request to the session's app, serving the Wales fixture database."""
    for _ in serve(app, monkeypatch, overview_db_path):
        yield overview_db_path


def a_school() -> pd.DataFrame:
    """One isolated school, as the network page's schools frame has it."""
    return pd.DataFrame(
        {
            "school_id": [100001], "name": ["A School"], "la_code": [201],
            "la_name_en": ["City of London"], "la_name_cy": ["City of London"],
            "consortium_name_en": ["London"], "consortium_name_cy": ["London"],
            "sector": ["primary"], "language_medium": ["not_applicable"],
            "support_category": ["green"], "degree": [0], "weighted_degree": [0],
            "betweenness": [0.0], "n_plcs": [1], "community_id": [None],
            "broker_total": [0], "broker_role": ["none"],
        }
    )  # fmt: skip


def header_of(csv: str) -> str:
    return csv.lstrip("\ufeff").splitlines()[0]


def test_england_offers_no_language_medium_filter(on_england: Path) -> None:
    choices = load_choices(Database(on_england))
    assert not system_has_language_media()
    assert build_filter_dropdown("network", "medium", Filters("2021/22"), choices, "en").hidden
    sector = build_filter_dropdown("network", "sector", Filters("2021/22"), choices, "en")
    assert not getattr(sector, "hidden", False)


def test_wales_keeps_its_language_medium_filter(on_wales: Path) -> None:
    choices = load_choices(Database(on_wales))
    assert system_has_language_media()
    medium = build_filter_dropdown("network", "medium", Filters("2021/22"), choices, "en")
    assert not getattr(medium, "hidden", False)


@pytest.mark.parametrize("csv", [build_schools_csv, build_isolates_csv])
def test_englands_network_csvs_have_no_medium_or_category(on_england: Path, csv) -> None:
    header = header_of(csv(a_school(), "en"))
    assert header.startswith("School number,School,Local authority,Region,Sector,")
    assert not [word for word in ONLY_WALES if word in header]


@pytest.mark.parametrize("csv", [build_schools_csv, build_isolates_csv])
def test_wales_network_csvs_keep_medium_and_category(on_wales: Path, csv) -> None:
    header = header_of(csv(a_school(), "en"))
    assert "Sector,Language medium,Support category," in header


def test_englands_isolates_table_has_no_medium_or_category(on_england: Path) -> None:
    table = build_isolates_table(a_school(), "2021/22", "England", "en")
    headers = [cell.children for cell in table.children[1].children.children]
    assert headers == [
        "School",
        "Local authority",
        "Sector",
        "Groups (within-school ones included)",
    ]


def test_englands_catalogue_of_schools_has_no_medium_or_category(on_england: Path) -> None:
    names = [column.name for column in SCHOOLS.columns]
    assert "language_medium" not in names and "support_category_name" not in names
    assert {"sector", "degree", "betweenness"} <= set(names)
    frame = load_table(Database(on_england), SCHOOLS)
    header = header_of(build_table_csv(frame.head(3), SCHOOLS, "en")).split(",")
    assert header == names


def test_wales_catalogue_of_schools_keeps_medium_and_category(on_wales: Path) -> None:
    names = [column.name for column in SCHOOLS.columns]
    assert names == [column.name for column in SCHOOLS.all_columns]
    assert {"language_medium", "language_medium_name", "support_category"} <= set(names)


VOCABULARY_MEASURES = ["assort_medium", "assort_category", "support_schools"]


def test_englands_region_measures_have_no_medium_or_category(on_england: Path) -> None:
    every = pd.DataFrame(
        columns=["assort_medium", "assort_category", "support_schools", "ei_index"]
    )
    assert list_system_measures(every) == ("ei_index",)


def test_wales_region_measures_keep_them(on_wales: Path) -> None:
    every = pd.DataFrame(
        columns=["assort_medium", "assort_category", "support_schools", "ei_index"]
    )
    assert list_system_measures(every) == (
        "ei_index", "assort_medium", "assort_category", "support_schools",
    )  # fmt: skip


@pytest.mark.parametrize("sort", ["assort_medium-desc", "support_schools-desc"])
def test_a_sort_by_a_measure_england_lacks_gives_its_first_sort(
    on_england: Path, sort: str
) -> None:
    # A link or bookmark made on Wales names a sort England does not offer (it answered
    # 500): the page is England's default order instead.
    module = sys.modules[dash.page_registry["dashboard.pages.regions.page"]["module"]]

    def measures_table(search: str) -> object:
        view = read_view_of_search(search, module.FIELDS, "/regions", REGIONS_FIELDS)
        position = list(RegionsParts.__dataclass_fields__).index("measures_table")
        return module.build_parts(view)[position].to_plotly_json()

    assert measures_table(f"?sort={sort}") == measures_table("")


def test_englands_sources_are_gias_and_its_lookup(on_england: Path) -> None:
    assert list_system_sources() == ("gias", "la_regions")


def test_wales_sources_are_its_five_and_the_contract(on_wales: Path) -> None:
    assert list_system_sources() == (
        "local_authorities", "address_list", "categorisation", "locations", "boundaries",
        "contract",
    )  # fmt: skip


def test_englands_glossary_speaks_of_england(on_england: Path) -> None:
    rows = list_glossary_rows("en")
    said = [" | ".join(row) for row in rows if WALES_WORDS.search(" | ".join(row))]
    assert said == []
    assert "Welsh Government" not in str(rows)
    assert any("Get Information About Schools" in row[3] for row in rows)
    assert "Welsh-medium" not in define_measure("similarity_distance", "en")


def test_wales_glossary_is_whole(on_wales: Path) -> None:
    rows = list_glossary_rows("en")
    assert len(rows) == len(TERMS)
    assert "Welsh-medium share" in define_measure("similarity_distance", "en")


# Sentences rewritten with the system's words: Wales reads them as it always has.
SENTENCES = {
    "compare.schools_joined": ("Schools that joined PLCs", "Schools that joined groups"),
    "catalogue.table_groups": ("LAs, consortia and Wales", "LAs, regions and England"),
    "regions.mean_why_ei": (
        "The line marks the mean of the LAs shown, not Wales: the E-I index of Wales is -1 by"
        " definition, as no tie leaves Wales.",
        "The line marks the mean of the LAs shown, not England: the E-I index of England is -1"
        " by definition, as no tie leaves England.",
    ),
    "help.lede": (
        "plcnet shows how schools in Wales work together in professional learning communities,"
        " and the network their collaboration makes. This page says how to read it, and what"
        " its main words mean in plain language.",
        "plcnet shows how schools in England work together in groups, and the network their"
        " collaboration makes. This page says how to read it, and what its main words mean in"
        " plain language.",
    ),
}


@pytest.mark.parametrize("key", sorted(SENTENCES))
def test_wales_reads_its_sentences_unchanged(on_wales: Path, key: str) -> None:
    assert t(key, "en", **level_words("en")) == SENTENCES[key][0]


@pytest.mark.parametrize("key", sorted(SENTENCES))
def test_england_reads_its_own_words(on_england: Path, key: str) -> None:
    assert t(key, "en", **level_words("en")) == SENTENCES[key][1]


def statement_text(layout: object) -> str:
    """Every string of the accessibility statement's components."""
    texts: list[str] = []

    def walk(component: object) -> None:
        if isinstance(component, str):
            texts.append(component)
        elif isinstance(component, list | tuple):
            for child in component:
                walk(child)
        else:
            walk(getattr(component, "children", None) or [])

    walk(layout)
    return " ".join(texts)


def test_englands_accessibility_statement_offers_no_welsh(on_england: Path) -> None:
    said = statement_text(build_accessibility_layout("en", ""))
    assert "the groups of schools in England that this server shows, in English." in said
    assert t("accessibility.can_welsh", "en") not in said


def test_wales_accessibility_statement_keeps_welsh(on_wales: Path) -> None:
    said = statement_text(build_accessibility_layout("en", ""))
    assert "in English and in Welsh." in said
    assert t("accessibility.can_welsh", "en") in said
