"""Reading one description's words: the honorific, the title and the organisation, on hand-built parses."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from service.attribution.resolution.titles import (
    _name_mark,
    NOTHING,
    Description,
    Rank,
    Source,
    _capitalised_only_here,
    _is_portfolio,
    _runs,
    merge,
    names_a_prize,
    organisation_in,
    organisation_words,
    piece,
    quoted_title_words,
    read_phrase,
    seat_words,
    text_of,
    whole_name,
)
from tests.attribution.sentences import ADMINISTRATION_OFFICIAL, HEALTH_MINISTER, MR_HALE, ROCK_STAR_AND_ROCK, SECRETARY_OF_STATE
from tests.parses import parse, word


def read(doc: Doc, start: int, end: int, head: str) -> tuple[str | None, str | None, str | None, Rank]:
    """What ``read_phrase`` makes of the words ``doc[start:end]`` with ``head`` as the title's head."""
    found = read_phrase(list(doc[start:end]), word(doc, head), Source.NAME_PHRASE)
    return (
        found.honorific.text if found.honorific else None,
        found.title.text if found.title else None,
        found.affiliation.text if found.affiliation else None,
        found.rank,
    )


def texts(tokens: list[Token]) -> list[str]:
    return [t.text for t in tokens]


def affiliation(found: Description) -> tuple[str, Rank] | None:
    return (found.affiliation.text, found.rank) if found.affiliation else None


# --- read_phrase ---------------------------------------------------------------------


TORY_LEADER = parse(
    "Tory leader Ana Ruiz said the pier was safe.",
    """
    0 Tory - NN NOUN compound 1 B-NORP
    1 leader - NN NOUN compound 3
    2 Ana Ana NNP PROPN compound 3 B-PERSON
    3 Ruiz Ruiz NNP PROPN nsubj 4 I-PERSON
    4 said say VBD VERB ROOT 4
    5 the - DT DET det 6
    6 pier - NN NOUN nsubj 7
    7 was be VBD AUX ccomp 4
    8 safe - JJ ADJ acomp 7
    9 . - . PUNCT punct 4
    """,
)


KESTRELS_CHIEF_EXECUTIVE = parse(
    "Kestrel’s chief executive Tom Hale said the pier was safe.",
    """
    0 Kestrel Kestrel NNP PROPN poss 3 B-ORG
    1 ’s - POS PART case 0
    2 chief - JJ ADJ amod 3
    3 executive - NN NOUN compound 5
    4 Tom Tom NNP PROPN compound 5 B-PERSON
    5 Hale Hale NNP PROPN nsubj 6 I-PERSON
    6 said say VBD VERB ROOT 6
    7 the - DT DET det 8
    8 pier - NN NOUN nsubj 9
    9 was be VBD AUX ccomp 6
    10 safe - JJ ADJ acomp 9
    11 . - . PUNCT punct 6
    """,
)


# The model leaves "Tellbridge" outside any entity; it is made the club (ORG)
# that the rule is about.
FORMER_CLUB_AND_COUNTRY_DEFENDER = parse(
    "Former Tellbridge and Wales defender Tom Hale said the pier was safe.",
    """
    0 Former former JJ ADJ amod 1
    1 Tellbridge Tellbridge NNP PROPN nmod 4 B-ORG
    2 and - CC CCONJ cc 1
    3 Wales Wales NNP PROPN conj 1 B-GPE
    4 defender - NN NOUN compound 6
    5 Tom Tom NNP PROPN compound 6 B-PERSON
    6 Hale Hale NNP PROPN nsubj 7 I-PERSON
    7 said say VBD VERB ROOT 7
    8 the - DT DET det 9
    9 pier - NN NOUN nsubj 10
    10 was be VBD AUX ccomp 7
    11 safe - JJ ADJ acomp 10
    12 . - . PUNCT punct 7
    """,
)


CHIEF_EXECUTIVE = parse(
    "Chief Executive Lena Ortiz said the pier was safe.",
    """
    0 Chief Chief NNP PROPN compound 3
    1 Executive Executive NNP PROPN compound 3
    2 Lena Lena NNP PROPN compound 3 B-PERSON
    3 Ortiz Ortiz NNP PROPN nsubj 4 I-PERSON
    4 said say VBD VERB ROOT 4
    5 the - DT DET det 6
    6 pier - NN NOUN nsubj 7
    7 was be VBD AUX ccomp 4
    8 safe - JJ ADJ acomp 7
    9 . - . PUNCT punct 4
    """,
)


def test_a_party_word_before_a_role_is_its_affiliation() -> None:
    assert read(TORY_LEADER, 0, 2, "leader") == (None, "leader", "Tory", Rank.PLACE)


def test_a_possessor_before_a_role_is_its_organisation() -> None:
    assert read(KESTRELS_CHIEF_EXECUTIVE, 0, 4, "executive") == (None, "chief executive", "Kestrel", Rank.ORGANISATION)


def test_a_former_club_before_a_country_is_the_affiliation_of_a_former_title() -> None:
    found = read(FORMER_CLUB_AND_COUNTRY_DEFENDER, 0, 5, "defender")
    assert found == (None, "Former defender", "Tellbridge", Rank.FORMER)


def test_a_former_title_drops_the_words_that_link_its_organisations() -> None:
    _, title, _, rank = read(FORMER_CLUB_AND_COUNTRY_DEFENDER, 0, 5, "defender")
    assert (title, rank) == ("Former defender", Rank.FORMER)


def test_a_form_of_address_is_the_honorific_not_a_title() -> None:
    assert read(MR_HALE, 0, 1, "Mr") == ("Mr", None, None, Rank.ORGANISATION)


def test_two_capitalised_role_words_are_all_title() -> None:
    assert read(CHIEF_EXECUTIVE, 0, 2, "Executive") == (None, "Chief Executive", None, Rank.ORGANISATION)


HARBOUR_MASTER = parse(
    "Lena Ortiz, the harbour master at Kestrel Port, said the pier was safe.",
    """
    0 Lena Lena NNP PROPN compound 1 B-PERSON
    1 Ortiz Ortiz NNP PROPN nsubj 10 I-PERSON
    2 , - , PUNCT punct 1
    3 the - DT DET det 5
    4 harbour - NN NOUN compound 5
    5 master - NN NOUN appos 1
    6 at - IN ADP prep 5
    7 Kestrel Kestrel NNP PROPN compound 8 B-FAC
    8 Port Port NNP PROPN pobj 6 I-FAC
    9 , - , PUNCT punct 1
    10 said say VBD VERB ROOT 10
    11 the - DT DET det 12
    12 pier - NN NOUN nsubj 13
    13 was be VBD AUX ccomp 10
    14 safe - JJ ADJ acomp 13
    15 . - . PUNCT punct 10
    """,
)


def test_a_lower_case_role_noun_that_is_also_a_form_of_address_is_the_title() -> None:
    assert read(HARBOUR_MASTER, 3, 6, "master") == (None, "harbour master", None, Rank.ORGANISATION)


