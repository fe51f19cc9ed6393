"""Fixtures for the dashboard's tests: a hand-made published database (fixtures.py)
and an app built on it. Plain functions are tested here without a browser; the
browser tests in tests/browser/ use the same database.
"""

from __future__ import annotations

from pathlib import Path

import dash
import pytest

from dashboard.app import create_app
from dashboard.core.db import Database
from dashboard.core.filters import Choices, load_choices
from tests.dashboard.fixtures import build_overview_db


@pytest.fixture(autouse=True)
def strict_messages(monkeypatch: pytest.MonkeyPatch) -> None:
    """A message key missing from the English catalogue fails the test."""
    monkeypatch.setenv("PLCNET_I18N_STRICT", "1")


@pytest.fixture(scope="session")
def overview_db_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_overview_db(tmp_path_factory.mktemp("published") / "plcnet.duckdb")


@pytest.fixture
def db(overview_db_path: Path) -> Database:
    return Database(overview_db_path)


@pytest.fixture
def choices(db: Database) -> Choices:
    return load_choices(db)


@pytest.fixture(scope="session")
def app(overview_db_path: Path) -> dash.Dash:
    """One app per session: Dash's page registry and callback lists are global."""
    return create_app(overview_db_path)
