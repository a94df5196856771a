"""`make bench`: run every bench/bench_*.py script in turn; each prints its own figures."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).parent
#: Scripts that run first, in this order: `make eval` leads with the real-text figures (issue 13).
FIRST = ("eval_realtext.py", "eval_reports_commitments.py", "eval_events.py")


def main(prefix: str) -> int:
    scripts = sorted(HERE.glob(f"{prefix}_*.py"), key=lambda p: (p.name not in FIRST,
                                                                 FIRST.index(p.name) if p.name in FIRST else 0,
                                                                 p.name))
    if not scripts:
        print(f"no {prefix}_*.py scripts in {HERE}")
        return 1
    failed = []
    for script in scripts:
        print(f"\n=== {script.name} ===", flush=True)
        if subprocess.run([sys.executable, str(script)], cwd=HERE.parent).returncode != 0:
            failed.append(script.name)
    if failed:
        print(f"\nfailed: {', '.join(failed)}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main("bench"))
