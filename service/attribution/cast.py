"""The article's people, read once from its named entities: the ``Cast`` that resolution reads.

Which PERSON names the article gives, which are full names that shorter
mentions stand for, and which are the subject of a clause. Fixed once the
article is parsed; asking it changes nothing.
"""

from __future__ import annotations

from bisect import bisect_left

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from service.attribution.article import Article
from service.attribution.entities import person_name, same_surname
from service.attribution.lexicon import FULL_NAME_MIN_WORDS, PERSON_LABELS, SUBJECT_DEPS


class Cast:
    """The article's people, read once: PERSON names, full names, and which are subjects. Read-only."""

    def __init__(self, article: Article) -> None:
        self.article = article
        self.persons = [e for e in article.doc.ents if e.label_ in PERSON_LABELS]
        self._person_starts = [e.start for e in self.persons]
        # PERSON names that are the subject of a clause outside quotation marks.
        self._subjects = [e for e in self.persons if e.root.dep_ in SUBJECT_DEPS and article.quoted_at(e.root) is None]
        self._subject_starts = [e.start for e in self._subjects]
        self._full_names = [
            (e.start_char, name) for e in self.persons if len((name := person_name(e)).split()) >= FULL_NAME_MIN_WORDS
        ]
        self._short_forms: dict[str, list[tuple[int, str]]] = {}

    def canonical_person(self, name: str, position: int | None = None) -> str:
        """The fullest PERSON name in the article that ``name`` is a short form of.

        "Putin" -> "Vladimir Putin"; "Ushakiv" -> "Yuri Ushakov". Of several
        people with one surname, the one named last before ``position`` wins
        (else the first after it). A full name is never swapped for another
        person's: "Maria Lopez" stays herself beside "Carlos Lopez".
        """
        matches = self.short_form_of(name)
        if not matches:
            return name
        before = [full for at, full in matches if position is not None and at <= position]
        chosen = before[-1] if before else matches[0][1]
        return chosen if len(chosen.split()) >= len(name.split()) else name

    def short_form_of(self, name: str) -> list[tuple[int, str]]:
        """(position, full name) of every fuller name ``name`` may stand for, in text order (memoised)."""
        cached = self._short_forms.get(name)
        if cached is not None:
            return cached
        words = name.lower().split()
        found = []
        for at, full in self._full_names if words else []:
            full_words = full.lower().split()
            if same_surname(full_words[-1], words[-1]) and all(w in full_words for w in words[:-1]):
                found.append((at, full))
        self._short_forms[name] = found
        return found

    def canonical_name_of(self, ent: SpacySpan) -> str:
        """A PERSON entity's canonical name, as of where it stands."""
        return self.canonical_person(person_name(ent), ent.start_char)

    def subject_before(self, token: Token) -> SpacySpan | None:
        """The last PERSON outside quotation marks that is the subject of a clause before ``token``."""
        k = bisect_left(self._subject_starts, token.i) - 1
        return self._subjects[k] if k >= 0 else None

    def person_just_named(self, token: Token, paragraphs: int = 1) -> SpacySpan | None:
        """The last PERSON outside quotation marks before ``token``, in its paragraph (or the ``paragraphs`` up to it)."""
        paragraph = self.article.paragraph_of(token.idx)
        for k in range(bisect_left(self._person_starts, token.i) - 1, -1, -1):
            ent = self.persons[k]
            if self.article.paragraph_of(ent.start_char) <= paragraph - paragraphs:
                return None
            if self.article.quoted_at(ent.root) is None:
                return ent
        return None
