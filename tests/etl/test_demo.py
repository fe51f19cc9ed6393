"""The seeded demo generator: contract-shaped files, the published categories kept, and
the planted effect really there.

Most tests read the files of one Wales demo on the real reference files (the
session's one demo, tests/demo_wales.py); determinism and the odd corners run on a
tiny hand-made reference.
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from etl.contract import (
    CONTRACT,
    ENQUIRY_STAGES,
    REVIEW_FEATURES,
    SCOPES,
    SUPPORT_CATEGORIES,
    contract_file,
)
from etl.demo import SYSTEMS, generate_england, generate_synthetic, generate_wales, model
from etl.demo.england import ADDRESS_LIST_COLUMNS
from etl.sources.reference import Reference, read_reference

REFERENCE_DIR = Path(__file__).resolve().parents[2] / "data" / "reference"
CSV_FILES = [spec.file_name for spec in CONTRACT]
FIRST_DAY, LAST_DAY = "2015-09-01", "2020-08-31"


def quiet(_: str) -> None:
    """A progress callback that prints nothing."""


def read(folder: Path, table: str) -> pd.DataFrame:
    """A contract file as text, empty cells as empty strings."""
    return pd.read_csv(folder / contract_file(table).file_name, dtype=str, keep_default_na=False)


def truth(folder: Path) -> dict:
    return json.loads((folder / "demo_truth.json").read_text(encoding="utf-8"))


def digests(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def tiny_reference() -> Reference:
    """Two consortia of two LAs, six schools in each LA; published categories for the
    primaries of 660 in 2019/20 and for one of them in 2017/18 as well."""
    las = pd.read_csv(REFERENCE_DIR / "local_authorities.csv")
    las = las[las["la_code"].isin([660, 661, 667, 668])].reset_index(drop=True)
    rows = []
    for k, la in enumerate([660, 661, 667, 668]):
        for n in range(6):
            rows.append(
                {
                    "school_id": la * 10000 + 2000 + n,
                    "name": f"School {n} of {la}",
                    "la_code": la,
                    "sector": "secondary" if n == 5 else "primary",
                    "language_medium": "welsh",
                    "pupils": 60 + 40 * n if n != 3 else pd.NA,
                    "latitude": 52.0 + 0.4 * k + 0.01 * n if n != 4 else np.nan,
                    "longitude": -4.0 + 0.02 * n,
                }
            )
    schools = pd.DataFrame(rows).astype({"pupils": "Int64"})
    categories = pd.DataFrame(
        {
            "school_id": [6602000, 6602001, 6602002, 6602003, 6602004, 6602000, 9999999],
            "year": ["2019/20"] * 5 + ["2017/18", "2019/20"],
            "category": ["green", "yellow", "amber", "red", "green", "amber", "red"],
        }
    )
    return Reference(las, schools, categories)


@pytest.fixture(scope="module")
def tiny_demo(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("tiny")
    generate_wales(tiny_reference(), out, seed=7, progress=quiet, n_plcs=150)
    return out


@pytest.fixture(scope="module")
def wales_demo(demo_wales_build) -> Path:
    """The session's one demo Wales (tests/conftest.py): ``etl demo`` on the real reference."""
    out = demo_wales_build.raw
    # The rows ``etl demo`` reports per file (generate_wales's counts) are the rows written.
    assert demo_wales_build.counts == {name: len(pd.read_csv(out / name)) for name in CSV_FILES}
    return out


@pytest.fixture(scope="module")
def wales(wales_demo) -> dict[str, pd.DataFrame]:
    return {spec.table: read(wales_demo, spec.table) for spec in CONTRACT}


# --- determinism -------------------------------------------------------------------


def test_same_seed_writes_byte_identical_files(tiny_demo, tmp_path):
    generate_wales(tiny_reference(), tmp_path, seed=7, progress=quiet, n_plcs=150)
    assert digests(tmp_path) == digests(tiny_demo)
    assert set(digests(tmp_path)) == {*CSV_FILES, "demo_truth.json"}


