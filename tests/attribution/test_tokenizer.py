"""The linear tokenizer: same tokens as spaCy's on ordinary text, bounded pieces on hostile runs."""

from __future__ import annotations

import pytest
import spacy

from service.attribution.tokenizer import LinearTokenizer, warm_up


def tokenizer(max_run: int = 10) -> LinearTokenizer:
    nlp = spacy.blank("en")
    return LinearTokenizer(nlp.tokenizer, nlp.vocab, max_run=max_run)


def test_ordinary_text_is_tokenized_exactly_as_spacy_does() -> None:
    nlp = spacy.blank("en")
    text = "“We won,” she said (again). Don’t go!"
    assert [t.text for t in tokenizer(max_run=100)(text)] == [t.text for t in nlp.tokenizer(text)]


def test_a_long_run_is_cut_into_pieces_and_the_text_kept_exactly() -> None:
    text = "Before " + '"' * 25 + " after, “ok”."
    doc = tokenizer()(text)
    assert doc.text == text
    assert [t.text for t in doc if set(t.text) == {'"'}] == ['"' * 10, '"' * 10, '"' * 5]
    assert [t.text for t in doc][-4:] == ["“", "ok", "”", "."]
    assert all(text[t.idx : t.idx + len(t.text)] == t.text for t in doc)


def test_a_run_at_the_very_start_or_end_keeps_the_text() -> None:
    for text in ("x" * 23, "x" * 23 + " tail", "head " + "x" * 23):
        assert tokenizer()(text).text == text


def test_other_tokenizer_attributes_are_the_wrapped_tokenizers() -> None:
    nlp = spacy.blank("en")
    assert LinearTokenizer(nlp.tokenizer, nlp.vocab).rules is nlp.tokenizer.rules


def test_warm_up_gives_the_models_words_lexemes_that_outlive_memory_zones_and_the_same_tokens() -> None:
    nlp = spacy.blank("en")
    text = "“The harbour reopens,” said the harbourmaster’s deputy."
    before = [t.text for t in spacy.blank("en").tokenizer(text)]
    for word in ("harbourmaster", "Xxxxx"):
        nlp.vocab.strings.add(word)
    assert warm_up(nlp.tokenizer, nlp.vocab) > 0
    assert "harbourmaster" in nlp.vocab
    assert "Xxxxx" not in nlp.vocab  # near miss: a word shape is no word
    with nlp.memory_zone():
        assert [t.text for t in nlp.tokenizer(text)] == before
    assert "harbourmaster" in nlp.vocab and "reopens" not in nlp.vocab


def test_warm_up_is_refused_inside_a_memory_zone() -> None:
    nlp = spacy.blank("en")
    with nlp.memory_zone(), pytest.raises(RuntimeError, match="outside a memory zone"):
        warm_up(nlp.tokenizer, nlp.vocab)
