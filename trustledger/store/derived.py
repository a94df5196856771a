"""Derived tables that heal themselves.

Some tables are computed from others over the whole store (the ledger from commitment mentions,
outcomes, SIPRI deals and documents). A process killed after its last file committed but before
that computation leaves them stale, and a later run that loads nothing new would never notice. So
each derived table records, in the same transaction that rebuilds it, a fingerprint of its inputs
and the version of the code that computed it (`meta` key `derived:NAME`); whoever opens or writes
the store compares them with the current ones and rebuilds what is stale.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from trustledger.debug import pause_point
from trustledger.store.db import Store


@dataclass(frozen=True)
class Derived:
    """A derived table: how to fingerprint its inputs, and how to rebuild it (inside a transaction)."""

    name: str
    #: bump when the code that computes the table changes what it gives
    version: int
    #: one SQL expression over the input tables, cheap (counts and hash sums, no sort)
    fingerprint_sql: str
    rebuild: Callable[[Store], None]

    def current(self, store: Store) -> str:
        return f"v{self.version}:{store.con.execute(f'SELECT {self.fingerprint_sql}').fetchone()[0]}"

    def recorded(self, store: Store) -> str | None:
        row = store.con.execute("SELECT value FROM meta WHERE key = ?", [f"derived:{self.name}"]).fetchone()
        return row[0] if row else None

    def fresh(self, store: Store) -> bool:
        return self.recorded(store) == self.current(store)


def table_fingerprint(table: str, key: str, where: str = "true") -> str:
    """SQL for (row count, hash sum of the key column) of a table: changes when rows come or go."""
    return (f"(SELECT count(*) || ':' || coalesce(sum(hash({key}) % 1000000007), 0) "
            f"FROM {table} WHERE {where})")


def stale(store: Store, derived: Sequence[Derived]) -> list[Derived]:
    return [d for d in derived if not d.fresh(store)]


def heal(store: Store, derived: Sequence[Derived]) -> list[str]:
    """Rebuild, each in one transaction with its new fingerprint, the derived tables that are stale
    (the store must be open for writing); returns their names."""
    rebuilt = []
    for d in stale(store, derived):
        with store.transaction():
            d.rebuild(store)
            pause_point("rebuilding")
            store.con.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", [f"derived:{d.name}", d.current(store)])
        rebuilt.append(d.name)
    return rebuilt


def invalidate(store: Store, derived: Sequence[Derived]) -> None:
    """Forget the recorded fingerprints: for a step that replaces input rows by rows with the same ids
    (re-coding), whose derived columns (an outcome's commitment) the fingerprint cannot see."""
    for d in derived:
        store.con.execute("DELETE FROM meta WHERE key = ?", [f"derived:{d.name}"])


def mark_fresh(store: Store, derived: Sequence[Derived]) -> None:
    """Record the current fingerprints as computed: for stores whose derived rows were written
    directly (hand-built test stores, imports of a whole store) rather than by `rebuild`."""
    for d in derived:
        store.con.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", [f"derived:{d.name}", d.current(store)])


def open_healed(path: str, read_only: bool, derived: Sequence[Derived], **kwargs) -> Store:
    """Open the store for reading with its derived tables fresh: a read-only open that finds one
    stale heals it through a short write open first (as migrations do); if another process holds
    the store, the reader goes on with what is stored (the next writer heals it). A write open
    heals nothing here: the runs that write (ingest, code) heal when they end."""
    from trustledger.errors import UserError

    store = Store(path, read_only=read_only, **kwargs)
    if read_only is False or not derived or path == ":memory:":
        return store
    if not stale(store, derived):
        return store
    store.close()
    try:
        writer = Store(path, read_only=False, **kwargs)
    except UserError:
        return Store(path, read_only=True, **kwargs)
    try:
        heal(writer, derived)
    finally:
        writer.close()
    return Store(path, read_only=True, **kwargs)
