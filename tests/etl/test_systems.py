"""A system's configuration file (etl/systems.py): Wales read from systems/wales.toml is
what plcnet had in its code and its catalogues, and a wrong file is refused with the
file and the key named."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from dashboard.i18n import t
from dashboard.ui.labels import level_words
from etl.sources.reference import read_reference
from etl.systems import (
    LEVELS,
    READERS,
    SystemConfigError,
    available_systems,
    load_system,
    parse_system,
    system_path,
)

WALES = load_system("wales")
WALES_TEXT = system_path("wales").read_text(encoding="utf-8")


def test_the_shipped_systems_include_wales_and_each_loads():
    assert "wales" in available_systems()
    for name in available_systems():
        assert load_system(name).name == name


def test_wales_names_its_focus_areas_and_categories_as_the_catalogues_do():
    # The dashboard's catalogues (English and Welsh) were the names before the file.
    for term in WALES.focus_areas:
        for lang in ("en", "cy"):
            assert term.name.text(lang) == t(f"focus.{term.code}", lang)
    for term in WALES.outcome_measure("support_category").categories:
        for lang in ("en", "cy"):
            assert term.name.text(lang) == t(f"category.{term.code}", lang)
    # The filters' labels now take the level's name from the system (ui/labels).
    assert WALES.level("local_authority").name.text("cy") == "Awdurdod lleol"
    assert t("filters.la", "cy", **level_words("cy")) == "Awdurdod lleol"
    assert t("filters.consortium", "en", **level_words("en")) == "Consortium"


def test_wales_school_numbers_match_every_school_of_the_address_list():
    reference = read_reference(Path(__file__).resolve().parents[2] / "data" / "reference")
    pattern = re.compile(WALES.school_ids.pattern)
    numbers = reference.schools["school_id"].astype(str)
    assert len(numbers) > 1000
    assert all(pattern.fullmatch(n) for n in numbers)
    assert not pattern.fullmatch("660213") and not pattern.fullmatch("66021300")


def test_wales_reference_files_are_shipped_and_each_reader_known():
    folder = Path(__file__).resolve().parents[2] / "data" / "reference" / WALES.reference_folder
    for entry in WALES.reference_files:
        assert (folder / entry.file).is_file(), entry.file
        assert entry.reader in READERS
    required = {entry.reader for entry in WALES.reference_files if entry.required}
    assert required == {"local_authorities", "address_list"}


def test_a_name_falls_back_to_the_first_language():
    assert WALES.title.text("fr") == "Wales"
    assert WALES.title.text("cy") == "Cymru"


def spoil(old: str, new: str, text: str = WALES_TEXT) -> str:
    assert old in text, old
    return text.replace(old, new, 1)


@pytest.mark.parametrize(
    ("old", "new", "says"),
    [
        ('pattern = "[0-9]{7}"', 'pattern = "[0-9"', "[school_ids] pattern: not a regular"),
        ('pattern = "[0-9]{7}"', 'pattern = "[0-9]*"', "matches an empty identifier"),
        ('code = "consortium"', 'code = "region"', "[[levels]]: must be school"),
        ('reader = "locations"', 'reader = "gazetteer"', "[[reference.files]] 3 reader"),
        ('group_kinds = ["plc"]', 'group_kinds = ["trust"]', "'trust' is not one of"),
        ('colour = "#ffd23f"', 'colour = "yellow"', "categories 2 colour"),
        ('code = "attainment"', 'code = "progress"', "'progress' is not a measure"),
        ('name = { en = "Numeracy", cy = "Rhifedd" }', 'name = { en = "Numeracy" }', "lacks cy"),
        ('code = "numeracy"', 'code = "literacy"', "gives the code(s) literacy twice"),
        ('code = "leadership"', 'code = "Leadership"', "'Leadership' is not a code"),
        ("[map]\n", "[map]\ncolours = 3\n", "[map]: has unknown key(s) colours"),
        ('languages = ["en", "cy"]', "languages = []", "[system] languages"),
        ("locations = true", 'locations = "yes"', "[map] locations: must be true or false"),
    ],
)
def test_a_wrong_file_is_refused_naming_the_file_and_the_key(old, new, says):
    with pytest.raises(SystemConfigError) as refused:
        parse_system(spoil(old, new), "systems/spoilt.toml")
    assert str(refused.value).startswith("systems/spoilt.toml: ")
    assert says in str(refused.value)


def test_a_file_that_is_not_toml_is_refused():
    with pytest.raises(SystemConfigError, match=r"broken.toml: not valid TOML"):
        parse_system("[system\nname = 1", "broken.toml")


def test_a_system_is_found_by_name_or_by_file(tmp_path):
    own = tmp_path / "island.toml"
    own.write_text(spoil('name = "wales"', 'name = "island"'), encoding="utf-8")
    assert load_system(str(own)).name == "island"
    assert load_system(own).source == str(own)
    with pytest.raises(SystemConfigError, match="no such system file; the systems plcnet ships"):
        load_system("atlantis")
    with pytest.raises(SystemConfigError, match="not the name of a system"):
        load_system("Wales!")


def test_a_shipped_file_must_carry_its_own_name(tmp_path, monkeypatch):
    monkeypatch.setattr("etl.systems.SYSTEMS_DIR", tmp_path)
    (tmp_path / "north.toml").write_text(WALES_TEXT, encoding="utf-8")
    with pytest.raises(SystemConfigError, match=r"north.toml: \[system\] name is 'wales'"):
        load_system("north")


def test_levels_are_the_data_models():
    assert tuple(level.code for level in WALES.levels) == LEVELS
