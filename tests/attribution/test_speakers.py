"""Speaker rules: from a cue, a frame or a label to the head of its speaker, on hand-built parses."""

from __future__ import annotations

from spacy.tokens import Token

from service.attribution.article import Article
from service.attribution.quotes import find_quotes
from service.attribution.speakers import (
    is_participle_opener,
    SPEAKER_RULES,
    according_to_object,
    addresses_the_reader,
    can_speak,
    describes_someone,
    find_speaker,
    frame_subject,
    inherited_subject,
    inverted_subject,
    is_depiction,
    is_word,
    is_written_as_a_name,
    names_a_speaker,
    passive_agent,
    quoted_as_object,
    speaker_label,
    subject,
)
from tests.attribution.sentences import ACCORDING_TO_LOPEZ, LABELLED, SUBJECT_IN_A_TITLE
from tests.parses import parse, word


NOTE_LABEL = parse(
    "Note: The clinic opens at noon.",
    """
    0 Note note NN NOUN npadvmod 4
    1 : - : PUNCT punct 4
    2 The - DT DET det 3
    3 clinic - NN NOUN nsubj 4
    4 opens open VBZ VERB ROOT 4
    5 at - IN ADP prep 4
    6 noon - NN NOUN pobj 5
    7 . - . PUNCT punct 4
    """,
)


CLAUSE_BEFORE_COLON = parse(
    "Ruiz said this: we will rebuild.",
    """
    0 Ruiz Ruiz NNP PROPN nsubj 1 B-PERSON
    1 said say VBD VERB ROOT 1
    2 this - DT PRON dobj 1
    3 : - : PUNCT punct 1
    4 we - PRP PRON nsubj 6
    5 will - MD AUX aux 6
    6 rebuild - VB VERB parataxis 1
    7 . - . PUNCT punct 1
    """,
)


def test_a_paragraph_opening_with_a_name_and_a_colon_is_labelled() -> None:
    article = Article(LABELLED)
    found = speaker_label(article, 0)
    assert found is not None
    assert (found.speaker.text, found.colon.text, LABELLED.text[found.words_start :]) == ("Ruiz", ":", "We will rebuild the clinic.")


def test_a_kind_of_text_before_a_colon_is_no_speaker() -> None:
    assert speaker_label(Article(NOTE_LABEL), 0) is None


def test_a_clause_before_a_colon_is_no_label() -> None:
    assert speaker_label(Article(CLAUSE_BEFORE_COLON), 0) is None


def test_frame_subject_takes_a_name_after_the_cue_but_not_a_time_or_place() -> None:
    said = word(SUBJECT_IN_A_TITLE, "said")
    after_only = [t for t in SUBJECT_IN_A_TITLE if t.i >= said.i and t.text not in "“”"]
    assert frame_subject(after_only, said) is None


