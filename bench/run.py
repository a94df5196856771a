"""`make bench` / `make eval`: run every bench/bench_*.py (or eval_*.py) script in turn; each prints its
own figures.

Many evaluation scripts read reference data from `../shared/data` (beside the checkout, read in place,
never copied into the repository). A clone without it must still say clearly what it can and cannot
measure, so before running anything this checks each script's inputs (`NEEDS`, `OPTIONAL`) and prints
one line per missing input: a script whose required input is missing is skipped; a script whose optional
input is missing runs and prints the figures it can. The exit code is non-zero when nothing could run
or a script that ran failed; missing reference data alone is not a failure.

    python bench/run.py [bench|eval] [--check]      # --check: say what would run, run nothing
    TRUSTLEDGER_SHARED_DATA=DIR                      # where the check looks (default ../shared/data; the
                                                     # scripts themselves read ../shared/data)
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path

HERE = Path(__file__).parent
ROOT = HERE.parent
SHARED = Path(os.environ.get("TRUSTLEDGER_SHARED_DATA") or ROOT.parent / "shared" / "data")
#: Scripts that run first, in this order: `make eval` leads with the real-text figures (issue 13).
#: Extra arguments `make eval` gives a script (the slower checks a quick run leaves out).
ARGS = {"eval_reports_commitments.py": ("--aliases-check",)}
FIRST = ("eval_realtext.py", "eval_reports_commitments.py", "eval_events.py")

_PETRARCH_SETS = ("petrarch/PETR2_GSR_validation.xml", "petrarch/PETR.UnitTest.records.xml",
                  "petrarch/PETR.Validate.actors.txt", "petrarch/PETR.Validate.agents.txt",
                  "petrarch/PETR.Validate.verbs.txt")
_PHOENIX = ("petrarch/Phoenix.Countries.actors.txt", "petrarch/Phoenix.International.actors.txt",
            "petrarch/Phoenix.agents.txt")
#: Inputs (under the reference-data folder) without which a script measures nothing: it is skipped.
NEEDS: dict[str, tuple[str, ...]] = {
    "eval_structured.py": ("unvotes/un_votes.csv.gz", "unvotes/un_roll_calls.csv.gz",
                           "unvotes/un_roll_call_issues.csv.gz", "sipri/trade-register-2000-2023.csv",
                           "gdelt/gdelt1-events-sample-710.tsv", "unsc/unsc_vetoes_1946_sept2022.csv"),
    "eval_assessment.py": ("unvotes/un_votes.csv.gz", "unvotes/un_roll_calls.csv.gz",
                           "sipri/trade-register-2000-2023.csv"),
    "eval_actor_breadth.py": _PHOENIX,
    "eval_lexicon_breadth.py": ("petrarch/CAMEO.2.0.txt",),
}
#: Inputs for part of a script's figures: it runs without them and prints the rest (our own gold sets).
OPTIONAL: dict[str, tuple[str, ...]] = {
    "eval_realtext.py": ("plover/plover-gold-dev.jsonl",),
    "eval_events.py": _PETRARCH_SETS + _PHOENIX,
}
#: What each data folder is, for the missing-input lines.
WHAT = {"petrarch": "PETRARCH's reference sets and dictionaries", "plover": "the PLOVER gold records",
        "unvotes": "the UN General Assembly votes (unvotes layout)", "sipri": "the SIPRI trade register",
        "gdelt": "the GDELT 1.0 sample", "unsc": "the Security Council vetoes"}


def scripts(prefix: str, here: Path = HERE) -> list[Path]:
    """The `prefix_*.py` scripts in running order (FIRST first, then by name)."""
    return sorted(here.glob(f"{prefix}_*.py"), key=lambda p: (p.name not in FIRST,
                                                               FIRST.index(p.name) if p.name in FIRST else 0, p.name))


def missing_inputs(name: str, shared: Path, needs: Mapping[str, Sequence[str]],
                   optional: Mapping[str, Sequence[str]]) -> tuple[list[str], list[str]]:
    """(required, optional) inputs of script `name` that are not under `shared`."""
    return ([f for f in needs.get(name, ()) if not (shared / f).is_file()],
            [f for f in optional.get(name, ()) if not (shared / f).is_file()])


def main(prefix: str, check: bool = False, here: Path = HERE, shared: Path = SHARED,
         needs: Mapping[str, Sequence[str]] = NEEDS, optional: Mapping[str, Sequence[str]] = OPTIONAL) -> int:
    """Run the scripts whose inputs are there (or only say what would run, with `check`); 0 when at
    least one ran and none failed."""
    found = scripts(prefix, here)
    if not found:
        print(f"no {prefix}_*.py scripts in {here}")
        return 1
    if not shared.is_dir() and (needs or optional):
        print(f"the reference data folder {shared} is absent: put ../shared/data beside this checkout "
              "for the full figures")
    runnable: list[Path] = []
    for script in found:
        required, partial = missing_inputs(script.name, shared, needs, optional)
        for f in required:
            print(f"skipped {script.name}: needs {shared / f} ({WHAT.get(f.split('/')[0], 'reference data')})")
        for f in partial:
            print(f"{script.name}: without {shared / f} ({WHAT.get(f.split('/')[0], 'reference data')}), "
                  "its figures on that set are left out")
        if not required:
            runnable.append(script)
    if not runnable:
        print(f"nothing could run: every {prefix}_*.py script needs reference data that is missing")
        return 1
    if check:
        print(f"would run: {', '.join(s.name for s in runnable)}")
        return 0
    failed = []
    for script in runnable:
        print(f"\n=== {script.name} ===", flush=True)
        if subprocess.run([sys.executable, str(script), *ARGS.get(script.name, ())], cwd=here.parent).returncode != 0:
            failed.append(script.name)
    skipped = len(found) - len(runnable)
    print(f"\nran {len(runnable)} of {len(found)} scripts" + (f" ({skipped} skipped for missing data)" if skipped
                                                                else ""))
    if failed:
        print(f"failed: {', '.join(failed)}")
    return 1 if failed else 0


if __name__ == "__main__":
    args = sys.argv[1:]
    sys.exit(main(next((a for a in args if not a.startswith("--")), "bench"), check="--check" in args))
