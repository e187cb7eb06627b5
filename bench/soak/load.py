"""The soak's load: short articles of words never seen before, sent by threads in this process.

Each request is a short article made of made-up names, nouns and verbs that
no other request uses, so a service that kept every string it ever saw would
grow request by request. ``Load`` hands requests out one at a time to its
threads until the count or the time is up; each answer records when it came,
its latency and what was wrong with it, if anything.
"""

from __future__ import annotations

import random
import threading
import time
from dataclasses import dataclass, field

import requests

REQUEST_TIMEOUT_SECONDS = 120

# Made-up words: syllables spelling a number, so that no two requests share a
# word. Letters only, so the tokenizer treats them as ordinary words.
ONSETS = ["b", "d", "f", "g", "k", "l", "m", "n", "p", "r", "s", "t", "v", "z", "br", "dr", "kl", "pr", "st", "tr"]
VOWELS = ["a", "e", "i", "o", "u"]
SYLLABLES = [onset + vowel for onset in ONSETS for vowel in VOWELS]  # 100
WORDS_PER_REQUEST = 11
TEMPLATES = [
    "“The {n0} will {v0} the {n1} by {m},” said {P0} {S0}, a spokesperson for {O0} {O1}. "
    "{P0} added that the {n2} had {v1} the {n3}.",
    "{P0} {S0}, the {n0} of {O0} {O1}, said: “We {v0} every {n1} and every {n2}.” "
    "According to {S0}, the {n3} {v1} in {m}.",
    "“Our {n0} is {v0},” {P0} {S0} told reporters. “No {n1} will {v1} the {n2} of {O0} {O1}.” "
    "She called the {n3} a {m}.",
]


def made_up(number: int, capital: bool = False) -> str:
    """A pronounceable word that spells ``number``: three syllables at least."""
    syllables = []
    for _ in range(3):
        number, digit = divmod(number, len(SYLLABLES))
        syllables.append(SYLLABLES[digit])
    while number:
        number, digit = divmod(number, len(SYLLABLES))
        syllables.append(SYLLABLES[digit])
    word = "".join(syllables)
    return word.capitalize() if capital else word


def article(index: int) -> str:
    """Request ``index``'s text: a short article of words no other request uses."""
    words = [index * WORDS_PER_REQUEST + k for k in range(WORDS_PER_REQUEST)]
    fill = {
        "n0": made_up(words[0]), "n1": made_up(words[1]), "n2": made_up(words[2]), "n3": made_up(words[3]),
        "v0": made_up(words[4]) + "s", "v1": made_up(words[5]) + "ed", "m": made_up(words[6]),
        "P0": made_up(words[7], capital=True), "S0": made_up(words[8], capital=True),
        "O0": made_up(words[9], capital=True), "O1": made_up(words[10], capital=True),
    }  # fmt: skip
    return random.Random(index).choice(TEMPLATES).format(**fill)


@dataclass
class Answer:
    index: int
    finished: float
    """Seconds since the run started."""
    latency_ms: float
    error: str | None = None


@dataclass
class Load:
    """Requests handed out one at a time to the threads, until the count or the time is up."""

    url: str
    total: int
    first_index: int
    stop_at: float
    started: float = field(default_factory=time.monotonic)
    answers: list[Answer] = field(default_factory=list)
    _next: int = 0
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def take(self) -> int | None:
        with self._lock:
            if self._next >= self.total or time.monotonic() >= self.stop_at:
                return None
            self._next += 1
            return self.first_index + self._next - 1

    def run(self, concurrency: int) -> None:
        threads = [threading.Thread(target=self._worker, name=f"client-{n}") for n in range(concurrency)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()

    def _worker(self) -> None:
        with requests.Session() as session:
            while (index := self.take()) is not None:
                answer = send(session, self.url, index, self.started)
                with self._lock:
                    self.answers.append(answer)


def send(session: requests.Session, url: str, index: int, started: float) -> Answer:
    """Send request ``index``; an error is anything but a 200 whose first quote is the text at its offsets."""
    text = article(index)
    began = time.monotonic()
    error = None
    try:
        response = session.post(f"{url}/v1/quotes", json={"text": text}, timeout=REQUEST_TIMEOUT_SECONDS)
        if response.status_code != 200:
            error = f"HTTP {response.status_code}: {response.text[:200]}"
        else:
            quotes = response.json()["quotes"]
            if not quotes:
                error = "no quote found"
            elif text[quotes[0]["start"] : quotes[0]["end"]] != quotes[0]["text"]:
                error = f"offsets {quotes[0]['start']}:{quotes[0]['end']} do not hold {quotes[0]['text']!r}"
    except (requests.RequestException, ValueError, KeyError) as exc:
        error = f"{type(exc).__name__}: {exc}"
    finished = time.monotonic()
    return Answer(index, finished - started, (finished - began) * 1000, error)
