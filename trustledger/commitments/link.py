"""Linking: mentions of one promise become one commitment; outcomes attach to the commitment
they are about.

Rules (all must hold):
* the same promisor toward the same promisee (a loan and its repayment are two promises), or a
  party left out by the sentence;
* same object, after aliases ("the plant" in an article about Bushehr is Bushehr);
* consistent dates: an outcome can only settle a commitment made before it, and a retelling
  ("the plant was due to come online in 1999", written in 2011) joins the older commitment,
  while a mention stating a made date apart from the commitment's (a second truce, a ceasefire
  agreed again years later) or a promise dated after the last one on the same object was
  fulfilled starts a new one;
* near-duplicate copies of one story (same story_id) count once: their outcomes are marked
  `duplicate_of` the first copy and their evidence rows collapse.
Runs over the whole store after each ingest, so the result does not depend on file order.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

import pyarrow as pa

from trustledger.commitments.acts import GENERAL, act_of, agree, agrees_with_all, outcome_act
from trustledger.commitments.aliases import category_of
from trustledger.commitments.objects import LOOSE_CLASSES, class_of, related
from trustledger.commitments.records import short_id
from trustledger.commitments.timex import period_end
from trustledger.store.db import Store
from trustledger.words import words

log = logging.getLogger(__name__)

POSITIVE = {"delivered"}
BREACHES = {"violated", "cancelled", "refused", "suspended"}
#: Deeds (coded events, CAMEO roots) that break a promise not to use force: assault, fight, mass violence.
FORCE_ROOTS = ("18", "19", "20")
#: Deeds that break a promise to lift or ease sanctions: imposing an embargo or sanctions (CAMEO 163).
SANCTION_CODES = ("163",)
#: Verbs of leaving (sentence.py's list): a withdrawal outcome settles a promise made with one of them.
MOVE_VERBS = words("move_verbs") | {"reduce", "pull"}
#: Words of a group or a total ("the donors", "both sides", "of the full amount"): an outcome told of
#: the group settles each member's own promise (see `shared_with`).
COLLECTIVE = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in sorted(words("collective_words"), key=len,
                                                                        reverse=True)) + r")\b", re.I)


#: Head nouns that name an agreement: "the NATO accord" and "the NATO protocol" are one text under two names.
AGREEMENT_HEADS = words("agreement_heads")


def same_agreement(a: str | None, b: str | None) -> bool:
    """Whether two object keys name one agreement by two of its names: both end in an agreement noun
    and share what names it ("nato accord" / "nato agreement", "algiers accord" / "algiers agreement").
    A bare noun ("the accord") names no particular agreement and matches nothing here."""
    if not a or not b:
        return False
    wa, wb = a.split(), b.split()
    if len(wa) < 2 or len(wb) < 2 or wa[-1] not in AGREEMENT_HEADS or wb[-1] not in AGREEMENT_HEADS:
        return False
    return wa[:-1] == wb[:-1]


@dataclass
class Cluster:
    kind: str
    object: str
    pair: frozenset
    mentions: list[dict] = field(default_factory=list)
    outcomes: list[dict] = field(default_factory=list)

    @property
    def made(self) -> dt.date | None:
        explicit = [m["made"] for m in self.mentions if m["made_explicit"] and m["made"]]
        dates = explicit or [m["made"] for m in self.mentions if m["made"]]
        return min(dates) if dates else None

    def direction(self, outcomes: list[dict] | None = None) -> tuple[str | None, str | None]:
        """The direction most mentions give (a mention with a guessed party counts half); reports
        of what was delivered to whom ("the jets built for Egypt") break ties between co-signers."""
        votes: Counter = Counter()
        for m in self.mentions:
            if m["promisor"] and m["promisee"]:
                votes[(m["promisor"], m["promisee"])] += 0.5 if m["implied"] else 2
        if len(self.pair) == 2 and outcomes:
            a, b = sorted(self.pair)
            for o in outcomes:
                if o["object"] != self.object or o["kind"] not in ("delivered", "delivered_partial", "not_delivered"):
                    continue
                if (o["actor"], o["counterpart"]) in ((a, b), (b, a)):
                    votes[(o["actor"], o["counterpart"])] += 1
                elif o["actor"] is None and o["counterpart"] in (a, b):
                    votes[(b if o["counterpart"] == a else a, o["counterpart"])] += 1
        if votes:
            return max(votes, key=lambda k: (votes[k], k))
        codes = sorted(self.pair)
        return (codes[0], codes[1]) if len(codes) == 2 else (codes[0] if codes else None, None)

    @property
    def made_stated(self) -> dt.date | None:
        """The earliest made date a mention states in its sentence (None when all come from articles)."""
        explicit = [m["made"] for m in self.mentions if m["made_explicit"] and m["made"]]
        return min(explicit) if explicit else None

    @property
    def objects(self) -> set[str]:
        """The object keys its mentions give: one promise named in other words ("servicemen", "detainees")."""
        return {self.object} | {m["object"] for m in self.mentions if m["object"]}

    def first_fulfilment(self) -> dt.date | None:
        ds = [o["date"] for o in self.outcomes if o["kind"] in POSITIVE and o["date"]]
        return min(ds) if ds else None


def _what(c: Cluster) -> str:
    whats = Counter(m["what"] or "" for m in c.mentions)
    return max(whats, key=lambda w: (whats[w], -len(w))) if whats else ""


def _is_money(c: Cluster) -> bool:
    """A promise of money (a loan, a grant, a sum): an outcome naming only a sum or "the loan" settles it."""
    return category_of(c.object) == "money" or class_of(c.object) == "money" or \
        _what(c).split(" ")[0] in ("lend", "loan", "grant", "pay", "disburse", "donate")


def _pair(m: dict) -> frozenset:
    return frozenset(c for c in (m["promisor"], m["promisee"]) if c)


def _compatible(cluster: Cluster, parties: frozenset) -> bool:
    return parties <= cluster.pair if parties else True


def _same_report(cluster: Cluster, m: dict) -> bool:
    """Whether a commitment has a mention in the document or story of `m`."""
    story = m.get("story_id")
    return any(x["doc_id"] == m["doc_id"] or (story and x.get("story_id") == story) for x in cluster.mentions)


def _joinable(cands: list[Cluster], m: dict) -> list[Cluster]:
    """The commitments a mention that leaves a party out may tell of. One that names no state at all
    ("repayment of the loan was due by July") can only be about a promise its own report tells of: the
    same object promised between two other states in another article is another promise, and its
    made date would be taken for this one's. One that names a state joins a promise of its own report
    first, else any promise of that state on the same object (a retelling in a later article)."""
    own = [c for c in cands if _same_report(c, m)]
    return own if own or not _pair(m) else cands


#: Two stated made dates closer than this are one date told twice ("on Sunday", "on 11 May").
SAME_DAY_SLACK = dt.timedelta(days=3)


def _period(m: dict) -> tuple[dt.date, dt.date]:
    """The span a mention's made date stands for: its year, its month, or the day give or take a few."""
    d, prec = m["made"], m.get("made_precision") or "day"
    if prec == "year":
        return dt.date(d.year, 1, 1), dt.date(d.year, 12, 31)
    if prec == "month":
        nxt = dt.date(d.year + (d.month == 12), d.month % 12 + 1, 1)
        return dt.date(d.year, d.month, 1), nxt - dt.timedelta(days=1)
    return d - SAME_DAY_SLACK, d + SAME_DAY_SLACK


