"""A course a verb of taking up names ("resorted to burning tyres", "turned to shelling the villages")
is its subject's own act: the gerund after "to" shares the clause's subject. Our own sentences in the
shape of wire copy."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.coding.conftest import root_triples


@pytest.mark.parametrize("text, expected", [
    ("The Sudanese army turned to shelling the rebel villages in Darfur.", ("SDN", "19")),
    ("Kenyan police resorted to firing tear gas at the protesters.", ("KEN", "17")),
])
def test_the_gerund_of_a_course_taken_up_is_the_subjects_act(ingest_coder, text, expected):
    got = {(s[:3], r) for s, r, _ in root_triples(ingest_coder, text, dt.date(2008, 1, 9))}
    assert expected in got, got


def test_a_gerund_after_other_verbs_with_to_is_not_the_subjects_act(ingest_coder):
    # "objected to shelling": the objector does not shell
    got = root_triples(ingest_coder, "Egypt objected to shelling the Libyan villages.",
                       dt.date(2008, 1, 9))
    assert not any(s[:3] == "EGY" and r == "19" for s, r, _ in got), got
