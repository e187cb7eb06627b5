"""Pass 1, direct quotes: which quotations stand as sentences, and the rules that attribute them."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from service.attribution.article import Article
from service.attribution.quotes import find_quotes
from service.attribution.quotes.direct import (
    DIRECT_RULES,
    according_to_after,
    bare_frame_verb,
    colon_before,
    colon_paragraph,
    continuation,
    dash_after,
    frame_after,
    frame_before,
    introduced_by_colon,
    introduces_next,
    is_sentential,
    names_a_term,
    reports_its_own_clause,
    resumes_quotation,
    speaker_colon,
    unattributed,
    verb_before_comma,
)
from service.attribution.quotes.found import Attributed
from service.attribution.results import QuoteType
from service.attribution.rules import Rule
from tests.attribution.sentences import SUBJECT_IN_A_TITLE, found_quotes
from tests.parses import parse, word


LOPEZ_SAID_AFTER = parse(
    "“We will open in March,” Lopez said.",
    """
    0 “ " `` PUNCT punct 9
    1 We - PRP PRON nsubj 3
    2 will - MD AUX aux 3
    3 open - VB VERB ccomp 9
    4 in - IN ADP prep 3
    5 March March NNP PROPN pobj 4 B-DATE
    6 , - , PUNCT punct 9
    7 ” " '' PUNCT punct 9
    8 Lopez Lopez NNP PROPN nsubj 9 B-PERSON
    9 said say VBD VERB ROOT 9
    10 . - . PUNCT punct 9
    """,
)


PRAISED_DOCTOR = parse(
    "Residents praised “Doctor” Lopez.",
    """
    0 Residents resident NNS NOUN nsubj 1
    1 praised praise VBD VERB ROOT 1
    2 “ " `` PUNCT punct 5
    3 Doctor Doctor NNP PROPN compound 5
    4 ” " '' PUNCT punct 5
    5 Lopez Lopez NNP PROPN dobj 1 B-PERSON
    6 . - . PUNCT punct 1
    """,
)


SAID_AND_LOWERCASE = parse(
    "Lopez said, “and the staff agree.”",
    """
    0 Lopez Lopez NNP PROPN nsubj 1 B-PERSON
    1 said say VBD VERB ROOT 1
    2 , - , PUNCT punct 1
    3 “ " `` PUNCT punct 1
    4 and - CC CCONJ cc 1
    5 the - DT DET det 6
    6 staff - NN NOUN nsubj 7
    7 agree - VBP VERB conj 1
    8 . - . PUNCT punct 1
    9 ” " '' PUNCT punct 1
    """,
)


NOT_YET = parse(
    "Lopez paused. “Not yet” came the reply.",
    """
    0 Lopez Lopez NNP PROPN nsubj 1 B-PERSON
    1 paused pause VBD VERB ROOT 1
    2 . - . PUNCT punct 1
    3 “ " `` PUNCT punct 7
    4 Not - RB PART neg 5
    5 yet - RB ADV advmod 7
    6 ” " '' PUNCT punct 7
    7 came come VBD VERB ROOT 7
    8 the - DT DET det 9
    9 reply - NN NOUN nsubj 7
    10 . - . PUNCT punct 7
    """,
)


NO_COMMA = parse(
    "“No,” Lopez said.",
    """
    0 “ " `` PUNCT punct 5
    1 No - UH INTJ intj 5
    2 , - , PUNCT punct 5
    3 ” " '' PUNCT punct 5
    4 Lopez Lopez NNP PROPN nsubj 5 B-PERSON
    5 said say VBD VERB ROOT 5
    6 . - . PUNCT punct 5
    """,
)


SAID_MARIA_LOPEZ = parse(
    "“We will open in March,” said Maria Lopez.",
    """
    0 “ " `` PUNCT punct 8
    1 We - PRP PRON nsubj 3
    2 will - MD AUX aux 3
    3 open - VB VERB ccomp 8
    4 in - IN ADP prep 3
    5 March March NNP PROPN pobj 4 B-DATE
    6 , - , PUNCT punct 8
    7 ” " '' PUNCT punct 8
    8 said say VBD VERB ROOT 8
    9 Maria Maria NNP PROPN compound 10 B-PERSON
    10 Lopez Lopez NNP PROPN nsubj 8 I-PERSON
    11 . - . PUNCT punct 8
    """,
)


WHAT_RESIDENTS_CALL = parse(
    "“Old Harbor” is what residents call the district.",
    """
    0 “ " `` PUNCT punct 4
    1 Old Old NNP PROPN compound 2
    2 Harbor Harbor NNP PROPN nsubj 4
    3 ” " '' PUNCT punct 2
    4 is be VBZ AUX ROOT 4
    5 what - WP PRON dobj 7
    6 residents resident NNS NOUN nsubj 7
    7 call - VBP VERB ccomp 4
    8 the - DT DET det 9
    9 district - NN NOUN oprd 7
    10 . - . PUNCT punct 4
    """,
)


WENT_HOME = parse(
    "“We are finished here.” He went home.",
    """
    0 “ " `` PUNCT punct 3
    1 We - PRP PRON nsubjpass 3
    2 are be VBP AUX auxpass 3
    3 finished finish VBN VERB ROOT 3
    4 here - RB ADV advmod 3
    5 . - . PUNCT punct 3
    6 ” " '' PUNCT punct 3
    7 He - PRP PRON nsubj 8
    8 went go VBD VERB ROOT 8
    9 home - RB ADV advmod 8
    10 . - . PUNCT punct 8
    """,
)


US_OFFICIAL_SAID = parse(
    "“The clinic will open in March,” a U.S. official said.",
    """
    0 “ " `` PUNCT punct 12
    1 The - DT DET det 2
    2 clinic - NN NOUN nsubj 4
    3 will - MD AUX aux 4
    4 open - VB VERB ccomp 12
    5 in - IN ADP prep 4
    6 March March NNP PROPN pobj 5 B-DATE
    7 , - , PUNCT punct 12
    8 ” " '' PUNCT punct 12
    9 a - DT DET det 11
    10 U.S. U.S. NNP PROPN compound 11 B-GPE
    11 official - NN NOUN nsubj 12
    12 said say VBD VERB ROOT 12
    13 . - . PUNCT punct 12
    """,
)


LOPEZ_SAID_BEFORE = parse(
    "Lopez said, “We will open in March.”",
    """
    0 Lopez Lopez NNP PROPN nsubj 1 B-PERSON
    1 said say VBD VERB ROOT 1
    2 , - , PUNCT punct 1
    3 “ " `` PUNCT punct 1
    4 We - PRP PRON nsubj 6
    5 will - MD AUX aux 6
    6 open - VB VERB ccomp 1
    7 in - IN ADP prep 6
    8 March March NNP PROPN pobj 7 B-DATE
    9 . - . PUNCT punct 1
    10 ” " '' PUNCT punct 1
    """,
)


CUE_IN_EARLIER_SENTENCE = parse(
    "Lopez said the plan was ready. “We will open in March.”",
    """
    0 Lopez Lopez NNP PROPN nsubj 1 B-PERSON
    1 said say VBD VERB ROOT 1
    2 the - DT DET det 3
    3 plan - NN NOUN nsubj 4
    4 was be VBD AUX ccomp 1
    5 ready - JJ ADJ acomp 4
    6 . - . PUNCT punct 1
    7 “ " `` PUNCT punct 10
    8 We - PRP PRON nsubj 10
    9 will - MD AUX aux 10
    10 open - VB VERB ROOT 10
    11 in - IN ADP prep 10
    12 March March NNP PROPN pobj 11 B-DATE
    13 . - . PUNCT punct 10
    14 ” " '' PUNCT punct 10
    """,
)


KIM_AGREED_LOPEZ_ADDED = parse(
    "Kim agreed, and Lopez added: “We will open in March.”",
    """
    0 Kim Kim NNP PROPN nsubj 1 B-PERSON
    1 agreed agree VBD VERB ROOT 1
    2 , - , PUNCT punct 1
    3 and - CC CCONJ cc 1
    4 Lopez Lopez NNP PROPN nsubj 5 B-PERSON
    5 added add VBD VERB conj 1
    6 : - : PUNCT punct 5
    7 “ " `` PUNCT punct 5
    8 We - PRP PRON nsubj 10
    9 will - MD AUX aux 10
    10 open - VB VERB ccomp 5
    11 in - IN ADP prep 10
    12 March March NNP PROPN pobj 11 B-DATE
    13 . - . PUNCT punct 5
    14 ” " '' PUNCT punct 5
    """,
)


CONTINUED_COLON_PARAGRAPH = parse(
    "Lopez continued:\n\n“We will open in March.”",
    r"""
    0 Lopez Lopez NNP PROPN nsubj 1 B-PERSON
    1 continued continue VBD VERB ROOT 1
    2 : - : PUNCT punct 1
    3 \n\n - _SP SPACE dep 2
    4 “ " `` PUNCT punct 1
    5 We - PRP PRON nsubj 7
    6 will - MD AUX aux 7
    7 open - VB VERB ccomp 1
    8 in - IN ADP prep 7
    9 March March NNP PROPN pobj 8 B-DATE
    10 . - . PUNCT punct 1
    11 ” " '' PUNCT punct 1
    """,
)


CONTINUED_COLON_INLINE = parse(
    "Lopez continued: “We will open in March.”",
    """
    0 Lopez Lopez NNP PROPN nsubj 1 B-PERSON
    1 continued continue VBD VERB ROOT 1
    2 : - : PUNCT punct 1
    3 “ " `` PUNCT punct 1
    4 We - PRP PRON nsubj 6
    5 will - MD AUX aux 6
    6 open - VB VERB ccomp 1
    7 in - IN ADP prep 6
    8 March March NNP PROPN pobj 7 B-DATE
    9 . - . PUNCT punct 1
    10 ” " '' PUNCT punct 1
    """,
)


CONTINUED_QUOTE_PARAGRAPH = parse(
    "“We will open in March,” Lopez said.\n\n“The staff are ready.”",
    r"""
    0 “ " `` PUNCT punct 9
    1 We - PRP PRON nsubj 3
    2 will - MD AUX aux 3
    3 open - VB VERB ccomp 9
    4 in - IN ADP prep 3
    5 March March NNP PROPN pobj 4 B-DATE
    6 , - , PUNCT punct 9
    7 ” " '' PUNCT punct 9
    8 Lopez Lopez NNP PROPN nsubj 9 B-PERSON
    9 said say VBD VERB ROOT 9
    10 . - . PUNCT punct 9
    11 \n\n - _SP SPACE dep 10
    12 “ " `` PUNCT punct 15
    13 The - DT DET det 14
    14 staff - NN NOUN nsubj 15
    15 are be VBP AUX ROOT 15
    16 ready - JJ ADJ acomp 15
    17 . - . PUNCT punct 15
    18 ” " '' PUNCT punct 15
    """,
)


CONTINUED_QUOTE_SENTENCE = parse(
    "“We will open in March,” Lopez said. “The staff are ready.”",
    """
    0 “ " `` PUNCT punct 9
    1 We - PRP PRON nsubj 3
    2 will - MD AUX aux 3
    3 open - VB VERB ccomp 9
    4 in - IN ADP prep 3
    5 March March NNP PROPN pobj 4 B-DATE
    6 , - , PUNCT punct 9
    7 ” " '' PUNCT punct 9
    8 Lopez Lopez NNP PROPN nsubj 9 B-PERSON
    9 said say VBD VERB ROOT 9
    10 . - . PUNCT punct 9
    11 “ " `` PUNCT punct 14
    12 The - DT DET det 13
    13 staff - NN NOUN nsubj 14
    14 are be VBP AUX ROOT 14
    15 ready - JJ ADJ acomp 14
    16 . - . PUNCT punct 14
    17 ” " '' PUNCT punct 14
    """,
)


NARRATIVE_BETWEEN_QUOTES = parse(
    "“We will open in March,” Lopez said. The council voted later.\n\n“The staff are ready.”",
    r"""
    0 “ " `` PUNCT punct 9
    1 We - PRP PRON nsubj 3
    2 will - MD AUX aux 3
    3 open - VB VERB ccomp 9
    4 in - IN ADP prep 3
    5 March March NNP PROPN pobj 4 B-DATE
    6 , - , PUNCT punct 9
    7 ” " '' PUNCT punct 9
    8 Lopez Lopez NNP PROPN nsubj 9 B-PERSON
    9 said say VBD VERB ROOT 9
    10 . - . PUNCT punct 9
    11 The - DT DET det 12
    12 council - NN NOUN nsubj 13
    13 voted vote VBD VERB ROOT 13
    14 later - RB ADV advmod 13
    15 . - . PUNCT punct 13
    16 \n\n - _SP SPACE dep 15
    17 “ " `` PUNCT punct 20
    18 The - DT DET det 19
    19 staff - NN NOUN nsubj 20
    20 are be VBP AUX ROOT 20
    21 ready - JJ ADJ acomp 20
    22 . - . PUNCT punct 20
    23 ” " '' PUNCT punct 20
    """,
)


RULE_OF: dict[Callable[..., Attributed | None], Rule] = {attribute: rule for rule, attribute in DIRECT_RULES}
RULE_OF[continuation] = Rule.CONTINUATION


def summary(attribute: Callable[..., Attributed | None], *args: Any) -> tuple[list[str], str, str] | None:
    """The cue's words, the speaker head and the rule of what a direct rule finds, asked with ``args``."""
    found = attribute(*args)
    if found is None:
        return None
    return [t.text for t in found.cue or []], found.speaker.text, RULE_OF[attribute]


