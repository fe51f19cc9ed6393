"""The translation layer: one function, complete English, fallback to English.

The catalogues are the PO files of dashboard/locale; the English one is the source.
"""

from __future__ import annotations

import ast
import shutil
import string
from collections.abc import Iterator
from pathlib import Path

import pytest

from dashboard import i18n
from dashboard.core import registry
from dashboard.i18n import catalogue, catalogue_path, read_catalogue, t, unusable_translations
from dashboard.i18n import update as update_tool
from dashboard.measures import catalogue as measures
from dashboard.ui.labels import WORD_FIELDS, level_words

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


# Two modules ask for messages by keys they make: the catalogue of measures (the keys
# its terms declare, in one call) and the page registry (each page's <key>.nav and
# <key>.title). message_keys() of each lists them, so that they are checked as literals are.
MEASURES_CATALOGUE = DASHBOARD / "measures" / "catalogue.py"
PAGE_REGISTRY = DASHBOARD / "core" / "registry.py"


def _is_a_made_key(path: Path, key: ast.expr | None) -> bool:
    if path == MEASURES_CATALOGUE:
        return isinstance(key, ast.Name) and key.id == "key"
    return path == PAGE_REGISTRY and isinstance(key, ast.JoinedStr)


def _made_keys() -> set[str]:
    # The page registry's keys are those of the pages the session's app registered.
    return measures.message_keys() | registry.message_keys()


@pytest.mark.usefixtures("app")
def test_every_key_is_a_literal_in_the_english_catalogue() -> None:
    english = catalogue("en")
    assert len(registry.message_keys()) == 2 * 12  # every page registered, nav and title
    problems = [
        f"{key!r} (made by the measures catalogue or the page registry) is not in "
        "locale/en/LC_MESSAGES/messages.po"
        for key in sorted(_made_keys())
        if key not in english
    ]
    for path, call in _find_t_calls():
        where = f"{path.relative_to(DASHBOARD)}:{call.lineno}"
        key = call.args[0] if call.args else None
        if _is_a_made_key(path, key):
            continue
        if not (isinstance(key, ast.Constant) and isinstance(key.value, str)):
            problems.append(f"{where}: the key must be a string literal, so that it can be checked")
        elif key.value not in english:
            problems.append(f"{where}: {key.value!r} is not in locale/en/LC_MESSAGES/messages.po")
    assert problems == []


@pytest.mark.usefixtures("app")
def test_every_english_key_is_used() -> None:
    used = {
        call.args[0].value
        for path, call in _find_t_calls()
        if not _is_a_made_key(path, call.args[0])
    }
    used |= _made_keys()
    assert set(catalogue("en")) - used == set()


def test_formats_fields() -> None:
    assert t("cli.serving", url="http://x:1") == "Serving plcnet at http://x:1"


def test_every_english_key_has_a_welsh_message_and_back() -> None:
    english, welsh = catalogue("en"), catalogue("cy")
    assert set(english) - set(welsh) == set(), "missing, fuzzy or stale in locale/cy"
    assert set(welsh) - set(english) == set(), "in locale/cy but not in locale/en"


def test_welsh_messages_take_the_same_fields() -> None:
    def fields(message: str) -> set[str]:
        return {name for _, name, _, _ in string.Formatter().parse(message) if name}

    # The words of the system's levels and groups (labels.WORD_FIELDS) may be left out
    # or exchanged: a translation writes the form its grammar needs ("Pob {la_word}"
    # for "All {las_word}", a mutated word written out). Every other field is kept.
    words = set(WORD_FIELDS)
    welsh = catalogue("cy")
    mismatched = {
        k
        for k, v in catalogue("en").items()
        if fields(v) - words != fields(welsh.get(k, v)) - words
        or not fields(welsh.get(k, v)) - fields(v) <= words
    }
    assert mismatched == set()


def test_welsh_is_welsh() -> None:
    assert t("overview.title", "cy") == "Trosolwg o'r system"
    welsh_words = level_words("cy")
    assert t("headline.schools_in_plcs", "cy", **welsh_words) == "Ysgolion mewn o leiaf un CDP"


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


def test_no_welsh_message_is_missing_fuzzy_or_stale() -> None:
    # Names each key whose Welsh is not shown: run make translations, then translate them.
    assert unusable_translations("cy") == {}


def test_the_template_and_the_welsh_are_in_step_with_the_english() -> None:
    # What make translations would write is what is committed: nobody edited the English
    # without running it, and nobody edited the template by hand.
    english = update_tool.normalised_english(read_catalogue(catalogue_path("en")))
    expected = {
        catalogue_path("en"): english,
        update_tool.template_path(): update_tool.build_template(english),
        catalogue_path("cy"): update_tool.update_translation(
            read_catalogue(catalogue_path("cy")), english
        ),
    }
    out_of_step = [
        str(path.relative_to(i18n.LOCALE_DIR))
        for path, catalog in expected.items()
        if update_tool.write_if_changed(catalog, path, dry_run=True)
    ]
    assert out_of_step == [], "run make translations"


