"""The quote stage end to end on hand-built parses: the passes in order, stray marks, overlaps."""

from __future__ import annotations

from service.attribution.article import Article
from service.attribution.results import QuoteType
from service.attribution.quotes import find_quotes, without_overlaps
from service.attribution.quotes.found import Found
from service.attribution.rules import Rule
from tests.attribution.sentences import found_quotes
from tests.parses import parse


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


def test_an_unclosed_mark_no_one_speaks_is_dropped_as_a_stray() -> None:
    assert found_quotes(Article(STRAY_MARK)) == []


def found_at(start: int, end: int, rule: str) -> Found:
    return Found(start, end, QuoteType.INDIRECT, [], None, None, Rule.named(rule))


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


# --- quotes whose paragraph breaks were lost ------------------------------------------

REOPENED_THEN_NAMED = parse(
    "“We are ready. “The boats are checked. “We sail at dawn,” said Ana Ruiz.",
    r"""
    0 “ " `` PUNCT punct 2
    1 We - PRP PRON nsubj 2
    2 are be VBP AUX ROOT 2
    3 ready - JJ ADJ acomp 2
    4 . - . PUNCT punct 2
    5 “ " `` PUNCT punct 9
    6 The - DT DET det 7
    7 boats boat NNS NOUN nsubjpass 9
    8 are be VBP AUX auxpass 9
    9 checked check VBN VERB ROOT 9
    10 . - . PUNCT punct 9
    11 “ " `` PUNCT punct 18
    12 We - PRP PRON nsubj 13
    13 sail - VBP VERB ccomp 18
    14 at - IN ADP prep 13
    15 dawn - NN NOUN pobj 14
    16 , - , PUNCT punct 18
    17 ” " '' PUNCT punct 18
    18 said say VBD VERB ROOT 18
    19 Ana - NNP PROPN compound 20 B-PERSON
    20 Ruiz - NNP PROPN nsubj 18 I-PERSON
    21 . - . PUNCT punct 18
    """,
)

OPEN_AND_NEVER_REOPENED = parse(
    "The pier was closed. “We are ready. Nobody came.",
    r"""
    0 The - DT DET det 1
    1 pier - NN NOUN nsubjpass 3
    2 was be VBD AUX auxpass 3
    3 closed close VBN VERB ROOT 3
    4 . - . PUNCT punct 3
    5 “ " `` PUNCT punct 7
    6 We - PRP PRON nsubj 7
    7 are be VBP AUX ROOT 7
    8 ready - JJ ADJ acomp 7
    9 . - . PUNCT punct 7
    10 Nobody - NN PRON nsubj 11
    11 came come VBD VERB ROOT 11
    12 . - . PUNCT punct 11
    """,
)


def test_each_reopened_part_takes_the_speaker_named_after_the_last() -> None:
    found = find_quotes(Article(REOPENED_THEN_NAMED))
    assert [(REOPENED_THEN_NAMED.text[f.start : f.end], f.rule, f.speaker and f.speaker.text) for f in found] == [
        ("We are ready.", Rule.CONTINUATION, "Ruiz"),
        ("The boats are checked.", Rule.CONTINUATION, "Ruiz"),
        ("We sail at dawn,", Rule.FRAME_AFTER, "Ruiz"),
    ]


def test_a_mark_never_closed_nor_reopened_is_still_a_stray() -> None:
    assert find_quotes(Article(OPEN_AND_NEVER_REOPENED)) == []