def test_a_quotation_that_opens_its_paragraph_is_a_sentence() -> None:
    article = Article(LOPEZ_SAID_AFTER)
    assert is_sentential(article, article.quoted[0])


def test_a_quoted_word_after_a_verb_is_a_fragment() -> None:
    article = Article(PRAISED_DOCTOR)
    assert not is_sentential(article, article.quoted[0])


def test_a_lowercase_quotation_after_a_comma_is_a_fragment() -> None:
    article = Article(SAID_AND_LOWERCASE)
    assert not is_sentential(article, article.quoted[0])


def test_a_short_quotation_needs_its_own_punctuation() -> None:
    without = Article(NOT_YET)
    with_comma = Article(NO_COMMA)
    assert not is_sentential(without, without.quoted[0])
    assert is_sentential(with_comma, with_comma.quoted[0])


def test_direct_rules_run_in_the_documented_order() -> None:
    assert tuple(attribute for _, attribute in DIRECT_RULES) == (
        frame_after,
        according_to_after,
        dash_after,
        frame_before,
        colon_before,
        colon_paragraph,
        speaker_colon,
    )


def test_frame_after_finds_the_subject_before_the_verb() -> None:
    article = Article(LOPEZ_SAID_AFTER)
    assert summary(frame_after, article, article.quoted[0]) == (["said"], "Lopez", "frame_after")


