"""Titles and organisations: what the article says a speaker is, and for whom.

``describe`` looks around one mention of a speaker. Rules, in order:

1. ``apposition``: "Daniel DePetris, a fellow at ... Defense Priorities" and
   "Putin’s foreign policy adviser, Yuri Ushakov" (the name in apposition to
   the title, either way round), with the organisation from a preposition
   ("at", "of", "for"), a relative clause ("who is employed at ..."), an
   organisation inside the title, or the possessor ("Putin’s").
2. ``title_before_name``: "Deputy Foreign Minister Andrey Rudenko", "Russian
   President Vladimir Putin": words before the name in its own noun phrase.
3. ``nominal_speaker``: a speaker named by role, "a U.S. State Department
   spokesperson": the role is the title, the organisation inside it the
   affiliation.

An organisation is preferred to a place ("Defense Priorities", not
"Washington"); a place or nationality is kept only when nothing better is said
("Russian President" gives "Russian"). Nothing is better than something wrong:
a kinship noun ("his sister") is no title.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from spacy.tokens import Token

from service.attribution.lexicon import (
    AFFILIATION_PREPOSITIONS,
    APPOSITION_DEPS,
    DETERMINER_DEPS,
    DOCUMENT_NOUNS,
    NOT_TITLES,
    NOUN_POS,
    ORGANISATION_ENTITY_LABELS,
    PERSON_LABELS,
    PLACE_LABELS,
    POSSESSIVE_TAG,
    RELATIVE_DEPS,
    TITLE_MODIFIER_DEPS,
)
from service.attribution.phrases import entity_span, strip_titles
from service.attribution.tagging import lemma


@dataclass(frozen=True, slots=True)
class Description:
    """A title and an affiliation, either of which may be unknown."""

    title: str | None = None
    affiliation: str | None = None
    affiliation_is_place: bool = False


NOTHING = Description()


def _words(tokens: Iterable[Token]) -> str:
    ordered = sorted(tokens, key=lambda t: t.i)
    return "".join(t.text_with_ws for t in ordered).strip()


def _entity_of(token: Token) -> tuple[list[Token], str] | None:
    """The named entity ``token`` belongs to, as words without a leading "the"."""
    if not token.ent_type_:
        return None
    span = entity_span(token)
    words = [t for t in span if not (t.i == span.start and t.lower_ == "the")]
    if words and words[-1].tag_ == POSSESSIVE_TAG:
        words = words[:-1]
    return words, token.ent_type_


def organisation_in(tokens: Iterable[Token]) -> Description:
    """The first organisation among ``tokens``, else the first place; nothing if neither."""
    place: str | None = None
    for token in tokens:
        found = _entity_of(token)
        if found is None:
            continue
        words, label = found
        if label in ORGANISATION_ENTITY_LABELS:
            return Description(affiliation=_words(words))
        if label in PLACE_LABELS and place is None:
            place = _words(words)
    return Description(affiliation=place, affiliation_is_place=True) if place else NOTHING


def _title_phrase(noun: Token, skip: set[int]) -> tuple[list[Token], list[Token]]:
    """The title words of ``noun`` and the modifiers it may take an organisation from."""
    words = [noun]
    modifiers: list[Token] = []
    for child in noun.lefts:
        if child.i in skip or child.dep_ in DETERMINER_DEPS:
            continue
        if child.dep_ == "poss":
            modifiers.extend(child.subtree)
        elif child.dep_ in TITLE_MODIFIER_DEPS:
            words.extend(t for t in child.subtree if t.i not in skip)
    return words, modifiers


def _is_title_noun(token: Token) -> bool:
    return token.pos_ in NOUN_POS and lemma(token) not in NOT_TITLES and not token.ent_type_


def _split_title(words: list[Token]) -> tuple[str | None, Description]:
    """Separate an organisation or place at the front of a title: "State Department spokesperson"."""
    org = organisation_in(words)
    entity_words = {t.i for t in words if t.ent_type_ and t.ent_type_ not in PERSON_LABELS}
    leading = [t for t in sorted(words, key=lambda t: t.i)]
    while leading and leading[0].i in entity_words:
        leading = leading[1:]
    if org.affiliation and len(leading) < len(words) and leading:
        title = _words(leading)
        return title, org
    return (_words(words) if words else None), NOTHING


def _affiliation_after(noun: Token) -> Description:
    """An organisation after a title: a preposition's object or a relative clause."""
    for child in noun.rights:
        if child.dep_ == "prep" and child.lower_ in AFFILIATION_PREPOSITIONS:
            found = organisation_in(child.subtree)
            if found.affiliation:
                return found
        if child.dep_ in RELATIVE_DEPS:
            for token in child.subtree:
                if token.dep_ == "prep" and token.lower_ in AFFILIATION_PREPOSITIONS:
                    found = organisation_in(token.subtree)
                    if found.affiliation:
                        return found
    return NOTHING


