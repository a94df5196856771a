"""Country names as a sentence uses them: "the United States", "the Netherlands' vote", "Iran".

Why its own module: tables show a state as "Russia (RUS)" (`country_names.label`), but a sentence a
person reads ("Russia's record toward Iran is mixed") needs the bare name, with the article some
names take in English and the possessive those plural-looking names take ("the United States'").
The assessment's explanation, its evidence sentences and compare's flag are written through here,
so JSON readers and the terminal see the same words. Codes stay in the code-valued fields.
"""

from __future__ import annotations

import re

from trustledger.country_names import country
from trustledger.words import word_list, words

#: "the X's" where X ends in s ("the United States's") → "the X'" (plural-form names, Chicago 7.20).
_PLURAL_POSSESSIVE = re.compile(r"\b((?:[Tt]he )(?:[A-Z][\w-]* (?:(?:of|and|the) )*)*[A-Z][\w-]*s)'s\b")


def takes_article(country_name: str) -> bool:
    """Whether English writes "the" before this country name in a sentence."""
    if country_name in word_list("article_names"):
        return True
    return any(w.lower() in words("article_nouns") for w in re.findall(r"\w+", country_name))


def in_prose(code: str) -> str:
    """The name a sentence uses for the state under a CAMEO code: "Iran", "the United States";
    a code that is no country (IGO, ---) comes back unchanged."""
    c = country(code) if code else None
    if c is None:
        return code or ""
    return f"the {c.name}" if takes_article(c.name) else c.name


def possessives(text: str) -> str:
    """Text built from `in_prose` names with "the United States's" written "the United States'"."""
    return _PLURAL_POSSESSIVE.sub(r"\1'", text)


def tidy(text: str) -> str:
    """A sentence built from `in_prose` names made right: the first letter capital ("The United
    States voted ..."), and the possessives of plural-form names (`possessives`)."""
    text = possessives(text)
    return text[:1].upper() + text[1:]