def test_frame_after_finds_the_subject_after_the_verb() -> None:
    article = Article(SAID_MARIA_LOPEZ)
    assert summary(frame_after, article, article.quoted[0]) == (["said"], "Lopez", "frame_after")


def test_frame_after_ignores_a_verb_that_is_no_speech() -> None:
    article = Article(WHAT_RESIDENTS_CALL)
    assert frame_after(article, article.quoted[0]) is None


def test_a_narrative_sentence_after_a_closed_quotation_is_no_frame() -> None:
    article = Article(WENT_HOME)
    assert frame_after(article, article.quoted[0]) is None


def test_frame_after_reads_past_an_abbreviation() -> None:
    article = Article(US_OFFICIAL_SAID)
    assert summary(frame_after, article, article.quoted[0]) == (["said"], "official", "frame_after")


def test_frame_before_finds_the_cue_before_a_comma() -> None:
    article = Article(LOPEZ_SAID_BEFORE)
    assert summary(frame_before, article, article.quoted[0]) == (["said"], "Lopez", "frame_before")


def test_frame_before_ignores_a_cue_in_an_earlier_sentence() -> None:
    article = Article(CUE_IN_EARLIER_SENTENCE)
    assert frame_before(article, article.quoted[0]) is None


def test_frame_before_takes_the_nearest_cue() -> None:
    article = Article(KIM_AGREED_LOPEZ_ADDED)
    assert summary(frame_before, article, article.quoted[0]) == (["added"], "Lopez", "frame_before")


def test_colon_paragraph_finds_the_cue_of_the_paragraph_before() -> None:
    article = Article(CONTINUED_COLON_PARAGRAPH)
    assert summary(colon_paragraph, article, article.quoted[0]) == (["continued"], "Lopez", "colon_paragraph")


def test_colon_paragraph_leaves_a_colon_in_the_same_paragraph_to_frame_before() -> None:
    article = Article(CONTINUED_COLON_INLINE)
    assert colon_paragraph(article, article.quoted[0]) is None
    assert summary(frame_before, article, article.quoted[0]) == (["continued"], "Lopez", "frame_before")


