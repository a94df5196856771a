"""Layers point down only: every module imports, the store imports no later stage, only the command
layer imports typer (or `cli_common`), and our own modules are imported plainly (never behind an
`except ImportError` that would hide a broken module behind a second implementation)."""

from __future__ import annotations

import ast
import importlib
import importlib.util
import pkgutil
from pathlib import Path

import pytest

import trustledger

PACKAGE = Path(trustledger.__file__).parent
#: The CLI and command layer: the only modules that may import typer or trustledger.cli_common.
COMMAND_LAYER = ("trustledger.cli", "trustledger.cli_common", "trustledger.commands")
#: Command modules still inside their domain package, to move into trustledger/commands/ (their
#: packages were being edited when the others moved); nothing else may join this list.
COMMANDS_TO_MOVE: tuple[str, ...] = ()
#: Packages the store must never import: every one of them reads or writes through it.
ABOVE_STORE = ("coding", "commitments", "analysis", "report", "web", "ingest", "spark", "commands", "queries",
               "api", "cli", "cli_common", "stages")
#: Modules that still import one of our own modules inside a try whose handler would hide its failure.
GUARDED_IMPORTS_TO_REMOVE: tuple[str, ...] = ()


def modules() -> list[str]:
    names = [info.name for info in pkgutil.walk_packages([str(PACKAGE)], "trustledger.")]
    return sorted(n for n in names if n != "trustledger.__main__")   # __main__ runs the CLI


def source(name: str) -> ast.Module:
    spec = importlib.util.find_spec(name)
    return ast.parse(Path(spec.origin).read_text(encoding="utf-8"), spec.origin)


def imported(tree: ast.AST, module: str) -> set[str]:
    """Every module `tree` imports, at the top or inside functions, relative imports made absolute."""
    out: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            out.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = module.split(".")[: -node.level]
                base = ".".join(parts + ([base] if base else []))
            out.add(base)
            out.update(f"{base}.{a.name}" for a in node.names)
    return out


def under(name: str, prefixes: tuple[str, ...]) -> bool:
    return any(name == p or name.startswith(p + ".") for p in prefixes)


@pytest.mark.parametrize("name", modules())
def test_every_module_imports(name):
    importlib.import_module(name)


def test_the_store_imports_no_later_stage():
    above = tuple(f"trustledger.{p}" for p in ABOVE_STORE)
    bad = {name: sorted(i for i in imported(source(name), name) if under(i, above))
           for name in modules() if under(name, ("trustledger.store",))}
    assert not {k: v for k, v in bad.items() if v}


def test_only_the_command_layer_imports_typer():
    bad = {}
    for name in modules():
        if under(name, COMMAND_LAYER) or name in COMMANDS_TO_MOVE:
            continue
        hits = sorted(i for i in imported(source(name), name) if under(i, ("typer", *COMMAND_LAYER)))
        if hits:
            bad[name] = hits
    assert not bad


def test_our_own_modules_are_imported_plainly():
    """No `try: import trustledger.x` whose handler catches ImportError (or anything broader)."""
    broad = {"ImportError", "ModuleNotFoundError", "Exception", "BaseException"}
    bad = []
    for name in modules():
        if name in GUARDED_IMPORTS_TO_REMOVE:
            continue
        for node in ast.walk(source(name)):
            if not isinstance(node, ast.Try):
                continue
            ours = {i for stmt in node.body for i in imported(stmt, name) if under(i, ("trustledger",))}
            caught = set()
            for h in node.handlers:
                types = h.type.elts if isinstance(h.type, ast.Tuple) else [h.type]
                caught.update("BaseException" if t is None else getattr(t, "id", getattr(t, "attr", "")) for t in types)
            if ours and caught & broad:
                bad.append(f"{name}:{node.lineno} {sorted(ours)}")
    assert not bad


def test_the_successor_states_are_one_table():
    """The coder's table is the leaf module's (until coding/countries.py imports it from there)."""
    from trustledger.coding import countries
    from trustledger.predecessors import SUCCESSORS, with_predecessors

    assert countries.SUCCESSORS == SUCCESSORS
    assert with_predecessors("RUS") == ["RUS", "USR"] and with_predecessors("IRN") == ["IRN"]
