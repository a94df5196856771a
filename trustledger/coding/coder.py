"""Sentences → CAMEO events, from the dependency parse (spaCy en_core_web_sm labels).

For every verb of the lexicon (trustledger/data/verbs.csv) in a sentence the coder finds
  * the source: the subject (nsubj), or the agent of a passive ("was signed by Russia"),
    inherited along conjoined verbs and open complements ("promised to deliver");
  * the target: where the verb's rule says (direct object, a preposition such as "to" or
    "on" on the verb or on its object, or an actor inside the object phrase);
  * what frames it: a reporting verb ("X said that Y will ...": Y's event, spoken by X), a
    control verb that turns the governed event into an intent, appeal, demand, refusal or
    threat ("promised to deliver" 0332, "urged Moscow to stop" 02x, "refused to sign" 12x),
    modality ("will sell" → intent), negation ("did not deliver" → negated, coded as the CAMEO
    refusal of that cooperation, never as a delivery), and quotation marks (quote + speaker).
Coordinated subjects and objects give one event per actor ("Russia and China voted ...").
Pronouns: he/she → the last speaker (or last person) in the document; it/they in reported
speech → the reporter; I/we inside a quotation → its speaker.

Every event carries the rule that produced it (`why`), so a coding can be explained.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Span, Token

from trustledger.coding import cameo, grammar, nominal
from trustledger.coding.actors import UNKNOWN_COUNTRY, Actor, ActorMention, ActorResolver
from trustledger.coding.arguments import ARMED_ROLES, PARTIES_KEY, QUANTITY_HEADS, TEMPORAL_PREPS, Arguments, _side
from trustledger.coding.context import localise, note_states
from trustledger.coding.nominal import IRREGULAR, LIGHT_VERBS, crowd_events, deed_nouns, derive, event_noun
from trustledger.coding.quotes import Quotes, quote_spans
from trustledger.coding.verb_vectors import SOURCE as VECTORS
from trustledger.coding.verb_vectors import VerbVectors
from trustledger.coding.verbs import (
    Clause,
    VerbLexicon,
    VerbRule,
    as_appeal,
    as_demand,
    as_intent,
    as_promise,
    as_refusal,
    as_threat,
    mode_of,
    negated_code,
)
from trustledger.nlp.model import is_dateline
from trustledger.words import word_map, words

if TYPE_CHECKING:
    from trustledger.stages import SentenceGuard

#: Prepositions before a gerund whose doer is the subject of the clause it hangs on: of means ("by
#: signing", "in backing") and of time ("after arriving"); "jailed X for helping" is X's help.
GERUND_PREPS = frozenset({"by", "in"}) | TEMPORAL_PREPS
#: Verbs whose "to" + gerund is a course their subject takes up ("resorted to burning tyres", "turned
#: to shelling the villages"): the gerund's act is the subject's own.
TAKING_UP_VERBS = frozenset({"resort", "turn", "return", "revert", "switch", "proceed", "escalate"})
CONTROL = {"intent", "appeal", "demand", "refuse", "threat", "negate", "permit"}
#: Demonstrators: their violent acts are CAMEO 145 (protest violently, riot), not an armed attack.
PROTESTER_NOUNS = {"protester", "protestor", "demonstrator", "rioter", "mob", "crowd"}
#: Force with the arms of war (artillery and tanks 194, aircraft 195): military even when a crowd uses it.
HEAVY_WEAPON_CODES = frozenset({"194", "195"})
#: Verbs of concluding an accord with another party ("signed / reached / concluded a truce").
AGREEING_VERBS = frozenset({"sign", "ink", "conclude", "reach", "agree", "seal", "clinch", "broker"})
#: Gatherings whose dispersal by force is repression (175), not combat.
CROWD_NOUNS = words("crowd_nouns")
#: The means of crowd control (words of the act's object or its instrument).
CROWD_CONTROL_MEANS = words("crowd_control_means")
#: Control verbs of a firm commitment (see EventCoder.act_for_intent): the commitment detector's list,
#: one file for both (data/words/commitment_verbs.txt).
COMMIT_VERBS = words("commitment_verbs")
#: Codes whose coordinated subjects act on each other when no target is named ("X and Y met",
#: "X and Y signed an agreement"); praise or a visit by two states is not mutual.
SYMMETRIC_CODES = {"040", "041", "044", "046", "050", "054", "057", "060", "061", "062", "063", "064",
                   "160", "164", "190", "193", "194"}
#: Prepositions that carry an event noun's partner ("aid to", "an attack on", "sanctions against").
NOUN_PARTNERS = ("to", "on", "against", "with", "for")
#: Verbs of saying that take a mandative subjunctive ("insisted / suggested that Chile withdraw"): the
#: clause is then what the speaker requires (a demand, 10) or proposes (an appeal, 02), with its frame.
MANDATIVE_SAY = {"insist": ("100", "demand"), "suggest": ("020", "appeal"), "stress": ("100", "demand")}
#: Adjectives of readiness whose infinitive states an intent ("is willing/ready/prepared to withdraw").
READY_ADJECTIVES = words("ready_adjectives")
#: Roles that are organs of the state itself: such an actor and its bare state are one party.
STATE_ORGANS = frozenset({"GOV", "MIL", "COP", "JUD", "LEG", "SPY"})
#: Verbs of going or being somewhere: with "on a visit" they tell the visit ("reached Dhaka for a visit").
TRAVEL_VERBS = words("travel_verbs")
#: How a visit rule made from a verb of going (`_visit_rule`) names itself.
VISIT_FROM = "visit (from "
#: Irregular past tails of prefixed verbs the lemmatizer leaves alone ("retook", "overthrew", "overcame").
IRREGULAR_TAILS = tuple(word_map("irregular_past_tails").items())
#: Nouns of uncertainty whose "that" clause the report does not assert ("speculation mounted that ...").
CONJECTURE_NOUNS = words("conjecture_nouns")
#: Currency signs and names and magnitudes ("$", "euros", "million"): a money phrase's head.
MONEY_HEADS = words("money_heads")
#: Verbs of belief and prediction: another party's future act they report is a guess, not its intent.
BELIEF_VERBS = words("belief_verbs")
#: Roles of people without arms: their force is rioting (145), force on them repression (175).
UNARMED_ROLES = frozenset({"CVL", "OPP", "EDU", "LAB"})

#: The CAMEO roles of parties that the verb rows' object classes name by a common noun (data/verb_objects.csv):
#: a party named by its name ("Hezbollah", "Seng Theary") counts as the noun its role is ("rebel", "activist").
ROLE_WORDS = {"CVL": ("civilian",), "OPP": ("activist", "opponent"), "REB": ("rebel",), "MIL": ("soldier",),
              "MED": ("journalist",), "EDU": ("student",), "LAB": ("worker",), "REF": ("refugee",),
              "PKO": ("peacekeeper",), "NGO": ("ngo",)}
#: Roles that bomb with explosives, not air power: non-state armed groups and people (CAMEO 183, not 195).
NON_STATE_FORCE = frozenset({"REB", "CVL", "OPP"})
#: Words of air power in a clause of bombing ("bombed from the air", "air raid"): 195 stays.
AIR_WORDS = frozenset({"air", "aerial", "airstrike", "airstrikes", "aircraft", "plane", "planes", "jet", "jets",
                       "warplane", "warplanes", "helicopter", "helicopters", "drone", "drones", "bomber", "bombers"})
#: Verbs of protest whose object rows code a disapproval (11) that is dissent (14) when the people protest.
DISSENT_VERBS = frozenset({"protest"})
#: Adverbs right after a verb that make a phrasal verb when the parser does not call them particles.
PARTICLE_ADVERBS = frozenset({"back", "off", "out", "down", "up", "away", "aside"})
#: Verbs of halting an act, whose gerund ("stop fighting", "cease firing") is the act halted, not one done.
HALTING_VERBS = words("halting_verbs")


@dataclass(frozen=True)
class CodedEvent:
    """One coded event of a sentence, with what is needed to store and to explain it."""

    sentence_index: int
    source: Actor
    target: Actor | None
    cameo: str
    root: str
    quad_class: int
    goldstein: float
    mode: str
    quote: bool
    speaker: str | None
    negated: bool
    date: dt.date | None
    date_precision: str | None
    char_start: int
    char_end: int
    verb: str
    why: str
    #: "lexicon", or "vectors" when the word-vector fallback chose the code of a verb no lexicon lists
    verb_source: str = "lexicon"
    confidence: float | None = None  # the fallback's similarity (coding/verb_vectors.py)


@dataclass
class _Proto:
    """An event before dating and storing: actors, code and the tokens that evidence it."""

    sources: list[tuple[Actor, int]]
    targets: list[tuple[Actor, int]]
    code: str
    verb: Token
    negated: bool = False
    intent: bool = False
    speaker: str | None = None
    why: list[str] = field(default_factory=list)
    pair_up: bool = False
    said_by: Token | None = None  # the verb that states an intent ("promised", "said"): dates the statement
    committed: bool = False  # a firm commitment ("will supply", "agreed to lift"): PETRARCH codes the act
    reversed_pair: bool = False  # the reversed dyad of a paired code (the host of a visit)
    confidence: float | None = None  # set when the code came from the word-vector fallback


@dataclass
class _DocState:
    """What carries from one sentence to the next: the last speaker and person named."""

    last_speaker: tuple[Actor | None, str] | None = None
    last_person: Actor | None = None
    quotes: list[tuple[int, int]] = field(default_factory=list)
    speakers: dict[tuple[int, int], str | None] = field(default_factory=dict)  # quote span → speaker text
    walking: set[tuple[str, int]] = field(default_factory=set)  # walks under way (coding/walks.py)
    last_group: Actor | None = None  # the last subject that was a state, body or group (for "it", "they")
    home: str | None = None  # the state of the report's dateline
    seen: Counter = field(default_factory=Counter)  # states named so far, for generic actors


class EventCoder:
    """Codes parsed documents. Build once (dictionaries are indexed in the constructor)."""

    def __init__(self, actors: ActorResolver | None = None, verbs: VerbLexicon | None = None,
                 require_target: bool = True, act_for_intent: bool = False, vectors: bool = True):
        self.actors = actors or ActorResolver.default()
        self.verbs = verbs or VerbLexicon.default()
        #: verbs no lexicon lists, coded through their nearest lexicon verbs (loaded on first use)
        self.fallback = VerbVectors(self.verbs) if vectors else None
        #: drop events whose sentence names no target actor (dyadic analysis cannot use them)
        self.require_target = require_target
        #: PETRARCH's convention: firm commitments ("will supply", "agreed/pledged to lift") take the
        #: act's code (072, 085), not CAMEO's intent code (0332, 0354); wishes ("wants to", "seeks
        #: to", "would") stay intents; mode stays `said`. Off by default (the codebook's intents).
        self.act_for_intent = act_for_intent

    # -- public -------------------------------------------------------------------------
    def code_doc(self, doc: Doc, doc_date: dt.date | None, guard: SentenceGuard | None = None,
                 into: list[CodedEvent] | None = None) -> list[CodedEvent]:
        """Every event of a parsed document; sentence indices follow nlp.sentences_of.

        With a `guard` (ingest has one), each sentence is coded through it: a sentence that fails is
        recorded there and the others are still coded. Events are appended to `into` as each
        sentence is coded, so a caller keeps them even if the document fails later."""
        out: list[CodedEvent] = [] if into is None else into
        state = _DocState(quotes=quote_spans(doc.text))
        doc.user_data.pop(PARTIES_KEY, None)  # what earlier sentences told starts afresh on every run
        index = -1
        for sent in doc.sents:
            if not sent.text.strip():
                continue
            index += 1
            if is_dateline(sent):
                state.home = next((m.actor.country for m in self.actors.mentions(sent, doc_date)
                                   if m.actor.country not in ("IGO", "---")), state.home)
                if doc_date is not None:
                    doc_date = _dateline_day(sent, doc_date)
                continue
            if not any(t.pos_ in ("VERB", "AUX") and (_lemma(t, self.verbs) or t.lemma_.lower() in LIGHT_VERBS
                                                      or self._guessable(t))
                       or t.dep_ in ("nsubj", "nsubjpass") and t.pos_ == "NOUN"
                       and derive(t.lemma_.lower(), self.verbs.is_verb) is not None
                       or t.dep_ == "pobj" and t.lemma_ in ("visit", "trip", "tour")
                       or self._noun_between_parties(t) for t in sent):
                self.remember(sent, doc_date, state)
                continue
            if guard is None:
                out.extend(self.code_sentence(sent, index, doc_date, state))
            else:
                out.extend(guard.run(index, self.code_sentence, sent, index, doc_date, state, default=list))
        return out

    def _noun_between_parties(self, t: Token) -> bool:
        """An event noun with "between" or "with" on it ("died in clashes with rebels"): the sentence
        may hold an event with no verb of the lexicon (`_Sentence.between_events`)."""
        return (t.pos_ == "NOUN" or _gerund_as_noun(t)) and any(
            c.dep_ == "prep" and c.lower_ in ("between", "with") for c in t.children) and derive(
            t.lemma_.lower(), self.verbs.is_verb) is not None

    def code_text(self, text: str, doc_date: dt.date | None = None) -> list[CodedEvent]:
        """Parse and code a text (for tests and the Python API; ingest reuses its own parse)."""
        from trustledger.nlp.model import load_model

        return self.code_doc(load_model()(text), doc_date)

    def code_sentence(self, sent: Span, index: int, doc_date: dt.date | None,
                      state: _DocState | None = None) -> list[CodedEvent]:
        from trustledger.nlp.dates import event_date

        state = state or _DocState(quotes=quote_spans(sent.doc.text))
        main_date, _ = event_date(sent, doc_date)
        on = main_date.date if main_date else doc_date
        mentions = self.actors.mentions(sent, on, generic=True)
        mentions = localise(sent, mentions, state.home, state.seen)
        note_states(mentions, state.seen)
        ctx = _Sentence(self, sent, mentions, state)
        protos: list[_Proto] = []
        for tok in sent:
            if tok.pos_ not in ("VERB", "AUX") or tok.dep_ == "aux" or grammar.stray_participle(tok):
                continue  # (a participle telling a noun's state is no act: `grammar.stray_participle`)
            rule = ctx.rule(tok)
            if rule is None or ctx.governed(tok) or ctx.purpose_of_deed(tok) or ctx.conjectured(tok):
                continue
            protos.extend(ctx.events(tok, rule))
        protos.extend(ctx.between_events())
        told = {(a.code, p.code[:2], b.code) for p in protos for a, _ in p.sources for b, _ in p.targets}
        for srcs, tgts, r, noun, why in deed_nouns(ctx):  # "Israeli air strikes on Gaza" (coding/nominal.py)
            if not any((a.code, r.code[:2], b.code) in told for a, _ in srcs for b, _ in tgts):
                protos.append(_Proto(srcs, tgts, r.code, noun, False, False, None, [why]))
        for srcs, tgts, r, noun, why in nominal.state_deeds(ctx):  # "arrests are continuing in Andijan"
            if not any(p.code[:2] == "17" for p in protos):
                protos.append(_Proto(srcs, tgts, r.code, noun, False, False, None, [why]))
        for srcs, r, noun, why in crowd_events(ctx):  # "protests erupted in Lagos" (coding/nominal.py)
            if not any(p.code[:2] == "14" for p in protos):
                protos.append(_Proto(srcs, [], r.code, noun, False, False, None, [why]))
        for p in protos:  # "will boycott the elections unless the president steps down": a threat to him
            threat = (p.intent and as_intent(p.code)[:2] == "13") or p.code[:2] == "13"
            if p.intent and not p.negated and not threat and ctx.unless_subjects(p.verb, p.said_by, clause=True):
                # "will withdraw its force from Chad unless ...": an intent on a condition is a threat
                p.code, p.intent, threat = as_threat(p.code), False, True
                p.why.append("unless → threat")
            if threat and all(a.text == "(the government)" for a, _ in p.targets):
                p.targets = ctx.unless_subjects(p.verb, p.said_by) or p.targets
        ctx.update_state()
        ctx.note_parties([(p.code, p.sources, p.targets) for p in protos if not p.negated and not p.intent])
        events: list[CodedEvent] = []
        seen: set[tuple] = set()
        dates: dict[tuple[int, bool], object] = {}
        for p in protos:
            if p.negated and int(negated_code(p.code)[:2]) != 12:
                continue  # "did not attack": no CAMEO event; only refused cooperation is coded (12x)
            intent = p.intent or p.code[:2] in ("03", "13")
            key_verb = (p.said_by or sent.root) if intent else p.verb
            if (key_verb.i, intent) not in dates:
                dates[(key_verb.i, intent)] = (_statement_date(sent, doc_date, key_verb) if intent
                                               else event_date(sent, doc_date, p.verb)[0])
            when = dates[(key_verb.i, intent)]
            for ev in self._materialize(p, sent, index, when, ctx):
                key = (ev.source.code, ev.cameo, ev.target.code if ev.target else None, ev.char_start,
                       ev.target.text if ev.target else None)  # (listed targets of one code: one event each)
                if key not in seen:
                    seen.add(key)
                    events.append(ev)
        return _without_untargeted_doubles(events)

    def remember(self, sent: Span, doc_date: dt.date | None, state: _DocState) -> None:
        """Read a sentence with no verb to code into the document's memory all the same: "Opposition
        leader Anwar Ibrahim lost his appeal" codes nothing, but a later "Anwar", "he" or "him" is him,
        and the states and groups it names are the report's (coding/context.py)."""
        mentions = localise(sent, self.actors.mentions(sent, doc_date, generic=True), state.home, state.seen)
        note_states(mentions, state.seen)
        ctx = _Sentence(self, sent, mentions, state)
        ctx.update_state()
        ctx.note_parties([])

    # -- helpers ------------------------------------------------------------------------
    def _guessable(self, t: Token) -> bool:
        """A verb the word-vector fallback codes (coding/verb_vectors.py)."""
        return self.fallback is not None and t.pos_ == "VERB" and self.fallback.guess(t.lemma_) is not None

    def _materialize(self, p: _Proto, sent: Span, index: int, when, ctx: _Sentence) -> Iterable[CodedEvent]:
        code = p.code
        if p.negated:
            code = negated_code(code)
        elif p.intent and not (self.act_for_intent and p.committed):
            code = as_intent(code)
        entry = cameo.lookup(code)
        mode = mode_of(code, p.negated, p.intent and (code != p.code or p.committed) or code.startswith("03"))
        quoted, q_speaker = ctx.quoted(p.verb)
        speaker = q_speaker if quoted else p.speaker
        pairs: list[tuple[tuple[Actor, int], tuple[Actor, int] | None]] = []
        p.sources, p.targets = _split_codes(p.sources), _split_codes(p.targets)
        if p.targets:
            pairs = [(s, t) for s in p.sources for t in p.targets]
        elif p.pair_up and len(p.sources) > 1:
            pairs = [(s, t) for s in p.sources for t in p.sources if s[0].code != t[0].code]
        elif not self.require_target:
            pairs = [(s, None) for s in p.sources]
        doc = sent.doc
        for (src, si), tgt in pairs:
            if tgt is not None and _same_actor(src, tgt[0]) and not (
                    _people(doc[si], src) or _people(doc[tgt[1]], tgt[0])):
                continue
            idx = [si, p.verb.i] + ([tgt[1]] if tgt else [])
            lo, hi = min(idx), max(idx)
            yield CodedEvent(
                sentence_index=index, source=src, target=tgt[0] if tgt else None, cameo=code, root=entry.root,
                quad_class=entry.quad_class, goldstein=entry.goldstein, mode=mode, quote=quoted,
                speaker=speaker, negated=p.negated, date=when.date if when else None,
                date_precision=when.precision if when else None,
                char_start=doc[lo].idx, char_end=doc[hi].idx + len(doc[hi].text), verb=p.verb.text,
                why="; ".join(p.why), verb_source="lexicon" if p.confidence is None else VECTORS,
                confidence=p.confidence,
            )


