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
#: Nouns that measure or group events ("ten days of war games", "a series of attacks").
SPAN_HEADS = words("event_span_heads")


def event_noun(n):
    """The noun that names the event in an object phrase: past a measure or group ("days of war games",
    "a wave of arrests") to the noun after "of"."""
    if n.lemma_.lower() in SPAN_HEADS or n.lower_ in SPAN_HEADS:
        for c in n.children:
            if c.dep_ == "prep" and c.lower_ == "of":
                for p in c.children:
                    if p.dep_ == "pobj" and p.pos_ == "NOUN":
                        return p
    return n


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


#: Roots of deeds a noun tells with its doer and its target named ("Russia's invasion of Ukraine",
#: "attacks by gangs on police stations", "Israeli air strikes on Gaza"): coercion, assault, fighting
#: and mass violence. Talk about deeds ("threats", "criticism") is left to the verbs that carry it.
DEED_ROOTS = frozenset({"17", "18", "19", "20"})
#: Prepositions that carry a deed noun's target ("an attack on", "a crackdown against", "the shelling of").
DEED_TARGETS = ("on", "against", "of", "at", "into", "upon")


def deed_nouns(ctx) -> list[tuple[list, list, object, object, str]]:
    """Deeds told by a noun whose doer and target the phrase itself names: a possessive or a
    national/group modifier ("Russia's invasion of Ukraine", "Israeli air strikes on Gaza") or a
    "by" phrase ("attacks by gangs on police stations"), and a target after on/against/of. Nouns a
    light verb carries ("launched an attack") are that verb's event already, and so are nouns under
    a verb the lexicon codes ("condemned Russia's invasion of Ukraine" is the condemnation); only a
    deed noun of an asserted clause is taken, as its subject (`_told_as_news`) or inside its phrases
    with no noun of fear or guess above it (`_in_asserted`). Returns (sources, targets, rule, noun
    token, why) for the coder to turn into events."""
    from trustledger.coding.verbs import Clause

    out = []
    for n in ctx.sent:
        if n.pos_ != "NOUN" or n.i in ctx.by_token:
            continue
        # the subject of an asserted clause, or a noun inside one ("in response to an offensive by
        # guerrillas against the zone"), unless a guess, a future or a denial carries it (`_in_asserted`)
        if not (_told_as_news(n) or _in_asserted(n)):
            continue
        verb = derive(n.lemma_.lower(), ctx.verbs.is_verb)
        if verb is None or _under_verb(n, ctx):
            continue
        agents: list = []
        for c in n.children:
            if c.dep_ == "poss" and c.pos_ != "PRON":
                agents = ctx.actors_of(c)
            elif c.dep_ == "prep" and c.lower_ == "by":
                agents = [a for p in c.children if p.dep_ == "pobj" for a in ctx.actors_of(p)]
            elif c.dep_ in ("amod", "compound") and c.i in ctx.by_token and c.i < n.i:
                m = ctx.by_token[c.i]
                if not m.actor.place:
                    agents = [(m.actor, c.i)]
            if agents:
                break
        if not agents:
            continue
        # the parser often hangs the target on the doer ("attacks by rebels on army posts")
        heads = [n, *(p for c in n.children if c.dep_ == "prep" and c.lower_ == "by" for p in c.children)]
        preps = [c for h in heads for c in h.children if c.dep_ == "prep" and c.lower_ in DEED_TARGETS]
        targets: list = []
        words: set[str] = set()
        for c in preps:
            for p in c.children:
                if p.dep_ == "pobj":
                    ctx._np_words(p, words)
                    targets = targets or ctx.actors_of(p) or ctx._inside(p)
        if not targets:
            continue
        rule = ctx.verbs.match(verb, None, words, Clause(frozenset(c.lower_ for c in preps), True))
        if rule is None or rule.frame not in ("", "swap") or rule.code[:2] not in DEED_ROOTS:
            continue
        if {a.code for a, _ in agents} & {a.code for a, _ in targets}:
            continue
        out.append((agents, targets, rule, n, f"{n.lemma_} (noun of {verb}, doer and target named) → {rule.code}"))
    return out


