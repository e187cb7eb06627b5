"""Reporting cues: one predicate on a token each, on hand-built parses."""

from __future__ import annotations

from spacy.tokens import Token

from service.attribution.cues import (
    content_children,
    cue_tokens,
    is_according_to,
    is_frame_verb,
    is_naming_verb,
    is_speech_verb,
    learned_cue_frames,
    reporting_frame,
    reports_through,
    states_a_finding,
    verb_frame,
)
from service.attribution.article import Article
from service.attribution.pipeline import attribute
from service.attribution.results import QuoteType, SpeakerKind
from tests.attribution.sentences import ACCORDING_TO_LOPEZ, SAID_IN_AN_EMAIL
from tests.parses import parse, word


SAID_WITHOUT_THAT = parse(
    "Maria Lopez said the clinic would open in March.",
    """
    0 Maria Maria NNP PROPN compound 1 B-PERSON
    1 Lopez Lopez NNP PROPN nsubj 2 I-PERSON
    2 said say VBD VERB ROOT 2
    3 the - DT DET det 4
    4 clinic - NN NOUN nsubj 6
    5 would - MD AUX aux 6
    6 open - VB VERB ccomp 2
    7 in - IN ADP prep 6
    8 March March NNP PROPN pobj 7 B-DATE
    9 . - . PUNCT punct 2
    """,
)


CLAIM_AS_NOUN = parse(
    "The report’s claim was disputed.",
    """
    0 The - DT DET det 1
    1 report - NN NOUN poss 3
    2 ’s - POS PART case 1
    3 claim - NN NOUN nsubjpass 5
    4 was be VBD AUX auxpass 5
    5 disputed dispute VBN VERB ROOT 5
    6 . - . PUNCT punct 5
    """,
)


CONTINUED = parse(
    "“We are not finished,” Lopez continued.",
    """
    0 “ " `` PUNCT punct 8
    1 We - PRP PRON nsubjpass 4
    2 are be VBP AUX auxpass 4
    3 not - RB PART neg 4
    4 finished finish VBN VERB ccomp 8
    5 , - , PUNCT punct 8
    6 ” " '' PUNCT punct 8
    7 Lopez Lopez NNP PROPN nsubj 8
    8 continued continue VBD VERB ROOT 8
    9 . - . PUNCT punct 8
    """,
)


WENT_ON = parse(
    "“We are not finished,” Lopez went on.",
    """
    0 “ " `` PUNCT punct 8
    1 We - PRP PRON nsubjpass 4
    2 are be VBP AUX auxpass 4
    3 not - RB PART neg 4
    4 finished finish VBN VERB ccomp 8
    5 , - , PUNCT punct 8
    6 ” " '' PUNCT punct 8
    7 Lopez Lopez NNP PROPN nsubj 8
    8 went go VBD VERB ROOT 8
    9 on - RP ADP prt 8
    10 . - . PUNCT punct 8
    """,
)


WALKED_HOME = parse(
    "Lopez walked home.",
    """
    0 Lopez Lopez NNP PROPN nsubj 1 B-PERSON
    1 walked walk VBD VERB ROOT 1
    2 home - RB ADV advmod 1
    3 . - . PUNCT punct 1
    """,
)


DESCRIBED_AS = parse(
    "Lopez described the plan as “reckless”.",
    """
    0 Lopez Lopez NNP PROPN nsubj 1 B-PERSON
    1 described describe VBD VERB ROOT 1
    2 the - DT DET det 3
    3 plan - NN NOUN dobj 1
    4 as - IN ADP prep 1
    5 “ " `` PUNCT punct 4
    6 reckless - JJ ADJ amod 4
    7 ” " '' PUNCT punct 4
    8 . - . PUNCT punct 1
    """,
)


ACCORDED_TO = parse(
    "The award was accorded to Lopez in March.",
    """
    0 The - DT DET det 1
    1 award - NN NOUN nsubjpass 3
    2 was be VBD AUX auxpass 3
    3 accorded accord VBN VERB ROOT 3
    4 to - IN ADP prep 3
    5 Lopez Lopez NNP PROPN pobj 4 B-PERSON
    6 in - IN ADP prep 3
    7 March March NNP PROPN pobj 6 B-DATE
    8 . - . PUNCT punct 3
    """,
)