def _apart(x: dict, m: dict) -> bool:
    """Could `m`, which states its own made date, not be the promise `x` tells of? Two stated dates
    are apart when their spans do not meet ("in 2003", "on 25 February 2021"; "on 10 October",
    "on 18 October"); a mention dated only by its article may retell any promise made before that
    article, so it is apart only from a promise stated as made after it."""
    if x["made_explicit"]:
        (a0, a1), (b0, b1) = _period(x), _period(m)
        return a1 < b0 or b1 < a0
    return m["made"] > x["made"] + SAME_DAY_SLACK


def _restates_other(c: Cluster, m: dict) -> bool:
    """A mention with its own explicitly stated made date that no mention of `c` could be telling of
    starts a new commitment: the repayment agreed years after the loan, the second truce, the
    ceasefire agreed again in 2021. A retelling ("under the 2010 accord") gives the old date and stays."""
    if not (m["made_explicit"] and m["made"]):
        return False
    lo, hi = _period(m)
    if (m.get("made_precision") or "day") != "day" and m["doc_date"] and lo <= m["doc_date"] <= hi:
        return False  # "this month", a dateline: the article's own now, not a date the promise was made
    due = m.get("due")
    if due and (due <= m["made"] or any(x.get("due") == due for x in c.mentions)):
        return False  # a deadline already past when "made", or the commitment's own deadline: a retelling
    dated = [x for x in c.mentions if x["made"]]
    return bool(dated) and all(_apart(x, m) for x in dated)


def _fold_reversed(clusters: list[Cluster], mutual: set) -> list[Cluster]:
    """A minority of mentions giving the opposite direction with the same action ("Iran ... deliver
    Bushehr" beside many "Russia ... deliver Bushehr") is a swapped reading of the same promise, not
    a promise back; a promise stated both ways in one sentence (`mutual`), or another action ("lend",
    "repay"), stays its own."""
    out: list[Cluster] = []
    drop: set[int] = set()
    groups: dict[tuple, list[Cluster]] = defaultdict(list)
    for c in clusters:
        groups[(c.kind, c.object)].append(c)
    for c in clusters:
        if id(c) in drop:
            continue
        p, q = c.mentions[0]["promisor"], c.mentions[0]["promisee"]
        if (c.kind, c.object, frozenset((p, q))) in mutual:
            out.append(c)
            continue
        others = [b for b in groups[(c.kind, c.object)] if b is not c and id(b) not in drop
                  and b.mentions[0]["promisor"] == q and b.mentions[0]["promisee"] == p]
        # the same act the other way is a swapped reading; another act (lend, repay) is a promise back
        back = [b for b in others if _same_act_back(c, b) and not any(_restates_other(b, m) for m in c.mentions)]
        if back and sum(len(b.mentions) for b in others) > len(c.mentions):
            max(back, key=lambda b: len(b.mentions)).mentions.extend(c.mentions)
            drop.add(id(c))
        else:
            out.append(c)
    return [c for c in out if id(c) not in drop]


#: Acts whose promise told from the other side is the general reading: buying from A is A's selling.
CONVERSE_OF_SALE = frozenset({"buy"})


def _same_act_back(c: Cluster, b: Cluster) -> bool:
    """Whether `c`, told the other way round from `b`, can be a swapped reading of `b`'s promise: the
    mentions of neither name an act (the detector's default readings), or both name acts that agree.
    When one side names an act the other never names ("would repay the loan" beside three "lent", or
    three "lent" beside one "repayment ... was due"), the two are a promise and a promise back,
    however few mentions tell either; except a purchase, which told from the seller's side is a sale."""
    own = {a for a in map(act_of, c.mentions) if a}
    theirs = {a for a in map(act_of, b.mentions) if a}
    if own <= CONVERSE_OF_SALE and theirs <= GENERAL or theirs <= CONVERSE_OF_SALE and own <= GENERAL:
        return True  # a purchase told from the seller's side is a sale: one deal ("China bought ... committed")
    if not own or not theirs:
        return not own and not theirs
    return all(agree(x, y) for x in own for y in theirs)


def _same_side(c: Cluster, m: dict) -> bool:
    """The party a mention names stands on the same side (promisor or promisee) as in the commitment."""
    p, q = c.mentions[0]["promisor"], c.mentions[0]["promisee"]
    return (m["promisor"] is None or m["promisor"] == p) and (m["promisee"] is None or m["promisee"] == q)


