"""What was done: verb patterns → CAMEO event codes, and the small algebra over codes.

The lexicon is data (trustledger/data/verbs.csv, written by us): a verb lemma, an optional
particle ("carry out"), an optional object constraint (a noun or a noun class from
verb_objects.csv: "impose @sanction"), where the target comes from ("dobj", a preposition
such as "to" or "on", "objnp": an actor named inside the object phrase, or "objtree": the same,
also looking inside the clauses that describe the object), the CAMEO code,
and a frame for verbs that govern another verb ("promised to deliver", "urged Moscow to
stop", "refused to sign", "said that ..."). The frame turns the governed event's code into
the code of what was really done: an intent (03x), an appeal (02x), a demand (10x), a
refusal (12x) or a threat (13x), following the parallel structure of the CAMEO codebook.
A PETRARCH verb dictionary (CAMEO.2.0.txt) can be added with `--verbs`.
"""

from __future__ import annotations

import csv
import functools
import io
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from trustledger.coding import cameo
from trustledger.errors import InputError
from trustledger.words import words

FRAMES = {"", "say", "intent", "appeal", "demand", "refuse", "threat", "negate", "vote", "swap", "permit", "mutual"}
DEFAULT_TARGET = ("dobj", "to", "with", "against", "toward", "towards", "on", "at", "between")
#: PETRARCH takes the first actor of the verb phrase as the target: failing the usual places, an actor
#: named inside the object phrase or the clauses describing it ("criticized the closure of guest houses in
#: Bree", "cordoned off the roads leading into Mordor").
PETRARCH_TARGET = (*DEFAULT_TARGET, "objtree")

# Parallel sub-codes: the longest matching prefix of the governed code decides.
_INTENT = {"04": "036", "045": "039", "05": "032", "06": "031", "061": "0311", "062": "0312", "063": "0313",
           "064": "0314", "07": "033", "071": "0331", "072": "0332", "073": "0333", "074": "0334", "075": "033",
           "08": "035", "081": "0351", "082": "0352", "083": "034", "084": "0353", "085": "0354", "086": "0355",
           "087": "0356", "14": "133", "15": "138", "16": "131", "161": "1313", "162": "1311", "163": "1312",
           "164": "134", "165": "135", "166": "136", "17": "137", "172": "132", "18": "1383", "19": "1384",
           "191": "1381", "192": "1382", "20": "1385", "204": "1385"}
_APPEAL = {"03": "020", "04": "026", "045": "028", "05": "022", "06": "021", "061": "0211", "062": "0212",
           "063": "0213", "064": "0214", "07": "023", "071": "0231", "072": "0232", "073": "0233", "074": "0234",
           "08": "025", "081": "0251", "082": "0252", "083": "024", "084": "0253", "085": "0254", "086": "0255",
           "087": "0256"}
_DEMAND = {"03": "100", "04": "106", "045": "108", "05": "102", "06": "101", "061": "1011", "062": "1012",
           "063": "1013", "064": "1014", "07": "103", "071": "1031", "072": "1032", "073": "1033", "074": "1034",
           "08": "105", "081": "1051", "082": "1052", "083": "104", "084": "1053", "085": "1054", "086": "1055",
           "087": "1056"}
_REFUSE = {"03": "120", "04": "125", "045": "126", "05": "120", "057": "127", "06": "121", "061": "1211",
           "062": "1212", "063": "1213", "064": "1214", "07": "122", "071": "1221", "072": "1222", "073": "1223",
           "074": "1224", "08": "124", "081": "1241", "082": "1242", "083": "123", "084": "1243", "085": "1244",
           "086": "1245", "087": "1246", "0311": "1211", "0312": "1212", "033": "122", "0331": "1221",
           "0332": "1222", "0333": "1223", "036": "125", "035": "124", "0354": "1244", "0353": "1243"}


def _by_prefix(table: dict[str, str], code: str) -> str | None:
    for n in range(len(code), 1, -1):
        if code[:n] in table:
            return table[code[:n]]
    return None


def root_of(code: str) -> str:
    return code[:2]


def as_intent(code: str) -> str:
    """"will deliver arms" 072 → 0332; "will attack" 190 → 1384; verbal codes stay as they are."""
    return _by_prefix(_INTENT, code) or code


