"""Entities and how names compare: possessives, spelling slips, surnames."""

from __future__ import annotations

from service.attribution.nouns import is_person_noun
from service.attribution.resolution.entities import Kind, clean_name, kind_of, same_surname, within_edits
from tests.parses import parse, word

# Heads of every kind: a person by the dictionary, a person by "-man", a thing, a document, an organisation.
KINDS = parse(
    "The professor, the defenceman, the photo, the report and the company spoke.",
    """
    0 The - DT DET det 1
    1 professor - NN NOUN nsubj 14
    2 , - , PUNCT punct 1
    3 the - DT DET det 4
    4 defenceman - NN NOUN appos 1
    5 , - , PUNCT punct 4
    6 the - DT DET det 7
    7 photo - NN NOUN appos 4
    8 , - , PUNCT punct 7
    9 the - DT DET det 10
    10 report - NN NOUN conj 7
    11 and - CC CCONJ cc 10
    12 the - DT DET det 13
    13 company - NN NOUN nsubj 14
    14 spoke speak VBD VERB ROOT 14
    15 . - . PUNCT punct 14
    """,
)


def test_a_common_noun_is_a_person_only_when_it_names_one() -> None:
    assert is_person_noun(word(KINDS, "professor"))  # WordNet: its first sense is a person
    assert is_person_noun(word(KINDS, "defenceman"))  # a compound of "man"
    assert not is_person_noun(word(KINDS, "photo"))  # near miss: a thing


def test_kind_of_tells_people_documents_organisations_and_things_apart() -> None:
    kinds = [kind_of(word(KINDS, w)) for w in ("professor", "defenceman", "report", "company", "photo")]
    assert kinds == [Kind.PERSON, Kind.PERSON, Kind.DOCUMENT, Kind.ORGANISATION, Kind.UNKNOWN]


# A plural name the recogniser left unlabelled is an organisation's; a plural common noun, a group.
ROVERS_AND_FANS = parse(
    "Kelby Rovers and their fans spoke.",
    """
    0 Kelby Kelby NNP PROPN compound 1
    1 Rovers Rovers NNPS PROPN nsubj 5
    2 and - CC CCONJ cc 1
    3 their - PRP$ PRON poss 4
    4 fans fan NNS NOUN conj 1
    5 spoke speak VBD VERB ROOT 5
    6 . - . PUNCT punct 5
    """,
)


def test_a_plural_name_is_an_organisation_and_a_plural_noun_a_group() -> None:
    assert kind_of(word(ROVERS_AND_FANS, "Rovers")) is Kind.ORGANISATION
    assert kind_of(word(ROVERS_AND_FANS, "fans")) is Kind.GROUP


def test_clean_name_drops_a_possessive_ending() -> None:
    assert clean_name("Lopez’s") == "Lopez"
    assert clean_name("Harbor Workers'") == "Harbor Workers"


def test_clean_name_collapses_spaces() -> None:
    assert clean_name("  Maria \n Lopez ") == "Maria Lopez"


def test_clean_name_keeps_a_bare_apostrophe() -> None:
    assert clean_name("’") == "’"


def test_within_edits_allows_one_substitution_insertion_or_deletion() -> None:
    assert within_edits("Lopez", "Lopes", 1)
    assert within_edits("Lopez", "Lopezz", 1)
    assert within_edits("Lopez", "Lpez", 1)


def test_within_edits_rejects_two_edits_within_a_limit_of_one() -> None:
    assert not within_edits("Lopez", "Lapes", 1)
    assert not within_edits("Lopez", "Lo", 1)


def test_within_edits_with_no_limit_is_equality() -> None:
    assert within_edits("Sato", "Sato", 0)
    assert not within_edits("Sato", "Sata", 0)


def test_same_surname_ignores_case_and_a_slip_in_a_long_name() -> None:
    assert same_surname("lopez", "Lopez")
    assert same_surname("Lopes", "Lopez")


def test_same_surname_holds_short_names_to_an_exact_match() -> None:
    assert not same_surname("Cha", "Chu")
