"""User-facing errors: the CLI prints these as one line, without a traceback."""


class UserError(Exception):
    """A problem the user can fix (bad input, missing store, bad option)."""


class InputError(UserError):
    """A problem with one input file; ingest reports it and goes on with the others."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason
