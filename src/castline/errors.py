"""The library's exceptions: the CLI and web layers turn them into exit codes and HTTP errors."""


class CastlineError(Exception):
    """Base of everything castline raises on purpose."""


# A failure's reason is one line of at most this many characters.
MAX_REASON = 300


class InputError(CastlineError):
    """One input (file, URL, feed entry, JSONL line) could not be ingested; the batch goes on."""

    def __init__(self, source: str, reason: str):
        reason = " ".join(reason.split())  # one line, whatever a library's message held
        if len(reason) > MAX_REASON:
            reason = reason[:MAX_REASON - 1] + "…"
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason

    def __reduce__(self):  # so errors cross process boundaries with --jobs
        return (InputError, (self.source, self.reason))


class StoreError(CastlineError):
    """The knowledge-base database cannot be opened or upgraded."""