def test_another_seed_writes_other_files(tiny_demo, tmp_path):
    generate_wales(tiny_reference(), tmp_path, seed=8, progress=quiet, n_plcs=150)
    first, second = digests(tiny_demo), digests(tmp_path)
    assert all(first[name] != second[name] for name in CSV_FILES)


# --- the contract ----------------------------------------------------------------------


@pytest.mark.parametrize("table", [spec.table for spec in CONTRACT])
def test_files_have_exactly_the_contract_columns_and_allowed_values(wales, table):
    spec = contract_file(table)
    frame = wales[table]
    assert tuple(frame.columns) == spec.column_names
    assert len(frame) > 0
    for column in spec.columns:
        values = frame[column.name]
        if column.required:
            assert (values != "").all(), column.name
        if column.allowed:
            assert set(values) <= set(column.allowed), column.name
        if column.type == "date":
            dated = values[values != ""]
            assert dated.str.fullmatch(r"\d{4}-\d{2}-\d{2}").all()
            assert pd.to_datetime(dated, format="%Y-%m-%d").between(FIRST_DAY, LAST_DAY).all()
        if column.type == "year":
            assert set(values) <= set(model.YEARS)
    assert not frame.duplicated(list(spec.key)).any()


def test_ids_look_as_the_contract_shows(wales):
    assert wales["plcs"]["plc_id"].str.fullmatch(r"PLC-\d{5}").all()
    assert wales["plc_memberships"]["member_id"].str.fullmatch(r"m-[0-9a-f]{10}").all()
    assert wales["plc_activities"]["activity_id"].str.fullmatch(r"A-\d{7}").all()
    # Practitioners take part in several PLCs, as keen ones do.
    plcs_per_member = wales["plc_memberships"].groupby("member_id")["plc_id"].nunique()
    assert plcs_per_member.max() >= 3


def test_makes_about_two_thousand_plcs_over_the_real_schools(wales, wales_reference):
    assert 1900 <= len(wales["plcs"]) <= 2100
    schools = set(wales_reference.schools["school_id"].astype(str))
    assert set(wales["plc_memberships"]["school_id"]) <= schools
    assert set(wales["plcs"]["lead_school_id"]) <= schools
    assert set(wales["school_outcomes"]["school_id"]) == schools
    assert set(wales["plcs"]["scope"]) == set(SCOPES)
    assert (wales["plcs"]["end_date"] == "").mean() > 0.05  # some still running


def test_dates_are_in_order_and_within_each_plc(wales):
    plcs = wales["plcs"].set_index("plc_id")
    assert (plcs["end_date"].eq("") | (plcs["start_date"] <= plcs["end_date"])).all()
    members = wales["plc_memberships"].join(plcs, on="plc_id")
    assert (members["left"].eq("") | (members["joined"] <= members["left"])).all()
    assert (members["joined"] >= members["start_date"]).all()
    ended = members["end_date"] != ""
    assert (members.loc[ended, "joined"] <= members.loc[ended, "end_date"]).all()
    assert (
        members["left"].eq("")
        | members["end_date"].eq("")
        | (members["left"] <= members["end_date"])
    ).all()
    acts = wales["plc_activities"].join(plcs, on="plc_id")
    assert (acts["activity_date"] >= acts["start_date"]).all()
    assert (acts["end_date"].eq("") | (acts["activity_date"] <= acts["end_date"])).all()


def test_each_plc_has_one_lead_from_its_lead_school(wales):
    members = wales["plc_memberships"]
    leads = members[members["role"] == "lead"].set_index("plc_id")["school_id"]
    assert leads.index.is_unique
    plcs = wales["plcs"].set_index("plc_id")
    assert (leads.reindex(plcs.index) == plcs["lead_school_id"]).all()


