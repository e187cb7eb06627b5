"""Hand-built parses that several test modules share, each defined once, and the summaries they compare.

A parse used by one test module only is defined in that module."""

from __future__ import annotations

from service.attribution.article import Article
from service.attribution.results import QuoteType
from service.attribution.quotes import find_quotes
from tests.parses import parse


HEALTH_MINISTER = parse(
    "Health Minister Maria Lopez said the clinic would open.",
    """
    0 Health Health NNP PROPN compound 1
    1 Minister Minister NNP PROPN compound 3
    2 Maria Maria NNP PROPN compound 3 B-PERSON
    3 Lopez Lopez NNP PROPN nsubj 4 I-PERSON
    4 said say VBD VERB ROOT 4
    5 the - DT DET det 6
    6 clinic - NN NOUN nsubj 8
    7 would - MD AUX aux 8
    8 open - VB VERB ccomp 4
    9 . - . PUNCT punct 4
    """,
)


MAYOR_IN_THE_NAME = parse(
    "Mayor Maria Lopez said the clinic would open.",
    """
    0 Mayor Mayor NNP PROPN compound 2 B-PERSON
    1 Maria Maria NNP PROPN compound 2 I-PERSON
    2 Lopez Lopez NNP PROPN nsubj 3 I-PERSON
    3 said say VBD VERB ROOT 3
    4 the - DT DET det 5
    5 clinic - NN NOUN nsubj 7
    6 would - MD AUX aux 7
    7 open - VB VERB ccomp 3
    8 . - . PUNCT punct 3
    """,
)


INSTITUTE_SPOKESPERSON = parse(
    "A Harbor Institute spokesperson said the clinic would open.",
    """
    0 A - DT DET det 3
    1 Harbor Harbor NNP PROPN compound 2 B-ORG
    2 Institute Institute NNP PROPN compound 3 I-ORG
    3 spokesperson - NN NOUN nsubj 4
    4 said say VBD VERB ROOT 4
    5 the - DT DET det 6
    6 clinic - NN NOUN nsubj 8
    7 would - MD AUX aux 8
    8 open - VB VERB ccomp 4
    9 . - . PUNCT punct 4
    """,
)


REPORT_RELEASED_BY = parse(
    "A report released by the Harbor Agency said the bridge would reopen in May.",
    """
    0 A - DT DET det 1
    1 report - NN NOUN nsubj 7
    2 released release VBN VERB acl 1
    3 by - IN ADP agent 2
    4 the - DT DET det 6 B-ORG
    5 Harbor Harbor NNP PROPN compound 6 I-ORG
    6 Agency Agency NNP PROPN pobj 3 I-ORG
    7 said say VBD VERB ROOT 7
    8 the - DT DET det 9
    9 bridge - NN NOUN nsubj 11
    10 would - MD AUX aux 11
    11 reopen - VB VERB ccomp 7
    12 in - IN ADP prep 11
    13 May May NNP PROPN pobj 12 B-DATE
    14 . - . PUNCT punct 7
    """,
)


REPORT_RELEASED_ON = parse(
    "A report released on Monday said the bridge would reopen in May.",
    """
    0 A - DT DET det 1
    1 report - NN NOUN nsubj 5
    2 released release VBN VERB acl 1
    3 on - IN ADP prep 2
    4 Monday Monday NNP PROPN pobj 3 B-DATE
    5 said say VBD VERB ROOT 5
    6 the - DT DET det 7
    7 bridge - NN NOUN nsubj 9
    8 would - MD AUX aux 9
    9 reopen - VB VERB ccomp 5
    10 in - IN ADP prep 9
    11 May May NNP PROPN pobj 10 B-DATE
    12 . - . PUNCT punct 5
    """,
)