# --- organisations: whole_name, organisation_words, _is_portfolio ------------------


# The recogniser cuts the name at "and" (as the model does here).
TRUST_CUT_AT_AND = parse(
    "A Harbor Parks and Wildlife Trust official said the pier was safe.",
    """
    0 A - DT DET det 6
    1 Harbor Harbor NNP PROPN compound 2
    2 Parks Parks NNPS PROPN nmod 6
    3 and - CC CCONJ cc 2
    4 Wildlife Wildlife NNP PROPN compound 5 B-ORG
    5 Trust Trust NNP PROPN conj 2 I-ORG
    6 official - NN NOUN nsubj 7
    7 said say VBD VERB ROOT 7
    8 the - DT DET det 9
    9 pier - NN NOUN nsubj 10
    10 was be VBD AUX ccomp 7
    11 safe - JJ ADJ acomp 10
    12 . - . PUNCT punct 7
    """,
)


# The same sentence with the name cut after "Parks" instead (hand-made: the
# model cuts it before "Wildlife").
TRUST_CUT_BEFORE_AND = parse(
    "A Harbor Parks and Wildlife Trust official said the pier was safe.",
    """
    0 A - DT DET det 6
    1 Harbor Harbor NNP PROPN compound 2 B-ORG
    2 Parks Parks NNPS PROPN nmod 6 I-ORG
    3 and - CC CCONJ cc 2
    4 Wildlife Wildlife NNP PROPN compound 5
    5 Trust Trust NNP PROPN conj 2
    6 official - NN NOUN nsubj 7
    7 said say VBD VERB ROOT 7
    8 the - DT DET det 9
    9 pier - NN NOUN nsubj 10
    10 was be VBD AUX ccomp 7
    11 safe - JJ ADJ acomp 10
    12 . - . PUNCT punct 7
    """,
)


KESTREL_AND_THE_UNION = parse(
    "Kestrel and the union said the pier was safe.",
    """
    0 Kestrel Kestrel NNP PROPN nsubj 4 B-ORG
    1 and - CC CCONJ cc 0
    2 the - DT DET det 3
    3 union - NN NOUN conj 0
    4 said say VBD VERB ROOT 4
    5 the - DT DET det 6
    6 pier - NN NOUN nsubj 7
    7 was be VBD AUX ccomp 4
    8 safe - JJ ADJ acomp 7
    9 . - . PUNCT punct 4
    """,
)


# "Kestrel" alone is made the entity, to show the hyphen joining "Harbor".
HYPHENATED_UNION = parse(
    "Lt. Gen. Ana Ruiz said the Kestrel-Harbor union was safe.",
    """
    0 Lt. Lt. NNP PROPN compound 1
    1 Gen. Gen. NNP PROPN compound 3
    2 Ana Ana NNP PROPN compound 3 B-PERSON
    3 Ruiz Ruiz NNP PROPN nsubj 4 I-PERSON
    4 said say VBD VERB ROOT 4
    5 the - DT DET det 9
    6 Kestrel Kestrel NNP PROPN compound 8 B-ORG
    7 - - HYPH PUNCT punct 8
    8 Harbor Harbor NNP PROPN compound 9
    9 union - NN NOUN nsubj 10
    10 was be VBD AUX ccomp 4
    11 safe - JJ ADJ acomp 10
    12 . - . PUNCT punct 4
    """,
)


def test_whole_name_takes_back_the_words_before_and() -> None:
    words = list(TRUST_CUT_AT_AND[4:6])
    assert texts(whole_name(words)) == ["Harbor", "Parks", "and", "Wildlife", "Trust"]


def test_whole_name_takes_back_the_words_after_and() -> None:
    words = list(TRUST_CUT_BEFORE_AND[1:3])
    assert texts(whole_name(words)) == ["Harbor", "Parks", "and", "Wildlife", "Trust"]


def test_whole_name_takes_back_a_name_after_a_hyphen() -> None:
    assert texts(whole_name([word(HYPHENATED_UNION, "Kestrel")])) == ["Kestrel", "-", "Harbor"]


def test_whole_name_stops_at_a_lower_case_word() -> None:
    assert texts(whole_name([word(KESTREL_AND_THE_UNION, "Kestrel")])) == ["Kestrel"]


# The model counts "Senate" alone as the ORG; the recogniser as often takes in
# the role words after it, which is the case organisation_words is for.
SENATE_MINORITY_LEADER = parse(
    "Senate Minority Leader Ana Ruiz said the pier was safe.",
    """
    0 Senate Senate NNP PROPN compound 2 B-ORG
    1 Minority Minority NNP PROPN compound 2 I-ORG
    2 Leader Leader NNP PROPN compound 4 I-ORG
    3 Ana Ana NNP PROPN compound 4 B-PERSON
    4 Ruiz Ruiz NNP PROPN nsubj 5 I-PERSON
    5 said say VBD VERB ROOT 5
    6 the - DT DET det 7
    7 pier - NN NOUN nsubj 8
    8 was be VBD AUX ccomp 5
    9 safe - JJ ADJ acomp 8
    10 . - . PUNCT punct 5
    """,
)


def test_organisation_words_give_trailing_role_words_back_to_the_title() -> None:
    found = organisation_words(word(SENATE_MINORITY_LEADER, "Senate"))
    assert found is not None and (texts(found[0]), found[1]) == (["Senate"], Rank.ORGANISATION)
    assert organisation_words(word(SENATE_MINORITY_LEADER, "Leader")) is None
    assert read(SENATE_MINORITY_LEADER, 0, 3, "Leader") == (None, "Minority Leader", "Senate", Rank.ORGANISATION)


def test_organisation_words_know_no_person() -> None:
    assert organisation_words(word(SENATE_MINORITY_LEADER, "Ruiz")) is None


def test_organisation_words_of_a_place_rank_as_a_place() -> None:
    found = organisation_words(word(FORMER_CLUB_AND_COUNTRY_DEFENDER, "Wales"))
    assert found is not None and (texts(found[0]), found[1]) == (["Wales"], Rank.PLACE)


DIRECTOR_OF_KESTREL = parse(
    "Ana Ruiz, the director of Kestrel, said the pier was safe.",
    """
    0 Ana Ana NNP PROPN compound 1 B-PERSON
    1 Ruiz Ruiz NNP PROPN nsubj 8 I-PERSON
    2 , - , PUNCT punct 1
    3 the - DT DET det 4
    4 director - NN NOUN appos 1
    5 of - IN ADP prep 4
    6 Kestrel Kestrel NNP PROPN pobj 5 B-ORG
    7 , - , PUNCT punct 1
    8 said say VBD VERB ROOT 8
    9 the - DT DET det 10
    10 pier - NN NOUN nsubj 11
    11 was be VBD AUX ccomp 8
    12 safe - JJ ADJ acomp 11
    13 . - . PUNCT punct 8
    """,
)


def test_a_portfolio_after_of_is_no_organisation() -> None:
    state = word(SECRETARY_OF_STATE, "State")
    assert _is_portfolio(state)
    assert organisation_words(state) is None


