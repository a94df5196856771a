"""Web app under load, on loopback only: 2,000 requests at 50 concurrent against a real
`trustledger serve` process this script starts (and stops) itself, over a synthetic store.

Prints latency percentiles (p50/p95/p99) per route and overall, requests per second, and each
route's median latency for a single client ("alone": the service time without queueing).
Bounded: a fixed number of requests, a per-request timeout and an overall deadline; every
request must answer 200 (any error makes the script exit non-zero).
"""

from __future__ import annotations

import asyncio
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

import httpx

from trustledger.report import sample
from trustledger.web.process import HOST, running_server

REQUESTS = int(os.environ.get("BENCH_WEB_REQUESTS", "2000"))
CONCURRENCY = int(os.environ.get("BENCH_WEB_CONCURRENCY", "50"))
DEADLINE_SECONDS = 300
SPEC = sample.SampleSpec(documents=5_000, events=50_000, commitments=100, roll_calls=5_000, years=30,
                         first_year=1990)
ROUTES = [
    ("stats", "/api/stats"),
    ("events", "/api/events?source=RUS&target=IRN&limit=50"),
    ("ledger", "/api/ledger?promisor=RUS&promisee=IRN&limit=100"),
    ("ledger entry", "/ledger/c000000000000007"),
    ("agreement", "/api/agreement/IRN/RUS"),
    ("evidence search", "/evidence?q=reactor+fuel&truster=IRN&trustee=RUS&limit=20"),
    ("assess", "/api/assess/IRN/RUS"),
    ("dyad page", "/dyad/IRN/RUS"),
]


async def load(base: str) -> tuple[list[tuple[str, float]], list[str], float]:
    sem = asyncio.Semaphore(CONCURRENCY)
    timings: list[tuple[str, float]] = []
    errors: list[str] = []
    # Idle connections are dropped by the client well before the server's keep-alive timeout (10 s),
    # so a request never races the server closing its connection.
    limits = httpx.Limits(max_connections=CONCURRENCY, max_keepalive_connections=CONCURRENCY, keepalive_expiry=2)
    async with httpx.AsyncClient(base_url=base, timeout=30, limits=limits) as client:
        async def one(i: int) -> None:
            name, url = ROUTES[i % len(ROUTES)]
            async with sem:
                t = time.perf_counter()
                try:
                    r = await client.get(url)
                    if r.status_code != 200:
                        errors.append(f"{url}: HTTP {r.status_code}")
                except httpx.HTTPError as e:
                    errors.append(f"{url}: {type(e).__name__}")
                timings.append((name, time.perf_counter() - t))

        t0 = time.perf_counter()
        await asyncio.wait_for(asyncio.gather(*(one(i) for i in range(REQUESTS))), DEADLINE_SECONDS)
        return timings, errors, time.perf_counter() - t0


def pct(values: list[float], q: float) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[int(q) - 1] * 1000 if len(values) > 1 \
        else values[0] * 1000


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "bench.duckdb"
        t = time.perf_counter()
        sample.build(db, SPEC)
        print(f"store: {SPEC.documents} documents, {SPEC.events} events, {SPEC.commitments} commitments, "
              f"{SPEC.roll_calls} roll calls (built in {time.perf_counter() - t:.1f} s)")
        with running_server(db) as base:
            single: dict[str, list[float]] = {}
            with httpx.Client(base_url=base, timeout=60) as one:
                for _, url in ROUTES:                                # first-request costs (imports, caches)
                    one.get(url)
                for name, url in ROUTES:                             # service time: one client, no queueing
                    for _ in range(10):
                        t = time.perf_counter()
                        one.get(url)
                        single.setdefault(name, []).append(time.perf_counter() - t)
            timings, errors, wall = asyncio.run(load(base))
    print(f"{len(timings)} requests, {CONCURRENCY} concurrent, on {HOST}: {wall:.1f} s, "
          f"{len(timings) / wall:.0f} requests/s, {len(errors)} errors")
    print(f"{'route':<16} {'n':>5} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8}   {'alone ms':>8}")
    for name, _ in ROUTES:
        values = [d for n, d in timings if n == name]
        print(f"{name:<16} {len(values):>5} {pct(values, 50):>8.1f} {pct(values, 95):>8.1f} {pct(values, 99):>8.1f}"
              f"   {statistics.median(single[name]) * 1000:>8.1f}")
    values = [d for _, d in timings]
    print(f"{'all':<16} {len(values):>5} {pct(values, 50):>8.1f} {pct(values, 95):>8.1f} {pct(values, 99):>8.1f}")
    for e in errors[:10]:
        print("error:", e)
    return 1 if errors or len(timings) != REQUESTS else 0


if __name__ == "__main__":
    sys.exit(main())
