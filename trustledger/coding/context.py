"""Where a generic actor belongs: "police", "demonstrators", "the army", "rebels" name no state, but
the report does. CAMEO codes such actors with the state they act in, so that a court in Cairo
sentencing activists is a domestic Egyptian event rather than one without a country. The evidence,
strongest first: a place or state the sentence puts the actor in ("in Monrovia", "in northern
Iraq"), the one state whose organs the sentence names ("Liberian riot police ... demonstrators"),
and the state the report is about: the one it has named most so far, its dateline ("LAGOS —")
counting as one mention and winning ties. When the report has named no state yet (a generic actor in
its first sentence), the state the rest of the report names most is taken: a reader takes "police
fired tear gas" in a Seoul story's lead for South Korea's police although "South Korea" comes two
sentences later."""

from __future__ import annotations

import unicodedata
from collections import Counter
from dataclasses import replace

from spacy.tokens import Span

from trustledger.coding.actors import UNKNOWN_COUNTRY, Actor, ActorMention
from trustledger.words import words

#: Modifiers that say the actor is not of the state around it ("a foreign government").
ELSEWHERE = words("elsewhere_modifiers")
#: Lands once held by a state ("the former Portuguese colony"): the state modifying one is not a party.
FORMER_HOLDINGS = words("former_holdings")
#: Prepositions that put an actor somewhere ("police in Lagos", "fighting across Kosovo").
LOCATIVE = words("locative_prepositions")
#: Nouns of a line between states: a state named as their modifier places nothing on either side.
BOUNDARIES = frozenset({"border", "frontier", "boundary", "borderline"})
#: Roles whose mention does not say which state's organs act in a sentence: reporters and aid groups.
NOT_ORGANS = frozenset({"MED", "NGO"})
#: Roles of persons by title who act at home (a judge, a police chief, a general): with one state's
#: organs named in the sentence and none of its people, such a person is of that state.
HOME_OFFICES = frozenset({"JUD", "COP", "MIL"})
#: Where a document's parties are remembered between sentences (a spaCy Doc is one document): the people
#: it introduced, the states of its armed groups and opposition, the last parties to use force.
PARTIES_KEY = "trustledger.parties"
#: Nouns of those who fight to break a territory away: named by a people ("Albanian separatists"), they
#: are of the state whose territory they want, not of their kin's state.
SEPARATIST_NOUNS = frozenset({"separatist", "secessionist"})
#: Roles of groups that belong to one state through the whole report ("UNITA rebels" early on, later
#: "the rebels" in a story datelined from elsewhere): a bare role noun takes the state named with it last.
GROUP_ROLES = frozenset({"REB", "OPP"})
#: The key of the report memory that holds the states whose armed forces the report has named.
FORCES_KEY = "forces"


def plain(word: str) -> str:
    """A name without its accents ("Condé" and "Conde" are one surname)."""
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))


def recall(sent: Span, mentions: list[ActorMention]) -> list[ActorMention]:
    """The mentions with the people the report introduced before put back in their office: once a
    report has named "Portuguese President Marcelo Rebelo de Sousa", a later "Sousa" is him (not a
    Brazilian town of that name), and "Prime Minister Sheikh Hasina", placed in Bangladesh by the first
    sentence, stays Bangladesh's when a later sentence names another state first."""
    people = sent.doc.user_data.get(PARTIES_KEY, {}).get("people")
    if not people:
        return mentions
    out = []
    for m in mentions:
        a = m.actor
        key = None
        if a.person is not None and a.country == UNKNOWN_COUNTRY:
            key = plain(a.person.split()[-1].lower())
        elif m.end - m.start == 1 and (a.place or a.person is not None):
            key = plain(sent.doc[m.start].lower_)
        known = people.get(key) if key else None
        if known is None or known.code == a.code:
            out.append(m)
            continue
        out.append(replace(m, actor=replace(known, text=a.text, person=a.person or known.person, place=False,
                                            settled=True)))
    return out


def _state(actor: Actor) -> str | None:
    """A state the mention names (not an international body, not another generic actor)."""
    if actor.country in (UNKNOWN_COUNTRY, "IGO") or len(actor.country) != 3:
        return None
    return actor.country


#: Nouns of a kind of place that news names a place after ("the northern province of X", "the city of X").
PLACE_KINDS = frozenset({"province", "city", "town", "region", "district", "state", "village", "capital",
                         "county", "governorate", "prefecture", "port", "area", "island", "enclave"})


