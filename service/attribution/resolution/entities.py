"""The article's speakers as entities: what kind each is, and how their names compare.

An ``Entity`` is made once per speaker, with a stable ``id`` (the order it was
made in) and its canonical name; ``resolution`` decides which mention is
which entity, and gathers what the article says of each (``Profile``).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from service.attribution.lexicon import (
    APPOSITION_DEPS,
    COMPANY_NOUNS,
    ORGANISATION_LABELS,
    ORGANISATION_NOUNS,
    PERSON_LABELS,
    PLACE_LABELS,
    SURNAME_MAX_EDITS,
    SURNAME_MIN_LENGTH_FOR_EDITS,
)
from service.attribution.nouns import is_document_noun, is_person_noun, names_several
from service.attribution.phrases import name_tokens, strip_titles
from service.attribution.resolution.titles import Piece
from service.attribution.results import Pronoun, Span
from service.attribution.tagging import lemma

POSSESSIVE_ENDINGS = ("’s", "'s", "’", "'")


class Kind(Enum):
    PERSON = "person"
    ORGANISATION = "organisation"
    GROUP = "group"
    """A plural noun: "experts", "officials"."""
    DOCUMENT = "document"
    """What speaks for whoever wrote it: "the report", "a statement"."""
    UNKNOWN = "unknown"
    """An unresolved pronoun, or a noun that names neither a person nor a body: "the photo"."""


@dataclass(frozen=True, slots=True)
class Entity:
    """One speaker of the article."""

    id: int
    """Stable within the article: entities are numbered in the order they are made."""
    name: str
    kind: Kind
    head_lemma: str
    qualifier: str = ""
    """What tells apart entities of one name: a document's issuer."""
    named: bool = True
    """Whether the article names it ("Ana Ruiz") rather than only describes it ("a spokeswoman")."""

    @property
    def key(self) -> str:
        """Names that differ only in case are one speaker, unless their qualifiers differ."""
        return self.key_of(self.name, self.qualifier)

    @staticmethod
    def key_of(name: str, qualifier: str = "") -> str:
        return f"{name.lower()}\x1f{qualifier.lower()}" if qualifier else name.lower()


@dataclass(frozen=True, slots=True)
class Profile:
    """What the article says of one entity: its honorific, title and affiliation, each where it was read; every mention;
    why it is not named."""

    honorific: Piece | None
    title: Piece | None
    affiliation: Piece | None
    mentions: tuple[Span, ...]
    anonymity: Span | None = None
    """Where the article says why it does not name them (``anonymity``), for a speaker it never names."""
    pronoun: Pronoun | None = None
    """The pronoun the article's words use for a person (``genders.pronoun_used``)."""
    pronoun_mention: Span | None = None


def clean_name(text: str) -> str:
    """A name without a possessive ending or surrounding spaces: "Putin’s" -> "Putin"."""
    text = " ".join(text.split())
    for ending in POSSESSIVE_ENDINGS:
        if text.endswith(ending) and len(text) > len(ending):
            return text[: -len(ending)]
    return text


def person_name(ent: SpacySpan) -> str:
    """A PERSON entity's name without titles or possessive: "Mayor Elena Park’s" -> "Elena Park"."""
    words = name_tokens(ent.root) if ent.root.ent_type_ in PERSON_LABELS else strip_titles(list(ent))
    return clean_name("".join(t.text_with_ws for t in words))


def within_edits(a: str, b: str, limit: int) -> bool:
    """Whether ``a`` and ``b`` differ by at most ``limit`` edits (insert, delete, substitute)."""
    if abs(len(a) - len(b)) > limit:
        return False
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        if min(current) > limit:
            return False
        previous = current
    return previous[-1] <= limit


def same_surname(a: str, b: str) -> bool:
    """"Ushakiv" and "Ushakov" are one surname; "Cha" and "Chu" are not."""
    a, b = a.lower(), b.lower()
    if a == b:
        return True
    return min(len(a), len(b)) >= SURNAME_MIN_LENGTH_FOR_EDITS and within_edits(a, b, SURNAME_MAX_EDITS)


def named_as_a_body(head: Token) -> bool:
    """A name the article says is a body's: "the aid group [Gatsby]", "[Acme], the company", "the charity [Hope Trust]".

    Whatever the recogniser labelled it, a name set beside or after a noun
    that names an organisation is that organisation's. Near misses: "Gatsby,
    the director", "police Chief Joseph Boinnet" (a noun that names a person
    beside it).
    """
    beside = [c for c in head.children if c.dep_ in APPOSITION_DEPS | {"compound"}]
    if head.dep_ in APPOSITION_DEPS:
        beside.append(head.head)
    if any(is_person_noun(t) for t in beside):
        return False  # "police Chief Joseph Boinnet": a role names him, the body is his
    return any(t.pos_ == "NOUN" and lemma(t) in ORGANISATION_NOUNS | COMPANY_NOUNS for t in beside)


def kind_of(head: Token) -> Kind:
    """What kind of speaker a head word names, from its entity label, tag, part of speech and lemma.

    A singular common noun is a person only when it names one
    (``is_person_noun``), a document when it is one ("the report"), an
    organisation when it stands for one ("the company"); "the photo" is
    none of these, and no "he" or "she" stands for it.
    """
    if head.ent_type_ in PERSON_LABELS:
        return Kind.ORGANISATION if named_as_a_body(head) else Kind.PERSON
    if head.ent_type_ in ORGANISATION_LABELS | PLACE_LABELS:
        return Kind.ORGANISATION
    if head.pos_ == "NOUN" and is_document_noun(head):
        return Kind.DOCUMENT  # "the findings", "lobbying records": documents, however many
    if head.pos_ == "PROPN":
        # A name the recogniser left unlabelled, plural or not ("Brightwater Foods", "Harrowgate Rovers").
        return Kind.ORGANISATION
    if names_several(head):
        return Kind.GROUP
    if head.pos_ != "NOUN":
        return Kind.UNKNOWN
    if is_person_noun(head):
        return Kind.PERSON
    if lemma(head) in ORGANISATION_NOUNS | COMPANY_NOUNS:
        return Kind.ORGANISATION
    return Kind.UNKNOWN
