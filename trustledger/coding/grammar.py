"""What the dependency parse says about a verb or a noun phrase: voice, negation, modality,
infinitives, and whether one token hangs off another inside a noun phrase. Pure predicates over
spaCy tokens, shared by the event coder's rules."""

from __future__ import annotations

from spacy.tokens import Token

from trustledger.words import words

#: Future auxiliaries; "'d" too ("we'd rather"), which a future event reading tolerates.
FUTURE_AUX = words("future_auxiliaries") | {"'d"}
#: "is scheduled/set/due to attend", "prepared to attend": an arranged act, reported as a fact by the
#: writer rather than promised by its actor: the verb is not an infinitive of purpose (`infinitive`).
ARRANGED = {"schedule", "slate", "set", "due", "prepare", "poise"}
#: ...of which these arrange it for a time ahead: the act is future, an intent (`future`).
SCHEDULED = {"schedule", "slate", "set", "due"}
#: "continued to send arms", "began to withdraw": the aspect of an act under way, not an intent.
ASPECTUAL = {"continue", "begin", "start", "resume", "keep"}
#: "tried to assassinate", "attempted to storm the building": CAMEO codes an attempted act as the act
#: (an attempted assassination is 186, a failed assault is still an assault), not as an intent.
ATTEMPT = {"try", "attempt"}
#: "ordered troops to fire on the crowd": a command that the commander's own forces carry out (see
#: the coder's `_control`: an order to one's own army or police is coded as the commander's act).
COMMAND_VERBS = {"order", "command", "instruct", "direct"}
#: "is about to restore ties", "is on the verge of": an imminent act (firm, like "will").
IMMINENT = {"about"}
HYPOTHETICAL_AUX = {"may", "might", "could", "should", "must", "ought"}
_NP_LINKS = {"conj", "appos", "cc", "compound", "pobj", "nmod", "poss", "amod", "punct", "det"}


def content_clause(t: Token) -> bool:
    """An infinitive that says what a noun is ("an accord to supply Iraq with wheat", "a deal to build
    the plant in Iran"): part of the object phrase, unlike a clause that merely describes it."""
    return t.dep_ == "acl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in t.children)


def passive(v: Token) -> bool:
    """A passive clause ("was signed by Russia"), or a reduced passive relative ("the talks held in
    Ankara by the Greek minister", "attacks carried out by the rebels"): there the participle's head
    noun is what was acted on and "by X" is the doer, as in the full passive."""
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in v.children) or reduced_relative(v)


