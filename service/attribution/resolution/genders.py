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
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
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
    NEUTRAL_PRONOUNS,
    PRONOUN_TAGS,
    REFLEXIVE_DEPS,
    REFLEXIVE_PRONOUNS,
    SUBJECT_DEPS,
)
from service.attribution.phrases import name_tokens
from service.attribution.results import Pronoun, Span
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
    NEUTRAL = "neutral"
    """A person the article calls "they": read only from words that bind "they" to one person ("themself")."""
    UNKNOWN = "unknown"


def pronoun_gender(token: Token) -> Gender:
    """ "he", "him", "his" are male; "she", "her" female; "themself" one person called "they"; any other pronoun says nothing."""
    if token.lower_ in MALE_PRONOUNS:
        return Gender.MALE
    if token.lower_ in FEMALE_PRONOUNS:
        return Gender.FEMALE
    if token.lower_ in NEUTRAL_PRONOUNS:
        return Gender.NEUTRAL
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


def word_clue(token: Token) -> Clue | None:
    """What the word that names a speaker says of their gender: "she" (once), "spokeswoman" (sure).

    Near misses: "spokesperson", "Ortiz" (a name is never a clue: no first
    name says anything).
    """
    if token.tag_ in PRONOUN_TAGS or token.lower_ in MALE_PRONOUNS | FEMALE_PRONOUNS:
        gender = pronoun_gender(token)
        return Clue(gender, _word_span(token)) if gender is not Gender.UNKNOWN else None
    if token.pos_ != "NOUN":
        return None
    gender = _word_gender(lemma(token))
    return _sure(gender, _word_span(token)) if gender is not Gender.UNKNOWN else None


def _word_gender(word: str) -> Gender:
    if word in MALE_HONORIFICS or word in MALE_NOUNS:
        return Gender.MALE
    if word in FEMALE_HONORIFICS or word in FEMALE_NOUNS:
        return Gender.FEMALE
    return Gender.UNKNOWN


@dataclass(frozen=True, slots=True)
class Clue:
    """One word of the article that says which pronoun it uses for a person, and how much it counts."""

    gender: Gender
    span: Span
    """The word: "Ms", "spokeswoman", "she"."""
    weight: int = 1


def clues(ent: SpacySpan, quoted: Callable[[Token], bool] = lambda _: False) -> list[Clue]:
    """What one mention of a person says of their gender, each with the word that says it.

    An honorific ("Ms Ortiz"), a gendered noun in their title ("spokeswoman
    Lena Ortiz") or in apposition ("his wife, Ana Ruiz") is sure and counts
    ``NAMED_WEIGHT`` times; a pronoun bound to them counts once. Near miss:
    "Dr Ortiz" (an honorific of either sex says nothing). A pronoun inside
    quotation marks is the speaker's own word about someone else: "“He has
    the experience,” said Lisa Harris" says nothing of Harris.
    """
    found: list[Clue] = []
    described = describe(ent.root)
    if described.honorific is not None:
        found.append(_sure(_word_gender(described.honorific.text.lower().rstrip(".")), described.honorific.span))
    if described.title is not None:
        noun = described.title.text.lower().split()[-1]
        found.append(_sure(_word_gender(noun), _last_word(described.title.span, noun)))
    for child in ent.root.children:
        if child.dep_ in APPOSITION_DEPS:
            found.append(_sure(_word_gender(lemma(child)), _word_span(child)))
    if ent.root.dep_ in APPOSITION_DEPS:
        found.append(_sure(_word_gender(lemma(ent.root.head)), _word_span(ent.root.head)))
    found += [Clue(pronoun_gender(t), _word_span(t)) for t in bound_pronouns(ent.root, quoted)]
    found += [Clue(pronoun_gender(t), _word_span(t)) for t in _next_sentences_subject(ent.root, quoted)]
    return [clue for clue in found if clue.gender is not Gender.UNKNOWN]


def evidence(ent: SpacySpan, quoted: Callable[[Token], bool] = lambda _: False) -> list[Gender]:
    """What one mention of a person says of their gender, as votes (a sure word counts ``NAMED_WEIGHT`` times)."""
    return [clue.gender for clue in clues(ent, quoted) for _ in range(clue.weight)]