def test_reviews_score_each_active_year_of_each_plc_1_to_5(wales):
    reviews = wales["plc_reviews"]
    scores = reviews[list(REVIEW_FEATURES)].astype(int)
    assert scores.isin([1, 2, 3, 4, 5]).all().all()
    expected = active_plc_years(wales["plcs"])
    assert set(zip(reviews["plc_id"], reviews["year"], strict=True)) == expected


def test_attendance_never_exceeds_the_members_on_the_day(wales):
    acts = wales["plc_activities"]
    members = wales["plc_memberships"]
    on_day = acts.merge(members, on="plc_id")
    on_day = on_day[
        (on_day["joined"] <= on_day["activity_date"])
        & (on_day["left"].eq("") | (on_day["left"] >= on_day["activity_date"]))
    ]
    present = on_day.groupby("activity_id").size().reindex(acts["activity_id"], fill_value=0)
    attendance = acts.set_index("activity_id")["attendance"].astype(int)
    assert (attendance >= 0).all()
    assert (attendance <= present).all()


# --- scopes and shallow PLCs ----------------------------------------------------------


def plc_geography(frame: dict[str, pd.DataFrame], las: pd.DataFrame) -> pd.DataFrame:
    """Per PLC: its scope and how many schools, LAs and consortia its members come from."""
    consortium = las.assign(la_code=las["la_code"].astype(str)).set_index("la_code")[
        "consortium_code"
    ]
    members = frame["plc_memberships"].assign(la_code=lambda m: m["school_id"].str[:3])
    members["consortium"] = members["la_code"].map(consortium)
    spread = members.groupby("plc_id").agg(
        schools=("school_id", "nunique"),
        las=("la_code", "nunique"),
        consortia=("consortium", "nunique"),
    )
    return frame["plcs"].set_index("plc_id")[["scope"]].join(spread)


def check_scopes(folder: Path, las: pd.DataFrame) -> None:
    """Each PLC's schools fit its scope, except the shallow one-school PLCs the truth names."""
    frames = {spec.table: read(folder, spec.table) for spec in CONTRACT}
    geo = plc_geography(frames, las)
    one_school = sorted(
        s["plc_id"] for s in truth(folder)["shallow_plcs"] if s["kind"] == "one_school"
    )
    within = geo[geo["scope"] == "within_school"]
    assert (within["schools"] == 1).all()
    between = geo[(geo["scope"] == "between_schools") & ~geo.index.isin(one_school)]
    assert (between["las"] == 1).all() and (between["schools"].between(2, 10)).all()
    assert (geo.loc[one_school, "schools"] == 1).all()
    assert (geo.loc[one_school, "scope"] == "between_schools").all()
    across_las = geo[geo["scope"] == "across_las"]
    assert (across_las["las"] > 1).all() and (across_las["consortia"] == 1).all()
    across = geo[geo["scope"] == "across_consortia"]
    assert (across["consortia"] > 1).all()
    assert set(geo["scope"]) == set(SCOPES)


def test_scopes_hold_except_the_shallow_plcs_of_one_school(wales_demo, wales_reference):
    check_scopes(wales_demo, wales_reference.local_authorities)
    assert any(s["kind"] == "one_school" for s in truth(wales_demo)["shallow_plcs"])


def test_scopes_hold_on_a_tiny_reference(tiny_demo):
    check_scopes(tiny_demo, tiny_reference().local_authorities)


def test_between_schools_plcs_prefer_near_neighbours(wales, wales_reference):
    schools = wales_reference.schools.assign(school_id=lambda s: s["school_id"].astype(str))
    place = schools.set_index("school_id")[["latitude", "longitude", "la_code"]].astype(float)
    plcs = wales["plcs"].set_index("plc_id")
    members = wales["plc_memberships"][["plc_id", "school_id"]].drop_duplicates()
    members = members[members["plc_id"].map(plcs["scope"]) == "between_schools"]
    lead = members["plc_id"].map(plcs["lead_school_id"])
    others = members[members["school_id"] != lead]
    gap = place.loc[others["school_id"]].to_numpy() - place.loc[lead[others.index]].to_numpy()
    in_plc = np.hypot(gap[:, 0], gap[:, 1]).mean()
    # Against any school of the same LA as the lead.
    pairs = place.reset_index().merge(place.reset_index(), on="la_code")
    pairs = pairs[pairs["school_id_x"] != pairs["school_id_y"]]
    same_la = np.hypot(
        pairs["latitude_x"] - pairs["latitude_y"], pairs["longitude_x"] - pairs["longitude_y"]
    ).mean()
    assert in_plc < 0.7 * same_la


