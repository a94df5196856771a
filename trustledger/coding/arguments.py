"""Who did it to whom: the actors a verb's arguments name. Subjects (and the agent of a passive, the
attack or instrument behind it), targets as each verb rule says where to find them, addressees,
coordinated actors, actors inside noun phrases, and pronouns. A mixin of the coder's sentence context,
which provides `rule`, `verbs`, `by_token`, `state` and `quoted` (coding/quotes.py)."""

from __future__ import annotations

from spacy.tokens import Token

from trustledger.coding import grammar
from trustledger.coding.actors import UNKNOWN_COUNTRY, Actor, ActorMention, role_nouns
from trustledger.coding.context import PARTIES_KEY, context_state
from trustledger.coding.context import plain as _plain
from trustledger.coding.verbs import VerbRule
from trustledger.coding.walks import guarded
from trustledger.words import word_map, words

#: Heads of a counted group: the actor is the group ("hundreds of Russian troops", "dozens of rebels").
QUANTITY_HEADS = words("quantity_heads")
#: Releases only a court or the state gives (coded 0841 with others that kidnappers or rebels give too:
#: "hostages were freed" names no court).
ACQUITTALS = frozenset({"acquit", "parole", "amnesty", "pardon", "exonerate"})
#: People held by kidnappers or captors, not by the state: their release is no state's act.
HOSTAGE_NOUNS = frozenset({"hostage", "captive", "abductee", "kidnappee"})
#: Roles of armed men: the only doers a clause of the same moment lends to force told with no agent, and
#: whose obstructions are a blockade by force (CAMEO 191), not a protest (coder.py).
ARMED_ROLES = frozenset({"MIL", "COP", "REB", "SPY"})
#: Bodies that act as the state leading them ("the coalition led by Saudi Arabia"); talks or a process "led
#: by" a state are not that state's acts.
LED_BODIES = frozenset({"coalition", "alliance", "force", "mission", "contingent", "troop", "army", "delegation",
                        "team", "bloc", "operation", "task", "taskforce"})
#: Marks of a clause told as happening at the same moment as the one it hangs on.
MOMENT_MARKS = frozenset({"as", "when", "while"})
#: Heads of a part of a counted whole ("the majority of the attacks", "half of the raids"): what is counted.
PARTITIVES = frozenset({"majority", "bulk", "half", "most", "part", "rest", "share"})
#: Gatherings whose people are the target of force used on them ("dispersed the demonstration").
GATHERING_NOUNS = words("gathering_nouns")
#: Verbs of putting out a document ("issued a statement condemning ..."): its subject speaks through it.
ISSUE_VERBS = words("issue_verbs")
#: Nouns of a visit whose destination hosts a meeting held during it.
VISIT_NOUNS = {"visit", "trip", "tour", "stopover", "stay", "mission"}
#: Documents that speak for their issuer ("the report alleged", "a statement released in Tehran said").
DOCUMENT_NOUNS = words("document_nouns")
#: Verbs whose subject takes on what its object says ("signed a contract to sell", "made a decision to
#: attack"); unlike "rejected a resolution to extend", where the object's content is someone else's.
HOLDING_VERBS = words("holding_verbs")
#: Nouns of people with no office or organisation: civilians of the state the report is about.
PEOPLE_NOUNS = words("people_nouns")
#: Places and positions that stand for whoever holds them when force is used on them.
POSITION_NOUNS = words("position_nouns")
#: Weapons and war machines: as a subject they stand for whoever used them.
WEAPON_NOUNS = words("weapon_nouns")
#: Roles that are organs of the state itself (the coder's STATE_ORGANS): they do not protest against it.
#: Pair heads that name states ("the two neighbours", "both countries"), not any two sides.
STATE_PAIR_HEADS = frozenset({"country", "nation", "state", "neighbour", "neighbor"})
STATE_ORGANS = frozenset({"GOV", "MIL", "COP", "JUD", "LEG", "SPY"})
#: CAMEO roots of force and coercion, whose unnamed targets are the people or places they hit.
FORCE_ROOTS = frozenset({"17", "18", "19", "20"})
#: A state's armed organs: the force they use (CAMEO 15, 17-20) is the state's, never aimed at it.
STATE_FORCES = frozenset({"MIL", "COP", "SPY"})
#: Singular nouns of one person's office: an actor named by one is someone "he" or "she" can stand for.
OFFICE_NOUNS = words("office_nouns")
#: "the bloc", "the movement": head nouns pointing back to an organisation named before (igo or group).
GROUP_ANAPHORS = word_map("group_anaphors")
#: Mediation, offers to mediate and calls to stop fighting (CAMEO 045, 039, 0256): addressed to both sides.
MEDIATION_CODES = frozenset({"045", "039", "0256"})
#: Roots of cooperation whose partner a coordinated clause may name (CAMEO 03-06).
COOPERATIVE_ROOTS = frozenset({"03", "04", "05", "06"})
#: Verbs of a retort or reprisal: their unnamed target is whoever acted first.
RETORT_VERBS = frozenset({"retaliate", "respond", "react", "reciprocate"})
#: Those who speak for a body: "a spokeswoman for the Foreign Office" is the Foreign Office's voice.
SPOKESPEOPLE = frozenset({"spokesman", "spokeswoman", "spokesperson", "spokesmen", "spokeswomen", "spokespeople"})
#: Verbs of seeing someone in the act ("were seen by a photographer detaining ..."): the seen one acts.
PERCEPTION_VERBS = words("perception_verbs")
#: Heads of a group: "their leader, X" is the person who leads the group the clause names.
LEADER_NOUNS = frozenset({"leader", "chief", "head", "chairman", "chairwoman", "founder", "commander"})
#: Nouns of a line between states: a state modifying one names neither side of it ("the Tunisian border").
BOUNDARY_NOUNS = frozenset({"border", "frontier", "boundary", "borderline"})
#: Lands a state once held: with "former", its national modifier is the old holder ("the former French colony").
FORMER_HOLDINGS = words("former_holdings")
#: Nouns that name an agreement ("a treaty", "a ceasefire"): several subjects who sign or conclude one
#: bind themselves to each other (the same list the commitment detector reads).
AGREEMENT_HEADS = words("agreement_heads")
#: Offices each side holds once: "the ministers", "the leaders" after two were named are those two.
SIDE_OFFICES = frozenset({"minister", "leader", "president", "premier", "chancellor", "king", "monarch"})
#: Prepositions of time before a gerund with no subject of its own ("after arriving", "before leaving",
#: "on landing", "upon taking office"): the gerund's doer is the subject of the clause it hangs on.
TEMPORAL_PREPS = frozenset({"after", "before", "upon", "on", "since", "while", "when"})
#: Places at a line between states ("a border crossing", "a frontier post").
BOUNDARY_PLACES = words("boundary_places")


def _renamed(actor: Actor, text: str) -> Actor:
    return Actor(actor.code, actor.country, actor.role, text, actor.person, actor.place)


def _shared_country(a: Actor, first: Actor, head: Token, conj: Token, by_token: dict) -> Actor:
    """"Danish media and government", "Iranian police and army": a bare role noun coordinated after a
    phrase whose country comes from its modifier shares that modifier, so it shares the country."""
    if a.country != UNKNOWN_COUNTRY or a.role is None or first.country == UNKNOWN_COUNTRY:
        return a
    m = by_token.get(head.i)
    if m is not None and m.start == head.i:
        return a  # the head names the country itself ("Russia and the government"): nothing is shared
    if not any(c.dep_ in ("amod", "compound") and c.i < head.i and c.i in by_token for c in head.children):
        return a
    if any(c.dep_ not in ("det", "cc", "punct", "conj") for c in conj.children):
        return a  # the conjunct has modifiers of its own ("Danish media and a foreign government")
    return Actor(first.country + a.role, first.country, a.role, a.text, None, first.place)


