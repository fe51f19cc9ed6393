"""What the test run collects besides tests: the doctests of etl/ and dashboard/.

pyproject.toml runs pytest with ``--doctest-modules`` over tests, etl and dashboard,
so every module there would be imported at collection (pytest itself never imports
a ``__main__.py``: etl's exits at import). Three kinds of file are left out, each for
a reason; none holds an example (tests/test_doctests.py checks that every module of
etl/ and dashboard/ with one has it collected):

- ``conftest.py`` files: pytest loads them as conftests anyway; collecting one as a
  module imports it a second time under the name ``conftest`` that another already
  holds, and pytest fails with "import file mismatch".
- helper modules of tests/ (not ``test_*.py``): tests import them as ``tests.x.y``;
  collecting them would import them a second time under their bare name (``proxied``,
  ``spoil``), two copies with two states.
- page modules, which call ``dash.register_page`` at import: Dash refuses that before
  an app exists, and the session's one app (the ``app`` fixture) imports them itself.
  A page module that gains a ``>>>`` example is collected again, so that its example
  fails loudly rather than never running.
"""

from __future__ import annotations

from fnmatch import fnmatch
from pathlib import Path

import pytest

PAGE_REGISTRATION = "register_page("


def pytest_ignore_collect(collection_path: Path, config: pytest.Config) -> bool | None:
    """True for the files above; None leaves the decision to pytest."""
    if collection_path.suffix != ".py":
        return None
    if collection_path.name == "conftest.py":
        return True
    if is_test_helper(collection_path, config):
        return True
    return True if is_page_without_examples(collection_path) else None


def is_test_helper(path: Path, config: pytest.Config) -> bool:
    """A module under tests/ that is not a test module (python_files in the settings)."""
    tests = config.rootpath / "tests"
    if not path.is_relative_to(tests):
        return False
    return not any(fnmatch(path.name, pattern) for pattern in config.getini("python_files"))


def is_page_without_examples(path: Path) -> bool:
    """A module that registers a Dash page at import and has no doctest to run."""
    source = path.read_text(encoding="utf-8")
    registers = any(line.startswith(PAGE_REGISTRATION) for line in source.splitlines())
    return registers and ">>>" not in source
