"""Serve the dashboard: ``python -m dashboard [--db PATH] [--host H] [--port N]
[--public-aggregates-only]``.

Without sign-in configured it serves on this computer only; on any other address it
refuses to start (exit 2) unless ``--public-aggregates-only`` (docs/access.md).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from dashboard.access.settings import AccessSetupError, OpenNotLocalError, load_access_config
from dashboard.i18n import DEFAULT_LANG, t
from etl.public import SETTINGS, default_db_path, setting


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m dashboard", description=__doc__)
    parser.add_argument("--db", type=Path, default=default_db_path(), help=SETTINGS["db_path"].help)
    parser.add_argument("--host", default=setting("host"), help=SETTINGS["host"].help)
    parser.add_argument(
        "--port", type=int, default=int(setting("port")), help=SETTINGS["port"].help
    )
    parser.add_argument("--debug", action="store_true", help=t("cli.debug_help", DEFAULT_LANG))
    parser.add_argument(
        "--public-aggregates-only", action="store_true", help=t("cli.public_help", DEFAULT_LANG)
    )
    return parser.parse_args(argv)


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
    # Imported here so that a missing database is reported before Dash loads.
    from dashboard.app import create_app
    from dashboard.core.headers import QuietRequestHandler

    app = create_app(args.db, access)
    url = f"http://{args.host}:{args.port}"
    print(t("cli.serving", DEFAULT_LANG, url=url), flush=True)
    # Werkzeug's server would add its version banner to the app's Server header.
    app.run(host=args.host, port=args.port, debug=args.debug, request_handler=QuietRequestHandler)
    return 0


if __name__ == "__main__":
    sys.exit(main())
