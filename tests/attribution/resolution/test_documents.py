"""Documents that speak: the document is the speaker, its issuer the affiliation."""

from __future__ import annotations

from service.attribution.article import Article
from service.attribution.resolution.entities import Kind
from service.attribution.resolution.resolver import Resolver
from service.attribution.resolution.values import Basis
from tests.attribution.resolution.test_resolver import profile, resolved
from tests.parses import parse, word

# The possessor of a document is its issuer; "her" stands for the person named before.
HER_STATEMENT = parse(
    "Ana Ruiz resigned on Monday. “I was never asked,” her statement read.",
    """
    0 Ana Ana NNP PROPN compound 1 B-PERSON
    1 Ruiz Ruiz NNP PROPN nsubj 2 I-PERSON
    2 resigned resign VBD VERB ROOT 2
    3 on - IN ADP prep 2
    4 Monday Monday NNP PROPN pobj 3 B-DATE
    5 . - . PUNCT punct 2
    6 “ " `` PUNCT punct 15
    7 I I PRP PRON nsubjpass 10
    8 was be VBD AUX auxpass 10
    9 never - RB ADV neg 10
    10 asked ask VBN VERB ccomp 15
    11 , - , PUNCT punct 15
    12 ” " '' PUNCT punct 15
    13 her - PRP$ PRON poss 14
    14 statement - NN NOUN nsubj 15
    15 read - VBD VERB ROOT 15
    16 . - . PUNCT punct 15
    """,
)
# A statement right after an organisation spoke, in its paragraph: the organisation's.
FERRIES_THEN_A_STATEMENT = parse(
    "Harbour Ferries said it would cut 40 jobs. A statement said the crossings would continue.",
    """
    0 Harbour Harbour NNP PROPN compound 1 B-ORG
    1 Ferries Ferries NNP PROPN nsubj 2 I-ORG
    2 said say VBD VERB ROOT 2
    3 it - PRP PRON nsubj 5
    4 would - MD AUX aux 5
    5 cut - VB VERB ccomp 2
    6 40 - CD NUM nummod 7 B-CARDINAL
    7 jobs job NNS NOUN dobj 5
    8 . - . PUNCT punct 2
    9 A - DT DET det 10
    10 statement - NN NOUN nsubj 11
    11 said say VBD VERB ROOT 11
    12 the - DT DET det 13
    13 crossings crossing NNS NOUN nsubj 15
    14 would - MD AUX aux 15
    15 continue - VB VERB ccomp 11
    16 . - . PUNCT punct 11
    """,
)
# Near miss: a person who spoke before a report did not issue it.
RUIZ_THEN_THE_REPORT = parse(
    "Ana Ruiz said the pier was safe. The report said the crossings would continue.",
    """
    0 Ana Ana NNP PROPN compound 1 B-PERSON
    1 Ruiz Ruiz NNP PROPN nsubj 2 I-PERSON
    2 said say VBD VERB ROOT 2
    3 the - DT DET det 4
    4 pier - NN NOUN nsubj 5
    5 was be VBD AUX ccomp 2
    6 safe - JJ ADJ acomp 5
    7 . - . PUNCT punct 2
    8 The - DT DET det 9
    9 report - NN NOUN nsubj 10
    10 said say VBD VERB ROOT 10
    11 the - DT DET det 12
    12 crossings crossing NNS NOUN nsubj 14
    13 would - MD AUX aux 14
    14 continue - VB VERB ccomp 10
    15 . - . PUNCT punct 10
    """,
)
# A name compounded with the document names its issuer, and is no part of the document's name.
GAZETTE_POLL = parse(
    "A Tellbridge Gazette poll found that most islanders backed the pier.",
    """
    0 A - DT DET det 3
    1 Tellbridge Tellbridge NNP PROPN compound 2 B-ORG
    2 Gazette Gazette NNP PROPN compound 3 I-ORG
    3 poll - NN NOUN nsubj 4
    4 found find VBD VERB ROOT 4
    5 that - IN SCONJ mark 8
    6 most - JJS ADJ amod 7
    7 islanders islander NNS NOUN nsubj 8
    8 backed back VBD VERB ccomp 4
    9 the - DT DET det 10
    10 pier - NN NOUN dobj 8
    11 . - . PUNCT punct 4
    """,
)