def cluster_mentions(mentions: list[dict]) -> list[Cluster]:
    """Merge mentions of one promise: one promisor toward one promisee (a loan and its repayment run
    opposite ways; a promise stated both ways in one sentence, "Armenia and Azerbaijan agreed to a
    truce", is two commitments, each side keeps or breaks its own), one object, one making.
    Complete mentions (both parties, an object) first, in the order the promises were made; a
    mention stating a made date apart from every one of a commitment's starts another (see
    `_restates_other`); then the mentions that left a party out join the commitment on the same
    object they fit."""
    complete = [m for m in mentions if m["object"] and len(_pair(m)) == 2]
    partial = [m for m in mentions if m["object"] and len(_pair(m)) < 2]

    def order(m: dict):
        return (m["made"] or dt.date.max, m["doc_date"] or dt.date.max, m["doc_id"], m["sentence_index"])

    said = {(m["doc_id"], m["sentence_index"], m["object"], m["promisor"], m["promisee"]) for m in complete}
    mutual = {(m["kind"], m["object"], _pair(m)) for m in complete
              if (m["doc_id"], m["sentence_index"], m["object"], m["promisee"], m["promisor"]) in said}
    clusters: list[Cluster] = []
    by_key: dict[tuple, list[Cluster]] = defaultdict(list)
    for m in sorted(complete, key=order):
        key = (m["kind"], m["object"], m["promisor"], m["promisee"])
        fits = [c for c in by_key[key] if not _restates_other(c, m) and agrees_with_all(m, c.mentions)]
        target = None
        for c in reversed(fits):
            if c.made is None or m["made"] is None or c.made <= m["made"] or not m["made_explicit"]:
                target = c
                break
        if target is None and fits:
            target = fits[0]
        if target is None:
            target = Cluster(m["kind"], m["object"], _pair(m))
            by_key[key].append(target)
            clusters.append(target)
        target.mentions.append(m)
    clusters = _fold_reversed(clusters, mutual)
    by_object: dict[tuple, list[Cluster]] = defaultdict(list)
    for c in clusters:
        by_object[(c.object, c.kind)].append(c)
    orphans: list[dict] = []
    for m in sorted(partial, key=order):
        cands = _joinable([c for c in by_object[(m["object"], m["kind"])] if _compatible(c, _pair(m))
                           and agrees_with_all(m, c.mentions)], m)
        if not cands:
            orphans.append(m)
            continue
        made = m["made"] or m["doc_date"]
        before = [c for c in cands if c.made is None or made is None or c.made <= made]
        fresh = [c for c in before or cands if not _restates_other(c, m)]
        target = max(fresh or before or cands, key=lambda c: (_same_side(c, m), c.made or dt.date.min))
        target.mentions.append(m)
    try:
        clusters.extend(_report_promises(orphans, complete, clusters))
    except (KeyError, TypeError, AttributeError) as exc:
        # a malformed mention must not cost the ledger: the orphans stay out, as before, but not silently
        log.warning("orphan promises left unlinked (%s: %s) in %d report(s)", type(exc).__name__, exc,
                    len({m.get("doc_id") for m in orphans}))
    return clusters


def _report_directions(complete: list[dict]) -> dict[str, tuple[str, str] | None]:
    """Per report, the one direction every promise it names both parties of runs in (Saudi Arabia to
    Egypt throughout); None for a report with promises both ways or among several pairs."""
    dirs: dict[str, set] = defaultdict(set)
    for x in complete:
        dirs[x["doc_id"]].add((x["promisor"], x["promisee"]))
    return {doc: next(iter(d)) if len(d) == 1 else None for doc, d in dirs.items()}


def _retold(m: dict, pq: tuple[str, str], clusters: list[Cluster]) -> Cluster | None:
    """The commitment of direction `pq` a partyless mention retells by another name: one whose thing
    has the mention's head word ("the submarine" / "attack submarine"), else the only one of the
    same loose class ("the station" / "the Barakah plant")."""
    mine = [c for c in clusters if c.kind == m["kind"] and c.mentions
            and (c.mentions[0]["promisor"], c.mentions[0]["promisee"]) == pq]
    same_head = [c for c in mine if any(_reworded(x, m["object"]) for x in c.objects)]
    if same_head:
        return max(same_head, key=lambda c: len(c.mentions))
    cls = class_of(m["object"])
    same_class = [c for c in mine if cls in LOOSE_CLASSES and any(class_of(x) == cls for x in c.objects)]
    return same_class[0] if len(same_class) == 1 else None


def _report_promises(orphans: list[dict], complete: list[dict], clusters: list[Cluster]) -> list[Cluster]:
    """Promises told without their parties that joined no commitment of their report ("the submarine
    was supposed to reach Thailand", "two more cargoes are due on 26 and 27 March"), in a report
    whose promises all run one way between one pair: such a sentence speaks of that pair, so it
    retells the pair's commitment of the same thing (`_retold`), else, when it states a deadline,
    is a promise of its own in that direction (parties implied). Without a deadline a partyless
    sentence about a new thing is too often a wish or a conditional ("would release 30 divisions")."""
    directions = _report_directions(complete)
    out: dict[tuple, Cluster] = {}
    for m in orphans:
        pq = directions.get(m["doc_id"])
        if pq is None or m["promisor"] not in (None, pq[0]) or m["promisee"] not in (None, pq[1]):
            continue
        m = {**m, "promisor": pq[0], "promisee": pq[1], "implied": True}
        old = _retold(m, pq, clusters)
        if old is not None:
            old.mentions.append(m)  # a retelling by another name: evidence of the known promise
        elif m.get("due"):
            key = (m["kind"], m["object"], pq)
            if key not in out:
                out[key] = Cluster(m["kind"], m["object"], frozenset(pq))
            out[key].mentions.append(m)
    return list(out.values())


def _outcome_fits(c: Cluster, o: dict, promisor: str | None, promisee: str | None, loose: bool = False) -> bool:
    parties = {p for p in (o["actor"], o["counterpart"]) if p}
    if parties and not parties <= {promisor, promisee}:
        return False
    own_act = outcome_act(o)
    if own_act and not any(act_of(m) == own_act for m in c.mentions):
        return False  # "the loan was repaid": the borrower's promise to repay, never the lender's to lend
    if o["kind"] in BREACHES and o["actor"] and o["actor"] != promisor:
        return False  # a breach settles the promise of the party that did it, not the other side's
    if loose and o["kind"] == "violated" and c.kind in GIVING:
        # a promise to hand something over is broken by not handing it over, not "violated" by a deed done
        # with another thing of its class ("used drones to attack cities" is no breach of a missile sale)
        return False
    if o["actor"] and o["actor"] == promisee and o["actor"] != promisor:
        # what the promisee did (paid, received, refused, built its own part) does not settle the
        # promisor's promise: a passive names its agent as the actor, a receiver is swapped at reading
        return False
    if _names_money(o["object"]) and _is_money(c):
        pass  # "the loan was disbursed", "Russia lent Cyprus 2.5 billion euros" settle the dyad's money promise
    elif o["object"] not in c.objects and not loose:
        # withdrawing from an agreement, or violating it, settles the commitments made under it
        terms = {t for m in c.mentions for t in (m["terms"] or [])}
        if not (category_of(o["object"] or "") == "agreement" and o["object"] in terms
                and o["kind"] in ("cancelled", "violated", "refused", "suspended", "resumed")
                and o["actor"] == promisor):
            return False  # only the state that walks out of an agreement breaks its own promises under it
    # only a stated date bounds it: a promise dated by the article that retells it may be older than
    # the outcome ("the sale Israel cancelled on 12 July", retold on 13 July)
    made = c.made_stated
    if made and o["date"] and period_end(o["date"], o.get("date_precision") or "day") < made:
        return False  # "suspended since November" may be after a promise made on 15 November
    if made is None and o["date"] and c.made \
            and period_end(o["date"], o.get("date_precision") or "day") < c.made - RETELLING_SPAN \
            and all(m.get("doc_id") != o.get("doc_id") for m in c.mentions):
        # a promise known only from the articles that report it may be older than they are, but not by
        # decades: a cancellation of 2000 told in another story is no breach of a promise first reported in 2023
        return False
    return True


