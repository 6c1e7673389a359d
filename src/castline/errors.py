"""The library's exceptions: the CLI and web layers turn them into exit codes and HTTP errors."""


class CastlineError(Exception):
    """Base of everything castline raises on purpose."""


class InputError(CastlineError):
    """One input (file, URL, feed entry, JSONL line) could not be ingested; the batch goes on."""

    def __init__(self, source: str, reason: str):
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason

    def __reduce__(self):  # so errors cross process boundaries with --jobs
        return (InputError, (self.source, self.reason))


class StoreError(CastlineError):
    """The knowledge-base database cannot be opened or upgraded."""
