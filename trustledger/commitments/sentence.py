"""What the finders need to know about one sentence and the document around it."""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from spacy.tokens import Span, Token

from trustledger.commitments.aliases import ObjectContext, ObjectMention, definite, mentions_in
from trustledger.commitments.objects import class_of, np_key
from trustledger.commitments.parties import CountryMention, party_mentions
from trustledger.commitments.timex import DateMention, date_mentions, durations, period_end
from trustledger.words import words

if TYPE_CHECKING:
    from trustledger.stages import SentenceGuard

#: Head nouns that never name what was promised.
STOP_HEADS = words("sentence_stop_heads")
#: Deliverable things named without a number or a proper name ("supplying chemicals", "send vaccines").
CONCRETE_HEADS = words("concrete_heads")
#: Head nouns that, alone with "the", point back to an object named before ("the system").
GENERIC_HEADS = words("generic_heads")


def _join(tokens: list) -> str:
    out = ""
    for t in tokens:
        out += t.lower_ if not out or out.endswith("-") or t.text == "-" else " " + t.lower_
    return out.strip(" -")


#: Verbs of leaving: what they promise is that something (troops, arsenals) goes.
MOVE_VERBS = words("move_verbs")

AGREEMENT_WORDS = words("agreement_words")
#: Verbs of paying for something and the nouns of the sum they settle ("foot the bill for a hospital").
PAYING_VERBS = words("paying_verbs")
BILL_NOUNS = words("bill_nouns")

#: Heads that count part of a thing ("more of its oil", "the rest of the weapons"): the thing is the object.
PARTITIVE_HEADS = frozenset({"more", "most", "some", "part", "half", "rest", "all", "bulk", "share", "remainder",
                             "portion", "balance", "majority"})
#: Verbs of halting an activity, which may name it by a gerund ("stop fighting", "cease firing").
HALTING_VERBS = words("halting_verbs")
#: Gerunds of fighting whose halt is a ceasefire ("stop fighting", "cease firing", "end the shooting").
FIGHTING_GERUNDS = frozenset({"fight", "fire", "shoot", "shell", "bomb", "attack", "battle", "clash", "kill"})
#: Verbs of letting captives go: what they govern may be people named by nationality alone.
FREEING_VERBS = {"free", "release", "exchange", "swap", "return", "repatriate", "hand"}
#: Nouns of dealings between sides ("talks between Iran and the EU trio of Britain, France and Germany").
COUNTERPART_NOUNS = words("counterpart_nouns")


def _hyphen_piece(tok: Token) -> bool:
    """A piece of a hyphenated word the tokenizer split into parts ("co", "-", "operation" for
    "co-operation"): the prefix or the hyphen, or a tail whose whole word names nothing deliverable."""
    doc = tok.doc
    if tok.text in ("-", "–") or (tok.i + 1 < len(doc) and not tok.whitespace_ and doc[tok.i + 1].text == "-"
                                  and tok.pos_ != "PROPN" and not tok.like_num and len(tok.text) <= 4):
        return True
    if tok.i >= 2 and doc[tok.i - 1].text == "-" and not doc[tok.i - 1].whitespace_ \
            and not doc[tok.i - 2].whitespace_:
        return (doc[tok.i - 2].lower_ + tok.lower_) in STOP_HEADS
    return False


def _described(head: Token) -> bool:
    """"a new railway connecting the port with the capital", "a pipeline from A to B": an indefinite
    generic head with a clause or a route after it names a thing of its own, not one named before."""
    if not any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in head.children):
        return False
    return any(c.dep_ in ("acl", "relcl") and c.pos_ == "VERB" or c.dep_ == "prep" and c.lower_ in (
        "from", "between", "linking", "across") for c in head.children)


@dataclass(frozen=True)
class DealDate:
    """An agreement the document says when it was made ("the contract was signed in 1995", "the 2009
    agreement"): its head noun, the names that qualify it, and the date with its precision."""

    head: str
    names: frozenset[str]
    date: dt.date
    precision: str


#: Verbs of making an agreement: a date they govern is when the agreement was made.
MAKING_VERBS = {"sign", "conclude", "agree", "strike", "ink", "reach", "award", "seal", "finalise", "finalize"}
#: Nouns of agreements that a date can be the making of.
DEAL_NOUNS = words("contract_nouns") | words("agreement_heads") | {"mou", "gspa"}
#: Words that make an agreement another, later one ("the new agreement", "the revised deal").
LATER_WORDS = {"new", "revised", "fresh", "another", "amended", "second", "latest", "updated"}


