"""Who speaks: every way of finding the head word of a quotation's speaker.

- From a reporting verb or "according to" (``find_speaker``): the rules in
  ``SPEAKER_RULES``, in order; the first that answers wins.
- From the frame beside a direct quotation, when the parser hangs the cue's
  subject elsewhere (``frame_speaker``, ``frame_subject``).
- From a label before a colon, "Ana Ruiz: ..." (``speaker_label``), which
  both direct quotes and reported statements read.
- From a clause before a colon, "Her response was: ..." (``clause_subject``).

``phrases`` then widens a head to the words that name the speaker.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from service.attribution.article import Article, per_doc
from service.attribution.cues import is_according_to, is_verb
from service.attribution.lexicon import (
    ACCORDING_TO,
    APPOSITION_DEPS,
    CLAUSE_HEAD_DEPS,
    CONJUNCT_DEPS,
    CONTENT_DEPS,
    DETERMINER_DEPS,
    DOCUMENT_NOUNS,
    EMBEDDED_CLAUSE_DEPS,
    FRAME_END_DEPS,
    FRAME_PHRASE_DEPS,
    INHERITED_SUBJECT_DEPTH,
    MAX_LABEL_CHARS,
    MAX_LABEL_DESCRIPTION_CHARS,
    MAX_LABEL_DESCRIPTION_WORDS,
    MAX_LABEL_WORDS,
    NOMINAL_POS,
    NOT_SPEAKER_LABELS,
    ORGANISATION_LABELS,
    PARTICIPLE_TAGS,
    NOUN_MODIFIER_DEPS,
    ORGANISATION_ENTITY_LABELS,
    PASSIVE_SUBJECT_DEPS,
    PERSON_LABELS,
    POSSESSOR_DEPS,
    QUOTE_AS_VERBS,
    QUOTED_AS_DEPS,
    RELATIVE_PRONOUNS,
    RELATIVE_TAGS,
    ROLE_WORDS,
    SECOND_PERSON_PRONOUNS,
    SPEAKER_LABELS,
    SPEAKING_BODY_NOUNS,
    SUBJECT_DEPS,
    TIME_LABELS,
)
from service.attribution.lexicons import depiction_nouns, person_nouns
from service.attribution.rules import Rule
from service.attribution.tagging import lemma

CLAUSE_END = ".!?"
ENTITY_WORDS_KEY = "quotes.entity_words"
"""``doc.user_data`` key of the words of the article's named entities."""
LABEL_BULLETS = "-–—•*·"
"""Marks that open an item of a list of reactions: "- Jo Park, Acme: ..."."""
TWO_WORDS = re.compile(r"\s*(\S+\s+\S)")
"""A label's words must be followed by at least two words: "Q: Why not?"."""

SpeakerRule = Callable[[Token], Token | None]


def _child(token: Token, deps: frozenset[str] | set[str]) -> Token | None:
    return next((c for c in token.children if c.dep_ in deps), None)


def is_word(token: Token) -> bool:
    """A token with a letter or a digit in it: "Ruiz", "I", "3M"; not "―" or "…"."""
    return any(ch.isalnum() for ch in token.text)


# --- from a reporting verb ----------------------------------------------------


def quoted_as_object(cue: Token) -> Token | None:
    """"Tass quoted Rudenko as saying ..." and "Rudenko was quoted as saying ...".

    The speaker is the object (or passive subject) of "quote"/"cite"; the
    near miss "Tass said Rudenko ..." has no "as" and falls to ``subject``.
    First in order: "Tass", the subject of "quoted", is only the messenger.
    """
    prep = cue.head
    if prep.lower_ != "as" or cue.dep_ not in QUOTED_AS_DEPS:
        return None
    verb = prep.head
    if lemma(verb) not in QUOTE_AS_VERBS:
        return None
    return _child(verb, {"dobj"}) or _child(verb, PASSIVE_SUBJECT_DEPS)