#: Kinds of promise that hand something over: kept by delivering, broken by not delivering.
GIVING = frozenset({"deliver", "build", "pay", "lend"})


#: How much older than the first article reporting it an undated promise may be for another story's
#: outcome to settle it ("the deal Russia had agreed", retold years on).
RETELLING_SPAN = dt.timedelta(days=5 * 365)


#: A sum named in an outcome's object ("only about $100 million", "2 billion euros").
SUM = re.compile(r"[$€£¥]\s?\d|\b\d[\d.,]*\s*(?:million|billion|trillion|bn)\b", re.I)


def _names_money(obj: str | None) -> bool:
    """Whether an outcome's object is money: a loan, a sum, or a thing of the money class."""
    return bool(obj) and (obj == "loan" or class_of(obj) == "money" or bool(SUM.search(obj)))


def _talks(obj: str | None) -> bool:
    """Whether an object is talks between sides ("talks", "technical negotiations"): a mutual act."""
    return class_of(obj or "") == "talks"


def shared_with(best: Cluster, pool: list[Cluster], o: dict) -> list[Cluster]:
    """The other promises an outcome settles besides `best`, the one it was linked to: the same act
    promised at the same time to several states (a halt promised to three negotiating partners, one
    commitment toward each) is settled for each of them by an outcome that names none of them; an
    outcome told of a group or of a total ("the donors have handed over only a fraction of the sum
    pledged", "both sides have kept to the truce"), naming no single state as its actor, settles each
    member's own promise made with the others, toward the same promisee (several donors) or the other
    way round (a mutual truce). Only promises of the same kind and thing made at the same time."""
    p, q = best.direction_cache  # type: ignore[attr-defined]
    # talks are held by both sides at once: "the talks took place" names no actor and needs no "both"
    group = o["actor"] is None and (bool(COLLECTIVE.search(o.get("text") or "")) or _talks(o["object"]))
    money = _names_money(o["object"]) and _is_money(best)
    out = []
    for c in pool:
        cp, cq = c.direction_cache  # type: ignore[attr-defined]
        if c is best or c.kind != best.kind:
            continue
        several_promisees = cp == p and cq != q and o["counterpart"] is None
        several_promisors = group and (cq == q and cp != p or (cp, cq) == (q, p))
        if (several_promisees or several_promisors) and (c.objects & best.objects or money and _is_money(c)) \
                and _same_time(c, best):
            out.append(c)
    return out


def split_fulfilled(clusters: list[Cluster], outcomes: list[dict]) -> list[Cluster]:
    """A promise on the same object made (explicitly, or as "a new contract") after the last one
    was fulfilled is a new commitment, not a retelling."""
    out: list[Cluster] = []
    by_object: dict[str, list[dict]] = defaultdict(list)
    for o in outcomes:
        if o["kind"] in ("delivered", "delivered_partial") and o["date"]:
            by_object[o["object"]].append(o)
    for c in clusters:
        promisor, promisee = c.direction()
        outcomes = by_object.get(c.object, [])
        delivered = sorted(o["date"] for o in outcomes if o["kind"] in ("delivered", "delivered_partial")
                           and o["date"] and _outcome_fits(c, o, promisor, promisee))
        if not delivered:
            out.append(c)
            continue
        first = delivered[0]
        full = sorted(o["date"] for o in outcomes if o["kind"] == "delivered" and o["date"]
                      and _outcome_fits(c, o, promisor, promisee))
        last_full = full[0] if full else None
        old = [m for m in c.mentions if not (m["made"] and (
            m["is_new"] and m["made"] > first
            or last_full and m["made_explicit"] and m["made"] > last_full + dt.timedelta(days=365)))]
        new = [m for m in c.mentions if m not in old]
        if old and new:
            c.mentions = old
            out.append(c)
            n = Cluster(c.kind, c.object, c.pair, new)
            out.append(n)
        else:
            out.append(c)
    return out


def _reworded(a: str, b: str) -> bool:
    """Two names of one promised thing: the same head word, two sums of money, or people held either
    way ("servicemen", "detainees": soldiers held by the other side are its captives); never two
    designations ("k2", "k9") nor two things only of one broad class (tanks and howitzers)."""
    da, db = ({w for w in x.split() if any(ch.isdigit() for ch in w)} for x in (a, b))
    if da and db and da != db:
        return False  # "k2 tanks" and "k9 howitzers" signed the same day are two deliveries
    ha, hb = a.split()[-1].rstrip("s"), b.split()[-1].rstrip("s")
    ca, cb = class_of(a), class_of(b)
    return ha == hb or {ca, cb} <= {"troops", "people"} or ca == cb == "money"


def _made_period(c: Cluster) -> tuple[dt.date, str] | None:
    stated = [m for m in c.mentions if m["made"] and m["made_explicit"]] or [m for m in c.mentions if m["made"]]
    if not stated:
        return None
    rank = {"day": 0, "month": 1, "year": 2}
    m = min(stated, key=lambda m: (m["made"], rank.get(m.get("made_precision") or "day", 0)))
    return m["made"], m.get("made_precision") or "day"


def _same_time(a: Cluster, b: Cluster) -> bool:
    """Made the same day, or one made at a time only known to the month or year that holds the other
    ("the aid package agreed in 2013" and "the $3 billion pledged on 29 December 2013")."""
    pa_, pb = _made_period(a), _made_period(b)
    if pa_ is None or pb is None:
        return False
    (da, qa), (db, qb) = pa_, pb
    if da == db:
        return True
    for (d1, q1), d2 in (((da, qa), db), ((db, qb), da)):
        if q1 == "year" and d1.year == d2.year or q1 == "month" and (d1.year, d1.month) == (d2.year, d2.month):
            return True
    return False


