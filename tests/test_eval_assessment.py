"""bench/eval_assessment.py: the AUC it prints, on cases worked out by hand, and its pair lists."""

from __future__ import annotations

import pytest

from tests.conftest import load_bench


@pytest.fixture(scope="module")
def ev():
    return load_bench("eval_assessment")


def test_auc_by_hand(ev):
    assert ev.auc([0.9, 0.8], [0.1, 0.2]) == 1.0
    assert ev.auc([0.1], [0.9]) == 0.0
    assert ev.auc([0.5], [0.5]) == 0.5                       # a tie counts half
    assert ev.auc([0.9, 0.3], [0.5, 0.1]) == 0.75            # 3 of 4 pairs ordered right
    assert ev.auc([], [0.5]) is None


def test_pair_lists_are_disjoint_directed_state_pairs(ev):
    assert not set(ev.ALLIES) & set(ev.ADVERSARIES)
    for a, b in ev.ALLIES + ev.ADVERSARIES:
        assert a != b and len(a) == len(b) == 3 and a.isupper() and b.isupper()
