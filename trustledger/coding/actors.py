"""Who is acting: words in a sentence → CAMEO actor codes (country + role), dated.

Everything the resolver knows comes from data files (trustledger/data/countries.csv,
institutions.csv, people.csv, agents.csv) plus pycountry's country names, and optionally
PETRARCH/Phoenix dictionaries. Matching is a spaCy PhraseMatcher over lower-cased tokens
(one pass per sentence, longest match wins), followed by two small steps that need the
parse: a person's title or nationality in front of the name joins the mention ("Russian
President Vladimir Putin"), and a role noun attached to a country ("Iran's foreign minister",
"the Russian military", "the government of Syria") turns the country into country + role.

People resolve to the office they held on the event date (`on`): Gorbachev in 1989 is the
Soviet government (USR), Putin in 2015 RUSGOV; a known person out of office on that date is
coded as the country's elite (ELI), the CAMEO convention for former officials.
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
import io
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token

from trustledger.errors import InputError
from trustledger.words import words

#: Words that may stand before a person's name and become part of the mention.
HONORIFICS = words("honorifics")
#: Honorifics that are a title of office or address, never an ordinary adjective ("former", "top").
TITLE_WORDS = words("title_words")
#: Lower-case particles inside personal names ("Rebelo de Sousa", "von der Leyen").
NAME_PARTICLES = words("name_particles")
#: Roles whose mentions are not a state's voice; kept as they are when merging with a country.
PERSON_ROLE_OUT_OF_OFFICE = "ELI"
#: Adjectives that tie a role noun to whose side it is on ("forces loyal to X", "militias allied with X").
ALLEGIANCE = frozenset({"loyal", "allied", "affiliated", "linked", "close", "faithful"})
#: Country code of a generic actor whose state the sentence does not name ("insurgents", "the police").
UNKNOWN_COUNTRY = "---"
#: Roles a bare role noun stands for on its own, as CAMEO/Phoenix code them ("---REB"): armed groups,
#: forces, protesters and civilians act as groups, and so do the groups of society CAMEO gives a
#: sector code (students EDU, refugees REF, journalists MED, workers LAB, farmers AGR, doctors HLH,
#: clerics REL, criminals CRM, aid groups NGO), and so do the courts and judges (JUD: "the court
#: sentenced", "a judge ordered"), a society's elders and notables (ELI: "tribal elders demanded") and
#: its legislators (LEG: "lawmakers denounced", as annotators code them for the report's state);
#: a bare "minister" or "company" says too little.
GENERIC_ROLES = frozenset({"REB", "MIL", "COP", "OPP", "CVL", "EDU", "REF", "MED", "LAB", "AGR", "HLH", "REL", "LEG",
                           "CRM", "NGO", "JUD", "ELI"})
#: Role nouns that are also abstract nouns ("brought to justice", "immune from prosecution"): never a
#: generic actor on their own.
ABSTRACT_ROLE_NOUNS = frozenset({"justice", "prosecution", "elite", "judiciary"})
#: Prepositions of place ("outside the court"): a court after one is the building, not the judges.
PLACE_PREPOSITIONS = words("locative_prepositions")
#: Bare government nouns that are generic actors too ("the government expressed ...").
GENERIC_GOV = frozenset({"government", "regime", "authority", "administration"})
_SPLIT = re.compile(r"\s*[|;]\s*")


@dataclass(frozen=True)
class Actor:
    code: str  # full CAMEO code: "RUSGOV", "IRN", "IGOUNO", "USAMIL"
    country: str  # three letters: "RUS", "IRN", or "IGO" for international bodies
    role: str | None  # "GOV", "MIL", "LEG", ... or None
    text: str  # the words that named it in the sentence
    person: str | None = None  # canonical person name when it came from the people dictionary
    place: bool = False  # named by a place inside the country (a state, a city), not by the state
    #: whose state it is needs no more context: inferred from the report (coding/context.py), so not
    #: evidence for later sentences, or none at all (a transnational NGO, coded `---NGO` as CAMEO does)
    settled: bool = False


@dataclass(frozen=True)
class ActorMention:
    start: int  # token index in the spaCy Doc
    end: int  # exclusive
    actor: Actor


@dataclass(frozen=True)
class _Entry:
    """One candidate reading of a phrase; people have one entry per office."""

    kind: str  # country, metonym, institution, person, title, place
    country: str
    role: str | None = None
    code: str | None = None  # full code when it is not country + role (IGOUNO, IRNGOVMIL ...)
    person: str | None = None
    start: dt.date | None = None
    end: dt.date | None = None
    city: bool = False  # a town of the GeoNames gazetteer (coding/gazetteer.py), not a place we listed

    def valid(self, on: dt.date | None) -> bool:
        if on is None:
            return True
        return (self.start is None or self.start <= on) and (self.end is None or on <= self.end)

    @property
    def full(self) -> str:
        return self.code or (self.country + (self.role or ""))


@dataclass
class _Country:
    code: str
    successor_of: str | None = None
    valid_until: dt.date | None = None
    valid_from: dt.date | None = None  # a state that split off: before this day its land was...
    part_of: str | None = None  # ...this state's (Kosovo SRB until 2008-02-17, South Sudan SDN until 2011)


def _day(value: str | None, where: str) -> dt.date | None:
    v = (value or "").strip()
    if not v or v in ("-", "present", "now"):
        return None
    try:
        if len(v) == 4:
            return dt.date(int(v), 1, 1)
        if len(v) == 7:
            return dt.date(int(v[:4]), int(v[5:7]), 1)
        return dt.date.fromisoformat(v[:10])
    except ValueError:
        raise InputError(where, f"unreadable date {v!r} (expected YYYY, YYYY-MM or YYYY-MM-DD)") from None


def _end_day(value: str | None, where: str) -> dt.date | None:
    """An end given as a year or month means the end of that year or month."""
    v = (value or "").strip()
    d = _day(v, where)
    if d is None:
        return None
    if len(v) == 4:
        return dt.date(d.year, 12, 31)
    if len(v) == 7:
        nxt = dt.date(d.year + (d.month == 12), d.month % 12 + 1, 1)
        return nxt - dt.timedelta(days=1)
    return d


def _items(value: str | None) -> list[str]:
    return [v for v in _SPLIT.split(value or "") if v.strip()]


def _rows(text: str, where: str, required: Sequence[str]) -> list[dict[str, str]]:
    reader = csv.DictReader(io.StringIO(text))
    missing = [c for c in required if c not in (reader.fieldnames or [])]
    if missing:
        raise InputError(where, f"missing column(s) {', '.join(missing)}")
    return [{k: (v or "").strip() for k, v in r.items() if k} for r in reader]


def _data_file(name: str) -> tuple[str, str] | None:
    f = resources.files("trustledger") / "data" / name
    if not f.is_file():
        return None
    return f.read_text(encoding="utf-8"), str(f)


@functools.cache
def role_nouns() -> dict[str, str]:
    """Role nouns (lemma, lower case, one or two words) → CAMEO role, from data/agents.csv."""
    found = _data_file("agents.csv")
    if found is None:
        return {}
    text, where = found
    return {r["text"].lower(): r["role"].upper() for r in _rows(text, where, ["text", "role"]) if r["text"]}


@dataclass
class _Lexicon:
    """Phrase → candidate entries, plus what the resolver needs to date them."""

    phrases: dict[str, list[_Entry]] = field(default_factory=dict)
    countries: dict[str, _Country] = field(default_factory=dict)
    agents: dict[str, str] = field(default_factory=dict)

    def add(self, phrase: str, entry: _Entry) -> None:
        key = " ".join(phrase.lower().split())
        if not key:
            return
        bucket = self.phrases.setdefault(key, [])
        if entry not in bucket:
            bucket.append(entry)

    def copy(self) -> _Lexicon:
        return _Lexicon({k: list(v) for k, v in self.phrases.items()}, dict(self.countries), dict(self.agents))


def _base_lexicon() -> _Lexicon:
    import pycountry

    from trustledger.coding.countries import CAMEO_EXTRA, DEPENDENCIES, constituent_nations

    lex = _Lexicon(agents=dict(role_nouns()))
    for c in pycountry.countries:
        for attr in ("name", "common_name"):
            v = getattr(c, attr, None)
            if v and "," not in v:
                # a dependent territory is a place of its state ("in Greenland" → DNK), as CAMEO codes it
                lex.add(v, _Entry("place", DEPENDENCIES[c.alpha_3]) if c.alpha_3 in DEPENDENCIES
                        else _Entry("country", c.alpha_3))
    for name, state in constituent_nations().items():
        if " ".join(name.lower().split()) not in lex.phrases:
            lex.add(name, _Entry("place", state))  # "Police in England" are British police
    for code, name in CAMEO_EXTRA.items():
        if code != "IGO":
            lex.add(name, _Entry("country", code))
    _load_countries(lex)
    _load_institutions(lex)
    _load_people(lex)
    _load_places(lex)
    _load_short_forms(lex)
    return lex


def _load_short_forms(lex: _Lexicon) -> None:
    """Every multi-word state or place name also in the short forms news writes ("S. Africa", "Dem.
    Rep. of Congo", "St. Lucia": coding/name_forms.py). A form never takes a phrase the lexicon already
    reads, and a form two names of different states share ("N. X" of "North X" and "Northern X") is
    left out: which one, the sentence must say."""
    from trustledger.coding.name_forms import short_forms

    claims: dict[str, set[_Entry]] = {}
    for phrase, entries in lex.phrases.items():
        if " " not in phrase or any(e.kind not in ("country", "place", "metonym") for e in entries):
            continue
        if len({e.full for e in entries}) != 1:
            continue
        for form in short_forms(_title_case(phrase)):
            key = " ".join(form.lower().split())
            if key not in lex.phrases:
                claims.setdefault(key, set()).add(entries[0])
    for key, found in claims.items():
        if len({e.full for e in found}) == 1:
            lex.add(key, next(iter(found)))


def _title_case(phrase: str) -> str:
    """A lexicon key (lower case) with its words capitalised, as `short_forms` reads names: small
    words ("of", "the", "and") stay lower case and are never shortened."""
    return " ".join(w if w in ("of", "the", "and", "de", "du", "la", "le") else w[:1].upper() + w[1:]
                    for w in phrase.split())


def _load_places(lex: _Lexicon) -> None:
    """Sub-national places and major cities stand for their country ("in Zurich" → CHE), as CAMEO
    codes a location by the state it is in. A place never overrides a name already known (a capital,
    a country, a person): it is only added where the phrase has no other reading."""
    found = _data_file("places.csv")
    if found is None:
        return
    text, where = found
    for r in _rows(text, where, ["text", "country"]):
        key = " ".join(r["text"].lower().split())
        if r["country"] and key not in lex.phrases:
            lex.add(r["text"], _Entry("place", r["country"].upper()))
    from trustledger.coding.countries import sovereign
    from trustledger.coding.gazetteer import cities, subdivisions

    generic = words("generic_place_words")
    for name, state in cities().items():
        if name.lower() in generic:
            continue  # a word for a kind of place ("jebel", mountain) names no one town when alone
        if " ".join(name.lower().split()) not in lex.phrases:
            lex.add(name, _Entry("place", sovereign(state), city=True))
    named = _person_words(lex)
    for name, state in subdivisions().items():
        key = " ".join(name.lower().split())
        if key in generic or key in named or key in lex.phrases:
            continue  # a word of a person's name ("Sabah", "Qasim") is a person's before a province's
        lex.add(name, _Entry("place", sovereign(state)))


def _person_words(lex: _Lexicon) -> set[str]:
    """Every word of the people's names the lexicon knows: a region sharing one ("Sabah" of Malaysia,
    "Sheikh Sabah" of Kuwait) would turn a person's given name into a place."""
    return {w for phrase, entries in lex.phrases.items() if any(e.kind == "person" for e in entries)
            for w in phrase.split()}


