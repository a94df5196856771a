"""`make eval`: run every bench/eval_*.py script in turn; each prints its own figures."""

from __future__ import annotations

import sys

from run import main

if __name__ == "__main__":
    sys.exit(main("eval"))
