"""Who is who across the article: one entity per speaker, however they are named.

A speaker is named many ways: "Daniel DePetris", then "DePetris", then "he";
"a U.S. State Department spokesperson", then "the spokesperson". ``Cast``
resolves each speaker head to one ``Entity`` with a canonical name (the
fullest the article gives):

- a person's name goes to the longest PERSON name in the article that ends in
  the same surname, allowing a slip of one letter ("Ushakiv" -> "Yuri Ushakov");
- a pronoun goes to the latest earlier speaker or person subject it can stand
  for (he/she: a person; they: a group or organisation; it: an organisation);
- a noun goes to the earlier speaker with the same head noun ("the
  spokesperson"); otherwise it names a new speaker, without its determiner.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from enum import Enum

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from service.attribution.affiliations import Description, authored_by, describe, describe_title
from service.attribution.article import Article
from service.attribution.lexicon import (
    FIRST_PERSON_PRONOUNS,
    NEUTER_PRONOUNS,
    ORGANISATION_LABELS,
    PERSON_LABELS,
    PERSONAL_PRONOUNS,
    PLACE_LABELS,
    PLURAL_PRONOUNS,
    SUBJECT_DEPS,
    SURNAME_MAX_EDITS,
    SURNAME_MIN_LENGTH_FOR_EDITS,
    TITLE_WORDS,
)
from service.attribution.model import Span
from service.attribution.speakers import name_words, named_head, speaker_phrase, strip_titles
from service.attribution.tagging import lemma

POSSESSIVE_ENDINGS = ("’s", "'s", "’", "'")


class Kind(Enum):
    PERSON = "person"
    ORGANISATION = "organisation"
    GROUP = "group"
    """A plural noun: "experts", "officials"."""
    UNKNOWN = "unknown"
    """An unresolved first-person pronoun or the like."""


@dataclass
class Entity:
    """One speaker of the article."""

    name: str
    kind: Kind
    head_lemma: str
    title: str | None = None
    affiliation: str | None = None
    mentions: list[Span] = field(default_factory=list)
    _seen: set[tuple[int, int]] = field(default_factory=set, repr=False)

    @property
    def key(self) -> str:
        return self.name.lower()

    def add_mention(self, span: Span) -> None:
        if (span.start, span.end) not in self._seen:
            self._seen.add((span.start, span.end))
            self.mentions.append(span)

    def learn(self, description: Description) -> None:
        """Keep the first title and affiliation the article gives."""
        self.title = self.title or description.title
        self.affiliation = self.affiliation or description.affiliation


def clean_name(text: str) -> str:
    """A name without a possessive ending or surrounding spaces: "Putin’s" -> "Putin"."""
    text = " ".join(text.split())
    for ending in POSSESSIVE_ENDINGS:
        if text.endswith(ending) and len(text) > len(ending):
            return text[: -len(ending)]
    return text


def person_name(ent: SpacySpan) -> str:
    """A PERSON entity's name without titles or possessive: "Mayor Elena Park’s" -> "Elena Park"."""
    words = strip_titles(list(ent))
    return clean_name("".join(t.text_with_ws for t in words))


def within_edits(a: str, b: str, limit: int) -> bool:
    """Whether ``a`` and ``b`` differ by at most ``limit`` edits (insert, delete, substitute)."""
    if abs(len(a) - len(b)) > limit:
        return False
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        if min(current) > limit:
            return False
        previous = current
    return previous[-1] <= limit


def same_surname(a: str, b: str) -> bool:
    """"Ushakiv" and "Ushakov" are one surname; "Cha" and "Chu" are not."""
    a, b = a.lower(), b.lower()
    if a == b:
        return True
    return min(len(a), len(b)) >= SURNAME_MIN_LENGTH_FOR_EDITS and within_edits(a, b, SURNAME_MAX_EDITS)


def _kind_of(head: Token) -> Kind:
    if head.ent_type_ in PERSON_LABELS:
        return Kind.PERSON
    if head.ent_type_ in ORGANISATION_LABELS | PLACE_LABELS:
        return Kind.ORGANISATION
    if head.tag_ in ("NNS", "NNPS"):
        return Kind.GROUP
    if head.pos_ == "PROPN":
        return Kind.ORGANISATION
    return Kind.PERSON if head.pos_ == "NOUN" else Kind.UNKNOWN