class Arguments:
    @guarded(list)
    def subjects(self, v: Token, reporters: list[tuple[Actor, int]] | None = None) -> list[tuple[Actor, int]]:
        passive = grammar.passive(v)
        for c in v.children:
            if passive and c.dep_ == "agent":
                for p in c.children:
                    if p.dep_ == "pobj":
                        return self.actors_of(p, reporters) or self._instrument_agent(p, reporters)
        if not passive:
            subjs = [c for c in v.children if c.dep_ in ("nsubj", "csubj")]
            if subjs:
                # the parser may split one subject in two ("Old rivals India and Pakistan", "Lions,
                # tigers and Gondor"): every subject word that names an actor counts
                found = self.actors_of(subjs[0], reporters)
                for c in subjs[1:]:
                    found += [a for a in self.actors_of(c, reporters) if all(a[0].code != x.code for x, _ in found)]
                if not found and subjs[0].pos_ == "VERB":
                    # "police wielding clubs dispersed ...": the parser takes the participle for the
                    # subject and hangs the real one under it
                    found = [a for c in subjs[0].children if c.dep_ == "nsubj" for a in self.actors_of(c, reporters)]
                if not found:
                    found = self._weapon_user(v, subjs[0])
                return found
            broken = self._stranded_subject(v)
            if broken is not None:
                return self.actors_of(broken, reporters)
            adrift = self._adrift_subject(v)
            if adrift is not None:
                found = self.actors_of(adrift, reporters)
                if found:
                    return found
        if passive:
            return self._attack_agent(v, reporters) or self._clause_doer(v) or self._court(v)
        if v.dep_ == "conj" and v.head.pos_ in ("VERB", "AUX"):
            return self.subjects(v.head, reporters)
        if v.dep_ == "xcomp" and v.head.pos_ in ("ADJ", "ADV") and v.head.head.pos_ in ("VERB", "AUX"):
            return self.subjects(v.head.head, reporters)  # "Arnor is about/ready/willing to restore ..."
        if v.dep_ in ("xcomp", "advcl") and v.head.pos_ in ("VERB", "AUX"):
            if self._added_remark(v):
                # "X said the refusal had disappointed him, adding: ...": the parser hangs the second
                # verb of saying on the reported clause; it is the speaker's, not the clause subject's
                return self.subjects(v.head.head, reporters)
            if v.dep_ == "xcomp" and grammar.passive(v.head):  # "Obama is scheduled to attend ..."
                for c in v.head.children:
                    if c.dep_ == "nsubjpass":
                        return self.actors_of(c, reporters)
                if v.head.dep_ == "conj" and v.head.head.pos_ in ("VERB", "AUX"):
                    # "X and Y initialled the accord and are scheduled to sign ...": the subject the
                    # coordinated verbs share
                    return self.subjects(v.head.head, reporters)
            return self.subjects(v.head, reporters)
        if v.dep_ == "acl" and v.tag_ == "VBG" and v.head.dep_ == "pobj" and v.head.head.dep_ == "agent":
            seen = v.head.head.head
            if seen.lemma_.lower() in PERCEPTION_VERBS and grammar.passive(seen):
                # "police were seen by a photographer detaining ...": the parser hangs the act on the witness
                for c in seen.children:
                    if c.dep_ == "nsubjpass":
                        return self.actors_of(c, reporters)
        if v.dep_ == "relcl" or (v.dep_ == "acl" and v.tag_ == "VBG"):
            found = self.actors_of(v.head, reporters)
            if not found and v.head.dep_ == "appos":
                # "the ANC, the chief guerrilla movement battling white rule": the clause describes the
                # noun the apposition renames
                found = self.actors_of(v.head.head, reporters)
            return found
        if grammar.content_clause(v) and v.head.dep_ == "dobj" and v.head.head.lemma_.lower() in HOLDING_VERBS:
            # "Russia signed a contract to sell missiles to Iran": who holds the contract does what it says
            return self.subjects(v.head.head, reporters)
        return []

    def _added_remark(self, v: Token) -> bool:
        """"adding", "saying" with no subject of its own, hung on a clause reported by another verb of
        saying ("X said ..., adding that ..."): both are the same speaker's words."""
        if v.dep_ != "advcl" or v.tag_ != "VBG" or v.head.dep_ != "ccomp" or v.head.head.i == v.head.i:
            return False
        said, outer = self.rule(v), self.rule(v.head.head)
        return said is not None and said.frame == "say" and outer is not None and outer.frame == "say"

    def _weapon_user(self, v: Token, subj: Token) -> list[tuple[Actor, int]]:
        """"the bombs hit military targets", "rockets struck the town" after a sentence in which X attacked:
        a weapon as the subject of force stands for whoever the report last told using force (never a
        party of another document, which has its own parse)."""
        if subj.lower_ in QUANTITY_HEADS or subj.lemma_.lower() in PARTITIVES:  # "dozens of rockets"
            subj = next((p for c in subj.children if c.dep_ == "prep" and c.lower_ == "of"
                         for p in c.children if p.dep_ == "pobj"), subj)
        if subj.pos_ != "NOUN" or not (subj.lemma_.lower() in WEAPON_NOUNS or (
                subj.tag_ == "NNS" and self._attack_noun(subj) and not self._told_by_whom(subj))):
            # ("the attacks targeted rural villages": the attacks the report told, by their doer; an
            # attack with its doer or place named in its own phrase is not the last attacker's)
            return []
        r = self.rule(v)
        if r is None or r.code[:2] not in ("18", "19", "20"):
            return []
        attacker = self._recent_attacker()
        return [(_renamed(attacker, subj.text), subj.i)] if attacker is not None else []

    @staticmethod
    def _told_by_whom(n: Token) -> bool:
        """An attack noun whose own phrase says whose or from where it is ("attacks by the rebels",
        "Israeli raids", "the rebels' attacks"): it is not the report's last attack by default."""
        return any(c.dep_ in ("poss", "amod", "compound", "nmod") and c.pos_ in ("PROPN", "PRON")
                   or c.dep_ == "prep" and c.lower_ in ("by", "from") for c in n.children)

    def _recent_attacker(self) -> Actor | None:
        """Who used force in this sentence's document lately (this or the two sentences before)."""
        memory = self.doc.user_data.get(PARTIES_KEY, {})
        if memory.get("attacker") is None or memory.get("count", 0) - memory.get("attacker_at", 0) > 2:
            return None
        return memory["attacker"]

    def note_parties(self, sources_targets: list[tuple[str, list[tuple[Actor, int]], list[tuple[Actor, int]]]]) -> None:
        """Remember, for later sentences of the same document, the last party to use force (for "the
        bombs hit ...") and the two parties of the last two-party event (for "both sides ...").
        `sources_targets` holds (CAMEO code, sources, targets) of the sentence's events."""
        memory = self.doc.user_data.setdefault(PARTIES_KEY, {})
        memory["count"] = memory.get("count", 0) + 1
        people = memory.setdefault("people", {})
        for m in {id(m): m for m in self.by_token.values()}.values():
            a = m.actor
            if a.person and a.country != UNKNOWN_COUNTRY and len(a.person.split()) > 1:
                # "opposition leader Juan Guaido", later "Guaido": the surname names the same person
                people[_plain(a.person.split()[-1].lower())] = a
        self._note_titled(people, memory.setdefault("offices", {}))
        for t in self.sent:
            titled = self._title_of(t) if t.pos_ == "PROPN" and t.dep_ != "compound" else None
            if (t.ent_type_ == "PERSON" or titled is not None) and t.pos_ == "PROPN" and t.dep_ != "compound" \
                    and t.i not in self.by_token:
                # "Edward Chaplin, the second-ranking British diplomat" (or "the military commander,
                # Commodore Frank Bainimarama"), later "Chaplin"
                # (or by the body the appositive names: "Stanislav Zas, secretary-general of the CSTO")
                # (a name the tagger missed is a person by its office: "Juma Okello, a spokesman for ...")
                a = titled or next((x for c in t.children if c.dep_ == "appos" and c.pos_ in ("NOUN", "PROPN")
                                    and (x := self.np_actor(c)) is not None), None)
                if a is None and t.dep_ == "appos":
                    a = self._owners_leader(t.head)
                if a is None and t.dep_ == "appos" and t.head.i in self.by_token:
                    a = self.by_token[t.head.i].actor
                if a is not None and a.country != UNKNOWN_COUNTRY and not a.place:
                    # (kept as a person: "he" and "him" may stand for them later)
                    name = " ".join(x.text for x in t.subtree if x.dep_ in ("compound", "flat") or x.i == t.i)
                    people[_plain(t.lower_)] = Actor(a.code, a.country, a.role, a.text, a.person or name)
        persons = memory.setdefault("persons", [])
        for m in sorted({id(m): m for m in self.by_token.values()}.values(), key=lambda m: m.start):
            if m.actor.person is not None and m.actor.country not in (UNKNOWN_COUNTRY,):
                # the people the report named, latest last, for "the visiting president"
                persons[:] = [x for x in persons if x.person != m.actor.person][-7:] + [m.actor]
        named = memory.setdefault("named", {})
        for m in sorted({id(m): m for m in self.by_token.values()}.values(), key=lambda m: m.start):
            a = m.actor
            if a.person is None and not a.settled and not a.place:
                if a.country == "IGO":
                    named["igo"] = a
                elif a.role in ("REB", "OPP") and len(a.country) == 3 and a.country != UNKNOWN_COUNTRY:
                    named["group"] = a
        for code, srcs, tgts in sources_targets:
            if srcs and code[:2] in ("18", "19", "20"):
                # the other side it hit (not its own: "killed 15 rebels, having followed them with troops")
                other = next((a for a, _ in tgts if _side(a) != _side(srcs[0][0])), None)
                before = memory.get("attacker")
                if other is not None or before is None or _side(before) != _side(srcs[0][0]):
                    memory["attacked"] = other
                memory["attacker"], memory["attacker_at"] = srcs[0][0], memory["count"]
                if other is not None and code[:2] != "17":
                    # each side's latest foe, for force the report tells with no one named as hit
                    foes = memory.setdefault("foes", {})
                    foes[_side(srcs[0][0])], foes[_side(other)] = other, srcs[0][0]
            parties = [a for a, _ in srcs[:1] + tgts[:1]] if tgts else [a for a, _ in srcs[:2]]
            if len(parties) == 2 and parties[0].code != parties[1].code:
                memory["pair"], memory["pair_at"] = tuple(parties), memory["count"]
        states = [m.actor.country for m in sorted({id(m): m for m in self.by_token.values()}.values(),
                                                    key=lambda m: m.start)
                  if len(m.actor.country) == 3 and m.actor.country not in (UNKNOWN_COUNTRY, "IGO")]
        if states:
            # the states this sentence named, in order, for a "there" in the next one
            memory["states"], memory["states_at"] = states, memory["count"]
        together = self._named_together()
        if together:
            memory["together"], memory["together_at"] = together, memory["count"]

    def _note_titled(self, people: dict[str, Actor], offices: dict[str, Actor]) -> None:
        """Remember who holds an office by name and by office noun: "Armenian Prime Minister Nikol
        Pashinian" (one mention, a title before a name) is later "Pashinian"; "the U.N. special envoy" is
        later "the envoy" (`_office_before`)."""
        for m in {id(m): m for m in self.by_token.values()}.values():
            a = m.actor
            if a.place or a.settled or len(a.country) != 3 or a.country == UNKNOWN_COUNTRY:
                continue
            head = self.doc[m.end - 1]
            if head.pos_ == "NOUN" and head.tag_ == "NN" and head.lemma_.lower() in OFFICE_NOUNS:
                offices[head.lemma_.lower()] = a
            names = [t for t in self.doc[m.start:m.end] if t.ent_type_ == "PERSON" and t.pos_ == "PROPN"]
            if a.person is None and names and head.i == names[-1].i and names[0].i > m.start:
                name = " ".join(t.text for t in names)
                people.setdefault(_plain(head.lower_), Actor(a.code, a.country, a.role, a.text, name))

    def _office_before(self, t: Token) -> Actor | None:
        """"the envoy", "the spokesman": a singular office noun with "the" alone points back to the
        actor the report named last by that office ("the country's U.N. special envoy" → the UN)."""
        if t.pos_ != "NOUN" or t.tag_ != "NN" or t.lemma_.lower() not in OFFICE_NOUNS or not any(
                c.dep_ == "det" and c.lower_ == "the" for c in t.children):
            return None
        if any(c.dep_ in ("amod", "compound", "poss", "nmod", "prep", "acl", "relcl") for c in t.children):
            return None  # "the Yemeni envoy", "the envoy to Syria": the phrase says whose itself
        found = self.doc.user_data.get(PARTIES_KEY, {}).get("offices", {}).get(t.lemma_.lower())
        return _renamed(found, t.text) if found is not None else None

    def _owners_leader(self, head: Token) -> Actor | None:
        """"the demonstrators massed to await their leader, Raila Odinga": a leader named by a possessive
        pronoun leads whom the clause's subject names (the opposition's leader is of the opposition),
        so the report can remember the person by that group for a later "Odinga"."""
        if head.lemma_.lower() not in LEADER_NOUNS or not any(
                c.dep_ == "poss" and c.lower_ in ("their", "its") for c in head.children):
            return None
        v = head.head
        while v.pos_ not in ("VERB", "AUX") and v.head.i != v.i:
            v = v.head
        while not any(c.dep_ in ("nsubj", "nsubjpass") for c in v.children) and v.dep_ in ("xcomp", "advcl", "conj"):
            v = v.head  # "massed near the airport to await their leader": the one who massed
        owners = [a for c in v.children if c.dep_ in ("nsubj", "nsubjpass") for a, _ in self.actors_of(c)]
        if len({a.code for a in owners}) != 1 or owners[0].person is not None or owners[0].place:
            return None
        return owners[0]

    def _named_together(self) -> tuple[Actor, ...]:
        """The parties a subject of this sentence names together ("Laos and Thailand said ...", "the
        defence ministers of Peru and Ecuador were received ..."): two or more actors of different codes,
        none a place or of no state. A later "they" or "the two neighbours" stands for them."""
        found: tuple[Actor, ...] = ()
        for x in self.sent:
            if x.dep_ not in ("nsubj", "nsubjpass") or x.pos_ not in ("NOUN", "PROPN"):
                continue
            parties: list[Actor] = []
            for a, _ in self.actors_of(x):
                if a.place or a.country == UNKNOWN_COUNTRY or any(a.code == b.code for b in parties):
                    continue
                parties.append(a)
            if len(parties) >= 2:
                found = tuple(parties)
        return found

    def _listed_governor(self, tok: Token) -> list[tuple[Actor, int]]:
        """"China and Kazakhstan will mark 20 years since they established relations": "they" as the
        subject of a clause inside another clause whose subject lists two or more states stands for all
        of them (a clause's own subject, named before it, is what a plural pronoun in its dependent
        clauses points back to). Nothing when the listed subject names a place or no state, or when
        the pronoun's clause is not inside that subject's clause."""
        v = tok.head
        h = v
        while h.head.i != h.i:
            h = h.head
            subj = next((c for c in h.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < tok.i), None)
            if subj is None:
                continue
            if not any(c.dep_ == "conj" for c in subj.children):
                return []  # (the nearest governing subject is no list: "they" is not found here)
            found = self.actors_of(subj)
            if len({a.code for a, _ in found}) < 2 or any(
                    a.place or len(a.country) != 3 or a.country == UNKNOWN_COUNTRY for a, _ in found):
                return []
            return [(_renamed(a, tok.text), tok.i) for a, _ in found]
        return []

    def _together(self, tok: Token, pair: bool = False) -> list[tuple[Actor, int]]:
        """The parties the report named together as a subject in this or the sentence before (see
        `_named_together`), for a plural pronoun or a pair phrase; for a pair phrase, only two, and only
        when no two-party event was told after they were named."""
        memory = self.doc.user_data.get(PARTIES_KEY, {})
        together = memory.get("together")
        if not together or memory.get("count", 0) - memory.get("together_at", 0) > (2 if pair else 0):
            return []
        if pair and (len(together) != 2 or memory.get("pair_at", -1) > memory["together_at"]):
            return []
        if {a.code for a in together} & {m.actor.code for m in self.by_token.values()}:
            return []  # the sentence names one of them itself: "they" is not both
        return [(_renamed(a, tok.text), tok.i) for a in together]

    def _other_side(self, v: Token, victims: list[tuple[Actor, int]]) -> list[tuple[Actor, int]]:
        """The doer of force told in the passive with no agent ("a police patrol was ambushed", "three
        soldiers were wounded in the fighting that followed"): the other side of the fighting the report
        told in this or the two sentences before (the side that did not use force last when the victims
        are of the attacker's side, else the attacker); with no such fighting, the armed group the report
        named, when the victims are the forces of its state. Nothing when the report names no one."""
        sides = {_side(a) for a, _ in victims}
        if len(sides) != 1:
            return []
        side = next(iter(sides))
        memory = self.doc.user_data.get(PARTIES_KEY, {})
        attacker, attacked = self._recent_attacker(), memory.get("attacked")
        found = None
        if attacker is not None and attacked is not None and _side(attacker) != _side(attacked):
            found = attacked if _side(attacker) == side else attacker if _side(attacked) == side else None
        if found is None and attacker is None and side[1] == "STATE":
            group = memory.get("named", {}).get("group")
            if group is not None and group.role == "REB" and group.country == side[0]:
                found = group
        return [(_renamed(found, f"({found.text})"), v.i)] if found is not None else []

    def _pair(self, tok: Token) -> list[tuple[Actor, int]]:
        """"both sides", "the two neighbours": the two parties the report last named together as a
        subject, or those of the last two-party event of this document, whichever came later; nothing
        when the report has told neither."""
        if not grammar.pair_phrase(tok):
            # "Albares and Jaishankar met ... The ministers said": a bare plural of the office each side
            # holds once stands for the two named together just before (only they: not a last event's)
            return self._together(tok, pair=True) if _counterparts(tok) else []
        together = self._together(tok, pair=True)
        if together:
            return together
        pair = self.doc.user_data.get(PARTIES_KEY, {}).get("pair")
        if tok.lemma_.lower() in STATE_PAIR_HEADS and (not pair or pair[0].country == pair[1].country):
            # "the two neighbours" of a report about two states: the two it has named most
            top = self.state.seen.most_common(3)
            if len(top) >= 2 and top[1][1] >= 2 and (len(top) == 2 or top[1][1] > top[2][1]):
                return [(Actor(c, c, None, tok.text, settled=True), tok.i) for c, _ in top[:2]]
        return [(_renamed(a, tok.text), tok.i) for a in pair] if pair else []

    @staticmethod
    def _stranded_subject(v: Token) -> Token | None:
        """"forces loyal to Gaddafi pounded rebel positions": the parser makes the adjective or participle
        phrase after the subject a clause of its own, which takes the subject, and leaves the verb right
        after it without one. The stranded subject is that phrase's subject."""
        if v.dep_ not in ("ccomp", "conj", "ROOT") or any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in v.children):
            return None
        for c in v.head.children if v.dep_ != "ROOT" else v.children:
            if (c.i < v.i and c.right_edge.i + 1 == v.i and (c.pos_ == "ADJ" or c.tag_ in ("VBN", "VBG"))
                    and c.dep_ in ("ccomp", "conj", "advcl", "acomp")):
                subj = next((x for x in c.children if x.dep_ in ("nsubj", "nsubjpass") and x.i < c.i), None)
                if subj is not None:
                    return subj
        return None

    @staticmethod
    def _adrift_subject(v: Token) -> Token | None:
        """"In statements sent to the AP in Lisbon, Portugal, UNITA charged that ...", "Through trade
        Turkey has built ties", "gunfire killed two citizens, Tajikistan and Kyrgyzstan said ...": after a
        long fronted phrase the parser hangs the subject on the phrase (an apposition, a conjunct) and
        leaves the finite verb right after it with none. A finite active verb with no subject of its own
        takes the name that ends right before it (past its auxiliaries), climbing to the first item of
        a list of names ("Tajikistan and Kyrgyzstan"). The caller keeps it only if it names an actor."""
        if v.dep_ not in ("ROOT", "conj", "ccomp") or not grammar.finite(v):
            return None
        if any(c.dep_ in ("nsubj", "nsubjpass", "csubj", "csubjpass", "expl") for c in v.children):
            return None
        j = v.i - 1
        while j >= v.sent.start and v.doc[j].head.i == v.i and v.doc[j].dep_ in ("aux", "neg", "advmod"):
            j -= 1
        if j < v.sent.start:
            return None
        n = v.doc[j]
        if n.pos_ not in ("PROPN", "NOUN") or n.head.i == v.i or n.right_edge.i != n.i:
            return None  # (the verb's own time or object, or a phrase that runs on past the noun)
        if n.dep_ not in ("appos", "conj", "pobj", "npadvmod", "dobj"):
            return None  # (a compound or possessive is part of a longer phrase, not its end)
        while n.dep_ == "conj" and n.head.pos_ == "PROPN" and any(
                c.dep_ == "cc" and n.head.i < c.i < n.i for c in n.head.children):
            n = n.head  # "Tajikistan and Kyrgyzstan": the list's first name carries the rest (not "Paris,
            # France, the Front": names in a row with no "and" are places and the subject after them)
        return n

    def _instrument_agent(self, n: Token, reporters: list[tuple[Actor, int]] | None) -> list[tuple[Actor, int]]:
        """An instrument stands for whoever used it: "was shot down by a missile fired by Russian forces",
        "hit by a rocket (believed to be) launched by Hezbollah"."""
        for cl in n.children:
            if cl.dep_ != "acl":
                continue
            for t in cl.subtree:
                if t.dep_ == "agent":
                    for q in t.children:
                        if q.dep_ == "pobj":
                            found = self.actors_of(q, reporters)
                            if found:
                                return found
        return []

    def _attack_agent(self, v: Token, reporters: list[tuple[Actor, int]] | None) -> list[tuple[Actor, int]]:
        """A passive with no agent names its actor through the attack that did it: "died in
        an army air raid on the town", "were wounded in an Israeli raid"."""
        for c in v.children:
            if c.dep_ != "prep" or c.lower_ not in ("in", "by", "during"):
                continue
            for n in c.children:
                if n.dep_ != "pobj" or n.pos_ != "NOUN" or not self._attack_noun(n):
                    continue
                for p in n.children:
                    if p.dep_ == "prep" and p.lower_ in ("by", "from"):
                        for o in p.children:
                            if o.dep_ == "pobj":
                                found = self.actors_of(o, reporters)
                                if found:
                                    return found
                a = self.np_actor(n, reporters)
                if a is not None:
                    return [(a, n.i)]
        r = self.rule(v)
        if r is not None and r.code[:2] in ("18", "19", "20"):
            # "a rocket was launched at the town from southern Lebanon": the place it came from
            return self._prep_actors(v, ("from",))
        return []

    @guarded(list)
    def _clause_doer(self, v: Token) -> list[tuple[Actor, int]]:
        """"two protesters were shot dead when police opened fire", "three Islamists were killed as French
        and Malian troops combed the city": force told in the passive with no agent, hung on a clause of
        the same moment ("as", "when", "while") whose subject is armed men (army, police, rebels) of
        another side than the victims: those armed men did it. Nothing when the victims are of their side
        ("soldiers were killed as troops advanced" says nothing of who fired)."""
        r = self.rule(v)
        if r is None or r.code[:2] not in ("18", "19", "20"):
            return []
        victims = {_side(a) for c in v.children if c.dep_ == "nsubjpass" for a, _ in self.actors_of(c)}
        for c in v.children:
            if c.dep_ != "advcl" or c.pos_ not in ("VERB", "AUX") or not any(
                    m.dep_ == "mark" and m.lower_ in MOMENT_MARKS for m in c.children):
                continue
            doers = [a for s in c.children if s.dep_ == "nsubj" for a in self.actors_of(s)]
            if doers and all(a.role in ARMED_ROLES and len(a.country) == 3 and a.country != UNKNOWN_COUNTRY
                             and _side(a) not in victims for a, _ in doers):
                return [(_renamed(a, f"({a.text})"), i) for a, i in doers]
        return []

    def _court(self, v: Token) -> list[tuple[Actor, int]]:
        """"Five activists were found guilty of incitement", "the former minister was acquitted", "two
        dissidents were released on Friday": a verdict (CAMEO 116) or an acquittal told in the passive
        with no agent is a court's, a release of prisoners (0841) its authorities', of the state the
        report places it in (as arrests told so are its authorities'). Not hostages freed: a kidnapper
        or a rescue freed them, not the state."""
        r = self.rule(v)
        held = [c for c in v.children if c.dep_ == "nsubjpass"]
        if r is None or not held:
            return []
        court = r.code[:3] == "116" or v.lemma_.lower() in ACQUITTALS
        if not court and (r.code != "0841" or any(h.lemma_.lower() in HOSTAGE_NOUNS for h in held)):
            return []
        return self.state_organ(v.i, *(("JUD", "(the court)") if court else ()))

    def state_organ(self, at: int, role: str = "GOV", text: str = "(the authorities)",
                    state: str | None = None) -> list[tuple[Actor, int]]:
        """An unnamed party of the state a sentence's events happen in (its authorities, its court, its
        protesters), as the implicit doer of an act told without one; none where that state is unknown
        or no state."""
        state = state or self.report_state()
        if not state or len(state) != 3 or state in (UNKNOWN_COUNTRY, "IGO"):
            return []
        return [(Actor(state + role, state, role, text, settled=True), at)]

    def _attack_noun(self, n: Token) -> bool:
        """An attack word, or the first word of one the parser split ("Israeli tank shelling" read as
        "tank" with "shelling" hung elsewhere)."""
        if self.verbs.in_class(n.lemma_.lower(), "attack"):
            return True
        nxt = n.doc[n.i + 1] if n.i + 1 < len(n.doc) else None
        return nxt is not None and nxt.head.i != n.i and self.verbs.in_class(nxt.lower_, "attack")

    @staticmethod
    def accord_between(v: Token, sources: list[tuple[Actor, int]]) -> bool:
        """Several parties as subjects of a deed whose object is an agreement ("Armenia and Azerbaijan
        signed a ceasefire", "the two sides concluded a trade pact"): the agreement binds each to the
        other, so each is the other's target, as with a verb of mutual acts ("they met")."""
        if len({a.code for a, _ in sources}) < 2:
            return False
        return any(c.dep_ == "dobj" and c.lemma_.lower() in AGREEMENT_HEADS
                   and not any(x.dep_ == "prep" and x.lower_ in ("with", "between") for x in c.children)
                   for c in v.children)

    def addressee(self, v: Token, inner: Token) -> list[tuple[Actor, int]]:
        for c in v.children:
            if c.dep_ in ("dobj", "dative"):
                return self.actors_of(c)
            if c.dep_ == "prep" and c.lower_ in ("on", "upon", "to", "with"):
                for p in c.children:
                    if p.dep_ == "pobj" and (found := self.actors_of(p)):
                        return found  # (not "demanded on Thursday that ...": a date addresses no one)
        return self.subjects(inner) if grammar.own_subject(inner) else []

    def targets(self, v: Token, rule: VerbRule) -> list[tuple[Actor, int]]:
        found = self._targets(v, rule)
        if found:
            return found
        if rule.code[:2] in FORCE_ROOTS:
            found = self._gathering(v)
            if not found and rule.code[:2] != "17" and rule.code != "192":
                # (a building "set on fire" is no state's act; villages "seized" were the other side's)
                found = self._held_place(v)
        found = found or self._people_target(v, rule)
        if not found and rule.code[:2] == "17" and not grammar.passive(v) and self._by_the_state(v):
            # "tried to suppress dissent", "banned all partisan activity": repression (CAMEO 17) is done
            # to the people of the state it happens in when the report names no one else
            state = self.report_state()
            found = self._purpose_targets(v)  # (a purpose clause's object first: "fired tear gas to disperse X")
            if not found and state:
                found = [(Actor(state + "CVL", state, "CVL", "(its people)", settled=True), v.i)]
        if not found and rule.code in MEDIATION_CODES:
            # "the UN brokered a ceasefire", "urged an immediate truce": mediation and calls to stop
            # fighting are addressed to both sides of the conflict the report told
            # (two sides of two states, neither the mediator's: a leader calling his own police and
            # protesters to calm is no mediation between states)
            pair = self.doc.user_data.get(PARTIES_KEY, {}).get("pair")
            own = {a.country for a, _ in self.subjects(v)}
            if pair and pair[0].country != pair[1].country and not own & {a.country for a in pair}:
                found = [(a, v.i) for a in pair]
        if not found and self._answer(v):
            found = self._answered(v)
        if not found and rule.code[:2] in COOPERATIVE_ROOTS:
            found = self._partner_in_conjunct(v)
        return found

    def implied_target(self, v: Token, sources: list[tuple[Actor, int]], code: str) -> list[tuple[Actor, int]]:
        """The target of an act whose clause names none, as the annotators of real reports give it (they
        leave the target empty for only ~6% of events, and an untargeted event was right ~1 time in 8).
        First the other party the sentence names: an actor of another state outside the source's own
        phrase, the nearest inside the act's clause, else the nearest in the sentence ("Armenian forces
        held Nagorno-Karabakh and had also taken large areas": Azerbaijan's; "the Kremlin annexed part of
        it": Ukraine's), never where the act happened or who reports it ("gathered in Belgrade",
        "according to Reuters"). Else, for an act of one state's organ or group (police, rebels, a
        court, the opposition), that state's government: a domestic act is done to the state it happens
        in ("police officers demonstrated against pay cuts"), except the force of its own army or police
        (CAMEO code `code`), which is used for that state, not on it."""
        if not sources:
            return []
        own = {a.country for a, _ in sources}
        theirs: set[int] = set()  # the source's own phrase ("the forces of Syrian President Assad")
        for _, i in sources:
            theirs |= {t.i for t in self.doc[i].subtree}
            if (m := self.by_token.get(i)) is not None:
                theirs |= set(range(m.start, m.end))
        clause = {t.i for t in v.subtree}
        best: tuple[int, int, ActorMention] | None = None
        for m in {id(m): m for m in self.by_token.values()}.values():
            a = m.actor
            if (a.country in own or a.country in (UNKNOWN_COUNTRY, "IGO") or len(a.country) != 3
                    or a.role == "MED" or theirs & set(range(m.start, m.end)) or _aside(self.doc[m.start])):
                continue
            rank = (0 if m.start in clause else 1, min(abs(k - v.i) for k in range(m.start, m.end)))
            if best is None or rank < best[:2]:
                best = (*rank, m)
        if best is not None:
            return [(best[2].actor, best[2].start)]
        for t in self.sent:
            if grammar.pair_phrase(t):
                # "the CSTO, to which both countries belong, was prepared to help settle the conflict":
                # the pair the sentence names stands for the two parties the act is aimed at (even
                # inside the source's own phrase: those are its members, not itself)
                pair = [(a, i) for a, i in self._pair(t) if a.country not in own]
                if pair:
                    return pair
        there = self._there(v, own)
        if there:
            return there
        foe = self._foe(sources, code)
        if foe:
            return foe
        if (code[:2] in FORCE_ROOTS | {"15"} or code == "144") and all(a.role in STATE_FORCES for a, _ in sources):
            # (a roadblock or sit-in of armed men, 144, is the coder's blockade by force, 191)
            return []  # ("police put up roadblocks", "troops seized two villages": not against their own state)
        if len(own) == 1 and all(a.role not in (None, "GOV") for a, _ in sources):
            # (not for a state named bare: "the United States criticised the sale" is no act on itself)
            state = own.pop()
            if len(state) == 3 and state not in (UNKNOWN_COUNTRY, "IGO"):
                return [(Actor(state + "GOV", state, "GOV", "(the government)", settled=True), v.i)]
        return []

    def _foe(self, sources: list[tuple[Actor, int]], code: str) -> list[tuple[Actor, int]]:
        """Force told with no one named as hit ("Kyrgyz soldiers opened fire with mortars", "the army
        shelled positions overnight"), and a hostile act naming no one (a threat, a demand, a rejection,
        sanctions, force shown), is aimed at the side's foe in the fighting the report has told:
        the side it last fought, or that last fought it (CAMEO annotators take the target from the
        report). Nothing before the report has told any fighting between two sides."""
        if code[:2] not in ("10", "11", "12", "13", "15", "16", "17", "18", "19", "20"):
            return []
        foes = self.doc.user_data.get(PARTIES_KEY, {}).get("foes", {})
        found = {foes.get(_side(a)) for a, _ in sources} - {None}
        if len(found) != 1:
            return []
        foe = found.pop()
        return [(_renamed(foe, f"({foe.text})"), sources[0][1])]

    def _there(self, v: Token, own: set[str]) -> list[tuple[Actor, int]]:
        """"Moscow has reinforced its military presence there": an act done "there" is done in the
        state the sentence before named (the last one not the source's own), and to it."""
        if not any(c.dep_ == "advmod" and c.lower_ == "there" for c in v.children):
            return []
        memory = self.doc.user_data.get(PARTIES_KEY, {})
        if memory.get("states_at", -1) != memory.get("count", 0):
            return []
        state = next((c for c in reversed(memory.get("states", [])) if c not in own), None)
        if state is None:
            return []
        return [(Actor(state, state, None, f"there ({state})", settled=True), v.i)]

    def _partner_in_conjunct(self, v: Token) -> list[tuple[Actor, int]]:
        """"willing to talk about bilateral matters and wish to build ties with Argentina": a cooperative
        act that names no partner has the one its coordinated clause (same subject) deals with."""
        chain = [v]  # the act and what governs it ("(was) ready to talk": talk, ready, was)
        while chain[-1].dep_ in ("xcomp", "acomp") and len(chain) < 4:
            chain.append(chain[-1].head)
        conjs = [c for t in chain for c in t.children if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX")]
        conjs += [t.head for t in chain if t.dep_ == "conj"]
        for c in conjs:
            if grammar.own_subject(c) and c.i > v.i:
                continue  # another clause with its own subject
            for w in [c, *(x for x in c.children if x.dep_ == "xcomp" and x.pos_ == "VERB")]:
                heads = [w] + [o for o in w.children if o.dep_ == "dobj"]
                for h in heads:
                    found = self._prep_actors(h, ("with", "to"))
                    if found:
                        return found
        return []

    @staticmethod
    def _answer(v: Token) -> bool:
        """A retort or reprisal ("hit back with sanctions", "retaliated", "responded with force")."""
        return v.lemma_.lower() in RETORT_VERBS or any(
            c.dep_ in ("prt", "advmod") and c.lower_ == "back" and c.i == v.i + 1 for c in v.children)

    def _answered(self, v: Token) -> list[tuple[Actor, int]]:
        """Whom a retort answers: the state whose act the sentence tells in another clause ("Soon after
        Putin signed the decrees, the EU hit back with sanctions")."""
        own = {a.code for a, _ in self.subjects(v)}
        for c in self.sent:
            if c.pos_ in ("VERB", "AUX") and c.i != v.i and c.head.i == v.i and c.dep_ in ("advcl", "prep", "pcomp"):
                found = [(a, i) for a, i in self.subjects(c) if a.code not in own and a.country != UNKNOWN_COUNTRY]
                if found:
                    return found
        return []

    def protested_state(self, v: Token, sources: list[tuple[Actor, int]], code: str = "140") -> list[tuple[Actor, int]]:
        """"protesters chanted in the capital", "students demonstrated": a protest by people of a state that
        names no target is against that state's government (CAMEO codes the protest's addressee; the
        annotators of real reports do so for most domestic protests). So are the demands, accusations,
        rejections, threats and force of its rebels and opposition ("the rebels pledged to keep
        fighting": 28 of 34 rebel attacks of the dev reports are on their own state). Not for a state's
        own organs or a state acting abroad."""
        if not sources or any(a.role in STATE_ORGANS or a.country in (UNKNOWN_COUNTRY, "IGO")
                              or len(a.country) != 3 for a, _ in sources):
            return []
        if code[:2] != "14" and (any(a.role not in ("REB", "OPP") for a, _ in sources) or any(
                c.dep_ in ("agent", "nsubjpass") for c in v.children)):
            return []  # (the act told of its instrument: "a missile fired by rebels")
        countries = {a.country for a, _ in sources}
        if len(countries) != 1 or any(a.role is None and not a.settled and v.doc[i].tag_ not in ("NNS", "NNPS")
                                      for a, i in sources):
            return []  # "Iraq protested": a state's own protest needs its addressee named
        state = countries.pop()
        return [(Actor(state + "GOV", state, "GOV", "(the government)", settled=True), v.i)]

    def _by_the_state(self, v: Token) -> bool:
        """The act's subject is a state or one of its organs (repression is theirs; crowds "burning down
        an embassy" riot)."""
        subjects = self.subjects(v)
        return bool(subjects) and all(a.role in STATE_ORGANS or (a.role is None and not a.person and len(a.country) == 3
                                                                 and a.country not in (UNKNOWN_COUNTRY, "IGO"))
                                      for a, _ in subjects)

    def _people_target(self, v: Token, rule: VerbRule) -> list[tuple[Actor, int]]:
        """"arrested dozens of relatives of prisoners", "imposed sanctions on five people": people named
        by no office or group, as the object of an act, are civilians of the report's state. Only as
        targets: people who act ("people sought shelter") are rarely an event's party."""
        passive = grammar.passive(v)
        preps = {"on", "at", "against", "upon", "into"}
        if rule.code[:2] in FORCE_ROOTS:
            preps |= set(rule.target)  # (not "talks with local leaders": whose leaders, the place says)
        heads = [c for c in v.children if c.dep_ == ("nsubjpass" if passive else "dobj")]
        heads += [p for c in v.children if c.dep_ == "prep" and c.lower_ in preps
                  for p in c.children if p.dep_ == "pobj"]
        heads += [p for o in heads if o.pos_ == "NOUN" and o.i not in self.by_token for c in o.children
                  if c.dep_ == "prep" and c.lower_ in preps for p in c.children if p.dep_ == "pobj"]
        for h in heads:
            if h.lower_ in QUANTITY_HEADS or h.pos_ == "NUM":  # "dozens of relatives", "51 of the defendants"
                h = next((p for c in h.children if c.dep_ == "prep" and c.lower_ == "of"
                          for p in c.children if p.dep_ == "pobj"), h)
            a = self._people(h)
            if a is not None:
                return [(a, h.i)]
        return []

    def report_state(self) -> str | None:
        """The state this sentence's events happen in (coding/context.py), for implicit actors."""
        mentions = list({id(m): m for m in self.by_token.values()}.values())  # each mention once
        return context_state(self.sent, mentions, self.state.home, self.state.seen)

    def _gathering(self, v: Token) -> list[tuple[Actor, int]]:
        """"police dispersed two demonstrations", "troops broke up the rally": force against a gathering
        is against the people in it, civilians of the state the report places it in."""
        passive = grammar.passive(v)
        heads = [c for c in v.children if c.dep_ == ("nsubjpass" if passive else "dobj")]
        # "shot live rounds into the crowd", "fired on the march"
        heads += [p for c in v.children if c.dep_ == "prep" and c.lower_ in ("into", "on", "at", "upon")
                  for p in c.children if p.dep_ == "pobj"]
        for c in heads:
            if c.lemma_.lower() in GATHERING_NOUNS:
                state = self.report_state()
                if state:
                    return [(Actor(state + "CVL", state, "CVL", c.text), c.i)]
        return []

    def _held_place(self, v: Token) -> list[tuple[Actor, int]]:
        """"rockets hit the town", "sealed off the palace", "fired at an oil pipeline": force used on a
        place or position is used on whoever holds it: the state the report places the event in (a
        place of the state, so its own forces acting on it are still an event)."""
        passive = grammar.passive(v)
        heads = [c for c in v.children if c.dep_ == ("nsubjpass" if passive else "dobj")]
        heads += [p for c in v.children if c.dep_ == "prep" and c.lower_ in ("into", "on", "at", "upon")
                  for p in c.children if p.dep_ == "pobj"]
        for c in heads:
            if self._position_noun(c):
                state = self.report_state()
                if state:
                    return [(Actor(state, state, None, c.text, place=True, settled=True), c.i)]
        return []

    @staticmethod
    def _position_noun(t: Token) -> bool:
        low = t.lemma_.lower()
        if low in POSITION_NOUNS:
            return True
        compound = next((c.lemma_.lower() for c in t.children if c.dep_ == "compound"), None)
        return compound is not None and f"{compound} {low}" in POSITION_NOUNS

    def _held_by_role(self, t: Token) -> Actor | None:
        """"rebel positions", "an army checkpoint", "a police patrol": a position named by its holder's
        role noun is that role's, of the state the report places it in."""
        if t.pos_ != "NOUN" or not (self._position_noun(t) or (t.lemma_.lower() in WEAPON_NOUNS and t.dep_ == "nsubj")):
            return None  # (a weapon stands for its users only as the subject: "fired artillery shells" is a deed)
        roles = role_nouns()
        for c in t.children:
            if c.dep_ in ("compound", "amod") and c.i < t.i and (role := roles.get(c.lemma_.lower())):
                state = self.report_state()
                if state:
                    return Actor(state + role, state, role, f"{c.text} {t.text}", settled=True)
        return None

    def _people(self, t: Token) -> Actor | None:
        """"relatives of prisoners", "three people", "several members of the group": people named by no
        office or group are civilians of the state the report is about (CAMEO CVL)."""
        named = t.pos_ == "PROPN" and t.ent_type_ == "PERSON" and t.i not in self.by_token
        if not named and (t.pos_ != "NOUN" or t.lemma_.lower() not in PEOPLE_NOUNS):
            return None  # (a person no dictionary knows, as a target, is one of them too: "detained Hachani")
        state = self.report_state()
        if not state:
            return None
        return Actor(state + "CVL", state, "CVL", t.text, settled=True)

    def _targets(self, v: Token, rule: VerbRule) -> list[tuple[Actor, int]]:
        passive = grammar.passive(v)
        objs = [c for c in v.children if c.dep_ == ("nsubjpass" if passive else "dobj")
                or (passive and c.dep_ == "nsubj")]
        if passive and not objs and v.dep_ == "conj":
            # "the civilians imprisoned ... were released by Putin": a passive conjunct shares the subject
            objs = [c for c in v.head.children if c.dep_ in ("nsubj", "nsubjpass")]
        if not passive and not objs:
            # "condemned as a barbaric crime Serbia's suppression of ...": the object after its predicate,
            # which the parser hangs on the "as" phrase
            objs = [a for c in v.children if c.dep_ == "prep" and c.lower_ == "as" for p in c.children
                    if p.dep_ == "pobj" for a in p.children if a.dep_ == "appos"]
        if not passive and not objs and not any(c.dep_ in ("prep", "ccomp", "xcomp") for c in v.children):
            # "shot and killed 15 protesters", "surrounded and stormed the building": coordinated verbs
            # with one object after the last share it
            objs = [o for c in v.children if c.dep_ == "conj" and c.pos_ == "VERB" and c.i > v.i
                    and not grammar.passive(c) for o in c.children if o.dep_ == "dobj"][:1]
        for spec in rule.target:
            if spec == "dobj":
                for c in objs + [c for c in v.children if c.dep_ == "dative" and c.pos_ in ("PROPN", "NOUN")]:
                    # "condemned an attack by Syrian troops": the act's doer, not what it was done to
                    found = self._by_agent(c) or self.actors_of(c)
                    if found:
                        return found
            elif spec in ("objnp", "objtree"):
                for o in objs + [p for c in v.children if c.dep_ == "prep" for p in c.children if p.dep_ == "pobj"]:
                    found = self._inside(o, clauses=spec == "objtree")
                    if found:
                        return found
            else:
                found = self._prep_actors(v, (spec,))
                if not found and spec == "from":
                    # "withdraw its troops from its border with Eritrea": the place left is named by the state
                    # it faces; "pulled its soldiers back from Eritrea": the parser hangs "from" on "back"
                    preps = [c for h in [v, *(a for a in v.children if a.dep_ in ("advmod", "prt"))]
                             for c in h.children if c.dep_ == "prep" and c.lower_ == spec]
                    found = next((f for c in preps for p in c.children if p.dep_ == "pobj"
                                  for f in [self._inside(p)] if f), [])
                if not found:
                    # "acted on a resolution against Iran": a prepositional object carries the target too
                    pobjs = [p for c in v.children if c.dep_ == "prep" and c.lower_ != spec
                             for p in c.children if p.dep_ == "pobj" and p.pos_ == "NOUN"]
                    for o in objs + pobjs:
                        found = self._prep_actors(o, (spec,))
                        if not found:
                            for c in o.children:
                                if c.dep_ == "prep" and c.lower_ == "of":
                                    for p in c.children:
                                        found = found or self._prep_actors(p, (spec,))
                        if found:
                            break
                if found:
                    return found
        return []

    def _by_agent(self, obj: Token) -> list[tuple[Actor, int]]:
        """The doer named in a noun phrase that stands for an act: "an attack by Syrian soldiers",
        "the decision by France to ..."; an actor noun ("troops sent by Russia") has no act's doer."""
        if obj.pos_ != "NOUN" or obj.i in self.by_token:
            return []
        return self._prep_actors(obj, ("by",))

    def _visit_host(self, v: Token) -> list[tuple[Actor, int]]:
        """"held talks ... during a visit to Beirut": the visited place hosts the meeting."""
        for c in v.children:
            if c.dep_ == "prep" and c.lower_ in ("during", "on", "at"):
                for n in c.children:
                    if n.dep_ == "pobj" and n.lemma_.lower() in VISIT_NOUNS:
                        found = self._prep_actors(n, ("to", "in"))
                        if found:
                            return found
        return []

    @staticmethod
    def _parties_meeting(v: Token, srcs: list[tuple[Actor, int]]) -> bool:
        """Subjects of two countries meet each other ("Armenian and Azerbaijani ministers met in Geneva"):
        the meeting is between them (both directions), and the place is only where it was held."""
        return (v.lemma_.lower() in grammar.RECIPROCAL_VERBS
                and len({a.country for a, _ in srcs if a.country not in (UNKNOWN_COUNTRY, None)}) > 1)

    @guarded(list)
    def _prep_actors(self, head: Token, preps: tuple[str, ...]) -> list[tuple[Actor, int]]:
        for c in head.children:
            if c.dep_ in ("prep", "dative", "agent") and c.lower_ in preps:
                for p in c.children:
                    if p.dep_ == "pobj":
                        found = self.actors_of(p)
                        if found:
                            return found
                    elif p.dep_ == "pcomp":  # "from inside Iran"
                        for q in p.children:
                            if q.dep_ == "pobj":
                                return self.actors_of(q)
            if c.dep_ == "prep" and c.lower_ in ("of",) and c.head.i == head.i and "of" not in preps:
                continue
        return []

    @guarded(list)
    def _inside(self, head: Token, clauses: bool = False) -> list[tuple[Actor, int]]:
        """An actor named inside an object phrase ("the Bushehr plant on Iran's coast"); with
        `clauses`, also inside the clauses that describe it ("responsibility for an attack targeting
        a mall in Kenya's capital")."""
        best: list[tuple[Actor, int]] = []
        for t in head.subtree:
            if t.dep_ in ("relcl", "acl", "advcl") and not clauses and not grammar.content_clause(t):
                break
            m = self.by_token.get(t.i)
            if m is not None and t.dep_ in ("amod", "compound", "nmod") and _not_owner(t.head):
                continue  # "the Tunisian border crossing": which line, not whose side
            if m is not None:
                h = t
                while h.dep_ in ("compound", "flat") and h.head.i in self.by_token and h.head.i != h.i:
                    h = h.head
                if h.dep_ == "pobj" and h.head.lower_ == "between":  # "ties between India and Pakistan"
                    return self.actors_of(h)
                if self._venue_of_talks(h):
                    continue  # "ended their talks in Brasilia": where the talks sat, not a party to them
                if h.i == head.i:
                    return self.actors_of(h)  # the object itself names them: "left Estonia and Latvia"
                if h.dep_ != "compound" and any(c.dep_ == "conj" for c in h.children):
                    # "the towns of Goma, Uvira and Bukavu": every listed item of its code
                    return [(m.actor, t.i)] + [x for x in self.actors_of(h) if x[1] != h.i
                                               and x[0].code == m.actor.code]
                best.append((m.actor, t.i))
                break
        return best

    def _venue_of_talks(self, h: Token) -> bool:
        """A place after "in"/"at" on a noun of talks ("talks in Doha", "the negotiations at Camp David")
        is where they were held: the host is no party, as with the venue of a meeting."""
        if h.dep_ != "pobj" or h.head.lower_ not in ("in", "at") or h.head.head.pos_ != "NOUN":
            return False
        m = self.by_token.get(h.i)
        return (m is not None and (m.actor.place or m.actor.role in (None, "GOV"))
                and self.verbs.in_class(h.head.head.lemma_.lower(), "talks"))

    @guarded(list)
    def actors_of(self, tok: Token, reporters: list[tuple[Actor, int]] | None = None) -> list[tuple[Actor, int]]:
        """The actors a noun phrase names: its head's, plus coordinated ones ("Russia and China",
        "the US, Russia and Switzerland"), found along conj/appos links inside the phrase."""
        out: list[tuple[Actor, int]] = []
        if tok.pos_ == "PRON" and tok.lower_ in ("they", "we") and reporters and len(reporters) > 1:
            return [(_renamed(a, tok.text), tok.i) for a, _ in reporters]  # "Obama and Putin said they ..."
        pair = self._pair(tok)
        if pair and tok.i not in self.by_token:
            return pair
        if (tok.pos_ == "PRON" and tok.lower_ == "they" and not reporters and tok.dep_ in ("nsubj", "nsubjpass")
                and not self._thing_before(tok)):
            together = self._listed_governor(tok) or self._together(tok)  # "Peru and Ecuador met ... They agreed"
            if together:
                return together
        if tok.pos_ == "PRON" and tok.lower_ == "them" and not reporters:
            before = self._plural_before(tok)
            if before:
                return before
        first = self.np_actor(tok, reporters)
        if first is not None:
            out.append((first, tok.i))
        listed = any(c.dep_ == "cc" for c in tok.children)
        for t in tok.subtree:
            if t.i == tok.i or not (t.dep_ == "conj" or (t.dep_ in ("appos", "nmod") and any(
                    c.dep_ in ("conj", "cc") for c in t.children)) or (
                    # "Mordor, the restive Fornost, and Gondor": a named item of a list
                    t.dep_ == "appos" and t.head.i == tok.i and listed and (t.pos_ == "PROPN" or (
                        t.i in self.by_token and self.by_token[t.i].actor.role is None)))):
                continue
            if not grammar.np_path(t, tok) or self._portfolio_item(t):
                continue
            a = self.np_actor(t, reporters)
            if a is not None and first is not None:
                a = _shared_country(a, first, tok, t, self.by_token)
            if a is not None and _own_organ_again(t, a, out):
                continue  # "the Lithuanian people and their government", "Russia and its army": one party
            if a is not None and (all(a.code != x.code for x, _ in out) or self._own_item(t, out)):
                out.append((a, t.i))
        return out

    def _portfolio_item(self, t: Token) -> bool:
        """An item of an office's portfolio ("Spain's Minister for Foreign Affairs, European Union and
        Cooperation"): listed after a first item that names no actor, under "for" or "of" of an office
        noun, it is part of the title, not a party (unlike "the ministers of Armenia and Azerbaijan")."""
        offices = OFFICE_NOUNS | {"ministry", "minister", "commissioner", "secretary"}
        first = grammar.first_conjunct(t)
        if first is t or any(c.dep_ == "det" for c in t.children):
            return False
        if first.lemma_.lower() in offices:
            # (the parser may hang the later items on the office noun itself)
            first = next((p for c in first.children if c.dep_ == "prep" and c.lower_ in ("for", "of")
                          for p in c.children if p.dep_ == "pobj" and p.i < t.i), first)
        if first.dep_ != "pobj" or first.head.lower_ not in ("for", "of"):
            return False
        return (first.head.head.lemma_.lower() in offices
                and first.i not in self.by_token and self.np_actor(first) is None)

    def _own_item(self, t: Token, found: list[tuple[Actor, int]]) -> bool:
        """A listed item that names a party of its own although of a code already found: "seized
        Bunia, Beni and Kamituga", "struck an army camp and a police post": each town or post is its own
        target (one event each, as the codebook's annotators count them), unlike a second name for the
        same party ("Russia and its army", "Moscow, the Russian capital")."""
        if t.dep_ != "conj" or t.pos_ not in ("NOUN", "PROPN") or t.head.pos_ not in ("NOUN", "PROPN"):
            return False
        m = self.by_token.get(t.i)
        if m is not None and not (m.actor.place or m.actor.role is not None and m.actor.person is None):
            return False  # a state or a person named twice is one party
        return all(self.doc[i].lemma_.lower() != t.lemma_.lower() and self.by_token.get(i) is not m
                   or m is None and self.doc[i].lemma_.lower() != t.lemma_.lower() for _, i in found)

    @guarded(lambda: None)
    def np_actor(self, t: Token, reporters: list[tuple[Actor, int]] | None = None) -> Actor | None:
        m = self.by_token.get(t.i)
        if m is not None:
            return m.actor
        if t.pos_ == "PRON":
            return self.pronoun(t, reporters)
        if t.pos_ == "PROPN" or (t.pos_ == "NOUN" and t.text[:1].isupper()):  # (a name opening a sentence is
            # often tagged as a noun)
            named = self.doc.user_data.get(PARTIES_KEY, {}).get("people", {}).get(_plain(t.lower_))
            if named is not None:
                return _renamed(named, t.text)
        for c in t.children:
            if c.dep_ == "appos":
                m = self.by_token.get(c.i)
                if m is not None:
                    return m.actor
        if t.pos_ == "PROPN":
            titled = self._title_of(t)
            if titled is not None:
                return _renamed(titled, t.text)
        anaphor = (self._named_before(t) or self._visitor(t) or self._the_country(t) or self._owned_organ(t)
                   or self._office_before(t))
        if anaphor is not None:
            return anaphor
        for c in t.children:
            if c.dep_ in ("poss", "compound", "amod", "nmod", "nummod") and c.i in self.by_token:
                if _not_owner(t):
                    # "bombarded the Tunisian border crossing": the line, not Tunisia's side of it; "the
                    # former Portuguese colony": a land that was Portugal's, not Portugal
                    return None
                return self.by_token[c.i].actor
        for c in t.children:
            if c.dep_ == "acl" and c.lemma_.lower() == "lead" and t.lemma_.lower() in LED_BODIES:
                # "the coalition led by Saudi Arabia": the force acts as its leader's, as "the Saudi-led
                # coalition" does
                leader = next((self.by_token[p.i].actor for a in c.children if a.dep_ == "agent"
                               for p in a.children if p.dep_ == "pobj" and p.i in self.by_token), None)
                if leader is not None:
                    return leader
        if t.lemma_.lower() in DOCUMENT_NOUNS:
            # a document speaks for who issued it or where: "a report released in the Rwandan capital"
            for c in t.children:
                if c.dep_ == "acl":
                    found = self._prep_actors(c, ("by", "in", "from"))
                    if found:
                        return found[0][0]
            if t.dep_ == "dobj" and t.head.pos_ == "VERB" and t.head.lemma_.lower() in ISSUE_VERBS:
                # "Chile issued a statement condemning the raid": the statement speaks for who issued it
                found = self.subjects(t.head, reporters)
                if found:
                    return found[0][0]
        for c in t.children:
            # ("a spokeswoman for the Foreign Office" speaks for it)
            spoken_for = c.lower_ == "for" and t.lemma_.lower() in SPOKESPEOPLE
            if c.dep_ == "prep" and (c.lower_ in ("of", "from") or spoken_for):
                for p in c.children:
                    if p.dep_ == "pobj" and p.i in self.by_token:
                        return self.by_token[p.i].actor
                    if p.dep_ == "pobj" and (t.lower_ in QUANTITY_HEADS or c.lower_ == "of"):
                        # "hundreds of UN troops", "the mayor of the West Bank city of Nablus"
                        found = self.np_actor(p, reporters)
                        if found is not None or t.lemma_.lower() not in PEOPLE_NOUNS:
                            return found
        return self._held_by_role(t)

    def _the_country(self, t: Token) -> Actor | None:
        """"the country", "the nation" with no modifier naming which: as a subject, the state the
        report last named as one ("Iran summoned the envoy. The country also expelled ..."); elsewhere
        ("pledged aid to the country"), the state the report is about. Never a state its own sentence
        names as a party, nor after a preposition of place ("across the country" is no party)."""
        if not _the_country_noun(t) or (t.dep_ == "pobj" and t.head.lower_ in ASIDE_PREPS):
            return None
        if t.dep_ in ("nsubj", "nsubjpass"):
            last = self.state.last_group
            state = last.country if last is not None and last.person is None else None
        else:
            state = self.report_state()
        if state is None or len(state) != 3 or state in (UNKNOWN_COUNTRY, "IGO") or any(
                m.actor.country == state for m in self.by_token.values()):
            return None
        return Actor(state, state, None, t.text, settled=True)

    def _title_of(self, name: Token) -> Actor | None:
        """The actor a person's office names, for a name the dictionary does not know: an appositive
        ("Juma Okello, a spokesman for the Kenyan foreign ministry", "X, the Somali defence minister")
        or a title before the name ("Ugandan army spokesman Paddy Ankunda"), headed by an office noun.
        The person is of the state or body that office belongs to."""
        for c in name.children:
            if c.pos_ == "NOUN" and (c.dep_ == "appos" or c.dep_ == "compound" and c.i < name.i) and (
                    c.lemma_.lower() in OFFICE_NOUNS or c.lower_ in SPOKESPEOPLE):
                a = self.np_actor(c)
                if a is not None and not a.place and a.country != UNKNOWN_COUNTRY:
                    return a
        return None

    def _named_before(self, t: Token) -> Actor | None:
        """"the bloc", "the movement": with "the" and no modifier that names anyone, a noun of an
        organisation points back to the international body (or armed group, opposition) the report
        named last."""
        kind = GROUP_ANAPHORS.get(t.lemma_.lower())
        if kind is None or t.pos_ != "NOUN" or t.tag_ != "NN" or not any(
                c.dep_ == "det" and c.lower_ in ("the", "this") for c in t.children):
            return None
        if any(c.dep_ in ("compound", "poss", "nmod") or c.i in self.by_token for c in t.children):
            return None  # "the rights group", "a Kurdish movement": not a pointer back
        found = self.doc.user_data.get(PARTIES_KEY, {}).get("named", {}).get(kind)
        return _renamed(found, t.text) if found is not None else None

    def _visitor(self, t: Token) -> Actor | None:
        """"the visiting president", "the visiting minister": the person the report named last who is
        of no state this sentence names otherwise and not of the state the report is about (a visitor
        comes from elsewhere)."""
        if t.pos_ != "NOUN" or t.lemma_.lower() not in OFFICE_NOUNS or not any(
                c.dep_ == "amod" and c.lower_ in ("visiting", "guest") for c in t.children):
            return None
        here = {m.actor.country for m in self.by_token.values()} | {self.report_state()}
        people = self.doc.user_data.get(PARTIES_KEY, {}).get("persons", [])
        found = next((a for a in reversed(people) if a.country not in here), None)
        return _renamed(found, t.text) if found is not None else None

    @staticmethod
    def _personal(a: Actor, tok: Token | None = None) -> bool:
        """Someone "he" or "she" can stand for: a person by name or by a singular office ("the foreign
        minister"), never a news agency, a ministry or a state. `tok`, the phrase's head, may say so too."""
        if tok is not None and (tok.ent_type_ == "PERSON" or tok.lemma_.lower() in OFFICE_NOUNS):
            return True
        return a.person is not None or (bool(a.text) and a.text.split()[-1].lower() in OFFICE_NOUNS)

    def _person_before(self, t: Token) -> Actor | None:
        """The person who is the subject of a clause before the pronoun in its own sentence
        ("Timerman argued that ..., and he warned ...", "X demands that ... bills that he says ...")."""
        found = None
        for x in self.sent:
            if x.i >= t.i:
                break
            if x.dep_ in ("nsubj", "nsubjpass") and x.pos_ in ("PROPN", "NOUN") and x.tag_ in ("NN", "NNP"):
                a = self.np_actor(x)
                if a is not None and self._personal(a, x):
                    found = a
        return found

    def _owned_organ(self, t: Token) -> Actor | None:
        """"Iran said its foreign ministry had summoned ...": an organ or office owned by "its" or
        "their", as a subject, is of the state that is the subject before it in its own sentence (the
        role its noun names). Not as an object: "demanded the release of its diplomats" is addressed to
        whoever holds them, not to the owner."""
        if t.pos_ not in ("NOUN", "PROPN") or t.dep_ not in ("nsubj", "nsubjpass") or not any(
                c.dep_ == "poss" and c.lower_ in ("its", "their") for c in t.children):
            return None
        owner = next(c for c in t.children if c.dep_ == "poss")
        roles = role_nouns()
        compound = next((c.lemma_.lower() for c in t.children if c.dep_ in ("compound", "amod") and c.i < t.i), None)
        role = (compound and roles.get(f"{compound} {t.lemma_.lower()}")) or roles.get(t.lemma_.lower())
        if role is None:
            return None
        found = None
        for x in self.sent:
            if x.i >= owner.i:
                break
            if x.dep_ in ("nsubj", "nsubjpass") and x.pos_ in ("PROPN", "NOUN") and x.i in self.by_token:
                a = self.by_token[x.i].actor
                if (a.person is None and not a.place and len(a.country) == 3
                        and a.country not in (UNKNOWN_COUNTRY, "IGO")):
                    found = a
        if found is None:
            return None
        return Actor(found.country + role, found.country, role, t.text, settled=True)

    def _group_before(self, t: Token) -> Actor | None:
        """The state, body or group that is the subject of a clause before "it" ("they") in its own
        sentence: singular for "it", plural for "they" (as `_person_before` finds "he")."""
        tags = ("NNS", "NNPS") if t.lower_ == "they" else ("NN", "NNP")
        found = None
        for x in self.sent:
            if x.i >= t.i:
                break
            if x.dep_ in ("nsubj", "nsubjpass") and x.pos_ in ("PROPN", "NOUN") and x.tag_ in tags:
                a = self.np_actor(x)
                if a is not None and a.person is None and not a.place and not self._personal(a, x):
                    found = a
        return found

    def _plural_before(self, t: Token) -> list[tuple[Actor, int]]:
        """"spoke with his Armenian and Azerbaijani counterparts and pressed them": "them" stands for the
        nearest plural or coordinated phrase before it in its sentence that names actors (not the subject
        of its own verb, which would be "themselves")."""
        own = {c.i for c in t.head.children if c.dep_ in ("nsubj", "nsubjpass")}
        best: list[tuple[Actor, int]] = []
        for x in self.sent:
            if x.i >= t.i:
                break
            if x.i in own or x.pos_ not in ("NOUN", "PROPN") or x.dep_ not in (
                    "dobj", "pobj", "nsubj", "nsubjpass", "dative", "appos"):
                continue
            if x.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in x.children):
                found = self.actors_of(x)
                if found:
                    best = found
        return [(_renamed(a, t.text), t.i) for a, _ in best]

    def _thing_before(self, t: Token) -> bool:
        """The nearest subject before "it" ("they") in its sentence is a singular (plural) noun that names
        no actor: the pronoun stands for that thing ("the fighting ... and it has gone on")."""
        tags = ("NN",) if t.lower_ == "it" else ("NNS",)
        near = None
        for x in self.sent:
            if x.i >= t.i:
                break
            if x.dep_ in ("nsubj", "nsubjpass") and x.pos_ in ("NOUN", "PROPN", "PRON"):
                near = x
        return (near is not None and near.pos_ == "NOUN" and near.tag_ in tags and near.i not in self.by_token
                and self.np_actor(near) is None)

    @guarded(lambda: None)
    def pronoun(self, t: Token, reporters: list[tuple[Actor, int]] | None) -> Actor | None:
        low = t.lower_
        if low in ("i", "we", "me", "us", "our", "my"):
            quoted, _ = self.quoted(t)
            if quoted:
                actor = self._quote_speaker_actor(t)
                if actor is not None:
                    return _renamed(actor, t.text)
            return None
        if low in ("it", "they", "he", "she") and reporters and not (
                low == "they" and self.doc[reporters[0][1]].lower_ in ("he", "she")):
            # (but "They fired from their positions," he said: "they" are not the one who speaks)
            return _renamed(reporters[0][0], t.text)
        if low in ("him", "her") and t.tag_ == "PRP":
            # "seized the diplomat and detained him": the person named last before it in its sentence
            # (not the subject of its own verb, which would be "himself"), else the last person named
            own = {c.i for c in t.head.children if c.dep_ in ("nsubj", "nsubjpass")}
            near = None
            for x in self.sent:
                if x.i >= t.i:
                    break
                if x.i not in own and x.pos_ in ("PROPN", "NOUN") and x.tag_ in ("NN", "NNP") and x.dep_ != "compound":
                    a = self.np_actor(x)
                    if a is not None and self._personal(a, x):
                        near = a
            near = near or self.state.last_person
            return _renamed(near, t.text) if near is not None else None
        if low in ("he", "she"):
            near = self._person_before(t)
            if near is not None:
                return _renamed(near, t.text)
            speaker = self.state.last_speaker[0] if self.state.last_speaker else None
            if speaker is not None and self._personal(speaker):
                return _renamed(speaker, t.text)
            if self.state.last_person is not None:
                return _renamed(self.state.last_person, t.text)
            if speaker is not None and speaker.role != "MED":
                return _renamed(speaker, t.text)  # (a news agency is never "he")
        if low in ("it", "they") and t.dep_ in ("nsubj", "nsubjpass") and self._thing_before(t):
            return None  # "the fighting has featured drones, and it has gone on": the thing, not a party
        if low in ("it", "they") and t.dep_ in ("nsubj", "nsubjpass") and (near := self._group_before(t)) is not None:
            # "the Security Council decided that ..., and it urged Israel to ...": its own sentence's subject
            return _renamed(near, t.text)
        if low in ("it", "they") and t.dep_ in ("nsubj", "nsubjpass") and self.state.last_group is not None:
            # "Moscow denied the report. It said ...": the state or group last named as a subject
            return _renamed(self.state.last_group, t.text)
        return None