def test_shallow_plcs_are_as_the_truth_says(wales, wales_demo):
    shallow = {s["plc_id"]: s["kind"] for s in truth(wales_demo)["shallow_plcs"]}
    plcs = wales["plcs"]
    assert 0.15 <= len(shallow) / len(plcs) <= 0.25
    kinds = pd.Series(shallow).value_counts()
    assert set(kinds.index) == set(model.SHALLOW_REASONS)
    assert kinds["no_activity"] >= 5 and kinds["one_school"] >= 5
    acts = wales["plc_activities"]
    shallow_acts = acts[acts["plc_id"].isin(shallow)]
    assert not shallow_acts["stage"].isin(["analyse_data", "review"]).any()
    no_activity = [p for p, k in shallow.items() if k == "no_activity"]
    assert not acts["plc_id"].isin(no_activity).any()
    assert wales["plc_memberships"]["plc_id"].isin(no_activity).sum() >= len(no_activity)
    reviews = wales["plc_reviews"]
    low = reviews[["learner_focus", "data_informed"]].astype(int)
    is_shallow = reviews["plc_id"].isin(shallow)
    assert low[is_shallow].isin([1, 2]).all().all()
    assert (low[~is_shallow] >= 3).all().all()


def test_deep_plcs_run_whole_enquiry_cycles_in_order(wales, wales_demo):
    shallow = {s["plc_id"] for s in truth(wales_demo)["shallow_plcs"]}
    acts = wales["plc_activities"]
    deep = acts[~acts["plc_id"].isin(shallow)].copy()
    deep["year"] = academic_year(deep["activity_date"])
    deep = deep.sort_values(["plc_id", "activity_date", "activity_id"])
    cycle = len(ENQUIRY_STAGES)
    per_year = deep.groupby(["plc_id", "year"])
    assert (per_year.size() % cycle == 0).all()
    expected = np.array(ENQUIRY_STAGES)[per_year.cumcount().to_numpy() % cycle]
    assert (deep["stage"].to_numpy() == expected).all()
    assert deep["plc_id"].nunique() == len(wales["plcs"]) - len(shallow)


def test_a_lone_school_gets_only_within_school_plcs(tmp_path):
    reference = tiny_reference()
    reference.schools = reference.schools.head(1)
    counts = generate_wales(reference, tmp_path, seed=1, progress=quiet, n_plcs=20)
    assert counts["plcs.csv"] == 20
    plcs = read(tmp_path, "plcs")
    assert set(plcs["scope"]) == {"within_school"}
    assert set(read(tmp_path, "plc_memberships")["school_id"]) == {"6602000"}


# --- outcomes --------------------------------------------------------------------------


def test_the_published_category_is_never_overwritten(wales, wales_reference):
    outcomes = wales["school_outcomes"]
    assert (outcomes["source"] == "demo").all()
    published = wales_reference.categories.assign(school_id=lambda c: c["school_id"].astype(str))
    cats = outcomes[outcomes["measure"] == "support_category"]
    clash = cats.merge(published, on=["school_id", "year"])
    assert clash.empty
    # The other four years are simulated around the published one.
    anchored = cats[cats["school_id"].isin(published["school_id"])]
    assert (anchored.groupby("school_id")["year"].nunique() == 4).all()
    assert anchored["school_id"].nunique() >= 1200


