"""The production server: gunicorn, run from ``python -m dashboard`` (docs/operations.md).

``serve(db_path, access, options)`` starts a gunicorn master on ``options.host`` and
``options.port`` with ``options.workers`` worker processes of ``options.threads``
threads each. The app is not built in the master: each worker builds its own
(create_app) after it is forked, so that every worker opens its own read-only DuckDB
instance of the published file (dashboard/core/db.py) and none shares a connection
inherited across fork, which DuckDB does not support. The master only imports the
libraries, so that the workers share them and start in a second.

Nothing that matters lives in one worker: a signed-in user's session is a cookie signed
with the session secret of the settings (the same in every worker and replica,
dashboard/access/settings.py), and the caches of dashboard/core/db.py are keyed by the
published file's identity, so every worker follows a refresh on its own.

The answers name no server software: ``Server: plcnet``, as under the development server
(dashboard/core/headers.py), never ``gunicorn``.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import gunicorn.http.wsgi
from gunicorn.app.base import BaseApplication
from gunicorn.arbiter import Arbiter

from dashboard.access.signin import AccessConfig
from dashboard.core.headers import SERVER_NAME
from dashboard.core.health import HEALTH_PATH

if TYPE_CHECKING:
    from flask import Flask

__all__ = ["MAX_DEFAULT_WORKERS", "SERVER_EXIT_CODES", "ServeOptions", "default_workers", "serve"]

# Each worker holds the whole app (Dash, its pages, a DuckDB instance and its caches):
# more workers than this rarely pay for their memory.
MAX_DEFAULT_WORKERS = 8
DEFAULT_THREADS = 4
# The codes gunicorn's master exits with when it cannot serve (docs/operations.md): 1
# when it cannot listen on the address, and its own for a worker that fails to start.
SERVER_EXIT_CODES = frozenset({1, Arbiter.WORKER_BOOT_ERROR, Arbiter.APP_LOAD_ERROR})
# A callback on the England-sized demo takes a second or two; a worker silent for a
# minute is stuck, and gunicorn replaces it.
DEFAULT_TIMEOUT_S = 60
# On SIGTERM, the requests under way get this long to finish.
DEFAULT_GRACEFUL_TIMEOUT_S = 30
# How long an idle connection from a client (or a load balancer) is kept open.
KEEPALIVE_S = 5
# gunicorn's own format, with the worker that answered and the time it took (ms).
ACCESS_LOG_FORMAT = '%(h)s %(l)s %(u)s %(t)s "%(r)s" %(s)s %(b)s "%(f)s" "%(a)s" pid=%(p)s %(M)sms'


def cpu_count() -> int:
    """The processors this process may run on (its affinity, as a container limits it)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def default_workers(cpus: int | None = None) -> int:
    """One worker process per processor, at least two (one busy with a slow callback
    leaves the other answering), at most MAX_DEFAULT_WORKERS.

    Not gunicorn's 2 x cores + 1, which is for workers that mostly wait: a callback is
    mostly Python work (pandas, plotly), one processor's worth per worker, and each
    worker also waits on DuckDB, which its threads cover (DuckDB lets go of the GIL).

    >>> default_workers(1), default_workers(2), default_workers(4), default_workers(64)
    (2, 2, 4, 8)
    """
    cpus = cpu_count() if cpus is None else cpus
    return max(2, min(cpus, MAX_DEFAULT_WORKERS))


@dataclass(frozen=True)
class ServeOptions:
    """Where and how gunicorn serves: its address, worker processes and threads."""

    host: str = "127.0.0.1"
    port: int = 8050
    workers: int = 2
    threads: int = DEFAULT_THREADS
    timeout: int = DEFAULT_TIMEOUT_S
    graceful_timeout: int = DEFAULT_GRACEFUL_TIMEOUT_S

    @property
    def bind(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"{host}:{self.port}"


class PlcnetResponse(gunicorn.http.wsgi.Response):
    """gunicorn's response, its ``Server`` line saying ``plcnet`` rather than
    ``gunicorn``. gunicorn drops a Server header the app sends (dashboard/core/headers.py
    ServerHeader) and writes its own, so its own must be the app's name."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.version = SERVER_NAME


class DashboardServer(BaseApplication):
    """gunicorn serving the dashboard on ``db_path``, its users found as ``access`` says;
    the app built in each worker, never in the master."""

    def __init__(
        self, db_path: Path, access: AccessConfig, options: ServeOptions, announce: str
    ) -> None:
        self.db_path = db_path
        self.access = access
        self.options = options
        self.announce = announce
        super().__init__(prog="plcnet-dashboard")

    def load_config(self) -> None:
        options = self.options
        settings: dict[str, object] = {
            "bind": [options.bind],
            "workers": options.workers,
            "worker_class": "gthread",
            "threads": options.threads,
            "timeout": options.timeout,
            "graceful_timeout": options.graceful_timeout,
            "keepalive": KEEPALIVE_S,
            # Each worker builds the app after fork (see the module's docstring).
            "preload_app": False,
            "accesslog": "-",
            "access_log_format": ACCESS_LOG_FORMAT,
            "errorlog": "-",
            "proc_name": "plcnet-dashboard",
            # X-Forwarded-* are believed from the trusted proxies of the access
            # settings only (PLCNET_TRUSTED_PROXIES), by the app: not by gunicorn too.
            "forwarded_allow_ips": "",
            # gunicorn's control socket has one default path per user, which two servers
            # on one machine would share; plcnet is managed by signals (docs/operations.md).
            "control_socket_disable": True,
            # Said once the address is bound, so that it is true when it is said.
            "when_ready": self.say_serving,
        }
        for name, value in settings.items():
            self.cfg.set(name, value)  # type: ignore[union-attr]

    def say_serving(self, _arbiter: object) -> None:
        print(self.announce, flush=True)

    def load(self) -> Flask:
        # Run in each worker after fork: its own app, its own DuckDB instance.
        from dashboard.app import create_app

        server = create_app(self.db_path, self.access).server
        warm_up(server)
        return server


def warm_up(server: Flask) -> None:
    """Answer one request inside the worker before it takes any from outside.

    Dash sets itself up on the first request a process answers (it registers the
    script files it may serve, among others), and marks that done before it is done:
    a fresh worker handed the browser's burst of script requests at once, by its
    threads, answered some of them 404 while the first was still setting up (a page
    stuck at "Loading..."). One request first, on its own, leaves nothing half set up.
    """
    server.test_client().get(HEALTH_PATH)


def serve(db_path: Path, access: AccessConfig, options: ServeOptions, announce: str) -> None:
    """Serve until gunicorn is told to stop: on SIGTERM the requests under way finish
    first, up to ``options.graceful_timeout`` seconds; SIGINT (Ctrl-C) stops at once.
    ``announce`` is printed once the address is bound."""
    gunicorn.http.wsgi.Response = PlcnetResponse  # type: ignore[misc]
    # The libraries (Dash, pandas, plotly, DuckDB's module) are imported once, here, and
    # shared by the workers forked after: importing them takes most of a worker's start
    # (seconds; building the app takes one). Nothing is opened: no DuckDB instance
    # exists before fork (tests/dashboard/test_production_server.py).
    import dashboard.app  # noqa: F401

    DashboardServer(db_path, access, options, announce).run()
