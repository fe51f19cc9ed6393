"""Filters and the URL: parse, resolve, build, and keep the two in step."""

from __future__ import annotations

import pytest

from dashboard.core.filters import (
    Choices,
    Filters,
    FilterSync,
    PageOption,
    build_search,
    describe_region,
    keep_fields,
    list_consortium_options,
    list_focus_options,
    list_la_options,
    list_medium_options,
    list_sector_options,
    parse_search,
    resolve_filters,
    sync_filters,
)
from dashboard.ui.labels import FOCUS_AREAS


@pytest.mark.parametrize(
    ("search", "expected"),
    [
        ("", {}),
        (None, {}),
        ("?year=2018/19", {"year": "2018/19"}),
        (
            "?year=2018%2F19&consortium=GWE&la=661",
            {"year": "2018/19", "consortium": "GWE", "la": "661"},
        ),
        ("?la=661&la=660", {"la": "661"}),
        ("?consortium=", {}),
    ],
)
def test_parse_search(search: str | None, expected: dict[str, str]) -> None:
    assert parse_search(search) == expected


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({}, Filters("2018/19")),
        ({"year": "2016/17"}, Filters("2016/17")),
        ({"year": "1999/00"}, Filters("2018/19")),
        ({"consortium": "GWE"}, Filters("2018/19", "GWE")),
        ({"consortium": "XYZ"}, Filters("2018/19")),
        ({"la": "661"}, Filters("2018/19", "GWE", 661)),
        ({"la": 681}, Filters("2018/19", "CSC", 681)),
        ({"consortium": "CSC", "la": "661"}, Filters("2018/19", "CSC")),
        ({"la": "abc"}, Filters("2018/19")),
        ({"la": "999"}, Filters("2018/19")),
        ({"sector": "primary"}, Filters("2018/19", sector="primary")),
        ({"sector": "college"}, Filters("2018/19")),
        ({"medium": "bilingual"}, Filters("2018/19", medium="bilingual")),
        ({"medium": "klingon", "sector": "secondary"}, Filters("2018/19", sector="secondary")),
    ],
)
def test_resolve_filters(choices: Choices, query: dict[str, object], expected: Filters) -> None:
    assert resolve_filters(query, choices) == expected


def test_build_search_reads_plainly() -> None:
    assert build_search(Filters("2018/19", "GWE", 661)) == "?year=2018/19&consortium=GWE&la=661"
    assert build_search(Filters("2017/18")) == "?year=2017/18"


@pytest.mark.parametrize(
    "filters",
    [
        Filters("2016/17"),
        Filters("2017/18", "CSC"),
        Filters("2018/19", "GWE", 660),
        Filters("2018/19", "GWE", None, "primary", "welsh"),
    ],
)
def test_url_round_trip(choices: Choices, filters: Filters) -> None:
    assert resolve_filters(parse_search(build_search(filters)), choices) == filters


def test_la_options_follow_the_consortium(choices: Choices) -> None:
    gwe = list_la_options(choices, "GWE", "en")
    assert gwe == [
        {"label": "Gwynedd", "value": 661},
        {"label": "Isle of Anglesey", "value": 660},
    ]
    assert list_la_options(choices, "CSC", "en") == [{"label": "Cardiff", "value": 681}]
    assert [o["value"] for o in list_la_options(choices, None, "en")] == [681, 661, 660]


def test_la_options_in_welsh_use_welsh_names(choices: Choices) -> None:
    labels = [o["label"] for o in list_la_options(choices, "GWE", "cy")]
    assert labels == ["Gwynedd", "Ynys Môn"]


def test_consortium_options(choices: Choices) -> None:
    assert list_consortium_options(choices, "en") == [
        {"label": "Central South Consortium", "value": "CSC"},
        {"label": "GwE", "value": "GWE"},
    ]


def test_controls_changing_write_the_url(choices: Choices) -> None:
    sync = sync_filters(
        choices,
        search="",
        controls={"year": "2018/19", "consortium": "GWE", "la": None},
        changed="consortium",
    )
    assert sync == FilterSync(Filters("2018/19", "GWE"), "?year=2018/19&consortium=GWE")


def test_choosing_an_la_brings_its_consortium(choices: Choices) -> None:
    sync = sync_filters(
        choices,
        search="?year=2018/19",
        controls={"year": "2018/19", "consortium": None, "la": 681},
        changed="la",
    )
    assert sync is not None
    assert sync.filters == Filters("2018/19", "CSC", 681)


def test_changing_consortium_drops_an_la_outside_it(choices: Choices) -> None:
    sync = sync_filters(
        choices,
        search="?year=2018/19&consortium=GWE&la=661",
        controls={"year": "2018/19", "consortium": "CSC", "la": 661},
        changed="consortium",
    )
    assert sync is not None
    assert sync.filters == Filters("2018/19", "CSC")


def test_back_button_sets_the_controls_from_the_url(choices: Choices) -> None:
    sync = sync_filters(
        choices,
        search="?year=2017/18&la=660",
        controls={"year": "2018/19", "consortium": None, "la": None},
        changed="url",
    )
    assert sync is not None
    assert sync.filters == Filters("2017/18", "GWE", 660)


def test_url_already_shown_needs_no_update(choices: Choices) -> None:
    # A Location reports the URL when it mounts; the page already shows it.
    sync = sync_filters(
        choices,
        search="",
        controls={"year": "2018/19", "consortium": None, "la": None},
        changed="url",
    )
    assert sync is None