def _own_organ_again(t: Token, a: Actor, found: list[tuple[Actor, int]]) -> bool:
    """A listed item owned by "its" or "their" that is of the state of an item before it ("Russia and
    its army", "the Lithuanian people and their government"; an organ of no state named is the owner's
    own): that party again, not a second party (the codebook's annotators code the act once)."""
    return (t.dep_ == "conj" and any(c.dep_ == "poss" and c.lower_ in ("its", "their") for c in t.children)
            and (a.country == UNKNOWN_COUNTRY or any(x.country == a.country for x, _ in found)))


def _the_country_noun(t: Token) -> bool:
    """"the country", "this nation": a state pointed back to, with no modifier naming which."""
    return (t.pos_ == "NOUN" and t.tag_ == "NN" and t.lemma_.lower() in ("country", "nation")
            and any(c.dep_ == "det" and c.lower_ in ("the", "this") for c in t.children)
            and not any(c.dep_ in ("amod", "compound", "poss", "prep", "nmod") for c in t.children))


def _counterparts(t: Token) -> bool:
    """"the ministers", "the leaders": a plural, with "the" alone, of an office each side holds once."""
    return (t.tag_ in ("NNS", "NNPS") and grammar.common_lemma(t) in SIDE_OFFICES
            and all(c.dep_ == "det" and c.lower_ == "the" for c in t.children if c.dep_ not in ("punct", "advmod")))


