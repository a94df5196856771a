"""Repairs to the small parser's trees where a construction of news copy reliably comes out wrong
and every later stage (coder, commitment detector) would have to work around it one by one.

Each repair changes only heads and labels inside one sentence, after the parser, so the stages
read an ordinary tree; it never moves a sentence boundary.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Token

#: Words that, followed by "of" and a counted noun, only say how many there are ("upward of
#: 150,000 troops"): the parser hangs them on the verb as an adverb and the noun under "of",
#: so the verb seems to have no object and the troops are never what was massed.
QUANTITY_WORDS = frozenset({"upward", "upwards"})


def _counted(word: Token) -> tuple[Token, Token] | None:
    """The "of" and the counted noun under a quantity word, when the noun carries a number or is one."""
    for of in word.children:
        if of.dep_ == "prep" and of.lower_ == "of":
            for noun in of.children:
                if noun.dep_ == "pobj" and (noun.like_num or any(c.dep_ == "nummod" for c in noun.children)):
                    return of, noun
    return None


def quantity_heads(doc: Doc) -> Doc:
    """'massed upward of 150,000 troops', 'Upwards of 500 people were arrested': the counted noun takes
    the quantity word's place in the tree (object, subject), and the quantity word and its "of"
    become modifiers of the number, as the parser already reads "up to 3,000 soldiers"."""
    for word in doc:
        if word.lower_ not in QUANTITY_WORDS or word.dep_ not in ("advmod", "npadvmod", "nsubj", "nsubjpass",
                                                                "dobj", "pobj"):
            continue
        found = _counted(word)
        if found is None or word.head is word:
            continue
        of, noun = found
        number = noun if noun.like_num else next(c for c in noun.children if c.dep_ == "nummod")
        head, dep = word.head, word.dep_
        # the tagger has run, the attribute ruler that sets pos_ not yet: the verb is known by its tag
        noun.head, noun.dep_ = head, ("dobj" if dep in ("advmod", "npadvmod") and head.tag_.startswith("VB")
                                      else dep)
        word.head, word.dep_ = number, "quantmod"
        of.head, of.dep_ = number, "quantmod"
    return doc


@Language.component("parse_repairs")
def parse_repairs(doc: Doc) -> Doc:
    return quantity_heads(doc)
