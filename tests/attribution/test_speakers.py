"""Speaker rules: from a cue to the head of its speaker, on hand-built parses."""

from __future__ import annotations

from spacy.tokens import Token

from service.attribution.speakers import (
    SPEAKER_RULES,
    according_to_object,
    find_speaker,
    inherited_subject,
    name_words,
    named_head,
    passive_agent,
    quoted_as_object,
    speaker_phrase,
    strip_titles,
    subject,
)
from tests.parses import parse, word

QUOTED_AS_SAYING = parse(
    "Harbor News quoted Lopez as saying the clinic would open.",
    """
    0 Harbor Harbor NNP PROPN compound 1 B-ORG
    1 News News NNP PROPN nsubj 2 I-ORG
    2 quoted quote VBD VERB ROOT 2
    3 Lopez Lopez NNP PROPN dobj 2 B-PERSON
    4 as - IN ADP prep 2
    5 saying say VBG VERB pcomp 4
    6 the - DT DET det 7
    7 clinic - NN NOUN nsubj 9
    8 would - MD AUX aux 9
    9 open - VB VERB ccomp 5
    10 . - . PUNCT punct 2
    """,
)

WAS_QUOTED_AS_SAYING = parse(
    "Lopez was quoted as saying the clinic would open.",
    """
    0 Lopez Lopez NNP PROPN nsubjpass 2 B-PERSON
    1 was be VBD AUX auxpass 2
    2 quoted quote VBN VERB ROOT 2
    3 as - IN ADP prep 2
    4 saying say VBG VERB pcomp 3
    5 the - DT DET det 6
    6 clinic - NN NOUN nsubj 8
    7 would - MD AUX aux 8
    8 open - VB VERB ccomp 4
    9 . - . PUNCT punct 2
    """,
)

WAS_DESCRIBED_AS_SAYING = parse(
    "Lopez was described as saying the clinic would open.",
    """
    0 Lopez Lopez NNP PROPN nsubjpass 2 B-PERSON
    1 was be VBD AUX auxpass 2
    2 described describe VBN VERB ROOT 2
    3 as - IN ADP prep 2
    4 saying say VBG VERB pcomp 3
    5 the - DT DET det 6
    6 clinic - NN NOUN nsubj 8
    7 would - MD AUX aux 8
    8 open - VB VERB ccomp 4
    9 . - . PUNCT punct 2
    """,
)

NEWS_SAID = parse(
    "Harbor News said Lopez expected the clinic to open.",
    """
    0 Harbor Harbor NNP PROPN compound 1 B-ORG
    1 News News NNP PROPN nsubj 2 I-ORG
    2 said say VBD VERB ROOT 2
    3 Lopez Lopez NNP PROPN nsubj 4 B-PERSON
    4 expected expect VBD VERB ccomp 2
    5 the - DT DET det 6
    6 clinic - NN NOUN nsubj 8
    7 to - TO PART aux 8
    8 open - VB VERB xcomp 4
    9 . - . PUNCT punct 2
    """,
)

ACCORDING_TO_LOPEZ = parse(
    "According to Lopez, the clinic will open in March.",
    """
    0 According accord VBG VERB prep 7
    1 to - IN ADP prep 0
    2 Lopez Lopez NNP PROPN pobj 1 B-PERSON
    3 , - , PUNCT punct 7
    4 the - DT DET det 5
    5 clinic - NN NOUN nsubj 7
    6 will - MD AUX aux 7
    7 open - VB VERB ROOT 7
    8 in - IN ADP prep 7
    9 March March NNP PROPN pobj 8 B-DATE
    10 . - . PUNCT punct 7
    """,
)

ACCORDING_AS = parse(
    "The prizes were shared according as each team scored.",
    """
    0 The - DT DET det 1
    1 prizes prize NNS NOUN nsubjpass 3
    2 were be VBD AUX auxpass 3
    3 shared share VBN VERB ROOT 3
    4 according accord VBG VERB prep 3
    5 as - IN SCONJ mark 8
    6 each - DT DET det 7
    7 team - NN NOUN nsubj 8
    8 scored score VBD VERB advcl 3
    9 . - . PUNCT punct 3
    """,
)

