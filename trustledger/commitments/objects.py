"""What was promised, in open vocabulary: the noun phrase the promised action governs, normalised.

The alias table (`object_aliases.csv`) is only an enrichment that joins spellings of one object;
without it, the object is read from the grammar of the sentence:
* a designation in the phrase names it: F-16, Su-35, S-400, K2, APR-1400, "Type 039" (letters and
  digits, or a type word with a number), plural "s" dropped ("F-16s" → `f-16`);
* else proper names in the phrase with their head ("the Power of Siberia pipeline", "the Barakah
  plant", "New START");
* else a sum of money with what it is for ("$212 million in aid" → `$212 million aid`);
* else the head noun with its compound nouns and classifying adjectives ("light-water reactors"
  → `light-water reactor`, "combat troops" → `combat troop`).
A nominalised action hands over to what it acts on ("the withdrawal of Soviet troops" → the troops,
"supplies of gas" → gas). Abstract nouns ("openness", "efforts", "cooperation") are not deliverables.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from trustledger.words import word_map, words

if TYPE_CHECKING:  # spaCy only for annotations: the ledger is rebuilt without it
    from spacy.tokens import Token

#: Head nouns that never name what was promised (documents, quantities, talk, generic people).
STOP_HEADS = words("object_stop_heads")
#: Actions named as nouns: what they act on is the object ("the withdrawal of troops").
NOMINAL_ACTIONS = words("nominal_actions")
#: Modifiers that qualify but do not classify ("new reactors", "more weapons").
SOFT_ADJ = words("soft_modifiers")
MONEY_HEADS = words("money_heads")
DESIGNATION = re.compile(r"^(?=[^\s]*\d)[A-Za-z]{0,6}-?\d[\w-]*$|^[A-Z]{1,6}-\d[\w-]*$|^[A-Z]{2,}[a-z]?-?[A-Z0-9]+$")
TYPE_WORDS = words("type_words")


def _plain(word: str) -> str:
    return word.lower().replace("–", "-").replace("—", "-").replace("’", "'")


def designation_of(toks: list[Token]) -> str | None:
    """"F-16s" → f-16, "Su-35" → su-35, "S-400" → s-400, "K2" → k2, "Type 039" → type 039."""
    for i, t in enumerate(toks):
        txt = t.text
        if t.like_num and i > 0 and toks[i - 1].lower_ in TYPE_WORDS:
            return f"{toks[i - 1].lower_} {txt.lower()}"
        if t.like_num or t.ent_type_ in ("DATE", "MONEY", "CARDINAL", "PERCENT", "QUANTITY", "TIME", "ORDINAL"):
            continue
        if DESIGNATION.match(txt) and any(ch.isdigit() for ch in txt) and any(ch.isalpha() for ch in txt):
            key = _plain(txt)
            if re.search(r"\d(s|es)$", key):
                key = re.sub(r"(e?s)$", "", key)
            key = re.sub(r"'s$", "", key)
            if i >= 2 and toks[i - 1].text == "-" and toks[i - 2].text.isalpha():
                key = _plain(toks[i - 2].text) + "-" + key  # "Pantsir - S1" split by the tokenizer
            return key
        if txt.isalpha() and i + 2 < len(toks) and toks[i + 1].text == "-" and toks[i + 2].text[:1].isdigit():
            return _plain(txt + "-" + re.sub(r"s$", "", toks[i + 2].text))
    return None


#: Units of a gun's calibre: "155mm", "155-mm" and "155 millimetre" guns are one kind, named by the number.
CALIBRE_UNITS = {"mm": "mm", "millimetre": "mm", "millimeter": "mm", "millimetres": "mm", "millimeters": "mm",
                 "cm": "cm"}


def _calibre(unit: Token) -> str | None:
    """"155mm" for the unit of "155mm howitzers" or "155-mm shells" (the tokenizer splits off the number,
    and a key of the unit alone, "mm howitzer", shares no word with "155mm Bofors howitzers")."""
    if unit.lower_ not in CALIBRE_UNITS or unit.i == 0:
        return None
    doc = unit.doc
    before = doc[unit.i - 1]
    if before.text in ("-", "–") and unit.i >= 2:
        before = doc[unit.i - 2]
    if not before.like_num or not any(ch.isdigit() for ch in before.text):
        return None
    return before.text.replace(",", "") + CALIBRE_UNITS[unit.lower_]


def _head_of_np(head: Token) -> Token:
    """Through quantities and nominal actions to the thing: "500,000 tonnes of wheat" → wheat,
    "the withdrawal of Soviet troops" → troops."""
    for _ in range(3):
        if head.pos_ == "NUM" or head.lemma_.lower() in NOMINAL_ACTIONS or head.lower_ in NOMINAL_ACTIONS:
            nxt = next((p for c in head.children if c.dep_ == "prep" and c.lower_ == "of"
                        for p in c.children if p.dep_ == "pobj"), None)
            if nxt is None:
                break
            head = nxt
        else:
            break
    return head


def money_of(head: Token) -> str | None:
    """"$212 million in aid", "2.5 billion euros", "$US 200 million" → the sum as written, normalised."""
    toks = [t for t in head.subtree if t.i <= head.i + 2 and (t.i >= head.i - 6)]
    currency = [t for t in toks if t.text in ("$", "€", "£", "US$") or t.lemma_.lower() in (
        "dollar", "euro", "yuan", "rouble", "ruble", "rupee", "pound", "yen", "dirham", "riyal")
        or t.ent_type_ == "MONEY"]
    nums = [t for t in toks if t.like_num or t.lower_ in ("billion", "million", "trillion", "bn")]
    if not currency or not nums or head.lemma_.lower() not in MONEY_HEADS | {"us"} and not head.like_num:
        return None
    span = currency + nums
    first, last = min(t.i for t in span), max(t.i for t in span)
    text = head.doc[first:last + 1].text
    text = re.sub(r"\$\s*US\b|\bUS\s*\$|US\$", "$", text)
    text = re.sub(r"\$\s+", "$", text).replace("$$", "$")
    text = re.sub(r"^(about|some|around|nearly|roughly|up to|over|more than|at least)\s+", "", text.lower())
    return re.sub(r"\s+", " ", text).strip().lower()


def money_purpose(head: Token) -> str | None:
    """"$212 million in aid", "$3 billion for reconstruction", "a $300 million loan"."""
    for c in head.children:
        if c.dep_ == "compound" and c.pos_ == "NOUN":
            return c.lemma_.lower()
    for c in head.children:
        if c.dep_ == "prep" and c.lower_ in ("in", "of"):
            for p in c.children:
                if p.dep_ == "pobj" and p.pos_ == "NOUN" and p.lemma_.lower() not in MONEY_HEADS:
                    return p.lemma_.lower()
    nxt = head.doc[head.i + 1] if head.i + 1 < len(head.doc) else None
    if nxt is not None and nxt.pos_ == "NOUN" and nxt.head.i == head.i:
        return nxt.lemma_.lower()
    if head.head.pos_ == "NOUN" and head.dep_ in ("compound", "nmod", "quantmod", "nummod"):
        return head.head.lemma_.lower()
    return None


def np_key(head: Token, skip: set[int] | frozenset[int] = frozenset()) -> tuple[str, str] | None:
    """The normalised key of the noun phrase headed by `head` and how it was named (designation,
    name, money, noun), or None when the phrase names nothing deliverable. `skip` holds tokens that
    are state names (not part of the object: "Russian troops" → troop)."""
    head = _head_of_np(head)
    money = money_of(head)
    if money is None and head.i in skip and head.pos_ == "PROPN":
        return None
    if money:
        purpose = money_purpose(head)
        return (f"{money} {purpose}" if purpose and purpose not in MONEY_HEADS else money), "money"
    if head.pos_ not in ("NOUN", "PROPN"):
        return None
    lemma = head.lemma_.lower() if head.pos_ == "NOUN" else head.lower_
    left = [t for t in head.subtree if t.i < head.i and t.i not in skip and t.dep_ not in ("det", "poss", "case",
                                                                                        "punct", "prep", "cc")]
    phrase = left + [head]
    des = designation_of([t for t in head.subtree if t.i <= head.i and t.i not in skip])
    if des:
        return des, "designation"
    if lemma in STOP_HEADS and head.pos_ != "PROPN":
        return None
    names = [t for t in phrase if t.pos_ == "PROPN" and t.i not in skip]
    if names:
        first = names[0].i
        toks = [t for t in head.doc[first:head.i + 1] if t.i not in skip and t.dep_ not in ("det", "poss", "case")]
        key = " ".join(_plain(t.text) for t in toks)
        key = re.sub(r"\s*-\s*", "-", key)
        return key, "name"
    if head.pos_ == "PROPN":
        return _plain(head.text), "name"
    mods = [t for t in left if t.dep_ == "compound" and t.pos_ in ("NOUN", "PROPN") or
            t.dep_ == "amod" and t.lower_ not in SOFT_ADJ and t.pos_ in ("ADJ", "VERB", "NOUN")
            and t.head.i == head.i and not t.lower_.endswith("ly")]
    mods = [t for t in mods if t.ent_type_ not in ("NORP", "GPE", "ORDINAL", "CARDINAL")][-2:]
    key = " ".join([_calibre(t) or _plain(t.text) for t in mods] + [lemma])
    key = re.sub(r"\s*-\s*", "-", key)
    return key, "noun"


#: Generic classes of the things states promise, by head noun; the alias table's category wins.
CLASS_HEADS = {cls: frozenset(heads.split()) for cls, heads in word_map("object_class_heads").items()}


def class_of(key: str | None) -> str:
    """The generic class of an object key by its head word ("f-16 fighter" → weapon)."""
    if not key:
        return "other"
    words = re.findall(r"[a-z][a-z-]*", key.lower())
    if key.startswith(("$", "€", "£")) or re.match(r"^\d[\d.,]*\s*(billion|million)", key):
        return "money"
    for w in reversed(words):
        w1 = w[:-1] if w.endswith("s") and len(w) > 3 else w
        for cls, heads in CLASS_HEADS.items():
            if w in heads or w1 in heads:
                return cls
    if is_designation(key):
        return "weapon"
    return "other"


def is_designation(key: str | None) -> bool:
    """An object key that opens with a designation ("s-400", "f-16 fighter", "type 039"'s digits)."""
    return bool(key) and DESIGNATION.match(key.split()[0]) is not None and any(ch.isdigit() for ch in key)


#: Classes in which two objects of one pair of states are the same promise's thing ("troops" and "forces").
LOOSE_CLASSES = words("loose_object_classes")


def related(a: str | None, b: str | None) -> bool:
    """Whether an outcome's object can stand for a commitment's object when the keys differ: the same
    head word ("challenger 2 tank" / "tank"), or the same generic class ("force" / "troop")."""
    if not a or not b:
        return False
    ha, hb = a.split()[-1].rstrip("s"), b.split()[-1].rstrip("s")
    if ha == hb:
        return True
    ca = class_of(a)
    return ca in LOOSE_CLASSES and ca == class_of(b)


def as_written(key: str, text: str) -> str:
    """The object key in the capitals the sentence writes it with ("s-300" in "S-300 systems" → S-300,
    "power of siberia" → Power of Siberia), so a reader of the ledger sees the designation or name as
    printed. The key stays lowercase for matching; only the reading changes. A word capitalised only
    because it opens the sentence ("Tanks will ...") keeps the key's lowercase; no match keeps the key."""
    if not key:
        return key
    pattern = r"(?<![\w-])" + r"[\s-]+".join(re.escape(p) for p in re.split(r"[\s-]+", key)) + r"(?![\w-])"
    plural = re.compile(pattern.replace(r"(?![\w-])", r"(?=(?:e?s|'s)?(?![\w-]))"), re.I)
    for m in plural.finditer(text.replace("–", "-").replace("—", "-").replace("’", "'")):
        written = m.group(0)
        if written == key or not any(ch.isupper() for ch in written):
            continue
        if m.start() == len(text) - len(text.lstrip()) and written[1:] == key[1:] and " " not in key:
            continue  # sentence-initial capital of a common noun
        if len(written.split()) != len(key.split()):
            continue
        return written
    return key
