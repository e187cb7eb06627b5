"""Quotations: which are sentences, which rule attributes them, and of what kind."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc, Token

from service.attribution.article import Article
from service.attribution.model import QuoteType
from service.attribution.quotes import (
    names_a_work,
    DIRECT_RULES,
    Attributed,
    Found,
    _trim,
    according_to_content,
    classify,
    colon_before,
    colon_paragraph,
    continuation,
    dash_after,
    find_quotes,
    fragment_content,
    frame_after,
    frame_before,
    frame_subject,
    governing_verb,
    is_sentential,
    labelled_paragraph,
    infinitive_content,
    object_clause,
    object_content,
    quotes_as_saying,
    reported_content,
    resumes_quotation,
    speaker_colon,
    verb_content,
    without_overlaps,
)
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

ACCORDING_TO_FIRST = parse(
    "According to Lopez, the clinic will open in March.",
    """
    0 According accord VBG VERB prep 7
    1 to - IN ADP prep 0
    2 Lopez Lopez NNP PROPN pobj 1 B-PERSON
    3 , - , PUNCT punct 7
    4 the - DT DET det 5
    5 clinic - NN NOUN nsubj 7
    6 will - MD AUX aux 7
    7 open - VB VERB ROOT 7
    8 in - IN ADP prep 7
    9 March March NNP PROPN pobj 8 B-DATE
    10 . - . PUNCT punct 7
    """,
)

ACCORDING_TO_INSIDE = parse(
    "The clinic, according to Lopez, will open in March.",
    """
    0 The - DT DET det 1
    1 clinic - NN NOUN nsubj 8
    2 , - , PUNCT punct 8
    3 according accord VBG VERB prep 8
    4 to - IN ADP prep 3
    5 Lopez Lopez NNP PROPN pobj 4 B-PERSON
    6 , - , PUNCT punct 8
    7 will - MD AUX aux 8
    8 open - VB VERB ROOT 8
    9 in - IN ADP prep 8
    10 March March NNP PROPN pobj 9 B-DATE
    11 . - . PUNCT punct 8
    """,
)

ACCORDING_TO_LAST = parse(
    "The clinic will open in March, according to Lopez.",
    """
    0 The - DT DET det 1
    1 clinic - NN NOUN nsubj 3
    2 will - MD AUX aux 3
    3 open - VB VERB ROOT 3
    4 in - IN ADP prep 3
    5 March March NNP PROPN pobj 4 B-DATE
    6 , - , PUNCT punct 3
    7 according accord VBG VERB prep 3
    8 to - IN ADP prep 7
    9 Lopez Lopez NNP PROPN pobj 8 B-PERSON
    10 . - . PUNCT punct 3
    """,
)

SAID_THAT = parse(
    "Lopez said that the clinic would open in March.",
    """
    0 Lopez Lopez NNP PROPN nsubj 1 B-PERSON
    1 said say VBD VERB ROOT 1
    2 that - IN SCONJ mark 6
    3 the - DT DET det 4
    4 clinic - NN NOUN nsubj 6
    5 would - MD AUX aux 6
    6 open - VB VERB ccomp 1
    7 in - IN ADP prep 6
    8 March March NNP PROPN pobj 7 B-DATE
    9 . - . PUNCT punct 1
    """,
)

SAID_IN_AN_EMAIL = parse(
    "Lopez said in an email.",
    """
    0 Lopez Lopez NNP PROPN nsubj 1 B-PERSON
    1 said say VBD VERB ROOT 1
    2 in - IN ADP prep 1
    3 an - DT DET det 4
    4 email - NN NOUN pobj 2
    5 . - . PUNCT punct 1
    """,
)

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

DESCRIBED_AS_RECKLESS = parse(
    "Lopez described the plan as “reckless”.",
    """
    0 Lopez Lopez NNP PROPN nsubj 1 B-PERSON
    1 described describe VBD VERB ROOT 1
    2 the - DT DET det 3
    3 plan - NN NOUN dobj 1
    4 as - IN ADP prep 1
    5 “ " `` PUNCT punct 4
    6 reckless - JJ ADJ amod 4
    7 ” " '' PUNCT punct 4
    8 . - . PUNCT punct 1
    """,
)

RECKLESS_PLAN_APPROVED = parse(
    "The “reckless” plan was approved.",
    """
    0 The - DT DET det 4
    1 “ " `` PUNCT punct 4
    2 reckless - JJ ADJ amod 4
    3 ” " '' PUNCT punct 4
    4 plan - NN NOUN nsubjpass 6
    5 was be VBD AUX auxpass 6
    6 approved approve VBN VERB ROOT 6
    7 . - . PUNCT punct 6
    """,
)

SHORT_ARTICLE = parse(
    "“We will open in March,” said Maria Lopez.\n\n"
    "Lopez described the delay as “regrettable” and said the staff were ready.\n\n"
    "The “Old Harbor” clinic has 40 beds.",
    r"""
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
    12 \n\n - _SP SPACE dep 11
    13 Lopez Lopez NNP PROPN nsubj 14 B-PERSON
    14 described describe VBD VERB ROOT 14
    15 the - DT DET det 16
    16 delay - NN NOUN dobj 14
    17 as - IN ADP prep 16
    18 “ " `` PUNCT punct 17
    19 regrettable - JJ ADJ amod 17
    20 ” " '' PUNCT punct 17
    21 and - CC CCONJ cc 14
    22 said say VBD VERB conj 14
    23 the - DT DET det 24
    24 staff - NN NOUN nsubj 25
    25 were be VBD AUX ccomp 22
    26 ready - JJ ADJ acomp 25
    27 . - . PUNCT punct 14
    28 \n\n - _SP SPACE dep 27
    29 The - DT DET det 34
    30 “ " `` PUNCT punct 34
    31 Old Old NNP PROPN nmod 32
    32 Harbor Harbor NNP PROPN nmod 34
    33 ” " '' PUNCT punct 34
    34 clinic - NN NOUN nsubj 35
    35 has have VBZ VERB ROOT 35
    36 40 - CD NUM nummod 37 B-CARDINAL
    37 beds bed NNS NOUN dobj 35
    38 . - . PUNCT punct 35
    """,
)


def chars(article: Article, bounds: tuple[int, int] | None) -> str | None:
    return article.text[bounds[0] : bounds[1]] if bounds is not None else None


def summary(found: Attributed | None) -> tuple[list[str], str, str] | None:
    """The cue's words, the speaker head and the rule of what a direct rule found."""
    if found is None:
        return None
    return [t.text for t in found.cue or []], found.speaker.text, found.rule


