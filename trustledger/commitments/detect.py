"""Commitments stated in a sentence: contracts, agreements, promises, pledges, announced sales,
deadlines and obligations, and promises to refrain from something.

Rules over the spaCy parse, not a trained model: a commitment verb ("agreed", "promised",
"signed a contract under which...") or a reported future deliverable ("Russia will complete",
"X would sell us") or a deadline ("was due to come online in 1999"), with the promisor taken
from the subject, the promisee from the recipient ("to Iran", "lend Iran"), and what is
promised from the object named nearest the action (see aliases). Parties the sentence leaves
out come from the previous sentences and the document's main pair of states.
"""

from __future__ import annotations

import dataclasses
import re

from spacy.tokens import Token

from trustledger.commitments import syntax as sx
from trustledger.commitments.aliases import category_of
from trustledger.commitments.objects import SOFT_ADJ, as_written
from trustledger.commitments.records import CommitmentMention
from trustledger.commitments.sentence import (
    FREEING_VERBS,
    HALTING_VERBS,
    DocContext,
    SentenceView,
    amount_in,
    gerund_object,
    paid_for,
)
from trustledger.words import word_map, words

COMMIT_VERBS = words("commitment_verbs")
#: Verbs by which several parties bind each other: their co-subjects promise one another.
#: Verbs that promise only with an infinitive ("resolved to open talks"), not with a thing ("resolved the dispute").
RESOLVING_VERBS = words("resolving_verbs")
MUTUAL_VERBS = {"agree", "sign", "conclude", "ink", "strike", "accept", "reach", *RESOLVING_VERBS}
#: Agreement nouns: "signed a ceasefire", "agreed to a truce", "reached a deal" name the promise itself.
AGREEMENT_HEADS = words("agreement_heads")
REFRAIN_AGREEMENTS = {"ceasefire", "cease-fire", "truce", "armistice", "non-aggression"}
CONTRACT_NOUNS = words("contract_nouns")
PROMISE_NOUNS = {"pledge", "promise", "commitment", "guarantee", "assurance", "assurances", "obligation"}
ACTION_VERBS = words("commitment_actions")
ACTION_NAME = word_map("action_names")
FUTURE_VERBS = words("future_actions")
#: "will/would/shall/'ll supply" ("won't supply" is a refusal, read by its negation, not a promise)
FUTURE_AUX = words("future_auxiliaries") - {"wo"}
REFRAIN_VERBS = words("refrain_verbs")
#: Verbs that themselves hold an activity back ("cap enrichment"): a refrain promise worded by the verb itself.
LIMIT_VERBS = words("limiting_verbs")
REFRAIN_PHRASES = re.compile(
    r"non-aggression|ceasefire|cease-fire|truce|security assurances?|territorial integrity|"
    r"not to (?:sell|supply|transfer|allow|help|attack|use|intervene|re-?impose|impose|interfere|aid|join)|"
    r"refrain from|no[nt][ -]interference|would not (?:intervene|interfere|attack)", re.I)
FIRST_DUE = re.compile(r"\bfirst\b[^.;]{0,60}\bdue\b|\bdue to (?:start|begin)\b|\bdeliveries\b[^.;]{0,20}\bdue to "
                       r"(?:start|begin)|\bfirst deliveries due\b", re.I)
#: Fighting a halt of which is a ceasefire ("stop the fighting", "end hostilities"), as the object keys name it.
FIGHT_NOUNS = frozenset({"fighting", "hostility", "firing", "shelling", "shooting", "clash", "combat"})
#: Verbs of handing back that, with no object, tell a journey ("will return to the agreement", "to Moscow"):
#: only their transitive use ("return the prisoners") is a promised act.
JOURNEY_VERBS = frozenset({"return"})
#: A term of an agreement named as such ("under the accord", "under the terms of the deal"): an act the
#: sentence says a party must do is then the deal's obligation, not someone's demand.
UNDER_DEAL = re.compile(r"\bunder (?:the|a|an|this|that|its|their)\s+(?:\w+\s+){0,3}?(?:terms?|agreement|accord|deal|"
                        r"treaty|pact|contract|protocol|memorandum|arrangement|ceasefire|cease-fire|truce|settlement)s?\b",
                        re.I)
NEW_MARK = re.compile(r"\b(new|fresh|another|second|renewed)\s+(contract|deal|agreement|order)\b|"
                      r"\b(more|additional|further|another|new)\s+(\w+\s+)?(units|reactors|systems|jets|ships|"
                      r"submarines|tanks|aircraft|fighters|batteries|launchers)\b", re.I)


#: Verbs of handing over: their passive with "to <state>" is a scheduled transfer to that state.
TRANSFER_VERBS = words("transfer_verbs")
#: Verbs of buying: a promise to buy goods binds the buyer.
BUY_VERBS = {"buy", "purchase", "import"}
#: Verbs of receiving: their subject is the promise's beneficiary ("Ukraine would get German tanks").
RECEIVE_VERBS = {"get", "receive", "obtain"}
#: Verbs of letting people go: the people's own state is the beneficiary.
RELEASE_VERBS = {"free", "release", "return", "repatriate", "exchange", "swap", "hand"}


def _action_of(verb: Token) -> Token | None:
    """The promised action under a commitment verb: "agreed to supply", "promised that it would
    deliver", "signed a contract to build / under which Russia will complete"."""
    comps = [c for c in verb.children if c.dep_ in ("xcomp", "ccomp") and c.pos_ in ("VERB", "AUX")]
    # "According to the declaration, released after talks, the two countries resolved to open negotiations":
    # a clause the parser hangs before the verb yields to the infinitive after it, which is the act
    comps = [c for c in comps if c.i > verb.i] + [c for c in comps if c.i < verb.i] \
        if any(c.i > verb.i and _to_infinitive(c) for c in comps) else comps
    for c in comps:
        # a clause before the verb ("Beijing considers ...; Washington has committed itself to") is not its act
        if not (c.i < verb.i and any(t.text in (";", ":") for t in verb.doc[c.i:verb.i])):
            # "agreed to continue supplying", "would finish removing its arsenals": the act is the inner verb
            # "the accord concluded in 2009 required Pakistan to lay a pipeline" (the parser makes "concluded"
            # the root): the act is the one the binding verb lays down
            inner = _action_of(c) if c.lemma_.lower() in ("be", "continue", "help", "keep", "resume", "finish",
                                                          "complete", "start", "begin") or (
                c.dep_ == "ccomp" and c.lemma_.lower() in BINDING_VERBS and c.i > verb.i) else None
            return inner or c
    for c in verb.children:
        if c.dep_ == "prep" and c.lower_ == "to":
            for p in c.children:
                # "committed itself to supplying Taiwan with weapons": the gerund is the act
                if p.dep_ == "pcomp" and p.pos_ == "VERB" and p.tag_ == "VBG":
                    return p
                # "remained committed to the agreement to buy the system": the agreement's own act
                if p.dep_ == "pobj" and p.lemma_.lower() in CONTRACT_NOUNS | PROMISE_NOUNS:
                    for cc in p.children:
                        if cc.dep_ in ("acl", "relcl") and cc.pos_ == "VERB":
                            return cc
    for c in verb.children:
        # "the pact commits Azerbaijan to open transport links", "obliges Chile to compensate Bolivia": the
        # small parser often hangs the infinitive of an object-control verb as an adverbial clause
        # (the object must be a party: "signed a waiver to allow the funds to move" is a purpose, not control)
        if c.dep_ == "advcl" and c.pos_ == "VERB" and c.i > verb.i and _to_infinitive(c) and any(
                d.dep_ in ("dobj", "appos") and d.i < c.i and (d.pos_ in ("PROPN", "PRON") or d.ent_type_ in (
                    "GPE", "NORP", "ORG") or d.lemma_.lower() in PARTY_NOUNS) for d in verb.children):
            return c
    if verb.pos_ == "NOUN" and verb.lemma_.lower() in CONTRACT_NOUNS | PROMISE_NOUNS:
        # "a $5 billion agreement for Russia to build two reactors": the noun's own for-to clause
        for c in verb.children:
            if c.dep_ == "advcl" and c.pos_ == "VERB" and _to_infinitive(c):
                return c
    for c in verb.children:
        # "provides for China to buy", "an agreement was reached for Armenia to free": a for-to clause
        if c.dep_ == "advcl" and c.pos_ == "VERB" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children) \
                and any(a.dep_ == "mark" and a.lower_ == "for" for a in c.children):
            return c
    for c in verb.children:
        # "signed a contract with Bangkok in 2017 to build a submarine": a purpose clause
        # "an agreement was reached for Azerbaijan to free ...": the same with the agreement as passive subject
        # "remained committed to the deal to buy the system": the same with the agreement after "to"
        deals = [d for d in verb.children if d.dep_ in ("dobj", "nsubjpass")] + [
            p for d in verb.children if d.dep_ == "prep" and d.lower_ == "to" for p in d.children if p.dep_ == "pobj"]
        if c.dep_ == "advcl" and c.pos_ == "VERB" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children) \
                and any(d.lemma_.lower() in CONTRACT_NOUNS for d in deals):
            return c
    for c in verb.children:
        if c.dep_ in ("dobj", "nsubjpass", "pobj") and c.lemma_.lower() in CONTRACT_NOUNS | PROMISE_NOUNS:
            for cc in c.children:
                if _describes_deal(cc):
                    continue  # "a ceasefire brokered by France", "the deal signed in 2014": no act of it
                if cc.dep_ in ("acl", "relcl") and cc.pos_ in ("VERB", "AUX") or \
                        cc.dep_ == "advcl" and cc.pos_ == "VERB" and _to_infinitive(cc):  # "an agreement for X to"
                    # "a contract that commits the manufacturer to build forty trains": the act it binds to
                    inner = _action_of(cc) if cc.lemma_.lower() in COMMIT_VERBS | STIPULATE_VERBS else None
                    return inner or _scheduled(cc) or cc
            for cc in c.subtree:
                if cc.dep_ in ("relcl", "acl") and cc.lemma_.lower() in ACTION_VERBS:
                    return cc
    return None


def _pays_for_thing(action: Token, obj) -> bool:
    """"to pay for a coastal motorway", "foot the bill for a hospital": the object is the thing paid for
    (not a sum), so the promise is to fund it; read as "pay", the ledger would take it for a promise of
    money that a disbursement settles."""
    dobjs = [c for c in action.children if c.dep_ in ("dobj", "nsubjpass")]
    return any(obj.start in {t.i for t in p.subtree} for p in paid_for(action, dobjs))


def _subject_pair(view: SentenceView) -> tuple[str, ...]:
    """The two states the sentence names together as the subject of a clause ("Somalia and Ethiopia have
    struck a deal"), which "the two countries" or "both sides" of a later sentence refers back to: the
    article's most named pair is often not it (a broker named in every sentence outranks one side).
    Empty when no subject names exactly two states."""
    for tok in view.span:
        if tok.dep_ in ("nsubj", "nsubjpass") and any(c.dep_ == "conj" for c in tok.children):
            found = [f for f in sx.country_of_np(tok, view.countries) if not f.firm]
            codes = tuple(dict.fromkeys(f.code for f in found))
            if len(codes) == 2:
                return codes
    return ()


#: Verbs of a state leaving ground: with no moving thing named, what leaves is the state's forces.
LEAVING_VERBS = frozenset({"withdraw", "pull", "leave", "evacuate", "exit", "redeploy", "retreat"})
TERRITORY_NOUNS = words("territory_nouns")


def _withdrawn_forces(view: SentenceView, action: Token):
    """"Syria promised to withdraw from Lebanon", "Iraq will pull out of the Iranian land it occupies":
    a state that promises to leave a state or ground names no moving thing, but what leaves is its
    forces (the promise a later "the last troops left" keeps); without a thing the promise was lost.
    Troops as the object, when the act leaves a state or a noun of ground (data/words/territory_nouns),
    never an agreement or talks ("withdraw from the treaty" is an exit, not a pull-out)."""
    from trustledger.commitments.aliases import ObjectMention

    if action.lemma_.lower() not in LEAVING_VERBS:
        return None
    if any(c.dep_ == "dobj" and sx.mention_at(c, view.countries) is None and c.lemma_.lower() not in TERRITORY_NOUNS
           for c in action.children):
        return None  # "withdraw its objection", "pull the plug": a thing of its own
    heads = [action, *(c for c in action.children if c.dep_ in ("prt", "prep", "advmod") and c.lower_ == "out")]
    places = [c for c in action.children if c.dep_ == "dobj" and action.lemma_.lower() != "withdraw"]
    places += [p for h in heads for c in h.children if c.dep_ == "prep" and c.lower_ in ("from", "of")
               for p in c.children if p.dep_ == "pobj"]
    if not any(sx.mention_at(p, view.countries) is not None or p.lemma_.lower() in TERRITORY_NOUNS
               or p.lower_ in TERRITORY_NOUNS for p in places):
        return None
    return ObjectMention(action.i, action.i + 1, "troop", action.text, False, "troops")


def _governs_infinitive(verb: Token) -> bool:
    """"resolved to open technical negotiations", "swore to defend": the verb governs a to-infinitive as
    its complement (a promise of that act), not a thing ("resolved the dispute", "swore an oath")."""
    return verb.pos_ == "VERB" and any(c.dep_ == "xcomp" and c.pos_ == "VERB" and _to_infinitive(c)
                                       for c in verb.children)


def _coordinated_acts(trigger: Token, action: Token) -> list[Token]:
    """The acts coordinated with the promised one: its own conjuncts, and the bare infinitives the parser
    hangs on the promising verb instead ("agreed to supply gas, pay transit fees and build a pipeline",
    "obliges North Korea to halt its activities, give up ... and allow ..."). A base-form verb with no
    subject of its own cannot be a second finite clause of a verb in the past or present ("agreed ...
    and signed" would be), so it is read as one more act of the list the infinitive opened."""
    acts = list(action.conjuncts)
    if action.i > trigger.i and trigger.tag_ != "VB" and any(c.dep_ == "aux" and c.lower_ == "to"
                                                             for c in action.children):
        for c in trigger.conjuncts:
            if c.i > action.i and c.tag_ == "VB" and c not in acts and not any(
                    x.dep_ in ("nsubj", "nsubjpass", "aux") for x in c.children):
                acts.append(c)
    return sorted(acts, key=lambda t: t.i)


def _shared_parties(e: CommitmentMention | None, m: CommitmentMention, act: Token) -> CommitmentMention | None:
    """A second act coordinated under one promising verb with no subject of its own ("Russia pledged to
    supply Syria with missiles and to train Syrian crews") is promised by the same state to the same
    state as the first: the verb's subject promises both. Read on its own, the second act lost them to
    the words of its own phrase (a nationality adjective on its object, "Syrian crews", names whom the
    act is for, not who promises). An act with its own subject ("for Armenia to free two") keeps its
    own parties; a second act that names its own recipient keeps it."""
    if e is None or m.promisor is None or any(c.dep_ in ("nsubj", "nsubjpass") for c in act.children):
        return e
    if e.promisor == m.promisor:
        return e
    promisee = e.promisee if e.promisee not in (None, m.promisor) else m.promisee
    return dataclasses.replace(e, promisor=m.promisor, promisee=promisee)


def _bound_party(view: SentenceView, trigger: Token, action: Token) -> str | None:
    """The state an agreement binds by a verb of object control hung on the agreement noun: "signed a pact
    committing Italy to billions in investment", "signed an agreement obliging Pakistan to start building"
    (the parser often hangs the infinitive on "signed"). The bound state, named as the binding verb's
    object before the act, promises; the signers' subject (often both states) does not decide. None when
    no such verb binds a named state."""
    reach = {t.i for t in trigger.subtree}
    for t in trigger.subtree:
        if t.lemma_.lower() not in BINDING_VERBS or t.pos_ != "VERB" or t.i == trigger.i or t.i > action.i \
                or t.dep_ not in ("acl", "relcl") or t.head.lemma_.lower() not in CONTRACT_NOUNS | AGREEMENT_HEADS \
                and t.head.pos_ != "PROPN":
            continue
        obj = next((c for c in t.children if c.dep_ == "dobj" and c.i in reach), None)
        found = sx.country_of_np(obj, view.countries, 1) if obj is not None else []
        if len(found) == 1:
            return found[0].code
    return None


def _reciprocal(trigger: Token, m: CommitmentMention) -> bool:
    """A promise of several co-subjects that each owes the others: a relation between them ("Armenia and
    Turkey signed protocols committing them to set up diplomatic relations") or a promise worded as mutual
    ("both countries vowed that peace between them would be permanent"). Not goods one side supplies."""
    head = (m.object or "").split()[-1:] or [""]
    word = head[0].lower()
    if word in RELATION_NOUNS or word.endswith("s") and word[:-1] in RELATION_NOUNS:
        return True
    doc = trigger.doc
    lo, hi = trigger.left_edge.i, trigger.right_edge.i + 1
    return bool(RECIPROCAL_MARK.search(doc[lo:hi].text))


def _allies_of(view: SentenceView, subj: Token) -> tuple[str, str | None] | None:
    """(owner, ally) when the subject is a state's friends named through their owner: "Egypt's Gulf Arab
    allies promised $12 billion", "Kenya's Saudi backers pledged". The owner receives the promise; the
    ally is a state named among the subject's own modifiers, else left for the sentence and the article."""
    if subj.lemma_.lower() not in ALLY_NOUNS or subj.pos_ != "NOUN":
        return None
    poss = next((c for c in subj.children if c.dep_ == "poss" and c.pos_ == "PROPN"), None)
    owner = sx.country_of_np(poss, view.countries, 1) if poss is not None else []
    if len(owner) != 1:
        return None
    mods = [m.code for c in subj.children if c.dep_ in ("amod", "compound", "appos", "npadvmod")
            for m in sx.country_of_np(c, view.countries, 1) if m.code != owner[0].code]
    return owner[0].code, (mods[0] if mods else None)


