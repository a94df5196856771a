"""Same deal: a SIPRI arms deal and the promise found in text about it become one ledger row.

A user who ingests both news text ("Russia signed a contract to deliver S-300 systems to Iran")
and the SIPRI trade register has the deal twice: a text commitment (the promise's words, its due
date) and a SIPRI commitment (order year, deliveries by year). `merge(store)` finds such pairs and
marks the SIPRI row `same_as` the text row, which survives: the ledger judges it on the outcomes of
both, lists the SIPRI deal in `corroborated_by`, and hides the SIPRI row; the assessment counts the
deal once.

A text commitment and a SIPRI deal are the same deal when all of these hold:
* same promisor and same promisee (a predecessor state counts as its successor: USR = RUS), and the
  text commitment is a promise to deliver;
* the objects match: a specific name of the text commitment (its object key or terms) equals a name
  of the SIPRI deal (designation tokens, their family, description words) after normalising case,
  hyphens and spaces ("S-300PMU-2" = "s-300pmu2"), or both name one object of
  `data/object_aliases.csv` ("s-300pmu2" is an alias of "s-300"), or one is the other's model family
  ("s-300" and "S-300PMU2 Favorit", "su-30" and "Su-30SM"); generic words ("arms", "weapons",
  "systems", "aircraft"...) never match alone;
* the dates fit: the SIPRI order year is within one year of the year the text promise was made, or
  the text reports a delivery (full or partial) in one of the deal's SIPRI delivery years.
Only one-to-one fits merge: when two SIPRI deals fit one text commitment, or one deal fits two text
commitments, nothing is merged and `same_deal` says why (the ledger's `reason` repeats it).

Runs after every ingest over the whole store, between linking and the ledger rebuild, and starts
from scratch each time, so the order of ingest does not matter and a second run changes nothing.
"""

from __future__ import annotations

import functools
import re
from collections import defaultdict
from dataclasses import dataclass

import pyarrow as pa

from trustledger.coding.countries import SUCCESSORS, successor
from trustledger.store.db import Store

DELIVERIES = ("delivered", "delivered_partial")
_DELIVERIES_SQL = ", ".join(f"'{k}'" for k in DELIVERIES)

#: Words that name a kind of thing, never one deal ("arms", "S-300 systems" is matched by "s-300").
GENERIC_WORDS = frozenset("""
    arm arms weapon weapons weaponry armament armaments military equipment hardware materiel munition munitions
    ammunition system systems missile missiles rocket rockets aircraft plane planes jet jets fighter fighters
    helicopter helicopters tank tanks vehicle vehicles ship ships boat boats vessel vessels submarine submarines
    frigate frigates corvette corvettes drone drones uav uavs radar radars gun guns artillery howitzer howitzers
    rifle rifles launcher launchers battery batteries engine engines component components part parts spare spares
    kit kits unit units air defence defense sam ssm aam asm agm atgm mbt apc ifv fga mrl mlrs trainer transport
    combat ground attack anti tactical strategic naval mobile light heavy new used second hand modernized
    missile-system air-defence air-defense anti-ship anti-tank anti-aircraft self-propelled surface-to-air
    deal contract order arms-deal package
""".split())


def norm(text: str) -> str:
    """Case, hyphens, dashes, dots, slashes and spaces do not tell names apart: 'S-300PMU-2' → 's300pmu2'."""
    return re.sub(r"[^0-9a-z]+", "", (text or "").lower())


@functools.cache
def _alias_index() -> tuple[dict[str, str], frozenset[str]]:
    """Normalised specific alias → its object key, and the normalised generic aliases and heads."""
    from trustledger.commitments import aliases

    specific: dict[str, str] = {}
    generic: set[str] = {norm(w) for w in GENERIC_WORDS}
    for a in aliases.table():
        if a.generic:
            generic.add(norm(a.alias))
            generic.update(norm(w) for w in a.alias.split())
        else:
            specific.setdefault(norm(a.alias), a.object)
    from trustledger.commitments.sentence import CONCRETE_HEADS, GENERIC_HEADS

    for w in set(GENERIC_HEADS) | set(CONCRETE_HEADS):
        generic.update({norm(w), norm(w) + "s"})
    generic.discard("")
    return specific, frozenset(k for k in generic if k not in specific)