def test_clearing_the_consortium_clears_the_la(choices: Choices) -> None:
    sync = sync_filters(
        choices,
        search="?year=2018/19&consortium=GWE&la=661",
        controls={"year": "2018/19", "consortium": None, "la": 661},
        changed="consortium",
    )
    assert sync == FilterSync(Filters("2018/19"), "?year=2018/19")


def test_changing_the_year_keeps_the_region(choices: Choices) -> None:
    sync = sync_filters(
        choices,
        search="?year=2018/19&consortium=GWE&la=661",
        controls={"year": "2016/17", "consortium": "GWE", "la": 661},
        changed="year",
    )
    assert sync == FilterSync(Filters("2016/17", "GWE", 661), "?year=2016/17&consortium=GWE&la=661")


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        (Filters("2018/19"), "Wales"),
        (Filters("2018/19", "GWE"), "GwE"),
        (Filters("2018/19", "GWE", 660), "Isle of Anglesey"),
        (Filters("2018/19", sector="primary", medium="welsh"), "Wales, Primary, Welsh medium"),
    ],
)
def test_describe_region(choices: Choices, filters: Filters, expected: str) -> None:
    assert describe_region(filters, choices, "en") == expected


def test_build_search_names_sector_and_medium() -> None:
    filters = Filters("2018/19", "GWE", sector="primary", medium="welsh")
    assert build_search(filters) == "?year=2018/19&consortium=GWE&sector=primary&medium=welsh"


def test_sector_and_medium_options_come_from_the_data_in_order(choices: Choices) -> None:
    assert list_sector_options(choices, "en") == [
        {"label": "Primary", "value": "primary"},
        {"label": "Secondary", "value": "secondary"},
    ]
    assert [o["label"] for o in list_medium_options(choices, "cy")] == [
        "Cyfrwng Cymraeg",
        "Dwyieithog",
        "Cyfrwng Saesneg",
    ]


def test_clearing_the_sector_writes_the_url(choices: Choices) -> None:
    sync = sync_filters(
        choices,
        search="?year=2018/19&sector=primary",
        controls={"year": "2018/19", "sector": None, "medium": "welsh"},
        changed="sector",
    )
    assert sync == FilterSync(Filters("2018/19", medium="welsh"), "?year=2018/19&medium=welsh")


def test_focus_areas_come_from_the_plcs_in_the_contract_order(choices: Choices) -> None:
    assert [o["value"] for o in list_focus_options(choices, "en")] == sorted(
        set(choices.focus_areas), key=FOCUS_AREAS.index
    )
    assert choices.focus_areas != ()


def test_a_focus_in_the_url_is_kept_and_an_unknown_one_dropped(choices: Choices) -> None:
    focus = choices.focus_areas[0]
    assert resolve_filters({"year": "2018/19", "focus": focus}, choices).focus == focus
    assert resolve_filters({"year": "2018/19", "focus": "astrology"}, choices).focus is None
    assert build_search(Filters("2018/19", focus=focus)) == f"?year=2018/19&focus={focus}"


def test_a_page_without_the_focus_filter_ignores_it_in_the_url(choices: Choices) -> None:
    focus = choices.focus_areas[0]
    fields = ("year", "consortium", "la", "sector", "medium")
    query = keep_fields({"year": "2018/19", "focus": focus, "lang": "cy"}, fields)
    assert query == {"year": "2018/19", "lang": "cy"}
    sync = sync_filters(
        choices,
        search=f"?year=2018/19&focus={focus}",
        controls={"year": "2018/19"},
        changed="url",
        fields=fields,
    )
    assert sync is None  # the controls already show what the page can show


MEASURE = PageOption("measure", ("density", "ei_index", "isolate_share"))


def test_a_page_option_defaults_to_its_first_value_and_rejects_others(choices: Choices) -> None:
    assert resolve_filters({}, choices, (MEASURE,)).option("measure") == "density"
    chosen = resolve_filters({"measure": "ei_index"}, choices, (MEASURE,))
    assert chosen.option("measure") == "ei_index"
    assert resolve_filters({"measure": "drop table"}, choices, (MEASURE,)).option("measure") == (
        "density"
    )


def test_a_page_option_is_in_the_url_only_when_not_its_default(choices: Choices) -> None:
    default = resolve_filters({"year": "2018/19"}, choices, (MEASURE,))
    assert build_search(default, options=(MEASURE,)) == "?year=2018/19"
    chosen = resolve_filters({"year": "2018/19", "measure": "ei_index"}, choices, (MEASURE,))
    assert build_search(chosen, options=(MEASURE,)) == "?year=2018/19&measure=ei_index"


def test_changing_a_page_option_writes_the_url_and_the_back_button_restores_it(
    choices: Choices,
) -> None:
    sync = sync_filters(
        choices,
        search="?year=2018/19&consortium=GWE",
        controls={"year": "2018/19", "consortium": "GWE", "measure": "isolate_share"},
        changed="measure",
        options=(MEASURE,),
    )
    assert sync is not None
    assert sync.search == "?year=2018/19&consortium=GWE&measure=isolate_share"
    back = sync_filters(
        choices,
        search="?year=2018/19&consortium=GWE",
        controls={"year": "2018/19", "consortium": "GWE", "measure": "isolate_share"},
        changed="url",
        options=(MEASURE,),
    )
    assert back is not None
    assert back.filters.option("measure") == "density"