def _load_countries(lex: _Lexicon) -> None:
    found = _data_file("countries.csv")
    if found is None:
        return
    text, where = found
    for r in _rows(text, where, ["code", "name"]):
        code = r["code"].upper()
        lex.countries[code] = _Country(code, (r.get("successor_of") or "").upper() or None,
                                       _end_day(r.get("valid_until"), where), _day(r.get("valid_from"), where),
                                       (r.get("part_of") or "").upper() or None)
        for phrase in [r["name"], *_items(r.get("aliases"))]:
            lex.add(phrase, _Entry("country", code))
        for adj in _items(r.get("adjectives")):
            lex.add(adj, _Entry("country", code))
            if _people_noun(adj):  # demonym as a plural noun: "the Iranians", "the Serbs", "the Czechs"
                lex.add(adj + "s", _Entry("country", code))
        for metonym in _items(r.get("capital_metonyms")):
            lex.add(metonym, _Entry("metonym", code, "GOV"))


#: Endings of national adjectives that are no noun of one person ("Chinese", "Polish", "French",
#: "Hellenic", "Swiss", "Kyrgyz", "Malagasy"): their plural with -s is no word.
ADJECTIVE_ONLY_ENDINGS = ("ese", "ish", "ic", "tch", "nch", "s", "z", "y", "x")


