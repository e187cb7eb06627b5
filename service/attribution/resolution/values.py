"""The values resolution works with: how a mention was resolved, whom it refers to, who is known so far.

``resolution`` asks its rules with them; only ``Resolver`` writes to ``Known``.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from enum import Enum

from spacy.tokens import Token

from service.attribution.resolution.titles import Description, Piece
from service.attribution.resolution.entities import Entity, Kind, Profile
from service.attribution.resolution.genders import Clue, pronoun_used
from service.attribution.lexicon import GUESSED_ANTECEDENT_FACTOR, UNRESOLVED_PRONOUN_FACTOR
from service.attribution.results import Span
from service.attribution.tagging import lemma


AUTHOR = "the author"
"""The name of whoever wrote the article, when it speaks in the first person outside quotation marks."""


class Basis(Enum):
    """How a mention was resolved: whether it names its speaker, and how far that is trusted."""

    names: bool
    factor: float

    def __new__(cls, label: str, names: bool, factor: float) -> Basis:
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
    DOCUMENT = ("document", True, 1.0)
    """A document speaks ("the report found"), for whoever issued it."""
    ORGANISATION_NAMED = ("organisation named", True, 1.0)
    """"the company", standing for the organisation the article named just before."""
    DESCRIPTION = ("description", True, 1.0)
    """Someone described, not named: "a spokeswoman", "two officials"."""
    PROPER_NAME = ("proper name", True, 1.0)
    """A proper name no rule before knows: "Brightwater Foods", a surname of no one named in full."""


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
    how: Basis
    learned: tuple[Description, ...] = ()
    considered: tuple[Referent, ...] = ()
    """Others the rule weighed and the article makes known here: a person subject a
    pronoun was weighed against is known from then on, with what its mention says."""
    qualifier: str = ""
    """What tells apart entities of one name: a document's issuer (two issuers' "statement" are two)."""

    @classmethod
    def known(cls, entity: Entity, how: Basis, considered: tuple[Referent, ...] = ()) -> Referent:
        """A referent for an entity already known: the same entity, found again ``how``."""
        return cls(entity.name, entity.kind, entity.head_lemma, how, considered=considered, qualifier=entity.qualifier)


@dataclass(frozen=True, slots=True)
class Resolution:
    """A mention resolved: its entity (none for a pronoun that stands for no one named), where it is, and how."""

    entity: Entity | None
    mention: Span
    how: Basis


@dataclass
class Known:
    """Who the article has named so far, in text order, and what it has said of them.

    The rules only read it; ``Resolver`` writes to it.
    """

    entities: list[Entity] = field(default_factory=list)
    _by_key: dict[str, Entity] = field(default_factory=dict)
    _descriptions: dict[int, list[Description]] = field(default_factory=dict)
    _mentions: dict[int, list[Span]] = field(default_factory=dict)
    _reasons: dict[int, list[Span]] = field(default_factory=dict)
    _clues: dict[int, dict[tuple[int, int], Clue]] = field(default_factory=dict)
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
        return profile_of(
            self._descriptions.get(entity.id, []),
            tuple(self._mentions[entity.id]),
            self._reasons.get(entity.id, []),
            list(self._clues.get(entity.id, {}).values()),
        )

    # --- written by the resolver only -------------------------------------------

    def entity(self, name: str, kind: Kind, head_lemma: str, qualifier: str = "", named: bool = True) -> Entity:
        """The entity named ``name`` (of ``qualifier``), made (with the next id) if it is new."""
        entity = self._by_key.get(Entity.key_of(name, qualifier))
        if entity is None:
            entity = Entity(len(self.entities), name, kind, head_lemma, qualifier, named)
            self._by_key[entity.key] = entity
            self.entities.append(entity)
            self._mentions[entity.id] = []
        return entity

    def learn(self, entity: Entity, description: Description) -> None:
        """Keep what a mention of ``entity`` says of them (``profile_of`` chooses among it)."""
        if description:
            self._descriptions.setdefault(entity.id, []).append(description)

    def learn_reason(self, entity: Entity, reason: Span) -> None:
        """Keep where the article says why ``entity`` is not named (``anonymity.reason_given``)."""
        self._reasons.setdefault(entity.id, []).append(reason)

    def learn_clue(self, entity: Entity, clue: Clue) -> None:
        """Keep a word that says which pronoun the article uses for ``entity`` (each word once)."""
        self._clues.setdefault(entity.id, {}).setdefault((clue.span.start, clue.span.end), clue)

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


def profile_of(
    descriptions: list[Description], mentions: tuple[Span, ...], reasons: Sequence[Span] = (), clues: Sequence[Clue] = ()
) -> Profile:
    """What the article says of one entity: the first honorific and title it gives, in text order,
    its first affiliation of the best rank (an organisation, else a person's office, else a place),
    the first reason it gives for not naming them, and the pronoun its words use for them."""
    def first(pieces: list[Piece | None]) -> Piece | None:
        given = [p for p in pieces if p is not None]
        return min(given, key=lambda p: p.span.start) if given else None

    ranked = [d for d in descriptions if d.affiliation is not None]
    best = min((d.rank for d in ranked), default=None)
    affiliation = first([d.affiliation for d in ranked if d.rank == best])
    anonymity = min(reasons, key=lambda span: span.start) if reasons else None
    pronoun, pronoun_mention = pronoun_used(clues) or (None, None)
    return Profile(
        first([d.honorific for d in descriptions]),
        first([d.title for d in descriptions]),
        affiliation,
        mentions,
        anonymity,
        pronoun,
        pronoun_mention,
    )


