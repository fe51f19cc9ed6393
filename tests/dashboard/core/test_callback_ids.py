"""Every callback names components that its page draws.

The app sets ``suppress_callback_exceptions`` (dashboard/app.py), so that Dash does
not send every page's layout inside every page to check callbacks in the browser;
this test does that check instead, for each page without a path variable: every
component id of the form ``<page>-...`` that a callback reads or writes is in the
layout the page draws for an empty query string, to a user with every role.
"""

from __future__ import annotations

import dash
import flask

from dashboard.access.users import G_USER, OPEN_USER
from dashboard.app import render_shell
from dashboard.core.registry import page_key
from tests.dashboard.components import walk


def _callback_ids(app: dash.Dash) -> set[str]:
    with app.server.test_client() as client:
        client.get("/")  # Dash registers the callbacks with the first request
    found = set()
    for output, spec in app.callback_map.items():
        found |= {part.split(".")[0] for part in output.strip(".").split("...")}
        found |= {d["id"] for d in [*spec["inputs"], *spec.get("state", [])]}
    return {i for i in found if isinstance(i, str)}


def _plain_pages() -> list[str]:
    return sorted(
        module for module, page in dash.page_registry.items() if not page.get("path_template")
    )


def test_callbacks_name_components_of_their_page(app: dash.Dash) -> None:
    named = _callback_ids(app)
    checked = []
    for module in _plain_pages():
        page = dash.page_registry[module]
        prefix = page_key(page) + "-"
        with app.server.test_request_context(page["path"]):
            # The owner of an open dashboard sees every part (the audit log, the data
            # page's refresh details); a request's user is set by the sign-in layer.
            setattr(flask.g, G_USER, OPEN_USER)
            drawn = _ids(page["layout"]()) | _ids(render_shell())
        missing = {i for i in named if i.startswith(prefix)} - drawn
        assert missing == set(), f"{module}: callbacks name components it does not draw"
        checked.append(module)
    assert {"dashboard.pages.overview.page", "dashboard.pages.network.page"} <= set(checked)


def _ids(layout: object) -> set[str]:
    return {c.id for c in walk(layout) if isinstance(getattr(c, "id", None), str)}