POINTED_OUT = parse(
    "Lopez pointed out that the clinic was full.",
    """
    0 Lopez Lopez NNP PROPN nsubj 1 B-PERSON
    1 pointed point VBD VERB ROOT 1
    2 out - RP ADP prt 1
    3 that - IN SCONJ mark 6
    4 the - DT DET det 5
    5 clinic - NN NOUN nsubj 6
    6 was be VBD AUX ccomp 1
    7 full - JJ ADJ acomp 6
    8 . - . PUNCT punct 1
    """,
)


WANTS_TO_SAY = parse(
    "Lopez wants to say more.",
    """
    0 Lopez Lopez NNP PROPN nsubj 1 B-PERSON
    1 wants want VBZ VERB ROOT 1
    2 to - TO PART aux 3
    3 say - VB VERB xcomp 1
    4 more - JJR ADJ dobj 3
    5 . - . PUNCT punct 1
    """,
)


def texts(tokens: list[Token]) -> list[str]:
    return [t.text for t in tokens]


def test_said_is_a_speech_verb() -> None:
    assert is_speech_verb(word(SAID_WITHOUT_THAT, "said"))


def test_a_speech_lemma_used_as_a_noun_is_no_speech_verb() -> None:
    assert not is_speech_verb(word(CLAIM_AS_NOUN, "claim"))


def test_a_verb_outside_the_lexicon_is_no_speech_verb() -> None:
    assert not is_speech_verb(word(SAID_WITHOUT_THAT, "open"))


def test_continue_is_no_speech_verb_on_its_own() -> None:
    assert not is_speech_verb(word(CONTINUED, "continued"))


def test_continued_frames_a_quotation() -> None:
    assert is_frame_verb(word(CONTINUED, "continued"))


def test_every_speech_verb_is_a_frame_verb() -> None:
    assert is_frame_verb(word(SAID_WITHOUT_THAT, "said"))


def test_a_verb_of_motion_is_no_frame_verb() -> None:
    assert not is_frame_verb(word(WALKED_HOME, "walked"))


def test_frame_verbs_match_on_the_lemma_alone() -> None:
    # "went on" frames a quotation; "went home" would too, because the
    # predicate reads the lemma only and leaves the context to the quote stage.
    assert is_frame_verb(word(WENT_ON, "went"))


def test_described_is_a_naming_verb() -> None:
    assert is_naming_verb(word(DESCRIBED_AS, "described"))


def test_said_is_no_naming_verb() -> None:
    assert not is_naming_verb(word(SAID_WITHOUT_THAT, "said"))


def test_according_with_to_below_it_is_according_to() -> None:
    assert is_according_to(word(ACCORDING_TO_LOPEZ, "According"))


def test_accorded_to_is_not_according_to() -> None:
    assert not is_according_to(word(ACCORDED_TO, "accorded"))


def test_the_to_itself_is_not_the_cue_head() -> None:
    assert not is_according_to(word(ACCORDING_TO_LOPEZ, "to"))


def test_a_clausal_complement_holds_what_was_said() -> None:
    assert texts(content_children(word(SAID_WITHOUT_THAT, "said"))) == ["open"]


def test_an_open_complement_counts_as_content() -> None:
    assert texts(content_children(word(WANTS_TO_SAY, "wants"))) == ["say"]


def test_said_in_an_email_has_no_content() -> None:
    assert content_children(word(SAID_IN_AN_EMAIL, "said")) == []


def test_a_cue_is_its_verb_alone() -> None:
    assert texts(cue_tokens(word(SAID_WITHOUT_THAT, "said"))) == ["said"]


def test_a_phrasal_cue_keeps_its_particle() -> None:
    assert texts(cue_tokens(word(POINTED_OUT, "pointed"))) == ["pointed", "out"]


def test_according_to_is_a_two_word_cue() -> None:
    assert texts(cue_tokens(word(ACCORDING_TO_LOPEZ, "According"))) == ["According", "to"]


DECLINED_TO_COMMENT = parse(
    "Ruiz declined to comment.",
    """
    0 Ruiz Ruiz NNP PROPN nsubj 1 B-PERSON
    1 declined decline VBD VERB ROOT 1
    2 to - TO PART aux 3
    3 comment - VB VERB xcomp 1
    4 . - . PUNCT punct 1
    """,
)


