"""Readers for PETRARCH/Phoenix dictionaries: actors, agents and verb patterns.

Why: analysts already maintain PETRARCH-format dictionaries (the Phoenix actor files with dated
codes such as ``[IRNGOV 890604-]``, CAMEO.2.0.txt verb patterns). ``trustledger code --actors
FILE --verbs FILE`` loads them on top of our own data, so these readers turn the files into plain
records the actor resolver and the coder can index. The formats are described in the PETRARCH
documentation (docs/source/dictionaries.rst of openeventdata/petrarch2) and in the comments of
its ``PETRreader.py``; what we keep and what we drop is said below.

Common rules: comments are ``# ...`` (anywhere on a line), ``; ...`` (legacy KEDS/TABARI, actor
and agent files), ``<!-- ... -->`` (one or several lines) and lines starting with ``<!``.
Phrases are upper case words joined by ``_`` or blanks; we return them as tuples of lower-case
words (``VLADIMIR_PUTIN_`` -> ``("vladimir", "putin")``). PETRARCH's distinction between ``_``
(words must be adjacent) and a blank (words may intervene) is dropped: every phrase is matched as
consecutive words. Words keep their inner punctuation (``u.s.``, ``al-qaeda``), so a caller
matching spaCy tokens should compare against the token texts joined the same way.

A line that cannot be read raises ``InputError`` with the file name, the line number and the
reason. Lines that PETRARCH itself skips with a warning and that occur in the published files
(an agent without a code, a verb pattern naming an undefined synonym set) are skipped the same
way and listed in ``warnings``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from trustledger.errors import InputError

# ---------------------------------------------------------------- records


@dataclass(frozen=True, slots=True)
class ActorEntry:
    """One phrase of an actor record with one of its codes.

    An actor record has a primary phrase, ``+`` synonyms and codes; we emit one entry per phrase
    and code. ``start``/``end`` bound the code's validity (inclusive; None = open). An entry
    with both None is the record's default code: PETRARCH uses it only when none of the record's
    dated codes covers the date, so a resolver should prefer a dated entry that matches.
    ``root`` is the record's primary phrase (the canonical name, e.g. for a person).
    """

    phrase: tuple[str, ...]
    code: str
    start: date | None
    end: date | None
    root: tuple[str, ...] = ()

    def valid_on(self, day: date | None) -> bool:
        """Whether this code applies on `day` (any code applies when the date is unknown)."""
        if day is None:
            return True
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


@dataclass(frozen=True, slots=True)
class AgentEntry:
    """An agent phrase ("foreign minister") and the role code it adds to a country code.

    ``[~GOV]`` adds GOV after the country (``IRN`` + ``GOV`` -> ``IRNGOV``); ``[NGO~]`` puts the
    code before it (``prefix=True``). Plurals are already expanded into their own entries.
    """

    phrase: tuple[str, ...]
    role: str
    prefix: bool = False


@dataclass(frozen=True, slots=True)
class VerbPattern:
    """A verb pattern: the verb (lemma, lower case; multi-word verbs joined by a blank, e.g.
    "ask for"), the words required before and after it, and the CAMEO code.

    Words are lower case. A synonym set stays one token, upper case with its ``&``
    (``&CURRENCY``); ``VerbDictionary.synsets`` lists what it stands for and
    ``VerbDictionary.expand`` gives the concrete word sequences (CAMEO.2.0.txt would give
    over two million patterns if every set were expanded up front). Parentheses and braces of
    PETRARCH's phrase syntax are dropped. Special tokens are kept as they are: ``$`` the
    source actor, ``+`` the target actor, ``%`` a compound actor, ``^`` skip to the end of a
    noun phrase. Codes are kept as written: ``"163"``, ``"042:043"`` (TABARI's paired codes:
    the second is for the reversed dyad, e.g. visit/host; ``":173"`` only the reversed one),
    ``"---"`` (no event)."""

    verb: str
    words_before: tuple[str, ...]
    words_after: tuple[str, ...]
    code: str


@dataclass(frozen=True, slots=True)
class VerbEntry:
    """A verb of a verb block: its lemma, every inflected form, and its code (the verb's own
    ``[code]`` or else the block's; None when that is the null code ``---``). A verb listed in
    several blocks gets the patterns of all of them and keeps its first code unless a later line
    gives it its own ``[code]``; ``block`` is the last block it appeared in."""

    lemma: str
    forms: tuple[str, ...]
    code: str | None
    block: str


@dataclass
class VerbDictionary:
    """A parsed verb dictionary. ``patterns`` has one pattern per verb of a block times each of
    the block's patterns (PETRARCH applies a block's patterns to all its verbs)."""

    verbs: dict[str, VerbEntry] = field(default_factory=dict)
    patterns: list[VerbPattern] = field(default_factory=list)
    synsets: dict[str, tuple[tuple[str, ...], ...]] = field(default_factory=dict)  # "&CURRENCY" -> words
    warnings: list[str] = field(default_factory=list)

    def expand(self, words: tuple[str, ...], limit: int = 10000) -> list[tuple[str, ...]]:
        """Every concrete word sequence of a pattern half, synonym sets replaced by their
        members (at most `limit` sequences)."""
        out: list[tuple[str, ...]] = [()]
        for w in words:
            alts = self.synsets.get(w) if w.startswith("&") else None
            if alts is None:
                out = [(*o, w) for o in out]
            else:
                out = [(*o, *a) for o in out for a in alts][:limit]
        return out

    def forms(self, lemma: str) -> tuple[str, ...]:
        """The inflected forms of a verb ("hurry" -> hurry, hurries, hurrying, hurried)."""
        entry = self.verbs.get(lemma)
        return entry.forms if entry else ()

    def form_index(self) -> dict[str, str]:
        """Every inflected form mapped to its lemma, for looking verbs up by surface text."""
        out: dict[str, str] = {}
        for lemma, entry in self.verbs.items():
            for form in entry.forms:
                out.setdefault(form, lemma)
        return out

    def patterns_for(self, lemma: str) -> list[VerbPattern]:
        return [p for p in self.patterns if p.verb == lemma]


@dataclass
class ActorDictionary:
    entries: list[ActorEntry]
    warnings: list[str]


@dataclass
class AgentDictionary:
    entries: list[AgentEntry]
    warnings: list[str]


# ---------------------------------------------------------------- shared helpers

_CODE_RE = re.compile(r"^[^\s\[\]{}]+$")


def _read_lines(path: str | Path) -> list[str]:
    p = Path(path)
    try:
        raw = p.read_bytes()
    except OSError as e:
        raise InputError(str(path), f"cannot read dictionary ({e.strerror or e})") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("latin-1")  # older TABARI files are Latin-1; every byte decodes
    return text.splitlines()


def _comment_start(line: str) -> int:
    """Index of the '#' that starts a comment: the first one outside [...] (so the code
    ``[###]`` survives)."""
    depth = 0
    for i, ch in enumerate(line):
        if ch == "[":
            depth += 1
        elif ch == "]":
            depth = max(0, depth - 1)
        elif ch == "#" and depth == 0:
            return i
    return line.index("#") if "]" not in line[line.index("#"):] else len(line)


def _clean_lines(path: str | Path, semicolon_comments: bool) -> Iterator[tuple[int, str]]:
    """(line number, text) of the lines that carry content, comments removed, leading white
    space kept (it marks date restrictions in actor files)."""
    in_comment = False
    for n, line in enumerate(_read_lines(path), start=1):
        if in_comment:
            if "-->" in line:
                in_comment = False
                line = line[line.index("-->") + 3:]
            else:
                continue
        if "<!" in line:
            head, _, rest = line.partition("<!")
            if "-->" in rest:
                line = head + rest[rest.index("-->") + 3:]
            elif line.lstrip().startswith("<!"):
                in_comment = True
                continue
            else:
                line = head
                in_comment = True
        if "#" in line:
            line = line[: _comment_start(line)]
        if semicolon_comments and ";" in line:
            line = line[: line.index(";")]
        if line.strip():
            yield n, line.rstrip()


def _words(phrase: str) -> tuple[str, ...]:
    return tuple(w for w in phrase.replace("_", " ").lower().split() if w)


def _plural_word(word: str) -> str:
    if len(word) > 1 and word.endswith("y") and word[-2] not in "aeiou":
        return word[:-1] + "ies"
    if word.endswith(("s", "x", "z", "ch", "sh")):
        return word + "es"
    return word + "s"


def _plural(words: tuple[str, ...]) -> tuple[str, ...]:
    return (*words[:-1], _plural_word(words[-1])) if words else words


def _fail(path: str | Path, n: int, reason: str) -> InputError:
    return InputError(str(path), f"line {n}: {reason}")


# ---------------------------------------------------------------- dates in actor codes


def petrarch_date(text: str) -> date:
    """A PETRARCH date: YYMMDD or YYYYMMDD. Two-digit years 00-30 are 20YY, others 19YY (the
    KEDS/TABARI rule kept by PETRARCH's ``dstr_to_ordate``), so 890604 is 1989-06-04 and
    000101 is 2000-01-01. Like PETRARCH, a string of more than 7 digits is read from its first 8
    (YYYYMMDD) and one of 7 from its first 6 (YYMMDD) -- ``_parse_code_spec`` warns about those.
    Raises ValueError for anything else."""
    if not text.isdigit() or len(text) < 6:
        raise ValueError(f"bad date {text!r} (expected YYMMDD or YYYYMMDD)")
    if len(text) >= 8:
        y, m, d = int(text[:4]), int(text[4:6]), int(text[6:8])
    else:
        yy = int(text[:2])
        y = 2000 + yy if yy <= 30 else 1900 + yy
        m, d = int(text[2:4]), int(text[4:6])
    try:
        return date(y, m, d)
    except ValueError:
        raise ValueError(f"bad date {text!r} (no such day)") from None


class _SkipLine(Exception):
    """A line PETRARCH skips with a warning (we do the same)."""


_RESTRICTION_RE = re.compile(
    r"^(?P<code>[^\s<>]+)(?:\s*(?P<op>[<>])\s*(?P<d1>\S+)|\s+(?P<a>[^\s-]+)\s*-\s*(?P<b>\S+)?"
    r"|\s+(?P<bare>\d+))?\s*$"
)


def _parse_code_spec(spec: str, notes: list[str]) -> tuple[str, date | None, date | None]:
    """``IRNGOV``, ``IRNGOV <911226``, ``IRNGOV >20130119``, ``IRNGOV 890604-000101``,
    ``IRNGOV 890604-`` (open-ended). Odd-length dates are read PETRARCH's way with a note;
    an interval that ends before it starts raises _SkipLine (PETRARCH skips it too)."""
    m = _RESTRICTION_RE.match(spec.strip())
    if not m:
        raise ValueError(f"cannot read code [{spec.strip()}]")
    code = m["code"]
    if not _CODE_RE.match(code) or code.isdigit():
        raise ValueError(f"bad code {code!r} in [{spec.strip()}]")

    def day(text: str) -> date:
        d = petrarch_date(text)
        if len(text) not in (6, 8):
            notes.append(f"date {text!r} read as {d.isoformat()}, as PETRARCH reads it")
        return d

    start = end = None
    if m["op"]:
        if m["op"] == "<":
            end = day(m["d1"])
        else:
            start = day(m["d1"])
    elif m["a"]:
        start = day(m["a"])
        end = day(m["b"]) if m["b"] else None
        if end is not None and end < start:
            raise _SkipLine(f"code [{spec.strip()}] ends before it starts; skipped")
    elif m["bare"]:
        start = day(m["bare"])
        notes.append(f"code [{spec.strip()}] has a date without '<', '>' or '-'; read as from that date on")
    return code.upper(), start, end


def _brackets(path: str | Path, n: int, line: str, warnings: list[str]) -> tuple[str, list[str]]:
    """Split ``TEXT [CODE] [CODE2]...`` into (TEXT, [CODE, CODE2, ...]). TABARI put several
    codes on one line; PETRARCH files still do. Typos found in the published files (a stray
    ']' inside a phrase, a code closed with '}') are repaired with a warning."""
    head, sep, rest = line.partition("[")
    if "]" in head:
        warnings.append(f"{path}: line {n}: stray ']' in {head.strip()!r} ignored")
        head = head.replace("]", "")
    codes: list[str] = []
    while sep:
        if "]" in rest:
            inner, _, rest = rest.partition("]")
        elif "}" in rest:
            inner, _, rest = rest.partition("}")
            warnings.append(f"{path}: line {n}: code [{inner.strip()}}} closed with '}}'; read as [{inner.strip()}]")
        else:
            raise _fail(path, n, "'[' without ']'")
        if "[" in inner:
            raise _fail(path, n, "'[' without ']'")
        if not inner.strip():
            raise _fail(path, n, "empty code []")
        codes.append(inner)
        gap, sep, rest = rest.partition("[")
        if gap.strip() and sep:
            raise _fail(path, n, f"unexpected text between codes: {gap.strip()!r}")
        # text after the last code is ignored, as PETRARCH does (Phoenix files keep notes there)
    return head, codes


def _bracket(path: str | Path, n: int, line: str, warnings: list[str]) -> tuple[str, str | None]:
    """Split ``TEXT [CODE]`` into (TEXT, CODE or None); one code at most."""
    head, codes = _brackets(path, n, line, warnings)
    if len(codes) > 1:
        raise _fail(path, n, f"more than one code: {' '.join(f'[{c.strip()}]' for c in codes)}")
    return head, (codes[0] if codes else None)


# ---------------------------------------------------------------- actors


def read_actors(path: str | Path) -> ActorDictionary:
    """Read a PETRARCH/Phoenix actor dictionary (Phoenix.Countries.actors.txt, ...).

    Records: a primary phrase with an optional default code (``IRAN [IRN]``), ``+`` synonym
    lines, and indented code lines with optional date restrictions (``\\t[IRNGOV 890604-000101]``,
    ``<date`` = up to and including, ``>date`` = from, on). ``---STOP---`` ends the file.
    """
    entries: list[ActorEntry] = []
    warnings: list[str] = []
    phrases: list[tuple[str, ...]] = []
    codes: list[tuple[str, date | None, date | None]] = []
    root: tuple[str, ...] = ()
    root_line = 0

    def flush() -> None:
        if not phrases:
            return
        if not codes:
            warnings.append(f"{path}: line {root_line}: actor {' '.join(root)!r} has no code; skipped")
            return
        for ph in phrases:
            for code, start, end in codes:
                entries.append(ActorEntry(ph, code, start, end, root))

    def code_spec(n: int, inner: str) -> None:
        notes: list[str] = []
        try:
            codes.append(_parse_code_spec(inner, notes))
        except ValueError as e:
            raise _fail(path, n, str(e)) from None
        except _SkipLine as e:
            notes.append(str(e))
        warnings.extend(f"{path}: line {n}: {note}" for note in notes)

    for n, line in _clean_lines(path, semicolon_comments=True):
        if "---STOP---" in line:
            break
        stripped = line.strip()
        if line[0] in " \t" and stripped.startswith("["):
            if not phrases:
                raise _fail(path, n, "code line before any actor phrase")
            head, inners = _brackets(path, n, stripped, warnings)
            for inner in inners:
                code_spec(n, inner)
            continue
        if stripped.startswith("+"):
            if not phrases:
                raise _fail(path, n, "synonym line before any actor phrase")
            head, inners = _brackets(path, n, stripped[1:], warnings)
            words = _words(head)
            if not words:
                raise _fail(path, n, "empty synonym")
            phrases.append(words)
            for inner in inners:
                code_spec(n, inner)
            continue
        # a primary phrase starts a new record
        flush()
        head, inners = _brackets(path, n, stripped, warnings)
        words = _words(head)
        if not words:
            raise _fail(path, n, "code without an actor phrase")
        phrases, codes, root, root_line = [words], [], words, n
        for inner in inners:
            code_spec(n, inner)
    flush()
    return ActorDictionary(entries, warnings)


# ---------------------------------------------------------------- agents

_MARKER_DEF_RE = re.compile(r"^\s*!(?P<name>[^!\s]+)!\s*=\s*(?P<items>.+)$")
_MARKER_RE = re.compile(r"!([^!\s]+)!")


def _agent_code(path: str | Path, n: int, inner: str) -> tuple[str, bool]:
    code = inner.replace(" ", "")
    if code.startswith("~") and len(code) > 1 and "~" not in code[1:]:
        role, prefix = code[1:], False
    elif code.endswith("~") and len(code) > 1 and "~" not in code[:-1]:
        role, prefix = code[:-1], True
    else:
        raise _fail(path, n, f"agent code [{inner.strip()}] must start or end with '~'")
    if not _CODE_RE.match(role):
        raise _fail(path, n, f"bad agent code [{inner.strip()}]")
    return role.upper(), prefix


def read_agents(path: str | Path) -> AgentDictionary:
    """Read a PETRARCH agents dictionary (Phoenix.agents.txt, PETR.Validate.agents.txt).

    Lines are ``PHRASE {PLURAL} [~CODE]``. Regular plurals are generated (last word + s/es/ies);
    ``{X}`` gives an irregular plural, ``{}`` none. ``!NAME! = A, B`` defines a substitution set
    used as ``FOREIGN_!MINIST!``: one entry per item, no plurals.
    """
    entries: list[AgentEntry] = []
    warnings: list[str] = []
    markers: dict[str, list[str]] = {}
    for n, line in _clean_lines(path, semicolon_comments=True):
        m = _MARKER_DEF_RE.match(line)
        if m:
            items = [i.strip() for i in m["items"].split(",") if i.strip()]
            if not items:
                raise _fail(path, n, f"substitution set !{m['name']}! is empty")
            markers[m["name"].upper()] = items
            continue
        head, inner = _bracket(path, n, line.strip(), warnings)
        if inner is None:
            warnings.append(f"{path}: line {n}: agent {head.strip()!r} has no code; skipped")
            continue
        role, prefix = _agent_code(path, n, inner)
        plural: str | None = None
        if "{" in head or "}" in head:
            if head.count("{") != 1 or head.count("}") != 1 or head.index("{") > head.index("}"):
                raise _fail(path, n, "unbalanced '{' '}' in agent plural")
            plural = head[head.index("{") + 1: head.index("}")].strip()
            head = head[: head.index("{")] + head[head.index("}") + 1:]
        if "!" in head:
            if head.count("!") % 2:
                raise _fail(path, n, "unbalanced '!' in substitution marker")
            names = _MARKER_RE.findall(head)
            for name in names:
                if name.upper() not in markers:
                    raise _fail(path, n, f"substitution set !{name}! is not defined")
            variants = [head]
            for name in names:
                variants = [v.replace(f"!{name}!", item, 1) for v in variants for item in markers[name.upper()]]
            for v in variants:
                words = _words(v)
                if words:
                    entries.append(AgentEntry(words, role, prefix))
            continue
        words = _words(head)
        if not words:
            raise _fail(path, n, "code without an agent phrase")
        entries.append(AgentEntry(words, role, prefix))
        if plural is None:
            entries.append(AgentEntry(_plural(words), role, prefix))
        elif plural:
            entries.append(AgentEntry(_words(plural), role, prefix))
    return AgentDictionary(entries, warnings)


# ---------------------------------------------------------------- verbs

_BLOCK_RE = re.compile(r"^---\s*(?P<name>[^\[\]]*?)\s*(?:\[(?P<code>[^\]]*)\])?(?:\s*\[[^\]]*\])*[\s-]*$")
_SPECIAL = {"$", "+", "%", "^"}


def _verb_forms(words: tuple[str, ...], head: int) -> tuple[str, ...]:
    """Regular forms of a (possibly multi-word) verb, inflecting the head word."""
    w = words[head]
    if w.endswith("e") and not w.endswith("ee"):
        past, ing = w + "d", w[:-1] + "ing"
    elif len(w) > 1 and w.endswith("y") and w[-2] not in "aeiou":
        past, ing = w[:-1] + "ied", w + "ing"
    else:
        past, ing = w + "ed", w + "ing"
    third = _plural_word(w)
    out = []
    for form in (w, third, past, ing):
        out.append(" ".join((*words[:head], form, *words[head + 1:])))
    return tuple(dict.fromkeys(out))


def _verb_phrase(text: str) -> tuple[tuple[str, ...], int]:
    """``+ASK_FOR`` -> (("ask", "for"), 0); ``WIRE_+TAP`` -> (("wire", "tap"), 1)."""
    text = text.strip()
    parts = [p for p in text.replace("_", " ").split() if p]
    head = 0
    words = []
    for i, p in enumerate(parts):
        if p.startswith("+"):
            head = i
            p = p[1:]
        words.append(p.lower())
    return tuple(w for w in words if w), head


class _VerbReader:
    def __init__(self, path: str | Path) -> None:
        self.path = path
        self.result = VerbDictionary()
        # synonym set name -> (members as (words, stopped), generate plurals?)
        self.raw_synsets: dict[str, tuple[list[tuple[tuple[str, ...], bool]], bool]] = {}
        self.block: str | None = None
        self.block_code: str | None = None
        self.block_verbs: list[str] = []
        self.block_patterns: list[tuple[int, str]] = []
        self.pending: list[tuple[int, tuple[str, ...], str]] = []

    # synsets ---------------------------------------------------------
    def expand_synset(self, name: str, depth: int = 0) -> tuple[tuple[str, ...], ...] | None:
        """The word sequences a synonym set stands for (with plurals); None if undefined."""
        if name in self.result.synsets:
            return self.result.synsets[name]
        raw = self.raw_synsets.get(name)
        if raw is None or depth > 5:
            return None
        members, plurals = raw
        out: list[tuple[str, ...]] = []
        for words, stop in members:
            if len(words) == 1 and words[0].startswith("&"):  # a set inside a set
                sub = self.expand_synset(words[0].upper(), depth + 1)
                if sub is None:
                    return None
                out.extend(sub)
                continue
            out.append(words)
            if plurals and not stop:
                out.append(_plural(words))
        result = tuple(dict.fromkeys(out))
        self.result.synsets[name] = result
        return result

    # patterns --------------------------------------------------------
    def synset_token(self, chunk: str) -> tuple[str, str]:
        """Split ``&FIGHT_OF_WORDS_AGAIN`` into the longest defined set name and the rest."""
        parts = chunk.split("_")
        for k in range(len(parts), 0, -1):
            name = "&" + "_".join(parts[:k])[1:].upper()
            if name.rstrip("_") in self.raw_synsets:
                return name.rstrip("_"), " ".join(parts[k:])
        return "&" + parts[0][1:].upper(), " ".join(parts[1:])

    def pattern_words(self, text: str) -> tuple[str, ...]:
        for ch in "(){}":
            text = text.replace(ch, " ")
        out: list[str] = []
        for chunk in text.replace("&", " &").split():
            rest = chunk
            if chunk.startswith("&"):
                name, rest = self.synset_token(chunk)
                out.append(name)
            for tok in rest.replace("_", " ").split():
                out.append(tok if tok in _SPECIAL else tok.lower())
        return tuple(out)

    def parse_pattern(self, n: int, line: str) -> tuple[tuple[str, ...], tuple[str, ...], str]:
        head, inner = _bracket(self.path, n, line[1:].strip(), self.result.warnings)
        if inner is None:
            raise _fail(self.path, n, "verb pattern without a [code]")
        code = inner.strip()
        if not _CODE_RE.match(code):
            raise _fail(self.path, n, f"bad code [{code}]")
        if "*" not in head:
            raise _fail(self.path, n, "verb pattern without '*' (the verb's position)")
        before, _, after = head.partition("*")
        return self.pattern_words(before), self.pattern_words(after.replace("*", " ")), code

    def close_block(self) -> None:
        if self.block is None:
            return
        verbs = tuple(self.block_verbs)
        for n, line in self.block_patterns:
            self.pending.append((n, verbs, line))
        self.block, self.block_code, self.block_verbs, self.block_patterns = None, None, [], []

    def finish(self) -> None:
        """Read the patterns once every synonym set is known (sets may be defined after their
        use) and keep those whose sets all exist, as PETRARCH does."""
        for name in self.raw_synsets:
            self.expand_synset(name)
        for n, verbs, line in self.pending:
            before, after, code = self.parse_pattern(n, line)
            missing = [w for w in (*before, *after) if w.startswith("&") and self.expand_synset(w) is None]
            if missing:
                self.result.warnings.append(
                    f"{self.path}: line {n}: synonym set {missing[0]} is not defined; pattern skipped")
                continue
            for verb in verbs:
                self.result.patterns.append(VerbPattern(verb, before, after, code))

    # the file --------------------------------------------------------
    def read(self) -> VerbDictionary:
        synset: str | None = None
        for n, line in _clean_lines(self.path, semicolon_comments=False):
            s = line.strip()
            if s.startswith("~"):  # PETRARCH 2 transformations: not used by our coder
                synset = None
                continue
            if s.startswith("---"):
                synset = None
                self.close_block()
                m = _BLOCK_RE.match(s)
                if not m or not m["name"]:
                    raise _fail(self.path, n, f"cannot read verb block header {s!r}")
                code = (m["code"] or "---").strip()
                if code and not _CODE_RE.match(code):
                    raise _fail(self.path, n, f"bad block code [{code}]")
                self.block = m["name"].strip("_ ").upper()
                self.block_code = None if code in ("---", "") else code
                continue
            if s.startswith("&"):
                parts = s.split()
                if len(parts) != 1 or len(parts[0]) < 2:
                    raise _fail(self.path, n, f"cannot read synonym set name {s!r}")
                name = parts[0]
                synset = "&" + name[1:].rstrip("_").upper()
                self.raw_synsets.setdefault(synset, ([], not name.endswith("_")))
                continue
            if s.startswith("+") and synset is not None:
                member = s[1:].strip()
                words = tuple(w if w.startswith("&") else w.lower() for w in member.replace("_", " ").split())
                if not words:
                    raise _fail(self.path, n, "empty synonym set member")
                self.raw_synsets[synset][0].append((words, member.endswith("_")))
                continue
            synset = None
            if s.startswith("-"):
                if self.block is None:
                    raise _fail(self.path, n, "verb pattern outside a '--- VERB [code] ---' block")
                self.block_patterns.append((n, s))
                continue
            if self.block is None:
                raise _fail(self.path, n, f"verb {s!r} outside a '--- VERB [code] ---' block")
            self.read_verb(n, s)
        self.close_block()
        self.finish()
        return self.result

    def read_verb(self, n: int, s: str) -> None:
        head, inner = _bracket(self.path, n, s, self.result.warnings)
        code = self.block_code
        if inner is not None:
            c = inner.strip()
            if not _CODE_RE.match(c):
                raise _fail(self.path, n, f"bad code [{c}]")
            code = None if c == "---" else c
        forms_text: str | None = None
        if "{" in head or "}" in head:
            if head.count("{") != 1 or head.count("}") != 1 or head.index("{") > head.index("}"):
                raise _fail(self.path, n, "unbalanced '{' '}' in verb forms")
            forms_text = head[head.index("{") + 1: head.index("}")]
            head = head[: head.index("{")]
        words, hd = _verb_phrase(head)
        if not words:
            raise _fail(self.path, n, "code without a verb")
        lemma = " ".join(words)
        if forms_text is not None and forms_text.strip():
            forms = [lemma]
            for f in forms_text.split():
                fw, _ = _verb_phrase(f)
                if fw:
                    forms.append(" ".join(fw))
            all_forms = tuple(dict.fromkeys(forms))
        elif forms_text is not None:
            all_forms = (lemma,)
        else:
            all_forms = _verb_forms(words, hd)
        old = self.result.verbs.get(lemma)
        if old is not None:  # listed in several blocks: all their patterns apply (see close_block)
            all_forms = tuple(dict.fromkeys((*old.forms, *all_forms)))
            if inner is None:
                code = old.code  # an inherited block code never replaces the first one
        self.result.verbs[lemma] = VerbEntry(lemma, all_forms, code, self.block or "")
        if lemma not in self.block_verbs:
            self.block_verbs.append(lemma)


def read_verbs(path: str | Path) -> VerbDictionary:
    """Read a PETRARCH verb dictionary (CAMEO.2.0.txt, PETR.Validate.verbs.txt).

    ``--- NAME [code] ---`` starts a block; lines after it are verbs (``HURRY {HURRIES HURRYING
    HURRIED}``, ``+ASK_FOR {+ASKED_FOR ...} [020]``, ``WIRE_+TAP``: ``+`` marks the inflected
    word) and patterns (``- $ * SANCTIONS [163]``). ``&NAME`` followed by ``+word`` lines defines
    a synonym set; plurals of its members are added unless the name or member ends with ``_``.
    Regular verb forms are generated when no ``{...}`` forms are given. Transformation lines
    (``~ ...``) are skipped.
    """
    return _VerbReader(path).read()


# ---------------------------------------------------------------- which kind of file


def dictionary_kind(path: str | Path) -> str:
    """'verbs', 'agents' or 'actors', from the content: verb files have ``--- NAME [code] ---``
    blocks, agent files ``[~CODE]``/``[CODE~]`` codes; anything else is an actor file. Lets
    ``--actors`` take both actor and agent files, as PETRARCH users pass them."""
    agents = actors = 0
    for _, line in _clean_lines(path, semicolon_comments=False):
        s = line.strip()
        if s.startswith("---") and "[" in s:
            return "verbs"
        if "[" in s:
            inner = s[s.index("[") + 1:].split("]")[0].replace(" ", "")
            if inner.startswith("~") or inner.endswith("~"):
                agents += 1
            else:
                actors += 1
        if agents + actors >= 25:
            break
    return "agents" if agents > actors else "actors"


def read_actor_files(paths: Iterable[str | Path]) -> tuple[list[ActorEntry], list[AgentEntry], list[str]]:
    """Read every ``--actors`` file, sorting actor and agent files by content."""
    actors: list[ActorEntry] = []
    agents: list[AgentEntry] = []
    warnings: list[str] = []
    for p in paths:
        kind = dictionary_kind(p)
        if kind == "agents":
            ag = read_agents(p)
            agents.extend(ag.entries)
            warnings.extend(ag.warnings)
        elif kind == "verbs":
            raise InputError(str(p), "this is a verb dictionary; pass it with --verbs")
        else:
            ac = read_actors(p)
            actors.extend(ac.entries)
            warnings.extend(ac.warnings)
    return actors, agents, warnings


__all__ = [
    "ActorEntry", "AgentEntry", "VerbPattern", "VerbEntry", "VerbDictionary", "ActorDictionary",
    "AgentDictionary", "read_actors", "read_agents", "read_verbs", "read_actor_files",
    "dictionary_kind", "petrarch_date",
]
