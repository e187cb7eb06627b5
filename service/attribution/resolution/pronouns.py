"""Pronouns: whom "he", "she", "it", "they" stand for (the first of ``resolution.RESOLUTION_RULES``).

he/she stand for the latest earlier person speaker, or the latest person
subject of a main clause if later, of a gender the pronoun may take
(``genders``); they for a group or organisation; it for an organisation; "I"
outside quotation marks is the article's author. A pronoun with no one to
stand for names no one: the mention stays, less sure.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from service.attribution.resolution.cast import Cast, organisation_name
from service.attribution.resolution.descriptions import describe
from service.attribution.resolution.entities import clean_name, Entity, Kind, kind_of
from service.attribution.resolution.genders import compatible, Gender, pronoun_gender
from service.attribution.lexicon import (
    FIRST_PERSON_PRONOUNS,
    LONE_NAME_PARAGRAPHS,
    NEUTER_PRONOUNS,
    ORGANISATION_PARAGRAPHS,
    PERSONAL_PRONOUNS,
    PLURAL_PRONOUNS,
    POSSESSIVE_PRONOUNS,
    PRONOUN_TAGS,
    SURNAME_PHRASE_MAX_WORDS,
)
from service.attribution.phrases import entity_span, name_words, speaker_phrase
from service.attribution.resolution.values import AUTHOR, Known, Mention, Referent, Basis
from service.attribution.tagging import lemma
def is_pronoun(token: Token) -> bool:
    """A personal pronoun by its tag or its form ("he", "it", "they")."""
    return token.tag_ in PRONOUN_TAGS or token.lower_ in PERSONAL_PRONOUNS | PLURAL_PRONOUNS | NEUTER_PRONOUNS


def pronoun(cast: Cast, known: Known, mention: Mention) -> Referent | None:
    """"She said": the latest earlier speaker (or person subject) the pronoun can stand for.

    he/she stand for a person, they for a group or an organisation, it for an
    organisation; "I" and "we" stand for no one named. A pronoun with no one
    to stand for is its own, less sure, speaker. Near miss: "Sato" is no
    pronoun and goes to ``person``.
    """
    head = mention.head
    if not is_pronoun(head):
        return None
    antecedent = _antecedent(cast, known, head)
    if antecedent is not None:
        return antecedent
    if head.lower_ in FIRST_PERSON_PRONOUNS and cast.article.quoted_at(head) is None:
        # "I" outside quotation marks is whoever wrote the article: a column, a letter.
        return Referent(AUTHOR, Kind.PERSON, head.lower_, Basis.AUTHOR)
    return Referent(head.text, Kind.UNKNOWN, head.lower_, Basis.UNRESOLVED_PRONOUN)


def stands_for(cast: Cast, known: Known, word: Token) -> Referent | None:
    """Whom a pronoun word alone stands for ("her statement", "its chairwoman"), as ``pronoun`` resolves it;
    None where it stands for no one named."""
    referent = pronoun(cast, known, Mention(word, [word], cast.article.tokens_span([word])))
    return None if referent is None or referent.how is Basis.UNRESOLVED_PRONOUN else referent


def _antecedent(cast: Cast, known: Known, pronoun: Token) -> Referent | None:
    """Whom the pronoun stands for, if anyone: the later of the last speaker and the last person subject.

    Of either, only someone the pronoun's gender may stand for (``genders``).
    """
    lower = POSSESSIVE_PRONOUNS.get(pronoun.lower_, pronoun.lower_)  # "its" stands for what "it" would
    if lower in FIRST_PERSON_PRONOUNS:
        return None
    if lower in PERSONAL_PRONOUNS:
        kinds = {Kind.PERSON}
    elif lower in PLURAL_PRONOUNS:
        kinds = {Kind.GROUP, Kind.ORGANISATION}
    else:
        kinds = {Kind.ORGANISATION, Kind.DOCUMENT}
    gender = pronoun_gender(pronoun)
    best = known.antecedent_before(pronoun.idx, kinds, lambda entity: compatible(gender, cast.gender_of(entity.name)))
    if kinds == {Kind.PERSON}:
        ent = cast.subject_before(pronoun, gender)
        kind, name = Kind.PERSON, (cast.canonical_name_of(ent) if ent is not None else "")
        lone = _lone_name_nearer(cast, pronoun, ent, best)
        if lone is not None:
            return lone
    else:
        # "it" and "they" may stand for the organisation or document (or, "they", the group) last the subject of a main clause.
        found = cast.thing_subject_before(pronoun, Kind.GROUP in kinds, ORGANISATION_PARAGRAPHS)
        ent = found.doc[found.i : found.i + 1] if found is not None else None
        kind, name = Kind.ORGANISATION, ""
        if found is not None:
            kind = kind_of(found)
            name = organisation_name(entity_span(found)) if found.ent_type_ else clean_name(cast.article.tokens_span(name_words(speaker_phrase(found))).text)
    if ent is None and best is None and kinds == {Kind.PERSON}:
        # The recogniser may call a person's surname an organisation ("Christie blasted ..."):
        # a speaker named by a bare proper name is the next best thing; failing that, the
        # last person whatever the gender the article seemed to give them.
        best = known.antecedent_before(pronoun.idx, {Kind.ORGANISATION}, is_bare_name)
        named = cast.person_of_gender_before(pronoun, gender) if best is None and gender is not Gender.UNKNOWN else None
        if named is not None:
            # "Mr Hale met Ms Ruiz. She said ...": the one woman named, though no subject.
            return Referent(cast.canonical_name_of(named), Kind.PERSON, lemma(named.root), Basis.CLAUSE_SUBJECT)
        if best is None and gender is not Gender.UNKNOWN:
            guess = _antecedent_of_any_gender(cast, known, pronoun)
            if guess is not None:
                return guess
    if ent is None:
        return _known(best)
    subject = Referent(name, kind, lemma(ent.root), Basis.CLAUSE_SUBJECT, (describe(ent.root),))
    if best is None or ent.start_char > best[0]:
        return subject
    return _known(best, considered=(subject,))


def _lone_name_nearer(cast: Cast, pronoun: Token, ent: SpacySpan | None, best: tuple[int, Entity] | None) -> Referent | None:
    """A lone proper noun the recogniser labelled no person, subject of a clause just before, when everyone
    else "he" or "she" could stand for is further back.

    "When asked, Mulder didn't hesitate. ⏎ “It’s this for sure,” he said.":
    Mulder, labelled a place, and the people named paragraphs before. Near
    miss: a person named or speaking in the paragraph before wins, a lone
    name or not (``Cast.lone_name_subject_before`` says which names count).
    """
    lone = cast.lone_name_subject_before(pronoun, LONE_NAME_PARAGRAPHS)
    if lone is None:
        return None
    paragraph = cast.article.paragraph_of(pronoun.idx)
    nearest = max([ent.start_char if ent is not None else -1, best[0] if best is not None else -1])
    if nearest >= 0 and cast.article.paragraph_of(nearest) >= paragraph - LONE_NAME_PARAGRAPHS:
        return None
    return Referent(clean_name(lone.text), Kind.PERSON, lemma(lone), Basis.GUESSED_ANTECEDENT)


def _antecedent_of_any_gender(cast: Cast, known: Known, pronoun: Token) -> Referent | None:
    """The last person speaker or subject before ``pronoun``, gender aside: a guess, less sure."""
    best = known.antecedent_before(pronoun.idx, {Kind.PERSON})
    ent = cast.subject_before(pronoun)
    if ent is not None and (best is None or ent.start_char > best[0]):
        referent = Referent(cast.canonical_name_of(ent), Kind.PERSON, lemma(ent.root), Basis.GUESSED_ANTECEDENT)
        return replace(referent, learned=(describe(ent.root),))
    if best is None:
        return None
    return Referent.known(best[1], Basis.GUESSED_ANTECEDENT)


def is_bare_name(entity: Entity) -> bool:
    """A speaker named by one or two capitalised words and nothing else: "Christie", not "the Tories"."""
    words = entity.name.split()
    return 1 <= len(words) <= SURNAME_PHRASE_MAX_WORDS and all(w[:1].isupper() for w in words) and not entity.name.endswith("s")


def _known(found: tuple[int, Entity] | None, considered: tuple[Referent, ...] = ()) -> Referent | None:
    if found is None:
        return None
    entity = found[1]
    return Referent.known(entity, Basis.ANTECEDENT, considered)


