"""Each page's layout built once per worker, not once per visit (docs/operations.md).

A page's layout (its ``layout(**query)``) is built twice for each visit: for the first
view the server writes into the HTML (app.render_first_view), then by Dash's page
router when React draws the page. On the network and regions pages that is a figure
and tables each time: 100 to 200 ms of one processor, and under load the page loads
were the slowest requests of all. Built once and kept here, both answers take the
same layout, and the next visitor with the same view too.

A layout is kept under everything it depends on, so that one user's page never
answers another's (LayoutKey):

- the identity of the published file in service (core/db.py): a refresh swaps a new
  file in, its identity is new, and every layout of the old file is forgotten;
- the page and the arguments Dash calls its layout with (the path's variables and the
  query's fields, sorted: the view), and the request's language;
- the user's scope (its cache key, as the query results of core/db.py) and roles:
  a Cardiff officer's page never reaches a national analyst, nor the reverse.

Pages whose layout reads more than the published file are never kept: a page that
needs a role (``requires_role``, the audit log, which also records a refusal each time
it is asked for without the role) and a page registered with ``cache_layout=False``
(the data page reads the refresh's run log beside the file).

Each worker keeps at most ``size`` layouts (the least recently used go first). A
layout is built once even when several threads ask for it at once: the others wait
for it (after a refresh, every visitor asks for the same few pages at the same time).
A kept layout is shared: nothing may change it (Dash only reads it to send it).
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable, Mapping
from dataclasses import dataclass, field
from typing import TypeVar

import dash
import flask

from dashboard.access.users import current_user
from dashboard.core.db import (
    DatabaseMissingError,
    DatabaseUnreadableError,
    FileIdentity,
    current_db,
)
from dashboard.core.language import lang_of_request

__all__ = [
    "LAYOUTS_KEY",
    "LayoutCache",
    "LayoutKey",
    "current_layouts",
    "install_layout_cache",
    "is_kept",
    "layout_key",
]

T = TypeVar("T")
Prepare = Callable[[object], object]

# Where create_app keeps the worker's cache in the Flask app's config.
LAYOUTS_KEY = "PLCNET_LAYOUTS"
# Layouts (and their first views' HTML) kept per worker: each a few hundred kilobytes
# at most (the network page's map of a whole year), so a few tens of megabytes.
DEFAULT_SIZE = 128
# Set on a page's layout function once it keeps what it builds (not twice).
WRAPPED = "_plcnet_kept_layout"


@dataclass(frozen=True)
class LayoutKey:
    """What a page's layout depends on (the module's text)."""

    file: FileIdentity
    page: str
    arguments: tuple[tuple[str, str], ...]
    lang: str
    user: tuple[Hashable, ...]


def _user_key() -> tuple[Hashable, ...]:
    """The user as far as a layout can tell users apart: the scope of their rows and the
    roles the pages check (the data team's details); nobody when no one signed in."""
    user = current_user()
    if user is None:
        return ("nobody",)
    return (user.scope.cache_key(), tuple(sorted(user.roles)), user.public_only)


def _frozen(value: object) -> str:
    # A query's field may be repeated (Dash then gives a list): kept as its text.
    return repr(value) if not isinstance(value, str) else value


def _file_in_service() -> FileIdentity | None:
    try:
        return current_db().in_service()
    except (DatabaseMissingError, DatabaseUnreadableError):
        return None  # the page says what is missing; nothing to key it by


def layout_key(page: Mapping[str, object], arguments: Mapping[str, object]) -> LayoutKey | None:
    """The key of ``page``'s layout for ``arguments`` in this request; None when it must
    be built afresh (not kept, no request, or no file in service to key it by)."""
    if not flask.has_request_context() or not is_kept(page):
        return None
    file = _file_in_service()
    if file is None:
        return None
    return LayoutKey(
        file=file,
        page=str(page["module"]),
        arguments=tuple(sorted((str(k), _frozen(v)) for k, v in arguments.items())),
        lang=lang_of_request(),
        user=_user_key(),
    )


def is_kept(page: Mapping[str, object]) -> bool:
    """Whether ``page``'s layout may be kept (the module's text)."""
    return page.get("requires_role") is None and page.get("cache_layout", True) is not False


@dataclass
class LayoutCache:
    """The layouts (or anything built from one, under its own key) of one worker."""

    size: int = DEFAULT_SIZE
    _kept: OrderedDict[Hashable, object] = field(default_factory=OrderedDict)
    _building: dict[Hashable, threading.Event] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _file: FileIdentity | None = None
    built: int = 0  # how many were built: for the tests and the log

    def get(self, key: LayoutKey | tuple[str, LayoutKey], build: Callable[[], T]) -> T:
        """The value kept under ``key``, else ``build()`` (once, whoever else asks
        meanwhile), kept if the file in service is still the key's."""
        file = key.file if isinstance(key, LayoutKey) else key[1].file
        while True:
            with self._lock:
                if key in self._kept:
                    self._kept.move_to_end(key)
                    return self._kept[key]  # type: ignore[return-value]
                waiting = self._building.get(key)
                if waiting is None:
                    done = self._building[key] = threading.Event()
                    break
            # Another thread builds it: wait for it, then look again (it may have failed).
            waiting.wait()
        try:
            value = build()
            # As core/db.py's derive(): what a file swapped in meanwhile answered is not
            # kept, and a late build of the old file never pushes out the new file's.
            if _file_in_service() == file:
                self._keep(key, value, file)
            return value
        finally:
            with self._lock:
                del self._building[key]
            done.set()

    def _keep(self, key: Hashable, value: object, file: FileIdentity) -> None:
        with self._lock:
            self.built += 1
            if self._file != file:
                # A refresh swapped a new file in: what the old one built is not asked
                # for again (its key names the old file), so let it go at once.
                self._kept.clear()
                self._file = file
            self._kept[key] = value
            while len(self._kept) > self.size:
                self._kept.popitem(last=False)

    def __len__(self) -> int:
        with self._lock:
            return len(self._kept)

    def clear(self) -> None:
        """Forget everything kept, and the count of what was built."""
        with self._lock:
            self._kept.clear()
            self._file = None
            self.built = 0


def current_layouts() -> LayoutCache | None:
    """The cache of the app serving the request (None outside one, or in an app
    made without it)."""
    if not flask.has_request_context():
        return None
    return flask.current_app.config.get(LAYOUTS_KEY)


def _keeping(
    page: Mapping[str, object], layout: Callable[..., object], prepare: Prepare
) -> Callable[..., object]:
    def kept_layout(**arguments: object) -> object:
        cache = current_layouts()
        key = layout_key(page, arguments) if cache is not None else None
        if cache is None or key is None:
            return layout(**arguments)
        return cache.get(key, lambda: prepare(layout(**arguments)))

    kept_layout.__doc__ = layout.__doc__
    setattr(kept_layout, WRAPPED, layout)
    return kept_layout


def _as_built(layout: object) -> object:
    return layout


def install_layout_cache(
    server: flask.Flask, size: int = DEFAULT_SIZE, prepare: Prepare = _as_built
) -> LayoutCache:
    """Keep every page's layout in a cache of ``size`` for this app (create_app): each
    page's layout function in Dash's registry, called by the first view and by Dash's
    router alike, is wrapped once to look there first. ``prepare`` is given each layout
    built, before it is kept, to make it cheaper to send again (ui/tables.py
    freeze_tables)."""
    cache = LayoutCache(size)
    server.config[LAYOUTS_KEY] = cache
    for page in dash.page_registry.values():
        layout = page.get("layout")
        if callable(layout) and not hasattr(layout, WRAPPED) and is_kept(page):
            page["layout"] = _keeping(page, layout, prepare)
    return cache