def test_welsh_letters_and_fields_are_kept_as_written() -> None:
    text = catalogue_path("cy").read_text(encoding="utf-8")
    assert "ni chânt eu cynnig yma" in text  # UTF-8, not escaped
    assert t("regions.not_filtered", "cy").count("â") >= 2
    assert t("regions.chosen", "cy", name="Powys") == "Powys (a ddewiswyd)"


@pytest.fixture
def locale_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A copy of dashboard/locale the tests may edit, read in place of the real one."""
    copy = tmp_path / "dashboard" / "locale"
    shutil.copytree(i18n.LOCALE_DIR, copy)
    monkeypatch.setattr(i18n, "LOCALE_DIR", copy)
    catalogue.cache_clear()
    yield copy
    catalogue.cache_clear()


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_a_changed_english_makes_its_welsh_fuzzy_until_translated(
    locale_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    english, welsh = catalogue_path("en"), catalogue_path("cy")
    _edit(english, 'msgid "System overview"', 'msgid "System overview, in short"')
    assert update_tool.main() == 1
    assert "overview.title: fuzzy" in capsys.readouterr().out

    entry = next(m for m in read_catalogue(welsh) if m.context == "overview.title")
    assert entry.fuzzy
    assert entry.id == "System overview, in short"
    assert update_tool.split_previous_id(entry)[0] == "System overview"
    assert entry.string == "Trosolwg o'r system"  # kept for the translator
    assert set(unusable_translations("cy")) == {"overview.title"}
    assert t("overview.title", "cy") == "System overview, in short"  # the English, as gettext
    assert "overview.title" in update_tool.template_path().read_text(encoding="utf-8")
    assert "System overview, in short" in update_tool.template_path().read_text("utf-8")

    # A second edit before anyone translates: still fuzzy, still showing the first English.
    _edit(english, 'msgid "System overview, in short"', 'msgid "Overview"')
    assert update_tool.main() == 1
    entry = next(m for m in read_catalogue(welsh) if m.context == "overview.title")
    assert (entry.fuzzy, entry.id) == (True, "Overview")
    assert update_tool.split_previous_id(entry) == ("System overview", [])
    capsys.readouterr()
    assert update_tool.main() == 1  # and a run that changes nothing writes nothing
    assert "wrote" not in capsys.readouterr().out

    # The translator updates the Welsh and clears the flag, as a PO editor does.
    _edit(welsh, '#, fuzzy\n#| msgid "System overview"\n', "")
    _edit(welsh, '"Trosolwg o\'r system"', '"Trosolwg"')
    catalogue.cache_clear()
    assert unusable_translations("cy") == {}
    assert t("overview.title", "cy") == "Trosolwg"
    assert update_tool.main() == 0


def test_a_welsh_edited_against_an_older_english_is_stale(locale_copy: Path) -> None:
    # Without make translations the entry is not even fuzzy: its msgid gives it away.
    _edit(
        catalogue_path("en"),
        'msgid "System overview"',
        'msgid "System overview, in short"',
    )
    assert unusable_translations("cy") == {
        "overview.title": "stale: translates an older English (run make translations)"
    }
    assert t("overview.title", "cy") == "System overview, in short"


def test_a_new_english_key_is_added_untranslated_and_a_removed_one_kept_obsolete(
    locale_copy: Path,
) -> None:
    _edit(catalogue_path("en"), 'msgctxt "regions.nav"', 'msgctxt "regions.nav_new"')
    assert update_tool.main() == 1
    welsh = read_catalogue(catalogue_path("cy"))
    assert next(m for m in welsh if m.context == "regions.nav_new").string == ""
    assert [m.string for m in welsh.obsolete.values() if m.context == "regions.nav"] == [
        "Rhanbarthau"
    ]
    assert unusable_translations("cy") == {"regions.nav_new": "untranslated"}


def test_a_key_defined_twice_is_refused(locale_copy: Path) -> None:
    _edit(catalogue_path("cy"), 'msgctxt "regions.nav"', 'msgctxt "regions.title"')
    with pytest.raises(ValueError, match=r"regions\.title.*defined twice"):
        catalogue("cy")


def test_a_message_without_a_key_is_refused(locale_copy: Path) -> None:
    _edit(catalogue_path("en"), 'msgctxt "regions.nav"\n', "")
    with pytest.raises(ValueError, match="has no msgctxt"):
        catalogue("en")
