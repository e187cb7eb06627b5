"""Every rule that attributes a quote, as a value: its name in the contract, its confidence, and why.

A quote carries the member of the rule that attributed it; the API's ``rule``
field is the member's value (its name), and ``openapi.yaml`` lists the same
names (a test holds the two together). A misspelt member fails at import,
where a misspelt string would silently fall to some default.

The confidence of a quote starts from its rule's (``Rule.confidence``) and is
lowered when its speaker could not be resolved (``resolution.values.Basis``).
Where two quotes overlap, the one with the surer rule stays
(``quotes.without_overlaps``): the order of confidences is part of the
engine's behaviour, not only of its report.
"""

from __future__ import annotations

from enum import Enum


class Rule(str, Enum):
    """A rule that attributed a quotation, with how far its attributions are trusted."""

    confidence: float
    reason: str

    def __new__(cls, name: str, confidence: float, reason: str) -> Rule:
        member = str.__new__(cls, name)
        member._value_ = name
        member.confidence = confidence
        member.reason = reason
        return member

    @classmethod
    def named(cls, name: str) -> Rule:
        """The rule the API calls ``name``; ``ValueError`` if there is none."""
        for rule in cls:
            if rule.value == name:
                return rule
        raise ValueError(f"no rule is called {name!r}")

    # Direct quotes: a frame beside the quotation (quotes.direct).
    FRAME_AFTER = (
        "frame_after",
        0.9,
        "“...,” he said: the commonest attribution in news copy, and the cue sits right beside the quote.",
    )
    DASH_AFTER = (
        "dash_after",
        0.8,
        "“...” ― Ana Ruiz: the epigraph form, with a name but no verb.",
    )
    FRAME_BEFORE = (
        "frame_before",
        0.85,
        "He said, “...”: as close as frame_after, but a cue before a quotation governs a clause more often.",
    )
    COLON_BEFORE = (
        "colon_before",
        0.7,
        "Her response was: “...”: no verb of saying, only a clause's subject before a colon.",
    )
    COLON_PARAGRAPH = (
        "colon_paragraph",
        0.8,
        "A paragraph ending “Caddell continued:” and a quote paragraph after it: a cue, one paragraph away.",
    )
    SPEAKER_COLON = (
        "speaker_colon",
        0.7,
        "Ana Ruiz: “...”: a label before a colon; labels name kinds of text as well as speakers.",
    )
    CONTINUATION = (
        "continuation",
        0.7,
        "A quote with no cue of its own, right after another: usually the same speaker, sometimes a reply.",
    )
    LAST_SPEAKER = (
        "last_speaker",
        0.55,
        "A quote with no cue, a paragraph or two after its speaker's last words: news copy gives a run of "
        "quotes to one speaker until it names another, but narrative stands between.",
    )
    # Reported speech: the speaker of a reporting verb (speakers.py).
    SUBJECT = (
        "subject",
        0.75,
        "The subject of a reporting verb: sure of the speaker, less of where the reported clause ends.",
    )
    INVERTED_SUBJECT = (
        "inverted_subject",
        0.7,
        "“Costs will rise, warned Ana Ruiz”: the speaker after a verb that follows its clause, which the parser took for an object.",
    )
    ACCORDING_TO = (
        "according_to",
        0.75,
        "“according to X”: the source is explicit, the statement is the sentence around it.",
    )
    QUOTED_AS_OBJECT = (
        "quoted_as_object",
        0.8,
        "“Tass quoted Rudenko as saying”: the construction names the speaker unambiguously.",
    )
    PASSIVE_AGENT = (
        "passive_agent",
        0.6,
        "“was announced by the ministry”: the agent is often a medium or an institution, not a speaker.",
    )
    INHERITED_SUBJECT = (
        "inherited_subject",
        0.65,
        "“..., adding that”: the speaker is borrowed from another verb's subject, a step removed.",
    )
    GOVERNED_FRAGMENT = (
        "governed_fragment",
        0.6,
        "“described it as “sacred””: a few quoted words under a naming verb, easily a scare quote.",
    )
    UNATTRIBUTED = (
        "unattributed",
        0.5,
        "A quotation that stands as a sentence but names no speaker: sure only that it is a quote.",
    )
