"""Who is who across the article: each speaker mention resolved to one entity.

A speaker is named many ways: "Daniel DePetris", then "DePetris", then "he";
"a U.S. State Department spokesperson", then "the spokesperson". Mentions are
resolved in text order by ``Resolver``; for each, the rules in
``RESOLUTION_RULES`` are asked in order, and the first that answers names the
entity (a ``Referent``):

1. ``pronoun``: he/she stand for the latest earlier person speaker, or the
   latest person subject if later; they for a group or organisation; it for
   an organisation; "I" outside quotation marks is the article's author; a
   pronoun with no one to stand for names no one (the mention stays, less sure);
2. ``person``: a person's name goes to the fullest PERSON name in the article
   that ends in the same surname, allowing a slip of one letter;
3. ``titled_person``: "the mayor" or a bare "Russian President" just after a
   person is named in the same paragraph is that person;
4. ``organisation_noun``: "the company" is the organisation named before it;
5. ``earlier_description``: "the spokesperson" is the earlier speaker with
   the same head noun;
6. ``document_author``: "a report released by X" speaks for X;
7. ``description``: otherwise a noun names a new speaker, without its
   determiner.

The rules read a ``Cast`` (the article's people, fixed once the article is
parsed) and ``Known`` (who has been named so far); only the resolver writes
to ``Known``.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from enum import Enum

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from service.attribution.descriptions import Description, Piece, authored_by, describe, describe_title
from service.attribution.article import Article
from service.attribution.cast import Cast
from service.attribution.entities import Entity, Kind, Profile, clean_name, kind_of
from service.attribution.genders import Gender, addressed_as, by_first_name, compatible, pronoun_gender
from service.attribution.lexicon import (
    DEFINITE_DETERMINERS,
    FIRST_PERSON_PRONOUNS,
    INDEFINITE_DETERMINERS,
    NEUTER_PRONOUNS,
    PERSON_LABELS,
    APPOSITION_DEPS,
    DESCRIPTION_PARAGRAPHS,
    NAME_PART_DEPS,
    NOUN_POS,
    COMPANY_NOUNS,
    ORGANISATION_PARAGRAPHS,
    PERSONAL_PRONOUNS,
    PLURAL_NOUN_TAGS,
    PLURAL_PRONOUNS,
    PRONOUN_TAGS,
    SUBJECT_DEPS,
    SURNAME_PHRASE_MAX_WORDS,
    VERB_POS,
    ROLE_WORDS,
    GUESSED_ANTECEDENT_FACTOR,
    UNRESOLVED_PRONOUN_FACTOR,
)
from service.attribution.model import Span
from service.attribution.phrases import entity_span, name_tokens, name_words, named_head, speaker_phrase
from service.attribution.tagging import lemma
from service.attribution.titles import organisation_words, text_of


AUTHOR = "the author"
"""The name of whoever wrote the article, when it speaks in the first person outside quotation marks."""


class Resolved(Enum):
    """How a mention was resolved: whether it names its speaker, and how far that is trusted."""

    names: bool
    factor: float

    def __new__(cls, label: str, names: bool, factor: float) -> Resolved:
        member = object.__new__(cls)
        member._value_ = label
        member.names = names
        member.factor = factor
        return member

    ANTECEDENT = ("antecedent", False, 1.0)
    """A pronoun standing for a speaker named before."""
    CLAUSE_SUBJECT = ("clause subject", False, 1.0)
    """A pronoun standing for the person (or, for "it", the organisation) last the subject of a main clause."""
    GUESSED_ANTECEDENT = ("guessed antecedent", False, GUESSED_ANTECEDENT_FACTOR)
    """ "she" where the only people before are ones the article seemed to call "he": the last of them, less sure."""
    AUTHOR = ("author", False, 1.0)
    """ "I" or "we" outside quotation marks: the article's own author."""
    UNRESOLVED_PRONOUN = ("unresolved pronoun", False, UNRESOLVED_PRONOUN_FACTOR)
    """A pronoun with no one to stand for: the quote keeps the mention, but no one is named."""
    PERSON_NAME = ("person name", True, 1.0)
    TITLED_PERSON = ("titled person", True, 1.0)
    EARLIER_DESCRIPTION = ("earlier description", True, 1.0)
    DOCUMENT_AUTHOR = ("document author", True, 1.0)
    ORGANISATION_NAMED = ("organisation named", True, 1.0)
    """"the company", standing for the organisation the article named just before."""
    DESCRIPTION = ("description", True, 1.0)


@dataclass(frozen=True, slots=True)
class Mention:
    """A speaker mention as the rules see it."""

    head: Token
    """The word that names the speaker (``phrases.named_head``)."""
    phrase: list[Token]
    """The words that name the speaker (``phrases.speaker_phrase``)."""
    span: Span


@dataclass(frozen=True, slots=True)
class Referent:
    """Whom a rule says a mention refers to: an entity by its canonical name, and what to learn of it."""

    name: str
    kind: Kind
    head_lemma: str
    how: Resolved
    learned: tuple[Description, ...] = ()
    considered: tuple[Referent, ...] = ()
    """Others the rule weighed and the article makes known here: a person subject a
    pronoun was weighed against is known from then on, with what its mention says."""


@dataclass(frozen=True, slots=True)
class Resolution:
    """A mention resolved: its entity (none for a pronoun that stands for no one named), where it is, and how."""

    entity: Entity | None
    mention: Span
    how: Resolved


@dataclass
class Known:
    """Who the article has named so far, in text order, and what it has said of them.

    The rules only read it; ``Resolver`` writes to it.
    """

    entities: list[Entity] = field(default_factory=list)
    _by_key: dict[str, Entity] = field(default_factory=dict)
    _descriptions: dict[int, list[Description]] = field(default_factory=dict)
    _mentions: dict[int, list[Span]] = field(default_factory=dict)
    _seen: set[tuple[int, int, int]] = field(default_factory=set)
    # Every named speaker so far by position, and the last one for each head noun.
    _antecedents: list[tuple[int, Entity]] = field(default_factory=list)
    _antecedent_positions: list[int] = field(default_factory=list)
    _last_by_lemma: dict[str, tuple[int, Entity]] = field(default_factory=dict)

    def antecedent_before(
        self, position: int, kinds: set[Kind], accepts: Callable[[Entity], bool] = lambda _: True
    ) -> tuple[int, Entity] | None:
        """The latest speaker of one of ``kinds`` (and that ``accepts`` takes) named before ``position``, with where."""
        for k in range(bisect_left(self._antecedent_positions, position) - 1, -1, -1):
            if self._antecedents[k][1].kind in kinds and accepts(self._antecedents[k][1]):
                return self._antecedents[k]
        return None

    def last_with_lemma(self, head_lemma: str) -> tuple[int, Entity] | None:
        """The last speaker named with this head noun, with where."""
        return self._last_by_lemma.get(head_lemma)

    def profile(self, entity: Entity) -> Profile:
        """What the article has said of ``entity`` so far."""
        return profile_of(self._descriptions.get(entity.id, []), tuple(self._mentions[entity.id]))

    # --- written by the resolver only -------------------------------------------

    def entity(self, name: str, kind: Kind, head_lemma: str) -> Entity:
        """The entity named ``name``, made (with the next id) if it is new."""
        entity = self._by_key.get(name.lower())
        if entity is None:
            entity = Entity(len(self.entities), name, kind, head_lemma)
            self._by_key[entity.key] = entity
            self.entities.append(entity)
            self._mentions[entity.id] = []
        return entity

    def learn(self, entity: Entity, description: Description) -> None:
        """Keep what a mention of ``entity`` says of them (``profile_of`` chooses among it)."""
        if description:
            self._descriptions.setdefault(entity.id, []).append(description)

    def add_mention(self, entity: Entity, span: Span) -> None:
        if (entity.id, span.start, span.end) not in self._seen:
            self._seen.add((entity.id, span.start, span.end))
            self._mentions[entity.id].append(span)

    def sort_mentions(self) -> None:
        for mentions in self._mentions.values():
            mentions.sort(key=lambda m: m.start)

    def remember(self, head: Token, entity: Entity) -> None:
        """``entity`` is named at ``head``: an antecedent for what follows."""
        at = bisect_right(self._antecedent_positions, head.idx)
        self._antecedent_positions.insert(at, head.idx)
        self._antecedents.insert(at, (head.idx, entity))
        head_lemma = lemma(head)
        if head_lemma not in self._last_by_lemma or self._last_by_lemma[head_lemma][0] < head.idx:
            self._last_by_lemma[head_lemma] = (head.idx, entity)


def profile_of(descriptions: list[Description], mentions: tuple[Span, ...]) -> Profile:
    """What the article says of one entity: the first honorific and title it gives, in text order,
    and its first affiliation of the best rank (an organisation, else a person's office, else a place)."""
    def first(pieces: list[Piece | None]) -> Piece | None:
        given = [p for p in pieces if p is not None]
        return min(given, key=lambda p: p.span.start) if given else None

    ranked = [d for d in descriptions if d.affiliation is not None]
    best = min((d.rank for d in ranked), default=None)
    affiliation = first([d.affiliation for d in ranked if d.rank == best])
    return Profile(first([d.honorific for d in descriptions]), first([d.title for d in descriptions]), affiliation, mentions)


# --- the rules, in order ------------------------------------------------------------

ResolutionRule = Callable[[Cast, Known, Mention], Referent | None]


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
        return Referent(AUTHOR, Kind.PERSON, head.lower_, Resolved.AUTHOR)
    return Referent(head.text, Kind.UNKNOWN, head.lower_, Resolved.UNRESOLVED_PRONOUN)


def _antecedent(cast: Cast, known: Known, pronoun: Token) -> Referent | None:
    """Whom the pronoun stands for, if anyone: the later of the last speaker and the last person subject.

    Of either, only someone the pronoun's gender may stand for (``genders``).
    """
    lower = pronoun.lower_
    if lower in FIRST_PERSON_PRONOUNS:
        return None
    if lower in PERSONAL_PRONOUNS:
        kinds = {Kind.PERSON}
    elif lower in PLURAL_PRONOUNS:
        kinds = {Kind.GROUP, Kind.ORGANISATION}
    else:
        kinds = {Kind.ORGANISATION}
    gender = pronoun_gender(pronoun)
    best = known.antecedent_before(pronoun.idx, kinds, lambda entity: compatible(gender, cast.gender_of(entity.name)))
    if kinds == {Kind.PERSON}:
        ent = cast.subject_before(pronoun, gender)
        kind, name = Kind.PERSON, (cast.canonical_name_of(ent) if ent is not None else "")
    else:
        # "it" and "they" may stand for the organisation (or, "they", the group) last the subject of a main clause.
        found = cast.thing_subject_before(pronoun, Kind.GROUP in kinds, ORGANISATION_PARAGRAPHS)
        ent = found.doc[found.i : found.i + 1] if found is not None else None
        kind, name = (Kind.GROUP, "") if found is not None and found.tag_ in PLURAL_NOUN_TAGS else (Kind.ORGANISATION, "")
        if found is not None:
            name = organisation_name(entity_span(found)) if found.ent_type_ else clean_name(cast.article.tokens_span(name_words(speaker_phrase(found))).text)
    if ent is None and best is None and kinds == {Kind.PERSON}:
        # The recogniser may call a person's surname an organisation ("Christie blasted ..."):
        # a speaker named by a bare proper name is the next best thing; failing that, the
        # last person whatever the gender the article seemed to give them.
        best = known.antecedent_before(pronoun.idx, {Kind.ORGANISATION}, is_bare_name)
        if best is None and gender is not Gender.UNKNOWN:
            guess = _antecedent_of_any_gender(cast, known, pronoun)
            if guess is not None:
                return guess
    if ent is None:
        return _known(best)
    subject = Referent(name, kind, lemma(ent.root), Resolved.CLAUSE_SUBJECT, (describe(ent.root),))
    if best is None or ent.start_char > best[0]:
        return subject
    return _known(best, considered=(subject,))


def _antecedent_of_any_gender(cast: Cast, known: Known, pronoun: Token) -> Referent | None:
    """The last person speaker or subject before ``pronoun``, gender aside: a guess, less sure."""
    best = known.antecedent_before(pronoun.idx, {Kind.PERSON})
    ent = cast.subject_before(pronoun)
    if ent is not None and (best is None or ent.start_char > best[0]):
        referent = Referent(cast.canonical_name_of(ent), Kind.PERSON, lemma(ent.root), Resolved.GUESSED_ANTECEDENT)
        return replace(referent, learned=(describe(ent.root),))
    if best is None:
        return None
    return Referent(best[1].name, best[1].kind, best[1].head_lemma, Resolved.GUESSED_ANTECEDENT)


def is_bare_name(entity: Entity) -> bool:
    """A speaker named by one or two capitalised words and nothing else: "Christie", not "the Tories"."""
    words = entity.name.split()
    return 1 <= len(words) <= SURNAME_PHRASE_MAX_WORDS and all(w[:1].isupper() for w in words) and not entity.name.endswith("s")


def _known(found: tuple[int, Entity] | None, considered: tuple[Referent, ...] = ()) -> Referent | None:
    if found is None:
        return None
    entity = found[1]
    return Referent(entity.name, entity.kind, entity.head_lemma, Resolved.ANTECEDENT, considered=considered)