def specific(key: str) -> bool:
    """A normalised name that can identify a deal: has a letter, is not a generic word, and is either
    a model-like name (letters and digits), a specific alias, or a longer proper word ('konkurs')."""
    if not key or not re.search(r"[a-z]", key) or len(key) < 2:
        return False
    table, generic = _alias_index()
    if key in table:
        return True
    if key in generic or key.rstrip("s") in generic:
        return False
    return bool(re.search(r"\d", key)) or len(key) >= 4


def names(values: list[str], strict: bool = False) -> set[str]:
    """Specific normalised names of an object: each value whole (without a parenthesised
    description) and word by word, with the object key of any alias it is. `strict` keeps only
    model-like names and aliases (for SIPRI descriptions, whose words name categories)."""
    table, _ = _alias_index()
    out: set[str] = set()
    for v in values:
        if not v:
            continue
        for part in {re.sub(r"\s*\(.*\)\s*$", "", v), *re.split(r"[\s,;()]+", v)}:
            k = norm(part)
            if specific(k) and (not strict or k in table or re.search(r"\d", k)):
                out.add(k)
                if k in table:
                    out.add(norm(table[k]))
    return out


def _family(short: str, long: str) -> bool:
    """`short` is the model family of `long`: 's300' of 's300pmu2', 'su30' of 'su30sm' (the family
    ends in a digit and the variant goes on with a letter, so 'su3' is not the family of 'su30')."""
    return (len(short) < len(long) and long.startswith(short) and short[-1].isdigit()
            and long[len(short)].isalpha() and re.search(r"[a-z]", short) is not None)


def objects_match(text_names: set[str], sipri_names: set[str]) -> tuple[str, str] | None:
    """The first pair of names (text, SIPRI) that says the objects are one, or None."""
    for t in sorted(text_names):
        for s in sorted(sipri_names):
            if t == s or _family(t, s) or _family(s, t):
                return t, s
    return None


@dataclass
class Deal:
    commitment_id: str
    promisor: str
    promisee: str
    made_year: int | None
    names: set[str]
    years: set[int]          # delivery years (SIPRI) or years of reported deliveries (text)
    label: str               # the text commitment's object key, the SIPRI deal's designation


def _pair(promisor: str | None, promisee: str | None) -> tuple[str, str] | None:
    if not promisor or not promisee:
        return None
    return successor(promisor), successor(promisee)


def _load(store: Store) -> tuple[list[Deal], list[Deal]]:
    texts = store.query(
        "SELECT c.commitment_id, c.promisor, c.promisee, c.object, c.terms, year(c.made) AS made_year, c.what, "
        "(SELECT list(DISTINCT year(o.date)) FROM outcomes o WHERE o.commitment_id = c.commitment_id "
        f" AND o.duplicate_of IS NULL AND o.kind IN ({_DELIVERIES_SQL}) AND o.date IS NOT NULL) "
        "AS years FROM commitments c WHERE c.origin = 'text' AND coalesce(c.kind, 'deliver') = 'deliver' "
        "AND c.promisor IS NOT NULL AND c.promisee IS NOT NULL")
    text_deals = []
    for r in texts:
        n = names([r["object"] or "", *(r["terms"] or [])])
        if n:
            text_deals.append(Deal(r["commitment_id"], r["promisor"], r["promisee"], r["made_year"], n,
                                   set(r["years"] or []), r["object"] or r["what"] or ""))
    if not text_deals:
        return [], []
    codes = {code for d in text_deals for code in (d.promisor, d.promisee)}
    codes = sorted(codes | {old for old, new in SUCCESSORS.items() if new in codes})
    sipri = store.query(
        "SELECT c.commitment_id, c.promisor, c.promisee, c.what, c.terms, year(c.made) AS made_year, "
        "(SELECT list(DISTINCT year(o.date)) FROM outcomes o WHERE o.commitment_id = c.commitment_id "
        f" AND o.kind IN ({_DELIVERIES_SQL}) AND o.date IS NOT NULL) AS years "
        "FROM commitments c WHERE c.origin = 'sipri' AND list_contains(?, c.promisor) "
        "AND list_contains(?, c.promisee)", [codes, codes])
    sipri_deals = []
    for r in sipri:
        designation, _, description = (r["what"] or "").partition(" (")
        n = names([designation, *(r["terms"] or [])]) | names([description.rstrip(")")], strict=True)
        if n:
            sipri_deals.append(Deal(r["commitment_id"], r["promisor"], r["promisee"], r["made_year"], n,
                                    set(r["years"] or []), designation))
    return text_deals, sipri_deals


