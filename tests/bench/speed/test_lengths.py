"""``bench/speed/lengths.py``: the length rows' block, and its copies."""

from __future__ import annotations

from bench.speed.lengths import copies_for, length_block


def test_the_length_rows_repeat_one_block() -> None:
    texts = ["a" * 900, "b" * 2000, "c" * 4800, "d" * 700]
    block = length_block(texts)
    assert block == "c" * 4800
    copies = copies_for(block, 100_000)
    assert abs(len("\n\n".join([block] * copies)) - 100_000) < len(block)


def test_short_texts_are_joined_into_a_block_of_about_5k() -> None:
    block = length_block(["one " * 200, "two " * 150])
    assert 4500 <= len(block) < 6000
    assert block.startswith("one ")
