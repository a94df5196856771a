"""`make eval`: run every bench/eval_*.py script in turn (real-text figures first); each prints its own
figures. Scripts whose reference data (`../shared/data`) is missing are skipped with one line per missing
file, and the exit code is non-zero only when nothing could run or a script failed (see `run.py`).

    python bench/evaluate.py [--check]     # --check: say what would run and what is missing, run nothing
"""

from __future__ import annotations

import sys

from run import main

if __name__ == "__main__":
    sys.exit(main("eval", check="--check" in sys.argv[1:]))