class Cast:
    """The article's speakers, resolved one mention at a time in text order."""

    def __init__(self, article: Article) -> None:
        self.article = article
        self.entities: list[Entity] = []
        self._by_key: dict[str, Entity] = {}
        self._people = self._full_names(article)
        self._short_forms: dict[str, list[tuple[int, str]]] = {}
        # PERSON names, and those that are the subject of a clause outside
        # quotation marks, each with its token index for binary search.
        self._persons = [e for e in article.doc.ents if e.label_ in PERSON_LABELS]
        self._person_starts = [e.start for e in self._persons]
        self._subjects = [
            e for e in self._persons if e.root.dep_ in SUBJECT_DEPS and article.quoted_at(e.root) is None
        ]
        self._subject_starts = [e.start for e in self._subjects]
        # Every named speaker so far, in text order (speakers are resolved so),
        # and the last one for each head noun.
        self._antecedents: list[tuple[int, Entity]] = []
        self._antecedent_positions: list[int] = []
        self._last_by_lemma: dict[str, tuple[int, Entity]] = {}

    @staticmethod
    def _full_names(article: Article) -> list[tuple[int, str]]:
        """(position, name) of PERSON names of two words or more (titles left out), in text order."""
        names = []
        for ent in article.doc.ents:
            if ent.label_ in PERSON_LABELS:
                name = person_name(ent)
                if len(name.split()) >= 2:
                    names.append((ent.start_char, name))
        return names

    def _entity(self, name: str, kind: Kind, head_lemma: str) -> Entity:
        entity = self._by_key.get(name.lower())
        if entity is None:
            entity = Entity(name, kind, head_lemma)
            self._by_key[entity.key] = entity
            self.entities.append(entity)
        return entity

    def canonical_person(self, name: str, position: int | None = None) -> str:
        """The fullest PERSON name in the article that ``name`` is a short form of.

        "Putin" -> "Vladimir Putin"; "Ushakiv" -> "Yuri Ushakov". Of several
        people with one surname, the one named last before ``position`` wins
        (else the first after it). A full name is never swapped for another
        person's: "Maria Lopez" stays herself beside "Carlos Lopez".
        """
        matches = self._short_form_of(name)
        if not matches:
            return name
        before = [full for at, full in matches if position is not None and at <= position]
        chosen = before[-1] if before else matches[0][1]
        return chosen if len(chosen.split()) >= len(name.split()) else name

    def _short_form_of(self, name: str) -> list[tuple[int, str]]:
        """(position, full name) of every fuller name ``name`` may stand for, in text order."""
        cached = self._short_forms.get(name)
        if cached is not None:
            return cached
        words = name.lower().split()
        found = []
        for at, full in self._people if words else []:
            full_words = full.lower().split()
            if same_surname(full_words[-1], words[-1]) and all(w in full_words for w in words[:-1]):
                found.append((at, full))
        self._short_forms[name] = found
        return found

    def resolve(self, head: Token) -> tuple[Entity, Span]:
        """The entity a speaker head refers to, and the span that names it here."""
        head = named_head(head)
        lower = head.lower_
        mention = self.article.tokens_span([head])
        if head.tag_ in ("PRP", "PRP$") or lower in PERSONAL_PRONOUNS | PLURAL_PRONOUNS | NEUTER_PRONOUNS:
            entity = self._antecedent(head) or self._entity(head.text, Kind.UNKNOWN, lower)
            entity.add_mention(mention)
            return entity, mention
        phrase = speaker_phrase(head)
        mention = self.article.tokens_span(phrase)
        name = clean_name(mention.text)
        if head.ent_type_ in PERSON_LABELS or (head.pos_ == "PROPN" and len(phrase) <= 2 and self._short_form_of(name)):
            # A surname the tagger took for an organisation is still the person.
            entity = self._entity(self.canonical_person(name, head.idx), Kind.PERSON, lemma(head))
        else:
            entity = self._nominal(head, phrase, _kind_of(head))
        entity.learn(describe(head))
        entity.add_mention(mention)
        self._remember(head, entity)
        return entity, mention

    def _remember(self, head: Token, entity: Entity) -> None:
        at = bisect_right(self._antecedent_positions, head.idx)
        self._antecedent_positions.insert(at, head.idx)
        self._antecedents.insert(at, (head.idx, entity))
        head_lemma = lemma(head)
        if head_lemma not in self._last_by_lemma or self._last_by_lemma[head_lemma][0] < head.idx:
            self._last_by_lemma[head_lemma] = (head.idx, entity)

    def _nominal(self, head: Token, phrase: list[Token], kind: Kind) -> Entity:
        """A noun phrase speaker, in order: a title standing for the person just
        named, the earlier speaker with the same head noun, the author of a
        document, or a new speaker named by the phrase without its determiner."""
        head_lemma = lemma(head)
        titled = self._titled_person(head, phrase)
        if titled is not None:
            return titled
        is_definite = any(t.lower_ in ("the", "this", "that") for t in phrase[:1])
        if head.pos_ == "NOUN" and is_definite:
            earlier = self._last_by_lemma.get(head_lemma)
            if earlier is not None and earlier[0] < head.idx:
                return earlier[1]
        author = authored_by(head)
        if author is not None:
            return self._entity(clean_name(self.article.tokens_span(name_words(speaker_phrase(author))).text), Kind.ORGANISATION, head_lemma)
        name = clean_name(self.article.tokens_span(name_words(phrase)).text)
        return self._entity(name, kind, head_lemma)

    def _titled_person(self, head: Token, phrase: list[Token]) -> Entity | None:
        """"Russian President pledged", just after "Vladimir Putin": the title stands for the person.

        Only a bare or definite title ("the mayor"), and only for a person named
        earlier in the same paragraph; "a minister" is someone new.
        """
        if lemma(head) not in TITLE_WORDS or phrase[0].lower_ in ("a", "an", "another"):
            return None
        if head.tag_ in ("NNS", "NNPS"):
            return None  # "the ministers" are several people, not the one just named
        paragraph = self.article.paragraph_of(head.idx)
        for k in range(bisect_left(self._person_starts, head.i) - 1, -1, -1):
            ent = self._persons[k]
            if self.article.paragraph_of(ent.start_char) != paragraph:
                return None
            if self.article.quoted_at(ent.root) is not None:
                continue
            entity = self._entity(self.canonical_person(person_name(ent), ent.start_char), Kind.PERSON, lemma(ent.root))
            entity.learn(describe_title(head))
            return entity
        return None

    def _antecedent(self, pronoun: Token) -> Entity | None:
        """The latest earlier speaker (or person subject) a pronoun can stand for."""
        lower = pronoun.lower_
        if lower in FIRST_PERSON_PRONOUNS:
            return None
        if lower in PERSONAL_PRONOUNS:
            kinds = {Kind.PERSON}
        elif lower in PLURAL_PRONOUNS:
            kinds = {Kind.GROUP, Kind.ORGANISATION}
        else:
            kinds = {Kind.ORGANISATION}
        best = None
        for k in range(bisect_left(self._antecedent_positions, pronoun.idx) - 1, -1, -1):
            if self._antecedents[k][1].kind in kinds:
                best = self._antecedents[k]
                break
        subject = self._person_subject_before(pronoun) if kinds == {Kind.PERSON} else None
        if subject is not None and (best is None or subject[0] > best[0]):
            return subject[1]
        return best[1] if best else None

    def _person_subject_before(self, pronoun: Token) -> tuple[int, Entity] | None:
        """The last PERSON outside quotation marks that is the subject of a clause before ``pronoun``."""
        k = bisect_left(self._subject_starts, pronoun.i) - 1
        if k >= 0:
            ent = self._subjects[k]
            entity = self._entity(
                self.canonical_person(person_name(ent), ent.start_char), Kind.PERSON, lemma(ent.root)
            )
            entity.learn(describe(ent.root))
            return ent.start_char, entity
        return None

    def gather_mentions(self) -> None:
        """Add every other place a person speaker is named, and what those places say of them."""
        people = {e.key: e for e in self.entities if e.kind is Kind.PERSON}
        if not people:
            return
        for ent in self.article.doc.ents:
            if ent.label_ not in PERSON_LABELS:
                continue
            key = self.canonical_person(person_name(ent), ent.start_char).lower()
            entity = people.get(key)
            if entity is None:
                continue
            entity.add_mention(self.article.tokens_span(strip_titles(list(ent))))
            entity.learn(describe(ent.root))
        for entity in self.entities:
            entity.mentions.sort(key=lambda m: m.start)
