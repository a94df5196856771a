"""Parquet export of every table: the hand-off format for Spark and other tools."""

from __future__ import annotations

from pathlib import Path

from trustledger.store.db import Store


def export_parquet(store: Store, out_dir: str | Path) -> dict[str, int]:
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    tables = [r[0] for r in store.con.execute(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main' ORDER BY 1"
    ).fetchall()]
    written = {}
    for t in tables:
        target = out / f"{t}.parquet"
        quoted = target.as_posix().replace("'", "''")
        store.con.execute(f"COPY {t} TO '{quoted}' (FORMAT parquet)")
        written[t] = store.con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
    return written
