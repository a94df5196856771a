"""Events named by a noun under a light verb: "launched an attack on X", "mounted an invasion of X",
"announced a suspension of air links with X", "staged a demonstration", "lodged a protest with X".
The light verb carries no event of its own; the noun does, and it is the noun of a verb the lexicon
knows (attack, invade, suspend, demonstrate, protest). Rather than a row for every light verb and
every noun, the noun is turned back into its verb by English derivation (-ation, -sion, -ment, -al,
-ure, -ing, and the irregular pairs below), and the verb's own rule codes the event, with the noun's
complements as its objects. The event's source is the light verb's subject; its target is found as
the verb rule says, through the noun phrase."""

from __future__ import annotations

from collections.abc import Callable

from trustledger.words import word_map, words

#: Verbs that only carry an event noun ("launch an offensive", "hold talks", "impose a curfew").
LIGHT_VERBS = words("light_verbs")
#: Nouns whose verb is not their own spelling or a regular derivation.
IRREGULAR = word_map("noun_verbs")


def candidates(noun: str) -> list[str]:
    """Verbs a noun may come from, most likely first (unchecked against any lexicon)."""
    n = noun.lower()
    out = [IRREGULAR[n]] if n in IRREGULAR else []
    rules = [("ization", "ize"), ("isation", "ise"), ("ation", "ate"), ("ation", ""), ("ation", "e"),
             ("ition", "ish"), ("ition", "e"), ("sion", "d"), ("sion", "de"), ("sion", "t"), ("tion", "te"),
             ("tion", ""), ("ment", ""), ("al", ""), ("al", "e"), ("ial", "y"), ("ure", "e"), ("ing", ""),
             ("ing", "e"), ("ance", ""), ("ence", ""), ("ion", ""), ("s", "")]
    for suffix, repl in rules:
        if n.endswith(suffix) and len(n) - len(suffix) >= 3:
            out.append(n[: -len(suffix)] + repl)
    out.append(n)
    seen: list[str] = []
    for v in out:
        if v not in seen:
            seen.append(v)
    return seen


def derive(noun: str, known: Callable[[str], bool]) -> str | None:
    """The verb of an event noun that the lexicon knows, or None."""
    return next((v for v in candidates(noun) if known(v)), None)