#: Verbs of handing something over: with "from A to B" the giver and the receiver are both written out.
HANDOVER_VERBS = frozenset({"hand", "transfer", "cede", "return", "give", "deliver", "supply", "send", "ship",
                            "export", "sell", "pass"})


def _from_to(view: SentenceView, action: Token) -> tuple[str, str] | None:
    """(giver, receiver) of a hand-over that names both: "the agreement to hand the islands from Egypt to
    Saudi Arabia" is Egypt's promise to Saudi Arabia, whoever signs or strikes the agreement down. None
    unless one state follows "from" and another "to" on the verb itself."""
    if action.lemma_.lower() not in HANDOVER_VERBS:
        return None

    def after(word: str) -> list[str]:
        return [f.code for c in action.children if c.dep_ in ("prep", "dative") and c.lower_ == word
                for p in c.children if p.dep_ == "pobj" for f in sx.country_of_np(p, view.countries, 1)]

    givers, receivers = after("from"), after("to")
    if len(givers) != 1 or len(receivers) != 1 or givers[0] == receivers[0]:
        return None
    return givers[0], receivers[0]


def _own_clauses(trigger: Token) -> list[Token]:
    """Clauses coordinated with the trigger, or with the clause it governs, that have a subject of their
    own: "..., and Qatar pledged $1 billion", "the pact provides that A will cut tariffs and B will lift
    its quotas". Each is a promise of its own subject, found when the loop reaches its verb, so the
    trigger must not swallow it."""
    heads = [trigger]
    inner = _action_of(trigger)
    if inner is not None and inner.dep_ in ("ccomp", "xcomp", "relcl", "advcl"):
        heads.append(inner)
    return [c for h in heads for c in h.children if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX")
            and (any(cc.dep_ in ("nsubj", "nsubjpass") for cc in c.children) or sx.stray_subject(c) is not None)]


def _first_object(doc, mention, action: Token) -> bool:
    """A state's name right after the verb, before the thing ("grant Ethiopia access", "give Ukraine
    tanks"), is the first of two objects, the one who receives, though the parser reads it as a
    modifier of the thing; a maker is written as an adjective ("Russian gas", "US-made jets")."""
    return mention.start == action.i + 1 and doc[mention.start].pos_ == "PROPN" and action.pos_ == "VERB"


def _describes_deal(clause: Token) -> bool:
    """A past participle hung on an agreement noun ("a ceasefire brokered by France", "the accord signed in
    1995", "a truce mediated by Qatar") tells how the agreement came about, not what it binds anyone to:
    it is never the promised act, and its agent (a mediator, a witness) is never a party of the promise."""
    return clause.dep_ == "acl" and clause.tag_ == "VBN" and not any(
        c.dep_ in ("nsubj", "nsubjpass") for c in clause.children)


def _kept_deal(view: SentenceView, act: Token):
    """"vowed to comply with the deal", "agreed to respect the peace accord": an agreement named only by its
    kind, kept; its key is the head noun with its compounds ("deal", "peace accord"), as an outcome on it
    ("Iran breached the deal") is keyed, so that the two meet. Only with a verb of keeping."""
    from trustledger.commitments.aliases import ObjectMention

    if act.lemma_.lower() not in KEEP_VERBS:
        return None
    heads = [c for c in act.children if c.dep_ == "dobj"]
    heads += [p for c in act.children if c.dep_ == "prep" and c.lower_ in ("by", "with", "to")
              for p in c.children if p.dep_ == "pobj"]
    heads = [next((p for c in h.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children
                   if p.dep_ == "pobj"), h) if h.lemma_.lower() in PART_OF_DEAL else h for h in heads]
    for h in heads:
        if h.lemma_.lower() in AGREEMENT_HEADS and h.pos_ == "NOUN":
            key = " ".join(t.lemma_.lower() if t.i == h.i else t.lower_ for t in h.subtree
                           if t.i == h.i or t.dep_ == "compound" and t.i < h.i)
            return ObjectMention(h.i, h.i + 1, key, h.text, True, "agreement")
    return None


def _gives_to(verb: Token, view: SentenceView) -> bool:
    """"Moscow guaranteed Minsk a reliable supply of oil", "the accord guarantees Ukraine a loan": a verb of
    assuring with a state as its indirect object and a thing as its direct object promises the thing to
    the state, as "promised Minsk oil" does."""
    return any(c.dep_ in ("dative", "iobj") and sx.country_of_np(c, view.countries) for c in verb.children) and any(
        c.dep_ == "dobj" and c.pos_ in ("NOUN", "PROPN", "NUM") and not sx.country_of_np(c, view.countries)
        for c in verb.children)


def _relative_gap(view: SentenceView, trigger: Token, action: Token):
    """"The submarines that Germany agreed to sell to Egypt", "the jets, which Russia promised to deliver":
    in a relative clause the promised thing is the noun the clause describes (the act's object is the
    relative pronoun or left out)."""
    if trigger.dep_ != "relcl" or trigger.head.pos_ not in ("NOUN", "PROPN"):
        return None
    if any(c.dep_ == "dobj" and c.pos_ != "PRON" for c in action.children):
        return None  # the act has an object of its own ("the deal under which Russia will sell jets")
    known = next((o for o in view.qualified() if view.span.doc[o.start:o.end].root.i == trigger.head.i), None)
    # the clause itself says which thing is meant: a generic head ("the submarines") needs no earlier name
    return known or view.fallback_object_np(trigger.head) or _modifier_object(view, trigger.head)


def _verb_read_as_noun(tok: Token) -> bool:
    """"The accord obliges/NOUN Chile to compensate Bolivia": a verb of the third person the tagger read as a
    plural noun, known by the subject and the object it governs as the sentence's main verb."""
    if not (tok.pos_ == "NOUN" and tok.lower_.endswith("s") and tok.dep_ == "ROOT"):
        return False
    if any(c.dep_ == "nsubj" for c in tok.children) and any(c.dep_ == "dobj" for c in tok.children):
        return True
    # "The treaty obliges/NOUN Chile to compensate": the agreement read as a compound before the "noun", the
    # party bound as its apposition, and the act as a to-infinitive under it
    return any(c.dep_ == "compound" and c.i < tok.i and c.lemma_.lower() in CONTRACT_NOUNS | AGREEMENT_HEADS
               for c in tok.children) and any(c.dep_ == "appos" and c.i > tok.i for c in tok.children) and any(
        c.dep_ == "advcl" and c.pos_ == "VERB" and _to_infinitive(c) for c in tok.children)


#: Verbs that state a stance again, as a commitment of the one who states it ("reaffirmed their respect for
#: each other's sovereignty"); the verbs of promising themselves are read with the promising verbs.
AFFIRM_VERBS = frozenset({"reaffirm", "restate", "reiterate", "affirm", "renew", "confirm"})


def _respect_of(verb: Token) -> Token | None:
    """The noun "respect" a verb of stating governs with what is respected after "for" ("restated their
    respect for each other's territorial integrity"): a promise to respect it stated as a noun."""
    for c in verb.children:
        if c.dep_ == "dobj" and c.pos_ == "NOUN" and c.lemma_.lower() == "respect" and any(
                p.dep_ == "prep" and p.lower_ == "for" for p in c.children):
            return c
    return None


def _own_thing_makers(view: SentenceView, action: Token) -> set[str]:
    """States named only as the origin of a thing the promisor already holds ("to take apart its
    Russian-model reactors", "to scrap their Soviet-built tanks"): the thing is the promisor's own ("its",
    "their"), so the state that made it is no party to the promise, neither its giver nor its receiver."""
    doc = view.span.doc
    out: set[str] = set()
    for c in action.children:
        if c.dep_ in ("dobj", "nsubjpass") and any(p.dep_ == "poss" and p.pos_ == "PRON" and p.lower_ in (
                "its", "their") for p in c.children):
            reach = {t.i for t in c.subtree if t.i < c.i}
            out |= {m.code for m in view.countries if m.start in reach and doc[m.end - 1].dep_ in (
                "amod", "compound", "npadvmod", "nmod")}
    return out


def _to_infinitive(verb: Token) -> bool:
    """A verb with its own "to": "to build", "for Russia to build"."""
    return any(a.dep_ == "aux" and a.lower_ == "to" for a in verb.children)


def _scheduled(verb: Token) -> Token | None:
    """The act of a "be to" clause ("under which Russia is to supply gas", "the consortium is to build"):
    the infinitive is what is due, "is" only schedules it."""
    if verb.lemma_.lower() != "be":
        return None
    return next((c for c in verb.children if c.dep_ == "xcomp" and c.pos_ == "VERB" and _to_infinitive(c)), None)


def _acts_as_verb(tok: Token) -> bool:
    """A word used as a verb: tagged so, or a word the tagger read as an adjective or noun that governs a
    direct object ("will move the funds and free several jailed citizens": "free" tagged ADJ with
    "citizens" as its object), so that a coordinated act is not lost to a tagging slip."""
    return tok.pos_ == "VERB" or tok.pos_ in ("ADJ", "NOUN") and any(c.dep_ == "dobj" for c in tok.children)


def _siblings_thing(action: Token, start: int) -> bool:
    """Whether a thing named at token `start` belongs to the act that `action` is coordinated with, not to
    `action` ("will move the frozen funds and free the jailed citizens": the funds are not a term of the
    release)."""
    return action.dep_ == "conj" and start not in {t.i for t in action.subtree} and \
        start in {t.i for t in action.head.subtree}


def _own_amount(view: SentenceView, action: Token) -> str | None:
    """The sum a promise names. The sentence's sum, except for the second of two coordinated acts, which
    names only a sum in its own words ("will move $6 billion in frozen assets and free several jailed
    citizens": the release is not a promise of $6 billion, and a sum shared would make the two one
    promise in linking; "to deposit $3 billion and to supply oil worth up to $3 billion": its own)."""
    if action.dep_ != "conj":
        return view.amount()
    own = [t for t in action.subtree if t.i > action.head.i]
    return amount_in(view.span.doc[own[0].i:own[-1].i + 1].text) if own else None


#: Nouns of a contract that, named with the thing it is for, state the supplier's promise.
DEAL_FOR_NOUNS = frozenset({"contract", "deal", "order", "agreement"})
#: Words that make a deal only wished for or talked of, not made.
DEAL_HEDGES = frozenset({"possible", "potential", "proposed", "prospective", "draft", "mooted", "planned",
                         "future", "rumoured", "rumored"})


def _known_in(view: SentenceView, tok: Token):
    """The known object (alias table) named inside a token's phrase, or None."""
    inside = {t.i for t in tok.subtree}
    return next((o for o in view.qualified() if o.start in inside), None)


def _modifier_object(view: SentenceView, tok: Token):
    """The thing a noun modifier names ("the submarine deal", "the grain agreement") as an open object."""
    from trustledger.commitments.aliases import ObjectMention
    from trustledger.commitments.objects import class_of, np_key

    found = np_key(tok, view.country_tokens)
    if found is None or found[1] == "money":
        return None
    return ObjectMention(tok.i, tok.i + 1, found[0], tok.text, False, class_of(found[0]))


#: Nouns of a state's relation to another ("its neighbour"): the other state of the article's pair.
OTHER_SIDE_NOUNS = frozenset({"neighbour", "neighbor", "partner", "counterpart"})
#: Nouns of a state's friends: "Egypt's Gulf allies promised $12 billion" is the allies' promise to Egypt,
#: never Egypt's own (general English).
ALLY_NOUNS = frozenset({"ally", "backer", "friend", "supporter", "patron", "donor", "creditor", "lender",
                        "benefactor", "sponsor", "partner", "neighbour", "neighbor"})
#: Nouns of a party that can be bound to act ("the pact commits the two sides to ...").
PARTY_NOUNS = {"side", "country", "government", "party", "state", "nation", "signatory"}
#: Acts of opening: "agreed to open four border crossings" is a promise to act, though a border respected
#: is a promise to refrain.
OPENING_ACTS = {"open", "reopen"}
#: Verbs of promising whose subject does the act even with an object before the infinitive ("Qatar
#: promised Bahrain to restore relations": Qatar restores them), unlike "obliges Peru to return".
SUBJECT_CONTROL = {"promise", "pledge", "vow", "swear", "undertake"}
#: Verbs whose object is the party bound to act ("a pact committing Italy to ...", "an agreement obliging
#: Pakistan to build ...", "the accord required Pakistan to lay ..."): object control, general English.
BINDING_VERBS = frozenset({"commit", "oblige", "obligate", "require", "bind"})
#: Nouns of a relation between parties ("diplomatic relations", "ties", "talks"): set up, restored or held by
#: co-signers, each owes it to the other (the coder's list, general English).
RELATION_NOUNS = words("relation_nouns")
#: Phrases that make a plural subject's promise mutual: "peace between them", "with each other".
RECIPROCAL_MARK = re.compile(r"\b(?:between|among) (?:them|themselves)\b|\beach other\b|\bone another\b", re.I)
#: Verbs of winning a contract: "France won a contract to supply jets" binds the winner to its act.
WIN_VERBS = frozenset({"win", "secure", "clinch", "land", "bag", "obtain"})
#: Verbs by which a state reserves a sum for another ("earmarked", "allocated", a legislature "approved" or
#: "authorized" it); "set aside" below. Only with a sum as object and a state it is for (see _reserved_sum).
RESERVE_VERBS = frozenset({"earmark", "allocate", "approve", "authorize", "authorise", "appropriate", "budget"})


def _reserves(tok: Token) -> bool:
    """A verb of reserving a sum: "earmark", "allocate", "set aside"."""
    if tok.pos_ != "VERB":
        return False
    lem = tok.lemma_.lower()
    return lem in RESERVE_VERBS or lem == "set" and any(c.lower_ == "aside" for c in tok.children)


#: Verbs of aspect that pass a future on to the act they govern ("will continue to supply", "will keep
#: supplying", "will start delivering"): the act is what is promised.
ASPECT_VERBS = frozenset({"continue", "keep", "start", "begin", "resume", "go"})


def _is_future(tok: Token) -> bool:
    aux = sx.modals(tok)
    if aux & FUTURE_AUX:
        return True
    head = tok.head
    if tok.dep_ == "xcomp" and head is not tok and head.pos_ in ("VERB", "AUX"):
        low = head.lemma_.lower()
        if low == "go" and head.tag_ == "VBG" and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children):
            # "is going to resume deliveries": the colloquial future
            return any(c.dep_ == "aux" and c.lemma_ == "be" for c in head.children)
        if low in ASPECT_VERBS - {"go"} and _is_future(head):
            return True
    # "is to deliver", "are to be built"; not "the goal was to cut exports" (an aim, not an act to come)
    if any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children) and tok.head.lemma_ == "be":
        return not any(c.dep_ == "nsubj" and c.lemma_.lower() in AIM_NOUNS for c in tok.head.children)
    return False


def _held_back_until(tok: Token, view: SentenceView) -> bool:
    """"will not deliver the jets until Ankara pays", "unless the sanctions are lifted", "before the
    elections": a refusal held until something happens, an outcome, not a promise. A term bounded by a
    date ("would not go to court until 2024") is still a promise to refrain until then, and a clause of
    another subject coordinated with this one ("..., and Pakistan would owe nothing until 2024") is not
    this act's condition."""
    other = {t.i for c in tok.children if c.dep_ == "conj" and any(x.dep_ in ("nsubj", "nsubjpass")
                                                                    for x in c.children) for t in c.subtree}
    dated = {i for d in view.dates for i in range(d.start, d.end)}
    for t in tok.subtree:
        if t.i in other or t.lower_ not in ("until", "unless", "before", "till"):
            continue
        objs = [p for p in t.children if p.dep_ == "pobj"]
        if t.dep_ == "mark" or not objs or not any(p.i in dated or p.like_num for p in objs):
            return True
    return False


def _under_deal(tok: Token) -> bool:
    """The act is stated as a term of an agreement: "under the revised agreement, Iran would not take the
    matter to court", "according to the accord, troops will not ...". A term written in the negative is a
    promise to refrain, as much as one written with "pledged not to"."""
    for t in (tok, *list(tok.ancestors)[:2]):
        for c in t.children:
            if c.dep_ == "prep" and c.lower_ in ("under", "according") and any(
                    p.lemma_.lower() in CONTRACT_NOUNS | AGREEMENT_HEADS for p in c.subtree if p.dep_ == "pobj"):
                return True
    return False


def _reported_or_contract(tok: Token, view: SentenceView) -> bool:
    for anc in list(tok.ancestors)[:5]:
        lem = anc.lemma_.lower()
        if lem in sx.REPORT_VERBS or lem in COMMIT_VERBS:
            return True
        if lem in CONTRACT_NOUNS | PROMISE_NOUNS:
            return True
    low = view.text.lower()
    if re.search(r"\bunder (the|a|an|this|that|which|its)\b|\bwere told\b|\bit was announced\b|"
                 r"\bhas (been )?agreed\b|\baccording to the (contract|agreement|deal)\b", low):
        return True
    return _announced_by_state(tok, view)


#: Verbs by which an agreement itself lays down what a party is to do ("the accord provides for China to buy").
STIPULATE_VERBS = words("stipulate_verbs")


def _deal_subject(verb: Token) -> bool:
    """The verb's subject is an agreement or contract ("the accord provides for ...")."""
    return any(c.dep_ == "nsubj" and c.lemma_.lower() in CONTRACT_NOUNS | AGREEMENT_HEADS for c in verb.children) \
        or verb.dep_ in ("acl", "relcl") and verb.head.lemma_.lower() in CONTRACT_NOUNS | AGREEMENT_HEADS  # "the
    # deal, signed in 2014, called for China to supply": the parser hangs the verb on its subject