def _people_noun(adj: str) -> bool:
    """A one-word national adjective that is also the noun for one of its people, so that its plural
    names them ("Iranian", "Serb", "Croat", "Czech", "Greek", "Dane", "Soviet")."""
    return " " not in adj and "-" not in adj and not adj.endswith(ADJECTIVE_ONLY_ENDINGS)


def _split_code(code: str, country: str | None, role: str | None) -> tuple[str, str, str | None]:
    code = code.upper()
    ctry = (country or code[:3]).upper()
    if role is None and code.startswith(ctry) and len(code) > len(ctry):
        role = code[len(ctry):len(ctry) + 3]
    return code, ctry, (role or None)


def _load_institutions(lex: _Lexicon) -> None:
    found = _data_file("institutions.csv")
    if found is None:
        return
    text, where = found
    for r in _rows(text, where, ["text", "code"]):
        if not r["code"]:
            continue
        code, country, role = _split_code(r["code"], r.get("country") or None, (r.get("role") or "").upper() or None)
        lex.add(r["text"], _Entry("institution", country, role, code))


def _load_people(lex: _Lexicon) -> None:
    found = _data_file("people.csv")
    if found is None:
        return
    text, where = found
    rows = _rows(text, where, ["name", "country", "role"])
    surnames = _surname_counts(rows)
    given = {parts[0] for r in rows if len(parts := (r.get("name") or "").split()) > 1}
    title_countries: dict[str, set[str]] = {}
    for n, r in enumerate(rows, start=2):
        name = r["name"]
        if not name or not r["country"]:
            continue
        country = r["country"].upper()
        role = (r.get("role") or "").upper() or None
        here = f"{where}:{n}"
        entry = _Entry("person", country, role, None, name, _day(r.get("start"), here), _end_day(r.get("end"), here))
        names = [name, *_items(r.get("aliases"))]
        for phrase in names:
            lex.add(phrase, entry)
        surname = _surname_alias(name, country, names, surnames, given)
        if surname:
            lex.add(surname, entry)  # "Putin", "Khamenei"; a title in front joins the mention
        title = r.get("title") or ""
        if title:
            title_countries.setdefault(title.lower(), set()).add(country)
            lex.add("title:" + title, entry)
    # A title alone ("the Supreme Leader") names a person only when one state has that title.
    for key in [k for k in lex.phrases if k.startswith("title:")]:
        entries = lex.phrases.pop(key)
        title = key[len("title:"):]
        if len(title_countries.get(title, ())) == 1 and not _generic_title(title):
            for e in entries:
                lex.add(title, _Entry("title", e.country, e.role, None, e.person, e.start, e.end))


#: Words of office titles many states share (data/words/generic_title_words.txt).
_GENERIC_TITLE_WORDS = words("generic_title_words")


def _generic_title(title: str) -> bool:
    """A title made only of words every state's offices use ("minister for foreign affairs", "speaker of
    parliament", "chief of the army staff") names no one alone: that the file gives it to one state only
    says which states the file covers, not which state the news means."""
    bare = re.sub(r"\([^)]*\)", " ", title.lower())
    parts = [w for w in re.split(r"[^a-z-]+", bare) if w and w not in ("of", "the", "for", "and")]
    return bool(parts) and all(w in _GENERIC_TITLE_WORDS for w in parts)


#: Last words of names that are also ordinary words in news text ("in May", "on Jun 3").
_NOT_SURNAMES = words("not_surnames")
#: Last words of bodies' names ("Party", "Front", "Council"): a name after a title noun that ends in one
#: is an organisation's ("the People's Justice Party"), not a person holding the title.
ORGANISATION_HEADS = words("organisation_heads")
#: States whose names in English put the family name first: the last word is a given name.
_FAMILY_NAME_FIRST = {"CHN", "TWN", "KOR", "PRK", "VNM", "HKG", "MNG"}


def _surname_counts(rows: list[dict[str, str]]) -> dict[str, set[str]]:
    people: dict[str, set[str]] = {}
    for r in rows:
        parts = (r.get("name") or "").split()
        if len(parts) > 1:
            people.setdefault(parts[-1], set()).add(r["name"])
    return people


