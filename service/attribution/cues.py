"""Reporting expressions: the words that say someone said something.

A cue is a reporting verb ("said", "told", "warned"), "according to", or a
colon after a speaker. Each test here is one small predicate on a token; the
quote stage decides which cue governs which quotation.

Which verbs report speech, and through which frame ("said [that ...]",
"declined [to comment]", "blasted [the plan]"), is learned from PolNeAR's
train split: ``cue_frames.json`` holds, for each verb lemma and frame, how
often the parser sees it and how often the annotators marked it a cue
(``python -m service.attribution.training`` rebuilds it). A verb and frame
seen often enough report speech when their share passes
``CUE_FRAME_MIN_SHARE``; rarer ones fall back on the hand list ``SPEECH_VERBS``.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources

from spacy.tokens import Token

from service.attribution.lexicon import (
    ACCORDING_TO,
    CONTENT_DEPS,
    CUE_FRAME_MIN_COUNT,
    CUE_FRAME_MIN_SHARE,
    FINDING_VERBS,
    FRAME_VERBS,
    NAMING_VERBS,
    NOT_REPORTING_VERBS,
    SPEECH_VERBS,
    SUBJECT_DEPS,
    VERB_POS,
)
from service.attribution.nouns import is_document_noun
from service.attribution.tagging import lemma

CUE_FRAMES_FILE = "cue_frames.json"
CLAUSE, INFINITIVE, OBJECT = "ccomp", "xcomp", "dobj"

VERB_TAG_PREFIX = "VB"


def is_verb(token: Token) -> bool:
    """A verb by its part of speech or its fine tag (the tagger and the parser disagree at times)."""
    return token.pos_ in VERB_POS or token.tag_.startswith(VERB_TAG_PREFIX)


def is_speech_verb(token: Token) -> bool:
    """A verb of saying: "said", "warned", "told".

    Matches "Maxwell said"; rejects the noun in "the report's claim".
    """
    return is_verb(token) and lemma(token) in SPEECH_VERBS


def is_frame_verb(token: Token) -> bool:
    """A verb that reports speech when it frames a quotation: "..., he continued".

    Matches "continued" and every speech verb; rejects "went" in "he went home"
    (the quote stage only asks beside a quotation).
    """
    return is_verb(token) and lemma(token) in SPEECH_VERBS | FRAME_VERBS


def is_naming_verb(token: Token) -> bool:
    """A verb that names something with a quoted phrase: "described it as “...”"."""
    return is_verb(token) and lemma(token) in NAMING_VERBS


def is_according_to(token: Token) -> bool:
    """The "according" of "according to X"; rejects "accorded to him"."""
    return token.lower_ == ACCORDING_TO[0] and any(c.lower_ == ACCORDING_TO[1] for c in token.children)


def content_children(token: Token) -> list[Token]:
    """Children of a verb that hold what was said: clausal complements."""
    return [child for child in token.children if child.dep_ in CONTENT_DEPS]


def cue_tokens(token: Token) -> list[Token]:
    """The words of the cue: the verb with its particle ("point out"), or "according to"."""
    words = [token]
    for child in token.children:
        if child.dep_ == "prt" or (is_according_to(token) and child.lower_ == ACCORDING_TO[1]):
            words.append(child)
    return sorted(words, key=lambda t: t.i)


def verb_frame(token: Token) -> str | None:
    """How a verb takes what it reports: a clause, an infinitive or an object.

    "said [that it rained]" -> "ccomp"; "declined [to comment]" -> "xcomp";
    "blasted [the plan]" -> "dobj"; "said in an email" -> None.
    """
    deps = {child.dep_ for child in token.children}
    if deps & {"ccomp", "parataxis"}:
        return CLAUSE
    if "xcomp" in deps:
        return INFINITIVE
    if "dobj" in deps:
        return OBJECT
    return None


@cache
def learned_cue_frames() -> dict[tuple[str, str], tuple[int, int]]:
    """(lemma, frame) -> (times seen, times a cue), as learned from PolNeAR train."""
    data = json.loads(resources.files("service.attribution").joinpath(CUE_FRAMES_FILE).read_text(encoding="utf-8"))
    frames: dict[tuple[str, str], tuple[int, int]] = {}
    for key, (seen, cues) in data["frames"].items():
        verb, frame = key.split(" ")
        frames[(verb, frame)] = (seen, cues)
    return frames


def reporting_frame(token: Token) -> str | None:
    """The frame in which a verb reports speech here, or None if it does not.

    Learned: "blasted [the plan]" (a cue 85% of the times the parser sees it
    with an object) reports; "showed [the chart]" (under half) does not. A
    verb too rare to have learned from reports through a clause when it is on
    the hand list: "quipped [that ...]".
    """
    frame = verb_frame(token)
    return frame if frame is not None and reports_through(token, frame) else None


def reports_through(token: Token, frame: str) -> bool:
    """Whether this verb reports speech when it takes ``frame``, whatever it takes here.

    "says" reports through a clause (a cue nine times in ten with one);
    "means" does not ("I mean, ..."), nor "thinks" (a belief, ``NOT_REPORTING_VERBS``),
    unless a document finds it (``states_a_finding``).
    """
    if not is_verb(token):
        return False
    if states_a_finding(token, frame):
        return True
    if lemma(token) in NOT_REPORTING_VERBS:
        return False
    seen, cues = learned_cue_frames().get((lemma(token), frame), (0, 0))
    if seen >= CUE_FRAME_MIN_COUNT:
        return cues / seen >= CUE_FRAME_MIN_SHARE
    return frame == CLAUSE and lemma(token) in SPEECH_VERBS


def states_a_finding(token: Token, frame: str) -> bool:
    """"The report found that ...", "a study concluded that ...": a document reports what it found.

    A verb of finding (``FINDING_VERBS``) with a clause, whose subject is a
    document, a poll, a study or a filing (``nouns.is_document_noun``): what
    it found is its statement, whoever wrote it. Decided by the subject's
    kind, not the verb's: near miss "the reporter found that the pier was
    safe" (a person who finds comes to believe, ``NOT_REPORTING_VERBS``).
    """
    if frame != CLAUSE or lemma(token) not in FINDING_VERBS:
        return False
    return any(c.dep_ in SUBJECT_DEPS and c.pos_ == "NOUN" and not c.ent_type_ and is_document_noun(c) for c in token.children)