SAID_AFTER_QUOTE = parse(
    "“The clinic will open in March,” said Lopez.",
    """
    0 “ " `` PUNCT punct 9
    1 The - DT DET det 2
    2 clinic - NN NOUN nsubj 4
    3 will - MD AUX aux 4
    4 open - VB VERB ccomp 9
    5 in - IN ADP prep 4
    6 March March NNP PROPN pobj 5 B-DATE
    7 , - , PUNCT punct 9
    8 ” " '' PUNCT punct 9
    9 said say VBD VERB ROOT 9
    10 Lopez Lopez NNP PROPN nsubj 9 B-PERSON
    11 . - . PUNCT punct 9
    """,
)

NURSE_WHO_SAID = parse(
    "Officials spoke to a nurse who said the fire began at night.",
    """
    0 Officials official NNS NOUN nsubj 1
    1 spoke speak VBD VERB ROOT 1
    2 to - IN ADP prep 1
    3 a - DT DET det 4
    4 nurse - NN NOUN pobj 2
    5 who - WP PRON nsubj 6
    6 said say VBD VERB relcl 4
    7 the - DT DET det 8
    8 fire - NN NOUN nsubj 9
    9 began begin VBD VERB ccomp 6
    10 at - IN ADP prep 9
    11 night - NN NOUN pobj 10 B-TIME
    12 . - . PUNCT punct 1
    """,
)

WAS_SAID_TO_BE = parse(
    "The plan was said to be ready.",
    """
    0 The - DT DET det 1
    1 plan - NN NOUN nsubjpass 3
    2 was be VBD AUX auxpass 3
    3 said say VBN VERB ROOT 3
    4 to - TO PART aux 5
    5 be - VB AUX xcomp 3
    6 ready - JJ ADJ acomp 5
    7 . - . PUNCT punct 3
    """,
)

ANNOUNCED_BY = parse(
    "The closure was announced by the ministry on Monday.",
    """
    0 The - DT DET det 1
    1 closure - NN NOUN nsubjpass 3
    2 was be VBD AUX auxpass 3
    3 announced announce VBN VERB ROOT 3
    4 by - IN ADP agent 3
    5 the - DT DET det 6
    6 ministry - NN NOUN pobj 4
    7 on - IN ADP prep 3
    8 Monday Monday NNP PROPN pobj 7 B-DATE
    9 . - . PUNCT punct 3
    """,
)

ANNOUNCED_ON = parse(
    "The closure was announced on Monday.",
    """
    0 The - DT DET det 1
    1 closure - NN NOUN nsubjpass 3
    2 was be VBD AUX auxpass 3
    3 announced announce VBN VERB ROOT 3
    4 on - IN ADP prep 3
    5 Monday Monday NNP PROPN pobj 4 B-DATE
    6 . - . PUNCT punct 3
    """,
)

SAID_ADDING = parse(
    "Lopez said the clinic would open, adding that staff were ready.",
    """
    0 Lopez Lopez NNP PROPN nsubj 1 B-PERSON
    1 said say VBD VERB ROOT 1
    2 the - DT DET det 3
    3 clinic - NN NOUN nsubj 5
    4 would - MD AUX aux 5
    5 open - VB VERB ccomp 1
    6 , - , PUNCT punct 1
    7 adding add VBG VERB advcl 1
    8 that - IN SCONJ mark 10
    9 staff - NN NOUN nsubj 10
    10 were be VBD AUX ccomp 7
    11 ready - JJ ADJ acomp 10
    12 . - . PUNCT punct 1
    """,
)

PRAISED_AND_WARNED = parse(
    "Lopez praised the staff and warned that beds were scarce.",
    """
    0 Lopez Lopez NNP PROPN nsubj 1 B-PERSON
    1 praised praise VBD VERB ROOT 1
    2 the - DT DET det 3
    3 staff - NN NOUN dobj 1
    4 and - CC CCONJ cc 1
    5 warned warn VBD VERB conj 1
    6 that - IN SCONJ mark 8
    7 beds bed NNS NOUN nsubj 8
    8 were be VBD AUX ccomp 5
    9 scarce - JJ ADJ acomp 8
    10 . - . PUNCT punct 1
    """,
)

SAID_STAFF_ADDED = parse(
    "Lopez said staff added two beds.",
    """
    0 Lopez Lopez NNP PROPN nsubj 1 B-PERSON
    1 said say VBD VERB ROOT 1
    2 staff - NN NOUN nsubj 3
    3 added add VBD VERB ccomp 1
    4 two - CD NUM nummod 5 B-CARDINAL
    5 beds bed NNS NOUN dobj 3
    6 . - . PUNCT punct 1
    """,
)