def reduced_relative(v: Token) -> bool:
    """A past participle that hangs on a noun with no auxiliary of its own ("the attacks carried out
    across eight provinces", "demonstrations held in defiance of a ban"): a relative clause in the
    passive voice with its pronoun and auxiliary left out, whose head noun is its object."""
    return (v.dep_ == "acl" and v.tag_ == "VBN" and v.head.i != v.i and v.head.pos_ in ("NOUN", "PROPN")
            and not any(c.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass") for c in v.children))


def stray_participle(v: Token) -> bool:
    """A past participle right after a noun, with no auxiliary, object or agent of its own, that the
    parser made the verb of a clause ("the units deployed along the frontier would be withdrawn",
    "our forces deployed in the area hit back", "the army units allied with them"): a reduced relative
    that tells the noun's standing state, not an act the noun did. The tagger's VBN alone is no proof
    ("UNITA rebels attacked on Tuesday" is tagged so too): the clause must lack a subject of its own,
    or the noun must be the subject of a later verb the parser left without one."""
    if v.tag_ != "VBN" or v.dep_ == "acl" or v.i == v.sent.start:
        return False
    noun = v.doc[v.i - 1]
    if noun.pos_ not in ("NOUN", "PROPN"):
        return False
    if any(c.dep_ in ("aux", "auxpass", "dobj", "nsubjpass", "agent", "ccomp", "xcomp", "dative")
           for c in v.children):
        return False
    subjects = [c for c in v.children if c.dep_ == "nsubj"]
    if not subjects:
        return v.dep_ == "advcl" and noun.head.i != v.i  # "(strikes on) the units allied with them"
    return subjects == [noun] and (v.dep_ != "ROOT" or _subjectless_predicate_after(v))


def _subjectless_predicate_after(v: Token) -> bool:
    """A later verb of the sentence with no subject of its own and no "and/or/but" between it and `v`
    ("our forces deployed in the area hit back": "hit" is the forces' verb, "deployed" their state)."""
    for w in v.sent[v.i - v.sent.start + 1:]:
        if w.dep_ == "cc" or w.lower_ in (";", ":"):
            return False
        if (w.pos_ in ("VERB", "AUX") and w.dep_ in ("conj", "ROOT", "ccomp") and w.tag_ != "VBG"
                and not any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in w.children)):
            return True
    return False


def finite(v: Token) -> bool:
    """A verb with tense: a past or present form, or a participle with an auxiliary of its own ("has
    built", "was stirring"); not a bare participle, gerund or infinitive, which need no subject."""
    if v.tag_ in ("VBD", "VBZ", "VBP"):
        return True
    return v.tag_ in ("VBN", "VBG") and any(c.dep_ == "aux" and c.lower_ != "to" for c in v.children)


def negated(v: Token) -> bool:
    if any(c.dep_ == "neg" for c in v.children):
        return True
    return any(c.dep_ == "aux" and any(g.dep_ == "neg" for g in c.children) for c in v.children)


def future(v: Token) -> bool:
    for c in v.children:
        if c.dep_ == "aux" and c.lower_ in FUTURE_AUX:
            return True
    h = v.head
    if v.dep_ == "xcomp" and h.lemma_.lower() in ASPECTUAL | ATTEMPT and h.i != v.i:
        return future(h)  # "will continue to send arms": the future of the aspect verb
    if v.dep_ == "xcomp" and h.lemma_.lower() in SCHEDULED:
        # "is due to meet", "was scheduled to visit": an act arranged ahead is not yet done, so CAMEO
        # codes it as the intent (036 for a meeting or visit), as "will meet" is
        return True
    # "is going to deliver", "is to deliver"
    return v.dep_ == "xcomp" and h.lemma_ in ("go", "be") and any(c.lower_ in ("is", "are", "was", "were")
                                                                 for c in h.children if c.dep_ == "aux")


def np_path(t: Token, head: Token) -> bool:
    """t hangs off head through noun-phrase links only (no clause, no preposition but "of")."""
    while t.i != head.i:
        if t.dep_ not in _NP_LINKS and not (t.dep_ == "prep" and t.lower_ == "of"):
            return False
        if t.head.i == t.i:
            return False
        t = t.head
    return True


def infinitive(v: Token) -> bool:
    """"(a contract) to complete the plant": an infinitive states a purpose, not an act; but an
    arranged act ("is scheduled to attend") is the act."""
    if v.dep_ == "xcomp" and v.head.lemma_.lower() in ARRANGED | ASPECTUAL | ATTEMPT:
        return False
    return v.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in v.children)


def imminent(v: Token) -> bool:
    """"is about to restore ties": an act announced as imminent, as firm as "will restore"."""
    h = v.head
    return (v.dep_ == "xcomp" and h.lower_ in IMMINENT and h.pos_ in ("ADJ", "ADV", "ADP")
            and h.head.lemma_ == "be")


def hypothetical(v: Token) -> bool:
    """Not asserted as done: "may/could/must attack", "has to leave" (an obligation is coded as the
    demand of whoever states it, see the coder's `_obligation`), "can support itself" (an ability;
    but "cannot accept" is a refusal, told as negated)."""
    return any(c.dep_ == "aux" and (c.lower_ in HYPOTHETICAL_AUX or (c.lower_ == "can" and not negated(v)))
               for c in v.children) or obliged(v)


#: Conjunctions that open a clause the sentence does not assert: "if Turkey sends troops", "unless
#: Israel withdraws", "(asked) whether Iran had fired".
CONDITIONAL_MARKS = {"if", "unless", "whether"}
#: Adverbs of likelihood that make a clause a guess: "Israel would likely agree", "probably fired".
HEDGE_ADVERBS = {"likely", "probably", "possibly", "perhaps", "maybe", "presumably", "conceivably"}


def unasserted(v: Token) -> bool:
    """A clause the writer does not assert as done: a condition ("if Turkey sends troops, ...", "unless
    Israel withdraws"), an indirect question ("asked whether Iran had fired") or a guess hedged by an
    adverb of likelihood ("Israel would likely agree", "the shells were probably fired by ...")."""
    return any((c.dep_ == "mark" and c.lower_ in CONDITIONAL_MARKS)
               or (c.dep_ == "advmod" and c.lower_ in HEDGE_ADVERBS) for c in v.children)


def indirect_question(c: Token) -> bool:
    """A clause that asks ("(asked) whether troops would stay", "(asked) why Egypt had refused", "what
    the plan was"): opened by "whether/if" or by a wh-word, it is a question, not the act asked for."""
    if c.dep_ != "ccomp":
        return False
    if any(m.dep_ == "mark" and m.lower_ in ("whether", "if") for m in c.children):
        return True
    first = next(iter(c.subtree))
    return first.tag_ in ("WRB", "WP", "WDT", "WP$")


