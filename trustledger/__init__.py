"""trustledger: directional, evidence-backed trust assessments between states."""

from __future__ import annotations

from typing import Any

__version__ = "0.1.0"
__all__ = ["open", "Client"]


def __getattr__(name: str) -> Any:
    # Lazy, so that `trustledger --help` does not pay for pandas and scipy.
    if name in ("open", "Client"):
        from trustledger import api

        return getattr(api, name)
    raise AttributeError(f"module 'trustledger' has no attribute {name!r}")
