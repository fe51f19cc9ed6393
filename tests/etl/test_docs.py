"""Settings are data with help text; each one must be documented in the README."""

from __future__ import annotations

import pytest

from etl.config import PROJECT_ROOT, SETTINGS

README = (PROJECT_ROOT / "README.md").read_text(encoding="utf-8")


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
