"""What a common noun names: a person ("professor", "spokeswoman") or a document ("report", "poll"), and who issued a document.

Both stages ask: the quote stage, whether the subject of "found" is a study
whose issuer the article names (``cues``); resolution, what kind of speaker a
head names (``resolution.entities``) and whose a document is
(``resolution.documents``).
"""

from __future__ import annotations

from spacy.tokens import Token

from service.attribution.lexicon import (
    AUTHOR_PREPOSITIONS,
    DEFINITE_DETERMINERS,
    DOCUMENT_NOUNS,
    ISSUER_LABELS,
    PERSON_LABELS,
    PERSON_SUFFIXES,
    PLURAL_NOUN_TAGS,
    RELATIVE_DEPS,
    ROLE_WORDS,
    TIME_LABELS,
)
from service.attribution.lexicons import document_nouns, person_nouns, role_nouns
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
    if word in people or word.replace("-", " ") in people or word in ROLE_WORDS or word.endswith(PERSON_SUFFIXES):
        return True
    return hyphenated(token).replace("-", " ") in people


def is_role_noun(token: Token) -> bool:
    """A word that names a post itself: "spokesman", "Leader", "Sen.", "headteacher".

    The hand list (``ROLE_WORDS``) in any case; WordNet's occupations and posts
    (``lexicons.role_nouns``) written in lower case only, as a capitalised one
    may as well be a surname ("Ana Fisher", "Cooper & Webb"). Near miss:
    "Affairs" and "Energy" say what a post is for, and end many an
    organisation's name ("Ministry of Coastal Affairs", "Tarnwick Energy").
    """
    word = lemma(token)
    return token.lower_.rstrip(".") in ROLE_WORDS or word in ROLE_WORDS or (token.is_lower and word in role_nouns())


def names_several(token: Token) -> bool:
    """A plural noun: "officials", "residents". Near miss: "sergeant-at-arms", one person whose word the
    tokenizer cut at its hyphens, leaving a plural-looking last part."""
    if token.tag_ not in PLURAL_NOUN_TAGS:
        return False
    whole = hyphenated(token)
    return whole == token.lower_ or whole.replace("-", " ") not in person_nouns()


def hyphenated(token: Token) -> str:
    """The word the tokenizer cut at its hyphens that ``token`` ends, in lower case: "sergeant-at-arms" for
    "arms" of "The sergeant-at-arms said"; the word itself where no hyphen joins it to the words before."""
    doc = token.doc
    start = token.i
    while start >= 2 and doc[start - 1].text == "-" and not doc[start - 1].whitespace_ and not doc[start - 2].whitespace_:
        start -= 2
    return doc[start : token.i + 1].text.lower()


def is_document_noun(token: Token) -> bool:
    """A common noun that names a document or what one holds: "report", "lawsuit", "poll", "tweet".

    WordNet's documents, statements, publications, records, legal
    proceedings and inquiries (``lexicons.document_nouns``), or a document
    of news copy (``DOCUMENT_NOUNS``). Near misses: "reporter" names a
    person, "photo" and "video" show rather than state.
    """
    word = lemma(token)
    return (word in document_nouns() or word in DOCUMENT_NOUNS) and not is_person_noun(token)


def authored_by(noun: Token) -> Token | None:
    """Who wrote a document: "a report released by the Defense Agency", "a poll by the Institute",
    "a statement from Acme", "Acme’s statement".

    Near miss: "a report released on Monday" names no author.
    """
    if not is_document_noun(noun):
        return None
    for child in noun.children:
        if child.dep_ == "poss" and child.ent_type_ and child.ent_type_ not in PERSON_LABELS:
            return child
    for child in noun.rights:
        if child.dep_ == "prep" and child.lower_ in AUTHOR_PREPOSITIONS:
            return next((t for t in child.children if t.dep_ == "pobj"), None)
        if child.dep_ in RELATIVE_DEPS and child.tag_ == "VBN":
            for agent in child.children:
                if agent.dep_ == "agent":
                    return next((t for t in agent.children if t.dep_ == "pobj"), None)
    return _author_on_the_verb(noun)


def _author_on_the_verb(noun: Token) -> Token | None:
    """"read a statement [from the firm]": the author the parser hung on the verb, right after its object.

    Near misses: "released a report by Friday" (a date is no author), "read
    the statement to reporters" (no "by" or "from").
    """
    doc = noun.doc
    after = noun.right_edge.i + 1
    if noun.dep_ != "dobj" or after >= len(doc):
        return None
    prep = doc[after]
    if prep.dep_ != "prep" or prep.head.i != noun.head.i or prep.lower_ not in AUTHOR_PREPOSITIONS:
        return None
    author = next((t for t in prep.children if t.dep_ == "pobj"), None)
    return None if author is None or author.ent_type_ in TIME_LABELS else author


def issuer_words(noun: Token) -> list[Token]:
    """The words that may name a document's issuer inside its phrase or after it, nearest first.

    Its author (``authored_by``), its possessor ("her statement", "the
    council's report") and a name compounded with it ("an Ipsos poll").
    Near miss: "a private survey" names none.
    """
    found = []
    author = authored_by(noun)
    if author is not None:
        found.append(author)
    found += [c for c in noun.children if c.dep_ == "poss"]
    found += [c for c in noun.lefts if c.dep_ in {"compound", "nmod"} and c.ent_type_ in ISSUER_LABELS]
    return found


def is_issued(noun: Token) -> bool:
    """Whether the article says whose document ``noun`` is: here ("a Treasury report", "a study by the
    Institute"), or where it last spoke of a document, which a definite article takes up ("a Reuters survey
    ... The study found").

    A finding of a document the article does not source ("a report found",
    "recent research found", "the survey found" after "a private survey")
    is the writer's own summary of unnamed work, not a source speaking.
    """
    if issuer_words(noun):
        return True
    if not is_definite(noun):
        return False
    before = (t for t in reversed(noun.doc[: noun.i]) if t.pos_ == "NOUN" and not t.ent_type_ and is_document_noun(t))
    taken_up = next(before, None)
    return taken_up is not None and bool(issuer_words(taken_up))


def is_definite(noun: Token) -> bool:
    """Whether a definite article or demonstrative goes with the noun ("the company", "this study"), which
    takes up something already named. Near miss: "a company", "another study"."""
    return any(c.dep_ == "det" and c.lower_ in DEFINITE_DETERMINERS for c in noun.children)
