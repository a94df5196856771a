"""Outcomes stated in a sentence: what became of a promise.

delivered (delivered, completed, came online, connected to the grid, entered service, handed
over, paid, released, lifted), delivered_partial (the first part / shipment / instalment),
delayed (delayed, postponed, behind schedule), suspended (suspended, banned, froze, halted),
refused, cancelled (cancelled, withdrew from, no longer abide by), not_delivered ("did not
deliver", "has still not delivered"; "no confirmation that ... delivered" is only delayed), violated (the act a
refrain commitment ruled out: re-imposed, attacked, invaded, breached) and resumed (resumed,
lifted the ban). Each with the acting state, the counterpart, the object, and a date.
"""

from __future__ import annotations

import re
from dataclasses import replace

from spacy.tokens import Token

from trustledger.commitments import syntax as sx
from trustledger.commitments.aliases import ObjectMention
from trustledger.commitments.objects import class_of
from trustledger.commitments.records import OutcomeMention
from trustledger.commitments.sentence import DocContext, SentenceView
from trustledger.words import words

DELIVER = words("delivery_verbs")
DELAY = words("delay_verbs")
SUSPEND = words("suspension_verbs")
REFUSE = {"refuse", "decline", "reject", "deny"}
#: Nouns of refusing: "over its refusal to suspend enrichment" tells no suspension.
REFUSAL_NOUNS = {"refusal", "rejection", "denial", "unwillingness", "reluctance"}
CANCEL = words("cancellation_verbs")
VIOLATE = words("violation_verbs")
#: verbs of starting a halted thing again ("revived the 2008 treaty", "reinstated the credit line"). General English.
RESUME = {"resume", "restart", "unblock", "revive", "reinstate", "reactivate", "relaunch"}

#: "on hold", "on ice": what is put there, or is there, is suspended. General English.
HOLD_NOUNS = {"hold", "ice"}
#: Verbs and nouns of demanding (demand_lemmas.txt): what is demanded is not what was done.
DEMANDS = words("demand_lemmas")
#: Nouns of a group ("the donors", "both sides"): an outcome they are the subject of is no one state's.
COLLECTIVE = words("collective_words")
#: A party's part in an agreement: "suspended its participation in the treaty" acts on the treaty.
ROLE_NOUNS = words("role_nouns")
#: Nouns of the promise itself: "that pledge was never kept" is about the promise the article just named.
PROMISE_NOUNS = {"pledge", "promise", "commitment", "undertaking", "vow", "assurance", "guarantee"}
#: Verbs of keeping a promise: "will not honour the agreement" is a refusal stated now, not a future deed.
HONOUR = {"honour", "honor", "keep", "fulfil", "fulfill", "implement", "comply", "abide", "respect", "observe"}
#: Verbs of keeping to a promise not to act: "the ceasefire is holding", "both sides have stuck to it".
KEEP_TO = {"hold", "stick", "abide", "adhere", "observe", "respect", "honour", "honor", "keep", "maintain"}
#: What is kept by not acting: a ceasefire, a truce, a moratorium (and the agreement that states it).
CONDUCT = {"ceasefire", "cease-fire", "truce", "armistice", "moratorium", "peace", "calm", "deal", "agreement",
           "accord", "understanding", "it"}
#: Parts named bare ("the first batch arrived"): the thing is the one the article last named as promised.
BARE_PARTS = {"batch", "shipment", "consignment", "cargo", "cargoes", "delivery", "deliveries", "tranche", "instalment",
              "installment", "lot", "part", "portion", "first", "rest", "remainder"}
#: Acts whose refusal refuses a promise ("declined to pull its troops out", "refused to free the men"), beside
#: the verbs of delivering and of leaving; refusing any other act ("refused to halt work") refuses a demand.
REFUSED_ACTS = {"honour", "honor", "implement", "fulfil", "fulfill", "pay", "free", "ratify", "hand", "repay",
                "evacuate", "vacate", "dismantle", "transfer", "compensate"}
#: Verbs of an end: an agreement that is finished, over or collapsed is ended, not carried out.
ENDED = {"finish", "end", "collapse", "die"}
#: A continuing supply: beginning one ("began pumping gas") is the supply promised, delivered.
FLOW = words("flow_verbs")
#: Leaving: a withdrawal that names no object ("finished pulling out of the country") moves troops.
LEAVE = {"withdraw", "pull", "leave", "exit", "depart", "evacuate", "redeploy"}
#: Nouns of an agreement: extending one renews the promise, it does not carry it out.
AGREEMENTS = words("agreement_heads") | {"treaty", "agreement", "accord", "pact", "deal", "memorandum", "truce",
                                         "ceasefire", "arrangement", "licence", "license", "mandate"}
PARTIAL = re.compile(r"\b(first|initial|part|partial(ly)?|some|portion|batch|tranche|"
                     r"instalment|installment|stage|components|shipment|only|"
                     r"stretch|section|segment|leg|half)\b|"  # "built its own stretch of the pipeline"
                     r"\b\d[\d,.]*( (million|billion|bn|m))? of (the|its|their|these|those)\b", re.I)
# "18 of the tanks", "only $100m", "$50 million of the loan"
ALL_DONE = re.compile(r"\b(completed|completes|complete|final|last|all|every|full|fully|rest of|remaining)\b",
                      re.I)


def _coordinate_clause(tok: Token) -> set[int]:
    """Tokens of the coordinated clause a trigger is joined to when the trigger's clause has its own
    subject: in "A freed 32 men, most captured in late 2020, and B freed two soldiers" the date of the
    first clause is not when B freed its soldiers (a shared date "in 2011 A signed and delivered"
    has no second subject and stays shared)."""
    t = tok
    while t.head.i != t.i:
        if t.dep_ == "conj" and t.pos_ in ("VERB", "AUX") and any(
                c.dep_ in ("nsubj", "nsubjpass") for c in t.children):
            own = {x.i for x in t.subtree}
            return {x.i for x in t.head.subtree} - own
        if t.dep_ not in ("conj", "xcomp", "aux", "auxpass"):
            return set()
        t = t.head
    return set()


def _date(view: SentenceView, tok: Token) -> tuple:
    def in_clause(d) -> bool:
        t = view.span.doc[d.start]
        while t.i != tok.i and t.head.i != t.i:
            if t.dep_ in ("relcl", "acl") and t.pos_ in ("VERB", "AUX"):
                return True
            t = t.head
        return False

    foreign = _coordinate_clause(tok)
    when = [d for d in view.dates if d.role == "when" and not in_clause(d) and d.start not in foreign]
    if when:
        sub = {t.i for t in tok.subtree}
        inside = [d for d in when if d.start in sub]
        d = min(inside or when, key=lambda d: abs(d.start - tok.i))
        return d.date, d.precision, True
    return view.ctx.doc_date, "day", False


#: What a creditor forgives: cancelling one is the write-off it promised, not a cancelled promise.
DEBTS = {"debt", "debts", "arrears", "liability", "liabilities", "obligation"}


def _under_prep(t: Token, top: Token, preps: tuple[str, ...]) -> bool:
    """Whether `t` sits inside a prepositional phrase headed by one of `preps`, below `top`."""
    for a in t.ancestors:
        if a.i == top.i:
            return False
        if a.dep_ == "prep" and a.lower_ in preps:
            return True
    return False


def _supplier(tok: Token, obj: ObjectMention, view: SentenceView, counterpart: str | None) -> str | None:
    """The state a delivered thing came from when no subject names it: "the arrival from Russia of
    the S-300s", "received the jets from France", or the nationality of the thing itself ("the
    arrival of British tanks")."""
    doc = view.span.doc
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ == "from" and tok.lemma_.lower() not in LEAVE:  # "withdrawn from X": left
            for p in c.children:
                if p.dep_ == "pobj":
                    found = [m.code for m in sx.country_of_np(p, view.countries) if m.code != counterpart]
                    if found:
                        return found[0]
    head = next(t for t in doc[obj.start:obj.end] if not obj.start <= t.head.i < obj.end or t.head.i == t.i)
    while head.dep_ in ("compound", "nmod") and head.head.i != head.i:
        head = head.head  # "Challenger II tanks": the noun the name modifies
    for c in head.children:
        if c.dep_ == "amod" and (c.ent_type_ == "NORP" or c.pos_ == "ADJ") and not any(
                x.dep_ == "case" for x in c.children):  # "British tanks", not "Taiwan's tanks"
            m = sx.mention_at(c, view.countries)
            if m and m.start == c.i and m.code != counterpart:
                return m.code
    return None


def _role_object(view: SentenceView, tok: Token) -> ObjectMention | None:
    """The agreement a party's part in it names: "suspended its participation in the treaty",
    "its obligations under the deal" -> the treaty, the deal (the last one the article named, when
    it is named only by its head noun)."""
    for c in tok.children:
        if c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in AGREEMENTS:
            # "will not honour the agreement to remove its troops": what the agreement has done
            acts = [a for a in [*c.children, *tok.children] if a.dep_ in ("acl", "relcl", "advcl")
                    and a.pos_ == "VERB" and any(x.dep_ == "aux" and x.lower_ == "to" for x in a.children)]
            if acts:
                found = view.fallback_object(acts[0])
                if found is not None:
                    return found
        if c.dep_ not in ("dobj", "nsubjpass", "pobj") or c.lemma_.lower() not in ROLE_NOUNS:
            continue
        for prep in c.children:
            if prep.dep_ == "prep" and prep.lower_ in ("in", "of", "under", "with", "to"):
                for p in prep.children:
                    if p.dep_ == "pobj":
                        inside = {t.i for t in p.subtree}
                        named = [o for o in view.objects if o.start in inside]
                        if p.lemma_.lower() in AGREEMENTS:
                            # "its participation in the deal that lets grain be shipped": the deal, not
                            # the grain its clause names
                            return _agreement_object(view, p)
                        return min(named, key=lambda o: (o.generic, o.start)) if named else \
                            view.fallback_object_np(p)
    return None


#: Verbs of opening a thing built: "the railway opened", "inaugurated the plant" (not "opened talks").
OPENED = {"open", "inaugurate", "launch", "unveil"}
#: What a thing goes into when it is delivered: "went into operation", "was put into service".
IN_SERVICE = {"service", "operation", "commission", "use", "orbit"}
#: What is opened without being a promised thing built: talks, fire, an inquiry, a way, a front.
NOT_OPENED = {"talk", "talks", "negotiation", "fire", "investigation", "inquiry", "probe", "way", "door", "front",
              "offensive", "attack", "campaign", "case", "session", "dialogue", "consultation", "process", "account",
              "market", "border", "corridor", "office", "embassy"}