def _surname_alias(name: str, country: str, listed: list[str], surnames: dict[str, set[str]],
                   given: set[str] | frozenset[str] = frozenset()) -> str | None:
    """The bare surname as an extra alias, only when it is safe: the data's own aliases come first;
    a surname shared by two people, an ordinary word, a regnal number or a given name is not added
    (`given`: the first names of the dictionary's people; "Hassan" of "Jamil Hassan" is also the
    given name of "President Hassan Sheikh Mohamud", who is not him)."""
    parts = name.split()
    if len(parts) < 2 or country in _FAMILY_NAME_FIRST:
        return None
    last = parts[-1]
    if last in listed or last.lower() in _NOT_SURNAMES or len(last) < 3 or not last[:1].isupper():
        return None
    if len(surnames.get(last, ())) > 1 or last in given:
        return None
    return last


#: Aircraft families that make "fighters" aircraft ("MiG fighters"), data/words/aircraft_families.txt.
AIRCRAFT_FAMILIES = words("aircraft_families")
_DESIGNATION = re.compile(r"^[A-Za-z]{1,4}-?\d{1,3}[A-Za-z]{0,3}$")


def _aircraft_named(noun: Token) -> bool:
    """A designation or an aircraft family right before the noun ("F-16 fighters", "MiG-23", "Rafale")."""
    return any(c.dep_ in ("compound", "amod", "nmod") and c.i < noun.i
               and (_DESIGNATION.match(c.text) or c.lower_.split("-")[0] in AIRCRAFT_FAMILIES)
               for c in noun.children)


