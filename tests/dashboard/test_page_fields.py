"""A page's own URL fields (filters.PageField): read, defaulted, written and kept in step
with their control like the shared filters."""

from __future__ import annotations

import pytest

from dashboard.downloads import build_csv_name
from dashboard.filters import (
    Choices,
    Filters,
    FilterSync,
    PageField,
    build_search,
    keep_fields,
    parse_search,
    resolve_filters,
    sync_filters,
)

MEASURE = PageField("measure", ("density", "ei_index", "isolate_share"), "density")
FIELDS = ("year", "consortium", "la")


@pytest.mark.parametrize(
    ("value", "expected"),
    [("ei_index", "ei_index"), ("astrology", "density"), (None, "density"), (3, "density")],
)
def test_a_page_field_keeps_a_known_value_and_defaults_otherwise(
    value: object, expected: str
) -> None:
    assert MEASURE.resolve(value) == expected


def test_the_page_field_is_read_from_the_url(choices: Choices) -> None:
    query = keep_fields(parse_search("?year=2017/18&measure=ei_index&focus=x"), FIELDS, (MEASURE,))
    assert query == {"year": "2017/18", "measure": "ei_index"}
    filters = resolve_filters(query, choices, (MEASURE,))
    assert filters == Filters("2017/18", page_values=(("measure", "ei_index"),))
    assert filters.value_of("measure") == "ei_index"


def test_a_page_without_the_field_drops_it(choices: Choices) -> None:
    query = keep_fields(parse_search("?year=2017/18&measure=ei_index"), FIELDS)
    assert resolve_filters(query, choices) == Filters("2017/18")


def test_the_page_field_is_written_after_the_filters_and_before_the_language() -> None:
    filters = Filters("2018/19", "GWE", 661, page_values=(("measure", "isolate_share"),))
    assert build_search(filters, "cy") == (
        "?year=2018/19&consortium=GWE&la=661&measure=isolate_share&lang=cy"
    )


def test_url_round_trip_keeps_the_page_field(choices: Choices) -> None:
    filters = Filters("2016/17", "CSC", page_values=(("measure", "ei_index"),))
    search = build_search(filters)
    assert resolve_filters(parse_search(search), choices, (MEASURE,)) == filters


def test_choosing_a_value_writes_the_url(choices: Choices) -> None:
    sync = sync_filters(
        choices,
        search="?year=2018/19&consortium=GWE",
        controls={"year": "2018/19", "consortium": "GWE", "la": None, "measure": "ei_index"},
        changed="measure",
        fields=FIELDS,
        page_fields=(MEASURE,),
    )
    expected = Filters("2018/19", "GWE", page_values=(("measure", "ei_index"),))
    assert sync == FilterSync(expected, "?year=2018/19&consortium=GWE&measure=ei_index")


def test_back_sets_the_control_from_the_url(choices: Choices) -> None:
    sync = sync_filters(
        choices,
        search="?year=2018/19&measure=isolate_share",
        controls={"year": "2018/19", "consortium": None, "la": None, "measure": "ei_index"},
        changed="url",
        fields=FIELDS,
        page_fields=(MEASURE,),
    )
    assert sync is not None
    assert sync.filters.value_of("measure") == "isolate_share"


def test_a_url_without_the_field_shows_the_default_and_needs_no_update(choices: Choices) -> None:
    # The page drew the default when it loaded; the Location reporting its URL changes nothing.
    sync = sync_filters(
        choices,
        search="?year=2018/19",
        controls={"year": "2018/19", "consortium": None, "la": None, "measure": "density"},
        changed="url",
        fields=FIELDS,
        page_fields=(MEASURE,),
    )
    assert sync is None


def test_the_csv_name_carries_the_page_field() -> None:
    filters = Filters("2018/19", page_values=(("measure", "isolate_share"),))
    assert build_csv_name("regions", "measure", filters) == (
        "plcnet-regions-measure-2018-19-wales-isolate-share.csv"
    )
