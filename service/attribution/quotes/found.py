"""What the quote passes find: a quotation with its cue, its speaker's head and the rule."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Token

from service.attribution.results import QuoteType
from service.attribution.rules import Rule


@dataclass
class Found:
    """A quotation found in this article, before its speaker is resolved.

    Mutable for one step only: ``quotes.continue_speakers`` gives an
    unattributed quote the speaker of the one before it.
    """

    start: int
    end: int
    type: QuoteType
    parts: list[tuple[int, int]]
    cue: list[Token] | None
    speaker: Token | None
    rule: Rule
    quoted: list[int] = field(default_factory=list)
    """Indexes into ``Article.quoted`` of the quotations it holds."""


@dataclass(frozen=True)
class Attributed:
    """What a direct-quote rule found: the cue and the speaker's head."""

    cue: list[Token] | None
    speaker: Token