def test_continuation_gives_the_next_paragraph_the_last_speaker() -> None:
    article = Article(CONTINUED_QUOTE_PARAGRAPH)
    first = find_quotes(article)[0]
    assert summary(continuation, article, article.quoted[1], first) == ([], "Lopez", "continuation")


def test_continuation_gives_the_next_sentence_the_last_speaker() -> None:
    article = Article(CONTINUED_QUOTE_SENTENCE)
    first = find_quotes(article)[0]
    assert summary(continuation, article, article.quoted[1], first) == ([], "Lopez", "continuation")


def test_continuation_needs_a_speaker_before() -> None:
    article = Article(NARRATIVE_BETWEEN_QUOTES)
    before = unattributed(article, 0)
    assert before.speaker is None
    assert continuation(article, article.quoted[1], before) is None


def test_continuation_is_broken_by_narrative_in_between() -> None:
    article = Article(NARRATIVE_BETWEEN_QUOTES)
    first = find_quotes(article)[0]
    assert first.rule == "frame_after"
    assert continuation(article, article.quoted[1], first) is None


def test_find_quotes_continues_a_speaker_into_the_next_paragraph() -> None:
    found = find_quotes(Article(CONTINUED_QUOTE_PARAGRAPH))
    assert [(f.rule, f.speaker.text if f.speaker else None) for f in found] == [
        ("frame_after", "Lopez"),
        ("continuation", "Lopez"),
    ]




DASH_NAME = parse(
    "“The clinic saved my life.” ― Ana Ruiz, a nurse",
    """
    0 “ " `` PUNCT punct 3
    1 The - DT DET det 2
    2 clinic - NN NOUN nsubj 3
    3 saved save VBD VERB ROOT 3
    4 my - PRP$ PRON poss 5
    5 life - NN NOUN dobj 3
    6 . - . PUNCT punct 3
    7 ” " '' PUNCT punct 3
    8 ― - NFP PUNCT ROOT 8
    9 Ana Ana NNP PROPN compound 10 B-PERSON
    10 Ruiz Ruiz NNP PROPN appos 8 I-PERSON
    11 , - , PUNCT punct 10
    12 a - DT DET det 13
    13 nurse - NN NOUN appos 10
    """,
)


DASH_CLAUSE = parse(
    "“We won.” ― and then the crowd left",
    """
    0 “ " `` PUNCT punct 2
    1 We - PRP PRON nsubj 2
    2 won win VBD VERB ROOT 2
    3 . - . PUNCT punct 2
    4 ” " '' PUNCT punct 2
    5 ― - NFP PUNCT punct 10
    6 and - CC CCONJ cc 10
    7 then - RB ADV advmod 10
    8 the - DT DET det 9
    9 crowd - NN NOUN nsubj 10
    10 left leave VBD VERB ROOT 10
    """,
)


def test_dash_after_takes_the_name_after_the_dash() -> None:
    article = Article(DASH_NAME)
    assert summary(dash_after, article, article.quoted[0]) == (["―"], "Ruiz", "dash_after")


def test_dash_after_rejects_a_clause_after_the_dash() -> None:
    article = Article(DASH_CLAUSE)
    assert dash_after(article, article.quoted[0]) is None


LABELLED_QUOTE = parse(
    "Ruiz: “We will rebuild the clinic.”",
    """
    0 Ruiz Ruiz NNP PROPN npadvmod 5 B-PERSON
    1 : - : PUNCT punct 5
    2 “ " `` PUNCT punct 5
    3 We - PRP PRON nsubj 5
    4 will - MD AUX aux 5
    5 rebuild - VB VERB ROOT 5
    6 the - DT DET det 7
    7 clinic - NN NOUN dobj 5
    8 . - . PUNCT punct 5
    9 ” " '' PUNCT punct 5
    """,
)


def test_speaker_colon_attributes_the_quotation_after_the_label() -> None:
    article = Article(LABELLED_QUOTE)
    assert summary(speaker_colon, article, article.quoted[0]) == ([":"], "Ruiz", "speaker_colon")


SPLIT_LOWERCASE = parse(
    "“We won,” Ruiz said, “and we will win again.”",
    """
    0 “ " `` PUNCT punct 6
    1 We we PRP PRON nsubj 2
    2 won win VBD VERB ccomp 6
    3 , - , PUNCT punct 6
    4 ” " '' PUNCT punct 6
    5 Ruiz Ruiz NNP PROPN nsubj 6 B-PERSON
    6 said say VBD VERB ROOT 6
    7 , - , PUNCT punct 6
    8 “ " `` PUNCT punct 6
    9 and - CC CCONJ cc 12
    10 we we PRP PRON nsubj 12
    11 will - MD AUX aux 12
    12 win - VB VERB ccomp 6
    13 again - RB ADV advmod 12
    14 . - . PUNCT punct 6
    15 ” " '' PUNCT punct 6
    """,
)


FRAGMENT_AFTER_FULL_CLAUSE = parse(
    "“We won.” Ruiz said, “and more” was due.",
    """
    0 “ " `` PUNCT punct 2
    1 We we PRP PRON nsubj 2
    2 won win VBD VERB ROOT 2
    3 . - . PUNCT punct 2
    4 ” " '' PUNCT punct 2
    5 Ruiz Ruiz NNP PROPN nsubj 6 B-PERSON
    6 said say VBD VERB ROOT 6
    7 , - , PUNCT punct 6
    8 “ " `` PUNCT punct 10
    9 and - CC CCONJ cc 10
    10 more - JJR ADJ nsubj 12
    11 ” " '' PUNCT punct 10
    12 was be VBD AUX ccomp 6
    13 due - JJ ADJ acomp 12
    14 . - . PUNCT punct 6
    """,
)


