"""A source's name in one canonical form, so that a report counts each person or organisation once.

Two speakers are the same source when their names read the same once case,
accents, punctuation, a possessive and a leading article are set aside:
"Justin Trudeau" and "justin trudeau", "Ministry of Health" and "the
Ministry of Health", "Nestlé" and "Nestle". This is how the shared scorer
(``../shared/eval/score.py``, its ``norm``) compares names, so that a report's
counts agree with the accuracy the scorer measures; ``tests`` hold the two to
each other where ``../shared`` is present. It does not join a surname to a
full name, nor "Trudeau" to "Justin Trudeau": the engine already resolves
each mention to the full name the article gives.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

CURLY_APOSTROPHE = "\u2019"
POSSESSIVE = re.compile(r"'s\b")
"""A possessive ending ("Canada's") is no part of the name."""
PUNCTUATION = re.compile(r"[^\w\s]")
SPACES = re.compile(r"\s+")
LEADING_ARTICLE = re.compile(r"^(the|a|an) ")
"""An article before a name ("the Ministry of Health") is no part of it."""
CACHED_NAMES = 4096
"""Names kept with their canonical form: the frequent ones come again and again; few, so that the cache,
full, is a few hundred kB whatever the archive."""


@lru_cache(maxsize=CACHED_NAMES)
def canonical(name: str | None) -> str:
    """The name's canonical form: ``"The Ministry of Health's"`` -> ``"ministry of health"``; "" for no name.

    Near miss: "Trudeau" stays "trudeau", not "justin trudeau" (a surname is
    joined to its full name by the engine, within its article, or not at all).
    """
    if not name:
        return ""
    folded = _without_accents(name).lower().replace(CURLY_APOSTROPHE, "'")
    bare = PUNCTUATION.sub("", POSSESSIVE.sub("", folded))
    return LEADING_ARTICLE.sub("", SPACES.sub(" ", bare).strip())


def _without_accents(text: str) -> str:
    """``"Nestlé"`` -> ``"Nestle"``: compatibility decomposition, combining marks dropped."""
    return "".join(char for char in unicodedata.normalize("NFKD", text) if not unicodedata.combining(char))
