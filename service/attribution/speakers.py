"""Who speaks: from a cue to the head word of its speaker.

Each rule takes the cue's head token and returns the head of the speaker's noun
phrase, or None. ``SPEAKER_RULES`` is the precedence list: the first rule that
answers wins. ``speaker_phrase`` then widens the head to the words that name
the speaker.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from service.attribution.cues import is_according_to, is_verb
from service.attribution.lexicon import (
    APPOSITION_DEPS,
    CONJUNCT_DEPS,
    DETERMINER_DEPS,
    NAME_PART_DEPS,
    PASSIVE_SUBJECT_DEPS,
    PERSON_LABELS,
    QUOTE_AS_VERBS,
    RELATIVE_PRONOUNS,
    SPEAKER_LABELS,
    SUBJECT_DEPS,
    TITLE_WORDS,
)
from service.attribution.tagging import lemma

SpeakerRule = Callable[[Token], Token | None]


def _child(token: Token, deps: frozenset[str] | set[str]) -> Token | None:
    return next((c for c in token.children if c.dep_ in deps), None)


def quoted_as_object(cue: Token) -> Token | None:
    """"Tass quoted Rudenko as saying ..." and "Rudenko was quoted as saying ...".

    The speaker is the object (or passive subject) of "quote"/"cite"; the
    near miss "Tass said Rudenko ..." has no "as" and falls to ``subject``.
    First in order: "Tass", the subject of "quoted", is only the messenger.
    """
    prep = cue.head
    if prep.lower_ != "as" or cue.dep_ not in ("pcomp", "pobj", "advcl"):
        return None
    verb = prep.head
    if lemma(verb) not in QUOTE_AS_VERBS:
        return None
    return _child(verb, {"dobj"}) or _child(verb, PASSIVE_SUBJECT_DEPS)


def subject(cue: Token) -> Token | None:
    """The subject of the reporting verb, before or after it: "Maxwell said", "said Maxwell".

    A relative pronoun stands for the noun it modifies: in "a source who said",
    the speaker is "source". The near miss "the report was said to be" has a
    passive subject, which is no speaker.
    """
    found = _child(cue, SUBJECT_DEPS)
    if found is not None and found.lower_ in RELATIVE_PRONOUNS and cue.dep_ == "relcl":
        return cue.head
    return found


def passive_agent(cue: Token) -> Token | None:
    """"..., was announced by the ministry": the object of the agent "by"."""
    agent = _child(cue, {"agent"})
    return _child(agent, {"pobj"}) if agent is not None else None


def inherited_subject(cue: Token) -> Token | None:
    """A verb that shares its head's subject: "he said, adding that ...".

    Walks up conjuncts and adverbial clauses ("said and added", "..., noting")
    until a verb with a subject; a clausal complement ("he said she added")
    has its own subject and is no conjunct, so it is not crossed.
    """
    token = cue
    for _ in range(3):
        head = token.head
        if token.dep_ == "pcomp" and head.dep_ == "prep":
            # "... before asking her": through the preposition to its verb.
            token, head = head, head.head
        if token.dep_ not in CONJUNCT_DEPS | {"prep"} or not is_verb(head) or head.i == token.i:
            return None
        token = head
        found = subject(token)
        if found is not None:
            return found
    return None


def according_to_object(cue: Token) -> Token | None:
    """"according to Victor Cha": the object of "to". Rejects a bare "according"."""
    if not is_according_to(cue):
        return None
    to = next(c for c in cue.children if c.lower_ == "to")
    return _child(to, {"pobj"})


SPEAKER_RULES: tuple[tuple[str, SpeakerRule], ...] = (
    ("quoted_as_object", quoted_as_object),
    ("according_to", according_to_object),
    ("subject", subject),
    ("passive_agent", passive_agent),
    ("inherited_subject", inherited_subject),
)


def find_speaker(cue: Token) -> tuple[Token, str] | None:
    """The head of the cue's speaker and the name of the rule that found it."""
    for name, rule in SPEAKER_RULES:
        head = rule(cue)
        if head is not None:
            return head, name
    return None


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
    if head.ent_type_ in SPEAKER_LABELS and head.ent_iob_ in ("B", "I"):
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
    if len(words) > 1 and words[-1].tag_ == "POS":
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
    while len(words) > 1 and (words[0].dep_ in DETERMINER_DEPS or words[0].tag_ in ("DT", "PRP$")):
        words = words[1:]
    return words