def found_quotes(article: Article) -> list[tuple[str, QuoteType, str, str | None]]:
    """The text, type, rule and speaker head of every quote ``find_quotes`` reports."""
    return [
        (article.text[f.start : f.end], f.type, f.rule, f.speaker.text if f.speaker else None)
        for f in find_quotes(article)
    ]


# --- is_sentential ------------------------------------------------------------------


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


# --- DIRECT_RULES -------------------------------------------------------------------


def test_direct_rules_run_in_the_documented_order() -> None:
    assert DIRECT_RULES == (frame_after, dash_after, frame_before, colon_before, colon_paragraph, speaker_colon)


def test_frame_after_finds_the_subject_before_the_verb() -> None:
    article = Article(LOPEZ_SAID_AFTER)
    assert summary(frame_after(article, article.quoted[0])) == (["said"], "Lopez", "frame_after")


def test_frame_after_finds_the_subject_after_the_verb() -> None:
    article = Article(SAID_MARIA_LOPEZ)
    assert summary(frame_after(article, article.quoted[0])) == (["said"], "Lopez", "frame_after")


def test_frame_after_ignores_a_verb_that_is_no_speech() -> None:
    article = Article(WHAT_RESIDENTS_CALL)
    assert frame_after(article, article.quoted[0]) is None


def test_a_narrative_sentence_after_a_closed_quotation_is_no_frame() -> None:
    article = Article(WENT_HOME)
    assert frame_after(article, article.quoted[0]) is None


def test_frame_after_reads_past_an_abbreviation() -> None:
    article = Article(US_OFFICIAL_SAID)
    assert summary(frame_after(article, article.quoted[0])) == (["said"], "official", "frame_after")


def test_frame_before_finds_the_cue_before_a_comma() -> None:
    article = Article(LOPEZ_SAID_BEFORE)
    assert summary(frame_before(article, article.quoted[0])) == (["said"], "Lopez", "frame_before")


def test_frame_before_ignores_a_cue_in_an_earlier_sentence() -> None:
    article = Article(CUE_IN_EARLIER_SENTENCE)
    assert frame_before(article, article.quoted[0]) is None


def test_frame_before_takes_the_nearest_cue() -> None:
    article = Article(KIM_AGREED_LOPEZ_ADDED)
    assert summary(frame_before(article, article.quoted[0])) == (["added"], "Lopez", "frame_before")


def test_colon_paragraph_finds_the_cue_of_the_paragraph_before() -> None:
    article = Article(CONTINUED_COLON_PARAGRAPH)
    found = colon_paragraph(article, article.quoted[0])
    assert summary(found) == (["continued"], "Lopez", "colon_paragraph")


def test_colon_paragraph_leaves_a_colon_in_the_same_paragraph_to_frame_before() -> None:
    article = Article(CONTINUED_COLON_INLINE)
    assert colon_paragraph(article, article.quoted[0]) is None
    assert summary(frame_before(article, article.quoted[0])) == (["continued"], "Lopez", "frame_before")


def test_continuation_gives_the_next_paragraph_the_last_speaker() -> None:
    article = Article(CONTINUED_QUOTE_PARAGRAPH)
    first = find_quotes(article)[0]
    found = continuation(article, article.quoted[1], first)
    assert summary(found) == ([], "Lopez", "continuation")


def test_continuation_gives_the_next_sentence_the_last_speaker() -> None:
    article = Article(CONTINUED_QUOTE_SENTENCE)
    first = find_quotes(article)[0]
    found = continuation(article, article.quoted[1], first)
    assert summary(found) == ([], "Lopez", "continuation")


def test_continuation_needs_a_speaker_before() -> None:
    article = Article(NARRATIVE_BETWEEN_QUOTES)
    unattributed = find_quotes(article)[1]
    assert unattributed.speaker is None
    assert continuation(article, article.quoted[1], unattributed) is None


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


def test_find_quotes_keeps_a_quotation_after_narrative_unattributed() -> None:
    found = find_quotes(Article(NARRATIVE_BETWEEN_QUOTES))
    assert [(f.rule, f.speaker) for f in found][1:] == [("unattributed", None)]


# --- according_to_content and verb_content ------------------------------------------------


def test_according_to_at_the_start_is_cut_from_the_content() -> None:
    article = Article(ACCORDING_TO_FIRST)
    content = according_to_content(article, word(ACCORDING_TO_FIRST, "According"))
    assert chars(article, content) == "the clinic will open in March"


def test_according_to_at_the_end_is_cut_from_the_content() -> None:
    article = Article(ACCORDING_TO_LAST)
    content = according_to_content(article, word(ACCORDING_TO_LAST, "according"))
    assert chars(article, content) == "The clinic will open in March"


def test_according_to_inside_the_sentence_keeps_the_whole_sentence() -> None:
    article = Article(ACCORDING_TO_INSIDE)
    content = according_to_content(article, word(ACCORDING_TO_INSIDE, "according"))
    assert chars(article, content) == "The clinic, according to Lopez, will open in March"


def test_verb_content_is_the_complement_without_that() -> None:
    article = Article(SAID_THAT)
    assert chars(article, verb_content(article, word(SAID_THAT, "said"))) == "the clinic would open in March"


def test_said_in_an_email_has_no_verb_content() -> None:
    article = Article(SAID_IN_AN_EMAIL)
    assert verb_content(article, word(SAID_IN_AN_EMAIL, "said")) is None


# --- classify -------------------------------------------------------------------------


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