def _sure(gender: Gender, span: Span) -> Clue:
    return Clue(gender, span, NAMED_WEIGHT)


def _word_span(token: Token) -> Span:
    return Span(token.idx, token.idx + len(token.text), token.text)


def _last_word(span: Span, word: str) -> Span:
    """The title's gendered noun, its last word ("spokeswoman" of "Tellbridge spokeswoman"), where it is there."""
    if span.text.lower().endswith(word):
        return Span(span.end - len(word), span.end, span.text[len(span.text) - len(word) :])
    return span


def bound_pronouns(root: Token, quoted: Callable[[Token], bool] = lambda _: False) -> Iterable[Token]:
    """Pronouns bound to the person at ``root``: the subject of a clause their verb reports or continues
    ("Ruiz said she would"), and a reflexive object of their own verb ("Ruiz excused herself").

    Near misses: "Ruiz criticised Lee after she spoke" (an adverbial clause: "she" may be Lee),
    and a pronoun inside quotation marks.
    """
    if root.dep_ not in SUBJECT_DEPS:
        return
    for child in root.head.children:
        if child.dep_ in BOUND_CLAUSE_DEPS:
            for subject in child.children:
                if subject.dep_ in SUBJECT_DEPS and subject.tag_ == "PRP" and not quoted(subject):
                    yield subject
        elif child.dep_ in REFLEXIVE_DEPS and child.lower_ in REFLEXIVE_PRONOUNS:
            yield child


def clues_by_person(
    persons: Iterable[SpacySpan], name_of: Callable[[SpacySpan], str], quoted: Callable[[Token], bool]
) -> dict[str, list[Clue]]:
    """Every clue to each person's gender, by canonical name in lower case; mentions inside quotation marks say nothing."""
    found: dict[str, list[Clue]] = {}
    for ent in persons:
        if quoted(ent.root):
            continue
        found.setdefault(name_of(ent).lower(), []).extend(clues(ent, quoted))
    return found


def decided(found: Iterable[Clue]) -> Gender:
    """The gender most of the clues say, weighed; unknown when none does or it is split between "he" and "she"."""
    counts: Counter[Gender] = Counter()
    for clue in found:
        counts[clue.gender] += clue.weight
    male, female = counts[Gender.MALE], counts[Gender.FEMALE]
    if male == female:
        return Gender.UNKNOWN
    return Gender.MALE if male > female else Gender.FEMALE


def _next_sentences_subject(root: Token, quoted: Callable[[Token], bool]) -> Iterable[Token]:
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
        yield following


def genders(persons: Iterable[SpacySpan], name_of: Callable[[SpacySpan], str], quoted: Callable[[Token], bool]) -> dict[str, Gender]:
    """The gender of each person, by canonical name in lower case (only those the evidence decides)."""
    return decided_genders(clues_by_person(persons, name_of, quoted))


def decided_genders(by_person: Mapping[str, list[Clue]]) -> dict[str, Gender]:
    """The gender the clues decide for each person, by name (those they leave undecided left out)."""
    return {name: gender for name, found in by_person.items() if (gender := decided(found)) is not Gender.UNKNOWN}


PRONOUNS = {Gender.MALE: Pronoun.HE, Gender.FEMALE: Pronoun.SHE, Gender.NEUTRAL: Pronoun.THEY}


def pronoun_used(found: Iterable[Clue]) -> tuple[Pronoun, Span] | None:
    """The pronoun the article uses for a person, and the first word it was read from; None where no clue decides.

    "Ms", "she", "spokeswoman" give "she"; a person the article calls only
    "themself" or "they/them" gives "they". Near miss: "Mr" and a "she" the
    resolver gave the same person (weighed: the honorific wins); no clue at
    all (a first name is never one).
    """
    ordered = sorted(found, key=lambda clue: clue.span.start)
    counts: Counter[Gender] = Counter()
    for clue in ordered:
        counts[clue.gender] += clue.weight
    ranked = counts.most_common()
    if not ranked or (len(ranked) > 1 and ranked[0][1] == ranked[1][1]):
        return None
    gender = ranked[0][0]
    first = next(clue for clue in ordered if clue.gender is gender)
    return PRONOUNS[gender], first.span
