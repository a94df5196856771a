"""Small dependency-parse helpers shared by the commitment and outcome finders."""

from __future__ import annotations

from spacy.tokens import Span, Token

from trustledger.commitments.parties import CountryMention, state_named
from trustledger.words import words

NEGATORS = {"not", "n't", "never", "no"}
REPORT_VERBS = words("report_verbs")
HEDGE_HEADS = words("hedge_heads")
#: Nouns of a third party's help ("with Turkish help"): the state they name is no recipient.
HELPING_NOUNS = words("helping_nouns")
HEDGE_MODALS = {"could", "might", "may", "should", "must", "can"}


def negated(tok: Token) -> bool:
    if any(c.dep_ == "neg" or c.lower_ in ("never",) for c in tok.children):
        return True
    # "no confirmation that any Su-35 has been delivered"
    for anc in list(tok.ancestors)[:3]:
        if anc.pos_ == "NOUN" and any(c.lower_ == "no" and c.dep_ == "det" for c in anc.children):
            return True
    return False


#: Nouns of knowing: "no confirmation that X was delivered" says nothing was confirmed, not that it failed.
EPISTEMIC_NOUNS = frozenset({"confirmation", "evidence", "sign", "indication", "report", "word", "proof"})


def unconfirmed(tok: Token) -> bool:
    """The verb's negation comes from "no confirmation / evidence / sign that ..."."""
    return any(anc.pos_ == "NOUN" and anc.lemma_.lower() in EPISTEMIC_NOUNS
               and any(c.lower_ == "no" and c.dep_ == "det" for c in anc.children)
               for anc in list(tok.ancestors)[:3])


def modals(tok: Token) -> set[str]:
    return {c.lower_ for c in tok.children if c.dep_ == "aux"}


def is_conditional(tok: Token) -> bool:
    for t in [tok, *list(tok.ancestors)[:3]]:
        if any(c.dep_ == "mark" and c.lower_ in ("if", "unless", "whether") for c in t.children):
            return True
    return False


def is_hedge_word(tok: Token) -> bool:
    """A word of wanting, hoping or proposing, also when the lemmatizer missed it ("hopes" → "hop")."""
    if tok.lemma_.lower() in HEDGE_HEADS:
        return True
    low = tok.lower_
    return tok.tag_ == "VBZ" and low.endswith("s") and low[:-1] in HEDGE_HEADS


def hedged(tok: Token) -> bool:
    """Wishes, requests, proposals and possibilities are not promises."""
    if modals(tok) & HEDGE_MODALS:
        return True
    for anc in list(tok.ancestors)[:3]:
        if is_hedge_word(anc):
            return True
        if anc.lemma_.lower() in ("be",) or anc.dep_ == "ROOT":
            break
    if is_conditional(tok):
        return True
    return False


def chain_up(tok: Token) -> list[Token]:
    """The token and the verbs it hangs from through xcomp/ccomp/conj/relcl/advcl links."""
    out = [tok]
    t = tok
    while t.dep_ in ("xcomp", "ccomp", "conj", "advcl", "acl", "relcl", "pcomp", "prep", "pobj", "dobj",
                     "auxpass", "aux", "acomp", "attr") and t.head.i != t.i and len(out) < 6:
        t = t.head
        out.append(t)
    return out


def mention_at(tok: Token, countries: list[CountryMention]) -> CountryMention | None:
    for m in countries:
        if m.start <= tok.i < m.end:
            return m
    return None


#: Heads that stand for the states named after their "of": offices, bodies and the word for a state itself.
OF_STATE_HEADS = frozenset({"state", "country", "nation", "government", "leader", "president", "delegation"})