def _amounts_differ(a: Cluster, b: Cluster) -> bool:
    """Two sums stated ("$3 billion", "$1 billion"): two promises, however alike their words."""
    sa = {m["amount"] for m in a.mentions if m.get("amount")}
    sb = {m["amount"] for m in b.mentions if m.get("amount")}
    return bool(sa and sb and not sa & sb)


#: A sum as stated: its number and its magnitude ("roughly $6 billion", "6 billion dollars" -> "6 billion").
SUM_KEY = re.compile(r"(\d[\d.,]*)\s*(million|billion|trillion|bn|m)\b", re.I)


def _sum_keys(c: Cluster) -> set[str]:
    keys = set()
    for m in c.mentions:
        for n, mag in SUM_KEY.findall(m.get("amount") or ""):
            mag = {"bn": "billion", "m": "million"}.get(mag.lower(), mag.lower())
            keys.add(f"{n.replace(',', '').rstrip('.')} {mag}")
    return keys


def _stated_sums(o: dict) -> set[str]:
    """The sums of millions or billions an outcome's object states ("$2 billion", "$1 billion aid")."""
    keys = set()
    for n, mag in SUM_KEY.findall(o.get("object") or ""):
        mag = {"bn": "billion", "m": "million"}.get(mag.lower(), mag.lower())
        keys.add(f"{n.replace(',', '').rstrip('.')} {mag}")
    return keys


def merge_same_sum(clusters: list[Cluster]) -> list[Cluster]:
    """One promise retold with its sum ("promised to buy an additional $200 billion of exports", "came up
    $200 billion short of the goods it had committed to buy"): the clusters of one direction and kind whose
    acts agree and that state the same sum of millions or billions are one, whatever the words for the
    thing and whenever the retelling; a sum is rarely promised twice between the same two states."""
    out: list[Cluster] = []
    for c in clusters:
        keys = _sum_keys(c)
        target = next((t for t in out if keys and t.kind == c.kind and t.direction() == c.direction()
                       and keys & _sum_keys(t) and all(agree(act_of(x), act_of(y))
                                                      for x in t.mentions for y in c.mentions)), None)
        if target is None:
            out.append(c)
        else:
            target.mentions.extend(c.mentions)
    return out


def _dues_differ(a: Cluster, b: Cluster) -> bool:
    """Two deadlines stated ("out of the buffer zone within a month", "checkpoints gone by next week"):
    two promises made the same day, not one named in other words."""
    da = {m["due"] for m in a.mentions if m.get("due")}
    db = {m["due"] for m in b.mentions if m.get("due")}
    return bool(da and db and not da & db)


def _named_together(a: Cluster, b: Cluster) -> bool:
    """Whether a sentence of one commitment names the other's thing too ("would suspend all enrichment
    and the reprocessing of fuel" beside "agreed to suspend enrichment")."""
    return any(b.object in (m["text"] or "").lower() for m in a.mentions) or \
        any(a.object in (m["text"] or "").lower() for m in b.mentions)


#: The `what` verbs of halting an activity: whatever the reading, such a promise is kept by not acting.
HALTING = frozenset({"suspend", "freeze", "halt", "stop", "pause", "cease"})


#: A promise given "in return" or "in exchange" answers the one told just before it: one bargain.
EXCHANGE = re.compile(r"^\W*(?:\S+\s+){0,4}?in\s+(?:return|exchange)\b", re.I)
#: How many sentences back the promise answered may stand.
EXCHANGE_REACH = 2


def exchange_dated(mentions: list[dict]) -> None:
    """A promise told as the other half of a bargain ("In return, the partners undertook to build two
    reactors", "Libya in exchange promised to deploy its coast guard"), in a sentence that gives no
    date of its own, was made when the promise it answers was: that of the nearest mention up to
    EXCHANGE_REACH sentences before it, in the same article, with a stated made date and a state in
    common. Without this, a retelling years later dates the second half by its article."""
    by_doc: dict[str, list[dict]] = defaultdict(list)
    for m in mentions:
        by_doc[m["doc_id"]].append(m)
    for doc_mentions in by_doc.values():
        for m in doc_mentions:
            if m["made_explicit"] or not EXCHANGE.match(m.get("text") or ""):
                continue
            states = {m["promisor"], m["promisee"]} - {None}
            before = [x for x in doc_mentions if x["made_explicit"] and x["made"]
                      and 0 < m["sentence_index"] - x["sentence_index"] <= EXCHANGE_REACH
                      and states & ({x["promisor"], x["promisee"]} - {None})]
            if before:
                x = max(before, key=lambda x: x["sentence_index"])
                m["made"], m["made_precision"], m["made_explicit"] = x["made"], x["made_precision"], True


def halts_read_as_refrain(mentions: list[dict]) -> None:
    """A promise to halt an activity ("would suspend enrichment", "will freeze the programme") is a
    promise to refrain, even where the sentence's reading gave it as something to deliver: it is
    judged as one (a suspension reported is the promise kept) and merges with the same halt told as
    a refrain."""
    for m in mentions:
        if m["kind"] == "deliver" and (m["what"] or "").split(" ")[0] in HALTING:
            m["kind"] = "refrain"


def merge_reworded(clusters: list[Cluster]) -> list[Cluster]:
    """One promise named in other words ("release the detainees", "release the servicemen", made the
    same day between the same states): the clusters of the same direction, kind and action, with
    related objects (`objects.related`) made at the same time (`_same_time`), are one. A halt of
    several activities named together in one sentence ("suspend enrichment and reprocessing") is one
    promise to refrain, as it is kept or broken as one."""
    out: list[Cluster] = []
    groups: dict[tuple, list[Cluster]] = defaultdict(list)
    for c in clusters:
        key = (c.kind, c.direction(), _what(c).split(" ")[0])
        target = next((t for t in groups[key] if _same_time(t, c) and (
            _reworded(t.object, c.object) or c.kind == "refrain" and _named_together(t, c))
            and not _amounts_differ(t, c) and not _dues_differ(t, c)), None)
        if target is None:
            groups[key].append(c)
            out.append(c)
        else:
            target.mentions.extend(c.mentions)
    return out


