"""The engine end to end on hand-built parses: frozen results whose offsets hold."""

from __future__ import annotations

import dataclasses

import pytest
from spacy.tokens import Doc

from service.attribution.article import Article
from service.attribution.results import Attribution, Pronoun, QuoteType, Span, SpeakerKind
from service.attribution.pipeline import attribute
from tests.attribution.resolution.test_documents import FERRIES_THEN_A_STATEMENT
from tests.attribution.sentences import MR_HALE
from tests.parses import parse


SPEAKER_THEN_PRONOUN = parse(
    "“We will open the clinic in March,” said Maria Lopez, an analyst at Harbor Institute.\n\n"
    "“The staff are ready,” she added.",
    r"""
    0 “ " `` PUNCT punct 10
    1 We - PRP PRON nsubj 3
    2 will - MD AUX aux 3
    3 open - VB VERB ccomp 10
    4 the - DT DET det 5
    5 clinic - NN NOUN dobj 3
    6 in - IN ADP prep 3
    7 March March NNP PROPN pobj 6 B-DATE
    8 , - , PUNCT punct 10
    9 ” " '' PUNCT punct 10
    10 said say VBD VERB ROOT 10
    11 Maria Maria NNP PROPN compound 12 B-PERSON
    12 Lopez Lopez NNP PROPN nsubj 10 I-PERSON
    13 , - , PUNCT punct 12
    14 an - DT DET det 15
    15 analyst - NN NOUN appos 12
    16 at - IN ADP prep 15
    17 Harbor Harbor NNP PROPN compound 18 B-ORG
    18 Institute Institute NNP PROPN pobj 16 I-ORG
    19 . - . PUNCT punct 10
    20 \n\n - _SP SPACE dep 19
    21 “ " `` PUNCT punct 29
    22 The - DT DET det 23
    23 staff - NN NOUN nsubj 24
    24 are be VBP AUX ccomp 29
    25 ready - JJ ADJ acomp 24
    26 , - , PUNCT punct 29
    27 ” " '' PUNCT punct 29
    28 she - PRP PRON nsubj 29
    29 added add VBD VERB ROOT 29
    30 . - . PUNCT punct 29
    """,
)


LONE_PRONOUN = parse(
    "“It is over,” he said.",
    """
    0 “ " `` PUNCT punct 7
    1 It - PRP PRON nsubj 2
    2 is be VBZ AUX ccomp 7
    3 over - RB ADV advmod 2
    4 , - , PUNCT punct 7
    5 ” " '' PUNCT punct 7
    6 he - PRP PRON nsubj 7
    7 said say VBD VERB ROOT 7
    8 . - . PUNCT punct 7
    """,
)


QUOTE_AFTER_NARRATIVE = parse(
    "The council met on Tuesday.\n\n“The roof will be fixed.”",
    r"""
    0 The - DT DET det 1
    1 council - NN NOUN nsubj 2
    2 met meet VBD VERB ROOT 2
    3 on - IN ADP prep 2
    4 Tuesday Tuesday NNP PROPN pobj 3 B-DATE
    5 . - . PUNCT punct 2
    6 \n\n - _SP SPACE dep 5
    7 “ " `` PUNCT punct 12
    8 The - DT DET det 9
    9 roof - NN NOUN nsubjpass 12
    10 will - MD AUX aux 12
    11 be - VB AUX auxpass 12
    12 fixed fix VBN VERB ROOT 12
    13 . - . PUNCT punct 12
    14 ” " '' PUNCT punct 12
    """,
)


NO_QUOTES = parse(
    "The council met on Tuesday.",
    """
    0 The - DT DET det 1
    1 council - NN NOUN nsubj 2
    2 met meet VBD VERB ROOT 2
    3 on - IN ADP prep 2
    4 Tuesday Tuesday NNP PROPN pobj 3 B-DATE
    5 . - . PUNCT punct 2
    """,
)


TWO_REPORTERS = parse(
    "Maria Lopez said the clinic was ready. Kim Sato said the staff were trained. She said the beds were new.",
    """
    0 Maria Maria NNP PROPN compound 1 B-PERSON
    1 Lopez Lopez NNP PROPN nsubj 2 I-PERSON
    2 said say VBD VERB ROOT 2
    3 the - DT DET det 4
    4 clinic - NN NOUN nsubj 5
    5 was be VBD AUX ccomp 2
    6 ready - JJ ADJ acomp 5
    7 . - . PUNCT punct 2
    8 Kim Kim NNP PROPN compound 9 B-PERSON
    9 Sato Sato NNP PROPN nsubj 10 I-PERSON
    10 said say VBD VERB ROOT 10
    11 the - DT DET det 12
    12 staff - NN NOUN nsubjpass 14
    13 were be VBD AUX auxpass 14
    14 trained train VBN VERB ccomp 10
    15 . - . PUNCT punct 10
    16 She - PRP PRON nsubj 17
    17 said say VBD VERB ROOT 17
    18 the - DT DET det 19
    19 beds bed NNS NOUN nsubj 20
    20 were be VBD AUX ccomp 17
    21 new - JJ ADJ acomp 20
    22 . - . PUNCT punct 17
    """,
)