# A quote paragraph after narrative about its speaker: a run of quotes is one speaker's.
RUN_OF_QUOTES = parse(
    "“We will find the money,” said Ana Ruiz. The clinic’s funding ends in March.\n\n“Nobody will be turned away.”",
    r"""
    0 “ " `` PUNCT punct 8
    1 We - PRP PRON nsubj 3
    2 will - MD AUX aux 3
    3 find - VB VERB ccomp 8
    4 the - DT DET det 5
    5 money - NN NOUN dobj 3
    6 , - , PUNCT punct 8
    7 ” " '' PUNCT punct 8
    8 said say VBD VERB ROOT 8
    9 Ana Ana NNP PROPN compound 10 B-PERSON
    10 Ruiz Ruiz NNP PROPN nsubj 8 I-PERSON
    11 . - . PUNCT punct 8
    12 The - DT DET det 13
    13 clinic - NN NOUN poss 15
    14 ’s - POS PART case 13
    15 funding - NN NOUN nsubj 16
    16 ends end VBZ VERB ROOT 16
    17 in - IN ADP prep 16
    18 March March NNP PROPN pobj 17 B-DATE
    19 . - . PUNCT punct 16
    20 \n\n - _SP SPACE dep 19
    21 “ " `` PUNCT punct 25
    22 Nobody - NN PRON nsubjpass 25
    23 will - MD AUX aux 25
    24 be - VB AUX auxpass 25
    25 turned turn VBN VERB ROOT 25
    26 away - RB ADV advmod 25
    27 . - . PUNCT punct 25
    28 ” " '' PUNCT punct 25
    """,
)
# The same quote three paragraphs of narrative later: too far to be sure whose it is.
QUOTE_FAR_AFTER = parse(
    "“We will find the money,” said Ana Ruiz.\n\nThe clinic opened in 2019.\n\nIts funding ends in March.\n\n"
    "The council meets on Monday.\n\n“Nobody will be turned away.”",
    r"""
    0 “ " `` PUNCT punct 8
    1 We - PRP PRON nsubj 3
    2 will - MD AUX aux 3
    3 find - VB VERB ccomp 8
    4 the - DT DET det 5
    5 money - NN NOUN dobj 3
    6 , - , PUNCT punct 8
    7 ” " '' PUNCT punct 8
    8 said say VBD VERB ROOT 8
    9 Ana Ana NNP PROPN compound 10 B-PERSON
    10 Ruiz Ruiz NNP PROPN nsubj 8 I-PERSON
    11 . - . PUNCT punct 8
    12 \n\n - _SP SPACE dep 11
    13 The - DT DET det 14
    14 clinic - NN NOUN nsubj 15
    15 opened open VBD VERB ROOT 15
    16 in - IN ADP prep 15
    17 2019 - CD NUM pobj 16 B-DATE
    18 . - . PUNCT punct 15
    19 \n\n - _SP SPACE dep 18
    20 Its - PRP$ PRON poss 21
    21 funding - NN NOUN nsubj 22
    22 ends end VBZ VERB ROOT 22
    23 in - IN ADP prep 22
    24 March March NNP PROPN pobj 23 B-DATE
    25 . - . PUNCT punct 22
    26 \n\n - _SP SPACE dep 25
    27 The - DT DET det 28
    28 council - NN NOUN nsubj 29
    29 meets meet VBZ VERB ROOT 29
    30 on - IN ADP prep 29
    31 Monday Monday NNP PROPN pobj 30 B-DATE
    32 . - . PUNCT punct 29
    33 \n\n - _SP SPACE dep 32
    34 “ " `` PUNCT punct 38
    35 Nobody - NN PRON nsubjpass 38
    36 will - MD AUX aux 38
    37 be - VB AUX auxpass 38
    38 turned turn VBN VERB ROOT 38
    39 away - RB ADV advmod 38
    40 . - . PUNCT punct 38
    41 ” " '' PUNCT punct 38
    """,
)


def test_a_quote_with_no_cue_after_narrative_goes_to_the_last_speaker() -> None:
    found = found_quotes(Article(RUN_OF_QUOTES))
    assert [(rule, speaker) for _, _, rule, speaker in found] == [(Rule.FRAME_AFTER, "Ruiz"), (Rule.LAST_SPEAKER, "Ruiz")]


def test_a_quote_with_no_cue_far_from_any_speaker_stays_unattributed() -> None:
    found = found_quotes(Article(QUOTE_FAR_AFTER))
    assert [(rule, speaker) for _, _, rule, speaker in found] == [(Rule.FRAME_AFTER, "Ruiz"), (Rule.UNATTRIBUTED, None)]
