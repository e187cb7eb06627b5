"""Reporting expressions: the words that say someone said something.

A cue is a reporting verb ("said", "told", "warned"), "according to", or a
colon after a speaker. Each test here is one small predicate on a token; the
quote stage decides which cue governs which quotation.
"""

from __future__ import annotations

from spacy.tokens import Token

from service.attribution.lexicon import (
    ACCORDING_TO,
    CONTENT_DEPS,
    FRAME_VERBS,
    NAMING_VERBS,
    SPEECH_VERBS,
)

VERB_TAG_PREFIX = "VB"


def is_verb(token: Token) -> bool:
    """A verb by its part of speech or its fine tag (the tagger and the parser disagree at times)."""
    return token.pos_ in ("VERB", "AUX") or token.tag_.startswith(VERB_TAG_PREFIX)


def lemma(token: Token) -> str:
    return (token.lemma_ or token.text).lower()


def is_speech_verb(token: Token) -> bool:
    """A verb of saying: "said", "warned", "told".

    Matches "Maxwell said"; rejects the noun in "the report's claim".
    """
    return is_verb(token) and lemma(token) in SPEECH_VERBS


def is_frame_verb(token: Token) -> bool:
    """A verb that reports speech when it frames a quotation: "..., he continued".

    Matches "continued" and every speech verb; rejects "went" in "he went home"
    (the quote stage only asks beside a quotation).
    """
    return is_verb(token) and lemma(token) in SPEECH_VERBS | FRAME_VERBS


def is_naming_verb(token: Token) -> bool:
    """A verb that names something with a quoted phrase: "described it as “...”"."""
    return is_verb(token) and lemma(token) in NAMING_VERBS


def is_according_to(token: Token) -> bool:
    """The "according" of "according to X"; rejects "accorded to him"."""
    return token.lower_ == ACCORDING_TO[0] and any(c.lower_ == ACCORDING_TO[1] for c in token.children)


def content_children(token: Token) -> list[Token]:
    """Children of a verb that hold what was said: clausal complements."""
    return [child for child in token.children if child.dep_ in CONTENT_DEPS]


def cue_tokens(token: Token) -> list[Token]:
    """The words of the cue: the verb with its particle ("point out"), or "according to"."""
    words = [token]
    for child in token.children:
        if child.dep_ == "prt" or (is_according_to(token) and child.lower_ == ACCORDING_TO[1]):
            words.append(child)
    return sorted(words, key=lambda t: t.i)
