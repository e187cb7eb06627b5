"""Who is who across the article: each speaker mention resolved to one entity.

A speaker is named many ways: "Daniel DePetris", then "DePetris", then "he";
"a U.S. State Department spokesperson", then "the spokesperson". Mentions are
resolved in text order by ``Resolver``; for each, the rules in
``RESOLUTION_RULES`` are asked in order, and the first that answers names the
entity (a ``Referent``):

1. ``pronoun`` (``pronouns``): he/she stand for the latest earlier person speaker, or the
   latest person subject if later; they for a group or organisation; it for
   an organisation; "I" outside quotation marks is the article's author; a
   pronoun with no one to stand for names no one (the mention stays, less sure);
2. ``person``: a person's name goes to the fullest PERSON name in the article
   that ends in the same surname, allowing a slip of one letter;
3. ``titled_person``: "the mayor" or a bare "Russian President" just after a
   person is named in the same paragraph is that person;
   ``named_next``: "a judge said", when the next sentence names "Judge Ana Ruiz";
4. ``organisation_noun``: "the company" is the organisation named before it;
5. ``earlier_description``: "the spokesperson" is the earlier speaker with
   the same head noun;
6. ``document`` (``documents``): "a report released by X" is a speaker of
   its own, a document, with X as its affiliation;
7. ``description``: otherwise a noun names a new speaker, without its
   determiner.

The rules read a ``Cast`` (the article's people, fixed once the article is
parsed) and ``Known`` (who has been named so far); only the resolver writes
to ``Known``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from service.attribution.article import Article
from service.attribution.resolution.anonymity import reason_given
from service.attribution.resolution.cast import Cast, organisation_name
from service.attribution.resolution.descriptions import describe, describe_title
from service.attribution.nouns import is_definite, is_person_noun, names_several
from service.attribution.resolution.entities import clean_name, Entity, Kind, kind_of, named_as_a_body
from service.attribution.resolution.genders import addressed_as, by_first_name, word_clue
from service.attribution.lexicon import (
    COMPANY_NOUNS,
    APPOSITION_DEPS,
    DEFINITE_DETERMINERS,
    DESCRIPTION_PARAGRAPHS,
    IN_ENTITY,
    INDEFINITE_DETERMINERS,
    NAME_LABELS,
    NAME_PART_DEPS,
    NOT_TITLES,
    NOUN_POS,
    OWNER_POSSESSIVES,
    PERSON_LABELS,
    PLURAL_NOUN_TAGS,
    QUANTIFIERS,
    ROLE_WORDS,
    SUBJECT_DEPS,
    SURNAME_PHRASE_MAX_WORDS,
    VERB_POS,
)
from service.attribution.phrases import described_phrase, name_tokens, name_words, named_head, speaker_phrase
from service.attribution.resolution.documents import document
from service.attribution.resolution.pronouns import is_pronoun, pronoun, stands_for
from service.attribution.resolution.titles import Description, Piece, Rank
from service.attribution.resolution.values import Known, Mention, Referent, Resolution, Basis
from service.attribution.tagging import lemma


# --- the rules, in order ------------------------------------------------------------

ResolutionRule = Callable[[Cast, Known, Mention], Referent | None]


def person(cast: Cast, known: Known, mention: Mention) -> Referent | None:
    """"Lopez said": a person's name, as the fullest name the article gives them.

    A short proper noun phrase that is the surname of a person named in full
    counts even when the tagger gave it another label, or took it for a
    common noun (``spelt_as_a_name``). Near miss: "the
    mayor" is no name.
    """
    head = mention.head
    if named_as_a_body(head):
        return None  # "the aid group Gatsby": an organisation's name (``description``)
    untagged = cast.untagged_name_at(head)
    if untagged is not None:
        # A name the recogniser missed ("Ana Ruiz, a nurse, spoke"): still a person.
        return Referent(cast.canonical_name_of(untagged), Kind.PERSON, lemma(head), Basis.PERSON_NAME)
    name = clean_name(mention.span.text)
    untagged_surname = (
        (head.pos_ == "PROPN" or spelt_as_a_name(head))
        and len(mention.phrase) <= SURNAME_PHRASE_MAX_WORDS
        and bool(cast.short_form_of(name))
    )
    if head.ent_type_ not in PERSON_LABELS and not untagged_surname:
        return None
    canonical = cast.canonical_person(name, head.idx, addressed_as(head), by_first_name(head))
    return Referent(canonical, Kind.PERSON, lemma(head), Basis.PERSON_NAME)


def spelt_as_a_name(head: Token) -> bool:
    """A noun written with a capital, whatever its tag: "“...,” Dalrymple said", "Sanders: ..." (tagged plural nouns).

    Only a name by its spelling: ``person`` takes it for a person only where
    it is the surname of someone the article names in full. Near miss: "the
    mayor".
    """
    return head.pos_ in NOUN_POS and head.is_title


def titled_person(cast: Cast, known: Known, mention: Mention) -> Referent | None:
    """"Russian President pledged", just after "Vladimir Putin": the title stands for the person.

    A bare or definite noun that names a person ("the mayor", "the lanky
    professor", ``is_person_noun``) stands for the person the article last
    gave that title ("the sporting director"), else, where no one spoke as
    that noun before (``earlier_description``'s), for the person the
    description fits in its paragraph or the one before
    (``Cast.described_person``). Near misses: "a minister" and "one
    adviser" are someone new, "the ministers" several people, "his father"
    someone's kin (``is_someones``).
    """
    head, phrase = mention.head, mention.phrase
    if not is_person_noun(head) or is_someones(head):
        return None
    if phrase[0].lower_ in INDEFINITE_DETERMINERS or names_several(head):
        return None
    ent = cast.titled_before(head)
    if ent is None:
        earlier = known.last_with_lemma(lemma(head))
        if earlier is not None and earlier[0] < head.idx:
            return None
        ent = cast.described_person(head, DESCRIPTION_PARAGRAPHS)
    if ent is None:
        return None
    return Referent(cast.canonical_name_of(ent), Kind.PERSON, lemma(ent.root), Basis.TITLED_PERSON, (describe_title(head),))


def named_next(cast: Cast, known: Known, mention: Mention) -> Referent | None:
    """"This week a judge said ... Judge Ana Ruiz made the remarks as ...": someone introduced by a role, named just after.

    An indefinite person noun whom the next sentence names with that same
    title is that person. Near misses: "a judge said ... Ana Ruiz, a
    lawyer, said" (another title: someone else); "a judge said" with no one
    named after (someone unnamed, ``description``).
    """
    head, phrase = mention.head, mention.phrase
    if phrase[0].lower_ not in INDEFINITE_DETERMINERS or names_several(head) or not is_person_noun(head):
        return None
    ent = cast.titled_next(head)
    if ent is None:
        return None
    return Referent(cast.canonical_name_of(ent), Kind.PERSON, lemma(ent.root), Basis.TITLED_PERSON, (describe_title(head),))


def is_someones(head: Token) -> bool:
    """A relation owned by someone ("his father", "Wise's dad", "her friend"): someone else than the owner.

    Near miss: "the laid-back resident" is owned by no one, and may be whoever was just named.
    """
    return lemma(head) in NOT_TITLES and any(c.dep_ == "poss" for c in head.children)


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
    return Referent.known(entity, Basis.EARLIER_DESCRIPTION)


def organisation_noun(cast: Cast, known: Known, mention: Mention) -> Referent | None:
    """"The company said", after "Acme cut 200 jobs": a definite organisation noun stands for the organisation named.

    The last organisation named outside quotation marks, in this paragraph or
    the ``ORGANISATION_PARAGRAPHS`` before. Near misses: "a company" is
    indefinite; "the companies" are several.
    """
    ent = cast.organisation_meant(mention.head)
    if ent is None:
        return None
    return Referent(organisation_name(ent), Kind.ORGANISATION, lemma(ent.root), Basis.ORGANISATION_NAMED)


def description(cast: Cast, known: Known, mention: Mention) -> Referent:
    """Anyone else is named by the mention's words without a determiner: "experts", "spokesperson".

    Someone new, described but not named ("a person familiar with the
    talks", "two officials who spoke on condition of anonymity"), is named
    by the whole description (``phrases.described_phrase``): its noun alone
    ("person") would tell no one apart. A proper name no rule before knew
    ("Brightwater Foods") names its speaker, though not as a person's known
    name. Near miss: "the spokesperson" is named by its noun.
    """
    phrase = described_phrase(mention.head) if introduces_someone(mention.phrase) else without_descriptor(mention.phrase)
    name = clean_name(cast.article.tokens_span(name_words(phrase)).text)
    how = Basis.PROPER_NAME if mention.head.pos_ == "PROPN" else Basis.DESCRIPTION
    return Referent(name, kind_of(mention.head), lemma(mention.head), how)


def without_descriptor(phrase: list[Token]) -> list[Token]:
    """A name without the common noun that describes it before it: "Somali group [al-Shabaab]",
    "the province's [Department of Community Services]".

    Near miss: "U.S. State Department" keeps "U.S.": a proper noun before a name is part of it.
    """
    named = [t for t in phrase if t.ent_type_ in NAME_LABELS and t.ent_iob_ in IN_ENTITY]
    if not named:
        return phrase
    start = min(t.i for t in named if t.ent_iob_ == "B") if any(t.ent_iob_ == "B" for t in named) else named[0].i
    before = [t for t in phrase if t.i < start]
    if any(t.pos_ == "NOUN" and t.is_lower for t in before):
        return [t for t in phrase if t.i >= start]
    return phrase


def introduces_someone(phrase: list[Token]) -> bool:
    """A phrase that brings someone new in: "a person ...", "one adviser", "two officials", "several lawyers"."""
    first = phrase[0]
    return first.lower_ in INDEFINITE_DETERMINERS | QUANTIFIERS or (first.tag_ == "CD" and first.dep_ == "nummod")


DESCRIBED = frozenset({Basis.DESCRIPTION, Basis.AUTHOR})
"""Ways of resolving that give an entity the article describes but does not name: "a spokeswoman", "I"."""

RESOLUTION_RULES: tuple[ResolutionRule, ...] = (
    pronoun,
    person,
    titled_person,
    named_next,
    organisation_noun,
    earlier_description,
    document,
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
        if in_first_person and referent.how is Basis.PROPER_NAME and mention.head.tag_ == "NNP" and len(mention.phrase) == 1:
            referent = replace(referent, kind=Kind.PERSON)
        for other in referent.considered:
            self._make_known(other)
        if referent.how is Basis.UNRESOLVED_PRONOUN:
            # "he" with no one to stand for names no one: the mention stays, less sure.
            return Resolution(None, mention.span, referent.how)
        entity = self._make_known(referent)
        if referent.how.names:
            self.known.learn(entity, self._named(describe(mention.head)))
        if not entity.named:
            # Why the article does not name them, if it says (whether they count as anonymous is ``assembly``'s).
            reason = reason_given(mention.head)
            if reason is not None:
                self.known.learn_reason(entity, reason)
        clue = word_clue(mention.head) if entity.kind is Kind.PERSON and referent.how is not Basis.GUESSED_ANTECEDENT else None
        if clue is not None:
            # "she said", "a spokeswoman said": the word that names the speaker here says which pronoun is theirs
            # (not a "she" given to someone only for want of a woman: that guess says nothing of them).
            self.known.learn_clue(entity, clue)
        self.known.add_mention(entity, mention.span)
        if referent.how.names:
            self.known.remember(mention.head, entity)
        return Resolution(entity, mention.span, referent.how)

    def _make_known(self, referent: Referent) -> Entity:
        named = referent.how not in DESCRIBED
        entity = self.known.entity(referent.name, referent.kind, referent.head_lemma, referent.qualifier, named)
        for learned in referent.learned:
            self.known.learn(entity, self._named(learned))
        return entity

    def _named(self, described: Description) -> Description:
        """``described`` with an organisation noun in the affiliation ("the firm’s founder") as the organisation named before it;
        without an affiliation where the noun is all of it and takes up no one ("a director of the company", none named)."""
        piece = described.affiliation
        if piece is None:
            return self._owned_by_pronoun(described)
        # The noun ends its piece ("the firm"); only a definite one refers back ("a firm’s founder" does not).
        noun = self.article.doc[self.article.token_at(piece.span.end - 1)]
        named = self.cast.organisation_meant(noun)
        if named is not None:
            return replace(described, affiliation=replace(piece, text=organisation_name(named)))
        definite = is_definite(noun)
        if definite and piece.text.lower() == noun.lower_ and lemma(noun) in COMPANY_NOUNS:
            return replace(described, affiliation=None)  # "the company" alone, taking up no one, says nothing
        return described

    def _owned_by_pronoun(self, described: Description) -> Description:
        """``described`` with the organisation its title's "its" or "their" stands for as the affiliation:
        "Acme Ltd said it would close a depot. Its chairwoman, Ann Reid, ..." (affiliation Acme Ltd).

        As "it" and "they" are resolved (``pronouns``); only an organisation is
        an affiliation. Near misses: "The players walked out. Their coach, Ann
        Reid, ..." (a group); "his lawyer" (a person's, no affiliation).
        """
        title = described.title
        if title is None:
            return described
        noun = self.article.doc[self.article.token_at(title.span.end - 1)]
        owner = next((c for c in noun.children if c.dep_ == "poss" and c.lower_ in OWNER_POSSESSIVES), None)
        if owner is None:
            return described
        meant = stands_for(self.cast, self.known, owner)
        if meant is None or meant.kind is not Kind.ORGANISATION or not meant.name:
            return described
        owned = Piece(meant.name, self.article.tokens_span([owner]), title.source)
        return replace(described, affiliation=owned, rank=Rank.ORGANISATION)

    def _mention(self, head: Token) -> Mention:
        # A pronoun is its own word; a name or a description runs over its phrase.
        phrase = [head] if is_pronoun(head) else speaker_phrase(head)
        return Mention(head, phrase, self.article.tokens_span(phrase))

    def gather_mentions(self) -> None:
        """Add every other place a person speaker is named, and what those places say of them."""
        people = {e.key: e for e in self.known.entities if e.kind is Kind.PERSON}
        if not people:
            return
        for known in people.values():
            for clue in self.cast.clues_of(known.name) if known.named else ():
                self.known.learn_clue(known, clue)
        # The cast's people: PERSON entities and the names the recogniser missed ("Kwame Iqbal is the leader of ...").
        for ent in self.cast.persons:
            entity = people.get(self.cast.canonical_name_of(ent).lower())
            if entity is None:
                continue
            self.known.add_mention(entity, self.article.tokens_span(name_tokens(ent.root)))
            self.known.learn(entity, self._named(describe(ent.root)))
        for token in self.article.tokens:
            if is_titled_description(self.article, token):
                named = self.cast.person_just_named(token, DESCRIPTION_PARAGRAPHS)
                if named is None or in_their_clause(token, named):
                    continue
                entity = people.get(self.cast.canonical_name_of(named).lower())
                if entity is not None:
                    self.known.learn(entity, self._named(describe_title(token)))
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
