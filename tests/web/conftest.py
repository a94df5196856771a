"""The web app over a sample dyad store (IRN, RUS) holding a hostile payload; in-process client
and a real server (`trustledger serve` in a child process on a free loopback port)."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import warnings
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from trustledger.report import sample

with warnings.catch_warnings():  # starlette's notice about its httpx-based TestClient, once for all tests
    warnings.simplefilter("ignore")
    import fastapi.testclient  # noqa: F401

HOSTILE = "<script>alert(1)</script><img src=x onerror=alert(1)>"


@pytest.fixture(scope="session")
def sample_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("web") / "sample.duckdb"
    return sample.build(path, sample.SampleSpec(hostile=HOSTILE))


@pytest.fixture(scope="session")
def client(sample_db: Path):
    from fastapi.testclient import TestClient

    from trustledger.web.app import create_app

    with TestClient(create_app(sample_db), base_url="http://127.0.0.1") as c:
        yield c


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(db: Path, port: int) -> subprocess.Popen:
    exe = Path(sys.executable).with_name("trustledger")
    proc = subprocess.Popen([str(exe), "serve", "--db", str(db), "--port", str(port)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"trustledger serve exited: {proc.stderr.read()}")
        try:
            if httpx.get(f"http://127.0.0.1:{port}/api/stats", timeout=1).status_code == 200:
                return proc
        except httpx.TransportError:
            time.sleep(0.1)
    proc.kill()
    raise RuntimeError("trustledger serve did not answer within 30 s")


@pytest.fixture(scope="session")
def server(sample_db: Path) -> Iterator[str]:
    port = free_port()
    proc = start_server(sample_db, port)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
