"""The article's people: which full name a shorter mention stands for."""

from __future__ import annotations

from service.attribution.article import Article
from service.attribution.cast import Cast
from tests.attribution.sentences import ANALYST_THEN_SURNAME
from tests.parses import parse


TWO_LOPEZES = parse(
    "Carlos Lopez said the clinic was ready. Maria Lopez said the staff were trained.",
    """
    0 Carlos Carlos NNP PROPN compound 1 B-PERSON
    1 Lopez Lopez NNP PROPN nsubj 2 I-PERSON
    2 said say VBD VERB ROOT 2
    3 the - DT DET det 4
    4 clinic - NN NOUN nsubj 5
    5 was be VBD AUX ccomp 2
    6 ready - JJ ADJ acomp 5
    7 . - . PUNCT punct 2
    8 Maria Maria NNP PROPN compound 9 B-PERSON
    9 Lopez Lopez NNP PROPN nsubj 10 I-PERSON
    10 said say VBD VERB ROOT 10
    11 the - DT DET det 12
    12 staff - NN NOUN nsubjpass 14
    13 were be VBD AUX auxpass 14
    14 trained train VBN VERB ccomp 10
    15 . - . PUNCT punct 10
    """,
)


SHORT_SURNAME = parse(
    "Ana Cha said the clinic was ready.",
    """
    0 Ana Ana NNP PROPN compound 1 B-PERSON
    1 Cha Cha NNP PROPN nsubj 2 I-PERSON
    2 said say VBD VERB ROOT 2
    3 the - DT DET det 4
    4 clinic - NN NOUN nsubj 5
    5 was be VBD AUX ccomp 2
    6 ready - JJ ADJ acomp 5
    7 . - . PUNCT punct 2
    """,
)


def test_a_surname_stands_for_the_full_name() -> None:
    cast = Cast(Article(ANALYST_THEN_SURNAME))
    assert cast.canonical_person("Lopez") == "Maria Lopez"


def test_a_surname_with_a_one_letter_slip_stands_for_the_full_name() -> None:
    cast = Cast(Article(ANALYST_THEN_SURNAME))
    assert cast.canonical_person("Lopes") == "Maria Lopez"


def test_a_short_surname_with_a_slip_stays_itself() -> None:
    cast = Cast(Article(SHORT_SURNAME))
    assert cast.canonical_person("Cha") == "Ana Cha"
    assert cast.canonical_person("Chu") == "Chu"


def test_a_name_never_narrows() -> None:
    cast = Cast(Article(ANALYST_THEN_SURNAME))
    assert cast.canonical_person("Ana Maria Lopez") == "Ana Maria Lopez"


def test_a_full_name_is_not_replaced_by_another_person_with_the_same_surname() -> None:
    cast = Cast(Article(TWO_LOPEZES))
    assert cast.canonical_person("Maria Lopez") == "Maria Lopez"