ACCORDING_TO_LOPEZ = parse(
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


ANALYST_THEN_SURNAME = parse(
    "Maria Lopez, an analyst at Harbor Institute, met Kim Sato. “It works,” Lopez said.",
    """
    0 Maria Maria NNP PROPN compound 1 B-PERSON
    1 Lopez Lopez NNP PROPN nsubj 9 I-PERSON
    2 , - , PUNCT punct 1
    3 an - DT DET det 4
    4 analyst - NN NOUN appos 1
    5 at - IN ADP prep 4
    6 Harbor Harbor NNP PROPN compound 7 B-ORG
    7 Institute Institute NNP PROPN pobj 5 I-ORG
    8 , - , PUNCT punct 1
    9 met meet VBD VERB ROOT 9
    10 Kim Kim NNP PROPN compound 11 B-PERSON
    11 Sato Sato NNP PROPN dobj 9 I-PERSON
    12 . - . PUNCT punct 9
    13 “ " `` PUNCT punct 15
    14 It - PRP PRON nsubj 15
    15 works work VBZ VERB ccomp 19
    16 , - , PUNCT punct 19
    17 ” " '' PUNCT punct 19
    18 Lopez Lopez NNP PROPN nsubj 19 B-PERSON
    19 said say VBD VERB ROOT 19
    20 . - . PUNCT punct 19
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


# The model tags "Rock" a common noun and leaves "Ana Ruiz" outside any entity;
# "Rock" is made the proper noun a tagger takes a sentence's first word for,
# which is the case the rule is about, and "Ana Ruiz" a PERSON.
ROCK_STAR_AND_ROCK = parse(
    "Rock star Ana Ruiz said the pier was safe. She has played rock since 2001.",
    """
    0 Rock Rock NNP PROPN compound 1
    1 star - NN NOUN compound 3
    2 Ana Ana NNP PROPN compound 3 B-PERSON
    3 Ruiz Ruiz NNP PROPN nsubj 4 I-PERSON
    4 said say VBD VERB ROOT 4
    5 the - DT DET det 6
    6 pier - NN NOUN nsubj 7
    7 was be VBD AUX ccomp 4
    8 safe - JJ ADJ acomp 7
    9 . - . PUNCT punct 4
    10 She - PRP PRON nsubj 12
    11 has have VBZ AUX aux 12
    12 played play VBN VERB ROOT 12
    13 rock - NN NOUN dobj 12
    14 since - IN SCONJ prep 12
    15 2001 - CD NUM pobj 14 B-DATE
    16 . - . PUNCT punct 12
    """,
)


# The model tags "Ruiz" a proper noun outside any entity; corrected to the
# PERSON whose administration it is.
ADMINISTRATION_OFFICIAL = parse(
    "A Ruiz administration official said the pier was safe.",
    """
    0 A - DT DET det 3
    1 Ruiz Ruiz NNP PROPN compound 2 B-PERSON
    2 administration - NN NOUN compound 3
    3 official - NN NOUN nsubj 4
    4 said say VBD VERB ROOT 4
    5 the - DT DET det 6
    6 pier - NN NOUN nsubj 7
    7 was be VBD AUX ccomp 4
    8 safe - JJ ADJ acomp 7
    9 . - . PUNCT punct 4
    """,
)


MR_HALE = parse(
    "Mr Hale said the pier was safe.",
    """
    0 Mr Mr NNP PROPN compound 1
    1 Hale Hale NNP PROPN nsubj 2 B-PERSON
    2 said say VBD VERB ROOT 2
    3 the - DT DET det 4
    4 pier - NN NOUN nsubj 5
    5 was be VBD AUX ccomp 2
    6 safe - JJ ADJ acomp 5
    7 . - . PUNCT punct 2
    """,
)


BANK_CUT_JOBS_AT = parse(
    "Kestrel Bank cut 200 jobs at the Harbor Institute. It said the cuts were needed.",
    """
    0 Kestrel Kestrel NNP PROPN compound 1 B-ORG
    1 Bank Bank NNP PROPN nsubj 2 I-ORG
    2 cut - VBD VERB ROOT 2
    3 200 - CD NUM nummod 4 B-CARDINAL
    4 jobs job NNS NOUN dobj 2
    5 at - IN ADP prep 2
    6 the - DT DET det 8 B-ORG
    7 Harbor Harbor NNP PROPN compound 8 I-ORG
    8 Institute Institute NNP PROPN pobj 5 I-ORG
    9 . - . PUNCT punct 2
    10 It - PRP PRON nsubj 11
    11 said say VBD VERB ROOT 11
    12 the - DT DET det 13
    13 cuts cut NNS NOUN nsubjpass 15
    14 were be VBD AUX auxpass 15
    15 needed need VBN VERB ccomp 11
    16 . - . PUNCT punct 11
    """,
)


SECRETARY_OF_STATE = parse(
    "Ana Ruiz, the secretary of State, said the pier was safe.",
    """
    0 Ana Ana NNP PROPN compound 1 B-PERSON
    1 Ruiz Ruiz NNP PROPN nsubj 8 I-PERSON
    2 , - , PUNCT punct 1
    3 the - DT DET det 4
    4 secretary - NN NOUN appos 1
    5 of - IN ADP prep 4
    6 State State NNP PROPN pobj 5 B-ORG
    7 , - , PUNCT punct 1
    8 said say VBD VERB ROOT 8
    9 the - DT DET det 10
    10 pier - NN NOUN nsubj 11
    11 was be VBD AUX ccomp 8
    12 safe - JJ ADJ acomp 11
    13 . - . PUNCT punct 8
    """,
)


def chars(article: Article, bounds: tuple[int, int] | None) -> str | None:
    return article.text[bounds[0] : bounds[1]] if bounds is not None else None


def found_quotes(article: Article) -> list[tuple[str, QuoteType, str, str | None]]:
    """The text, type, rule and speaker head of every quote ``find_quotes`` reports."""
    return [
        (article.text[f.start : f.end], f.type, f.rule, f.speaker.text if f.speaker else None)
        for f in find_quotes(article)
    ]


# A name the recogniser missed: no entity on "Coach Ana Ruiz".
COACH_OF_THE_TIGERS = parse(
    "“We won,” said Coach Ana Ruiz of the Tellbridge Tigers.",
    r"""
    0 “ " `` PUNCT punct 5
    1 We - PRP PRON nsubj 2
    2 won win VBD VERB ccomp 5
    3 , - , PUNCT punct 5
    4 ” " '' PUNCT punct 5
    5 said say VBD VERB ROOT 5
    6 Coach - NNP PROPN compound 8
    7 Ana - NNP PROPN compound 8
    8 Ruiz - NNP PROPN nsubj 5
    9 of - IN ADP prep 8
    10 the - DT DET det 12
    11 Tellbridge - NNP PROPN compound 12
    12 Tigers - NNPS PROPN pobj 9
    13 . - . PUNCT punct 5
    """,
)


# The real model's parse: "Ruiz" is in no entity, "Ms" tells it is a person's name.
MS_RUIZ_TEXT = "Mr Hale met Ms Ruiz on Monday. She said the talks had gone well."
MS_RUIZ_TABLE = r"""
    0 Mr - NNP PROPN compound 1
    1 Hale - NNP PROPN nsubj 2 B-PERSON
    2 met meet VBD VERB ROOT 2
    3 Ms - NNP PROPN compound 4
    4 Ruiz - NNP PROPN dobj 2
    5 on - IN ADP prep 2
    6 Monday - NNP PROPN pobj 5 B-DATE
    7 . - . PUNCT punct 2
    8 She - PRP PRON nsubj 9
    9 said say VBD VERB ROOT 9
    10 the - DT DET det 11
    11 talks talk NNS NOUN nsubj 13
    12 had have VBD AUX aux 13
    13 gone go VBN VERB ccomp 9
    14 well - RB ADV advmod 13
    15 . - . PUNCT punct 9
    """
MS_RUIZ_UNTAGGED = parse(MS_RUIZ_TEXT, MS_RUIZ_TABLE)


# The same with a role word for the honorific, parsed alike: "Coach Ruiz" may be a team as well as a person.
COACH_RUIZ_UNTAGGED = parse(MS_RUIZ_TEXT.replace("Ms", "Coach"), MS_RUIZ_TABLE.replace(" Ms ", " Coach "))
