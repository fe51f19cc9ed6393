"""What the test run collects besides tests/: the doctests of etl/ and dashboard/.

pyproject.toml runs pytest with ``--doctest-modules`` over tests, etl and dashboard,
so every module there is imported at collection (pytest itself never imports a
``__main__.py``: etl's exits at import). Two kinds of file are left out, each for a
reason, and neither holds a doctest:

- ``conftest.py`` files: pytest loads them as conftests anyway; collecting one as a
  module imports it a second time under the name ``conftest`` that another already
  holds, and pytest fails with "import file mismatch".
- page modules, which call ``dash.register_page`` at import: Dash refuses that before
  an app exists, and the session's one app (the ``app`` fixture) imports them itself.
  A page module that gains a ``>>>`` example is collected again, so that its example
  fails loudly rather than never running.
"""

from __future__ import annotations

from pathlib import Path

import pytest

PAGE_REGISTRATION = "dash.register_page("


def pytest_ignore_collect(collection_path: Path, config: pytest.Config) -> bool | None:
    """True for the files above; None leaves the decision to pytest."""
    if collection_path.suffix != ".py":
        return None
    if collection_path.name == "conftest.py":
        return True
    return True if is_page_without_examples(collection_path) else None


def is_page_without_examples(path: Path) -> bool:
    """A module that registers a Dash page at import and has no doctest to run."""
    source = path.read_text(encoding="utf-8")
    registers = any(line.startswith(PAGE_REGISTRATION) for line in source.splitlines())
    return registers and ">>>" not in source