def as_promise(code: str) -> str:
    """What a control verb of intent makes of the act it governs ("agreed to lift" 085 → 0354); a
    statement has no intent code of its own, so "agreed/promised to consider/study/review X" is the
    general intent to cooperate (030) rather than the statement (014) itself."""
    return "030" if code[:2] == "01" else as_intent(code)


def as_threat(code: str) -> str:
    return _by_prefix(_INTENT, code) if int(code[:2]) >= 14 else "130"


def as_appeal(code: str) -> str:
    return _by_prefix(_APPEAL, code) or "020"


def as_demand(code: str) -> str:
    return _by_prefix(_DEMAND, code) or "100"


def as_refusal(code: str) -> str:
    """"refused to deliver", "did not deliver": cooperation (03–08) → the matching 12x code."""
    return _by_prefix(_REFUSE, code) or "120"


def negated_code(code: str) -> str:
    """The code stored for a negated verb: cooperative codes (roots 03–08) become CAMEO's
    refusal of that cooperation; other codes are kept (and the row is marked negated)."""
    return as_refusal(code) if 3 <= int(code[:2]) <= 8 else code


def mode_of(code: str, negated: bool = False, intent: bool = False) -> str:
    """'said' for statements, intents, threats, refusals and anything negated; 'did' for acts
    (material cooperation and conflict, and meetings and visits that took place)."""
    if negated or intent or code.startswith("03"):
        return "said"
    if code.startswith("04"):  # meetings, visits and talks that took place are acts
        return "did"
    return "did" if cameo.lookup(code).quad_class in (2, 4) else "said"


@dataclass(frozen=True)
class Clause:
    """What a verb's clause holds, for choosing between rules of one verb: its prepositions, whether
    it has a direct object, and whether it has a clause of its own ("said that ...", a quotation)."""

    preps: frozenset[str] = frozenset()
    dobj: bool = False
    says: bool = False


#: entries a VerbLexicon remembers per kind of question before it starts afresh (long ingests)
_MEMO_MAX = 200_000


def _fit(rule: VerbRule, clause: Clause) -> int:
    """2: the clause has an argument the rule names explicitly (its "dobj", one of its prepositions,
    or the reported clause of a reporting verb); 1: the rule names no place (it takes the default
    targets) so nothing contradicts it; 0: the rule's argument frame is missing from the clause."""
    if rule.frame == "say":
        return 2 if clause.says else 0
    if rule.target == DEFAULT_TARGET or rule.source != "trustledger":
        return 1
    for spec in rule.target:
        if spec == "dobj" and clause.dobj:
            return 2
        if spec in ("objnp", "objtree") and (clause.dobj or (clause.preps and rule.objects)):
            return 2
        if spec in clause.preps:
            return 2
    return 0


@dataclass(frozen=True)
class VerbRule:
    verb: str
    particle: str | None
    objects: tuple[str, ...]  # words or @classes; empty = any
    target: tuple[str, ...]
    code: str
    frame: str
    source: str = "trustledger"
    #: TABARI/PETRARCH paired codes ("[042:043]"): the code of the reversed dyad (visit → host a visit)
    reverse: str | None = None
    #: a rule the word-vector fallback made for an unknown verb (coding/verb_vectors.py): the cosine
    #: similarity of its nearest lexicon verb; None for a lexicon rule
    confidence: float | None = None

    @property
    def specificity(self) -> int:
        return 2 * bool(self.particle) + bool(self.objects)


