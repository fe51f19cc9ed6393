"""The translation layer: one function, complete English, fallback to English."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from dashboard.i18n import catalogue, t

DASHBOARD = Path(__file__).resolve().parents[2] / "dashboard"


def _find_t_calls() -> list[tuple[Path, ast.Call]]:
    calls = []
    for path in sorted(DASHBOARD.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id == "t"
            ):
                calls.append((path, node))
    return calls


def test_the_dashboard_translates_its_strings() -> None:
    assert len(_find_t_calls()) > 40


def test_every_key_is_a_literal_in_the_english_catalogue() -> None:
    english = catalogue("en")
    problems = []
    for path, call in _find_t_calls():
        where = f"{path.relative_to(DASHBOARD)}:{call.lineno}"
        key = call.args[0] if call.args else None
        if not (isinstance(key, ast.Constant) and isinstance(key.value, str)):
            problems.append(f"{where}: the key must be a string literal, so that it can be checked")
        elif key.value not in english:
            problems.append(f"{where}: {key.value!r} is missing from i18n/en.py")
    assert problems == []


def test_every_english_key_is_used() -> None:
    used = {call.args[0].value for _, call in _find_t_calls()}
    assert set(catalogue("en")) - used == set()


def test_formats_fields() -> None:
    assert t("cli.serving", url="http://x:1") == "Serving plcnet at http://x:1"


def test_other_language_falls_back_to_english() -> None:
    assert t("overview.title", "cy") == "System overview"


def test_missing_english_key_raises_in_tests() -> None:
    with pytest.raises(KeyError, match=r"no\.such\.key"):
        t("no.such.key")


def test_missing_english_key_shows_the_key_in_service(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("PLCNET_I18N_STRICT")
    assert t("no.such.key") == "no.such.key"


def test_unknown_language_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown language"):
        t("overview.title", "fr")
