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

from trustledger.words import words

#: Verbs that only carry an event noun ("launch an offensive", "hold talks", "impose a curfew").
LIGHT_VERBS = words("light_verbs")
#: Nouns whose verb is not their own spelling or a regular derivation.
IRREGULAR = {
    "threat": "threaten", "warning": "warn", "invasion": "invade", "expulsion": "expel", "offensive": "attack",
    "criticism": "criticize", "crackdown": "crack", "pullout": "pull", "talks": "talk", "talk": "talk",
    "inquiry": "inquire", "assistance": "assist", "defence": "defend", "defense": "defend", "complaint": "complain",
    "request": "request", "visit": "visit", "trip": "visit", "tour": "visit", "summit": "meet", "meeting": "meet",
    "strike": "strike", "airstrike": "strike", "air strike": "strike", "raid": "raid", "siege": "besiege",
    "blockade": "blockade", "boycott": "boycott", "ceasefire": "cease", "truce": "cease", "embargo": "embargo",
    "sanctions": "sanction", "sanction": "sanction", "ban": "ban", "curfew": "curfew", "rally": "rally",
    "march": "march", "sit-in": "protest", "protest": "protest", "demonstration": "demonstrate",
    "hunger strike": "strike", "referendum": "vote", "vote": "vote", "probe": "probe", "appeal": "appeal",
    "demand": "demand", "plea": "appeal", "call": "call", "offer": "offer", "pledge": "pledge", "promise": "promise",
    "proposal": "propose", "apology": "apologize", "condolence": "condole", "tribute": "praise", "praise": "praise",
    "welcome": "welcome", "aid": "aid", "help": "help", "support": "support", "campaign": "campaign",
    "bombardment": "bombard", "shelling": "shell", "bombing": "bomb", "fighting": "fight", "killing": "kill",
    "assault": "assault", "massacre": "massacre", "coup": "overthrow", "mutiny": "mutiny", "uprising": "rebel",
    "rebellion": "rebel", "insurgency": "rebel", "arrest": "arrest", "ultimatum": "threaten", "veto": "veto",
}


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
