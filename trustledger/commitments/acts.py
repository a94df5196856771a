"""The kind of act a commitment mention asks for (supply, pay, repay, buy, build, finance, release,
withdraw, lift...), so that linking keeps distinct promises of one pair and one object apart: a
promise to deliver two ships and a later promise to pay for not delivering them, a loan and its
repayment, a restructuring of that loan.

The act is read from the promise's own verb (the trigger, when it is a verb of acting: "would repay
$7 billion") and else from the first word of the mention's `what` ("pay the fee"), unless that word
is the detector's default reading (`DEFAULT_READINGS`), which names no act. The acts of `GENERAL`
are readings of one promise to hand something over and agree with each other; any other act agrees
only with itself; an unknown act agrees with any."""

from __future__ import annotations

import re

from trustledger.words import word_map, words

#: verb -> act (data/words/commitment_acts.txt)
ACTS: dict[str, str] = word_map("commitment_acts")
#: Acts that are the general readings of a promise to hand something over: they agree with each other.
GENERAL = frozenset({"transfer", "build", "finance"})

#: The `what` verbs the detector gives a verb it has no name for, and every promise of money ("deliver",
#: "give"): they say nothing of the act, unlike the same verbs as the promise's own trigger.
DEFAULT_READINGS = frozenset({"deliver", "give"})

_SUFFIXES = ("ing", "ed", "es", "s", "d")


def _act_of_word(word: str) -> str | None:
    w = word.lower()
    if w in ACTS:
        return ACTS[w]
    for suf in _SUFFIXES:
        if w.endswith(suf) and len(w) - len(suf) >= 3:
            stem = w[: -len(suf)]
            for cand in (stem, stem + "e", stem[:-1] if len(stem) > 3 and stem[-1] == stem[-2] else stem):
                if cand in ACTS:
                    return ACTS[cand]
    return None


def act_of(m: dict) -> str | None:
    """The act a mention promises, or None when neither its trigger nor its `what` names one (a
    promise to refrain is judged on its own terms: its acts are not told apart here)."""
    if m.get("kind") == "refrain":
        return None
    trigger = re.split(r"[:+]", m.get("trigger") or "", maxsplit=1)[0].strip()
    act = _act_of_word(trigger) if trigger and " " not in trigger else None
    if act is None:
        first = (m.get("what") or "").split(" ")[0]
        act = _act_of_word(first) if first and first not in DEFAULT_READINGS else None
    if act is None:
        act = nominal_act(m.get("text") or "", m.get("object"))
    return act


#: Words of the map that are also verbs of acting in their bare form ("to supply", "will release"):
#: a sentence holding one of them names its act as a verb, which the detector has read.
_NOUNS = words("act_nouns")
_WORD = re.compile(r"[a-z][a-z-]*")


def nominal_act(text: str, obj: str | None) -> str | None:
    """The act a sentence names only as a noun governing the promised thing ("repayment of the loan
    was due by July", "agreed on compensation for the cancelled ships"): the first act noun followed,
    through "of" or "for" and at most six words, by the object's head word. None when the sentence
    also holds a verb of acting (its act is the verb's, which the detector read) or names no object."""
    if not obj:
        return None
    head = obj.split()[-1].lower().rstrip("s")
    words = _WORD.findall(text.lower())
    own = {w.rstrip("s") for w in obj.lower().split()}  # "the loan": the thing, not a verb of lending
    if any(w not in _NOUNS and w.rstrip("s") not in own and _act_of_word(w) for w in words):
        return None
    for i, w in enumerate(words):
        if w in _NOUNS and i + 1 < len(words) and words[i + 1] in ("of", "for") and any(
                x.rstrip("s") == head for x in words[i + 2:i + 9]):
            return ACTS[w]
    return None


def outcome_act(o: dict) -> str | None:
    """The act an outcome names apart from handing over: "repaid" (outcomes.py writes a repayment's
    `what` so: "repaid loan"), so that a repayment settles the promise to repay and never the lender's
    promise to lend. None for any other outcome (delivered, arrived, freed...): those settle any act."""
    return "repay" if (o.get("what") or "").split(" ")[0] == "repaid" else None


def agree(a: str | None, b: str | None) -> bool:
    """Whether two acts can be one promise: the same act, two general readings, or one unknown."""
    return a is None or b is None or a == b or (a in GENERAL and b in GENERAL)


def agrees_with_all(m: dict, mentions: list[dict]) -> bool:
    """Whether a mention's act agrees with the act of every mention of a commitment."""
    a = act_of(m)
    return a is None or all(agree(a, act_of(x)) for x in mentions)
