"""Breadth of our own actor lexicon, measured against the published Phoenix actor dictionaries.

For every phrase of `Phoenix.International.actors.txt` (international organisations, NGOs,
militarized groups, companies) and `Phoenix.Countries.actors.txt` (country names and the dated
codes of leaders and officials), we ask our resolver (`ActorResolver.default()`, built only from
trustledger/data) what the phrase names, on a date inside the Phoenix code's validity, and count
it right when our actor's country block is Phoenix's (`IGO` for international bodies, a state's
code otherwise). The dictionaries are read from `../shared/data/petrarch/` at run time; nothing of
them is written anywhere, and the script prints figures only.

    .venv/bin/python bench/eval_actor_breadth.py [--shared ../shared/data]
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

#: Older or alternative three-letter codes that name the same state.
SAME_STATE = {"JAP": "JPN", "ITL": "ITA", "VTN": "VNM", "TLS": "TMP", "ROM": "ROU", "ZAR": "COD"}
FILES = ("Phoenix.International.actors.txt", "Phoenix.Countries.actors.txt")


def _state(code: str | None) -> str | None:
    if not code:
        return None
    c = code[:3].upper()
    return SAME_STATE.get(c, c)


def _text(phrase: tuple[str, ...]) -> str:
    """PETRARCH phrases are lower-cased words; our matcher wants a capital somewhere, as names have."""
    return " ".join(w[:1].upper() + w[1:] for w in phrase)


def _day(start: dt.date | None, end: dt.date | None) -> dt.date | None:
    """A day well inside a dated code (not a handover day); None for an undated code."""
    if start and end:
        return start + (end - start) / 2
    if start:
        return min(start + dt.timedelta(days=60), dt.date.today())
    if end:
        return end - dt.timedelta(days=60)
    return None


def _items(path: Path) -> list[tuple[str, dt.date | None, str, bool]]:
    """(text, day, Phoenix code, dated) for each phrase and code; a record's undated default code is left
    out when the record has dated codes (PETRARCH uses it only outside them)."""
    from trustledger.coding.petrarch_dicts import read_actors

    entries = read_actors(path).entries
    dated_roots = {e.root for e in entries if e.start or e.end}
    seen: set[tuple[str, dt.date | None, str]] = set()
    out = []
    for e in entries:
        dated = bool(e.start or e.end)
        if not dated and e.root in dated_roots:
            continue
        item = (_text(e.phrase), _day(e.start, e.end), e.code.upper())
        if e.phrase and item not in seen:
            seen.add(item)
            out.append((*item, dated))
    return out


def _category(name: str, code: str, dated: bool) -> str:
    if name.startswith("Phoenix.International"):
        block = code[:3]
        return block if block in ("IGO", "NGO", "IMG", "MNC") else "other"
    if dated:
        return "dated (leaders, officials)"
    return "country names" if len(code) == 3 else "undated with role"


def measure(path: Path) -> dict[str, Counter]:
    from trustledger.coding.actors import ActorResolver
    from trustledger.nlp.model import load_model

    resolver = ActorResolver.default()
    nlp = load_model()
    items = _items(path)
    counts: dict[str, Counter] = defaultdict(Counter)
    docs = nlp.pipe((t for t, _, _, _ in items), batch_size=512)
    for (_, day, code, dated), doc in zip(items, docs, strict=True):
        mentions = resolver.mentions(doc[:], day)
        best = max(mentions, key=lambda m: m.end - m.start, default=None)
        ours = _state(best.actor.country) if best else None
        c = counts[_category(path.name, code, dated)]
        c["n"] += 1
        c["resolved"] += ours is not None
        c["same"] += ours == _state(code)
    return counts


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--shared", default=str(ROOT.parent / "shared" / "data"), help="the shared data folder")
    args = ap.parse_args(argv)
    folder = Path(args.shared) / "petrarch"
    missing = [f for f in FILES if not (folder / f).is_file()]
    if missing:
        print(f"eval_actor_breadth: {', '.join(missing)} not found in {folder}", file=sys.stderr)
        return 2
    print("Actor breadth against the Phoenix dictionaries: share of phrases our resolver maps to the same "
          "state (or IGO)")
    for name in FILES:
        t0 = time.time()
        counts = measure(folder / name)
        total = sum(counts.values(), Counter())
        print(f"\n{name}: {total['n']} phrase-codes, same state {total['same'] / total['n']:.1%}, "
              f"resolved to anything {total['resolved'] / total['n']:.1%} ({time.time() - t0:.0f} s)")
        for cat in sorted(counts, key=lambda k: -counts[k]["n"]):
            c = counts[cat]
            print(f"  {cat:<28} {c['n']:>7}  same {c['same'] / c['n']:>6.1%}  resolved {c['resolved'] / c['n']:>6.1%}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
