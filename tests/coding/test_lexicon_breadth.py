"""The verb lexicon (trustledger/data/verbs.csv, verb_objects.csv) is well formed, and its breadth
reaches sentences in the shape of news: verbs, phrasal verbs, verb + object-class patterns and light
verbs with event nouns across the CAMEO roots 02-20. The sentences are ours, written for this test."""

from __future__ import annotations

import csv
from importlib import resources

import pytest

from trustledger.coding.coder import EventCoder
from trustledger.coding.verbs import VerbLexicon


def _rows(name: str) -> list[dict[str, str]]:
    text = (resources.files("trustledger") / "data" / name).read_text(encoding="utf-8")
    return list(csv.DictReader(text.splitlines()))


def test_every_row_parses_and_names_a_known_code_and_class():
    lexicon = VerbLexicon.default()  # raises on a bad code, frame or unknown @class
    rows = [r for r in _rows("verbs.csv") if r["verb"].strip()]
    assert sum(len(v) for v in lexicon.rules.values()) == len(rows)
    codes = {r["code"] for r in _rows("cameo_codes.csv")}
    classes = {r["class"] for r in _rows("verb_objects.csv")}
    for n, r in enumerate(rows, start=2):
        assert r["code"] in codes, f"verbs.csv:{n}: code {r['code']} not in cameo_codes.csv"
        for o in filter(None, r["object"].split("|")):
            if o.startswith("@"):
                assert o[1:] in classes, f"verbs.csv:{n}: unknown class {o}"


def test_no_exact_duplicate_rows():
    seen: set[tuple[str, ...]] = set()
    for n, r in enumerate(_rows("verbs.csv"), start=2):
        key = tuple(r[c].strip() for c in ("verb", "particle", "object", "target", "code", "frame"))
        assert key not in seen, f"verbs.csv:{n}: duplicate row {key}"
        seen.add(key)
    pairs = [(r["class"], r["word"]) for r in _rows("verb_objects.csv")]
    assert len(pairs) == len(set(pairs))


def test_no_row_is_shadowed_by_an_earlier_one():
    """Within a verb, a row with the same particle and object constraint as an earlier row never wins
    (the target column does not choose between rows). Five older bare rows that only document a second
    reading are known and left to their owners."""
    known = {("call", "041"), ("concede", "080"), ("insist", "100"), ("protest", "140"), ("strike", "190")}
    seen: set[tuple[str, str, str]] = set()
    for n, r in enumerate(_rows("verbs.csv"), start=2):
        key = (r["verb"].strip(), r["particle"].strip(), r["object"].strip())
        if (r["verb"].strip(), r["code"].strip()) not in known:
            assert key not in seen, f"verbs.csv:{n}: {key} can never match (an earlier row has it)"
        seen.add(key)


@pytest.fixture(scope="module")
def coder() -> EventCoder:
    return EventCoder(require_target=False)


SENTENCES = [
    ("The United Nations appealed for emergency food aid for refugees in Sudan.", "02"),
    ("Egypt called for the lifting of sanctions on Iraq.", "02"),
    ("Japan pledged fresh economic aid to Bangladesh on Tuesday.", "03"),
    ("Pakistan accepted an invitation to talks with India.", "03"),
    ("Norway facilitated talks between Israel and the PLO.", "04"),
    ("President Putin held a telephone conversation with Turkish President Erdogan.", "04"),
    ("Thailand apologized to Cambodia for the border incident.", "05"),
    ("Indonesia signed a trade pact with Australia.", "05"),
    ("French officers trained Malian troops in Bamako last year.", "06"),
    ("Japan donated emergency food aid to North Korea.", "07"),
    ("Syria released 20 Lebanese prisoners on Monday.", "08"),
    ("Russian troops pulled back from the border with Ukraine.", "08"),
    ("The United Nations will investigate allegations of war crimes by Sri Lankan forces.", "09"),
    ("Iran demanded the release of its diplomats held in Lebanon.", "10"),
    ("Albania accused Serbia of war crimes in Kosovo.", "11"),
    ("Venezuela lodged a formal complaint with Colombia over the incident.", "11"),
    ("North Korea rejected South Korea's offer of humanitarian aid.", "12"),
    ("Iran threatened a boycott of the Olympic Games.", "13"),
    ("Student demonstrators stormed the US embassy in Tehran.", "14"),
    ("Russia massed troops along the Ukrainian border.", "15"),
    ("The European Union suspended humanitarian aid to Sudan.", "16"),
    ("Baghdad expelled United Nations weapons inspectors.", "16"),
    ("Pakistan imposed martial law.", "17"),
    ("Kenyan riot police dispersed the crowd with tear gas and water cannon.", "17"),
    ("Gunmen kidnapped two French aid workers in Niger.", "18"),
    ("Militants detonated a car bomb outside the Interior Ministry in Kabul.", "18"),
    ("Israeli warplanes carried out air strikes on Hamas positions in Gaza.", "19"),
    ("Rebels seized the town of Goma.", "19"),
]


@pytest.mark.parametrize(("text", "root"), SENTENCES)
def test_news_sentence_codes_to_its_root(coder, text, root):
    roots = [e.cameo[:2] for e in coder.code_text(text)]
    assert root in roots, f"{text!r}: roots {roots}"
