"""From a speaker's head word to the words that name the speaker."""

from __future__ import annotations

from spacy.tokens import Token

from service.attribution.phrases import described_phrase, name_tokens, name_words, named_head, speaker_phrase, strip_titles
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


SIR_TOMAS_HALE = parse(
    "Sir Tomas Hale said the pier was safe.",
    """
    0 Sir Sir NNP PROPN compound 2
    1 Tomas Tomas NNP PROPN compound 2 B-PERSON
    2 Hale Hale NNP PROPN nsubj 3 I-PERSON
    3 said say VBD VERB ROOT 3
    4 the - DT DET det 5
    5 pier - NN NOUN nsubj 6
    6 was be VBD AUX ccomp 3
    7 safe - JJ ADJ acomp 6
    8 . - . PUNCT punct 3
    """,
)


# The model leaves the title out of the PERSON entity here; spaCy often counts
# it in ("Mayor Maria Lopez"), which is what strip_titles is for.
SPOKESMAN_IN_THE_NAME = parse(
    "Conservative health spokesman Lena Ortiz said the pier was safe.",
    """
    0 Conservative conservative JJ ADJ amod 2 B-PERSON
    1 health - NN NOUN compound 2 I-PERSON
    2 spokesman - NN NOUN compound 4 I-PERSON
    3 Lena Lena NNP PROPN compound 4 I-PERSON
    4 Ortiz Ortiz NNP PROPN nsubj 5 I-PERSON
    5 said say VBD VERB ROOT 5
    6 the - DT DET det 7
    7 pier - NN NOUN nsubj 8
    8 was be VBD AUX ccomp 5
    9 safe - JJ ADJ acomp 8
    10 . - . PUNCT punct 5
    """,
)


MAYORS_OFFICE = parse(
    "Mayor Elena Park’s office said the pier was safe.",
    """
    0 Mayor Mayor NNP PROPN compound 2
    1 Elena Elena NNP PROPN compound 2 B-PERSON
    2 Park Park NNP PROPN poss 4 I-PERSON
    3 ’s - POS PART case 2 I-PERSON
    4 office - NN NOUN nsubj 5
    5 said say VBD VERB ROOT 5
    6 the - DT DET det 7
    7 pier - NN NOUN nsubj 8
    8 was be VBD AUX ccomp 5
    9 safe - JJ ADJ acomp 8
    10 . - . PUNCT punct 5
    """,
)


def test_strip_titles_drops_a_form_of_address() -> None:
    assert texts(strip_titles(list(SIR_TOMAS_HALE[0:3]))) == ["Tomas", "Hale"]


def test_strip_titles_keeps_the_run_of_name_words_that_ends_the_entity() -> None:
    assert texts(strip_titles(list(SPOKESMAN_IN_THE_NAME[0:5]))) == ["Lena", "Ortiz"]


def test_strip_titles_drops_a_title_and_a_possessive() -> None:
    assert texts(strip_titles(list(MAYORS_OFFICE[0:4]))) == ["Elena", "Park"]


# The model counts "Founder" and "Dario" in the entity; here the recogniser is
# made to leave them out, as it does with names it does not know, so that the
# test shows the parser's compound joining them back.
FOUNDER_HAJI_PETROU = parse(
    "Founder Dario Haji-Petrou said the pier was safe.",
    """
    0 Founder Founder NNP PROPN compound 4
    1 Dario Dario NNP PROPN compound 4
    2 Haji Haji NNP PROPN compound 4 B-PERSON
    3 - - HYPH PUNCT punct 4 I-PERSON
    4 Petrou Petrou NNP PROPN nsubj 5 I-PERSON
    5 said say VBD VERB ROOT 5
    6 the - DT DET det 7
    7 pier - NN NOUN nsubj 8
    8 was be VBD AUX ccomp 5
    9 safe - JJ ADJ acomp 8
    10 . - . PUNCT punct 5
    """,
)