# --- governing_verb -----------------------------------------------------------------


def test_a_fragment_finds_the_naming_verb_above_it() -> None:
    verb = governing_verb(word(DESCRIBED_AS_RECKLESS, "reckless"))
    assert verb is not None and verb.text == "described"


def test_a_scare_quote_under_no_naming_verb_has_no_governor() -> None:
    assert governing_verb(word(RECKLESS_PLAN_APPROVED, "reckless")) is None


# --- find_quotes --------------------------------------------------------------------


def test_find_quotes_finds_direct_mixed_and_indirect_in_text_order() -> None:
    article = Article(SHORT_ARTICLE)
    found = [
        (article.text[f.start : f.end], f.type, f.rule, f.speaker.text if f.speaker else None)
        for f in find_quotes(article)
    ]
    assert found == [
        ("We will open in March,", QuoteType.DIRECT, "frame_after", "Lopez"),
        ("the delay as “regrettable”", QuoteType.MIXED, "subject", "Lopez"),
        ("the staff were ready", QuoteType.INDIRECT, "inherited_subject", "Lopez"),
    ]


def test_find_quotes_leaves_scare_quotes_out() -> None:
    article = Article(SHORT_ARTICLE)
    spans = [(f.start, f.end) for f in find_quotes(article)]
    scare = next(q for q in article.quoted if article.text[q.start : q.end] == "Old Harbor")
    assert all(not (s <= scare.start and scare.end <= e) for s, e in spans)


def test_find_quotes_links_each_quote_to_its_marks_and_cue() -> None:
    article = Article(SHORT_ARTICLE)
    direct, mixed, indirect = find_quotes(article)
    assert [article.text[s:e] for s, e in direct.parts] == ["We will open in March,"]
    assert [article.text[s:e] for s, e in mixed.parts] == ["regrettable"]
    assert indirect.parts == [] and indirect.quoted == []
    assert [[t.text for t in f.cue or []] for f in (direct, mixed, indirect)] == [["said"], ["described"], ["said"]]


# --- dash_after ---------------------------------------------------------------------------

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
    assert summary(dash_after(article, article.quoted[0])) == (["―"], "Ruiz", "dash_after")


def test_dash_after_rejects_a_clause_after_the_dash() -> None:
    article = Article(DASH_CLAUSE)
    assert dash_after(article, article.quoted[0]) is None


# --- labelled paragraphs: "Name: words" ---------------------------------------------------

LABELLED = parse(
    "Ruiz: We will rebuild the clinic.",
    """
    0 Ruiz Ruiz NNP PROPN npadvmod 4 B-PERSON
    1 : - : PUNCT punct 4
    2 We - PRP PRON nsubj 4
    3 will - MD AUX aux 4
    4 rebuild - VB VERB ROOT 4
    5 the - DT DET det 6
    6 clinic - NN NOUN dobj 4
    7 . - . PUNCT punct 4
    """,
)

NOTE_LABEL = parse(
    "Note: The clinic opens at noon.",
    """
    0 Note note NN NOUN npadvmod 4
    1 : - : PUNCT punct 4
    2 The - DT DET det 3
    3 clinic - NN NOUN nsubj 4
    4 opens open VBZ VERB ROOT 4
    5 at - IN ADP prep 4
    6 noon - NN NOUN pobj 5
    7 . - . PUNCT punct 4
    """,
)

CLAUSE_BEFORE_COLON = parse(
    "Ruiz said this: we will rebuild.",
    """
    0 Ruiz Ruiz NNP PROPN nsubj 1 B-PERSON
    1 said say VBD VERB ROOT 1
    2 this - DT PRON dobj 1
    3 : - : PUNCT punct 1
    4 we - PRP PRON nsubj 6
    5 will - MD AUX aux 6
    6 rebuild - VB VERB parataxis 1
    7 . - . PUNCT punct 1
    """,
)

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


def test_a_paragraph_opening_with_a_name_and_a_colon_is_labelled() -> None:
    article = Article(LABELLED)
    found = labelled_paragraph(article, 0)
    assert found is not None
    head, colon, start = found
    assert (head.text, colon.text, LABELLED.text[start:]) == ("Ruiz", ":", "We will rebuild the clinic.")


def test_a_kind_of_text_before_a_colon_is_no_speaker() -> None:
    assert labelled_paragraph(Article(NOTE_LABEL), 0) is None


def test_a_clause_before_a_colon_is_no_label() -> None:
    assert labelled_paragraph(Article(CLAUSE_BEFORE_COLON), 0) is None


def test_speaker_colon_attributes_the_quotation_after_the_label() -> None:
    article = Article(LABELLED_QUOTE)
    assert summary(speaker_colon(article, article.quoted[0])) == ([":"], "Ruiz", "speaker_colon")


def test_find_quotes_reports_a_labelled_paragraph_without_marks() -> None:
    found = find_quotes(Article(LABELLED))
    assert [(LABELLED.text[f.start : f.end], f.type, f.rule) for f in found] == [
        ("We will rebuild the clinic", QuoteType.INDIRECT, "speaker_colon")
    ]


# --- object_clause: a complement the parser cut in two ---------------------------------------

QUOTED_AS_SAYING = parse(
    "Officials quoted Ruiz as saying repairs to the bridge as well as to the pier are at “an early stage.”",
    """
    0 Officials official NNS NOUN nsubj 1
    1 quoted quote VBD VERB ROOT 1
    2 Ruiz Ruiz NNP PROPN dobj 1 B-PERSON
    3 as - IN ADP prep 1
    4 saying say VBG VERB pcomp 3
    5 repairs repair NNS NOUN dobj 4
    6 to - IN ADP prep 4
    7 the - DT DET det 8
    8 bridge - NN NOUN pobj 6
    9 as - RB ADV advmod 11
    10 well - RB ADV advmod 11
    11 as - IN ADP cc 6
    12 to - IN ADP prep 4
    13 the - DT DET det 14
    14 pier - NN NOUN pobj 12
    15 are be VBP AUX conj 1
    16 at - IN ADP prep 15
    17 “ " `` PUNCT punct 16
    18 an - DT DET det 20
    19 early - JJ ADJ amod 20
    20 stage - NN NOUN pobj 16
    21 . - . PUNCT punct 1
    22 ” " '' PUNCT punct 1
    """,
)

