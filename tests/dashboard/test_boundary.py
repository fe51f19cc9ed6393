"""The boundary between etl and dashboard: the dashboard imports of etl only its stated
public surface (etl/public.py); whatever else it needs of a refresh is in the database."""

from __future__ import annotations

import ast
from pathlib import Path

import duckdb
import pytest

import etl.public
from dashboard.core.db import Database
from dashboard.core.refresh_settings import RefreshSettings, load_refresh_settings
from tests.dashboard.fixtures import build_overview_db

DASHBOARD = Path(__file__).resolve().parents[2] / "dashboard"
PUBLIC = "etl.public"


def _etl_imports(path: Path) -> list[str]:
    """Every import of etl in ``path``, as "module" or "module.name", with its line."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            found += [f"{alias.name}:{node.lineno}" for alias in node.names if _is_etl(alias.name)]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and _is_etl(node.module or ""):
            found += [f"{node.module}.{alias.name}:{node.lineno}" for alias in node.names]
    return found


def _is_etl(module: str) -> bool:
    return module == "etl" or module.startswith("etl.")


def _outside_surface(imports: list[str]) -> list[str]:
    allowed = {f"{PUBLIC}.{name}" for name in etl.public.__all__}
    return [spot for spot in imports if spot.rsplit(":", 1)[0] not in allowed]


def test_dashboard_imports_only_the_public_surface_of_etl() -> None:
    modules = sorted(DASHBOARD.rglob("*.py"))
    assert len(modules) > 20  # the walk found the package
    crossing = {
        str(path.relative_to(DASHBOARD)): bad
        for path in modules
        if (bad := _outside_surface(_etl_imports(path)))
    }
    assert crossing == {}


def test_the_check_sees_every_form_of_import(tmp_path: Path) -> None:
    # A check that never fails guards nothing: each way of reaching past the surface is caught.
    module = tmp_path / "page.py"
    module.write_text(
        "import etl.drawing.layout\n"
        "from etl.demo.model import BETA\n"
        "from etl import refresh\n"
        "from etl.public import SETTINGS, BETA\n"
        "from etl.public import *\n",
        encoding="utf-8",
    )
    assert _outside_surface(_etl_imports(module)) == [
        "etl.drawing.layout:1",
        "etl.demo.model.BETA:2",
        "etl.refresh:3",
        "etl.public.BETA:4",
        "etl.public.*:5",
    ]


def test_every_name_of_the_surface_exists_and_is_used() -> None:
    # The surface stays small: a name no dashboard module imports is dropped from it.
    used = {
        spot.rsplit(":", 1)[0].removeprefix(f"{PUBLIC}.")
        for path in DASHBOARD.rglob("*.py")
        for spot in _etl_imports(path)
    }
    for name in etl.public.__all__:
        assert hasattr(etl.public, name)
    assert used == set(etl.public.__all__)


def test_the_refresh_settings_come_from_the_database(tmp_path: Path) -> None:
    demo = Database(build_overview_db(tmp_path / "demo.duckdb"))
    assert load_refresh_settings(demo) == RefreshSettings(20_000, 30, 1.0)
    real = build_overview_db(tmp_path / "real.duckdb", outcome_source="published")
    assert load_refresh_settings(Database(real)).demo_planted_effect is None


def test_a_database_without_a_required_setting_is_refused(tmp_path: Path) -> None:
    path = build_overview_db(tmp_path / "plcnet.duckdb")
    with duckdb.connect(str(path)) as con:
        con.execute("DELETE FROM refresh_settings WHERE setting = 'max_ties_drawn'")
    with pytest.raises(LookupError, match="max_ties_drawn"):
        load_refresh_settings(Database(path))
