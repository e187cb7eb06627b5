"""Pass 2, reported speech: what a reporting verb, "according to" or a label reports."""

from __future__ import annotations

import pytest

from service.attribution.article import Article
from service.attribution.results import QuoteType
from service.attribution.quotes import find_quotes
from service.attribution.rules import Rule
from service.attribution.quotes.reported import (
    according_to_content,
    asks,
    infinitive_content,
    interrupted_clause,
    object_clause,
    object_content,
    part_of_a_name,
    quotes_as_saying,
    reported_content,
    says_no_answer,
    says_nothing,
    verb_content,
)
from tests.attribution.sentences import LABELLED, SAID_IN_AN_EMAIL, SAID_THAT, chars, found_quotes
from tests.parses import parse, word


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


def test_find_quotes_reports_a_labelled_paragraph_without_marks() -> None:
    found = find_quotes(Article(LABELLED))
    assert [(LABELLED.text[f.start : f.end], f.type, f.rule) for f in found] == [
        ("We will rebuild the clinic", QuoteType.INDIRECT, "speaker_colon")
    ]


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


DECLINED_TO_COMMENT = parse(
    "A harbour spokesman declined to comment on the tolls.",
    """
    0 A - DT DET det 2
    1 harbour - NN NOUN compound 2
    2 spokesman - NN NOUN nsubj 3
    3 declined decline VBD VERB ROOT 3
    4 to - TO PART aux 5
    5 comment - VB VERB xcomp 3
    6 on - IN ADP prep 5
    7 the - DT DET det 8
    8 tolls toll NNS NOUN pobj 6
    9 . - . PUNCT punct 3
    """,
)
ASKED_NOT_TO_BE_NAMED = parse(
    "A ferry worker, who asked not to be named, said the boats were unsafe.",
    """
    0 A - DT DET det 2
    1 ferry - NN NOUN compound 2
    2 worker - NN NOUN nsubj 11
    3 , - , PUNCT punct 2
    4 who - WP PRON nsubj 5
    5 asked ask VBD VERB relcl 2
    6 not - RB PART neg 9
    7 to - TO PART aux 9
    8 be - VB AUX auxpass 9
    9 named name VBN VERB xcomp 5
    10 , - , PUNCT punct 2
    11 said say VBD VERB ROOT 11
    12 the - DT DET det 13
    13 boats boat NNS NOUN nsubj 14
    14 were be VBD AUX ccomp 11
    15 unsafe - JJ ADJ acomp 14
    16 . - . PUNCT punct 11
    """,
)
REFUSED_TO_SAY_THAT = parse(
    "Ana Ruiz refused to say that the talks had failed.",
    """
    0 Ana Ana NNP PROPN compound 1 B-PERSON
    1 Ruiz Ruiz NNP PROPN nsubj 2 I-PERSON
    2 refused refuse VBD VERB ROOT 2
    3 to - TO PART aux 4
    4 say - VB VERB xcomp 2
    5 that - IN SCONJ mark 9
    6 the - DT DET det 7
    7 talks talk NNS NOUN nsubj 9
    8 had have VBD AUX aux 9
    9 failed fail VBN VERB ccomp 4
    10 . - . PUNCT punct 2
    """,
)


def test_an_infinitive_that_only_names_speaking_says_nothing() -> None:
    article = Article(DECLINED_TO_COMMENT)
    assert says_nothing(article, word(DECLINED_TO_COMMENT, "comment"))
    assert infinitive_content(article, word(DECLINED_TO_COMMENT, "declined")) is None
    assert found_quotes(article) == []


def test_a_request_not_to_be_named_is_no_statement_but_what_follows_is() -> None:
    article = Article(ASKED_NOT_TO_BE_NAMED)
    assert says_nothing(article, word(ASKED_NOT_TO_BE_NAMED, "named"))
    assert [(text, rule) for text, _, rule, _ in found_quotes(article)] == [("the boats were unsafe", Rule.SUBJECT)]


def test_an_infinitive_of_speaking_with_a_clause_of_its_own_says_it() -> None:
    # Near misses: a clause said ("to say that ..."), and an act that is no speaking ("urged Congress to act").
    assert not says_nothing(Article(REFUSED_TO_SAY_THAT), word(REFUSED_TO_SAY_THAT, "say"))
    assert not says_nothing(Article(URGED_CONGRESS), word(URGED_CONGRESS, "act"))


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


# --- a cue set off by commas: the clause it interrupts or trails -------------------

