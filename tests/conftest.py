"""Shared fixtures: an app on a blank pipeline for the web layer, the real model for the marked suite."""

from __future__ import annotations

from collections import Counter
from collections.abc import Generator, Iterator
from typing import Any

import pytest
import spacy
from flask import Flask
from flask.testing import FlaskClient
from spacy.language import Language

from service.web.app import create_app
from service.nlp import default_model_name, load_pipeline
from tests.browser import chromium


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


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """Headless Chromium (Debian's), for the page's and the report's tests; they skip without it."""
    yield from chromium()


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> Generator[None]:
    """Say loudly, last before the counts, that the browser tests were skipped and why.

    Without Debian's chromium the page's tests skip, and a run that passes has
    then not tested the page at all: that must not pass unnoticed among the
    other skips (CI installs chromium and fails if it cannot).
    """
    yield  # after pytest's own summary, whose list of skips is long
    skipped = [report for report in terminalreporter.stats.get("skipped", []) if "browser" in report.keywords]
    if not skipped:
        return
    reasons = Counter(str(report.longrepr[2]).removeprefix("Skipped: ") for report in skipped if isinstance(report.longrepr, tuple))
    terminalreporter.section(f"{len(skipped)} browser tests did not run: the page is untested", sep="!", red=True, bold=True)
    for reason, count in reasons.items():
        terminalreporter.write_line(f"{count} skipped: {reason}", red=True)
