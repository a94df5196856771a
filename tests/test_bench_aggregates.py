"""bench/aggregates.py's count of how an extra event's actors differ from the gold of its root: what chose the
session's target work (issue 13), so it must say the right kind."""

from __future__ import annotations

from collections import Counter

import pytest

from tests.conftest import load_bench


@pytest.fixture(scope="module")
def agg():
    return load_bench("aggregates")


@pytest.mark.parametrize("coded, gold, kind", [
    (("SYR", "ISR", "19"), [("ISR", "SYR", "19")], "reversed"),
    (("SYR", None, "19"), [("SYR", "ISR", "19")], "target none->x"),
    (("SYR", "ISR", "19"), [("SYR", None, "19")], "target x->none"),
    (("SYR", "LBN", "19"), [("SYR", "ISR", "19")], "target other"),
    (("ISR", "ISR", "19"), [("SYR", "ISR", "19")], "source other (coded domestic)"),
    (("LBN", "JOR", "19"), [("SYR", "ISR", "19")], "both other"),
    (("SYR", "ISR", "11"), [("SYR", "ISR", "19")], ""),
])
def test_actor_difference(agg, coded, gold, kind):
    assert agg.actor_difference(coded, Counter(gold)) == kind


def test_each_extra_is_counted_once_per_copy(agg):
    coded = Counter({("SYR", None, "19"): 2, ("SYR", "ISR", "19"): 1})
    gold = Counter({("SYR", "ISR", "19"): 1})
    assert [k for k, _ in agg._extras_with_gold(coded, gold)] == [("SYR", None, "19")] * 2