def test_an_organisation_after_of_is_one() -> None:
    kestrel = word(DIRECTOR_OF_KESTREL, "Kestrel")
    assert not _is_portfolio(kestrel)
    found = organisation_words(kestrel)
    assert found is not None and texts(found[0]) == ["Kestrel"]


# The recogniser's entity ends on a portfolio word, which is part of the name.
COASTAL_AFFAIRS_ADVISER = parse(
    "Office of Coastal Affairs adviser Ola Dent said the pier was safe.",
    """
    0 Office Office NNP PROPN nmod 4 B-ORG
    1 of - IN ADP prep 0 I-ORG
    2 Coastal Coastal NNP PROPN compound 3 I-ORG
    3 Affairs Affairs NNPS PROPN pobj 1 I-ORG
    4 adviser - NN NOUN compound 6
    5 Ola Ola NNP PROPN compound 6 B-PERSON
    6 Dent Dent NNP PROPN nsubj 7 I-PERSON
    7 said say VBD VERB ROOT 7
    8 the - DT DET det 9
    9 pier - NN NOUN nsubj 10
    10 was be VBD AUX ccomp 7
    11 safe - JJ ADJ acomp 10
    12 . - . PUNCT punct 7
    """,
)


def test_a_portfolio_word_ending_an_organisation_stays_in_its_name() -> None:
    found = organisation_words(word(COASTAL_AFFAIRS_ADVISER, "Office"))
    assert found is not None and texts(found[0]) == ["Office", "of", "Coastal", "Affairs"]
    assert read(COASTAL_AFFAIRS_ADVISER, 0, 5, "adviser") == (None, "adviser", "Office of Coastal Affairs", Rank.ORGANISATION)


# The parser makes the name the object of "for", so that the description's
# words (the subtree of "director") start inside the organisation's name.
INLAND_WATERWAYS_DIRECTOR = parse(
    "Bureau for Inland Waterways deputy director Ola Dent said the locks were shut.",
    """
    0 Bureau Bureau NNP PROPN nsubj 8 B-ORG
    1 for - IN ADP prep 0 I-ORG
    2 Inland Inland NNP PROPN compound 3 I-ORG
    3 Waterways Waterways NNPS PROPN compound 5 I-ORG
    4 deputy - NN NOUN compound 5
    5 director - NN NOUN compound 7
    6 Ola Ola NNP PROPN compound 7 B-PERSON
    7 Dent Dent NNP PROPN pobj 1 I-PERSON
    8 said say VBD VERB ROOT 8
    9 the - DT DET det 10
    10 locks - NNS NOUN nsubj 11
    11 were be VBD AUX ccomp 8
    12 shut - VBN VERB acomp 11
    13 . - . PUNCT punct 8
    """,
)


def test_the_start_of_an_organisation_cut_off_by_the_parse_is_taken_back() -> None:
    assert read(INLAND_WATERWAYS_DIRECTOR, 2, 6, "director") == (
        None,
        "deputy director",
        "Bureau for Inland Waterways",
        Rank.ORGANISATION,
    )


def test_nothing_is_taken_back_where_the_organisation_starts_with_the_description() -> None:
    assert read(COASTAL_AFFAIRS_ADVISER, 0, 5, "adviser")[2] == "Office of Coastal Affairs"
    assert read(KESTRELS_CHIEF_EXECUTIVE, 0, 4, "executive")[2] == "Kestrel"


# No entity: the recogniser tagged nothing before the name.
HARBOUR_ENERGY_CHAIRWOMAN = parse(
    "Harbour Energy chairwoman Ola Dent said the pier was safe.",
    """
    0 Harbour Harbour NNP PROPN compound 1
    1 Energy Energy NNP PROPN compound 2
    2 chairwoman - NN NOUN compound 4
    3 Ola Ola NNP PROPN compound 4 B-PERSON
    4 Dent Dent NNP PROPN nsubj 5 I-PERSON
    5 said say VBD VERB ROOT 5
    6 the - DT DET det 7
    7 pier - NN NOUN nsubj 8
    8 was be VBD AUX ccomp 5
    9 safe - JJ ADJ acomp 8
    10 . - . PUNCT punct 5
    """,
)


def test_a_portfolio_word_after_an_organisations_proper_noun_ends_its_name() -> None:
    assert read(HARBOUR_ENERGY_CHAIRWOMAN, 0, 3, "chairwoman") == (None, "chairwoman", "Harbour Energy", Rank.ORGANISATION)


def test_a_portfolio_word_with_no_organisation_before_it_stays_in_the_title() -> None:
    assert read(HEALTH_MINISTER, 0, 2, "Minister") == (None, "Health Minister", None, Rank.ORGANISATION)


WARD_COUNCILLOR = parse(
    "Hill Top ward councillor Ola Dent said the pier was safe.",
    """
    0 Hill Hill NNP PROPN compound 1
    1 Top Top NNP PROPN compound 2
    2 ward - NN NOUN compound 3
    3 councillor - NN NOUN compound 5
    4 Ola Ola NNP PROPN compound 5 B-PERSON
    5 Dent Dent NNP PROPN nsubj 6 I-PERSON
    6 said say VBD VERB ROOT 6
    7 the - DT DET det 8
    8 pier - NN NOUN nsubj 9
    9 was be VBD AUX ccomp 6
    10 safe - JJ ADJ acomp 9
    11 . - . PUNCT punct 6
    """,
)


def test_the_seat_before_an_elected_post_is_neither_title_nor_affiliation() -> None:
    assert seat_words(list(WARD_COUNCILLOR[0:4]), word(WARD_COUNCILLOR, "councillor")) == {0, 1, 2}
    assert read(WARD_COUNCILLOR, 0, 4, "councillor") == (None, "councillor", None, Rank.ORGANISATION)


def test_an_organisation_before_a_post_that_holds_no_seat_stays() -> None:
    assert seat_words(list(HARBOUR_ENERGY_CHAIRWOMAN[0:3]), word(HARBOUR_ENERGY_CHAIRWOMAN, "chairwoman")) == set()


def test_a_capitalised_portfolio_word_before_an_elected_post_is_its_party() -> None:
    assert read(LABOUR_MP, 0, 2, "MP") == (None, "MP", "Labour", Rank.ORGANISATION)


# The recogniser tags a lone portfolio word as an organisation.
JUSTICE_MINISTER = parse(
    "Justice Minister Ola Dent said the pier was safe.",
    """
    0 Justice Justice NNP PROPN compound 1 B-ORG
    1 Minister Minister NNP PROPN compound 3
    2 Ola Ola NNP PROPN compound 3 B-PERSON
    3 Dent Dent NNP PROPN nsubj 4 I-PERSON
    4 said say VBD VERB ROOT 4
    5 the - DT DET det 6
    6 pier - NN NOUN nsubj 7
    7 was be VBD AUX ccomp 4
    8 safe - JJ ADJ acomp 7
    9 . - . PUNCT punct 4
    """,
)


