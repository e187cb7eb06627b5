"""From a speaker's head word to the words that name the speaker."""

from __future__ import annotations

from spacy.tokens import Token

from service.attribution.phrases import name_words, named_head, speaker_phrase, strip_titles
from tests.attribution.sentences import HEALTH_MINISTER, INSTITUTE_SPOKESPERSON, MAYOR_IN_THE_NAME
from tests.parses import parse, word


DEPUTY_MAYOR_APPOS = parse(
    "The deputy mayor, Maria Lopez, said the clinic would open.",
    """
    0 The - DT DET det 2
    1 deputy - NN NOUN compound 2
    2 mayor - NN NOUN nsubj 7
    3 , - , PUNCT punct 2
    4 Maria Maria NNP PROPN compound 5 B-PERSON
    5 Lopez Lopez NNP PROPN appos 2 I-PERSON
    6 , - , PUNCT punct 2
    7 said say VBD VERB ROOT 7
    8 the - DT DET det 9
    9 clinic - NN NOUN nsubj 11
    10 would - MD AUX aux 11
    11 open - VB VERB ccomp 7
    12 . - . PUNCT punct 7
    """,
)


AGENCY_APPOS = parse(
    "The agency, a regulator, said the clinic would open.",
    """
    0 The - DT DET det 1
    1 agency - NN NOUN nsubj 6
    2 , - , PUNCT punct 1
    3 a - DT DET det 4
    4 regulator - NN NOUN appos 1
    5 , - , PUNCT punct 1
    6 said say VBD VERB ROOT 6
    7 the - DT DET det 8
    8 clinic - NN NOUN nsubj 10
    9 would - MD AUX aux 10
    10 open - VB VERB ccomp 6
    11 . - . PUNCT punct 6
    """,
)


ANALYST_APPOS = parse(
    "Maria Lopez, an analyst at Harbor Institute, said the clinic would open.",
    """
    0 Maria Maria NNP PROPN compound 1 B-PERSON
    1 Lopez Lopez NNP PROPN nsubj 9 I-PERSON
    2 , - , PUNCT punct 1
    3 an - DT DET det 4
    4 analyst - NN NOUN appos 1
    5 at - IN ADP prep 4
    6 Harbor Harbor NNP PROPN compound 7 B-ORG
    7 Institute Institute NNP PROPN pobj 5 I-ORG
    8 , - , PUNCT punct 1
    9 said say VBD VERB ROOT 9
    10 the - DT DET det 11
    11 clinic - NN NOUN nsubj 13
    12 would - MD AUX aux 13
    13 open - VB VERB ccomp 9
    14 . - . PUNCT punct 9
    """,
)


CHIEF_ALONE = parse(
    "Chief said the clinic would open.",
    """
    0 Chief Chief NNP PROPN nsubj 1 B-PERSON
    1 said say VBD VERB ROOT 1
    2 the - DT DET det 3
    3 clinic - NN NOUN nsubj 5
    4 would - MD AUX aux 5
    5 open - VB VERB ccomp 1
    6 . - . PUNCT punct 1
    """,
)


THE_SPOKESPERSON = parse(
    "The spokesperson said the clinic would open.",
    """
    0 The - DT DET det 1
    1 spokesperson - NN NOUN nsubj 2
    2 said say VBD VERB ROOT 2
    3 the - DT DET det 4
    4 clinic - NN NOUN nsubj 6
    5 would - MD AUX aux 6
    6 open - VB VERB ccomp 2
    7 . - . PUNCT punct 2
    """,
)


def texts(tokens: list[Token]) -> list[str]:
    return [t.text for t in tokens]


def test_a_title_gives_way_to_the_name_in_apposition() -> None:
    assert named_head(word(DEPUTY_MAYOR_APPOS, "mayor")).text == "Lopez"


def test_a_name_is_its_own_named_head() -> None:
    assert named_head(word(ANALYST_APPOS, "Lopez")).text == "Lopez"


def test_an_appositive_that_is_no_person_is_not_taken() -> None:
    assert named_head(word(AGENCY_APPOS, "agency")).text == "agency"


def test_a_named_speaker_is_its_entity_without_the_appositive() -> None:
    assert texts(speaker_phrase(word(ANALYST_APPOS, "Lopez"))) == ["Maria", "Lopez"]


def test_a_title_before_a_name_is_left_to_the_affiliations() -> None:
    assert texts(speaker_phrase(word(HEALTH_MINISTER, "Lopez"))) == ["Maria", "Lopez"]


def test_a_title_inside_a_person_entity_is_stripped_from_the_phrase() -> None:
    assert texts(speaker_phrase(word(MAYOR_IN_THE_NAME, "Lopez"))) == ["Maria", "Lopez"]


def test_strip_titles_keeps_a_one_word_name() -> None:
    assert texts(strip_titles([word(CHIEF_ALONE, "Chief")])) == ["Chief"]


def test_a_nominal_speaker_keeps_its_modifiers_and_determiner() -> None:
    phrase = speaker_phrase(word(INSTITUTE_SPOKESPERSON, "spokesperson"))
    assert texts(phrase) == ["A", "Harbor", "Institute", "spokesperson"]


def test_name_words_drop_the_determiner() -> None:
    phrase = speaker_phrase(word(INSTITUTE_SPOKESPERSON, "spokesperson"))
    assert texts(name_words(phrase)) == ["Harbor", "Institute", "spokesperson"]


def test_name_words_drop_a_definite_article() -> None:
    phrase = speaker_phrase(word(THE_SPOKESPERSON, "spokesperson"))
    assert texts(phrase) == ["The", "spokesperson"]
    assert texts(name_words(phrase)) == ["spokesperson"]


def test_name_words_keep_a_lone_word() -> None:
    the = word(THE_SPOKESPERSON, "The")
    assert texts(name_words([the])) == ["The"]