def test_name_tokens_extend_the_entity_over_a_proper_noun_the_parser_joined_to_it_not_over_a_role_noun() -> None:
    assert texts(name_tokens(word(FOUNDER_HAJI_PETROU, "Petrou"))) == ["Dario", "Haji", "-", "Petrou"]


def test_name_tokens_do_not_extend_over_a_form_of_address() -> None:
    assert texts(name_tokens(word(SIR_TOMAS_HALE, "Hale"))) == ["Tomas", "Hale"]


# The full stop of "D-Conn." also ends the sentence; the parser compounds the state with the next name.
PARTY_NOTATION_THEN_NAME = parse(
    "“It is late,” said Sen. Ann Lee, D-Conn. Hale, she said, agreed.",
    """
    0 “ " `` PUNCT punct 6
    1 It - PRP PRON nsubj 2
    2 is be VBZ AUX ccomp 6
    3 late - JJ ADJ acomp 2
    4 , - , PUNCT punct 6
    5 ” " '' PUNCT punct 6
    6 said say VBD VERB ccomp 19
    7 Sen. Sen. NNP PROPN compound 9
    8 Ann Ann NNP PROPN compound 9 B-PERSON
    9 Lee Lee NNP PROPN nsubj 6 I-PERSON
    10 , - , PUNCT punct 9
    11 D D NNP PROPN compound 14
    12 - - HYPH PUNCT punct 14
    13 Conn. Conn. NNP PROPN compound 14
    14 Hale Hale NNP PROPN appos 9 B-PERSON
    15 , - , PUNCT punct 17
    16 she - PRP PRON nsubj 17
    17 said say VBD VERB parataxis 19
    18 , - , PUNCT punct 17
    19 agreed agree VBD VERB ROOT 19
    20 . - . PUNCT punct 19
    """,
)
# Near miss: a word after a hyphen that no party letter opens is still a name word.
HYPHENATED_FIRST_NAME = parse(
    "Jean-Paul Hale said it was late.",
    """
    0 Jean Jean NNP PROPN compound 3
    1 - - HYPH PUNCT punct 2
    2 Paul Paul NNP PROPN compound 3
    3 Hale Hale NNP PROPN nsubj 4 B-PERSON
    4 said say VBD VERB ROOT 4
    5 it - PRP PRON nsubj 6
    6 was be VBD AUX ccomp 4
    7 late - JJ ADJ acomp 6
    8 . - . PUNCT punct 4
    """,
)


def test_name_tokens_do_not_extend_over_the_state_of_a_party_notation() -> None:
    assert texts(name_tokens(word(PARTY_NOTATION_THEN_NAME, "Hale"))) == ["Hale"]
    assert texts(name_tokens(word(HYPHENATED_FIRST_NAME, "Hale")))[-2:] == ["Paul", "Hale"]


def test_name_tokens_of_a_word_outside_an_entity_is_that_word() -> None:
    assert texts(name_tokens(word(THE_SPOKESPERSON, "spokesperson"))) == ["spokesperson"]


# --- a group keeps whom it gathers ---------------------------------------------------------

COALITION_OF_RETAILERS = parse(
    "A coalition of retailers said the rents were too high.",
    r"""
    0 A - DT DET det 1
    1 coalition - NN NOUN nsubj 4
    2 of - IN ADP prep 1
    3 retailers retailer NNS NOUN pobj 2
    4 said say VBD VERB ROOT 4
    5 the - DT DET det 6
    6 rents rent NNS NOUN nsubj 7
    7 were be VBD AUX ccomp 4
    8 too - RB ADV advmod 9
    9 high - JJ ADJ acomp 7
    10 . - . PUNCT punct 4
    """,
)

MAYOR_OF_TELLBRIDGE = parse(
    "The mayor of Tellbridge said the rents were too high.",
    r"""
    0 The - DT DET det 1
    1 mayor - NN NOUN nsubj 4
    2 of - IN ADP prep 1
    3 Tellbridge - NNP PROPN pobj 2 B-GPE
    4 said say VBD VERB ROOT 4
    5 the - DT DET det 6
    6 rents rent NNS NOUN nsubj 7
    7 were be VBD AUX ccomp 4
    8 too - RB ADV advmod 9
    9 high - JJ ADJ acomp 7
    10 . - . PUNCT punct 4
    """,
)


