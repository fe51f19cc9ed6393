"""An England-sized synthetic system for benchmarks: invented schools, the Wales demo's logic.

About 24,000 schools in 150 authorities (LA codes 801 to 950, "Authority 801")
grouped in 9 regions (consortium codes R1 to R9), spread over a box roughly the
size of England. The reference files are written in the published Welsh
formats, so the ETL reads them exactly as it reads Wales; there is no
categorisation file, so every outcome is simulated.

Layout of ``out_dir``::

    reference/local_authorities.csv
    reference/address-list-schools-england-synthetic.csv
    reference/school-number-postcodes-geocoded.csv
    raw/plcs.csv, raw/plc_memberships.csv, ... raw/demo_truth.json
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import numpy as np
import pandas as pd

from etl.demo.system import generate_system
from etl.sources.local_authorities import COLUMNS as LA_COLUMNS

__all__ = ["ADDRESS_LIST_COLUMNS", "draw_authorities", "draw_schools", "generate_england"]

FIRST_LA_CODE = 801
N_AUTHORITIES = 150
N_REGIONS = 9
ADDRESS_LIST_FILE = "address-list-schools-england-synthetic.csv"
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
# Latitude and longitude of the box the regions tile, 3 by 3.
LATITUDES = (50.6, 54.8)
LONGITUDES = (-3.4, 1.3)
# Spread of schools around their authority's centre, in degrees.
SCHOOL_SPREAD = 0.08


def draw_authorities(
    n_authorities: int = N_AUTHORITIES, n_regions: int = N_REGIONS
) -> pd.DataFrame:
    """Invented authorities in the columns of data/reference/local_authorities.csv.

    Consecutive LA codes share a region, in blocks of nearly equal size.
    """
    codes = np.arange(FIRST_LA_CODE, FIRST_LA_CODE + n_authorities)
    regions = 1 + np.arange(n_authorities) * n_regions // n_authorities
    frame = pd.DataFrame(
        {
            "la_code": codes,
            # E99 is not a real ONS prefix, so these never collide with real areas.
            "ons_code": [f"E99{c:06d}" for c in codes],
            "name_en": [f"Authority {c}" for c in codes],
            "name_cy": [f"Awdurdod {c}" for c in codes],
            "consortium_code": [f"R{r}" for r in regions],
            "consortium_name_en": [f"Region {r}" for r in regions],
            "consortium_name_cy": [f"Rhanbarth {r}" for r in regions],
        }
    )
    return frame[list(LA_COLUMNS)]


def draw_schools(
    authorities: pd.DataFrame, n_schools: int, rng: np.random.Generator
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
    centre_lat, centre_lon = _authority_centres(authorities, rng)
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
        "Authority "
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
    authorities: pd.DataFrame, rng: np.random.Generator
) -> tuple[np.ndarray, np.ndarray]:
    """Each region a cell of a 3 by 3 grid over the box; each authority somewhere in it."""
    region = authorities["consortium_code"].str[1:].astype(int).to_numpy() - 1
    row, col = region // 3, region % 3
    lat_step = (LATITUDES[1] - LATITUDES[0]) / 3
    lon_step = (LONGITUDES[1] - LONGITUDES[0]) / 3
    lat = LATITUDES[0] + (row + rng.random(len(region))) * lat_step
    lon = LONGITUDES[0] + (col + rng.random(len(region))) * lon_step
    return lat, lon


def write_reference(
    authorities: pd.DataFrame, schools: pd.DataFrame, ref_dir: Path
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
        ref_dir / ADDRESS_LIST_FILE, index=False, lineterminator="\n"
    )
    _write_locations(schools, ref_dir / LOCATIONS_FILE)
    return {
        "reference/local_authorities.csv": len(authorities),
        f"reference/{ADDRESS_LIST_FILE}": len(schools),
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


def generate_england(
    out_dir: Path,
    seed: int = 2015,
    progress: Callable[[str], None] = print,
    n_schools: int = 24_000,
    n_plcs: int = 30_000,
) -> dict[str, int]:
    """Write the England-sized system: reference files in ``out_dir/reference``, the
    five contract CSVs and demo_truth.json in ``out_dir/raw``.

    Parameters
    ----------
    out_dir
        Folder to write to (made if missing).
    seed
        Same seed, byte-identical files.
    progress
        Called with a line of text at each step.
    n_schools, n_plcs
        Size of the system (150 authorities and 9 regions whatever the size;
        ``n_schools`` must be at least 150).

    Returns
    -------
    dict
        Rows written per file, named by its path under ``out_dir``.
    """
    if n_schools < N_AUTHORITIES:
        raise ValueError(f"n_schools must be at least {N_AUTHORITIES}, one per authority")
    out_dir = Path(out_dir)
    # A stream of its own, apart from the six the system spawns from the same seed.
    rng = np.random.default_rng(np.random.SeedSequence(seed, spawn_key=(99,)))
    progress(f"Drawing {n_schools:,} synthetic schools in {N_AUTHORITIES} authorities")
    authorities = draw_authorities()
    schools = draw_schools(authorities, n_schools, rng)
    counts = write_reference(authorities, schools, out_dir / "reference")
    no_categories = pd.DataFrame(columns=["school_id", "year", "category"])
    raw_counts = generate_system(
        authorities,
        schools,
        no_categories,
        out_dir / "raw",
        seed=seed,
        n_plcs=n_plcs,
        scale="england",
        progress=progress,
    )
    counts.update({f"raw/{name}": rows for name, rows in raw_counts.items()})
    return counts
