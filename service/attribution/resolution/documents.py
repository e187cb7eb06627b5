"""Documents that speak: "The report found ...", "her statement read ...", "a poll by the Institute suggests ...".

A report, a statement, a lawsuit or a poll is its own speaker (kind
``DOCUMENT``), named as the article names it ("report", "statement"), with
whoever issued it as its affiliation, where the article says: the author
after "by" or "from" ("a report released by the Harbor Agency"), its
possessor ("her statement", "the council's report"), a name compounded with
it ("an Ipsos poll"), or, failing those, the organisation the same paragraph
last quoted ("Acme said on Monday ... A statement said ..."). Two statements
of two issuers are two speakers.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from service.attribution.lexicon import IN_ENTITY, ISSUER_LABELS, PERSON_LABELS, POSSESSIVE_TAG
from service.attribution.phrases import entity_span, name_words, speaker_phrase
from service.attribution.resolution.cast import Cast, organisation_name
from service.attribution.nouns import is_document_noun, issuer_words
from service.attribution.resolution.entities import Kind, clean_name
from service.attribution.resolution.pronouns import is_pronoun, stands_for
from service.attribution.resolution.titles import Description, Piece, Rank, Source
from service.attribution.resolution.values import Basis, Known, Mention, Referent
from service.attribution.results import Span
from service.attribution.tagging import lemma

@dataclass(frozen=True, slots=True)
class Issuer:
    """Who issued a document, by canonical name, and the words that name them here."""

    name: str
    span: Span


def document(cast: Cast, known: Known, mention: Mention) -> Referent | None:
    """"The report found", "her statement read", "a poll by the Institute": the document speaks, for its issuer.

    Its name is its own words without determiner or issuer ("report",
    "annual report"); its issuer (``issuer_of``) is its affiliation. Near
    misses: "the reporter" names a person, and "the photo" shows rather
    than states.
    """
    head = mention.head
    if head.pos_ != "NOUN" or head.ent_type_ or not is_document_noun(head):
        return None
    found = issuer_of(cast, known, head)
    issuer_at = {t.i for token in issuer_words(head) for t in _words_of(token)}
    words = [t for t in name_words(mention.phrase) if t.i not in issuer_at and t.tag_ != POSSESSIVE_TAG]
    name = clean_name(cast.article.tokens_span(words or [head]).text)
    if found is None:
        return Referent(name, Kind.DOCUMENT, lemma(head), Basis.DOCUMENT)
    issued = Description(affiliation=Piece(found.name, found.span, Source.ISSUER), rank=Rank.ORGANISATION)
    return Referent(name, Kind.DOCUMENT, lemma(head), Basis.DOCUMENT, (issued,), qualifier=found.name)


def issuer_of(cast: Cast, known: Known, head: Token) -> Issuer | None:
    """Who issued the document ``head`` names: its author, its possessor, a name compounded with it, or the last speaker.

    "a report released by the Harbor Agency", "Acme’s statement", "her
    statement" (whom "her" stands for), "an Ipsos poll"; else the
    organisation the article last quoted in the same paragraph. Near misses:
    "a report released on Monday" in a paragraph where no organisation
    spoke names no issuer, nor does a person who spoke about it ("..., said
    a spokeswoman. The report said ...").
    """
    for token in issuer_words(head):
        found = _named_by(cast, known, token)
        if found is not None:
            return found
    last = known.antecedent_before(head.idx, {Kind.ORGANISATION})
    if last is not None and cast.article.paragraph_of(last[0]) == cast.article.paragraph_of(head.idx):
        at = cast.article.doc[cast.article.token_at(last[0])]
        return Issuer(last[1].name, cast.article.tokens_span(speaker_phrase(at)))
    return None


def _words_of(token: Token) -> list[Token]:
    """The words that name an issuer: its whole entity ("[Ontario Provincial Police] investigation"), or its phrase."""
    if token.ent_type_ and token.ent_iob_ in IN_ENTITY:
        return list(entity_span(token))
    return list(token.subtree)


def _named_by(cast: Cast, known: Known, token: Token) -> Issuer | None:
    """Whom ``token`` names: a person or an organisation by canonical name, or whom a pronoun stands for."""
    if is_pronoun(token):
        referent = stands_for(cast, known, token)
        return Issuer(referent.name, cast.article.tokens_span([token])) if referent is not None else None
    if token.ent_type_ in PERSON_LABELS:
        ent = entity_span(token)
        return Issuer(cast.canonical_name_of(ent), cast.article.tokens_span(list(ent)))
    if token.ent_type_ in ISSUER_LABELS:
        ent = entity_span(token)
        return Issuer(organisation_name(ent), cast.article.tokens_span(list(ent)))
    meant = cast.organisation_meant(token)
    if meant is not None:
        # "a statement from the firm": the firm named before.
        return Issuer(organisation_name(meant), cast.article.tokens_span(list(meant)))
    words = [t for t in name_words(speaker_phrase(token)) if t.tag_ != POSSESSIVE_TAG] or [token]
    return Issuer(clean_name(cast.article.tokens_span(words).text), cast.article.tokens_span(words))
