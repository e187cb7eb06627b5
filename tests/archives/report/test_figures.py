"""What each article says about its sources, and the figures of a scope (service/archives/report/figures.py)."""

from __future__ import annotations

import pytest

from service.archives.report.figures import TOP_ARTICLES, Figures, _median, read_article, share_bin
from service.archives.report.ledger import Ledger
from tests.archives.report.rows import article, source

OKAFOR = source("Maria Okafor", "person", 3, pronoun="she", title="harbour master", affiliation="Port of Tellbridge")
CAPTAIN = source("a ferry captain", "unnamed_person", 2, anonymous=True, reason="who asked not to be named", pronoun="he")
CREW = source("two crew members", "group", 1, anonymous=True)
COMPANY = source("Tellbridge Ferry Company", "organisation", 1)
REPORT = source("the safety report", "document", 1)
HE = source(None, None, 1)  # an unresolved pronoun


def test_an_article_is_read_into_its_sources_and_their_quotes() -> None:
    read = read_article(article("a1", OKAFOR, CAPTAIN, CREW, COMPANY, REPORT, HE, unattributed=1, outlet="Harbour Radio"), ("outlet",))
    assert read.kept == {"outlet": "Harbour Radio"}
    assert read.quotes == 10
    assert read.sources_by_kind == {"person": 1, "unnamed_person": 1, "group": 1, "organisation": 1, "document": 1, "unknown": 1}
    assert read.quotes_by_kind == {"person": 3, "unnamed_person": 2, "group": 1, "organisation": 1, "document": 1, "unknown": 1, "no speaker": 1}
    assert (read.unnamed_quotes, read.unnamed_quotes_without_reason) == (3, 1)
    assert [(u.description, u.reason) for u in read.unnamed] == [("a ferry captain", "who asked not to be named"), ("two crew members", None)]
    # Pronouns of people only: the crew is a group, the company no person.
    assert read.sources_by_pronoun == {"she": 1, "he": 1} and read.quotes_by_pronoun == {"she": 3, "he": 2}
    # The most quoted are named people and organisations, by canonical name.
    assert [(m.key, m.kind, m.quotes) for m in read.mentioned] == [("maria okafor", "person", 3), ("tellbridge ferry company", "organisation", 1)]


def test_a_failed_article_counts_only_as_not_analysed() -> None:
    figures = Figures()
    figures.add(read_article(article("a1", error="/problems/payload-too-large"), ()))
    assert (figures.articles, figures.analysed, figures.quotes, dict(figures.failed)) == (1, 0, 0, {"/problems/payload-too-large": 1})


def test_a_scope_sums_its_articles() -> None:
    figures = Figures()
    for row in (
        article("a1", OKAFOR, CAPTAIN),  # 2 of 5 on an unnamed source
        article("a2", CREW),  # all, with no reason
        article("a3"),  # no quotes: no share at all
        article("a4", OKAFOR, COMPANY),
    ):
        figures.add(read_article(row, ()))
    with Ledger() as ledger:
        summary = figures.summary(ledger, "", top=5)
    unnamed = summary["unnamed"]
    assert (unnamed["quotes"], unnamed["quotes_without_reason"], unnamed["sources"], unnamed["sources_without_reason"]) == (3, 1, 2, 1)
    assert unnamed["share_of_quotes"] == 0.3 and unnamed["share_of_quotes_without_reason"] == 0.1
    assert (unnamed["articles_with_any"], unnamed["articles_with_quotes"]) == (2, 3)
    assert unnamed["mean_share_per_article"] == round((2 / 5 + 1 + 0) / 3, 4)
    assert unnamed["articles_by_share"] == {"none": 1, "1–24%": 0, "25–49%": 1, "50–74%": 0, "75–99%": 0, "all": 1}
    assert [(entry["id"], entry["unnamed_quotes"]) for entry in unnamed["top_articles"]] == [("a1", 2), ("a2", 1)]
    assert unnamed["top_articles"][1]["unnamed_sources"] == [{"description": "two crew members", "reason": None}]
    per_article = summary["quotes_per_article"]
    assert (per_article["mean"], per_article["median"], per_article["max"]) == (2.5, 2.5, 5)
    assert per_article["distribution"] == {"0": 1, "1": 1, "4": 1, "5": 1}
    assert [row["articles"] for row in per_article["histogram"]] == [1, 1, 0, 2, 0, 0, 0, 0]
    assert summary["quotes"]["by_type"] == {"direct": 5, "mixed": 2, "indirect": 3}
    assert list(summary["sources"]["by_kind"]) == ["person", "unnamed_person", "group", "organisation", "document", "unknown"]


def test_the_articles_with_the_most_unnamed_quotes_are_kept_without_keeping_every_article() -> None:
    figures = Figures()
    for n in range(200):
        figures.add(read_article(article(f"a{n:03d}", source("an official", "unnamed_person", n % 7, anonymous=True), OKAFOR), ()))
    assert len(figures._top) == TOP_ARTICLES
    with Ledger() as ledger:
        top = figures.summary(ledger, "", 3)["unnamed"]["top_articles"]
    # Six quotes each on unnamed sources, the most any has; of equals, the first read come first.
    assert [entry["id"] for entry in top] == [f"a{n:03d}" for n in range(6, 200, 7)][:TOP_ARTICLES]


@pytest.mark.parametrize(("share", "label"), [(0.0, "none"), (0.01, "1–24%"), (0.25, "25–49%"), (0.5, "50–74%"), (0.99, "75–99%"), (1.0, "all")])
def test_a_share_falls_in_one_bin(share: float, label: str) -> None:
    assert share_bin(share) == label


@pytest.mark.parametrize(("counts", "median"), [({}, None), ({3: 1}, 3), ({1: 1, 4: 1}, 2.5), ({0: 2, 9: 1}, 0), ({2: 3, 5: 3}, 3.5)])
def test_the_median_is_read_from_the_distribution(counts: dict[int, int], median: float | None) -> None:
    from collections import Counter

    assert _median(Counter(counts)) == median