BRIDGE_THE_MAYOR_SAID = parse(
    "The bridge, the mayor said, will reopen in May.",
    """
    0 The - DT DET det 1
    1 bridge - NN NOUN nsubj 8
    2 , - , PUNCT punct 5
    3 the - DT DET det 4
    4 mayor - NN NOUN nsubj 5
    5 said say VBD VERB parataxis 8
    6 , - , PUNCT punct 5
    7 will - MD AUX aux 8
    8 reopen - VB VERB ROOT 8
    9 in - IN ADP prep 8
    10 May May NNP PROPN pobj 9 B-DATE
    11 . - . PUNCT punct 8
    """,
)


RENTS_WILL_RISE_UNLESS = parse(
    "Rents will rise, Ana Ruiz said, “unless the city acts.”",
    """
    0 Rents rent NNS NOUN nsubj 2
    1 will - MD AUX aux 2
    2 rise - VB VERB ROOT 2
    3 , - , PUNCT punct 6
    4 Ana Ana NNP PROPN compound 5 B-PERSON
    5 Ruiz Ruiz NNP PROPN nsubj 6 I-PERSON
    6 said say VBD VERB parataxis 2
    7 , - , PUNCT punct 6
    8 “ " `` PUNCT punct 6
    9 unless - IN SCONJ mark 12
    10 the - DT DET det 11
    11 city - NN NOUN nsubj 12
    12 acts act VBZ VERB advcl 6
    13 . - . PUNCT punct 2
    14 ” " '' PUNCT punct 2
    """,
)


FERRY_SHE_WROTE = parse(
    "The ferry will run twice a day, she wrote.",
    """
    0 The - DT DET det 1
    1 ferry - NN NOUN nsubj 3
    2 will - MD AUX aux 3
    3 run - VB VERB ROOT 3
    4 twice - PDT DET predet 6
    5 a - DT DET det 6
    6 day - NN NOUN npadvmod 3
    7 , - , PUNCT punct 9
    8 she - PRP PRON nsubj 9
    9 wrote write VBD VERB parataxis 3
    10 . - . PUNCT punct 3
    """,
)


I_MEAN_THE_FERRY = parse(
    "I mean, the ferry will run twice a day.",
    """
    0 I I PRP PRON nsubj 1
    1 mean - VBP VERB parataxis 6
    2 , - , PUNCT punct 6
    3 the - DT DET det 4
    4 ferry - NN NOUN nsubj 6
    5 will - MD AUX aux 6
    6 run - VB VERB ROOT 6
    7 twice - PDT DET predet 9
    8 a - DT DET det 9
    9 day - NN NOUN npadvmod 6
    10 . - . PUNCT punct 6
    """,
)


FERRY_RAN_RUIZ_TOLD_NOBODY = parse(
    "The ferry ran late, Ruiz told nobody.",
    """
    0 The - DT DET det 1
    1 ferry - NN NOUN nsubj 2
    2 ran run VBD VERB ROOT 2
    3 late - RB ADV advmod 2
    4 , - , PUNCT punct 6
    5 Ruiz Ruiz NNP PROPN nsubj 6 B-PERSON
    6 told tell VBD VERB parataxis 2
    7 nobody - NN PRON dobj 6
    8 . - . PUNCT punct 2
    """,
)


def test_a_cue_inside_a_sentence_reports_the_whole_sentence() -> None:
    article = Article(BRIDGE_THE_MAYOR_SAID)
    content = interrupted_clause(article, word(BRIDGE_THE_MAYOR_SAID, "said"))
    assert chars(article, content) == "The bridge, the mayor said, will reopen in May"
    assert found_quotes(article) == [("The bridge, the mayor said, will reopen in May", QuoteType.INDIRECT, "subject", "mayor")]


def test_quoted_words_hung_on_the_cue_make_the_sentence_a_mixed_quote() -> None:
    article = Article(RENTS_WILL_RISE_UNLESS)
    assert found_quotes(article) == [
        ("Rents will rise, Ana Ruiz said, “unless the city acts.”", QuoteType.MIXED, "subject", "Ruiz")
    ]


def test_a_trailing_cue_reports_the_clause_before_it() -> None:
    article = Article(FERRY_SHE_WROTE)
    content = interrupted_clause(article, word(FERRY_SHE_WROTE, "wrote"))
    assert chars(article, content) == "The ferry will run twice a day"


