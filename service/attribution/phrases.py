"""The words that name a speaker: from a speaker's head word to its name's tokens.

"Deputy Foreign Minister Andrey Rudenko" names Andrey Rudenko; "a U.S. State
Department spokesperson" names the spokesperson with all four words after "a".
"""

from __future__ import annotations

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from service.attribution.lexicon import (
    APPOSITION_DEPS,
    DETERMINER_DEPS,
    IN_ENTITY,
    NAME_DETERMINER_TAGS,
    NAME_PART_DEPS,
    PERSON_LABELS,
    POSSESSIVE_TAG,
    SPEAKER_LABELS,
    TITLE_WORDS,
)


def named_head(head: Token) -> Token:
    """The word that names the speaker: a title's appositive name if there is one.

    "Deputy Foreign Minister Andrey Rudenko" parses with "Minister" as head and
    "Rudenko" in apposition; "Putin’s adviser, Yuri Ushakov" likewise. The
    person's name is the speaker; the title stays with ``affiliations``.
    """
    if head.ent_type_ in PERSON_LABELS:
        return head
    for child in head.children:
        if child.dep_ in APPOSITION_DEPS and child.ent_type_ in PERSON_LABELS:
            return child
    return head


def speaker_phrase(head: Token) -> list[Token]:
    """The words that name a speaker: its named entity, or its noun with modifiers.

    "Daniel DePetris, a fellow at ..." gives "Daniel DePetris"; "Mayor Elena
    Park" gives "Elena Park" (the title is the affiliation stage's); "a U.S.
    State Department spokesperson" gives all four words after "a" (determiners
    are kept here and dropped from the name).
    """
    if head.ent_type_ in SPEAKER_LABELS and head.ent_iob_ in IN_ENTITY:
        ent = entity_span(head)
        if head.ent_type_ in PERSON_LABELS:
            return strip_titles(list(ent))
        return _with_left_modifiers(head, list(ent))
    return _with_left_modifiers(head, [head])


def entity_span(token: Token) -> SpacySpan:
    """The named entity ``token`` is part of (read off its IOB tags, not by search).

    The span carries no label: the entity's type is ``token.ent_type_``.
    """
    doc = token.doc
    start = token.i
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    end = token.i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return doc[start:end]


def strip_titles(words: list[Token]) -> list[Token]:
    """A person's name without the titles spaCy counts in it: "Mayor Elena Park" -> "Elena Park".

    Near miss: a one-word name is kept even if it is a title word ("Chief").
    """
    start = 0
    while start < len(words) - 1 and words[start].lower_.rstrip(".") in TITLE_WORDS:
        start += 1
    words = words[start:]
    if len(words) > 1 and words[-1].tag_ == POSSESSIVE_TAG:
        words = words[:-1]
    return words


def _with_left_modifiers(head: Token, words: list[Token]) -> list[Token]:
    """Extend ``words`` leftwards over the head's noun-phrase modifiers."""
    start = min(w.i for w in words)
    for child in head.lefts:
        if child.dep_ in NAME_PART_DEPS and child.i < start:
            start = min(start, child.left_edge.i)
    end = max(w.i for w in words) + 1
    phrase = [head.doc[i] for i in range(start, end)]
    # Never run across punctuation that closes a clause or opens a quote.
    while phrase and (phrase[0].is_punct or phrase[0].is_space):
        phrase = phrase[1:]
    return phrase or [head]


def name_words(phrase: list[Token]) -> list[Token]:
    """The phrase without leading determiners: "the spokesperson" -> "spokesperson"."""
    words = list(phrase)
    while len(words) > 1 and (words[0].dep_ in DETERMINER_DEPS or words[0].tag_ in NAME_DETERMINER_TAGS):
        words = words[1:]
    return words
