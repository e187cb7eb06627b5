"""Page furniture: captions, teasers and media labels, read from a paragraph's text alone."""

from __future__ import annotations

from service.attribution.article import Article
from service.attribution.furniture import (
    FURNITURE_RULES,
    continuation_notice,
    credit_first,
    is_furniture,
    photo_credit,
    running_time,
    teaser_or_media_label,
)
from service.attribution.quotes import find_quotes
from service.attribution.speakers import speaker_label
from tests.parses import parse


def test_furniture_rules_run_in_the_documented_order() -> None:
    assert FURNITURE_RULES == (photo_credit, credit_first, teaser_or_media_label, running_time, continuation_notice)


def test_a_caption_ending_in_a_photographers_credit_is_furniture() -> None:
    assert photo_credit("Ana Ruiz says the ferry will run again in May. (Tom Hale/Harbour News)")
    assert photo_credit("Dockers wait at the gate on Monday. ( HARBOUR NEWS FILE PHOTO )")


def test_a_caption_opened_by_its_photographers_credit_is_furniture() -> None:
    assert credit_first("Tom Hale / Harbour News Ana Ruiz, left, opens the ferry terminal on Monday.")
    assert credit_first("Jo Park / Reuters.")
    # near misses: a band's name, a slash inside a sentence, no spaces around it
    assert not credit_first("AC/DC played the harbour festival on Monday.")
    assert not credit_first("Ana Ruiz said the fees / charges would rise.")
    assert not credit_first("Ana Ruiz/Tom Hale ran the meeting.")


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


def test_a_notice_that_the_story_goes_on_is_furniture() -> None:
    assert continuation_notice("Article continues below")
    assert continuation_notice("Story continues below advertisement")
    assert continuation_notice("Advertisement")
    # Near miss: a sentence of the story that happens to hold the words.
    assert not continuation_notice("The talks continue below the surface, Ruiz said.")


NOTICE_BETWEEN_QUOTES = parse(
    "“We are ready,” said Ana Ruiz.\n\nArticle continues below\n\n“The boats are checked.”",
    r"""
    0 “ " `` PUNCT punct 6
    1 We - PRP PRON nsubj 2
    2 are be VBP AUX ccomp 6
    3 ready - JJ ADJ acomp 2
    4 , - , PUNCT punct 6
    5 ” " '' PUNCT punct 6
    6 said say VBD VERB ROOT 6
    7 Ana Ana NNP PROPN compound 8 B-PERSON
    8 Ruiz Ruiz NNP PROPN nsubj 6 I-PERSON
    9 . - . PUNCT punct 6
    10 \n\n - _SP SPACE dep 9
    11 Article - NN NOUN nsubj 12
    12 continues continue VBZ VERB ROOT 12
    13 below - RB ADV advmod 12
    14 \n\n - _SP SPACE dep 13
    15 “ " `` PUNCT punct 19
    16 The - DT DET det 17
    17 boats boat NNS NOUN nsubjpass 19
    18 are be VBP AUX auxpass 19
    19 checked check VBN VERB ROOT 19
    20 . - . PUNCT punct 19
    21 ” " '' PUNCT punct 19
    """,
)


def test_a_quote_paragraph_continues_the_one_before_across_page_furniture() -> None:
    found = find_quotes(Article(NOTICE_BETWEEN_QUOTES))
    assert [(f.rule.value, f.speaker.text if f.speaker else None) for f in found] == [("frame_after", "Ruiz"), ("continuation", "Ruiz")]