#: Words of a state's freedom or mood to act, not its will: "had the right to sell", "reluctant to give up".
STANCE_WORDS = {"right", "reluctant", "free", "able", "unable", "entitle", "allow", "permit", "consider", "weigh"}


def _own_object_of(view: SentenceView, verb: Token):
    """The thing a verb itself governs (its object, or a "with"/"to" thing): a known object inside those
    phrases, else the open-vocabulary object of the phrase."""
    heads = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    heads += [p for c in verb.children if c.dep_ == "prep" and c.lower_ in ("with", "of")
              for p in c.children if p.dep_ == "pobj"]
    for h in heads:
        inside = {t.i for t in h.subtree}
        named = [o for o in view.objects if o.start in inside and not o.generic]
        if named:
            return min(named, key=lambda o: o.start)
        got = view.fallback_object_np(h)
        if got is not None:
            return got
    for x in (c for c in verb.children if c.dep_ == "xcomp" and c.pos_ == "VERB"):
        return _own_object_of(view, x)  # "planned to sell eight F-16s": the act's own thing
    return None


def _sees_act(verb: Token) -> bool:
    """"The deal will see Russia supply India": "see" lays down a term only with an act that has its own
    doer ("X supply"), not with a thing ("the accord saw heavy criticism")."""
    return any(c.dep_ in ("ccomp", "xcomp") and c.pos_ == "VERB" and any(x.dep_ == "nsubj" for x in c.children)
               or c.dep_ == "dobj" and any(t.pos_ == "VERB" for t in c.subtree)  # ("Russia supply India" as one NP)
               for c in verb.children)


#: Nouns of time: "by next week" after a passive is a deadline, not the agent.
TIME_NOUNS = words("time_nouns")
#: Nouns of an aim: "the goal was to cut exports" states a purpose, not a commitment.
AIM_NOUNS = words("aim_nouns")
#: Nouns of a business: the party named so that a state signs a contract with supplies ("a German firm").
FIRM_NOUNS = words("firm_nouns")
#: What a state holds as a state: "A, B and C guaranteed D's borders" promises D that they will not attack it.
SOVEREIGNTY_NOUNS = words("sovereignty_nouns")
#: Verbs of keeping an agreement: "will honour its contract to provide spares" promises the contract's act,
#: "agreed to abide by the accord" the accord itself.
KEEP_VERBS = words("keeping_verbs")
#: Verbs whose object is an agreement to be made or kept ("agreed to sign the protocol", "to abide by the accord").
AGREEMENT_ACTS = KEEP_VERBS | {"sign", "ratify", "join", "accept", "conclude", "accede"}
#: Participles of being bound, parsed as adjectives: "remained committed to the deal to buy", "is obliged to".
BOUND_ADJ = {"committed", "obliged", "obligated", "bound", "pledged"}
#: Nouns of a party's part in an agreement ("its participation in the deal").
ROLE_NOUNS = words("role_nouns")
#: Acts that, done to an agreement or one's part in it, end or break it rather than promise anything.
OUTCOME_ON_DEALS = {"suspend", "end", "halt", "stop", "cease", "freeze", "cancel", "leave", "withdraw", "move"}
#: Acts of shutting down something of one's own ("will close the test site"): promises to all, like halting.
HALT_ACTS = {"close", "dismantle", "destroy"}
#: Future acts kept by holding back ("will respect Somalia's sovereignty", "will halt the tests"): the
#: verbs of refraining other than those of keeping to something, with respecting and the plain halts.
HOLDING_BACK = frozenset(REFRAIN_VERBS - KEEP_VERBS | {"respect", "halt", "stop", "end", "cease"})
#: Words that make a future sentence a forecast by others, not a state's announced act.
FORECAST = re.compile(r"\b(analysts?|experts?|observers?|forecasts?|predict\w*|projected|likely|unlikely|"
                      r"probably|expected|estimates?|could|might|may)\b", re.I)


#: People who foretell what a state will do; what they say it will do is no promise of the state.
FORECASTERS = {"analyst", "expert", "observer", "economist", "commentator", "pundit", "forecaster", "critic"}


def _exchanged_for(action: Token) -> Token | None:
    """The people an exchange gives back in return: "swap 380 Iranian prisoners for 5,592 Iraqis",
    "hand over 50 soldiers in exchange for 50 Russian prisoners" (the for-phrase of a verb of freeing,
    or of its "in exchange / in return" phrase)."""
    if action.lemma_.lower() not in FREEING_VERBS:
        return None
    preps = [c for c in action.children if c.dep_ == "prep" and c.lower_ == "for"]
    for c in action.children:
        if c.dep_ == "prep" and c.lower_ == "in":
            preps += [q for p in c.children if p.dep_ == "pobj" and p.lemma_.lower() in ("exchange", "return")
                      for q in p.children if q.dep_ == "prep" and q.lower_ == "for"]
    return next((p for c in preps for p in c.children if p.dep_ == "pobj"), None)


def _passive_transfer_to_state(tok: Token, view: SentenceView) -> bool:
    """"Three more vessels are to be given to Tripoli", "the rest will be handed over to Poland": a
    scheduled transfer told in the passive names its receiver, not its giver; with the receiver a state,
    it is the giver's announced term as much as "Italy is to give three more vessels" (the giver comes
    from the report's pair, as for any party a sentence leaves out)."""
    if tok.lemma_.lower() not in TRANSFER_VERBS | FREEING_VERBS:
        return False
    back = _exchanged_for(tok)  # "380 Iranians would be swapped for 5,592 Iraqis": an exchange between states
    if back is not None and sx.country_of_np(back, view.countries):
        return True
    for c in tok.children:
        if c.dep_ in ("prep", "dative") and c.lower_ == "to":
            if any(sx.country_of_np(p, view.countries) for p in c.children if p.dep_ == "pobj"):
                return True
    return False


def _announced_by_state(tok: Token, view: SentenceView) -> bool:
    """"Britain is to transfer 14 tanks to Ukraine", "North Korea will stop nuclear testing": a state
    (or its government) as the subject of a future act of giving, sending or halting is the state's
    announced commitment even when no verb of saying frames it; a forecast ("analysts expect ...",
    "exports will likely fall") is not, nor is a clause inside a question or a condition."""
    subj = sx.subject_of(tok)
    passive = any(c.dep_ == "auxpass" for c in tok.children) and _passive_transfer_to_state(tok, view)
    if not passive and (subj is None or subj.dep_ == "nsubjpass" or not sx.country_of_np(subj, view.countries)):
        return False
    if FORECAST.search(view.text) or view.text.rstrip().endswith("?"):
        return False
    if sx.is_conditional(tok):
        return False
    if passive:
        return True  # the receiver is named: the giver's own-plan test below needs a subject it lacks
    # a state's own plans ("China will build more coal plants") promise nothing to anyone: another state
    # must be named, or the act be one of holding back ("will stop nuclear testing", "will suspend")
    own = {f.code for f in sx.country_of_np(subj, view.countries)}
    return tok.lemma_.lower() in REFRAIN_VERBS | HALT_ACTS or any(c not in own for c in view.codes())



def _object_for(view: SentenceView, act: Token, prefer_after: bool = True):
    """What the action promises: a known object (alias table) inside the action's own phrase, else the
    noun phrase the action governs (open vocabulary), else a known object elsewhere in the clause."""
    known = view.object_near(act, prefer_after=prefer_after)
    reach = {t.i for t in act.subtree}
    if known is not None and known.start in reach:
        return known
    return view.fallback_object(act) or known


#: Words that open a condition: what a condition names is not what is promised.
CONDITION_MARKS = {"if", "unless", "provided", "once", "until", "when", "after"}


def _np_named(view: SentenceView, trigger: Token, key: str | None) -> Token | None:
    """The head of the noun phrase under the trigger whose open-vocabulary key is `key`."""
    from trustledger.commitments.objects import np_key

    if not key:
        return None
    covered = view.country_tokens
    for t in trigger.subtree:
        if t.pos_ in ("NOUN", "PROPN") and t.dep_ in ("dobj", "pobj", "nsubjpass", "conj", "appos"):
            got = np_key(t, covered)
            if got is not None and got[0] == key:
                return t
    return None


def _direct_object(view: SentenceView, act: Token):
    """The thing the act's own direct object names ("will free 18 soldiers ... provided the truce lasts":
    the soldiers), when a known object named elsewhere in the clause (the truce of a condition) would
    otherwise be taken; None when the direct object names nothing or holds a known object itself."""
    dobj = next((c for c in act.children if c.dep_ == "dobj"), None)
    if dobj is None:
        return None
    # a condition ("if the truce holds", "provided the truce lasts"), wherever the parser hangs it
    conditions = {t.i for v in view.span if any(c.dep_ == "mark" and c.lower_ in CONDITION_MARKS
                                                  for c in v.children) or v.lower_ == "provided" and v.i > act.i
                  for t in v.subtree}
    inside = {t.i for t in dobj.subtree} - conditions
    if any(o.start in inside for o in view.objects):
        return None  # the alias table knows the phrase: object_near finds it
    known = view.object_near(act)
    # "will move $6 billion in frozen assets and free several jailed citizens": the known thing belongs to
    # the first of two coordinated acts; the second act's own object is what it promises
    sibling = act.dep_ == "conj" and known is not None and known.start not in {t.i for t in act.subtree} and \
        known.start in {t.i for t in act.head.subtree}
    if known is None or known.start not in conditions and not sibling:
        return None
    from trustledger.commitments.aliases import ObjectMention
    from trustledger.commitments.objects import class_of, np_key

    found = np_key(dobj, view.country_tokens)
    if found is None or found[1] == "money":
        return None
    return ObjectMention(dobj.i, dobj.i + 1, found[0], dobj.text, False, class_of(found[0]))


#: Nouns of the parts of an agreement: keeping "the terms of the accord" keeps the accord.
PART_OF_DEAL = {"term", "terms", "provision", "clause", "condition", "letter", "spirit"}


def _agreement_object(view: SentenceView, tok: Token):
    """The agreement a verb signs, accepts or reaches, as an object: its proper name ("New START",
    "the Geneva accords") or its kind ("ceasefire", "truce"), with the objects that name it."""
    from trustledger.commitments.aliases import ObjectMention

    cands = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
    # "agreed to a truce", "on a deal"; "abide by the accord", "comply with the agreement"
    cands += [p for c in tok.children if c.dep_ == "prep" and c.lower_ in ("to", "on", "by", "with")
              for p in c.children if p.dep_ == "pobj"]
    # "abide by the terms of the Algiers Agreement": the agreement whose terms are kept
    cands = [next((p for c in h.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children
                   if p.dep_ == "pobj"), h) if h.lemma_.lower() in PART_OF_DEAL else h for h in cands]
    for head in cands:
        thing = _thing_modifier(head)
        if thing is not None:
            return thing
        whole = _hyphenated(head)  # "cease-fire" split by the tokenizer into "cease", "-", "fire"
        if head.lemma_.lower() in CONTRACT_NOUNS and head.dep_ in ("dobj", "nsubjpass"):
            # "signed a $1 billion contract for the supply of five corvettes", "signed a deal with Paris for
            # twelve submarines": what the contract is for, after the noun or after the verb
            fors = [p for h in (head, tok) for c in h.children if c.dep_ == "prep" and c.lower_ == "for"
                    for p in c.children if p.dep_ == "pobj"]
            got = next((g for p in fors for g in [view.fallback_object_np(p) or _known_in(view, p)]
                        if g is not None and category_of(g.object) in THING_CLASSES), None)
            if got is not None:
                return got
        if head.lemma_.lower() not in AGREEMENT_HEADS and whole not in AGREEMENT_HEADS and not any(
                t.lower_ in REFRAIN_AGREEMENTS for t in head.subtree if t.i <= head.i):
            continue
        if whole in REFRAIN_AGREEMENTS:
            return ObjectMention(head.i, head.i + 1, "ceasefire" if whole == "cease-fire" else whole, head.text,
                                 False, "agreement")
        known = [o for o in view.objects if o.start in {t.i for t in head.subtree} and not o.generic]
        if known:
            return known[0]
        covered = view.country_tokens
        names = [t for t in head.subtree if t.i < head.i and t.i not in covered and (
            t.pos_ == "PROPN" or t.lower_ in REFRAIN_AGREEMENTS or t.text[:1].isupper() and t.i > head.sent.start)]
        words = [t.lower_ for t in names] + [head.lemma_.lower()]
        if head.lemma_.lower() in ("deal", "agreement", "arrangement", "declaration", "framework", "contract",
                                   "accord", "pact", "memorandum", "protocol") and not names:
            # "a deal for Russian gas exports": what the deal is for; "a deal to ...": the governed action
            for c in head.children:
                if c.dep_ == "prep" and c.lower_ in ("for", "on"):
                    for p in c.children:
                        got = view.fallback_object_np(p) if p.dep_ == "pobj" else None
                        if got is None and p.dep_ == "pcomp" and p.pos_ == "VERB":
                            # "a protocol on establishing diplomatic relations": what the act is done to
                            got = _act_object(view, p) or next(
                                (g for d in p.children if d.dep_ == "dobj"
                                 for g in [view.fallback_object_np(d) or _known_in(view, d)] if g is not None), None)
                        if got is not None:
                            return got
            mods = [t.lower_ for t in head.children if t.dep_ == "amod" and t.i < head.i and t.pos_ == "ADJ"
                    and t.lower_ not in SOFT_ADJ - {"additional", "optional"}]
            if mods and head.lemma_.lower() in ("protocol", "framework", "declaration", "memorandum"):
                # "sign the additional protocol", "a comprehensive framework": the kind of agreement names it
                return ObjectMention(head.i, head.i + 1, " ".join([*mods, head.lemma_.lower()]), head.text, False,
                                     "agreement")
            return None
        key = " ".join(words).replace("cease-fire", "ceasefire")
        return ObjectMention(head.i, head.i + 1, key, head.text, False, "agreement")
    return None


#: Classes of things a deal can be for: "a submarine deal" promises a submarine, "a trade deal" no thing.
THING_CLASSES = ("weapon", "plant", "energy", "material", "technology")


def _thing_modifier(head: Token):
    """"signed a submarine deal", "the $400 million frigate contract": a contract or deal named by the thing
    it is for (a modifier of a known class of things) promises that thing."""
    from trustledger.commitments.aliases import ObjectMention
    from trustledger.commitments.objects import class_of

    if head.lemma_.lower() not in CONTRACT_NOUNS | AGREEMENT_HEADS:
        return None
    for c in head.children:
        if c.dep_ in ("compound", "amod") and c.i < head.i and c.pos_ in ("NOUN", "ADJ") \
                and class_of(c.lemma_.lower()) in THING_CLASSES:
            return ObjectMention(c.i, c.i + 1, c.lemma_.lower(), c.text, False, class_of(c.lemma_.lower()))
    return None


def _hyphenated(tok: Token) -> str:
    """The whole hyphenated word a token ends ("cease", "-", "fire" → "cease-fire"), else its lemma."""
    doc = tok.doc
    if tok.i >= 2 and doc[tok.i - 1].text == "-" and not doc[tok.i - 1].whitespace_ and \
            not doc[tok.i - 2].whitespace_:
        return f"{doc[tok.i - 2].lower_}-{tok.lower_}"
    return tok.lemma_.lower()


MONEY_OBJECTS = word_map("money_objects")
#: Nouns that, governed by the promised act, name what the promise is about ("hold talks", "restore relations").
ACT_COMPLEMENTS = words("act_complements")
#: Words that end the phrase of an act when it is written out as what was promised.
_ACT_PHRASE_ENDS = {"advcl", "relcl", "acl", "conj", "cc", "mark", "punct", "ccomp", "xcomp", "parataxis"}


def _act_phrase(act: Token, covered: frozenset[int]) -> str:
    """The act written out with its own complements ("compensate Namibia", "hold talks on water"), at most
    eight words after the verb and none of a clause it governs."""
    drop: set[int] = set()
    for c in act.children:
        if c.dep_ in _ACT_PHRASE_ENDS or c.dep_ in ("aux", "neg", "nsubj", "nsubjpass", "advmod") or c.i < act.i:
            drop.update(t.i for t in c.subtree)
    tail = [t for t in act.subtree if t.i > act.i and t.i not in drop and t.dep_ not in ("det", "poss")]
    words_ = [act.lemma_.lower(), *(t.text if t.i in covered else t.lower_ for t in tail[:8])]
    return " ".join(words_)


def _act_object(view: SentenceView, act: Token):
    """What a promise to do something that hands over no thing is about, when English names it by the
    noun the act governs: "agreed to hold talks", "to restore diplomatic relations", "to grant inspectors
    access", "would not take the matter to any international court" (data/words/act_complements). Without
    a thing to name it such a promise was lost, though it is as much a promise as one to deliver; the
    phrase of the act is its reading ("hold talks on water"). None for any other act: a promise named
    only by its verb ("agreed to consider", "to compensate Namibia") is left out (tried: naming it by
    the verb's noun added entries on both dev folds and found none)."""
    from trustledger.commitments.aliases import ObjectMention

    covered = view.country_tokens
    comps = [c for c in act.children if c.dep_ in ("dobj", "nsubjpass")]
    comps += [p for c in act.children if c.dep_ == "prep" and c.lower_ in ("by", "to", "from", "on", "with", "in")
              for p in c.children if p.dep_ == "pobj"]
    for c in comps:
        if c.i in covered or c.pos_ != "NOUN" or c.lower_ not in ACT_COMPLEMENTS:
            continue
        mods = [t for t in c.children if t.i < c.i and t.i not in covered and (
            t.dep_ == "compound" and t.pos_ == "NOUN" or t.dep_ == "amod" and t.pos_ == "ADJ"
            and t.lower_ not in SOFT_ADJ)]
        key = " ".join([*(t.lower_ for t in mods[-2:]), c.lower_])
        return ObjectMention(c.i, c.i + 1, key, _act_phrase(act, covered), False, "act")
    return None