def test_a_group_is_named_with_whom_it_gathers() -> None:
    phrase = speaker_phrase(word(COALITION_OF_RETAILERS, "coalition"))
    assert texts(name_words(phrase)) == ["coalition", "of", "retailers"]


def test_a_role_of_a_place_is_named_without_the_place() -> None:
    assert texts(speaker_phrase(word(MAYOR_OF_TELLBRIDGE, "mayor"))) == ["The", "mayor"]


# A noun that names a person, capitalised before a full name as a label is: "Shopkeeper Jo Park".
SHOPKEEPER_JO_PARK = parse(
    "Shopkeeper Jo Park and Hunter Hale spoke.",
    """
    0 Shopkeeper shopkeeper NNP PROPN compound 2
    1 Jo Jo NNP PROPN compound 2 B-PERSON
    2 Park Park NNP PROPN nsubj 6 I-PERSON
    3 and - CC CCONJ cc 2
    4 Hunter Hunter NNP PROPN compound 5
    5 Hale Hale NNP PROPN conj 2
    6 spoke speak VBD VERB ROOT 6
    7 . - . PUNCT punct 6
    """,
)


def test_a_person_noun_before_a_full_name_is_no_part_of_it() -> None:
    doc = SHOPKEEPER_JO_PARK
    assert texts(strip_titles([doc[0], doc[1], doc[2]])) == ["Jo", "Park"]


def test_a_person_noun_before_one_name_may_be_a_first_name() -> None:
    # Near miss: "hunter" names a person too, but before a lone surname it is a first name.
    doc = SHOPKEEPER_JO_PARK
    assert texts(strip_titles([doc[4], doc[5]])) == ["Hunter", "Hale"]


# Unnamed speakers, described at length.
PERSON_FAMILIAR = parse(
    "A person familiar with the talks said the plant would stay open.",
    """
    0 A - DT DET det 1
    1 person - NN NOUN nsubj 6
    2 familiar - JJ ADJ amod 1
    3 with - IN ADP prep 2
    4 the - DT DET det 5
    5 talks talk NNS NOUN pobj 3
    6 said say VBD VERB ROOT 6
    7 the - DT DET det 8
    8 plant - NN NOUN nsubj 10
    9 would - MD AUX aux 10
    10 stay - VB VERB ccomp 6
    11 open - JJ ADJ acomp 10
    12 . - . PUNCT punct 6
    """,
)
TWO_OFFICIALS = parse(
    "Two officials who spoke on condition of anonymity said the cuts would go ahead.",
    """
    0 Two - CD NUM nummod 1 B-CARDINAL
    1 officials official NNS NOUN nsubj 8
    2 who - WP PRON nsubj 3
    3 spoke speak VBD VERB relcl 1
    4 on - IN ADP prep 3
    5 condition - NN NOUN pobj 4
    6 of - IN ADP prep 5
    7 anonymity - NN NOUN pobj 6
    8 said say VBD VERB ROOT 8
    9 the - DT DET det 10
    10 cuts cut NNS NOUN nsubj 12
    11 would - MD AUX aux 12
    12 go - VB VERB ccomp 8
    13 ahead - RB ADV advmod 12
    14 . - . PUNCT punct 8
    """,
)
# Near miss: a relative clause that reports what they said is no description of them.
OFFICIALS_WHO_SAID = parse(
    "Officials who said the plan would fail left the room.",
    """
    0 Officials official NNS NOUN nsubj 7
    1 who - WP PRON nsubj 2
    2 said say VBD VERB relcl 0
    3 the - DT DET det 4
    4 plan - NN NOUN nsubj 6
    5 would - MD AUX aux 6
    6 fail - VB VERB ccomp 2
    7 left leave VBN VERB ROOT 7
    8 the - DT DET det 9
    9 room - NN NOUN dobj 7
    10 . - . PUNCT punct 7
    """,
)