def country_of_np(tok: Token, countries: list[CountryMention], depth: int = 2) -> list[CountryMention]:
    """The states a noun phrase stands for: "Russia", "Russia and Iran", "Iranian officials",
    "Russia's atomic energy ministry"."""
    m = mention_at(tok, countries)
    found: list[CountryMention] = [m] if m else []
    if not found and depth > 0:
        for c in tok.children:
            if c.dep_ in ("poss", "compound", "amod", "nmod", "appos"):
                found.extend(country_of_np(c, countries, depth - 1))
                if found:
                    break
    if tok.pos_ == "NOUN" and tok.lemma_.lower() in OF_STATE_HEADS and depth > 0:
        # "the leaders of Mali and Burkina Faso", "the West African states of Mali and Burkina Faso": the
        # states named after "of", each of them (the resolver may read "leaders of Mali" as one mention,
        # which left the second state out)
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ == "of":
                for p in c.children:
                    if p.dep_ == "pobj":
                        found.extend(country_of_np(p, countries, depth - 1))
    if not found and tok.pos_ in ("NOUN", "PRON") and depth > 0:
        # "other allies, among them Canada and Norway", "several states including Chile": the members named
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ in ("among", "including"):
                for p in c.children:
                    if p.dep_ in ("pobj", "appos") and p.lower_ != "them":
                        found.extend(country_of_np(p, countries, depth - 1))
                    for q in p.children:
                        if q.dep_ == "appos":
                            found.extend(country_of_np(q, countries, depth - 1))
    for c in tok.children:
        if c.dep_ == "conj" and not _heads_next_clause(c):
            found.extend(country_of_np(c, countries, depth))
    seen: list[CountryMention] = []
    for f in found:
        if f.code not in {s.code for s in seen}:
            seen.append(f)
    return seen


def members_named(verb: Token, countries: list[CountryMention]) -> list[CountryMention]:
    """States a clause names as members of its subject, attached to the verb ("other allies, among them
    Canada and Norway, pledged tanks")."""
    out: list[CountryMention] = []
    for c in verb.children:
        if c.dep_ == "prep" and c.lower_ in ("among", "including") and c.i < verb.i:
            for p in c.children:
                if p.dep_ in ("pobj", "appos", "conj") and p.lower_ != "them":
                    out.extend(country_of_np(p, countries, 1))
    return out


def stray_subject(verb: Token) -> Token | None:
    """The subject of a second clause that the parser hung on the first clause's last noun: in "A will
    respect B's borders and C will grant A access", the small parser reads "C" as a conjunct of
    "borders" and leaves "grant" with no subject. A verb with a modal of its own ("will", "would") and
    no subject takes the coordinated noun that stands right before its modal."""
    if any(c.dep_ in ("nsubj", "nsubjpass", "csubj") for c in verb.children):
        return None
    modal = next((c for c in verb.children if c.dep_ == "aux" and c.tag_ == "MD" and c.i < verb.i), None)
    if modal is None or modal.i == 0:
        return None
    prev = verb.doc[modal.i - 1]
    if prev.dep_ == "conj" and prev.pos_ in ("PROPN", "NOUN") and prev.head.i < prev.i and any(
            c.dep_ == "cc" for c in prev.head.children):
        return prev
    return None


def _heads_next_clause(tok: Token) -> bool:
    """A conjunct that is really the subject of the next clause ("supply gas to Poland and Denmark will
    build the pipeline"): not one more state of the phrase it hangs on."""
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    if nxt is None or nxt.dep_ != "aux" or nxt.tag_ != "MD" or nxt.head.i <= nxt.i:
        return False
    stray = stray_subject(nxt.head)
    return stray is not None and stray.i == tok.i


def subject_of(verb: Token) -> Token | None:
    t = verb
    for _ in range(5):
        subs = [c for c in t.children if c.dep_ in ("nsubj", "nsubjpass", "csubj")]
        stray = stray_subject(t) if not subs else None
        if stray is not None:
            return stray
        if len(subs) > 1:  # "Turkey and the UAE each pledged": a floating "each" is not the subject
            subs = [c for c in subs if c.lower_ not in ("each", "both", "all")] or subs
        if subs:  # the subject nearest the verb ("NEW DELHI, Dec. 12 — Japan agreed": Japan)
            return max(subs, key=lambda c: c.i if c.i < t.i else -c.i)
        if t.dep_ in ("relcl", "acl") and t.head.pos_ in ("NOUN", "PROPN"):
            # "the contract under which Russia will complete..." handled by nsubj; a bare acl
            # ("a contract to sell") takes the subject of the clause the noun sits in
            t = t.head.head if t.head.head.i != t.head.i else t.head
            continue
        if t.dep_ in ("xcomp", "conj", "ccomp", "advcl", "pcomp", "prep", "pobj", "acomp", "dobj") and t.head.i != t.i:
            t = t.head
            continue
        break
    return None


