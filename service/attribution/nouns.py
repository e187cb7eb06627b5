"""What a common noun names: a person ("professor", "spokeswoman") or a document ("report", "poll").

Both stages ask: the quote stage, whether the subject of "found" is a study
(``cues``); resolution, what kind of speaker a head names (``resolution.entities``).
"""

from __future__ import annotations

from spacy.tokens import Token

from service.attribution.lexicon import DOCUMENT_NOUNS, PERSON_SUFFIXES, ROLE_WORDS
from service.attribution.lexicons import document_nouns, person_nouns
from service.attribution.tagging import lemma


def is_person_noun(token: Token) -> bool:
    """A common noun that names a person: "professor", "defenceman", "spokeswoman".

    Its lemma is one of WordNet's nouns whose first sense is a person
    (``lexicons.person_nouns``; hyphens read as the spaces WordNet writes:
    "sergeant-at-arms") or a role word, or a compound of "man", "woman",
    "person" ("linesman"). Near misses: "photo", "office", "investigation"
    name things; "source" first names a place.
    """
    word = lemma(token)
    people = person_nouns()
    return word in people or word.replace("-", " ") in people or word in ROLE_WORDS or word.endswith(PERSON_SUFFIXES)


def is_document_noun(token: Token) -> bool:
    """A common noun that names a document or what one holds: "report", "lawsuit", "poll", "tweet".

    WordNet's documents, statements, publications, records, legal
    proceedings and inquiries (``lexicons.document_nouns``), or a document
    of news copy (``DOCUMENT_NOUNS``). Near misses: "reporter" names a
    person, "photo" and "video" show rather than state.
    """
    word = lemma(token)
    return (word in document_nouns() or word in DOCUMENT_NOUNS) and not is_person_noun(token)