def test_an_unnamed_speakers_description_runs_on_after_its_noun() -> None:
    assert texts(described_phrase(word(PERSON_FAMILIAR, "person"))) == ["A", "person", "familiar", "with", "the", "talks"]
    assert " ".join(texts(described_phrase(word(TWO_OFFICIALS, "officials")))) == "Two officials who spoke on condition of anonymity"


def test_a_relative_clause_that_reports_speech_is_no_description() -> None:
    assert texts(described_phrase(word(OFFICIALS_WHO_SAID, "Officials"))) == ["Officials"]


# A name beside a noun that names a person, however the recogniser labelled it.
DAD_DARRIN = parse(
    "“You have to start somewhere,” says Wise's dad, Darrin.",
    """
    0 “ " `` PUNCT punct 8
    1 You - PRP PRON nsubj 2
    2 have - VBP VERB ccomp 8
    3 to - TO PART aux 4
    4 start - VB VERB xcomp 2
    5 somewhere - RB ADV advmod 4
    6 , - , PUNCT punct 8
    7 ” " '' PUNCT punct 8
    8 says say VBZ VERB ROOT 8
    9 Wise Wise NNP PROPN poss 11 B-PERSON
    10 's - POS PART case 9
    11 dad - NN NOUN nsubj 8
    12 , - , PUNCT punct 11
    13 Darrin Darrin NNP PROPN appos 11 B-GPE
    14 . - . PUNCT punct 8
    """,
)
OFFICIAL_NAMED = parse(
    "A disaster agency official in the province named Jhony said most victims were tourists.",
    """
    0 A - DT DET det 3
    1 disaster - NN NOUN compound 2
    2 agency - NN NOUN compound 3
    3 official - NN NOUN nsubj 9
    4 in - IN ADP prep 3
    5 the - DT DET det 6
    6 province - NN NOUN pobj 4
    7 named name VBN VERB acl 6
    8 Jhony Jhony NNP PROPN oprd 7 B-PERSON
    9 said say VBD VERB ROOT 9
    10 most - JJS ADJ amod 11
    11 victims victim NNS NOUN nsubj 12
    12 were be VBD AUX ccomp 9
    13 tourists tourist NNS NOUN attr 12
    14 . - . PUNCT punct 9
    """,
)
# Near miss: an organisation beside a noun that names a person is no one's name.
OWNER_ACME = parse(
    "The owner, Acme Holdings, said the pier was sold.",
    """
    0 The - DT DET det 1
    1 owner - NN NOUN nsubj 6
    2 , - , PUNCT punct 1
    3 Acme Acme NNP PROPN compound 4 B-ORG
    4 Holdings Holdings NNP PROPN appos 1 I-ORG
    5 , - , PUNCT punct 1
    6 said say VBD VERB ROOT 6
    7 the - DT DET det 8
    8 pier - NN NOUN nsubjpass 10
    9 was be VBD AUX auxpass 10
    10 sold sell VBN VERB ccomp 6
    11 . - . PUNCT punct 6
    """,
)


def test_a_name_beside_a_person_noun_is_the_speakers_whatever_its_label() -> None:
    assert named_head(word(DAD_DARRIN, "dad")).text == "Darrin"
    assert named_head(word(OFFICIAL_NAMED, "official")).text == "Jhony"


def test_an_organisation_beside_a_person_noun_is_no_name() -> None:
    assert named_head(word(OWNER_ACME, "owner")).text == "owner"


