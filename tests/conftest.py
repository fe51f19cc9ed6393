"""Shared fixtures. Test rules:

- Real parts: real DuckDB files, the real published Welsh files in
  data/reference/, a real Chromium for tests marked ``browser`` (never skipped:
  ``make test`` makes sure Chromium is there, and the browser fixture fails loudly
  without it).
- Tiny hand-made inputs live in tests/data/; anything larger is generated with
  a fixed seed.
- Refreshes under test pseudonymise member ids with a key of the run's own
  (PLCNET_PSEUDONYM_KEY_FILE, inherited by subprocesses), never the developer's
  data/pseudonym.key.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from dashboard.access.users import OPEN_USER, acting_as
from etl.sources.reference import Reference, read_reference
from tests.demo_wales import DemoWales
from tests.england_snapshot import refresh_england
from tests.parallel import (
    BUILD_TIMEOUT_S,
    demo_wales_wanted,
    shared_folder,
    shared_pseudonym_key,
    start_demo_wales,
    wait_for_demo_wales,
)

# The sign-in fixtures (a real OpenID Connect provider and the dashboard requiring it).
pytest_plugins = ["tests.idp.fixtures"]

PROJECT_ROOT = Path(__file__).resolve().parent.parent
REFERENCE_DIR = PROJECT_ROOT / "data" / "reference"
TEST_DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture(autouse=True)
def acting_as_open_user() -> Iterator[None]:
    """Outside a request, plain data functions run as the owner of an open dashboard;
    tests of scope choose their user with dashboard.access.users.acting_as."""
    with acting_as(OPEN_USER):
        yield


@pytest.fixture(autouse=True)
def audit_log_in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Each test's audit events go to its own file, never to data/audit.jsonl."""
    path = tmp_path / "audit.jsonl"
    monkeypatch.setenv("PLCNET_AUDIT_LOG", str(path))
    return path


@pytest.fixture(scope="session", autouse=True)
def session_audit_log(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """Servers the session starts (before any test's own audit log is set) write their
    audit events here, never to data/audit.jsonl."""
    path = tmp_path_factory.mktemp("audit") / "audit.jsonl"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("PLCNET_AUDIT_LOG", str(path))
        yield path


@pytest.fixture(scope="session", autouse=True)
def session_pseudonym_key(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A pseudonym key file of the run's own for every refresh the tests run (one for
    all the workers of a parallel run: tests/parallel.py)."""
    path = shared_pseudonym_key(shared_folder(tmp_path_factory))
    with pytest.MonkeyPatch.context() as patch:
        patch.delenv("PLCNET_PSEUDONYM_KEY", raising=False)
        patch.setenv("PLCNET_PSEUDONYM_KEY_FILE", str(path))
        yield path


@pytest.fixture(scope="session", autouse=True)
def demo_wales_started(
    request: pytest.FixtureRequest,
    tmp_path_factory: pytest.TempPathFactory,
    session_pseudonym_key: Path,
) -> Iterator[None]:
    """If a test of the run needs the demo Wales, its build starts in the background
    before the first test, so that tests not needing it run meanwhile."""
    started = None
    if demo_wales_wanted(request.session):
        started = start_demo_wales(shared_folder(tmp_path_factory), dict(os.environ))
    yield
    if started is not None:  # another worker may still wait for it: let it finish
        started.wait(timeout=BUILD_TIMEOUT_S)


@pytest.fixture(scope="session")
def reference_dir() -> Path:
    return REFERENCE_DIR


@pytest.fixture(scope="session")
def wales_reference() -> Reference:
    """The real published Welsh reference files, read once."""
    return read_reference(REFERENCE_DIR)


@pytest.fixture(scope="session")
def test_data() -> Path:
    return TEST_DATA


@pytest.fixture(scope="session")
def demo_wales_build(tmp_path_factory: pytest.TempPathFactory) -> DemoWales:
    """The one demo Wales of the run (tests/demo_wales.py): ``etl demo`` then
    ``etl refresh`` through the real CLI, built once for all the workers
    (tests/parallel.py). Read-only: copy it before changing it."""
    return wait_for_demo_wales(shared_folder(tmp_path_factory), dict(os.environ))


@pytest.fixture(scope="session")
def demo_db(demo_wales_build: DemoWales) -> Path:
    """The session demo's published database (read-only: copy it to write)."""
    return demo_wales_build.db


@pytest.fixture(scope="session")
def demo_raw(demo_wales_build: DemoWales) -> Path:
    """The session demo's raw contract files and demo_truth.json (read-only)."""
    return demo_wales_build.raw


@pytest.fixture(scope="session")
def england_published(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """England refreshed once a session from the shipped GIAS snapshot of 21 March
    2022 (tests/england_snapshot.py). Read-only: copy it before changing it."""
    return refresh_england(tmp_path_factory.mktemp("england") / "england.duckdb")