class _Sentence(Quotes, Arguments):
    """One sentence's parse with its actor mentions: argument finding and frames."""

    def __init__(self, coder: EventCoder, sent: Span, mentions: list[ActorMention], state: _DocState):
        self.coder = coder
        self.verbs = coder.verbs
        self.sent = sent
        self.doc = sent.doc
        self.state = state
        self.by_token: dict[int, ActorMention] = {}
        for m in mentions:
            for i in range(m.start, m.end):
                self.by_token[i] = m
        self._rules: dict[int, VerbRule | None] = {}
        self._speakers: list[tuple[Actor | None, str]] = []

    # -- lexicon ------------------------------------------------------------------------
    def rule(self, v: Token) -> VerbRule | None:
        if v.i not in self._rules:
            particle = next((c.lower_ for c in v.children if c.dep_ == "prt"), None) or next(
                (c.lower_ for c in v.children if c.dep_ == "advmod" and c.lower_ in PARTICLE_ADVERBS
                 and c.i == v.i + 1), None) or next(
                (c.lower_ for c in v.children if c.dep_ == "prep" and c.lower_ in PARTICLE_ADVERBS
                 and c.i == v.i + 1), None)  # "hit back at", "cordoned off the roads": the parser's
            # adverb or preposition is the particle (it only matters where the lexicon has the phrasal verb)
            lemma = _lemma(v, self.verbs)
            if lemma and particle is None and "for" in self.verbs.particles(lemma) and any(
                    grammar.for_clause(c) for c in v.children):
                particle = "for"  # "called for the president to resign": the clause is what "for" takes
            if lemma and particle is None:
                # a prepositional verb the lexicon writes as a particle ("call for" an appeal, unlike
                # "call a ceasefire"): the preposition right after the verb
                particle = next((c.lower_ for c in v.children if c.dep_ == "prep" and c.i == v.i + 1
                                 and c.lower_ in self.verbs.particles(lemma)), None)
            clause = Clause(frozenset(c.lower_ for c in v.children if c.dep_ in ("prep", "agent", "dative")
                                      and c.lower_ != particle),
                            any(c.dep_ in ("dobj", "nsubjpass") for c in v.children)
                            or grammar.reduced_relative(v),
                            v.dep_ == "parataxis" or any(c.dep_ in ("ccomp", "parataxis") for c in v.children)
                            or any(c.is_quote for c in v.children))
            found = self.verbs.match(lemma, particle, self.object_words(v), clause) if lemma else None
            if found is not None and not found.objects and not found.particle and self._names_as(v):
                found = None  # "called the verdict unacceptable": naming what it is, not the verb's act
            if lemma and (found is None or not found.objects) and not grammar.passive(v) and not any(
                    c.dep_ in ("dobj", "ccomp", "xcomp") for c in v.children):
                # intransitive use: the subject is what the verb acts on ("troops withdrew from X" is
                # "withdrew troops from X"); only a rule that names that object class may take it
                subj: set[str] = set()
                heads = [c for c in v.children if c.dep_ == "nsubj"] or self._shared_subject(v) or []
                for c in heads:
                    self._np_words(c, subj)  # "hundreds of troops" counts as troops
                ergative = self.verbs.match(lemma, particle, subj) if subj else None
                if ergative is not None and ergative.objects:
                    found = ergative
            if v.lemma_.lower() in LIGHT_VERBS and (found is None or (
                    found.frame == "say" and not any(c.dep_ in ("ccomp", "parataxis") for c in v.children)) or (
                    # "undertook a mediation mission": no infinitive for the control frame to govern
                    found.frame in CONTROL and not found.objects
                    and not any(c.dep_ in ("xcomp", "ccomp") for c in v.children))):
                # "announced a suspension of air links": the noun's event, not an announcement
                found = self._nominal_rule(v) or found
            if (found is not None and found.frame == "say" and v.lemma_.lower() in MANDATIVE_SAY
                    and any(grammar.mandative(c) for c in v.children)):
                # "insisted that Chile withdraw its troops": what is required, not what was said to happen
                code, frame = MANDATIVE_SAY[v.lemma_.lower()]
                found = replace(found, code=code, frame=frame, verb=f"{found.verb} (mandative subjunctive)")
            if found is not None and found.frame == "permit" and self._permitted(v) is None:
                found = None  # "the rules allow it": a permission tells an act only with what it lets happen
            if found is not None and found.frame == "appeal" and any(grammar.indirect_question(c) for c in v.children):
                found = None  # "asked whether troops would stay", "asked why Egypt refused": a question
            if found is not None and found.code[:2] == "15" and found.frame == "":
                found = self._force_sent_to_aid(v, found) or found
            if (found is None or found.code[:2] != "04") and v.lemma_.lower() in TRAVEL_VERBS and (
                    visit := self._visit_rule(v)) is not None:
                found = visit  # "reached Dhaka for a state visit", "was in Chile on an official visit"
            if found is None and lemma is not None and any(
                    c.dep_ == "dobj" and c.i in self.by_token and self.actors_of(c) for c in v.children):
                found = self._bare_sense(lemma, particle)
            if found is None and lemma is None and self.coder._guessable(v):
                found = self.coder.fallback.rule(v.lemma_)  # a verb no lexicon lists: its nearest verbs' code
            if (found is not None and found.code[:2] == "04" and found.code not in ("042", "043")
                    and not found.objects and "dobj" in found.target and self._no_one_called(v, found.code)):
                # "called early elections", "met the deadline", "met stiff resistance": the object is a
                # thing, so the verb is not the consultation its bare row codes (a call or a meeting
                # is with someone)
                found = None
            self._rules[v.i] = found
        return self._rules[v.i]

    def _no_one_called(self, v: Token, code: str = "") -> bool:
        """The verb's object is a thing, not a party ("called early elections", "called a meeting"): a
        call (CAMEO 041, by telephone) is made to someone, so a bare "called" with no party as its object
        is no call at all (a meeting, 040, may still be mutual: "the two leaders met")."""
        objs = [c for c in v.children if c.dep_ == "dobj"]
        if code == "041" and not any(c.dep_ == "prep" and c.lower_ == "with" for c in v.children):
            return not any(self.actors_of(c) for c in objs)
        return bool(objs) and not any(self.actors_of(c) or c.pos_ in ("PRON", "PROPN") for c in objs)

    def _bare_sense(self, lemma: str, particle: str | None) -> VerbRule | None:
        """A verb whose rows all tell acts of one CAMEO root, none of which fits this use's object
        ("the soldiers left Estonia": every row of "leave" is a concession, 08, but for "office"): the
        rows' object lists name the typical objects, not the only ones, so the verb's bare sense is
        that root's general code. A verb whose rows span several roots has no bare sense to fall back
        on, and a phrasal use the rows do not name ("left behind") is another verb."""
        rows = self.verbs.rules.get(lemma, [])
        if not rows or (particle is not None and particle not in self.verbs.particles(lemma)):
            return None
        if any(r.frame not in ("", "swap") or r.particle for r in rows) or len({r.code[:2] for r in rows}) != 1:
            return None
        if lemma in LIGHT_VERBS or any(self._idiom_object(o) for r in rows for o in r.objects):
            return None  # "have talks", "reach an agreement": the noun carries the event, not the verb
        first = rows[0]
        return replace(first, objects=(), code=f"{first.code[:2]}0", verb=f"{first.verb} (bare sense)")

    def _idiom_object(self, want: str) -> bool:
        """A row's object that names an event itself ("talks", "@agreement", "a phone call"): the row is
        a light use of its verb, which tells nothing without that noun."""
        nouns = self.verbs.classes.get(want[1:], frozenset()) if want.startswith("@") else {want}
        return any(derive(n, self.verbs.is_verb) is not None or n in IRREGULAR for n in nouns)

    def unless_subjects(self, *verbs: Token | None, clause: bool = False) -> list:
        """The subject of an "unless" clause in these verbs' clauses ("threatened to strike unless Israel
        rescinded the decree"): a threat is made to whoever must act to avert it. With `clause`, the
        clause itself (in a list) when there is one, named subject or not."""
        for v in verbs:
            if v is None:
                continue
            for c in v.subtree:
                if c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "unless" for m in c.children):
                    if clause:
                        return [c]
                    return [a for s in c.children if s.dep_ in ("nsubj", "nsubjpass") for a in self.actors_of(s)]
        return []

    def _force_sent_to_aid(self, v: Token, found: VerbRule) -> VerbRule | None:
        """Forces sent to help ("dispatched 50 soldiers to assist the Malian army", "sent troops to
        help Haiti"): the CAMEO codebook's 072 is "military and police assistance including arms and
        personnel", so a deployment whose purpose is aid (07) is that assistance, not a show of force
        (15); the purpose clause names whom it helps (see `_purpose_targets`)."""
        for c in v.children:
            if grammar.purpose(c):
                r = self.rule(c)
                if r is not None and r.frame == "" and r.code[:2] == "07":
                    code = r.code if r.code in ("072", "074") else "072"
                    return replace(found, code=code, verb=f"{found.verb} (forces sent to '{c.lemma_}')")
        return None

    @staticmethod
    def _names_as(v: Token) -> bool:
        """A verb with an object and a predicate on it ("called the verdict unacceptable", "called the
        report a lie", "working conditions they called unacceptable", "called that an overstatement"):
        it says what the object is, so the verb's bare act (a phone call) is not what it tells. A
        predicate noun needs an object before it, or a relative clause's head as the object ("the
        conditions they called a disgrace"); a name after the verb alone is the one called."""
        preds = [c for c in v.children if c.dep_ == "oprd"]
        if not preds:
            return False
        if any(p.pos_ == "ADJ" for p in preds):
            return True
        return any(c.dep_ in ("dobj", "nsubj") and v.i < c.i < preds[0].i for c in v.children) or (
            v.dep_ == "relcl" and preds[0].pos_ != "PROPN")

    @staticmethod
    def _shared_subject(v: Token) -> list[Token]:
        """The subject a verb without one of its own shares: that of the verb it is raised under ("the
        troops are said to have struck": the troops struck; "is reported / believed to have V-ed") or
        coordinated with ("the troops advanced and struck")."""
        t = v
        for _ in range(3):
            own = [c for c in t.children if c.dep_ == "nsubj"]
            if own:
                return own if t is not v else []
            if t.dep_ == "xcomp" and grammar.passive(t.head) and t.head.i != t.i:
                return [c for c in t.head.children if c.dep_ == "nsubjpass"]
            if t.dep_ != "conj" or t.head.i == t.i or t.head.pos_ not in ("VERB", "AUX"):
                return []
            t = t.head
        return []

    def _visit_rule(self, v: Token) -> VerbRule | None:
        """A verb of going or being somewhere with "on/for a visit (trip, tour)": the clause tells a visit
        (CAMEO 042) to the place it names ("reached Dhaka", "in Chile", "to France")."""
        if not any(c.dep_ == "prep" and c.lower_ in ("on", "for") and any(
                n.dep_ == "pobj" and n.lemma_.lower() in ("visit", "trip", "tour") for n in c.children)
                for c in v.children):
            return None
        rule = self.verbs.match("visit", None, set())
        if rule is None:
            return None
        return replace(rule, verb=f"{VISIT_FROM}'{v.lemma_} on a visit')", target=("dobj", "in", "to"))

    def _nominal_rule(self, v: Token) -> VerbRule | None:
        """"launched an attack on X": the event noun's own verb rule (coding/nominal.py), matched with
        the noun's complements as its objects ("a suspension of air links" → suspend + links)."""
        for c in v.children:
            if c.dep_ not in ("dobj", "nsubjpass") or c.pos_ != "NOUN":
                continue
            c = event_noun(c)  # "launched ten days of war games": the games
            noun = c.lemma_.lower()
            compound = next((x.lemma_.lower() for x in c.children if x.dep_ == "compound"), None)
            known = self.verbs.is_verb
            # "launched a sit-in": first the hyphenated word, which the parser splits ("sit", "-", "in")
            verb = (next((x for w in sorted(grammar.hyphen_words(c)) if (x := derive(w, known))), None)
                    or (compound and derive(f"{compound} {noun}", known)) or derive(noun, known)
                    or (compound and derive(compound, known)))  # "a mediation mission"
            if verb is None:
                continue
            words: set[str] = set()
            for p in c.children:
                if p.dep_ == "prep":
                    for o in p.children:
                        if o.dep_ == "pobj":
                            self._np_words(o, words)
            rule = self.verbs.match(verb, None, words) or self.verbs.match(verb, None, set())
            if rule is not None and rule.frame in ("", "swap"):
                # the noun's partner comes with a preposition on the noun ("aid to X", "an attack on X",
                # "a protest with X") where the verb would take it as its object
                target = rule.target + tuple(p for p in NOUN_PARTNERS if p not in rule.target)
                return replace(rule, verb=f"{rule.verb} (from '{v.lemma_} {c.lower_}')", target=target)
        return None

    def _named_town(self, actor: Actor) -> bool:
        """A town named as a place: a place of a state ("took Goma"), or a capital, which stands for its
        government as a party ("Moscow protested") but as the object of force or occupation is the city
        itself ("the Houthis captured Sanaa", "Taliban fighters seized Kabul")."""
        if actor.place and actor.role is None:
            return True
        return actor.role == "GOV" and actor.person is None and self.coder.actors.names_a_city(actor.text)

    def object_words(self, v: Token) -> set[str]:
        words: set[str] = set()
        for c in v.children:
            if c.dep_ in ("dobj", "nsubjpass", "attr", "oprd", "dative") or (c.dep_ == "nsubj" and grammar.passive(v)):
                self._np_words(c, words)
                if c.dep_ in ("dobj", "nsubjpass") and not _caught_unawares(v) and any(
                        (m := self.by_token.get(t.i)) is not None and self._named_town(m.actor)
                        for t in (c, *c.conjuncts)):
                    words.add("town")  # "the rebels took Goma": a named town is what "@settlement" rows name
                if c.dep_ in ("dobj", "nsubjpass"):
                    # "police detained Seng Theary", "the army routed the SLA": an object named only by
                    # its name is, for the rows' object classes, the kind of party its role says it is
                    words.update(w for t in (c, *c.conjuncts) if (m := self.by_token.get(t.i)) is not None
                                 for w in ROLE_WORDS.get(m.actor.role, ()))
            elif c.dep_ in ("xcomp", "dobj") and c.tag_ == "VBG" and v.lemma_.lower() in HALTING_VERBS:
                # "agreed to stop fighting", "to cease firing": the act halted is what the rows name
                words.update((c.lower_, c.lemma_.lower()))
            elif c.pos_ == "ADJ" and c.dep_ in ("advcl", "xcomp", "ccomp", "acomp") and c.i > v.i:
                # "held France responsible", "found them guilty": the parser often hangs the object's
                # predicate adjective on the verb as a clause; it is what the verb's rows name
                words.add(c.lemma_.lower())
                words.add(c.lower_)
            elif c.dep_ in ("prep", "agent"):
                for p in c.children:
                    if p.dep_ == "pobj":
                        self._np_words(p, words)
        if grammar.reduced_relative(v):
            self._np_words(v.head, words)  # "the attacks carried out across eight provinces"
        return words

    @staticmethod
    def _np_words(head: Token, words: set[str]) -> None:
        head = grammar.antecedent(head)  # "supporters who had gathered": the supporters gathered
        for t in [head, *(c for c in head.conjuncts)]:
            words.add(t.lemma_.lower())
            words.add(t.lower_)
            words.update(grammar.hyphen_words(t))  # "a cease-fire" is a ceasefire
            money = t.lemma_.lower() in MONEY_HEADS or t.lower_ in MONEY_HEADS
            for c in t.children:
                if c.dep_ in ("compound", "amod", "nmod") or (c.dep_ == "quantmod" and c.lower_ in MONEY_HEADS):
                    words.add(c.lemma_.lower())  # ("$10 million": the sign hangs on the magnitude)
                    words.add(c.lower_)
                elif c.dep_ == "prep" and c.lower_ == "of":
                    for p in c.children:
                        if p.dep_ == "pobj":
                            words.add(p.lemma_.lower())
                            words.update(g.lower_ for g in p.children if g.dep_ == "compound")
                elif c.dep_ == "prep" and money and c.lower_ == "in":
                    # "50 million euros in humanitarian aid", "$10 million in emergency assistance": what
                    # the money is (the kind, "humanitarian", but not a compound's "emergency")
                    for p in c.children:
                        if p.dep_ == "pobj":
                            words.add(p.lemma_.lower())
                            words.update(g.lower_ for g in p.children if g.dep_ == "amod")

    def governed(self, v: Token) -> bool:
        """Governed by a control verb ("promised to deliver"): coded as part of that verb."""
        if (v.dep_ == "conj" and v.tag_ == "VB" and v.head.tag_ in ("VBD", "VBZ", "VBP", "VBN")
                and any(c.dep_ == "xcomp" and c.tag_ == "VB" and c.i < v.i for c in v.head.children)):
            # "agreed to pull back forces, coordinate patrols": the parser hangs the second infinitive on
            # the verb of promising; a bare infinitive is no finite act of its own
            r = self.rule(v.head)
            if r is not None and r.frame in CONTROL:
                return True
        t = self._through_aspect(grammar.first_conjunct(v))
        if (t.dep_ in ("xcomp", "ccomp") or grammar.for_clause(t)) and t.head.i != t.i:
            r = self.rule(t.head)
            if r is not None and r.frame in CONTROL and self._control_applies(t.head, r):
                return True
            if r is not None and r.frame == "vote" and t.dep_ == "xcomp":
                return True
        return False

    def _through_aspect(self, t: Token) -> Token:
        """The verb of aspect or attempt an act hangs on when that verb is itself governed ("pledged
        to keep fighting", "vowed to continue attacking", "threatened to try to seize the port"):
        "keep", "continue" and "try" tell how the act goes on, so whatever governs them governs the
        act. Returns the outermost such verb, or the act itself."""
        while (t.dep_ == "xcomp" and t.head.i != t.i and t.head.lemma_.lower() in grammar.ASPECTUAL | grammar.ATTEMPT
               and t.head.dep_ in ("xcomp", "ccomp", "conj")):
            r = self.rule(t.head)
            if r is not None and r.frame in CONTROL:
                break  # the aspect verb has a control frame of its own: it governs the act itself
            t = t.head
        return t

    def conjectured(self, v: Token) -> bool:
        """The clause is the content of a noun of uncertainty ("there were fears that troops had crossed",
        "speculation mounted that the soldiers had been moved"), or a condition, an indirect question or
        a hedged guess (`grammar.unasserted`): a guess the report tells of, not an event it asserts."""
        t = grammar.first_conjunct(v)
        if grammar.unasserted(v) or grammar.unasserted(t):
            return True  # "if Turkey sends troops, ...", "Israel would likely agree": a condition or a guess
        if t.dep_ == "ccomp" and t.head.lemma_.lower() in BELIEF_VERBS and grammar.future(t):
            # "analysts believe Russia will supply arms": the believers' guess about another party
            said = {a.code for a, _ in self.subjects(t.head)}
            if {a.code for a, _ in self.subjects(t)} - said:
                return True
        if t.dep_ not in ("acl", "ccomp") or not any(c.dep_ == "mark" and c.lower_ == "that" for c in t.children):
            return False
        h = t.head
        if h.pos_ == "NOUN":
            return h.lemma_.lower() in CONJECTURE_NOUNS
        return any(c.dep_ in ("nsubj", "attr") and c.lemma_.lower() in CONJECTURE_NOUNS for c in h.children)

    def between_events(self) -> list[_Proto]:
        """Events named by a noun between parties: "heavy fighting between Serb police and ethnic
        Albanians", "talks between Rabat and Algiers", "clashes between the army and rebels": each
        party toward the other, with the code of the noun's verb (coding/nominal.py). A noun a light
        verb carries ("held talks between ...") is that verb's event already. A gerund used as a noun
        counts too ("Fighting between the army and rebels killed 40"). Fighting "with" a party, told
        as where the clause's subject suffered or acted ("two soldiers died in clashes with Kurdish
        rebels", "the SLA lost 16 men in fighting with Hezbollah"), is fighting between the two."""
        out: list[_Proto] = []
        for t in self.sent:
            if not (t.pos_ == "NOUN" or _gerund_as_noun(t)) or (t.dep_ == "dobj" and self.rule(t.head) is not None):
                continue
            verb = derive(t.lemma_.lower(), self.verbs.is_verb)
            rule = self.verbs.match(verb, None, set()) if verb else None
            if rule is None or rule.frame not in ("", "swap") or not (
                    rule.code in SYMMETRIC_CODES or rule.code[:2] in ("04", "19")):
                continue
            for c in t.children:
                if c.dep_ == "prep" and c.lower_ == "between":
                    parties = [a for p in c.children if p.dep_ == "pobj" for a in self.actors_of(p)]
                elif c.dep_ == "prep" and c.lower_ == "with" and rule.code[:2] == "19":
                    parties = self._fighting_with(t, c)
                else:
                    continue
                if len({a.code for a, _ in parties}) > 1:
                    out.append(_Proto(parties, [], rule.code, t, False, False, None,
                                      [f"{t.lemma_} {c.lower_} parties → {rule.code} ({rule.verb})"], True))
        return out

    def _fighting_with(self, t: Token, with_: Token) -> list[tuple[Actor, int]]:
        """The two sides of "in clashes/fighting with X" hung on an asserted clause: the clause's
        subject and X (and X's conjuncts)."""
        if t.dep_ != "pobj" or t.head.lower_ not in ("in", "during", "after") or t.head.dep_ != "prep":
            return []
        v = t.head.head
        if v.pos_ not in ("VERB", "AUX") or grammar.hypothetical(v) or grammar.future(v) or grammar.negated(v):
            return []
        own = self.subjects(v)
        others = [a for p in with_.children if p.dep_ == "pobj" for q in (p, *p.conjuncts)
                  for a in self.actors_of(q)]
        if not own or not others:
            return []
        return own + [a for a in others if all(a[0].code != b.code for b, _ in own)]

    def purpose_of_deed(self, v: Token) -> bool:
        """"fired tear gas to disperse the crowd": the purpose of a deed the lexicon codes is not a
        second event of the same actor (its object may still name the deed's target, `events`)."""
        if not grammar.purpose(v):
            return False
        r = self.rule(v.head)
        return r is not None and r.frame in ("", "swap")

    def _purpose_targets(self, v: Token) -> list[tuple[Actor, int]]:
        """The target a deed takes from its purpose clause: "fired tear gas to scatter the protesters",
        "dispatched soldiers to assist the Malian army", "to prevent the marchers from ..." """
        for c in v.children:
            if not grammar.purpose(c):
                continue
            r = self.rule(c)
            found = self.targets(c, r) if r is not None and r.frame in ("", "swap") else []
            for o in c.children:
                if not found and o.dep_ == "dobj":
                    found = self.actors_of(o) or self._gathering(c)
            if found:
                return found
        return []

    # -- events -------------------------------------------------------------------------
    def events(self, v: Token, rule: VerbRule, sources: list[tuple[Actor, int]] | None = None,
               speaker: str | None = None) -> list[_Proto]:
        if grammar.hypothetical(v) or grammar.unasserted(v) or grammar.none_done(v):
            return []  # "could attack", "if Turkey sends troops", "would likely agree", "offered no figure"
        negated = grammar.negated(v)
        if rule.frame == "say":
            return self._say(v, rule)
        if rule.frame in CONTROL and self._control_applies(v, rule):
            return self._control(v, rule, negated, sources)
        if rule.frame in ("intent", "negate") and not rule.objects and any(
                c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX") for c in v.children):
            if rule.frame == "negate" or v.lemma_.lower() not in COMMIT_VERBS | {"offer"}:
                return []  # "sought to avoid a clash", "intends to change the constitution": no act to intend
            # "agreed / offered to set up a centre": a commitment to an act no lexicon codes (CAMEO 030)
            rule = replace(rule, code="030", frame="")
        elif (rule.frame == "intent" and not rule.objects and v.lemma_.lower() not in COMMIT_VERBS | {"offer"}
              and not any(c.dep_ in ("xcomp", "ccomp") for c in v.children)):
            return []  # "wants political power", "seeks another term", "aiming for the town": a wish, no act
        if rule.frame == "vote":
            return self._vote(v, rule, sources)
        srcs = sources if sources is not None else (self.subjects(v) or self._relative(v, ("nsubj",))
                                                    or self._means_subject(v))
        if not srcs and rule.code[:2] == "14" and (
                (grammar.passive(v) and not any(c.dep_ == "agent" for c in v.children)) or self._counted_crowd(v)):
            # "demonstrations held in defiance of a ban", "thousands marched on the palace": by the people there
            srcs = self._protesters(v)
        tgts = self.targets(v, rule) or (self._relative(v, ("dobj", "nsubjpass")) if "dobj" in rule.target else [])
        if not tgts and rule.code[:2] == "04" and not self._parties_meeting(v, srcs):
            # a meeting's place stands for its host (CAMEO practice); when the subjects are the parties
            # themselves ("Armenian and Azerbaijani ministers met in Geneva") it is only the venue
            tgts = self._prep_actors(v, ("in", "at")) or self._visit_host(v)
            if not tgts and self.state.home and any(c.lower_ == "here" for c in v.children):
                # "landed here for a visit": here is the dateline's place
                tgts = [(Actor(self.state.home, self.state.home, None, "here", place=True, settled=True), v.i)]
            if not tgts and rule.code in ("042", "043"):
                return []  # "made the trip", "arriving at the protest site": a visit to no one named is no event
        if not tgts and rule.frame in ("", "swap"):
            tgts = self._purpose_targets(v)
        if not tgts and rule.frame in ("appeal", "demand"):
            # "demanded that the United States match ...", "urged Iraq to comply": the act asked for is
            # not in the lexicon, but who is asked is the clause's subject
            inner = next((c for c in v.children if c.dep_ in ("ccomp", "xcomp") and c.pos_ in ("VERB", "AUX")), None)
            if inner is not None:
                tgts = self.addressee(v, inner)
        if rule.frame == "" and srcs and tgts and all(_same_actor(a, b) for a, _ in srcs for b, _ in tgts):
            # "Britain shut the Iranian consulate in Manchester": the place named first is the source's
            # own; an actor inside the object phrase (the rule's "objnp": Iranian) is the other party
            alt = self.targets(v, replace(rule, target=("objnp",))) if "objnp" in rule.target[1:] else []
            if alt and not all(_same_actor(a, b) for a, _ in srcs for b, _ in alt):
                tgts = alt
        if rule.frame == "swap":
            srcs, tgts = tgts, srcs
        if not tgts and rule.code[:2] in ("10", "11", "12", "13", "14", "18", "19", "20"):
            tgts = self.protested_state(v, srcs, rule.code)  # "protesters chanted", "rebels kept fighting"
        if not srcs and tgts and rule.code[:2] == "17" and (grammar.passive(v) or rule.frame == "swap"):
            srcs = self._authorities(v)  # "two opposition leaders were arrested": by the state they are in
        if not srcs and tgts and rule.code[:2] in ("18", "19", "20") and grammar.passive(v):
            srcs = self._other_side(v, tgts)  # "three soldiers were wounded in the fighting that followed"
        if not srcs and rule.code[:2] == "15" and grammar.passive(v):
            # "soldiers were deployed in the streets": the force shown is its state's own (CAMEO 15x)
            forces = [a for c in v.children if c.dep_ == "nsubjpass" for a in self.actors_of(c)
                      if a[0].role in STATE_ORGANS]
            srcs, tgts = forces, [t for t in tgts if t not in forces]
        if not srcs:
            return []
        mutual = not tgts and (rule.code in SYMMETRIC_CODES or grammar.reciprocal(v)
                               or (v.lemma_.lower() in grammar.RECIPROCAL_VERBS and len(srcs) > 1)
                               or self.accord_between(v, srcs))
        if rule.frame == "mutual" and not tgts and len(srcs) < 2:
            return []  # "Putin spoke on Monday", "spoke to reporters": a consultation needs its other party
        if not tgts and not mutual:
            tgts = self.implied_target(v, srcs, rule.code)  # (a mutual act's other side is its co-subject instead)
        elif not tgts and len({_side(a) for a, _ in srcs}) == 1:
            # "troops opened fire": fighting of one side with no co-subject is with the side's foe
            tgts = self._foe(srcs, rule.code)
            mutual = mutual and not tgts
        why = [f"{v.lemma_} → {rule.code} ({rule.source} rule {rule.verb}"
               f"{' ' + rule.particle if rule.particle else ''}{' ' + '|'.join(rule.objects) if rule.objects else ''})"]
        code = rule.code
        crowd = code[:2] in ("17", "18", "19") and all(  # (read only for force: _protesting looks up rules)
            v.doc[i].lemma_.lower() in PROTESTER_NOUNS | CROWD_NOUNS or self._protesting(v.doc[i]) for _, i in srcs)
        people = bool(srcs) and all(a.role in UNARMED_ROLES for a, _ in srcs)
        if code in ("191", "192") and people:
            # "opposition supporters blocked the roads", "workers occupied the ministry": people without arms
            # who block or occupy obstruct (CAMEO 144), they do not besiege or occupy by force
            code = "144"
            why.append("blockade by people → 144")
        elif (code[:2] in ("17", "18") and crowd or code[:2] == "19" and code not in HEAVY_WEAPON_CODES
              and (crowd or people)):
            # CAMEO 19 is force "by organized armed groups": a crowd, the opposition's supporters, students or
            # workers who fight, attack or shoot riot, unless they use the arms of war ("fired rockets" stays 194)
            code = "145"  # CAMEO: demonstrators destroying property or assaulting is "protest violently, riot"
            why.append("by demonstrators → 145")
        elif code in ("190", "193") and srcs and all(a.role == "COP" for a, _ in srcs) and tgts and all(
                a.role in UNARMED_ROLES for a, _ in tgts):
            # "police shot at villagers", "security forces opened fire on opposition supporters": the state's
            # force against its unarmed people is repression (CAMEO 175), not combat between armed groups
            code = "175"
            why.append("police force on civilians → 175")
        elif code[:2] in ("18", "19") and self._crowd_control(v, tgts):
            code = "175"  # CAMEO: tear gas, water cannon, shots over a crowd: "use tactics of violent repression"
            why.append("crowd control → 175")
        if code == "111" and rule.verb == "fire" and rule.particle == "back" and srcs and all(
                a.role in ARMED_ROLES for a, _ in srcs):
            # "soldiers fired back at the gunmen": armed men who fire back return fire (190); the row's
            # retort ("the government fired back at its critics") is for those who answer in words
            code = "190"
            why.append("return fire by armed forces → 190")
        if code == "111" and rule.verb == "come" and rule.particle == "under" and srcs and all(
                a.role in ARMED_ROLES for a, _ in srcs) and "fire" in self.object_words(v):
            # "the post came under fire from Taliban rebels": fire from armed men is gunfire (190); the
            # row's criticism ("the minister came under fire from the opposition") is fire in words
            code = "190"
            why.append("under fire from armed forces → 190")
        if code == "140" and v.lemma_.lower() == "protest" and all(_official(v.doc[i], a) for a, i in srcs):
            # "China protested against the visit", "the embassy protested the arrests": CAMEO 14 is the
            # dissent of civilians; a state or its officials protest in words, an official complaint
            code = "114"
            why.append("protest by the state → 114")
        if (code[:2] == "11" and v.lemma_.lower() in DISSENT_VERBS and rule.code[:2] == "11"
                and not any(_official(v.doc[i], a) for a, i in srcs)):
            # "students protested against the decision", "opposition supporters protested the results":
            # the row's object makes it a disapproval (11), which CAMEO keeps for states and officials;
            # a population, the opposition or workers protesting is dissent (14), the mirror of 140 → 114
            code = "140"
            why.append("protest by non-officials → 140")
        if code == "195" and srcs and all(a.role in NON_STATE_FORCE for a, _ in srcs) and not (
                (self.object_words(v) | {c.lower_ for c in v.subtree})
                & (self.coder.verbs.classes.get("aerial", frozenset()) | AIR_WORDS)):
            # "rebels bombed a police station", "militants bombed the ministry": a group without an air force
            # that bombs sets off explosives (CAMEO 183 "conduct suicide, car, or other non-military
            # bombing"); 195 is air power, the armed forces' own ("jets bombed the positions" stays 195)
            code = "183"
            why.append("bombing by an armed group → 183")
        if code == "144" and all(a.role in ARMED_ROLES for a, _ in srcs):
            code = "191"  # roadblocks put up by troops, police or rebels: a blockade by force, not a protest (144)
            why.append("by armed men → 191")
        if (code == "057" or code == "0871" and v.lemma_.lower() in AGREEING_VERBS) and (
                self.object_words(v) & self.coder.verbs.classes.get("ceasefire", frozenset())):
            # "signed a truce", "reached a ceasefire agreement": a ceasefire the parties agree on is an
            # agreement to act (CAMEO 0356, as "agreed to a ceasefire"); 0871 stays for one side declaring it
            code = "0356"
            why.append("ceasefire agreed → 0356")
        if code[:2] == "15" and self._joint(v, tgts):
            code = "062"  # CAMEO: exercises held jointly or with another party are military cooperation
            why.append("joint → 062")
        intent = grammar.future(v) or (grammar.infinitive(v) and not grammar.narrated_purpose(v))
        if intent:
            why.append("future/modal/infinitive → intent")
        if negated:
            why.append("negated")
        pair = mutual
        firm = intent and (any(c.dep_ == "aux" and c.lower_ in ("will", "shall", "'ll") for c in v.children)
                           or grammar.imminent(v))
        out = [_Proto(srcs, tgts, code, v, negated, intent, speaker, why, pair, committed=firm,
                      confidence=rule.confidence)]
        if rule.reverse and tgts and not negated:
            # a paired code ("visited" 042 : "hosted the visit" 043): the target's side of the same act
            out.append(_Proto(tgts, srcs, rule.reverse, v, False, intent, speaker,
                              [*why, f"paired code → {rule.reverse} for the reversed dyad"], committed=firm,
                              reversed_pair=True, confidence=rule.confidence))
        return out

    def _means_subject(self, v: Token) -> list[tuple[Actor, int]]:
        """A gerund after a preposition shares the subject of the clause it hangs on: "police helped in
        breaking up the crowds", "responded by firing tear gas", "the EU remains steadfast in backing
        Ukraine" (through the adjective to its verb)."""
        if v.dep_ != "pcomp" or v.tag_ != "VBG" or grammar.own_subject(v):
            return []
        prep = v.head
        if prep.dep_ != "prep":
            return []
        h = prep.head
        if h.pos_ == "ADJ" and h.dep_ in ("acomp", "oprd"):
            h = h.head  # "are guilty of violating the truce", "remains steadfast in backing Ukraine"
        elif prep.lower_ not in GERUND_PREPS and not (prep.lower_ == "to" and h.lemma_.lower() in TAKING_UP_VERBS):
            # after a verb only a gerund of means or of time ("said, soon after arriving in Astana"), or
            # the course a verb of taking up names ("students resorted to burning tyres")
            return []
        return self.subjects(h) if h.pos_ in ("VERB", "AUX") else []

    def _relative(self, v: Token, deps: tuple[str, ...]) -> list[tuple[Actor, int]]:
        """The actors of the noun a relative clause hangs on, when its pronoun is the verb's argument
        of `deps` ("Turkey, which has backed Azerbaijan": Turkey backed; "the leader whom police
        arrested": police arrested the leader). A reduced passive relative ("the rebels backed by
        Rwanda", "the talks held in Ankara by ...") has no pronoun: it acts on its head noun."""
        if grammar.reduced_relative(v):
            return [] if "nsubj" in deps else [(a, i) for a, i in self.actors_of(v.head) if not a.place]
        if v.dep_ != "relcl" or grammar.describing(v):
            return []
        for c in v.children:
            if c.dep_ in deps and grammar.antecedent(c) is not c:
                # "a spokesman in the town of Nalut, who gave ...": a place does not act ("who"); "Hamas,
                # a group that has attacked Israel": the clause tells of the noun the apposition renames
                noun = grammar.antecedent(c)
                found = self.actors_of(noun) or (self.actors_of(noun.head) if noun.dep_ == "appos" else [])
                return [(a, i) for a, i in found if not a.place]
        return []

    @staticmethod
    def _joint(v: Token, tgts: list[tuple[Actor, int]]) -> bool:
        """A show of force done together: "joint exercises", "exercises with the Indian navy"."""
        if any(c.dep_ == "prep" and c.lower_ == "with" for c in v.children):
            return True
        return any(c.dep_ == "dobj" and any(m.lower_ in ("joint", "combined") for m in c.children)
                   for c in v.children)

    def _crowd_control(self, v: Token, tgts: list[tuple[Actor, int]]) -> bool:
        """Force used on a crowd rather than in combat: its means (tear gas, water cannon, rubber
        bullets, batons, shots in the air) or its target (demonstrators, protesters, marchers)."""
        words = self.object_words(v) | {c.lower_ for c in v.children if c.dep_ in ("prep", "advmod")}
        words |= {t.lower_ for c in v.children if c.dep_ in ("dobj", "prep") for t in c.subtree}
        if words & CROWD_CONTROL_MEANS or ("air" in words and "into" in words):
            return True
        return bool(tgts) and all(v.doc[i].lemma_.lower() in PROTESTER_NOUNS | CROWD_NOUNS
                                  or self._protesting(v.doc[i]) for _, i in tgts)

    def _protesting(self, t: Token) -> bool:
        """People told as protesting by a clause on them: "civilians demonstrating against police
        brutality", "students who were marching to the palace"."""
        for c in t.children:
            if c.dep_ in ("acl", "relcl") and c.pos_ == "VERB":
                r = self.rule(c)
                if r is not None and r.code[:2] == "14":
                    return True
        return False

    @staticmethod
    def _counted_crowd(v: Token) -> bool:
        """A protest whose subject is only a number of people ("Thousands marched", "About 2,000
        rallied", "hundreds of people gathered"): no actor is named, and wire copy means the
        population of the place, as it does for a protest noun with no one named."""
        return any(c.dep_ == "nsubj" and (c.lower_ in QUANTITY_HEADS or c.pos_ == "NUM" or c.like_num)
                   for c in v.children)

    def _authorities(self, v: Token) -> list[tuple[Actor, int]]:
        """The implicit agent of a coercive act that only a state performs (arrest, detain, sentence,
        expel, ban: CAMEO root 17) told in the passive without one: the authorities of the state the
        report places it in (coding/context.py)."""
        return self.state_organ(v.i)

    def _protesters(self, v: Token) -> list[tuple[Actor, int]]:
        """The implicit doer of a protest (CAMEO root 14: a demonstration, strike or rally "held",
        "organised", "staged") told in the passive without one: the civilians of the state the report
        places it in, as a protest noun with no one named is theirs (coding/nominal.crowd_events)."""
        return self.state_organ(v.i, "CVL", "(the protesters)")

    def _control_applies(self, v: Token, rule: VerbRule) -> bool:
        if rule.frame == "permit":
            return self._permitted(v) is not None
        return self._inner(v) is not None

    @staticmethod
    def _permitted(v: Token) -> Token | None:
        """The act a verb of permission lets happen ("allowed the opposition to hold a rally", "will
        permit refugees to return"): its infinitive clause, coded or not."""
        def to_inf(c: Token) -> bool:
            return c.pos_ in ("VERB", "AUX") and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)

        own = next((c for c in v.children if c.dep_ in ("xcomp", "ccomp") and to_inf(c)), None)
        if own is not None:
            return own
        # "will allow refugees who have lived in Iraq for years to return": after a relative clause on
        # the object the parser hangs the infinitive inside that clause ("years to return")
        for o in v.children:
            if o.dep_ == "dobj" and any(c.dep_ == "relcl" for c in o.children):
                return next((t for t in o.subtree if t.dep_ in ("relcl", "acl", "advcl") and t.head.i != o.i
                             and to_inf(t)), None)
        return None

    def _permit(self, v: Token, rule: VerbRule, negated: bool,
                sources: list[tuple[Actor, int]] | None) -> list[_Proto]:
        """"The minister allowed the opposition leader to hold a rally": the one who permits yields
        (CAMEO 08) to the party permitted; the permitted act is only made possible, so it is no event
        of that party (reading it as one coded the opposition's rally as the event). "Will allow" is an
        intent to yield (03), "did not allow" a refusal (12), as for any act."""
        inner = self._permitted(v)
        assert inner is not None
        main = sources if sources is not None else self.subjects(v)
        if not main:
            return []
        # (the party may be the head of a relative clause: "elections whose winners the army would not
        # allow to take office")
        tgts = [t for t in self.addressee(v, inner) or self._relative(v, ("dobj", "nsubjpass"))
                if not any(_same_actor(t[0], m) for m, _ in main)]
        if not tgts:
            return []  # a permission to no party named ("would not allow to take office") names no dyad
        intent = grammar.future(v) or (grammar.infinitive(v) and not grammar.narrated_purpose(v))
        firm = intent and any(c.dep_ == "aux" and c.lower_ in ("will", "shall", "'ll") for c in v.children)
        why = [f"{v.lemma_} (permit) → {rule.code}: '{inner.lemma_}' made possible"]
        return [_Proto(main, tgts, rule.code, v, negated, intent, None, why, committed=firm)]

    def _inner(self, v: Token) -> Token | None:
        for c in v.children:
            if (c.dep_ in ("xcomp", "ccomp") or grammar.for_clause(c)) and c.pos_ in ("VERB", "AUX"):
                if self.rule(c) is not None:
                    return c
                # "agreed to go ahead with the delivery": look one step further down
                for cc in c.children:
                    if cc.dep_ in ("xcomp", "ccomp", "conj") and cc.pos_ == "VERB" and self.rule(cc) is not None:
                        return cc
        return None

    def _control(self, v: Token, rule: VerbRule, negated: bool,
                 sources: list[tuple[Actor, int]] | None) -> list[_Proto]:
        if rule.frame == "permit":
            return self._permit(v, rule, negated, sources)
        inner = self._inner(v)
        assert inner is not None
        main = sources if sources is not None else self.subjects(v)
        frame = rule.frame
        addressee: list[tuple[Actor, int]] = []
        if frame in ("appeal", "demand") or (frame == "intent" and grammar.own_subject(inner)):
            addressee = self.addressee(v, inner)
        own = self.subjects(inner) if grammar.own_subject(inner) else []
        if (frame == "intent" and own and v.lemma_.lower() in BELIEF_VERBS
                and {a.code for a, _ in own} - {a.code for a, _ in main}):
            return []  # "observers expect Brazil to recognise ...": a prediction about another party
        if frame == "intent" and own and main and {a.code for a, _ in own} != {a.code for a, _ in main}:
            frame, addressee = "appeal", own  # "Obama wants Putin to attack ..." is an appeal to Putin
        inner_sources = addressee if frame in ("appeal", "demand") and addressee else (own or main)
        inner_rule = self.rule(inner)
        assert inner_rule is not None
        protos = self.events(inner, inner_rule, inner_sources)
        if not protos and frame in ("appeal", "demand") and main and addressee:
            code = rule.code
            return [_Proto(main, addressee, code, v, negated, False, None, [f"{v.lemma_} → {code}"])]
        out = []
        for p in protos:
            if p.reversed_pair:
                continue  # "promised to visit X": X's hosting is not promised by the visitor
            why = [f"{v.lemma_} ({frame}) + "] + p.why
            code = p.code  # the act itself; the frame says whether it was promised, asked for, refused...
            if p.negated and frame == "intent" and int(p.code[:2]) >= 9:
                code, p.negated = "030", False  # "agreed not to impose sanctions": a promise to refrain
            elif p.negated and frame in ("appeal", "demand"):
                base = "025" if frame == "appeal" else "105"
                code = base if int(p.code[:2]) >= 9 else ("020" if frame == "appeal" else "100")
            elif p.negated:
                code = negated_code(code)
            if frame == "intent":
                firm = v.lemma_.lower() in COMMIT_VERBS
                new = _Proto(main or p.sources, p.targets,
                             code if self.coder.act_for_intent and firm else as_promise(code),
                             v, negated, True, p.speaker, why, committed=firm)
            elif frame == "appeal":
                new = _Proto(main, addressee or p.targets, as_appeal(code), v, negated, False, p.speaker, why)
            elif frame == "demand" and self._own_forces(v, main, addressee, code) and p.targets and not negated:
                # "the junta ordered soldiers to fire on the crowds": the state's own forces do as ordered
                new = _Proto(main, p.targets, code, v, p.negated, False, p.speaker,
                             [*why, "own forces ordered → the act"])
            elif frame == "demand":
                new = _Proto(main, addressee or p.targets, as_demand(code), v, negated, False, p.speaker, why)
            elif frame == "refuse":
                new = _Proto(main or p.sources, p.targets, as_refusal(code), v, negated, False, p.speaker, why)
            elif frame == "threat":
                new = _Proto(main or p.sources, p.targets, as_threat(code), v, negated, False, p.speaker, why)
            else:  # negate: "failed to deliver"
                new = _Proto(main or p.sources, p.targets, code, v, True, False, p.speaker, why)
            new.said_by = v
            new.confidence = p.confidence
            # "Jordan and Britain have agreed to hold exercises": with no other party named, each
            # agrees toward the other
            if frame == "intent" and len(new.sources) > 1 and _own_organs(p.targets, new.sources):
                new.targets = []  # "the two neighbours agreed to pull back forces": each its own forces
            new.pair_up = p.pair_up or (frame == "intent" and v.lemma_.lower() in grammar.RECIPROCAL_VERBS
                                        and not new.targets)
            if new.sources:
                out.append(new)
        return out

    @staticmethod
    def _own_forces(v: Token, main: list[tuple[Actor, int]], addressee: list[tuple[Actor, int]], code: str) -> bool:
        """An order ("ordered/instructed troops to ...") given to the commander's own state organs
        (army, police) for a material act: CAMEO codes the act, by the commander, not a demand."""
        if v.lemma_.lower() not in grammar.COMMAND_VERBS or not main or not addressee:
            return False
        states = {a.country for a, _ in main}
        return cameo.lookup(code).quad_class in (2, 4) and all(
            a.country in states and a.role in STATE_ORGANS for a, _ in addressee)

    def _say(self, v: Token, rule: VerbRule) -> list[_Proto]:
        """Reporting verbs: code what was said, as the reporter's speech."""
        reporters = self.subjects(v) or self._quoted_as(v)
        speaker_text = self.speaker_text(v)
        out: list[_Proto] = []
        inners = [c for c in v.children if c.dep_ in ("ccomp", "parataxis") and c.pos_ in ("VERB", "AUX")]
        inners += [cc for c in inners for cc in c.conjuncts if cc.pos_ in ("VERB", "AUX")]
        for inner in inners:
            inner = self._stated_act(inner)
            inner_rule = self.rule(inner)
            duty = inner if grammar.obliged(inner) else next(
                (c for c in inner.children if c.dep_ == "xcomp" and grammar.obliged(c)), None)
            if reporters and duty is not None:
                # "Russia said Sudan must return the helicopter": what the reporter demands of Sudan
                out.extend(self._obligation(v, inner, duty, reporters, speaker_text))
                continue
            if inner_rule is None:
                if rule.code[:2] == "11" and reporters:
                    # "the report alleged that France was aware ...": an accusation of the actor named
                    said = {a.code for a, _ in reporters}
                    tgts = [s for s in self.subjects(inner) if s[0].code not in said]
                    if tgts:
                        out.append(_Proto(reporters, tgts[:1], rule.code, v, grammar.negated(v), False, speaker_text,
                                          [f"{v.lemma_} → {rule.code} (about {tgts[0][0].text})"]))
                continue
            own = self.subjects(inner, reporters=reporters)
            protos = self.events(inner, inner_rule, own or None, speaker=speaker_text)
            if v.lemma_.lower() in BELIEF_VERBS:
                # "analysts believe Russia will supply arms": a guess about another party's future act,
                # not its stated intent; the believer's own plans ("Chad thinks it will sign") stand
                said = {a.code for a, _ in reporters}
                protos = [p for p in protos if not p.intent or {a.code for a, _ in p.sources} <= said]
            for p in protos:
                p.why.insert(0, f"reported by {speaker_text or '?'}")
                p.said_by = p.said_by or v
                if p.speaker is None:
                    p.speaker = speaker_text
                out.append(p)
                # "The US said Iraq had attacked ...": Iraq's attack only; a neutral report is no CAMEO
                # event of the reporter. A claim of it ("Iran claimed Israel had attacked") accuses the
                # attacker; accusing verbs ('alleged', 'charged') code their own code below.
                if (rule.code[:2] == "01" and rule.code not in ("010", "016") and reporters
                        and cameo.lookup(p.code).quad_class == 4 and not p.intent and not p.negated
                        and {a.code for a, _ in p.sources} - {a.code for a, _ in reporters}):
                    out.append(_Proto(reporters, [s for s in p.sources if s[0].code not in
                                                  {a.code for a, _ in reporters}], "112", v, False, False,
                                      speaker_text, [f"{v.lemma_}: claimed attack → 112 accuse"]))
            if rule.code != "010" and reporters:
                # claim/deny/allege/admit: the reporter's own statement about the actor named
                tgts = [s for p in protos for s in p.sources if s[0].code not in {a.code for a, _ in reporters}]
                tgts = tgts or [t for p in protos for t in p.targets]
                if tgts:
                    out.append(_Proto(reporters, tgts[:1], rule.code, v, grammar.negated(v), False, speaker_text,
                                      [f"{v.lemma_} → {rule.code}"]))
                if rule.code in ("016", "112", "110"):  # denied or alleged: not asserted as done
                    out = [p for p in out if p.verb.i == v.i]
        if not inners and reporters:
            tgts = self.targets(v, rule) if rule.target else []
            if tgts and rule.code != "010":
                out.append(_Proto(reporters, tgts, rule.code, v, grammar.negated(v), False, speaker_text,
                                  [f"{v.lemma_} → {rule.code}"]))
        return out

    def _quoted_as(self, v: Token) -> list[tuple[Actor, int]]:
        """"X was quoted / cited / reported as saying ...": the one the passive verb quotes is the
        speaker of "saying" (the parser hangs the gerund on "as", with no subject of its own)."""
        if v.dep_ != "pcomp" or v.head.lower_ != "as" or v.head.head.i == v.head.i:
            return []
        quoted = v.head.head
        if not grammar.passive(quoted):
            return []
        return [a for c in quoted.children if c.dep_ == "nsubjpass" for a in self.actors_of(c)]

    def _stated_act(self, inner: Token) -> Token:
        """The act a reported clause states: "(said) it is willing/ready to withdraw" states the
        withdrawal (an intent, through its infinitive), not the copula."""
        if self.rule(inner) is None and inner.lemma_.lower() in grammar.ASPECTUAL | grammar.ATTEMPT:
            # "(said) they attempted / had begun to storm the town": the act itself (grammar.infinitive)
            x = next((c for c in inner.children if c.dep_ == "xcomp" and c.pos_ == "VERB"), None)
            return x if x is not None and self.rule(x) is not None else inner
        if self.rule(inner) is not None or inner.lemma_.lower() != "be":
            return inner
        for c in inner.children:
            if c.dep_ == "acomp" and c.lemma_.lower() in READY_ADJECTIVES:
                for x in c.children:
                    if x.dep_ == "xcomp" and x.pos_ in ("VERB", "AUX") and self.rule(x) is not None:
                        return x
        return inner

    def _obligation(self, v: Token, inner: Token, duty: Token, reporters: list[tuple[Actor, int]],
                    speaker_text: str | None) -> list[_Proto]:
        """A reported obligation ("X must V", "X has to V") is the reporter's demand on the clause's
        subject (CAMEO 10x, after the act demanded when the lexicon knows it; else 100)."""
        said = {a.code for a, _ in reporters}
        addressees = [s for s in self.subjects(inner, reporters=reporters) if s[0].code not in said]
        if not addressees:
            return []
        code = "100"
        rule = self.rule(duty)
        if rule is not None and rule.frame not in ("say", *CONTROL):
            code = as_demand(negated_code(rule.code) if grammar.negated(duty) else rule.code)
        why = [f"reported by {speaker_text or '?'}", f"{duty.lemma_}: obligation → demand {code}"]
        p = _Proto(reporters, addressees, code, v, False, False, speaker_text, why)
        p.said_by = v
        return [p]

    def _vote(self, v: Token, rule: VerbRule, sources: list[tuple[Actor, int]] | None) -> list[_Proto]:
        """A yes vote for a measure against X carries the measure's code (e.g. 163); a no vote
        or veto of it is coded 052 (defend X); both are acts (mode 'did')."""
        srcs = sources if sources is not None else self.subjects(v)
        if not srcs or v.lemma_.lower() == "abstain":
            return []
        out: list[_Proto] = []
        preps = {c.lower_: c for c in v.children if c.dep_ == "prep"}
        against = "against" in preps or v.lemma_.lower() == "veto"
        heads = [p for c in preps.values() for p in c.children if c.lower_ in ("for", "against", "on")
                 and p.dep_ == "pobj"]
        heads += [c for c in v.children if c.dep_ == "dobj"]
        for c in v.children:  # "voted to impose sanctions on Iran"
            if c.dep_ == "xcomp" and c.pos_ == "VERB":
                r = self.rule(c)
                tg = self.targets(c, r) if r is not None and r.frame == "" else []
                if tg and not against:
                    out.append(_Proto(srcs, tg, r.code, v, False, False, None,
                                      [f"{v.lemma_} to {c.lemma_} → {r.code}"]))
        for h in heads:
            measure = self._measure(h)
            if measure is None:
                continue
            code, tgts = measure
            if against or grammar.negated(v):
                code = "052"
            out.append(_Proto(srcs, tgts, code, v, False, False, None,
                              [f"{v.lemma_} {'against' if against else 'for'} measure → {code} (vote)"]))
        if not out and v.lemma_.lower() == "veto":
            out.append(_Proto(srcs, [], "129", v, grammar.negated(v), False, None, ["veto → 129"]))
        return out

    def _measure(self, head: Token) -> tuple[str, list[tuple[Actor, int]]] | None:
        """What a resolution does and to whom: "a resolution imposing sanctions on Iran"."""
        for t in head.subtree:
            if t.pos_ == "VERB" and t.i != head.i:
                r = self.rule(t)
                if r is not None and r.frame == "":
                    tg = self.targets(t, r)
                    if tg and cameo.lookup(r.code).quad_class in (3, 4):
                        return r.code, tg
            if t.pos_ == "NOUN" and self.verbs.in_class(t.lemma_.lower(), "sanction"):
                tg = self._prep_actors(t, ("on", "against"))
                if tg:
                    return "163", tg
        return None

    def update_state(self) -> None:
        """Remember the last named speaker and person for pronouns in later sentences."""
        for t in self.sent:
            if t.dep_ == "nsubj" and t.pos_ != "PRON":
                a = self.np_actor(t)
                r = self.rule(t.head) if t.head.pos_ == "VERB" else None
                if r is not None and r.frame == "say":
                    self.state.last_speaker = (a, self.speaker_text(t.head) or t.text)
                if a is not None and a.person:
                    self.state.last_person = a
                elif a is not None and a.country != UNKNOWN_COUNTRY and not a.place:
                    self.state.last_group = a
        for m in self.by_token.values():
            if m.actor.person:
                self.state.last_person = m.actor


