"""The docs stay true to the code: each setting is documented in the README, and every
file or folder of the project a doc cites exists."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from etl.config import PROJECT_ROOT, SETTINGS

README = (PROJECT_ROOT / "README.md").read_text(encoding="utf-8")
DOCS = sorted([PROJECT_ROOT / "README.md", *(PROJECT_ROOT / "docs").glob("*.md")])
# A path of the project as docs cite it: from one of the committed folders (data/raw
# and the database are made by a run), up to a space, a backtick or a closing
# bracket. A placeholder (pages/<page>/) or a pattern (net_*.sql) is cited only up
# to the folder before it, which must exist.
CITED_PATH = re.compile(
    r"(?<![\w/.-])((?:etl|dashboard|tests|docs|data/reference)/[\w./-]*)(?![\w<*{])"
)


@pytest.mark.parametrize("name", sorted(SETTINGS))
def test_setting_is_documented_in_readme(name):
    setting = SETTINGS[name]
    row = next((line for line in README.splitlines() if line.startswith(f"| `{name}` |")), None)
    assert row is not None, f"README's configuration table lacks {name}"
    assert f"`PLCNET_{name.upper()}`" in row
    assert setting.help in row


def test_environment_variable_overrides_default(monkeypatch):
    monkeypatch.setenv("PLCNET_PORT", "9000")
    assert SETTINGS["port"].value() == "9000"


def cited_paths(doc: Path) -> set[str]:
    """Every path of the project ``doc`` cites, a sentence's full stop left out."""
    text = doc.read_text(encoding="utf-8")
    return {match.group(1).rstrip(".-") for match in CITED_PATH.finditer(text)}


def test_cited_paths_are_found_whole():
    doc = PROJECT_ROOT / "docs" / "architecture.md"
    cited = cited_paths(doc)
    assert "dashboard/pages/regions/queries/groups.sql" in cited
    assert "etl/sql/marts/net_group_metrics.sql" in cited
    assert len(cited) > 50  # the house in one page cites the files it follows


@pytest.mark.parametrize("doc", DOCS, ids=lambda path: path.name)
def test_every_path_a_doc_cites_exists(doc: Path):
    missing = sorted(path for path in cited_paths(doc) if not (PROJECT_ROOT / path).exists())
    assert missing == [], f"{doc.name} cites files that do not exist"