def describe_title(noun: Token) -> Description:
    """What a title phrase says: "Russian President" -> title "President", affiliation "Russian"."""
    return _describe_title(noun, set())


def authored_by(noun: Token) -> Token | None:
    """Who wrote a document: "a report released by the Defense Agency", "a poll by the Institute".

    Near miss: "a report released on Monday" names no author.
    """
    if lemma(noun) not in DOCUMENT_NOUNS:
        return None
    for child in noun.rights:
        if child.dep_ == "prep" and child.lower_ == "by":
            return next((t for t in child.children if t.dep_ == "pobj"), None)
        if child.dep_ in RELATIVE_DEPS and child.tag_ == "VBN":
            for agent in child.children:
                if agent.dep_ == "agent":
                    return next((t for t in agent.children if t.dep_ == "pobj"), None)
    return None


def _describe_title(noun: Token, skip: set[int]) -> Description:
    words, possessors = _title_phrase(noun, skip)
    title, inside = _split_title(words)
    candidates = [inside, _affiliation_after(noun), organisation_in(possessors), _possessor(possessors)]
    return Description(title, *_best_affiliation(candidates))


def _possessor(tokens: list[Token]) -> Description:
    """A person who owns the title ("Putin’s adviser") stands for their office."""
    people = [t for t in tokens if t.ent_type_ in PERSON_LABELS]
    if not people:
        return NOTHING
    found = _entity_of(people[0])
    return Description(affiliation=_words(found[0])) if found else NOTHING


def _best_affiliation(candidates: list[Description]) -> tuple[str | None, bool]:
    for found in candidates:
        if found.affiliation and not found.affiliation_is_place:
            return found.affiliation, False
    for found in candidates:
        if found.affiliation:
            return found.affiliation, True
    return None, False


def apposition(head: Token) -> Description | None:
    """A title in apposition to the name, on either side of it.

    Matches "Daniel DePetris, a fellow at Defense Priorities" and "Putin’s
    adviser, Yuri Ushakov". Near miss: "Kim Yo Jong, Kim Jong Un’s sister" has
    a kinship noun, which is no title.
    """
    for child in head.children:
        if child.dep_ in APPOSITION_DEPS and _is_title_noun(child):
            return _describe_title(child, set())
    if head.dep_ in APPOSITION_DEPS and _is_title_noun(head.head):
        return _describe_title(head.head, {t.i for t in head.subtree})
    return None


def title_before_name(head: Token) -> Description | None:
    """Title words before a name in the same phrase: "Russian President Vladimir Putin".

    Near miss: "Vladimir Putin" alone has no words before the name.
    """
    if head.ent_type_ not in PERSON_LABELS:
        return None
    found = _entity_of(head)
    entity = found[0] if found else [head]
    name = {t.i for t in strip_titles(entity)}
    inside = [t for t in entity if t.i not in name and t.tag_ != POSSESSIVE_TAG]
    outside = [t for c in head.lefts if c.dep_ in TITLE_MODIFIER_DEPS and c.i not in name for t in c.subtree]
    # Another person's name before this one ("Putin adviser Yuri Ushakov") is no title.
    outside = [t for t in outside if t.ent_type_ not in PERSON_LABELS]
    words = [t for t in inside + outside if t.i not in name and t.dep_ not in DETERMINER_DEPS]
    words = list({t.i: t for t in words}.values())
    title_words = [t for t in words if not (t.ent_type_ and t.ent_type_ not in PERSON_LABELS)]
    if not title_words:
        return None
    affiliation, is_place = _best_affiliation([organisation_in(words)])
    return Description(_words(title_words), affiliation, is_place)


def nominal_speaker(head: Token) -> Description | None:
    """A speaker named by a role: "a U.S. State Department spokesperson", "a fellow at X".

    Near miss: "experts" has no organisation and is its own name, not a title
    of someone else; it gives nothing.
    """
    if head.ent_type_ or head.pos_ != "NOUN" or not _is_title_noun(head):
        return None
    described = _describe_title(head, set())
    if described.affiliation is None:
        return None
    return described


DescriptionRule = Callable[[Token], Description | None]
DESCRIPTION_RULES: tuple[DescriptionRule, ...] = (apposition, title_before_name, nominal_speaker)


def describe(head: Token) -> Description:
    """The title and affiliation the article gives next to this mention."""
    title: str | None = None
    candidates = []
    for rule in DESCRIPTION_RULES:
        found = rule(head)
        if found is None:
            continue
        title = title or found.title
        candidates.append(found)
    affiliation, is_place = _best_affiliation(candidates)
    return Description(title, affiliation, is_place)