def _own_organs(targets: list[tuple[Actor, int]], sources: list[tuple[Actor, int]]) -> bool:
    """The targets are only unnamed organs ("forces", "troops", "police") that the report placed in a
    state of the sources: with several parties acting together, each party's own."""
    states = {a.country for a, _ in sources}
    return bool(targets) and all(a.person is None and a.role in STATE_ORGANS and (
        a.country == UNKNOWN_COUNTRY or (a.settled and a.country in states)) for a, _ in targets)


# -- token tests ------------------------------------------------------------------------


def _without_untargeted_doubles(events: list[CodedEvent]) -> list[CodedEvent]:
    """One deed told twice in a sentence ("fired shots into the air and lobbed tear gas at the
    demonstrators", "shot and killed 15 protesters"): an event with no target is dropped when the same
    source has an event of the same root with a target in the sentence."""
    targeted = {(e.source.code, e.root) for e in events if e.target is not None}
    return [e for e in events if e.target is not None or (e.source.code, e.root) not in targeted]


#: Roles that speak for a state or an international body: their protest is an official complaint.
OFFICIAL_ROLES = frozenset({"GOV", "JUD", "LEG"})


def _official(tok: Token, actor: Actor) -> bool:
    """A state, an international body or an organ that speaks for it ("China", "the Chinese embassy",
    "the UN"), not its people ("thousands of Kenyans") nor a group within it (opposition, workers)."""
    if actor.role in OFFICIAL_ROLES or actor.country == "IGO":
        return True
    return actor.role is None and not actor.place and not _people(tok, actor) and len(actor.code) == 3


