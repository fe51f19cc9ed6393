"""Sign-in in Chromium: each development account signs in through the provider's own
login form and lands on the overview (``nobody`` on the "no access" page), in
English and in Welsh; sign-out; axe on the login form and the pages around sign-in."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, expect

from dashboard.core import ids
from tests.browser.axe import describe, run_axe
from tests.browser.signin import log_in_at_provider
from tests.browser.watch import CallbackWatch, watched_page
from tests.idp.accounts import ACCOUNTS
from tests.idp.serving import SignInServed

pytestmark = pytest.mark.browser

OVERVIEW_TITLE = {"en": "System overview", "cy": "Trosolwg o'r system"}
NO_ACCESS = {"en": "No access", "cy": "Dim mynediad"}
# The provider answers a wrong password with 401 and plcnet a user with no role with
# 403: Chromium reports each as a failed resource. Any other error fails the test.
EXPECTED_ERRORS = ("status of 401", "status of 403")


@pytest.fixture
def fresh_page(browser: Browser) -> Iterator[Page]:
    """A page in a new context (no cookies: nobody signed in); fails on page errors."""
    with watched_page(browser, 15_000, EXPECTED_ERRORS) as opened:
        yield opened


@pytest.mark.parametrize("lang", ["en", "cy"])
@pytest.mark.parametrize("name", sorted(set(ACCOUNTS) - {"nobody"}))
def test_each_account_signs_in_and_lands_on_the_overview(
    fresh_page: Page, signin_served: SignInServed, name: str, lang: str
) -> None:
    query = "?lang=cy" if lang == "cy" else ""
    fresh_page.goto(f"{signin_served.url}/{query}")
    log_in_at_provider(fresh_page, signin_served, name)
    fresh_page.wait_for_url(f"{signin_served.url}/{query}")
    expect(fresh_page.locator("html")).to_have_attribute("lang", lang)
    expect(fresh_page.get_by_role("heading", level=1)).to_have_text(OVERVIEW_TITLE[lang])
    account = fresh_page.locator(f"#{ids.SHELL_ACCOUNT}")
    expect(account).to_contain_text(ACCOUNTS[name].display_name)
    expect(fresh_page.locator(f"#{ids.SHELL_ACCESS_NOTICE}")).to_have_count(0)


@pytest.mark.parametrize("lang", ["en", "cy"])
def test_an_account_with_no_group_sees_no_access(
    fresh_page: Page, signin_served: SignInServed, lang: str
) -> None:
    query = "?lang=cy" if lang == "cy" else ""
    fresh_page.goto(f"{signin_served.url}/{query}")
    log_in_at_provider(fresh_page, signin_served, "nobody")
    fresh_page.wait_for_url(f"{signin_served.url}/{query}")
    expect(fresh_page.locator("html")).to_have_attribute("lang", lang)
    expect(fresh_page.get_by_role("heading", level=1)).to_have_text(NO_ACCESS[lang])
    expect(fresh_page.locator(".plain-page")).to_contain_text("Nia Nobody")
    expect(fresh_page.locator(f"#{ids.SHELL_NAV}")).to_have_count(0)
    violations = run_axe(fresh_page)
    assert violations == [], describe(violations)


def test_sign_out_from_the_header_ends_the_session(
    fresh_page: Page, signin_served: SignInServed
) -> None:
    fresh_page.goto(f"{signin_served.url}/?lang=cy")
    log_in_at_provider(fresh_page, signin_served, "cardiff")
    fresh_page.get_by_role("link", name="Allgofnodi").click()
    fresh_page.wait_for_url(lambda url: url.startswith(f"{signin_served.url}/signed-out?lang=cy"))
    expect(fresh_page.get_by_role("heading", level=1)).to_have_text("Wedi allgofnodi")
    violations = run_axe(fresh_page)
    assert violations == [], describe(violations)
    # Signed out here and at the provider: the way back in asks for the password again.
    fresh_page.goto(f"{signin_served.url}/plcs")
    expect(fresh_page.get_by_label("Password")).to_be_visible()


def test_provider_login_form_and_signed_in_header_pass_axe(
    fresh_page: Page, signin_served: SignInServed
) -> None:
    fresh_page.goto(f"{signin_served.url}/")
    expect(fresh_page.get_by_label("Password")).to_be_visible()
    violations = run_axe(fresh_page)
    assert violations == [], "login form: " + describe(violations)
    log_in_at_provider(fresh_page, signin_served, "analyst")
    expect(fresh_page.locator(f"#{ids.SHELL_ACCOUNT}")).to_contain_text("Ana Analyst")
    expect(fresh_page.locator("#overview-headlines .headline")).to_have_count(4)
    violations = run_axe(fresh_page)
    assert violations == [], "overview signed in: " + describe(violations)


def test_a_wrong_password_is_said_plainly(fresh_page: Page, signin_served: SignInServed) -> None:
    fresh_page.goto(f"{signin_served.url}/")
    fresh_page.get_by_label("Username").fill("cardiff")
    fresh_page.get_by_label("Password").fill("plcnet-analyst")
    fresh_page.get_by_role("button", name="Sign in").click()
    expect(fresh_page.get_by_role("alert")).to_have_text("Wrong username or password.")
    violations = run_axe(fresh_page)
    assert violations == [], describe(violations)


def test_a_page_open_when_the_session_ends_goes_back_to_sign_in(
    fresh_page: Page, signin_served: SignInServed
) -> None:
    callbacks = CallbackWatch(fresh_page)
    fresh_page.goto(f"{signin_served.url}/plcs?lang=cy")
    log_in_at_provider(fresh_page, signin_served, "analyst")
    expect(fresh_page.locator(f"#{ids.SHELL_ACCOUNT}")).to_contain_text("Ana Analyst")
    # A callback still to come would meet the ended session first and reload the page
    # before the click below: the page must have finished drawing.
    callbacks.wait_until_quiet()
    # Both sessions end (here and at the provider) while the page stays open.
    fresh_page.context.clear_cookies()
    fresh_page.get_by_role("link", name="Trosolwg").first.click()
    fresh_page.wait_for_url(lambda url: url.startswith(f"{signin_served.issuer}/authorize?"))
    expect(fresh_page.get_by_label("Password")).to_be_visible()
    log_in_at_provider(fresh_page, signin_served, "analyst")
    fresh_page.wait_for_url(lambda url: url.startswith(signin_served.url))
    expect(fresh_page.locator(f"#{ids.SHELL_ACCOUNT}")).to_contain_text("Ana Analyst")
