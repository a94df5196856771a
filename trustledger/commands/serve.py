"""`trustledger serve`: the local web app on 127.0.0.1 (read-only on the store)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from trustledger.cli_common import DbOpt, app, err
from trustledger.errors import UserError
from trustledger.store.db import DEFAULT_DB

LOOPBACK = ("127.0.0.1", "localhost", "::1")


@app.command()
def serve(
    db: DbOpt = Path(DEFAULT_DB),
    host: Annotated[str, typer.Option(help="Address to listen on. Loopback by default: the app has no login, "
                                           "so anything else exposes the store to the network.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help="Port to listen on.")] = 8000,
) -> None:
    """Browse assessments, ledgers and evidence in a local web app (read-only; JSON API under /api/)."""
    import uvicorn

    from trustledger.store.db import Store
    from trustledger.web.app import create_app

    Store(db, read_only=True).close()   # fail now, with one line, if there is no store (serve never writes)
    _check_port(host, port)
    if host not in LOOPBACK:
        err.print(f"warning: listening on {host}: anyone who can reach this address can read the store",
                  markup=False, soft_wrap=True)
    application = create_app(db, allowed_hosts=None if host in LOOPBACK else ["*"])
    err.print(f"trustledger web app on http://{'[::1]' if host == '::1' else host}:{port}/ (store {db}); "
              "Ctrl-C stops it", markup=False, soft_wrap=True)
    try:
        uvicorn.run(application, host=host, port=port, log_level="warning", timeout_keep_alive=10)
    except (OSError, SystemExit) as e:
        raise UserError(f"cannot listen on {host}:{port}") from e


def _check_port(host: str, port: int) -> None:
    """One clear line when the address is taken or not ours, before uvicorn logs its own."""
    import socket

    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    try:
        with socket.socket(family, socket.SOCK_STREAM) as s:
            s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            s.bind((host, port))
    except OSError as e:
        raise UserError(f"cannot listen on {host}:{port}: {e.strerror or e}") from None
