"""Local-authority boundaries, GeoJSON or TopoJSON, for the dashboard's maps.

Each feature is joined to ``local_authorities`` by its ONS code (a property
such as ``LAD13CD``), never by name. TopoJSON is decoded to GeoJSON here, so
the database holds one form: a GeoJSON geometry per LA.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pandas as pd

from etl.reasons import say
from etl.sources.common import InputError, Rejection

__all__ = ["BOUNDARY_SUFFIXES", "boundary_kind", "read_boundaries", "topojson_features"]

BOUNDARY_SUFFIXES = (".json", ".geojson", ".topojson")
ONS_CODE = re.compile(r"[EWSN]\d{8}")
TABLE = "la_boundaries"


def _load_json(path: Path) -> dict:
    try:
        return json.loads(path.read_text(encoding="utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise InputError(
            f"{path}: not readable JSON ({error}); export it again as GeoJSON or TopoJSON."
        ) from error


def boundary_kind(path: Path) -> str | None:
    """``geojson``, ``topojson`` or None, from the file's content."""
    try:
        data = _load_json(path)
    except InputError:
        return None
    kind = data.get("type") if isinstance(data, dict) else None
    return {"FeatureCollection": "geojson", "Topology": "topojson"}.get(kind)


def _decode_arcs(topology: dict) -> list[list[list[float]]]:
    """Absolute coordinates of every arc (quantised arcs are delta-encoded)."""
    transform = topology.get("transform")
    arcs = []
    for arc in topology["arcs"]:
        if transform:
            (sx, sy), (tx, ty) = transform["scale"], transform["translate"]
            x = y = 0
            points = []
            for dx, dy in arc:
                x, y = x + dx, y + dy
                points.append([x * sx + tx, y * sy + ty])
        else:
            points = [list(p) for p in arc]
        arcs.append(points)
    return arcs


def _ring(indices: list[int], arcs: list[list[list[float]]]) -> list[list[float]]:
    points: list[list[float]] = []
    for index in indices:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points.extend(arc if not points else arc[1:])  # arcs share their end points
    return points


def _geometry(geometry: dict, arcs: list[list[list[float]]]) -> dict:
    if geometry["type"] == "Polygon":
        rings = [_ring(r, arcs) for r in geometry["arcs"]]
        return {"type": "Polygon", "coordinates": rings}
    if geometry["type"] == "MultiPolygon":
        polygons = [[_ring(r, arcs) for r in polygon] for polygon in geometry["arcs"]]
        return {"type": "MultiPolygon", "coordinates": polygons}
    raise ValueError(f"unsupported TopoJSON geometry {geometry['type']}")


def topojson_features(topology: dict) -> list[dict]:
    """The GeoJSON features of every geometry collection in a TopoJSON topology."""
    arcs = _decode_arcs(topology)
    features = []
    for collection in topology["objects"].values():
        for geometry in collection.get("geometries", []):
            features.append(
                {
                    "type": "Feature",
                    "properties": geometry.get("properties", {}),
                    "geometry": _geometry(geometry, arcs),
                }
            )
    return features


def _ons_code(properties: dict) -> str | None:
    for value in properties.values():
        if isinstance(value, str) and ONS_CODE.fullmatch(value):
            return value
    return None


def read_boundaries(path: Path, known_codes: set[str]) -> tuple[pd.DataFrame, list[Rejection]]:
    """Read boundaries: (ons_code, geometry as GeoJSON text, source_file), rejections."""
    data = _load_json(path)
    kind = boundary_kind(path)
    features = topojson_features(data) if kind == "topojson" else data.get("features", [])
    records, rejected = [], []
    for number, feature in enumerate(features, start=1):
        code = _ons_code(feature.get("properties") or {})
        if code is None or code not in known_codes:
            rejected.append(
                Rejection(
                    TABLE,
                    str(path),
                    None,
                    f"feature {number}",
                    code or "",
                    say("boundary_unknown_code"),
                )
            )
            continue
        records.append(
            {
                "ons_code": code,
                "geometry": json.dumps(feature["geometry"]),
                "source_file": str(path),
            }
        )
    return pd.DataFrame.from_records(
        records, columns=["ons_code", "geometry", "source_file"]
    ), rejected
