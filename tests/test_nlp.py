"""Choosing, checking and describing the spaCy pipeline."""

from __future__ import annotations

import pytest
import spacy

from service.web.app import create_app
from service.nlp import OFFICIAL_MODEL, PINNED_MODEL, ModelInfo, ModelNotFound, check_model, default_model_name, memory_zone, model_info


def test_default_is_the_official_model_when_installed_else_the_pinned_copy() -> None:
    expected = OFFICIAL_MODEL if spacy.util.is_package(OFFICIAL_MODEL) else PINNED_MODEL
    assert default_model_name() == expected


def test_missing_model_fails_at_start_up_naming_the_setting(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("QUOTES_SPACY_MODEL", "en_no_such_model")
    with pytest.raises(ModelNotFound, match="QUOTES_SPACY_MODEL"):
        create_app()


def test_installed_model_passes_the_check() -> None:
    check_model(PINNED_MODEL)


def test_model_info_gives_language_and_name() -> None:
    nlp = spacy.blank("en")
    nlp.meta["name"], nlp.meta["version"] = "core_web_sm", "3.8.0"
    assert model_info(nlp) == ModelInfo("en_core_web_sm", "3.8.0")


def test_a_memory_zone_forgets_its_lexemes_however_its_block_ends() -> None:
    """spaCy 3.8.7 kept a failed zone's lexemes with their strings freed: the next text failed in the tokenizer."""
    nlp = spacy.blank("en")
    text = "“Hi,” said Zyxwv."
    with pytest.raises(ValueError, match="past its deadline"), memory_zone(nlp):
        nlp.tokenizer(text)
        raise ValueError("past its deadline")
    assert "Zyxwv" not in nlp.vocab
    with memory_zone(nlp):
        assert [t.text for t in nlp.tokenizer(text)] == ["“", "Hi", ",", "”", "said", "Zyxwv", "."]
    assert "Zyxwv" not in nlp.vocab  # and as a normal end leaves it