SAID_AND_KIM_ADDED = parse(
    "Lopez said the clinic was ready and Kim added that staff were trained.",
    """
    0 Lopez Lopez NNP PROPN nsubj 1 B-PERSON
    1 said say VBD VERB ROOT 1
    2 the - DT DET det 3
    3 clinic - NN NOUN nsubj 4
    4 was be VBD AUX ccomp 1
    5 ready - JJ ADJ acomp 4
    6 and - CC CCONJ cc 4
    7 Kim Kim NNP PROPN nsubj 8 B-PERSON
    8 added add VBD VERB conj 4
    9 that - IN SCONJ mark 12
    10 staff - NN NOUN nsubjpass 12
    11 were be VBD AUX auxpass 12
    12 trained train VBN VERB ccomp 8
    13 . - . PUNCT punct 1
    """,
)

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

INSTITUTE_SPOKESPERSON = parse(
    "A Harbor Institute spokesperson said the clinic would open.",
    """
    0 A - DT DET det 3
    1 Harbor Harbor NNP PROPN compound 2 B-ORG
    2 Institute Institute NNP PROPN compound 3 I-ORG
    3 spokesperson - NN NOUN nsubj 4
    4 said say VBD VERB ROOT 4
    5 the - DT DET det 6
    6 clinic - NN NOUN nsubj 8
    7 would - MD AUX aux 8
    8 open - VB VERB ccomp 4
    9 . - . PUNCT punct 4
    """,
)

HEALTH_MINISTER = parse(
    "Health Minister Maria Lopez said the clinic would open.",
    """
    0 Health Health NNP PROPN compound 1
    1 Minister Minister NNP PROPN compound 3
    2 Maria Maria NNP PROPN compound 3 B-PERSON
    3 Lopez Lopez NNP PROPN nsubj 4 I-PERSON
    4 said say VBD VERB ROOT 4
    5 the - DT DET det 6
    6 clinic - NN NOUN nsubj 8
    7 would - MD AUX aux 8
    8 open - VB VERB ccomp 4
    9 . - . PUNCT punct 4
    """,
)