def subject(cue: Token) -> Token | None:
    """The subject of the reporting verb, before or after it: "Maxwell said", "said Maxwell".

    A relative pronoun stands for the noun it modifies: in "a source who said",
    the speaker is "source". The near miss "the report was said to be" has a
    passive subject, which is no speaker. Nor is a dash the parser took for a
    subject ("made public ― Trump boasted"): the subject is a word.
    """
    found = next((c for c in cue.children if c.dep_ in SUBJECT_DEPS and is_word(c)), None)
    if found is not None and found.lower_ in RELATIVE_PRONOUNS and cue.dep_ == "relcl":
        return cue.head
    if found is not None and is_participle_opener(found):
        return speaker_after_participle(found)
    if found is not None and found.ent_type_ not in PERSON_LABELS and found.pos_ != "PRON":
        return person_in_subject(found) or found
    return found


def person_in_subject(head: Token) -> Token | None:
    """A person named with a role inside a subject the parser headed by something else.

    "The Museum of Maritime History's curator, Daniel Yilmaz, added" parses
    with "Museum" as the subject and the curator inside it: the name set
    beside or right after a noun that names a person ("curator, Daniel
    Yilmaz", "deputy minister Tamsin Dalrymple") is who speaks. Near miss:
    "Acme, whose chief executive, Jo Park, resigned, said" names her in a
    relative clause, and Acme speaks.
    """
    clauses = {t.i for c in head.subtree if c.dep_ in EMBEDDED_CLAUSE_DEPS for t in c.subtree}
    for token in head.subtree:
        if token.i in clauses or token.ent_type_ not in PERSON_LABELS or token.ent_iob_ != "B":
            continue
        name = entity_words(token)
        root = max(name, key=lambda t: t.i)
        before = token.doc[token.i - 1] if token.i > 0 else None
        beside = root.dep_ in APPOSITION_DEPS and _names_a_person(root.head) and not _whose(root.head)
        after_role = before is not None and before.pos_ == "NOUN" and _names_a_person(before) and before.head.i in {t.i for t in name}
        if beside or after_role:
            return root
    return None


def entity_words(token: Token) -> list[Token]:
    """The words of the named entity that ``token`` opens."""
    end = token.i + 1
    while end < len(token.doc) and token.doc[end].ent_iob_ == "I":
        end += 1
    return list(token.doc[token.i : end])


def _whose(noun: Token) -> bool:
    """ "whose chief executive": a noun a relative pronoun owns, inside a relative clause however parsed."""
    return any(c.tag_ in RELATIVE_TAGS | {"WP$"} for c in noun.children)


def _names_a_person(token: Token) -> bool:
    return token.pos_ == "NOUN" and (lemma(token) in person_nouns() or lemma(token) in ROLE_WORDS)


def is_participle_opener(token: Token) -> bool:
    """A participle that opens the sentence, with no subject of its own: "Speaking at the summit, ...".

    The parser sometimes makes it the cue's subject, with the name after it
    hanging inside its clause. Near miss: "Ruiz, speaking at the summit,
    said" (the participle does not open the sentence).
    """
    return (
        token.tag_ in PARTICIPLE_TAGS
        and token.pos_ == "VERB"
        and token.left_edge.i == token.i
        and all(t.is_space or t.is_punct for t in token.doc[token.sent.start : token.i])
        and not any(c.dep_ in SUBJECT_DEPS for c in token.children)
    )


def speaker_after_participle(opener: Token) -> Token | None:
    """Who speaks after a participle clause the parser took for the subject: "Asked about it, Ana Ruiz, the mayor, said".

    The participle's clause ends at its first comma; of the comma-separated
    phrases after it, the first that names someone (an entity, a proper noun,
    a person noun) is the speaker: "Ana Ruiz", not "the mayor" after her.
    Near miss: a participle clause with nothing after its comma gives no one.
    """
    # The words the parser hung on the participle, commas included wherever it hung them.
    words = opener.doc[opener.i + 1 : opener.right_edge.i + 1]
    phrases: list[list[Token]] = [[]]
    for token in words:
        if token.text == ",":
            phrases.append([])
        elif not token.is_space:
            phrases[-1].append(token)
    heads = [h for phrase in phrases[1:] if phrase and (h := _named_in(phrase)) is not None]
    named = [h for h in heads if h.ent_type_ in SPEAKER_LABELS or h.pos_ == "PROPN"]
    return named[0] if named else next((h for h in heads if lemma(h) in person_nouns() or lemma(h) in ROLE_WORDS), None)