# A description runs up to a comma inside it, not on into a relative clause about something else.
EXPERT_CITED_IN_THE_REPORT = parse(
    "An expert cited in the report, which looked at real estate trends, said landlords will renovate.",
    """
    0 An - DT DET det 1
    1 expert - NN NOUN nsubj 14
    2 cited cite VBN VERB acl 1
    3 in - IN ADP prep 2
    4 the - DT DET det 5
    5 report - NN NOUN pobj 3
    6 , - , PUNCT punct 5
    7 which - WDT PRON nsubj 8
    8 looked look VBD VERB relcl 5
    9 at - IN ADP prep 8
    10 real - JJ ADJ amod 11
    11 estate - NN NOUN compound 12
    12 trends trend NNS NOUN pobj 9
    13 , - , PUNCT punct 14
    14 said say VBD VERB ROOT 14
    15 landlords landlord NNS NOUN nsubj 17
    16 will - MD AUX aux 17
    17 renovate - VB VERB ccomp 14
    18 . - . PUNCT punct 14
    """,
)


def test_a_description_stops_at_a_comma_inside_what_follows_its_noun() -> None:
    assert " ".join(texts(described_phrase(word(EXPERT_CITED_IN_THE_REPORT, "expert")))) == "An expert cited in the report"


# The parser heads the phrase with the owner's name (tagged a person) and hangs the director on it...
CLUB_HEADS_ITS_DIRECTOR = parse(
    '“We were unlucky,” said Redcastle Wanderers sporting director Maria Lopez.',
    """
    0 “ " `` PUNCT punct 6
    1 We - PRP PRON nsubj 2
    2 were be VBD AUX ccomp 6
    3 unlucky - JJ ADJ acomp 2
    4 , - , PUNCT punct 6
    5 ” " '' PUNCT punct 6
    6 said say VBD VERB ROOT 6
    7 Redcastle Redcastle NNP PROPN compound 8 B-PERSON
    8 Wanderers Wanderers NNPS PROPN nsubj 6 I-PERSON
    9 sporting - NN NOUN compound 10
    10 director - NN NOUN compound 12
    11 Maria Maria NNP PROPN compound 12 B-PERSON
    12 Lopez Lopez NNP PROPN appos 8 I-PERSON
    13 . - . PUNCT punct 6
    """,
)
# ...and an organisation's name before a title of three words...
FIRM_BEFORE_ITS_OFFICER = parse(
    'Harbor Foods chief operating officer Tom Hale said the plan would work.',
    """
    0 Harbor Harbor NNP PROPN compound 1 B-ORG
    1 Foods Foods NNP PROPN nmod 4 I-ORG
    2 chief - JJ ADJ amod 4
    3 operating - NN NOUN compound 4
    4 officer - NN NOUN compound 6
    5 Tom Tom NNP PROPN compound 6 B-PERSON
    6 Hale Hale NNP PROPN nsubj 7 I-PERSON
    7 said say VBD VERB ROOT 7
    8 the - DT DET det 9
    9 plan - NN NOUN nsubj 11
    10 would - MD AUX aux 11
    11 work - VB VERB ccomp 7
    12 . - . PUNCT punct 7
    """,
)
# ...near miss: a comma between the name and the title: two people.
DIRECTOR_AFTER_A_COMMA = parse(
    'Maria Lopez, director Tom Hale and the mayor met on Monday.',
    """
    0 Maria Maria NNP PROPN compound 1 B-PERSON
    1 Lopez Lopez NNP PROPN nsubj 9 I-PERSON
    2 , - , PUNCT punct 1
    3 director - NN NOUN compound 5
    4 Tom Tom NNP PROPN compound 5 B-PERSON
    5 Hale Hale NNP PROPN appos 1 I-PERSON
    6 and - CC CCONJ cc 5
    7 the - DT DET det 8
    8 mayor - NN NOUN conj 5
    9 met meet VBD VERB ROOT 9
    10 on - IN ADP prep 9
    11 Monday Monday NNP PROPN pobj 10 B-DATE
    12 . - . PUNCT punct 9
    """,
)


def test_a_name_right_before_a_title_and_a_persons_name_is_whose_post_it_is() -> None:
    assert named_head(word(CLUB_HEADS_ITS_DIRECTOR, "Wanderers")).text == "Lopez"
    assert named_head(word(FIRM_BEFORE_ITS_OFFICER, "Foods")).text == "Hale"
    assert named_head(word(DIRECTOR_AFTER_A_COMMA, "Lopez")).text == "Lopez"
