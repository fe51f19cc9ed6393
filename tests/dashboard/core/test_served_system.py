"""The dashboard reads the school system of the database it serves (dashboard/core/system.py):
Wales for a database of Wales or from before systems were recorded, else the system the
refresh recorded, whose names label the values the catalogues do not name."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import dash
import duckdb
import pytest

from dashboard.core import ids
from dashboard.core.db import CONFIG_KEY, Database
from dashboard.core.language import choose_lang, lang_from_search, offered_languages
from dashboard.core.system import load_served_system, served_system
from dashboard.ui.labels import label_category, label_focus, sort_focus_areas
from etl.settings_table import record_system
from etl.systems import load_system

ISLAND_FILE = Path(__file__).resolve().parents[2] / "data" / "systems" / "island.toml"


def copy_with(tmp_path: Path, source: Path, change: str) -> Path:
    """A copy of the published fixture database, its system recorded or its table gone."""
    path = tmp_path / "plcnet.duckdb"
    shutil.copy(source, path)
    with duckdb.connect(str(path)) as con:
        if change == "island":
            record_system(con, load_system(ISLAND_FILE))
        else:
            con.execute("DROP TABLE refresh_system")
    return path


def test_a_database_that_records_no_system_is_wales(db: Database):
    assert load_served_system(db).name == "wales"


def test_a_database_from_before_systems_is_served_and_is_wales(overview_db_path, tmp_path):
    before = Database(copy_with(tmp_path, overview_db_path, "drop"))
    assert len(before.query("shell__years")) > 0  # served: the file check lets it in
    assert load_served_system(before).name == "wales"


def test_the_recorded_system_is_read_with_its_vocabularies(overview_db_path, tmp_path):
    island = load_served_system(Database(copy_with(tmp_path, overview_db_path, "island")))
    assert island.name == "island" and island.languages == ("en",)
    assert island.focus_area_codes == ("reading", "maths")
    assert island.level("local_authority").name.text("en") == "Parish"


def test_labels_name_the_served_systems_values(
    app: dash.Dash, overview_db_path, tmp_path, monkeypatch: pytest.MonkeyPatch
):
    island = Database(copy_with(tmp_path, overview_db_path, "island"))
    monkeypatch.setitem(app.server.config, CONFIG_KEY, island)
    with app.server.test_request_context("/plcs"):
        assert served_system().name == "island"
        assert label_focus("maths", "en") == "Mathematics"
        assert sort_focus_areas(["maths", "numeracy", "reading"]) == [
            "reading",
            "maths",
            "numeracy",
        ]
        # Wales's values keep the catalogues' names; a value no one names stays as it is.
        assert label_focus("numeracy", "cy") == "Rhifedd"
        assert label_category("purple", "en") == "purple"
    # Outside a request there is no database served: the code as it is.
    assert served_system() is None
    assert label_focus("maths", "en") == "maths"


def shell_of(app: dash.Dash, lang: str) -> str:
    """The shell served to a page in ``lang``, as the browser's Dash asks for it."""
    answer = app.server.test_client().get(
        "/_dash-layout", headers={"Referer": f"http://localhost/plcs?lang={lang}"}
    )
    assert answer.status_code == 200
    return json.dumps(answer.get_json())


def test_a_system_in_english_only_is_served_in_english_only(
    app: dash.Dash, overview_db_path, tmp_path, monkeypatch: pytest.MonkeyPatch
):
    # Wales offers Welsh: the switch is there and a Welsh page is Welsh.
    wales = shell_of(app, "cy")
    assert ids.SHELL_LANGUAGE in wales and "Dangosfwrdd agored:" in wales
    island = Database(copy_with(tmp_path, overview_db_path, "island"))
    monkeypatch.setitem(app.server.config, CONFIG_KEY, island)
    with app.server.test_request_context("/plcs?lang=cy"):
        assert offered_languages() == ("en",)
        assert choose_lang("cy") == "en" and lang_from_search("?lang=cy") == "en"
    served = shell_of(app, "cy")
    assert ids.SHELL_LANGUAGE not in served
    assert "Open dashboard:" in served and "Dangosfwrdd agored:" not in served
    # Outside a request: every language the dashboard speaks.
    assert offered_languages() == ("en", "cy") and choose_lang("cy") == "cy"
