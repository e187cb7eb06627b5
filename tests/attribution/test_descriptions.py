"""Titles, organisations and honorifics around one mention of a speaker, on hand-built parses."""

from __future__ import annotations

from service.attribution.descriptions import (
    DESCRIPTION_RULES,
    NOTHING,
    Description,
    Rank,
    Source,
    apposition,
    authored_by,
    describe,
    describe_title,
    group,
    name_phrase,
    name_preposition,
    party_notation,
    predicate,
    relative_clause,
    role,
)
from service.attribution.titles import organisation_in
from tests.attribution.sentences import (
    HEALTH_MINISTER,
    INSTITUTE_SPOKESPERSON,
    MAYOR_IN_THE_NAME,
    REPORT_RELEASED_BY,
    REPORT_RELEASED_ON,
)
from tests.parses import parse, word


def said(found: Description | None) -> tuple[str | None, str | None, Rank] | None:
    """The title's and the affiliation's words, and the affiliation's rank."""
    if found is None:
        return None
    title = found.title.text if found.title else None
    return title, found.affiliation.text if found.affiliation else None, found.rank


ANALYST_AT = parse(
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


ANALYST_WHO_WORKS_AT = parse(
    "Maria Lopez, an analyst who works at Harbor Institute, said the clinic would open.",
    """
    0 Maria Maria NNP PROPN compound 1 B-PERSON
    1 Lopez Lopez NNP PROPN nsubj 11 I-PERSON
    2 , - , PUNCT punct 1
    3 an - DT DET det 4
    4 analyst - NN NOUN appos 1
    5 who - WP PRON nsubj 6
    6 works work VBZ VERB relcl 4
    7 at - IN ADP prep 6
    8 Harbor Harbor NNP PROPN compound 9 B-ORG
    9 Institute Institute NNP PROPN pobj 7 I-ORG
    10 , - , PUNCT punct 1
    11 said say VBD VERB ROOT 11
    12 the - DT DET det 13
    13 clinic - NN NOUN nsubj 15
    14 would - MD AUX aux 15
    15 open - VB VERB ccomp 11
    16 . - . PUNCT punct 11
    """,
)


BANK_ECONOMIST = parse(
    "Kestrel Bank’s chief economist, Maria Lopez, said the clinic would open.",
    """
    0 Kestrel Kestrel NNP PROPN compound 1 B-ORG
    1 Bank Bank NNP PROPN poss 4 I-ORG
    2 ’s - POS PART case 1 I-ORG
    3 chief - JJ ADJ compound 4
    4 economist - NN NOUN nsubj 9
    5 , - , PUNCT punct 4
    6 Maria Maria NNP PROPN compound 7 B-PERSON
    7 Lopez Lopez NNP PROPN appos 4 I-PERSON
    8 , - , PUNCT punct 4
    9 said say VBD VERB ROOT 9
    10 the - DT DET det 11
    11 clinic - NN NOUN nsubj 13
    12 would - MD AUX aux 13
    13 open - VB VERB ccomp 9
    14 . - . PUNCT punct 9
    """,
)


PERSONS_ADVISER = parse(
    "Kim Sato’s adviser, Maria Lopez, said the clinic would open.",
    """
    0 Kim Kim NNP PROPN compound 1 B-PERSON
    1 Sato Sato NNP PROPN poss 3 I-PERSON
    2 ’s - POS PART case 1 I-PERSON
    3 adviser - NN NOUN nsubj 8
    4 , - , PUNCT punct 3
    5 Maria Maria NNP PROPN compound 6 B-PERSON
    6 Lopez Lopez NNP PROPN appos 3 I-PERSON
    7 , - , PUNCT punct 3
    8 said say VBD VERB ROOT 8
    9 the - DT DET det 10
    10 clinic - NN NOUN nsubj 12
    11 would - MD AUX aux 12
    12 open - VB VERB ccomp 8
    13 . - . PUNCT punct 8
    """,
)


SISTER = parse(
    "Ana Lopez, Maria Lopez’s sister, said the clinic would open.",
    """
    0 Ana Ana NNP PROPN compound 1 B-PERSON
    1 Lopez Lopez NNP PROPN nsubj 8 I-PERSON
    2 , - , PUNCT punct 1
    3 Maria Maria NNP PROPN compound 4 B-PERSON
    4 Lopez Lopez NNP PROPN poss 6 I-PERSON
    5 ’s - POS PART case 4 I-PERSON
    6 sister - NN NOUN appos 1
    7 , - , PUNCT punct 1
    8 said say VBD VERB ROOT 8
    9 the - DT DET det 10
    10 clinic - NN NOUN nsubj 12
    11 would - MD AUX aux 12
    12 open - VB VERB ccomp 8
    13 . - . PUNCT punct 8
    """,
)


PORTUGUESE_PRESIDENT = parse(
    "Portuguese President Maria Lopez said the clinic would open.",
    """
    0 Portuguese - JJ ADJ amod 1 B-NORP
    1 President President NNP PROPN compound 3
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


NAME_ALONE = parse(
    "Maria Lopez said the clinic would open.",
    """
    0 Maria Maria NNP PROPN compound 1 B-PERSON
    1 Lopez Lopez NNP PROPN nsubj 2 I-PERSON
    2 said say VBD VERB ROOT 2
    3 the - DT DET det 4
    4 clinic - NN NOUN nsubj 6
    5 would - MD AUX aux 6
    6 open - VB VERB ccomp 2
    7 . - . PUNCT punct 2
    """,
)


EXPERTS = parse(
    "Experts said the clinic would open.",
    """
    0 Experts expert NNS NOUN nsubj 1
    1 said say VBD VERB ROOT 1
    2 the - DT DET det 3
    3 clinic - NN NOUN nsubj 5
    4 would - MD AUX aux 5
    5 open - VB VERB ccomp 1
    6 . - . PUNCT punct 1
    """,
)


PORTUGUESE_ANALYST_AT = parse(
    "Maria Lopez, a Portuguese analyst at Harbor Institute, said the clinic would open.",
    """
    0 Maria Maria NNP PROPN compound 1 B-PERSON
    1 Lopez Lopez NNP PROPN nsubj 10 I-PERSON
    2 , - , PUNCT punct 1
    3 a - DT DET det 5
    4 Portuguese - JJ ADJ amod 5 B-NORP
    5 analyst - NN NOUN appos 1
    6 at - IN ADP prep 5
    7 Harbor Harbor NNP PROPN compound 8 B-ORG
    8 Institute Institute NNP PROPN pobj 6 I-ORG
    9 , - , PUNCT punct 1
    10 said say VBD VERB ROOT 10
    11 the - DT DET det 12
    12 clinic - NN NOUN nsubj 14
    13 would - MD AUX aux 14
    14 open - VB VERB ccomp 10
    15 . - . PUNCT punct 10
    """,
)


LISBON_OFFICE_OF = parse(
    "Maria Lopez, a fellow at the Lisbon office of Harbor Institute, said the clinic would open.",
    """
    0 Maria Maria NNP PROPN compound 1 B-PERSON
    1 Lopez Lopez NNP PROPN nsubj 13 I-PERSON
    2 , - , PUNCT punct 1
    3 a - DT DET det 4
    4 fellow - NN NOUN appos 1
    5 at - IN ADP prep 4
    6 the - DT DET det 8
    7 Lisbon Lisbon NNP PROPN compound 8 B-GPE
    8 office - NN NOUN pobj 5
    9 of - IN ADP prep 8
    10 Harbor Harbor NNP PROPN compound 11 B-ORG
    11 Institute Institute NNP PROPN pobj 9 I-ORG
    12 , - , PUNCT punct 1
    13 said say VBD VERB ROOT 13
    14 the - DT DET det 15
    15 clinic - NN NOUN nsubj 17
    16 would - MD AUX aux 17
    17 open - VB VERB ccomp 13
    18 . - . PUNCT punct 13
    """,
)


def test_a_title_after_the_name_gives_title_and_organisation() -> None:
    assert said(apposition(word(ANALYST_AT, "Lopez"))) == ("analyst", "Harbor Institute", Rank.ORGANISATION)


def test_an_organisation_in_a_relative_clause_is_the_affiliation() -> None:
    assert said(apposition(word(ANALYST_WHO_WORKS_AT, "Lopez"))) == ("analyst", "Harbor Institute", Rank.ORGANISATION)


def test_a_title_before_the_name_takes_its_possessor_as_organisation() -> None:
    assert said(apposition(word(BANK_ECONOMIST, "Lopez"))) == ("chief economist", "Kestrel Bank", Rank.ORGANISATION)


def test_a_person_who_owns_the_title_stands_for_their_office() -> None:
    assert said(apposition(word(PERSONS_ADVISER, "Lopez"))) == ("adviser", "Kim Sato", Rank.OFFICE)


def test_a_kinship_noun_in_apposition_is_no_title() -> None:
    assert apposition(word(SISTER, "Lopez")) is None


def test_a_name_without_an_appositive_has_no_apposition() -> None:
    assert apposition(word(NAME_ALONE, "Lopez")) is None


def test_words_before_the_name_are_its_title() -> None:
    assert said(name_phrase(word(HEALTH_MINISTER, "Lopez"))) == ("Health Minister", None, Rank.ORGANISATION)


def test_a_nationality_before_the_title_is_a_place_affiliation() -> None:
    described = name_phrase(word(PORTUGUESE_PRESIDENT, "Lopez"))
    assert said(described) == ("President", "Portuguese", Rank.PLACE)


def test_a_name_alone_has_no_title_before_it() -> None:
    assert name_phrase(word(NAME_ALONE, "Lopez")) is None


def test_a_noun_that_is_no_person_has_no_title_before_it() -> None:
    assert name_phrase(word(INSTITUTE_SPOKESPERSON, "spokesperson")) is None


def test_a_title_counted_inside_the_person_entity_is_the_title() -> None:
    assert said(name_phrase(word(MAYOR_IN_THE_NAME, "Lopez"))) == ("Mayor", None, Rank.ORGANISATION)


def test_a_role_with_an_organisation_inside_splits_into_title_and_affiliation() -> None:
    described = role(word(INSTITUTE_SPOKESPERSON, "spokesperson"))
    assert said(described) == ("spokesperson", "Harbor Institute", Rank.ORGANISATION)


def test_a_plural_noun_without_an_organisation_is_no_role() -> None:
    assert role(word(EXPERTS, "Experts")) is None


def test_a_named_person_is_no_role() -> None:
    assert role(word(ANALYST_AT, "Lopez")) is None


def test_an_organisation_is_preferred_to_a_nationality_in_the_title() -> None:
    assert said(describe(word(PORTUGUESE_ANALYST_AT, "Lopez"))) == ("analyst", "Harbor Institute", Rank.ORGANISATION)


def test_organisation_in_passes_over_a_place_for_a_later_organisation() -> None:
    at = word(LISBON_OFFICE_OF, "at")
    assert said(organisation_in(at.subtree, Source.APPOSITION)) == (None, "Harbor Institute", Rank.ORGANISATION)


def test_organisation_in_falls_back_to_a_place() -> None:
    portuguese = word(PORTUGUESE_PRESIDENT, "Portuguese")
    assert said(organisation_in([portuguese], Source.APPOSITION)) == (None, "Portuguese", Rank.PLACE)


def test_organisation_in_gives_nothing_without_entities() -> None:
    assert organisation_in(EXPERTS, Source.APPOSITION) == NOTHING


def test_description_rules_run_in_the_documented_order() -> None:
    assert DESCRIPTION_RULES == (
        name_phrase,
        apposition,
        name_preposition,
        party_notation,
        relative_clause,
        predicate,
        role,
        group,
    )


def test_describe_gives_the_appositive_title_and_organisation() -> None:
    assert said(describe(word(ANALYST_AT, "Lopez"))) == ("analyst", "Harbor Institute", Rank.ORGANISATION)


def test_describe_gives_the_roles_role() -> None:
    assert said(describe(word(INSTITUTE_SPOKESPERSON, "spokesperson"))) == ("spokesperson", "Harbor Institute", Rank.ORGANISATION)


def test_describe_says_nothing_rather_than_a_kinship_title() -> None:
    assert describe(word(SISTER, "Lopez", 0)) == NOTHING


def test_describe_says_nothing_of_a_bare_name() -> None:
    assert describe(word(NAME_ALONE, "Lopez")) == NOTHING


RUSSIAN_PRESIDENT = parse(
    "Russian President pledged support for the pier.",
    """
    0 Russian - JJ ADJ amod 1 B-NORP
    1 President President NNP PROPN nsubj 2
    2 pledged pledge VBD VERB ROOT 2
    3 support - NN NOUN dobj 2
    4 for - IN ADP prep 3
    5 the - DT DET det 6
    6 pier - NN NOUN pobj 4
    7 . - . PUNCT punct 2
    """,
)


def test_a_document_released_by_someone_is_authored_by_them() -> None:
    author = authored_by(word(REPORT_RELEASED_BY, "report"))
    assert author is not None and author.i == word(REPORT_RELEASED_BY, "Agency").i


def test_a_document_released_without_an_agent_has_no_author() -> None:
    assert authored_by(word(REPORT_RELEASED_ON, "report")) is None


def test_a_noun_that_is_no_document_has_no_author() -> None:
    assert authored_by(word(REPORT_RELEASED_BY, "Agency")) is None


def test_describe_title_splits_a_nationality_from_a_bare_title() -> None:
    described = describe_title(word(RUSSIAN_PRESIDENT, "President"))
    assert said(described) == ("President", "Russian", Rank.PLACE)


POLL_BY_INSTITUTE = parse(
    "a poll by the Harbor Institute",
    """
    0 a - DT DET det 1
    1 poll - NN NOUN ROOT 1
    2 by - IN ADP prep 1
    3 the - DT DET det 5 B-ORG
    4 Harbor Harbor NNP PROPN compound 5 I-ORG
    5 Institute Institute NNP PROPN pobj 2 I-ORG
    """,
)


def test_authored_by_reads_a_plain_by_phrase_on_a_document() -> None:
    author = authored_by(word(POLL_BY_INSTITUTE, "poll"))
    assert author is not None and author.text == "Institute"
