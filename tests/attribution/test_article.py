"""The lookups every stage shares: the doc's text joined once, answers per token kept per doc."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from service.attribution.article import Article, doc_text, per_token
from tests.parses import parse, word

TWO_SPEAKERS = """
    0 Ruiz - NNP PROPN nsubj 1 B-PERSON
    1 spoke speak VBD VERB ROOT 1
    2 . - . PUNCT punct 1
    3 Lee - NNP PROPN nsubj 4 B-PERSON
    4 spoke speak VBD VERB ROOT 4
    5 . - . PUNCT punct 4
    """


def two_speakers() -> Doc:
    """A fresh doc each time: what a test memoises in one must not carry into another."""
    return parse("Ruiz spoke. Lee spoke.", TWO_SPEAKERS)


def test_the_text_of_a_doc_is_its_text_joined_once() -> None:
    doc = two_speakers()
    assert doc_text(doc) == doc.text
    assert doc_text(doc) is doc_text(doc)


def test_a_memoised_lookup_runs_once_per_token_and_apart_for_each() -> None:
    asked: list[int] = []

    @per_token("tests.asked")
    def length(token: Token) -> int:
        asked.append(token.i)
        return len(token.text)

    doc = two_speakers()
    first, second = word(doc, "Ruiz"), word(doc, "Lee")
    assert [length(first), length(first), length(doc[0])] == [4, 4, 4]
    assert length(second) == 3
    assert asked == [0, 3]


def test_an_article_makes_its_tokens_once() -> None:
    doc = two_speakers()
    article = Article(doc)
    assert [t.text for t in article.tokens] == [t.text for t in doc]
    assert article.tokens[3] is article.tokens[3]
