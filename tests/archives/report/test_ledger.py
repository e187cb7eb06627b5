"""The people and organisations counted on disk (service/archives/report/ledger.py)."""

from __future__ import annotations

import pytest

from service.archives.report import ledger as ledger_module
from service.archives.report.ledger import Counted, Ledger, Mentioned


def mentioned(key: str, quotes: int, name: str | None = None, title: str | None = None, affiliation: str | None = None, kind: str = "person") -> Mentioned:
    return Mentioned(key, name or key.title(), kind, quotes, title, affiliation)


@pytest.mark.parametrize("flush_every", [1, 2, 1000])
def test_quotes_and_articles_are_counted_per_scope_whenever_they_are_written(monkeypatch: pytest.MonkeyPatch, flush_every: int) -> None:
    monkeypatch.setattr(ledger_module, "FLUSH_ARTICLES", flush_every)
    with Ledger() as ledger:
        ledger.add(["", "Post"], [mentioned("ana ruiz", 3, "Ana Ruiz", "mayor", "Tellbridge"), mentioned("tom hale", 1)])
        # The same source twice in one article (two spellings) is one article.
        ledger.add(["", "Radio"], [mentioned("ana ruiz", 1, "ANA RUIZ", "mayor"), mentioned("ana ruiz", 1, "Ana Ruiz", None, "Tellbridge Council")])
        ledger.add(["", "Radio"], [mentioned("tom hale", 4, title="spokesman"), mentioned("hale works", 2, kind="organisation")])
        whole = ledger.most_quoted("", 10)
        assert [(q.key, q.quotes, q.articles) for q in whole] == [("ana ruiz", 5, 2), ("tom hale", 5, 2), ("hale works", 2, 1)]
        ruiz = whole[0]
        assert ruiz.name == "Ana Ruiz" and ruiz.kind == "person"  # its most frequent spelling
        assert ruiz.titles == (Counted("mayor", 2),)
        assert ruiz.affiliations == (Counted("Tellbridge", 1), Counted("Tellbridge Council", 1))
        assert whole[2].kind == "organisation"
        assert [(q.key, q.quotes) for q in ledger.most_quoted("Radio", 2)] == [("tom hale", 4), ("ana ruiz", 2)]
        assert ledger.most_quoted("nowhere", 5) == []


def test_its_file_goes_when_it_is_closed() -> None:
    with Ledger() as ledger:
        folder = ledger._folder.name
        ledger.add([""], [mentioned("ana ruiz", 1)])
        assert ledger.most_quoted("", 1)
    import os

    assert not os.path.exists(folder)
