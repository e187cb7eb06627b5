"""Shared fixtures: an app on a blank pipeline for the web layer, the real model for the marked suite."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import spacy
from flask import Flask
from flask.testing import FlaskClient
from spacy.language import Language

from service.web.app import create_app
from service.nlp import default_model_name, load_pipeline


@pytest.fixture
def blank_nlp() -> Language:
    """A tokenizer-only pipeline: quotation marks work, dependency rules find nothing."""
    return spacy.blank("en")


@pytest.fixture
def app(blank_nlp: Language) -> Flask:
    return create_app({"max_chars": 1000, "batch_max_documents": 3, "batch_max_chars": 2500}, nlp=blank_nlp)


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    return app.test_client()


@pytest.fixture(scope="session")
def real_nlp() -> Iterator[Language]:
    """The real spaCy model (the marked ``model`` suite)."""
    yield load_pipeline(default_model_name())


@pytest.fixture(scope="session")
def real_app(real_nlp: Language) -> Flask:
    return create_app(nlp=real_nlp)