TOLD_REPORTERS = parse(
    "Ruiz told reporters.",
    """
    0 Ruiz Ruiz NNP PROPN nsubj 1 B-PERSON
    1 told tell VBD VERB ROOT 1
    2 reporters reporter NNS NOUN dobj 1
    3 . - . PUNCT punct 1
    """,
)

WHILE_DENYING = parse(
    "While denying the claim, the ministry promised a review.",
    """
    0 While - IN SCONJ mark 1
    1 denying deny VBG VERB advcl 7
    2 the - DT DET det 3
    3 claim - NN NOUN dobj 1
    4 , - , PUNCT punct 7
    5 the - DT DET det 6
    6 ministry - NN NOUN nsubj 7
    7 promised promise VBD VERB ROOT 7
    8 a - DT DET det 9
    9 review - NN NOUN dobj 7
    10 . - . PUNCT punct 7
    """,
)

TOLD_REPORTERS_BEFORE_THE_VOTE = parse(
    "Ruiz told reporters about the plan before the council voted.",
    """
    0 Ruiz Ruiz NNP PROPN nsubj 1 B-PERSON
    1 told tell VBD VERB ROOT 1
    2 reporters reporter NNS NOUN dobj 1
    3 about - IN ADP prep 1
    4 the - DT DET det 5
    5 plan - NN NOUN pobj 3
    6 before - IN SCONJ mark 9
    7 the - DT DET det 8
    8 council - NN NOUN nsubj 9
    9 voted vote VBD VERB advcl 1
    10 . - . PUNCT punct 1
    """,
)


def test_object_clause_runs_from_the_object_to_the_end_of_the_sentence() -> None:
    article = Article(QUOTED_AS_SAYING)
    content = object_clause(article, word(QUOTED_AS_SAYING, "saying"))
    assert chars(article, content) == "repairs to the bridge as well as to the pier are at “an early stage"


def test_reported_content_repairs_a_cut_complement_with_the_object_clause() -> None:
    article = Article(QUOTED_AS_SAYING)
    saying = word(QUOTED_AS_SAYING, "saying")
    assert verb_content(article, saying) is None
    content = reported_content(article, saying)
    assert content is not None
    assert content == object_clause(article, saying)


def test_find_quotes_reports_a_cut_complement_as_mixed_with_the_quoted_speaker() -> None:
    assert found_quotes(Article(QUOTED_AS_SAYING)) == [
        (
            "repairs to the bridge as well as to the pier are at “an early stage.”",
            QuoteType.MIXED,
            "quoted_as_object",
            "Ruiz",
        )
    ]


def test_an_object_with_no_verb_after_it_is_no_object_clause() -> None:
    article = Article(TOLD_REPORTERS)
    told = word(TOLD_REPORTERS, "told")
    assert object_clause(article, told) is None
    assert verb_content(article, told) is None


def test_the_verb_the_cue_hangs_from_is_not_the_rest_of_a_cut_complement() -> None:
    article = Article(WHILE_DENYING)
    assert object_clause(article, word(WHILE_DENYING, "denying")) is None
    assert find_quotes(article) == []


def test_a_verb_in_the_cues_own_adverbial_clause_is_no_object_clause() -> None:
    article = Article(TOLD_REPORTERS_BEFORE_THE_VOTE)
    assert object_clause(article, word(TOLD_REPORTERS_BEFORE_THE_VOTE, "told")) is None


# --- verb_content: conjuncts of the verb of saying, free relatives --------------------------

WOULD_COST_LITTLE = parse(
    "Ruiz said the plan would fail, but would “cost little”.",
    """
    0 Ruiz Ruiz NNP PROPN nsubj 1 B-PERSON
    1 said say VBD VERB ROOT 1
    2 the - DT DET det 3
    3 plan - NN NOUN nsubj 5
    4 would - MD AUX aux 5
    5 fail - VB VERB ccomp 1
    6 , - , PUNCT punct 5
    7 but - CC CCONJ cc 1
    8 would - MD AUX aux 10
    9 “ " `` PUNCT punct 10
    10 cost - VB VERB conj 1
    11 little - JJ ADJ dobj 10
    12 ” " '' PUNCT punct 10
    13 . - . PUNCT punct 1
    """,
)

GAVE_NO_DETAILS = parse(
    "Ruiz said the plan would fail, but gave no details.",
    """
    0 Ruiz Ruiz NNP PROPN nsubj 1 B-PERSON
    1 said say VBD VERB ROOT 1
    2 the - DT DET det 3
    3 plan - NN NOUN nsubj 5
    4 would - MD AUX aux 5
    5 fail - VB VERB ccomp 1
    6 , - , PUNCT punct 5
    7 but - CC CCONJ cc 1
    8 gave give VBD VERB conj 1
    9 no - DT DET det 10
    10 details detail NNS NOUN dobj 8
    11 . - . PUNCT punct 1
    """,
)

FAIL_AND_LEFT = parse(
    "Ruiz said the plan would fail and left.",
    """
    0 Ruiz Ruiz NNP PROPN nsubj 1 B-PERSON
    1 said say VBD VERB ROOT 1
    2 the - DT DET det 3
    3 plan - NN NOUN nsubj 5
    4 would - MD AUX aux 5
    5 fail - VB VERB ccomp 1
    6 and - CC CCONJ cc 5
    7 left leave VBN VERB conj 5
    8 . - . PUNCT punct 1
    """,
)