def split_renewed(clusters: list[Cluster], outcomes: list[dict]) -> list[Cluster]:
    """A promise to refrain (a ceasefire) restated with its own date after it was broken (by either
    side: a ceasefire is renewed by both) is a new commitment, the renewal, judged on what came after
    it: "the two armies agreed in 2021 to observe the 2003 ceasefire" is not the 2003 ceasefire,
    broken in 2019."""
    out: list[Cluster] = []
    for c in clusters:
        if c.kind != "refrain":
            out.append(c)
            continue
        made = c.made
        breaks = sorted(o["date"] for o in outcomes if o["kind"] in ("violated", "cancelled") and o["date"]
                        and o["object"] in c.objects and o["actor"] in c.pair and (made is None or o["date"] > made))
        new = [m for m in c.mentions if breaks and m["made_explicit"] and m["made"] and m["made"] > breaks[0]]
        old = [m for m in c.mentions if m not in new]
        if old and new:
            c.mentions = old
            out.extend([c, Cluster(c.kind, c.object, c.pair, new)])
        else:
            out.append(c)
    return out


def mark_duplicates(outcomes: list[dict]) -> dict[str, str]:
    """Outcomes repeated by near-duplicate copies of a story, and a deed read twice in one sentence
    without its parties the second time ("Iran had supplied Russia with drones, but they had been sent
    months before"): copy id -> first id. A partyless copy would otherwise settle any promise of its
    article's states."""
    first: dict[tuple, tuple[str, str]] = {}
    dup: dict[str, str] = {}
    told = {(o["doc_id"], o["sentence_index"], o["kind"], o["object"]): o["outcome_id"]
            for o in outcomes if o["actor"] or o["counterpart"]}
    for o in outcomes:
        k = (o["doc_id"], o["sentence_index"], o["kind"], o["object"])
        if not o["actor"] and not o["counterpart"] and k in told:
            dup[o["outcome_id"]] = told[k]
    for o in sorted(outcomes, key=lambda o: (o["doc_date"] or dt.date.min, o["doc_id"], o["sentence_index"])):
        k = (o["story_id"], o["kind"], o["object"], o["date"])
        if o["outcome_id"] in dup:
            continue
        if o["story_id"] and k in first and first[k][1] != o["doc_id"]:
            dup[o["outcome_id"]] = first[k][0]  # the same report in another copy of the story
        elif k not in first:
            first[k] = (o["outcome_id"], o["doc_id"])
    return dup