MAYOR_IN_THE_NAME = parse(
    "Mayor Maria Lopez said the clinic would open.",
    """
    0 Mayor Mayor NNP PROPN compound 2 B-PERSON
    1 Maria Maria NNP PROPN compound 2 I-PERSON
    2 Lopez Lopez NNP PROPN nsubj 3 I-PERSON
    3 said say VBD VERB ROOT 3
    4 the - DT DET det 5
    5 clinic - NN NOUN nsubj 7
    6 would - MD AUX aux 7
    7 open - VB VERB ccomp 3
    8 . - . PUNCT punct 3
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


def found_text(head: Token | None) -> str | None:
    return head.text if head is not None else None


# --- quoted_as_object ---------------------------------------------------------------


def test_quoted_as_saying_gives_the_object_of_quote() -> None:
    assert found_text(quoted_as_object(word(QUOTED_AS_SAYING, "saying"))) == "Lopez"


def test_was_quoted_as_saying_gives_the_passive_subject() -> None:
    assert found_text(quoted_as_object(word(WAS_QUOTED_AS_SAYING, "saying"))) == "Lopez"


def test_said_without_as_is_not_quoted_as() -> None:
    assert quoted_as_object(word(NEWS_SAID, "said")) is None


def test_as_saying_under_another_verb_is_not_quoted_as() -> None:
    assert quoted_as_object(word(WAS_DESCRIBED_AS_SAYING, "saying")) is None


# --- according_to_object ------------------------------------------------------------


def test_according_to_gives_the_object_of_to() -> None:
    assert found_text(according_to_object(word(ACCORDING_TO_LOPEZ, "According"))) == "Lopez"


def test_a_bare_according_gives_no_speaker() -> None:
    assert according_to_object(word(ACCORDING_AS, "according")) is None


# --- subject ------------------------------------------------------------------------


def test_the_subject_before_the_verb_speaks() -> None:
    assert found_text(subject(word(NEWS_SAID, "said"))) == "News"


def test_the_subject_after_the_verb_speaks() -> None:
    assert found_text(subject(word(SAID_AFTER_QUOTE, "said"))) == "Lopez"


def test_a_relative_pronoun_stands_for_the_noun_it_modifies() -> None:
    assert found_text(subject(word(NURSE_WHO_SAID, "said"))) == "nurse"


def test_a_passive_subject_is_no_speaker() -> None:
    assert subject(word(WAS_SAID_TO_BE, "said")) is None


# --- passive_agent ------------------------------------------------------------------


def test_the_agent_of_a_passive_speaks() -> None:
    assert found_text(passive_agent(word(ANNOUNCED_BY, "announced"))) == "ministry"


def test_a_passive_without_an_agent_gives_no_speaker() -> None:
    assert passive_agent(word(ANNOUNCED_ON, "announced")) is None


# --- inherited_subject --------------------------------------------------------------


def test_an_adverbial_participle_shares_the_subject_of_its_head() -> None:
    assert found_text(inherited_subject(word(SAID_ADDING, "adding"))) == "Lopez"


def test_a_conjoined_verb_shares_the_subject_of_its_head() -> None:
    assert found_text(inherited_subject(word(PRAISED_AND_WARNED, "warned"))) == "Lopez"


def test_a_clausal_complement_does_not_inherit_the_reporting_subject() -> None:
    assert inherited_subject(word(SAID_STAFF_ADDED, "added")) is None


def test_a_root_verb_inherits_nothing() -> None:
    assert inherited_subject(word(WAS_SAID_TO_BE, "said")) is None


# --- find_speaker: the order of SPEAKER_RULES ---------------------------------------


def test_speaker_rules_run_in_the_documented_order() -> None:
    assert [name for name, _ in SPEAKER_RULES] == [
        "quoted_as_object",
        "according_to",
        "subject",
        "passive_agent",
        "inherited_subject",
    ]


def test_the_quoted_person_wins_over_the_messenger() -> None:
    found = find_speaker(word(QUOTED_AS_SAYING, "saying"))
    assert found is not None
    assert (found[0].text, found[1]) == ("Lopez", "quoted_as_object")


def test_a_conjunct_with_its_own_subject_keeps_it() -> None:
    # The parser hangs "added" on "was": inherited_subject alone would answer
    # "clinic", so the verb's own subject must come first.
    added = word(SAID_AND_KIM_ADDED, "added")
    assert found_text(inherited_subject(added)) == "clinic"
    found = find_speaker(added)
    assert found is not None
    assert (found[0].text, found[1]) == ("Kim", "subject")


def test_find_speaker_names_the_rule_that_answered() -> None:
    found = find_speaker(word(SAID_ADDING, "adding"))
    assert found is not None
    assert (found[0].text, found[1]) == ("Lopez", "inherited_subject")


def test_find_speaker_gives_none_when_no_rule_answers() -> None:
    assert find_speaker(word(WAS_SAID_TO_BE, "said")) is None


# --- named_head ---------------------------------------------------------------------


def test_a_title_gives_way_to_the_name_in_apposition() -> None:
    assert named_head(word(DEPUTY_MAYOR_APPOS, "mayor")).text == "Lopez"


def test_a_name_is_its_own_named_head() -> None:
    assert named_head(word(ANALYST_APPOS, "Lopez")).text == "Lopez"


def test_an_appositive_that_is_no_person_is_not_taken() -> None:
    assert named_head(word(AGENCY_APPOS, "agency")).text == "agency"


# --- speaker_phrase and name_words ------------------------------------------------------


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


WAVED_BEFORE_ASKING = parse(
    "Ruiz waved before asking them, “Ready?”",
    """
    0 Ruiz Ruiz NNP PROPN nsubj 1 B-PERSON
    1 waved wave VBD VERB ROOT 1
    2 before - IN ADP prep 1
    3 asking ask VBG VERB pcomp 2
    4 them they PRP PRON dobj 3
    5 , - , PUNCT punct 1
    6 “ " `` PUNCT punct 1
    7 Ready ready JJ ADJ ccomp 1
    8 ? - . PUNCT punct 1
    9 ” " '' PUNCT punct 1
    """,
)

REPORT_BEFORE_ASKING = parse(
    "The report before asking them was late.",
    """
    0 The - DT DET det 1
    1 report - NN NOUN nsubj 5
    2 before - IN ADP prep 1
    3 asking ask VBG VERB pcomp 2
    4 them they PRP PRON dobj 3
    5 was be VBD AUX ROOT 5
    6 late - JJ ADJ acomp 5
    7 . - . PUNCT punct 5
    """,
)


def test_inherited_subject_crosses_a_preposition_to_its_verb() -> None:
    assert found_text(inherited_subject(word(WAVED_BEFORE_ASKING, "asking"))) == "Ruiz"


def test_inherited_subject_stops_at_a_preposition_on_a_noun() -> None:
    assert inherited_subject(word(REPORT_BEFORE_ASKING, "asking")) is None
