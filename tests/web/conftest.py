"""The web app over a sample dyad store (IRN, RUS) holding a hostile payload; in-process client
and a real server (`trustledger serve` in a child process on a free loopback port)."""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest

from trustledger.report import sample
from trustledger.web.process import running_server

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


@pytest.fixture(scope="session")
def server(sample_db: Path) -> Iterator[str]:
    with running_server(sample_db, timeout=30) as base:
        yield base
