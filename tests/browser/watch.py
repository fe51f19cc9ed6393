"""A browser page watched for errors: what every browser test opens pages with."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from playwright.sync_api import Browser, Page

__all__ = ["watched_page"]


@contextmanager
def watched_page(
    browser: Browser, timeout_ms: int = 10_000, expected_errors: tuple[str, ...] = ()
) -> Iterator[Page]:
    """A page in a new context (no cookies); on leaving, fails if the page logged an
    error (a failed callback does) other than those containing ``expected_errors``."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.set_default_timeout(timeout_ms)
    opened = context.new_page()
    errors: list[str] = []
    opened.on("console", lambda message: message.type == "error" and errors.append(message.text))
    opened.on("pageerror", lambda error: errors.append(str(error)))
    yield opened
    context.close()
    unexpected = [e for e in errors if not any(s in e for s in expected_errors)]
    assert unexpected == [], f"the page logged errors: {unexpected}"