WHAT_IT_SAYS_IS_DEBRIS = parse(
    "The review shows the photos of what it says is debris from the ferry.",
    """
    0 The - DT DET det 1
    1 review - NN NOUN nsubj 2
    2 shows show VBZ VERB ROOT 2
    3 the - DT DET det 4
    4 photos photo NNS NOUN dobj 2
    5 of - IN ADP prep 4
    6 what - WP PRON dobj 8
    7 it - PRP PRON nsubj 8
    8 says say VBZ VERB pcomp 5
    9 is be VBZ AUX ccomp 8
    10 debris - NN NOUN attr 9
    11 from - IN ADP prep 10
    12 the - DT DET det 13
    13 ferry - NN NOUN pobj 11
    14 . - . PUNCT punct 2
    """,
)

BEAM_RUIZ_SAID_WAS_ROTTEN = parse(
    "The crew removed a beam that Ruiz said was rotten.",
    """
    0 The - DT DET det 1
    1 crew - NN NOUN nsubj 2
    2 removed remove VBD VERB ROOT 2
    3 a - DT DET det 4
    4 beam - NN NOUN dobj 2
    5 that - WDT PRON nsubj 8
    6 Ruiz Ruiz NNP PROPN nsubj 7 B-PERSON
    7 said say VBD VERB relcl 4
    8 was be VBD AUX ccomp 7
    9 rotten - JJ ADJ acomp 8
    10 . - . PUNCT punct 2
    """,
)


def test_a_subjectless_modal_conjunct_of_the_verb_of_saying_continues_the_complement() -> None:
    article = Article(WOULD_COST_LITTLE)
    content = verb_content(article, word(WOULD_COST_LITTLE, "said"))
    assert chars(article, content) == "the plan would fail, but would “cost little"


def test_find_quotes_reports_the_continued_complement_as_mixed() -> None:
    article = Article(WOULD_COST_LITTLE)
    found = [(article.text[f.start : f.end], f.type, f.rule) for f in find_quotes(article)]
    assert found == [("the plan would fail, but would “cost little”", QuoteType.MIXED, "subject")]


def test_a_conjunct_without_a_modal_is_the_speakers_own_act() -> None:
    article = Article(GAVE_NO_DETAILS)
    content = verb_content(article, word(GAVE_NO_DETAILS, "said"))
    assert chars(article, content) == "the plan would fail"


@pytest.mark.xfail(
    reason="en_core_web_sm hangs 'left' on 'fail', not on 'said', so the complement's subtree takes it in: "
    "verb_content gives 'the plan would fail and left', against _reported_conjuncts' documented near miss",
    strict=True,
)
def test_a_conjunct_the_parser_hangs_on_the_complement_stays_the_speakers_own() -> None:
    article = Article(FAIL_AND_LEFT)
    content = verb_content(article, word(FAIL_AND_LEFT, "said"))
    assert chars(article, content) == "the plan would fail"


def test_a_free_relative_object_gives_no_content() -> None:
    article = Article(WHAT_IT_SAYS_IS_DEBRIS)
    assert verb_content(article, word(WHAT_IT_SAYS_IS_DEBRIS, "says")) is None
    assert find_quotes(article) == []


def test_a_relative_pronoun_that_is_no_object_keeps_the_content() -> None:
    article = Article(BEAM_RUIZ_SAID_WAS_ROTTEN)
    content = chars(article, verb_content(article, word(BEAM_RUIZ_SAID_WAS_ROTTEN, "said")))
    # "that" is the subject of "was", so the complement's span starts before "Ruiz said".
    assert content is not None and content.endswith("was rotten")


# --- fragments under a frame verb: "continued ..., that “...”" -------------------------------

CONTINUED_THAT_QUOTED = parse(
    "The mayor continued, using the nickname for the harbor district, Old Quay, "
    "that “the pier will bring the ferries back.”",
    """
    0 The - DT DET det 1
    1 mayor - NN NOUN nsubj 2
    2 continued continue VBD VERB ROOT 2
    3 , - , PUNCT punct 2
    4 using use VBG VERB advcl 2
    5 the - DT DET det 6
    6 nickname - NN NOUN dobj 4
    7 for - IN ADP prep 6
    8 the - DT DET det 10
    9 harbor - NNP PROPN compound 10
    10 district - NNP PROPN pobj 7
    11 , - , PUNCT punct 10
    12 Old Old NNP PROPN compound 13
    13 Quay Quay NNP PROPN appos 10
    14 , - , PUNCT punct 10
    15 that - IN SCONJ mark 20
    16 “ " `` PUNCT punct 20
    17 the - DT DET det 18
    18 pier - NN NOUN nsubj 20
    19 will - MD AUX aux 20
    20 bring - VB VERB ccomp 4
    21 the - DT DET det 22
    22 ferries ferry NNS NOUN dobj 20
    23 back - RP ADP prt 20
    24 . - . PUNCT punct 2
    25 ” " '' PUNCT punct 2
    """,
)

CONTINUED_THAT_FRAGMENT = parse(
    "The mayor continued, using the nickname for the harbor district, Old Quay, "
    "that the pier will bring “the ferries back”.",
    """
    0 The - DT DET det 1
    1 mayor - NN NOUN nsubj 2
    2 continued continue VBD VERB ROOT 2
    3 , - , PUNCT punct 2
    4 using use VBG VERB advcl 2
    5 the - DT DET det 6
    6 nickname - NN NOUN dobj 4
    7 for - IN ADP prep 6
    8 the - DT DET det 10
    9 harbor - NNP PROPN compound 10
    10 district - NNP PROPN pobj 7
    11 , - , PUNCT punct 10
    12 Old Old NNP PROPN compound 13
    13 Quay Quay NNP PROPN appos 10
    14 , - , PUNCT punct 10
    15 that - IN SCONJ mark 19
    16 the - DT DET det 17
    17 pier - NN NOUN nsubj 19
    18 will - MD AUX aux 19
    19 bring - VB VERB ccomp 4
    20 “ " `` PUNCT punct 19
    21 the - DT DET det 22
    22 ferries ferry NNS NOUN dobj 19
    23 back - RB ADV advmod 22
    24 ” " '' PUNCT punct 19
    25 . - . PUNCT punct 2
    """,
)