def _side(a: Actor) -> tuple[str, str | None]:
    """Which side of a fight an actor is on: its state's organs (army, police, government) are one side."""
    return a.country, "STATE" if a.role in STATE_ORGANS or a.role is None else a.role


def _at_boundary(t: Token) -> bool:
    """A border or a place on one ("the border", "a border crossing", "the frontier post"): a state
    modifying it says which line, not whose side."""
    low = t.lemma_.lower()
    if low in BOUNDARY_NOUNS:
        return True
    return low in BOUNDARY_PLACES and any(c.dep_ in ("compound", "amod") and c.lemma_.lower() in BOUNDARY_NOUNS
                                          for c in t.children)


def _not_owner(t: Token) -> bool:
    """A head whose national modifier does not name its holder: a border, or a land that used to be
    that state's ("the former Spanish territory", "a former British colony")."""
    if _at_boundary(t):
        return True
    return t.lemma_.lower() in FORMER_HOLDINGS and any(c.dep_ == "amod" and c.lower_ == "former" for c in t.children)


#: Prepositions of where an act happened or who reports it: their object is no party to the act.
ASIDE_PREPS = frozenset({"in", "at", "near", "outside", "inside", "from", "across", "throughout"})


def _aside(t: Token) -> bool:
    """A state named beside an act, not as its party: the place it happened in ("gathered in
    Belgrade"), the source of the report ("according to Tajikistan"), or the other side of a border
    ("villages close to the border with Iran", "on the Turkish border")."""
    h = t
    while h.dep_ in ("compound", "amod", "poss", "flat", "conj", "appos") and h.head.i != h.i:
        h = h.head
    if h.dep_ == "pobj":
        prep = h.head
        if prep.lower_ in ASIDE_PREPS or (prep.lower_ == "to" and prep.head.lower_ == "according"):
            return True
        if prep.lower_ == "with" and prep.head.lemma_.lower() in BOUNDARY_NOUNS:
            return True
    return t.dep_ in ("amod", "compound") and _at_boundary(t.head)
