"""The words that name a speaker: from a speaker's head word to its name's tokens.

"Deputy Foreign Minister Andrey Rudenko" names Andrey Rudenko; "a U.S. State
Department spokesperson" names the spokesperson with all four words after "a".
"""

from __future__ import annotations

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from service.attribution.article import per_token
from service.attribution.lexicon import (
    APPOSITION_DEPS,
    CALLED_VERBS,
    CONTENT_DEPS,
    DESCRIPTION_DEPS,
    DASHES,
    DETERMINER_DEPS,
    COLLECTIVE_NOUNS,
    FULL_NAME_MIN_WORDS,
    IN_ENTITY,
    MAX_DESCRIPTION_WORDS,
    MAX_GROUP_WORDS,
    MAX_TITLE_WORDS,
    NAME_JOINERS,
    NAME_PARTICLES,
    NAME_DETERMINER_TAGS,
    NAME_PART_DEPS,
    ORGANISATION_LABELS,
    PARTY_NOTATION,
    PERSON_LABELS,
    POSSESSIVE_TAG,
    RELATIVE_CLAUSE_DEPS,
    SPEAKER_LABELS,
    TITLE_WORDS,
)
from service.attribution.lexicons import person_nouns
from service.attribution.nouns import is_role_noun
from service.attribution.tagging import lemma


def named_head(head: Token) -> Token:
    """The word that names the speaker: a title's appositive name if there is one.

    "Deputy Foreign Minister Andrey Rudenko" parses with "Minister" as head and
    "Rudenko" in apposition; "Putin’s adviser, Yuri Ushakov" likewise; a noun
    that names a person takes a proper noun beside it as the name whatever
    its label ("Wise's dad, Darrin"), or the one it is "named" or "called".
    The person's name is the speaker; the title stays with ``descriptions``.
    Near miss: "the firm's owner, Acme Holdings" (an organisation) stays
    "owner".
    """
    titled = titled_name_after(head)
    if titled is not None:
        return titled
    if head.ent_type_ in PERSON_LABELS:
        return head
    for child in head.children:
        if child.dep_ in APPOSITION_DEPS and child.ent_type_ in PERSON_LABELS:
            return child
    if head.pos_ == "NOUN" and lemma(head) in person_nouns():
        # "Wise's dad, Darrin", "an official in the province named Jhony": a person's name however labelled.
        for child in head.children:
            if child.dep_ in APPOSITION_DEPS and child.pos_ == "PROPN" and child.is_title and child.ent_type_ not in ORGANISATION_LABELS:
                return child
        named = _called(head)
        if named is not None:
            return named
    return head


def titled_name_after(head: Token) -> Token | None:
    """The person a name is the owner of: "said [Redcastle Wanderers] sporting director Fiona Varga", "[Obama]
    aide Valerie Jarrett said", where the parser made the owner's name the head.

    A name (its entity) followed at once by lower-case words that end in a
    role noun, then by a person's name: the speaker is that person, and the
    name before the role says whose post it is (``descriptions``). Near
    misses: "Ana Ruiz, director Tom Hale" (a comma: two people); "Ana Ruiz
    met Tom Hale" (no role between).
    """
    if head.ent_type_ not in SPEAKER_LABELS:
        return None
    doc = head.doc
    start = at = entity_span(head).end
    while at < len(doc) and at - start < MAX_TITLE_WORDS and doc[at].is_lower and doc[at].is_alpha and not doc[at].ent_type_:
        at += 1
    if at == start or at >= len(doc) or doc[at].ent_type_ not in PERSON_LABELS or doc[at].ent_iob_ != "B":
        return None
    # The words between end in a role noun ("sporting [director]"): that role is the person's post.
    return entity_span(doc[at]).root if is_role_noun(doc[at - 1]) else None


NAMED_DEPS = frozenset({"oprd", "attr", "dobj"})
"""How the name hangs on "named" or "called": "an official named [Jhony]"."""


def _called(head: Token) -> Token | None:
    """The name in "a fisherman called Tomas", "an official in the province named Jhony": the object of "named"."""
    for token in head.subtree:
        if token.dep_ == "acl" and lemma(token) in CALLED_VERBS and _in_phrase_of(token.head, head):
            return next((c for c in token.children if c.dep_ in NAMED_DEPS and c.pos_ == "PROPN"), None)
    return None


def _in_phrase_of(noun: Token, head: Token) -> bool:
    """``noun`` is ``head`` or the object of a preposition on it: "an official [in the province]"."""
    return noun.i == head.i or (noun.dep_ == "pobj" and noun.head.dep_ == "prep" and noun.head.head.i == head.i)


def speaker_phrase(head: Token) -> list[Token]:
    """The words that name a speaker: its named entity, or its noun with modifiers.

    "Daniel DePetris, a fellow at ..." gives "Daniel DePetris"; "Mayor Elena
    Park" gives "Elena Park" (the title is the descriptions stage's); "a U.S.
    State Department spokesperson" gives all four words after "a" (determiners
    are kept here and dropped from the name).
    """
    if head.ent_type_ in SPEAKER_LABELS and head.ent_iob_ in IN_ENTITY:
        ent = entity_span(head)
        if head.ent_type_ in PERSON_LABELS:
            return name_tokens(head)
        return _with_left_modifiers(head, list(ent))
    return _with_group_members(head, _with_left_modifiers(head, [head]))


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
    """A person's name without the titles and forms of address spaCy counts in it.

    "Mayor Elena Park" -> "Elena Park", "Sir John Bourn" -> "John Bourn",
    "Conservative health spokesman Ann Reid" -> "Ann Reid": the name is the
    run of name words that ends the entity. Near miss: a one-word name is
    kept even if it is a title word ("Chief").
    """
    if len(words) > 1 and words[-1].tag_ == POSSESSIVE_TAG:
        words = words[:-1]
    start = len(words)
    while start > 0 and _is_name_word(words[start - 1], words[start:]):
        start -= 1
    while start < len(words) and not _opens_name(words[start]):
        start += 1
    return words[start:] or words[-1:]


