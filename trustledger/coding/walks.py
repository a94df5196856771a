"""Cycle-safe walks over the parse.

Finding an actor can lead back to where it started: a subject that is "I" inside a quotation is
the quote's speaker, whose reporting verb may hang inside that very quotation ("The minister said,
"I can say that ...," adding that ..."), so `subjects` → `np_actor` → `pronoun` → the quote's
speaker → `subjects` of the same verb. Such mutual recursions cannot be ruled out clause by clause
on real parses, so every walk that can re-enter another one goes through `guarded`: a walk that is
already under way for the same token answers "nothing found" (the cycle adds no information), and
no chain of walks nests deeper than `MAX_NESTING`.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, TypeVar

F = TypeVar("F", bound=Callable[..., Any])

#: Walks nested inside one another (all kinds together); real parses need far fewer than this.
MAX_NESTING = 40


def guarded(default: Callable[[], Any]) -> Callable[[F], F]:
    """Make a method of the coder's sentence context re-entrancy safe, keyed by (walk, token).

    The set of walks under way lives on the document state (`self.state.walking`), which the
    contexts built for other sentences of the same document share, so a cycle through another
    sentence's quotation is caught too."""

    def wrap(fn: F) -> F:
        name = fn.__name__

        @functools.wraps(fn)
        def walk(self, where, *args, **kwargs):
            active: set = self.state.walking
            key = (name, getattr(where, "i", where))
            if key in active or len(active) >= MAX_NESTING:
                return default()
            active.add(key)
            try:
                return fn(self, where, *args, **kwargs)
            finally:
                active.discard(key)

        return walk  # type: ignore[return-value]

    return wrap