def _people(tok: Token, actor: Actor) -> bool:
    """A state named by its people ("thousands of Chileans protested against the government"): a
    plural nationality noun is the population, a party distinct from the state's own organs."""
    return actor.role is None and tok.tag_ in ("NNS", "NNPS")


def _caught_unawares(v: Token) -> bool:
    """"took Beijing by surprise", "caught Washington off guard": the object is who was surprised, a
    party, not a place taken."""
    return any(c.dep_ == "prep" and c.lower_ == "by" and any(p.lower_ == "surprise" for p in c.children)
               or c.lower_ == "guard" for c in v.children)


def _gerund_as_noun(t: Token) -> bool:
    """A gerund standing as a noun phrase ("Fighting between the army and rebels killed 40", "in
    fighting with Hezbollah"): no subject or object of its own."""
    return (t.tag_ == "VBG" and t.dep_ in ("nsubj", "pobj") and not any(
        c.dep_ in ("nsubj", "dobj", "aux") for c in t.children))


def _same_actor(a: Actor, b: Actor) -> bool:
    """One actor on both sides: same code, or a state and one of its own organs (IRNGOV → IRN);
    two organs of one state (government and opposition) are a real domestic event, and so is an organ
    of the state acting toward a place inside it ("Obama expressed sorrow for ... in South Carolina")."""
    if a.role is not None and b.place:
        return False
    if a.code == b.code:
        return True
    if a.country != b.country or (a.role is not None and b.role is not None):
        return False
    role = a.role or b.role
    return role in STATE_ORGANS  # "rebels shelled a Turkish town": rebels are not Turkey


