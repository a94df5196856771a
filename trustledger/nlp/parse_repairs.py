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
        if found is None or word.head.i == word.i:
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


#: Auxiliaries that mark a bare verb as the head of a promised or scheduled act ("will pull out ... and
#: release"), the verbs a stray conjunct is moved back to.
_BARE_HEAD_AUX = frozenset({"will", "would", "shall", "must", "to", "should", "can", "could", "may", "might", "'ll"})
#: Finite and participle tags: a bare verb ("release") coordinated under one of these is out of form.
_FORMED_TAGS = frozenset({"VBZ", "VBD", "VBP", "VBN", "VBG"})


def _bare_with_modal(verb: Token) -> bool:
    """A bare verb form with a modal or "to" of its own ("will withdraw", "to release")."""
    return verb.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ in _BARE_HEAD_AUX for c in verb.children)


def conjuncts_by_form(doc: Doc) -> Doc:
    """'Iraq will pull out of the land it occupies and release the prisoners': the parser coordinates
    "release" with the nearest verb, "occupies", inside the relative clause, and the second promise is
    lost to the clause. Coordinated verbs share their form: a bare conjunct under a finite verb of a
    relative or adverbial clause belongs to the nearest bare verb above it that has a modal or "to"."""
    for tok in doc:
        head = tok.head
        if tok.dep_ != "conj" or tok.tag_ != "VB" or head.tag_ not in _FORMED_TAGS \
                or head.dep_ not in ("relcl", "acl", "advcl"):
            continue
        up = head.head
        while up.head.i != up.i and not _bare_with_modal(up):
            up = up.head
        if up.i > tok.i or not _bare_with_modal(up):
            continue
        cc = next((c for c in head.children if c.dep_ == "cc" and c.i < tok.i), None)
        tok.head = up
        if cc is not None:
            cc.head = up
    return doc


#: Words spelled alike as an adjective and a verb that the tagger reads as the adjective of the noun
#: after them ("and free Iranian prisoners"): the verb, when the sentence gives the noun to a verb already.
VERB_ADJECTIVES = frozenset({"free", "open", "clear", "close", "secure", "empty"})


def _bare_verb_above(tok: Token) -> Token | None:
    """The nearest verb above `tok`, when it is a bare form with a modal or "to" ("will withdraw")."""
    up = tok.head
    while up.head.i != up.i and not up.tag_.startswith("VB"):
        up = up.head
    return up if _bare_with_modal(up) else None


def adjective_read_verbs(doc: Doc) -> Doc:
    """'Iraq will withdraw its troops and free Iranian prisoners': the tagger reads "free" as an adjective,
    and the parser gives the verb two direct objects, or coordinates the prisoners with the place left
    ("withdraw from the border and free Ethiopian captives"). A verb never has two direct objects, and a
    promised act does not leave from captives: the noun opened by "and" and a word that is also a verb is
    that verb's object, and the verb is coordinated with the first. (A noun coordinated with an object,
    "demanded jobs and free education", is left alone.)"""
    for first in doc:
        # the word opens its noun's phrase (the noun's left edge): read from the word, not by walking every
        # noun's subtree, since this runs on every parsed sentence
        noun = first.head
        if first.lower_ not in VERB_ADJECTIVES or first.dep_ != "amod" or noun.left_edge.i != first.i \
                or first.i == 0:
            continue
        cc = doc[first.i - 1]
        if cc.tag_ != "CC":
            continue
        if noun.dep_ == "dobj" and any(c.dep_ == "dobj" and c.i < noun.i for c in noun.head.children):
            verb = noun.head
        elif noun.dep_ == "conj" and noun.head.dep_ == "pobj":
            verb = _bare_verb_above(noun.head)
        else:
            continue
        if verb is None:
            continue
        first.tag_, first.dep_ = "VB", "conj"
        first.head = verb
        noun.head, noun.dep_ = first, "dobj"
        cc.head, cc.dep_ = verb, "cc"
    return doc


def reported_clause_subjects(doc: Doc) -> Doc:
    """'Kurdish students resorted to burning tyres ..., witnesses said': the parser reads the
    reported clause's verb as a participle on its subject ("students [who were] resorted") and gives the
    verb of saying two subjects. A verb with two subjects, the first of which carries a bare participle
    of its own with no auxiliary, agent or subject, is a report of that participle's clause: the
    participle becomes the clause's finite verb, the complement of the verb of saying, with the first
    noun as its subject."""
    for verb in doc:
        # (the parser labels the stranded subject "nsubj" or, as often, "dep")
        subjects = [c for c in verb.children if c.dep_ == "nsubj" or (c.dep_ == "dep" and c.tag_.startswith("NN"))]
        if len(subjects) < 2 or subjects[0].i > verb.i or subjects[1].dep_ != "nsubj":
            continue
        noun = subjects[0]
        part = next((c for c in noun.children if c.dep_ == "acl" and c.tag_ in ("VBN", "VBD") and c.i > noun.i), None)
        if part is None or any(c.dep_ in ("aux", "auxpass", "agent", "nsubj", "nsubjpass") for c in part.children):
            continue
        if not any(t.text == "," for t in doc[part.i:subjects[1].i]):
            continue  # the second subject stands after a comma, as an attribution does
        part.head, part.dep_, part.tag_ = verb, "ccomp", "VBD"
        noun.head, noun.dep_ = part, "nsubj"
    return doc


def noun_rooted_clauses(doc: Doc) -> Doc:
    """'The Saudi-led coalition bombed Sanaa': the parser makes the noun the sentence's root and the verb
    a participle on it ("the coalition [that was] bombed"), though a participle with a direct object of
    its own is no passive. The verb becomes the root, with the noun as its subject."""
    for sent in doc.sents:
        noun = sent.root
        if not noun.tag_.startswith("NN") or any(c.dep_ in ("nsubj", "nsubjpass", "cop") for c in noun.children):
            continue
        verb = next((c for c in noun.children if c.dep_ == "acl" and c.tag_ in ("VBN", "VBD") and c.i == noun.i + 1
                     and any(g.dep_ == "dobj" for g in c.children)
                     and not any(g.dep_ in ("aux", "auxpass", "agent", "nsubj") for g in c.children)), None)
        if verb is None:
            continue
        for c in list(noun.children):
            if c.dep_ == "punct" and c.i > verb.i:
                c.head = verb  # the full stop closes the clause
        verb.head, verb.dep_, verb.tag_ = verb, "ROOT", "VBD"
        noun.head, noun.dep_ = verb, "nsubj"
    return doc


@Language.component("parse_repairs")
def parse_repairs(doc: Doc) -> Doc:
    return noun_rooted_clauses(reported_clause_subjects(conjuncts_by_form(adjective_read_verbs(quantity_heads(doc)))))