def _told_as_news(n) -> bool:
    """The deed noun is what its clause reports ("Israeli air strikes on Gaza killed twelve", "Russia's
    shelling of Kharkiv went on"): the subject of a verb that is asserted. A deed noun elsewhere
    mostly recalls an earlier deed ("in reprisal for Britain's deportation of ...", "took part in
    Russia's annexation of Crimea in 2014") or a feared one ("another invasion could be imminent"),
    which the report does not tell as news (measured on the report set's dev split)."""
    from trustledger.coding import grammar

    h = n.head
    return (n.dep_ in ("nsubj", "nsubjpass") and h.pos_ in ("VERB", "AUX")
            and not grammar.hypothetical(h) and not grammar.future(h) and not grammar.negated(h))


#: Nouns of guess, fear or hope: a deed under them is not one the report tells ("fears of an attack by ...").
CONJECTURE_NOUNS = words("conjecture_nouns")
#: Links inside a noun phrase and from a phrase to its verb, walked from a deed noun to its clause.
_PHRASE_LINKS = ("pobj", "prep", "dobj", "compound", "conj", "appos", "nsubj", "nsubjpass", "attr", "npadvmod")


def _in_asserted(n) -> bool:
    """The deed noun stands in a clause the report asserts ("in response to a recent offensive by
    guerrillas against ...", "after attacks by rebels on ..."): no noun of guess or fear on the way
    up to the clause's verb ("fears of an offensive by ..."), and a verb that is neither future,
    hypothetical, negated nor a bare infinitive ("to prevent attacks by ..."). Measured on the report
    set's dev split (issue 13): such a deed is mostly one the report tells, although a recalled one
    ("took part in Russia's annexation of Crimea in 2014") comes along."""
    from trustledger.coding import grammar

    t = n
    while t.dep_ in _PHRASE_LINKS and t.head.i != t.i and t.head.pos_ not in ("VERB", "AUX"):
        t = t.head
        if t.lemma_.lower() in CONJECTURE_NOUNS or t.lower_ in CONJECTURE_NOUNS:
            return False
    h = t.head if t.head.i != t.i else t
    if h.pos_ not in ("VERB", "AUX"):
        return False
    return not (grammar.hypothetical(h) or grammar.future(h) or grammar.negated(h) or grammar.infinitive(h)
                or grammar.unasserted(h))


def _under_verb(n, ctx) -> bool:
    """The noun is an argument of a verb the lexicon codes, or of a light verb: that verb tells it."""
    t = n
    while t.dep_ in ("pobj", "prep", "conj", "appos", "compound") and t.head.i != t.i:
        t = t.head
    h = t.head
    if h.i == t.i or h.pos_ not in ("VERB", "AUX"):
        return False
    if t.dep_ not in ("dobj", "nsubjpass", "ccomp", "attr", "oprd"):
        return False  # the subject of "continued", "killed": the deed is what the clause is about
    return h.lemma_.lower() in LIGHT_VERBS or ctx.rule(h) is not None


#: Verbs that tell that a collective event happened ("protests erupted", "rioting went on").
OCCURRENCE_VERBS = words("occurrence_verbs")
#: Verbs whose object is an event a place lived through ("the town saw riots").
WITNESS_VERBS = frozenset({"see", "witness", "experience"})


def crowd_events(ctx) -> list[tuple[list, object, object, str]]:
    """Protest told by a noun whose clause says it happened ("protests erupted in Lagos", "as rioting
    went on in Tunisia", "a wave of protests swept the country", "the town saw riots"): CAMEO 14 by
    the people who protested: the group the phrase names ("student protests", "protests by farmers"),
    else the civilians of the state the sentence happens in. Returns (sources, rule, noun, why)."""
    from trustledger.coding.actors import Actor
    from trustledger.coding.verbs import Clause

    out = []
    for n in ctx.sent:
        if n.pos_ != "NOUN":
            continue
        verb = derive(n.lemma_.lower(), ctx.verbs.is_verb)
        rule = ctx.verbs.match(verb, None, set(), Clause()) if verb else None
        if rule is None or rule.frame != "" or rule.code[:2] != "14":
            continue
        h = _happening(n)
        if h is None:
            continue
        sources: list = []
        for c in n.children:
            if c.dep_ == "prep" and c.lower_ == "by":
                sources = [a for p in c.children if p.dep_ == "pobj" for a in ctx.actors_of(p)]
            elif c.dep_ in ("amod", "compound", "poss") and c.i in ctx.by_token and not ctx.by_token[c.i].actor.place:
                sources = [(ctx.by_token[c.i].actor, c.i)]
            if sources:
                break
        if not sources:
            state = ctx.report_state()
            if state is None:
                continue
            sources = [(Actor(state + "CVL", state, "CVL", f"({n.text})"), n.i)]
        out.append((sources, rule, n, f"{n.lemma_} (noun of {verb}) {h.lemma_} → {rule.code}"))
    return out


