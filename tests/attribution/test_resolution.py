"""Who is who: names, surnames, pronouns and nominals resolved to one entity each."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from service.attribution.article import Article
from service.attribution.entities import Entity, Kind
from service.attribution.model import Span
from service.attribution.resolution import Resolved, Resolver
from tests.attribution.sentences import ANALYST_THEN_SURNAME, REPORT_RELEASED_BY, REPORT_RELEASED_ON
from tests.parses import parse, word


def resolved(resolver: Resolver, head: Token) -> tuple[Entity, Span]:
    """The entity ``head`` resolves to, and the mention that names it there."""
    found = resolver.resolve(head)
    assert found.entity is not None, f"{head.text!r} names no one"
    return found.entity, found.mention


@dataclass(frozen=True)
class Seen:
    """What the resolver has gathered of an entity, as words."""

    title: str | None
    affiliation: str | None
    mentions: tuple[Span, ...]


def profile(resolver: Resolver, entity: Entity) -> Seen:
    """What the resolver has gathered of ``entity`` so far."""
    found = resolver.known.profile(entity)
    title, affiliation = found.title, found.affiliation
    return Seen(title.text if title else None, affiliation.text if affiliation else None, found.mentions)


UNTAGGED_SURNAME = parse(
    "Maria Lopez met Kim Sato. “It works,” Lopez said.",
    """
    0 Maria Maria NNP PROPN compound 1 B-PERSON
    1 Lopez Lopez NNP PROPN nsubj 2 I-PERSON
    2 met meet VBD VERB ROOT 2
    3 Kim Kim NNP PROPN compound 4 B-PERSON
    4 Sato Sato NNP PROPN dobj 2 I-PERSON
    5 . - . PUNCT punct 2
    6 “ " `` PUNCT punct 8
    7 It - PRP PRON nsubj 8
    8 works work VBZ VERB ccomp 12
    9 , - , PUNCT punct 12
    10 ” " '' PUNCT punct 12
    11 Lopez Lopez NNP PROPN nsubj 12
    12 said say VBD VERB ROOT 12
    13 . - . PUNCT punct 12
    """,
)


THREE_SPEAKERS = parse(
    "Maria Lopez said the clinic was ready. Kim Sato said the staff were trained. "
    "She said the beds were new. They said the roof leaked.",
    """
    0 Maria Maria NNP PROPN compound 1 B-PERSON
    1 Lopez Lopez NNP PROPN nsubj 2 I-PERSON
    2 said say VBD VERB ROOT 2
    3 the - DT DET det 4
    4 clinic - NN NOUN nsubj 5
    5 was be VBD AUX ccomp 2
    6 ready - JJ ADJ acomp 5
    7 . - . PUNCT punct 2
    8 Kim Kim NNP PROPN compound 9 B-PERSON
    9 Sato Sato NNP PROPN nsubj 10 I-PERSON
    10 said say VBD VERB ROOT 10
    11 the - DT DET det 12
    12 staff - NN NOUN nsubjpass 14
    13 were be VBD AUX auxpass 14
    14 trained train VBN VERB ccomp 10
    15 . - . PUNCT punct 10
    16 She - PRP PRON nsubj 17
    17 said say VBD VERB ROOT 17
    18 the - DT DET det 19
    19 beds bed NNS NOUN nsubj 20
    20 were be VBD AUX ccomp 17
    21 new - JJ ADJ acomp 20
    22 . - . PUNCT punct 17
    23 They - PRP PRON nsubj 24
    24 said say VBD VERB ROOT 24
    25 the - DT DET det 26
    26 roof - NN NOUN nsubj 27
    27 leaked leak VBD VERB ccomp 24
    28 . - . PUNCT punct 24
    """,
)


SPOKESPEOPLE = parse(
    "A Harbor Institute spokesperson said the clinic was ready. The spokesperson said the staff were trained. "
    "A Kestrel Bank spokesperson said the loan was approved.",
    """
    0 A - DT DET det 3
    1 Harbor Harbor NNP PROPN compound 2 B-ORG
    2 Institute Institute NNP PROPN compound 3 I-ORG
    3 spokesperson - NN NOUN nsubj 4
    4 said say VBD VERB ROOT 4
    5 the - DT DET det 6
    6 clinic - NN NOUN nsubj 7
    7 was be VBD AUX ccomp 4
    8 ready - JJ ADJ acomp 7
    9 . - . PUNCT punct 4
    10 The - DT DET det 11
    11 spokesperson - NN NOUN nsubj 12
    12 said say VBD VERB ROOT 12
    13 the - DT DET det 14
    14 staff - NN NOUN nsubjpass 16
    15 were be VBD AUX auxpass 16
    16 trained train VBN VERB ccomp 12
    17 . - . PUNCT punct 12
    18 A - DT DET det 21
    19 Kestrel Kestrel NNP PROPN compound 20 B-ORG
    20 Bank Bank NNP PROPN compound 21 I-ORG
    21 spokesperson - NN NOUN nsubj 22
    22 said say VBD VERB ROOT 22
    23 the - DT DET det 24
    24 loan - NN NOUN nsubjpass 26
    25 was be VBD AUX auxpass 26
    26 approved approve VBN VERB ccomp 22
    27 . - . PUNCT punct 22
    """,
)


def test_resolve_gives_a_surname_the_full_name_and_its_own_mention() -> None:
    doc = ANALYST_THEN_SURNAME
    entity, mention = resolved(Resolver(Article(doc)), word(doc, "Lopez", 1))
    assert (entity.name, entity.kind) == ("Maria Lopez", Kind.PERSON)
    assert (mention.text, doc.text[mention.start : mention.end]) == ("Lopez", "Lopez")


def test_resolve_takes_an_untagged_surname_of_a_known_person_as_that_person() -> None:
    doc = UNTAGGED_SURNAME
    entity, _ = resolved(Resolver(Article(doc)), word(doc, "Lopez", 1))
    assert (entity.name, entity.kind) == ("Maria Lopez", Kind.PERSON)


def test_resolve_learns_the_title_and_affiliation_beside_the_mention() -> None:
    doc = ANALYST_THEN_SURNAME
    resolver = Resolver(Article(doc))
    entity, _ = resolved(resolver, word(doc, "Lopez", 0))
    assert (profile(resolver, entity).title, profile(resolver, entity).affiliation) == ("analyst", "Harbor Institute")


def test_a_pronoun_goes_to_the_latest_earlier_person_speaker() -> None:
    doc = THREE_SPEAKERS
    resolver = Resolver(Article(doc))
    resolved(resolver, word(doc, "Lopez"))
    sato, _ = resolved(resolver, word(doc, "Sato"))
    entity, mention = resolved(resolver, word(doc, "She"))
    assert entity is sato
    assert mention.text == "She"
    assert [m.text for m in profile(resolver, sato).mentions] == ["Kim Sato", "She"]


def test_a_pronoun_falls_back_to_an_earlier_person_subject() -> None:
    doc = THREE_SPEAKERS
    entity, _ = resolved(Resolver(Article(doc)), word(doc, "She"))
    assert (entity.name, entity.kind) == ("Kim Sato", Kind.PERSON)


def test_a_plural_pronoun_does_not_stand_for_a_person() -> None:
    doc = THREE_SPEAKERS
    resolver = Resolver(Article(doc))
    resolved(resolver, word(doc, "Lopez"))
    resolved(resolver, word(doc, "Sato"))
    found = resolver.resolve(word(doc, "They"))
    assert (found.entity, found.mention.text, found.how) == (None, "They", Resolved.UNRESOLVED_PRONOUN)


def test_a_definite_nominal_goes_to_the_earlier_speaker_with_the_same_noun() -> None:
    doc = SPOKESPEOPLE
    resolver = Resolver(Article(doc))
    first, _ = resolved(resolver, word(doc, "spokesperson", 0))
    again, mention = resolved(resolver, word(doc, "spokesperson", 1))
    assert again is first
    assert mention.text == "The spokesperson"
    assert (first.name, profile(resolver, first).title, profile(resolver, first).affiliation) == (
        "Harbor Institute spokesperson",
        "spokesperson",
        "Harbor Institute",
    )


def test_an_indefinite_nominal_names_a_new_speaker() -> None:
    doc = SPOKESPEOPLE
    resolver = Resolver(Article(doc))
    first, _ = resolved(resolver, word(doc, "spokesperson", 0))
    other, _ = resolved(resolver, word(doc, "spokesperson", 2))
    assert other is not first
    assert [e.name for e in resolver.known.entities] == ["Harbor Institute spokesperson", "Kestrel Bank spokesperson"]


MAYOR_AS_RUIZ_ARRIVED = parse(
    "As Ana Ruiz arrived, the mayor said the pier would reopen.",
    """
    0 As - IN SCONJ mark 3
    1 Ana Ana NNP PROPN compound 2 B-PERSON
    2 Ruiz Ruiz NNP PROPN nsubj 3 I-PERSON
    3 arrived arrive VBD VERB advcl 7
    4 , - , PUNCT punct 7
    5 the - DT DET det 6
    6 mayor - NN NOUN nsubj 7
    7 said say VBD VERB ROOT 7
    8 the - DT DET det 9
    9 pier - NN NOUN nsubj 11
    10 would - MD AUX aux 11
    11 reopen - VB VERB ccomp 7
    12 . - . PUNCT punct 7
    """,
)


BARE_TITLE_AFTER_NAME = parse(
    "Oleg Marin toured the harbor on Monday. Russian President said the pier would reopen.",
    """
    0 Oleg Oleg NNP PROPN compound 1 B-PERSON
    1 Marin Marin NNP PROPN nsubj 2 I-PERSON
    2 toured tour VBD VERB ROOT 2
    3 the - DT DET det 4
    4 harbor - NN NOUN dobj 2
    5 on - IN ADP prep 2
    6 Monday Monday NNP PROPN pobj 5 B-DATE
    7 . - . PUNCT punct 2
    8 Russian - JJ ADJ amod 9 B-NORP
    9 President President NNP PROPN nsubj 10
    10 said say VBD VERB ROOT 10
    11 the - DT DET det 12
    12 pier - NN NOUN nsubj 14
    13 would - MD AUX aux 14
    14 reopen - VB VERB ccomp 10
    15 . - . PUNCT punct 10
    """,
)


A_MINISTER_AFTER_NAME = parse(
    "Ana Ruiz arrived on Monday. A minister said the pier would reopen.",
    """
    0 Ana Ana NNP PROPN compound 1 B-PERSON
    1 Ruiz Ruiz NNP PROPN nsubj 2 I-PERSON
    2 arrived arrive VBD VERB ROOT 2
    3 on - IN ADP prep 2
    4 Monday Monday NNP PROPN pobj 3 B-DATE
    5 . - . PUNCT punct 2
    6 A - DT DET det 7
    7 minister - NN NOUN nsubj 8
    8 said say VBD VERB ROOT 8
    9 the - DT DET det 10
    10 pier - NN NOUN nsubj 12
    11 would - MD AUX aux 12
    12 reopen - VB VERB ccomp 8
    13 . - . PUNCT punct 8
    """,
)


MAYOR_IN_THE_NEXT_PARAGRAPH = parse(
    "Ana Ruiz arrived on Monday.\n\nThe mayor said the pier would reopen.",
    r"""
    0 Ana Ana NNP PROPN compound 1 B-PERSON
    1 Ruiz Ruiz NNP PROPN nsubj 2 I-PERSON
    2 arrived arrive VBD VERB ROOT 2
    3 on - IN ADP prep 2
    4 Monday Monday NNP PROPN pobj 3 B-DATE
    5 . - . PUNCT punct 2
    6 \n\n - _SP SPACE dep 5
    7 The - DT DET det 8
    8 mayor - NN NOUN nsubj 9
    9 said say VBD VERB ROOT 9
    10 the - DT DET det 11
    11 pier - NN NOUN nsubj 13
    12 would - MD AUX aux 13
    13 reopen - VB VERB ccomp 9
    14 . - . PUNCT punct 9
    """,
)


MINISTERS_AS_RUIZ_ARRIVED = parse(
    "As Ana Ruiz arrived, the ministers said the pier would reopen.",
    """
    0 As - IN SCONJ mark 3
    1 Ana Ana NNP PROPN compound 2 B-PERSON
    2 Ruiz Ruiz NNP PROPN nsubj 3 I-PERSON
    3 arrived arrive VBD VERB advcl 7
    4 , - , PUNCT punct 7
    5 the - DT DET det 6
    6 ministers minister NNS NOUN nsubj 7
    7 said say VBD VERB ROOT 7
    8 the - DT DET det 9
    9 pier - NN NOUN nsubj 11
    10 would - MD AUX aux 11
    11 reopen - VB VERB ccomp 7
    12 . - . PUNCT punct 7
    """,
)


def test_a_definite_title_stands_for_the_person_just_named_and_teaches_the_title() -> None:
    doc = MAYOR_AS_RUIZ_ARRIVED
    resolver = Resolver(Article(doc))
    entity, mention = resolved(resolver, word(doc, "mayor"))
    assert (entity.name, entity.kind, profile(resolver, entity).title) == ("Ana Ruiz", Kind.PERSON, "mayor")
    assert mention.text == "the mayor"


def test_a_bare_title_stands_for_the_person_named_earlier_in_the_paragraph() -> None:
    doc = BARE_TITLE_AFTER_NAME
    resolver = Resolver(Article(doc))
    entity, mention = resolved(resolver, word(doc, "President"))
    seen = profile(resolver, entity)
    assert (entity.name, seen.title, seen.affiliation) == ("Oleg Marin", "President", "Russian")
    assert mention.text == "Russian President"


def test_an_indefinite_title_names_a_new_speaker() -> None:
    doc = A_MINISTER_AFTER_NAME
    resolver = Resolver(Article(doc))
    entity, mention = resolved(resolver, word(doc, "minister"))
    assert (entity.name, mention.text) == ("minister", "A minister")
    assert [e.name for e in resolver.known.entities] == ["minister"]


def test_a_title_does_not_reach_a_person_in_an_earlier_paragraph() -> None:
    doc = MAYOR_IN_THE_NEXT_PARAGRAPH
    resolver = Resolver(Article(doc))
    entity, _ = resolved(resolver, word(doc, "mayor"))
    assert [e.name for e in resolver.known.entities] == ["mayor"]
    assert entity.name == "mayor"


def test_a_plural_title_does_not_stand_for_one_person() -> None:
    doc = MINISTERS_AS_RUIZ_ARRIVED
    entity, _ = resolved(Resolver(Article(doc)), word(doc, "ministers"))
    assert (entity.name, entity.kind) == ("ministers", Kind.GROUP)


def test_a_document_speaker_resolves_to_its_author() -> None:
    doc = REPORT_RELEASED_BY
    entity, mention = resolved(Resolver(Article(doc)), word(doc, "report"))
    assert (entity.name, entity.kind) == ("Harbor Agency", Kind.ORGANISATION)
    assert mention.text == "A report"


def test_a_document_without_an_author_is_its_own_speaker() -> None:
    doc = REPORT_RELEASED_ON
    entity, _ = resolved(Resolver(Article(doc)), word(doc, "report"))
    assert entity.name == "report"


def test_gather_mentions_adds_the_full_name_and_what_it_says() -> None:
    doc = ANALYST_THEN_SURNAME
    resolver = Resolver(Article(doc))
    entity, _ = resolved(resolver, word(doc, "Lopez", 1))
    seen = profile(resolver, entity)
    assert [(m.text, seen.title) for m in seen.mentions] == [("Lopez", None)]
    resolver.gather_mentions()
    seen = profile(resolver, entity)
    assert [(m.text, doc.text[m.start : m.end]) for m in seen.mentions] == [
        ("Maria Lopez", "Maria Lopez"),
        ("Lopez", "Lopez"),
    ]
    assert (seen.title, seen.affiliation) == ("analyst", "Harbor Institute")


def test_gather_mentions_adds_no_one_who_does_not_speak() -> None:
    doc = ANALYST_THEN_SURNAME
    resolver = Resolver(Article(doc))
    resolved(resolver, word(doc, "Lopez", 1))
    resolver.gather_mentions()
    assert [e.name for e in resolver.known.entities] == ["Maria Lopez"]