QUOTED_LOPEZ_AS_SAYING = parse(
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


def found_text(head: Token | None) -> str | None:
    return head.text if head is not None else None


def test_quoted_as_saying_gives_the_object_of_quote() -> None:
    assert found_text(quoted_as_object(word(QUOTED_LOPEZ_AS_SAYING, "saying"))) == "Lopez"


def test_was_quoted_as_saying_gives_the_passive_subject() -> None:
    assert found_text(quoted_as_object(word(WAS_QUOTED_AS_SAYING, "saying"))) == "Lopez"


def test_said_without_as_is_not_quoted_as() -> None:
    assert quoted_as_object(word(NEWS_SAID, "said")) is None


def test_as_saying_under_another_verb_is_not_quoted_as() -> None:
    assert quoted_as_object(word(WAS_DESCRIBED_AS_SAYING, "saying")) is None


def test_according_to_gives_the_object_of_to() -> None:
    assert found_text(according_to_object(word(ACCORDING_TO_LOPEZ, "According"))) == "Lopez"


def test_a_bare_according_gives_no_speaker() -> None:
    assert according_to_object(word(ACCORDING_AS, "according")) is None


def test_the_subject_before_the_verb_speaks() -> None:
    assert found_text(subject(word(NEWS_SAID, "said"))) == "News"


def test_the_subject_after_the_verb_speaks() -> None:
    assert found_text(subject(word(SAID_AFTER_QUOTE, "said"))) == "Lopez"


def test_a_relative_pronoun_stands_for_the_noun_it_modifies() -> None:
    assert found_text(subject(word(NURSE_WHO_SAID, "said"))) == "nurse"


def test_a_passive_subject_is_no_speaker() -> None:
    assert subject(word(WAS_SAID_TO_BE, "said")) is None


def test_the_agent_of_a_passive_speaks() -> None:
    assert found_text(passive_agent(word(ANNOUNCED_BY, "announced"))) == "ministry"


def test_a_passive_without_an_agent_gives_no_speaker() -> None:
    assert passive_agent(word(ANNOUNCED_ON, "announced")) is None


def test_an_adverbial_participle_shares_the_subject_of_its_head() -> None:
    assert found_text(inherited_subject(word(SAID_ADDING, "adding"))) == "Lopez"


def test_a_conjoined_verb_shares_the_subject_of_its_head() -> None:
    assert found_text(inherited_subject(word(PRAISED_AND_WARNED, "warned"))) == "Lopez"


def test_a_clausal_complement_does_not_inherit_the_reporting_subject() -> None:
    assert inherited_subject(word(SAID_STAFF_ADDED, "added")) is None


def test_a_root_verb_inherits_nothing() -> None:
    assert inherited_subject(word(WAS_SAID_TO_BE, "said")) is None


def test_speaker_rules_run_in_the_documented_order() -> None:
    assert [name for name, _ in SPEAKER_RULES] == [
        "quoted_as_object",
        "according_to",
        "subject",
        "inverted_subject",
        "passive_agent",
        "inherited_subject",
    ]


def test_the_quoted_person_wins_over_the_messenger() -> None:
    found = find_speaker(word(QUOTED_LOPEZ_AS_SAYING, "saying"))
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


# --- which labels name a speaker ------------------------------------------------------

METADATA_LABEL = parse(
    "Headline: Ferries return",
    r"""
    0 Headline - NN NOUN dep 3
    1 : - : PUNCT punct 0
    2 Ferries ferry NNS NOUN nsubj 3
    3 return - VBP VERB ROOT 3
    """,
)

LISTED_REACTION = parse(
    "- Jo Park, Acme: We are ready.",
    r"""
    0 - - : PUNCT punct 2
    1 Jo - NNP PROPN compound 2 B-PERSON
    2 Park - NNP PROPN dep 7 I-PERSON
    3 , - , PUNCT punct 2
    4 Acme - NNP PROPN appos 2 B-ORG
    5 : - : PUNCT punct 2
    6 We - PRP PRON nsubj 7
    7 are be VBP AUX ROOT 7
    8 ready - JJ ADJ acomp 7
    9 . - . PUNCT punct 7
    """,
)


def test_a_reaction_after_a_list_dash_is_labelled_by_its_speaker() -> None:
    found = speaker_label(Article(LISTED_REACTION), 0)
    assert found is not None
    assert (found.speaker.text, LISTED_REACTION.text[found.words_start :]) == ("Park", "We are ready.")


def test_an_articles_metadata_line_is_no_speakers_label() -> None:
    assert speaker_label(Article(METADATA_LABEL), 0) is None
    assert not names_a_speaker(word(METADATA_LABEL, "Headline"))


def test_a_role_or_a_document_before_a_colon_can_speak() -> None:
    assert names_a_speaker(word(NURSE_WHO_SAID, "nurse"))
    assert names_a_speaker(word(LISTED_REACTION, "Park"))


OUR_PRINCIPLES = parse(
    "Our Principles: honesty first and always.",
    """
    0 Our - PRP$ PRON poss 1
    1 Principles Principles NNPS PROPN ROOT 1
    2 : - : PUNCT punct 1
    3 honesty - NN NOUN appos 1
    4 first - RB ADV advmod 1 B-ORDINAL
    5 and - CC CCONJ cc 4
    6 always - RB ADV conj 4
    7 . - . PUNCT punct 1
    """,
)


HARBOUR_NEWS = parse(
    "HARBOUR NEWS: The ferry runs again.",
    """
    0 HARBOUR Harbour NNP PROPN compound 1
    1 NEWS News NNP PROPN ROOT 1
    2 : - : PUNCT punct 1
    3 The - DT DET det 4
    4 ferry - NN NOUN nsubj 5
    5 runs run VBZ VERB ROOT 5
    6 again - RB ADV advmod 5
    7 . - . PUNCT punct 5
    """,
)


# The recogniser missed the name: no entity.
TOMAS_REYES_LABEL = parse(
    "Tomas Reyes: We will win this.",
    """
    0 Tomas Tomas NNP PROPN compound 1
    1 Reyes Reyes NNP PROPN npadvmod 5
    2 : - : PUNCT punct 1
    3 We - PRP PRON nsubj 5
    4 will - MD AUX aux 5
    5 win - VB VERB ROOT 5
    6 this - DT PRON dobj 5
    7 . - . PUNCT punct 5
    """,
)


def test_a_proper_noun_written_as_a_name_labels_its_speaker_though_untagged() -> None:
    assert is_written_as_a_name(word(TOMAS_REYES_LABEL, "Reyes"))
    found = speaker_label(Article(TOMAS_REYES_LABEL), 0)
    assert found is not None and found.speaker.text == "Reyes"


def test_a_theme_or_a_heading_before_a_colon_is_no_speaker() -> None:
    assert not is_written_as_a_name(word(OUR_PRINCIPLES, "Principles"))
    assert speaker_label(Article(OUR_PRINCIPLES), 0) is None
    assert not is_written_as_a_name(word(HARBOUR_NEWS, "NEWS"))
    assert speaker_label(Article(HARBOUR_NEWS), 0) is None


# As en_core_web_sm parses it: the horizontal bar is a noun, a second subject of "boasted".
DASH_BEFORE_THE_SUBJECT = parse(
    "The returns were public ― Ruiz boasted.",
    """
    0 The - DT DET det 1
    1 returns return NNS NOUN nsubj 2
    2 were be VBD AUX ROOT 2
    3 public - JJ ADJ amod 4
    4 ― - NN NOUN nsubj 6
    5 Ruiz - NNP PROPN nsubj 6 B-PERSON
    6 boasted boast VBD VERB ccomp 2
    7 . - . PUNCT punct 2
    """,
)


def test_a_dash_the_parser_took_for_a_subject_is_no_speaker() -> None:
    doc = DASH_BEFORE_THE_SUBJECT
    assert subject(word(doc, "boasted")).text == "Ruiz"
    assert not is_word(word(doc, "―"))


def test_a_subject_with_a_letter_or_a_digit_is_a_word() -> None:
    doc = DASH_BEFORE_THE_SUBJECT
    assert is_word(word(doc, "Ruiz"))
    assert subject(word(doc, "were")).text == "returns"


POINTS_OUT_THE_LAID_BACK_NATIVE = parse(
    "“You only see one side,” points out the laid-back native.",
    """
    0 “ " `` PUNCT punct 8
    1 You - PRP PRON nsubj 3
    2 only - RB ADV advmod 3
    3 see - VBP VERB ccomp 8
    4 one - CD NUM nummod 5
    5 side - NN NOUN dobj 3
    6 , - , PUNCT punct 8
    7 ” " '' PUNCT punct 8
    8 points point VBZ VERB ROOT 8
    9 out - RP ADP prt 8
    10 the - DT DET det 14
    11 laid lay VBN VERB amod 14
    12 - - HYPH PUNCT punct 11
    13 back - NN NOUN prt 11
    14 native - NN NOUN dobj 8
    15 . - . PUNCT punct 8
    """,
)


ADDING_THAT_ITS_PROFITS_ROSE = parse(
    "“We grew,” Acme said, adding that its profits rose.",
    """
    0 “ " `` PUNCT punct 6
    1 We - PRP PRON nsubj 2
    2 grew grow VBD VERB ccomp 6
    3 , - , PUNCT punct 6
    4 ” " '' PUNCT punct 6
    5 Acme Acme NNP PROPN nsubj 6 B-ORG
    6 said say VBD VERB ROOT 6
    7 , - , PUNCT punct 6
    8 adding add VBG VERB advcl 6
    9 that - IN SCONJ mark 12
    10 its - PRP$ PRON poss 11
    11 profits profit NNS NOUN nsubj 12
    12 rose rise VBD VERB ccomp 8
    13 . - . PUNCT punct 6
    """,
)


def test_frame_subject_reads_past_a_participle_that_describes_the_noun() -> None:
    doc = POINTS_OUT_THE_LAID_BACK_NATIVE
    points = word(doc, "points")
    frame = [t for t in doc if t.i > points.i]
    found = frame_subject(frame, points)
    assert found is not None and found.text == "native"


def test_frame_subject_stops_where_a_clause_of_the_cue_opens() -> None:
    doc = ADDING_THAT_ITS_PROFITS_ROSE
    adding = word(doc, "adding")
    assert frame_subject([t for t in doc if t.i >= adding.i], adding) is None


def test_frame_subject_leads_from_a_possessive_to_its_noun() -> None:
    doc = parse(
        "echoes his partner",
        """
        0 echoes echo VBZ VERB ROOT 0
        1 his - PRP$ PRON poss 2
        2 partner - NN NOUN dobj 0
        """,
    )
    found = frame_subject(list(doc), doc[0])
    assert found is not None and found.text == "partner"


def test_any_noun_that_names_a_person_can_speak_but_a_thing_cannot() -> None:
    doc = parse(
        "the coach won the prize",
        """
        0 the - DT DET det 1
        1 coach - NN NOUN nsubj 2
        2 won win VBD VERB ROOT 2
        3 the - DT DET det 4
        4 prize - NN NOUN dobj 2
        """,
    )
    assert can_speak(doc[1])
    assert not can_speak(doc[4])


NAME_TITLE_AT_ORG_LABEL = parse(
    "Marta Quell, head of research at the Tidewater Institute for Coastal Studies: We are ready.",
    """
    0 Marta Marta NNP PROPN compound 1 B-PERSON
    1 Quell Quell NNP PROPN dep 15 I-PERSON
    2 , - , PUNCT punct 1
    3 head - NN NOUN appos 1
    4 of - IN ADP prep 3
    5 research - NN NOUN pobj 4
    6 at - IN ADP prep 3
    7 the - DT DET det 9 B-ORG
    8 Tidewater Tidewater NNP PROPN compound 9 I-ORG
    9 Institute Institute NNP PROPN pobj 6 I-ORG
    10 for - IN ADP prep 9 I-ORG
    11 Coastal Coastal NNP PROPN compound 12 I-ORG
    12 Studies Studies NNPS PROPN pobj 10 I-ORG
    13 : - : PUNCT punct 1
    14 We - PRP PRON nsubj 15
    15 are be VBP AUX ROOT 15
    16 ready - JJ ADJ acomp 15
    17 . - . PUNCT punct 15
    """,
)


# A list of nominees: a name, then the work it is nominated for.
NAME_AND_A_WORKS_TITLE = parse(
    "Marta Quell, The Long Voyage of the Tidewater Queen: Best Drama.",
    """
    0 Marta Marta NNP PROPN compound 1 B-PERSON
    1 Quell Quell NNP PROPN ROOT 1 I-PERSON
    2 , - , PUNCT punct 1
    3 The - DT DET det 5 B-WORK_OF_ART
    4 Long Long NNP PROPN compound 5 I-WORK_OF_ART
    5 Voyage Voyage NNP PROPN appos 1 I-WORK_OF_ART
    6 of - IN ADP prep 5 I-WORK_OF_ART
    7 the - DT DET det 9 I-WORK_OF_ART
    8 Tidewater Tidewater NNP PROPN compound 9 I-WORK_OF_ART
    9 Queen Queen NNP PROPN pobj 6 I-WORK_OF_ART
    10 : - : PUNCT punct 1
    11 Best good JJS ADJ amod 12
    12 Drama Drama NNP PROPN appos 1
    13 . - . PUNCT punct 1
    """,
)


def test_a_long_label_of_a_name_and_who_she_is_names_her() -> None:
    found = speaker_label(Article(NAME_TITLE_AT_ORG_LABEL), 0)
    assert found is not None
    assert (found.speaker.text, NAME_TITLE_AT_ORG_LABEL.text[found.words_start :]) == ("Quell", "We are ready.")


def test_a_name_and_a_works_title_before_a_colon_is_no_label() -> None:
    doc = NAME_AND_A_WORKS_TITLE
    assert not describes_someone([t for t in doc if 3 <= t.i <= 9])
    assert speaker_label(Article(doc), 0) is None


A_PHOTO_SHOWED = parse(
    "A photo showed the mayor leaving the court.",
    """
    0 A - DT DET det 1
    1 photo - NN NOUN nsubj 2
    2 showed show VBD VERB ROOT 2
    3 the - DT DET det 4
    4 mayor - NN NOUN nsubj 5
    5 leaving leave VBG VERB ccomp 2
    6 the - DT DET det 7
    7 court - NN NOUN dobj 5
    8 . - . PUNCT punct 2
    """,
)


THE_REPORT_SHOWED = parse(
    "The report showed that rents rose.",
    """
    0 The - DT DET det 1
    1 report - NN NOUN nsubj 2
    2 showed show VBD VERB ROOT 2
    3 that - IN SCONJ mark 5
    4 rents rent NNS NOUN nsubj 5
    5 rose rise VBD VERB ccomp 2
    6 . - . PUNCT punct 2
    """,
)


def test_a_picture_that_shows_something_is_no_speaker() -> None:
    assert is_depiction(word(A_PHOTO_SHOWED, "photo"))
    assert find_speaker(word(A_PHOTO_SHOWED, "showed")) is None


def test_a_document_that_shows_something_speaks_for_its_author() -> None:
    assert not is_depiction(word(THE_REPORT_SHOWED, "report"))
    found = find_speaker(word(THE_REPORT_SHOWED, "showed"))
    assert found is not None and found[0].text == "report"


YOU_MIGHT_SAY = parse(
    "You might say the port is too small.",
    """
    0 You you PRP PRON nsubj 2
    1 might - MD AUX aux 2
    2 say - VB VERB ROOT 2
    3 the - DT DET det 4
    4 port - NN NOUN nsubj 5
    5 is be VBZ AUX ccomp 2
    6 too - RB ADV advmod 7
    7 small - JJ ADJ acomp 5
    8 . - . PUNCT punct 2
    """,
)


def test_you_in_the_articles_own_words_is_no_speaker() -> None:
    assert addresses_the_reader(word(YOU_MIGHT_SAY, "You"))
    assert find_speaker(word(YOU_MIGHT_SAY, "say")) is None
    assert find_quotes(Article(YOU_MIGHT_SAY)) == []


def test_she_in_the_articles_own_words_is_someone_who_speaks() -> None:
    doc = parse(
        "She might say the port is too small.",
        """
        0 She she PRP PRON nsubj 2
        1 might - MD AUX aux 2
        2 say - VB VERB ROOT 2
        3 the - DT DET det 4
        4 port - NN NOUN nsubj 5
        5 is be VBZ AUX ccomp 2
        6 too - RB ADV advmod 7
        7 small - JJ ADJ acomp 5
        8 . - . PUNCT punct 2
        """,
    )
    assert not addresses_the_reader(word(doc, "She"))
    found = find_speaker(word(doc, "say"))
    assert found is not None and found[0].text == "She"


COSTS_WILL_RISE_WARNED_RUIZ = parse(
    "Costs will rise, warned Ana Ruiz.",
    """
    0 Costs cost NNS NOUN nsubj 2
    1 will - MD AUX aux 2
    2 rise - VB VERB ccomp 4
    3 , - , PUNCT punct 4
    4 warned warn VBD VERB ROOT 4
    5 Ana Ana NNP PROPN compound 6 B-PERSON
    6 Ruiz Ruiz NNP PROPN dobj 4 I-PERSON
    7 . - . PUNCT punct 4
    """,
)


WARNED_THE_COUNCIL_THAT = parse(
    "Ruiz warned the council that costs will rise.",
    """
    0 Ruiz Ruiz NNP PROPN nsubj 1 B-PERSON
    1 warned warn VBD VERB ROOT 1
    2 the - DT DET det 3
    3 council - NN NOUN dobj 1
    4 that - IN SCONJ mark 7
    5 costs cost NNS NOUN nsubj 7
    6 will - MD AUX aux 7
    7 rise - VB VERB ccomp 1
    8 . - . PUNCT punct 1
    """,
)


def test_the_noun_after_a_verb_that_follows_its_clause_is_the_speaker() -> None:
    found = find_speaker(word(COSTS_WILL_RISE_WARNED_RUIZ, "warned"))
    assert found is not None and (found[0].text, found[1]) == ("Ruiz", "inverted_subject")


def test_the_object_of_a_verb_whose_clause_follows_is_whom_it_was_said_to() -> None:
    assert inverted_subject(word(WARNED_THE_COUNCIL_THAT, "warned")) is None
    found = find_speaker(word(WARNED_THE_COUNCIL_THAT, "warned"))
    assert found is not None and found[0].text == "Ruiz"


# The parser took the opening participle for the subject of "argued"; the name hangs inside its clause.
PARTICIPLE_TAKEN_FOR_SUBJECT = parse(
    "Responding to questions from Tom Hale, Ana Ruiz, the island's mayor, argued: “The pier is safe.”",
    """
    0 Responding respond VBG VERB csubj 15
    1 to - IN ADP prep 0
    2 questions question NNS NOUN pobj 1
    3 from - IN ADP prep 2
    4 Tom Tom NNP PROPN compound 5 B-PERSON
    5 Hale Hale NNP PROPN pobj 3 I-PERSON
    6 , - , PUNCT punct 5
    7 Ana Ana NNP PROPN compound 8 B-PERSON
    8 Ruiz Ruiz NNP PROPN appos 5 I-PERSON
    9 , - , PUNCT punct 8
    10 the - DT DET det 11
    11 island - NN NOUN poss 13
    12 's - POS PART case 11
    13 mayor - NN NOUN appos 8
    14 , - , PUNCT punct 5
    15 argued argue VBD VERB ROOT 15
    16 : - : PUNCT punct 15
    17 “ " `` PUNCT punct 15
    18 The - DT DET det 19
    19 pier - NN NOUN nsubj 20
    20 is be VBZ AUX ccomp 15
    21 safe - JJ ADJ acomp 20
    22 . - . PUNCT punct 15
    23 ” " '' PUNCT punct 15
    """,
)


# Near miss: a participle inside the sentence, after its subject.
PARTICIPLE_INSIDE = parse(
    "Ana Ruiz, speaking at the harbour, said the pier was safe.",
    """
    0 Ana Ana NNP PROPN compound 1 B-PERSON
    1 Ruiz Ruiz NNP PROPN nsubj 8 I-PERSON
    2 , - , PUNCT punct 1
    3 speaking speak VBG VERB acl 1
    4 at - IN ADP prep 3
    5 the - DT DET det 6
    6 harbour - NN NOUN pobj 4
    7 , - , PUNCT punct 1
    8 said say VBD VERB ROOT 8
    9 the - DT DET det 10
    10 pier - NN NOUN nsubj 11
    11 was be VBD AUX ccomp 8
    12 safe - JJ ADJ acomp 11
    13 . - . PUNCT punct 8
    """,
)


def test_a_participle_taken_for_the_subject_gives_the_name_after_its_clause() -> None:
    doc = PARTICIPLE_TAKEN_FOR_SUBJECT
    assert is_participle_opener(word(doc, "Responding"))
    found = subject(word(doc, "argued"))
    assert found is not None and found.text == "Ruiz"  # not "Hale", inside the clause, nor "mayor", her title


def test_a_participle_inside_the_sentence_is_no_opener() -> None:
    doc = PARTICIPLE_INSIDE
    assert not is_participle_opener(word(doc, "speaking"))
    found = subject(word(doc, "said"))
    assert found is not None and found.text == "Ruiz"


# The parser made the museum the subject; its treasurer, named beside her role, speaks.
TREASURER_INSIDE_SUBJECT = parse(
    "The Museum of Harbour Life's treasurer, Ada Rusk, added: “We are ready.”",
    """
    0 The - DT DET det 1 B-ORG
    1 Museum Museum NNP PROPN nsubj 11 I-ORG
    2 of - IN ADP prep 1 I-ORG
    3 Harbour Harbour NNP PROPN compound 4 I-ORG
    4 Life Life NNP PROPN poss 6 I-ORG
    5 's - POS PART case 4 I-ORG
    6 treasurer - NN NOUN pobj 2
    7 , - , PUNCT punct 6
    8 Ada Ada NNP PROPN compound 9 B-PERSON
    9 Rusk Rusk NNP PROPN appos 6 I-PERSON
    10 , - , PUNCT punct 1
    11 added add VBD VERB ROOT 11
    12 : - : PUNCT punct 11
    13 “ " `` PUNCT punct 11
    14 We - PRP PRON nsubj 15
    15 are be VBP AUX ccomp 11
    16 ready - JJ ADJ acomp 15
    17 . - . PUNCT punct 11
    18 ” " '' PUNCT punct 11
    """,
)


# Near miss: a person named in a relative clause of the subject ("whose chief executive") does not speak.
WHOSE_CHIEF_EXECUTIVE = parse(
    "Acme, whose chief executive, Jo Park, resigned, said the pier would reopen.",
    """
    0 Acme Acme NNP PROPN nsubj 11 B-ORG
    1 , - , PUNCT punct 0
    2 whose - WP$ DET poss 4
    3 chief - JJ ADJ amod 4
    4 executive - NN NOUN appos 0
    5 , - , PUNCT punct 4
    6 Jo Jo NNP PROPN compound 7 B-PERSON
    7 Park Park NNP PROPN appos 4 I-PERSON
    8 , - , PUNCT punct 0
    9 resigned resign VBD VERB ccomp 11
    10 , - , PUNCT punct 9
    11 said say VBD VERB ROOT 11
    12 the - DT DET det 13
    13 pier - NN NOUN nsubj 15
    14 would - MD AUX aux 15
    15 reopen - VB VERB ccomp 11
    16 . - . PUNCT punct 11
    """,
)


def test_a_person_named_with_her_role_inside_the_subject_speaks() -> None:
    found = subject(word(TREASURER_INSIDE_SUBJECT, "added"))
    assert found is not None and found.text == "Rusk"


def test_a_person_of_a_relative_clause_in_the_subject_does_not() -> None:
    found = subject(word(WHOSE_CHIEF_EXECUTIVE, "said"))
    assert found is not None and found.text == "Acme"
