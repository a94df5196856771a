"""The ledger as a derived table: linking, same-deal merges and the ledger rebuild, with the
fingerprint of what they read (see trustledger/store/derived.py)."""

from __future__ import annotations

from trustledger.store.db import Store
from trustledger.store.derived import Derived, heal, table_fingerprint

#: Bump when linking, merging or the status rules change what the ledger gives for the same input.
LEDGER_VERSION = 26


def _rebuild(store: Store) -> None:
    """Re-link every mention and outcome, merge SIPRI deals into the promises found in text about
    them (`same_deal`), then judge every commitment (the caller holds the transaction)."""
    from trustledger.commitments import ledger, link, same_deal

    link.relink(store)
    same_deal.merge(store)
    ledger.rebuild(store)


LEDGER = Derived(
    name="ledger",
    version=LEDGER_VERSION,
    fingerprint_sql=" || '|' || ".join([
        table_fingerprint("commitment_mentions", "mention_id"),
        table_fingerprint("outcomes", "outcome_id", "origin NOT IN ('deed', 'shared')"),
        table_fingerprint("events", "event_id", "root IN ('18', '19', '20') OR cameo LIKE '163%'"),
        table_fingerprint("commitments", "commitment_id", "origin <> 'text'"),
        table_fingerprint("documents", "doc_id || coalesce(story_id, '') || coalesce(CAST(date AS VARCHAR), '')"),
    ]),
    rebuild=_rebuild,
)


def rebuild(store: Store) -> list[str]:
    """Bring the ledger up to date with the store (nothing to do when it already is)."""
    return heal(store, [LEDGER])
