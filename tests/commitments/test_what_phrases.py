"""The `what` of a promise reads as a short phrase (issue 14, item 6): a promise whose object key names the
verb's own act ("would not intervene ... in Iran's internal affairs", keyed non-intervention) reads as the
verb and the phrase it governs, not "not intervene non-intervention". Our own sentences."""

from __future__ import annotations

from tests.commitments.conftest import text_ledger


def test_an_object_naming_the_act_is_not_repeated(tmp_path):
    led = text_ledger(tmp_path, {"a.md": ("1981-01-20", "ALGIERS, Jan. 20 — The United States pledged today that it "
                                                       "would not intervene, directly or indirectly, in Iran's "
                                                       "internal affairs.")})
    pledge = [e for e in led if e["promisor"] == "USA" and e["promisee"] == "IRN"]
    assert pledge, led
    what = pledge[0]["what"]
    assert what.startswith("not intervene") and "non-intervention" not in what, what
    assert "internal affairs" in what, what


def test_an_act_the_ledger_has_no_name_for_keeps_its_own_verb(tmp_path):
    # "will use its navy ... to stop migrants": the act is using the navy, not delivering it
    led = text_ledger(tmp_path, {"a.md": ("2008-08-30", "BENGHAZI, Aug. 30 — Libya promised Italy on Saturday to "
                                                       "use its navy to stop migrants leaving for Italian shores.")})
    whats = [e["what"] for e in led if e["promisor"] == "LBY"]
    assert whats and not any(w.startswith("deliver") for w in whats), led
