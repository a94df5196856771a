"""Quotations and who said them: the character spans inside quotation marks, the reporting verb that
attributes a quote ("..., he added"), and the speaker's words and actor. A mixin of the coder's
sentence context, which provides `rule`, `subjects`, `np_actor`, `by_token`, `state`, `doc`, `sent`."""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.tokens import Doc, Token

from trustledger.coding.actors import Actor
from trustledger.coding.walks import guarded

_QUOTE_RE = re.compile(r"“([^”]{2,3000})”|\"([^\"]{2,3000})\"")


def quote_spans(text: str) -> list[tuple[int, int]]:
    """Character ranges inside quotation marks (curly or straight, paired)."""
    return [(m.start() + 1, m.end() - 1) for m in _QUOTE_RE.finditer(text)]


def _near(doc: Doc, lo: int, hi: int) -> Iterator[Token]:
    """The tokens, in order, of the sentences that reach into the characters lo..hi (a sentence ending
    before lo or starting after hi is left out), found by bisection instead of a walk over every
    sentence of the document."""
    n = len(doc)
    a, b = 0, n  # the first token that ends at or after lo: its sentence is the first one kept
    while a < b:
        m = (a + b) // 2
        t = doc[m]
        if t.idx + len(t.text) < lo:
            a = m + 1
        else:
            b = m
    first = a
    a, b = 0, n  # the last token that starts at or before hi: its sentence is the last one kept
    while a < b:
        m = (a + b) // 2
        if doc[m].idx <= hi:
            a = m + 1
        else:
            b = m
    last = a - 1
    if first >= n or last < 0:
        return iter(())
    start, end = doc[first].sent.start, doc[last].sent.end
    return (doc[i] for i in range(start, end)) if start < end else iter(())


class Quotes:
    @guarded(lambda: None)
    def speaker_text(self, v: Token) -> str | None:
        for c in v.children:
            if c.dep_ == "nsubj":
                if c.pos_ == "PRON":
                    if c.lower_ in ("he", "she") and self.state.last_speaker:
                        return self.state.last_speaker[1]
                    if c.lower_ in ("he", "she") and self.state.last_person is not None:
                        return self.state.last_person.text
                    return None
                m = self.by_token.get(c.i)
                if m is not None:
                    return m.actor.text
                a = self.np_actor(c)
                if a is not None:
                    return a.text
                words = [x for x in c.subtree if x.dep_ in ("compound", "amod", "poss") or x.i == c.i]
                return " ".join(x.text for x in words if x.i <= c.i)
        return None

    def quoted(self, t: Token) -> tuple[bool, str | None]:
        pos = t.idx
        for qs, qe in self.state.quotes:
            if qs <= pos < qe:
                return True, self._quote_speaker(qs, qe)
        return False, None

    def _attribution(self, qs: int, qe: int) -> Token | None:
        """The reporting verb outside the quotation marks that introduces or closes a quote."""
        best: Token | None = None
        best_d = 10 ** 9
        for t in _near(self.doc, qs - 200, qe + 200):
            if t.pos_ != "VERB" or qs <= t.idx < qe:
                continue
            r = self.rule(t)
            if r is None or r.frame != "say":
                continue
            d = qs - t.idx if t.idx < qs else t.idx - qe
            if d < best_d:
                best, best_d = t, d
        return best

    @guarded(lambda: None)
    def _quote_speaker(self, qs: int, qe: int) -> str | None:
        if (qs, qe) not in self.state.speakers:
            self.state.speakers[(qs, qe)] = self._find_quote_speaker(qs, qe)
        return self.state.speakers[(qs, qe)]

    def _find_quote_speaker(self, qs: int, qe: int) -> str | None:
        v = self._attribution(qs, qe)
        if v is None:
            return None
        if v.sent == self.sent:
            return self.speaker_text(v)
        other = type(self)(self.coder, v.sent, self.coder.actors.mentions(v.sent, None), self.state)
        return other.speaker_text(v)

    @guarded(lambda: None)
    def _quote_speaker_actor(self, t: Token) -> Actor | None:
        for qs, qe in self.state.quotes:
            if qs <= t.idx < qe:
                v = self._attribution(qs, qe)
                if v is None:
                    return None
                ctx = self if v.sent == self.sent else type(self)(
                    self.coder, v.sent, self.coder.actors.mentions(v.sent, None), self.state)
                found = ctx.subjects(v)
                return found[0][0] if found else None
        return None
