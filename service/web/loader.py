"""The service's engine, loaded in the background: ``/healthz`` answers at once, ``/readyz`` once it is ready."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from enum import Enum

from spacy.language import Language

from service.attribution.pipeline import QuoteExtractor
from service.intake.door import ready_engine
from service.nlp import ModelInfo, load_pipeline, model_info

log = logging.getLogger(__name__)


class State(Enum):
    LOADING = "loading"
    READY = "ready"
    FAILED = "failed"


class EngineLoader:
    """Holds the quote extractor and whether it is ready yet.

    ``start`` loads the model, in a background thread or at once; ``extractor``
    is None until the model is loaded and warmed up. The language classifier
    (``service.intake.language``) is loaded with it, once per process.

    ``turn`` gives the engine to one request at a time: the work is CPU-bound
    (one process per core does best), and spaCy's memory zones belong to the
    pipeline's vocabulary, not to a thread, so two analyses at once in one
    process would free each other's strings.
    """

    def __init__(self, model: str) -> None:
        self.model = model
        self.state = State.LOADING
        self.error: str | None = None
        self.extractor: QuoteExtractor | None = None
        self.info: ModelInfo | None = None
        self.load_seconds: float | None = None
        self._thread: threading.Thread | None = None
        self._turn = threading.Lock()

    @contextmanager
    def turn(self, deadline: float) -> Iterator[bool]:
        """The engine to this request alone until the block ends; yields False (and waits no more) if it
        was not free before ``deadline`` (a ``time.monotonic()`` value)."""
        acquired = self._turn.acquire(timeout=max(0.0, deadline - time.monotonic()))
        try:
            yield acquired
        finally:
            if acquired:
                self._turn.release()

    def use(self, nlp: Language) -> None:
        """Use an already loaded pipeline (tests pass their own)."""
        self.extractor, self.info, self.state = ready_engine(nlp), model_info(nlp), State.READY

    def start(self, background: bool) -> None:
        if not background:
            self._load()
            return
        self._thread = threading.Thread(target=self._load, name="model-loader", daemon=True)
        self._thread.start()

    def wait(self, timeout: float | None = None) -> bool:
        """Block until loading ends; whether the engine is ready."""
        if self._thread is not None:
            self._thread.join(timeout)
        return self.state is State.READY

    def _load(self) -> None:
        started = time.perf_counter()
        try:
            self.use(load_pipeline(self.model))
        except Exception as exc:  # a broken model must show on /readyz, not kill the thread silently
            self.error = f"{type(exc).__name__}: {exc}"
            self.state = State.FAILED
            log.exception("loading spaCy pipeline %r failed", self.model)
            return
        self.load_seconds = time.perf_counter() - started
        log.info("loaded %s %s in %.1fs", self.info.name if self.info else "?", self.info.version if self.info else "?", self.load_seconds)