LABOUR_MP = parse(
    "Labour MP Ola Dent said the pier was safe.",
    """
    0 Labour Labour NNP PROPN compound 1 B-ORG
    1 MP MP NNP PROPN compound 3
    2 Ola Ola NNP PROPN compound 3 B-PERSON
    3 Dent Dent NNP PROPN nsubj 4 I-PERSON
    4 said say VBD VERB ROOT 4
    5 the - DT DET det 6
    6 pier - NN NOUN nsubj 7
    7 was be VBD AUX ccomp 4
    8 safe - JJ ADJ acomp 7
    9 . - . PUNCT punct 4
    """,
)


def test_a_lone_portfolio_word_before_a_minister_is_part_of_the_title() -> None:
    assert _is_portfolio(word(JUSTICE_MINISTER, "Justice"))
    assert read(JUSTICE_MINISTER, 0, 2, "Minister") == (None, "Justice Minister", None, Rank.ORGANISATION)


def test_a_lone_portfolio_word_before_another_role_is_an_organisation() -> None:
    assert not _is_portfolio(word(LABOUR_MP, "Labour"))
    assert read(LABOUR_MP, 0, 2, "MP") == (None, "MP", "Labour", Rank.ORGANISATION)


# The recogniser tags only the last part of a name of two plurals' possessives.
TANNERS_AND_DYERS_SECRETARY = parse(
    "The Tanners' and Dyers' Union general secretary Ola Dent said the pier was safe.",
    """
    0 The - DT DET det 1
    1 Tanners Tanners NNPS PROPN poss 9
    2 ' - POS PART case 1
    3 and - CC CCONJ cc 1
    4 Dyers Dyers NNP PROPN poss 6 B-ORG
    5 ' - POS PART case 4 I-ORG
    6 Union Union NNP PROPN nmod 8 I-ORG
    7 general - JJ ADJ amod 8
    8 secretary - NN NOUN compound 10
    9 Ola Ola NNP PROPN compound 10 B-PERSON
    10 Dent Dent NNP PROPN nsubj 11 I-PERSON
    11 said say VBD VERB ROOT 11
    12 the - DT DET det 13
    13 pier - NN NOUN nsubj 14
    14 was be VBD AUX ccomp 11
    15 safe - JJ ADJ acomp 14
    16 . - . PUNCT punct 11
    """,
)


KESTRELS_UNTAGGED_MANAGER = parse(
    "Kestrel's Ola Dent said the pier was safe.",
    """
    0 Kestrel Kestrel NNP PROPN poss 3 B-ORG
    1 's - POS PART case 0
    2 Ola Ola NNP PROPN compound 3
    3 Dent Dent NNP PROPN nsubj 4
    4 said say VBD VERB ROOT 4
    5 the - DT DET det 6
    6 pier - NN NOUN nsubj 7
    7 was be VBD AUX ccomp 4
    8 safe - JJ ADJ acomp 7
    9 . - . PUNCT punct 4
    """,
)


WOMENS_CLUB_TREASURER = parse(
    "Women's Rowing Club treasurer Ola Dent said the pier was safe.",
    """
    0 Women Women NNP PROPN poss 3 B-ORG
    1 's - POS PART case 0 I-ORG
    2 Rowing Rowing NNP PROPN compound 3 I-ORG
    3 Club Club NNP PROPN compound 4 I-ORG
    4 treasurer - NN NOUN compound 6
    5 Ola Ola NNP PROPN compound 6 B-PERSON
    6 Dent Dent NNP PROPN nsubj 7 I-PERSON
    7 said say VBD VERB ROOT 7
    8 the - DT DET det 9
    9 pier - NN NOUN nsubj 10
    10 was be VBD AUX ccomp 7
    11 safe - JJ ADJ acomp 10
    12 . - . PUNCT punct 7
    """,
)


def test_whole_name_continues_across_a_plurals_possessive_mark() -> None:
    doc = TANNERS_AND_DYERS_SECRETARY
    assert texts(whole_name(list(doc[4:7]))) == ["Tanners", "'", "and", "Dyers", "'", "Union"]


def test_whole_name_stops_at_a_singulars_possessive() -> None:
    assert texts(whole_name([word(KESTRELS_UNTAGGED_MANAGER, "Kestrel")])) == ["Kestrel"]


def test_a_name_of_plurals_possessives_keeps_its_apostrophes() -> None:
    assert read(TANNERS_AND_DYERS_SECRETARY, 1, 9, "secretary") == (
        None,
        "general secretary",
        "Tanners' and Dyers' Union",
        Rank.ORGANISATION,
    )


def test_a_possessive_inside_one_entity_stays_in_the_name() -> None:
    assert read(WOMENS_CLUB_TREASURER, 0, 5, "treasurer") == (None, "treasurer", "Women's Rowing Club", Rank.ORGANISATION)


PRIZE_WINNER = parse(
    "Ada Rusk, winner of the Harbour Prize for Poetry, said the pier was safe.",
    """
    0 Ada Ada NNP PROPN compound 1 B-PERSON
    1 Rusk Rusk NNP PROPN nsubj 11 I-PERSON
    2 , - , PUNCT punct 1
    3 winner - NN NOUN appos 1
    4 of - IN ADP prep 3
    5 the - DT DET det 7 B-ORG
    6 Harbour Harbour NNP PROPN compound 7 I-ORG
    7 Prize Prize NNP PROPN pobj 4 I-ORG
    8 for - IN ADP prep 3 I-ORG
    9 Poetry Poetry NNP PROPN pobj 8 I-ORG
    10 , - , PUNCT punct 1
    11 said say VBD VERB ROOT 11
    12 the - DT DET det 13
    13 pier - NN NOUN nsubj 14
    14 was be VBD AUX ccomp 11
    15 safe - JJ ADJ acomp 14
    16 . - . PUNCT punct 11
    """,
)


PRIZE_FOUNDATION_DIRECTOR = parse(
    "Ada Rusk, director of the Harbour Prize Foundation, said the pier was safe.",
    """
    0 Ada Ada NNP PROPN compound 1 B-PERSON
    1 Rusk Rusk NNP PROPN nsubj 10 I-PERSON
    2 , - , PUNCT punct 1
    3 director - NN NOUN appos 1
    4 of - IN ADP prep 3
    5 the - DT DET det 8 B-ORG
    6 Harbour Harbour NNP PROPN compound 8 I-ORG
    7 Prize Prize NNP PROPN compound 8 I-ORG
    8 Foundation Foundation NNP PROPN pobj 4 I-ORG
    9 , - , PUNCT punct 1
    10 said say VBD VERB ROOT 10
    11 the - DT DET det 12
    12 pier - NN NOUN nsubj 13
    13 was be VBD AUX ccomp 10
    14 safe - JJ ADJ acomp 13
    15 . - . PUNCT punct 10
    """,
)


def test_a_prize_is_no_organisation() -> None:
    assert names_a_prize(list(PRIZE_WINNER[5:10]))
    assert organisation_words(word(PRIZE_WINNER, "Poetry")) is None
    assert organisation_in(PRIZE_WINNER[3:10], Source.APPOSITION) == NOTHING


