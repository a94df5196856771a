"""Component name → module, in the order the assessment lists them."""

from __future__ import annotations

from types import ModuleType

from trustledger.analysis.components import alignment, commitments_score, reciprocity, say_do

MODULES: dict[str, ModuleType] = {
    "commitments": commitments_score,
    "say_do": say_do,
    "alignment": alignment,
    "reciprocity": reciprocity,
}