def person(cast: Cast, known: Known, mention: Mention) -> Referent | None:
    """"Lopez said": a person's name, as the fullest name the article gives them.

    A short proper noun phrase that is the surname of a person named in full
    counts even when the tagger gave it another label. Near miss: "the
    mayor" is no name.
    """
    head = mention.head
    name = clean_name(mention.span.text)
    untagged_surname = (
        head.pos_ == "PROPN" and len(mention.phrase) <= SURNAME_PHRASE_MAX_WORDS and bool(cast.short_form_of(name))
    )
    if head.ent_type_ not in PERSON_LABELS and not untagged_surname:
        return None
    canonical = cast.canonical_person(name, head.idx, addressed_as(head), by_first_name(head))
    return Referent(canonical, Kind.PERSON, lemma(head), Resolved.PERSON_NAME)


def titled_person(cast: Cast, known: Known, mention: Mention) -> Referent | None:
    """"Russian President pledged", just after "Vladimir Putin": the title stands for the person.

    Only a bare or definite title ("the mayor"): for the person the article
    last gave that title ("the sporting director"), else for the person named
    last in the same paragraph; "a minister" is someone new, and "the
    ministers" are several people.
    """
    head, phrase = mention.head, mention.phrase
    if lemma(head) not in ROLE_WORDS or phrase[0].lower_ in INDEFINITE_DETERMINERS or head.tag_ in PLURAL_NOUN_TAGS:
        return None
    ent = cast.titled_before(head) or cast.person_just_named(head)
    if ent is None:
        return None
    return Referent(cast.canonical_name_of(ent), Kind.PERSON, lemma(ent.root), Resolved.TITLED_PERSON, (describe_title(head),))


def earlier_description(cast: Cast, known: Known, mention: Mention) -> Referent | None:
    """"The spokesperson said", after "a State Department spokesperson": the earlier speaker of that noun.

    Near miss: "a spokesperson" is indefinite and names someone new.
    """
    head, phrase = mention.head, mention.phrase
    if head.pos_ != "NOUN" or phrase[0].lower_ not in DEFINITE_DETERMINERS:
        return None
    earlier = known.last_with_lemma(lemma(head))
    if earlier is None or earlier[0] >= head.idx:
        return None
    entity = earlier[1]
    return Referent(entity.name, entity.kind, entity.head_lemma, Resolved.EARLIER_DESCRIPTION)


def organisation_noun(cast: Cast, known: Known, mention: Mention) -> Referent | None:
    """"The company said", after "Acme cut 200 jobs": a definite organisation noun stands for the organisation named.

    The last organisation named outside quotation marks, in this paragraph or
    the ``ORGANISATION_PARAGRAPHS`` before. Near misses: "a company" is
    indefinite; "the companies" are several.
    """
    ent = _organisation_meant(cast, mention.head)
    if ent is None:
        return None
    return Referent(organisation_name(ent), Kind.ORGANISATION, lemma(ent.root), Resolved.ORGANISATION_NAMED)


def _organisation_meant(cast: Cast, head: Token) -> SpacySpan | None:
    definite = any(c.dep_ == "det" and c.lower_ in DEFINITE_DETERMINERS for c in head.children)
    if head.ent_type_ or head.tag_ in PLURAL_NOUN_TAGS or lemma(head) not in COMPANY_NOUNS or not definite:
        return None
    return cast.organisation_before(head, ORGANISATION_PARAGRAPHS)


def organisation_name(ent: SpacySpan) -> str:
    """An organisation's name as the article gives it, without "the" or a possessive."""
    found = organisation_words(ent.root)
    return text_of(found[0]) if found is not None else clean_name(ent.text)


def document_author(cast: Cast, known: Known, mention: Mention) -> Referent | None:
    """"A report released by the Harbor Agency said", "a statement from the firm": the document speaks for its author.

    An author named by an organisation noun ("the discount phone firm") is the organisation named before.
    """
    author = authored_by(mention.head)
    if author is None:
        return None
    meant = _organisation_meant(cast, author)
    if meant is not None:
        name = organisation_name(meant)
    else:
        name = clean_name(cast.article.tokens_span(name_words(speaker_phrase(author))).text)
    return Referent(name, Kind.ORGANISATION, lemma(mention.head), Resolved.DOCUMENT_AUTHOR)


def description(cast: Cast, known: Known, mention: Mention) -> Referent:
    """Anyone else is named by the mention's words without a determiner: "experts", "spokesperson"."""
    name = clean_name(cast.article.tokens_span(name_words(mention.phrase)).text)
    return Referent(name, kind_of(mention.head), lemma(mention.head), Resolved.DESCRIPTION)