def _lemma(v: Token, verbs: VerbLexicon) -> str | None:
    """The verb's lemma as the lexicon knows it; spaCy's lemmatizer sometimes errs ("staged" →
    "stag"), so regular inflections of the word itself are tried as well."""
    lemma = v.lemma_.lower()
    if verbs.is_verb(lemma):
        return lemma
    w = v.lower_
    for cand in (w, w[:-1], w[:-2], w[:-3] + "e", w[:-3], w[:-2] + "e"):
        if len(cand) > 2 and verbs.is_verb(cand):
            return cand
    for past, base in IRREGULAR_TAILS:  # "retook", "overthrew", "overcame": prefixed irregular pasts
        if w.endswith(past) and len(w) > len(past) and verbs.is_verb(w[: -len(past)] + base):
            return w[: -len(past)] + base
    return None


def _dateline_day(sent: Span, doc_date: dt.date) -> dt.date:
    """The day a dateline gives ("MOSCOW, Jan. 16 —") is the story's day when it is the document's
    or up to a week before it (a wire story stored the day after); else the document date stands."""
    from trustledger.nlp.dates import event_date

    rd, fallback = event_date(sent, doc_date)
    if fallback or rd is None or rd.date is None or rd.precision != "day":
        return doc_date
    return rd.date if 0 <= (doc_date - rd.date).days <= 7 else doc_date