def test_a_verb_that_reports_no_clause_is_no_parenthetical_cue() -> None:
    article = Article(I_MEAN_THE_FERRY)
    assert interrupted_clause(article, word(I_MEAN_THE_FERRY, "mean")) is None
    assert find_quotes(article) == []


def test_a_parenthetical_verb_with_an_object_of_its_own_reports_no_clause() -> None:
    article = Article(FERRY_RAN_RUIZ_TOLD_NOBODY)
    assert interrupted_clause(article, word(FERRY_RAN_RUIZ_TOLD_NOBODY, "told")) is None


# --- embedded questions -----------------------------------------------------------

WOULD_NOT_SAY_WHICH = parse(
    "He would not say which members will retire.",
    """
    0 He - PRP PRON nsubj 3
    1 would - MD AUX aux 3
    2 not - RB PART neg 3
    3 say - VB VERB ROOT 3
    4 which - WDT PRON det 5
    5 members member NNS NOUN nsubj 7
    6 will - MD AUX aux 7
    7 retire - VB VERB ccomp 3
    8 . - . PUNCT punct 3
    """,
)


ASKED_WHAT_SHE_WOULD_CHANGE = parse(
    "Asked what she would change, Ruiz laughed.",
    """
    0 Asked ask VBD VERB advcl 7
    1 what - WP PRON dobj 4
    2 she - PRP PRON nsubj 4
    3 would - MD AUX aux 4
    4 change - VB VERB ccomp 0
    5 , - , PUNCT punct 7
    6 Ruiz Ruiz NNP PROPN nsubj 7 B-PERSON
    7 laughed laugh VBD VERB ROOT 7
    8 . - . PUNCT punct 7
    """,
)


RUIZ_ASKED_WHY = parse(
    "Ruiz asked why the port closed.",
    """
    0 Ruiz Ruiz NNP PROPN nsubj 1 B-PERSON
    1 asked ask VBD VERB ROOT 1
    2 why - WRB SCONJ advmod 5
    3 the - DT DET det 4
    4 port - NN NOUN nsubj 5
    5 closed close VBD VERB ccomp 1
    6 . - . PUNCT punct 1
    """,
)


SAID_WHEN_THE_PORT_REOPENS = parse(
    "She would say when the port reopens, fares will rise.",
    """
    0 She - PRP PRON nsubj 2
    1 would - MD AUX aux 2
    2 say - VB VERB ROOT 2
    3 when - WRB SCONJ advmod 6
    4 the - DT DET det 5
    5 port - NN NOUN nsubj 6
    6 reopens reopen VBZ VERB advcl 10
    7 , - , PUNCT punct 10
    8 fares fare NNS NOUN nsubj 10
    9 will - MD AUX aux 10
    10 rise - VB VERB ccomp 2
    11 . - . PUNCT punct 2
    """,
)


# The tagger's WDT "that", a complementizer all the same.
DID_NOT_DENY_THAT = parse(
    "Ruiz did not deny that the port was sold.",
    """
    0 Ruiz Ruiz NNP PROPN nsubj 3 B-PERSON
    1 did do VBD AUX aux 3
    2 not - RB PART neg 3
    3 deny - VB VERB ROOT 3
    4 that - WDT PRON mark 8
    5 the - DT DET det 6
    6 port - NN NOUN nsubjpass 8
    7 was be VBD AUX auxpass 8
    8 sold sell VBN VERB ccomp 3
    9 . - . PUNCT punct 3
    """,
)


def test_a_question_the_speaker_will_not_answer_is_no_statement() -> None:
    article = Article(WOULD_NOT_SAY_WHICH)
    say = word(WOULD_NOT_SAY_WHICH, "say")
    assert says_no_answer(say) and asks(word(WOULD_NOT_SAY_WHICH, "retire"))
    assert verb_content(article, say) is None
    assert find_quotes(article) == []


def test_a_question_put_to_the_speaker_is_no_statement_of_hers() -> None:
    article = Article(ASKED_WHAT_SHE_WOULD_CHANGE)
    assert verb_content(article, word(ASKED_WHAT_SHE_WOULD_CHANGE, "Asked")) is None


def test_a_question_the_speaker_asks_is_hers() -> None:
    article = Article(RUIZ_ASKED_WHY)
    assert not says_no_answer(word(RUIZ_ASKED_WHY, "asked"))
    assert chars(article, verb_content(article, word(RUIZ_ASKED_WHY, "asked"))) == "why the port closed"