RESOLUTION_RULES: tuple[ResolutionRule, ...] = (
    pronoun,
    person,
    titled_person,
    organisation_noun,
    earlier_description,
    document_author,
    description,
)


class Resolver:
    """Resolves one article's speaker mentions, in text order, against what came before."""

    def __init__(self, article: Article) -> None:
        self.article = article
        self.cast = Cast(article)
        self.known = Known()

    def resolve(self, head: Token, in_first_person: bool = False) -> Resolution:
        """The entity a speaker head refers to, the span that names it here, and how it was found.

        ``in_first_person``: the quote speaks as "I", so a speaker named by one
        proper noun is a person, whatever label the recogniser gave it ("But
        Mutu has hit out, saying: “Chelsea have destroyed me.”").
        """
        mention = self._mention(named_head(head))
        referent = next(r for rule in RESOLUTION_RULES if (r := rule(self.cast, self.known, mention)) is not None)
        if in_first_person and referent.how is Resolved.DESCRIPTION and mention.head.tag_ == "NNP" and len(mention.phrase) == 1:
            referent = replace(referent, kind=Kind.PERSON)
        for other in referent.considered:
            self._make_known(other)
        if referent.how is Resolved.UNRESOLVED_PRONOUN:
            # "he" with no one to stand for names no one: the mention stays, less sure.
            return Resolution(None, mention.span, referent.how)
        entity = self._make_known(referent)
        if referent.how.names:
            self.known.learn(entity, describe(mention.head))
        self.known.add_mention(entity, mention.span)
        if referent.how.names:
            self.known.remember(mention.head, entity)
        return Resolution(entity, mention.span, referent.how)

    def _make_known(self, referent: Referent) -> Entity:
        entity = self.known.entity(referent.name, referent.kind, referent.head_lemma)
        for learned in referent.learned:
            self.known.learn(entity, learned)
        return entity

    def _mention(self, head: Token) -> Mention:
        # A pronoun is its own word; a name or a description runs over its phrase.
        phrase = [head] if is_pronoun(head) else speaker_phrase(head)
        return Mention(head, phrase, self.article.tokens_span(phrase))

    def gather_mentions(self) -> None:
        """Add every other place a person speaker is named, and what those places say of them."""
        people = {e.key: e for e in self.known.entities if e.kind is Kind.PERSON}
        if not people:
            return
        for ent in self.article.doc.ents:
            if ent.label_ not in PERSON_LABELS:
                continue
            entity = people.get(self.cast.canonical_name_of(ent).lower())
            if entity is None:
                continue
            self.known.add_mention(entity, self.article.tokens_span(name_tokens(ent.root)))
            self.known.learn(entity, describe(ent.root))
        for token in self.article.doc:
            if is_titled_description(self.article, token):
                named = self.cast.person_just_named(token, DESCRIPTION_PARAGRAPHS)
                if named is None or in_their_clause(token, named):
                    continue
                entity = people.get(self.cast.canonical_name_of(named).lower())
                if entity is not None:
                    self.known.learn(entity, describe_title(token))
        self.known.sort_mentions()


def in_their_clause(token: Token, ent: SpacySpan) -> bool:
    """Whether ``token`` is an argument of a clause whose subject is ``ent``: then it is someone else.

    "Melanie said to the Republican nominee": the nominee is not Melanie.
    Near miss: "Trump’s gains may fade if the Republican nominee’s stance ..."
    (the nominee is in another clause, and is Trump).
    """
    verb = next((a for a in token.ancestors if a.pos_ in VERB_POS), None)
    if verb is None:
        return False
    subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS]
    return any(ent.root.i in {t.i for t in s.subtree} for s in subjects) and not any(
        token.i in {t.i for t in s.subtree} for s in subjects
    )


def is_titled_description(article: Article, token: Token) -> bool:
    """A definite role outside quotation marks with no name of its own: "the Republican nominee", "the striker".

    It stands for the person named just before (``Cast.person_just_named``).
    Near misses: "a minister" (indefinite), "the ministers" (several),
    "Tory leader Michael Howard" (the title of a name, read with the name).
    """
    if token.pos_ not in NOUN_POS or token.ent_type_ or token.tag_ in PLURAL_NOUN_TAGS or lemma(token) not in ROLE_WORDS:
        return False
    if token.head.ent_type_ in PERSON_LABELS and token.dep_ in NAME_PART_DEPS | APPOSITION_DEPS:
        return False
    if any(c.dep_ == "appos" for c in token.children) or article.quoted_at(token) is not None:
        return False
    return any(c.dep_ == "det" and c.lower_ == "the" for c in token.children)