def test_a_lowercase_quotation_resumes_one_split_by_its_attribution() -> None:
    article = Article(SPLIT_LOWERCASE)
    assert resumes_quotation(article, article.quoted[1])
    assert is_sentential(article, article.quoted[1])
    assert [(text, rule, speaker) for text, _, rule, speaker in found_quotes(article)] == [
        ("We won,", "frame_after", "Ruiz"),
        ("and we will win again.", "frame_before", "Ruiz"),
    ]


def test_a_lowercase_fragment_after_a_closed_sentence_resumes_nothing() -> None:
    article = Article(FRAGMENT_AFTER_FULL_CLAUSE)
    assert not resumes_quotation(article, article.quoted[1])


def test_a_subject_inside_a_quotation_gives_way_to_the_name_in_the_frame() -> None:
    article = Article(SUBJECT_IN_A_TITLE)
    assert summary(frame_after, article, article.quoted[0]) == (["said"], "Ruiz", "frame_after")


RESPONSE_WAS = parse(
    "Her response was: “We will rebuild.”",
    """
    0 Her her PRP$ PRON poss 1
    1 response - NN NOUN nsubj 2
    2 was be VBD AUX ROOT 2
    3 : - : PUNCT punct 2
    4 “ " `` PUNCT punct 2
    5 We we PRP PRON nsubj 7
    6 will - MD AUX aux 7
    7 rebuild - VB VERB ccomp 2
    8 . - . PUNCT punct 2
    9 ” " '' PUNCT punct 2
    """,
)


RESPONSE_WAS_NO_COLON = parse(
    "Her response was long. “We will rebuild.”",
    """
    0 Her her PRP$ PRON poss 1
    1 response - NN NOUN nsubj 2
    2 was be VBD AUX ROOT 2
    3 long - JJ ADJ acomp 2
    4 . - . PUNCT punct 2
    5 “ " `` PUNCT punct 8
    6 We we PRP PRON nsubj 8
    7 will - MD AUX aux 8
    8 rebuild - VB VERB ROOT 8
    9 . - . PUNCT punct 8
    10 ” " '' PUNCT punct 8
    """,
)


SAID_OF_MR = parse(
    "Ana Ruiz, a nurse, said of Mr. Hale: “He is kind.”",
    """
    0 Ana Ana NNP PROPN compound 1 B-PERSON
    1 Ruiz Ruiz NNP PROPN nsubj 6 I-PERSON
    2 , - , PUNCT punct 1
    3 a - DT DET det 4
    4 nurse - NN NOUN appos 1
    5 , - , PUNCT punct 1
    6 said say VBD VERB ROOT 6
    7 of - IN ADP prep 6
    8 Mr. Mr. NNP PROPN compound 9
    9 Hale Hale NNP PROPN pobj 7 B-PERSON
    10 : - : PUNCT punct 6
    11 “ " `` PUNCT punct 6
    12 He he PRP PRON nsubj 13
    13 is be VBZ AUX ccomp 6
    14 kind - JJ ADJ acomp 13
    15 . - . PUNCT punct 6
    16 ” " '' PUNCT punct 6
    """,
)


def test_colon_before_gives_the_quotation_to_the_subject_of_the_clause() -> None:
    article = Article(RESPONSE_WAS)
    assert summary(colon_before, article, article.quoted[0]) == ([":"], "response", "colon_before")


def test_colon_before_needs_the_colon() -> None:
    article = Article(RESPONSE_WAS_NO_COLON)
    assert colon_before(article, article.quoted[0]) is None
    assert frame_before(article, article.quoted[0]) is None


def test_frame_before_reads_past_an_abbreviation_in_its_sentence() -> None:
    article = Article(SAID_OF_MR)
    assert summary(frame_before, article, article.quoted[0]) == (["said"], "Ruiz", "frame_before")


TOLD_REPORTERS_COLON = parse(
    "“We are ready.” He told reporters: “Come and see.”",
    """
    0 “ " `` PUNCT punct 2
    1 We - PRP PRON nsubj 2
    2 are be VBP AUX ROOT 2
    3 ready - JJ ADJ acomp 2
    4 . - . PUNCT punct 2
    5 ” " '' PUNCT punct 2
    6 He - PRP PRON nsubj 7
    7 told tell VBD VERB ROOT 7
    8 reporters reporter NNS NOUN dobj 7
    9 : - : PUNCT punct 7
    10 “ " `` PUNCT punct 7
    11 Come - VB VERB xcomp 7
    12 and - CC CCONJ cc 11
    13 see - VB VERB conj 11
    14 . - . PUNCT punct 7
    15 ” " '' PUNCT punct 7
    """,
)


HE_TOLD_REPORTERS = parse(
    "“We are ready.” He told reporters.",
    """
    0 “ " `` PUNCT punct 2
    1 We - PRP PRON nsubj 2
    2 are be VBP AUX ROOT 2
    3 ready - JJ ADJ acomp 2
    4 . - . PUNCT punct 2
    5 ” " '' PUNCT punct 2
    6 He - PRP PRON nsubj 7
    7 told tell VBD VERB ROOT 7
    8 reporters reporter NNS NOUN dobj 7
    9 . - . PUNCT punct 7
    """,
)


def test_a_frame_ending_in_a_colon_introduces_the_next_quotation() -> None:
    article = Article(TOLD_REPORTERS_COLON)
    frame = [t for t in TOLD_REPORTERS_COLON if 6 <= t.i <= 9]
    assert introduces_next(article, frame)
    assert frame_after(article, article.quoted[0]) is None
    assert summary(frame_before, article, article.quoted[1]) == (["told"], "He", "frame_before")