def deal_noun_of(tok: Token) -> Token | None:
    """The agreement noun a phrase names, if any: the token itself, or the head of its compound."""
    for t in (tok, tok.head if tok.dep_ == "compound" else tok):
        if t.lemma_.lower() in DEAL_NOUNS or t.lower_ in DEAL_NOUNS:
            return t
    return None


def deal_names(noun: Token) -> frozenset[str]:
    """The proper names and capitalised words qualifying an agreement noun ("Gas Sales Purchase")."""
    return frozenset(t.lower_ for t in noun.subtree if t.i < noun.i and t.dep_ in ("compound", "amod", "nmod")
                     and (t.pos_ == "PROPN" or t.text[:1].isupper()))


def deal_dates(views_: list[SentenceView], doc_date: dt.date | None) -> list[DealDate]:
    """Every agreement a document dates by its making: a date inside the agreement's own phrase ("the
    2009 agreement", "the agreement signed in 2009") or governed by the verb that made it ("the
    contract was signed in 1995", "In 2009 Pakistan and Iran concluded the agreement"). Dates after
    the article and agreements called new or revised are left out."""
    out: list[DealDate] = []
    for v in views_:
        for d in v.dates:
            if d.role not in ("made", "when") or doc_date is not None and d.date > period_end(
                    doc_date, "month" if doc_date.day == 1 else "day"):
                continue
            tok = v.span.doc[d.start]
            noun = None
            for anc in [tok, *list(tok.ancestors)[:4]]:
                noun = deal_noun_of(anc) if anc.pos_ in ("NOUN", "PROPN") else None
                if noun is not None:
                    break
                if anc.pos_ == "VERB" and anc.lemma_.lower() in MAKING_VERBS:
                    noun = next((c for c in anc.children if c.dep_ in ("dobj", "nsubjpass")
                                 and deal_noun_of(c) is not None), None)
                    if noun is None and anc.dep_ in ("acl", "relcl"):
                        noun = deal_noun_of(anc.head)
                    if noun is None:  # "Under the agreement A and B signed in 2009" parsed with the noun apart
                        noun = next((p for c in anc.children if c.dep_ == "prep" and c.i < anc.i
                                     for p in c.children if p.dep_ == "pobj" and deal_noun_of(p) is p), None)
                    break
            if noun is None or any(c.lower_ in LATER_WORDS for c in noun.children):
                continue
            out.append(DealDate(noun.lemma_.lower(), deal_names(noun), d.date, d.precision))
    return out


@dataclass
class DocContext:
    """Carried from sentence to sentence: the objects named so far, the document's main pair of
    states, and the parties of the last commitment (for "the plant was due to come online")."""

    doc_id: str
    doc_date: dt.date | None
    story_id: str | None = None
    objects: ObjectContext = field(default_factory=ObjectContext)
    dyad: tuple[str, ...] = ()
    last_subject: str | None = None
    last_promisee: str | None = None  # who received the last promise (co-donors' money goes there too)
    parties_by_object: dict[str, tuple[str, str]] = field(default_factory=dict)
    states: tuple[str, ...] = ()
    fallback_heads: dict[str, str] = field(default_factory=dict)  # head noun -> open-vocabulary object key
    counterparts: dict[str, tuple[str, ...]] = field(default_factory=dict)  # state -> the other side's states
    deal_dates: list[DealDate] = field(default_factory=list)  # agreements the document dates


#: A sum of money as written ("roughly $6 billion", "1.2 billion euros").
AMOUNT = re.compile(r"(?:(?:about|up to|some|nearly|roughly|around)\s+)?"
                    r"(?:[$€£]\s?\d[\d,.]*\s*(?:billion|million|bn|m)?|\d[\d,.]*\s*(?:billion|million)\s+"
                    r"(?:dollars|euros|rubles|roubles|yuan|rupees|pounds))", re.I)


def amount_in(text: str) -> str | None:
    """The first sum of money a text names, as written, or None."""
    m = AMOUNT.search(text)
    return m.group(0).strip() if m else None


