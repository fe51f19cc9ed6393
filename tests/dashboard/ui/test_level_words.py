"""The words of a system's levels and groups in the pages' wording (ui/labels.level_words,
level_name, group_name): Wales's own words in English and Welsh, the island's names, and
an England-like system that calls its LAs what Wales does but has many kinds of group."""

from __future__ import annotations

from pathlib import Path

import pytest

from dashboard.i18n import t
from dashboard.ui import labels
from dashboard.ui.labels import (
    WORD_FIELDS,
    describe_no_map,
    describe_no_outcome,
    group_name,
    level_name,
    level_words,
    system_has_focus_areas,
    system_has_map,
    system_has_outcome,
)
from etl.systems import System, load_system, parse_system

SYSTEMS = Path(__file__).resolve().parents[2] / "data" / "systems"
ISLAND = load_system(SYSTEMS / "island.toml")
PLAIN_ISLAND = load_system(SYSTEMS / "plain_island.toml")


def england_like() -> System:
    """The island renamed as England names its levels, with two kinds of group."""
    text = (SYSTEMS / "island.toml").read_text(encoding="utf-8")
    text = text.replace('name = "island"', 'name = "england_like"')
    text = text.replace('title = { en = "The Island" }', 'title = { en = "England" }')
    text = text.replace('{ en = "Parish" }', '{ en = "Local authority" }')
    text = text.replace('{ en = "Parishes" }', '{ en = "Local authorities" }')
    text = text.replace('{ en = "Island" }', '{ en = "Region" }')
    text = text.replace('{ en = "Islands" }', '{ en = "Regions" }')
    text = text.replace(
        "[ties]",
        '[[group_kinds]]\ncode = "federation"\nname = { en = "Federation" }\n\n[ties]',
    )
    return parse_system(text, "england_like.toml")


@pytest.fixture
def serving(monkeypatch: pytest.MonkeyPatch):
    """Serve a system as the database would (labels reads served_system())."""

    def serve(system: System | None) -> None:
        monkeypatch.setattr(labels, "served_system", lambda: system)

    return serve


def test_wales_has_its_own_words_in_english_and_welsh():
    # Outside a request there is no database served: Wales, the shipped default.
    english, welsh = level_words("en"), level_words("cy")
    assert set(english) == set(WORD_FIELDS) == set(welsh)
    assert english == {
        "la_word": "local authority",
        "las_word": "local authorities",
        "La_word": "Local authority",
        "Las_word": "Local authorities",
        "la_abbr": "LA",
        "las_abbr": "LAs",
        "La_abbr": "LA",
        "las_short_word": "authorities",
        "consortium_word": "consortium",
        "consortia_word": "consortia",
        "Consortium_word": "Consortium",
        "Consortia_word": "Consortia",
        "group_word": "PLC",
        "groups_word": "PLCs",
        "Group_word": "PLC",
        "Groups_word": "PLCs",
        "group_long_word": "professional learning community",
        "Groups_long_word": "Professional learning communities",
        "groups_long_word": "professional learning communities",
        "system_word": "Wales",
    }
    assert (welsh["la_word"], welsh["Las_word"], welsh["la_abbr"]) == (
        "awdurdod lleol",
        "Awdurdodau lleol",
        "awdurdod lleol",
    )
    assert (welsh["group_word"], welsh["groups_word"], welsh["system_word"]) == (
        "CDP",
        "CDPau",
        "Cymru",
    )
    assert welsh["group_long_word"] == "cymuned dysgu proffesiynol"


def test_wales_messages_read_as_they_always_have():
    words = level_words("en")
    assert t("filters.la_all", "en", **words) == "All local authorities"
    assert t("filters.la_all", "cy", **level_words("cy")) == "Pob awdurdod lleol"
    assert t("headline.cross_la_share", "en", **words) == "Ties that cross LA lines"
    assert t("regions.title", "cy", **level_words("cy")) == "Awdurdodau lleol a chonsortia"
    heading = t("regions.measure_heading", "en", **words, measure="Density", year="2018/19")
    assert heading == "Density by local authority, 2018/19"


def test_the_island_names_its_levels_and_its_groups_are_groups(serving):
    serving(ISLAND)
    words = level_words("en")
    assert (words["la_word"], words["Las_word"], words["La_abbr"], words["las_abbr"]) == (
        "parish",
        "Parishes",
        "Parish",
        "parishes",
    )
    assert (words["consortium_word"], words["Consortia_word"]) == ("island", "Islands")
    assert (words["group_word"], words["Groups_word"], words["group_long_word"]) == (
        "group",
        "Groups",
        "group",
    )
    assert words["system_word"] == "The Island"
    assert level_name("consortium", "en", plural=True) == "Islands"
    assert group_name("en", plural=True) == "groups"
    heading = t("regions.measure_heading", "en", **words, measure="Density", year="2018/19")
    assert heading == "Density by parish, 2018/19"
    assert t("filters.consortium_all", "en", **words) == "All islands"
    assert t("headline.cross_la_share", "en", **words) == "Ties that cross parish lines"


def test_a_system_calling_its_las_as_wales_does_keeps_the_abbreviation(serving):
    serving(england_like())
    words = level_words("en")
    assert (words["la_abbr"], words["las_abbr"], words["La_word"]) == (
        "LA",
        "LAs",
        "Local authority",
    )
    assert words["Consortia_word"] == "Regions"
    # Two kinds of group: neither is "PLC", both are groups.
    assert (words["group_word"], words["Groups_word"]) == ("group", "Groups")
    assert t("plcs.title", "en", **words) == "Group directory"


def test_what_a_system_has_for_its_pages(serving):
    assert system_has_outcome("support_category") and system_has_map("boundaries")
    serving(ISLAND)
    assert system_has_outcome("attainment") and not system_has_outcome("support_category")
    assert system_has_focus_areas() and not system_has_map("locations")
    # Some outcomes but not this one: it names what is missing, not all outcomes.
    assert describe_no_outcome("support_category", "en")[0] == (
        "This system has no support categories"
    )
    serving(PLAIN_ISLAND)
    assert not system_has_focus_areas() and not system_has_outcome("attainment")
    says, why = describe_no_outcome("attainment", "en")
    assert says == "This system has no outcome data"
    assert why.startswith("The data loaded for The Plain Island hold no attainment")
    says, why = describe_no_map("boundaries", "en")
    assert says == "No map for this system"
    assert "hold no boundaries of its parishes" in why