def test_a_frame_without_a_colon_is_the_quotation_befores() -> None:
    article = Article(HE_TOLD_REPORTERS)
    frame = [t for t in HE_TOLD_REPORTERS if 6 <= t.i <= 9]
    assert not introduces_next(article, frame)
    assert summary(frame_after, article, article.quoted[0]) == (["told"], "He", "frame_after")


SPOKESWOMAN_SAID_COLON = parse(
    "A spokeswoman said: “We are ready.” The report said the pier was safe.",
    """
    0 A - DT DET det 1
    1 spokeswoman - NN NOUN nsubj 2
    2 said say VBD VERB ROOT 2
    3 : - : PUNCT punct 2
    4 “ " `` PUNCT punct 2
    5 We - PRP PRON nsubj 6
    6 are be VBP AUX ccomp 2
    7 ready - JJ ADJ acomp 6
    8 . - . PUNCT punct 2
    9 ” " '' PUNCT punct 2
    10 The - DT DET det 11
    11 report - NN NOUN nsubj 12
    12 said say VBD VERB ROOT 12
    13 the - DT DET det 14
    14 pier - NN NOUN nsubj 15
    15 was be VBD AUX ccomp 12
    16 safe - JJ ADJ acomp 15
    17 . - . PUNCT punct 12
    """,
)


REPORT_SAID_SO = parse(
    "“We are ready.” The report said so.",
    """
    0 “ " `` PUNCT punct 2
    1 We - PRP PRON nsubj 2
    2 are be VBP AUX ROOT 2
    3 ready - JJ ADJ acomp 2
    4 . - . PUNCT punct 2
    5 ” " '' PUNCT punct 2
    6 The - DT DET det 7
    7 report - NN NOUN nsubj 8
    8 said say VBD VERB ROOT 8
    9 so - RB ADV advmod 8
    10 . - . PUNCT punct 8
    """,
)


def test_a_quotation_introduced_by_a_colon_frame_keeps_its_speaker_whatever_follows() -> None:
    article = Article(SPOKESWOMAN_SAID_COLON)
    assert introduced_by_colon(article, article.quoted[0])
    assert frame_after(article, article.quoted[0]) is None
    assert [(text, rule, speaker) for text, _, rule, speaker in found_quotes(article)][0] == (
        "We are ready.",
        "frame_before",
        "spokeswoman",
    )


def test_a_quotation_with_no_frame_before_takes_the_cue_after_it() -> None:
    article = Article(REPORT_SAID_SO)
    assert not introduced_by_colon(article, article.quoted[0])
    assert summary(frame_after, article, article.quoted[0]) == (["said"], "report", "frame_after")


# The model tags "Ruiz" as a common noun outside any entity; corrected to a
# PERSON, as the test is about the order of cues, not about the tagger.
SAID_BEFORE_A_FRAMING_VERB = parse(
    "Ruiz said the club were sad to see Hale go: “He was our best player.”",
    """
    0 Ruiz Ruiz NNP PROPN nsubj 1 B-PERSON
    1 said say VBD VERB ROOT 1
    2 the - DT DET det 3
    3 club - NN NOUN nsubj 4
    4 were be VBD AUX ccomp 1
    5 sad - JJ ADJ acomp 4
    6 to - TO PART aux 7
    7 see - VB VERB xcomp 5
    8 Hale Hale NNP PROPN nsubj 9 B-PERSON
    9 go - VB VERB ccomp 7
    10 : - : PUNCT punct 1
    11 “ " `` PUNCT punct 1
    12 He - PRP PRON nsubj 13
    13 was be VBD AUX ccomp 1
    14 our - PRP$ PRON poss 16
    15 best good JJS ADJ amod 16
    16 player - NN NOUN attr 13
    17 . - . PUNCT punct 1
    18 ” " '' PUNCT punct 1
    """,
)


# "Ruiz" corrected to a PERSON as above.
ONLY_A_FRAMING_VERB = parse(
    "Ruiz watched Hale go: “He was our best player.”",
    """
    0 Ruiz Ruiz NNP PROPN nsubj 1 B-PERSON
    1 watched watch VBD VERB ROOT 1
    2 Hale Hale NNP PROPN nsubj 3 B-PERSON
    3 go - VB VERB ccomp 1
    4 : - : PUNCT punct 1
    5 “ " `` PUNCT punct 1
    6 He - PRP PRON nsubj 7
    7 was be VBD AUX ccomp 1
    8 our - PRP$ PRON poss 10
    9 best good JJS ADJ amod 10
    10 player - NN NOUN attr 7
    11 . - . PUNCT punct 1
    12 ” " '' PUNCT punct 1
    """,
)


def test_a_verb_of_saying_comes_before_a_nearer_framing_verb() -> None:
    article = Article(SAID_BEFORE_A_FRAMING_VERB)
    assert summary(frame_before, article, article.quoted[0]) == (["said"], "Ruiz", "frame_before")


def test_a_framing_verb_is_the_cue_when_no_verb_of_saying_is_there() -> None:
    article = Article(ONLY_A_FRAMING_VERB)
    assert summary(frame_before, article, article.quoted[0]) == (["go"], "Hale", "frame_before")


A_JUDGE_CLAIMED = parse(
    "“We are done.” A judge claimed the plan was costly.",
    r"""
    0 “ " `` PUNCT punct 3
    1 We - PRP PRON nsubjpass 3
    2 are be VBP AUX auxpass 3
    3 done do VBN VERB ROOT 3
    4 . - . PUNCT punct 3
    5 ” " '' PUNCT punct 3
    6 A - DT DET det 7
    7 judge - NN NOUN nsubj 8
    8 claimed claim VBD VERB ROOT 8
    9 the - DT DET det 10
    10 plan - NN NOUN nsubj 11
    11 was be VBD AUX ccomp 8
    12 costly - JJ ADJ acomp 11
    13 . - . PUNCT punct 8
    """,
)