CONTINUED_THAT_FRAGMENT_FULL_STOP_INSIDE = parse(
    "The mayor continued, using the nickname for the harbor district, Old Quay, "
    "that the pier will bring “the ferries back.”",
    """
    0 The - DT DET det 1
    1 mayor - NN NOUN nsubj 2
    2 continued continue VBD VERB ROOT 2
    3 , - , PUNCT punct 2
    4 using use VBG VERB advcl 2
    5 the - DT DET det 6
    6 nickname - NN NOUN dobj 4
    7 for - IN ADP prep 6
    8 the - DT DET det 10
    9 harbor - NNP PROPN compound 10
    10 district - NNP PROPN pobj 7
    11 , - , PUNCT punct 10
    12 Old Old NNP PROPN compound 13
    13 Quay Quay NNP PROPN appos 10
    14 , - , PUNCT punct 10
    15 that - IN SCONJ mark 19
    16 the - DT DET det 17
    17 pier - NN NOUN nsubj 19
    18 will - MD AUX aux 19
    19 bring - VB VERB ccomp 4
    20 “ " `` PUNCT punct 19
    21 the - DT DET det 22
    22 ferries ferry NNS NOUN dobj 19
    23 back - RP ADP advmod 22
    24 . - . PUNCT punct 2
    25 ” " '' PUNCT punct 2
    """,
)

NEW_PIER_CONTINUED = parse(
    "The “new” pier continued to draw crowds.",
    """
    0 The - DT DET det 4
    1 “ " `` PUNCT punct 4
    2 new - JJ ADJ amod 4
    3 ” " '' PUNCT punct 4
    4 pier - NN NOUN nsubj 5
    5 continued continue VBD VERB ROOT 5
    6 to - TO PART aux 7
    7 draw - VB VERB xcomp 5
    8 crowds crowd NNS NOUN dobj 7
    9 . - . PUNCT punct 5
    """,
)


def test_a_fragment_finds_a_frame_verb_through_the_clause_between() -> None:
    verb = governing_verb(word(CONTINUED_THAT_QUOTED, "bring"))
    assert verb is not None and verb.text == "continued"


def test_a_fragment_in_a_that_clause_takes_the_clause_as_content() -> None:
    doc = CONTINUED_THAT_QUOTED
    content = fragment_content(word(doc, "continued"), word(doc, "bring"))
    assert chars(Article(doc), content) == "that “the pier will bring the ferries back"


def test_a_fragment_with_no_clause_runs_from_the_verbs_first_object() -> None:
    doc = DESCRIBED_AS_RECKLESS
    content = fragment_content(word(doc, "described"), word(doc, "reckless"))
    assert chars(Article(doc), content) == "the plan as “reckless"


def test_find_quotes_reports_a_quoted_that_clause_under_a_frame_verb_as_direct() -> None:
    assert found_quotes(Article(CONTINUED_THAT_QUOTED)) == [
        ("the pier will bring the ferries back.", QuoteType.DIRECT, "governed_fragment", "mayor")
    ]


def test_find_quotes_reports_a_that_clause_with_a_quoted_fragment_as_mixed() -> None:
    assert found_quotes(Article(CONTINUED_THAT_FRAGMENT)) == [
        ("the pier will bring “the ferries back”", QuoteType.MIXED, "governed_fragment", "mayor")
    ]


def test_find_quotes_reports_a_fragment_after_described_as_mixed() -> None:
    assert found_quotes(Article(DESCRIBED_AS_RECKLESS)) == [
        ("the plan as “reckless”", QuoteType.MIXED, "subject", "Lopez")
    ]


def test_a_full_stop_inside_the_marks_does_not_cut_the_that_clause() -> None:
    assert found_quotes(Article(CONTINUED_THAT_FRAGMENT_FULL_STOP_INSIDE)) == [
        ("the pier will bring “the ferries back.”", QuoteType.MIXED, "governed_fragment", "mayor")
    ]


def test_a_scare_quote_in_the_subject_of_a_frame_verb_is_left_out() -> None:
    assert found_quotes(Article(NEW_PIER_CONTINUED)) == []


# --- names_a_work: a programme's title in quotation marks ----------------------------------

TOLD_A_PROGRAMME = parse(
    "Ruiz told WXYZ’s “Morning Report” the pier would open.",
    """
    0 Ruiz Ruiz NNP PROPN nsubj 1 B-PERSON
    1 told tell VBD VERB ROOT 1
    2 WXYZ WXYZ NNP PROPN poss 6 B-ORG
    3 ’s 's POS PART case 2
    4 “ " `` PUNCT punct 6
    5 Morning Morning NNP PROPN compound 6
    6 Report Report NNP PROPN dobj 1
    7 ” " '' PUNCT punct 6
    8 the - DT DET det 9
    9 pier - NN NOUN nsubj 11
    10 would - MD AUX aux 11
    11 open - VB VERB ccomp 1
    12 . - . PUNCT punct 1
    """,
)

CALLED_IT_THE_COUNCILS = parse(
    "Ruiz called it the council’s “total disaster”.",
    """
    0 Ruiz Ruiz NNP PROPN nsubj 1 B-PERSON
    1 called call VBD VERB ROOT 1
    2 it - PRP PRON nsubj 8
    3 the - DT DET det 4
    4 council - NN NOUN poss 8
    5 ’s 's POS PART case 4
    6 “ " `` PUNCT punct 8
    7 total - JJ ADJ amod 8
    8 disaster - NN NOUN oprd 1
    9 ” " '' PUNCT punct 8
    10 . - . PUNCT punct 1
    """,
)

SAID_ON_A_PROGRAMME = parse(
    "Pence said on “Face the Nation” he was ready.",
    """
    0 Pence Pence NNP PROPN nsubj 1 B-PERSON
    1 said say VBD VERB ROOT 1
    2 on - IN ADP prep 1
    3 “ " `` PUNCT punct 4
    4 Face Face NNP PROPN pobj 2
    5 the - DT DET det 6
    6 Nation Nation NNP PROPN dobj 4
    7 ” " '' PUNCT punct 4
    8 he - PRP PRON nsubj 9
    9 was be VBD AUX ccomp 1
    10 ready - JJ ADJ acomp 9
    11 . - . PUNCT punct 1
    """,
)