class ActorResolver:
    """Finds and codes actor mentions in parsed sentences; build once, use for many documents."""

    def __init__(self, lexicon: _Lexicon):
        from trustledger.nlp.model import load_model

        self._lex = lexicon
        self._nlp = load_model()
        self._matcher = PhraseMatcher(self._nlp.vocab, attr="LOWER")
        self._keys: dict[int, str] = {}
        tokenizer = self._nlp.tokenizer
        for phrase in lexicon.phrases:
            key_id = self._nlp.vocab.strings.add("ACTOR:" + phrase)
            self._keys[key_id] = phrase
            patterns = [tokenizer(phrase)]
            if "." in phrase:
                # "U.S.", "U.N.": capitals with dots are one token, their lower case is several
                upper = tokenizer(phrase.upper())
                if [t.lower_ for t in upper] != [t.lower_ for t in patterns[0]]:
                    patterns.append(upper)
                # "St. Louis", "Czech Rep.": a capitalised abbreviation is one token, its lower case two
                titled = tokenizer(_title_case(phrase))
                if all([t.lower_ for t in titled] != [t.lower_ for t in p] for p in patterns):
                    patterns.append(titled)
            if "'" in phrase:
                # news text often has typographic apostrophes: "Kurdistan Workers’ Party", "People’s Army"
                patterns.append(tokenizer(phrase.replace("'", "’")))
            self._matcher.add("ACTOR:" + phrase, patterns)
        self._agent_max = max((len(a.split()) for a in lexicon.agents), default=1)
        # the first word of every role noun: a token that starts none is passed over at once (_agent_at)
        self._agent_first = frozenset(a.split(" ")[0] for a in lexicon.agents)

    def names_a_city(self, text: str) -> bool:
        """Whether `text` is a city's name that the lexicon reads as its state's government (a capital:
        "Moscow protested"), which the coder reads as the city itself where it is a place of force."""
        entries = self._lex.phrases.get(" ".join(text.lower().split()), ())
        return any(e.kind in ("metonym", "place") for e in entries)

    @classmethod
    @functools.cache
    def default(cls) -> ActorResolver:
        """Our own dictionaries (trustledger/data/*.csv), built once per process."""
        return cls(_base_lexicon())

    def with_dictionaries(self, actor_files: Iterable[str | Path] = (),
                          agent_files: Iterable[str | Path] = ()) -> ActorResolver:
        """A new resolver with PETRARCH/Phoenix actor and agent dictionaries added to ours."""
        from trustledger.coding import petrarch_dicts as pd

        lex = self._lex.copy()
        actors, agents, _warnings = pd.read_actor_files([*actor_files, *agent_files])
        for a in actors:
            code, country, role = _split_code(a.code, None, None)
            if not country.isalpha():
                continue
            # a record whose root is a person's name (several dated codes) is a person
            person = " ".join(a.root).title() if a.start or a.end else None
            kind = "person" if person else ("institution" if country == "IGO" or role else "country")
            lex.add(" ".join(a.phrase), _Entry(kind, country, role, code, person, a.start, a.end))
        for g in agents:
            if not g.prefix and g.role.isalpha():
                lex.agents[" ".join(g.phrase)] = g.role.upper()
        return ActorResolver(lex)

    # -- matching -----------------------------------------------------------------------
    def mentions(self, span: Span | Doc, on: dt.date | None, generic: bool = False) -> list[ActorMention]:
        """Longest-match actor mentions in a sentence, coded for the date `on`.

        With `generic`, a role noun no country claims ("insurgents", "government forces", "the
        police") is an actor of unknown state (`---REB`), as CAMEO codes it; the event coder asks for
        these, the commitment finder (which needs states) does not."""
        doc = span.doc if isinstance(span, Span) else span
        lo = span.start if isinstance(span, Span) else 0
        hi = span.end if isinstance(span, Span) else len(doc)
        found: list[tuple[int, int, str]] = []
        for key_id, s, e in self._matcher(span):
            phrase = self._keys[key_id]
            if _capitalised(doc, s, e) or self._titled_person(doc, s, lo, phrase):
                found.append((s, e, phrase))
        found.sort(key=lambda m: (-(m[1] - m[0]), m[0]))
        taken = [False] * (hi - lo)
        out: list[ActorMention] = []
        institutions: set[int] = set()  # starts of mentions read as a state's institution
        for s, e, phrase in found:
            if any(taken[i - lo] for i in range(s, e)):
                continue
            actor = self._pick(self._lex.phrases[phrase], on, "")
            if actor is None or (actor.person is not None and _names_a_facility(doc, e, hi)):
                continue
            if s > lo and doc[s - 1].lower_ == "the" and all(x.city for x in self._lex.phrases[phrase]):
                continue  # "in the Andes", "across the Sahel": a region or a range, not the small town so named
            if e - s == 1 and (actor.person is not None or actor.place) and self._other_name(
                    doc, s, lo, hi, after=actor.person is not None):
                continue  # (a town's name closing a person's name: "Marcelo Rebelo de Sousa")
            if _sided_with(doc, s, e, lo, hi) and actor.person is None and actor.role is None:
                # "the pro-Iranian Hezbollah organization", "anti-American militias": a side taken;
                # "Iranian-backed militias", "Syrian-sponsored groups": the sponsor, not the group's state
                continue
            if actor.person is not None:
                s = self._extend_left(doc, s, lo, taken)
            for i in range(s, e):
                taken[i - lo] = True
            out.append(ActorMention(s, e, _with_text(actor, doc[s:e].text)))
            if all(x.kind == "institution" for x in self._lex.phrases[phrase]) and actor.country != "IGO":
                institutions.add(s)
        out = self._own_institutions(doc, lo, out, institutions, appositive=False)
        out = self._attach_roles(doc, lo, hi, out, taken, generic)
        out = self._own_institutions(doc, lo, out, institutions, appositive=True)
        out.sort(key=lambda m: m.start)
        return out

    def resolve(self, text: str, on: dt.date | None) -> Actor | None:
        """One phrase ("President Putin", "Tehran", "Iranian officials") → its actor, or None."""
        doc = self._nlp(text)
        best = max(self.mentions(doc[:], on), key=lambda m: m.end - m.start, default=None)
        return best.actor if best else None

    # -- helpers ------------------------------------------------------------------------
    def _pick(self, entries: list[_Entry], on: dt.date | None, text: str) -> Actor | None:
        valid = self._dated_states([e for e in entries if e.valid(on)], on)
        if not valid:
            people = [e for e in entries if e.kind in ("person", "title")]
            if not people or any(e.kind == "title" for e in people):
                return None
            # A known person out of office on that date: the country's elite (CAMEO ELI).
            nearest = min(people, key=lambda e: _distance(e, on))
            country = self._successor_on(nearest.country, on)
            return Actor(country + PERSON_ROLE_OUT_OF_OFFICE, country, PERSON_ROLE_OUT_OF_OFFICE, text,
                         nearest.person)
        if on is None and any(e.kind == "person" for e in valid):
            valid = [max((e for e in valid if e.kind == "person"), key=lambda e: e.start or dt.date.min)]
        persons = {e.person for e in valid if e.person}
        codes = {e.full for e in valid}
        if len(codes) > 1:
            # several readings: prefer a person in office, then an institution, then a country
            for kind in ("person", "title", "institution", "metonym", "country", "place"):
                k = [e for e in valid if e.kind == kind]
                if k:
                    valid = k
                    break
            codes = {e.full for e in valid}
            if len(codes) > 1 and len({e.person for e in valid}) == 1 and valid[0].person:
                # one person, two offices that day (a handover day, or a double role): the newer office
                valid = [max(valid, key=lambda e: (e.start or dt.date.min, e.full))]
            elif len(codes) > 1:
                return None
        e = valid[0]
        older = self._part_of_on(e.country, on)
        if older != e.country:
            # "the Democratic League of Kosovo" in 1998 is an actor of Serbia, which Kosovo was part of
            e = _Entry(e.kind, older, e.role, older + e.full[len(e.country):] if e.full.startswith(e.country)
                       else None, e.person, e.start, e.end)
        if e.kind == "metonym":
            country = self._predecessor_on(e.country, on)
            return Actor(country + (e.role or ""), country, e.role, text)
        return Actor(e.full, e.country, e.role, text, e.person if len(persons) == 1 else None, e.kind == "place",
                     e.country == UNKNOWN_COUNTRY)

    def _dated_states(self, entries: list[_Entry], on: dt.date | None) -> list[_Entry]:
        """A capital names the state that existed on that date: Moscow is USR until 1991-12-25."""
        if len({e.country for e in entries}) < 2:
            return entries
        countries = self._lex.countries
        ended = {e.country for e in entries if e.kind == "metonym" and countries.get(e.country)
                 and countries[e.country].valid_until and (on is None or on > countries[e.country].valid_until)}
        kept = [e for e in entries if e.country not in ended]
        preds = {countries[e.country].successor_of for e in kept if e.country in countries}
        if any(e.country in preds for e in kept):  # both still valid: the earlier state was meant
            kept = [e for e in kept if not (e.country in countries and countries[e.country].successor_of
                                            in {k.country for k in kept})]
        return kept or entries

    def _successor_on(self, code: str, on: dt.date | None) -> str:
        c = self._lex.countries.get(code)
        if c and c.valid_until and on and on > c.valid_until:
            for other in self._lex.countries.values():
                if other.successor_of == code:
                    return other.code
        return code

    def _part_of_on(self, code: str, on: dt.date | None) -> str:
        """The state a territory belonged to on `on`, before it became a state of its own."""
        c = self._lex.countries.get(code)
        if c and c.valid_from and c.part_of and on and on < c.valid_from:
            return c.part_of
        return code

    def _predecessor_on(self, code: str, on: dt.date | None) -> str:
        """Moscow in 1989 speaks for the Soviet Union: a capital's earlier state, when dated."""
        c = self._lex.countries.get(code)
        if c and c.successor_of and on:
            pred = self._lex.countries.get(c.successor_of)
            if pred and pred.valid_until and on <= pred.valid_until:
                return pred.code
        return code

    def _titled_person(self, doc: Doc, s: int, lo: int, phrase: str) -> bool:
        """A name typed in lower case still names a person behind a capitalised title ("President
        obama"): the title vouches for the name where "rice" or "straw" alone would not."""
        prev = doc[s - 1] if s - 1 >= lo else None
        return (prev is not None and prev.text[:1].isupper() and prev.lower_ in TITLE_WORDS
                and all(e.kind == "person" for e in self._lex.phrases[phrase]))

    def _other_name(self, doc: Doc, s: int, lo: int, hi: int, after: bool = True) -> bool:
        """A one-word name inside a longer name is someone else's: "Christopher Ross" is not Warren
        Christopher, "Phil Robertson" not George Robertson. A capitalised name word directly before
        (not a title, not a nationality) or after it says so."""
        before = doc[s - 1] if s - 1 >= lo else None
        following = doc[s + 1] if s + 1 < hi and after else None
        # "Marcelo Rebelo de Sousa": skip the particles back to the name word before them
        k = s - 1
        while k > lo and doc[k].lower_ in NAME_PARTICLES and doc[k].text.islower():
            k -= 1
        if k < s - 1:
            before = doc[k]
        for t in (before, following):
            if t is None or t.pos_ != "PROPN" or not t.text[:1].isupper() or not t.is_alpha:
                continue
            low = t.lower_
            if low in HONORIFICS or low in TITLE_WORDS:
                continue
            if t is before and low in self._lex.phrases and self._lex.phrases[low][0].kind in ("country", "title"):
                continue
            if t is following and (low in self._lex.phrases or t.is_sent_end):
                continue
            return True
        return False

    def _extend_left(self, doc: Doc, s: int, lo: int, taken: list[bool]) -> int:
        """Titles and a nationality before a name belong to the mention: "Iranian President Rouhani"."""
        i = s
        while i - 1 >= lo and not taken[i - 1 - lo]:
            t = doc[i - 1]
            low = t.lower_
            if low in HONORIFICS or (t.pos_ in ("ADJ", "PROPN") and low in self._lex.phrases
                                     and self._lex.phrases[low][0].kind == "country"):
                i -= 1
                continue
            break
        # never start on a dangling "of"/"state"
        while i < s and doc[i].lower_ in ("of",):
            i += 1
        return i

    @staticmethod
    def _own_institutions(doc: Doc, lo: int, out: list[ActorMention], institutions: set[int],
                          appositive: bool) -> list[ActorMention]:
        """An institution's name is often generic ("Ministry of Defence", "Supreme Court", "Special
        Action Force"): the lexicon files it under one state, but the state named with it owns it.
        "the Iraqi Ministry of Defence" and "Iraq's Ministry of Defence" are IRQMIL, and "an elite
        Venezuelan police unit, the Special Action Force" is Venezuela's (an appositive of a state's
        organ, so read once the role nouns are attached); the institution keeps its role."""
        if not institutions:
            return out
        by_end = {m.end: k for k, m in enumerate(out)}
        by_token = {i: k for k, m in enumerate(out) for i in range(m.start, m.end)}
        drop: set[int] = set()
        result = list(out)
        for k, m in enumerate(out):
            if m.start not in institutions or m.actor.role is None:
                continue
            a = m.actor
            j = by_end.get(m.start)
            if j is None and m.start - 2 >= lo and doc[m.start - 1].lower_ in ("'s", "’s", "'"):
                j = by_end.get(m.start - 1)
            owner = out[j] if j is not None and not appositive else None
            after = None if appositive else _state_after_of(doc, m.end, out, by_token)
            if owner is None and after is not None:
                j, owner = after, out[after]  # "the Export-Import Bank of China", "the Supreme Court of Pakistan"
            if owner is not None and (not _plain_state(owner.actor)
                                      or (owner.start > lo and doc[owner.start - 1].text in ("-", "–"))
                                      or (owner.end < m.start and doc[owner.end].text in ("-", "–"))):
                # "the pro-Iranian Hizbollah", "the Syrian-backed Amal militia": a side, not an owner
                owner = None
            start = min(owner.start, m.start) if owner is not None else m.start
            if owner is None and appositive:
                head = doc[m.end - 1]
                while head.dep_ in ("compound", "flat", "amod") and m.start <= head.head.i < m.end:
                    head = head.head
                other = head.head if head.dep_ == "appos" else next(
                    (c for c in head.children if c.dep_ == "appos"), None)
                # the state's organ the appositive names, its head or inside it ("members of an elite
                # Venezuelan police unit, the Special Action Force")
                near = [t for t in other.subtree if not m.start <= t.i < m.end] if other is not None else []
                q = next((by_token[t.i] for t in near if t.i in by_token and by_token[t.i] != k), None)
                if q is not None and _is_state(out[q].actor) and out[q].actor.role is not None:
                    owner = out[q]
            if owner is None or (appositive and owner.actor.country == a.country):
                continue
            country = owner.actor.country
            end = max(m.end, owner.end)
            result[k] = ActorMention(start, end, Actor(country + a.role, country, a.role, doc[start:end].text))
            if owner.end <= m.start or owner.start >= m.end:
                drop.add(j)  # the state's name is now part of the mention
        return [m for k, m in enumerate(result) if k not in drop]

    def _agent_at(self, doc: Doc, i: int) -> tuple[int, str] | None:
        """A role noun starting at token i (longest first): (end, role)."""
        first = doc[i]
        lower = first.lower_
        # every phrase tried begins with this token's lower case or (one word alone) its lemma
        if (lower.split(" ")[0] not in self._agent_first
                and _lemma(first).split(" ")[0] not in self._agent_first):
            return None
        agents = self._lex.agents
        toks = [doc[j] for j in range(i, min(i + self._agent_max, len(doc)))]
        for n in range(len(toks), 0, -1):
            last = toks[n - 1]
            if last.pos_ not in ("NOUN", "PROPN"):
                continue
            lowers = [t.lower_ for t in toks[:n]]
            role = (agents.get(" ".join(lowers[:-1] + [_lemma(last)]))
                    or agents.get(" ".join(lowers)))
            if role == "REB" and last.lemma_.lower() == "fighter" and _aircraft_named(last):
                role = "MIL"  # "MiG fighters", "40 F-16 fighters": aircraft, their state's air force
            if role:
                return i + n, role
        return None

    def _attach_roles(self, doc: Doc, lo: int, hi: int, out: list[ActorMention],
                      taken: list[bool], generic: bool = False) -> list[ActorMention]:
        """Country + role noun → one actor: "Russia's foreign minister" RUSGOV, "US troops" USAMIL."""
        by_token: dict[int, int] = {}
        for k, m in enumerate(out):
            for i in range(m.start, m.end):
                by_token[i] = k
        replace: dict[int, ActorMention] = {}
        extra: list[ActorMention] = []
        i = lo
        while i < hi:
            if taken[i - lo]:
                i += 1
                continue
            hit = self._agent_at(doc, i)
            if hit is None:
                i += 1
                continue
            end, role = hit
            head = doc[end - 1]
            k = self._country_of(i, head, by_token, out)
            if k is not None and k not in replace:
                m = out[k]
                a = m.actor
                if a.role in (None, "GOV") and a.person is None and a.country != "IGO":
                    s, e = min(m.start, i), max(m.end, end)
                    person = None
                    if generic and e == end and (name_end := _titled_name(doc, end, hi, taken, lo)) is not None:
                        # "Portuguese President Marcelo Rebelo de Sousa": the name joins its titled office,
                        # so that the report can remember who "Sousa" is (coding/context.py)
                        person, e = doc[end:name_end].text, name_end
                        end = name_end
                    replace[k] = ActorMention(s, e, Actor(a.country + role, a.country, role, doc[s:e].text, person))
                    # "US and British activists": every coordinated country takes the role
                    for c in doc[m.end - 1].conjuncts:
                        j = by_token.get(c.i)
                        if j is not None and j not in replace and out[j].actor.role is None:
                            o = out[j]
                            replace[j] = ActorMention(o.start, o.end, Actor(o.actor.country + role, o.actor.country,
                                                                            role, o.actor.text))
                elif m.start >= end and a.country not in ("IGO", UNKNOWN_COUNTRY):
                    # "forces loyal to President Assad", "troops of the president": the role noun is an actor
                    # of the state of whoever it belongs to (a person keeps their own mention)
                    extra.append(ActorMention(i, end, Actor(a.country + role, a.country, role, doc[i:end].text)))
            elif k is None and generic and (name_end := _titled_name(doc, end, hi, taken, lo)) is not None:
                # "President Mohamed Bazoum", "opposition leader Juan Guaido": a person no dictionary
                # knows holds the office the title says, of the state the report places them in
                extra.append(ActorMention(i, name_end, Actor(UNKNOWN_COUNTRY + role, UNKNOWN_COUNTRY, role,
                                                             doc[i:name_end].text, doc[end:name_end].text)))
                end = name_end
            elif k is None and generic and _generic_head(doc, i, end, role):
                extra.append(ActorMention(i, end, Actor(UNKNOWN_COUNTRY + role, UNKNOWN_COUNTRY, role,
                                                        doc[i:end].text)))
            i = end
        return [replace.get(k, m) for k, m in enumerate(out)] + extra

    @staticmethod
    def _country_of(start: int, head: Token, by_token: dict[int, int], out: list[ActorMention]) -> int | None:
        """The country mention a role noun belongs to: a modifier, an "of"/"from" object, or
        the modifiers of the name it titles ("Iranian Foreign Minister Zarif")."""
        heads = [head]
        if head.dep_ == "compound" and head.head.pos_ == "PROPN":
            heads.append(head.head)
        for h in heads:
            for c in h.children:
                if c.dep_ in ("amod", "compound", "poss", "nmod", "npadvmod") and c.i in by_token:
                    return by_token[c.i]
                if c.dep_ in ("amod", "acl") and c.lemma_.lower() in ALLEGIANCE:
                    # "forces loyal to Libyan leader Muammar Gaddafi", "militias allied with Tehran"
                    for p in c.children:
                        if p.dep_ == "prep" and p.lower_ in ("to", "with"):
                            for t in p.subtree:
                                if t.i in by_token:
                                    return by_token[t.i]
                if c.dep_ == "prep" and c.lower_ in ("of", "from", "in"):
                    for p in c.children:
                        if p.dep_ == "pobj" and p.i in by_token:
                            return by_token[p.i]
        prev = start - 1
        if prev >= 0 and head.doc[prev].lower_ in ("'s", "’s", "'"):
            prev -= 1
        if prev >= 0 and prev in by_token:
            return by_token[prev]
        return None