def test_a_wh_word_that_opens_a_clause_of_time_asks_nothing() -> None:
    assert not asks(word(SAID_WHEN_THE_PORT_REOPENS, "rise"))


def test_a_that_the_tagger_calls_a_wh_word_asks_nothing() -> None:
    article = Article(DID_NOT_DENY_THAT)
    assert not asks(word(DID_NOT_DENY_THAT, "sold"))
    assert chars(article, verb_content(article, word(DID_NOT_DENY_THAT, "deny"))) == "the port was sold"


# --- quoted words that are part of a name ----------------------------------------

THANKED_DOC_LOPEZ = parse(
    "The nurses thanked “Doc” Lopez.",
    """
    0 The - DT DET det 1
    1 nurses nurse NNS NOUN nsubj 2
    2 thanked thank VBD VERB ROOT 2
    3 “ " `` PUNCT punct 5
    4 Doc Doc NNP PROPN nmod 6
    5 ” " '' PUNCT punct 6
    6 Lopez Lopez NNP PROPN dobj 2 B-PERSON
    7 . - . PUNCT punct 2
    """,
)


CALLED_THE_PLAN_A_DISGRACE = parse(
    "The mayor called the plan “a disgrace.”",
    """
    0 The - DT DET det 1
    1 mayor - NN NOUN nsubj 2
    2 called call VBD VERB ROOT 2
    3 the - DT DET det 4
    4 plan - NN NOUN dobj 2
    5 “ " `` PUNCT punct 4
    6 a - DT DET det 7
    7 disgrace - NN NOUN appos 4
    8 . - . PUNCT punct 2
    9 ” " '' PUNCT punct 2
    """,
)


def test_a_quoted_title_before_a_name_is_no_reported_object() -> None:
    article = Article(THANKED_DOC_LOPEZ)
    assert part_of_a_name(article, article.quoted[0])
    assert object_content(article, word(THANKED_DOC_LOPEZ, "thanked")) is None


def test_quoted_words_that_are_the_objects_own_are_reported() -> None:
    article = Article(CALLED_THE_PLAN_A_DISGRACE)
    assert not part_of_a_name(article, article.quoted[0])
    assert chars(article, object_content(article, word(CALLED_THE_PLAN_A_DISGRACE, "called"))) == "the plan “a disgrace"


# As en_core_web_sm parses it: "which" hangs on "retire", below the verb that heads the clause.
WOULD_NOT_SAY_WHICH_THEY_PLAN = parse(
    "He would not say which members are planning to retire.",
    """
    0 He - PRP PRON nsubj 3
    1 would - MD AUX aux 3
    2 not - RB PART neg 3
    3 say - VB VERB ROOT 3
    4 which - WDT PRON dobj 9
    5 members member NNS NOUN nsubj 7
    6 are be VBP AUX aux 7
    7 planning plan VBG VERB ccomp 3
    8 to - TO PART aux 9
    9 retire - VB VERB xcomp 7
    10 . - . PUNCT punct 3
    """,
)


def test_a_wh_word_hung_below_the_clauses_verb_still_opens_the_question() -> None:
    article = Article(WOULD_NOT_SAY_WHICH_THEY_PLAN)
    assert asks(word(WOULD_NOT_SAY_WHICH_THEY_PLAN, "planning"))
    assert verb_content(article, word(WOULD_NOT_SAY_WHICH_THEY_PLAN, "say")) is None


EXPLORED_AND_DISCUSSED_HOW = parse(
    "The book explored old ports and discussed how trade changed.",
    """
    0 The - DT DET det 1
    1 book - NN NOUN nsubj 2
    2 explored explore VBD VERB ROOT 2
    3 old - JJ ADJ amod 4
    4 ports port NNS NOUN dobj 2
    5 and - CC CCONJ cc 2
    6 discussed discuss VBD VERB conj 2
    7 how - WRB SCONJ advmod 9
    8 trade - NN NOUN nsubj 9
    9 changed change VBD VERB ccomp 6
    10 . - . PUNCT punct 2
    """,
)


def test_a_conjunct_past_tense_with_no_subject_of_its_own_is_no_question_put_to_it() -> None:
    article = Article(EXPLORED_AND_DISCUSSED_HOW)
    discussed = word(EXPLORED_AND_DISCUSSED_HOW, "discussed")
    assert not says_no_answer(discussed)
    assert chars(article, verb_content(article, discussed)) == "how trade changed"
