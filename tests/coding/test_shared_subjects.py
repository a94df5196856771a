"""Doers the sentence or the report names once (issue 13): a gerund of time takes the subject of the
clause it hangs on, a trailing "adding" is the first speaker's, coordinated verbs share their subject,
"the envoy" points back to the envoy named before, and capitalised offices ("the two Ministers") are
the two sides."""

from __future__ import annotations

import datetime as dt

from tests.coding.conftest import full_codes, root_triples
from trustledger.coding.coder import EventCoder

DAY = dt.date(2011, 3, 14)


def roots(coder: EventCoder, text: str) -> set[tuple[str, str, str | None]]:
    return {(s[:3], r, t[:3] if t else None) for s, r, t in root_triples(coder, text, DAY)}


def test_a_gerund_of_time_takes_the_subject_of_its_clause(ingest_coder):
    got = roots(ingest_coder, "The Chinese president held a dinner with Kazakh officials soon after arriving in "
                              "Astana on Sunday.")
    assert ("CHN", "04", "KAZ") in got


def test_a_trailing_adding_is_the_first_speakers(ingest_coder):
    got = roots(ingest_coder, "Secretary-General Ban Ki-moon said the delay had disappointed him, adding: "
                              "\"I again call on the Sudanese authorities to open the border.\"")
    assert ("IGO", "02", "SDN") in got


def test_coordinated_verbs_share_their_subject(ingest_coder):
    got = roots(ingest_coder, "Ecuador and Peru ended their talks in Brasilia and are scheduled to sign a border "
                              "treaty on Friday.")
    # (a signing scheduled ahead is the intent to sign, root 03, as "will sign" is)
    assert ("ECU", "03", "PER") in got and ("PER", "03", "ECU") in got


def test_capitalised_offices_are_the_two_sides(ingest_coder):
    got = roots(ingest_coder, "Greek Foreign Minister Dimitris Avramopoulos met Turkish Foreign Minister Ahmet "
                              "Davutoglu in Ankara. The two Ministers agreed to expand trade.")
    assert ("GRC", "03", "TUR") in got and ("TUR", "03", "GRC") in got


def test_the_envoy_is_the_envoy_named_before(ingest_coder):
    got = full_codes(ingest_coder, "Jamal Benomar, the U.N. special envoy for Yemen, arrived in Riyadh on Monday. "
                                   "The envoy met Saudi officials to discuss a truce.", DAY)
    assert ("IGOUNO", "040", "SAUGOV") in got
