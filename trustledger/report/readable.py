"""Turning stored rows into evidence a reader can use: dates as precise as they were written,
whole sentences, one line per reported outcome, only the sentences that state a promise, CAMEO
codes with their names.

Why this is its own module: the store keeps what the stages found (a sentence per row, an outcome
per mention, a date with a precision column), which is right for counting and tracing but reads
badly — the same delivery listed three times because three stories reported it, "1999-01-01" for a
promise made "in 1999", a quote that stops at "Brig." because the sentence splitter of an older
ingest took the abbreviation for a full stop. The report, the Markdown and the web app format through these
functions so they all read the same way. Nothing here changes a number: the assessment still
counts what the store holds.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from trustledger.coding.cameo import lookup
from trustledger.store.db import Store
from trustledger.words import word_list, word_map

MONTHS = word_list("month_names")

#: Abbreviations that always run on into a name, so a stored "sentence" ending in one was cut by the
#: splitter: the titles of `data/words/abbreviations.txt`, the list the splitter itself reads
#: (`nlp/abbreviations.py`), as written ("Brig."), matched case-sensitively with their full stop.
#: Documents split since the splitter reads that list are not cut there; the repair stays for stores
#: split before (stored sentence indices never change).
TITLE_ABBREVIATIONS = frozenset(k[:1].upper() + k[1:] for k, v in word_map("abbreviations").items() if v == "title")
#: A dotted initialism ("U.S.", "U.N.", "D.C."): a cut there is real only when the next sentence
#: starts in lower case or with a digit (a true sentence end is followed by a capital).
_INITIALISM = re.compile(r"(?:\b[A-Z]\.){2,}$")
_LAST_WORD = re.compile(r"(\S+)\s*$")


def when(value: Any, precision: str | None = None, written: str | None = None) -> str:
    """A date as precise as it is known: "1999" for a year, "March 1999" for a month,
    "12 March 1999" for a day. `written` (the text the stage kept, "Sept. 2021") wins when given,
    since it is what the source said; an empty date is "–"."""
    if written:
        return str(written)
    if value is None or value == "":
        return "–"
    if isinstance(value, str):
        try:
            value = dt.date.fromisoformat(value[:10])
        except ValueError:
            return value
    if isinstance(value, dt.datetime):
        value = value.date()
    if not isinstance(value, dt.date):
        return str(value)
    if precision == "year":
        return str(value.year)
    if precision == "month":
        return f"{MONTHS[value.month - 1]} {value.year}"
    return f"{value.day} {MONTHS[value.month - 1]} {value.year}"


def cameo_label(code: Any) -> str:
    """A CAMEO code with its codebook name: "0311 Express intent to cooperate economically";
    the code alone when the codebook does not know it."""
    if not code:
        return ""
    try:
        return f"{code} {lookup(str(code)).name}"
    except (KeyError, ValueError):
        return str(code)


def cut_at_abbreviation(text: str | None) -> bool:
    """Whether a stored sentence ends on a title abbreviation ("... by Brig."): the splitter cut it."""
    m = _LAST_WORD.search(text or "")
    return bool(m) and m.group(1).lstrip("(\"'“‘") in TITLE_ABBREVIATIONS


def _runs_on(prev: str, nxt: str) -> bool:
    """Whether `nxt` continues `prev` rather than starting a new sentence."""
    if cut_at_abbreviation(prev):
        return True
    first = nxt.lstrip()[:1]
    return bool(_INITIALISM.search(prev.rstrip())) and bool(first) and (first.islower() or first.isdigit())


def whole_sentences(store: Store, items: list[dict[str, Any]]) -> None:
    """Give each item (with `doc_id`, `sentence_index`, `text`) its whole sentence, in place: a
    sentence the splitter cut at an abbreviation is joined with its neighbours from the store.

    Display only: the stored sentences, and the events and commitments found in them, stay as they
    are. One query for all items."""
    keys = sorted({(i["doc_id"], i["sentence_index"]) for i in items
                   if i.get("doc_id") and i.get("sentence_index") is not None})
    if not keys:
        return
    docs = sorted({k[0] for k in keys})
    rows = store.query(
        "SELECT doc_id, sentence_index, text FROM sentences WHERE list_contains(?, doc_id) "
        "ORDER BY doc_id, sentence_index", [docs])
    by_doc: dict[str, dict[int, str]] = {}
    for r in rows:
        by_doc.setdefault(r["doc_id"], {})[r["sentence_index"]] = r["text"] or ""
    for item in items:
        sents = by_doc.get(item.get("doc_id") or "")
        k = item.get("sentence_index")
        if not sents or k is None or k not in sents:
            continue
        lo = hi = k
        while lo - 1 in sents and _runs_on(sents[lo - 1], sents[lo]):
            lo -= 1
        while hi + 1 in sents and _runs_on(sents[hi], sents[hi + 1]):
            hi += 1
        if (lo, hi) != (k, k):
            item["text"] = " ".join(sents[j].strip() for j in range(lo, hi + 1))


#: Outcome kinds in the order a reader expects them in one group line.
OUTCOME_WORDS = {
    "delivered": "delivered", "delivered_partial": "partly delivered", "delayed": "delayed",
    "suspended": "suspended", "resumed": "resumed", "refused": "refused", "cancelled": "cancelled",
    "not_delivered": "not delivered", "violated": "violated", "observed": "kept to so far",
}


#: How precise a date is, for picking the date a group of outcomes shows.
_PRECISION_RANK = {"year": 0, "month": 1, "day": 2}


def _period_key(value: Any, precision: str | None) -> str:
    """The period an outcome's date falls in for grouping: its month ("2007-12") when the month is
    known (day or month precision), else its year ("2007"); an empty date is ""."""
    iso = str(value or "")[:10]
    if not iso:
        return ""
    return iso[:4] if precision == "year" else iso[:7]


def outcome_groups(outcomes: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The outcomes of one commitment, one group per month (or per year, for a date known only to the
    year), oldest first: what was reported in that month (kinds in the order they were first seen)
    and the stories that reported it, each story once (copies of one story share a `story_id`; an
    outcome without one is its own story). The group shows the most precise date reported in it
    ("17 December 2007" when one story gives the day and two others only "December 2007"; the
    earliest of several days): stories that date one event at different precisions are one line,
    and "delivered, December 2007 — 3 stories" replaces three identical lines.

    Outcomes need `kind`, `date`, `date_precision`; `story_id` and `doc_id` when known. Each group:
    `when`, `date`, `kinds` [{kind, label, stories}], `stories` (count), `reports` (one outcome per
    story and kind, for citing), `items` (every sentence of the group, for a page that lists them all).
    The report, `trustledger ledger` and the web app all group outcomes through here."""
    groups: dict[str, dict[str, Any]] = {}
    for o in outcomes:
        if o.get("duplicate_of"):
            continue
        date, precision = o.get("date"), o.get("date_precision")
        key = _period_key(date, precision)
        g = groups.setdefault(key, {"date": date, "precision": precision, "kinds": {}, "story_ids": [],
                                    "reports": [], "items": []})
        g["items"].append(o)
        rank, best = _PRECISION_RANK.get(precision or "day", 2), _PRECISION_RANK.get(g["precision"] or "day", 2)
        if rank > best or (rank == best and str(date or "") < str(g["date"] or "")):
            g["date"], g["precision"] = date, precision
        story = o.get("story_id") or o.get("doc_id") or o.get("outcome_id")
        kind = g["kinds"].setdefault(o.get("kind"), {"kind": o.get("kind"),
                                                     "label": OUTCOME_WORDS.get(o.get("kind"), o.get("kind")),
                                                     "story_ids": []})
        if story not in kind["story_ids"]:
            kind["story_ids"].append(story)
            g["reports"].append(o)
        if story not in g["story_ids"]:
            g["story_ids"].append(story)
    out = []
    for key, g in groups.items():
        kinds = [{"kind": k["kind"], "label": k["label"], "stories": len(k["story_ids"])} for k in g["kinds"].values()]
        out.append({"when": when(g["date"], g["precision"]), "date": g["date"], "kinds": kinds,
                    "stories": len(g["story_ids"]), "reports": g["reports"], "items": g["items"], "period": key})
    return sorted(out, key=lambda g: (g["period"], str(g["date"] or "")))


def outcome_line(group: dict[str, Any]) -> str:
    """One group in words: "December 2007: delivered (3 stories), partly delivered"."""
    kinds = ", ".join(k["label"] + (f" ({k['stories']} stories)" if k["stories"] > 1 else "") for k in group["kinds"])
    return f"{group['when']}: {kinds}"


def promise_sentences(entry: dict[str, Any]) -> list[dict[str, Any]]:
    """The evidence sentences that state the promise itself: a sentence that is also one of the
    entry's outcomes (it reports a delivery, a delay or a breach) is evidence of what happened, not of
    the promise, and a story's copies give one sentence. Earliest document first."""
    outcome_keys = {(o.get("doc_id"), o.get("sentence_index")) for o in entry.get("outcomes") or []}
    seen: set[Any] = set()
    out = []
    for e in entry.get("evidence") or []:
        if (e.get("doc_id"), e.get("sentence_index")) in outcome_keys:
            continue
        story = (e.get("story_id") or e.get("doc_id"), e.get("text"))
        if story in seen:
            continue
        seen.add(story)
        out.append(e)
    return sorted(out, key=lambda e: str(e.get("doc_date") or e.get("date") or ""))
