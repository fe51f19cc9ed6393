"""Serve the dashboard: ``python -m dashboard [--db PATH] [--host H] [--port N]
[--workers N] [--threads N] [--timeout S] [--public-aggregates-only] [--dev [--debug]]``.

It serves with gunicorn (dashboard/serve.py, docs/operations.md); ``--dev`` serves with
Flask's development server instead, one process, for working on the code.
Without sign-in configured it serves on this computer only; on any other address it
refuses to start (exit 2) unless ``--public-aggregates-only`` (docs/access.md).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from dashboard.access.settings import AccessSetupError, OpenNotLocalError, load_access_config
from dashboard.access.signin import AccessConfig
from dashboard.i18n import DEFAULT_LANG, t
from dashboard.serve import DEFAULT_TIMEOUT_S, ServeOptions, default_workers
from etl.public import SETTINGS, default_db_path, setting


def positive_int(text: str) -> int:
    """A whole number of at least 1, for argparse."""
    try:
        number = int(text)
    except ValueError:
        number = 0
    if number < 1:
        raise argparse.ArgumentTypeError(t("cli.not_positive", DEFAULT_LANG, value=text))
    return number


def workers_setting(text: str) -> int:
    """``auto`` (one worker per processor, dashboard.serve.default_workers) or a number."""
    return default_workers() if text.strip().lower() == "auto" else positive_int(text)


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m dashboard", description=__doc__)
    parser.add_argument("--db", type=Path, default=default_db_path(), help=SETTINGS["db_path"].help)
    parser.add_argument("--host", default=setting("host"), help=SETTINGS["host"].help)
    parser.add_argument(
        "--port", type=int, default=int(setting("port")), help=SETTINGS["port"].help
    )
    parser.add_argument(
        "--workers", type=workers_setting, default=setting("workers"), help=SETTINGS["workers"].help
    )
    parser.add_argument(
        "--threads", type=positive_int, default=setting("threads"), help=SETTINGS["threads"].help
    )
    parser.add_argument(
        "--timeout",
        type=positive_int,
        default=DEFAULT_TIMEOUT_S,
        help=t("cli.timeout_help", DEFAULT_LANG),
    )
    parser.add_argument(
        "--public-aggregates-only", action="store_true", help=t("cli.public_help", DEFAULT_LANG)
    )
    parser.add_argument("--dev", action="store_true", help=t("cli.dev_help", DEFAULT_LANG))
    parser.add_argument("--debug", action="store_true", help=t("cli.debug_help", DEFAULT_LANG))
    args = parser.parse_args(argv)
    if args.debug and not args.dev:
        parser.error(t("cli.debug_needs_dev", DEFAULT_LANG))
    return args


def serve_dev(db: Path, access: AccessConfig, args: argparse.Namespace) -> None:
    """Flask's development server (Werkzeug), one process: for working on the code."""
    # Imported here so that a missing database is reported before Dash loads.
    from dashboard.app import create_app
    from dashboard.core.headers import QuietRequestHandler

    app = create_app(db, access)
    # Werkzeug's server would add its version banner to the app's Server header.
    app.run(host=args.host, port=args.port, debug=args.debug, request_handler=QuietRequestHandler)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    try:
        access = load_access_config(args.host, public_only=args.public_aggregates_only)
    except OpenNotLocalError:
        print(t("cli.open_refused", DEFAULT_LANG, host=args.host), file=sys.stderr)
        return 2
    except AccessSetupError as error:
        print(t("cli.access_error", DEFAULT_LANG, error=error), file=sys.stderr)
        return 2
    if not args.db.is_file():
        print(t("cli.no_database", DEFAULT_LANG, path=args.db), file=sys.stderr)
        return 2
    host = f"[{args.host}]" if ":" in args.host else args.host
    announce = t("cli.serving", DEFAULT_LANG, url=f"http://{host}:{args.port}")
    if args.dev:
        print(announce, flush=True)
        serve_dev(args.db, access, args)
        return 0
    from dashboard.serve import serve

    options = ServeOptions(args.host, args.port, args.workers, args.threads, args.timeout)
    serve(args.db, access, options, announce)
    return 0


if __name__ == "__main__":
    sys.exit(main())
