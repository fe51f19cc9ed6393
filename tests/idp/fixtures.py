"""pytest fixtures of sign-in, for any test (registered in tests/conftest.py):

- ``signin_served``: the development provider and the dashboard requiring sign-in
  with it, on the hand-made fixture database, for the whole session;
- ``signin_demo_served``: the same on the demo Wales.

Sign in with tests.idp.serving.sign_in (HTTP) or through the login form in a browser.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.dashboard.fixtures import build_overview_db
from tests.idp.serving import SignInServed, serving_with_sign_in


@pytest.fixture(scope="session")
def signin_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_overview_db(tmp_path_factory.mktemp("signin") / "plcnet.duckdb")


@pytest.fixture(scope="session")
def signin_served(signin_db: Path) -> Iterator[SignInServed]:
    with serving_with_sign_in(signin_db) as served:
        yield served


@pytest.fixture(scope="session")
def signin_demo_served(demo_db: Path) -> Iterator[SignInServed]:
    with serving_with_sign_in(demo_db) as served:
        yield served
