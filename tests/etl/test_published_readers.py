"""Readers of the real published files, and of editions the tests make by hand."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from etl.sources.address_list import read_address_list
from etl.sources.boundaries import topojson_features
from etl.sources.categorisation import read_categorisation
from etl.sources.common import InputError
from etl.sources.detect import detect_kind
from etl.sources.reference import read_reference

PUBLISHED = Path(__file__).resolve().parent.parent / "data" / "published"


def test_reads_every_school_of_the_real_2019_address_list(wales_reference):
    schools = wales_reference.schools
    assert len(schools) == 1498
    assert schools["school_id"].is_unique
    assert set(schools["la_code"]) == set(range(660, 682))
    amlwch = schools.set_index("school_id").loc[6602130]
    assert amlwch["name"] == "Ysgol Gynradd Amlwch"
    assert amlwch["language_medium"] == "welsh"
    assert amlwch["sector"] == "primary"
    assert amlwch["pupils"] == 294
    assert amlwch["latitude"] == pytest.approx(53.412411)


def test_reads_the_22_local_authorities_with_their_consortia(wales_reference):
    las = wales_reference.local_authorities.set_index("la_code")
    assert len(las) == 22
    assert las["consortium_code"].value_counts().to_dict() == {
        "GWE": 6,
        "ERW": 6,
        "CSC": 5,
        "EAS": 5,
    }
    assert las.loc[673, "name_cy"] == "Bro Morgannwg"


def test_reads_the_real_categorisation_list_as_2019_20(wales_reference):
    categories = wales_reference.categories
    assert len(categories) == 1247
    assert set(categories["year"]) == {"2019/20"}
    counts = categories["category"].value_counts().to_dict()
    assert counts == {"green": 609, "yellow": 505, "amber": 113, "red": 20}
    amlwch = categories.set_index("school_id").loc[6602130]
    assert amlwch["category"] == "amber"


def test_address_list_edition_with_bom_blank_and_note_rows():
    schools, rejected, encoding = read_address_list(PUBLISHED / "address-list-2020-edition.csv")
    assert encoding == "utf-8-sig"
    assert list(schools["school_id"]) == [6602130, 6602999]
    assert schools.loc[1, "name"] == "Ysgol Gŵyr Fach"
    # Line 5 has a malformed school number; 6 and 7 are a total and a note.
    assert [(r.line, r.column) for r in rejected] == [
        (5, "School Number"),
        (6, "School Number"),
        (7, "School Number"),
    ]
    assert "seven digits" in rejected[0].reason
    assert "note or total" in rejected[1].reason


def test_address_list_saved_as_windows_1252_says_so():
    schools, rejected, encoding = read_address_list(PUBLISHED / "address-list-windows-1252.csv")
    assert encoding == "cp1252"
    assert schools.loc[1, "name"] == "Ysgol Brân ôl"
    assert rejected == []


def test_categorisation_with_title_rows_and_bilingual_values():
    categories, rejected, _ = read_categorisation(
        PUBLISHED / "categorisation-tiny-2018-secondary.csv"
    )
    assert categories.to_dict("records") == [
        {"school_id": 6602130, "year": "2018/19", "category": "amber", "line": 14}
    ]
    assert [(r.column, r.value) for r in rejected] == [
        ("Support Category", "Purple/Porffor"),
        ("School code", ""),
    ]


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("address-list-2020-edition.csv", "address_list"),
        ("address-list-windows-1252.csv", "address_list"),
        ("categorisation-tiny-2018-secondary.csv", "categorisation"),
    ],
)
def test_detects_files_by_header_not_name(tmp_path, name, kind):
    renamed = tmp_path / "anything.csv"
    shutil.copy(PUBLISHED / name, renamed)
    assert detect_kind(renamed) == kind


def test_detects_contract_file_missing_columns_as_its_table(test_data):
    assert detect_kind(test_data / "bad" / "plcs_missing_columns.csv") == "contract:plcs"


def test_newer_address_list_edition_overrides_school_by_school(tmp_path, reference_dir):
    shutil.copy(PUBLISHED / "address-list-windows-1252.csv", tmp_path / "zz-newer.csv")
    reference = read_reference(reference_dir, tmp_path)
    schools = reference.schools.set_index("school_id")
    assert len(schools) == 1499  # 6612001 is new; 6602130 is in both
    assert schools.loc[6612001, "name"] == "Ysgol Brân ôl"
    assert schools.loc[6602130, "source_file"].endswith("zz-newer.csv")


def test_missing_address_list_is_a_clear_error(tmp_path, reference_dir):
    shutil.copy(reference_dir / "local_authorities.csv", tmp_path)
    with pytest.raises(InputError, match="no address list of schools found"):
        read_reference(tmp_path)


def test_older_edition_dropped_in_does_not_override_the_newer(tmp_path, reference_dir):
    older = tmp_path / "address-list-schools-wales-maintained-20150101.csv"
    shutil.copy(PUBLISHED / "address-list-windows-1252.csv", older)
    schools = read_reference(reference_dir, tmp_path).schools.set_index("school_id")
    assert schools.loc[6602130, "source_file"].endswith("maintained-20190318.csv")
    assert schools.loc[6612001, "source_file"] == str(older)  # only in the older edition


def test_middle_school_in_two_categorisation_lists_is_kept_once(tmp_path, reference_dir):
    """Middle schools are in the primary and the secondary list with one category."""
    secondary = tmp_path / "national-school-categorisation-2019-secondary.csv"
    text = (PUBLISHED / "categorisation-tiny-2018-secondary.csv").read_text(encoding="utf-8")
    # The same school (6602130) in a 2019/20 secondary list, as in the primary list.
    secondary.write_text(text.replace("January 2019", "January 2020"), encoding="utf-8")
    categories = read_reference(reference_dir, tmp_path).categories
    rows = categories[(categories["school_id"] == 6602130) & (categories["year"] == "2019/20")]
    assert len(rows) == 1
    assert rows.iloc[0]["category"] == "amber"


def test_file_in_no_known_encoding_is_a_clear_error(tmp_path):
    path = tmp_path / "address-list.csv"
    # 0x81 and 0x9d are undefined in Windows-1252 and invalid in UTF-8.
    path.write_bytes(
        b"School Number,School Name,LA Code,Sector,Postcode\n6602130,Ysgol \x81\x9d,660,"
        b"Primary,LL68 9DU\n"
    )
    with pytest.raises(
        InputError, match=r"address-list.csv: cannot be read as UTF-8 or Windows-1252"
    ):
        read_address_list(path)


def test_reads_the_22_la_boundaries_from_geojson(wales_reference):
    boundaries = wales_reference.boundaries
    assert len(boundaries) == 22
    assert set(boundaries["ons_code"]) == set(wales_reference.local_authorities["ons_code"])
    assert {json.loads(g)["type"] for g in boundaries["geometry"]} <= {"Polygon", "MultiPolygon"}


def _bounds(geometry):
    points = [p for polygon in _polygons(geometry) for ring in polygon for p in ring]
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    return min(xs), min(ys), max(xs), max(ys)


def _polygons(geometry):
    if geometry["type"] == "Polygon":
        return [geometry["coordinates"]]
    return geometry["coordinates"]


def test_topojson_decodes_to_the_same_boundaries_as_the_geojson(reference_dir):
    """The TopoJSON and GeoJSON editions of the boundaries must describe the same shapes."""
    topo = json.loads((reference_dir / "boundaries" / "topo_lad.json").read_text())
    geo = json.loads((reference_dir / "boundaries" / "lad.json").read_text())
    decoded = {f["properties"]["LAD13CD"]: f["geometry"] for f in topojson_features(topo)}
    exact = {f["properties"]["LAD13CD"]: f["geometry"] for f in geo["features"]}
    assert decoded.keys() == exact.keys()
    for code, geometry in exact.items():
        # TopoJSON is quantised (about 0.0003 degrees) and may be simplified.
        assert _bounds(decoded[code]) == pytest.approx(_bounds(geometry), abs=0.01), code


def test_topojson_alone_is_loaded_when_no_geojson_is_given(tmp_path, reference_dir):
    for name in ("local_authorities.csv", "address-list-schools-wales-maintained-20190318.csv"):
        shutil.copy(reference_dir / name, tmp_path)
    shutil.copy(reference_dir / "boundaries" / "topo_lad.json", tmp_path / "anything.json")
    boundaries = read_reference(tmp_path).boundaries
    assert len(boundaries) == 22
    assert boundaries["source_file"].str.endswith("anything.json").all()
