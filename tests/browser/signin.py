"""Signing in through the development provider's own login form, in Chromium."""

from __future__ import annotations

from playwright.sync_api import Page

from tests.idp.accounts import password_of
from tests.idp.serving import SignInServed

__all__ = ["log_in_at_provider"]


def log_in_at_provider(page: Page, served: SignInServed, name: str) -> None:
    """Fill and send the provider's login form the dashboard has sent ``page`` to."""
    page.wait_for_url(lambda url: url.startswith(f"{served.issuer}/authorize?"))
    page.get_by_label("Username").fill(name)
    page.get_by_label("Password").fill(password_of(name))
    page.get_by_role("button", name="Sign in").click()