def test_a_foundation_named_after_a_prize_is_an_organisation() -> None:
    assert not names_a_prize(list(PRIZE_FOUNDATION_DIRECTOR[5:9]))
    assert affiliation(organisation_in(PRIZE_FOUNDATION_DIRECTOR[3:9], Source.APPOSITION)) == ("Harbour Prize Foundation", Rank.ORGANISATION)


UNTAGGED_HYPHENATED_CENTER = parse(
    "Ada Rusk, a fellow at the Urban-Harbor Policy Center, said the pier was safe.",
    """
    0 Ada Ada NNP PROPN compound 1 B-PERSON
    1 Rusk Rusk NNP PROPN nsubj 13 I-PERSON
    2 , - , PUNCT punct 1
    3 a - DT DET det 4
    4 fellow - NN NOUN appos 1
    5 at - IN ADP prep 4
    6 the - DT DET det 11
    7 Urban Urban NNP PROPN compound 9
    8 - - HYPH PUNCT punct 9
    9 Harbor Harbor NNP PROPN compound 11
    10 Policy Policy NNP PROPN compound 11
    11 Center Center NNP PROPN pobj 5
    12 , - , PUNCT punct 1
    13 said say VBD VERB ROOT 13
    14 the - DT DET det 15
    15 pier - NN NOUN nsubj 16
    16 was be VBD AUX ccomp 13
    17 safe - JJ ADJ acomp 16
    18 . - . PUNCT punct 13
    """,
)


def test_an_untagged_name_keeps_its_hyphen() -> None:
    found = organisation_in(UNTAGGED_HYPHENATED_CENTER[5:12], Source.APPOSITION)
    assert affiliation(found) == ("Urban-Harbor Policy Center", Rank.ORGANISATION)


FRENCH_SCULPTOR = parse(
    "French sculptor Ola Dent said the pier was safe.",
    """
    0 French French JJ ADJ amod 1 B-NORP
    1 sculptor - NN NOUN compound 3
    2 Ola Ola NNP PROPN compound 3 B-PERSON
    3 Dent Dent NNP PROPN nsubj 4 I-PERSON
    4 said say VBD VERB ROOT 4
    5 the - DT DET det 6
    6 pier - NN NOUN nsubj 7
    7 was be VBD AUX ccomp 4
    8 safe - JJ ADJ acomp 7
    9 . - . PUNCT punct 4
    """,
)


FRENCH_MINISTER = parse(
    "French minister Ola Dent said the pier was safe.",
    """
    0 French French JJ ADJ amod 1 B-NORP
    1 minister - NN NOUN compound 3
    2 Ola Ola NNP PROPN compound 3 B-PERSON
    3 Dent Dent NNP PROPN nsubj 4 I-PERSON
    4 said say VBD VERB ROOT 4
    5 the - DT DET det 6
    6 pier - NN NOUN nsubj 7
    7 was be VBD AUX ccomp 4
    8 safe - JJ ADJ acomp 7
    9 . - . PUNCT punct 4
    """,
)


REPUBLICAN_SCULPTOR = parse(
    "Republican sculptor Ola Dent said the pier was safe.",
    """
    0 Republican Republican JJ ADJ amod 1 B-NORP
    1 sculptor - NN NOUN compound 3
    2 Ola Ola NNP PROPN compound 3 B-PERSON
    3 Dent Dent NNP PROPN nsubj 4 I-PERSON
    4 said say VBD VERB ROOT 4
    5 the - DT DET det 6
    6 pier - NN NOUN nsubj 7
    7 was be VBD AUX ccomp 4
    8 safe - JJ ADJ acomp 7
    9 . - . PUNCT punct 4
    """,
)


def test_a_nationality_before_an_occupation_is_no_affiliation() -> None:
    assert read(FRENCH_SCULPTOR, 0, 2, "sculptor") == (None, "sculptor", None, Rank.ORGANISATION)


def test_a_nationality_before_a_post_held_for_the_state_is_the_affiliation() -> None:
    assert read(FRENCH_MINISTER, 0, 2, "minister") == (None, "minister", "French", Rank.PLACE)


def test_a_party_before_an_occupation_stays_the_affiliation() -> None:
    assert read(REPUBLICAN_SCULPTOR, 0, 2, "sculptor") == (None, "sculptor", "Republican", Rank.PLACE)


QUOTED_SHOW_CREATOR = parse(
    "“Dock Street” creator Ola Dent said the pier was safe.",
    """
    0 “ - `` PUNCT punct 2
    1 Dock Dock NNP PROPN compound 2
    2 Street Street NNP PROPN compound 4
    3 ” - '' PUNCT punct 2
    4 creator - NN NOUN compound 6
    5 Ola Ola NNP PROPN compound 6 B-PERSON
    6 Dent Dent NNP PROPN nsubj 7 I-PERSON
    7 said say VBD VERB ROOT 7
    8 the - DT DET det 9
    9 pier - NN NOUN nsubj 10
    10 was be VBD AUX ccomp 7
    11 safe - JJ ADJ acomp 10
    12 . - . PUNCT punct 7
    """,
)


WORLDS_LARGEST_MAKER = parse(
    "Ola Dent, the world's largest breeder, said the pier was safe.",
    """
    0 Ola Ola NNP PROPN compound 1 B-PERSON
    1 Dent Dent NNP PROPN nsubj 9 I-PERSON
    2 , - , PUNCT punct 1
    3 the - DT DET det 4
    4 world - NN NOUN poss 7
    5 's - POS PART case 4
    6 largest - JJS ADJ amod 7
    7 breeder - NN NOUN appos 1
    8 , - , PUNCT punct 1
    9 said say VBD VERB ROOT 9
    10 the - DT DET det 11
    11 pier - NN NOUN nsubj 12
    12 was be VBD AUX ccomp 9
    13 safe - JJ ADJ acomp 12
    14 . - . PUNCT punct 9
    """,
)


def test_a_works_title_in_quotation_marks_is_neither_title_nor_organisation() -> None:
    assert quoted_title_words(list(QUOTED_SHOW_CREATOR[0:5])) == {1, 2}
    assert read(QUOTED_SHOW_CREATOR, 0, 5, "creator") == (None, "creator", None, Rank.ORGANISATION)


def test_a_name_without_quotation_marks_before_a_role_is_its_owner() -> None:
    assert quoted_title_words(list(HARBOUR_ENERGY_CHAIRWOMAN[0:3])) == set()


def test_a_title_keeps_the_possessive_mark_between_its_words() -> None:
    assert read(WORLDS_LARGEST_MAKER, 3, 8, "breeder") == (None, "world's largest breeder", None, Rank.ORGANISATION)
    assert read(KESTRELS_CHIEF_EXECUTIVE, 0, 4, "executive")[1] == "chief executive"


# --- _capitalised_only_here ----------------------------------------------------------