def _statement_date(sent: Span, doc_date: dt.date | None, verb: Token):
    """When an intent was stated: a date on the stating verb ("promised in September"), else the
    document date; a date on the intended act ("will deliver next year") is when it is due."""
    from trustledger.nlp.dates import ResolvedDate, dates_in

    for s, e, rd in dates_in(sent, doc_date):
        t = sent.doc[s:e].root
        while t.pos_ not in ("VERB", "AUX") and t.head.i != t.i:
            t = t.head
        if t.i == verb.i:
            return rd
    return ResolvedDate(doc_date, "day") if doc_date else None


def _split_codes(actors: list[tuple[Actor, int]]) -> list[tuple[Actor, int]]:
    """A dictionary entry with several codes ("LORIEN [ELR/GAL]" in PETRARCH's format) names each
    of them: one event per code."""
    out: list[tuple[Actor, int]] = []
    for a, i in actors:
        parts = [c for c in a.code.split("/") if c] if "/" in a.code else [a.code]
        if a.role and not parts[0].endswith(a.role) and parts[-1].endswith(a.role):
            parts = [c if c.endswith(a.role) else c + a.role for c in parts]
        if len(parts) == 1:
            out.append((a, i))
            continue
        out.extend((Actor(c, c[:3], a.role, a.text, a.person, a.place), i) for c in parts)
    return out
