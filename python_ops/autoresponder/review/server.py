"""`autoresponder serve`: run the review app with uvicorn (see `review/app.py`)."""

from __future__ import annotations

import argparse
import sys

import uvicorn

from autoresponder.commands import settings_from_args
from autoresponder.errors import ConfigurationError
from autoresponder.review.app import create_app


def serve_main(args: argparse.Namespace) -> int:
    settings = settings_from_args(args)
    if not settings.reviewers:
        raise ConfigurationError("no reviewers configured: set AUTORESPONDER_REVIEWERS to a JSON object of "
                                 "name -> secret, e.g. '{\"tarun\": \"a-long-random-secret\"}'")
    host = args.host or settings.serve_host
    port = args.port or settings.serve_port
    print(f"serving the review page on http://{host}:{port}/ (warehouse {settings.warehouse}); "
          f"reviewers: {', '.join(sorted(settings.reviewers))}", file=sys.stderr, flush=True)
    uvicorn.run(create_app(settings), host=host, port=port, log_level="info")
    return 0
