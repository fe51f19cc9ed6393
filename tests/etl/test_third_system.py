"""A third school system, from a hand-made configuration (tests/data/systems/island.toml)
and three tiny contract files written here: a real refresh
(the command line, in a subprocess) into a real DuckDB file, which keeps to the
system's vocabulary, records the system, and is not overwritten by another system's
refresh unless forced (docs/systems.md).

The island is one local authority of three schools, numbered 9010001 to 9010003 (the
address-list reader is Wales's, so the numbers have seven digits; the island's form
is narrower: a 9 and six more). It speaks English only, its focus areas are reading
and maths, its groups clusters, and it measures attainment only.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import pytest
from cli_run import Rejected, query, rejected_rows, run_refresh

from etl.refresh import SystemChangedError, published_system, refresh
from etl.systems import load_system

ISLAND_FILE = Path(__file__).resolve().parents[1] / "data" / "systems" / "island.toml"
ISLAND = ISLAND_FILE.read_text(encoding="utf-8")

LOCAL_AUTHORITIES = """\
la_code,ons_code,name_en,name_cy,consortium_code,consortium_name_en,consortium_name_cy
901,X06000001,North Parish,North Parish,ISL,The Island,The Island
"""
SCHOOLS = """\
School Number,School Name,LA Code,Sector,Postcode
9010001,Harbour Primary,901,Primary,IS1 1AA
9010002,Hill Primary,901,Primary,IS1 2AA
9010003,Island High,901,Secondary,IS1 3AA
"""
# Locations of its schools: the island names no locations reader, so they are not loaded.
LOCATIONS = """\
School Number,Latitude,Longitude
9010001,49.2,-2.1
"""
# P2 works on numeracy, a Welsh focus area the island does not have: set aside.
PLCS = """\
plc_id,name,focus_area,scope,membership_type,start_date,end_date,lead_school_id
P1,Harbour maths,maths,between_schools,self_selected,2018-09-03,,9010001
P2,Numeracy circle,numeracy,between_schools,assigned,2018-09-03,,9010002
P3,Reading together,reading,between_schools,self_selected,2018-09-03,,9010002
"""
# The last member comes from 6602130, a Welsh school number, not of the island's form.
MEMBERSHIPS = """\
plc_id,school_id,member_id,role,joined,left
P1,9010001,m-one,lead,2018-09-03,
P1,9010002,m-two,member,2018-09-03,
P3,9010002,m-three,lead,2018-09-03,
P3,9010003,m-four,member,2018-09-03,
P3,6602130,m-five,member,2018-09-03,
"""
# The island measures no support category.
OUTCOMES = """\
school_id,year,measure,value,source
9010001,2018/19,attainment,52.4,local
9010002,2018/19,support_category,green,local
"""


def write(folder: Path, files: dict[str, str]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def island(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The island's configuration, reference folder and raw folder, refreshed once by
    the command line into island.duckdb."""
    root = tmp_path_factory.mktemp("island")
    config = root / "island.toml"
    config.write_text(ISLAND, encoding="utf-8")
    reference = write(
        root / "reference",
        {
            "local_authorities.csv": LOCAL_AUTHORITIES,
            "schools.csv": SCHOOLS,
            "locations.csv": LOCATIONS,
        },
    )
    raw = write(
        root / "raw",
        {"plcs.csv": PLCS, "plc_memberships.csv": MEMBERSHIPS, "school_outcomes.csv": OUTCOMES},
    )
    db = root / "island.duckdb"
    done = run_refresh(raw, db, "--system", str(config), "--reference", str(reference))
    assert done.returncode == 0, done.stderr
    return {"config": config, "reference": reference, "raw": raw, "db": db}


def test_the_island_is_recorded_with_its_configuration(island):
    [(name, file, sha256, text)] = query(island["db"], "SELECT * FROM refresh_system")
    assert (name, file, text) == ("island", str(island["config"]), ISLAND)
    assert sha256 == load_system(island["config"]).sha256
    assert published_system(island["db"]) == "island"