def _named_in(phrase: list[Token]) -> Token | None:
    """The phrase's own head, or, where the parser made a verb of a word in it ("lead [author] X"), its first name."""
    head = phrase_head(phrase)
    if head is not None:
        return head
    return next((t for t in phrase if t.ent_type_ in PERSON_LABELS | ORGANISATION_LABELS and t.ent_iob_ == "B"), None)
def inverted_subject(cue: Token) -> Token | None:
    """The speaker after a verb that follows what it reports, which the parser took for an object.

    "Costs will rise, warned Ana Ruiz, the port director." and "..., insists
    the coach.": the clause comes first, so the noun after the verb is who
    speaks. Near miss: "Ruiz warned the council that costs will rise" (the
    clause comes after: the object is whom she warned). After ``subject``.
    """
    if any(c.dep_ in SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS for c in cue.children):
        return None
    content = [c for c in cue.children if c.dep_ in CONTENT_DEPS]
    if not content or any(c.i > cue.i for c in content):
        return None
    found = next((c for c in cue.rights if c.dep_ == "dobj"), None)
    return found if found is not None and can_speak(found) else None


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
    for _ in range(INHERITED_SUBJECT_DEPTH):
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
    to = next(c for c in cue.children if c.lower_ == ACCORDING_TO[1])
    return _child(to, {"pobj"})


SPEAKER_RULES: tuple[tuple[Rule, SpeakerRule], ...] = (
    (Rule.QUOTED_AS_OBJECT, quoted_as_object),
    (Rule.ACCORDING_TO, according_to_object),
    (Rule.SUBJECT, subject),
    (Rule.INVERTED_SUBJECT, inverted_subject),
    (Rule.PASSIVE_AGENT, passive_agent),
    (Rule.INHERITED_SUBJECT, inherited_subject),
)


def find_speaker(cue: Token) -> tuple[Token, Rule] | None:
    """The head of the cue's speaker and the rule that found it.

    None when that is a picture (``is_depiction``) or the reader (``addresses_the_reader``).
    """
    for rule, find in SPEAKER_RULES:
        head = find(cue)
        if head is not None:
            return None if is_depiction(head) or addresses_the_reader(head) else (head, rule)
    return None


def addresses_the_reader(head: Token) -> bool:
    """"you" in the article's own words: anyone at all, no one who spoke ("When you say you hate it, ...").

    Asked only of cues outside quotation marks. Near miss: "you" inside a
    quotation is someone the speaker addresses, and no cue there is read.
    """
    return head.lower_ in SECOND_PERSON_PRONOUNS


def is_depiction(head: Token) -> bool:
    """A picture or a film, which shows and says nothing: "A photo showed Ruiz leaving the court".

    Read from WordNet's pictures and films (``lexicons.depiction_nouns``).
    Near miss: "The report showed that rents rose" (a document speaks for
    whoever wrote it).
    """
    return head.pos_ == "NOUN" and lemma(head) in depiction_nouns()


# --- from the frame beside a direct quotation ------------------------------------


def frame_speaker(tokens: list[Token], cue: Token) -> Token | None:
    """The speaker of a cue in a frame outside a quotation (``tokens``), found in that frame.

    The parser often hangs a frame's subject inside the quotation next to it
    ("“...,” Flynn, a surrogate, said on “Fox and Friends.”" gives "said" the
    subject "Fox"), or misses an inverted one ("said James Acton"). A speaker
    inside a quotation is no speaker: the nearest name in the frame is.
    """
    found = find_speaker(cue)
    if found is not None and found[0].i in {t.i for t in tokens}:
        return found[0]
    return frame_subject(tokens, cue)