AGENT_ENTITIES = frozenset({"GPE", "NORP", "ORG", "PERSON"})


def agent_of(verb: Token) -> Token | None:
    """Who does a passive verb's act: the "by" phrase the parser marks as agent, or, on a verb in the
    passive, a "by" phrase it reads as a plain preposition when it names a state, a people, a body or a
    person ("Estonia was promised vehicles by Norway", "by the Norwegian government"): the small
    parser often misses the agent, and then the recipient would be taken for the giver."""
    for c in verb.children:
        if c.dep_ == "agent":
            for cc in c.children:
                if cc.dep_ == "pobj":
                    return cc
    if not any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children):
        return None
    for c in verb.children:
        if c.dep_ == "prep" and c.lower_ == "by":
            for cc in c.children:
                if cc.dep_ == "pobj" and (cc.ent_type_ in AGENT_ENTITIES or any(
                        x.dep_ in ("amod", "compound", "poss") and x.ent_type_ in AGENT_ENTITIES
                        for x in cc.children)):
                    return cc
    return None


def recipients(verb: Token, countries: list[CountryMention]) -> list[CountryMention]:
    """States a verb is directed at: "to Iran", "with Tehran", "for Iran", "supply Iran", "lend Iran"."""
    out: list[CountryMention] = []
    for c in verb.children:
        if c.dep_ in ("dative", "iobj"):
            # "lend Iran" names the state itself; "given to Libya" is a dative preposition with its object
            heads = [p for p in c.children if p.dep_ == "pobj"] if c.pos_ == "ADP" else [c]
            for h in heads:
                out.extend(country_of_np(h, countries))
        elif c.dep_ == "dobj":
            m = mention_at(c, countries)
            if m:
                out.append(m)
            else:
                for cc in c.children:  # "sell S-300 missiles to Iran" parsed under the object
                    if cc.dep_ == "prep" and cc.lower_ in ("to", "for", "with"):
                        for p in cc.children:
                            if p.dep_ == "pobj":
                                out.extend(country_of_np(p, countries))
        elif c.dep_ == "prep" and (c.lower_ in ("to", "with", "for", "on", "from", "against")
                                   or c.lower_ == "in" and verb.lemma_.lower() in ("arrive", "land")):
            for p in c.children:
                if p.dep_ == "pobj" and not _helper(c, p):
                    out.extend(country_of_np(p, countries))
    return out


def _helper(prep: Token, pobj: Token) -> bool:
    """"agreed, with Turkish help, to open talks", "with US mediation": a with-phrase of a third party's
    help names a broker, not whom the promise is to (it made Turkey the promisee of both sides)."""
    return prep.lower_ == "with" and pobj.lemma_.lower() in HELPING_NOUNS


def resolve_pronoun(tok: Token, sent: Span, countries: list[CountryMention], before: str | None) -> list[str]:
    """"it"/"they"/"the two sides": the nearest state that is a subject earlier in the sentence,
    else the state carried over from the previous sentences."""
    low = tok.lower_
    if low not in ("it", "they", "he", "she", "we", "which", "who", "that", "moscow's", "its"):
        return []
    if low in ("which", "who", "that") and tok.head.dep_ in ("relcl", "acl"):
        found = country_of_np(tok.head.head, countries)  # "Russia, which agreed to ..."
        if found:
            return [found[0].code]
    for t in reversed(list(sent.doc[sent.start:tok.i])):
        if low in ("it", "its") and t.ent_type_ == "PERSON" and state_named(t.text) is None:
            continue  # "the exports that Trump promised it would buy": "it" is never a person ("Niger" tagged
            # PERSON by the small model is still the state)
        if t.dep_ in ("nsubj", "nsubjpass"):
            found = country_of_np(t, countries)
            if found:
                return [found[0].code]
    return [before] if before else []
