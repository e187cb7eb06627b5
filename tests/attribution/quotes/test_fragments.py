"""Pass 3, quoted fragments: kept where a naming or speech verb governs them, left out when they name a work."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from service.attribution.article import Article
from service.attribution.results import QuoteType
from service.attribution.quotes.fragments import fragment_content, governing_verb, names_a_work
from tests.attribution.sentences import chars, found_quotes
from tests.parses import parse, word


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


def test_a_fragment_finds_the_naming_verb_above_it() -> None:
    verb = governing_verb(word(DESCRIBED_AS_RECKLESS, "reckless"))
    assert verb is not None and verb.text == "described"


def test_a_scare_quote_under_no_naming_verb_has_no_governor() -> None:
    assert governing_verb(word(RECKLESS_PLAN_APPROVED, "reckless")) is None


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
