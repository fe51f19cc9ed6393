"""What each development account may and may not see, on every page, in both languages.

Each account signs in once through the provider's own login form (Chromium); then
every page of the dashboard is opened as that user on the hand-made fixture
database (tests/dashboard/fixtures.py: Ysgol Aber in Anglesey (660, GwE), Fairwater
Primary in Cardiff (681, CSC); PLC P1 among GwE schools only, P3 across both).
Expected words come from the message catalogues, so the Welsh pages are checked
against the Welsh text.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect

from dashboard.i18n import t
from tests.browser.signin import log_in_at_provider
from tests.idp.serving import SignInServed

pytestmark = pytest.mark.browser

ABER, FAIRWATER = "Ysgol Aber", "Fairwater Primary"
P1, P2, P3 = "Literacy across Môn and Gwynedd", "Cardiff numeracy", "Maths across the regions"
ANGLESEY = {"en": "Isle of Anglesey", "cy": "Ynys Môn"}


@dataclass(frozen=True)
class Sees:
    """What an account's roles let it see (tests/idp/roles.toml)."""

    gwe_detail: bool  # schools and PLCs of Anglesey and Gwynedd
    cardiff_detail: bool  # schools and PLCs of Cardiff
    data_team: bool
    admin: bool


SEES = {
    "analyst": Sees(gwe_detail=True, cardiff_detail=True, data_team=False, admin=False),
    "cardiff": Sees(gwe_detail=False, cardiff_detail=True, data_team=False, admin=False),
    "csc": Sees(gwe_detail=False, cardiff_detail=True, data_team=False, admin=False),
    "datateam": Sees(gwe_detail=False, cardiff_detail=False, data_team=True, admin=False),
    "admin": Sees(gwe_detail=False, cardiff_detail=False, data_team=False, admin=True),
}
PAGES = ("/", "/network", "/regions", "/plcs", "/impact", "/data", "/audit")


@pytest.fixture(scope="module", params=[*sorted(SEES), "nobody"])
def signed_in(
    request: pytest.FixtureRequest, browser: Browser, signin_served: SignInServed
) -> Iterator[tuple[str, BrowserContext]]:
    """A browser context signed in as one account, through the provider's login form."""
    name = request.param
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.set_default_timeout(20_000)
    page = context.new_page()
    page.goto(f"{signin_served.url}/")
    log_in_at_provider(page, signin_served, name)
    page.wait_for_url(f"{signin_served.url}/")
    page.close()
    yield name, context
    context.close()


def _open(context: BrowserContext, url: str) -> tuple[Page, str]:
    """The page at ``url`` once drawn, and the text of its main region (or body)."""
    page = context.new_page()
    page.goto(url)
    expect(page.get_by_role("heading", level=1).first).to_be_visible()
    page.wait_for_load_state("networkidle")
    main = page.locator("main")
    text = main.first.inner_text() if main.count() else page.locator("body").inner_text()
    return page, text


def _query(lang: str, year: str = "2018/19") -> str:
    return f"?year={year}" + ("&lang=cy" if lang == "cy" else "")


def _check_subject(text: str, name: str, allowed: bool, lang: str) -> None:
    if allowed:
        assert name in text
    else:
        assert name not in text
        assert t("scope.outside_title", lang) in text


@pytest.mark.parametrize("lang", ["en", "cy"])
def test_each_account_sees_what_its_roles_allow_on_every_page(
    signed_in: tuple[str, BrowserContext], signin_served: SignInServed, lang: str
) -> None:
    name, context = signed_in
    base = signin_served.url
    if name == "nobody":
        for path in (*PAGES, "/school/6812001", "/plc/P2"):
            page, text = _open(context, f"{base}{path}{_query(lang)}")
            assert t("signin.no_access_title", lang) in text, path
            assert FAIRWATER not in text and ABER not in text
            page.close()
        return
    sees = SEES[name]
    subjects = [
        ("/school/6812001", FAIRWATER, sees.cardiff_detail),
        ("/school/6602001", ABER, sees.gwe_detail),
        ("/plc/P1", P1, sees.gwe_detail),
        ("/plc/P2", P2, sees.cardiff_detail),
    ]
    for path, subject, allowed in subjects:
        year = "2017/18" if path == "/plc/P2" else "2018/19"
        page, text = _open(context, f"{base}{path}{_query(lang, year)}")
        _check_subject(text, subject, allowed, lang)
        page.close()

    # The directory and the network list schools and PLCs of the scope only.
    page, text = _open(context, f"{base}/plcs{_query(lang)}")
    assert (P1 in text) is sees.gwe_detail
    assert (P3 in text) is (sees.gwe_detail or sees.cardiff_detail)
    page.close()
    page, text = _open(context, f"{base}/network{_query(lang)}")
    assert (ABER in text) is sees.gwe_detail
    assert (FAIRWATER in text) is sees.cardiff_detail
    page.close()

    # LA-level aggregates are for every role.
    page, text = _open(context, f"{base}/regions{_query(lang)}")
    assert ANGLESEY[lang] in text
    page.close()
    for path in ("/", "/impact"):
        page, text = _open(context, f"{base}{path}{_query(lang)}")
        assert t("signin.no_access_title", lang) not in text
        page.close()

    # Refresh details for the data team; the audit log for admins.
    page, text = _open(context, f"{base}/data{_query(lang)}")
    assert (t("data.runs_heading", lang) in text) is sees.data_team
    assert (t("data.details_data_team_only", lang) in text) is not sees.data_team
    page.close()
    page, text = _open(context, f"{base}/audit{_query(lang)}")
    assert (t("audit.events_heading", lang) in text) is sees.admin
    assert (t("audit.refused", lang) in text) is not sees.admin
    page.close()
