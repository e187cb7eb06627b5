"""The linear tokenizer: same tokens as spaCy's on ordinary text, bounded pieces on hostile runs."""

from __future__ import annotations

import spacy

from service.attribution.tokenizer import LinearTokenizer


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