def test_a_focus_area_outside_the_vocabulary_is_set_aside_with_its_reason(island):
    assert query(island["db"], "SELECT plc_id FROM plcs ORDER BY 1") == [("P1",), ("P3",)]
    [numeracy] = rejected_rows(island["db"], "plcs")
    assert numeracy == Rejected(
        str(island["raw"] / "plcs.csv"),
        3,
        "focus_area",
        "numeracy",
        "not one of the allowed values: reading, maths",
    )


def test_a_school_number_of_another_form_is_set_aside_in_the_systems_words(island):
    [welsh] = rejected_rows(island["db"], "plc_memberships")
    assert (welsh.line, welsh.column, welsh.value) == (6, "school_id", "6602130")
    assert welsh.reason == (
        "not a school identifier: island school number, a 9 and six digits, as island writes them"
    )
    assert query(island["db"], "SELECT count(*) FROM plc_memberships") == [(4,)]


def test_an_outcome_measure_the_system_lacks_is_set_aside(island):
    [category] = rejected_rows(island["db"], "school_outcomes")
    assert (category.column, category.value) == ("measure", "support_category")
    assert category.reason == "not one of the allowed values: attainment"
    assert query(island["db"], "SELECT school_id, value FROM school_outcomes") == [
        (9010001, "52.4")
    ]


def test_the_islands_network_and_focus_areas_are_measured(island):
    # P1 ties 9010001 and 9010002, P3 9010002 and 9010003, in 2018/19.
    ties = query(island["db"], "SELECT school_a, school_b FROM net_edges ORDER BY 1, 2")
    assert ties == [(9010001, 9010002), (9010002, 9010003)]
    focus = query(island["db"], "SELECT DISTINCT focus_area FROM net_focus_summary ORDER BY 1")
    assert focus == [("maths",), ("reading",)]


def test_another_systems_refresh_over_it_is_refused_unless_forced(island, tmp_path):
    db = tmp_path / "island.duckdb"
    shutil.copy(island["db"], db)
    wales = load_system("wales")
    with pytest.raises(SystemChangedError, match="holds the system 'island'"):
        refresh(island["raw"], db, island["reference"], progress=print, system=wales)
    assert published_system(db) == "island"
    forced = refresh(
        island["raw"], db, island["reference"], progress=print, system=wales, force=True
    )
    assert forced.status == "success" and published_system(db) == "wales"
    # Under Wales's contract, numeracy is a focus area and the island's are not.
    assert query(db, "SELECT plc_id FROM plcs") == [("P2",)]


def test_a_database_from_before_systems_is_wales(island, tmp_path):
    db = tmp_path / "before.duckdb"
    shutil.copy(island["db"], db)
    with duckdb.connect(str(db)) as con:
        con.execute("DROP TABLE refresh_system")
    assert published_system(db) == "wales"
    island_system = load_system(island["config"])
    with pytest.raises(SystemChangedError, match="holds the system 'wales'"):
        refresh(island["raw"], db, island["reference"], progress=print, system=island_system)


def test_a_wrong_configuration_is_refused_before_anything_is_read(island, tmp_path):
    spoilt = tmp_path / "spoilt.toml"
    spoilt.write_text(ISLAND.replace('pattern = "9[0-9]{6}"', 'pattern = "9[0-9"'), "utf-8")
    db = tmp_path / "never.duckdb"
    done = run_refresh(island["raw"], db, "--system", str(spoilt))
    assert done.returncode == 2
    assert f"{spoilt}: [school_ids] pattern: not a regular expression" in done.stderr
    assert "The published database was not changed." in done.stderr
    unknown = run_refresh(island["raw"], db, "--system", "atlantis")
    assert unknown.returncode == 2 and "atlantis.toml: no such system file" in unknown.stderr
    assert not db.exists()


def test_a_reference_file_of_a_reader_the_system_does_not_name_is_not_loaded(island):
    assert query(island["db"], "SELECT count(*), count(latitude) FROM schools") == [(3, 0)]
    [(message,)] = query(island["db"], "SELECT message FROM etl_runs")
    locations = island["reference"] / "locations.csv"
    assert message == (
        f"{locations}: a locations file, which the system island does not read "
        f"({island['config']}): not loaded"
    )
