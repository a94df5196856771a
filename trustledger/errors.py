"""User-facing errors: the CLI prints these as one line, without a traceback."""

from __future__ import annotations


class UserError(Exception):
    """A problem the user can fix (bad input, missing store, bad option)."""


class InputError(UserError):
    """A problem with one input file; ingest reports it and goes on with the others."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


class StoreError(UserError):
    """The store file cannot be opened (the subclasses say why); `path` is the store file."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


class StoreMissing(StoreError):
    """No store at this path (a read needs one that `trustledger ingest` created)."""


class NotAStore(StoreError):
    """The path holds something that is not a trustledger store (another file, a folder)."""


class StoreBusy(StoreError):
    """Another connection holds the store's file lock (or a writer is waiting for it).

    `holder` describes who, when that can be known ("trustledger serve (pid 1234)"), `pid` is
    its process id and `mode` is "reader", "writer" or None (unknown).
    """

    def __init__(self, path: str, reason: str, holder: str | None = None, pid: int | None = None,
                 mode: str | None = None) -> None:
        super().__init__(path, reason)
        self.holder = holder
        self.pid = pid
        self.mode = mode