def test_simulated_years_agree_with_the_published_category(wales, wales_reference):
    outcomes = wales["school_outcomes"]
    published = wales_reference.categories.assign(school_id=lambda c: c["school_id"].astype(str))
    attainment = outcomes[outcomes["measure"] == "attainment"]
    at_anchor = published.merge(attainment, on=["school_id", "year"])
    floors = model.CATEGORY_FLOORS
    value = at_anchor["value"].astype(float)
    above = value >= at_anchor["category"].map(floors)
    order = list(SUPPORT_CATEGORIES)
    next_up = at_anchor["category"].map(
        lambda c: floors[order[order.index(c) - 1]] if c != order[0] else np.inf
    )
    assert (above & (value < next_up)).all()
    cats = outcomes[outcomes["measure"] == "support_category"]
    before = cats[cats["year"] == "2018/19"].merge(published, on="school_id")
    green_before = before.loc[before["category"] == "green", "value"]
    assert green_before.isin(["green", "yellow"]).mean() > 0.9
    # The system improves: more green schools each year.
    greens = cats.assign(green=cats["value"] == "green").groupby("year")["green"].mean()
    assert greens.is_monotonic_increasing or greens.iloc[:-1].is_monotonic_increasing


def test_every_school_has_attainment_every_year_on_a_0_to_100_scale(wales):
    outcomes = wales["school_outcomes"]
    attainment = outcomes[outcomes["measure"] == "attainment"]
    assert (attainment.groupby("school_id")["year"].nunique() == len(model.YEARS)).all()
    assert attainment["value"].astype(float).between(0, 100).all()
    assert attainment["value"].str.fullmatch(r"\d+\.\d").all()


def test_a_school_published_in_two_years_keeps_both(tiny_demo):
    outcomes = read(tiny_demo, "school_outcomes")
    cats = outcomes[outcomes["measure"] == "support_category"]
    school = cats[cats["school_id"] == "6602000"]
    assert set(school["year"]) == set(model.YEARS) - {"2017/18", "2019/20"}
    assert not cats["school_id"].eq("9999999").any()
    assert truth(tiny_demo)["published_categories_kept"] == 6


# --- the planted effect -----------------------------------------------------------------


def academic_year(dates: pd.Series) -> pd.Series:
    """'2018/19' for dates from 1 September 2018 to 31 August 2019."""
    when = pd.to_datetime(dates, format="%Y-%m-%d")
    start = when.dt.year - (when.dt.month < 9)
    return start.astype(str) + "/" + ((start + 1) % 100).map("{:02d}".format)


def year_bounds(year: str) -> tuple[str, str]:
    first = int(year[:4])
    return f"{first}-09-01", f"{first + 1}-08-31"


def active_plc_years(plcs: pd.DataFrame) -> set[tuple[str, str]]:
    found = set()
    for year in model.YEARS:
        first, last = year_bounds(year)
        active = (plcs["start_date"] <= last) & (
            plcs["end_date"].eq("") | (plcs["end_date"] >= first)
        )
        found |= {(plc, year) for plc in plcs.loc[active, "plc_id"]}
    return found


def exposure_from_files(folder: Path) -> pd.DataFrame:
    """exposure(s, t) computed from the written files, as demo_truth.json defines it."""
    plcs = read(folder, "plcs")
    members = read(folder, "plc_memberships")
    shallow = {s["plc_id"] for s in truth(folder)["shallow_plcs"]}
    counted = plcs[~plcs["plc_id"].isin(shallow) & (plcs["scope"] != "within_school")]
    members = members.merge(counted[["plc_id", "start_date", "end_date"]], on="plc_id")
    frames = []
    for year in model.YEARS:
        first, last = year_bounds(year)
        active = (
            (members["start_date"] <= last)
            & (members["end_date"].eq("") | (members["end_date"] >= first))
            & (members["joined"] <= last)
            & (members["left"].eq("") | (members["left"] >= first))
        )
        per_school = members[active].groupby("school_id")["plc_id"].nunique()
        frames.append(per_school.rename("exposure").reset_index().assign(year=year))
    return pd.concat(frames)


