"""States that continue others: the Soviet Union's record is Russia's, Yugoslavia's is Serbia's.

A leaf module (it imports nothing of ours), so that every layer can expand a country filter the
same way: the store's list queries, the analysis, the report and the web app. A country filter
for RUS matches RUS and USR; a question about today's states reads the predecessors' record too.
"""

from __future__ import annotations

#: CAMEO code of a state that no longer exists → the code of the state that continues it.
SUCCESSORS: dict[str, str] = {"USR": "RUS", "YUG": "SRB", "CSK": "CZE", "DDR": "DEU"}


def successor(code: str) -> str:
    """The state that continues `code` (itself when it still exists)."""
    return SUCCESSORS.get(code, code)


def with_predecessors(country: str) -> list[str]:
    """The code itself, then the codes of the states it continues (RUS → RUS, USR), sorted."""
    return [country, *sorted(old for old, new in SUCCESSORS.items() if new == country)]