ALL_ARTICLES = [SPEAKER_THEN_PRONOUN, LONE_PRONOUN, QUOTE_AFTER_NARRATIVE, NO_QUOTES, TWO_REPORTERS]


def spans_of(result: Attribution) -> list[Span]:
    """Every span in the results: quotes, their parts, cues and mentions, and speakers' mentions."""
    spans: list[Span] = []
    for quote in result.quotes:
        spans += [quote.span, *quote.parts]
        spans += [quote.cue] if quote.cue else []
        spans += [quote.speaker.mention] if quote.speaker else []
    for speaker in result.speakers:
        spans += speaker.mentions
    return spans


@pytest.mark.parametrize("doc", ALL_ARTICLES, ids=lambda doc: doc.text[:24])
def test_every_span_is_the_text_between_its_offsets(doc: Doc) -> None:
    result = attribute(Article(doc))
    for span in spans_of(result):
        assert doc.text[span.start : span.end] == span.text


@pytest.mark.parametrize("doc", ALL_ARTICLES, ids=lambda doc: doc.text[:24])
def test_speaker_ids_agree_with_the_speakers_list(doc: Doc) -> None:
    result = attribute(Article(doc))
    by_id = {s.id: s for s in result.speakers}
    assert len(by_id) == len(result.speakers)
    for n, quote in enumerate(result.quotes):
        if quote.speaker is not None and quote.speaker.id is None:
            # A pronoun that stands for no one named: its mention, no name, in no speaker's list.
            assert quote.speaker.name is None and quote.speaker.mention.text
            assert all(n not in entry.quotes for entry in result.speakers)
        elif quote.speaker is not None:
            entry = by_id[quote.speaker.id]
            assert (quote.speaker.name, quote.speaker.title, quote.speaker.affiliation) == (
                entry.name,
                entry.title,
                entry.affiliation,
            )
            assert n in entry.quotes
    for entry in result.speakers:
        speakers = [result.quotes[n].speaker for n in entry.quotes]
        assert [s.id if s else None for s in speakers] == [entry.id] * len(entry.quotes)


def test_results_are_frozen() -> None:
    result = attribute(Article(SPEAKER_THEN_PRONOUN))
    quote, speaker = result.quotes[0], result.speakers[0]
    for obj, attr in ((result, "quotes"), (quote, "rule"), (quote.span, "start"), (speaker, "name")):
        with pytest.raises(dataclasses.FrozenInstanceError):
            setattr(obj, attr, None)
    assert isinstance(result.quotes, tuple) and isinstance(speaker.mentions, tuple)


def test_a_speaker_and_a_pronoun_after_them_are_one_speaker() -> None:
    result = attribute(Article(SPEAKER_THEN_PRONOUN))
    assert [(q.id, q.span.text, q.type, q.rule, q.cue and q.cue.text) for q in result.quotes] == [
        ("q1", "We will open the clinic in March,", QuoteType.DIRECT, "frame_after", "said"),
        ("q2", "The staff are ready,", QuoteType.DIRECT, "frame_after", "added"),
    ]
    first, second = (q.speaker for q in result.quotes)
    assert first is not None and second is not None
    assert (first.id, first.name, first.mention.text) == ("s1", "Maria Lopez", "Maria Lopez")
    assert (second.id, second.name, second.mention.text) == ("s1", "Maria Lopez", "she")
    (entry,) = result.speakers
    assert (entry.id, entry.name, entry.title, entry.affiliation) == (
        "s1",
        "Maria Lopez",
        "analyst",
        "Harbor Institute",
    )
    assert [m.text for m in entry.mentions] == ["Maria Lopez", "she"]
    assert entry.quotes == (0, 1)


def test_a_resolved_pronoun_keeps_the_rules_confidence() -> None:
    result = attribute(Article(SPEAKER_THEN_PRONOUN))
    assert [q.confidence for q in result.quotes] == [0.9, 0.9]


def test_an_unresolved_pronoun_keeps_its_mention_names_no_one_and_lowers_the_confidence() -> None:
    result = attribute(Article(LONE_PRONOUN))
    (quote,) = result.quotes
    assert quote.speaker is not None and (quote.speaker.id, quote.speaker.name, quote.speaker.mention.text) == (None, None, "he")
    assert quote.confidence == 0.63
    assert result.speakers == ()


def test_speakers_are_numbered_in_the_order_they_are_named() -> None:
    result = attribute(Article(TWO_REPORTERS))
    assert [(q.type, q.speaker and q.speaker.id) for q in result.quotes] == [
        (QuoteType.INDIRECT, "s1"),
        (QuoteType.INDIRECT, "s2"),
        (QuoteType.INDIRECT, "s2"),
    ]
    assert [(s.id, s.name, s.quotes) for s in result.speakers] == [
        ("s1", "Maria Lopez", (0,)),
        ("s2", "Kim Sato", (1, 2)),
    ]