def _dated_inside(view: SentenceView, tok: Token) -> bool:
    """A date stated inside the verb's own phrase ("opened on May 31")."""
    sub = {t.i for t in tok.subtree}
    return any(d.start in sub for d in view.dates)


def _opened_thing(view: SentenceView, tok: Token) -> bool:
    """Whether what is opened (its object, its passive subject, its intransitive subject, or the noun an
    "opened on ..." phrase describes) is a thing built: a promised object, not talks or fire."""
    heads = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
    if not heads:
        heads = [c for c in tok.children if c.dep_ == "nsubj"] or ([tok.head] if tok.dep_ == "acl" else [])
    named = {i for o in view.objects for i in range(o.start, o.end)}
    covered = view.country_tokens
    return any(h.lemma_.lower() not in NOT_OPENED and h.pos_ in ("NOUN", "PROPN")
               and (h.i in named or view.fallback_object_np(h) is not None)
               and h.i not in covered for h in heads)  # not "Chad opened", a state


def _own_object(view: SentenceView, tok: Token) -> ObjectMention | None:
    """The thing the verb itself governs when the object nearest it lies in a clause beyond its own:
    in "each freed five detainees in a swap that lets Tehran reach $6 billion", what was freed is the
    detainees, not the money named in the clause about the swap; in "deployed missiles on the islands"
    the islands stay the object (same clause). None when the nearest object is in the verb's clause."""
    own = [c for c in tok.children if c.dep_ == "dobj"]
    if not own or any(c.lemma_.lower() in PROMISE_NOUNS | AGREEMENTS | ROLE_NOUNS for c in own):
        return None  # "breaking the pledge": what the pledge was about is named elsewhere in the sentence
    clause = {t.i for t in tok.subtree}
    for x in tok.subtree:
        if x.dep_ in ("relcl", "acl", "advcl", "ccomp") and x.i != tok.i:
            clause -= {t.i for t in x.subtree}
    near = view.object_near(tok)
    if near is None or near.start in clause:
        return None
    found = view.fallback_object(tok)
    return found if found is not None and found.start in clause else None


#: What is relieved by being removed: lifting, scrapping or dropping one is the relief promised
#: ("the penalty tariffs were removed", "revoked the sanctions"), not a cancelled promise. (A ban
#: lifted stays `resumed`: what it banned starts again.)
RELIEF = words("relief_nouns")
#: Verbs of removing a burden (with a `RELIEF` noun as their object).
REMOVE = words("remove_verbs")
#: Verbs of letting: "he would let the jets be delivered" is a permission (future), not a delivery.
PERMIT = words("permit_verbs")
#: Things that are sent or released without being a promised thing: a message, a statement, a report.
MESSAGES = words("message_nouns")
#: Processes that are finished or launched without being a promised thing delivered: talks, a review.
PROCESSES = words("process_nouns")
#: What is "built" without being a thing built: a case, trust, ties.
ABSTRACT_BUILT = words("abstract_built_nouns")
#: Parts of a thing built or sent: what is done to one is done to a part of the whole it belongs to.
PART_NOUNS = words("part_nouns")
#: Nouns of a delivery's timing: "the handover has slipped to 2014" is a delay.
TIMING_NOUNS = words("timing_nouns")
#: Nouns of time: "the set hour arrived" is no delivery.
TIME_NOUNS = words("moment_nouns")
#: Words of newness: "granted a further $100 million credit line" is a new promise, not an old one kept.
FURTHER = {"further", "new", "another", "additional", "fresh", "second", "extra"}
#: Verbs by which a new promise is given (with a `FURTHER` object): grant, extend, approve, offer, sign.
GIVE_NEW = {"grant", "extend", "approve", "offer", "sign", "announce"}
#: Adverbs of an earlier, undated time: "Egypt has received F-16s before" is background, not the delivery.
EARLIER = {"before", "previously", "earlier", "formerly", "once"}
#: A shortfall named: "a wheat shortfall of 3.85 million tons under the agreement".
SHORTFALL = {"shortfall", "short-fall", "deficit"}


def _money(t: Token) -> bool:
    """A sum of money: "$240 million", "188.9 million", "2 billion euros"."""
    if t.ent_type_ == "MONEY" or any(c.lower_ in ("$", "€", "£", "¥") for c in t.subtree):
        return True
    return t.lemma_.lower() in ("million", "billion", "trillion", "bn", "dollar", "euro", "rouble", "ruble", "yuan",
                                "yen", "pound", "rupee", "riyal")


def _forgiven(tok: Token) -> bool:
    """What is cancelled is a debt: a debt noun, or a sum (a sum is not a contract that can be cancelled:
    "cancelled $240 million of Kyrgyz debt", "cancelled $188.9 million in 2013")."""
    for c in tok.children:
        if c.dep_ not in ("dobj", "nsubjpass"):
            continue
        if c.lemma_.lower() in DEBTS or any(t.lemma_.lower() in DEBTS for t in c.subtree if t.dep_ == "pobj"):
            return True
        if _money(c) and not any(t.lemma_.lower() in AGREEMENTS | {"contract", "order", "sale", "purchase", "deal"}
                                 for t in c.subtree):
            return True
    return False


#: Verbs of laying a burden on (with a `RELIEF` noun or a ban as their object).
IMPOSE = words("impose_verbs")


def _burden(tok: Token) -> Token | None:
    """The sanctions, tariffs or ban a verb of imposing lays on: "imposed new sanctions on Sudan"."""
    return next((c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")
                 and c.lemma_.lower().rstrip("s") in RELIEF | {"dutie", "ban"}), None)


def _relieved(tok: Token) -> bool:
    """Whether the verb removes a burden (`RELIEF`): "the tariffs were removed", "scrapping the duties"."""
    return tok.lemma_.lower() in REMOVE and any(
        c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower().rstrip("s") in RELIEF | {"dutie"}
        for c in tok.children)


def _ended_agreement(tok: Token) -> Token | None:
    """An agreement the verb says is over: its subject or object, or, when the parser hangs the subject
    on a copula ("the deal allowing grain to be shipped is 'de facto' finished"), the agreement that
    is the subject of "be" inside the verb's own phrase."""
    own = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass", "dobj") and c.lemma_.lower() in AGREEMENTS]
    if own:
        return own[0]
    if any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children):
        return None
    near = [*tok.subtree, *(t for b in tok.head.children if b.lemma_ == "be" and b.i < tok.i and b.i != tok.head.i
                            for t in b.subtree)]
    return next((t for t in near if t.dep_ in ("nsubj", "nsubjpass") and t.lemma_.lower() in AGREEMENTS
                 and t.head.lemma_ == "be" and t.head.i < tok.i), None)


#: Verbs by which a body consents to an agreement already signed: said of an agreement, they are its
#: ratification ("the parliament approved the accord", "lawmakers backed the protocol"). General English.
APPROVE = {"approve", "endorse", "back", "adopt", "pass", "sanction"}


def _approved_agreement(tok: Token) -> Token | None:
    """The agreement a verb of approving has as its object ("approved a NATO accord", "the protocol was
    backed by 153 votes"): the consent a ratification is. None for any other object ("approved a loan")
    and for an agreement named only inside its phrase ("backed the talks on a treaty")."""
    if tok.lemma_.lower() not in APPROVE or tok.pos_ != "VERB":
        return None
    return next((c for c in tok.children if c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in AGREEMENTS),
                None)


#: Nouns naming an activity only generically ("restarted nuclear work", "resumed its activities"): what a
#: state that halted something starts again. Outcomes on them take one key, `ACTIVITY_KEY`, which linking
#: reads as the actor's own promise to halt (see link.py). General English.
ACTIVITY_NOUNS = {"work", "works", "activity", "activities", "operation", "operations"}
ACTIVITY_KEY = "activity"


def _activity_resumed(tok: Token, kind: str) -> Token | None:
    """The generic activity a verb of resuming has as its object ("has restarted nuclear work", "resumed
    its activities"), None for anything named ("resumed gas deliveries") or for any other outcome."""
    if kind != "resumed":
        return None
    return next((c for c in tok.children if c.dep_ in ("dobj", "nsubjpass") and c.lower_ in ACTIVITY_NOUNS), None)


def _begun_flow(tok: Token) -> Token | None:
    """The supply a verb of beginning governs ("began pumping gas to China", "started shipping oil"):
    what was supplied and to whom are that verb's, not the nearest thing the sentence names."""
    if tok.lemma_.lower() not in ("start", "begin"):
        return None
    return next((c for c in tok.children if c.dep_ == "xcomp" and c.lemma_.lower() in FLOW | DELIVER), None)


def _agreement_object(view: SentenceView, c: Token) -> ObjectMention:
    """An agreement noun as the outcome's object: the object named there, or its head noun with its
    compounds ("the fishing accord" -> "fishing accord"), by lemma."""
    own = [o for o in view.objects if o.start <= c.i < o.end]
    if own:
        return own[0]
    named = " ".join(t.lemma_.lower() if t.i == c.i else t.lower_ for t in c.subtree
                     if t.i == c.i or t.dep_ == "compound" and t.i < c.i)
    return ObjectMention(c.i, c.i + 1, named, c.text, True, "agreement")


DISTRIBUTIVE = {"each", "both"}

#: where the parser hangs a floating "each"/"both" ("Chad and Niger each freed", "Mali and Niger both left")
DISTRIBUTIVE_DEPS = ("nsubj", "advmod", "det", "dep", "appos", "npadvmod", "cc", "preconj")

DONE_KINDS = ("delivered", "delivered_partial")


def _each_of(view: SentenceView, tok: Token, m: OutcomeMention) -> list[OutcomeMention]:
    """An exchange told as one deed of two states ("Chad and Niger each freed four prisoners", "both
    sides' troops": "Mali and Niger both withdrew their troops") is the same deed done by each, to the
    other: without this only the first state named delivers, and the second state's promise in the swap
    finds no outcome. Needs the distributive word ("each", "both"), for "A and B released ..." alone may
    be one joint deed; only for deliveries, the commonest outcome of a swap."""
    if m.kind not in DONE_KINDS:
        return [m]
    subj = sx.subject_of(tok)
    if subj is None or subj.dep_ != "nsubj":
        return [m]
    marked = any(c.lower_ in DISTRIBUTIVE and c.dep_ in DISTRIBUTIVE_DEPS for t in (tok, subj) for c in t.children)
    if not marked:
        return [m]
    codes = list(dict.fromkeys(c.code for c in sx.country_of_np(subj, view.countries)))
    if len(codes) < 2:
        # "old foes Chad and Niger each freed ...": the parser may hang the named pair under the
        # describing noun; the states are still those inside the subject phrase
        inside = {t.i for t in subj.subtree}
        codes = list(dict.fromkeys(c.code for c in view.countries if c.start in inside))
    if len(codes) != 2 or m.actor not in (None, *codes):
        return [m]
    a, b = codes
    # the split deeds are told apart by their trigger (as the detector does for split promises):
    # the outcome's id is made of it, and two deeds of one word would otherwise be one row
    return [replace(m, actor=a, counterpart=b, trigger=f"{m.trigger}:{a}>{b}"),
            replace(m, actor=b, counterpart=a, trigger=f"{m.trigger}:{b}>{a}")]