def _lemma(t: Token) -> str:
    """The token's lemma in lower case; for a plural the tagger took for a name and left as written
    ("Militants attacked" or "Guerrillas abducted" opening a sentence, often after a dateline), its
    singular."""
    low = t.lemma_.lower()
    opening = t.is_sent_start or (t.i > 0 and t.nbor(-1).is_punct)
    if not opening or t.pos_ != "PROPN" or t.lemma_ != t.text or not t.text[:1].isupper() or len(low) < 4:
        return low  # (inside a name, "Malaysia Airlines", a plural is the name's)
    if low.endswith("men"):
        return low[:-3] + "man"
    if low.endswith("ies"):
        return low[:-3] + "y"
    if low.endswith("s") and not low.endswith("ss"):
        return low[:-1]
    return low


def _generic_head(doc: Doc, start: int, end: int, role: str) -> bool:
    """A bare role noun heading its own noun phrase ("insurgents bombarded", "clashed with the
    police"), not a modifier ("police station", "government-held") nor a name's title."""
    head = doc[end - 1]
    # a capitalised role noun opening a sentence is often tagged as a name ("Police fired ...")
    opening = start == 0 or doc[start].is_sent_start or doc[start - 1].is_punct
    if head.dep_ in ("compound", "amod", "nmod", "poss", "npadvmod") or not (
            head.pos_ == "NOUN" or (head.pos_ == "PROPN" and opening and end - start == 1)
            or _named_office(doc, start, end)):
        return False
    if end < len(doc) and doc[end].text in ("-", "–"):  # "government-held", "rebel-controlled"
        return False
    if role == "GOV":
        return end - start == 1 and head.lemma_.lower() in GENERIC_GOV
    if end - start == 1 and head.lemma_.lower() in ABSTRACT_ROLE_NOUNS:
        return False
    if head.dep_ == "pobj" and head.head.lower_ == "as":
        return False  # "named a lawyer as chief prosecutor", "served as a judge": a capacity, not a party
    if role == "JUD" and head.dep_ == "pobj" and head.head.lower_ in PLACE_PREPOSITIONS:
        return False  # "arrested relatives outside the court": the building, not the judges
    return role in GENERIC_ROLES