# Corrected as ROCK_STAR_AND_ROCK is.
ROCK_STAR = parse(
    "Rock star Ana Ruiz said the pier was safe.",
    """
    0 Rock Rock NNP PROPN compound 1
    1 star - NN NOUN compound 3
    2 Ana Ana NNP PROPN compound 3 B-PERSON
    3 Ruiz Ruiz NNP PROPN nsubj 4 I-PERSON
    4 said say VBD VERB ROOT 4
    5 the - DT DET det 6
    6 pier - NN NOUN nsubj 7
    7 was be VBD AUX ccomp 4
    8 safe - JJ ADJ acomp 7
    9 . - . PUNCT punct 4
    """,
)


def test_a_first_word_the_article_writes_in_lower_case_elsewhere_is_no_owner() -> None:
    assert _capitalised_only_here(word(ROCK_STAR_AND_ROCK, "Rock"))
    assert read(ROCK_STAR_AND_ROCK, 0, 2, "star") == (None, "Rock star", None, Rank.ORGANISATION)


def test_a_capitalised_first_word_never_written_in_lower_case_is_an_owner() -> None:
    assert not _capitalised_only_here(word(ROCK_STAR, "Rock"))
    assert read(ROCK_STAR, 0, 2, "star") == (None, "star", "Rock", Rank.ORGANISATION)


def test_a_word_inside_a_sentence_is_never_capitalised_only_here() -> None:
    assert not _capitalised_only_here(word(ROCK_STAR_AND_ROCK, "rock"))


# --- organisation nouns: _with_organisation_nouns, _organisation_noun_before_role ----


# The model tags "Ruiz" a common noun outside any entity; corrected to a PERSON,
# the case the rule is about.
CAMPAIGN_CHAIRMAN = parse(
    "Ruiz campaign chairman Tom Hale said the pier was safe.",
    """
    0 Ruiz Ruiz NNP PROPN compound 2 B-PERSON
    1 campaign - NN NOUN compound 2
    2 chairman - NN NOUN compound 4
    3 Tom Tom NNP PROPN compound 4 B-PERSON
    4 Hale Hale NNP PROPN nsubj 5 I-PERSON
    5 said say VBD VERB ROOT 5
    6 the - DT DET det 7
    7 pier - NN NOUN nsubj 8
    8 was be VBD AUX ccomp 5
    9 safe - JJ ADJ acomp 8
    10 . - . PUNCT punct 5
    """,
)


SURNAME_BEFORE_ADVISER = parse(
    "Ruiz adviser Tom Hale said the pier was safe.",
    """
    0 Ruiz Ruiz NNP PROPN compound 1 B-PERSON
    1 adviser - NN NOUN compound 3
    2 Tom Tom NNP PROPN compound 3 B-PERSON
    3 Hale Hale NNP PROPN nsubj 4 I-PERSON
    4 said say VBD VERB ROOT 4
    5 the - DT DET det 6
    6 pier - NN NOUN nsubj 7
    7 was be VBD AUX ccomp 4
    8 safe - JJ ADJ acomp 7
    9 . - . PUNCT punct 4
    """,
)


COMMITTEE_CHAIRMAN = parse(
    "The committee chairman said the pier was safe.",
    """
    0 The - DT DET det 2
    1 committee - NN NOUN compound 2
    2 chairman - NN NOUN nsubj 3
    3 said say VBD VERB ROOT 3
    4 the - DT DET det 5
    5 pier - NN NOUN nsubj 6
    6 was be VBD AUX ccomp 3
    7 safe - JJ ADJ acomp 6
    8 . - . PUNCT punct 3
    """,
)


# The model tags "accounts" a verb; corrected to the plural noun it is.
COMMITTEE_WITH_MODIFIERS_CHAIRMAN = parse(
    "The public accounts committee chairman said the pier was safe.",
    """
    0 The - DT DET det 4
    1 public - JJ ADJ amod 2
    2 accounts account NNS NOUN compound 3
    3 committee - NN NOUN compound 4
    4 chairman - NN NOUN nsubj 5
    5 said say VBD VERB ROOT 5
    6 the - DT DET det 7
    7 pier - NN NOUN nsubj 8
    8 was be VBD AUX ccomp 5
    9 safe - JJ ADJ acomp 8
    10 . - . PUNCT punct 5
    """,
)


# The model tags "Tellbridge" an adjective outside any entity and leaves "Ana
# Ruiz" unlabelled; corrected to a place and a PERSON.
TOWN_POLICE_CHIEF = parse(
    "Tellbridge police chief Ana Ruiz said the pier was safe.",
    """
    0 Tellbridge Tellbridge NNP PROPN compound 2 B-GPE
    1 police - NN NOUN compound 2
    2 chief - NN NOUN compound 4
    3 Ana Ana NNP PROPN compound 4 B-PERSON
    4 Ruiz Ruiz NNP PROPN nsubj 5 I-PERSON
    5 said say VBD VERB ROOT 5
    6 the - DT DET det 7
    7 pier - NN NOUN nsubj 8
    8 was be VBD AUX ccomp 5
    9 safe - JJ ADJ acomp 8
    10 . - . PUNCT punct 5
    """,
)


def test_a_persons_name_with_an_organisation_noun_is_that_organisation() -> None:
    assert read(CAMPAIGN_CHAIRMAN, 0, 3, "chairman") == (None, "chairman", "Ruiz campaign", Rank.ORGANISATION)


def test_a_persons_name_alone_before_a_role_stands_for_their_office() -> None:
    assert read(SURNAME_BEFORE_ADVISER, 0, 2, "adviser") == (None, "adviser", "Ruiz", Rank.OFFICE)


HARBOUR_COUNCIL_CABINET_MEMBER = parse(
    "Harbour Council cabinet member Ola Dent said the pier was safe.",
    """
    0 Harbour Harbour NNP PROPN compound 1 B-ORG
    1 Council Council NNP PROPN compound 3 I-ORG
    2 cabinet - NN NOUN compound 3
    3 member - NN NOUN compound 5
    4 Ola Ola NNP PROPN compound 5 B-PERSON
    5 Dent Dent NNP PROPN nsubj 6 I-PERSON
    6 said say VBD VERB ROOT 6
    7 the - DT DET det 8
    8 pier - NN NOUN nsubj 9
    9 was be VBD AUX ccomp 6
    10 safe - JJ ADJ acomp 9
    11 . - . PUNCT punct 6
    """,
)


NAME_AND_POLICE_CHIEF = parse(
    "Tellbridge police chief Ola Dent said the pier was safe.",
    """
    0 Tellbridge Tellbridge NNP PROPN compound 2 B-ORG
    1 police - NN NOUN compound 2
    2 chief - NN NOUN compound 4
    3 Ola Ola NNP PROPN compound 4 B-PERSON
    4 Dent Dent NNP PROPN nsubj 5 I-PERSON
    5 said say VBD VERB ROOT 5
    6 the - DT DET det 7
    7 pier - NN NOUN nsubj 8
    8 was be VBD AUX ccomp 5
    9 safe - JJ ADJ acomp 8
    10 . - . PUNCT punct 5
    """,
)


