"""Pause points for crash tests: `TRUSTLEDGER_PAUSE_AT=NAME` makes a process stop at the named step,
say so on stderr and wait, so that a test can kill it there deterministically (kill -9 at a known
moment, rather than after a guessed sleep). Unset, a pause point costs one dictionary lookup."""

from __future__ import annotations

import os
import sys
import time

#: The steps where a run can be paused: after a file's transaction commits, after every file of an
#: ingest run (before the derived tables are checked), inside a derived table's rebuild transaction.
PAUSE_POINTS = ("file-stored", "after-files", "rebuilding")
PAUSE_SECONDS = 120


def pause_point(name: str) -> None:
    if os.environ.get("TRUSTLEDGER_PAUSE_AT") != name:
        return
    print(f"paused at {name} (pid {os.getpid()})", file=sys.stderr, flush=True)
    time.sleep(PAUSE_SECONDS)
