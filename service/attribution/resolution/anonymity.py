"""Anonymous sources: why the article does not name a speaker, where it says so.

A speaker the article never names (an unnamed person, a group) is an
anonymous source; standards editors ask whether the article says why. The
reason is read from the words that describe the speaker, structurally:

Where (``REASON_PLACES``, each a function from the speaker's head to the
clauses that describe it):

1. ``relative_clause``: "one official, [who was not authorised to speak publicly]";
2. ``modifier``: "a person [familiar with the talks]", "a source [close to the
   minister]", "an aide [speaking on condition of anonymity]";
3. ``speaking_clause``: what hangs from the verb the speaker speaks with,
   other than what they said: "an official said [on condition of anonymity]",
   "said the official, [speaking on condition of anonymity]".

What (``REASON_RULES``, each a predicate on one clause's words, from the small
lexicon of reasons in ``lexicon.py``):

1. ``anonymity_granted``: "on condition of anonymity", "requested anonymity";
2. ``name_withheld``: "asked not to be named", "declined to be identified";
3. ``not_authorised``: "was not authorised to speak publicly", "not allowed to comment";
4. ``close_to_the_matter``: "familiar with the talks", "close to the minister",
   "with knowledge of the plans", "briefed on the matter";
5. ``fear_of_reprisal``: "for fear of reprisals".

A clause that describes without giving a reason ("who was in the room",
"involved in the talks") gives none: the anonymity is then null. Nothing
here reads who the speaker is: ``assembly`` asks only for speakers no mention
names.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from spacy.tokens import Token

from service.attribution.article import doc_text
from service.attribution.lexicon import (
    ACCESS_COMPLEMENT_DEPS,
    ACCESS_PREPOSITIONS,
    ACCESS_WORDS,
    ANONYMITY_WORDS,
    CONTENT_DEPS,
    FEAR_PREPOSITIONS,
    FEAR_WORDS,
    NAME_NOUNS,
    NAMING_PASSIVES,
    NEGATIVE_DETERMINERS,
    PERSON_LABELS,
    PERSONAL_RELATIVES,
    PERMISSION_WORDS,
    REFUSAL_VERBS,
    RELATIVE_CLAUSE_DEPS,
    MODIFIER_DEPS,
    SPEAKING_CLAUSE_DEPS,
    SPEAKING_ROLE_DEPS,
    UNAUTHORISED_WORDS,
    VERB_POS,
    WITHHOLDING_VERBS,
)
from service.attribution.nouns import is_person_noun
from service.attribution.results import Span
from service.attribution.tagging import lemma

Clause = list[Token]
"""The words of one clause or phrase that describes a speaker, in text order."""


# --- where a reason may be given -------------------------------------------------


def relative_clause(head: Token) -> Iterable[Clause]:
    """ "one official, who was not authorised to speak publicly": a relative clause of the speaker.

    Also a "who" clause the parser hung from a thing inside the speaker's
    description ("a banker involved in the talks, who was not authorised
    ..."): "who" is never the talks. Near miss: "a banker who advised the
    minister, who was not authorised ..." (that clause is the minister's).
    """
    for child in head.rights:
        if child.dep_ in RELATIVE_CLAUSE_DEPS:
            yield _subtree(child)
    for token in head.rights:
        for inner in token.subtree:
            if inner.dep_ in RELATIVE_CLAUSE_DEPS and _about_the_speaker(inner):
                yield _subtree(inner)


def _about_the_speaker(clause: Token) -> bool:
    """A clause opened by "who" that hangs from a thing, not a person: it can only be about the speaker."""
    noun = clause.head
    opener = min(clause.subtree, key=lambda t: t.i)
    return opener.lower_ in PERSONAL_RELATIVES and not _is_person(noun)


def modifier(head: Token) -> Iterable[Clause]:
    """ "a person familiar with the talks", "a source close to the minister": a phrase after the noun.

    Adjectives, participles and prepositional phrases that follow the
    speaker's noun. Near miss: "a familiar face" (before the noun, no phrase
    of its own: it describes, it gives no access to anything).
    """
    for child in head.rights:
        if child.dep_ in MODIFIER_DEPS:
            yield _subtree(child)


def speaking_clause(head: Token) -> Iterable[Clause]:
    """ "an official said on condition of anonymity", "said the aide, speaking on condition of anonymity".

    The phrases and adverbial clauses of the verb the speaker is an argument
    of, never its complement (what was said). Near miss: "an official said
    [the talks were held on condition of anonymity]" is what was said.
    """
    verb = head.head
    if head.dep_ not in SPEAKING_ROLE_DEPS or verb.pos_ not in VERB_POS or verb is head:
        return
    for child in verb.children:
        if child.dep_ in SPEAKING_CLAUSE_DEPS and child.dep_ not in CONTENT_DEPS and child.i != head.i:
            yield _subtree(child)


def _subtree(token: Token) -> Clause:
    """The words under ``token``, without a relative clause about someone else inside them
    ("who advised the minister[, who was not authorised to speak]": the minister's)."""
    others = {
        t.i
        for inner in token.subtree
        if inner is not token and inner.dep_ in RELATIVE_CLAUSE_DEPS and _is_person(inner.head)
        for t in inner.subtree
    }
    return sorted((t for t in token.subtree if t.i not in others), key=lambda t: t.i)


def _is_person(noun: Token) -> bool:
    return noun.ent_type_ in PERSON_LABELS or is_person_noun(noun)


ReasonPlace = Callable[[Token], Iterable[Clause]]

REASON_PLACES: tuple[ReasonPlace, ...] = (relative_clause, modifier, speaking_clause)


# --- what counts as a reason -----------------------------------------------------


def anonymity_granted(clause: Clause) -> bool:
    """ "who spoke on condition of anonymity", "requesting anonymity", "speaking anonymously".

    Near miss: "an anonymous donor" (an adjective of the speaker's own noun
    says they are unnamed, not why).
    """
    return any(lemma(t) in ANONYMITY_WORDS or t.lower_ in ANONYMITY_WORDS for t in clause)


def name_withheld(clause: Clause) -> bool:
    """ "who asked not to be named", "who declined to be identified", "whose name was withheld".

    A passive verb of naming, negated or under a verb of refusing; or the
    noun "name" with a verb of withholding. Near miss: "who was named chair
    last year" (named, and nothing withheld).
    """
    words = {t.i for t in clause}
    for token in clause:
        if lemma(token) in NAMING_PASSIVES and token.tag_ == "VBN" and _negated_or_refused(token, words):
            return True
        if lemma(token) in NAME_NOUNS and token.head.i in words and lemma(token.head) in WITHHOLDING_VERBS:
            return True
    return False


def not_authorised(clause: Clause) -> bool:
    """ "who was not authorised to speak publicly", "not permitted to comment", "an unauthorised official".

    A word of permission, negated. Near miss: "who was authorised to sign
    the deal" (allowed, so no reason to hide).
    """
    words = {t.i for t in clause}
    for token in clause:
        word = lemma(token)
        if word in UNAUTHORISED_WORDS or token.lower_ in UNAUTHORISED_WORDS:
            return True
        if (word in PERMISSION_WORDS or token.lower_ in PERMISSION_WORDS) and _negated_or_refused(token, words):
            return True
        if word == "authority" and any(c.lower_ in NEGATIVE_DETERMINERS for c in token.children):
            return True
    return False


def close_to_the_matter(clause: Clause) -> bool:
    """ "familiar with the talks", "close to the minister", "with knowledge of the plans", "briefed on it".

    The clause's own head is a word of access with a preposition after it,
    or "with" governs "knowledge". Near miss: "a nurse close by" (no
    preposition: a place, not access), "familiar faces" (before a noun).
    """
    words = {t.i for t in clause}
    top = next((t for t in clause if t.head.i not in words or t.head is t), None)
    if top is None:
        return False
    # "who is familiar with the talks": the relative clause's complement.
    for word in [top, *(c for c in top.children if c.dep_ in ACCESS_COMPLEMENT_DEPS)]:
        if lemma(word) in ACCESS_WORDS or word.lower_ in ACCESS_WORDS:
            if any(c.dep_ == "prep" and c.lower_ in ACCESS_PREPOSITIONS for c in word.children):
                return True
        if word.dep_ == "prep" and word.lower_ == "with":
            if any(c.dep_ == "pobj" and lemma(c) in ACCESS_WORDS for c in word.children):
                return True
    return False


def fear_of_reprisal(clause: Clause) -> bool:
    """ "for fear of reprisals", "fearing retaliation from the company".

    A noun of reprisal anywhere in the clause, or "fear" after "for". Near
    miss: "who fears the plan will fail" (a worry about the plan, not about
    being named).
    """
    for token in clause:
        if lemma(token) in FEAR_WORDS:
            return True
        if lemma(token) == "fear" and token.dep_ == "pobj" and token.head.lower_ in FEAR_PREPOSITIONS:
            return True
    return False


def _negated_or_refused(token: Token, words: set[int]) -> bool:
    """Whether ``token`` or a verb above it inside the clause is negated, or is a verb of refusing."""
    current: Token | None = token
    while current is not None and current.i in words:
        if any(c.dep_ == "neg" for c in current.children) or lemma(current) in REFUSAL_VERBS:
            return True
        current = current.head if current.head is not current else None
    return False


ReasonRule = Callable[[Clause], bool]

REASON_RULES: tuple[ReasonRule, ...] = (
    anonymity_granted,
    name_withheld,
    not_authorised,
    close_to_the_matter,
    fear_of_reprisal,
)


def reason_given(head: Token) -> Span | None:
    """Where the article says why the speaker at ``head`` is not named, if it does: the first clause that gives a reason."""
    for place in REASON_PLACES:
        for clause in place(head):
            if clause and any(rule(clause) for rule in REASON_RULES):
                return _span(clause)
    return None


def _span(clause: Clause) -> Span:
    """The clause's words from first to last, without punctuation at either end."""
    words = list(clause)
    while words and words[0].is_punct:
        words.pop(0)
    while words and words[-1].is_punct:
        words.pop()
    words = words or list(clause)
    doc = words[0].doc
    return Span.of(doc_text(doc), words[0].idx, words[-1].idx + len(words[-1].text))