def _named_office(doc: Doc, start: int, end: int) -> bool:
    """A role noun written as the name of its body ("the High Court", "the Court of Appeal", "the
    Army"): capitalised, after "the", and not the start of a longer name ("the Supreme Court Bar
    Association"). The report's own court or army, as the lower-case noun would be."""
    return (start > 0 and doc[start - 1].lower_ == "the" and all(t.text[:1].isupper() for t in doc[start:end])
            and (end >= len(doc) or doc[end].pos_ != "PROPN"))


def _titled_name(doc: Doc, end: int, hi: int, taken: list[bool], lo: int) -> int | None:
    """The end of a personal name that follows a title noun ending at `end` ("President| Mohamed
    Bazoum"): one to four capitalised proper nouns no other mention holds, which the title modifies;
    None when there is none."""
    title = doc[end - 1]
    if title.dep_ != "compound" or title.head.i < end or title.head.pos_ != "PROPN":
        return None
    j = end
    while j < hi and j - end < 5:
        t = doc[j]
        particle = (t.lower_ in NAME_PARTICLES and t.text.islower() and j > end and j + 1 < hi
                    and doc[j + 1].text[:1].isupper())  # "Marcelo Rebelo de Sousa"
        if not particle and not (t.pos_ == "PROPN" and t.text[:1].isupper() and t.is_alpha):
            break
        if taken[j - lo]:
            return None
        j += 1
    if j == end or title.head.i >= j or not doc[j - 1].text[:1].isupper():
        return None
    if doc[j - 1].lower_ in ORGANISATION_HEADS:
        return None  # "the People's Justice Party": a body's name, not Justice "Party"
    return j


