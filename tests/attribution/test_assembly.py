"""The last stage: what kind of source each speaker is, as the API says it."""

from __future__ import annotations

from service.attribution.assembly import is_anonymous, kind_of_source
from service.attribution.resolution.entities import Entity, Kind
from service.attribution.resolution.values import AUTHOR
from service.attribution.results import SpeakerKind


def test_a_person_the_article_names_is_a_person_and_one_it_describes_an_unnamed_person() -> None:
    assert kind_of_source(Entity(0, "Ana Ruiz", Kind.PERSON, "Ruiz")) is SpeakerKind.PERSON
    assert kind_of_source(Entity(1, "spokeswoman", Kind.PERSON, "spokeswoman", named=False)) is SpeakerKind.UNNAMED_PERSON


def test_groups_organisations_and_documents_keep_their_kind_and_a_thing_has_none() -> None:
    kinds = [kind_of_source(Entity(n, "x", kind, "x")) for n, kind in enumerate([Kind.GROUP, Kind.ORGANISATION, Kind.DOCUMENT, Kind.UNKNOWN])]
    assert kinds == [SpeakerKind.GROUP, SpeakerKind.ORGANISATION, SpeakerKind.DOCUMENT, None]


def test_people_and_groups_the_article_never_names_are_anonymous() -> None:
    spokeswoman = Entity(0, "spokeswoman", Kind.PERSON, "spokeswoman", named=False)
    officials = Entity(1, "two officials", Kind.GROUP, "official", named=False)
    assert is_anonymous(spokeswoman, kind_of_source(spokeswoman))
    assert is_anonymous(officials, kind_of_source(officials))


def test_the_named_organisations_documents_and_the_author_are_not_anonymous() -> None:
    entities = [
        Entity(0, "Ana Ruiz", Kind.PERSON, "Ruiz"),
        Entity(1, "company", Kind.ORGANISATION, "company", named=False),
        Entity(2, "report", Kind.DOCUMENT, "report"),
        Entity(3, AUTHOR, Kind.PERSON, "i", named=False),
    ]
    assert [is_anonymous(entity, kind_of_source(entity)) for entity in entities] == [False] * 4