def frame_subject(tokens: list[Token], cue: Token) -> Token | None:
    """The name nearest the cue in a frame: before it ("Flynn, a surrogate, said") or after it ("said Ana Ruiz").

    An appositive leads to the name it describes, a prepositional object to
    the noun it belongs to ("the mayor of the city said" gives "mayor"), and a
    participle that describes a noun is read past ("points out the laid-back
    resident"). Near miss: a frame with no noun ("“...,” said.") gives
    nothing, nor does a noun after another clause's verb.
    """
    frame = {t.i: t for t in tokens}
    before = sorted((t for t in tokens if t.i < cue.i), key=lambda t: -t.i)
    after = sorted((t for t in tokens if t.i > cue.i), key=lambda t: t.i)
    for side in (before, after):
        for token in side:
            if token.ent_type_ in TIME_LABELS:
                continue  # "said Thursday"
            if side is after and token.dep_ in FRAME_END_DEPS:
                break  # "said on Fox News": an adjunct; "adding that its ...": a clause of its own
            if _describes_a_noun(token):
                continue  # "the laid-back resident": a participle and its words are no clause
            if token.pos_ in NOMINAL_POS and not token.is_punct:
                return _frame_phrase_head(token, frame)
            if is_verb(token) or token.text in CLAUSE_END:
                break
    return None


def _describes_a_noun(token: Token) -> bool:
    """A participle that modifies a noun, or a word of it: "laid", "back" in "the laid-back resident"."""
    participle = token if is_verb(token) else token.head
    return is_verb(participle) and participle.dep_ in NOUN_MODIFIER_DEPS


def _frame_phrase_head(token: Token, frame: dict[int, Token]) -> Token:
    while token.dep_ in FRAME_PHRASE_DEPS and token.head.i in frame:
        if token.head.i == token.i:
            break
        token = token.head
    return token


def phrase_head(words: list[Token]) -> Token | None:
    """The word of a short phrase whose head lies outside it: the phrase's own head."""
    inside = {t.i for t in words}
    heads = [t for t in words if t.head.i not in inside or t.head.i == t.i]
    named = [t for t in heads if t.pos_ in NOMINAL_POS]
    return named[0] if named else None


def clause_subject(tokens: list[Token]) -> Token | None:
    """The subject of the last clause in ``tokens``, a frame that ends in a colon: "Her response was:".

    Near miss: a clause whose subject is a relative pronoun, or stands
    inside a quotation (outside ``tokens``), gives nothing.
    """
    frame = {t.i for t in tokens}
    for verb in reversed(tokens):
        if is_verb(verb) and verb.dep_ in CLAUSE_HEAD_DEPS:
            found = subject(verb)
            if found is not None and found.i in frame and found.lower_ not in RELATIVE_PRONOUNS:
                return found
    return None


# --- from a label before a colon -------------------------------------------------


@dataclass(frozen=True)
class Label:
    """A paragraph that opens with who speaks and a colon: "Ana Ruiz: We will win."."""

    speaker: Token
    """The head of the speaker's label."""
    colon: Token
    words_start: int
    """Where the words after the colon start."""


def speaker_label(article: Article, index: int) -> Label | None:
    """The speaker's label that opens paragraph ``index``: "Ana Ruiz: We will win." / "Q: Why?".

    Headlines and transcripts are written this way, and lists of reactions
    ("- Jo Park, Acme: ..."). Near misses: "Note: ...", an article's metadata
    ("Headline: ...", "Photo: ..."), a time ("2:45 p.m."), and a clause
    before the colon ("He said this:").
    """
    if index in article.furniture:
        return None  # "Photo: Tom Hale/Harbour News", "WATCH: ..."
    start, end = article.paragraphs[index]
    text = article.text
    while start < end and (text[start] in LABEL_BULLETS or text[start].isspace()):
        start += 1  # "- Jo Park, Acme: ..."
    colon = text.find(":", start, min(end, start + MAX_LABEL_CHARS + MAX_LABEL_DESCRIPTION_CHARS))
    if colon < 0 or colon + 1 >= end or not text[colon + 1].isspace():
        return None
    label = text[start:colon].strip()
    if not label[:1].isupper() or label.lower().rstrip(".") in NOT_SPEAKER_LABELS:
        return None
    name = label_name(article.outside_quotes(start, colon))
    if name is None:
        return None
    rest = TWO_WORDS.match(text, colon + 1, end)
    if rest is None:
        return None
    head = phrase_head(name)
    if head is None or not names_a_speaker(head):
        return None
    return Label(head, article.doc[article.token_at(colon)], rest.start(1))