def _quoted_words(doc: Doc) -> list[Token]:
    article = Article(doc)
    return [t for t in article.quoted_tokens(article.quoted[0]) if t.is_alpha]


def test_a_title_owned_by_a_broadcaster_names_a_work() -> None:
    assert names_a_work(_quoted_words(TOLD_A_PROGRAMME), word(TOLD_A_PROGRAMME, "Report"))


def test_a_title_after_on_names_a_work() -> None:
    assert names_a_work(_quoted_words(SAID_ON_A_PROGRAMME), word(SAID_ON_A_PROGRAMME, "Face"))


def test_owned_words_in_lower_case_are_not_a_title() -> None:
    assert not names_a_work(_quoted_words(CALLED_IT_THE_COUNCILS), word(CALLED_IT_THE_COUNCILS, "disaster"))


def test_find_quotes_leaves_a_programme_out_and_keeps_what_was_told() -> None:
    texts = [text for text, *_ in found_quotes(Article(TOLD_A_PROGRAMME))]
    assert not any("Morning Report" in text for text in texts)
    assert "the pier would open" in texts


def test_find_quotes_keeps_an_owned_fragment_in_lower_case() -> None:
    assert any("“total disaster”" in text for text, *_ in found_quotes(Article(CALLED_IT_THE_COUNCILS)))


# --- "According to X, Y said Z" -----------------------------------------------------------

ACCORDING_TO_THEN_SAID = parse(
    "According to the agency, Ruiz said the bridge would reopen.",
    """
    0 According accord VBG VERB prep 6
    1 to - IN ADP prep 0
    2 the - DT DET det 3
    3 agency - NN NOUN pobj 1
    4 , - , PUNCT punct 6
    5 Ruiz Ruiz NNP PROPN nsubj 6 B-PERSON
    6 said say VBD VERB ROOT 6
    7 the - DT DET det 8
    8 bridge - NN NOUN nsubj 10
    9 would - MD AUX aux 10
    10 reopen - VB VERB ccomp 6
    11 . - . PUNCT punct 6
    """,
)


def test_according_to_around_another_cue_gives_way_to_that_cue() -> None:
    article = Article(ACCORDING_TO_THEN_SAID)
    assert [[t.text for t in f.cue or []] for f in find_quotes(article)] == [["said"]]
    assert found_quotes(article) == [("the bridge would reopen", QuoteType.INDIRECT, "subject", "Ruiz")]


def test_according_to_around_no_other_cue_is_kept() -> None:
    article = Article(ACCORDING_TO_FIRST)
    assert [[t.text for t in f.cue or []] for f in find_quotes(article)] == [["According", "to"]]
    assert found_quotes(article) == [("the clinic will open in March", QuoteType.INDIRECT, "according_to", "Lopez")]


# --- content by frame ---------------------------------------------------------------------

URGED_CONGRESS = parse(
    "Ruiz urged Congress to act on Monday.",
    """
    0 Ruiz Ruiz NNP PROPN nsubj 1 B-PERSON
    1 urged urge VBD VERB ROOT 1
    2 Congress Congress NNP PROPN dobj 1 B-ORG
    3 to - TO PART aux 4
    4 act - VB VERB xcomp 1
    5 on - IN ADP prep 4
    6 Monday Monday NNP PROPN pobj 5 B-DATE
    7 . - . PUNCT punct 1
    """,
)

CALLED_IT_A_DISGRACE = parse(
    "Ruiz called the ruling “a disgrace” on Monday.",
    """
    0 Ruiz Ruiz NNP PROPN nsubj 1 B-PERSON
    1 called call VBD VERB ROOT 1
    2 the - DT DET det 3
    3 ruling - NN NOUN dobj 1
    4 “ " `` PUNCT punct 6
    5 a - DT DET det 6
    6 disgrace - NN NOUN oprd 1
    7 ” " '' PUNCT punct 6
    8 on - IN ADP prep 1
    9 Monday Monday NNP PROPN pobj 8 B-DATE
    10 . - . PUNCT punct 1
    """,
)

ACCUSED_WITHOUT_MARKS = parse(
    "Ruiz accused the mayor of lying.",
    """
    0 Ruiz Ruiz NNP PROPN nsubj 1 B-PERSON
    1 accused accuse VBD VERB ROOT 1
    2 the - DT DET det 3
    3 mayor - NN NOUN dobj 1
    4 of - IN ADP prep 1
    5 lying lie VBG VERB pcomp 4
    6 . - . PUNCT punct 1
    """,
)

QUOTED_AS_SAYING_NO_SPLIT = parse(
    "Reporters quoted Ruiz as saying the pier was safe.",
    """
    0 Reporters reporter NNS NOUN nsubj 1
    1 quoted quote VBD VERB ROOT 1
    2 Ruiz Ruiz NNP PROPN dobj 1 B-PERSON
    3 as - IN ADP prep 1
    4 saying say VBG VERB pcomp 3
    5 the - DT DET det 6
    6 pier - NN NOUN nsubj 7
    7 was be VBD AUX ccomp 4
    8 safe - JJ ADJ acomp 7
    9 . - . PUNCT punct 1
    """,
)

TRY_AND_PORTRAY = parse(
    "They will try to win and portray the deal as “fair”, Ruiz said.",
    """
    0 They they PRP PRON nsubj 2
    1 will - MD AUX aux 2
    2 try - VB VERB ccomp 15
    3 to - TO PART aux 4
    4 win - VB VERB xcomp 2
    5 and - CC CCONJ cc 2
    6 portray - VB VERB conj 2
    7 the - DT DET det 8
    8 deal - NN NOUN dobj 6
    9 as - IN ADP prep 6
    10 “ " `` PUNCT punct 11
    11 fair - JJ ADJ pobj 9
    12 ” " '' PUNCT punct 11
    13 , - , PUNCT punct 14
    14 Ruiz Ruiz NNP PROPN nsubj 15 B-PERSON
    15 said say VBD VERB ROOT 15
    16 . - . PUNCT punct 15
    """,
)


