"""The WordNet word lists: how they are read (on a database of a few hand-written synsets) and what ships."""

from __future__ import annotations

from pathlib import Path

from service.attribution.lexicons import communication_verbs, depiction_nouns, person_nouns, place_adjectives, role_nouns
from service.attribution.lexicons.wordnet import WordList, WordNet, british_spellings, closed_compound, write

# A few synsets in WordNet's own format: offset, lexicographer file, pos, word count (hex), words, pointers.
DATA_NOUN = """\
  1 This software and database is being provided to you, the LICENSEE, by
00000001 03 n 01 entity 0 000 | that which exists
00000002 03 n 01 person 0 001 @ 00000001 n 0000 | a human being
00000003 18 n 01 neighbor 0 001 @ 00000002 n 0000 | a person who lives near another
00000004 15 n 01 beginning 0 001 @ 00000001 n 0000 | the place where something begins
00000005 18 n 01 source 0 001 @ 00000002 n 0000 | a person who supplies information
00000006 18 n 01 organizer 0 001 @ 00000002 n 0000 | a person who organizes
00000007 18 n 02 Ada_Rusk 0 rusk 0 001 @i 00000006 n 0000 | an organizer of dock unions
00000008 18 n 01 head_teacher 0 001 @ 00000002 n 0000 | the teacher in charge of a school
"""
INDEX_NOUN = """\
  1 This software and database is being provided to you, the LICENSEE, by
ada_rusk n 1 1 @i 1 0 00000007
head_teacher n 1 1 @ 1 0 00000008
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
    assert people == {"person", "neighbor", "neighbour", "organizer", "organiser", "ada rusk", "head teacher"}


def test_excluded_roots_leave_their_hyponyms_out(tmp_path: Path) -> None:
    assert "neighbor" not in small_wordnet(tmp_path).first_senses_under(["00000002"], ["00000003"])


def test_a_list_by_file_holds_the_lemmas_whose_first_sense_was_filed_there(tmp_path: Path) -> None:
    # "source" was filed among the people only in its second sense.
    assert small_wordnet(tmp_path).first_senses_filed("noun.person") == {
        "neighbor", "neighbour", "organizer", "organiser", "ada rusk", "head teacher"
    }


def test_a_list_of_kinds_leaves_out_named_instances(tmp_path: Path) -> None:
    kinds = small_wordnet(tmp_path).first_senses_under(["00000002"], kinds_only=True)
    assert "organizer" in kinds
    assert "ada rusk" not in kinds  # near miss: a named organizer is no kind of person


def test_a_two_word_lemma_is_also_written_closed() -> None:
    assert closed_compound("head teacher") == "headteacher"
    assert closed_compound("nurse") is None
    assert closed_compound("chief of staff") is None  # near miss: three words stay open


# Two adjectives: one of a place (it pertains to a noun.location synset), one of a party (a noun.group one).
DATA_ADJ = """\
  1 This software and database is being provided to you, the LICENSEE, by
00000101 01 a 01 Tellish 0 001 \\ 00000009 n 0101 | of or pertaining to Tellbridge
00000102 01 a 01 Dockist 0 001 \\ 00000010 n 0101 | relating to the Dockist Party
"""
INDEX_ADJ = """\
  1 This software and database is being provided to you, the LICENSEE, by
dockist a 1 1 \\ 1 0 00000102
tellish a 1 1 \\ 1 0 00000101
"""
DATA_NOUN_PLACES = """\
00000009 15 n 01 Tellbridge 0 000 | a town
00000010 14 n 01 Dockist_Party 0 000 | a party
"""


def test_adjectives_that_pertain_to_a_place_are_listed_and_those_of_a_party_are_not(tmp_path: Path) -> None:
    small_wordnet(tmp_path)
    (tmp_path / "lexnames").write_text(LEXNAMES + "00\tadj.all\t3\n01\tadj.pert\t3\n14\tnoun.group\t1\n", encoding="latin-1")
    with (tmp_path / "data.noun").open("a", encoding="latin-1") as nouns:
        nouns.write(DATA_NOUN_PLACES)
    (tmp_path / "data.adj").write_text(DATA_ADJ, encoding="latin-1")
    (tmp_path / "index.adj").write_text(INDEX_ADJ, encoding="latin-1")
    adjectives = WordNet.read(tmp_path, "adj")
    assert adjectives.first_senses_pertaining(["noun.location"], WordNet.read(tmp_path)) == {"tellish"}


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
    assert [line for line in lines if not line.startswith("#")] == sorted(
        ["neighbor", "neighbour", "organiser", "organizer", "person", "ada rusk", "head teacher"]
    )


def test_written_lists_of_roles_hold_kinds_with_their_closed_compounds(tmp_path: Path) -> None:
    roles = WordList("roles", "posts", roots=("00000002",), kinds_only=True, closed_compounds=True)
    small_wordnet(tmp_path)
    [path] = write(tmp_path, tmp_path, [roles])
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if not line.startswith("#")]
    assert {"head teacher", "headteacher", "organizer"} <= set(lines)
    assert "ada rusk" not in lines


def test_the_shipped_person_list_holds_people_by_their_first_sense() -> None:
    people = person_nouns()
    assert {"professor", "plumber", "spokeswoman", "official", "neighbour", "head teacher"} <= people
    # Near misses: a word whose first sense is no person, and page furniture.
    assert not {"source", "fan", "photo", "video", "statement"} & people


def test_the_shipped_communication_verbs_are_verbs_of_telling() -> None:
    verbs = communication_verbs()
    assert {"say", "comment", "discuss", "answer", "name"} <= verbs
    assert not {"resign", "vote", "act"} & verbs  # near misses: deeds, not words


def test_the_shipped_role_list_holds_occupations_and_posts() -> None:
    roles = role_nouns()
    assert {"headteacher", "treasurer", "striker", "economist", "plumber", "spokeswoman"} <= roles
    # Near misses: someone to someone else (a rival, a friend, kin), a winner of a prize, anyone at all.
    assert not {"opponent", "rival", "winner", "friend", "sister", "man", "person", "neighbour", "aaron copland"} & roles


def test_the_shipped_place_adjectives_are_of_countries_not_parties() -> None:
    places = place_adjectives()
    assert {"french", "american", "scottish", "russian", "australian", "european"} <= places
    assert not {"republican", "democratic", "conservative", "liberal"} & places


def test_the_shipped_depiction_nouns_are_pictures_and_films() -> None:
    pictures = depiction_nouns()
    assert {"photo", "photograph", "picture", "video", "footage", "film", "movie", "map"} <= pictures
    # Near misses: documents and letters speak for their authors; people are no pictures.
    assert not {"report", "statement", "letter", "study", "poll", "person"} & pictures