BLASTED_THE_PLAN = parse(
    "Ruiz blasted the plan.",
    """
    0 Ruiz Ruiz NNP PROPN nsubj 1 B-PERSON
    1 blasted blast VBD VERB ROOT 1
    2 the - DT DET det 3
    3 plan - NN NOUN dobj 1
    4 . - . PUNCT punct 1
    """,
)


FOUND_THE_CHART = parse(
    "Ruiz found the chart.",
    """
    0 Ruiz Ruiz NNP PROPN nsubj 1 B-PERSON
    1 found find VBD VERB ROOT 1
    2 the - DT DET det 3
    3 chart - NN NOUN dobj 1
    4 . - . PUNCT punct 1
    """,
)


SEEMED_TO_AGREE = parse(
    "Ruiz seemed to agree.",
    """
    0 Ruiz Ruiz NNP PROPN nsubj 1 B-PERSON
    1 seemed seem VBD VERB ROOT 1
    2 to - TO PART aux 3
    3 agree - VB VERB xcomp 1
    4 . - . PUNCT punct 1
    """,
)


QUIPPED_THAT = parse(
    "Ruiz quipped that the pier floats.",
    """
    0 Ruiz Ruiz NNP PROPN nsubj 1 B-PERSON
    1 quipped quip VBD VERB ROOT 1
    2 that - IN SCONJ mark 5
    3 the - DT DET det 4
    4 pier - NN NOUN nsubj 5
    5 floats float VBZ VERB ccomp 1
    6 . - . PUNCT punct 1
    """,
)


def test_verb_frame_names_how_a_verb_takes_its_content() -> None:
    assert verb_frame(word(SAID_WITHOUT_THAT, "said")) == "ccomp"
    assert verb_frame(word(DECLINED_TO_COMMENT, "declined")) == "xcomp"
    assert verb_frame(word(BLASTED_THE_PLAN, "blasted")) == "dobj"
    assert verb_frame(word(SAID_IN_AN_EMAIL, "said")) is None


def test_learned_frames_come_from_the_committed_counts() -> None:
    seen, cues = learned_cue_frames()[("say", "ccomp")]
    assert seen > 1000 and cues / seen > 0.8


def test_a_verb_and_frame_often_marked_in_training_report_speech() -> None:
    assert reporting_frame(word(DECLINED_TO_COMMENT, "declined")) == "xcomp"
    assert reporting_frame(word(BLASTED_THE_PLAN, "blasted")) == "dobj"


def test_a_verb_and_frame_rarely_marked_in_training_do_not() -> None:
    assert reporting_frame(word(FOUND_THE_CHART, "found")) is None


def test_a_raising_verb_never_reports_whatever_the_counts() -> None:
    assert reporting_frame(word(SEEMED_TO_AGREE, "seemed")) is None


def test_a_verb_too_rare_to_learn_falls_back_on_the_hand_list() -> None:
    assert ("quip", "ccomp") not in learned_cue_frames() or learned_cue_frames()[("quip", "ccomp")][0] < 5
    assert reporting_frame(word(QUIPPED_THAT, "quipped")) == "ccomp"


def test_a_verb_reports_through_a_clause_it_does_not_take_here() -> None:
    # "said in an email" takes no clause, but "said" reports through one ("The plan, she said, ...").
    assert reports_through(word(SAID_IN_AN_EMAIL, "said"), "ccomp")
    assert not reports_through(word(FOUND_THE_CHART, "found"), "ccomp")
    assert not reports_through(word(SEEMED_TO_AGREE, "seemed"), "ccomp")


# --- what documents find ------------------------------------------------------------------

REPORT_FOUND = parse(
    "The report found that the pier was unsafe.",
    """
    0 The - DT DET det 1
    1 report - NN NOUN nsubj 2
    2 found find VBD VERB ROOT 2
    3 that - IN SCONJ mark 6
    4 the - DT DET det 5
    5 pier - NN NOUN nsubj 6
    6 was be VBD AUX ccomp 2
    7 unsafe - JJ ADJ acomp 6
    8 . - . PUNCT punct 2
    """,
)
# Near miss: a person who finds comes to believe; what they believe is no quote.
REPORTER_FOUND = parse(
    "The reporter found that the pier was unsafe.",
    """
    0 The - DT DET det 1
    1 reporter - NN NOUN nsubj 2
    2 found find VBD VERB ROOT 2
    3 that - IN SCONJ mark 6
    4 the - DT DET det 5
    5 pier - NN NOUN nsubj 6
    6 was be VBD AUX ccomp 2
    7 unsafe - JJ ADJ acomp 6
    8 . - . PUNCT punct 2
    """,
)