def located_states(sent: Span, mentions: list[ActorMention]) -> list[tuple[int, str]]:
    """(token index, state) of the places and states the sentence names after a locative preposition,
    directly or as the owner of a place ("in East Timor's capital Dili")."""
    by_token = {i: m for m in mentions for i in range(m.start, m.end)}
    out = []
    for m in mentions:
        state = _state(m.actor)
        if state is None:
            continue
        head = sent.doc[m.end - 1]
        while head.dep_ in ("compound", "poss", "amod", "flat", "case") and head.head.i != head.i:
            if head.head.i in by_token and by_token[head.head.i] is not m:
                break
            head = head.head
        if head.lemma_.lower() in BOUNDARIES and head.i >= m.end:
            continue  # "near the Guatemalan border" says nothing of which side the actor is on
        if _bureau(sent, m, by_token):
            continue  # "sent by fax to The Associated Press in Lisbon": where the reporter sits
        if (head.dep_ == "pobj" and head.head.lower_ == "of" and head.head.head.lemma_.lower() in PLACE_KINDS
                and head.head.head.i < m.start):
            head = head.head.head  # "in the northern province of Luapula": where the province is
            while head.dep_ in ("compound", "amod", "flat") and head.head.i != head.i:
                head = head.head
        if head.dep_ == "pobj" and head.head.lower_ in LOCATIVE:
            out.append((m.start, state))
        elif head.dep_ == "appos" and head.head.dep_ == "pobj" and head.head.head.lower_ in LOCATIVE:
            out.append((m.start, state))
    return out


def _bureau(sent: Span, m: ActorMention, by_token: dict[int, ActorMention]) -> bool:
    """A place named as where a news medium is ("The Associated Press in Lisbon, Portugal", "told
    Reuters in Nairobi"): the city of a reporter's bureau is where the story was filed, not where its
    actors are, so it places no one and is not among the states the report is about."""
    head = sent.doc[m.end - 1]
    while head.dep_ in ("compound", "flat", "appos", "conj", "npadvmod") and head.head.i != head.i:
        head = head.head
    if head.dep_ != "pobj" or head.head.lower_ not in LOCATIVE:
        return False
    owner = by_token.get(head.head.head.i)
    return owner is not None and owner is not m and owner.actor.role == "MED"


#: Names of a legislature that many states use: the institutions table gives the best-known one's state.
SHARED_LEGISLATURES = frozenset({"congress", "the congress"})


def _home_legislature(m: ActorMention, home: str | None) -> ActorMention:
    """"Congress" in a report datelined Lima or La Paz is Peru's or Bolivia's, not the US Congress the
    institutions table names by default; a qualified one ("the U.S. Congress") is a longer mention."""
    a = m.actor
    if home is None or home == a.country or a.role != "LEG" or a.text.lower() not in SHARED_LEGISLATURES:
        return m
    return replace(m, actor=replace(a, code=home + "LEG", country=home, settled=True))


