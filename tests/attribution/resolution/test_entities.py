"""Entities and how names compare: possessives, spelling slips, surnames."""

from __future__ import annotations

from service.attribution.resolution.entities import clean_name, same_surname, within_edits


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