HARBOUR_COUNCIL_PLANNING_COMMITTEE_MEMBER = parse(
    "Harbour Council planning committee member Ola Dent said the pier was safe.",
    """
    0 Harbour Harbour NNP PROPN compound 1 B-ORG
    1 Council Council NNP PROPN compound 4 I-ORG
    2 planning - NN NOUN compound 3
    3 committee - NN NOUN compound 4
    4 member - NN NOUN compound 6
    5 Ola Ola NNP PROPN compound 6 B-PERSON
    6 Dent Dent NNP PROPN nsubj 7 I-PERSON
    7 said say VBD VERB ROOT 7
    8 the - DT DET det 9
    9 pier - NN NOUN nsubj 10
    10 was be VBD AUX ccomp 7
    11 safe - JJ ADJ acomp 10
    12 . - . PUNCT punct 7
    """,
)


def test_a_body_of_a_named_organisation_keeps_its_modifiers_in_the_title() -> None:
    assert read(HARBOUR_COUNCIL_PLANNING_COMMITTEE_MEMBER, 0, 5, "member") == (
        None,
        "planning committee member",
        "Harbour Council",
        Rank.ORGANISATION,
    )


def test_a_body_of_a_named_organisation_stays_in_the_title_only() -> None:
    assert read(HARBOUR_COUNCIL_CABINET_MEMBER, 0, 4, "member") == (None, "cabinet member", "Harbour Council", Rank.ORGANISATION)


def test_an_organisation_noun_after_a_name_without_one_completes_the_name() -> None:
    assert read(NAME_AND_POLICE_CHIEF, 0, 3, "chief") == (None, "police chief", "Tellbridge police", Rank.ORGANISATION)


def test_an_organisation_noun_before_a_role_is_its_organisation_and_stays_in_the_title() -> None:
    assert read(COMMITTEE_CHAIRMAN, 0, 3, "chairman") == (None, "committee chairman", "committee", Rank.ORGANISATION)


def test_an_organisation_noun_takes_its_own_modifiers_along() -> None:
    found = read(COMMITTEE_WITH_MODIFIERS_CHAIRMAN, 0, 5, "chairman")
    assert found == (None, "committee chairman", "public accounts committee", Rank.ORGANISATION)


def test_an_organisation_noun_takes_the_place_before_it_along() -> None:
    assert read(TOWN_POLICE_CHIEF, 0, 3, "chief") == (None, "police chief", "Tellbridge police", Rank.ORGANISATION)


# --- the FORMER rank -----------------------------------------------------------------


# "Ruiz" corrected to a PERSON, as in CAMPAIGN_CHAIRMAN.
FORMER_ADMINISTRATION_OFFICIAL = parse(
    "A former Ruiz administration official said the pier was safe.",
    """
    0 A - DT DET det 4
    1 former - JJ ADJ amod 4
    2 Ruiz Ruiz NNP PROPN compound 3 B-PERSON
    3 administration - NN NOUN compound 4
    4 official - NN NOUN nsubj 5
    5 said say VBD VERB ROOT 5
    6 the - DT DET det 7
    7 pier - NN NOUN nsubj 8
    8 was be VBD AUX ccomp 5
    9 safe - JJ ADJ acomp 8
    10 . - . PUNCT punct 5
    """,
)


def test_a_former_title_ranks_its_organisation_as_former() -> None:
    found = read(FORMER_ADMINISTRATION_OFFICIAL, 0, 5, "official")
    assert found == (None, "former official", "Ruiz administration", Rank.FORMER)


def test_a_present_title_keeps_its_organisations_rank() -> None:
    found = read(ADMINISTRATION_OFFICIAL, 0, 4, "official")
    assert found == (None, "official", "Ruiz administration", Rank.ORGANISATION)


# --- _runs ---------------------------------------------------------------------------


# The model counts "Oregon" inside the bank's ORG; it is made a place of its
# own, the case the rule is about.
PLACE_BEFORE_BANK = parse(
    "Oregon Kestrel Bank chief executive Tom Hale said the pier was safe.",
    """
    0 Oregon Oregon NNP PROPN compound 2 B-GPE
    1 Kestrel Kestrel NNP PROPN compound 2 B-ORG
    2 Bank Bank NNP PROPN compound 4 I-ORG
    3 chief - NN NOUN amod 4
    4 executive - NN NOUN compound 6
    5 Tom Tom NNP PROPN compound 6 B-PERSON
    6 Hale Hale NNP PROPN nsubj 7 I-PERSON
    7 said say VBD VERB ROOT 7
    8 the - DT DET det 9
    9 pier - NN NOUN nsubj 10
    10 was be VBD AUX ccomp 7
    11 safe - JJ ADJ acomp 10
    12 . - . PUNCT punct 7
    """,
)


SENATE_REPUBLICAN_LEADER = parse(
    "Senate Republican leader Ana Ruiz said the pier was safe.",
    """
    0 Senate Senate NNP PROPN compound 2 B-ORG
    1 Republican - JJ ADJ amod 2 B-NORP
    2 leader - NN NOUN compound 4
    3 Ana Ana NNP PROPN compound 4 B-PERSON
    4 Ruiz Ruiz NNP PROPN nsubj 5 I-PERSON
    5 said say VBD VERB ROOT 5
    6 the - DT DET det 7
    7 pier - NN NOUN nsubj 8
    8 was be VBD AUX ccomp 5
    9 safe - JJ ADJ acomp 8
    10 . - . PUNCT punct 5
    """,
)


def test_a_place_before_an_organisations_name_is_part_of_it() -> None:
    doc = PLACE_BEFORE_BANK
    ranks = {0: Rank.PLACE, 1: Rank.ORGANISATION, 2: Rank.ORGANISATION}
    assert [(texts(run), rank) for run, rank in _runs(list(doc[0:3]), ranks)] == [
        (["Oregon", "Kestrel", "Bank"], Rank.ORGANISATION)
    ]
    assert read(doc, 0, 5, "executive") == (None, "chief executive", "Oregon Kestrel Bank", Rank.ORGANISATION)


def test_a_party_adjective_after_an_organisation_is_a_run_of_its_own() -> None:
    doc = SENATE_REPUBLICAN_LEADER
    ranks = {0: Rank.ORGANISATION, 1: Rank.PLACE}
    assert [(texts(run), rank) for run, rank in _runs(list(doc[0:2]), ranks)] == [
        (["Senate"], Rank.ORGANISATION),
        (["Republican"], Rank.PLACE),
    ]
    assert read(doc, 0, 3, "leader") == (None, "leader", "Senate", Rank.ORGANISATION)


# --- _person_organisation (through organisation_in) ----------------------------------