def _happening(n):
    """The verb that tells an event noun happened ("protests erupted", "arrests are continuing", "a wave
    of arrests swept the city", "the town saw riots", "a wave of protests that swept the country"),
    asserted (not a guess, a future or a denial); None when no clause tells it so."""
    from trustledger.coding import grammar

    t = n  # "a wave of protests swept ...": the measure carries the clause
    if t.dep_ == "pobj" and t.head.lower_ == "of" and (t.head.head.lemma_.lower() in SPAN_HEADS):
        t = t.head.head
    h = t.head
    if not ((t.dep_ == "nsubj" and h.lemma_.lower() in OCCURRENCE_VERBS)
            or (t.dep_ == "dobj" and h.lemma_.lower() in WITNESS_VERBS)):
        # "a wave of protests that swept the country": the relative clause tells it
        h = next((r for x in {t, n} for r in x.children
                  if r.dep_ == "relcl" and r.lemma_.lower() in OCCURRENCE_VERBS
                  and any(c.dep_ == "nsubj" and grammar.antecedent(c) is not c for c in r.children)), None)
        if h is None:
            return None
    if h.pos_ not in ("VERB", "AUX") or grammar.hypothetical(h) or grammar.future(h) or grammar.negated(h):
        return None
    return h


#: Prepositions that carry the people a state's coercion falls on ("arrests of opposition members", "a
#: crackdown on dissent", "raids against activists").
_COERCED = ("of", "on", "against")


def state_deeds(ctx) -> list[tuple[list, list, object, object, str]]:
    """Coercion told by a noun whose clause says it happened, with no doer named ("arrests are
    continuing in Andijan", "a wave of arrests swept the capital", "detentions went on"): CAMEO 17 of
    an act only a state performs is its authorities', of the state the report places it in, as the
    coder reads the same act told in the passive ("two leaders were arrested"). The target is whom the
    phrase names after of/on/against, else the civilians of that state. A noun whose doer the phrase
    names is left to `deed_nouns`. Returns (sources, targets, rule, noun, why)."""
    from trustledger.coding.actors import Actor

    out = []
    for n in ctx.sent:
        if n.pos_ != "NOUN" or n.lemma_.lower() in SPAN_HEADS:
            continue
        verb = derive(n.lemma_.lower(), ctx.verbs.is_verb)
        rule = ctx.verbs.match(verb, None, set()) if verb else None
        if rule is None or rule.frame not in ("", "swap") or rule.code[:2] != "17":
            continue
        if any(c.dep_ == "poss" or (c.dep_ == "prep" and c.lower_ == "by") or c.i in ctx.by_token
               for c in n.children if c.i < n.i or c.dep_ == "prep"):
            continue  # a doer or a named party before it: "police arrests", "Russia's crackdown"
        h = _happening(n)
        state = ctx.report_state() if h is not None else None
        if state is None or len(state) != 3 or state == "IGO":
            continue
        targets = [a for c in n.children if c.dep_ == "prep" and c.lower_ in _COERCED
                   for p in c.children if p.dep_ == "pobj" for a in ctx.actors_of(p)]
        targets = targets or [(Actor(state + "CVL", state, "CVL", f"({n.text})"), n.i)]
        sources = ctx.state_organ(n.i, state=state)
        out.append((sources, targets, rule, n, f"{n.lemma_} (noun of {verb}) {h.lemma_}, by the state → {rule.code}"))
    return out
