"""The engine's results: frozen dataclasses of offsets and strings.

Nothing here refers to spaCy. Results outlive the request's memory zone, so
every value is copied out of the parse into plain Python objects.

All offsets are Python string indices (Unicode code points) into the text
exactly as it was given, end exclusive, so ``text[span.start:span.end] ==
span.text`` always holds.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any
from enum import Enum

from service.attribution.rules import Rule


class QuoteType(str, Enum):
    """How a quotation is written."""

    DIRECT = "direct"
    """Words inside quotation marks, given as the speaker's own."""
    MIXED = "mixed"
    """A paraphrase that carries fragments inside quotation marks."""
    INDIRECT = "indirect"
    """Reported speech without quotation marks ("X said that ...")."""


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of the input text."""

    start: int
    end: int
    text: str

    @classmethod
    def of(cls, text: str, start: int, end: int) -> Span:
        """The span ``text[start:end]``."""
        return cls(start, end, text[start:end])


class SpeakerKind(str, Enum):
    """What kind of source a speaker is."""

    PERSON = "person"
    """A named individual: "Ana Ruiz"."""
    UNNAMED_PERSON = "unnamed_person"
    """An individual described but not named: "a spokeswoman", "the driver"."""
    GROUP = "group"
    """Several people spoken of together: "residents", "two officials"."""
    ORGANISATION = "organisation"
    """A company, agency, party, team or country speaking as one."""
    DOCUMENT = "document"
    """A report, statement, lawsuit, poll, study or ruling, for whoever issued it."""


class Pronoun(str, Enum):
    """The pronoun an article uses for a speaker, read from its own words, never guessed from a name."""

    HE = "he"
    """ "he", "him", "his", "Mr", "spokesman": the article speaks of a man."""
    SHE = "she"
    """ "she", "her", "Ms", "spokeswoman": the article speaks of a woman."""
    THEY = "they"
    """A person the article calls "they" ("Alex Reyes said they would ...")."""


@dataclass(frozen=True, slots=True, kw_only=True)
class SourceFacts:
    """What the article says of a speaker beyond its name, title and affiliation: where those two were read,
    what kind of source it is, whether it is anonymous and why, its pronoun. ``Speaker`` and ``SpeakerEntry``
    both carry them, by keyword."""

    title_mention: Span | None = None
    """The words the title was read from (anywhere in the article), so a reader can check it."""
    affiliation_mention: Span | None = None
    """The words the affiliation was read from."""
    kind: SpeakerKind | None = None
    """What kind of source this is; None where the engine cannot tell (an unresolved pronoun)."""
    anonymous: bool = False
    """A person or group the article never names ("a banker involved in the talks", "two officials")."""
    anonymity: Span | None = None
    """Where the article says why an anonymous source is not named ("who was not authorised to speak")."""
    pronoun: Pronoun | None = None
    """The pronoun the article uses for this person, read from its own words; None where it uses none."""
    pronoun_mention: Span | None = None
    """The words the pronoun was read from ("she", "Ms", "spokeswoman")."""

    def facts(self) -> dict[str, Any]:
        """These fields by name, to give a ``Speaker`` or a ``SpeakerEntry`` (``Speaker(..., **facts.facts())``)."""
        return {field.name: getattr(self, field.name) for field in fields(SourceFacts)}


@dataclass(frozen=True, slots=True)
class Speaker(SourceFacts):
    """Who a quote is attributed to, as seen from that quote."""

    id: str | None
    """The speaker's id in ``Attribution.speakers``; None when the mention names no one (an unresolved "he")."""
    name: str | None
    """Canonical name: the fullest name the article gives this speaker; None when the mention
    is a pronoun the article gives no one to stand for."""
    mention: Span
    """Where this quote names its speaker (a pronoun included)."""
    title: str | None
    affiliation: str | None


@dataclass(frozen=True, slots=True)
class Quote:
    """One quotation and its attribution."""

    id: str
    span: Span
    type: QuoteType
    parts: tuple[Span, ...]
    """The stretches inside quotation marks (none for reported speech)."""
    cue: Span | None
    """The reporting expression: a verb, "according to", a colon."""
    speaker: Speaker | None
    rule: Rule
    """The rule that attributed the quote (its value is the name the API gives)."""
    confidence: float


@dataclass(frozen=True, slots=True)
class SpeakerEntry(SourceFacts):
    """A speaker once, with every mention and quote of theirs."""

    id: str
    name: str
    title: str | None
    affiliation: str | None
    mentions: tuple[Span, ...]
    quotes: tuple[int, ...]
    """Indexes into ``Attribution.quotes``."""


@dataclass(frozen=True, slots=True)
class Timing:
    """Where the engine's time went on one text, in seconds."""

    parse: float = 0.0
    """spaCy's pipeline (parsed in a batch, each text carries an equal share of the batch's parse)."""
    attribution: float = 0.0
    """Everything after the parse: the rules."""


@dataclass(frozen=True, slots=True)
class Attribution:
    """Everything the engine found in one text."""

    quotes: tuple[Quote, ...]
    speakers: tuple[SpeakerEntry, ...]
    timing: Timing = Timing()