def test_a_quotation_no_rule_attributes_is_kept_without_a_speaker() -> None:
    result = attribute(Article(QUOTE_AFTER_NARRATIVE))
    (quote,) = result.quotes
    assert (quote.span.text, quote.speaker, quote.cue, quote.rule) == (
        "The roof will be fixed.",
        None,
        None,
        "unattributed",
    )
    assert result.speakers == ()


def test_an_article_without_quotations_gives_nothing() -> None:
    assert attribute(Article(NO_QUOTES)) == Attribution((), ())


# --- the pronoun the article uses for each speaker ------------------------------------------

# A woman named by surname only: "she" is given to her by the article alone.
ORTIZ_THEN_SHE = parse(
    "Ortiz runs the ferry. “The pier is safe,” Ortiz said. “We open on Monday,” she added.",
    """
    0 Ortiz Ortiz NNP PROPN nsubj 1 B-PERSON
    1 runs run VBZ VERB ROOT 1
    2 the - DT DET det 3
    3 ferry - NN NOUN dobj 1
    4 . - . PUNCT punct 1
    5 “ " `` PUNCT punct 13
    6 The - DT DET det 7
    7 pier - NN NOUN nsubj 8
    8 is be VBZ AUX ccomp 13
    9 safe - JJ ADJ acomp 8
    10 , - , PUNCT punct 13
    11 ” " '' PUNCT punct 13
    12 Ortiz Ortiz NNP PROPN nsubj 13 B-PERSON
    13 said say VBD VERB ROOT 13
    14 . - . PUNCT punct 13
    15 “ " `` PUNCT punct 17
    16 We - PRP PRON nsubj 17
    17 open - VBP VERB ccomp 23
    18 on - IN ADP prep 17
    19 Monday Monday NNP PROPN pobj 18 B-DATE
    20 , - , PUNCT punct 23
    21 ” " '' PUNCT punct 23
    22 she - PRP PRON nsubj 23
    23 added add VBD VERB ROOT 23
    24 . - . PUNCT punct 23
    """,
)
# Near miss: a first name says nothing, whatever it is.
FIRST_NAME_ONLY = parse(
    "“The pier is safe,” said Maria Ortiz.",
    """
    0 “ " `` PUNCT punct 7
    1 The - DT DET det 2
    2 pier - NN NOUN nsubj 3
    3 is be VBZ AUX ccomp 7
    4 safe - JJ ADJ acomp 3
    5 , - , PUNCT punct 7
    6 ” " '' PUNCT punct 7
    7 said say VBD VERB ROOT 7
    8 Maria Maria NNP PROPN compound 9 B-PERSON
    9 Ortiz Ortiz NNP PROPN nsubj 7 I-PERSON
    10 . - . PUNCT punct 7
    """,
)
SPOKESWOMAN_SAID = parse(
    "“The pier is safe,” a spokeswoman said.",
    """
    0 “ " `` PUNCT punct 9
    1 The - DT DET det 2
    2 pier - NN NOUN nsubj 3
    3 is be VBZ AUX ccomp 9
    4 safe - JJ ADJ acomp 3
    5 , - , PUNCT punct 9
    6 ” " '' PUNCT punct 9
    7 a - DT DET det 8
    8 spokeswoman - NN NOUN nsubj 9
    9 said say VBD VERB ROOT 9
    10 . - . PUNCT punct 9
    """,
)


def test_she_said_of_a_woman_named_by_surname_only_is_her_pronoun() -> None:
    result = attribute(Article(ORTIZ_THEN_SHE))
    (ortiz,) = result.speakers
    assert (ortiz.name, ortiz.pronoun) == ("Ortiz", Pronoun.SHE)
    at = ORTIZ_THEN_SHE.text.index("she")
    assert ortiz.pronoun_mention == Span(at, at + 3, "she")
    assert all(q.speaker is not None and q.speaker.pronoun is Pronoun.SHE for q in result.quotes)


def test_no_pronoun_is_guessed_from_a_first_name() -> None:
    (ortiz,) = attribute(Article(FIRST_NAME_ONLY)).speakers
    assert (ortiz.name, ortiz.pronoun, ortiz.pronoun_mention) == ("Maria Ortiz", None, None)


def test_a_gendered_noun_gives_an_unnamed_speaker_a_pronoun() -> None:
    (speaker,) = attribute(Article(SPOKESWOMAN_SAID)).speakers
    assert speaker.kind is SpeakerKind.UNNAMED_PERSON and speaker.anonymous
    at = SPOKESWOMAN_SAID.text.index("spokeswoman")
    assert (speaker.pronoun, speaker.pronoun_mention) == (Pronoun.SHE, Span(at, at + 11, "spokeswoman"))


def test_an_honorific_gives_a_named_person_a_pronoun() -> None:
    (hale,) = attribute(Article(MR_HALE)).speakers
    assert (hale.name, hale.pronoun, hale.pronoun_mention) == ("Hale", Pronoun.HE, Span(0, 2, "Mr"))


def test_organisations_groups_and_documents_have_no_pronoun() -> None:
    result = attribute(Article(FERRIES_THEN_A_STATEMENT))
    assert [(s.kind, s.pronoun) for s in result.speakers] == [(SpeakerKind.ORGANISATION, None), (SpeakerKind.DOCUMENT, None)]