def test_infinitive_content_takes_the_person_asked_and_the_infinitive() -> None:
    article = Article(URGED_CONGRESS)
    content = infinitive_content(article, word(URGED_CONGRESS, "urged"))
    assert content is not None and URGED_CONGRESS.text[slice(*content)] == "Congress to act on Monday"


def test_infinitive_content_needs_an_infinitive() -> None:
    assert infinitive_content(Article(SAID_IN_AN_EMAIL), word(SAID_IN_AN_EMAIL, "said")) is None


def test_object_content_runs_through_a_quoted_predicate_but_not_a_time() -> None:
    article = Article(CALLED_IT_A_DISGRACE)
    content = object_content(article, word(CALLED_IT_A_DISGRACE, "called"))
    assert content is not None and CALLED_IT_A_DISGRACE.text[slice(*content)] == "the ruling “a disgrace"


def test_object_content_without_quoted_words_is_no_quotation() -> None:
    assert object_content(Article(ACCUSED_WITHOUT_MARKS), word(ACCUSED_WITHOUT_MARKS, "accused")) is None


def test_quote_as_saying_makes_saying_the_cue_not_quoted() -> None:
    article = Article(QUOTED_AS_SAYING_NO_SPLIT)
    assert quotes_as_saying(word(QUOTED_AS_SAYING_NO_SPLIT, "quoted"))
    assert reported_content(article, word(QUOTED_AS_SAYING_NO_SPLIT, "quoted")) is None
    assert found_quotes(article) == [("the pier was safe", QuoteType.INDIRECT, "quoted_as_object", "Ruiz")]


def test_a_verb_borrowing_its_subject_inside_reported_words_is_part_of_them() -> None:
    found = found_quotes(Article(TRY_AND_PORTRAY))
    assert [(text, rule, speaker) for text, _, rule, speaker in found] == [
        ("They will try to win and portray the deal as “fair”", "subject", "Ruiz")
    ]


# --- split quotations, frame subjects, stray marks ---------------------------------------

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

# The parser hangs "Fox" (inside the show's title) on "said" as its subject.
SUBJECT_IN_A_TITLE = parse(
    "“It is right,” Ruiz, a senator, said on “Fox Today.”",
    """
    0 “ " `` PUNCT punct 3
    1 It it PRP PRON nsubj 2
    2 is be VBZ AUX ccomp 11
    3 right - JJ ADJ acomp 2
    4 , - , PUNCT punct 11
    5 ” " '' PUNCT punct 11
    6 Ruiz Ruiz NNP PROPN appos 3 B-PERSON
    7 , - , PUNCT punct 6
    8 a - DT DET det 9
    9 senator - NN NOUN appos 6
    10 , - , PUNCT punct 11
    11 said say VBD VERB ROOT 11
    12 on - IN ADP prep 11
    13 “ " `` PUNCT punct 11
    14 Fox Fox NNP PROPN nsubj 11 B-ORG
    15 Today Today NNP PROPN npadvmod 14
    16 . - . PUNCT punct 11
    17 ” " '' PUNCT punct 11
    """,
)

STRAY_MARK = parse(
    '"The hall was quiet. Ruiz left.',
    """
    0 " " `` PUNCT punct 3
    1 The - DT DET det 2
    2 hall - NN NOUN nsubj 3
    3 was be VBD AUX ROOT 3
    4 quiet - JJ ADJ acomp 3
    5 . - . PUNCT punct 3
    6 Ruiz Ruiz NNP PROPN nsubj 7 B-PERSON
    7 left leave VBD VERB ROOT 7
    8 . - . PUNCT punct 7
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
    assert summary(frame_after(article, article.quoted[0])) == (["said"], "Ruiz", "frame_after")


def test_frame_subject_takes_a_name_after_the_cue_but_not_a_time_or_place() -> None:
    said = word(SUBJECT_IN_A_TITLE, "said")
    after_only = [t for t in SUBJECT_IN_A_TITLE if t.i >= said.i and t.text not in "“”"]
    assert frame_subject(after_only, said) is None


def test_an_unclosed_mark_no_one_speaks_is_dropped_as_a_stray() -> None:
    assert found_quotes(Article(STRAY_MARK)) == []


# --- colons and abbreviations before a quotation -----------------------------------------

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
    assert summary(colon_before(article, article.quoted[0])) == ([":"], "response", "colon_before")


def test_colon_before_needs_the_colon() -> None:
    article = Article(RESPONSE_WAS_NO_COLON)
    assert colon_before(article, article.quoted[0]) is None
    assert frame_before(article, article.quoted[0]) is None


def test_frame_before_reads_past_an_abbreviation_in_its_sentence() -> None:
    article = Article(SAID_OF_MR)
    assert summary(frame_before(article, article.quoted[0])) == (["said"], "Ruiz", "frame_before")


# --- one quote wherever quotes overlap ----------------------------------------------------


def found_at(start: int, end: int, rule: str) -> Found:
    return Found(start, end, QuoteType.INDIRECT, [], None, None, rule)


def test_reported_speech_inside_reported_speech_keeps_the_outer_statement() -> None:
    outer, inner = found_at(10, 53, "subject"), found_at(30, 53, "subject")
    assert without_overlaps([inner, outer]) == [outer]


def test_of_two_quotes_that_partly_overlap_the_surer_rule_wins() -> None:
    weak, sure = found_at(0, 20, "governed_fragment"), found_at(10, 30, "frame_after")
    assert without_overlaps([weak, sure]) == [sure]
    assert without_overlaps([found_at(0, 9, "subject"), found_at(10, 30, "subject")]) == [
        found_at(0, 9, "subject"),
        found_at(10, 30, "subject"),
    ]


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
    assert _trim(article, 1, 11) == (1, 10)
    said_that = Article(SAID_THAT)
    start = SAID_THAT.text.index("that")
    assert SAID_THAT.text[slice(*_trim(said_that, start, len(SAID_THAT.text)))].split()[0] != "that"