# The model calls "Ruiz" a facility; corrected to the PERSON the rule reads.
ADVISER_TO_THE_CAMPAIGN = parse(
    "Tom Hale, an adviser to the Ruiz campaign, said the pier was safe.",
    """
    0 Tom Tom NNP PROPN compound 1 B-PERSON
    1 Hale Hale NNP PROPN nsubj 10 I-PERSON
    2 , - , PUNCT punct 1
    3 an - DT DET det 4
    4 adviser - NN NOUN appos 1
    5 to - IN ADP prep 4
    6 the - DT DET det 8
    7 Ruiz Ruiz NNP PROPN compound 8 B-PERSON
    8 campaign - NN NOUN pobj 5
    9 , - , PUNCT punct 1
    10 said say VBD VERB ROOT 10
    11 the - DT DET det 12
    12 pier - NN NOUN nsubj 13
    13 was be VBD AUX ccomp 10
    14 safe - JJ ADJ acomp 13
    15 . - . PUNCT punct 10
    """,
)


ADVISER_TO_MR = parse(
    "Tom Hale, an adviser to Mr. Ruiz, said the pier was safe.",
    """
    0 Tom Tom NNP PROPN compound 1 B-PERSON
    1 Hale Hale NNP PROPN nsubj 9 I-PERSON
    2 , - , PUNCT punct 1
    3 an - DT DET det 4
    4 adviser - NN NOUN appos 1
    5 to - IN ADP prep 4
    6 Mr. Mr. NNP PROPN compound 7
    7 Ruiz Ruiz NNP PROPN pobj 5 B-PERSON
    8 , - , PUNCT punct 1
    9 said say VBD VERB ROOT 9
    10 the - DT DET det 11
    11 pier - NN NOUN nsubj 12
    12 was be VBD AUX ccomp 9
    13 safe - JJ ADJ acomp 12
    14 . - . PUNCT punct 9
    """,
)


def test_a_persons_name_with_an_organisation_noun_after_a_preposition_is_an_organisation() -> None:
    to = word(ADVISER_TO_THE_CAMPAIGN, "to")
    assert affiliation(organisation_in(to.subtree, Source.APPOSITION)) == ("Ruiz campaign", Rank.ORGANISATION)


def test_a_persons_name_alone_after_a_preposition_stands_for_their_office() -> None:
    to = word(ADVISER_TO_MR, "to")
    assert affiliation(organisation_in(to.subtree, Source.APPOSITION)) == ("Ruiz", Rank.OFFICE)


# --- text_of, merge ------------------------------------------------------------------


def test_text_of_puts_words_in_text_order_and_a_space_where_one_was_left_out() -> None:
    doc = KESTRELS_CHIEF_EXECUTIVE
    assert text_of([doc[3], doc[0], doc[2]]) == "Kestrel chief executive"


def test_text_of_keeps_punctuation_written_against_a_word() -> None:
    doc = HYPHENATED_UNION
    assert text_of(list(doc[0:2])) == "Lt. Gen."
    assert text_of(list(doc[6:9])) == "Kestrel-Harbor"


def described(doc: Doc, title: slice | None, organisation: slice | None, rank: Rank = Rank.ORGANISATION) -> Description:
    """A description of ``doc``'s words: a title and an affiliation (slices of tokens), either optional."""
    return Description(
        title=piece(list(doc[title]), Source.APPOSITION) if title else None,
        affiliation=piece(list(doc[organisation]), Source.APPOSITION) if organisation else None,
        rank=rank,
    )


def test_merge_keeps_the_first_title_and_takes_a_better_affiliation() -> None:
    doc = PLACE_BEFORE_BANK
    first = described(doc, slice(3, 5), slice(0, 1), Rank.PLACE)
    second = described(doc, slice(4, 5), slice(1, 3))
    merged = merge(first, second)
    assert (merged.title and merged.title.text, affiliation(merged)) == (
        "chief executive",
        ("Kestrel Bank", Rank.ORGANISATION),
    )


def test_merge_keeps_the_first_affiliation_when_the_second_is_no_better() -> None:
    doc = PLACE_BEFORE_BANK
    first = described(doc, None, slice(1, 3))
    second = described(doc, slice(3, 5), slice(0, 1), Rank.PLACE)
    merged = merge(first, second)
    assert (merged.title and merged.title.text, affiliation(merged)) == (
        "chief executive",
        ("Kestrel Bank", Rank.ORGANISATION),
    )


def test_merge_takes_the_second_honorific_when_the_first_has_none() -> None:
    honorific = Description(honorific=piece([word(MR_HALE, "Mr")], Source.NAME_PHRASE))
    merged = merge(NOTHING, honorific)
    assert merged.honorific is not None and merged.honorific.text == "Mr"
    assert not merge(NOTHING, NOTHING)


# A mark inside one organisation's name before a role stays in it ("Hartley & Finch")...
HARTLEY_AND_FINCH_CHAIRMAN = parse(
    'Tom Hale, the Hartley & Finch chairman, said sales had risen.',
    """
    0 Tom Tom NNP PROPN compound 1 B-PERSON
    1 Hale Hale NNP PROPN nsubj 9 I-PERSON
    2 , - , PUNCT punct 1
    3 the - DT DET det 7
    4 Hartley Hartley NNP PROPN nmod 7 B-ORG
    5 & - CC CCONJ cc 4 I-ORG
    6 Finch Finch NNP PROPN conj 4 I-ORG
    7 chairman - NN NOUN appos 1
    8 , - , PUNCT punct 1
    9 said say VBD VERB ROOT 9
    10 sales sale NNS NOUN nsubj 12
    11 had have VBD AUX aux 12
    12 risen rise VBN VERB ccomp 9
    13 . - . PUNCT punct 9
    """,
)
# ...near miss: a comma after a name, before an entity of its own, is no part of the name.
CLUB_COMMA_COUNTRY_DEFENDER = parse(
    'Ann Reid, the Kestrel Rovers, England defender, said it was late.',
    """
    0 Ann Ann NNP PROPN compound 1 B-PERSON
    1 Reid Reid NNP PROPN nsubj 10 I-PERSON
    2 , - , PUNCT punct 1
    3 the - DT DET det 5 B-ORG
    4 Kestrel Kestrel NNP PROPN compound 5 I-ORG
    5 Rovers Rovers NNP PROPN appos 1 I-ORG
    6 , - , PUNCT punct 5
    7 England England NNP PROPN compound 8 B-GPE
    8 defender - NN NOUN appos 5
    9 , - , PUNCT punct 1
    10 said say VBD VERB ROOT 10
    11 it - PRP PRON nsubj 12
    12 was be VBD AUX ccomp 10
    13 late - JJ ADJ acomp 12
    14 . - . PUNCT punct 10
    """,
)


def test_a_mark_inside_an_organisations_name_stays_in_it() -> None:
    assert read(HARTLEY_AND_FINCH_CHAIRMAN, 3, 8, "chairman") == (None, "chairman", "Hartley & Finch", Rank.ORGANISATION)
    assert _name_mark(word(HARTLEY_AND_FINCH_CHAIRMAN, "&"), word(HARTLEY_AND_FINCH_CHAIRMAN, "Finch"))
    doc = CLUB_COMMA_COUNTRY_DEFENDER
    assert not _name_mark(doc[6], word(doc, "England"))