def _money_object(view: SentenceView, action: Token):
    """"agreed to lend Ukraine $600 million": a promise of money with no named object is a loan
    (or an investment, a deposit), so that "the loan was disbursed" can settle it."""
    from trustledger.commitments.aliases import ObjectMention

    key = MONEY_OBJECTS.get(action.lemma_.lower())
    if key is None or not (view.amount() or any(c.dep_ in ("prep", "dobj") for c in action.children)):
        return None
    return ObjectMention(action.i, action.i + 1, key, action.text, False, "money")


def _dates_for(view: SentenceView, trigger: Token, action: Token) -> list:
    """The dates that belong to this commitment: inside the clause of the trigger or the action
    when the sentence holds several clauses, else all the sentence's dates."""
    top = trigger
    while top.dep_ in ("xcomp", "ccomp", "aux", "auxpass", "acomp", "prep", "pobj", "relcl", "acl") \
            and top.head.i != top.i and top.head.pos_ in ("VERB", "AUX", "ADJ", "ADP", "NOUN"):
        if top.head.lemma_.lower() in sx.REPORT_VERBS and top.dep_ == "ccomp":
            break
        top = top.head
        if top.pos_ == "NOUN":
            break
    if trigger.dep_ in ("acl", "amod") and trigger.tag_ == "VBN":
        # "the jets ordered from France arrived on Thursday": a retelling dated by its own words only
        own = {t.i for t in trigger.subtree}
        return [d for d in view.dates if d.start in own]
    sub = {t.i for t in top.subtree} | {t.i for t in action.subtree} | {t.i for t in trigger.subtree}
    inside = [d for d in view.dates if d.start in sub]
    conj_verbs = [t for t in view.span if t.dep_ == "conj" and t.pos_ in ("VERB", "AUX") and t.i not in sub]
    if inside or conj_verbs:
        return inside
    return view.dates


def _promisors_in(view: SentenceView, trigger: Token | None = None) -> set[str]:
    """The states that are subjects of a commitment verb elsewhere in the sentence than `trigger`: in
    "Turkey and the UAE each pledged $200 million, and Qatar pledged $1 billion" all three give, none
    receives (the trigger's own subject may be a minister of the state that is to receive)."""
    out: set[str] = set()
    for t in view.span:
        if t.lemma_.lower() in COMMIT_VERBS and t.pos_ in ("VERB", "AUX"):
            out.update(c.code for c, _ in _gap_donors(view, t))  # "..., Saudi Arabia $500 million"
            if trigger is None or t.i != trigger.i:
                for subj in (c for c in t.children if c.dep_ in ("nsubj", "nsubjpass")):
                    out.update(f.code for f in sx.country_of_np(subj, view.countries))
    return out


GAP_SUM = re.compile(r"^\s*(?:(?:US|U\.S\.)\s?)?[$€£]\s?(?:US\s?)?\d[\d.,]*(?:\s*(?:billion|million|bn|m)\b)?", re.I)


def _gapped(view: SentenceView, trigger: Token, m: CommitmentMention) -> list[CommitmentMention]:
    """"Qatar pledged $1 billion, Saudi Arabia $500 million and Turkey $200 million": after a promise of
    money, each further state followed straight by a sum promised that sum too (the verb left out),
    to the same beneficiary."""
    key = m.object or ""
    if m.promisor is None or not key or category_of(key) != "money" and key[0] not in "$€£":
        return []
    out: list[CommitmentMention] = []
    for c, got in _gap_donors(view, trigger):
        if c.code in (m.promisor, m.promisee):
            continue
        key = re.sub(r"\s+", " ", got.group(0).strip()).replace("US ", "").replace("US$", "$").replace("U.S. ", "")
        out.append(dataclasses.replace(m, promisor=c.code, object=key, what=f"give {key}", terms=[key],
                                       amount=key, implied=m.implied, trigger=f"{m.trigger}:{c.code}"))
    return out


def _dateline_end(d):
    """The last day an article's date may stand for: a date stored as the first of a month may be a
    dateline known only to the month ("November 1999"), so any day of that month is not after it."""
    from trustledger.commitments.timex import period_end

    return period_end(d, "month") if d.day == 1 else d


def _dated_deal(view: SentenceView):
    """The making of the agreement a promise is stated under, when the document dates it elsewhere:
    "A penalty clause in the Gas Sales Purchase Agreement obliges Pakistan to pay" in an article that
    says "the agreement Pakistan and Iran signed in 2009". The sentence must name the agreement
    (its head noun, definite, not called new or revised); of several datings of it the earliest wins."""
    from trustledger.commitments.sentence import LATER_WORDS, deal_names, deal_noun_of

    if not view.ctx.deal_dates:
        return None
    best = None
    for tok in view.span:
        noun = deal_noun_of(tok) if tok.pos_ in ("NOUN", "PROPN") else None
        if noun is None or noun.i != tok.i:
            continue
        if any(c.lower_ in LATER_WORDS for c in noun.children) or not any(
                c.dep_ in ("det", "poss") and c.lower_ not in ("a", "an") or c.dep_ == "compound"
                for c in noun.children):
            continue  # "a deal", "the new agreement": not the agreement dated before
        names = deal_names(noun)
        for dd in view.ctx.deal_dates:
            if dd.head == noun.lemma_.lower() or names and names & dd.names:
                if best is None or dd.date < best.date:
                    best = dd
    return best


def _unnamed_givers(view: SentenceView, trigger: Token, action: Token) -> bool:
    """"Donors promised $5.4 billion", "Western nations pledged aid": a plural subject that names no state
    is a group the sentence leaves unnamed; the article's other main state is not its promisor."""
    subj = sx.subject_of(action) or sx.subject_of(trigger)
    if subj is None or subj.dep_ != "nsubj" or subj.head.i not in (trigger.i, action.i) or subj.pos_ != "NOUN" \
            or subj.tag_ != "NNS" or sx.country_of_np(subj, view.countries):
        return False  # "the tanks promised by Germany": what was promised, not who promised
    return not any(c.lower_ in ("two", "both") for c in subj.children)


#: Verbs of a purpose that name who the promise helps ("$5 billion to help rebuild Gaza").
AID_VERBS = {"help", "rebuild", "reconstruct", "support", "aid", "assist", "stabilise", "stabilize", "develop",
             "prop", "bolster", "finance", "fund"}


def _aided_state(view: SentenceView, action: Token) -> str | None:
    """The state a purpose clause of the promise helps: "pledged $5.4 billion to help rebuild Gaza",
    "gave $30 million to prop up Kyrgyzstan's budget" (the object of the purpose verb, or its owner)."""
    for t in action.subtree:
        if t.pos_ != "VERB" or t.lemma_.lower() not in AID_VERBS or t.i == action.i or \
                t.dep_ not in ("advcl", "xcomp", "acl", "relcl"):
            continue
        # "to help strengthen the Lebanese army": the object of the verb the aid verb governs
        for v in (t, *(c for c in t.children if c.dep_ in ("xcomp", "ccomp", "conj") and c.pos_ == "VERB")):
            state = _object_state(view, v)
            if state:
                return state
    return None


def _object_state(view: SentenceView, verb: Token) -> str | None:
    """The state the verb's direct object names or belongs to ("rebuild Gaza", "free five Americans")."""
    for c in verb.children:
        if c.dep_ == "dobj":
            found = sx.country_of_np(c, view.countries)
            if found:
                return found[0].code
    return None


def _deal_year(y: re.Match, doc_date) -> int | None:
    """The year of "the 2009 agreement" or "its '86 contract" (the century that puts it before the
    article), when it is not after the article's own year."""
    if doc_date is None:
        return None
    if y.group(1):
        year = int(y.group(1))
    else:
        two = int(y.group(2))
        year = 2000 + two if 2000 + two <= doc_date.year else 1900 + two
    return year if year <= doc_date.year else None


def _gap_donors(view: SentenceView, trigger: Token) -> list[tuple]:
    """States after a promise verb followed straight by a sum ("..., Saudi Arabia $500 million"), with
    the sum's match: co-donors of a list whose verb is left out."""
    doc = view.span.doc
    out = []
    for c in view.countries:
        if c.start <= trigger.i or c.start > 0 and doc[c.start - 1].lower_ in ("to", "for", "from", "of"):
            continue
        tail = doc[c.end:min(c.end + 6, view.span.end)]
        got = GAP_SUM.match(tail.text) if len(tail) else None
        if got is not None:
            out.append((c, got))
    return out


def _guards_sovereignty(verb: Token, view: SentenceView) -> bool:
    """"guaranteeing Ukraine's borders", "assured Finland of its independence": the verb guards what another
    state holds as a state, named with the state (its owner or an "of" phrase)."""
    for c in verb.children:
        heads = [c] if c.dep_ == "dobj" else [p for p in c.children if p.dep_ == "pobj"] \
            if c.dep_ == "prep" and c.lower_ == "of" else []
        for h in heads:
            if h.lemma_.lower() in SOVEREIGNTY_NOUNS or h.lower_ in SOVEREIGNTY_NOUNS:
                if sx.country_of_np(h, view.countries) or any(
                        sx.country_of_np(p, view.countries, 0) for x in h.children if x.dep_ == "prep"
                        and x.lower_ == "of" for p in x.children) or c.dep_ == "prep" and any(
                        d.dep_ == "dobj" and sx.country_of_np(d, view.countries) for d in verb.children):
                    return True
    return False


def _noun_giver(view: SentenceView, noun: Token) -> str | None:
    """The state a promise noun names as its giver: its owner ("Iran's pledge", "China's promise") or its
    "by" phrase ("a pledge by Japan"). In English a promise noun's possessor is who promised."""
    for c in noun.children:
        if c.dep_ == "poss" or c.dep_ == "compound" and c.i < noun.i:
            found = sx.country_of_np(c, view.countries, 0)
            if found:
                return found[0].code
        if c.dep_ == "prep" and c.lower_ == "by":
            found = [f for p in c.children if p.dep_ == "pobj" for f in sx.country_of_np(p, view.countries)]
            if found:
                return found[0].code
    return None


#: Designations and the state whose industry makes them (see data/words/designation_makers.txt).
DESIGNATION_MAKERS = word_map("designation_makers")
_MAKER_PREFIXES = tuple((k, v) for k, v in DESIGNATION_MAKERS.items() if k.endswith("-"))


def designation_maker(key: str | None) -> str | None:
    """The state that makes a thing named by its designation ("s-400", "f-16", "leopard tanks",
    "apr-1400"), from any word of its key: the word itself, or its family prefix ("f-" of "f-16")."""
    for w in (key or "").lower().split():
        if w in DESIGNATION_MAKERS:
            return DESIGNATION_MAKERS[w]
        found = next((v for k, v in _MAKER_PREFIXES if w.startswith(k) and w[len(k):len(k) + 1].isdigit()), None)
        if found is not None:
            return found
    return None


def _maker(view: SentenceView, obj) -> str | None:
    """The state named inside an object's phrase before its head ("the Russian system", "US-made F-16s"):
    the state that makes the thing, and so sells or supplies it. Failing that, the maker of its
    designation ("S-400" is Russian) when the sentence names that state: a designation does not make a
    state that the sentence leaves out a party ("Poland will send Leopards to Ukraine" is Poland's)."""
    head = view.span.doc[obj.start:obj.end].root
    inside = {t.i for t in head.subtree if t.i <= head.i}
    named = next((c.code for c in view.countries if c.start in inside), None)
    if named is not None:
        return named
    made = designation_maker(obj.object)
    return made if made is not None and made in view.codes() else None


def _unnamed_seller(view: SentenceView, obj, buyer: str, dyad: tuple[str, ...]) -> str | None:
    """Who sells what a state ordered when the sentence names no seller ("Brazil ordered the four patrol
    ships in 2012"): the state that makes the thing ("the Russian jets"), else the other state of the
    article's pair when the buyer is one of it (an article about a sale between two states retells its
    order without repeating the seller). None for a thing that is not goods (an order to troops) or when
    nothing names a seller: an order is a promise of the seller only."""
    if category_of(obj.object) not in THING_CLASSES:
        return None
    maker = _maker(view, obj)
    if maker is not None and maker != buyer:
        return maker
    if len(dyad) == 2 and buyer in dyad:
        return next(c for c in dyad if c != buyer)
    return None


def _own_subject_state(view: SentenceView, verb: Token) -> str | None:
    """The state that is the verb's own subject ("for the Lebanese army to buy"), not one inherited."""
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    found = sx.country_of_np(subj, view.countries) if subj is not None else []
    return found[0].code if found else None


def _buyer(view: SentenceView, buy: Token, trigger: Token) -> str | None:
    """Who buys: the state subject of the buying verb, else of the promise ("Turkey remained committed to
    the agreement to buy ...")."""
    for verb in (buy, trigger):
        subj = sx.subject_of(verb)
        found = sx.country_of_np(subj, view.countries) if subj is not None else []
        if found:
            return found[0].code
    return None


#: Verbs of building something that stands somewhere.
BUILD_VERBS = {"build", "construct", "set", "erect", "install", "complete", "finish"}


def _site_state(view: SentenceView, action: Token, obj) -> str | None:
    """The state a thing is built in: a place named where it is built ("set up a plant at Rooppur", "build
    two reactors in Paks") or naming it ("the Bushehr plant")."""
    if obj is None or not view.places:
        return None
    head = view.span.doc[obj.start:obj.end].root
    reach = {t.i for t in action.subtree} | {t.i for t in head.subtree}
    for p in view.places:
        tok = view.span.doc[p.end - 1]
        if p.start not in reach:
            continue
        named = obj.start <= p.start < obj.end or tok.dep_ == "compound" and tok.head.i == head.i
        located = tok.dep_ == "pobj" and tok.head.lower_ in ("at", "in", "near") and tok.head.head.i in (
            head.i, action.i)
        if named or located:
            return p.code
    return None


def _firm_partner(view: SentenceView, verbs: tuple[Token, ...]) -> str | None:
    """The state of a business a contract is signed with ("signed a contract with a German firm", "with
    X Company, a state-owned shipbuilder", "with Gazprom"): what is built or supplied under it is the
    firm's to deliver, so its state (as the resolver reads it) is the promisor, not the buyer."""
    for t in verbs:
        holders = [t, *(c for c in t.children if c.dep_ in ("dobj", "nsubjpass", "pobj")
                        and c.lemma_.lower() in CONTRACT_NOUNS | AGREEMENT_HEADS)]
        for h in holders:
            for c in h.children:
                if c.dep_ != "prep" or c.lower_ != "with":
                    continue
                for p in c.children:
                    if p.dep_ != "pobj":
                        continue
                    # the partner's whole phrase: its conjoined names and appositions ("X Company, or XC,
                    # a state-owned firm")
                    phrase = {t.i for t in p.subtree}
                    found = [f for f in view.countries if f.start in phrase]
                    if found and (any(f.firm for f in found) or any(
                            t.lemma_.lower() in FIRM_NOUNS or t.lower_ in FIRM_NOUNS for t in p.subtree
                            if t.pos_ in ("NOUN", "PROPN"))):
                        return found[0].code
    return None


def _body_recipient(view: SentenceView, verbs: tuple[Token, ...]) -> bool:
    """An international body the promise is made to: the verb's indirect or direct object ("promised the
    UN"), or "to" / "with" it ("pledged to the IAEA", "agreed with the IMF"). Only these: a body named
    elsewhere in the sentence ("at a UN conference", "a loan from the IMF") is not the one promised."""
    for t in verbs:
        for c in t.children:
            if c.dep_ in ("dative", "iobj", "dobj") and sx.mention_at(c, view.bodies) is not None:
                return True
            if c.dep_ == "prep" and c.lower_ in ("to", "with") and any(
                    p.dep_ == "pobj" and sx.mention_at(p, view.bodies) is not None for p in c.children):
                return True
    return False


def _captives_state(view: SentenceView, trigger: Token) -> str | None:
    """The state of the people a promise frees ("to free five jailed Americans" → USA): the nationality
    of the object of the freeing verb under the trigger."""
    action = _action_of(trigger) or trigger
    if action.lemma_.lower() not in RELEASE_VERBS:
        return None
    return _object_state(view, action)


def _speakers(view: SentenceView, trigger: Token) -> set[str]:
    """States of whoever reports the promise ("Sarkozy added that ... will be removed"): the subject of a
    reporting verb above the trigger relays the promise; it neither makes nor receives it."""
    out: set[str] = set()
    for anc in trigger.ancestors:
        if anc.lemma_.lower() in sx.REPORT_VERBS and anc.lemma_.lower() not in COMMIT_VERBS:
            subj = sx.subject_of(anc)
            if subj is not None:
                out.update(f.code for f in sx.country_of_np(subj, view.countries))
    return out


def _date_heading(view: SentenceView):
    """The date of a timeline line that is only a date and a colon ("December 2011:"), which the
    sentence splitter cut from the clause it heads; None for any other sentence."""
    if len(view.dates) != 1 or not view.text.rstrip().endswith(":"):
        return None
    d = view.dates[0]
    rest = [t for t in view.span if not (d.start <= t.i < d.end) and not t.is_punct]
    return d if not rest else None