def localise(sent: Span, mentions: list[ActorMention], home: str | None, seen: Counter) -> list[ActorMention]:
    """The mentions with every generic actor given the state the report places it in (unchanged when
    nothing does); people the report introduced before keep the office it gave them (`recall`)."""
    mentions = recall(sent, _spelled_out(sent, [_home_legislature(m, home) for m in mentions]))
    where = {i: m.actor.country for m in mentions for i in range(m.start, m.end)}
    by_token = {i: m for m in mentions for i in range(m.start, m.end)}
    bureaus = {m.start for m in mentions if _bureau(sent, m, by_token)}  # (asked once: used twice below)
    mentions = [replace(m, actor=replace(m.actor, settled=True))
                if m.start in bureaus and _state(m.actor) and not m.actor.settled
                else _former_owner(sent, m, where) for m in mentions]
    groups = sent.doc.user_data.setdefault(PARTIES_KEY, {}).setdefault("groups", {})
    if not any(m.actor.country == UNKNOWN_COUNTRY or _ethnic(sent, m) for m in mentions):
        _note_groups(mentions, groups)
        _note_acronyms(sent, mentions)
        return mentions
    located = located_states(sent, mentions)
    # the one state whose own organs the sentence names ("Liberian riot police ... demonstrators"); a
    # state named as a place or object ("shelled a Turkish town") says nothing of who acted
    # (media and aid groups report and help, they are not the state's organs: "told Agence France-Presse")
    named = {s for m in mentions if (s := _state(m.actor)) and m.actor.role and m.actor.role not in NOT_ORGANS
             and m.start not in bureaus}
    out = []
    for m in mentions:
        if _ethnic(sent, m):
            # "ethnic Albanians in Kosovo": a people of the state they live in, not the state of their kin
            m = replace(m, actor=replace(m.actor, code=UNKNOWN_COUNTRY + (m.actor.role or "CVL"),
                                         country=UNKNOWN_COUNTRY, role=m.actor.role or "CVL"))
        if m.actor.country != UNKNOWN_COUNTRY or m.actor.settled or _elsewhere(sent, m):
            out.append(m)
            continue
        state = _possessor(sent, m, mentions)
        if state is not None:
            pass  # "Iran said its navy had seized a tanker": the navy of the state "its" stands for
        elif located:
            state = min(located, key=lambda x: abs(x[0] - m.start))[1]
        elif len(named) == 1 and (m.actor.person is None or (m.actor.role in HOME_OFFICES and not any(
                o.actor.person for o in mentions if o.actor.country in named))):
            # (a person by title of government is as likely the other side's: "President X welcomed South
            # Africa's leader", "Foreign Minister X met Chilean officials"; but a judge, a police chief or a
            # general acts at home: "Judge X opened inquiries into Chilean officials" is Chile's judge)
            state = next(iter(named))
        elif m.actor.role in GROUP_ROLES and m.actor.person is None and m.actor.role in groups:
            state = groups[m.actor.role]  # "the rebels" of a report that named "UNITA rebels" before
        elif m.actor.role == "MIL" and m.actor.person is None and len(groups.get(FORCES_KEY, ())) == 1:
            # "the troops", "soldiers" of a report that has named one state's forces ("Soviet troops took
            # over the television tower" in a Vilnius report): those forces, not the report state's
            state = next(iter(groups[FORCES_KEY]))
        else:
            state = _report_state(home, seen) or _document_state(sent)
        if state is None:
            out.append(m)
            continue
        role = m.actor.role or ""
        out.append(replace(m, actor=replace(m.actor, code=state + role, country=state, settled=True)))
    _note_groups(mentions, groups)
    _note_acronyms(sent, out)
    return out


def _possessor(sent: Span, m: ActorMention, mentions: list[ActorMention]) -> str | None:
    """The state "its" or "their" stands for in "Kenya said its forces had repelled ...": the state
    (or a state's group) that is the subject of a clause before the possessive in its own sentence;
    for a subject only."""
    head = sent.doc[m.end - 1]
    owner = next((c for c in head.children if c.dep_ == "poss" and c.lower_ in ("its", "their")), None)
    if owner is None or head.dep_ not in ("nsubj", "nsubjpass"):
        return None  # (as an object, "withdrew its troops", the owner's own are no other party)
    by_token = {i: x for x in mentions for i in range(x.start, x.end)}
    found = None
    for t in sent:
        if t.i >= owner.i:
            break
        x = by_token.get(t.i)
        if x is not None and t.dep_ in ("nsubj", "nsubjpass") and x.actor.person is None and not x.actor.place:
            found = _state(x.actor) or found
    return found


def _note_acronyms(sent: Span, mentions: list[ActorMention]) -> None:
    """Remember the short forms a report gives in brackets after a name ("the South Lebanon Army
    (SLA)", "the Collective Security Treaty Organization (CSTO)"): a later bare "SLA" is that actor."""
    doc = sent.doc
    for m in mentions:
        i = m.end
        if (i + 2 < sent.end and doc[i].text == "(" and doc[i + 2].text == ")" and _acronym(doc[i + 1].text)
                and not m.actor.place and m.actor.person is None):
            doc.user_data.setdefault(PARTIES_KEY, {}).setdefault("acronyms", {})[doc[i + 1].text] = m.actor


def _acronym(text: str) -> bool:
    """"SLA", "CSTO", "PKK": two to six capitals (a digit or a lower-case letter may be among them)."""
    return 2 <= len(text) <= 6 and text[:1].isupper() and sum(c.isupper() for c in text) >= 2 and text.isalnum()


def _spelled_out(sent: Span, mentions: list[ActorMention]) -> list[ActorMention]:
    """The mentions with the short forms the report spelled out before added ("the SLA" after "the
    South Lebanon Army (SLA)"), where no dictionary names them: one dictionary look-up per word in
    capitals, only once the report has given a short form."""
    known = sent.doc.user_data.get(PARTIES_KEY, {}).get("acronyms")
    if not known:
        return mentions
    taken = {i for m in mentions for i in range(m.start, m.end)}
    extra = [ActorMention(t.i, t.i + 1, replace(known[t.text], text=t.text)) for t in sent
             if t.i not in taken and t.text in known]
    return sorted(mentions + extra, key=lambda m: m.start) if extra else mentions