#: Modals of obligation: "the loan must be repaid by 2025" says what is owed, not what was done ("must
#: have been delivered", with "have", is a guess about the past and is left to the rules above).
OBLIGED = {"must", "ought", "need"}
#: Verbs of paying back: repaying a loan is paying it (the borrower's act; linking keeps it off the lender's promise).
REPAY = {"repay", "reimburse", "refund"}
#: Verbs whose subject is the thing that came about when they have no object ("the plant began operating",
#: "gas started flowing", "the jets arrived"): that subject is what became of the promise.
THEME_SUBJECT = {"arrive", "land", "come", "enter", "connect", "open", "go", "begin", "start", "reach"}
#: Verbs and the particle that makes them walking out of a deal ("called off the sale", "backed out of the
#: deal", "reneged on", "walked away from", "pulled out of the agreement"; "the deal fell through").
DEAL_EXITS = words("deal_exit_phrasals")
#: Verbs of putting a deal aside ("shelved the project", "ditched the deal"): with a deal as their object.
SHELVE = {"shelve", "ditch", "axe", "nix", "jettison", "drop", "abandon"}
#: Nouns of what a state walks out of besides an agreement: a sale, a purchase, an order, a project.
DEAL_THINGS = {"sale", "purchase", "order", "project", "plan", "programme", "program", "contract", "loan"}
#: Nouns of the work of building: "construction began", "work on the plant started" is progress, not delivery.
WORKS = {"construction", "work", "works", "building", "groundwork", "excavation"}
#: Nouns of a withdrawal named as an act: "completed the military pullout" moves troops.
WITHDRAWALS = {"withdrawal", "pullout", "pull-out", "drawdown", "departure", "redeployment", "evacuation"}


def _deal_exit(tok: Token) -> Token | None:
    """The deal a phrasal verb of walking out acts on: "called off the sale", "backed out of the deal",
    "reneged on its pledge", "walked away from the accord", "the deal fell through", "shelved the project".
    None when the verb is not such a phrasal or what it acts on is no deal, sale, order or promise."""
    lem = tok.lemma_.lower()
    parts = {c.lower_ for c in tok.children if c.dep_ in ("prt", "advmod", "prep")}
    if not any(f"{lem} {p}" in DEAL_EXITS for p in parts) and lem not in SHELVE | {"renege"}:
        return None
    deals = AGREEMENTS | DEAL_THINGS | PROMISE_NOUNS
    args = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
    args += [p for c in tok.children if c.dep_ in ("prep", "prt", "advmod") for q in (c, *c.children)
             if q.dep_ == "prep" or q is c for p in q.children if p.dep_ == "pobj"]
    if lem == "fall":
        args += [c for c in tok.children if c.dep_ == "nsubj"]
    return next((a for a in args if a.lemma_.lower() in deals), None)


def _troops_left(view: SentenceView, tok: Token) -> bool:
    """Whether a verb of leaving moves troops out of a place: troops (or soldiers, forces) are its subject
    or its object ("the last soldiers left the country", "pulled out its troops"), or a state leaves a
    place ("Ethiopia has not pulled out of Badme"), not a deal, talks or a meeting."""
    if tok.lemma_.lower() not in LEAVE - {"withdraw"}:
        return False
    if tok.lemma_.lower() == "pull" and not any(c.lower_ == "out" for c in tok.children):
        return False
    subj = sx.subject_of(tok)  # "troops are said to be pulling out": the subject of the verb it hangs on
    args = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass", "dobj")] + ([subj] if subj is not None else [])
    if any(class_of(a.lemma_.lower()) == "troops" for a in args):
        return True
    if subj is None or not sx.country_of_np(subj, view.countries):
        return False
    places = [p for c in tok.children if c.dep_ in ("prep", "prt") for q in (c, *c.children)
              if q.dep_ == "prep" or q is c for p in q.children if p.dep_ == "pobj"]
    places += [c for c in tok.children if c.dep_ == "dobj"]
    return any(p.ent_type_ in ("GPE", "LOC") or sx.mention_at(p, view.countries) for p in places
               if p.lemma_.lower() not in AGREEMENTS | DEAL_THINGS | PROCESSES)


def _remainder_of(tok: Token) -> Token | None:
    """The whole a free relative of what is left names ("scrapped what was left of $1 billion in aid",
    "froze what remained of the loan"): the noun after "of", which is what the verb acts on."""
    for c in tok.children:
        if c.dep_ not in ("ccomp", "dobj", "nsubjpass", "xcomp") or c.lemma_.lower() not in ("leave", "remain"):
            continue
        if not any(x.lower_ == "what" for x in c.children if x.dep_ in ("nsubj", "nsubjpass")):
            continue
        for p in (p for x in c.children if x.dep_ == "prep" and x.lower_ == "of" for p in x.children
                  if p.dep_ == "pobj"):
            return p
    return None


#: Nouns of a share of a whole: "58% of the goods", "half of the sum", "a fraction of the aid".
SHARES = {"%", "percent", "per cent", "half", "fraction", "share", "third", "quarter", "portion", "part"}
#: Nouns of a halt: "a breach of the moratorium on tests" breaks the promise about the tests.
HALT_NOUNS = {"halt", "moratorium", "freeze", "ban", "suspension", "pause"}
#: Verbs of buying: a promise to buy is carried out by buying ("China has bought only 58% of the goods").
BUY = {"buy", "purchase", "import"}
#: Nouns of a breach: "a breach of the halt on missile launches", "violations of the truce".
BREACH_NOUNS = {"breach", "violation", "infringement", "contravention"}
#: Verbs of firing or testing a weapon: what a promise to halt tests rules out ("fired an ICBM").
FIRE = {"fire", "test", "test-fire", "launch", "detonate"}


def _rescheduled(view: SentenceView, tok: Token) -> bool:
    """A delivery told as still ahead with "now" and a date ("Unit 1 will now enter service in late 2019",
    "the jets are now expected to arrive in 2021", "is now due in May"): the schedule revised, a delay."""
    holders = [tok, tok.head] if tok.dep_ in ("xcomp", "acomp") else [tok]
    if not any(c.dep_ == "advmod" and c.lower_ == "now" for h in holders for c in h.children):
        return False
    return any(_dated_inside(view, h) for h in holders)


def _fired_weapon(tok: Token) -> bool:
    """Whether a verb of firing or testing has a weapon as its object ("fired an intercontinental
    ballistic missile", "tested a nuclear device"), not "fired the minister" or "launched talks"."""
    return tok.lemma_.lower() in FIRE and any(
        c.dep_ in ("dobj", "nsubjpass") and class_of(c.lemma_.lower()) == "weapon" for c in tok.children)


def _located_in(view: SentenceView, tok: Token):
    """The state a promised thing is said to be in now ("every tank pledged to Kyiv is now in Ukraine",
    "the systems are already in Syria"): the copula with "now" or "already", a thing (not a state or a
    person) as its subject and a state after "in". None for any other clause."""
    if tok.lemma_ != "be" or not any(c.dep_ == "advmod" and c.lower_ in ("now", "already") for c in tok.children):
        return None
    subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
    if subj is None and tok.dep_ == "ccomp" and tok.head.i < tok.i:
        # "every tank pledged to Kyiv is now in Ukraine": the parser reads "tank pledged to Kyiv" as a clause
        # and hangs "is" on it without a subject; the noun is the subject of both
        subj = next((c for c in tok.head.children if c.dep_ == "nsubj" and c.i < tok.head.i), None)
    if subj is None or subj.pos_ != "NOUN" or sx.country_of_np(subj, view.countries) or \
            class_of(subj.lemma_.lower()) in (None, "other", "people", "troops"):
        return None
    for p in (p for c in tok.children if c.dep_ == "prep" and c.lower_ == "in" for p in c.children
              if p.dep_ == "pobj"):
        found = sx.country_of_np(p, view.countries)
        if found:
            return found[0]
    return None


#: Nouns of talks between sides (`talk_nouns.txt`): "the talks took place" keeps a promise to open them.
TALKS = words("talk_nouns")
#: Verbs that hold talks, in the passive: "negotiations were held", "talks were conducted".
HOLD_TALKS = {"hold", "conduct"}


def _talks_held(tok: Token) -> Token | None:
    """The talks a clause says took place or were held ("the talks took place in Doha", "negotiations
    were held on 15 March", "the first round of talks was held"): a promise to open or hold talks is
    kept by holding them, whatever the talks are about. An active "the two armies held talks on the
    ceasefire" is left alone: such talks are mostly about another promise, not one to talk. None for
    any other clause."""
    lem = tok.lemma_.lower()
    if lem == "take" and any(c.dep_ == "dobj" and c.lower_ == "place" for c in tok.children):
        dep = "nsubj"
    elif lem in HOLD_TALKS:
        dep = "nsubjpass"
    else:
        return None
    return next((t for c in tok.children if c.dep_ == dep for t in [_talks_of(c)] if t is not None), None)


#: Nouns of one sitting of talks: "the first round of negotiations", "a session of talks".
SITTINGS = {"round", "session", "sitting"}


def _talks_of(noun: Token) -> Token | None:
    """The talks noun itself, or the talks a sitting is of ("the first round of negotiations")."""
    if noun.lemma_.lower() in TALKS:
        return noun
    if noun.lemma_.lower() in SITTINGS:
        return next((p for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"
                     for p in c.children if p.dep_ == "pobj" and p.lemma_.lower() in TALKS), None)
    return None


#: Verbs of staying in a state, as written ("enrichment remains suspended", "which is to stay frozen"):
#: parsed as an auxiliary, "remains" keeps its inflected form as its lemma.
STAY = {"remain", "remains", "remained", "remaining", "stay", "stays", "stayed", "staying"}