class VerbLexicon:
    """Verb lemma → rules, most specific first."""

    def __init__(self, rules: Iterable[VerbRule], classes: dict[str, frozenset[str]], prefer_added: bool = False):
        self.classes = classes
        self.prefer_added = prefer_added
        self._prefixes = {c: tuple(w[:-1] for w in ws if w.endswith("*")) for c, ws in classes.items()}
        self.rules: dict[str, list[VerbRule]] = {}
        for r in rules:
            self.rules.setdefault(r.verb, []).append(r)
        for lst in self.rules.values():
            # stable: file order within a level; added dictionaries first when they are to win
            lst.sort(key=lambda r: ((r.source == "trustledger") if prefer_added else 0, -r.specificity))
        # answers already given: the rules and classes do not change once built (match is asked the same
        # verb use again and again, in every sentence and on every rule the coder tries)
        self._matches: dict[tuple, VerbRule | None] = {}
        self._particles: dict[str, frozenset[str]] = {}
        self._classed: dict[tuple[str, str], bool] = {}

    @classmethod
    @functools.cache
    def default(cls) -> VerbLexicon:
        text = (resources.files("trustledger") / "data" / "verbs.csv").read_text(encoding="utf-8")
        classes = _read_classes((resources.files("trustledger") / "data" / "verb_objects.csv")
                                .read_text(encoding="utf-8"))
        return cls(read_rules(text, "trustledger/data/verbs.csv", set(classes)), classes)

    def with_files(self, paths: Iterable[str | Path], prefer_added: bool = False) -> VerbLexicon:
        """Ours plus more rules: our CSV format, or a PETRARCH verb dictionary (CAMEO.2.0.txt).
        By default ours win where both have a rule; `prefer_added` lets the added files win (for
        coding with a dictionary that uses other codes, e.g. PETRARCH's validation suite)."""
        rules = [r for lst in self.rules.values() for r in lst]
        extra: list[VerbRule] = []
        for path in paths:
            p = Path(path)
            if not p.is_file():
                raise InputError(str(p), "no such verb dictionary")
            text = p.read_text(encoding="utf-8", errors="replace")
            if text.lstrip().startswith("verb,"):
                extra.extend(read_rules(text, str(p), set(self.classes)))
            else:
                extra.extend(petrarch_rules(p))
        # ours first: a user's PETRARCH file extends our lexicon, it does not override it
        return VerbLexicon([*rules, *extra], self.classes, prefer_added)

    def in_class(self, word: str, cls: str) -> bool:
        key = (word, cls)
        found = self._classed.get(key)
        if found is None:
            if len(self._classed) > _MEMO_MAX:
                self._classed.clear()
            found = self._classed[key] = word in self.classes.get(cls, ()) or any(
                word.startswith(p) for p in self._prefixes.get(cls, ()))
        return found

    def match(self, lemma: str, particle: str | None, objects: set[str],
              clause: Clause | None = None) -> VerbRule | None:
        """The rule for a verb use: the most specific rule whose particle and object class fit; with
        the `clause`'s arguments known, a rule whose own argument frame the clause has wins over one
        whose frame it lacks (see `_fit`): "struck Tripoli" is the attack row (dobj), not the labour
        strike row listed first; "insisted on X" the demand, not "insisted (that)"; "protested" with
        no "to" is dissent, not an official complaint."""
        key = (lemma, particle, frozenset(objects), clause)
        try:
            return self._matches[key]
        except KeyError:
            pass
        if len(self._matches) > _MEMO_MAX:
            self._matches.clear()
        found = self._matches[key] = self._match(lemma, particle, objects, clause)
        return found

    def _match(self, lemma: str, particle: str | None, objects: set[str], clause: Clause | None) -> VerbRule | None:
        phrasal = particle is not None and particle in self.particles(lemma)
        cands = [r for r in self.rules.get(lemma, ())
                 if not (r.particle and r.particle != particle)
                 # "called off the elections" is no "call" (telephone): a phrasal verb the lexicon knows
                 # takes only its own rows
                 and not (phrasal and r.particle != particle)
                 and not (r.objects and not any(self._object_ok(o, objects) for o in r.objects))]
        if not cands:
            return None
        first = cands[0]
        if clause is None:
            return first
        fit = _fit(first, clause)
        if fit == 2:
            return first
        # only between rules of one level and one dictionary: a rule with an object class stays ahead
        # of the verb's bare rows, and a dictionary preferred with `prefer_added` stays preferred
        same = [r for r in cands if r.specificity == first.specificity and r.source == first.source]
        return next((r for r in same if _fit(r, clause) == 2), None) or next(
            (r for r in same if _fit(r, clause) == 1 and fit == 0), first)

    def particles(self, lemma: str) -> frozenset[str]:
        """The particles (and prepositions written as particles: "call for") this verb's rules name."""
        found = self._particles.get(lemma)
        if found is None:
            if len(self._particles) > _MEMO_MAX:
                self._particles.clear()
            found = self._particles[lemma] = frozenset(r.particle for r in self.rules.get(lemma, ()) if r.particle)
        return found

    def _object_ok(self, want: str, objects: set[str]) -> bool:
        if want.startswith("@"):
            return any(self.in_class(o, want[1:]) for o in objects)
        return want in objects

    def is_verb(self, lemma: str) -> bool:
        return lemma in self.rules