def _former_owner(sent: Span, m: ActorMention, where: dict[int, str]) -> ActorMention:
    """A state named only to say where or whose a place was is no party to the report: a land's
    former holder ("the former Portuguese colony", "a former Soviet republic") or a town's state
    ("in Lisbon, Portugal": the state after a town of its own, `where` holding each token's state).
    It is settled, so that it does not count among the states
    the report is about (Angola's war told from "Lisbon, Portugal" is not Portugal's)."""
    a = m.actor
    head = sent.doc[m.end - 1]
    if a.role is not None or a.person is not None or a.place or a.settled or _state(a) is None:
        return m
    if (head.dep_ in ("amod", "compound") and head.head.lemma_.lower() in FORMER_HOLDINGS
            and any(c.dep_ == "amod" and c.lower_ == "former" for c in head.head.children)) or (
            head.dep_ == "appos" and where.get(head.head.i) == a.country):
        return replace(m, actor=replace(a, settled=True))
    return m


def _elsewhere(sent: Span, m: ActorMention) -> bool:
    """A modifier says the actor is not of the state around it ("a foreign government", "other
    forces"); one inside the office's own name ("the foreign ministry", "the Foreign Office") does not:
    that is the report's state's own office for dealings abroad."""
    return any(c.lower_ in ELSEWHERE and not m.start <= c.i < m.end - 1
               for t in sent.doc[m.start:m.end] for c in [t, *t.children])


def _ethnic(sent: Span, m: ActorMention) -> bool:
    """A nationality word after "ethnic" ("ethnic Albanians", "ethnic Russian separatists")."""
    a = m.actor
    if (a.role == "REB" and a.person is None and m.end - m.start == 2 and _state(a) is not None
            and sent.doc[m.end - 1].lemma_.lower() in SEPARATIST_NOUNS):
        return True  # "Albanian separatists" in Kosovo: a people's separatists break from the state they live in
    return (m.start > sent.start and sent.doc[m.start - 1].lower_ == "ethnic" and a.person is None and not a.place
            and a.role in (None, "CVL", "REB", "OPP") and _state(a) is not None)


def _note_groups(mentions: list[ActorMention], groups: dict[str, str]) -> None:
    """Remember the state of the armed groups and opposition a sentence names with their state."""
    for m in mentions:
        a = m.actor
        if a.role in GROUP_ROLES and a.person is None and not a.settled and (state := _state(a)):
            groups[a.role] = state
        if a.role == "MIL" and a.person is None and not a.settled and (state := _state(a)):
            groups.setdefault(FORCES_KEY, set()).add(state)  # the states whose forces the report named


def context_state(sent: Span, mentions: list[ActorMention], home: str | None, seen: Counter) -> str | None:
    """The state a sentence's events happen in, by the same evidence as `localise`: a place it names
    after a locative preposition, the dateline, the state the report has named most."""
    located = located_states(sent, mentions)
    if located:
        return located[0][1]
    return _report_state(home, seen)


def _report_state(home: str | None, seen: Counter) -> str | None:
    """The state the report is about: the one it has named most, the dateline counting as one
    mention and winning ties ("LISBON — Angola's UNITA rebels ..." is about Angola once Angola has
    been named more than Portugal)."""
    votes = Counter({home: 1}) if home else Counter()
    votes.update(seen)
    if not votes:
        return None
    best = max(votes.values())
    return home if home and votes[home] == best else votes.most_common(1)[0][0]


def _document_state(sent: Span) -> str | None:
    """The state the rest of the document names most (read once per document, on first need), for a
    generic actor met before the report has named any state. The sentence's own states do not count:
    in "rebels shelled a Turkish border town" Turkey is where the shells fell, not whose rebels."""
    doc = sent.doc
    key = "trustledger.document_states"
    if key not in doc.user_data:
        from trustledger.coding.actors import ActorResolver

        doc.user_data[key] = [(m.start, s) for m in ActorResolver.default().mentions(doc[:], None)
                              if (s := _state(m.actor)) and not m.actor.place]
    seen = Counter(s for i, s in doc.user_data[key] if not sent.start <= i < sent.end)
    return seen.most_common(1)[0][0] if seen else None


def note_states(mentions: list[ActorMention], seen: Counter) -> None:
    """Count the states a sentence names, for the sentences after it."""
    for m in mentions:
        state = _state(m.actor)
        if state is not None and not m.actor.place and not m.actor.settled:
            seen[state] += 1