def _still_halted(tok: Token) -> Token | None:
    """The thing a clause says is still halted ("uranium enrichment remains suspended", "the tests,
    which are to stay frozen", "shipments stayed halted"), for a verb of suspension after a verb of
    staying: the halt reported in force. The noun that stays halted (through a relative pronoun to
    the noun it stands for), or None. A promise to halt is being kept (`ledger.halted_as_kept`); a
    promise to deliver, held up."""
    if tok.lemma_.lower().replace("-", "") not in SUSPEND or tok.tag_ not in ("VBN", "JJ"):
        return None
    if any(c.dep_ in ("aux", "auxpass") and c.lower_ in STAY for c in tok.children):
        verb = tok  # "remains suspended" parsed with "remains" as its auxiliary
    elif tok.dep_ in ("acomp", "xcomp", "oprd") and tok.head.lemma_.lower() in STAY:
        verb = tok.head
    else:
        return None
    for _ in range(3):
        # the subject may hang on the auxiliary itself ("enrichment remains suspended" parsed so)
        heads = [verb, *(c for c in verb.children if c.dep_ in ("aux", "auxpass") and c.lower_ in STAY)]
        subj = next((c for h in heads for c in h.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None:
            if subj.lower_ in ("which", "that", "who") and verb.dep_ == "relcl":
                return verb.head
            return subj if subj.pos_ in ("NOUN", "PROPN") else None
        if verb.dep_ not in ("xcomp", "relcl") or verb.head is verb:
            return None
        verb = verb.head
    return None


def _on_hold(tok: Token) -> bool:
    """"France put the handover on hold", "the sale is on hold", "the project remains on ice": the verb (or
    the copula) has "on hold" / "on ice" as its own phrase (the parser may make "hold" a verb of its own
    and leave "on" without object: "put on hold the handover")."""
    doc = tok.doc
    return any(c.dep_ == "prep" and c.lower_ == "on" and c.i + 1 < len(doc) and doc[c.i + 1].lower_ in HOLD_NOUNS
               and not any(p.dep_ == "prep" and p.lower_ == "of" for p in doc[c.i + 1].children)
               for c in tok.children)


#: What a state takes part in under an agreement: its participation in the deal is the deal. General English.
TAKING_PART = {"participation", "membership", "involvement", "part", "role"}
#: What a verb of suspending or resuming may halt as an agreement: a contract is one here ("was revived").
HALTED_DEALS = AGREEMENTS | {"contract"}


def _halted_agreement(tok: Token) -> Token | None:
    """The agreement a verb of suspending or resuming has as its object or subject ("suspended the
    friendship treaty", "the treaty was suspended", "suspended its participation in the grain deal"),
    None when what was halted is anything else (a contract is an agreement here: "the contract was revived")."""
    for c in tok.children:
        if c.dep_ not in ("dobj", "nsubjpass", "nsubj"):
            continue
        if c.lemma_.lower() in HALTED_DEALS:
            return c
        if c.lemma_.lower() in TAKING_PART:
            for p in (p for x in c.children if x.dep_ == "prep" and x.lower_ in ("in", "of")
                      for p in x.children if p.dep_ == "pobj"):
                if p.lemma_.lower() in HALTED_DEALS:
                    return p
    return _ended_agreement(tok)  # "the treaty ... was, in practice, suspended", the subject hung on "was"


#: Nouns of standing relations between states ("diplomatic relations", "ties").
RELATIONS = {"relation", "relations", "tie", "ties"}


def _no_relations(tok: Token) -> Token | None:
    """The relations a clause says two states do not have ("the two countries have neither diplomatic
    nor economic relations", "have no diplomatic ties", "do not have diplomatic relations"): a promise
    to establish them not carried out (yet). The relations noun, or None."""
    if tok.lemma_.lower() != "have" or tok.tag_ not in ("VBP", "VBZ", "VBD"):
        return None
    for c in tok.children:
        if c.dep_ != "dobj" or c.lemma_.lower() not in RELATIONS:
            continue
        if sx.negated(tok) or any(d.dep_ in ("det", "preconj") and d.lower_ in ("no", "neither")
                                  for d in c.subtree):
            return c
    return None


def _works_begun(tok: Token) -> Token | None:
    """The noun of building work a verb of beginning has as its subject ("construction of the plant began",
    "work on the railway has started"), or the ground broken ("broke ground on the plant"): progress on a
    thing promised to be built."""
    lem = tok.lemma_.lower()
    if lem in ("begin", "start", "commence", "resume", "get"):
        return next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass") and c.lemma_.lower() in WORKS),
                    None)
    if lem == "break":
        return next((c for c in tok.children if c.dep_ == "dobj" and c.lower_ == "ground"), None)
    return None


class OutcomeFinder:
    def __init__(self, ctx: DocContext):
        self.ctx = ctx
        #: the promised things the last sentence naming any of them named, in its order: what "that
        #: pledge" stands for (the detector's record keeps each thing where it was first promised)
        self.recent: list[str] = []
        #: the other things a promise reference of the sentence being read stands for (see `find`)
        self._also: list[str] = []

    def find(self, view: SentenceView) -> list[OutcomeMention]:
        out: list[OutcomeMention] = []
        seen: set[tuple] = set()
        for tok in view.span:
            if tok.pos_ not in ("VERB", "AUX", "NOUN", "ADJ"):
                continue
            kind = self._kind(view, tok)
            if kind is None:
                continue
            m = self._build(view, tok, kind)
            if m is None:
                continue
            also, self._also = self._also, []
            ms = [m, *(replace(m, object=k, what=f"{m.kind} {k}", terms=[k, *m.terms]) for k in also)]
            ms = [e for one in ms for e in _each_of(view, tok, one)]
            for one in ms:
                key = (one.kind, one.object, one.actor)  # "A freed 32 soldiers and B freed two": two outcomes
                if key in seen:
                    continue
                seen.add(key)
                out.append(one)
        named = self._promised_named(view)
        if named:
            self.recent = named
        return out

    def _promised_named(self, view: SentenceView) -> list[str]:
        """The promised things (the detector's record) a sentence names, in its order: by the whole
        name in its text, or by the name's head word among its lemmas ("the arsenals and troops")."""
        low = view.text.lower()
        at: dict[str, int] = {}
        for key in self.ctx.parties_by_object:
            head = key.split()[-1] if key else ""
            pos = low.find(key) if key else -1
            if pos < 0:
                pos = next((t.idx - view.span.start_char for t in view.span if t.lemma_.lower() == head), -1)
            if pos >= 0:
                at[key] = pos
        return sorted(at, key=lambda k: at[k])

    def _last_key(self) -> str:
        """The promised thing named last: the last one the latest sentence naming a promise named."""
        return self.recent[-1] if self.recent else list(self.ctx.parties_by_object)[-1]

    @staticmethod
    def _kept_to(tok: Token) -> bool:
        """A promise not to act reported as kept so far: a ceasefire that holds (intransitive, no
        "up"), or a state that sticks to, abides by, observes a ceasefire or "it" (the promise)."""
        if tok.tag_ not in ("VBZ", "VBP", "VBD", "VBN", "VBG"):
            return False
        if tok.tag_ == "VBG" and not any(c.dep_ == "aux" and c.lemma_ in ("be", "have") for c in tok.children):
            return False
        if tok.lemma_.lower() == "hold":
            if any(c.dep_ in ("dobj", "prt") for c in tok.children):
                return False  # "held talks", "held up the sale"
            if tok.dep_ in ("relcl", "acl"):
                return False  # "the soldiers it has held": the noun described is what is held
            return any(c.dep_ == "nsubj" and c.lemma_.lower() in CONDUCT for c in tok.children)
        heads = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
        heads += [p for c in tok.children if c.dep_ == "prep" and c.lower_ in ("to", "by")
                  for p in c.children if p.dep_ == "pobj"]
        return any(h.lemma_.lower() in CONDUCT or h.lower_ in CONDUCT for h in heads)

    def _last_promised(self, tok: Token, obj: ObjectMention | None) -> ObjectMention | None:
        """What a bare part or a pronoun stands for: "the first batch arrived", "it was commissioned in
        2010" are about the thing the article last named as promised (a named thing stays itself)."""
        if not self.ctx.parties_by_object:
            return obj
        last = self._last_key()
        if obj is not None and obj.object in BARE_PARTS:
            return ObjectMention(obj.start, obj.end, last, obj.text, False, "other")
        nothing = next((c for c in tok.children if c.dep_ == "dobj" and c.lower_ in ("nothing", "none")), None)
        if obj is None and nothing is not None:  # "has paid nothing": none of what it promised
            return ObjectMention(nothing.i, nothing.i + 1, last, nothing.text, False, "other")
        if obj is None:
            subj = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subj is not None and subj.lower_ in ("it", "they") and subj.dep_ == "nsubjpass" or \
                    subj is not None and subj.lower_ in ("it", "they") and tok.lemma_.lower() in (
                        "arrive", "enter", "land", "reach"):
                return ObjectMention(subj.i, subj.i + 1, last, subj.text, False, "other")
            if subj is not None and (subj.lemma_.lower() in BARE_PARTS or subj.lower_ in BARE_PARTS) and (
                    subj.dep_ == "nsubjpass" or tok.lemma_.lower() in THEME_SUBJECT):
                # "the two cargoes arrived", "the first batch was delivered": a part of what was promised
                return ObjectMention(subj.i, subj.i + 1, last, subj.text, False, "other")
        return obj

    def _promised_of_class(self, tok: Token) -> ObjectMention | None:
        """A thing named only by its kind ("the jets were supplied", "the submarine should have been
        handed over") is the promised thing of that kind this article named (an F-16, the S26T): the
        one whose name ends in the same word, else the one named last. None when the article promised
        nothing of that kind."""
        theme = [c for c in tok.children if c.dep_ in ("nsubjpass", "dobj")] or \
            [c for c in tok.children if c.dep_ == "nsubj" and tok.lemma_.lower() in THEME_SUBJECT]
        if not theme or theme[0].pos_ != "NOUN" or not self.ctx.parties_by_object:
            return None
        noun = theme[0]
        kind = class_of(noun.lemma_.lower())
        if kind in ("other", None):
            return None
        order = [k for k in self.recent if k in self.ctx.parties_by_object]
        order += [k for k in reversed(list(self.ctx.parties_by_object)) if k not in order]
        same = [k for k in order if class_of(k) == kind]
        if not same:
            return None
        key = next((k for k in same if k.split()[-1].rstrip("s") == noun.lemma_.lower().rstrip("s")), same[0])
        return ObjectMention(noun.i, noun.i + 1, key, noun.text, False, "other")

    @staticmethod
    def _whole_of(view: SentenceView, part: ObjectMention) -> ObjectMention | None:
        """The thing a part named belongs to: "its own stretch of the pipeline" -> the pipeline."""
        doc = view.span.doc
        for t in doc[part.start:part.end]:
            if t.lemma_.lower() not in PART_NOUNS:
                continue
            for prep in (c for c in t.children if c.dep_ == "prep" and c.lower_ == "of"):
                for p in (x for x in prep.children if x.dep_ == "pobj"):
                    found = view.object_in(p)
                    if found is not None:
                        return found
        return None

    def _promise_reference(self, tok: Token) -> ObjectMention | None:
        """"That pledge was never kept", "the promise was broken": the promise the article named
        last, when the outcome names the promise rather than the thing: each thing the last sentence
        that named promised things named ("promised to remove the arsenals and troops by 1997. That
        pledge was never kept": both), the others through `_also`."""
        kids = [*tok.children, *(p for c in tok.children if c.dep_ == "prep" and c.lower_ in ("to", "by")
                                 for p in c.children if p.dep_ == "pobj")]
        for c in kids:
            if c.dep_ in ("nsubjpass", "dobj", "nsubj", "pobj") and (
                    c.lemma_.lower() in PROMISE_NOUNS or c.lower_ == "it" and tok.lemma_.lower() in KEEP_TO) and \
                    self.ctx.parties_by_object:
                key = self._last_key()
                self._also = [k for k in self.recent if k != key]
                return ObjectMention(c.i, c.i + 1, key, c.text, False, "other")
        return None

    @staticmethod
    def _arrived(view: SentenceView, tok: Token) -> bool:
        """"reach" as arrival: a thing (not a state) reaches a state or a place ("the country", "the
        front"), unlike "the two sides reached a deal"."""
        subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
        dest = next((c for c in tok.children if c.dep_ == "dobj"), None)
        if subj is None or dest is None or sx.country_of_np(subj, view.countries):
            return False
        if subj.lower_ in ("they", "it", "we", "he", "she", "side", "sides"):
            return False
        return bool(sx.mention_at(dest, view.countries)) or dest.lemma_.lower() in (
            "country", "destination", "front", "port", "frontline", "front line", "troops", "army", "forces")

    def _kind(self, view: SentenceView, tok: Token) -> str | None:
        lem = tok.lemma_.lower().replace("-", "")
        low = view.text.lower()
        children = {c.lower_ for c in tok.children}
        if tok.pos_ == "NOUN":
            # "the delay", "the ban", "the cancellation", "slow progress"
            if lem in ("delay", "postponement", "setback") and tok.dep_ in ("nsubj", "nsubjpass", "dobj", "attr") \
                    and tok.head.lemma_ in ("be", "cause", "announce", "blame", "cite", "follow", "come"):
                return "delayed"
            if lem == "cancellation" and tok.dep_ in ("nsubj",):
                return "cancelled"
            if lem in BREACH_NOUNS and tok.dep_ in ("nsubj", "attr", "dobj", "pobj", "nsubjpass") and \
                    any(c.dep_ == "prep" and c.lower_ == "of" for c in tok.children) and not sx.negated(tok.head) \
                    and tok.head.lemma_.lower() not in DEMANDS | REFUSE | {"avoid", "prevent", "fear", "risk"}:
                return "violated"  # "it was a breach of the halt on missile launches"
            if lem == "progress" and "slow" in children:
                return "delayed"
            if lem in SHORTFALL and tok.dep_ != "compound" and not sx.negated(tok.head):
                return "not_delivered"  # "a wheat shortfall of 3.85 million tons under the agreement"
            if lem == "schedule" and tok.head.lower_ == "behind":
                return "delayed"
            if lem in ("arrival", "handover", "hand-over") and tok.dep_ in ("dobj", "nsubj", "nsubjpass") and \
                    tok.head.lemma_.lower() in ("welcome", "confirm", "announce", "mark", "report", "celebrate",
                                                "complete", "follow", "come", "be") and not sx.negated(tok.head) \
                    and not _on_hold(tok.head):
                return "delivered"  # "welcomed the arrival of British Challenger II tanks"
            if lem == "delivery" and any(c.lower_ == "completed" and c.dep_ == "amod" for c in tok.children) and \
                    tok.dep_ in ("dobj", "nsubj", "pobj"):
                return "delivered"
            return None
        if tok.pos_ == "ADJ":
            if lem == "slow" and any(c.dep_ == "xcomp" and c.lemma_.lower() in ("arrive", "materialise", "materialize",
                                                                              "come", "flow")
                                     for c in tok.children):
                return "delayed"  # "has been slow to arrive"
            return None
        # verbs
        if tok.dep_ in ("amod", "acl") and tok.tag_ == "VBN" and not any(c.dep_ in ("aux", "auxpass", "agent")
                                                                           for c in tok.children) and not (
                tok.dep_ == "acl" and lem in OPENED and _dated_inside(view, tok)):
            return None  # "the jets delivered to Egypt" describes; "the railway, opened on May 31," reports
        if tok.dep_ in ("acl", "relcl", "amod") and tok.lemma_.lower() in ("build", "make", "order", "design") and \
                not any(c.dep_ == "agent" for c in tok.children):
            return None  # "the jets built for Egypt": a description of the thing, not what became of it
        for t in [tok, *list(tok.ancestors)[:2]]:
            if any(c.dep_ in ("mark", "advmod") and c.lower_ in ("once", "if", "until", "unless", "before", "when",
                                                                 "whether", "after")
                   and c.i < tok.i for c in t.children) and t.dep_ in ("advcl", "ccomp", "relcl") or t.i == tok.i and \
                    any(c.dep_ == "mark" and c.lower_ in ("once", "if", "unless", "whether") for c in t.children):
                return None
        if tok.dep_ == "relcl" and any(c.dep_ == "aux" and c.lower_ in ("had", "'d") for c in tok.children) and \
                not any(d.start in {t.i for t in tok.subtree} for d in view.dates):
            return None  # "oil revenue that had been frozen for years": what the thing had been, undated
        fut = bool(sx.modals(tok) & {"will", "would", "shall", "could", "might", "may", "should", "can"}) or \
            bool(sx.modals(tok) & OBLIGED) and "have" not in sx.modals(tok)  # "must be repaid by 2025": owed
        if tok.dep_ in ("ccomp", "xcomp") and tok.head.lemma_.lower() in PERMIT and tok.tag_ in ("VB", "VBN"):
            # "he would let the jets be delivered", "agreed to allow the sale": a permission, not a deed
            if sx.modals(tok.head) & {"will", "would", "shall", "could", "might", "may", "should", "can"} or \
                    any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.head.children):
                return None
        failed = tok.dep_ == "xcomp" and tok.head.lemma_.lower() == "fail" and not sx.negated(tok.head)
        to_inf = any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children) and not failed
        if failed:
            # "has failed to honour the agreement", "failed to deliver": what it did not do (tense of "fail")
            fut = bool(sx.modals(tok.head) & {"will", "would", "shall", "could", "might", "may", "should", "can"})
            if fut or tok.head.tag_ not in ("VBD", "VBN", "VBZ", "VBP"):
                return None
        do_support = any(c.dep_ == "aux" and c.lemma_ == "do" for c in tok.children)
        if tok.tag_ == "VB" and not to_inf and not fut and not do_support and not failed:
            return None
        neg = failed or sx.negated(tok) or lem in DELIVER and any(
            c.dep_ in ("dobj", "nsubjpass") and (c.lower_ in ("nothing", "none") or any(
                d.dep_ == "det" and d.lower_ == "no" for d in c.children)) for c in tok.children)
        # "has received no oil", "no payment was made": nothing of it came
        if (fut or to_inf) and not neg and (lem in DELIVER | BUY or lem in FLOW) and _rescheduled(view, tok) and (
                lem != "enter" or any(c.lower_ == "service" for c in tok.subtree)) and (
                lem != "come" or any(c.lower_ == "online" for c in tok.subtree)):
            return "delayed"  # "will now enter service in late 2019": the schedule revised
        head = tok.head.lemma_.lower()
        for anc in list(tok.ancestors)[:3]:  # the promise itself, not an outcome: "promised ... to suspend"
            if anc.lemma_.lower() in ("promise", "pledge", "agree", "commit", "undertake", "vow") and \
                    (to_inf or tok.dep_ == "conj"):
                return None
        if head in ("urge", "ask", "press", "want", "hope", "expect", "plan", "seek", "demand", "call", "warn",
                    "threaten", "promise", "pledge", "agree", "commit", "propose", "intend", "try") and to_inf:
            return None
        if (to_inf or tok.tag_ in ("VB", "VBP")) and any(
                a.lemma_.lower() in DEMANDS | REFUSE | REFUSAL_NOUNS for a in list(tok.ancestors)[:2]):
            # "demanding that Iran suspend", "its demands that X halt", "refusing to suspend", "its refusal
            # to suspend uranium enrichment"
            return None
        if lem in ("provide", "provid") and tok.dep_ != "ROOT" and any(
                c.dep_ == "ccomp" for c in tok.children) and not any(
                c.dep_ in ("dobj", "nsubj", "nsubjpass") for c in tok.children):
            return None  # "provided the truce lasts": a condition, not a thing provided
        if tok.dep_ in ("csubj", "csubjpass"):
            return None  # "putting the unit into service will be held up": the act named; its head says what
        if lem in ("send", "release", "issue", "deliver", "hand") and any(
                c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in MESSAGES for c in tok.children):
            return None  # "sent a warning", "released another report": words, not a thing promised
        if tok.dep_ == "acl" and tok.head.lemma_.lower() in MESSAGES:
            return None  # "a statement sent by email"
        if tok.dep_ == "acl" and not any(c.dep_ == "neg" for c in tok.children) and sx.negated(tok) and \
                not sx.unconfirmed(tok):
            return None  # "no debt burden other than interest paid twice a year": the noun is denied, not the act
        if lem in ("finish", "complete", "end", "conclude", "launch", "open", "begin", "start") and any(
                c.dep_ in ("dobj", "nsubjpass", "nsubj") and c.lemma_.lower() in PROCESSES for c in tok.children):
            return None  # "the negotiations are finished", "launched a WTO challenge": a process, not delivery
        if lem == "build" and any(c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in ABSTRACT_BUILT
                                  for c in tok.children):
            return None  # "building a case that it cannot finish"
        if lem in ("arrive", "come") and any(c.dep_ == "nsubj" and c.lemma_.lower() in TIME_NOUNS
                                             for c in tok.children):
            return None  # "as soon as the set hour arrived"
        if lem in DELIVER and any(c.dep_ == "advmod" and c.lower_ in EARLIER and not list(c.children)
                                  for c in tok.children) and not _dated_inside(view, tok):
            return None  # "Egypt has received F-16s before": an earlier, undated delivery told as background
        if lem in GIVE_NEW and any(c.dep_ == "dobj" and any(a.lower_ in FURTHER and a.dep_ in ("amod", "det")
                                                              for a in c.children) for c in tok.children):
            return None  # "granted a further credit line": a new promise, not the old one carried out
        if _fired_weapon(tok) and not fut and not to_inf and not neg and tok.tag_ in ("VBD", "VBN", "VBZ"):
            return "violated"  # "had fired an intercontinental ballistic missile": what a halt ruled out
        if not fut and not neg and _located_in(view, tok) is not None:
            return "delivered"  # "every tank pledged to Kyiv is now in Ukraine"
        if not fut and not neg and not to_inf and tok.tag_ in ("VBD", "VBN", "VBZ", "VBP") and \
                _talks_held(tok) is not None:
            return "delivered"  # "the talks took place in Doha": the negotiations promised were opened
        if lem in REPAY:
            lem = "pay"  # "repaid the loan", "reimbursed Russia": money paid back is money paid
        if _approved_agreement(tok):
            lem = "ratify"  # "the parliament approved the accord", "lawmakers backed the protocol": ratified
        if lem == "set" and any(c.lower_ == "free" for c in tok.children):
            lem = "free"  # "the prisoners were set free"
        if not fut and not to_inf and _deal_exit(tok) is not None:
            return None if neg else "cancelled"  # "called off the sale", "backed out of the deal"
        reported = to_inf and tok.head.lemma_.lower() in ("say", "report", "believe", "understand") and any(
            c.dep_ == "auxpass" for c in tok.head.children)  # "troops are said to be pulling out"
        if not fut and (not to_inf or reported) and _troops_left(view, tok):
            return self._leaving(tok, neg, low, do_support)
        if not fut and not to_inf and not neg and _works_begun(tok) is not None and \
                tok.tag_ in ("VBD", "VBN", "VBZ"):
            return "delivered_partial"  # "construction of the plant began", "broke ground on the railway"
        if lem == "slip" and not neg and any(
                c.dep_ in ("nsubj", "nsubjpass") and c.lemma_.lower() in TIMING_NOUNS for c in tok.children):
            return "delayed"  # "the handover of the missiles has slipped to 2014"
        if lem in DELAY and not neg and not to_inf and sx.modals(tok) & {"will", "would"} and (
                lem != "hold" or "up" in children):
            return "delayed"  # "will be delayed by a year", "will probably be held up": a delay already known
        if tok.tag_ == "VBG" and tok.dep_ in ("pcomp", "pobj") and (
                tok.head.lower_ in ("to", "toward", "towards") or
                tok.head.head.lemma_.lower() in ("near", "close", "verge", "brink", "step", "move")):
            return None  # "near to lifting its sanctions", "a step toward delivering": a prospect, not a deed
        if lem in DELIVER and {"should", "ought"} & sx.modals(tok) and "have" in {
                c.lemma_ for c in tok.children if c.dep_ == "aux"} and not neg:
            return "not_delivered"  # "should have been handed over in 2023": the deadline passed undone
        if _relieved(tok) and not fut and not to_inf:
            return "not_delivered" if neg else "delivered"  # "the penalty tariffs were removed"
        if lem in IMPOSE and not neg and not fut and not to_inf and _burden(tok) is not None:
            return "violated"  # "imposed new sanctions on Sudan": the relief promised is undone
        if lem in KEEP_TO and not neg and not fut and not to_inf and self._kept_to(tok):
            return "observed"  # "the ceasefire is holding", "both countries have stuck to it"
        if lem in HONOUR and neg and fut and not to_inf and "if" not in {c.lower_ for c in tok.children}:
            return "refused"  # "Russia will not honour the 1999 agreement"
        if lem in ("come", "fall") and "short" in children and not fut:
            return "not_delivered"  # "came up $200 billion short of the goods it committed to buy"
        if lem in REFUSE and not fut:
            if lem in ("reject", "deny") and not any(c.dep_ in ("dobj",) and c.lemma_.lower() in
                                                    ("request", "delivery", "sale") for c in tok.children):
                return None
            acts = [c for c in tok.children if c.dep_ == "xcomp"]
            if acts and acts[0].lemma_.lower() not in DELIVER | LEAVE | REFUSED_ACTS:
                return None  # "refused to halt work": refusing a demand, not the promise
            return "refused"
        if lem in CANCEL | {"forgive", "write"} and not neg and not fut and _forgiven(tok) and (
                lem != "write" or "off" in children):
            return "delivered"  # "Russia cancelled Kyrgyzstan's debt": a write-off carried out, not a breach
        if lem in ENDED and not neg and not fut and not to_inf and _ended_agreement(tok) is not None:
            return "cancelled"  # "the deal is finished", "the truce collapsed", "Moscow ended the accord"
        if lem in CANCEL and not neg:
            if lem in ("withdraw", "quit", "tear") and not re.search(
                    r"withdr[ae]w\w* (?:from )?(?:the |its |a |an )?(?:\d{4} )?(?:[\w-]+ ){0,4}"
                    r"(?:agreement|deal|contract|pledge|accord|treaty|aide-memoire)|"
                    r"withdrawing from|pull(?:ed|ing)? out", low):
                if lem == "withdraw" and not fut and not to_inf and tok.tag_ in ("VBD", "VBN") and any(
                        c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() not in AGREEMENTS | PROMISE_NOUNS
                        for c in tok.children):
                    # "Chad withdrew its troops from the border": the withdrawal carried out, whole or in part
                    args = " ".join(t.lower_ for c in tok.children if c.dep_ in ("dobj", "nsubjpass")
                                    for t in c.subtree)
                    return "delivered_partial" if PARTIAL.search(args) and not ALL_DONE.search(args) else "delivered"
                return None
            if fut and not re.search(r"\bwould\b.*\bwithdraw|\bwill withdraw", low):
                return None
            return "cancelled"
        if re.search(r"no longer (abide|honou?r|respect|comply)", low) and lem in ("abide", "honour", "honor",
                                                                                  "respect", "comply"):
            return "cancelled"
        if lem in RESUME and not neg and not fut and not to_inf and not (
                tok.tag_ == "VBG" and tok.dep_ in ("pcomp", "pobj")):
            return "resumed"  # not "a step toward restarting", "ready to resume": prospects
        if lem == "lift" and any(c.lemma_.lower() == "ban" for c in tok.subtree) and not neg:
            return "resumed" if not fut else None
        if lem in ("reimpose", "re-impose") or (lem == "impose" and re.search(r"re-?impos", tok.text.lower())):
            return "violated" if not fut else None
        if lem in VIOLATE and tok.dep_ in ("amod", "compound") and tok.tag_ in ("VBG", "VBN", "JJ"):
            return None  # "Putin's invading army": a description, not a breach reported here
        if lem in VIOLATE and lem not in ("restore", "strike") and not neg and not fut:
            if lem == "break" and not any(c.lemma_.lower() in ("promise", "pledge", "commitment", "commitments",
                                                                 "ceasefire", "contract", "word", "agreement",
                                                                 "deal", "truce")
                                          for c in tok.children if c.dep_ in ("dobj",)):
                return None
            return "violated"
        if not fut and not to_inf and _no_relations(tok) is not None:
            return "not_delivered"  # "the two countries have neither diplomatic nor economic relations"
        if _on_hold(tok) and not fut and not to_inf:
            return None if neg else "suspended"  # "put the handover on hold", "the sale is on hold"
        if lem in SUSPEND and not neg and _still_halted(tok) is not None:
            return "suspended"  # "uranium enrichment, which is to stay suspended": the halt still in force
        if lem in SUSPEND and not neg and not fut:
            if lem == "ban" and not any(c.lemma_.lower() in ("delivery", "sale", "transfer", "export", "supply",
                                                               "shipment", "deliveries")
                                        for c in tok.subtree):
                return None
            if lem in ("bar", "restrict", "block", "stop") and not view.objects and view.fallback_object(tok) is None:
                return None
            return "suspended"
        if lem == "push" and any(c.lower_ == "back" for c in tok.children) and not fut:
            return "delayed"  # "has been pushed back to 2012"
        if lem == "make" and not fut and not neg and any(
                c.dep_ in ("nsubjpass",) and c.lemma_.lower() in ("payment", "instalment", "installment", "transfer",
                                                                  "disbursement", "delivery", "shipment")
                for c in tok.children):
            subj = next(c for c in tok.children if c.dep_ == "nsubjpass")
            return "delivered_partial" if PARTIAL.search(" ".join(t.lower_ for t in subj.subtree)) else "delivered"
        if lem in ("move", "proceed", "progress", "advance") and not fut and \
                any(c.lower_ in ("slowly", "sluggishly") for c in tok.children):
            return "delayed"  # "had moved slowly"
        if lem in DELAY and not fut:
            if lem == "hold" and "up" not in children:
                return None
            if lem == "slow" and tok.pos_ != "VERB":
                return None
            if neg:
                return None
            return "delayed"
        if lem in ("go", "put", "bring", "place") and not fut and not to_inf and any(
                c.dep_ == "prep" and c.lower_ == "into" and any(p.lemma_.lower() in IN_SERVICE for p in c.children)
                for c in tok.children):
            return "not_delivered" if neg else "delivered"  # "went into operation", "was put into service"
        if lem == "take" and not fut and not to_inf and any(
                c.dep_ == "dobj" and c.lemma_.lower() in ("delivery", "possession", "receipt") for c in tok.children):
            if neg:
                return None
            parts = " ".join(t.lower_ for c in tok.children if c.dep_ == "dobj" for t in c.subtree)
            return "delivered_partial" if PARTIAL.search(parts) and not ALL_DONE.search(parts) else "delivered"
        if lem in ("ready", "running") or lem in ("run",) and neg:
            return "not_delivered" if neg else None
        if lem in DELIVER or lem in BUY:
            if lem == "come" and "online" not in children and not any(c.lower_ == "online" for c in tok.subtree):
                return None
            if lem == "enter" and not any(c.lower_ == "service" for c in tok.subtree):
                return None
            if lem == "connect" and "grid" not in low:
                return None
            if lem in OPENED and _opened_thing(view, tok):
                pass  # "the railway opened", "inaugurated the plant": the thing built is in service
            elif lem in OPENED - {"launch", "open"}:
                return None  # "unveiled a plan"
            elif lem in ("start", "begin", "launch", "open"):
                if to_inf or fut:
                    return None  # "is due to begin delivering": scheduled, not begun
                acts = [c.lemma_.lower() for c in tok.children if c.dep_ == "xcomp"]
                if not acts or acts[0] not in FLOW | DELIVER | LEAVE:
                    return None
                if acts[0] not in FLOW and not neg and not fut:
                    return "delivered_partial"  # "began withdrawing its troops": under way, not done
            if lem in ("finish", "complete", "end"):
                acts = [c.lemma_.lower() for c in tok.children if c.dep_ in ("xcomp", "ccomp") and c.pos_ == "VERB"]
                if acts and acts[0] not in FLOW | DELIVER | LEAVE | {"construct", "repay", "install", "build"}:
                    return None  # "finished filling the pipeline", "completed testing": a step, not the promise
            if lem == "extend" and any(c.dep_ in ("dobj", "nsubjpass") and any(
                    t.lemma_.lower() in AGREEMENTS for t in c.subtree) for c in tok.children):
                return None  # "extended the treaty by five years": renewed, not carried out
            if lem == "carry" and "out" not in children:
                return None
            if lem in ("keep", "honour", "honor", "fulfil", "fulfill", "implement", "reach", "extend", "grant",
                       "return", "hand", "receive", "arrive", "lift", "release", "pay", "sell", "build"):
                if lem == "hand" and "over" not in children and not any(
                        c.dep_ == "prep" and c.lower_ == "to" for c in tok.children):
                    return None  # "handed over", "handed to the navy"; not "handed a defeat"
                if lem == "reach" and not neg and self._arrived(view, tok):
                    pass  # "the tanks Britain had promised have reached the country": the things arrived
                elif lem in ("keep", "honour", "honor", "fulfil", "fulfill", "implement", "reach") and not neg:
                    return None
            if fut:
                return None
            if neg or re.search(r"\bstill (not|waiting)\b|\bhas yet to\b|\bhave yet to\b", low) and lem != "keep":
                if to_inf:
                    return None
                if re.search(r"\bnot yet\b|\byet to\b|\b(so far|up to now|until now|to date|thus far|as yet)\b",
                             low) and not re.search(r"\bstill\b", low):
                    return "delayed"  # "has not yet been delivered": open, not a breach
                if sx.unconfirmed(tok):
                    return "delayed"  # "no confirmation that any has been delivered": unconfirmed, not failed
                return "not_delivered"
            if to_inf:
                return None
            if tok.tag_ not in ("VBD", "VBN", "VBZ", "VBP", "VBG") and not do_support:
                return None
            first = tok
            while first.dep_ == "conj" and first.head.i != first.i:
                first = first.head  # "difficulties in forming a coalition and building up forces"
            if tok.tag_ == "VBG" and (tok.dep_ not in ("ROOT", "conj") or first.dep_ not in ("ROOT", "ccomp")):
                return None
            if any(c.dep_ == "auxpass" and c.lower_ == "being" for c in tok.children) or \
                    tok.tag_ == "VBG" and any(c.lower_ in ("is", "are", "been") for c in tok.children
                                              if c.dep_ == "aux"):
                return "delivered_partial"  # "are being supplied", "has been repaying since 2021": under way
            if tok.tag_ in ("VBZ", "VBP") and lem not in ("arrive", "receive"):
                return None
            args = [c for c in tok.children if c.dep_ in ("dobj", "nsubj", "nsubjpass")]
            sub_text = " ".join(t.lower_ for a in args for t in a.subtree)
            if PARTIAL.search(sub_text) and not ALL_DONE.search(sub_text + " " + tok.lower_) or \
                    re.search(r"\bpartial(ly)?\b", low):
                return "delivered_partial"
            if lem in ("start", "begin") and "first" in sub_text:
                return "delivered_partial"
            return "delivered"
        return None

    @staticmethod
    def _leaving(tok: Token, neg: bool, low: str, do_support: bool) -> str | None:
        """What troops leaving a place says of a promise to withdraw them: not yet gone ("has not yet
        pulled out") is a delay, not gone a failure, leaving under way ("are pulling out") progress, and
        left ("the last soldiers left the country") the withdrawal done, whole or in part."""
        if neg:
            return "delayed" if re.search(r"\bnot yet\b|\byet to\b", low) else "not_delivered"
        if tok.tag_ == "VBG":
            if any(c.dep_ == "aux" and c.lemma_ == "be" for c in tok.children):
                return "delivered_partial"  # "troops are pulling out": under way
            return None  # "after pulling out", "a plan for leaving": not told as done here
        if tok.tag_ not in ("VBD", "VBN") and not do_support:
            return None
        args = " ".join(t.lower_ for c in tok.children if c.dep_ in ("nsubj", "nsubjpass", "dobj") for t in c.subtree)
        return "delivered_partial" if PARTIAL.search(args) and not ALL_DONE.search(args) else "delivered"

    def _breached(self, view: SentenceView, tok: Token) -> ObjectMention | None:
        """What a breach named as a noun breaks: the thing its "of" phrase names ("a breach of the halt on
        missile launches": the launches), else the promise the article last named ("a breach of the pledge")."""
        for p in (p for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children
                  if p.dep_ == "pobj"):
            inside = {t.i for t in p.subtree}
            named = [o for o in view.objects if o.start in inside]
            if named:
                return min(named, key=lambda o: (o.generic, o.start))
            on = [q for x in p.children if x.dep_ == "prep" and x.lower_ in ("on", "of") for q in x.children
                  if q.dep_ == "pobj"]
            if on and p.lemma_.lower() in HALT_NOUNS:  # "the halt on missile launches": the launches
                found = view.fallback_object_np(on[0])
                if found is not None:
                    return found
            if p.lemma_.lower() in PROMISE_NOUNS | CONDUCT and self.ctx.parties_by_object:
                return ObjectMention(p.i, p.i + 1, self._last_key(), p.text, False, "other")
            return view.fallback_object_np(p)
        return None

    def _exited_deal(self, view: SentenceView, tok: Token) -> ObjectMention | None:
        """What a deal walked out of is about: the thing its phrase names ("called off the sale of the
        jets"), the agreement itself ("backed out of the accord"), or, for a promise named as such
        ("reneged on its pledge"), the thing the article last named as promised."""
        deal = _deal_exit(tok)
        if deal is None:
            return None
        inside = {t.i for t in deal.subtree}
        named = [o for o in view.objects if o.start in inside]
        if named:
            return min(named, key=lambda o: (o.generic, o.start))
        if deal.lemma_.lower() in PROMISE_NOUNS:
            if not self.ctx.parties_by_object:
                return None
            return ObjectMention(deal.i, deal.i + 1, self._last_key(), deal.text, False, "other")
        if deal.lemma_.lower() in AGREEMENTS:
            return _agreement_object(view, deal)
        return view.fallback_object_np(deal) or ObjectMention(deal.i, deal.i + 1, deal.lemma_.lower(), deal.text,
                                                              True, "other")

    def _works_object(self, view: SentenceView, tok: Token) -> ObjectMention | None:
        """The thing building work begun is on: the noun after "of", "on" or "at" ("construction of the
        plant", "broke ground on the railway"), else the thing the article last named as promised."""
        works = _works_begun(tok)
        if works is None:
            return None
        for holder in (works, tok):
            for p in (p for c in holder.children if c.dep_ == "prep" and c.lower_ in ("of", "on", "at", "for")
                      for p in c.children if p.dep_ == "pobj"):
                found = view.object_in(p)
                if found is not None:
                    return found
        if not self.ctx.parties_by_object:
            return None
        return ObjectMention(works.i, works.i + 1, self._last_key(), works.text, False, "other")

    def _build(self, view: SentenceView, tok: Token, kind: str) -> OutcomeMention | None:
        obj = None
        if tok.lemma_.lower() in ("arrive", "land", "come", "enter", "connect", "reach", "start", "begin", "open",
                                  "go") or any(
                c.dep_ == "nsubjpass" for c in tok.children):
            subj = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")]
            inside = [o for o in view.objects if subj and o.start in {t.i for t in subj[0].subtree}]
            if inside:
                obj = min(inside, key=lambda o: (o.generic, o.start))
        if kind == "observed" and obj is None:  # "the ceasefire is holding": what holds
            subj = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subj is not None and subj.lemma_.lower() in CONDUCT:
                obj = next((o for o in view.objects if o.start in {t.i for t in subj.subtree}), None) or \
                    view.fallback_object_np(subj)
        halted = _still_halted(tok) if obj is None and kind == "suspended" else None
        if halted is not None:  # "enrichment remains suspended": what stays halted, not a noun nearby
            inside = {t.i for t in halted.subtree}
            named = [o for o in view.objects if o.start in inside or o.start <= halted.i < o.end]
            obj = min(named, key=lambda o: (o.generic, o.start)) if named else view.fallback_object_np(halted)
        rel = _no_relations(tok) if obj is None and kind == "not_delivered" else None
        if rel is not None:  # "have no diplomatic relations": the relations, keyed as a promise names them
            obj = next((o for o in view.objects if o.start <= rel.i < o.end), None) or view.fallback_object_np(rel) \
                or ObjectMention(rel.i, rel.i + 1, " ".join([*(a.lower_ for a in rel.children if a.dep_ == "amod"
                                                              and a.i < rel.i), rel.lower_]), rel.text, False, "other")
        talks = _talks_held(tok) if obj is None and kind == "delivered" else None
        if talks is not None:  # "the talks took place": the talks, keyed by their noun (a stop head elsewhere)
            obj = ObjectMention(talks.i, talks.i + 1, talks.lemma_.lower(), talks.text, True, "talks")
        burden = _burden(tok) if kind == "violated" and tok.lemma_.lower() in IMPOSE else None
        if obj is None and (_relieved(tok) or burden is not None):
            # "the penalty tariffs were removed", "imposed new sanctions": the burden removed or laid
            c = burden if burden is not None else next(
                c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")
                and c.lemma_.lower().rstrip("s") in RELIEF | {"dutie"})
            obj = next((o for o in view.objects if o.start <= c.i < o.end), None) or ObjectMention(
                c.i, c.i + 1, " ".join(t.lemma_.lower() if t.i == c.i else t.lower_ for t in c.subtree
                                       if t.i == c.i or t.dep_ == "compound" and t.i < c.i),
                c.text, True, "other")
        ended = _ended_agreement(tok) if kind == "cancelled" and tok.lemma_.lower() in ENDED else None
        if obj is None and ended is not None:
            obj = _agreement_object(view, ended)  # "the deal allowing grain exports is finished": the deal
        halted = _halted_agreement(tok) if obj is None and kind in ("suspended", "resumed") else None
        if halted is not None:  # "the friendship treaty was suspended", "resumed its participation in the deal"
            obj = _agreement_object(view, halted)
        if obj is None and kind == "suspended" and _on_hold(tok):
            # "put on hold the handover of the first warship", "the handover is on hold": what is held
            held = [c for c in tok.children if c.dep_ in ("dobj", "nsubj", "nsubjpass")]
            held = [d for c in held for d in ([x for x in c.children if x.dep_ == "dobj"] if c.lower_ in HOLD_NOUNS
                                              else [c])]  # "put on hold the handover": "hold" made a verb
            obj = view.object_in(*held)
        if obj is None and tok.lemma_.lower() in THEME_SUBJECT | {"be"} and any(
                c.dep_ == "dobj" and c.lemma_.lower() in IN_SERVICE for c in tok.children):
            subj = sx.subject_of(tok)  # "Unit 1 of the plant will now enter service": the plant, not the service
            if subj is not None:
                obj = view.object_in(subj)
        for c in (c for c in tok.children if obj is None and c.dep_ in ("dobj", "nsubjpass")
                  and c.lemma_.lower() in SHARES):
            # "bought only 58% of the goods", "half of the sum was paid": the share is of the thing
            for p in (p for x in c.children if x.dep_ == "prep" and x.lower_ == "of" for p in x.children
                      if p.dep_ == "pobj"):
                obj = view.object_in(p)
        if obj is None and tok.pos_ == "NOUN" and tok.lemma_.lower() in BREACH_NOUNS:
            obj = self._breached(view, tok)  # "a breach of the halt on missile launches"
        if obj is None and kind == "cancelled":
            obj = self._exited_deal(view, tok)  # "backed out of the deal to sell the jets"
        rest = _remainder_of(tok) if obj is None else None
        if rest is not None:  # "scrapped what was left of $1 billion in aid": the aid
            obj = view.object_in(rest)
        if obj is None and kind in ("delivered", "delivered_partial", "not_delivered", "delayed") and \
                _troops_left(view, tok):
            obj = ObjectMention(tok.i, tok.i + 1, "troop", tok.text, True, "troops")  # "the troops left Chad"
        if obj is None and kind == "delivered_partial":
            obj = self._works_object(view, tok)  # "construction of the plant began"
        activity = _activity_resumed(tok, kind) if obj is None else None
        if activity is not None:  # "has restarted nuclear work": the activity, whatever the halt promised named it
            obj = ObjectMention(activity.i, activity.i + 1, ACTIVITY_KEY, activity.text, True, "other")
        approved = _approved_agreement(tok) if obj is None else None
        if approved is not None:  # "the parliament approved the NATO accord": the agreement ratified
            obj = _agreement_object(view, approved)
        flow = _begun_flow(tok)
        if obj is None and flow is not None:  # "began pumping gas to China": the gas, not the pipeline nearby
            obj = view.fallback_object(flow)
        obj = obj or self._promise_reference(tok) or _role_object(view, tok) or _own_object(view, tok) \
            or view.object_near(tok) or view.fallback_object(tok)
        if obj is None and kind in ("cancelled", "not_delivered", "violated", "refused"):
            # "the fishing accord is finished", "failed to honour its agreements": the agreement itself
            for c in (c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass", "dobj")
                      and c.lemma_.lower() in AGREEMENTS):
                obj = view.fallback_object_np(c) or _agreement_object(view, c)
        if obj is None and tok.pos_ == "NOUN" and tok.lemma_.lower() in SHORTFALL:
            # "a wheat shortfall of 3.85 million tons": what fell short is the noun it is named by
            for c in (c for c in tok.children if c.dep_ in ("compound", "amod", "nmod")):
                obj = view.fallback_object_np(c) or ObjectMention(c.i, c.i + 1, c.lemma_.lower(), c.text, True,
                                                                  "other")
                break
        if obj is None:
            # "putting the first unit into service will be held up": what the act named as subject is about
            for c in (c for c in tok.children if c.dep_ in ("csubj", "csubjpass")):
                obj = _own_object(view, c) or view.object_near(c) or view.fallback_object(c)
                break
        if obj is None:  # "came up short of the goods"
            for p in (p for c in tok.children if c.lower_ == "short" for pr in c.children if pr.lower_ == "of"
                      for p in pr.children if p.dep_ == "pobj"):
                obj = view.fallback_object_np(p)
        if obj is None:  # "finished pulling out of Afghanistan": the object is the governed action's
            for x in (c for c in tok.children if c.dep_ == "xcomp" and c.pos_ == "VERB"):
                obj = view.object_near(x) or view.fallback_object(x)
                if obj is None and x.lemma_.lower() in LEAVE:
                    obj = ObjectMention(x.i, x.i + 1, "troop", x.text, True, "troops")
                break
        if obj is None and tok.lemma_.lower() in LEAVE and not any(c.dep_ == "dobj" for c in tok.children):
            obj = ObjectMention(tok.i, tok.i + 1, "troop", tok.text, True, "troops")
        if obj is None:
            # the subject of the verb it hangs on when it has none: "the jets are now expected to arrive"
            subj = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None) or (
                sx.subject_of(tok) if tok.dep_ == "xcomp" else None)
            if subj is not None and tok.lemma_.lower() in THEME_SUBJECT and \
                    not sx.mention_at(subj, view.countries):  # a thing, not a state ("the Ndjamena railway")
                obj = view.fallback_object_np(subj)  # "the plant began operating", "gas started flowing"
        if obj is None and tok.dep_ == "acl" and tok.lemma_.lower() in OPENED:  # "the railway, opened on May 31,"
            obj = next((o for o in view.objects if o.start <= tok.head.i < o.end), None) or \
                view.fallback_object_np(tok.head)
        if obj is not None and obj.object and obj.object.split()[-1] in WITHDRAWALS:
            obj = ObjectMention(obj.start, obj.end, "troop", obj.text, True, "troops")  # "completed the pullout"
        if obj is not None and obj.object in PART_NOUNS:
            whole = self._whole_of(view, obj)
            obj = whole or obj
        obj = self._last_promised(tok, obj)
        if obj is None:
            obj = self._promised_of_class(tok)
        if obj is None:
            return None
        actor = counterpart = None
        # a noun ("slow progress on the loans") takes no subject from the clause around it: the
        # state that complains about a delay is not the one that caused it
        subj = sx.subject_of(tok) if tok.pos_ != "NOUN" else next(
            (c for c in tok.children if c.dep_ == "poss"), None)
        passive = subj is not None and subj.dep_ == "nsubjpass"
        if passive:
            ag = sx.agent_of(tok)
            subj = ag
        if subj is not None and tok.lemma_.lower() in OPENED | {"go", "put", "bring"} and tok.pos_ == "VERB" and \
                not any(m.start <= subj.i < m.end for m in view.countries):
            subj = None  # "Kenya's railway opened", "the Arak plant went into service": the thing, not who built it
        if tok.dep_ == "acl" and tok.lemma_.lower() in OPENED:
            subj = None  # "the railway, opened on May 31,": the noun described is the thing
        if subj is not None:
            found = sx.country_of_np(subj, view.countries)
            if found:
                actor = found[0].code
            else:
                pr = sx.resolve_pronoun(subj, view.span, view.countries, self.ctx.last_subject)
                actor = pr[0] if pr else None
        doc = view.span.doc
        # "against X" is whom the deed is aimed at, never the side a promise was kept to; "from X"
        # is where the thing came from: the supplier, not the recipient
        rec = [r for r in sx.recipients(tok, view.countries) if r.code != actor
               and not _under_prep(doc[r.start], tok, ("against", "from"))]
        if not rec and flow is not None:  # "began pumping gas to China": the receiver is the supply's
            rec = [r for r in sx.recipients(flow, view.countries) + [
                m for c in flow.children if c.dep_ == "dative" and c.lower_ in ("to", "for")
                for p in c.children if p.dep_ == "pobj" for m in sx.country_of_np(p, view.countries)]
                if r.code != actor]  # the parser hangs "to China" on the verb as a dative
        where = _located_in(view, tok) if kind == "delivered" else None
        if where is not None and where.code != actor:
            counterpart = where.code  # "every tank pledged to Kyiv is now in Ukraine"
        elif rec:
            counterpart = rec[0].code
        elif tok.lemma_.lower() in LEAVE:  # "withdrawn from Moldova": the state left is the one promised
            counterpart = next((m.code for c in tok.children if c.dep_ == "prep" and c.lower_ == "from"
                                for p in c.children if p.dep_ == "pobj"
                                for m in sx.country_of_np(p, view.countries) if m.code != actor), None)
        if actor is None and kind in ("delivered", "delivered_partial", "not_delivered", "delayed"):
            actor = _supplier(tok, obj, view, counterpart)
        if (tok.lemma_.lower() in ("receive", "commission") or tok.lemma_.lower() == "take" and any(
                c.dep_ == "dobj" and c.lemma_.lower() in ("delivery", "possession", "receipt")
                for c in tok.children)) and actor:
            actor, counterpart = counterpart, actor  # the buyer receives / commissions what was delivered
        if counterpart is None:
            # "completed the delivery of the first regiment to China", "cancelled the contract to supply ... to Russia"
            for c in tok.children:
                if c.dep_ in ("dobj", "nsubjpass", "nsubj"):
                    for t in c.subtree:
                        if t.dep_ == "prep" and t.lower_ in ("to", "for"):
                            found = [r for p in t.children if p.dep_ == "pobj"
                                     for r in sx.country_of_np(p, view.countries) if r.code != actor]
                            if found:
                                counterpart = found[0].code
                                break
                if counterpart:
                    break
        if counterpart is None:
            for m in view.countries:
                t0 = view.span.doc[m.start]
                if m.code != actor and t0.dep_ in ("poss",) and not any(
                        a.dep_ == "prep" and a.lower_ in ("against", "by", "from") for a in t0.ancestors):
                    counterpart = m.code
                    break
        key = obj.object
        known = self.ctx.parties_by_object.get(key)
        # an actor the sentence leaves out ("the plant was connected") is the promisor named earlier
        # for this object, or failing that a state of the article's main pair; a stated actor is never
        # overridden, and the counterpart is not guessed (what the promisee itself did must stay visible)
        if kind == "observed" and actor is None:
            pass  # "the ceasefire is holding": kept by both sides, not by the one named first
        elif actor is None and subj is not None and subj.lower_ in COLLECTIVE:
            pass  # "the Arab countries have paid nothing": a group, not the promisor named before
        elif actor is None and known and counterpart in (None, *known):
            actor = known[0] if counterpart != known[0] else known[1]
        elif actor is None and len(self.ctx.dyad) == 2 and counterpart in self.ctx.dyad:
            actor = next(c for c in self.ctx.dyad if c != counterpart)
        # money paid back ("repaid the loan", "the deposit was paid back") is the borrower's repayment
        repaid = tok.lemma_.lower() == "repay" or tok.lemma_.lower() == "pay" and any(
            c.lower_ == "back" for c in tok.children)
        date, prec, explicit = _date(view, tok)
        terms = [obj.object] + [o.object for o in view.objects if o.object != obj.object]
        return OutcomeMention(
            doc_id=self.ctx.doc_id, sentence_index=view.index, text=view.text, kind=kind, actor=actor,
            counterpart=counterpart, object=obj.object, terms=terms,
            what=f"repaid {obj.object}" if repaid and kind in DONE_KINDS else f"{kind} {obj.object}",
            quantity=view.quantity(), date=date, date_precision=prec if date else None, date_explicit=explicit,
            trigger=tok.text, story_id=self.ctx.story_id, char_start=view.char_start,
            context=list(self.ctx.states),
        )
