"""Whom the article calls "he" and whom "she": read from how it names each person.

Evidence, for every mention of a person outside quotation marks:

- an honorific: "Mr", "Sir" for a man; "Mrs", "Ms", "Dame" for a woman;
- a gendered role noun in their title or in apposition: "spokeswoman",
  "chairman", "actress", "his wife, Ana Ruiz";
- a pronoun bound to them: the subject of a clause that reports their words or
  continues their sentence ("Ruiz said she would ...", "Ruiz arrived and he
  ...").

A person is the gender most of their evidence says, and unknown when none
does or when it is split. No list of first names is used: the article's own
words decide. Pronoun resolution never gives "she" to someone known to be a
man (``resolution``).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from enum import Enum

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from service.attribution.resolution.descriptions import describe
from service.attribution.lexicon import (
    APPOSITION_DEPS,
    FEMALE_HONORIFICS,
    FIRST_NAME_HONORIFICS,
    FEMALE_NOUNS,
    FEMALE_PRONOUNS,
    MALE_HONORIFICS,
    MALE_NOUNS,
    MALE_PRONOUNS,
    SUBJECT_DEPS,
)
from service.attribution.phrases import name_tokens
from service.attribution.tagging import lemma

BOUND_CLAUSE_DEPS = frozenset({"ccomp", "conj"})
"""Clauses under a person's verb whose pronoun subject is, more often than not, that person:
"Ruiz said she would", "Ruiz arrived and he said". Not an adverbial clause: in "Ruiz
criticised Lee after she spoke", "she" is as likely Lee."""
NAMED_WEIGHT = 3
"""An honorific or a gendered noun is sure; a bound pronoun only likely: it counts for one."""


class Gender(Enum):
    MALE = "male"
    FEMALE = "female"
    UNKNOWN = "unknown"


def pronoun_gender(token: Token) -> Gender:
    """ "he", "him", "his" are male; "she", "her" female; any other pronoun says nothing."""
    if token.lower_ in MALE_PRONOUNS:
        return Gender.MALE
    if token.lower_ in FEMALE_PRONOUNS:
        return Gender.FEMALE
    return Gender.UNKNOWN


def compatible(wanted: Gender, known: Gender) -> bool:
    """Whether a pronoun of gender ``wanted`` may stand for someone of gender ``known``."""
    return wanted is Gender.UNKNOWN or known is Gender.UNKNOWN or wanted is known


def addressed_as(head: Token) -> Gender:
    """The gender the honorific before a name gives it: "Mr Obama" is a man, "Ms Ruiz" a woman."""
    doc = head.doc
    start = head.i
    while start > 0 and doc[start - 1].ent_type_ == head.ent_type_ and doc[start - 1].ent_iob_ != "O" and doc[start].ent_iob_ == "I":
        start -= 1
    for i in (start, start - 1):
        if 0 <= i < len(doc):
            gender = _word_gender(doc[i].lower_.rstrip("."))
            if gender is not Gender.UNKNOWN and doc[i].lower_.rstrip(".") in MALE_HONORIFICS | FEMALE_HONORIFICS:
                return gender
    return Gender.UNKNOWN


def by_first_name(head: Token) -> bool:
    """Whether the name at ``head`` follows an honorific used with a first name: "Sir John", "Dame Judi"."""
    start = name_tokens(head)[0].i
    return start > 0 and head.doc[start - 1].lower_.rstrip(".") in FIRST_NAME_HONORIFICS


def _word_gender(word: str) -> Gender:
    if word in MALE_HONORIFICS or word in MALE_NOUNS:
        return Gender.MALE
    if word in FEMALE_HONORIFICS or word in FEMALE_NOUNS:
        return Gender.FEMALE
    return Gender.UNKNOWN


def evidence(ent: SpacySpan, quoted: Callable[[Token], bool] = lambda _: False) -> list[Gender]:
    """What one mention of a person says of their gender, as votes (a sure word counts ``NAMED_WEIGHT`` times).

    A pronoun inside quotation marks is the speaker's own word about someone
    else: "“He has the experience,” said Lisa Harris" says nothing of Harris.
    """
    named: list[Gender] = []
    described = describe(ent.root)
    if described.honorific is not None:
        named.append(_word_gender(described.honorific.text.lower().rstrip(".")))
    if described.title is not None:
        named.append(_word_gender(described.title.text.lower().split()[-1]))
    for child in ent.root.children:
        if child.dep_ in APPOSITION_DEPS:
            named.append(_word_gender(lemma(child)))
    if ent.root.dep_ in APPOSITION_DEPS:
        named.append(_word_gender(lemma(ent.root.head)))
    found = [g for g in named for _ in range(NAMED_WEIGHT)] + list(_bound_pronouns(ent.root, quoted))
    found += list(_next_sentences_subject(ent.root, quoted))
    return [g for g in found if g is not Gender.UNKNOWN]


def _bound_pronouns(root: Token, quoted: Callable[[Token], bool]) -> Iterable[Gender]:
    if root.dep_ not in SUBJECT_DEPS:
        return
    for clause in root.head.children:
        if clause.dep_ in BOUND_CLAUSE_DEPS:
            for subject in clause.children:
                if subject.dep_ in SUBJECT_DEPS and subject.tag_ == "PRP" and not quoted(subject):
                    yield pronoun_gender(subject)


def _next_sentences_subject(root: Token, quoted: Callable[[Token], bool]) -> Iterable[Gender]:
    """The pronoun that opens the next sentence as its subject, after a sentence whose subject the person is.

    "Stacy Lewis said the week was calm. She enjoyed the range.": "She" takes
    up the subject before it, as news copy writes. Near misses: a pronoun
    inside quotation marks, one that is no subject, and a sentence the
    person is not the subject of.
    """
    if root.dep_ not in SUBJECT_DEPS or root.head.dep_ != "ROOT":
        return
    doc = root.doc
    end = root.sent.end
    if end >= len(doc):
        return
    following = next((t for t in doc[end:] if not (t.is_space or t.is_punct)), None)
    if following is None or following.tag_ != "PRP" or following.dep_ not in SUBJECT_DEPS or quoted(following):
        return
    if following.head.dep_ == "ROOT" and following.lower_ in MALE_PRONOUNS | FEMALE_PRONOUNS:
        yield pronoun_gender(following)


def genders(persons: Iterable[SpacySpan], name_of: Callable[[SpacySpan], str], quoted: Callable[[Token], bool]) -> dict[str, Gender]:
    """The gender of each person, by canonical name in lower case (only those the evidence decides)."""
    votes: dict[str, Counter[Gender]] = {}
    for ent in persons:
        if quoted(ent.root):
            continue
        votes.setdefault(name_of(ent).lower(), Counter()).update(evidence(ent, quoted))
    decided = {}
    for name, counts in votes.items():
        male, female = counts[Gender.MALE], counts[Gender.FEMALE]
        if male != female:
            decided[name] = Gender.MALE if male > female else Gender.FEMALE
    return decided
