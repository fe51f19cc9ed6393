"""The examples in the docstrings of etl/ and dashboard/ are part of the test run.

pyproject.toml collects them with ``--doctest-modules``; the root conftest.py leaves
out only files without examples. These tests fail if a module's examples stop being
collected (an option dropped, a module that no longer imports, an exclusion too wide)
or are switched off one by one.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("etl", "dashboard")


def files_with_examples() -> set[str]:
    """Every module of the packages with a ``>>>`` line, as a path from the root."""
    return {
        path.relative_to(PROJECT_ROOT).as_posix()
        for package in PACKAGES
        for path in (PROJECT_ROOT / package).rglob("*.py")
        if ">>>" in path.read_text(encoding="utf-8")
    }


def collected_doctest_files() -> set[str]:
    """The files of the doctest items pytest collects with the project's own settings."""
    found = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "--collect-only",
            "-q",
            "-p",
            "no:cacheprovider",
            *PACKAGES,
        ],
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert found.returncode == 0, found.stdout + found.stderr
    return {line.split("::")[0] for line in found.stdout.splitlines() if "::" in line}


def test_every_module_with_examples_has_them_collected() -> None:
    examples = files_with_examples()
    assert "etl/drawing/layout.py" in examples  # the search itself finds them
    assert collected_doctest_files() == examples


def test_no_example_is_skipped() -> None:
    skipping = [
        path
        for path in files_with_examples()
        if "+SKIP" in (PROJECT_ROOT / path).read_text(encoding="utf-8")
    ]
    assert skipping == []
