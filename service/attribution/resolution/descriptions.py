"""Descriptions: what the article says a speaker is (title), for whom (affiliation), how it addresses them (honorific).

``describe`` looks around one mention of a speaker, its syntactic
neighbourhood, with the rules in ``DESCRIPTION_RULES``, in order:

1. ``name_phrase``: the words before the name in its own noun phrase, "Tory
   leader Michael Howard", "Mr Howard", "Sen. Ann Lee", "Acme's chief
   executive Jo Park" (spaCy often counts them inside the PERSON entity);
2. ``apposition``: "Daniel DePetris, a fellow at Defense Priorities",
   "Putin’s adviser, Yuri Ushakov", either side of the name;
3. ``organisation_apposition``: "- Rosa Kendrick, Westmark Police:";
4. ``name_preposition``: "Birgit Kuhlhoff, from Sal Oppenheim";
5. ``party_notation``: "Sen. Ann Lee (D-Ore.)", "Rep. Tom Ruiz, R-Texas";
6. ``relative_clause``: "Jo Park, who runs the Harbor Institute";
7. ``predicate``: "Park is the chief executive of Acme", "Park became manager of X";
8. ``role``: a speaker named by a role, "a U.S. State Department spokesperson";
9. ``group``: a group named by its party or nation, "many Democrats".

Each rule finds where a description's words are; ``titles.read_phrase`` tells
apart the honorific, the title and the organisation among them, each a
``Piece`` with the words it was read from and the rule that read it. Of what
the rules find, the first title and the best affiliation stand (``titles.merge``).
Nothing is better than something wrong: a kinship noun ("his sister") is no
title, and a prize won ("winner of the Erikson Prize") is no employer.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from spacy.tokens import Token

from service.attribution.article import doc_text, per_token
from service.attribution.glyphs import ALL_MARKS
from service.attribution.lexicon import (
    AFFILIATION_PREPOSITIONS,
    APOSTROPHES,
    APPOSITION_DEPS,
    SPEAKER_LABELS,
    COMPANY_NOUNS,
    DESCRIPTION_POS,
    DETERMINER_DEPS,
    DISTRICT_NOUNS,
    FULL_NAME_MIN_WORDS,
    HOLDING_VERBS,
    HONORIFICS,
    IN_ENTITY,
    LINKING_VERBS,
    MAX_NAME_APPOSITION_WORDS,
    NOT_TITLES,
    NOUN_POS,
    MAX_NAME_WORDS,
    ORGANISATION_LABELS,
    ORGANISATION_NAME_LABELS,
    ORGANISATION_NOUNS,
    PARTY_NOTATION,
    PASSIVE_SUBJECT_DEPS,
    PERSON_LABELS,
    PLACE_LABELS,
    PLURAL_NOUN_TAGS,
    PORTFOLIO_WORDS,
    POSSESSIVE_TAG,
    PREDICATE_COMPLEMENT_DEPS,
    RELATIVE_AFFILIATION_VERBS,
    RELATIVE_DEPS,
    SEAT_PREPOSITIONS,
    SEAT_ROLES,
    SUBJECT_DEPS,
    TITLE_MODIFIER_DEPS,
    VERB_POS,
)
from service.attribution.results import Span
from service.attribution.nouns import is_role_noun
from service.attribution.phrases import entity_span, name_tokens, titled_name_after
from service.attribution.tagging import lemma
from service.attribution.resolution.titles import (
    NOTHING,
    Description,
    is_honorific,
    is_role_word,
    merge,
    organisation_in,
    Piece,
    NAME_LINKS,
    names_a_place,
    piece,
    Rank,
    read_phrase,
    Source,
)

__all__ = ["describe", "describe_title"]

PARTY = re.compile(r"\s*[(,]\s*([" + "".join(PARTY_NOTATION) + r"])(?:\s*[-–]\s*([A-Z][A-Za-z.]*(?: [A-Z][A-Za-z.]*)?)\s*[),]?|\))")
"""The party notation right after a name: " (D-Ore.)", ", R-Texas,", " (D)"."""
NAME_LIKE_PUNCTUATION = frozenset("\"“”'‘’")
"""Marks around a nickname inside a name: Robert C. “Bobby” Scott."""


# --- a title noun and what hangs from it ---------------------------------------------


def _title_phrase(noun: Token, skip: frozenset[int]) -> list[Token]:
    """A title noun with its modifiers and owner ("Acme’s [chief] executive"), and "of" a portfolio ("Secretary of State")."""
    words = [noun]
    for child in noun.lefts:
        if child.i not in skip and (child.dep_ == "poss" or child.dep_ in TITLE_MODIFIER_DEPS):
            words.extend(t for t in child.subtree if t.i not in skip)
    portfolio = _portfolio_after(noun)
    if portfolio is not None:
        words.extend(portfolio)
    return words


def _portfolio_after(noun: Token) -> list[Token] | None:
    """ "of State", "of Defense": a portfolio after a role noun is part of the title."""
    for child in noun.rights:
        if child.dep_ == "prep" and child.lower_ == "of":
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if len(objects) == 1 and len(list(objects[0].subtree)) == 1 and objects[0].lower_ in PORTFOLIO_WORDS:
                return [child, objects[0]]
    return None


def _affiliation_after(noun: Token, source: Source) -> Description:
    """An organisation after a title: a preposition's object or a relative clause ("a fellow at X").

    "of" joins only a role noun to its organisation ("director of X"): a
    "winner of the Erikson Prize" works for no prize.
    """
    portfolio = {t.i for t in _portfolio_after(noun) or []}
    for child in noun.rights:
        if child.i in portfolio or (child.lower_ == "of" and not is_role_word(noun)) or _names_a_seat(noun, child):
            continue
        if child.dep_ == "prep" and child.lower_ in AFFILIATION_PREPOSITIONS:
            found = organisation_in(child.subtree, source)
            if found.affiliation:
                return found
        if child.dep_ in RELATIVE_DEPS:
            found = _clause_affiliation(child, source)
            if found.affiliation:
                return found
    return NOTHING


def _names_a_seat(noun: Token, preposition: Token) -> bool:
    """ "for Exeter" after "MP", "of Ohio" after "senator": the seat an elected post holds, not for whom.

    After "for" any name but a party's ("MP for Exeter", whatever the
    recogniser calls Exeter); after "of" only a place or a district ("of
    Eastfield ward"). Near misses: "a lawyer for Acme" (a lawyer holds no
    seat), "a councillor for the Green Party", "for the Democrats" and
    "councillor of the Labour Party" (a party: an organisation noun or NORP).
    """
    if noun.lower_.rstrip(".") not in SEAT_ROLES or preposition.lower_ not in SEAT_PREPOSITIONS:
        return False
    seat = next((c for c in preposition.children if c.dep_ == "pobj"), None)
    if seat is None or lemma(seat) in ORGANISATION_NOUNS or seat.ent_type_ == "NORP":
        return False
    return preposition.lower_ == "for" or seat.ent_type_ in PLACE_LABELS or seat.lower_ in DISTRICT_NOUNS


def _clause_affiliation(clause: Token, source: Source) -> Description:
    """The organisation a relative clause joins its noun to: "who runs X", "who works at X".

    The object of a verb of running or joining may be a person standing for
    their office ("who advises Mr Obama"); after a preposition only an
    organisation counts. Near miss: "who recorded the song with Ana Ruiz" (a
    person one did something with is no employer).
    """
    if lemma(clause) in RELATIVE_AFFILIATION_VERBS:
        objects = [c for c in clause.children if c.dep_ in ("dobj", "attr")]
        found = organisation_in((t for o in objects for t in o.subtree), source)
        if found.affiliation:
            return found
    for token in clause.subtree:
        if token.dep_ == "prep" and token.lower_ in AFFILIATION_PREPOSITIONS:
            found = organisation_in(token.subtree, source)
            if found.affiliation and found.rank is Rank.ORGANISATION:
                return found
    return NOTHING


def describe_title(noun: Token, source: Source = Source.TITLED_MENTION, skip: frozenset[int] = frozenset()) -> Description:
    """What a title phrase says: "Russian President" -> title "President", affiliation "Russian"."""
    phrase = read_phrase(_title_phrase(noun, skip), noun, source)
    # The organisation after the role ("editor of the Cook Political Report")
    # is its employer; one before it may be its beat ("House editor").
    after = _affiliation_after(noun, source)
    if after.affiliation and (phrase.affiliation is None or after.rank <= phrase.rank):
        phrase = Description(phrase.honorific, phrase.title, after.affiliation, after.rank)
    # "the former secretary of state and current Democratic presidential nominee"
    for conjunct in noun.children:
        if conjunct.dep_ == "conj" and _is_title_noun(conjunct) and is_role_word(conjunct):
            phrase = merge(phrase, describe_title(conjunct, source, skip))
    return phrase


def _is_title_noun(token: Token) -> bool:
    """A noun that can be a title beside a name: a common noun, or a proper noun that is a role word ("Ana
    Ruiz, Chairwoman"). Near miss: the place of a dateline the parser took for the name's head ("TROUT BROOK,
    N.B. — Kevin Vickers": no title "BROOK")."""
    if token.pos_ not in NOUN_POS or lemma(token) in NOT_TITLES or token.ent_type_ or _is_party_letter(token):
        return False
    return token.pos_ == "NOUN" or is_role_word(token) or token.is_lower


def _is_party_letter(token: Token) -> bool:
    """"D" of "(D-Ore.)", "S.C." of "(R-S.C.)": the parser takes them for an appositive noun."""
    text, first = doc_text(token.doc), token.left_edge
    opening = token.doc[first.i - 1].idx if first.i > 0 else first.idx  # the comma or bracket before "D-Conn."
    return (
        PARTY.match(text, max(token.idx - 3, 0)) is not None
        or PARTY.match(text, opening) is not None
        or token.text.rstrip(".") in PARTY_NOTATION
    )


def names_a_person(head: Token) -> bool:
    """A PERSON entity's word, or the last of two proper nouns the recogniser left untagged ("Coach Ana Ruiz"),
    or one after an honorific ("Ms Ruiz"), or a name it tagged an organisation after a role ("cabinet member Ana Ruiz")."""
    if head.ent_type_ in PERSON_LABELS or name_tagged_otherwise(head):
        return True
    if head.ent_type_ or head.tag_ != "NNP":
        return False
    words = name_tokens(head)
    before = head.doc[words[0].i - 1] if words[0].i > 0 else None
    addressed = before is not None and before.lower_.rstrip(".") in HONORIFICS and before.head.i == head.i
    return len(words) >= FULL_NAME_MIN_WORDS or addressed


def name_tagged_otherwise(head: Token) -> list[Token]:
    """The words of a person's name the recogniser tagged as an organisation: "cabinet member [Nadia Brannigan]".

    Two or three capitalised singular proper nouns, none an organisation
    noun or a role word, ending at ``head``, right after a role noun the
    parser hangs on them. Nothing otherwise. Near misses: "market leader Acme
    Foods" (a plural), "Harbour Council" (an organisation noun), "Former White
    House doctor" (no role noun before the name).
    """
    if head.ent_type_ not in ORGANISATION_LABELS or head.ent_iob_ not in IN_ENTITY:
        return []
    doc = head.doc
    name = list(entity_span(head))
    if not FULL_NAME_MIN_WORDS <= len(name) <= MAX_NAME_WORDS or name[-1].i != head.i or name[0].i == 0:
        return []
    if head.i + 1 < len(doc) and doc[head.i + 1].text == "." and not head.whitespace_:
        return []  # an abbreviation: "Navy Capt."
    for token in name:
        if token.tag_ != "NNP" or not token.is_alpha or not token.is_title or is_role_word(token):
            return []
        if lemma(token) in ORGANISATION_NOUNS | COMPANY_NOUNS:
            return []
    role = doc[name[0].i - 1]
    hung = role.dep_ == "compound" and name[0].i <= role.head.i <= head.i
    return name if hung and role.pos_ == "NOUN" and is_role_noun(role) else []


# --- the rules ---------------------------------------------------------------------


def name_phrase(head: Token) -> Description | None:
    """Words before a name in the same phrase: "Russian President Vladimir Putin", "Mr Howard".

    The words spaCy counts inside the PERSON entity and the modifiers the
    parser hangs on the name; another person's name before a role ("Putin
    adviser Yuri Ushakov") is an affiliation. Near misses: "Vladimir Putin"
    alone has no words before the name, and in Robert C. “Bobby” Scott the
    words before "Scott" are his name, not a description.
    """
    if not names_a_person(head):
        return None
    name = name_tagged_otherwise(head) or name_tokens(head)
    first = min(t.i for t in name)
    entity = list(entity_span(head)) if head.ent_iob_ in IN_ENTITY else [head]
    inside = _inside_description([t for t in entity if t.i < first])
    outside = [t for c in head.lefts if c.dep_ in TITLE_MODIFIER_DEPS | {"poss"} and c.i < first for t in c.subtree]
    words = _before_name_continuation(sorted({t.i: t for t in inside + outside}.values(), key=lambda t: t.i))
    if not words:
        words = _hung_elsewhere(name[0])
    if not words:
        return None
    words = _owner_before(words, name) + words
    described = read_phrase(words, words[-1], Source.NAME_PHRASE)
    if described.title is not None and not _holds_a_role(words):
        described = Description(described.honorific, None, described.affiliation, described.rank)
    return described or None


def _owner_before(words: list[Token], name: list[Token]) -> list[Token]:
    """The name right before a title that the parser made the head of the phrase: "said [Redcastle Wanderers]
    sporting director Fiona Varga" (``phrases.titled_name_after``), whose post it is.

    Near miss: "Ana Ruiz, sporting director Fiona Varga" (a comma between:
    someone else).
    """
    doc = words[0].doc
    before = words[0].i - 1
    if before < 0 or doc[before].ent_type_ not in SPEAKER_LABELS:
        return []
    owner = entity_span(doc[before])
    named = titled_name_after(owner.root)
    if owner.end != words[0].i or named is None or named.i not in {t.i for t in name}:
        return []
    if not all(t.pos_ == "PROPN" for t in owner):
        return []  # words the tagger took for others ("Wanderers" as a verb) would be read as the title's
    return list(owner)


def _hung_elsewhere(first: Token) -> list[Token]:
    """The description right before a name that the parser hung on another word: "Responding to Tom
    Hale, [Acme Foods finance director] Cyril Moreno said" (the role taken for Hale's appositive).

    The nouns, proper nouns and adjectives that run up to the name in its
    sentence, ending in a role noun next to it. Asked by ``name_phrase`` only
    where the parse gives the name no words of its own. Near misses: "Hale
    and Moreno" (no role noun before the name), "said Cyril Moreno".
    """
    doc = first.doc
    if first.i == 0 or not is_role_noun(doc[first.i - 1]) or doc[first.i - 1].pos_ not in NOUN_POS:
        return []
    start = first.i - 1
    while start > 0 and not doc[start].is_sent_start and doc[start - 1].pos_ in DESCRIPTION_POS and doc[start - 1].is_alpha:
        start -= 1
    return list(doc[start : first.i])


def _before_name_continuation(words: list[Token]) -> list[Token]:
    """``words`` without the name-like words that run on into the name: "Robert C. “Bobby” [Scott]"."""
    end = len(words)
    while end > 0 and _continues_name(words[end - 1]):
        end -= 1
    return words[:end]


def _continues_name(token: Token) -> bool:
    if token.text in NAME_LIKE_PUNCTUATION:
        return True
    return token.ent_type_ in PERSON_LABELS and token.pos_ == "PROPN" and not is_role_word(token) and not is_honorific(token)


def _holds_a_role(words: list[Token]) -> bool:
    """A title before a name needs a role word or a common noun: "Rock star", not "Charlie"."""
    return any(is_role_word(t) or (t.pos_ == "NOUN" and t.is_lower) for t in words)


def _inside_description(words: list[Token]) -> list[Token]:
    """The words before a name inside its PERSON entity that describe the person.

    "Conservative health spokesman Ann Reid" gives the first three; "Matt
    Lucas & David Walliams" gives nothing for Walliams: words before a
    conjunction or a comma are someone else's, and words without a role word
    or an honorific are no description.
    """
    cut = max((n + 1 for n, t in enumerate(words) if t.is_punct and t.text not in ".-" or t.pos_ == "CCONJ" or t.text == "&"), default=0)
    words = words[cut:]
    return words if any(is_role_word(t) or is_honorific(t) for t in words) else []


def apposition(head: Token) -> Description | None:
    """A title in apposition to the name, on either side of it.

    Matches "Daniel DePetris, a fellow at Defense Priorities", "Putin’s
    adviser, Yuri Ushakov" and "Jurgen den Hartog, one of the TNO
    researchers". Near misses: "Kim Yo Jong, Kim Jong Un’s sister" has a
    kinship noun, which is no title; "Scott (D-Va.)" and "Ann Lee, D-Conn.," are
    a party, not a title.
    """
    for child in head.children:
        if child.dep_ in APPOSITION_DEPS and not _said_after_a_colon(head, child):
            noun = _partitive(child) or child
            if _is_party_letter(noun):
                continue  # "Ann Lee, D-Conn.,": ``party_notation`` reads it
            if _is_title_noun(noun) and not _organisation_name_words(noun):
                return describe_title(noun, Source.APPOSITION) or None
            owned = _owned_role(noun)
            if owned is not None:
                return read_phrase(list(noun.subtree), owned, Source.APPOSITION) or None
            if noun.ent_type_ == "NORP":
                # "Charlie King, a New York Democrat": the party, not a post.
                return Description(affiliation=_norp_piece(noun, Source.APPOSITION), rank=Rank.PLACE)
            if lemma(noun) in NOT_TITLES:
                # "the man behind the Live-Shot website": no title, but for whom.
                return _affiliation_after(noun, Source.APPOSITION) or None
    if head.dep_ in APPOSITION_DEPS and _is_title_noun(head.head):
        return describe_title(head.head, Source.APPOSITION, frozenset(t.i for t in head.subtree)) or None
    return None


def _said_after_a_colon(head: Token, appositive: Token) -> bool:
    """An "appositive" after a colon or a quotation mark is what the person said, not who they are:
    "- Ade Moyo, Kelso Harriers: “A fair result.”"

    Near miss: "Ade Moyo, a steward at Kelso Harriers, said" (only commas between).
    """
    between = head.doc[head.i + 1 : appositive.left_edge.i]
    return any(t.text == ":" or (t.is_punct and t.text in ALL_MARKS) for t in between)


def _owned_role(noun: Token) -> Token | None:
    """The role noun that ends an appositive the parser headed by the organisation owning it:
    "Ann Roe, the Department of Water Resources' policy adviser" (head "Department").

    The appositive's last word, a role noun after a possessive mark inside
    it. Near miss: "Ann Roe, the Department's" (no role noun), "Ann Roe, an
    adviser" (headed by the role itself: ``apposition`` reads it as a title).
    """
    last = noun.right_edge
    if last.i == noun.i or not is_role_noun(last) or last.pos_ != "NOUN" or not noun.ent_type_:
        return None
    marks = [t for t in noun.doc[noun.i : last.i] if t.tag_ == POSSESSIVE_TAG or t.text in APOSTROPHES]
    return last if marks else None


def organisation_apposition(head: Token) -> Description | None:
    """An organisation's name alone in apposition to a person's: "- Rosa Kendrick, Westmark Police:".

    The affiliation, never a title: reaction lists and captions name people
    so ("Jo Park, Dock Street Trust: ..."). After ``apposition`` (which
    leaves such names alone), before ``name_preposition``. Near misses: "Jo
    Park, Ohio" (a place), "Jo Park, Chief Executive" (role words: a title),
    "Jo Park (Harbour Lights)" (in brackets: a work or a party, not an
    employer).
    """
    if not names_a_person(head):
        return None
    for child in head.children:
        if child.dep_ in APPOSITION_DEPS and not _said_after_a_colon(head, child):
            words = _organisation_name_words(child)
            if words:
                return Description(affiliation=piece(words, Source.APPOSITION))
    return None


def _organisation_name_words(noun: Token) -> list[Token]:
    """The words of an appositive that is a name and no post: "Westmark Police", "the Dockers' Guild".

    Capitalised words (joined by "and", "of", "&" or an apostrophe), none a
    role word; the appositive set off by a comma, its head no person, place,
    work or number. Nothing otherwise.
    """
    words = [t for t in noun.subtree if not (t.dep_ in DETERMINER_DEPS and t.i == noun.left_edge.i)]
    before = noun.doc[words[0].i - 1] if words and words[0].i > 0 else None
    if not words or before is None or before.text != "," or noun.ent_type_ not in ORGANISATION_NAME_LABELS:
        return []
    if noun.pos_ not in NOUN_POS or _is_party_letter(noun) or len(words) > MAX_NAME_APPOSITION_WORDS:
        return []
    for token in words:
        linking = token.lower_ in NAME_LINKS or token.tag_ == POSSESSIVE_TAG or token.text in APOSTROPHES
        capitalised = token.is_alpha and (token.is_title or token.is_upper) and not is_role_word(token)
        if not (linking or capitalised):
            return []
    return words


def _partitive(token: Token) -> Token | None:
    """The noun of "one of the TNO researchers": "researchers"."""
    if token.lower_ != "one":
        return None
    of = next((c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    return next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None


def name_preposition(head: Token) -> Description | None:
    """An organisation joined to a name by a preposition: "Birgit Kuhlhoff, from Sal Oppenheim", "Jo Park of Acme".

    Near misses: "Jo Park in Ohio" (a place after "in" says where, not for
    whom), and so does "Sen. Jo Park of Ohio" or "Jo Park, from Leeds": a
    place after a name is where someone is from or the seat they hold.
    """
    if not names_a_person(head):
        return None
    for child in head.rights:
        if child.dep_ == "prep" and child.lower_ in AFFILIATION_PREPOSITIONS:
            found = organisation_in(child.subtree, Source.NAME_PREPOSITION)
            if found.affiliation is not None and not _is_a_place(found.affiliation, head):
                return found
    return None


def _is_a_place(affiliation: Piece, head: Token) -> bool:
    """Whether an affiliation's words name a place or a nationality (``titles.names_a_place``)."""
    words = head.doc.char_span(affiliation.span.start, affiliation.span.end, alignment_mode="expand")
    return words is not None and names_a_place(words)


def party_notation(head: Token) -> Description | None:
    """The party letter after a legislator's name: "Sen. Ann Lee (D-Ore.)" is of the Democratic Party.

    Near miss: "Ann Lee (Oregon)" has no party letter.
    """
    if not names_a_person(head):
        return None
    doc = head.doc
    last = max(name_tokens(head), key=lambda t: t.i)
    found = PARTY.match(doc_text(doc), last.idx + len(last.text))
    if found is None:
        return None
    span = Span.of(doc_text(doc), found.start(1), found.end(2) if found.group(2) else found.end(1))
    return Description(affiliation=Piece(PARTY_NOTATION[found.group(1)], span, Source.PARTY_NOTATION))


def relative_clause(head: Token) -> Description | None:
    """What a relative clause says a person does and for whom: "Jo Park, who runs the Harbor Institute".

    Also "who is the chief of X", "who served as treasurer of X" (the post a
    clause gives its subject, ``_held_post``). Near misses: "Jo Park, who
    visited the Harbor Institute" says nothing of whom she works for (the verb
    is none of ``RELATIVE_AFFILIATION_VERBS``); "who was Ruiz's rival" names
    no post.
    """
    for clause in head.children:
        if clause.dep_ != "relcl":
            continue
        held = _held_post(clause, Source.RELATIVE_CLAUSE)
        if held is not None:
            return held
        found = _clause_affiliation(clause, Source.RELATIVE_CLAUSE)
        if found.affiliation:
            return found
    return None


def predicate(head: Token) -> Description | None:
    """The post a clause gives its subject: "Park is the chief executive of Acme", "Park became manager of
    Acme", "Park took over as chairman of Acme", "Park was named treasurer".

    The subject's other verbs count too ("served as director of X and is now
    president of Y"); of what they say, the present post wins. Near misses:
    "Park is tired" has no noun after "be", "Park is a household name" and
    "Park became a grandmother" no role noun.
    """
    if head.dep_ not in SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS:
        return None
    verb = head.head
    verbs = [verb, *(c for c in verb.children if c.dep_ == "conj" and c.pos_ in VERB_POS and not _own_subject(c))]
    said = [found for v in verbs if (found := _held_post(v, Source.PREDICATE)) is not None]
    return min(said, key=lambda found: found.rank if found.affiliation else Rank.PLACE, default=None)


def _own_subject(verb: Token) -> bool:
    return any(c.dep_ in SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS for c in verb.children)


def _held_post(verb: Token, source: Source) -> Description | None:
    """The post a clause says its subject holds, and for whom (``predicate``, ``relative_clause``).

    The role noun after a verb of being or becoming ("is", "became", "remains
    chief of X"), after a passive verb of naming ("was appointed treasurer"),
    or after "as" ("took over as chairman of X", "served as director",
    "joined Acme as treasurer", where the verb's object is the organisation).
    A post held in the simple past ("served as", "was") is a former one.
    Near miss: "became a grandmother", "worked as a team" (no role noun).
    """
    role = _role_after(verb)
    if role is None:
        return None
    described = describe_title(role, source)
    if described.affiliation is None and lemma(verb) in RELATIVE_AFFILIATION_VERBS:
        objects = [c for c in verb.children if c.dep_ == "dobj"]
        found = organisation_in((t for o in objects for t in o.subtree), source)
        described = merge(described, found)
    if described.affiliation is not None and verb.tag_ == "VBD" and lemma(verb) in HOLDING_VERBS:
        described = Description(described.honorific, described.title, described.affiliation, max(described.rank, Rank.FORMER))
    return described or None


def _role_after(verb: Token) -> Token | None:
    """The role noun a verb gives its subject: its complement after "be", "become", "remain" or a passive
    ("was named [chairman]"), or the object of its "as"."""
    passive = any(c.dep_ == "auxpass" for c in verb.children)
    for child in verb.children:
        if child.dep_ in PREDICATE_COMPLEMENT_DEPS and (lemma(verb) in LINKING_VERBS or passive):
            noun = child
        elif child.dep_ == "prep" and child.lower_ == "as":
            noun = next((c for c in child.children if c.dep_ == "pobj"), child)
        else:
            continue
        if _is_title_noun(noun) and is_role_word(noun):
            return noun
    return None


def _norp_piece(token: Token, source: Source) -> Piece:
    words = [t for t in entity_span(token) if t.ent_type_ == "NORP"]
    return Piece(" ".join(t.text for t in words), Span.of(doc_text(token.doc), words[0].idx, words[-1].idx + len(words[-1].text)), source)


def group(head: Token) -> Description | None:
    """A group named by its party or nation: "many Democrats", "the Europeans" are of it.

    Near misses: "many voters" names no party; "the Tories" is the party itself.
    """
    if head.ent_type_ != "NORP" or head.tag_ not in PLURAL_NOUN_TAGS:
        return None
    if any(c.dep_ == "det" and c.lower_ == "the" for c in head.children):
        return None  # "the Tories": the party itself speaks
    return Description(affiliation=_norp_piece(head, Source.ROLE), rank=Rank.PLACE)


def role(head: Token) -> Description | None:
    """A speaker named by a role: "a U.S. State Department spokesperson", "a fellow at X".

    Near misses: "experts" has no organisation and is its own name, not a title
    of someone else; "the Biden administration" is an organisation, not a post.
    """
    if head.ent_type_ or head.pos_ != "NOUN" or not _is_title_noun(head) or not is_role_word(head):
        return None
    described = describe_title(head, Source.ROLE)
    return described if described.affiliation is not None else None


DescriptionRule = Callable[[Token], Description | None]
DESCRIPTION_RULES: tuple[DescriptionRule, ...] = (
    name_phrase,
    apposition,
    organisation_apposition,
    name_preposition,
    party_notation,
    relative_clause,
    predicate,
    role,
    group,
)


DESCRIPTIONS_KEY = "quotes.descriptions"
"""``doc.user_data`` key of the descriptions already read, by token index."""


@per_token(DESCRIPTIONS_KEY)
def describe(head: Token) -> Description:
    """The honorific, title and affiliation the article gives next to this mention.

    A person's name is asked word by word: the parser may hang an appositive
    on any of them ("Jurgen den Hartog, one of the TNO researchers", where
    "den" was taken for a verb).
    """
    words = name_tokens(head) if head.ent_type_ in PERSON_LABELS else [head]
    described = NOTHING
    for rule in DESCRIPTION_RULES:
        for word in (head, *(w for w in words if w.i != head.i)):
            found = rule(word)
            if found is not None:
                described = merge(described, found)
                break
    return described
