"""The whole system is named by its own title, not Wales's: in the data catalogue's
table of groups (its rows of level "wales", plcnet's code for the whole system) and in
the regions page's reference line, on England and on Wales."""

from __future__ import annotations

from pathlib import Path

from dashboard.core.db import Database
from dashboard.pages.sources.catalogue import GROUPS, load_table


def whole_system_names(path: Path) -> set[tuple[str, str]]:
    frame = load_table(Database(path), GROUPS)
    whole = frame[frame["level"] == "wales"]
    assert len(whole) > 0  # every year has its row of the whole system
    return set(zip(whole["name_en"], whole["name_cy"], strict=True))


def test_england_is_named_england(england_published: Path) -> None:
    # England's configuration names itself in English only: Welsh falls back to it.
    assert whole_system_names(england_published) == {("England", "England")}


def test_wales_is_still_named_in_both_languages(demo_db: Path) -> None:
    assert whole_system_names(demo_db) == {("Wales", "Cymru")}
