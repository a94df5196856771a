"""trustledger: directional, evidence-backed trust assessments between states."""

__version__ = "0.1.0"
