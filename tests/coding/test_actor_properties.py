"""Property-based tests of the actor resolver (hypothesis): a person named on a date inside one
of their terms resolves to an office they held that day; outside every term they resolve to
their country's out-of-office elite, never to an office."""

from __future__ import annotations

import csv
import datetime as dt
from importlib import resources

from hypothesis import given, settings
from hypothesis import strategies as st

from trustledger.coding.actors import ActorResolver

ROWS = list(csv.DictReader(
    (resources.files("trustledger") / "data" / "people.csv").read_text(encoding="utf-8").splitlines()))


def _term(r: dict) -> tuple[dt.date, dt.date]:
    """A row's term; an open term runs to today, or is its first day alone when it starts later
    (a dictionary row may announce a term that begins after the test runs)."""
    start = dt.date.fromisoformat(r["start"])
    end = dt.date.fromisoformat(r["end"]) if r["end"] else max(start, dt.date.today())
    return start, end


def _offices(name: str, on: dt.date) -> set[str]:
    out = set()
    for r in ROWS:
        if r["name"] == name:
            start, end = _term(r)
            if start <= on <= end:
                out.add(r["country"] + r["role"])
    return out


RESOLVER = ActorResolver.default()
SUCCESSOR = {"USR": "RUS"}


@settings(max_examples=150, deadline=None)
@given(row=st.sampled_from([r for r in ROWS if r["start"]]), frac=st.floats(0, 1))
def test_a_person_in_office_resolves_to_an_office_held_that_day(row, frac):
    start, end = _term(row)
    on = start + dt.timedelta(days=int((end - start).days * frac))
    actor = RESOLVER.resolve(row["name"], on)
    held = _offices(row["name"], on)
    if actor is None:  # only when the name is shared by two people in office that day
        others = {r["name"] for r in ROWS if r["name"] != row["name"] and row["name"] in r["aliases"].split(";")}
        assert others, f"{row['name']} on {on} did not resolve"
        return
    assert actor.code in held | {SUCCESSOR.get(c[:3], c[:3]) + c[3:] for c in held}, (row["name"], on, actor)
    assert actor.person == row["name"]


@settings(max_examples=100, deadline=None)
@given(row=st.sampled_from([r for r in ROWS if r["start"] >= "1990-01-01"]), years=st.integers(30, 60))
def test_out_of_office_is_elite_not_office(row, years):
    start, _ = _term(row)
    before = start - dt.timedelta(days=365 * years)
    if _offices(row["name"], before):
        return
    actor = RESOLVER.resolve(row["name"], before)
    assert actor is None or actor.role == "ELI", (row["name"], before, actor)
