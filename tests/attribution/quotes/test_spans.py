"""The character arithmetic the quote passes share: trimming and classifying a content span."""

from __future__ import annotations

from service.attribution.article import Article
from service.attribution.results import QuoteType
from service.attribution.quotes.reported import verb_content
from service.attribution.quotes.spans import classify, in_first_person, trim
from tests.attribution.sentences import SAID_THAT, chars
from tests.parses import parse, word


SAID_THAT_QUOTED = parse(
    "Lopez said that “the clinic will open in March.”",
    """
    0 Lopez Lopez NNP PROPN nsubj 1 B-PERSON
    1 said say VBD VERB ROOT 1
    2 that - IN SCONJ mark 7
    3 “ " `` PUNCT punct 7
    4 the - DT DET det 5
    5 clinic - NN NOUN nsubj 7
    6 will - MD AUX aux 7
    7 open - VB VERB ccomp 1
    8 in - IN ADP prep 7
    9 March March NNP PROPN pobj 8 B-DATE
    10 . - . PUNCT punct 1
    11 ” " '' PUNCT punct 1
    """,
)


SAID_WITHIN_WEEKS = parse(
    "Lopez said the clinic would open “within weeks.”",
    """
    0 Lopez Lopez NNP PROPN nsubj 1 B-PERSON
    1 said say VBD VERB ROOT 1
    2 the - DT DET det 3
    3 clinic - NN NOUN nsubj 5
    4 would - MD AUX aux 5
    5 open - VB VERB ccomp 1
    6 “ " `` PUNCT punct 5
    7 within - IN ADP prep 5
    8 weeks week NNS NOUN pobj 7 B-DATE
    9 . - . PUNCT punct 1
    10 ” " '' PUNCT punct 1
    """,
)


SAID_SOON = parse(
    "Lopez said the clinic would open soon.",
    """
    0 Lopez Lopez NNP PROPN nsubj 1 B-PERSON
    1 said say VBD VERB ROOT 1
    2 the - DT DET det 3
    3 clinic - NN NOUN nsubj 5
    4 would - MD AUX aux 5
    5 open - VB VERB ccomp 1
    6 soon - RB ADV advmod 5
    7 . - . PUNCT punct 1
    """,
)


def test_a_fully_quoted_complement_is_direct_and_reports_the_quotation() -> None:
    article = Article(SAID_THAT_QUOTED)
    content = verb_content(article, word(SAID_THAT_QUOTED, "said"))
    assert content is not None
    kind, start, end = classify(article, *content, [0])
    assert kind is QuoteType.DIRECT
    assert article.text[start:end] == "the clinic will open in March."


def test_a_partly_quoted_complement_is_mixed_and_reports_the_complement_with_its_marks() -> None:
    article = Article(SAID_WITHIN_WEEKS)
    content = verb_content(article, word(SAID_WITHIN_WEEKS, "said"))
    assert chars(article, content) == "the clinic would open “within weeks"
    assert content is not None
    kind, start, end = classify(article, *content, [0])
    assert kind is QuoteType.MIXED
    assert article.text[start:end] == "the clinic would open “within weeks.”"


def test_a_complement_without_quotation_marks_is_indirect() -> None:
    article = Article(SAID_SOON)
    content = verb_content(article, word(SAID_SOON, "said"))
    assert content is not None
    assert classify(article, *content, []) == (QuoteType.INDIRECT, *content)


THAT_THAT = parse(
    "“That that,” she added.",
    """
    0 “ " `` PUNCT punct 6
    1 That that DT DET det 2
    2 that that DT PRON nsubj 6
    3 , - , PUNCT punct 6
    4 ” " '' PUNCT punct 6
    5 she she PRP PRON nsubj 6
    6 added add VBD VERB ROOT 6
    7 . - . PUNCT punct 6
    """,
)


def test_only_a_complementizer_that_is_trimmed_from_content() -> None:
    article = Article(THAT_THAT)
    assert trim(article, 1, 11) == (1, 10)
    said_that = Article(SAID_THAT)
    start = SAID_THAT.text.index("that")
    assert SAID_THAT.text[slice(*trim(said_that, start, len(SAID_THAT.text)))].split()[0] != "that"


I_WILL_STAY = parse(
    "“I will stay,” Ruiz said.",
    """
    0 “ " `` PUNCT punct 7
    1 I - PRP PRON nsubj 3
    2 will - MD AUX aux 3
    3 stay - VB VERB ccomp 7
    4 , - , PUNCT punct 7
    5 ” " '' PUNCT punct 7
    6 Ruiz Ruiz NNP PROPN nsubj 7 B-PERSON
    7 said say VBD VERB ROOT 7
    8 . - . PUNCT punct 7
    """,
)


WE_WILL_STAY = parse(
    "“We will stay,” Tellbridge said.",
    """
    0 “ " `` PUNCT punct 7
    1 We - PRP PRON nsubj 3
    2 will - MD AUX aux 3
    3 stay - VB VERB ccomp 7
    4 , - , PUNCT punct 7
    5 ” " '' PUNCT punct 7
    6 Tellbridge Tellbridge NNP PROPN nsubj 7
    7 said say VBD VERB ROOT 7
    8 . - . PUNCT punct 7
    """,
)


def test_a_quotation_that_says_i_speaks_in_the_first_person() -> None:
    assert in_first_person(Article(I_WILL_STAY), [0])


def test_a_quotation_that_says_we_does_not_speak_as_one_person() -> None:
    assert not in_first_person(Article(WE_WILL_STAY), [0])


WE_WILL_STAY_I_SAID = parse(
    "“We will stay,” I said.",
    """
    0 “ " `` PUNCT punct 7
    1 We - PRP PRON nsubj 3
    2 will - MD AUX aux 3
    3 stay - VB VERB ccomp 7
    4 , - , PUNCT punct 7
    5 ” " '' PUNCT punct 7
    6 I - PRP PRON nsubj 7
    7 said say VBD VERB ROOT 7
    8 . - . PUNCT punct 7
    """,
)


def test_a_first_person_word_in_the_frame_does_not_count() -> None:
    assert not in_first_person(Article(WE_WILL_STAY_I_SAID), [0])
