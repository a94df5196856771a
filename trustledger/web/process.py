"""`trustledger serve` in a child process, on loopback, for the load benchmark and the browser tests:
both must talk to the real server (its own process, its own store connection), not an in-process app."""

from __future__ import annotations

import contextlib
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx

HOST = "127.0.0.1"  # loopback only, never another address


def free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


def start_server(db: Path, port: int, timeout: float = 60) -> subprocess.Popen:
    """Start the server and wait until it answers; raise RuntimeError with its stderr if it dies."""
    exe = Path(sys.executable).with_name("trustledger")
    proc = subprocess.Popen([str(exe), "serve", "--db", str(db), "--host", HOST, "--port", str(port)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"trustledger serve exited: {proc.stderr.read()}")
        try:
            if httpx.get(f"http://{HOST}:{port}/api/stats", timeout=2).status_code == 200:
                return proc
        except httpx.TransportError:
            time.sleep(0.1)
    proc.kill()
    raise RuntimeError(f"trustledger serve did not answer within {timeout:.0f} s")


def stop_server(proc: subprocess.Popen) -> None:
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()


@contextlib.contextmanager
def running_server(db: Path, timeout: float = 60) -> Iterator[str]:
    """The base URL of a server over `db`, stopped on exit."""
    port = free_port()
    proc = start_server(db, port, timeout)
    try:
        yield f"http://{HOST}:{port}"
    finally:
        stop_server(proc)