def relink(store: Store) -> None:
    """Rebuild text-origin commitments and their evidence, and link every text outcome."""
    mentions = store.query(
        "SELECT m.*, coalesce(m.story_id, d.story_id) AS story FROM commitment_mentions m "
        "LEFT JOIN documents d USING (doc_id)")
    for m in mentions:
        m["story_id"] = m.pop("story")
    halts_read_as_refrain(mentions)
    exchange_dated(mentions)
    outcomes = store.query(
        "SELECT o.outcome_id, o.kind, o.actor, o.counterpart, o.object, o.date, o.date_precision, o.doc_id, "
        "o.sentence_index, o.context, o.what, "
        "coalesce(o.story_id, d.story_id) AS story_id, d.date AS doc_date, o.text FROM outcomes o "
        "LEFT JOIN documents d USING (doc_id) WHERE o.origin = 'text'")
    dup = mark_duplicates(outcomes)
    live = [o for o in outcomes if o["outcome_id"] not in dup]
    clusters = split_renewed(split_fulfilled(merge_same_sum(merge_reworded(cluster_mentions(mentions))), live),
                             live)

    links: dict[str, str] = {}
    shared: list[tuple[str, str]] = []  # (outcome, another commitment it settles): see `shared_with`
    rows, evidence = [], []
    for c in clusters:
        promisor, promisee = c.direction(live)
        if not promisor or not promisee:
            continue
        c.mentions.sort(key=lambda m: (m["made"] or dt.date.max, m["doc_date"] or dt.date.max, m["doc_id"],
                                       m["sentence_index"]))
        rep = c.mentions[0]
        cid = short_id("text", rep["mention_id"])
        dues = [m for m in c.mentions if m["due"]]
        # the original deadline (the first made), and of those stated together the last: "out of the
        # cities by June 2009 and out of the country by 2011" is due in 2011, the first a milestone
        due_m = min(dues, key=lambda m: (m["made"] or dt.date.max, -m["due"].toordinal())) if dues else None
        whats = Counter(m["what"] for m in c.mentions)
        terms: list[str] = []
        for m in c.mentions:
            for t in m["terms"] or []:
                if t not in terms:
                    terms.append(t)
        explicit = [m for m in c.mentions if m["made_explicit"] and m["made"]]
        made_m = min(explicit or c.mentions, key=lambda m: (m["made"] or dt.date.max,
                                                             {"day": 0, "month": 1, "year": 2}.get(
                                                                 m["made_precision"], 3)))
        rows.append({
            "commitment_id": cid, "origin": "text", "promisor": promisor, "promisee": promisee, "kind": c.kind,
            "what": max(whats, key=lambda w: (whats[w], -len(w))), "terms": terms, "object": c.object,
            "amount": next((m["amount"] for m in c.mentions if m["amount"]), None),
            "quantity": next((m["quantity"] for m in c.mentions if m["quantity"]), None),
            "made": made_m["made"], "made_precision": made_m["made_precision"],
            "due": due_m["due"] if due_m else None, "due_precision": due_m["due_precision"] if due_m else None,
            "grace_days": next((m["grace_days"] for m in c.mentions if m["grace_days"]), None),
            "due_first": bool(due_m and due_m.get("due_first")),
            "doc_id": rep["doc_id"], "sentence_index": rep["sentence_index"], "story_id": rep["story_id"],
            "text": rep["text"],
        })
        seen_ev: set[tuple] = set()
        for m in c.mentions:
            k = (m["story_id"], m["text"])
            if k in seen_ev:
                continue
            seen_ev.add(k)
            evidence.append({"commitment_id": cid, "doc_id": m["doc_id"], "sentence_index": m["sentence_index"],
                             "text": m["text"], "mention_id": m["mention_id"], "story_id": m["story_id"]})
        c.id = cid  # type: ignore[attr-defined]
        c.direction_cache = (promisor, promisee)  # type: ignore[attr-defined]

    kept = [c for c in clusters if hasattr(c, "id")]
    # candidates by object, and by the agreements named in their terms, so linking stays linear
    by_object: dict[str, list[Cluster]] = defaultdict(list)
    by_term: dict[str, list[Cluster]] = defaultdict(list)
    for c in kept:
        for obj in c.objects:
            by_object[obj].append(c)
        for t in {t for m in c.mentions for t in (m["terms"] or [])}:
            if category_of(t) == "agreement":
                by_term[t].append(c)
    for o in live:
        best = None
        pool = by_object.get(o["object"], []) + [c for c in by_term.get(o["object"], [])
                                                 if c.object != o["object"]]
        if _names_money(o["object"]):
            pool += [c for c in kept if c.object != o["object"] and _is_money(c)]
        fits = [c for c in pool if _outcome_fits(c, o, *c.direction_cache)]  # type: ignore[attr-defined]
        if o["counterpart"] is None and o.get("context"):
            # a counterpart the sentence leaves out is one of the states its article is about
            about = set(o["context"])
            inside = [c for c in fits if set(c.direction_cache) <= about]  # type: ignore[attr-defined]
            # outside the article's states only a promise of the very object named ("the sum paid" in an
            # article about another pair settles nothing of this one)
            # and never a promise between states the article does not name at all (an unnamed "activity"
            # restarted in a report on Iran settles nothing between Sudan and Chad)
            fits = inside or [c for c in fits if o["object"] in c.objects
                              and set(c.direction_cache) & about]  # type: ignore[attr-defined]
        sums = _stated_sums(o)
        if sums and any(sums & _sum_keys(c) for c in fits):
            # "the $2 billion was released", "scrapped what was left of $1 billion": the promise of that sum
            fits = [c for c in fits if sums & _sum_keys(c)]
        exact = [c for c in fits if o["object"] in c.objects]
        if exact:
            # the newest promise it can settle, a promise to deliver before one to pay for it
            # (one made before the outcome first: a promise dated only by a later article is a last resort)
            best = max(exact, key=lambda c: (c.made is None or o["date"] is None or c.made <= o["date"],
                                             _what(c).split(" ")[0] not in ("pay", "buy"), c.made or dt.date.min))
        elif fits:
            best = min(fits, key=lambda c: (c.kind != "deliver", c.made or dt.date.max))
        loose: list[Cluster] = []
        if best is None and o["object"]:
            # open vocabulary: "the troops" settles the promise to withdraw "forces" in the article's pair
            about = set(o.get("context") or [])
            loose = [c for c in kept if o["object"] not in c.objects
                     and any(related(x, o["object"]) or same_agreement(x, o["object"]) for x in c.objects)
                     and (not about or set(c.direction_cache) <= about)  # type: ignore[attr-defined]
                     and _outcome_fits(c, o, *c.direction_cache, loose=True)]  # type: ignore[attr-defined]
            if loose:
                # a withdrawal settles the promise to withdraw before a promise about the same troops
                moving = class_of(o["object"]) == "troops"
                # and a promise of the thing by its own head word ("gas" / "natural gas") before one of
                # its class only ("gas" / the Power of Siberia pipeline)
                head = o["object"].split()[-1].rstrip("s")
                best = max(loose, key=lambda c: (moving and _what(c).split(" ")[0] in MOVE_VERBS,
                                                 any(x.split()[-1].rstrip("s") == head for x in c.objects),
                                                 c.made or dt.date.min))
        if best is None:
            best = _halt_resumed(kept, o)
        clauses: list[Cluster] = []
        if best is None:
            clauses = _agreement_clauses(kept, o)
            best = clauses[0] if clauses else None
        if best is not None:
            links[o["outcome_id"]] = best.id  # type: ignore[attr-defined]
            pool = fits if best in fits else loose
            if o["actor"] is None and COLLECTIVE.search(o.get("text") or ""):
                # a group's outcome reaches pledges its article does not name ("of the full amount" pledged
                # at the conference): `shared_with` keeps only those made with `best`, to the same promisee
                inside = {id(c) for c in pool}
                pool = pool + [c for c in kept if id(c) not in inside and _outcome_fits(
                    c, o, *c.direction_cache, loose=True)]  # type: ignore[attr-defined]
            shared += [(o["outcome_id"], c.id) for c in shared_with(best, pool, o)]  # type: ignore[attr-defined]
            shared += [(o["outcome_id"], c.id) for c in clauses[1:]]  # type: ignore[attr-defined]
    for copy, first in dup.items():
        if first in links:
            links[copy] = links[first]

    deeds = breach_by_deed(store, kept)

    con = store.con
    con.execute("DELETE FROM outcomes WHERE origin IN ('deed', 'shared')")
    con.execute("DELETE FROM commitment_evidence WHERE commitment_id IN "
                "(SELECT commitment_id FROM commitments WHERE origin = 'text')")
    con.execute("DELETE FROM commitments WHERE origin = 'text'")
    con.execute("UPDATE outcomes SET commitment_id = NULL, duplicate_of = NULL WHERE origin = 'text'")
    if rows:
        store.insert_arrow("commitments", pa.Table.from_pylist(rows, schema=_COMMITMENT_SCHEMA))
    if evidence:
        store.insert_arrow("commitment_evidence", pa.Table.from_pylist(evidence, schema=_EVIDENCE_SCHEMA))
    if links or dup:
        ids = sorted(set(links) | set(dup))
        t = pa.table({"outcome_id": ids, "commitment_id": [links.get(i) for i in ids],
                      "duplicate_of": [dup.get(i) for i in ids]})
        store.update_arrow("outcomes", "outcome_id", t)
    if deeds:
        store.insert_arrow("outcomes", pa.Table.from_pylist(deeds, schema=_DEED_SCHEMA))
    if shared:
        # a copy of the outcome for each other promise it settles (origin 'shared', rebuilt on every relink)
        t = pa.table({"src": [s for s, _ in shared], "cid": [c for _, c in shared],
                      "new_id": [short_id("shared", s, c) for s, c in shared]})
        con.register("_shared", t)
        try:
            con.execute("INSERT INTO outcomes BY NAME SELECT o.* REPLACE (s.new_id AS outcome_id, s.cid AS "
                        "commitment_id, 'shared' AS origin) FROM outcomes o JOIN _shared s ON o.outcome_id = s.src")
        finally:
            con.unregister("_shared")


