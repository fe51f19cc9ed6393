"""A browser page watched for errors: what every browser test opens pages with."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from time import monotonic
from typing import Any

from playwright.sync_api import Browser, Page, Request, Response

__all__ = ["CallbackWatch", "first_view_gone", "watched_page"]

# A first visit shows the server's copy of the page (#first-view) until Dash's page is
# drawn (dashboard/assets/first-view.js); on a busy machine that can take long.
FIRST_VIEW_MS = 60_000


def first_view_gone(page: Page) -> None:
    """Waits until the server's first view has given way to Dash's page (at once where
    the page has none: a plain page, the provider's sign-in form)."""
    page.wait_for_function("() => !document.getElementById('first-view')", timeout=FIRST_VIEW_MS)


def _waiting_for_dash(page: Page) -> None:
    """``goto`` and ``reload`` return once Dash's page is there: a test acts on the
    page a reader acts on, and meets one copy of each element, not two
    (tests/browser/test_first_view_browser.py looks at the first view itself)."""
    goto, reload = page.goto, page.reload

    def goto_then_wait(*args: Any, **kwargs: Any) -> Response | None:
        response = goto(*args, **kwargs)
        first_view_gone(page)
        return response

    def reload_then_wait(*args: Any, **kwargs: Any) -> Response | None:
        response = reload(*args, **kwargs)
        first_view_gone(page)
        return response

    page.goto = goto_then_wait  # type: ignore[method-assign]
    page.reload = reload_then_wait  # type: ignore[method-assign]


@contextmanager
def watched_page(
    browser: Browser,
    timeout_ms: int = 10_000,
    expected_errors: tuple[str, ...] = (),
    first_view: bool = False,
) -> Iterator[Page]:
    """A page in a new context (no cookies); on leaving, fails if the page logged an
    error (a failed callback does) other than those containing ``expected_errors``.
    Its ``goto`` and ``reload`` wait for Dash's page unless ``first_view``."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.set_default_timeout(timeout_ms)
    opened = context.new_page()
    errors: list[str] = []
    opened.on("console", lambda message: message.type == "error" and errors.append(message.text))
    opened.on("pageerror", lambda error: errors.append(str(error)))
    if not first_view:
        _waiting_for_dash(opened)
    yield opened
    context.close()
    unexpected = [e for e in errors if not any(s in e for s in expected_errors)]
    assert unexpected == [], f"the page logged errors: {unexpected}"


class CallbackWatch:
    """Counts a page's Dash callback requests in flight, so that a test can wait until
    a page has finished drawing. ``wait_for_load_state("networkidle")`` is not enough:
    once reached it stays reached, and a chain of callbacks can pause longer than its
    500 ms while a busy renderer draws one step's outputs before sending the next."""

    def __init__(self, page: Page) -> None:
        self.page = page
        self.in_flight = 0
        self.last_change = monotonic()
        page.on("request", lambda r: self._count(r, +1))
        page.on("requestfinished", lambda r: self._count(r, -1))
        page.on("requestfailed", lambda r: self._count(r, -1))

    def _count(self, request: Request, step: int) -> None:
        if "/_dash-update-component" in request.url:
            self.in_flight += step
            self.last_change = monotonic()

    def wait_until_quiet(self, quiet_s: float = 1.5, timeout_s: float = 30.0) -> None:
        """Returns once no callback has been in flight for ``quiet_s`` seconds."""
        deadline = monotonic() + timeout_s
        while self.in_flight or monotonic() - self.last_change < quiet_s:
            assert monotonic() < deadline, f"callbacks still running after {timeout_s} s"
            self.page.wait_for_timeout(100)