def fit_planted_effect(folder: Path) -> tuple[float, float, float]:
    """Least squares of the yearly change in attainment on exposure, with a constant per
    year: returns the slope, its standard error and the residual standard deviation."""
    outcomes = read(folder, "school_outcomes")
    attainment = outcomes[outcomes["measure"] == "attainment"]
    wide = attainment.pivot(index="school_id", columns="year", values="value").astype(float)
    change = wide.diff(axis=1).iloc[:, 1:].stack().rename("change").reset_index()
    data = change.merge(exposure_from_files(folder), on=["school_id", "year"], how="left")
    data["exposure"] = data["exposure"].fillna(0)
    years = pd.get_dummies(data["year"], dtype=float)
    x = np.column_stack([data["exposure"].to_numpy(float), years.to_numpy()])
    y = data["change"].to_numpy()
    coef, *_ = np.linalg.lstsq(x, y, rcond=None)
    residual = y - x @ coef
    variance = residual @ residual / (len(y) - x.shape[1])
    se = float(np.sqrt(variance * np.linalg.inv(x.T @ x)[0, 0]))
    return float(coef[0]), se, float(np.sqrt(variance))


def test_the_planted_effect_is_there(wales_demo):
    facts = truth(wales_demo)
    slope, se, residual_sd = fit_planted_effect(wales_demo)
    # About 6,000 school-years with exposure spread over 0 to 10: the slope's standard
    # error is about 0.02, so 4 standard errors leave no room for a missing effect.
    assert se < 0.05
    assert abs(slope - facts["beta"]) < 4 * se
    assert residual_sd == pytest.approx(facts["noise_sd"], rel=0.1)


def test_the_truth_file_says_what_was_planted(wales_demo):
    facts = truth(wales_demo)
    assert facts["seed"] == 2015
    assert facts["years"] == list(model.YEARS)
    assert facts["beta"] == model.BETA
    assert "deep" in facts["exposure_definition"]
    assert facts["shallow_plcs"]
    for plc in facts["shallow_plcs"]:
        assert re.fullmatch(r"PLC-\d{5}", plc["plc_id"])
        assert plc["reasons"] == model.SHALLOW_REASONS[plc["kind"]]


# --- England scale -------------------------------------------------------------------


@pytest.fixture(scope="module")
def england(tmp_path_factory) -> tuple[Path, dict[str, int]]:
    out = tmp_path_factory.mktemp("england")
    counts = generate_england(out, seed=3, progress=quiet, n_schools=3000, n_plcs=3750)
    return out, counts


