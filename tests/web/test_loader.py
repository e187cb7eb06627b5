"""The service's engine, loaded in the background: failures recorded, readiness once loaded."""

from __future__ import annotations

import pytest
import spacy

from service.web.loader import EngineLoader, State


def test_loader_failure_is_recorded_not_raised() -> None:
    loader = EngineLoader("/nonexistent/model/path")
    loader.start(background=True)
    assert loader.wait(timeout=30) is False
    assert loader.state is State.FAILED and loader.error


def test_loader_in_background_becomes_ready(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("service.web.loader.load_pipeline", lambda name: spacy.blank("en"))
    loader = EngineLoader("anything")
    loader.start(background=True)
    assert loader.wait(timeout=30) is True
    assert loader.extractor is not None and loader.info is not None and loader.load_seconds is not None
