"""Learning cue frames from an annotated corpus, on hand-built parses."""

from __future__ import annotations

import json
from collections import Counter

from service.attribution.training import count_frames, cue_characters, dump, to_json
from tests.parses import parse

SAID_AND_FOUND = parse(
    "Ruiz said the pier was safe. Ruiz found the key.",
    """
    0 Ruiz Ruiz NNP PROPN nsubj 1 B-PERSON
    1 said say VBD VERB ROOT 1
    2 the - DT DET det 3
    3 pier - NN NOUN nsubj 4
    4 was be VBD AUX ccomp 1
    5 safe - JJ ADJ acomp 4
    6 . - . PUNCT punct 1
    7 Ruiz Ruiz NNP PROPN nsubj 8 B-PERSON
    8 found find VBD VERB ROOT 8
    9 the - DT DET det 10
    10 key - NN NOUN dobj 8
    11 . - . PUNCT punct 8
    """,
)

ARTICLE = {"text": SAID_AND_FOUND.text, "quotes": [{"cue_start": 5, "cue_end": 9}, {"cue_start": None}]}


def test_cue_characters_cover_every_annotated_cue() -> None:
    assert cue_characters(ARTICLE) == set(range(5, 9))


def test_count_frames_counts_each_verb_with_a_speaker_and_whether_it_was_a_cue() -> None:
    seen, cues = count_frames([(SAID_AND_FOUND, cue_characters(ARTICLE))])
    assert seen == Counter({("say", "ccomp"): 1, ("find", "dobj"): 1})
    assert cues == Counter({("say", "ccomp"): 1})


def test_to_json_keeps_frames_seen_often_enough_and_marked_at_least_once() -> None:
    seen = Counter({("say", "ccomp"): 10, ("find", "dobj"): 10, ("quip", "ccomp"): 2})
    cues = Counter({("say", "ccomp"): 9, ("quip", "ccomp"): 2})
    data = to_json(seen, cues, {"corpus": "x"})
    assert data == {"corpus": "x", "frames": {"say ccomp": [10, 9]}}


def test_dump_writes_one_frame_a_line_and_reads_back_the_same() -> None:
    data = {"corpus": "x", "articles": 1, "frames": {"say ccomp": [10, 9], "tell ccomp": [5, 4]}}
    text = dump(data)
    assert json.loads(text) == data
    assert '"say ccomp": [10, 9],\n' in text