def _is_name_word(token: Token, after: list[Token]) -> bool:
    """Whether ``token`` can stand in a name before the words ``after``: "Haji-", "R.", "al-", "Ann".

    Not a title or a role ("Mayor"), nor a noun that names a person before a
    full name, outside the recogniser's name ("Shopkeeper Jo Park"). Near
    misses: before one name it may be a first name ("Hunter Hale"), and inside
    a PERSON entity it is one ("Guy Ruiz").
    """
    if token.lower_.rstrip(".") in TITLE_WORDS or token.tag_ == POSSESSIVE_TAG or _ends_party_notation(token):
        return False
    if len(after) >= FULL_NAME_MIN_WORDS and token.lower_ in person_nouns() and not token.ent_type_:
        return False
    if token.is_punct:
        return bool(after) and token.text in NAME_JOINERS and not token.whitespace_
    if token.lower_ in NAME_PARTICLES:
        return bool(after)
    return token.pos_ == "PROPN" or token.is_title or token.is_upper


def _ends_party_notation(token: Token) -> bool:
    """The state of a US party notation ("Sen. Ann Lee, D-[Conn.] Hale said ..."), which the parser may compound
    with the next name when the abbreviation's full stop also ends the sentence. Near miss: "Jean-[Paul] Ruiz"."""
    doc = token.doc
    return token.i >= 2 and doc[token.i - 1].text in DASHES and doc[token.i - 2].text in PARTY_NOTATION


def _opens_name(token: Token) -> bool:
    return not token.is_punct and token.lower_ not in NAME_PARTICLES


NAMES_KEY = "quotes.names"
"""``doc.user_data`` key of the names already read, by token index."""


def name_tokens(head: Token) -> list[Token]:
    """A person's name as written at this mention, without titles: its PERSON entity, or the head alone.

    The entity is extended leftwards over proper nouns the recogniser left out
    but the parser joined to it ("Founder [Stelios] Haji-Ioannou").
    """
    doc = head.doc
    return [doc[i] for i in _name_indexes(head)]


@per_token(NAMES_KEY)
def _name_indexes(head: Token) -> tuple[int, ...]:
    # Indexes, not tokens: a token kept in its own doc's user_data would tie the doc in a cycle.
    words = list(entity_span(head)) if head.ent_type_ in PERSON_LABELS and head.ent_iob_ in IN_ENTITY else [head]
    doc = head.doc
    while words[0].i > 0:
        before = doc[words[0].i - 1]
        joined = before.dep_ == "compound" and words[0].i <= before.head.i <= words[-1].i
        if not (joined and before.pos_ == "PROPN" and not before.ent_type_ and _is_name_word(before, words)):
            break
        words.insert(0, before)
    return tuple(t.i for t in strip_titles(words))


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


def _with_group_members(head: Token, words: list[Token]) -> list[Token]:
    """A collective noun with whom it gathers: "a coalition [of retailers]", "a group [of doctors]".

    Near miss: "the mayor of Tellbridge" is no collective: "of" there says for whom, a description's.
    """
    if lemma(head) not in COLLECTIVE_NOUNS:
        return words
    of = next((c for c in head.rights if c.dep_ == "prep" and c.lower_ == "of"), None)
    if of is None or of.right_edge.i - head.i > MAX_GROUP_WORDS:
        return words
    return [head.doc[i] for i in range(words[0].i, of.right_edge.i + 1)]


def described_phrase(head: Token) -> list[Token]:
    """An unnamed speaker's whole description, with what follows its noun: "a person [familiar with the talks]".

    The noun's phrase (``speaker_phrase``) runs on through an adjective after
    it, a prepositional phrase, a participle or relative clause ("one adviser
    [who was in the room]", "an official [with the Harbour Authority]") and a
    noun joined to it ("lawyers [and experts]"), up to a comma inside them
    ("an expert [cited in the report], which ..."), as long as the
    description stays short. Near miss: a relative clause that reports speech ("officials
    who said the plan would fail") is a statement, not a description.
    """
    words = speaker_phrase(head)
    end = max(t.i for t in words)
    for child in head.rights:
        if child.i <= end:
            continue
        child_end = _before_comma(child)
        if child.dep_ not in DESCRIPTION_DEPS or child_end - words[0].i >= MAX_DESCRIPTION_WORDS:
            break
        if child.dep_ in RELATIVE_CLAUSE_DEPS and any(c.dep_ in CONTENT_DEPS for c in child.children if c.dep_ != "xcomp"):
            break
        end = child_end
    phrase = [head.doc[i] for i in range(words[0].i, end + 1)]
    while len(phrase) > 1 and (phrase[-1].is_punct or phrase[-1].is_space):
        phrase = phrase[:-1]
    return phrase


def _before_comma(token: Token) -> int:
    """Where ``token``'s phrase ends, short of a comma inside it: "cited in the report[, which looked at ...]"."""
    comma = next((t.i for t in token.subtree if t.i > token.i and t.text == ","), None)
    return comma - 1 if comma is not None else token.right_edge.i


def name_words(phrase: list[Token]) -> list[Token]:
    """The phrase without leading determiners: "the spokesperson" -> "spokesperson"."""
    words = list(phrase)
    while len(words) > 1 and (words[0].dep_ in DETERMINER_DEPS or words[0].tag_ in NAME_DETERMINER_TAGS):
        words = words[1:]
    return words
