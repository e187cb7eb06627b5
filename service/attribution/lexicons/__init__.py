"""Word lists too long to write by hand, read from a documented source and shipped as text.

Each ``<name>.txt`` beside this module is one lower-case lemma a line (lines
that start with ``#`` say where the list comes from). ``wordnet.py`` writes
them from WordNet 3.0 (``make lexicons``); the engine only reads them, through
``words``, once per process.
"""

from __future__ import annotations

from functools import cache
from importlib import resources


@cache
def words(name: str) -> frozenset[str]:
    """The lemmas of list ``name`` (``person_nouns``)."""
    text = resources.files(__name__).joinpath(f"{name}.txt").read_text(encoding="utf-8")
    return frozenset(line for line in text.splitlines() if line and not line.startswith("#"))


def person_nouns() -> frozenset[str]:
    """Nouns that name a person: "professor", "plumber", "spokeswoman" (WordNet 3.0, first sense)."""
    return words("person_nouns")


def role_nouns() -> frozenset[str]:
    """Nouns that name an occupation or a post: "headteacher", "treasurer", "striker" (WordNet 3.0, first sense)."""
    return words("role_nouns")


def place_adjectives() -> frozenset[str]:
    """Adjectives of a country, a region or a town: "french", "american" (WordNet 3.0, first sense)."""
    return words("place_adjectives")


def communication_verbs() -> frozenset[str]:
    """Verbs of telling, asking and answering: "comment", "discuss", "name" (WordNet 3.0, first sense)."""
    return words("communication_verbs")


def body_nouns() -> frozenset[str]:
    """Nouns that name a body, a place or an establishment: "council", "borough", "hospital" (WordNet 3.0, first sense)."""
    return words("body_nouns")


def document_nouns() -> frozenset[str]:
    """Nouns that name a document or what one holds: "report", "lawsuit", "poll", "statement" (WordNet 3.0, first sense)."""
    return words("document_nouns")


def depiction_nouns() -> frozenset[str]:
    """Nouns of pictures and films: "photo", "footage", "video" (WordNet 3.0, first sense)."""
    return words("depiction_nouns")