def none_done(v: Token) -> bool:
    """The verb's object is "no ..." or "nothing" ("offered no figure", "gave no details", "sent no
    troops", "did nothing"): the clause tells what was not done, no act."""
    return any(c.dep_ == "dobj" and (c.lower_ in ("nothing", "none")
                                     or any(d.dep_ == "det" and d.lower_ == "no" for d in c.children))
               for c in v.children)


#: Modals of obligation: "Iraq must cooperate", "Libya should hand over the suspects".
OBLIGATION_AUX = {"must", "should", "ought"}


def obliged(v: Token) -> bool:
    """The clause says its subject must act ("X must return", "X has to leave", "X should stop")."""
    if any(c.dep_ == "aux" and c.lower_ in OBLIGATION_AUX for c in v.children):
        return True
    h = v.head  # "has to leave": the verb hangs as xcomp under "have" with its "to"
    return (v.dep_ == "xcomp" and h.lemma_.lower() == "have" and h.pos_ in ("VERB", "AUX")
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in v.children))


def for_clause(v: Token) -> bool:
    """An infinitive clause opened by "for" with a subject of its own ("called for the president to
    resign", "pressed for Serbia to withdraw"): the parser hangs it on the verb as an adverbial
    clause marked "for", but it is the verb's complement, the act asked for, as after "urged X to"."""
    return (v.dep_ in ("advcl", "ccomp", "xcomp") and v.tag_ == "VB" and v.head.i != v.i
            and any(c.dep_ == "mark" and c.lower_ == "for" for c in v.children)
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in v.children))


def first_conjunct(t: Token) -> Token:
    """The head of a coordination a token belongs to ("crossed the river and struck": struck → crossed):
    what governs a list governs each item, so the checks on a clause read its first conjunct."""
    while t.dep_ == "conj" and t.head.i != t.i:
        t = t.head
    return t


def own_subject(v: Token) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass") for c in v.children)


#: Verbs whose plural subject acts on itself, each member on the others, when no other party is
#: named: "Russia and China agree that ...", "India and Pakistan clashed", "... negotiated".
RECIPROCAL_VERBS = words("reciprocal_verbs")
#: Heads of a phrase naming the two parties already in the report ("both sides", "the two neighbours").
PAIR_HEADS = words("pair_words")
#: Nouns of a relation between parties: "their talks", "their ties" of a plural subject are mutual.
RELATION_NOUNS = words("relation_nouns")


def common_lemma(t: Token) -> str | None:
    """The lower-case lemma of a common noun, also of a capitalised plural the tagger takes for a name
    ("the two Ministers", "Both Sides": house styles capitalise offices); None for other words."""
    if t.pos_ == "NOUN":
        return t.lemma_.lower()
    if t.pos_ != "PROPN" or t.tag_ != "NNPS" or not t.text.istitle():
        return None
    low = t.lower_
    return low[:-3] + "y" if low.endswith("ies") else low[:-1] if low.endswith("s") else low


def pair_phrase(t: Token) -> bool:
    """"both sides", "the two neighbours", "each side": a phrase naming the two parties of an event
    the report told before, not a new actor. A named or modified phrase ("the two Korean leaders")
    is left to the actor resolver."""
    if common_lemma(t) not in PAIR_HEADS:
        return False
    mods = {c.lower_ for c in t.children if c.dep_ in ("det", "nummod", "predet", "quantmod")}
    if not mods & {"both", "two", "each"}:
        return False
    return not any(c.dep_ in ("amod", "compound", "poss") for c in t.children)


def reciprocal(v: Token) -> bool:
    """The verb's subjects act on each other: a reciprocal verb ("Russia and China agree that ..."),
    a reciprocal object ("accused each other", "with one another") or their shared relation ("postponed
    their talks", "restored their ties"). The caller checks that the subject names several actors."""
    if v.lemma_.lower() in RECIPROCAL_VERBS and not any(
            c.dep_ in ("xcomp", "advcl") and infinitive(c) or c.dep_ == "xcomp"
            or (c.dep_ == "prep" and c.lower_ == "to") for c in v.children):
        return True  # but "agreed to restore ties", "agreed to a ceasefire" state an intent, not an accord
    if any(c.dep_ == "nsubj" and pair_phrase(c) for c in v.children):
        return True  # "both sides traded blows": each side toward the other
    objs = [c for c in v.children if c.dep_ == "dobj"]
    objs += [p for c in v.children if c.dep_ == "prep" for p in c.children if p.dep_ == "pobj"]
    for o in objs:
        if o.lower_ in ("other", "another") and any(c.lower_ in ("each", "one") for c in o.children):
            return True
        if o.lemma_.lower() in RELATION_NOUNS and any(c.dep_ == "poss" and c.lower_ == "their"
                                                      for c in o.children):
            return True
    return False


