"""Ingest past one machine: cleaning, parsing and extraction on a Dask distributed cluster, the knowledge base written
by this process (the one merge point) as the results stream back.

Dask is an optional extra (`pip install castline[dask]`); nothing here imports it until a cluster is asked for.
"""

from __future__ import annotations

import itertools
import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from .errors import CastlineError, InputError
from .extract.nlp import load
from .kb import Store
from .pipeline import IngestReport, ingest
from .settings import Settings

log = logging.getLogger(__name__)

INSTALL_HINT = "pip install castline[dask]"
# Batches out on the cluster at once, per worker thread: enough to keep every worker busy while the client merges,
# few enough that neither the client nor a worker holds more than a handful of batches (memory stays flat).
IN_FLIGHT_PER_THREAD = 2
# A batch whose worker died (or whose task raised) is sent once more; a second failure fails its articles.
RETRIES = 1
# How long to wait for a scheduler to answer, and for a first worker to join it.
CONNECT_SECONDS = 30


class DaskUnavailable(CastlineError):
    """Dask distributed is not installed."""


def require_dask() -> Any:
    """The `distributed` package, or DaskUnavailable saying how to install it."""
    try:
        import distributed
    except ImportError as exc:
        raise DaskUnavailable(f"--scheduler and --dask-workers need Dask distributed: {INSTALL_HINT}") from exc
    return distributed


def _model_plugin(model: str) -> Any:
    """A worker plugin that loads the spaCy model once per worker process, when the worker joins (extract.nlp.load
    keeps it for every later batch)."""
    from distributed.diagnostics.plugin import WorkerPlugin

    class LoadModel(WorkerPlugin):
        name = "castline-load-model"

        def __init__(self, model: str):
            self.model = model

        def setup(self, worker: Any) -> None:
            load(self.model)

    return LoadModel(model)


class DaskRunner:
    """Runs batches on a Dask cluster and yields each batch with its results as they complete (pipeline.Runner).

    At most `in_flight` batches are out at once: a new one goes out only when one came back, so the input stream is
    read no faster than the cluster works. A batch that fails (its worker died, say) is retried once, then its
    articles are reported as failed inputs; the other batches go on.
    """

    def __init__(self, client: Any, in_flight: int | None = None):
        self.client = client
        self.in_flight = in_flight

    def _threads(self) -> int:
        workers = self.client.scheduler_info().get("workers", {})
        return max(1, sum(w.get("nthreads", 1) for w in workers.values()))

    def __call__(self, batches: Iterator[list], work: Callable, model: str) -> Iterator[tuple[list, list]]:
        from distributed import as_completed

        self.client.wait_for_workers(1, timeout=CONNECT_SECONDS)
        self.client.register_plugin(_model_plugin(model))
        limit = self.in_flight or IN_FLIGHT_PER_THREAD * self._threads()
        running: dict[Any, tuple[list, int]] = {}
        done = as_completed()

        def submit(batch: list, attempt: int) -> None:
            future = self.client.submit(work, batch, model, pure=False)
            running[future] = (batch, attempt)
            done.add(future)

        for batch in itertools.islice(batches, limit):
            submit(batch, 0)
        for future in done:
            batch, attempt = running.pop(future)
            try:
                results = future.result()
            except Exception as exc:  # a worker died or the task raised: this batch only
                if attempt < RETRIES:
                    log.warning("a batch of %d articles failed on the cluster (%s); retrying it", len(batch),
                                exc.__class__.__name__)
                    submit(batch, attempt + 1)
                    continue
                results = [InputError(item.source, f"worker failed ({exc.__class__.__name__}: {exc})")
                           for item in batch]
            finally:
                future.release()
            yield batch, results
            following = next(batches, None)
            if following is not None:
                submit(following, 0)


@contextmanager
def cluster(scheduler: str | None = None, workers: int | None = None) -> Iterator[DaskRunner]:
    """A runner on the cluster at `scheduler` (tcp://HOST:8786), else on a local cluster of `workers` processes of
    one thread each (spaCy's parse holds the GIL: processes, not threads, run it side by side)."""
    distributed = require_dask()
    import dask

    local = None
    try:
        if scheduler:
            client = distributed.Client(scheduler, timeout=CONNECT_SECONDS)
        else:
            # The scheduler gives a batch whose worker died to no other (this runner retries it once itself), and
            # hands every batch to a worker at once rather than queueing it: the scheduler runs in this process,
            # whose merge holds the GIL, and a worker waiting on it for its next batch would sit idle.
            with dask.config.set({"distributed.scheduler.allowed-failures": 0,
                                  "distributed.scheduler.worker-saturation": float("inf")}):
                local = distributed.LocalCluster(n_workers=workers or 1, threads_per_worker=1, processes=True,
                                                 dashboard_address=None, silence_logs=logging.ERROR)
            client = distributed.Client(local)
    except (OSError, TimeoutError) as exc:
        raise CastlineError(f"cannot reach the Dask scheduler at {scheduler}: {exc}") from exc
    try:
        yield DaskRunner(client)
    finally:
        client.close()
        if local is not None:
            local.close()


def ingest_on_cluster(inputs: list[str], store: Store, settings: Settings, scheduler: str | None = None,
                      workers: int | None = None, on_progress: Callable[[str], None] | None = None) -> IngestReport:
    """pipeline.ingest with cleaning, parsing and extraction on a Dask cluster; reading the inputs (and skipping
    the unchanged ones) and writing the knowledge base stay here."""
    with cluster(scheduler, workers) as runner:
        return ingest(inputs, store, settings, on_progress=on_progress, runner=runner)