def label_name(tokens: list[Token]) -> list[Token] | None:
    """The words of a label that name its speaker: all of them, or those before a comma that a description follows.

    "Ana Ruiz:", "Sen. Ana Ruiz:" and "Ana Ruiz, head of research at the
    Tidewater Institute for Coastal Studies:" (a short name, then who she is)
    give the name; a label longer than a short name needs a description that
    says who she is (``describes_someone``). Near misses: a clause before the
    colon ("He said this:", "Ruiz, who runs the institute, said:"), a name
    longer than ``MAX_LABEL_WORDS``, a description longer than
    ``MAX_LABEL_DESCRIPTION_WORDS``, a work's title after a name.
    """
    words = [t for t in tokens if not (t.is_punct or t.is_space)]
    if not words or any(is_verb(t) for t in words):
        return None
    comma = next((t for t in tokens if t.text == ","), None)
    name = [t for t in words if comma is None or t.i < comma.i]
    description = words[len(name) :]
    if not name or len(name) > MAX_LABEL_WORDS or len(description) > MAX_LABEL_DESCRIPTION_WORDS:
        return None
    short = len(words) <= MAX_LABEL_WORDS and sum(len(t.text_with_ws) for t in words) <= MAX_LABEL_CHARS
    return name if short or describes_someone(description) else None


def describes_someone(words: list[Token]) -> bool:
    """Words that say who someone is: a role or a noun that names a person, or an organisation.

    "head of research at the Tidewater Institute", "Harbour Trust"; near miss:
    "The Voyage of the Tidewater" (a work's title after a name: a list of
    nominees, not a speaker's label).
    """
    return any(
        t.ent_type_ in ORGANISATION_ENTITY_LABELS
        or (t.pos_ == "NOUN" and (lemma(t) in ROLE_WORDS or lemma(t) in person_nouns()))
        for t in words
    )


def names_a_speaker(head: Token) -> bool:
    """A label's head that can be someone: a name (here or elsewhere in the article), an organisation,
    a pronoun, a role ("Spokesman:"), a document ("Poll:").

    Near misses: "Headline:", "Photo:", "Success:" name a kind of text or a theme, no one;
    "Our Standards:", "ENERGY:", a proper noun named nowhere else and not written as a name.
    """
    if head.ent_type_ in SPEAKER_LABELS or head.pos_ == "PRON" or head.text in _named_elsewhere(head):
        return True
    if head.pos_ == "PROPN" and head.lower_ in NOT_SPEAKER_LABELS:
        return False
    return head.lower_ in ROLE_WORDS | DOCUMENT_NOUNS or lemma(head) in ROLE_WORDS | DOCUMENT_NOUNS or is_written_as_a_name(head)


def is_written_as_a_name(head: Token) -> bool:
    """A proper noun written as a person's full name: a first name before it, both capitalised, nothing before them.

    "Simon Inglis:" is someone the recogniser missed. Near misses: "Our
    Standards:" (a possessive: a name takes none), "MARKET WATCH:" (capitals:
    a heading), "Energy:" (one word, named nowhere else in the article).
    """
    parts = [c for c in head.lefts if c.dep_ == "compound"]
    if head.pos_ != "PROPN" or not parts or any(c.dep_ in DETERMINER_DEPS | POSSESSOR_DEPS for c in head.lefts):
        return False
    return all(t.pos_ == "PROPN" and t.is_title for t in [*parts, head])


def can_speak(head: Token) -> bool:
    """A speaker's head that can say something: ``names_a_speaker``'s, or any noun that names a person.

    "sniffed the old coach", "crowed the winner", "predicted the bank"; near miss: "won the top prize".
    Wider than a label's (``names_a_speaker``), where "Winner:" heads a list.
    """
    return names_a_speaker(head) or lemma(head) in person_nouns() or lemma(head) in SPEAKING_BODY_NOUNS


def _named_elsewhere(token: Token) -> set[str]:
    """The words the article's named entities are made of: a headline's "Sanders:" is the Sanders named below."""
    return _entity_words(token.doc)


@per_doc(ENTITY_WORDS_KEY)
def _entity_words(doc: Doc) -> set[str]:
    return {t.text for t in doc if t.ent_type_ in SPEAKER_LABELS}
