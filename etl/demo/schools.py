"""The schools the demo builds on, with what the generator needs to know about each."""

from __future__ import annotations

import numpy as np
import pandas as pd

from etl.demo import model

__all__ = ["prepare_schools"]

KM_PER_DEGREE = 111.2


def prepare_schools(local_authorities: pd.DataFrame, schools: pd.DataFrame) -> pd.DataFrame:
    """One row per school, sorted by school number, ready for drawing PLCs.

    Parameters
    ----------
    local_authorities
        la_code, name_en, consortium_code, consortium_name_en (the reference file).
    schools
        school_id, name, la_code, pupils, latitude, longitude (the reference schools).

    Returns
    -------
    pandas.DataFrame
        school_id, name, la_code, la_name, consortium_code, consortium_name, x_km,
        y_km (a flat projection for distances), weight (chance of taking part in a
        PLC, growing with size) and staff (the pool of practitioners).
    """
    las = local_authorities[["la_code", "name_en", "consortium_code", "consortium_name_en"]]
    las = las.assign(la_code=pd.to_numeric(las["la_code"]).astype("int64"))
    frame = schools[["school_id", "name", "la_code", "pupils", "latitude", "longitude"]].copy()
    frame["school_id"] = pd.to_numeric(frame["school_id"]).astype("int64")
    frame["la_code"] = pd.to_numeric(frame["la_code"]).astype("int64")
    frame = frame.merge(las, on="la_code", how="inner", validate="many_to_one")
    frame = frame.rename(columns={"name_en": "la_name", "consortium_name_en": "consortium_name"})
    frame = frame.sort_values("school_id", kind="stable").drop_duplicates("school_id")
    frame = frame.reset_index(drop=True)
    if frame.empty:
        raise ValueError("the reference has no schools in a known local authority")
    frame["x_km"], frame["y_km"] = _project(frame)
    pupils = pd.to_numeric(frame["pupils"], errors="coerce").astype("float64")
    pupils = pupils.fillna(pupils.median() if pupils.notna().any() else 200.0).clip(lower=10)
    frame["weight"] = np.sqrt(pupils.to_numpy())
    frame["staff"] = np.clip(
        np.rint(pupils.to_numpy() / model.PUPILS_PER_STAFF), *model.STAFF_POOL
    ).astype(np.int64)
    return frame.drop(columns=["pupils", "latitude", "longitude"])


def _project(frame: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    """Kilometre coordinates; a school without a location sits at its LA's centre."""
    coords = frame[["latitude", "longitude"]].apply(pd.to_numeric, errors="coerce")
    coords = coords.astype("float64")
    la_mean = coords.groupby(frame["la_code"]).transform("mean")
    coords = coords.fillna(la_mean).fillna(coords.mean()).fillna(0.0)
    lat = coords["latitude"].to_numpy()
    lon = coords["longitude"].to_numpy()
    x = lon * np.cos(np.radians(lat.mean())) * KM_PER_DEGREE
    return x, lat * KM_PER_DEGREE
