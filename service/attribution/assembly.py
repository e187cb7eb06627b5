"""The last stage: quotes found and speakers resolved, copied into the frozen ``results``.

Speakers are numbered in the order their quotes first name them; a quote's
confidence is its rule's, lowered by how its speaker was resolved.
"""

from __future__ import annotations

from service.attribution.article import Article
from service.attribution.quotes import Found
from service.attribution.resolution.entities import Entity, Kind, Profile
from service.attribution.resolution.values import AUTHOR, Known, Resolution
from service.attribution.results import Attribution, Pronoun, Quote, SourceFacts, Span, Speaker, SpeakerEntry, SpeakerKind

KINDS = {
    Kind.GROUP: SpeakerKind.GROUP,
    Kind.ORGANISATION: SpeakerKind.ORGANISATION,
    Kind.DOCUMENT: SpeakerKind.DOCUMENT,
}
ANONYMOUS_KINDS = frozenset({SpeakerKind.UNNAMED_PERSON, SpeakerKind.GROUP})
PERSON_KINDS = frozenset({SpeakerKind.PERSON, SpeakerKind.UNNAMED_PERSON})
"""The kinds of source the article may call "he", "she" or "they" as one person."""
"""The kinds of source that may go unnamed: a person described ("a spokeswoman") and a group ("residents")."""


def speaker_order(resolutions: dict[int, Resolution]) -> list[Entity]:
    """The entities that speak, ordered by where a quote first names them."""
    first: dict[int, tuple[int, Entity]] = {}
    for resolution in resolutions.values():
        entity, start = resolution.entity, resolution.mention.start
        if entity is None:
            continue
        if entity.id not in first or start < first[entity.id][0]:
            first[entity.id] = (start, entity)
    return [entity for _, entity in sorted(first.values(), key=lambda pair: pair[0])]


def assemble(article: Article, found: list[Found], resolutions: dict[int, Resolution], known: Known) -> Attribution:
    """The article's ``Attribution``: ``resolutions`` holds, by index into ``found``, each speaker's."""
    order = speaker_order(resolutions)
    ids = {entity.id: f"s{n}" for n, entity in enumerate(order, 1)}
    # What the article says of each speaker, read once: every quote of theirs and their entry share it.
    said = {entity.id: _said_of(entity, known) for entity in order}
    quotes_of: dict[int, list[int]] = {entity.id: [] for entity in order}
    quotes = []
    for n, item in enumerate(found):
        speaker = None
        confidence = item.rule.confidence
        resolution = resolutions.get(n)
        if resolution is not None:
            speaker = _speaker(resolution, ids, said)
            if resolution.entity is not None:
                quotes_of[resolution.entity.id].append(n)
            confidence *= resolution.how.factor
        quotes.append(
            Quote(
                id=f"q{n + 1}",
                span=article.span(item.start, item.end),
                type=item.type,
                parts=tuple(article.span(s, e) for s, e in item.parts),
                cue=article.tokens_span(item.cue) if item.cue else None,
                speaker=speaker,
                rule=item.rule,
                confidence=round(confidence, 2),
            )
        )
    speakers = tuple(_entry(ids[entity.id], entity, said[entity.id], quotes_of[entity.id]) for entity in order)
    return Attribution(tuple(quotes), speakers)


Said = tuple[Profile, SourceFacts]
"""What the article says of a speaker: its profile, and the facts a quote's speaker and its entry both give."""


def _speaker(resolution: Resolution, ids: dict[int, str], said: dict[int, Said]) -> Speaker:
    """The speaker of one quote; a pronoun that stands for no one named keeps its mention, and no name."""
    entity = resolution.entity
    if entity is None:
        return Speaker(None, None, resolution.mention, None, None)
    profile, facts = said[entity.id]
    title, affiliation = profile.title, profile.affiliation
    return Speaker(
        ids[entity.id],
        entity.name,
        resolution.mention,
        title.text if title else None,
        affiliation.text if affiliation else None,
        **facts.facts(),
    )


def _entry(speaker_id: str, entity: Entity, said: Said, quotes: list[int]) -> SpeakerEntry:
    profile, facts = said
    title, affiliation = profile.title, profile.affiliation
    return SpeakerEntry(
        speaker_id,
        entity.name,
        title.text if title else None,
        affiliation.text if affiliation else None,
        profile.mentions,
        tuple(quotes),
        **facts.facts(),
    )


def _said_of(entity: Entity, known: Known) -> Said:
    """What the article says of an entity beyond its name, title and affiliation: the same in a quote's
    speaker and in the list of speakers."""
    profile = known.profile(entity)
    title, affiliation = profile.title, profile.affiliation
    kind = kind_of_source(entity)
    anonymous = is_anonymous(entity, kind)
    pronoun, pronoun_mention = _pronoun(profile, kind)
    facts = SourceFacts(
        title_mention=title.span if title else None,
        affiliation_mention=affiliation.span if affiliation else None,
        kind=kind,
        anonymous=anonymous,
        anonymity=profile.anonymity if anonymous else None,
        pronoun=pronoun,
        pronoun_mention=pronoun_mention,
    )
    return profile, facts


def kind_of_source(entity: Entity) -> SpeakerKind | None:
    """What kind of source an entity is: a person the article names, or one it only describes, a group, ...

    "Ana Ruiz" is a person, "a spokeswoman" an unnamed person, "two
    officials" a group. Near miss: a thing no kind fits ("the photo") has
    none.
    """
    if entity.kind is Kind.PERSON:
        return SpeakerKind.PERSON if entity.named else SpeakerKind.UNNAMED_PERSON
    return KINDS.get(entity.kind)


def is_anonymous(entity: Entity, kind: SpeakerKind | None) -> bool:
    """An anonymous source: a person or a group the article never names ("a banker involved in the talks", "two officials").

    Near misses: "Ana Ruiz" (named), "Acme" (an organisation speaks for
    itself), "the report" (a document), and "I" outside quotation marks (the
    article's author, whom the byline names).
    """
    return kind in ANONYMOUS_KINDS and entity.name != AUTHOR


def _pronoun(profile: Profile, kind: SpeakerKind | None) -> tuple[Pronoun | None, Span | None]:
    """The pronoun the article uses for a person, and where it was read; none for groups, organisations, documents."""
    if kind not in PERSON_KINDS or profile.pronoun is None:
        return None, None
    return profile.pronoun, profile.pronoun_mention