def _state_after_of(doc: Doc, end: int, out: list[ActorMention], by_token: dict[int, int]) -> int | None:
    """The state an institution's name closes with "of" ("Export-Import Bank of China"): the lexicon
    knows the bank or the court under one state, but the name says whose it is. Only a plain state's
    name right after "of" (or "of the") counts, not a person, a place or another organ."""
    i = end
    if i >= len(doc) or doc[i].lower_ != "of":
        return None
    i += 1
    if i < len(doc) and doc[i].lower_ == "the":
        i += 1
    k = by_token.get(i)
    if k is None or out[k].start != i:
        return None
    return k if _plain_state(out[k].actor) else None


def _is_state(actor: Actor) -> bool:
    return len(actor.country) == 3 and actor.country.isalpha() and actor.country != "IGO"


def _plain_state(actor: Actor) -> bool:
    """A state named as such: no role, person or place ("China", not "the Chinese army" or "Shanghai")."""
    return actor.role is None and actor.person is None and not actor.place and _is_state(actor)


def _distance(e: _Entry, on: dt.date | None) -> int:
    if on is None:
        return 0
    if e.end is not None and on > e.end:
        return (on - e.end).days
    if e.start is not None and on < e.start:
        return (e.start - on).days
    return 0


#: Nouns that make a person's name the name of a place or thing ("al-Asad air base", "the Assad
#: hospital", "Imam Khomeini airport", "the Nobel prize").
FACILITY_NOUNS = words("facility_nouns")


def _names_a_facility(doc: Doc, end: int, hi: int) -> bool:
    """A name followed by a facility noun, directly or after one modifier ("al-Asad air base")."""
    for i in range(end, min(end + 2, hi)):
        t = doc[i]
        if t.lemma_.lower() in FACILITY_NOUNS or t.lower_ in FACILITY_NOUNS:
            return t.pos_ in ("NOUN", "PROPN")
        if t.pos_ not in ("NOUN", "PROPN", "ADJ") or t.text in ("'s", "’s"):
            return False
    return False


#: Participles that make a state named before them a group's sponsor ("Iranian-backed militias"); "-led"
#: is not among them ("the Saudi-led coalition" acts as Saudi Arabia's, as CAMEO codes it).
SPONSOR_PARTICIPLES = frozenset({"backed", "sponsored", "supported", "funded", "financed", "armed", "trained",
                                 "aligned", "allied", "controlled"})


def _sided_with(doc: Doc, s: int, e: int, lo: int, hi: int) -> bool:
    """A state named after "pro-" or "anti-": the side a group takes ("pro-Iranian", "anti-Syrian"), not
    the group's state; a state named before "-backed" or "-sponsored": the group's sponsor."""
    if s - 2 >= lo and doc[s - 1].text in ("-", "–") and doc[s - 2].lower_ in ("pro", "anti"):
        return True
    return e + 1 < hi and doc[e].text in ("-", "–") and doc[e + 1].lower_ in SPONSOR_PARTICIPLES


def _capitalised(doc: Doc, s: int, e: int) -> bool:
    """Names are written with capitals; "turkey" or "china" in lower case are not countries."""
    return any(any(ch.isupper() for ch in doc[i].text) for i in range(s, e))


def _with_text(actor: Actor, text: str) -> Actor:
    return Actor(actor.code, actor.country, actor.role, text, actor.person, actor.place, actor.settled)
