"""A source's canonical name (service/archives/report/names.py), as the shared scorer compares names."""

from __future__ import annotations

import pytest

from service.archives.report.names import canonical
from tests.archives.report.shared import scorer_norm

NAMES = [
    ("Justin Trudeau", "justin trudeau"),
    ("  justin   TRUDEAU ", "justin trudeau"),
    ("The Ministry of Health", "ministry of health"),
    ("Ministry of Health's", "ministry of health"),  # a possessive is no part of the name
    ("Canada’s Department of Finance", "canada department of finance"),
    ("Nestlé", "nestle"),
    ("Zoë O'Brien-Smith", "zoe obriensmith"),
    ("A.B.C. Holdings, Inc.", "abc holdings inc"),
    ("an official", "official"),
    ("Theresa May", "theresa may"),  # "the" only as a word of its own
    ("Anna", "anna"),
    ("", ""),
    (None, ""),
]


@pytest.mark.parametrize(("name", "expected"), NAMES)
def test_canonical_sets_case_accents_punctuation_possessives_and_articles_aside(name: str | None, expected: str) -> None:
    assert canonical(name) == expected


def test_a_surname_is_not_joined_to_a_full_name() -> None:
    assert canonical("Trudeau") != canonical("Justin Trudeau")


@pytest.mark.parametrize("name", [name for name, _ in NAMES if name] + ["Ｆｕｌｌ Ｗｉｄｔｈ", "Müller & Söhne GmbH", "ÉCOLE", "the the band", "Ana‐Maria Ruiz"])
def test_canonical_is_the_shared_scorers_norm(name: str) -> None:
    assert canonical(name) == scorer_norm()(name)
