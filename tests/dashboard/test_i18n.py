"""The translation layer: one function, complete English, fallback to English."""

from __future__ import annotations

import ast
import string
from pathlib import Path

import pytest

from dashboard.i18n import catalogue, list_catalogue_modules, t

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
            problems.append(f"{where}: {key.value!r} is not in i18n/en*.py")
    assert problems == []


def test_every_english_key_is_used() -> None:
    used = {call.args[0].value for _, call in _find_t_calls()}
    assert set(catalogue("en")) - used == set()


def test_formats_fields() -> None:
    assert t("cli.serving", url="http://x:1") == "Serving plcnet at http://x:1"


def test_every_english_key_has_a_welsh_message_and_back() -> None:
    english, welsh = catalogue("en"), catalogue("cy")
    assert set(english) - set(welsh) == set(), "missing from the Welsh catalogue (i18n/cy*.py)"
    assert set(welsh) - set(english) == set(), "in i18n/cy*.py but not in i18n/en*.py"


def test_welsh_messages_take_the_same_fields() -> None:
    def fields(message: str) -> set[str]:
        return {name for _, name, _, _ in string.Formatter().parse(message) if name}

    welsh = catalogue("cy")
    mismatched = {k for k, v in catalogue("en").items() if fields(v) != fields(welsh[k])}
    assert mismatched == set()


def test_welsh_is_welsh() -> None:
    assert t("overview.title", "cy") == "Trosolwg o'r system"
    assert t("headline.schools_in_plcs", "cy") == "Ysgolion mewn o leiaf un CDP"


def test_a_missing_welsh_message_falls_back_to_english(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delitem(catalogue("cy"), "overview.title")
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


def test_every_english_part_has_a_welsh_part() -> None:
    english = [name.removeprefix("en") for name in list_catalogue_modules("en")]
    welsh = [name.removeprefix("cy") for name in list_catalogue_modules("cy")]
    assert english == welsh
    assert english[0] == ""