def gerund_object(verb: Token, before: int | None = None) -> Token | None:
    """The gerund a verb takes as its object ("stop fighting", "halt testing missiles"); with `before`, the
    first one that stands before that token."""
    return next((c for c in verb.children if c.dep_ in ("xcomp", "dobj") and c.tag_ == "VBG"
                 and (before is None or c.i < before)), None)


@dataclass
class SentenceView:
    index: int
    span: Span
    text: str
    char_start: int
    countries: list[CountryMention]
    objects: list[ObjectMention]
    dates: list[DateMention]
    ctx: DocContext
    #: International bodies named (code IGO), apart from the states: a party only where the grammar
    #: makes it one (the subject of a pledge, the one promised), never the article's fallback pair.
    bodies: list[CountryMention] = field(default_factory=list)
    #: Places named (towns, sites) with the state they lie in: where, never who.
    places: list[CountryMention] = field(default_factory=list)

    def parties(self) -> list[CountryMention]:
        """States and bodies in text order, for reading who a subject or a recipient is."""
        return sorted([*self.countries, *self.bodies], key=lambda m: m.start)

    def codes(self) -> list[str]:
        out: list[str] = []
        for m in self.countries:
            if m.code not in out:
                out.append(m.code)
        return out

    def object_near(self, tok: Token, prefer_after: bool = True) -> ObjectMention | None:
        """The object a trigger is about: the first one after it inside its clause, else the
        nearest before it, else the nearest anywhere in the sentence, else the document's topic."""
        if not self.objects:
            return None
        objects = self.qualified()
        sub = {t.i for t in tok.subtree}
        head = tok
        while head.dep_ in ("xcomp", "aux", "auxpass", "acomp", "prt") and head.head.i != head.i:
            head = head.head
        clause = {t.i for t in head.subtree}
        after = [o for o in objects if o.start >= tok.i and (o.start in sub or o.start in clause)]
        if prefer_after and after:
            return min(after, key=lambda o: o.start)
        inside = [o for o in objects if o.start in clause]
        if any(not o.generic for o in inside):
            inside = [o for o in inside if not o.generic]
        if inside:
            return min(inside, key=lambda o: abs(o.start - tok.i))
        return min(objects, key=lambda o: (o.generic, abs(o.start - tok.i)))

    @functools.cached_property
    def country_tokens(self) -> frozenset[int]:
        """The token positions inside a state's name, which no object phrase takes ("supply Iran with jets")."""
        return frozenset(i for m in self.countries for i in range(m.start, m.end))

    def qualified(self) -> list[ObjectMention]:
        """Objects that are not mere qualifiers of another: in "new reactors at Bushehr" and "fuel
        for the Bushehr plant" the second names where or what for, not what."""
        doc = self.span.doc
        keep = []
        for o in self.objects:
            root = doc[o.start:o.end].root
            prep = root.head if root.dep_ == "pobj" else None
            owner = prep.head if prep is not None and prep.lower_ in ("at", "for", "of", "in", "into") else None
            if owner is not None and any(p is not o and p.start <= owner.i < p.end and p.object != o.object
                                         for p in self.objects):
                continue
            locative = prep is not None and prep.lower_ in ("at", "for", "in", "into")
            if owner is not None and owner.pos_ in ("VERB", "AUX") and locative and any(
                    p is not o and p.object != o.object and doc[p.start:p.end].root.head.i == owner.i
                    and doc[p.start:p.end].root.dep_ in ("dobj", "nsubjpass", "nsubj") for p in self.objects):
                continue  # "build new reactors at Bushehr": where, not what
            keep.append(o)
        return keep or list(self.objects)

    def fallback_object(self, tok: Token) -> ObjectMention | None:
        """An object not in the alias table, named by the action's own object: "a Pantsir-S1 system"
        → "pantsir-s1", "one million face masks" → "face mask"; "the system" later in the article
        refers back to the last such object with the same head noun."""
        cands = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
        if not cands and tok.dep_ == "xcomp" and tok.head.lemma_ == "be" and any(
                c.dep_ == "auxpass" for c in tok.children):
            # "three more vessels are to be handed over": the parser makes the thing the subject of "are"
            cands = [c for c in tok.head.children if c.dep_ == "nsubj"]
        covered = self.country_tokens
        paid = paid_for(tok, cands)
        if paid:
            cands = paid
        if all(c.i in covered for c in cands):  # "supply Iran with jets", not "cooperation with the IAEA"
            cands += [p for c in tok.children if c.dep_ == "prep" and c.lower_ == "with"
                      for p in c.children if p.dep_ == "pobj"]
        cands += [p for c in tok.children if c.dep_ == "dative" for p in c.children if p.dep_ == "pobj"]
        for c in list(cands):
            if c.pos_ == "ADJ" and c.lower_ in ("more", "less", "worth"):
                # "purchase $200 billion more in goods": the sum is what is promised
                cands += [n for n in c.children if n.dep_ in ("npadvmod", "nummod", "dobj")]
            if c.lower_ in PARTITIVE_HEADS:
                # "buy more of its oil", "hand over the rest of the weapons": the thing counted
                cands += [p for n in c.children if n.dep_ == "prep" and n.lower_ == "of"
                          for p in n.children if p.dep_ == "pobj" and p.pos_ != "PRON"]
        if not cands and tok.lemma_.lower() in ("agree", "commit", "pledge"):
            # "agreed in 2018 to a financial package of $6 billion": the package (or loan) agreed to
            cands += [p for c in tok.children if c.dep_ == "prep" and c.lower_ == "to"
                      for p in c.children if p.dep_ == "pobj" and class_of(p.lemma_.lower()) == "money"]
        if tok.dep_ in ("acl", "relcl") and tok.head.pos_ in ("NOUN", "PROPN"):
            cands.append(tok.head)  # "the system bought from Russia"
        if (tok.lemma_.lower() in MOVE_VERBS or tok.lemma_.lower() == "move") and not cands:
            # "US forces to pull out of Iraqi cities", "troops have to be out of Iraq": what moves
            subj = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subj is None and tok.dep_ == "xcomp":
                subj = next((c for c in tok.head.children if c.dep_ == "dobj"), None) or next(
                    (c for c in tok.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subj is not None:
                cands.append(subj)
        gerund = gerund_object(tok) if not cands and tok.lemma_.lower() in HALTING_VERBS else None
        if gerund is not None:
            # "agreed to stop fighting", "will halt testing missiles": what is halted is the gerund's own
            # object, else the activity the gerund names
            own = [c for c in gerund.children if c.dep_ == "dobj"]
            if own:
                return self._fallback_from(own)
            # "agreed to stop fighting", "to cease firing": a halt to fighting is a ceasefire, whatever
            # the words, so that it is one promise with the truce the same reports name
            key = "ceasefire" if gerund.lemma_.lower() in FIGHTING_GERUNDS else gerund.lower_
            return ObjectMention(gerund.i, gerund.i + 1, key, gerund.text, False, "conduct")
        got = self._fallback_from(cands)
        if got is None and tok.lemma_.lower() in FREEING_VERBS:
            got = self.nationals(cands, covered)
        return got

    @staticmethod
    def nationals(cands: list[Token], covered: set[int] | frozenset[int]) -> ObjectMention | None:
        """"free five jailed Americans": people named only by their nationality are the captives
        promised (the nationality is also their state, the promise's beneficiary)."""
        for head in cands:
            if head.i in covered and head.tag_ in ("NNS", "NNPS") and head.pos_ in ("NOUN", "PROPN"):
                word = head.lower_[:-1] if head.lower_.endswith("s") else head.lower_
                return ObjectMention(head.i, head.i + 1, f"{word} prisoner", head.text, False, "people")
        return None

    def _fallback_from(self, cands: list[Token]) -> ObjectMention | None:
        """The first candidate noun phrase that names something deliverable (see `objects.np_key`);
        a bare generic head ("the system", "the plant") refers back to the last object of the article
        with that head noun."""
        covered = self.country_tokens
        for head in cands:
            if head.pos_ not in ("NOUN", "PROPN", "NUM", "SYM") or _hyphen_piece(head):
                continue
            inside = {t.i for t in head.subtree}
            known = [o for o in self.qualified() if o.start in inside and not o.generic]
            if known:  # the alias table knows this phrase ("the Bushehr nuclear plant" = bushehr)
                return known[0]
            found = np_key(head, covered)
            if found is None:
                continue
            key, how = found
            if not re.search(r"[a-z0-9]", key):
                continue  # a phrase of punctuation only ("co - operation" split by the tokenizer)
            lemma = key.split()[-1]
            if how == "noun" and " " not in key:
                named = self.ctx.fallback_heads.get(lemma) if definite(self.span, head.i) else None
                if named is not None and named != key:  # "the system": named before (not "pledged tanks")
                    return ObjectMention(head.i, head.i + 1, named, head.text, True, "other")
                national = any(c.dep_ in ("amod", "compound", "nmod") and c.i in covered for c in head.children)
                if lemma in GENERIC_HEADS and not any(c.dep_ == "nummod" for c in head.children) and (
                        definite(self.span, head.i) or head.tag_ != "NNS") and not _described(head) \
                        and not national:
                    continue  # "the system" unresolved; a bare plural ("pledged tanks") or a maker's ("the
                    # Russian jets") names its kind
            if how != "money":
                self.ctx.fallback_heads[lemma] = key
            return ObjectMention(head.i, head.i + 1, key, head.text, False, class_of(key))
        return None

    def fallback_object_np(self, np: Token) -> ObjectMention | None:
        """The open-vocabulary object of a noun phrase itself ("The Pantsir-S1 system ... arrived")."""
        return self._fallback_from([np])

    def object_in(self, *heads: Token) -> ObjectMention | None:
        """What these phrases name: the first object named inside them (a named one before a generic one),
        else the open-vocabulary object of the first phrase that has one ("half of the sum", "what was left
        of $1 billion in aid")."""
        inside = {t.i for h in heads for t in h.subtree}
        named = [o for o in self.objects if o.start in inside]
        if named:
            return min(named, key=lambda o: (o.generic, o.start))
        return next((found for h in heads if (found := self.fallback_object_np(h)) is not None), None)

    def amount(self) -> str | None:
        return amount_in(self.text)

    def quantity(self) -> int | None:
        m = re.search(r"\b(\d{1,4})\s+(?:of\s+the\s+)?(?:systems|aircraft|jets|fighters|tanks|submarines|"
                      r"helicopters|battalions|batteries|units|launchers|drones)\b", self.text, re.I)
        return int(m.group(1)) if m else None


def paid_for(tok: Token, objs: list[Token]) -> list[Token]:
    """What a verb of paying pays for: "pay for a coastal motorway", "foot the bill for a hospital",
    "cover the cost of a bridge". A promise to pay for something promises that thing (the motorway, built
    with the payer's money), not the bill; without this the promise had no object ("pay" governs only a
    preposition) or was named by "the bill". Empty for any other verb, or when nothing is named after
    "for" or "of"."""
    if tok.lemma_.lower() not in PAYING_VERBS:
        return []
    bills = [o for o in objs if o.lemma_.lower() in BILL_NOUNS or o.lower_ in BILL_NOUNS]
    if objs and not bills:
        return []  # "pay $5 billion", "cover the region": the verb's own object is what is promised
    heads = [tok, *bills]
    return [p for h in heads for c in h.children if c.dep_ == "prep" and c.lower_ in ("for", "of")
            for p in c.children if p.dep_ == "pobj" and p.pos_ in ("NOUN", "PROPN")]


def main_dyad(sentences: list[SentenceView]) -> tuple[str, ...]:
    """The two states a document is mostly about (by mentions), for parties left implicit."""
    return ranked_states(sentences)[:2]


def ranked_states(sentences: list[SentenceView]) -> tuple[str, ...]:
    """Every state a document names, most mentioned first."""
    counts: Counter[str] = Counter()
    first: dict[str, int] = {}
    for s in sentences:
        for m in s.countries:
            counts[m.code] += 1
            first.setdefault(m.code, m.start)
    ranked = sorted(counts, key=lambda c: (-counts[c], first[c]))
    return tuple(ranked)


def counterparts(sentences: list[SentenceView]) -> dict[str, tuple[str, ...]]:
    """The sides of the dealings a document names: in "talks between Iran and the EU trio of Britain,
    France and Germany" or "an agreement between Iran on the one side and the UK, France and Germany on
    the other", each state's counterparts are the other states of the phrase. A promise the sentence
    gives no recipient is made to them (one commitment per member of a group), not to whichever state
    the article mentions most. The first such phrase naming a state decides for it."""
    out: dict[str, tuple[str, ...]] = {}
    for view in sentences:
        for tok in view.span:
            if tok.lemma_.lower() not in COUNTERPART_NOUNS and tok.lower_ not in COUNTERPART_NOUNS:
                continue
            for prep in tok.children:
                if prep.dep_ != "prep" or prep.lower_ != "between":
                    continue
                inside = {t.i for t in prep.subtree}
                sides = list(dict.fromkeys(m.code for m in view.countries if m.start in inside))
                if len(sides) < 2:
                    continue
                for code in sides:
                    out.setdefault(code, tuple(c for c in sides if c != code))
        for side, other in _in_return(view):
            for code in other:
                out.setdefault(code, side)
            for code in side:
                out.setdefault(code, other)
    return out


#: Nouns of a give and take: "in return", "in exchange" marks the clause's subject as the other side.
RECIPROCAL_NOUNS = {"return", "exchange"}


def _in_return(view: SentenceView) -> list[tuple[tuple[str, ...], tuple[str, ...]]]:
    """"In return, the ministers of Britain, France and Germany recognised Iran's right to ...": the states
    of the subject of a clause done in return are the other side of the states the clause names
    besides them (the side that promised before)."""
    out = []
    for tok in view.span:
        if tok.lower_ not in RECIPROCAL_NOUNS or tok.dep_ != "pobj" or tok.head.lower_ != "in":
            continue
        verb = tok.head.head
        if verb.pos_ not in ("VERB", "AUX"):
            continue
        subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is None:
            continue
        inside = {t.i for t in subj.subtree}
        side = tuple(dict.fromkeys(m.code for m in view.countries if m.start in inside))
        other = tuple(dict.fromkeys(m.code for m in view.countries if m.start not in inside and m.code not in side))
        if side and other:
            out.append((side, other))
    return out


def views(doc, sentences, doc_id: str, doc_date: dt.date | None, story_id: str | None = None,
          guard: SentenceGuard | None = None) -> tuple[list[SentenceView], DocContext]:
    """Sentence views with objects resolved left to right through the document (with a `guard`, a
    sentence whose view cannot be built is recorded there and left out)."""
    ctx = DocContext(doc_id, doc_date, story_id)
    out: list[SentenceView] = []
    for s in sentences:
        view = (_view(doc, s, doc_date, ctx) if guard is None
                else guard.run(s.index, _view, doc, s, doc_date, ctx, default=lambda: None))
        if view is not None:
            out.append(view)
    ctx.dyad = main_dyad(out)
    ctx.states = ranked_states(out)
    ctx.counterparts = counterparts(out)
    ctx.deal_dates = deal_dates(out, doc_date)
    ctx.objects = ObjectContext()
    return out, ctx


def _view(doc, s, doc_date: dt.date | None, ctx: DocContext) -> SentenceView | None:
    span = doc.char_span(s.start_char, s.end_char, alignment_mode="expand")
    if span is None:
        return None
    objects = mentions_in(span, ctx.objects)
    dates = date_mentions(span, doc_date)
    dates.extend(durations(span, doc_date))
    countries, bodies, places = party_mentions(span, doc_date)
    dash = next((t.i for t in span[:14] if t.text in ("—", "–", "--") and t.i > 0
                 and t.nbor(-1).whitespace_), None)  # "Mumbai–Ahmedabad" is a name, not a dateline
    if dash is None and len(span) > 2 and span[0].is_upper and span[0].is_alpha and len(span[0]) > 1 \
            and span[1].text == "(":  # "MOSCOW (Sputnik - 11th May, 2023) UK Defence Secretary ..."
        dash = next((t.i for t in span[2:40] if t.text == ")"), None)
    if dash is not None:  # a dateline ("MOSCOW, Sept. 22 —") names a place, not a party
        countries = [m for m in countries if m.start > dash]
    # "the Budapest Memorandum", "the Algiers Accords": a place naming an agreement is not a party
    countries = [m for m in countries if not (m.end < len(doc) and doc[m.end].lower_ in AGREEMENT_WORDS)]
    bodies = [m for m in bodies if not (m.end < len(doc) and doc[m.end].lower_ in AGREEMENT_WORDS)]
    named = {i for o in objects if not o.generic for i in range(o.start, o.end)}
    countries = [m for m in countries if not (m.start in named and doc[m.start].ent_type_ not in ("NORP",)
                                              and m.end < len(doc) and doc[m.end].text in ("-", "–"))]
    view = SentenceView(s.index, span, s.text, s.start_char, countries, objects,
                        sorted(dates, key=lambda d: d.start), ctx, bodies, places)
    ctx.objects.note(view.qualified())  # what the sentence is about, not where or for what
    return view