def purpose(v: Token) -> bool:
    """A purpose infinitive with the main clause's own subject: "fired tear gas to disperse the
    crowd", "met in Belgrade to discuss the mission", "(in order) to revive the protests". It says
    why the deed was done; the deed is the event."""
    return ((v.dep_ == "advcl" or instrument_purpose(v)) and v.head.pos_ in ("VERB", "AUX") and v.tag_ == "VB"
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in v.children) and not own_subject(v))


#: Verbs of using a means: the infinitive after their object is what the means was used for.
INSTRUMENT_VERBS = {"use", "employ", "utilise", "utilize"}


def instrument_purpose(v: Token) -> bool:
    """"police used tear gas to disperse the crowd", "employed force to break up the sit-in": the parser
    makes the infinitive a complement of "used" (as if "used" controlled it, like "urged Iraq to
    comply"), but it is the purpose the means served, and the deed the report tells."""
    h = v.head
    return (v.dep_ == "xcomp" and h.lemma_.lower() in INSTRUMENT_VERBS
            and any(c.dep_ == "dobj" for c in h.children))


def narrated_purpose(v: Token) -> bool:
    """A purpose clause of a past act the report tells ("NATO chiefs gathered in Belgrade to discuss the
    mission", "the minister flew to Kampala to sign the accord"): the writer's account of what was
    done there, not an intent its actor stated; CAMEO's intent codes (03) are for intents expressed."""
    h = v.head
    return (purpose(v) and h.tag_ in ("VBD", "VBN") and not passive(h) and not future(h)
            and not hypothetical(h) and not negated(h))


def hyphen_words(t: Token) -> set[str]:
    """The whole word a hyphenated compound splits into ("cease-fire" is parsed as "cease", "-",
    "fire"; "air-strikes", "counter-attack"): written with and without the hyphen, so that a lexicon
    listing "ceasefire" or "cease-fire" knows the head "fire" of "a cease-fire"."""
    doc = t.doc
    if t.i < 2 or doc[t.i - 1].text != "-" or doc[t.i - 1].whitespace_ or doc[t.i - 2].whitespace_:
        return set()
    first = doc[t.i - 2].lower_
    return {f"{first}-{t.lower_}", f"{first}{t.lower_}", f"{first}-{t.lemma_.lower()}", f"{first}{t.lemma_.lower()}"}


#: Pronouns that open a relative clause ("Turkey, which has backed Azerbaijan", "supporters who had
#: gathered", "the rally that was banned").
RELATIVE_PRONOUNS = {"who", "which", "that", "whom"}


def antecedent(t: Token) -> Token:
    """The noun a relative pronoun stands for ("which" in "Turkey, which has backed Azerbaijan" is
    Turkey); any other token is itself."""
    v = t.head
    if (t.lower_ in RELATIVE_PRONOUNS and t.tag_ in ("WDT", "WP") and v.dep_ == "relcl"
            and v.head.i != v.i and t.dep_ in ("nsubj", "nsubjpass", "dobj")):
        return v.head
    return t


def describing(v: Token) -> bool:
    """A clause in the simple present ("Morocco, which occupies the territory", "activists who oppose
    the regime", "who are imprisoned") describes a standing state of affairs rather than telling an
    event of the report: background, not news. Past and perfect clauses ("which has backed", "who
    had gathered", "which was outlawed in 2017") tell events, and so does the present progressive:
    "South Africa, which is fighting a bush war against SWAPO" tells fighting going on as the report
    is written, not a standing state."""
    if v.tag_ in ("VBZ", "VBP"):
        return True
    if v.tag_ == "VBG" and not any(c.dep_ == "auxpass" for c in v.children):
        return False
    return any(c.dep_ in ("aux", "auxpass") and c.tag_ in ("VBZ", "VBP") and c.lemma_ == "be" for c in v.children)


def mandative(c: Token) -> bool:
    """A that-clause in the mandative subjunctive ("insisted that Chile withdraw its troops", "suggested
    that the talks be moved"): the base form with a subject of its own and no tense or modal, which
    English uses for what someone requires, not for what happened ("insisted that Chile withdraws/had
    withdrawn" reports a fact)."""
    base = c.tag_ == "VB" or (c.tag_ == "VBN" and any(x.dep_ == "auxpass" and x.lower_ == "be" for x in c.children))
    if c.dep_ != "ccomp" or not base or not any(x.dep_ in ("nsubj", "nsubjpass") for x in c.children):
        return False
    return not any(x.dep_ == "aux" for x in c.children)
