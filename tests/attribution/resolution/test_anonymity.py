"""Anonymous sources: where the article says why it does not name a speaker (``resolution/anonymity.py``)."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from service.attribution.article import Article
from service.attribution.pipeline import attribute
from service.attribution.resolution.anonymity import (
    anonymity_granted,
    close_to_the_matter,
    fear_of_reprisal,
    modifier,
    name_withheld,
    not_authorised,
    reason_given,
    relative_clause,
    speaking_clause,
)
from service.attribution.results import SpeakerKind
from tests.attribution.sentences import HEALTH_MINISTER
from tests.parses import parse, word

BANKER_NOT_AUTHORISED = parse(
    "“The bid is dead,” said a banker involved in the talks, who was not authorised to speak publicly.",
    """
    0 “ " `` PUNCT punct 7
    1 The - DT DET det 2
    2 bid - NN NOUN nsubj 3
    3 is be VBZ AUX ccomp 7
    4 dead - JJ ADJ acomp 3
    5 , - , PUNCT punct 7
    6 ” " '' PUNCT punct 7
    7 said say VBD VERB ROOT 7
    8 a - DT DET det 9
    9 banker - NN NOUN nsubj 7
    10 involved involve VBN VERB acl 9
    11 in - IN ADP prep 10
    12 the - DT DET det 13
    13 talks talk NNS NOUN pobj 11
    14 , - , PUNCT punct 13
    15 who - WP PRON nsubjpass 18
    16 was be VBD AUX auxpass 18
    17 not - RB PART neg 18
    18 authorised authorise VBN VERB relcl 13
    19 to - TO PART aux 20
    20 speak - VB VERB xcomp 18
    21 publicly - RB ADV advmod 20
    22 . - . PUNCT punct 7
    """,
)
AIDE_IN_THE_ROOM = parse(
    "“The bid is dead,” said an aide who was in the room.",
    """
    0 “ " `` PUNCT punct 7
    1 The - DT DET det 2
    2 bid - NN NOUN nsubj 3
    3 is be VBZ AUX ccomp 7
    4 dead - JJ ADJ acomp 3
    5 , - , PUNCT punct 7
    6 ” " '' PUNCT punct 7
    7 said say VBD VERB ROOT 7
    8 an - DT DET det 9
    9 aide - NN NOUN nsubj 7
    10 who - WP PRON nsubj 11
    11 was be VBD AUX relcl 9
    12 in - IN ADP prep 11
    13 the - DT DET det 14
    14 room - NN NOUN pobj 12
    15 . - . PUNCT punct 7
    """,
)
OFFICIALS_ON_CONDITION = parse(
    "Two officials said on condition of anonymity that the bid was dead.",
    """
    0 Two - CD NUM nummod 1 B-CARDINAL
    1 officials official NNS NOUN nsubj 2
    2 said say VBD VERB ROOT 2
    3 on - IN ADP prep 2
    4 condition - NN NOUN pobj 3
    5 of - IN ADP prep 4
    6 anonymity - NN NOUN pobj 5
    7 that - IN SCONJ mark 10
    8 the - DT DET det 9
    9 bid - NN NOUN nsubj 10
    10 was be VBD AUX ccomp 2
    11 dead - JJ ADJ acomp 10
    12 . - . PUNCT punct 2
    """,
)
SOURCE_CLOSE_TO = parse(
    "A source close to the mayor said the bid was dead.",
    """
    0 A - DT DET det 1
    1 source - NN NOUN nsubj 6
    2 close - JJ ADJ amod 1
    3 to - IN ADP prep 2
    4 the - DT DET det 5
    5 mayor - NN NOUN pobj 3
    6 said say VBD VERB ROOT 6
    7 the - DT DET det 8
    8 bid - NN NOUN nsubj 9
    9 was be VBD AUX ccomp 6
    10 dead - JJ ADJ acomp 9
    11 . - . PUNCT punct 6
    """,
)
WORKER_DECLINED = parse(
    "A worker who declined to be identified for fear of reprisals said the shifts were cut.",
    """
    0 A - DT DET det 1
    1 worker - NN NOUN nsubj 11
    2 who - WP PRON nsubj 3
    3 declined decline VBD VERB relcl 1
    4 to - TO PART aux 6
    5 be - VB AUX auxpass 6
    6 identified identify VBN VERB xcomp 3
    7 for - IN ADP prep 6
    8 fear - NN NOUN pobj 7
    9 of - IN ADP prep 8
    10 reprisals reprisal NNS NOUN pobj 9
    11 said say VBD VERB ROOT 11
    12 the - DT DET det 13
    13 shifts shift NNS NOUN nsubjpass 15
    14 were be VBD AUX auxpass 15
    15 cut - VBN VERB ccomp 11
    16 . - . PUNCT punct 11
    """,
)
CLERK_WHO_WAS_NAMED = parse(
    "A clerk who was named in the lawsuit said the shifts were cut.",
    """
    0 A - DT DET det 1
    1 clerk - NN NOUN nsubj 8
    2 who - WP PRON nsubjpass 4
    3 was be VBD AUX auxpass 4
    4 named name VBN VERB relcl 1
    5 in - IN ADP prep 4
    6 the - DT DET det 7
    7 lawsuit - NN NOUN pobj 5
    8 said say VBD VERB ROOT 8
    9 the - DT DET det 10
    10 shifts shift NNS NOUN nsubjpass 12
    11 were be VBD AUX auxpass 12
    12 cut - VBN VERB ccomp 8
    13 . - . PUNCT punct 8
    """,
)
NURSE_AUTHORISED = parse(
    "A nurse who was authorised to sign the forms said the shifts were cut.",
    """
    0 A - DT DET det 1
    1 nurse - NN NOUN nsubj 9
    2 who - WP PRON nsubjpass 4
    3 was be VBD AUX auxpass 4
    4 authorised authorise VBN VERB relcl 1
    5 to - TO PART aux 6
    6 sign - VB VERB xcomp 4
    7 the - DT DET det 8
    8 forms form NNS NOUN dobj 6
    9 said say VBD VERB ROOT 9
    10 the - DT DET det 11
    11 shifts shift NNS NOUN nsubjpass 13
    12 were be VBD AUX auxpass 13
    13 cut - VBN VERB ccomp 9
    14 . - . PUNCT punct 9
    """,
)
AIDE_SPEAKING = parse(
    "“The bid is dead,” said the aide, speaking on condition of anonymity.",
    """
    0 “ " `` PUNCT punct 7
    1 The - DT DET det 2
    2 bid - NN NOUN nsubj 3
    3 is be VBZ AUX ccomp 7
    4 dead - JJ ADJ acomp 3
    5 , - , PUNCT punct 7
    6 ” " '' PUNCT punct 7
    7 said say VBD VERB ROOT 7
    8 the - DT DET det 9
    9 aide - NN NOUN nsubj 7
    10 , - , PUNCT punct 7
    11 speaking speak VBG VERB advcl 7
    12 on - IN ADP prep 11
    13 condition - NN NOUN pobj 12
    14 of - IN ADP prep 13
    15 anonymity - NN NOUN pobj 14
    16 . - . PUNCT punct 7
    """,
)
OFFICIAL_SAID_THE_TALKS = parse(
    "An official said the talks were held on condition of anonymity.",
    """
    0 An - DT DET det 1
    1 official - NN NOUN nsubj 2
    2 said say VBD VERB ROOT 2
    3 the - DT DET det 4
    4 talks talk NNS NOUN nsubjpass 6
    5 were be VBD AUX auxpass 6
    6 held hold VBN VERB ccomp 2
    7 on - IN ADP prep 6
    8 condition - NN NOUN pobj 7
    9 of - IN ADP prep 8
    10 anonymity - NN NOUN pobj 9
    11 . - . PUNCT punct 2
    """,
)
PERSON_WITH_KNOWLEDGE = parse(
    "A person with knowledge of the plans said the bid was dead.",
    """
    0 A - DT DET det 1
    1 person - NN NOUN nsubj 7
    2 with - IN ADP prep 1
    3 knowledge - NN NOUN pobj 2
    4 of - IN ADP prep 3
    5 the - DT DET det 6
    6 plans plan NNS NOUN pobj 4
    7 said say VBD VERB ROOT 7
    8 the - DT DET det 9
    9 bid - NN NOUN nsubj 10
    10 was be VBD AUX ccomp 7
    11 dead - JJ ADJ acomp 10
    12 . - . PUNCT punct 7
    """,
)
BANKER_WHO_ADVISED = parse(
    "A banker who advised the minister, who was not authorised to speak, said the bid was dead.",
    """
    0 A - DT DET det 1
    1 banker - NN NOUN nsubj 14
    2 who - WP PRON nsubj 3
    3 advised advise VBD VERB relcl 1
    4 the - DT DET det 5
    5 minister - NN NOUN dobj 3
    6 , - , PUNCT punct 5
    7 who - WP PRON nsubjpass 10
    8 was be VBD AUX auxpass 10
    9 not - RB PART neg 10
    10 authorised authorise VBN VERB relcl 5
    11 to - TO PART aux 12
    12 speak - VB VERB xcomp 10
    13 , - , PUNCT punct 14
    14 said say VBD VERB ROOT 14
    15 the - DT DET det 16
    16 bid - NN NOUN nsubj 17
    17 was be VBD AUX ccomp 14
    18 dead - JJ ADJ acomp 17
    19 . - . PUNCT punct 14
    """,
)

# Near miss: "anonymous" says the donor is unnamed, not why.
DONOR_ANONYMOUS = parse(
    "An anonymous donor said the gift was for the school.",
    """
    0 An - DT DET det 2
    1 anonymous - JJ ADJ amod 2
    2 donor - NN NOUN nsubj 3
    3 said say VBD VERB ROOT 3
    4 the - DT DET det 5
    5 gift - NN NOUN nsubj 6
    6 was be VBD AUX ccomp 3
    7 for - IN ADP prep 6
    8 the - DT DET det 9
    9 school - NN NOUN pobj 7
    10 . - . PUNCT punct 3
    """,
)


def reason(doc: Doc, speaker: str) -> str | None:
    found = reason_given(word(doc, speaker))
    return found.text if found is not None else None


def test_a_relative_clause_the_parser_hung_from_a_thing_in_the_description_is_the_speakers() -> None:
    # "who" is never "the talks": the clause says why the banker is not named.
    assert reason(BANKER_NOT_AUTHORISED, "banker") == "who was not authorised to speak publicly"


def test_a_relative_clause_about_someone_else_gives_the_speaker_no_reason() -> None:
    assert reason(BANKER_WHO_ADVISED, "banker") is None
    (clause,) = relative_clause(word(BANKER_WHO_ADVISED, "banker"))
    assert " ".join(t.text for t in clause) == "who advised the minister ,"


def test_a_clause_that_describes_without_a_reason_gives_none() -> None:
    assert reason(DONOR_ANONYMOUS, "donor") is None
    assert reason(AIDE_IN_THE_ROOM, "aide") is None
    assert reason(CLERK_WHO_WAS_NAMED, "clerk") is None
    assert reason(NURSE_AUTHORISED, "nurse") is None


def test_the_speaking_verb_may_say_it_was_on_condition_of_anonymity() -> None:
    assert reason(OFFICIALS_ON_CONDITION, "officials") == "on condition of anonymity"
    assert reason(AIDE_SPEAKING, "aide") == "speaking on condition of anonymity"


def test_what_was_said_is_no_reason() -> None:
    assert reason(OFFICIAL_SAID_THE_TALKS, "official") is None
    assert list(speaking_clause(word(OFFICIAL_SAID_THE_TALKS, "official"))) == []


def test_access_to_the_matter_is_the_reason_a_source_is_quoted_unnamed() -> None:
    assert reason(SOURCE_CLOSE_TO, "source") == "close to the mayor"
    assert reason(PERSON_WITH_KNOWLEDGE, "person") == "with knowledge of the plans"


def test_a_name_withheld_for_fear_of_reprisals() -> None:
    assert reason(WORKER_DECLINED, "worker") == "who declined to be identified for fear of reprisals"


def clause_of(doc: Doc, speaker: str) -> list[Token]:
    return next(iter(relative_clause(word(doc, speaker))))


def test_each_reason_rule_matches_its_own_sentence_and_not_a_near_miss() -> None:
    assert anonymity_granted(next(iter(speaking_clause(word(AIDE_SPEAKING, "aide")))))
    assert not anonymity_granted(list(DONOR_ANONYMOUS[0:3]))
    assert name_withheld(clause_of(WORKER_DECLINED, "worker"))
    assert not name_withheld(clause_of(CLERK_WHO_WAS_NAMED, "clerk"))
    assert not_authorised(list(BANKER_NOT_AUTHORISED[15:22]))
    assert not not_authorised(clause_of(NURSE_AUTHORISED, "nurse"))
    assert fear_of_reprisal(clause_of(WORKER_DECLINED, "worker"))
    assert not fear_of_reprisal(clause_of(NURSE_AUTHORISED, "nurse"))
    assert close_to_the_matter(next(iter(modifier(word(SOURCE_CLOSE_TO, "source")))))
    assert not close_to_the_matter(clause_of(AIDE_IN_THE_ROOM, "aide"))


def test_an_unnamed_speaker_is_anonymous_with_the_reason_the_article_gives() -> None:
    result = attribute(Article(BANKER_NOT_AUTHORISED))
    (quote,) = result.quotes
    speaker = quote.speaker
    assert speaker is not None and speaker.kind is SpeakerKind.UNNAMED_PERSON and speaker.anonymous
    assert speaker.anonymity is not None and speaker.anonymity.text == "who was not authorised to speak publicly"
    (entry,) = result.speakers
    assert entry.anonymous and entry.anonymity == speaker.anonymity


def test_an_unnamed_speaker_with_no_reason_given_is_anonymous_without_one() -> None:
    (entry,) = attribute(Article(AIDE_IN_THE_ROOM)).speakers
    assert entry.kind is SpeakerKind.UNNAMED_PERSON and entry.anonymous and entry.anonymity is None


def test_a_group_is_anonymous() -> None:
    (entry,) = attribute(Article(OFFICIALS_ON_CONDITION)).speakers
    assert entry.kind is SpeakerKind.GROUP and entry.anonymous
    assert entry.anonymity is not None and entry.anonymity.text == "on condition of anonymity"


def test_a_named_person_is_not_anonymous() -> None:
    (entry,) = attribute(Article(HEALTH_MINISTER)).speakers
    assert entry.kind is SpeakerKind.PERSON and not entry.anonymous and entry.anonymity is None
