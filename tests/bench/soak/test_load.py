"""``bench/soak/load.py``: the soak's requests, articles of words never seen before."""

from __future__ import annotations

import re

from bench.soak.load import WORDS_PER_REQUEST, article, made_up

WORD = re.compile(r"[a-z]{6,}", re.IGNORECASE)


def test_no_two_requests_share_a_made_up_word() -> None:
    seen: set[str] = set()
    for index in range(200):
        words = {w.lower() for w in WORD.findall(article(index))} - {"according", "spokesperson", "reporters", "called"}
        assert len(words) >= WORDS_PER_REQUEST - 1, article(index)
        assert not words & seen, index
        seen |= words


def test_a_made_up_word_spells_its_number_in_letters_only() -> None:
    assert made_up(0) != made_up(1) and made_up(0).isalpha()
    assert made_up(123_456, capital=True)[0].isupper()
