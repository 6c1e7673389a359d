"""Wall-clock time per pipeline stage, summed over articles (and across worker processes)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from time import perf_counter


class Timings(dict[str, float]):
    """Seconds per stage name; `stage` times a block, `merge` adds another process's figures."""

    @contextmanager
    def stage(self, name: str) -> Iterator[None]:
        start = perf_counter()
        try:
            yield
        finally:
            self[name] = self.get(name, 0.0) + perf_counter() - start

    def merge(self, other: dict[str, float]) -> None:
        for name, seconds in other.items():
            self[name] = self.get(name, 0.0) + seconds