def _clause_heading(view: SentenceView, tok: Token):
    """A date written before a colon ahead of the clause ("June 30: combat troops have to be out of the
    cities"): in a timeline the date heads what follows it, so an obligation there is owed by that date."""
    doc = view.span.doc
    for d in view.dates:
        if d.end < len(doc) and doc[d.end].text == ":" and d.end < tok.i:
            return d
    return None


class CommitmentFinder:
    """Finds commitment mentions sentence by sentence, carrying context through the document."""

    def __init__(self, ctx: DocContext):
        self.ctx = ctx
        self._heading = None  # a timeline's date line ("December 2011:") heads the clause after it
        self._deal_named = False  # the article has named an agreement, contract or deal so far
        self._last_pair: tuple[str, ...] = ()  # the last two states named together as a clause's subject

    def from_event(self, view: SentenceView, promisor: str, promisee: str, verb: str, lo: int, hi: int
                   ) -> CommitmentMention | None:
        """A promise the event coder read in a sentence where the grammar of promising found none ("it
        planned to sell eight F-16s to Pakistan" is CAMEO 0332, an intent to give military aid): the coded
        event's verb, the thing it governs and the event's own two states. None when the verb governs no
        thing that a promise could be of (an intent to meet or to talk leaves no ledger entry)."""
        tok = next((t for t in view.span if lo <= t.idx < hi and t.lemma_.lower() == verb), None)
        if tok is None:
            return None
        chain = [tok, *(x for x in tok.children if x.dep_ == "xcomp" and x.pos_ == "VERB")]
        if sx.hedged(tok) or any(sx.negated(t) for t in chain) or any(
                t.dep_ in ("relcl", "acl", "pcomp", "pobj", "amod") for t in sx.chain_up(tok)) or any(
                t.lemma_.lower() in BUY_VERBS | STANCE_WORDS for t in (*chain, *tok.ancestors)):
            # "might be reluctant to give up fighters", "had the right to sell", "the advance that Iran had
            # paid", "a plan under which Russia would buy oil" (a purchase is the seller's promise, read by
            # the detector's own rules): no intent of the coder's is a promise there
            return None
        obj = _own_object_of(view, tok)
        if obj is None or obj.generic:
            return None
        m = self._build(view, tok, tok, "deliver", obj)
        if m is None:
            return None
        if {m.promisor, m.promisee} != {promisor, promisee}:
            # the coder's two states; where the sentence's own grammar names the same two the other way round
            # ("Russian officials said they would return the advance": they are the Russians), its direction
            m.promisor, m.promisee, m.implied = promisor, promisee, True
        return m

    def find(self, view: SentenceView) -> list[CommitmentMention]:
        self._heading_before, self._heading = self._heading, _date_heading(view)
        self._deal_named = self._deal_named or any(
            t.lemma_.lower() in AGREEMENT_HEADS | CONTRACT_NOUNS and t.pos_ == "NOUN" for t in view.span)
        out: list[CommitmentMention] = []
        used: set[int] = set()
        for tok in view.span:
            lem = tok.lemma_.lower()
            m = None
            extra: list[CommitmentMention] = []
            if (lem in COMMIT_VERBS and (tok.pos_ in ("VERB", "AUX") or _verb_read_as_noun(tok))
                    or lem in RESOLVING_VERBS and _governs_infinitive(tok)
                    or tok.lower_ in BOUND_ADJ and tok.pos_ == "ADJ" and tok.dep_ == "acomp") and tok.i not in used:
                m = self._commit_verb(view, tok)
                action = _action_of(tok) if m is not None else None
                for other in (_coordinated_acts(tok, action) if action is not None else ()):
                    # "agreed to accept inspections and to suspend enrichment": two promises
                    # "... for Azerbaijan to free 32 servicemen and for Armenia to free two": each
                    # infinitive with its own state as subject is that state's promise
                    if other.pos_ == "VERB" and other.i > action.i and (not any(
                            c.dep_ in ("nsubj", "nsubjpass") for c in other.children) or any(
                            c.dep_ == "aux" and c.lower_ == "to" for c in other.children) and any(
                            c.dep_ == "nsubj" and sx.country_of_np(c, view.countries) for c in other.children)):
                        e = _shared_parties(self._commit_verb(view, tok, other), m, other)
                        if e is not None and (e.object != m.object or e.promisor != m.promisor):
                            extra.append(e)
            elif lem in AFFIRM_VERBS and tok.pos_ == "VERB" and tok.i not in used and _respect_of(tok) is not None:
                m = self._stated_respect(view, tok)  # "the two sides restated their respect for ..."
            elif lem in WIN_VERBS and tok.pos_ == "VERB" and tok.i not in used and any(
                    c.dep_ == "dobj" and c.lemma_.lower() in CONTRACT_NOUNS | DEAL_FOR_NOUNS for c in tok.children):
                m = self._commit_verb(view, tok)  # "France won a contract to supply 36 jets to India"
            elif _reserves(tok) and tok.i not in used:
                m = self._reserved_sum(view, tok)
            elif lem in BUY_VERBS and tok.pos_ == "VERB" and tok.i not in used and \
                    (m := self._bought_under_deal(view, tok)) is not None:
                pass  # "purchased from Sweden under a 1986 contract": the seller's promise
            elif lem in STIPULATE_VERBS and tok.pos_ == "VERB" and tok.i not in used and _deal_subject(tok) and (
                    lem != "see" or _sees_act(tok)):
                m = self._commit_verb(view, tok)  # "the accord provides for China to buy $32 billion of goods"
            elif lem in PROMISE_NOUNS and tok.pos_ == "NOUN":
                m = self._promise_noun(view, tok)
            elif lem in DEAL_FOR_NOUNS and tok.pos_ == "NOUN" and tok.i not in used:
                m = self._deal_for_thing(view, tok)
            elif lem in ("due", "suppose", "schedule", "oblige", "obligate") and tok.i not in used:
                m = self._deadline(view, tok)
            elif tok.i not in used and tok.pos_ in ("VERB", "AUX") and (lem == "have" or any(
                    c.dep_ == "aux" and c.lower_ == "must" for c in tok.children)) and \
                    (m := self._obligation(view, tok)) is not None:
                pass
            elif lem in FUTURE_VERBS and tok.pos_ == "VERB" and _is_future(tok) and tok.i not in used and not (
                    lem in JOURNEY_VERBS and not any(c.dep_ in ("dobj", "nsubjpass") for c in tok.children)):
                m = self._future_action(view, tok)
                for other in (tok.conjuncts if m is not None else ()):
                    # "will stop testing and will close the test site", "will move the funds and free the
                    # prisoners": each coordinated act of the same subject is a promise of its own
                    if other.i > tok.i and _acts_as_verb(other) and other.lemma_.lower() in FUTURE_VERBS and \
                            not any(c.dep_ in ("nsubj", "nsubjpass") for c in other.children):
                        e = self._future_action(view, other)
                        if e is not None and (e.object, e.kind) != (m.object, m.kind):
                            extra.append(e)
            if m is not None:
                own = _own_clauses(tok)
                keep = {t.i for c in own for t in c.subtree}  # "..., and Qatar pledged $1 billion"
                for t in tok.subtree:
                    if t.i not in keep:
                        used.add(t.i)
                split = self._payer_and_supplier(view, tok, m)
                if split is not None:
                    m, supply = split
                    extra += [supply] if supply is not None else []
                extra += _gapped(view, tok, m)
                halves = self._exchange_halves(view, tok, m)
                if halves is not None:  # the people's nationalities settled both halves' parties
                    out.extend(halves)
                group = [*([] if halves else [m]), *self._conjuncts(view, tok, m), *extra]
                for g in group:
                    out.extend(self._coparties(view, tok, g))
        self._last_pair = _subject_pair(view) or self._last_pair
        return self._dedupe(out)

    def _exchange_halves(self, view: SentenceView, trigger: Token, m: CommitmentMention
                         ) -> tuple[CommitmentMention, CommitmentMention] | None:
        """Both halves of an exchange: "Russia will hand over 50 Ukrainian soldiers in exchange for 50
        Russian prisoners" binds Russia to free the Ukrainians and Ukraine to free the Russians, each to
        their own state. The people's nationalities decide who holds whom; a speaker or a co-signer
        named first does not ("Iran said 380 Iranians would be swapped for 5,592 Iraqis": Iraq frees the
        Iranians). Without it a swap was one promise, often in the wrong direction, the other half lost."""
        action = trigger if trigger.lemma_.lower() in FREEING_VERBS else _action_of(trigger)
        back = _exchanged_for(action) if action is not None else None
        if back is None:
            return None
        given = next((c for c in action.children if c.dep_ in ("dobj", "nsubjpass")), None)
        s_given = [c.code for c in sx.country_of_np(given, view.countries)] if given is not None else []
        s_back = [c.code for c in sx.country_of_np(back, view.countries)]
        pair = m.promisor is not None and m.promisee is not None and m.promisor != m.promisee
        if s_given and s_back and s_given[0] != s_back[0]:
            first = (s_back[0], s_given[0])
        elif pair and s_back and s_back[0] in (m.promisor, m.promisee):
            first = (s_back[0], m.promisee if s_back[0] == m.promisor else m.promisor)
        elif pair and s_given and s_given[0] in (m.promisor, m.promisee):
            first = (m.promisee if s_given[0] == m.promisor else m.promisor, s_given[0])
        elif pair:
            first = (m.promisor, m.promisee)
        else:
            return None
        obj = view.nationals([back], view.country_tokens) or \
            view.fallback_object_np(back)
        if obj is None or category_of(obj.object) not in ("people", "troops"):
            return None  # "in exchange for $5 million": a price, not captives given back
        def named(key: str, np: Token | None) -> str:
            # "Iranian prisoners" and "Iraqi prisoners" are two things: each half keeps its people's nationality,
            # so that "released 5,592 Iraqis" later settles its own half, not both
            adj = next((c.lower_ for c in (np.children if np is not None else ()) if c.dep_ in ("amod", "compound")
                        and sx.mention_at(c, view.countries) is not None), None)
            return f"{adj} {key}" if adj and not key.startswith(adj) else key

        mine, theirs = named(m.object or "", given), named(obj.object, back)
        m = dataclasses.replace(m, promisor=first[0], promisee=first[1], object=mine or m.object,
                                terms=[mine] if mine else m.terms)
        return m, dataclasses.replace(m, promisor=first[1], promisee=first[0], object=theirs,
                                      what=f"release {theirs}", terms=[theirs], kind="deliver")

    def _coparties(self, view: SentenceView, trigger: Token, m: CommitmentMention) -> list[CommitmentMention]:
        """Several states as the subject of one promise. Co-signers of a ceasefire, an exchange or any
        promise to refrain bind each other ("Armenia and Azerbaijan agreed to a truce": each promises
        the other); co-signers or co-donors with a third state as beneficiary give one commitment per
        signatory ("Turkey and the UAE each pledged $200 million to Gaza", "A, B and C guaranteed
        D's borders"). A contract between two states keeps its one direction."""
        subj = sx.subject_of(trigger)
        found: list[str] = []
        if subj is not None:
            # "the EU and Japan pledged": a body among the co-donors gives too
            found = [f.code for f in sx.country_of_np(subj, view.parties()) or sx.members_named(
                trigger, view.countries)]
            if not found and subj.lemma_.lower() in ("side", "country", "party", "nation", "government",
                                                     "neighbour", "neighbor", "rival", "foe") and any(
                    c.lower_ in ("two", "both") for c in subj.children) and len(self.ctx.dyad) == 2:
                # "the two sides accepted a ceasefire": the two states last named together as a subject
                # ("Somalia and Ethiopia struck a deal ... the two countries resolved"), else the article's pair
                found = list(self._last_pair or self.ctx.dyad)
        found = list(dict.fromkeys(found))
        if len(found) < 2:
            # one promisor, several promisees ("agreed with Britain, France and Germany to suspend ..."):
            # one commitment per beneficiary
            action = _action_of(trigger) or trigger
            gap = {c.code for c, _ in _gap_donors(view, trigger)}
            rec = list(dict.fromkeys(r.code for t in (trigger, action) for r in sx.recipients(t, view.countries)
                                     if r.code != m.promisor and r.code not in gap))
            if len(rec) >= 2 and m.promisee in rec and m.promisor:
                return [m] + [dataclasses.replace(m, promisee=r, trigger=f"{m.trigger}:{m.promisor}>{r}")
                              for r in rec if r != m.promisee]
            side = self.ctx.counterparts.get(m.promisor or "", ())
            if not rec and m.implied and len(side) >= 2 and m.promisee == side[0]:
                # a promise to the other side of the document's dealings, when that side is a group
                return [m] + [dataclasses.replace(m, promisee=r, trigger=f"{m.trigger}:{m.promisor}>{r}")
                              for r in side[1:]]
            return [m]
        cls = category_of(m.object or "")
        beneficiary = m.promisee if m.promisee not in found else None
        if beneficiary is None:
            # "signed a memorandum guaranteeing Ukraine's borders": a third state in the promise's words
            # (the words after the verb: a clause before it, "released after a meeting of Turkey's
            # president, the two countries resolved to ...", names no beneficiary)
            reach = {t.i for t in trigger.subtree if t.i > trigger.i} - {t.i for t in subj.subtree}
            doc = view.span.doc
            beneficiary = next((c.code for c in view.countries if c.start in reach and c.code not in found
                                and (doc[c.end - 1].dep_ == "poss" or doc[c.end - 1].dep_ == "dobj"
                                     or doc[c.end - 1].dep_ == "pobj" and doc[c.end - 1].head.lower_ in ("to", "of"))),
                               None)
        mutual = beneficiary is None and _reciprocal(trigger, m)
        if beneficiary is None and trigger.lemma_.lower() not in MUTUAL_VERBS and not mutual:
            # co-donors: the promise goes to the state the article is about, not to each other nor to the
            # donors of the next clause ("A and B each pledged $200 million, and C pledged $1 billion");
            # the recipient of the article's last pledge comes first
            donors = set(found) | _promisors_in(view)
            last = [self.ctx.last_promisee] if self.ctx.last_promisee else []
            beneficiary = next((c for c in (*last, *view.codes(), *self.ctx.dyad, *self.ctx.states)
                                if c not in donors), None)
        owner = _captives_state(view, trigger) if cls == "people" else None
        if beneficiary is None and owner in found:
            # "Washington and Tehran agreed to free five jailed Americans": the captives' state receives them
            beneficiary, found = owner, [f for f in found if f != owner]
        if beneficiary is not None:
            pairs = [(f, beneficiary) for f in found]
            self.ctx.last_promisee = beneficiary
        elif mutual or trigger.lemma_.lower() in MUTUAL_VERBS and (m.kind == "refrain" or cls in (
                "conduct", "people", "agreement", "troops")):
            pairs = [(a, b) for a in found for b in found if a != b]
        else:
            return [m]
        out = []
        for a, b in pairs:
            out.append(dataclasses.replace(m, promisor=a, promisee=b, trigger=f"{m.trigger}:{a}>{b}"))
        return out

    def _payer_and_supplier(self, view: SentenceView, trigger: Token, m: CommitmentMention
                            ) -> tuple[CommitmentMention, CommitmentMention | None] | None:
        """"A promised $2 billion for buying French weapons for C's army", "A pledged $500 million to
        purchase radars from B for C": a payer, a supplier and a beneficiary, each with its own obligation.
        The payer gives the sum to the beneficiary (never to the supplier, whose state the goods'
        maker names); the supplier delivers the goods to the beneficiary. None when the sentence does
        not name three different parties so."""
        payer = _buyer(view, trigger, trigger) or m.promisor
        if payer is None or m.kind != "deliver":
            return None
        money = None
        for c in trigger.children:
            got = view.fallback_object_np(c) if c.dep_ == "dobj" else None
            if got is not None and (category_of(got.object) == "money" or got.object[:1] in "$€£"):
                money = got
        buy = next((t for t in trigger.subtree if t.pos_ == "VERB" and t.lemma_.lower() in BUY_VERBS
                    and t.i != trigger.i and t.dep_ in ("xcomp", "pcomp", "advcl", "acl", "relcl")), None)
        goods = next((c for c in buy.children if c.dep_ == "dobj"), None) if buy is not None else None
        if money is None or goods is None:
            return None
        thing = view.fallback_object_np(goods) or view.object_near(goods)
        if thing is None or category_of(thing.object) == "money":
            return None
        supplier = next((f.code for t in (*buy.children, *goods.children) if t.dep_ == "prep" and t.lower_ == "from"
                         for p in t.children for f in sx.country_of_np(p, view.countries)), None) or \
            _maker(view, thing)
        beneficiary = next((f.code for t in (*buy.children, *goods.children) if t.dep_ == "prep"
                            and t.lower_ == "for" for p in t.children for f in sx.country_of_np(p, view.countries)),
                           None) or _own_subject_state(view, buy) or _aided_state(view, trigger)
        if beneficiary in (None, payer, supplier):
            beneficiary = next((r for r in (m.promisee, m.promisor) if r not in (None, payer, supplier)), None)
        if beneficiary is None or supplier == payer:
            return None
        paid = dataclasses.replace(m, promisor=payer, promisee=beneficiary, object=money.object,
                                   what=f"give {money.object}",
                                   terms=[money.object, *[t for t in m.terms if t != money.object]])
        self.ctx.last_promisee = beneficiary
        if supplier is None:
            return paid, None  # "promised Kenya $1 billion to buy rice": the promise is the sum
        supplied = dataclasses.replace(
            m, promisor=supplier, promisee=beneficiary, object=thing.object,
            what=f"deliver {as_written(thing.object, view.text)}",
            terms=[thing.object, *[t for t in m.terms if t != thing.object]], amount=None, implied=True,
            trigger=f"{m.trigger}:{supplier}")
        return paid, supplied

    def _conjuncts(self, view: SentenceView, trigger: Token, m: CommitmentMention) -> list[CommitmentMention]:
        """"to supply 212 K9 howitzers by 2026, and 48 FA-50 aircraft by 2025": one promise per
        coordinated object, each with the deadline written beside it."""
        doc = view.span.doc
        main = next((o for o in view.objects if o.object == m.object), None)
        reach = {t.i for t in trigger.subtree}
        if main is None:
            return self._open_conjuncts(view, trigger, m, _np_named(view, trigger, m.object), reach, [])
        root = doc[main.start:main.end].root
        out = []
        for o in view.qualified():
            if o.generic or o.object == m.object or o.start not in reach:
                continue
            r = doc[o.start:o.end].root
            chain, t = [], r
            while t.dep_ == "conj" and t.head.i != t.i and len(chain) < 4:
                chain.append(t.head)
                t = t.head
            if not chain or not any(c.i == root.i or root.i in {x.i for x in c.subtree} for c in chain):
                continue
            due = [d for d in view.dates if d.role == "due" and d.start in {x.i for x in r.subtree}
                   or d.role == "due" and d.start > o.end and d.start - o.end <= 8]
            extra = dataclasses.replace(
                m, object=o.object, what=m.what.replace(m.object or "", o.object) if m.object else m.what,
                terms=[o.object] + [x for x in m.terms if x != o.object and x != m.object],
                due=due[0].date if due else m.due, due_precision=due[0].precision if due else m.due_precision,
                trigger=f"{m.trigger}+{o.text}")
            out.append(extra)
        return self._open_conjuncts(view, trigger, m, root, reach, out)

    def _open_conjuncts(self, view: SentenceView, trigger: Token, m: CommitmentMention, root: Token | None,
                        reach: set[int], out: list[CommitmentMention]) -> list[CommitmentMention]:
        """Things the alias table does not know, coordinated with the promised one ("handing over the F-16
        jets, the Harpoon missiles and the M1A1 tank kits"): each a promise of its own, when it is a
        distinct thing (arms, plants), not goods of one trade ("wheat, corn and soybeans")."""
        if root is None:
            return out
        seen = {m.object} | {e.object for e in out}
        np = root
        while np.dep_ in ("compound", "amod") and np.head.i != np.i and np.head.pos_ in ("NOUN", "PROPN"):
            np = np.head  # "the Apache helicopters": the phrase's head carries the coordination
        # "the F-15 jets, the Stinger missiles and the kits": a list the parser reads as an apposition
        items = [*np.conjuncts, *(x for a in np.children if a.dep_ == "appos" and a.conjuncts
                                  for x in (a, *a.conjuncts))]
        for c in items:
            if c.i <= np.i or c.i not in reach or c.pos_ not in ("NOUN", "PROPN"):
                continue
            got = view.fallback_object_np(c)
            if got is None or got.object in seen or category_of(got.object) not in THING_CLASSES \
                    or category_of(got.object) in ("material", "energy"):
                continue
            seen.add(got.object)
            out.append(dataclasses.replace(
                m, object=got.object, what=m.what.replace(m.object or "", got.object) if m.object else m.what,
                terms=[got.object] + [x for x in m.terms if x != got.object and x != m.object],
                trigger=f"{m.trigger}+{c.text}"))
        return out

    # -- triggers ------------------------------------------------------------------------
    def _commit_verb(self, view: SentenceView, tok: Token, action_: Token | None = None) -> CommitmentMention | None:
        if sx.hedged(tok) or tok.tag_ in ("VBG",) and tok.dep_ in ("pcomp",) and \
                tok.head.lower_ not in ("after", "since", "despite", "with"):
            return None
        if any(c.dep_ == "mark" and c.lower_ in ("until", "unless", "once", "before", "when", "if")
               for c in tok.children):
            return None
        lem = tok.lemma_.lower()
        if sx.negated(tok):  # "did not agree to", "has not signed"
            return None
        if tok.dep_ == "amod" or lem == "require" and tok.dep_ == "acl" and tok.tag_ == "VBN":
            return None  # "the engines required to complete the submarine": what it needs, not a duty
        action = action_ or _action_of(tok)
        if lem in ("sign", "conclude", "ink", "strike", "award", *WIN_VERBS) and action is None:
            # "signed a ceasefire", "concluded a truce": any agreement noun binds its signatories
            has_contract = any(c.lemma_.lower() in CONTRACT_NOUNS | AGREEMENT_HEADS or _hyphenated(c) in
                               AGREEMENT_HEADS for c in tok.children if c.dep_ in ("dobj", "nsubjpass"))
            if not has_contract and tok.dep_ in ("acl", "relcl") and tok.head.lemma_.lower() in CONTRACT_NOUNS:
                has_contract = True
            if not has_contract:
                return None
        if lem == "order":
            return self._order(view, tok)
        guards = lem in ("guarantee", "assure") and action is None and _guards_sovereignty(tok, view)
        # "under the deal, Azerbaijan will guarantee safe passage": a guarantee that is itself the agreement's
        # term binds its subject to provide the thing, with no act clause under it
        termed = lem == "guarantee" and action is None and _is_future(tok) and _under_deal(tok)
        if lem in ("guarantee", "assure") and action is None and not REFRAIN_PHRASES.search(view.text) \
                and not guards and not _gives_to(tok, view) and not termed:
            return None
        kind = "refrain" if guards else "deliver"
        act = action or tok
        if action is not None and (sx.negated(action) or action.lemma_.lower() in REFRAIN_VERBS):
            kind = "refrain"
        elif REFRAIN_PHRASES.search(view.text) and (action is None or sx.negated(action)):
            kind = "refrain"
        if action is None:
            agreement = _agreement_object(view, tok)
            if agreement is not None and category_of(agreement.object) in THING_CLASSES:
                # "Canberra signed a deal with Paris for twelve submarines": who signs for goods buys them;
                # the state the deal is made with sells them
                m = self._build(view, tok, tok, "deliver", agreement)
                partner = next((f.code for h in (tok, *(c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")))
                                for c in h.children if c.dep_ == "prep" and c.lower_ == "with"
                                for p in c.children for f in sx.country_of_np(p, view.countries)), None)
                if m is not None and partner is not None and m.promisee == partner and _maker(view, agreement) \
                        in (None, partner):
                    m.promisor, m.promisee = partner, m.promisor
                return m
            if agreement is not None:  # "signed a ceasefire", "reached the Geneva accords"
                if agreement.object.split()[-1] in REFRAIN_AGREEMENTS or REFRAIN_PHRASES.search(view.text):
                    kind = "refrain"
                return self._build(view, tok, tok, kind, agreement)
            if lem in ("accept", "reach", "require"):
                return None
        obj = _object_for(view, act)
        if obj is not None and act.lemma_.lower() in MONEY_OBJECTS and category_of(obj.object) in (
                "material", "weapon", "energy", "technology"):
            obj = None  # "lend Sri Lanka $1 billion to buy food and fuel": the promise is the money
        if obj is not None and act.lemma_.lower() in MONEY_OBJECTS and obj.object[:1] in "$€£0123456789":
            obj = _money_object(view, act) or obj  # "lend India $12 billion": a loan of that amount
        obj = obj or _money_object(view, act)
        if obj is None and action is not None:
            obj = _relative_gap(view, tok, action)  # "the submarines that Germany agreed to sell to Egypt"
        if obj is None and action is not None and action.lemma_.lower() in AGREEMENT_ACTS:
            obj = _agreement_object(view, action) or _kept_deal(view, action)  # "agreed to sign the protocol"
        if obj is None and action is not None:
            obj = _act_object(view, action)  # "agreed to compensate Namibia", "to hold talks"
        if obj is None and action is not None:
            obj = _withdrawn_forces(view, action)  # "agreed to withdraw from Lebanon": its troops
        if obj is None and action is None and kind == "deliver":
            return None
        return self._build(view, tok, act, kind, obj)

    def _order(self, view: SentenceView, tok: Token) -> CommitmentMention | None:
        """"Iran has ordered Su-35 jets from Russia": the seller promises the buyer."""
        buyer = sx.subject_of(tok)
        seller = None
        for c in tok.subtree:
            if c.dep_ == "prep" and c.lower_ == "from":
                for p in c.children:
                    found = sx.country_of_np(p, view.countries)
                    if found:
                        seller = found[0].code
        buyers = sx.country_of_np(buyer, view.countries) if buyer is not None else []
        obj = view.object_near(tok) or view.fallback_object(tok)
        if obj is not None and seller is None and buyers:
            seller = _unnamed_seller(view, obj, buyers[0].code, self.ctx.dyad)
        if obj is None or seller is None:
            return None
        m = self._build(view, tok, tok, "deliver", obj)
        if m is None:
            return None
        m.promisor, m.promisee = seller, (buyers[0].code if buyers else m.promisee)
        if m.promisee == m.promisor:
            m.promisee = next((c for c in self.ctx.dyad if c != seller), None)
        m.what = f"deliver {as_written(obj.object, view.text)}"
        return m

    def _promise_noun(self, view: SentenceView, tok: Token) -> CommitmentMention | None:
        """"a 1995 pledge to the United States to halt arms sales to Iran"."""
        if tok.head.lemma_.lower() in sx.HEDGE_HEADS or tok.head.head.lemma_.lower() in sx.HEDGE_HEADS:
            return None  # "wanted guarantees that...", "asked for assurances"
        if sx.negated(tok) or sx.hedged(tok.head):
            return None  # "no guarantee that ...", "may give assurances"
        action = None
        for c in tok.children:
            if c.dep_ in ("acl", "relcl") and c.pos_ == "VERB":
                action = c
        if action is None and tok.dep_ == "dobj" and tok.head.pos_ == "VERB":
            # "Russia made a promise to Belarus to supply gas", "gave a pledge to Vietnam to provide boats": the
            # parser hangs the promise's infinitive on the verb that makes the promise
            action = next((c for c in tok.head.children if c.dep_ in ("advcl", "xcomp") and c.pos_ == "VERB"
                           and c.i > tok.i and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
                           and not any(a.dep_ in ("nsubj", "nsubjpass") for a in c.children)), None)
        if action is None:
            return self._pledged_sum(view, tok)
        kind = "refrain" if (sx.negated(action) or action.lemma_.lower() in REFRAIN_VERBS) else "deliver"
        obj = view.object_near(action) or view.fallback_object(action) or _act_object(view, action)
        if obj is None:
            return None
        m = self._build(view, tok, action, kind, obj)
        if m is None:
            return None
        giver = _noun_giver(view, tok)
        if giver is not None and giver != m.promisor:
            m.promisee = m.promisor if m.promisee in (None, giver) else m.promisee
            m.promisor = giver
        for c in [*tok.children, *(x for x in tok.head.children if x.dep_ == "dative" and tok.dep_ == "dobj")]:
            if c.dep_ in ("prep", "dative") and c.lower_ == "to":
                for p in c.children:
                    found = sx.country_of_np(p, view.countries)
                    if found and found[0].code != m.promisor:
                        m.promisee = found[0].code
        if m.promisee == m.promisor:
            m.promisee = None
        if kind == "refrain":
            # "halt arms sales to Iran": the promisee is who was promised, the third party is the object
            pass
        return m

    def _stated_respect(self, view: SentenceView, verb: Token) -> CommitmentMention | None:
        """"Ghana and Togo reaffirmed their respect for each other's sovereignty": a promise to respect what
        follows "for", of the verb's subject, stated as a noun (a promise to refrain, as "pledged to respect")."""
        noun = _respect_of(verb)
        if noun is None or sx.negated(verb) or sx.hedged(verb):
            return None
        obj = view.object_near(noun) or view.fallback_object(noun)
        return self._build(view, verb, noun, "refrain", obj) if obj is not None else None

    def _pledged_sum(self, view: SentenceView, tok: Token) -> CommitmentMention | None:
        """"The EU made a pledge of $400 million", "Japan announced a pledge of $50 million": a pledge of a
        sum, as the object of the verb its giver is the subject of, promises that sum; so does a pledge that
        names its giver itself, wherever it stands ("Iran's pledge of $100 million to Iraq was announced",
        "a pledge of $50 million by Japan")."""
        head = tok.head
        giver = _noun_giver(view, tok)
        if giver is None and (tok.dep_ != "dobj" or head.pos_ != "VERB") or sx.negated(head) or sx.hedged(head):
            return None
        for c in tok.children:
            if c.dep_ != "prep" or c.lower_ != "of":
                continue
            for p in c.children:
                obj = view.fallback_object_np(p) if p.dep_ == "pobj" else None
                if obj is not None and (category_of(obj.object) == "money" or obj.object[:1] in "$€£"):
                    m = self._build(view, tok, head if giver is None else tok, "deliver", obj)
                    if m is not None and giver is not None and giver != m.promisor:
                        m.promisee = m.promisor if m.promisee in (None, giver) else m.promisee
                        m.promisor = giver
                    if m is not None and m.promisee == m.promisor:
                        m.promisee = None
                    return m
        return None

    def _deal_for_thing(self, view: SentenceView, tok: Token) -> CommitmentMention | None:
        """A contract named by the thing it is for, with no verb of making it in the clause: "the contract
        for the two Mistral ships is worth 1.2 billion euros", "the $402 million submarine deal with
        China", "the 2011 deal for the S-300 missiles", "long-term deals with Sweden for butter". A
        contract for goods is its supplier's promise to deliver them: the thing's maker, else the state
        "with" whom it was made, else the article's other party; the year before the noun dates it. Not
        a deal only wished for, proposed or denied ("a possible arms deal", "no deal for the jets"), nor
        one whose making verb reads it (that verb's own trigger does)."""
        if sx.hedged(tok) or sx.negated(tok) or any(
                c.dep_ in ("amod", "compound") and c.lower_ in DEAL_HEDGES for c in tok.children):
            return None
        if any(c.dep_ == "det" and c.lower_ == "no" for c in tok.children):
            return None
        head = tok.head
        if head.lemma_.lower() in COMMIT_VERBS | STIPULATE_VERBS | sx.HEDGE_HEADS or sx.hedged(head) or any(
                c.dep_ in ("acl", "relcl") and c.pos_ == "VERB" for c in tok.children):
            return None  # "signed the deal for ...", "the deal, which obliges ...", "sought a deal for ...": read there
        obj = None
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ == "for":
                obj = next((got for p in c.children if p.dep_ == "pobj"
                            for got in [view.fallback_object_np(p) or _known_in(view, p)] if got is not None), None)
        if obj is None:  # "the submarine deal", "the grain agreement": the thing named before the noun
            mods = [c for c in tok.children if c.dep_ == "compound" and c.pos_ == "NOUN"]
            obj = next((got for c in mods for got in [_known_in(view, c) or _modifier_object(view, c)]
                        if got is not None), None)
        if obj is None or category_of(obj.object) not in THING_CLASSES:
            return None
        m = self._build(view, tok, tok, "deliver", obj)
        if m is None:
            return None
        partner = next((f.code for c in tok.children if c.dep_ == "prep" and c.lower_ == "with"
                        for p in c.children for f in sx.country_of_np(p, view.countries)), None)
        maker = _maker(view, obj)
        pair = [c for c in self.ctx.dyad]
        seller = maker or partner
        if seller is not None:
            buyer = m.promisee if m.promisor == seller else m.promisor
            if buyer in (None, seller):
                buyer = next((c for c in (*view.codes(), *pair) if c != seller), None)
            m.promisor, m.promisee = seller, buyer
        if seller is None and (m.promisor is None or m.promisee is None):
            # the direction the article last gave a promise of this thing or, between the article's own
            # two states, any promise ("France has deferred handing the warships to Russia. The
            # contract for the two Mistral ships ...")
            known = self.ctx.parties_by_object.get(obj.object)
            last = (self.ctx.last_subject, self.ctx.last_promisee)
            if known is not None:
                m.promisor, m.promisee = known
            elif len(pair) == 2 and set(last) == set(pair):
                m.promisor, m.promisee = last
        m.implied = True  # who supplies whom is read from the thing, not said
        if m.promisor is None or m.promisee is None:
            return None
        m.what = f"deliver {as_written(obj.object, view.text)}"
        return m

    def _reserved_sum(self, view: SentenceView, tok: Token) -> CommitmentMention | None:
        """"Japan earmarked $50 million for Haiti", "$1 billion in aid it had set aside for Lebanon's
        security service": a sum a state has reserved for another is promised to it, whatever the tense
        (a sum set aside is not yet given). The sum is the verb's object, or the noun a relative clause
        of it describes; the state it is for is the one promised. Not a sum only proposed or denied."""
        if sx.negated(tok) or sx.hedged(tok):
            return None
        cands = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
        if tok.dep_ in ("relcl", "acl"):
            cands.append(tok.head)
        obj = next((got for c in cands for got in [view.fallback_object_np(c)] if got is not None
                    and (category_of(got.object) == "money" or got.object[:1] in "$€£")), None)
        if obj is None:
            return None
        m = self._build(view, tok, tok, "deliver", obj)
        if m is None or m.promisee is None or m.promisor is None:
            return None
        if not m.what.startswith("give"):
            m.what = f"give {as_written(obj.object, view.text)}"
        return m

    def _bought_under_deal(self, view: SentenceView, tok: Token) -> CommitmentMention | None:
        """"The howitzers, purchased from Sweden under a $1.3 billion contract", "Chile bought 200 tanks
        from Germany under a 1998 contract": goods bought under a contract were promised by the seller to
        the buyer, whatever the tense (the contract is the promise; delivery is its outcome). Needs both
        the seller ("from X") and the contract ("under a contract / deal / agreement")."""
        if sx.negated(tok) or sx.hedged(tok):
            return None
        deal = any(c.dep_ == "prep" and c.lower_ == "under" and any(
            p.dep_ == "pobj" and p.lemma_.lower() in DEAL_FOR_NOUNS | CONTRACT_NOUNS | AGREEMENT_HEADS
            for p in c.children) for c in tok.children)
        seller = any(c.dep_ == "prep" and c.lower_ == "from" and any(
            sx.country_of_np(p, view.countries) for p in c.children) for c in tok.children)
        if not (deal and seller):
            return None
        cands = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
        if tok.dep_ in ("acl", "relcl") and tok.head.pos_ in ("NOUN", "PROPN", "NUM"):
            cands.append(tok.head)  # "the tanks purchased from Germany", "the frigates Greece bought"
            cands += [p for c in tok.head.children if c.dep_ == "prep" and c.lower_ == "of"
                      for p in c.children if p.dep_ == "pobj"]  # "two of the guns, purchased from ..."
        obj = next((o for c in cands for o in [view.fallback_object_np(c)] if o is not None), None)
        if obj is None:
            return None
        return self._build(view, tok, tok, "deliver", obj)

    def _deadline(self, view: SentenceView, tok: Token) -> CommitmentMention | None:
        """"the plant was due to come online in 1999", "was supposed to be completed by 2000"."""
        if tok.lemma_.lower() == "due" and tok.dep_ not in ("acomp", "ROOT", "amod", "xcomp", "conj", "advcl",
                                                            "ccomp", "relcl"):
            return None
        if tok.lemma_.lower() == "suppose" and not any(c.dep_ in ("xcomp",) for c in tok.children):
            return None
        if sx.negated(tok) or sx.is_conditional(tok):
            return None
        due = [d for d in view.dates if d.role == "due"]
        action = None
        for c in tok.children:
            if c.dep_ in ("xcomp", "ccomp") and c.pos_ in ("VERB", "AUX"):
                action = c
        if not due and action is None:
            return None
        obj = view.object_near(action or tok, prefer_after=False) or (
            view.fallback_object(action) if action is not None else None)
        if obj is None and action is not None and action.lemma_.lower() in AGREEMENT_ACTS:
            obj = _agreement_object(view, action)  # "is due to ratify the accession protocol this week"
        if obj is None:
            subj = sx.subject_of(tok)
            obj = view.fallback_object(subj.head) if subj is not None else None
        if obj is None:
            return None
        subj = sx.subject_of(tok)
        if subj is not None and obj.start <= subj.i < obj.end and subj.lower_ in ("talks", "election", "elections"):
            return None
        return self._build(view, tok, action or tok, "deliver", obj, deadline=True)

    def _obligation(self, view: SentenceView, tok: Token) -> CommitmentMention | None:
        """"Every British soldier has to be out of Afghanistan by the end of 2014", "under the pact, the
        troops must leave by March": an obligation ("has to", "must") to withdraw by a date is a state's
        promise to pull its forces out (the timetables of withdrawal accords are written this way). Other
        acts owed ("Iran must ship out its uranium by June") count only when the sentence says it is under
        an agreement; otherwise "must" is a demand by someone else, not a promise."""
        if sx.negated(tok) or sx.is_conditional(tok) or (sx.modals(tok) - {"must"}) & sx.HEDGE_MODALS or any(
                sx.is_hedge_word(a) for a in list(tok.ancestors)[:3]):
            return None  # "must" itself is the obligation here, not a hedge; "may have to" is one
        heading = _clause_heading(view, tok) or (self._heading_before if not view.dates else None)
        stated_term = bool(UNDER_DEAL.search(view.text))  # "under the agreement, Egypt must pay ..."
        if not any(d.role == "due" for d in view.dates) and heading is None and not stated_term:
            return None  # a date to be done by: "by the end of 2014", or a timeline's "June 30: ..."
        lem = tok.lemma_.lower()
        if lem == "have":
            action = next((c for c in tok.children if c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX")
                           and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)), None)
        else:
            action = tok if any(c.dep_ == "aux" and c.lower_ == "must" for c in tok.children) else None
        if action is None or action.lemma_.lower() in JOURNEY_VERBS and not any(
                c.dep_ in ("dobj", "nsubjpass") for c in action.children):
            return None
        out_of = action.lemma_.lower() == "be" and any(
            c.dep_ in ("prep", "advmod", "prt") and c.lower_ == "out" for c in action.children)
        withdraws = out_of or ACTION_NAME.get(action.lemma_.lower()) == "withdraw"
        in_deal = stated_term or bool(re.search(r"\bunder (?:the|a|an|this|that|which|its|their)\b|\baccording "
                                                r"to the\b", view.text, re.I)) or any(
            t.lemma_.lower() in AGREEMENT_HEADS | CONTRACT_NOUNS for t in view.span)
        about_deal = in_deal or self._deal_named  # an article about a withdrawal accord lists its timetable
        if not (withdraws and about_deal or action.lemma_.lower() in ACTION_VERBS and in_deal):
            return None  # "Iran must cut enrichment by March": a demand, unless a deal lays it down
        obj = view.fallback_object(action) if out_of else (
            _direct_object(view, action) or view.object_near(action) or view.fallback_object(action))
        if obj is None:
            subj = sx.subject_of(tok) or sx.subject_of(action)
            obj = view.fallback_object_np(subj) if subj is not None else None
        if obj is None or withdraws and category_of(obj.object) != "troops":
            return None
        m = self._build(view, tok, action, "deliver", obj)
        if m is not None and _speakers(view, tok) - {m.promisor}:
            return None  # "Russian troops must leave by Friday, Washington said": another state's demand
        if m is not None and withdraws and m.object:
            m.what = "withdraw " + as_written(m.object, view.text)
        if m is not None and m.due is None and heading is not None:
            m.due, m.due_precision = heading.date, heading.precision
        return m

    def _future_action(self, view: SentenceView, tok: Token) -> CommitmentMention | None:
        """"Russia will complete the plant" under a contract; "X would sell us" as reported."""
        if sx.hedged(tok) or not (_reported_or_contract(tok, view) or self._term_of_named_deal(view, tok)):
            return None
        # a reporting verb whose subject is a hedge ("American officials warned ... would")
        for anc in list(tok.ancestors)[:3]:
            if anc.lemma_.lower() in ("warn", "fear", "worry", "doubt", "deny", "claim", "suggest", "speculate"):
                return None
            spk = sx.subject_of(anc) if anc.lemma_.lower() in sx.REPORT_VERBS else None
            if spk is not None and spk.lemma_.lower() in FORECASTERS:
                return None  # "analysts said Chile would not take the matter to court": a forecast
        neg = sx.negated(tok)
        kind = "refrain" if neg or tok.lemma_.lower() in HOLDING_BACK else "deliver"
        low = view.text.lower()
        if neg and _held_back_until(tok, view):
            return None  # a conditional refusal, an outcome not a promise
        if neg and not re.search(r"pledg|promis|assur|guarant|vow|commit", low) and not _under_deal(tok) and \
                not any(a.lemma_.lower() in ("say", "tell", "announce", "pledge", "promise") for a in tok.ancestors):
            return None
        if tok.lemma_.lower() == "allow" and any(c.dep_ == "auxpass" for c in tok.children):
            return None  # "Turkey will not be allowed to buy the jets": another's decision about it, not its promise
        if neg and tok.lemma_.lower() in KEEP_VERBS | REFRAIN_VERBS:
            return None  # "said they would not suspend enrichment", "will not honor the agreement": a refusal
        inner = _action_of(tok) if tok.lemma_.lower() in KEEP_VERBS else None
        if inner is not None and inner.i > tok.i:
            # "will honour its '86 contract to provide spares": the contract's act is the promise
            obj = _object_for(view, inner)
            return self._build(view, tok, inner, kind, obj) if obj is not None else None
        obj = _direct_object(view, tok) or view.object_near(tok) or _money_object(view, tok) or \
            view.fallback_object(tok)
        if obj is None and tok.lemma_.lower() in AGREEMENT_ACTS:
            obj = _agreement_object(view, tok) or _kept_deal(view, tok)  # "would abide by the accord's provisions"
        obj = obj or _act_object(view, tok)  # "would not take the matter to court", "will hold talks"
        obj = obj or _withdrawn_forces(view, tok)  # "Iraq will pull out of the land it occupies"
        if obj is None:
            return None
        if kind == "refrain" and category_of(obj.object) in ("plant",):
            return None
        if tok.lemma_.lower() in OUTCOME_ON_DEALS and (category_of(obj.object) == "agreement" or any(
                c.dep_ == "dobj" and c.lemma_.lower() in ROLE_NOUNS | AGREEMENT_HEADS | CONTRACT_NOUNS
                for c in tok.children)):
            return None  # "Russia will suspend its participation in the grain deal": a breach announced
        return self._build(view, tok, tok, kind, obj)

    def _term_of_named_deal(self, view: SentenceView, tok: Token) -> bool:
        """"For the first year Israel is to pay $23.50 a barrel", after the article has told of the deal: a
        state of the article's pair that "is to" do something, in an article that has named an agreement, is
        stating that agreement's term, not its own plan. Only the scheduled "is/are to" form, which news
        copy keeps for terms and programmes; "will" alone is still a plan unless framed or aimed at a state."""
        if not self._deal_named or tok.head.lemma_ != "be" or not any(
                c.dep_ == "aux" and c.lower_ == "to" for c in tok.children):
            return False
        subj = sx.subject_of(tok)
        found = sx.country_of_np(subj, view.countries) if subj is not None else []
        return bool(found) and found[0].code in self.ctx.dyad and not FORECAST.search(view.text)

    def _other_side(self, view: SentenceView, subj: Token) -> tuple[str, str] | None:
        """"its neighbour", "its partner": the state related to the one "its" stands for. When the article
        is about a pair of states and "its" is one of them, the subject is the other, promising the first."""
        if subj.lemma_.lower() not in OTHER_SIDE_NOUNS or len(self.ctx.dyad) != 2:
            return None
        poss = next((c for c in subj.children if c.dep_ == "poss" and c.pos_ == "PRON"), None)
        if poss is None:
            return None
        before = [c.code for c in view.countries if c.start < subj.i and c.code in self.ctx.dyad]
        owner = before[-1] if before else self.ctx.last_subject
        if owner not in self.ctx.dyad:
            return None
        return next(c for c in self.ctx.dyad if c != owner), owner

    # -- assembling ----------------------------------------------------------------------
    def _parties(self, view: SentenceView, trigger: Token, action: Token) -> tuple[str | None, str | None, bool]:
        promisor = promisee = None
        implied = False
        subj = sx.subject_of(action) or sx.subject_of(trigger)
        if action.lemma_.lower() in ("be", "come") or (subj is not None and subj.dep_ == "nsubjpass"):
            ag = sx.agent_of(action) or sx.agent_of(trigger)
            if ag is not None and (ag.lemma_.lower() in TIME_NOUNS or any(
                    d.start in {t.i for t in ag.subtree} for d in view.dates)):
                ag = None  # "will be removed by next week": a deadline, not who removes them
            if ag is not None:
                subj = ag
        if subj is not None:
            # a body (the EU, the IMF) as the subject promises as itself: "the EU pledged $300 million"
            allied = _allies_of(view, subj)
            found = [] if allied else sx.country_of_np(subj, view.countries) or sx.members_named(
                trigger, view.countries) or sx.country_of_np(subj, view.bodies)
            if allied:
                promisee, promisor = allied  # "Egypt's Gulf allies promised $12 billion": to Egypt
                implied = promisor is None
            elif len(found) >= 2 and trigger.lemma_.lower() not in ("sign", "agree", "conclude", "reach", "strike",
                                                                   "ink"):
                promisor = found[0].code  # "Russia, the United States and Britain pledged": co-promisors
            elif len(found) >= 2:  # "Russia and Iran signed a contract": the action's own subject decides
                inner = sx.subject_of(action) if action.i != trigger.i else None
                inner_found = sx.country_of_np(inner, view.countries) if inner is not None else []
                promisor = inner_found[0].code if inner_found else found[0].code
                promisee = next((f.code for f in found if f.code != promisor), None)
                implied = implied or not inner_found  # co-signers: who supplies whom is a guess
            elif found:
                promisor = found[0].code
            elif subj.lemma_.lower() in ("country", "government", "nation") and any(
                    c.dep_ == "poss" and c.pos_ == "PRON" for c in subj.children):
                # "Hassan Rohani, Iran's chief negotiator, says his country has agreed": the state named
                # before in the sentence (the speaker's), else the one the article last spoke of
                # the speaker's own state first ("Eritrean exiles were angry after Abiy Ahmed promised that his
                # government would ..."): "his" is bound by the subject of the verb the clause hangs from
                speaker = next((sx.subject_of(a) for a in subj.head.ancestors if a.pos_ in ("VERB", "AUX")
                                and sx.subject_of(a) is not None and sx.subject_of(a).i != subj.i), None)
                own = sx.country_of_np(speaker, view.countries) if speaker is not None else []
                before = [m.code for m in own] or [m.code for m in view.countries if m.start < subj.i]
                unknown = not own and speaker is not None and speaker.pos_ == "PROPN"
                # a person of no state we know speaks: a state named in another phrase is no guess for his own
                promisor = None if unknown else before[0] if before else self.ctx.last_subject
                implied = not before
            elif (other := self._other_side(view, subj)) is not None:
                promisor, promisee = other  # "the deal, under which its neighbour will take the name"
            else:
                pr = sx.resolve_pronoun(subj, view.span, view.countries, self.ctx.last_subject)
                if pr:
                    promisor = pr[0]
                    implied = True
        xc = action
        while xc.dep_ == "conj" and xc.head.i != xc.i and xc.head.pos_ in ("VERB", "AUX"):
            xc = xc.head  # "oblige Russia to remove the arsenals and to pull out the troops": the second too
        if (xc.dep_ == "xcomp" or xc.dep_ == "advcl" and xc.head.i == trigger.i) and action.i != trigger.i and \
                xc.head.lemma_.lower() not in SUBJECT_CONTROL:
            # "the pact requires US forces to pull out", "obliges Russia to build": the object controls
            ctrl = next((c for c in xc.head.children if c.dep_ == "dobj" and c.i < xc.i), None)
            found = sx.country_of_np(ctrl, view.countries) if ctrl is not None else []
            if found:
                if promisor and promisor != found[0].code and promisee is None:
                    promisee = promisor
                promisor = found[0].code
                if promisee == promisor:
                    promisee = None
        bound = _bound_party(view, trigger, action)
        if bound is not None and bound != promisor:
            # "signed a pact committing Italy to billions in investment": the party the pact binds promises
            promisee = promisor if promisee in (None, bound) else promisee
            promisor = bound
        # the action's own subject beats the commitment verb's ("agreed ... under which Russia will")
        if action.i != trigger.i:
            inner = sx.subject_of(action)
            if inner is not None and (subj is None or inner.i != subj.i):
                found = sx.country_of_np(inner, view.countries)
                if not found and inner.pos_ == "PRON" and inner.i > trigger.i:
                    # "the exports that Trump promised it would buy": "it" is the state the sentence's
                    # subject names, not the one who promised
                    pr = sx.resolve_pronoun(inner, view.span, view.countries, None)
                    found = [c for c in view.countries if pr and c.code == pr[0]][:1]
                if found:
                    if promisor and promisor != found[0].code and promisee is None:
                        promisee = promisor
                    promisor = found[0].code
        for t in (action, trigger):
            if promisee is None:
                rec = [r.code for r in sx.recipients(t, view.countries) if r.code != promisor]
                if rec:
                    promisee = rec[0]
        if promisee is None:
            aided = _aided_state(view, action)  # "promised $5.4 billion to help rebuild Gaza"
            if aided is not None and aided != promisor:
                promisee = aided
        if promisee is None and promisor != "IGO" and _body_recipient(view, (trigger, action)):
            promisee = "IGO"  # "promised the UN to destroy its stockpile", "agreed with the IMF to cut subsidies"
        if promisor is not None and \
                action.lemma_.lower() in ACTION_VERBS and sx.subject_of(action) is not None and \
                sx.mention_at(sx.subject_of(action), view.countries) is None and any(
                c.dep_ in ("dobj", "dative") and sx.mention_at(c, view.countries) is not None
                and sx.mention_at(c, view.countries).code == promisor for c in action.children):
            # "the A-B pipeline project was to supply A with gas": the state supplied is the promisee,
            # whichever state the subject's modifiers or the co-signers named first
            promisor, promisee = promisee, promisor
        firm = _firm_partner(view, (trigger, action))
        own = sx.subject_of(trigger)
        if firm is not None and firm != promisor and action.lemma_.lower() not in BUY_VERBS | RECEIVE_VERBS and (
                action.i == trigger.i or not any(c.dep_ in ("nsubj", "nsubjpass") for c in action.children)) \
                and not (own is not None and any(f.firm for f in sx.country_of_np(own, view.countries))) \
                and (action.i == trigger.i or firm not in {r.code for r in sx.recipients(action, view.countries)}):
            # not when the subject is a firm itself ("Gazprom concluded an agreement with CNPC to supply
            # China"), nor when the firm's state is the one supplied
            # "Egypt signed a contract with a German firm to build forty trains": the firm builds
            promisor, promisee = firm, (promisor if promisor is not None else promisee)
        if promisee is None and action.lemma_.lower() in RELEASE_VERBS:
            # "to free 32 Armenian servicemen": people are released to their own state
            for c in action.children:
                if c.dep_ in ("dobj", "nsubjpass"):
                    found = [m.code for t in c.children if t.dep_ in ("amod", "compound", "poss")
                             for m in sx.country_of_np(t, view.countries, 0) if m.code != promisor]
                    if found:
                        promisee = found[0]
        if promisee is None:
            # a state named as the owner of the object: "Iran's Bushehr reactor", "integrity of Ukraine"
            for m in view.countries:
                root = view.span.doc[m.start:m.end].root
                if m.code != promisor and (root.dep_ == "poss" or root.dep_ == "pobj" and root.head.lower_ == "of"
                                           and root.head.head.i in {t.i for t in action.subtree}):
                    promisee = m.code
                    break
        if promisor is None or promisee is None:
            owned = _own_thing_makers(view, action)
            others = [c for c in view.codes() if c not in (promisor, promisee) and c not in owned]
            if promisor is None and promisee is None and len(others) >= 2 and self.ctx.dyad and \
                    set(others[:2]) == set(self.ctx.dyad):
                pass
            elif promisor is not None and promisee is None and others:
                # the other state of the article's pair when the sentence names it, else the first named;
                # never a state that itself promises in the sentence ("A and B each pledged X, and C
                # pledged Y": C's money goes where the article's last pledge went, not to A)
                own = sx.subject_of(trigger)  # co-subjects of the trigger give too ("A and B each pledged")
                donors = (_promisors_in(view, trigger) | {f.code for f in (
                    sx.country_of_np(own, view.countries) if own is not None else [])}
                    | {f.code for f in sx.members_named(trigger, view.countries)}) - {promisor}
                free = [c for c in others if c not in donors]
                # a state only named as the one who relays the promise ("Sarkozy added that Russian
                # checkpoints will be removed") is left for the article's pair, unless it is of the pair
                # ("Lebanon's president announced that Saudi Arabia has promised $3 billion")
                speakers = _speakers(view, trigger)
                paired = [c for c in free if c in self.ctx.dyad]
                free = paired or [c for c in free if c not in speakers] or (free if not self.ctx.dyad else [])
                if free:
                    promisee = free[0]
                elif self.ctx.last_promisee and self.ctx.last_promisee != promisor:
                    promisee, implied = self.ctx.last_promisee, True
            elif promisee is not None and promisor is None and others and not _unnamed_givers(view, trigger, action):
                promisor = others[0]
        moved = _from_to(view, action)
        if moved is not None:
            promisor, promisee = moved  # "an agreement to hand the islands from Egypt to Saudi Arabia"
        return promisor, promisee, implied

    def _build(self, view: SentenceView, trigger: Token, action: Token, kind: str, obj,
               deadline: bool = False) -> CommitmentMention | None:
        promisor, promisee, implied = self._parties(view, trigger, action)
        key = obj.object if obj is not None else None
        if key in FIGHT_NOUNS and action.lemma_.lower() in HALTING_VERBS and not sx.negated(action):
            key = "ceasefire"  # "agreed to stop the fighting", "to end hostilities": a ceasefire by its act
        if key and category_of(key) == "conduct" and not (action.lemma_.lower() in OPENING_ACTS
                                                          and not sx.negated(action)):
            kind = "refrain"  # assurances, non-aggression, halting arms sales: promises not to act
        if (promisor is None or promisee is None) and key and key in self.ctx.parties_by_object:
            known = self.ctx.parties_by_object[key]
            promisor = promisor or known[0]
            promisee = promisee or (known[1] if known[1] != promisor else known[0])
            implied = True
        if promisor is not None and promisee is None and self.ctx.counterparts.get(promisor):
            # "talks between Iran and Britain, France and Germany": the other side of the document's dealings
            promisee, implied = self.ctx.counterparts[promisor][0], True
        if promisor is not None and promisee is None and category_of(key or "") == "money" and \
                promisor not in self.ctx.dyad and self.ctx.last_promisee not in (None, promisor):
            # "Japan pledged $50 million to Haiti. Canada pledged $30 million": a donor outside the
            # article's pair gives where the article's last pledge went
            promisee, implied = self.ctx.last_promisee, True
        if (promisor is None or promisee is None) and len(self.ctx.dyad) == 2 and not deadline:
            if promisor in self.ctx.dyad and promisee is None:
                promisee = next(c for c in self.ctx.dyad if c != promisor)
                implied = True
            elif promisee in self.ctx.dyad and promisor is None and not _unnamed_givers(view, trigger, action):
                promisor = next(c for c in self.ctx.dyad if c != promisee)
                implied = True
        if kind == "refrain" and promisee is not None:
            # "promised to stop arms sales to Iran" / "not to supply Iran with centrifuges": Iran is the
            # third party; the promise was made to another state in the sentence or the article
            third = {r.code for t in action.subtree for r in sx.recipients(t, view.countries)}
            if promisee in third and category_of(key or "") in ("conduct", "technology", "weapon"):
                others = [c for c in view.codes() if c not in (promisor, promisee)]
                others += [c for c in self.ctx.dyad if c not in (promisor, promisee) and c not in others]
                if others:
                    promisee = others[0]
        # "Moscow will purchase 9 million tons of wheat a year", "Beijing promised to buy $200 billion of US
        # goods": a commitment to buy goods binds the buyer; buying arms, plants or fuel is the seller's
        # promise to deliver (below)
        buying = action if action.lemma_.lower() in BUY_VERBS else next(
            (t for t in action.subtree if t.lemma_.lower() in BUY_VERBS and t.pos_ == "VERB"
             and t.dep_ in ("relcl", "acl")), None)  # "extend an accord under which Tokyo will purchase"
        buyer_binds = buying is not None and kind == "deliver" and \
            category_of(key or "") not in ("weapon", "plant", "energy", "technology", "troops")
        if buyer_binds and buying is not action:
            own = sx.subject_of(buying)
            found = sx.country_of_np(own, view.countries) if own is not None else []
            if found and found[0].code != promisor:
                promisor, promisee = found[0].code, (promisor if promisor != found[0].code else promisee)
        if obj is not None and kind == "deliver" and promisor and promisee and not buyer_binds and category_of(
                key or "") not in ("people", "troops", "money", "sanctions"):
            # "a deal for Russian gas exports", "US-made F-16s": the state that makes the thing supplies it
            doc = view.span.doc
            head = doc[obj.start:obj.end].root
            inside = {t.i for t in head.subtree if t.i <= head.i}
            maker = next((c.code for c in view.countries if c.start in inside
                          and not _first_object(doc, c, action)), None)
            if maker == promisee and maker not in _own_thing_makers(view, action):
                promisor, promisee = promisee, promisor
        site = _site_state(view, action, obj) if kind == "deliver" and not buyer_binds and (
            category_of(key or "") == "plant" or action.lemma_.lower() in BUILD_VERBS) else None
        if site is not None and site == promisor and promisee is not None:
            # "Bangladesh concluded an agreement with Russia to set up a plant at Rooppur": the state where
            # the plant stands receives it; the other party builds it
            promisor, promisee = promisee, promisor
        if promisor == promisee:
            promisee = None
        if promisor is not None and promisee is not None and key:
            self.ctx.parties_by_object[key] = (promisor, promisee)
        if promisor is not None:
            self.ctx.last_subject = promisor
        if promisee is not None:
            self.ctx.last_promisee = promisee
        made, made_prec, made_explicit = self.ctx.doc_date, "day", False
        due = due_prec = None
        near = _dates_for(view, trigger, action)
        for d in near:
            if d.role == "made" and not made_explicit:
                made, made_prec, made_explicit = d.date, d.precision, True
            elif d.role == "due" and due is None:
                due, due_prec = d.date, d.precision
        if not made_explicit:
            # "a contract signed in 2007", "the 1995 contract", "in January 1995 Russia signed..."
            ahead = _is_future(action) or _is_future(trigger)
            for d in near:
                if ahead and d.start > action.i or self.ctx.doc_date and d.date > _dateline_end(self.ctx.doc_date):
                    continue  # "will build the plant next year": when the act is to happen, not the promise
                if d.role == "when" and (d.start < trigger.i or abs(d.start - trigger.i) <= 4):
                    made, made_prec, made_explicit = d.date, d.precision, True
                    break
            if not made_explicit:
                y = re.search(r"(?:\b((?:19|20)\d\d)|['’](\d\d)) (?:contract|agreement|deal|accord|pledge|treaty|"
                              r"aide-memoire|promise|order|memorandum|mou)\b", view.text, re.I)
                year = _deal_year(y, self.ctx.doc_date) if y else None
                if year is not None:
                    import datetime as dt

                    made, made_prec, made_explicit = dt.date(year, 1, 1), "year", True
        if not made_explicit:
            dated = _dated_deal(view)  # "the penalty clause in the agreement" dated elsewhere
            if dated is not None:
                made, made_prec, made_explicit = dated.date, dated.precision, True
        rel = next((d for d in near if d.role == "due" and d.months and d.date == due), None)
        if rel is not None and made_explicit and made:
            from trustledger.commitments.timex import add_months

            due = add_months(made, rel.months)
            due_prec = "year" if made_prec == "year" else rel.precision
            if due_prec == "year":
                due = due.replace(month=1, day=1)
        if made and due and due < made and not deadline and due_prec == "day":
            due = due_prec = None
        grace = None
        g = re.search(r"grace period of (\w+) (days?|months?|years?)|(\w+)-(day|month|year) grace period",
                      view.text, re.I)
        if g:
            from trustledger.commitments.timex import NUMBERS

            n_text = (g.group(1) or g.group(3)).lower()
            n = int(n_text) if n_text.isdigit() else NUMBERS.get(n_text, 0)
            unit = (g.group(2) or g.group(4)).lower()
            grace = n * (365 if unit.startswith("year") else 30 if unit.startswith("month") else 1)
        if buyer_binds:
            seller = next((f.code for t in buying.subtree if t.dep_ == "prep" and t.lower_ == "from"
                           for p in t.children for f in sx.country_of_np(p, view.countries)), None)
            if seller and seller != promisor:
                promisee = seller
        elif action.lemma_.lower() in ("buy", "purchase", "import", "order", "receive") and kind == "deliver":
            # the buyer is the promisee: "Turkey signed a contract to buy S-400 from Russia"
            seller = None
            for t in action.subtree:
                if t.dep_ == "prep" and t.lower_ == "from":
                    for p in t.children:
                        found = sx.country_of_np(p, view.countries)
                        if found:
                            seller = found[0].code
            beneficiary = None
            for t in action.subtree:  # "promised to buy a system from the United States for Ukraine"
                if t.dep_ == "prep" and t.lower_ == "for":
                    for p in t.children:
                        found = [f.code for f in sx.country_of_np(p, view.countries)
                                 if f.code not in (promisor, seller)]
                        if found:
                            beneficiary = found[0]
            if seller is None and obj is not None:
                seller = _maker(view, obj)  # "to buy the Russian system": its maker sells it
            if beneficiary:
                promisee = beneficiary
            elif seller:
                buyer = _buyer(view, action, trigger) or (promisor if promisor != seller else promisee)
                promisor, promisee = seller, buyer if buyer != seller else None
            elif promisor and promisee:
                promisor, promisee = promisee, promisor
        if action.lemma_.lower() in RECEIVE_VERBS and kind == "deliver" and action.i != trigger.i and promisor:
            # "Pistorius promised that Ukraine would get German tanks": the subject receives; the giver is the
            # state that makes the thing, sells it ("from X") or promised it (the promise verb's subject)
            doc = view.span.doc
            giver = None
            for t in action.subtree:
                if t.dep_ == "prep" and t.lower_ == "from":
                    giver = next((f.code for p in t.children for f in sx.country_of_np(p, view.countries)), None)
            if giver is None and obj is not None:
                head = doc[obj.start:obj.end].root
                giver = next((c.code for c in view.countries if c.start in {t.i for t in head.subtree}
                              and c.code != promisor), None)
            if giver is None:
                subj = sx.subject_of(trigger)
                giver = next((f.code for f in (sx.country_of_np(subj, view.countries) if subj is not None else [])
                              if f.code != promisor), None)
            if giver is not None:
                promisor, promisee = giver, promisor
                self.ctx.last_subject, self.ctx.last_promisee = promisor, promisee
        verb = ACTION_NAME.get(action.lemma_.lower(), "deliver")
        if action.lemma_.lower() in ("take", "bring", "move", "send") and any(
                c.lower_ in ("out", "home", "away") and c.dep_ in ("prt", "advmod", "prep") for c in action.children) \
                and (obj is None or category_of(obj.object) in ("troops", "people")):
            # "to take all of its forces out of Lebanon", "bring the troops home"; not "will begin sending gas
            # south straight away", where what goes is the thing delivered
            verb = "withdraw"
        if obj is not None and _pays_for_thing(action, obj):
            verb = "fund"  # "to pay for a motorway": the motorway is funded, no sum is handed over
        if buyer_binds:
            verb = "buy"
        elif verb == "buy":
            verb = "deliver"
        if obj is not None and getattr(obj, "category", "") == "act":
            # a promise named by its act ("compensate Namibia", "hold talks on water"), as the sentence words it
            what = ("not " if sx.negated(action) else "") + obj.text
        elif obj is not None and (
                kind == "refrain" and key == "ceasefire" and action.lemma_.lower() in HALTING_VERBS or
                action.i == trigger.i and trigger.lemma_.lower() in COMMIT_VERBS and (category_of(key or "") in (
                    "agreement", "conduct") or getattr(obj, "category", "") == "agreement")
                or action.lemma_.lower() in AGREEMENT_ACTS and "agreement" in (category_of(key or ""), getattr(
                    obj, "category", ""))):  # "agreed to abide by the accord": the accord kept
            what = ("observe " if kind == "refrain" else "implement ") + (key or "")
            if action.lemma_.lower() in ("ratify", "join", "accede") and kind == "deliver":
                what = f"{action.lemma_.lower()} {key or ''}"  # "will ratify the protocol": ratifying is the promise
        elif buyer_binds and key:
            what = f"buy {key}"  # "to purchase $200 billion more in goods": a sum spent, not given
        elif category_of(key or "") == "money" and kind == "deliver":
            amount = view.amount()
            what = f"give a {key} of {amount}" if amount and key and key[:1] not in "$€£0123456789" \
                else f"give {key}"
        else:
            lem = action.lemma_.lower()
            if kind == "refrain" and lem in ("guarantee", "assure", "pledge", "promise", "commit", "vow"):
                what = f"respect {key or ''}"  # "guaranteeing Ukraine's borders"
            else:
                # "cap uranium enrichment" holds the conduct back already: no doubled "not cap ..."
                what = (f"not {lem} " if kind == "refrain" and lem not in REFRAIN_VERBS | HALT_ACTS | KEEP_VERBS
                        | LIMIT_VERBS
                        else f"{lem} " if kind == "refrain" else f"{verb} ") + (key or "")
                gerund = gerund_object(action, obj.start) if obj is not None and key != "ceasefire" else None
                if gerund is not None and kind == "refrain" and not what.startswith("not "):
                    what = f"{what.split(' ')[0]} {gerund.lower_} {key or ''}"  # "stop enriching uranium"
                elif key and obj is not None and _names_the_act(key, lem):
                    # "would not intervene in Iran's internal affairs", keyed "non-intervention": the act is the
                    # verb's own; the phrase it governs says where ("not intervene in internal affairs")
                    what = f"{what[: -len(key)].rstrip()} {_governing_phrase(action, obj.start)}".rstrip()
        if key and what.endswith(" " + key):
            what = what[: -len(key)] + as_written(key, view.text)  # "deliver S-300", as the report writes it
        terms = [key] if key else []
        for o in view.objects:
            if o.object not in terms and not _siblings_thing(action, o.start):
                terms.append(o.object)
        from trustledger.commitments.aliases import category_of as _cat

        for seen in reversed(self.ctx.objects.seen):  # the agreement the article is about
            if _cat(seen) == "agreement" and seen not in terms:
                terms.append(seen)
                break
        return CommitmentMention(
            doc_id=self.ctx.doc_id, sentence_index=view.index, char_start=view.char_start,
            char_end=view.char_start + len(view.text), text=view.text, promisor=promisor, promisee=promisee,
            kind=kind, object=key, what=what.strip(), terms=terms, amount=_own_amount(view, action),
            quantity=view.quantity(),
            made=made, made_precision=made_prec if made else None, made_explicit=made_explicit, due=due,
            due_precision=due_prec, grace_days=grace,
            due_first=bool(due and FIRST_DUE.search(view.text)), is_new=bool(NEW_MARK.search(view.text)),
            implied=implied,
            trigger=trigger.text, doc_date=self.ctx.doc_date, story_id=self.ctx.story_id,
        )

    @staticmethod
    def _dedupe(found: list[CommitmentMention]) -> list[CommitmentMention]:
        out: dict[tuple, CommitmentMention] = {}
        for m in found:
            k = (m.promisor, m.promisee, m.kind, m.object)
            if k not in out:
                out[k] = m
            else:
                keep = out[k]
                keep.due = keep.due or m.due
                keep.due_precision = keep.due_precision or m.due_precision
        return list(out.values())


def _names_the_act(key: str, lemma: str) -> bool:
    """Whether an object key names the very act its verb tells ("non-intervention" for "intervene",
    "non-aggression" for "aggress"): the key adds nothing to the verb."""
    head = key.split()[-1].removeprefix("non-")
    stem = lemma[:-1] if lemma.endswith("e") else lemma
    return len(stem) >= 4 and head.startswith(stem)


def _governing_phrase(action: Token, start: int) -> str:
    """The preposition on `action` whose phrase holds the object mention at `start`, with that phrase
    ("in Iran's internal affairs"), or nothing when the object is not under a preposition."""
    for p in action.children:
        if p.dep_ == "prep" and any(t.i == start for t in p.subtree):
            span = action.doc[p.left_edge.i: p.right_edge.i + 1]
            return span.text if len(span) <= 8 else ""
    return ""