def test_england_reference_files_read_as_the_welsh_ones(england):
    out, counts = england
    ref = out / "reference"
    welsh_header = (REFERENCE_DIR / "local_authorities.csv").read_text("utf-8").splitlines()[0]
    assert (ref / "local_authorities.csv").read_text("utf-8").splitlines()[0] == welsh_header
    address = next(REFERENCE_DIR.glob("address-list-schools-wales-*.csv"))
    header = address.read_text("utf-8-sig").splitlines()[0]
    assert header == ",".join(ADDRESS_LIST_COLUMNS)
    assert (
        (ref / "address-list-schools-england-synthetic.csv").read_text("utf-8").startswith(header)
    )
    locations = (REFERENCE_DIR / "school-number-postcodes-geocoded.csv").read_text("utf-8")
    assert (ref / "school-number-postcodes-geocoded.csv").read_text("utf-8").splitlines()[0] == (
        locations.splitlines()[0]
    )
    reference = read_reference(ref)
    assert not reference.rejections
    las = reference.local_authorities
    assert list(las["la_code"]) == list(range(801, 951))
    assert las["consortium_code"].nunique() == 9
    schools = reference.schools
    assert len(schools) == 3000 == counts["reference/address-list-schools-england-synthetic.csv"]
    assert (schools["school_id"] // 10000 == schools["la_code"]).all()
    assert schools["school_id"].between(1_000_000, 9_999_999).all()
    assert schools["latitude"].notna().all()
    assert set(schools["sector"]) <= {"primary", "secondary", "middle", "special", "nursery"}


def test_england_contract_files_follow_the_same_rules(england):
    out, counts = england
    raw = out / "raw"
    for spec in CONTRACT:
        frame = read(raw, spec.table)
        assert tuple(frame.columns) == spec.column_names
        assert counts[f"raw/{spec.file_name}"] == len(frame)
    assert counts["raw/plcs.csv"] == 3750
    schools = set(read_reference(out / "reference").schools["school_id"].astype(str))
    members = read(raw, "plc_memberships")
    assert set(members["school_id"]) <= schools
    outcomes = read(raw, "school_outcomes")
    # No published categories: every school has both measures every year.
    assert len(outcomes) == len(schools) * len(model.YEARS) * 2
    check_scopes(raw, read_reference(out / "reference").local_authorities)
    slope, se, _ = fit_planted_effect(raw)
    assert abs(slope - model.BETA) < 4 * se


def test_england_same_seed_same_files(england, tmp_path):
    out, _ = england
    generate_england(tmp_path, seed=3, progress=quiet, n_schools=3000, n_plcs=3750)
    assert digests(tmp_path) == digests(out)


def test_england_is_at_real_density_by_default():
    # 5.6 PLCs a school give England's real density, about 600,000 ties a year
    # (measured by tests/bench/scale_bench.py); the old demo had 1.25.
    assert SYSTEMS["england"].n_plcs == 134_400


# --- United States scale -----------------------------------------------------------


def test_us_system_has_districts_and_states(tmp_path):
    us = SYSTEMS["us"]
    counts = generate_synthetic(tmp_path, us, seed=5, progress=quiet, n_schools=1800, n_plcs=900)
    reference = read_reference(tmp_path / "reference")
    assert not reference.rejections
    las = reference.local_authorities
    assert list(las["la_code"]) == list(range(100, 1000))
    assert las["name_en"].iloc[0] == "District 100"
    assert las["consortium_code"].nunique() == 51
    assert sorted(set(las["consortium_name_en"]))[:2] == ["State 1", "State 10"]
    # Consecutive districts share a state.
    assert las["consortium_code"].is_monotonic_increasing
    schools = reference.schools
    assert len(schools) == 1800 == counts["reference/address-list-schools-us-synthetic.csv"]
    assert schools["latitude"].between(24, 50).all()
    assert schools["longitude"].between(-125, -66).all()
    facts = truth(tmp_path / "raw")
    assert facts["scale"] == "us"
    assert facts["levels"] == {"la_code": "district", "consortium_code": "state"}
    check_scopes(tmp_path / "raw", las)


def test_the_cli_offers_every_synthetic_system():
    from etl.cli import build_parser

    demo = build_parser().parse_args(["demo", "--scale", "us"])
    assert demo.scale == "us"
    with pytest.raises(SystemExit):
        build_parser().parse_args(["demo", "--scale", "mars"])


def test_the_demo_document_quotes_the_model(reference_dir):
    text = (reference_dir.parent.parent / "docs" / "demo.md").read_text(encoding="utf-8")
    assert f"BETA = {model.BETA}" in text
    assert f"NOISE_SD = {model.NOISE_SD}" in text
    drift = ", ".join(f"{year} {value:+.1f}" for year, value in model.YEAR_DRIFT.items())
    assert f"year_drift: {drift}" in text
    floors = [f"{c} from {f:.0f}" for c, f in model.CATEGORY_FLOORS.items() if np.isfinite(f)]
    red = list(model.CATEGORY_FLOORS)[-1]
    last_floor = min(f for f in model.CATEGORY_FLOORS.values() if np.isfinite(f))
    assert f"{', '.join(floors)}, {red} below {last_floor:.0f}" in " ".join(text.split())
    for category, (low, high) in model.ANCHOR_BANDS.items():
        assert f"{category} {low:.0f} to {high:.0f}" in " ".join(text.split())
    for kind in model.SHALLOW_REASONS:
        assert f"`{kind}`" in text
