"""Synthetic school systems for benchmarks: invented schools, the Wales demo's logic.

Each system is a :class:`SyntheticSystem` in :data:`SYSTEMS`, which holds every
number and name that tells the systems apart (their levels' names too, so that
they live in one place):

- ``england``: about 24,000 schools in 150 authorities (LA codes 801 to 950,
  "Authority 801") grouped in 9 regions (R1 to R9), in a box roughly the size of
  England, at England's real density of ties (about 600,000 a year).
- ``us``: about 130,000 schools in 900 districts (codes 100 to 999, "District
  100": the reference formats allow three-digit codes only, so there are fewer,
  larger districts than the United States' 13,000) grouped in 51 states (S01 to
  S51), in a box the size of the contiguous United States, about 1.75 million
  ties a year (issue 13 asks for about 1.65 million).

The reference files are written in the published Welsh formats, so the ETL
reads them exactly as it reads Wales (districts and states load as LAs and
consortia); there is no categorisation file, so every outcome is simulated.

Layout of ``out_dir``::

    reference/local_authorities.csv
    reference/address-list-schools-<name>-synthetic.csv
    reference/school-number-postcodes-geocoded.csv
    raw/plcs.csv, raw/plc_memberships.csv, ... raw/demo_truth.json
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from etl.demo.system import generate_system
from etl.sources.local_authorities import COLUMNS as LA_COLUMNS

__all__ = [
    "ADDRESS_LIST_COLUMNS",
    "ENGLAND",
    "SYSTEMS",
    "UNITED_STATES",
    "SyntheticSystem",
    "draw_authorities",
    "draw_schools",
    "generate_synthetic",
]


@dataclass(frozen=True)
class SyntheticSystem:
    """What tells one synthetic system apart: its size, density, names and place.

    ``plcs_per_school`` is the density: PLCs drawn per school, over the five
    years. The share of PLCs of each scope and the schools each draws are the
    Wales demo's (``etl.demo.model``), so ties a year grow in proportion to it;
    ``ties_per_year`` records what it gives with seed 2015, for the docs.
    """

    name: str
    n_schools: int
    n_authorities: int
    n_regions: int
    plcs_per_school: float
    ties_per_year: int
    first_la_code: int
    # The levels' names: the middle (loaded as LAs) and the top (as consortia),
    # singular, in English and Welsh, and the code prefixes.
    authority: tuple[str, str]
    region: tuple[str, str]
    levels: tuple[str, str]
    region_prefix: str
    ons_prefix: str
    latitudes: tuple[float, float]
    longitudes: tuple[float, float]

    @property
    def n_plcs(self) -> int:
        return round(self.plcs_per_school * self.n_schools)

    @property
    def address_list_file(self) -> str:
        return f"address-list-schools-{self.name}-synthetic.csv"


ENGLAND = SyntheticSystem(
    name="england",
    n_schools=24_000,
    n_authorities=150,
    n_regions=9,
    plcs_per_school=5.6,
    ties_per_year=600_000,
    first_la_code=801,
    authority=("Authority", "Awdurdod"),
    region=("Region", "Rhanbarth"),
    levels=("local authority", "region"),
    region_prefix="R",
    # E99 is not a real ONS prefix, so these never collide with real areas.
    ons_prefix="E99",
    latitudes=(50.6, 54.8),
    longitudes=(-3.4, 1.3),
)
UNITED_STATES = SyntheticSystem(
    name="us",
    n_schools=130_000,
    n_authorities=900,
    n_regions=51,
    plcs_per_school=2.9,
    ties_per_year=1_750_000,
    first_la_code=100,
    authority=("District", "Dosbarth"),
    region=("State", "Talaith"),
    levels=("district", "state"),
    region_prefix="S",
    ons_prefix="U99",
    latitudes=(25.0, 49.0),
    longitudes=(-124.0, -67.0),
)
SYSTEMS = {system.name: system for system in (ENGLAND, UNITED_STATES)}
LOCATIONS_FILE = "school-number-postcodes-geocoded.csv"

# The header of the Welsh Government address list of schools (2019 edition).
ADDRESS_LIST_COLUMNS = (
    "School Number",
    "School Name",
    "LA Code",
    "Local Authority",
    "Sector",
    "Governance - see notes",
    "WM Code",
    "Welsh Medium Type - see notes",
    "School Type",
    "Religious Character",
    "Address 1",
    "Address 2",
    "Address 3",
    "Address 4",
    "Postcode",
    "Phone Number",
    "Pupils - see notes",
)
# Sector: share of schools, school type as the address list writes it, median pupils.
SECTORS = {
    "Primary": (0.74, "Infants & Juniors", 250),
    "Secondary": (0.16, "Secondary (ages 11-16)", 950),
    "Special": (0.06, "Special", 110),
    "Nursery": (0.02, "Nursery", 90),
    "Middle": (0.02, "Middle (ages 3-16)", 900),
}
GOVERNANCE = {
    "Academy": 0.40,
    "Community": 0.35,
    "Voluntary aided": 0.10,
    "Voluntary controlled": 0.10,
    "Foundation": 0.05,
}
RELIGIOUS_CHARACTER = {"---": 0.70, "Church of England": 0.20, "Roman Catholic": 0.10}
# Spread of schools around their authority's centre, in degrees.
SCHOOL_SPREAD = 0.08


def draw_authorities(system: SyntheticSystem = ENGLAND) -> pd.DataFrame:
    """Invented authorities in the columns of data/reference/local_authorities.csv.

    Consecutive LA codes share a region, in blocks of nearly equal size.
    """
    n_authorities, n_regions = system.n_authorities, system.n_regions
    codes = np.arange(system.first_la_code, system.first_la_code + n_authorities)
    regions = 1 + np.arange(n_authorities) * n_regions // n_authorities
    width = len(str(n_regions))
    authority_en, authority_cy = system.authority
    region_en, region_cy = system.region
    frame = pd.DataFrame(
        {
            "la_code": codes,
            "ons_code": [f"{system.ons_prefix}{c:06d}" for c in codes],
            "name_en": [f"{authority_en} {c}" for c in codes],
            "name_cy": [f"{authority_cy} {c}" for c in codes],
            "consortium_code": [f"{system.region_prefix}{r:0{width}d}" for r in regions],
            "consortium_name_en": [f"{region_en} {r}" for r in regions],
            "consortium_name_cy": [f"{region_cy} {r}" for r in regions],
        }
    )
    return frame[list(LA_COLUMNS)]


def draw_schools(
    authorities: pd.DataFrame,
    n_schools: int,
    rng: np.random.Generator,
    system: SyntheticSystem = ENGLAND,
) -> pd.DataFrame:
    """Invented schools: school_id (LA code and four digits), name, la_code, sector
    (as the address list writes it), governance, religious_character, school_type,
    pupils, latitude, longitude; sorted by school_id."""
    n_las = len(authorities)
    sizes = 1 + rng.multinomial(n_schools - n_las, _share(rng.lognormal(0.0, 0.4, n_las)))
    la_codes = np.repeat(authorities["la_code"].to_numpy(), sizes)
    within_la = np.arange(n_schools) - np.repeat(np.cumsum(sizes) - sizes, sizes)
    sector_names = np.array(list(SECTORS), dtype=object)
    sector = sector_names[rng.choice(len(SECTORS), n_schools, p=[s[0] for s in SECTORS.values()])]
    median = np.array([SECTORS[s][2] for s in sector])
    centre_lat, centre_lon = _authority_centres(authorities, rng, system)
    la_row = np.repeat(np.arange(n_las), sizes)
    frame = pd.DataFrame(
        {
            "school_id": la_codes * 10000 + 2000 + within_la,
            "la_code": la_codes,
            "sector": sector,
            "school_type": [SECTORS[s][1] for s in sector],
            "governance": _choose(rng, GOVERNANCE, n_schools),
            "religious_character": _choose(rng, RELIGIOUS_CHARACTER, n_schools),
            "pupils": np.maximum(np.rint(median * rng.lognormal(0.0, 0.35, n_schools)), 8),
            "latitude": np.round(centre_lat[la_row] + rng.normal(0, SCHOOL_SPREAD, n_schools), 6),
            "longitude": np.round(
                centre_lon[la_row] + rng.normal(0, SCHOOL_SPREAD * 1.6, n_schools), 6
            ),
        }
    )
    frame["pupils"] = frame["pupils"].astype(np.int64)
    frame["name"] = (
        f"{system.authority[0]} "
        + frame["la_code"].astype(str)
        + " "
        + frame["sector"]
        + " School "
        + (within_la + 1).astype(str)
    )
    return frame


def _share(weights: np.ndarray) -> np.ndarray:
    return weights / weights.sum()


def _choose(rng: np.random.Generator, shares: dict[str, float], n: int) -> np.ndarray:
    names = np.array(list(shares), dtype=object)
    return names[rng.choice(len(names), n, p=_share(np.array(list(shares.values()))))]


def _authority_centres(
    authorities: pd.DataFrame, rng: np.random.Generator, system: SyntheticSystem
) -> tuple[np.ndarray, np.ndarray]:
    """Each region a cell of a near-square grid over the box; each authority somewhere in it."""
    region = pd.factorize(authorities["consortium_code"], sort=True)[0]
    columns = math.ceil(math.sqrt(system.n_regions))
    rows = math.ceil(system.n_regions / columns)
    row, col = region // columns, region % columns
    lat_step = (system.latitudes[1] - system.latitudes[0]) / rows
    lon_step = (system.longitudes[1] - system.longitudes[0]) / columns
    lat = system.latitudes[0] + (row + rng.random(len(region))) * lat_step
    lon = system.longitudes[0] + (col + rng.random(len(region))) * lon_step
    return lat, lon


def write_reference(
    authorities: pd.DataFrame,
    schools: pd.DataFrame,
    ref_dir: Path,
    address_list_file: str = ENGLAND.address_list_file,
) -> dict[str, int]:
    """Write the three reference files in the published formats; return rows per file."""
    ref_dir.mkdir(parents=True, exist_ok=True)
    authorities.to_csv(ref_dir / "local_authorities.csv", index=False, lineterminator="\n")
    names = authorities.set_index("la_code")["name_en"]
    address = pd.DataFrame(
        {
            "School Number": schools["school_id"],
            "School Name": schools["name"],
            "LA Code": schools["la_code"],
            "Local Authority": names.reindex(schools["la_code"]).to_numpy(),
            "Sector": schools["sector"],
            "Governance - see notes": schools["governance"],
            "WM Code": "EM",
            "Welsh Medium Type - see notes": "English medium",
            "School Type": schools["school_type"],
            "Religious Character": schools["religious_character"],
            # Invented schools have no address, postcode or phone number.
            "Address 1": "",
            "Address 2": "",
            "Address 3": "",
            "Address 4": "",
            "Postcode": "",
            "Phone Number": "",
            "Pupils - see notes": schools["pupils"],
        }
    )
    address[list(ADDRESS_LIST_COLUMNS)].to_csv(
        ref_dir / address_list_file, index=False, lineterminator="\n"
    )
    _write_locations(schools, ref_dir / LOCATIONS_FILE)
    return {
        "reference/local_authorities.csv": len(authorities),
        f"reference/{address_list_file}": len(schools),
        f"reference/{LOCATIONS_FILE}": len(schools),
    }


def _write_locations(schools: pd.DataFrame, path: Path) -> None:
    """The geocoded locations file, quoted as the published one; no easting or northing,
    since the schools are invented."""
    lines = [
        f'"{school}",{lat:.6f},{lon:.6f},,'
        for school, lat, lon in zip(
            schools["school_id"], schools["latitude"], schools["longitude"], strict=True
        )
    ]
    header = '"School Number",Latitude,Longitude,Easting,Northing'
    path.write_text("\n".join([header, *lines]) + "\n", encoding="utf-8")


def generate_synthetic(
    out_dir: Path,
    system: SyntheticSystem = ENGLAND,
    seed: int = 2015,
    progress: Callable[[str], None] = print,
    n_schools: int | None = None,
    n_plcs: int | None = None,
) -> dict[str, int]:
    """Write a synthetic system: reference files in ``out_dir/reference``, the five
    contract CSVs and demo_truth.json in ``out_dir/raw``.

    Parameters
    ----------
    out_dir
        Folder to write to (made if missing).
    system
        Which system (:data:`SYSTEMS`): its authorities, regions, names and density.
    seed
        Same seed, byte-identical files.
    progress
        Called with a line of text at each step.
    n_schools, n_plcs
        Size of the system; by default the system's schools and
        ``plcs_per_school`` PLCs per school (its real density). ``n_schools``
        must be at least the system's number of authorities.

    Returns
    -------
    dict
        Rows written per file, named by its path under ``out_dir``.
    """
    n_schools = system.n_schools if n_schools is None else n_schools
    if n_plcs is None:
        n_plcs = round(system.plcs_per_school * n_schools)
    if n_schools < system.n_authorities:
        raise ValueError(
            f"n_schools must be at least {system.n_authorities}, one per {system.levels[0]}"
        )
    out_dir = Path(out_dir)
    # A stream of its own, apart from the six the system spawns from the same seed.
    rng = np.random.default_rng(np.random.SeedSequence(seed, spawn_key=(99,)))
    progress(
        f"Drawing {n_schools:,} synthetic schools ({system.levels[0]}: "
        f"{system.n_authorities}, {system.levels[1]}: {system.n_regions})"
    )
    authorities = draw_authorities(system)
    schools = draw_schools(authorities, n_schools, rng, system)
    counts = write_reference(authorities, schools, out_dir / "reference", system.address_list_file)
    no_categories = pd.DataFrame(columns=["school_id", "year", "category"])
    raw_counts = generate_system(
        authorities,
        schools,
        no_categories,
        out_dir / "raw",
        seed=seed,
        n_plcs=n_plcs,
        scale=system.name,
        levels=system.levels,
        progress=progress,
    )
    counts.update({f"raw/{name}": rows for name, rows in raw_counts.items()})
    return counts