def test_a_possessed_document_is_issued_by_whom_the_possessive_stands_for() -> None:
    doc = HER_STATEMENT
    resolver = Resolver(Article(doc))
    found = resolver.resolve(word(doc, "statement"))
    assert found.entity is not None and found.how is Basis.DOCUMENT
    assert (found.entity.name, found.entity.kind) == ("statement", Kind.DOCUMENT)
    assert profile(resolver, found.entity).affiliation == "Ana Ruiz"


def test_a_statement_after_an_organisation_spoke_is_the_organisations() -> None:
    doc = FERRIES_THEN_A_STATEMENT
    resolver = Resolver(Article(doc))
    resolved(resolver, word(doc, "Ferries"))
    statement, _ = resolved(resolver, word(doc, "statement"))
    assert profile(resolver, statement).affiliation == "Harbour Ferries"


def test_a_person_who_spoke_before_a_report_did_not_issue_it() -> None:
    doc = RUIZ_THEN_THE_REPORT
    resolver = Resolver(Article(doc))
    resolved(resolver, word(doc, "Ruiz"))
    report, _ = resolved(resolver, word(doc, "report"))
    assert (report.name, report.kind, profile(resolver, report).affiliation) == ("report", Kind.DOCUMENT, None)


def test_a_name_compounded_with_a_document_is_its_issuer() -> None:
    doc = GAZETTE_POLL
    resolver = Resolver(Article(doc))
    poll, _ = resolved(resolver, word(doc, "poll"))
    assert (poll.name, profile(resolver, poll).affiliation) == ("poll", "Tellbridge Gazette")


def test_two_issuers_statements_are_two_speakers() -> None:
    doc = FERRIES_THEN_A_STATEMENT
    resolver = Resolver(Article(doc))
    resolved(resolver, word(doc, "Ferries"))
    first, _ = resolved(resolver, word(doc, "statement"))
    other = resolver.known.entity("statement", Kind.DOCUMENT, "statement", qualifier="Tellbridge Council")
    assert other.id != first.id


# "His report": "his" stands for a person, as "he" would, never the organisation named since.
HIS_REPORT = parse(
    'Tom Hale met the board. Harbor Foods Inc. cut jobs. His report found that the pier lost money.',
    """
    0 Tom Tom NNP PROPN compound 1 B-PERSON
    1 Hale Hale NNP PROPN nsubj 2 I-PERSON
    2 met meet VBD VERB ROOT 2
    3 the - DT DET det 4
    4 board - NN NOUN dobj 2
    5 . - . PUNCT punct 2
    6 Harbor Harbor NNP PROPN compound 8 B-ORG
    7 Foods Foods NNP PROPN compound 8 I-ORG
    8 Inc. Inc. NNP PROPN nsubj 9 I-ORG
    9 cut - VBD VERB ROOT 9
    10 jobs job NNS NOUN dobj 9
    11 . - . PUNCT punct 9
    12 His - PRP$ PRON poss 13
    13 report - NN NOUN nsubj 14
    14 found find VBD VERB ROOT 14
    15 that - IN SCONJ mark 18
    16 the - DT DET det 17
    17 pier - NN NOUN nsubj 18
    18 lost lose VBD VERB ccomp 14
    19 money - NN NOUN dobj 18
    20 . - . PUNCT punct 14
    """,
)


def test_a_possessive_pronoun_is_resolved_as_its_pronoun() -> None:
    doc = HIS_REPORT
    resolver = Resolver(Article(doc))
    report, _ = resolved(resolver, word(doc, "report"))
    assert (report.kind, profile(resolver, report).affiliation) == (Kind.DOCUMENT, "Tom Hale")