def _halt_resumed(kept: list[Cluster], o: dict) -> Cluster | None:
    """The promise to halt that an activity restarted breaks when the outcome names the activity only
    generically ("Iran has restarted nuclear work" after promising to suspend enrichment): the actor's
    newest promise to halt made before it, to a state the article is about (the halt in force)."""
    if o["kind"] != "resumed" or o.get("object") != "activity" or not o["actor"]:  # outcomes.ACTIVITY_KEY
        return None
    about = set(o.get("context") or [])
    cands = [c for c in kept if c.direction_cache[0] == o["actor"]  # type: ignore[attr-defined]
             and (not about or set(c.direction_cache) <= about)  # type: ignore[attr-defined]
             and any((m["what"] or "").split(" ")[0] in HALTING for m in c.mentions)
             and (c.made is None or o["date"] is None or c.made <= o["date"])
             and _outcome_fits(c, o, *c.direction_cache, loose=True)]  # type: ignore[attr-defined]
    if not cands:
        return None
    newest = max(c.made or dt.date.min for c in cands)
    return next(c for c in cands if (c.made or dt.date.min) == newest)


def _agreement_clauses(kept: list[Cluster], o: dict) -> list[Cluster]:
    """The promises an agreement cancelled by one of its parties held for that party, when they were
    named by their own things: "A and B signed a protocol committing them to open their borders",
    then "A has cancelled the protocols" ends A's promise to open the border, though no promise was
    keyed 'protocol'. A clause is a promise of the actor, to a state the article is about, made before
    the cancellation in a sentence that names the agreement by the same noun. Only the party that
    walks out breaks its promises (the other side's stay as they were). Oldest first."""
    obj = o.get("object") or ""
    head = obj.split()[-1] if obj else ""
    singular = head.rstrip("s") if head.rstrip("s") in AGREEMENT_HEADS else head  # "protocols" -> "protocol"
    if o["kind"] != "cancelled" or not o["actor"] or singular not in AGREEMENT_HEADS:
        return []
    noun = re.compile(r"\b" + re.escape(singular) + r"s?\b", re.I)
    about = set(o.get("context") or [])
    out = []
    for c in kept:
        promisor, promisee = c.direction_cache  # type: ignore[attr-defined]
        if promisor != o["actor"] or obj in c.objects or (about and not {promisor, promisee} <= about):
            continue
        if o["date"] and c.made and c.made > o["date"]:
            continue
        if any(noun.search(m["text"] or "") for m in c.mentions) and _outcome_fits(c, o, promisor, promisee,
                                                                                  loose=True):
            out.append(c)
    return sorted(out, key=lambda c: c.made or dt.date.min)


def _forswears_force(c: Cluster) -> bool:
    """A promise not to use force against the promisee: a ceasefire, non-aggression, respect for
    borders or territorial integrity, non-interference."""
    text = " ".join([c.object or "", _what(c)]).lower()
    return c.kind == "refrain" and any(w in text for w in (
        "ceasefire", "cease-fire", "truce", "armistice", "aggression", "force", "border", "integrity", "sovereignty",
        "attack", "interference", "intervention", "hostilit", "assurance", "peace"))


def _lifts_sanctions(c: Cluster) -> bool:
    text = " ".join([c.object or "", _what(c)]).lower()
    return c.kind == "deliver" and any(w in text for w in ("sanction", "embargo")) and \
        _what(c).split(" ")[0] in ("lift", "ease", "remove", "suspend", "end")


def breach_by_deed(store: Store, clusters: list[Cluster]) -> list[dict]:
    """Coded deeds that contradict an open promise settle it, with the deed's sentence as evidence:
    an assault, a fight or mass violence (CAMEO 18-20) by the promisor against the promisee breaks a
    promise not to use force (ceasefire, non-aggression, borders); imposing sanctions (163) breaks a
    promise to lift them. Only deeds (`mode` did, not negated) after the promise was made count."""
    force = [c for c in clusters if _forswears_force(c)]
    relief = [c for c in clusters if _lifts_sanctions(c)]
    if not force and not relief:
        return []
    events = store.query(
        "SELECT event_id, source_country, target_country, cameo, root, date, date_precision, doc_id, "
        "sentence_index, story_id, text FROM events WHERE coalesce(mode, 'did') = 'did' "
        "AND NOT coalesce(negated, false) AND date IS NOT NULL AND (root IN ('18', '19', '20') "
        "OR cameo LIKE '163%') ORDER BY date, event_id")
    out: list[dict] = []
    for c, test in [(c, lambda e: e["root"] in FORCE_ROOTS) for c in force] + \
                   [(c, lambda e: str(e["cameo"]).startswith(SANCTION_CODES)) for c in relief]:
        promisor, promisee = c.direction_cache  # type: ignore[attr-defined]
        made = c.made
        for e in events:
            if e["source_country"] != promisor or e["target_country"] != promisee or not test(e):
                continue
            if made and e["date"] <= made:
                continue
            out.append({"outcome_id": short_id("deed", c.id, e["event_id"]),  # type: ignore[attr-defined]
                        "commitment_id": c.id, "origin": "deed",  # type: ignore[attr-defined]
                        "actor": promisor, "counterpart": promisee, "kind": "violated",
                        "what": f"CAMEO {e['cameo']}", "object": c.object, "date": e["date"],
                        "date_precision": e["date_precision"] or "day", "doc_id": e["doc_id"],
                        "sentence_index": e["sentence_index"], "story_id": e["story_id"], "text": e["text"]})
            break  # the first deed that breaks it is its evidence
    return out


_COMMITMENT_SCHEMA = pa.schema([
    ("commitment_id", pa.string()), ("origin", pa.string()), ("promisor", pa.string()), ("promisee", pa.string()),
    ("kind", pa.string()), ("what", pa.string()), ("terms", pa.list_(pa.string())), ("object", pa.string()),
    ("amount", pa.string()), ("quantity", pa.int32()), ("made", pa.date32()), ("made_precision", pa.string()),
    ("due", pa.date32()), ("due_precision", pa.string()), ("grace_days", pa.int32()), ("doc_id", pa.string()),
    ("sentence_index", pa.int32()), ("story_id", pa.string()), ("text", pa.string()), ("due_first", pa.bool_()),
])
_DEED_SCHEMA = pa.schema([
    ("outcome_id", pa.string()), ("commitment_id", pa.string()), ("origin", pa.string()), ("actor", pa.string()),
    ("counterpart", pa.string()), ("kind", pa.string()), ("what", pa.string()), ("object", pa.string()),
    ("date", pa.date32()), ("date_precision", pa.string()), ("doc_id", pa.string()), ("sentence_index", pa.int32()),
    ("story_id", pa.string()), ("text", pa.string()),
])
_EVIDENCE_SCHEMA = pa.schema([
    ("commitment_id", pa.string()), ("doc_id", pa.string()), ("sentence_index", pa.int32()), ("text", pa.string()),
    ("mention_id", pa.string()), ("story_id", pa.string()),
])