def _read_classes(text: str) -> dict[str, frozenset[str]]:
    out: dict[str, set[str]] = {}
    for r in csv.DictReader(io.StringIO(text)):
        out.setdefault(r["class"].strip(), set()).add(r["word"].strip().lower())
    return {k: frozenset(v) for k, v in out.items()}


def read_rules(text: str, where: str, classes: set[str]) -> list[VerbRule]:
    """Rows of our verbs.csv format; any bad row is an input error naming file and line."""
    reader = csv.DictReader(io.StringIO(text))
    need = ["verb", "particle", "object", "target", "code", "frame"]
    missing = [c for c in need if c not in (reader.fieldnames or [])]
    if missing:
        raise InputError(where, f"missing column(s) {', '.join(missing)} (expected {','.join(need)},note)")
    rules = []
    for n, row in enumerate(reader, start=2):
        r = {k: (v or "").strip() for k, v in row.items() if k}
        if not r["verb"]:
            continue
        code, frame = r["code"], r["frame"].lower()
        try:
            cameo.lookup(code)
        except KeyError:
            raise InputError(f"{where}:{n}", f"unknown CAMEO code {code!r}") from None
        if frame not in FRAMES:
            raise InputError(f"{where}:{n}", f"unknown frame {frame!r} (one of {', '.join(sorted(FRAMES - {''}))})")
        objects = tuple(o.lower() for o in r["object"].split("|") if o)
        for o in objects:
            if o.startswith("@") and o[1:] not in classes:
                raise InputError(f"{where}:{n}", f"unknown object class {o!r}")
        target = tuple(t.lower() for t in r["target"].split("|") if t) or DEFAULT_TARGET
        rules.append(VerbRule(r["verb"].lower(), r["particle"].lower() or None, objects, target, code, frame))
    return rules


def petrarch_rules(path: Path) -> list[VerbRule]:
    """PETRARCH verb patterns as our rules: the verb, the content words after it as the object
    constraint (any one of them), and its code; prepositions in the pattern name the target.
    A verb's own code (no pattern) becomes a rule without constraint."""
    from trustledger.coding import petrarch_dicts as pd

    vd = pd.read_verbs(path)
    out: list[VerbRule] = []
    for p in vd.patterns:
        code, reverse, frame = _paired(p.code)
        if code is None:
            continue
        words = [w for w in p.words_after if w not in ("$", "+", "%", "^", "*") and w.isascii()]
        preps = tuple(w for w in words if w in _PREPOSITIONS)
        objects = tuple(w for w in words if w not in _PREPOSITIONS and w not in _STOP)
        if not objects and not preps:
            continue
        verb, _, particle = p.verb.partition(" ")
        target = (*preps, *PETRARCH_TARGET) if preps else PETRARCH_TARGET
        out.append(VerbRule(verb, particle or None, objects[-1:], target, code, frame, "petrarch", reverse))
    for entry in vd.verbs.values():
        code, reverse, frame = _paired(entry.code or "")
        if code is not None:
            verb, _, particle = entry.lemma.partition(" ")
            out.append(VerbRule(verb, particle or None, (), PETRARCH_TARGET, code, frame, "petrarch", reverse))
    return out


def _paired(spec: str) -> tuple[str | None, str | None, str]:
    """A PETRARCH code as (code, reversed dyad's code, frame): "042:043" is a visit and the host's
    hosting it; ":173" only the reversed event (the target acts on the source: a swap)."""
    first, _, second = (x.strip() for x in spec.partition(":"))
    second_ok = second if second and _known(second) else None
    if first and _known(first):
        return first, second_ok, ""
    if not first and second_ok:
        return second_ok, None, "swap"
    return None, None, ""


_PREPOSITIONS = words("pattern_prepositions")
_STOP = words("pattern_stopwords")


def _known(code: str) -> bool:
    try:
        cameo.lookup(code)
    except (KeyError, ValueError):
        return False
    return code[:2].isdigit()
