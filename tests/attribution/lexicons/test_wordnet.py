"""The WordNet word lists: how they are read (on a database of a few hand-written synsets) and what ships."""

from __future__ import annotations

from pathlib import Path

from service.attribution.lexicons import communication_verbs, depiction_nouns, person_nouns
from service.attribution.lexicons.wordnet import WordList, WordNet, british_spellings, write

# A few synsets in WordNet's own format: offset, lexicographer file, pos, word count (hex), words, pointers.
DATA_NOUN = """\
  1 This software and database is being provided to you, the LICENSEE, by
00000001 03 n 01 entity 0 000 | that which exists
00000002 03 n 01 person 0 001 @ 00000001 n 0000 | a human being
00000003 18 n 01 neighbor 0 001 @ 00000002 n 0000 | a person who lives near another
00000004 15 n 01 beginning 0 001 @ 00000001 n 0000 | the place where something begins
00000005 18 n 01 source 0 001 @ 00000002 n 0000 | a person who supplies information
00000006 18 n 01 organizer 0 001 @ 00000002 n 0000 | a person who organizes
"""
INDEX_NOUN = """\
  1 This software and database is being provided to you, the LICENSEE, by
neighbor n 1 1 @ 1 0 00000003
organizer n 1 1 @ 1 0 00000006
person n 1 1 @ 1 0 00000002
source n 2 1 @ 2 0 00000004 00000005
"""


LEXNAMES = "03\tnoun.Tops\t1\n15\tnoun.location\t1\n18\tnoun.person\t1\n"


def small_wordnet(folder: Path) -> WordNet:
    (folder / "lexnames").write_text(LEXNAMES, encoding="latin-1")
    (folder / "data.noun").write_text(DATA_NOUN, encoding="latin-1")
    (folder / "index.noun").write_text(INDEX_NOUN, encoding="latin-1")
    return WordNet.read(folder)


def test_a_list_holds_the_lemmas_whose_first_sense_is_below_its_root(tmp_path: Path) -> None:
    wordnet = small_wordnet(tmp_path)
    people = wordnet.first_senses_under(["00000002"])
    # "source" names a person only in its second sense: its first is a place.
    assert people == {"person", "neighbor", "neighbour", "organizer", "organiser"}


def test_excluded_roots_leave_their_hyponyms_out(tmp_path: Path) -> None:
    assert "neighbor" not in small_wordnet(tmp_path).first_senses_under(["00000002"], ["00000003"])


def test_a_list_by_file_holds_the_lemmas_whose_first_sense_was_filed_there(tmp_path: Path) -> None:
    # "source" was filed among the people only in its second sense.
    assert small_wordnet(tmp_path).first_senses_filed("noun.person") == {"neighbor", "neighbour", "organizer", "organiser"}


def test_british_spellings_follow_the_style_guides_rules() -> None:
    assert british_spellings("neighbor") == {"neighbour"}
    assert british_spellings("defenseman") == {"defenceman"}
    assert british_spellings("analyzer") == {"analyser"}
    assert british_spellings("nurse") == set()  # near miss: nothing American about it


def test_written_lists_say_where_they_come_from(tmp_path: Path) -> None:
    people = WordList("people", "nouns that name a person", roots=("00000002",))
    small_wordnet(tmp_path)
    [path] = write(tmp_path, tmp_path, [people])
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "# people: nouns that name a person."
    assert "Princeton University" in lines[2]
    assert [line for line in lines if not line.startswith("#")] == sorted(["neighbor", "neighbour", "organiser", "organizer", "person"])


def test_the_shipped_person_list_holds_people_by_their_first_sense() -> None:
    people = person_nouns()
    assert {"professor", "plumber", "spokeswoman", "official", "neighbour", "head teacher"} <= people
    # Near misses: a word whose first sense is no person, and page furniture.
    assert not {"source", "fan", "photo", "video", "statement"} & people


def test_the_shipped_communication_verbs_are_verbs_of_telling() -> None:
    verbs = communication_verbs()
    assert {"say", "comment", "discuss", "answer", "name"} <= verbs
    assert not {"resign", "vote", "act"} & verbs  # near misses: deeds, not words


def test_the_shipped_depiction_nouns_are_pictures_and_films() -> None:
    pictures = depiction_nouns()
    assert {"photo", "photograph", "picture", "video", "footage", "film", "movie", "map"} <= pictures
    # Near misses: documents and letters speak for their authors; people are no pictures.
    assert not {"report", "statement", "letter", "study", "poll", "person"} & pictures
