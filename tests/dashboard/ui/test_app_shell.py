"""The app factory, the shell (demo notice, data as at) and the page's accessibility basics."""

from __future__ import annotations

import gc
import itertools
from pathlib import Path

import dash
import pytest
from dash import dcc, html

from dashboard import __main__ as cli
from dashboard.app import render_shell
from dashboard.core import ids
from dashboard.core.db import CONFIG_KEY, Database
from dashboard.core.provenance import Provenance, describe_as_at, load_provenance
from tests.dashboard.components import text_of, walk
from tests.dashboard.fixtures import build_overview_db


def _render_overview(app: dash.Dash, query: dict[str, str]) -> tuple[html.Div, html.Div]:
    page = dash.page_registry["dashboard.pages.overview.page"]
    with app.server.test_request_context("/"):
        return render_shell(), page["layout"](**query)


def test_factory_registers_the_overview_at_the_root(app: dash.Dash) -> None:
    page = dash.page_registry["dashboard.pages.overview.page"]
    assert page["path"] == "/"
    assert page["name"] == "Overview"


def test_page_has_one_h1_and_the_shell_one_main(app: dash.Dash) -> None:
    shell, page = _render_overview(app, {})
    everything = [*walk(shell), *walk(page)]
    assert sum(isinstance(c, html.H1) for c in everything) == 1
    mains = [c for c in everything if isinstance(c, html.Main)]
    assert len(mains) == 1
    assert mains[0].id == ids.SHELL_MAIN


def test_headings_do_not_skip_levels(app: dash.Dash) -> None:
    _, page = _render_overview(app, {})
    levels = [
        int(type(c).__name__[1]) for c in walk(page) if type(c).__name__ in {"H1", "H2", "H3"}
    ]
    assert levels[0] == 1
    assert all(b - a <= 1 for a, b in itertools.pairwise(levels))


def test_every_dropdown_has_a_label(app: dash.Dash) -> None:
    _, page = _render_overview(app, {})
    components = list(walk(page))
    labelled = {c.htmlFor for c in components if isinstance(c, html.Label)}
    dropdowns = {c.id for c in components if isinstance(c, dcc.Dropdown)}
    assert dropdowns == {
        ids.filter_control("overview", "year"),
        ids.filter_control("overview", "consortium"),
        ids.filter_control("overview", "la"),
        ids.filter_control("overview", "sector"),
        ids.filter_control("overview", "medium"),
    }
    assert dropdowns <= labelled


def test_every_chart_has_a_table_beside_it(app: dash.Dash) -> None:
    _, page = _render_overview(app, {})
    components = list(walk(page))
    graphs = [c for c in components if isinstance(c, dcc.Graph)]
    tables = [c for c in components if isinstance(c, html.Table)]
    assert len(graphs) == len(tables) == 2
    assert all(any(isinstance(x, html.Caption) for x in walk(table)) for table in tables)


def test_page_reproduces_the_view_in_its_query_string(app: dash.Dash) -> None:
    _, page = _render_overview(app, {"year": "2017/18", "la": "661"})
    by_id = {c.id: c for c in walk(page) if getattr(c, "id", None)}
    assert by_id[ids.filter_control("overview", "year")].value == "2017/18"
    assert by_id[ids.filter_control("overview", "consortium")].value == "GWE"
    assert by_id[ids.filter_control("overview", "la")].value == 661
    assert text_of(by_id[ids.OVERVIEW_SCOPE]) == "Headline figures, 2017/18, Gwynedd"
    card = by_id[ids.overview_headline("schools_in_plcs")]
    assert text_of(card).startswith("Schools in at least one PLC1Down 2 on 2016/17")


def test_html_declares_its_language_and_a_skip_link(app: dash.Dash) -> None:
    assert '<html lang="en">' in app.index_string
    assert (
        f'<a class="skip-link" href="#{ids.SHELL_MAIN}">Skip to main content</a>'
        in app.index_string
    )


def test_nav_is_built_from_the_page_registry(app: dash.Dash) -> None:
    shell, _ = _render_overview(app, {})
    nav = next(c for c in walk(shell) if isinstance(c, html.Nav))
    links = [c for c in walk(nav) if isinstance(c, dcc.Link)]
    shown = [(link.children, link.href) for link in links]
    assert shown[0] == ("Overview", "/")
    assert ("PLCs", "/plcs") in shown
    # Pages of one thing (/school/<number>, /plc/<id>) are reached from others, not the nav.
    assert not any(href.startswith(("/school", "/plc/")) for _, href in shown)
    assert shown.index(("Regions", "/regions")) < shown.index(("Data", "/data"))
    assert ("Network", "/network") in shown
    assert ("Collaboration and improvement", "/impact") in shown
    # Help and the accessibility statement are in the footer (test_help_pages.py).
    assert not any(href in {"/help", "/accessibility"} for _, href in shown)


def test_demo_data_are_announced(app: dash.Dash) -> None:
    shell, _ = _render_overview(app, {})
    notice = next(c for c in walk(shell) if getattr(c, "id", None) == ids.SHELL_DEMO_NOTICE)
    assert text_of(notice).startswith(
        "Demonstration data: simulated PLCs and outcomes on the real schools of Wales."
    )


def test_real_data_carry_no_demo_notice(tmp_path: Path) -> None:
    db = Database(build_overview_db(tmp_path / "real.duckdb", outcome_source="published"))
    assert load_provenance(db).is_demo is False


def test_data_as_at_names_the_latest_successful_refresh(db: Database) -> None:
    provenance = load_provenance(db)
    assert describe_as_at(provenance, "en") == (
        "Data as at 1 September 2019 10:16 · refresh 20190901T101500-a1b2"
    )


def test_shell_shows_data_as_at(app: dash.Dash) -> None:
    shell, _ = _render_overview(app, {})
    footer = next(c for c in walk(shell) if getattr(c, "id", None) == ids.SHELL_AS_AT)
    assert text_of(footer) == "Data as at 1 September 2019 10:16 · refresh 20190901T101500-a1b2"


def test_no_successful_refresh_is_said_plainly() -> None:
    assert (
        describe_as_at(Provenance(False, None, None), "en") == "No successful refresh recorded yet"
    )


def test_command_refuses_a_missing_database(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "plcnet.duckdb"
    assert cli.main(["--db", str(missing)]) != 0
    error = capsys.readouterr().err
    assert str(missing) in error
    assert "make etl" in error
    assert "python -m etl refresh" in error


def test_command_defaults_come_from_the_settings(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PLCNET_PORT", "9123")
    args = cli.parse_args([])
    assert (args.host, args.port, args.db.name) == ("127.0.0.1", 9123, "plcnet.duckdb")


def test_missing_database_is_explained_in_the_page(
    app: dash.Dash, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(app.server.config, CONFIG_KEY, Database(tmp_path / "plcnet.duckdb"))
    shell, page = _render_overview(app, {})
    assert "Run make etl (or python -m etl refresh)" in text_of(shell)
    assert str(tmp_path / "plcnet.duckdb") in text_of(shell)
    assert list(walk(page)) == [page]


def test_the_app_is_out_of_the_collectors_sight(app: dash.Dash) -> None:
    # What create_app leaves behind lives as long as the process; full collections
    # should not walk it (docs/dashboard.md, "How fast").
    assert gc.get_freeze_count() > 10_000
    assert all(tracked is not app.server for tracked in gc.get_objects())
