"""Page furniture: captions, teasers and media labels, read from a paragraph's text alone."""

from __future__ import annotations

from service.attribution.article import Article
from service.attribution.furniture import (
    FURNITURE_RULES,
    is_furniture,
    photo_credit,
    running_time,
    teaser_or_media_label,
)
from service.attribution.quotes import find_quotes
from service.attribution.speakers import speaker_label
from tests.parses import parse


def test_furniture_rules_run_in_the_documented_order() -> None:
    assert FURNITURE_RULES == (photo_credit, teaser_or_media_label, running_time)


def test_a_caption_ending_in_a_photographers_credit_is_furniture() -> None:
    assert photo_credit("Ana Ruiz says the ferry will run again in May. (Tom Hale/Harbour News)")
    assert photo_credit("Dockers wait at the gate on Monday. ( HARBOUR NEWS FILE PHOTO )")


def test_a_sentence_ending_in_a_party_or_a_wire_is_prose() -> None:
    assert not photo_credit("The bill passed, said Ann Lee (D-Ohio).")
    assert not photo_credit("Ferries will run again in May, the port said. (AP)")
    assert not photo_credit("The port is busy (see the chart below)")


def test_a_teaser_or_a_media_label_opens_furniture() -> None:
    assert teaser_or_media_label("WATCH BELOW: Port director explains the delays")
    assert teaser_or_media_label("Read more: Ferry strike ends after three days")
    assert teaser_or_media_label("Photo: Tom Hale/Harbour News")


def test_an_update_or_a_speakers_label_is_no_furniture() -> None:
    assert not teaser_or_media_label("Update: “We are open again,” Ruiz said.")
    assert not teaser_or_media_label("Ana Ruiz: We will win this.")
    assert not teaser_or_media_label("Watch out for the new timetable, the port said.")


def test_a_videos_running_time_ends_furniture_but_a_time_in_a_sentence_does_not() -> None:
    assert running_time("The port director tells us why the ferries stopped 2:45")
    assert not running_time("The vote was taken at 10:45.")
    assert not is_furniture("The vote was taken at 10:45.")


TEASER_WITH_A_CUE = parse(
    "WATCH: Ruiz says ferries will run",
    """
    0 WATCH watch NNP PROPN ROOT 0
    1 : - : PUNCT punct 0
    2 Ruiz Ruiz NNP PROPN nsubj 3 B-PERSON
    3 says say VBZ VERB appos 0
    4 ferries ferry NNS NOUN nsubj 6
    5 will - MD AUX aux 6
    6 run - VB VERB ccomp 3
    """,
)


def test_a_teaser_gives_no_quote_and_no_label() -> None:
    article = Article(TEASER_WITH_A_CUE)
    assert article.furniture == frozenset({0})
    assert article.in_furniture(article.text.index("Ruiz"))
    assert find_quotes(article) == []
    assert speaker_label(article, 0) is None