RUIZ_SAID_ON_MONDAY = parse(
    "“We are done.” Ruiz said on Monday.",
    r"""
    0 “ " `` PUNCT punct 3
    1 We - PRP PRON nsubjpass 3
    2 are be VBP AUX auxpass 3
    3 done do VBN VERB ROOT 3
    4 . - . PUNCT punct 3
    5 ” " '' PUNCT punct 3
    6 Ruiz - NNP PROPN nsubj 7 B-PERSON
    7 said say VBD VERB ROOT 7
    8 on - IN ADP prep 7
    9 Monday - NNP PROPN pobj 8 B-DATE
    10 . - . PUNCT punct 7
    """,
)


def test_a_verb_of_saying_that_reports_its_own_clause_after_a_closed_quotation_is_no_frame() -> None:
    article = Article(A_JUDGE_CLAIMED)
    assert reports_its_own_clause(word(A_JUDGE_CLAIMED, "claimed"))
    assert frame_after(article, article.quoted[0]) is None


def test_a_verb_of_saying_with_nothing_to_report_frames_the_closed_quotation_before_it() -> None:
    article = Article(RUIZ_SAID_ON_MONDAY)
    assert not reports_its_own_clause(word(RUIZ_SAID_ON_MONDAY, "said"))
    assert summary(frame_after, article, article.quoted[0]) == (["said"], "Ruiz", "frame_after")


# --- frames whose verb is no verb of saying ---------------------------------------

SHE_CROWED = parse(
    "“That was easy,” she crowed.",
    """
    0 “ " `` PUNCT punct 7
    1 That - DT PRON nsubj 2
    2 was be VBD AUX ccomp 7
    3 easy - JJ ADJ acomp 2
    4 , - , PUNCT punct 7
    5 ” " '' PUNCT punct 7
    6 she - PRP PRON nsubj 7
    7 crowed crow VBD VERB ROOT 7
    8 . - . PUNCT punct 7
    """,
)


SNIFFED_THE_OLD_COACH = parse(
    "“We will see about that,” sniffed the old coach.",
    """
    0 “ " `` PUNCT punct 8
    1 We - PRP PRON nsubj 3
    2 will - MD AUX aux 3
    3 see - VB VERB ccomp 8
    4 about - IN ADP prep 3
    5 that - DT PRON pobj 4
    6 , - , PUNCT punct 8
    7 ” " '' PUNCT punct 8
    8 sniffed sniff VBD VERB ROOT 8
    9 the - DT DET det 11
    10 old - JJ ADJ amod 11
    11 coach - NN NOUN dobj 8
    12 . - . PUNCT punct 8
    """,
)


HE_LEFT_THE_ROOM = parse(
    "“It was never about money,” he left the room.",
    """
    0 “ " `` PUNCT punct 9
    1 It - PRP PRON nsubj 2
    2 was be VBD AUX ccomp 9
    3 never - RB ADV neg 2
    4 about - IN ADP prep 2
    5 money - NN NOUN pobj 4
    6 , - , PUNCT punct 9
    7 ” " '' PUNCT punct 9
    8 he - PRP PRON nsubj 9
    9 left leave VBD VERB ROOT 9
    10 the - DT DET det 11
    11 room - NN NOUN dobj 9
    12 . - . PUNCT punct 9
    """,
)


FILM_WON_THE_PRIZE = parse(
    "Her film, “Low Tide,” won the top prize.",
    """
    0 Her - PRP$ PRON poss 1
    1 film - NN NOUN nsubj 8
    2 , - , PUNCT punct 1
    3 “ " `` PUNCT punct 5
    4 Low Low NNP PROPN compound 5 B-WORK_OF_ART
    5 Tide Tide NNP PROPN appos 1 I-WORK_OF_ART
    6 , - , PUNCT punct 8
    7 ” " '' PUNCT punct 8
    8 won win VBD VERB ROOT 8
    9 the - DT DET det 11
    10 top - JJ ADJ amod 11
    11 prize - NN NOUN dobj 8
    12 . - . PUNCT punct 8
    """,
)


def test_a_frame_of_a_subject_and_any_verb_after_a_comma_attributes_the_quotation() -> None:
    article = Article(SHE_CROWED)
    assert bare_frame_verb(article.outside_quotes(article.quoted[0].outer_end, len(article.text))) is not None
    assert summary(frame_after, article, article.quoted[0]) == (["crowed"], "she", "frame_after")


def test_an_inverted_frame_gives_the_noun_the_parser_took_for_an_object() -> None:
    article = Article(SNIFFED_THE_OLD_COACH)
    assert summary(frame_after, article, article.quoted[0]) == (["sniffed"], "coach", "frame_after")


def test_a_verb_with_an_object_of_its_own_is_no_frame() -> None:
    article = Article(HE_LEFT_THE_ROOM)
    assert frame_after(article, article.quoted[0]) is None


def test_a_verb_whose_subject_stands_before_the_quotation_is_no_frame() -> None:
    article = Article(FILM_WON_THE_PRIZE)
    assert bare_frame_verb(article.outside_quotes(article.quoted[0].outer_end, len(article.text))) is None
    assert frame_after(article, article.quoted[0]) is None


ACCORDING_TO_DR_RUIZ = parse(
    "“Prices will rise,” according to Dr. Ana Ruiz, an economist.",
    """
    0 “ " `` PUNCT punct 3
    1 Prices price NNS NOUN nsubj 3
    2 will - MD AUX aux 3
    3 rise - VB VERB ROOT 3
    4 , - , PUNCT punct 3
    5 ” " '' PUNCT punct 3
    6 according accord VBG VERB prep 3
    7 to - IN ADP prep 6
    8 Dr. Dr. NNP PROPN compound 10
    9 Ana Ana NNP PROPN compound 10 B-PERSON
    10 Ruiz Ruiz NNP PROPN pobj 7 I-PERSON
    11 , - , PUNCT punct 10
    12 an - DT DET det 13
    13 economist - NN NOUN appos 10
    14 . - . PUNCT punct 3
    """,
)