def test_a_document_that_finds_reports_what_it_found() -> None:
    assert states_a_finding(word(REPORT_FOUND, "found"), "ccomp")
    assert reports_through(word(REPORT_FOUND, "found"), "ccomp")
    assert reporting_frame(word(REPORT_FOUND, "found")) == "ccomp"


def test_a_person_who_finds_reports_nothing() -> None:
    assert not states_a_finding(word(REPORTER_FOUND, "found"), "ccomp")
    assert reporting_frame(word(REPORTER_FOUND, "found")) is None


def test_the_report_found_is_an_indirect_quote_of_the_document() -> None:
    (quote,) = attribute(Article(REPORT_FOUND)).quotes
    assert (quote.span.text, quote.type, quote.cue and quote.cue.text) == ("the pier was unsafe", QuoteType.INDIRECT, "found")
    assert quote.speaker is not None and (quote.speaker.name, quote.speaker.kind) == ("report", SpeakerKind.DOCUMENT)
    assert not quote.speaker.anonymous and quote.speaker.pronoun is None
    assert attribute(Article(REPORTER_FOUND)).quotes == ()


LAWSUIT_ALLEGES = parse(
    "The lawsuit alleges that the council hid the costs.",
    """
    0 The - DT DET det 1
    1 lawsuit - NN NOUN nsubj 2
    2 alleges allege VBZ VERB ROOT 2
    3 that - IN SCONJ mark 6
    4 the - DT DET det 5
    5 council - NN NOUN nsubj 6
    6 hid hide VBD VERB ccomp 2
    7 the - DT DET det 8
    8 costs cost NNS NOUN dobj 6
    9 . - . PUNCT punct 2
    """,
)
ACCORDING_TO_THE_SURVEY = parse(
    "According to the survey, most tenants pay too much.",
    """
    0 According accord VBG VERB prep 7
    1 to - IN ADP prep 0
    2 the - DT DET det 3
    3 survey - NN NOUN pobj 1
    4 , - , PUNCT punct 7
    5 most - JJS ADJ amod 6
    6 tenants tenant NNS NOUN nsubj 7
    7 pay - VBP VERB ROOT 7
    8 too - RB ADV advmod 9
    9 much - JJ ADJ dobj 7
    10 . - . PUNCT punct 7
    """,
)
POLL_BY_INSTITUTE = parse(
    "A poll by the Harbor Institute showed that most tenants pay too much.",
    """
    0 A - DT DET det 1
    1 poll - NN NOUN nsubj 6
    2 by - IN ADP prep 1
    3 the - DT DET det 5 B-ORG
    4 Harbor Harbor NNP PROPN compound 5 I-ORG
    5 Institute Institute NNP PROPN pobj 2 I-ORG
    6 showed show VBD VERB ROOT 6
    7 that - IN SCONJ mark 10
    8 most - JJS ADJ amod 9
    9 tenants tenant NNS NOUN nsubj 10
    10 pay - VBP VERB ccomp 6
    11 too - RB ADV advmod 12
    12 much - JJ ADJ dobj 10
    13 . - . PUNCT punct 6
    """,
)


def test_documents_speak_through_alleging_according_to_and_showing_with_their_issuer() -> None:
    found = []
    for doc in (LAWSUIT_ALLEGES, ACCORDING_TO_THE_SURVEY, POLL_BY_INSTITUTE):
        (quote,) = attribute(Article(doc)).quotes
        assert quote.speaker is not None and quote.speaker.kind is SpeakerKind.DOCUMENT
        found.append((quote.span.text, quote.speaker.name, quote.speaker.affiliation))
    assert found == [
        ("the council hid the costs", "lawsuit", None),
        ("most tenants pay too much", "survey", None),
        ("most tenants pay too much", "poll", "Harbor Institute"),
    ]
