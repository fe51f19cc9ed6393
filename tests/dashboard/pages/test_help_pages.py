"""Help and the accessibility statement: drawn in English and Welsh, open to every role
that may open the dashboard (and in public-aggregates-only mode), linked from the
footer and not the nav; every chart of every page links to its measures' entries in
the glossary, each of which exists; the impact page is named for what it shows and
says what an attainment point is; the chart toolbar speaks Welsh."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import dash
import pytest
from dash import dcc, html

from dashboard.access.signin import AccessConfig
from dashboard.app import render_shell
from dashboard.core import ids
from dashboard.i18n import t
from dashboard.pages.accessibility.layout import PREPARED, build_accessibility_layout, build_contact
from dashboard.pages.help.layout import build_help_layout, list_words
from dashboard.pages.sources.layout import build_glossary_table
from dashboard.ui.charts import build_graph_config, translate_toolbar
from tests.dashboard.components import text_of, walk
from tests.dashboard.proxied import USERS, open_page, proxy_config, serving_as

HELP_PAGES = ("/help", "/accessibility")
SAMPLES = {"school_id": "6612001", "plc_id": "P1"}  # things the fixture database holds


# ---- The two pages -------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["en", "cy"])
def test_help_explains_each_word_in_both_languages(lang: str) -> None:
    page = build_help_layout(lang)
    parts = list(walk(page))
    [h1] = [c for c in parts if isinstance(c, html.H1)]
    assert text_of(h1) == t("help.title", lang)
    terms = {c.id: text_of(c) for c in parts if isinstance(c, html.Dt)}
    assert set(terms) == {
        f"help-{key}"
        for key in ("plc", "tie", "isolate", "betweenness", "ei", "brokerage", "attainment-points")
    }
    # Every word but nothing else links to a glossary entry that exists.
    anchors = _glossary_anchors(lang)
    links = [c.href for c in parts if isinstance(c, dcc.Link) and "#glossary-" in c.href]
    assert len(links) == len(list_words(lang))
    assert {href.split("#")[1] for href in links} <= anchors


def test_help_in_welsh_is_welsh() -> None:
    english, welsh = text_of(build_help_layout("en")), text_of(build_help_layout("cy"))
    assert "Sut i ddarllen y dangosfwrdd hwn" in welsh
    assert "Rhyngoldeb" in welsh and "Mynegai E-I" in welsh and "Broceriaeth" in welsh
    # No sentence of the English page is left in the Welsh one.
    sentences = [s for s in re.split(r"(?<=[.:])\s+", english) if len(s) > 30]
    assert sentences and not [s for s in sentences if s in welsh]


@pytest.mark.parametrize("lang", ["en", "cy"])
def test_the_statement_follows_the_model_statement(lang: str) -> None:
    page = build_accessibility_layout(lang, "")
    headings = [text_of(c) for c in walk(page) if isinstance(c, html.H2 | html.H3 | html.H4)]
    # GOV.UK's sample statement, in its order.
    expected = [
        "accessibility.how_heading",
        "accessibility.feedback_heading",
        "accessibility.reporting_heading",
        "accessibility.enforcement_heading",
        "accessibility.technical_heading",
        "accessibility.status_heading",
        "accessibility.non_accessible_heading",
        "accessibility.non_compliance_heading",
        "accessibility.burden_heading",
        "accessibility.improving_heading",
        "accessibility.preparation_heading",
    ]
    assert headings == [t(key, lang) for key in expected]
    text = text_of(page)
    assert "(EHRC)" in text and "(EASS)" in text and "2.2" in text
    month = t("shell.months", lang).split()[PREPARED.month - 1]
    assert f"{PREPARED.day} {month} {PREPARED.year}" in text
    for tested in ("axe-core", "Lighthouse", "390"):
        assert tested in text
    assert "Rhagfyr" in text if lang == "cy" else "December" in text


MAIL = "access@example.gov.wales"
FORM = "https://example.gov.wales/contact"


@pytest.mark.parametrize(
    ("contact", "shown", "href"),
    [
        (MAIL, MAIL, f"mailto:{MAIL}"),
        (f" mailto:{MAIL} ", MAIL, f"mailto:{MAIL}"),
        (FORM, FORM, FORM),
        ("029 2000 0000", "029 2000 0000", None),
        ("javascript:alert(1)", "javascript:alert(1)", None),
    ],
)
def test_the_statements_contact_is_a_link_only_to_mail_or_the_web(
    contact: str, shown: str, href: str | None
) -> None:
    found = build_contact(contact, "en")
    assert found is not None
    assert text_of(found) == f"Contact the team that runs this dashboard: {shown}"
    assert [c.href for c in walk(found) if isinstance(c, html.A)] == ([href] if href else [])


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("en", "Contact the team that runs this dashboard: access@example.gov.wales"),
        ("cy", "Cysylltwch â'r tîm sy'n rhedeg y dangosfwrdd hwn: access@example.gov.wales"),
    ],
)
def test_the_statement_gives_the_contact_set_in_both_languages(
    app: dash.Dash, monkeypatch: pytest.MonkeyPatch, lang: str, said: str
) -> None:
    page = dash.page_registry["dashboard.pages.accessibility.page"]
    monkeypatch.setenv("PLCNET_ACCESSIBILITY_CONTACT", "access@example.gov.wales")
    drawn = page["layout"](lang=lang)
    contacts = [c for c in walk(drawn) if getattr(c, "className", None) == "statement-contact"]
    # Under feedback and under reporting problems.
    assert [text_of(c) for c in contacts] == [said, said]
    # Not set (the default): no address is made up; the statement names the data team.
    monkeypatch.delenv("PLCNET_ACCESSIBILITY_CONTACT")
    drawn = page["layout"](lang=lang)
    assert not [c for c in walk(drawn) if getattr(c, "className", None) == "statement-contact"]
    assert "@" not in text_of(drawn)


# ---- Who may open them -----------------------------------------------------------------


@pytest.fixture(scope="module")
def proxied(app: dash.Dash, tmp_path_factory: pytest.TempPathFactory) -> Iterator[object]:
    with serving_as(app, proxy_config(tmp_path_factory.mktemp("help"))) as server:
        yield server.test_client()


@pytest.mark.parametrize("user", sorted(USERS))
def test_every_role_may_open_help_and_the_statement(proxied: object, user: str) -> None:
    for path, title in zip(HELP_PAGES, ("help.title", "accessibility.title"), strict=True):
        for lang in ("en", "cy"):
            drawn = open_page(proxied, user, path, f"?lang={lang}")
            assert t(title, lang) in drawn, (user, path, lang)


def test_deny_by_default_still_holds_for_them(proxied: object) -> None:
    # A user the proxy names in no group of the roles file has no role: refused.
    for path in HELP_PAGES:
        response = proxied.get(
            path,
            headers={"X-Forwarded-User": "stranger", "X-Forwarded-Groups": "visitors"},
            environ_base={"REMOTE_ADDR": "127.0.0.1"},
        )
        assert response.status_code == 403
        assert t("help.title", "en") not in response.get_data(as_text=True)


def test_public_aggregates_mode_shows_them_too(app: dash.Dash, tmp_path: Path) -> None:
    with serving_as(app, AccessConfig(mode="public")) as server:
        client = server.test_client()
        for path in HELP_PAGES:
            assert client.get(path).status_code == 200
            drawn = open_page(client, "anyone", path)
            assert t("help.title" if path == "/help" else "accessibility.title", "en") in drawn


@pytest.mark.parametrize("lang", ["en", "cy"])
def test_the_footer_links_them_and_the_nav_does_not(app: dash.Dash, lang: str) -> None:
    with app.server.test_request_context(f"/?lang={lang}"):
        shell = render_shell()
    by_id = {c.id: c for c in walk(shell) if isinstance(getattr(c, "id", None), str)}
    footer = [
        (c.children, c.href) for c in walk(by_id[ids.SHELL_FOOTER_LINKS]) if hasattr(c, "href")
    ]
    suffix = "?lang=cy" if lang == "cy" else ""
    assert footer == [
        (t("help.nav", lang), f"/help{suffix}"),
        (t("accessibility.nav", lang), f"/accessibility{suffix}"),
    ]
    nav = [c.href for c in walk(by_id[ids.SHELL_NAV]) if hasattr(c, "href")]
    assert not [href for href in nav if href.startswith(HELP_PAGES)]
    # The impact page is named for what it shows; its address is unchanged.
    names = {c.href: c.children for c in walk(by_id[ids.SHELL_NAV]) if hasattr(c, "href")}
    assert names[f"/impact{suffix}"] == t("impact.title", lang)
    assert names[f"/impact{suffix}"] in {"Collaboration and improvement", "Cydweithio a gwella"}


# ---- Every chart links to the glossary ---------------------------------------------------


def _glossary_anchors(lang: str) -> set[str]:
    return {c.id for c in walk(build_glossary_table(lang)) if getattr(c, "id", None)}


def _page_layouts(app: dash.Dash, lang: str) -> dict[str, object]:
    layouts = {}
    for module, page in dash.page_registry.items():
        template = page.get("path_template")
        args = {"lang": lang}
        path = str(page["path"])
        if template:
            args |= {name: SAMPLES[name] for name in re.findall(r"<(\w+)>", str(template))}
            path = re.sub(r"<(\w+)>", lambda m: SAMPLES[m.group(1)], str(template))
        with app.server.test_request_context(path):
            layouts[module] = page["layout"](**args)
    return layouts


@pytest.mark.parametrize("lang", ["en", "cy"])
def test_every_chart_links_to_glossary_entries_that_exist(app: dash.Dash, lang: str) -> None:
    anchors = _glossary_anchors(lang)
    charts = 0
    for module, layout in _page_layouts(app, lang).items():
        parts = list(walk(layout))
        by_id = {c.id: c for c in parts if isinstance(getattr(c, "id", None), str)}
        for graph in (c for c in parts if isinstance(c, dcc.Graph)):
            charts += 1
            glossary_id = graph.id.removesuffix("-graph") + "-glossary"
            assert glossary_id in by_id, (module, graph.id)
            links = [c for c in walk(by_id[glossary_id]) if isinstance(c, dcc.Link)]
            assert links, (module, graph.id)
            for link in links:
                path, anchor = link.href.split("#")
                assert path == ("/data?lang=cy" if lang == "cy" else "/data")
                assert anchor in anchors, (module, graph.id, anchor)
    assert charts >= 15


def test_the_regions_chart_links_to_the_measure_chosen(app: dash.Dash) -> None:
    page = dash.page_registry["dashboard.pages.regions.page"]
    with app.server.test_request_context("/regions"):
        layout = page["layout"](measure="density", year="2018/19")
    by_id = {c.id: c for c in walk(layout) if isinstance(getattr(c, "id", None), str)}
    for what in ("measure", "map"):
        [link] = [c for c in walk(by_id[ids.chart_glossary("regions", what)]) if hasattr(c, "href")]
        assert link.href == f"/data#{ids.glossary_entry('density')}"
        assert link.children == "Density"


# ---- Attainment points and the toolbar ------------------------------------------------------


@pytest.mark.parametrize("lang", ["en", "cy"])
def test_the_impact_page_says_what_an_attainment_point_is(app: dash.Dash, lang: str) -> None:
    layout = _page_layouts(app, lang)["dashboard.pages.impact.page"]
    by_id = {c.id: c for c in walk(layout) if isinstance(getattr(c, "id", None), str)}
    assert text_of(by_id[ids.IMPACT_ATTAINMENT_POINTS]) == t("impact.attainment_points", lang)
    # ...and the glossary's change in attainment says it too.
    glossary = text_of(build_glossary_table(lang))
    assert ("attainment points" if lang == "en" else "pwyntiau cyrhaeddiad") in glossary


PLOTLY_JS = Path(dash.__file__).parents[1] / "plotly" / "package_data" / "plotly.min.js"


def test_every_toolbar_word_is_plotlys_own_and_is_translated() -> None:
    bundle = PLOTLY_JS.read_text(encoding="utf-8")
    english, welsh = translate_toolbar("en"), translate_toolbar("cy")
    # A key plotly.js no longer says would translate nothing.
    assert [key for key in english if f'"{key}"' not in bundle] == []
    # Every button title plotly.js draws on the charts' kinds of plot is translated.
    titles = set(re.findall(r'title:function\(\w\)\{return \w+\(\w,"([^"]+)"\)', bundle))
    unused = {"Download plot as JSON", "Share chart...", "Erase active shape"}
    unused |= {title for title in titles if title.startswith(("Draw", "Reset camera"))}
    unused |= {"Orbital rotation", "Turntable rotation"}  # 3-D plots: none here
    assert titles - unused - set(welsh) == set()
    assert all(welsh[key] != english[key] for key in welsh), "untranslated toolbar words"
    config = build_graph_config("cy")
    assert config["locale"] == "cy"
    assert config["locales"]["cy"]["dictionary"]["Zoom in"] == "Chwyddo i mewn"
    assert config["locales"]["cy"]["format"]["months"][11] == "Rhagfyr"