DONE_ACCORDING_TO_RUIZ_THE_TALKS = parse(
    "“We are done.” According to Ruiz, the talks failed.",
    """
    0 “ " `` PUNCT punct 3
    1 We - PRP PRON nsubjpass 3
    2 are be VBP AUX auxpass 3
    3 done do VBN VERB ROOT 3
    4 . - . PUNCT punct 3
    5 ” " '' PUNCT punct 3
    6 According accord VBG VERB prep 12
    7 to - IN ADP prep 6
    8 Ruiz Ruiz NNP PROPN pobj 7 B-PERSON
    9 , - , PUNCT punct 12
    10 the - DT DET det 11
    11 talks talk NNS NOUN nsubj 12
    12 failed fail VBD VERB ROOT 12
    13 . - . PUNCT punct 12
    """,
)


def test_according_to_right_after_a_quotation_names_its_source() -> None:
    article = Article(ACCORDING_TO_DR_RUIZ)
    assert summary(according_to_after, article, article.quoted[0]) == (["according", "to"], "Ruiz", "according_to")
    assert found_quotes(article) == [("Prices will rise,", QuoteType.DIRECT, "according_to", "Ruiz")]


def test_according_to_that_opens_a_statement_of_its_own_is_no_frame() -> None:
    article = Article(DONE_ACCORDING_TO_RUIZ_THE_TALKS)
    assert according_to_after(article, article.quoted[0]) is None


RUIZ_SHRUGGED = parse(
    "Ruiz shrugged, “We will see.”",
    """
    0 Ruiz Ruiz NNP PROPN nsubj 1 B-PERSON
    1 shrugged shrug VBD VERB ROOT 1
    2 , - , PUNCT punct 1
    3 “ " `` PUNCT punct 1
    4 We - PRP PRON nsubj 6
    5 will - MD AUX aux 6
    6 see - VB VERB ccomp 1
    7 . - . PUNCT punct 1
    8 ” " '' PUNCT punct 1
    """,
)


OPENED_THE_BOX = parse(
    "She opened the box, “Here it is.”",
    """
    0 She - PRP PRON nsubj 1
    1 opened open VBD VERB ccomp 8
    2 the - DT DET det 3
    3 box - NN NOUN dobj 1
    4 , - , PUNCT punct 1
    5 “ " `` PUNCT punct 8
    6 Here - RB ADV advmod 8
    7 it - PRP PRON nsubj 8
    8 is be VBZ AUX ROOT 8
    9 . - . PUNCT punct 8
    10 ” " '' PUNCT punct 8
    """,
)


def test_a_verb_with_nothing_of_its_own_before_a_comma_frames_the_quotation_after() -> None:
    article = Article(RUIZ_SHRUGGED)
    assert summary(frame_before, article, article.quoted[0]) == (["shrugged"], "Ruiz", "frame_before")


def test_a_verb_with_an_object_before_the_comma_is_no_frame() -> None:
    article = Article(OPENED_THE_BOX)
    assert verb_before_comma(article.outside_quotes(0, article.quoted[0].open)) is None
    assert frame_before(article, article.quoted[0]) is None


HE_PAUSED_NEVER_AGAIN = parse(
    "He paused. “Never again.”",
    """
    0 He - PRP PRON nsubj 1
    1 paused pause VBD VERB ROOT 1
    2 . - . PUNCT punct 1
    3 “ " `` PUNCT punct 5
    4 Never - RB ADV neg 5
    5 again - RB ADV ROOT 5
    6 . - . PUNCT punct 5
    7 ” " '' PUNCT punct 5
    """,
)


def test_a_quoted_title_inside_a_sentence_that_no_one_says_is_no_quote() -> None:
    article = Article(FILM_WON_THE_PRIZE)
    assert names_a_term(article, article.quoted[0])
    assert find_quotes(article) == []


def test_quoted_words_that_stand_as_a_sentence_of_their_own_are_kept() -> None:
    article = Article(HE_PAUSED_NEVER_AGAIN)
    assert not names_a_term(article, article.quoted[0])
    assert found_quotes(article) == [("Never again.", QuoteType.DIRECT, "unattributed", None)]


def test_quoted_words_with_a_verb_are_no_term() -> None:
    article = Article(SHE_CROWED)
    assert not names_a_term(article, article.quoted[0])


HER_ANSWER_NEVER_AGAIN = parse(
    "Her answer: “Never again.”",
    """
    0 Her - PRP$ PRON poss 1
    1 answer - NN NOUN ROOT 1
    2 : - : PUNCT punct 1
    3 “ " `` PUNCT punct 1
    4 Never - RB ADV neg 5
    5 again - RB ADV advmod 1
    6 . - . PUNCT punct 1
    7 ” " '' PUNCT punct 1
    """,
)


def test_quoted_words_a_colon_introduces_are_no_term() -> None:
    article = Article(HER_ANSWER_NEVER_AGAIN)
    assert not names_a_term(article, article.quoted[0])


def test_find_quotes_gives_a_quotation_after_narrative_to_the_last_speaker_less_surely() -> None:
    found = find_quotes(Article(NARRATIVE_BETWEEN_QUOTES))
    assert [(f.rule, f.speaker.text if f.speaker else None) for f in found][1:] == [("last_speaker", "Lopez")]
    assert Rule.LAST_SPEAKER.confidence < Rule.CONTINUATION.confidence