def fit(text: Deal, deal: Deal) -> str | None:
    """Why the SIPRI deal is the text commitment's deal, or None when it is not."""
    if _pair(text.promisor, text.promisee) != _pair(deal.promisor, deal.promisee):
        return None
    objects = objects_match(text.names, deal.names)
    if objects is None:
        return None
    if text.made_year is not None and deal.made_year is not None and abs(text.made_year - deal.made_year) <= 1:
        when = f"ordered {deal.made_year}, promise made {text.made_year}"
    elif text.years & deal.years:
        when = f"text reports a delivery in {min(text.years & deal.years)}, a SIPRI delivery year"
    else:
        return None
    return f"same parties, object {text.label or objects[0]} ~ {deal.label or objects[1]}, {when}"


def matches(text_deals: list[Deal], sipri_deals: list[Deal]) -> tuple[dict[str, str], dict[str, str]]:
    """(SIPRI id → text id it merges into, commitment id → note), one-to-one fits only."""
    by_pair: dict[tuple, list[Deal]] = defaultdict(list)
    for d in sipri_deals:
        by_pair[_pair(d.promisor, d.promisee)].append(d)
    fits: dict[str, dict[str, str]] = defaultdict(dict)       # text id -> {sipri id: why}
    fitted_by: dict[str, list[str]] = defaultdict(list)       # sipri id -> text ids
    for t in text_deals:
        for d in by_pair.get(_pair(t.promisor, t.promisee), []):
            why = fit(t, d)
            if why:
                fits[t.commitment_id][d.commitment_id] = why
                fitted_by[d.commitment_id].append(t.commitment_id)
    labels = {d.commitment_id: d.label for d in sipri_deals}
    same_as: dict[str, str] = {}
    notes: dict[str, str] = {}
    for tid in sorted(fits):
        deals = fits[tid]
        if len(deals) > 1:
            ids = sorted(deals)
            notes[tid] = (f"no SIPRI deal merged: {len(ids)} SIPRI deals fit ({', '.join(ids)}), "
                          "which one is this promise's is ambiguous")
            for sid in ids:
                notes.setdefault(sid, f"not merged with {tid}: {len(ids)} SIPRI deals fit that promise")
            continue
        (sid, why), = deals.items()
        rivals = sorted(set(fitted_by[sid]))
        if len(rivals) > 1:
            notes[tid] = (f"no SIPRI deal merged: {sid} also fits {len(rivals) - 1} other promise(s) "
                          f"({', '.join(r for r in rivals if r != tid)}), ambiguous")
            notes[sid] = f"not merged: {len(rivals)} promises found in text fit it ({', '.join(rivals)})"
            continue
        same_as[sid] = tid
        notes[tid] = f"same deal as SIPRI deal {sid} ({labels[sid]}): {why}"
        notes[sid] = f"merged into {tid}, the same deal found in text: {why}"
    return same_as, notes


def merge(store: Store) -> int:
    """Recompute `commitments.same_as` / `same_deal` for the whole store; returns the merges made."""
    con = store.con
    con.execute("UPDATE commitments SET same_as = NULL, same_deal = NULL "
                "WHERE same_as IS NOT NULL OR same_deal IS NOT NULL")
    same_as, notes = matches(*_load(store))
    if not notes:
        return 0
    ids = sorted(notes)
    t = pa.table({"commitment_id": ids, "same_as": pa.array([same_as.get(i) for i in ids], pa.string()),
                  "same_deal": [notes[i] for i in ids]})
    store.update_arrow("commitments", "commitment_id", t)
    return len(same_as)
