"""Reading one description's words: which are the honorific, which the title, which the organisation.

"Tory leader" is title "leader" for "Tory"; "Acme’s chief executive" is "chief
executive" for "Acme"; "Mr" is a form of address; "former Spurs and England
defender" is "former defender" for "Spurs"; "Clinton campaign chairman" is
"chairman" for the "Clinton campaign". ``descriptions`` decides where a
description's words are; this module only reads them.

An affiliation has a rank (``Rank``): an organisation beats a person standing
for their office ("Putin’s adviser"), which beats a place or a nationality
("Russian President"): the weaker ones are kept only when nothing better is
said.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import Enum, IntEnum

from spacy.tokens import Doc, Token

from service.attribution.article import doc_text, per_doc
from service.attribution.lexicon import (
    APOSTROPHES,
    COMPANY_NOUNS,
    DETERMINER_DEPS,
    DISTRICT_NOUNS,
    HONORIFICS,
    NOT_TITLES,
    NOUN_POS,
    ORGANISATION_ENTITY_LABELS,
    ORGANISATION_NOUNS,
    PERSON_LABELS,
    PLACE_LABELS,
    PLURAL_NOUN_TAGS,
    PORTFOLIO_ROLES,
    PORTFOLIO_WORDS,
    POSSESSIVE_TAG,
    PRIZE_NAME_LINKS,
    PRIZE_NOUNS,
    ROLE_WORDS,
    PLACE_ENTITY_LABELS,
    SEAT_ROLES,
    STATE_OFFICES,
)
from service.attribution.glyphs import DOUBLE_MARKS, SINGLE_CLOSING, SINGLE_OPENING
from service.attribution.lexicons import place_adjectives
from service.attribution.results import Span
from service.attribution.nouns import is_definite, is_role_noun
from service.attribution.phrases import entity_span
from service.attribution.tagging import lemma

QUOTATION_MARKS = frozenset(DOUBLE_MARKS + SINGLE_OPENING + SINGLE_CLOSING)
"""Marks around a work's title: straight double marks too, never the straight apostrophe."""
LINKING_WORDS = frozenset("and or & of".split())
"""Words between two organisations in a title, dropped with them: "former Spurs and England defender"."""
NAME_LINKS = frozenset("and & for of".split())
"""Words inside an organisation's name: "Texas Parks and Wildlife Department"."""
FILLER_TAGS = frozenset({POSSESSIVE_TAG, "PRP$", "DT", "``", "''", "-LRB-", "-RRB-"})
ATTACHED_PUNCTUATION = frozenset(".-")
COMPARATIVE_TAGS = frozenset({"JJR", "JJS", "RBR", "RBS"})
"""A sentence's "Earlier" or "Best" is no party or nation."""
PAST_WORDS = frozenset("former ex ex- onetime erstwhile".split())
"""A title that was: its organisation is no longer the person's."""
LOWER_WORDS_KEY = "quotes.lower_words"
"""``doc.user_data`` key of the words the article writes in lower case."""
"""Punctuation that belongs to the word before it: "Lt." of "Lt. Gen.", "co-" of "co-founder"."""


class Source(str, Enum):
    """Where a description was read (``descriptions.DESCRIPTION_RULES``)."""

    NAME_PHRASE = "name_phrase"
    APPOSITION = "apposition"
    PARTY_NOTATION = "party_notation"
    NAME_PREPOSITION = "name_preposition"
    RELATIVE_CLAUSE = "relative_clause"
    PREDICATE = "predicate"
    ROLE = "role"
    TITLED_MENTION = "titled_mention"
    """A bare or definite title that stands for a person named just before: "Russian President pledged"."""
    ISSUER = "issuer"
    """Who issued a document that speaks: "a report by the Harbor Agency", "her statement"."""


class Rank(IntEnum):
    """How good an affiliation is: lower is better."""

    ORGANISATION = 0
    FORMER = 1
    """An organisation someone used to work for: "a former Obama administration official"."""
    OFFICE = 2
    """A person who owns the title, standing for their office: "Putin’s adviser"."""
    PLACE = 3
    """A place, a nationality or a party adjective: "Russian President", "Democratic nominee"."""


@dataclass(frozen=True, slots=True)
class Piece:
    """One thing a description says: its value, the words it was read from, the rule that read it."""

    text: str
    span: Span
    source: Source


@dataclass(frozen=True, slots=True)
class Description:
    """An honorific, a title and an affiliation, any of which may be unknown."""

    honorific: Piece | None = None
    title: Piece | None = None
    affiliation: Piece | None = None
    rank: Rank = Rank.ORGANISATION
    """The affiliation's rank."""

    def __bool__(self) -> bool:
        return bool(self.honorific or self.title or self.affiliation)


NOTHING = Description()


def text_of(tokens: Iterable[Token]) -> str:
    """The words in text order with ordinary spaces, a space wherever a word was left out between them."""
    ordered = sorted(tokens, key=lambda t: t.i)
    out = []
    for n, token in enumerate(ordered):
        out.append(token.text)
        if n + 1 < len(ordered):
            joined = ordered[n + 1].i == token.i + 1 and not token.whitespace_
            out.append("" if joined else " ")
    return " ".join("".join(out).split())


def piece(tokens: list[Token], source: Source) -> Piece:
    """A ``Piece`` of ``tokens``: their words, and the span from the first to the last."""
    ordered = sorted(tokens, key=lambda t: t.i)
    doc = ordered[0].doc
    return Piece(text_of(ordered), Span.of(doc_text(doc), ordered[0].idx, ordered[-1].idx + len(ordered[-1].text)), source)


def is_honorific(token: Token) -> bool:
    """"Mr", "Ms.", "Dr", "Sir": a form of address, neither title nor name; written with a capital.

    Near miss: the "lady" of "the first lady".
    """
    return token.lower_.rstrip(".") in HONORIFICS and not token.is_lower


def is_role_word(token: Token) -> bool:
    """A word of a title: a role noun ("spokesman", "Sen."), or what the role is for ("Justice Minister")."""
    return is_role_noun(token) or token.lower_.rstrip(".") in PORTFOLIO_WORDS


# --- organisations ----------------------------------------------------------------


def whole_name(words: list[Token]) -> list[Token]:
    """An organisation's name with the words the recogniser cut off: "Texas Parks [and Wildlife Department]".

    Capitalised words joined by "and", "for", "of" or "&" continue the name on
    either side ("the [Entertainment and] Leisure Software Publishers
    Association"), and so do a hyphen ("AFL[-CIO]") and the possessive mark of
    a plural ("Employers[' Association]", "[Nurses' and] Midwives' Guild").
    Near misses: "Acme and the union" stops at the lower-case word, "Acme's
    Tom Hale" at a singular's possessive.
    """
    doc = words[0].doc
    start, end = words[0].i, words[-1].i + 1
    while (joined := _joint_after(doc, end)) is not None:
        end = joined + 1
        while end < len(doc) and _capitalised(doc[end]) and not doc[end - 1].is_punct:
            end += 1
    while (joined := _joint_before(doc, start)) is not None:
        start = joined
        while start - 1 >= 0 and _capitalised(doc[start - 1]) and not doc[start - 1].is_sent_start:
            start -= 1
    return [doc[i] for i in range(start, end)]


def _joint_after(doc: Doc, end: int) -> int | None:
    """The next word of a name that ends before ``end``, across a link, a hyphen or a plural's possessive mark."""
    at = end
    if at < len(doc) and _plural_possessive(doc[at]):
        at += 1
    if at < len(doc) and (_links(doc[at]) or (at == end and _hyphen(doc[at]))):
        at += 1
    return at if end < at < len(doc) and _capitalised(doc[at]) else None


def _joint_before(doc: Doc, start: int) -> int | None:
    """The last word of a name's part before ``start``, across a link, a hyphen or a plural's possessive mark."""
    at = start - 1
    if at >= 0 and (_links(doc[at]) or _hyphen(doc[at])):
        at -= 1
    if at >= 1 and _plural_possessive(doc[at]):
        at -= 1
    return at if 0 <= at < start - 1 and _capitalised(doc[at]) else None


def is_possessive_mark(token: Token) -> bool:
    """ "'s" or a lone apostrophe after a plural ("Employers' Association")."""
    return token.tag_ == POSSESSIVE_TAG or token.text in APOSTROPHES


def _plural_possessive(mark: Token) -> bool:
    """The possessive mark of a plural, which may stand inside a name: "Midwives[']", "Fishermen['s]".

    A lone apostrophe after an "s" is one; "'s" only after a plural. Near
    miss: "Acme['s]" (a singular's: the name ends there).
    """
    if not is_possessive_mark(mark) or mark.i == 0:
        return False
    before = mark.doc[mark.i - 1]
    return (mark.text in APOSTROPHES and before.lower_.endswith("s")) or _plural(before)


def _plural(token: Token) -> bool:
    """A plural noun, regular or not: "Employers", "Fishermen" (its lemma is another word)."""
    return token.tag_ in PLURAL_NOUN_TAGS or (token.pos_ in NOUN_POS and lemma(token) != token.lower_ and token.is_alpha)


def _links(token: Token) -> bool:
    return token.lower_ in NAME_LINKS


def _hyphen(token: Token) -> bool:
    return token.text == "-" and not token.whitespace_ and token.i > 0 and not token.doc[token.i - 1].whitespace_


def _capitalised(token: Token) -> bool:
    """A word that can continue an organisation's name: capitalised, no role, and no other entity's
    ("Tellbridge and [Wales]" is a country, "[Ortiz] of Kestrel Bank" a person). The members an
    organisation is named after may be a role in the plural ("the [Nurses'] Guild")."""
    other_entity = token.ent_type_ and token.ent_type_ not in ORGANISATION_ENTITY_LABELS
    capital = token.is_alpha and (token.is_title or token.is_upper)
    role = is_role_word(token) and not _plural(token)
    return capital and token.pos_ in NOUN_POS | {"ADJ"} and not role and not other_entity


def organisation_words(token: Token) -> tuple[list[Token], Rank] | None:
    """The organisation or place named by the entity ``token`` belongs to, without a leading "the".

    Role nouns the recogniser counted at the end of an organisation belong to
    the title: "[Senate] Minority Leader". What a post is for stays with the
    organisation ("[Ministry of Coastal Affairs] adviser"), and so does a role
    noun a linking word joins to it ("Department of Justice").
    """
    if not token.ent_type_ or token.ent_type_ in PERSON_LABELS or _is_portfolio(token):
        return None
    words = [t for n, t in enumerate(entity_span(token)) if not (n == 0 and t.lower_ == "the")]
    while len(words) > 1 and (is_possessive_mark(words[-1]) or (is_role_noun(words[-1]) and words[-2].lower_ not in NAME_LINKS)):
        words = words[:-1]
    words = [t for t in words if not (is_possessive_mark(t) and not _plural_possessive(t))]
    if token.i not in {t.i for t in words} or names_a_prize(words):
        return None
    if token.ent_type_ in ORGANISATION_ENTITY_LABELS:
        return whole_name(words), Rank.ORGANISATION
    if token.ent_type_ in PLACE_LABELS:
        return words, Rank.PLACE
    return None


def _is_portfolio(token: Token) -> bool:
    """ "State" of "secretary of State", "Justice" of "Justice Minister": a portfolio the recogniser took for an organisation.

    A portfolio word alone in its entity, after "of" or before a role noun
    that holds a portfolio (``PORTFOLIO_ROLES``), is what the post is for:
    part of the title. Near misses: "Labour MP", "a Treasury spokesman" (the
    party and the department speak through them).
    """
    doc = token.doc
    alone = entity_span(token).start == token.i and entity_span(token).end == token.i + 1
    if not alone or token.lower_ not in PORTFOLIO_WORDS:
        return False
    after_of = token.i > 0 and doc[token.i - 1].lower_ == "of"
    before_holder = token.i + 1 < len(doc) and _lower_role(doc[token.i + 1]) in PORTFOLIO_ROLES
    return after_of or before_holder


def names_a_prize(words: list[Token]) -> bool:
    """A name whose head is a prize noun: "the Erikson Prize for Excellence", "Nobel Peace Prize", "Medal of Honor".

    The head is the last word before the name's first "for", "of" or "in".
    A prize won is no employer. Near miss: "the Prize Foundation" (headed by
    a foundation, which awards it and employs people).
    """
    before = []
    for token in words:
        if token.lower_ in PRIZE_NAME_LINKS:
            break
        if token.is_alpha:
            before.append(token)
    return bool(before) and lemma(before[-1]) in PRIZE_NOUNS


def organisation_in(tokens: Iterable[Token], source: Source) -> Description:
    """The first organisation among ``tokens``, else the first place; nothing if neither.

    A person's name with an organisation noun is an organisation ("an adviser
    to [the Clinton campaign]"); a person's name alone stands for their office
    ("an adviser to Mr. Obama").
    """
    best: tuple[list[Token], Rank] | None = None
    for token in tokens:
        found = organisation_words(token) or _person_organisation(token) or _unlabelled_name(token) or _company_taken_up(token)
        if found is None or not found[0]:
            continue
        if found[1] is Rank.ORGANISATION:
            return Description(affiliation=piece(found[0], source), rank=Rank.ORGANISATION)
        best = best or found
    return Description(affiliation=piece(best[0], source), rank=best[1]) if best else NOTHING


# --- a description's words ------------------------------------------------------------


def _unlabelled_name(token: Token) -> tuple[list[Token], Rank] | None:
    """A name the recogniser left untagged, after a preposition: "of the [Tellbridge Tigers]"."""
    if token.ent_type_ or token.pos_ != "PROPN" or token.dep_ != "pobj" or is_role_word(token):
        return None
    words = [t for t in token.subtree if t.pos_ == "PROPN" and t.i <= token.i and not t.ent_type_]
    if not words or not all(t.is_title or t.is_upper for t in words) or names_a_prize(words):
        return None
    # Hyphens inside the name stay: "Urban-Brookings Tax Policy Center".
    joined = [t for t in token.doc[words[0].i : words[-1].i + 1] if t.pos_ == "PROPN" or _hyphen(t)]
    return joined, Rank.ORGANISATION


def _company_taken_up(token: Token) -> tuple[list[Token], Rank] | None:
    """A definite company noun that takes up an organisation the article named: "a director of [the company]",
    "head of [the insurer]’s pensions division". The resolver puts the name in (``Resolver._named``).

    Near misses: "a director of a company" and "of the companies" take up no one.
    """
    if token.ent_type_ or token.pos_ != "NOUN" or token.tag_ in PLURAL_NOUN_TAGS or lemma(token) not in COMPANY_NOUNS:
        return None
    if not is_definite(token):
        return None
    return [token], Rank.ORGANISATION


def _person_organisation(token: Token) -> tuple[list[Token], Rank] | None:
    """ "the Clinton campaign" (an organisation) or "Mr. Obama" (an office), from a person's name in a phrase."""
    if token.ent_type_ not in PERSON_LABELS or token.ent_iob_ != "B":
        return None
    words = [t for t in entity_span(token) if t.tag_ != POSSESSIVE_TAG]
    after = token.doc[words[-1].i + 1] if words[-1].i + 1 < len(token.doc) else None
    if after is not None and after.tag_ == POSSESSIVE_TAG and after.i + 1 < len(token.doc):
        after = token.doc[after.i + 1]
    if after is not None and lemma(after) in ORGANISATION_NOUNS:
        return [*words, after], Rank.ORGANISATION
    return words, Rank.OFFICE


def read_phrase(words: list[Token], head: Token, source: Source) -> Description:
    """Honorific, title and organisation among the words of one description.

    "Tory leader" gives title "leader", affiliation "Tory"; "Acme’s chief
    executive" gives "chief executive" and "Acme"; "Mr" gives the honorific;
    "former Spurs and England defender" gives "former defender" and "Spurs".
    Near miss: "Chief Executive" is all title (both role words).
    """
    words = sorted({t.i: t for t in words}.values(), key=lambda t: t.i)
    possessives = {t.i for t in words if t.tag_ == POSSESSIVE_TAG}
    words = [t for t in words if not _is_filler(t)]
    skipped = seat_words(words, head) | quoted_title_words(words)
    words = [t for t in words if t.i not in skipped]
    honorific = next((t for t in words if is_honorific(t)), None)
    ranks: dict[int, Rank] = {}
    present = {t.i for t in words}
    for token in list(words):
        if token.i not in ranks and not is_honorific(token):
            found = organisation_words(token) or _owner_word(token, head)
            if found is not None:
                cut = _cut_before(words, found[0]) if found[1] is Rank.ORGANISATION else []
                words[:0] = cut
                present.update(t.i for t in cut)
                ranks.update((t.i, found[1]) for t in [*cut, *found[0]] if t.i in present or t.i == token.i)
    _portfolio_ending_a_name(words, ranks)
    _with_organisation_nouns(words, ranks)
    shared = _organisation_noun_before_role(words, head, ranks)
    title_words = [t for t in words if (t.i not in ranks or t.i in shared) and not is_honorific(t)]
    title_words = [t for t in title_words if not (t.lower_ in LINKING_WORDS and {t.i - 1, t.i + 1} & set(ranks))]
    title = piece(_with_possessive_marks(title_words, possessives), source) if _names_a_role(title_words) else None
    runs = _runs([t for t in words if t.i in ranks], ranks)
    if any(t.lower_ in PAST_WORDS for t in title_words):
        runs = [(run, max(rank, Rank.FORMER)) for run, rank in runs]
    best = min(runs, key=lambda run: run[1], default=None)
    if best is not None and best[1] is Rank.PLACE and only_where_from(best[0], head):
        best = None
    return Description(
        piece([honorific], source) if honorific else None,
        title,
        piece(best[0], source) if best else None,
        best[1] if best else Rank.ORGANISATION,
    )


def quoted_title_words(words: list[Token]) -> set[int]:
    """Words inside quotation marks before a role: a work's title, "[“Harbour Lights”] creator".

    Neither the title nor an organisation: a show or a book employs no one.
    Read in ``read_phrase`` with the seats, before the organisations. Near
    miss: "Harbour Lights creator" (no marks: an owner word, as "Arsenal boss").
    """
    found: set[int] = set()
    for token in words:
        doc = token.doc
        start, end = token.i, token.i
        while start > 0 and doc[start - 1].is_alpha and not doc[start - 1].is_lower:
            start -= 1
        while end + 1 < len(doc) and doc[end + 1].is_alpha and not doc[end + 1].is_lower:
            end += 1
        opened = start > 0 and _quotation_mark(doc[start - 1])
        closed = end + 1 < len(doc) and _quotation_mark(doc[end + 1])
        if opened and closed and token.is_alpha and not token.is_lower:
            found.add(token.i)
    return found


def _quotation_mark(token: Token) -> bool:
    """A double quotation mark, or a single opening or closing one (not an apostrophe's straight mark)."""
    return len(token.text) == 1 and token.text in QUOTATION_MARKS


def _with_possessive_marks(title_words: list[Token], possessives: set[int]) -> list[Token]:
    """A title's words with the possessive marks between them: "the world['s] largest maker".

    Near miss: "Acme’s chief executive" (the owner is not in the title, nor its mark).
    """
    kept = {t.i for t in title_words}
    if not title_words:
        return title_words
    doc = title_words[0].doc
    marks = [doc[i] for i in possessives if i - 1 in kept and i + 1 in kept | possessives and any(j > i for j in kept)]
    return sorted([*title_words, *marks], key=lambda t: t.i)


def _cut_before(words: list[Token], organisation: list[Token]) -> list[Token]:
    """The start of an organisation's name that the parse left before a description's words.

    "Department for Rural Transport deputy minister Ann Roe" may parse as
    "Department for [Rural Transport deputy minister Ann Roe]": the
    description's words start at "Rural", its organisation at "Department".
    Stands first in ``read_phrase``, before the title is told from the rest.
    Near miss: in "Acme chief executive Ann Roe" the organisation starts
    where the description does, and nothing is added.
    """
    first = words[0].i
    doc = words[0].doc
    start = min((t.i for t in organisation), default=first)
    before = whole_name(organisation)[0].i if organisation else first
    return [doc[i] for i in range(min(start, before), first)]


def only_where_from(words: list[Token], head: Token) -> bool:
    """A nationality or a place before an occupation: where someone is from, not whom they work for.

    "US historian", "French sculptor", "Leeds plumber" have no affiliation;
    read after the organisations in ``read_phrase``. Near misses: "Russian
    President" (a post held for the state, ``STATE_OFFICES``) and "Republican
    senator" (a party: its adjective pertains to no place).
    """
    if _lower_role(head) in STATE_OFFICES or lemma(head) in STATE_OFFICES:
        return False
    return names_a_place(words)


def names_a_place(words: Iterable[Token]) -> bool:
    """Words that name a place or a nationality: "US", "Leeds", "French" (``lexicons.place_adjectives``).

    Near miss: "Liberal Democrats", "Republican" (a party, which NORP also tags).
    """
    named = [t for t in words if t.is_alpha]
    return bool(named) and all(t.ent_type_ in PLACE_ENTITY_LABELS or t.lower_ in place_adjectives() for t in named)


def _is_filler(token: Token) -> bool:
    """Words of a description that say nothing: loose punctuation, "’s", "the", "his"."""
    if token.is_punct and token.text in ATTACHED_PUNCTUATION and token.i > 0 and not token.doc[token.i - 1].whitespace_:
        return False
    return token.is_punct or token.is_space or token.tag_ in FILLER_TAGS or token.dep_ in DETERMINER_DEPS


def _owner_word(token: Token, head: Token) -> tuple[list[Token], Rank] | None:
    """A capitalised word before a role that is no role word itself: "Arsenal boss", "Clinton spokesman".

    A proper noun is an organisation (a person's name, their office); a
    capitalised adjective a party or a nationality ("Democratic nominee"),
    weaker than either. Near miss: "Chief Executive" and "Former minister"
    (role words, whatever their case).
    """
    if token.i == head.i or not token.is_alpha or _capitalised_only_here(token):
        return None
    if is_role_word(token) and not (_is_party_of_a_seat(token, head)):
        return None
    if token.pos_ == "PROPN" and not names_a_prize(list(entity_span(token)) if token.ent_type_ else [token]):
        return [token], Rank.OFFICE if token.ent_type_ in PERSON_LABELS else Rank.ORGANISATION
    if token.pos_ == "ADJ" and token.is_title and token.tag_ not in COMPARATIVE_TAGS:
        return [token], Rank.PLACE
    return None


def _is_party_of_a_seat(token: Token, head: Token) -> bool:
    """A capitalised portfolio word before an elected post is the party: "Labour MP", "Labor senator".

    A seat holds no portfolio. Near miss: "Labour minister" (a minister's
    portfolio may be labour) and "Health spokesman".
    """
    return token.is_title and not is_role_noun(token) and _lower_role(head) in SEAT_ROLES


def seat_words(words: list[Token], head: Token) -> set[int]:
    """The words that name an elected post's seat before it: "[Moorside ward] councillor", "[Eastfield] ward councillor".

    A district noun right before a post that holds a seat, with the words
    before it in the same run. Read in ``read_phrase`` before the
    organisations; neither title nor affiliation. Near miss: "Thornton Borough
    Council cabinet member" (no seat, no district noun before the post).
    """
    if _lower_role(head) not in SEAT_ROLES:
        return set()
    at = next((n for n, t in enumerate(words) if t.i == head.i), None)
    if at is None:
        return set()
    end = at
    while end > 0 and is_role_noun(words[end - 1]) and words[end - 1].lower_ not in DISTRICT_NOUNS:
        end -= 1
    if end == 0 or words[end - 1].lower_ not in DISTRICT_NOUNS:
        return set()
    start = end - 1
    while start > 0 and _next_to(words[start - 1], words[start]) and words[start - 1].is_title and not is_role_word(words[start - 1]):
        start -= 1
    return {t.i for t in words[start:end]}


def _capitalised_only_here(token: Token) -> bool:
    """A sentence's first word that the article writes in lower case elsewhere: "Rock star" of "people in rock"."""
    if not token.is_sent_start or token.ent_type_:
        return False
    return token.lower_ in _lower_words(token.doc)


@per_doc(LOWER_WORDS_KEY)
def _lower_words(doc: Doc) -> set[str]:
    return {t.text for t in doc if t.is_lower}


def _portfolio_ending_a_name(words: list[Token], ranks: dict[int, Rank]) -> None:
    """A capitalised portfolio word right after an organisation's proper noun is part of its name: "Tarnwick Energy chairwoman".

    After the owner words are read, before organisation nouns. Near misses:
    "Justice Minister" has no organisation before the portfolio word, and in
    "Tory Health spokesman" the word before is a party, not a name.
    """
    for before, token in zip(words, words[1:]):
        owner = ranks.get(before.i) is Rank.ORGANISATION and before.pos_ == "PROPN" and before.ent_type_ not in PLACE_LABELS
        portfolio = token.lower_ in PORTFOLIO_WORDS and not is_role_noun(token) and token.pos_ == "PROPN" and token.is_title
        if owner and portfolio and token.i not in ranks and before.i + 1 == token.i:
            ranks[token.i] = Rank.ORGANISATION


def _with_organisation_nouns(words: list[Token], ranks: dict[int, Rank]) -> None:
    """A person's name followed by "campaign", "administration": that organisation ("Clinton campaign chairman")."""
    for n, token in enumerate(words[1:], 1):
        before = words[n - 1]
        if ranks.get(before.i) is Rank.OFFICE and token.i not in ranks and lemma(token) in ORGANISATION_NOUNS:
            for t in words[:n]:
                if ranks.get(t.i) is Rank.OFFICE:
                    ranks[t.i] = Rank.ORGANISATION
            ranks[token.i] = Rank.ORGANISATION


def _organisation_noun_before_role(words: list[Token], head: Token, ranks: dict[int, Rank]) -> set[int]:
    """An organisation noun before the role it is the organisation of: "the [committee] chairman".

    Its own modifiers go with it: "[Public accounts committee] chairman". The
    noun stays in the title too ("committee chairman", "police chief"), but
    not an owner ("the firm’s founder" is a founder); the indexes of such
    shared nouns are returned. A body of a named organisation stays in the
    title only (``_body_of``). Near miss: in "Chief Executive" no noun names
    an organisation.
    """
    shared: set[int] = set()
    for n, token in enumerate(words):
        if token.i == head.i or token.i in ranks or lemma(token) not in ORGANISATION_NOUNS or not is_role_word(head):
            continue
        if not any(is_role_word(t) for t in words[n + 1 :]):
            continue
        start = n
        while start > 0 and _next_to(words[start - 1], words[start]) and _lower_role(words[start - 1]) not in ROLE_WORDS:
            if _body_of(words[start - 1], words[start], ranks):
                break
            start -= 1
        if start > 0 and _body_of(words[start - 1], words[start], ranks):
            shared.update(t.i for t in words[start : n + 1])  # "Harbour Council [planning committee] member"
            continue
        for t in words[start : n + 1]:
            ranks[t.i] = Rank.ORGANISATION
        if token.dep_ != "poss":
            shared.add(token.i)  # "the firm’s founder" is the founder, of the firm
    return shared


def _body_of(before: Token, token: Token, ranks: dict[int, Rank]) -> bool:
    """A lower-case word (an organisation noun or its modifier) after an organisation's name that ends in
    an organisation noun: "Harbour Council [cabinet] member", "Harbour Council [planning] committee member".

    The cabinet is a body of the council, which is the affiliation; the noun
    is the title's. Near misses: "Notts police chief", "the Trump campaign
    spokesman" (the noun completes the name before it: "Notts police").
    """
    named = ranks.get(before.i) is Rank.ORGANISATION and lemma(before) in ORGANISATION_NOUNS | COMPANY_NOUNS
    return named and token.is_lower and _next_to(before, token)


def _next_to(left: Token, right: Token) -> bool:
    """Whether only punctuation stands between two words: "Tulsa, Okla., police"."""
    return all(token.is_punct for token in left.doc[left.i + 1 : right.i])


def _lower_role(token: Token) -> str:
    return token.lower_.rstrip(".")


def _runs(tokens: list[Token], ranks: dict[int, Rank]) -> list[tuple[list[Token], Rank]]:
    """Adjacent words as one run each, in order, ranked by their best word.

    A place before an organisation's name is part of it ("UK Online",
    "Virginia AFL-CIO"); a party adjective is not ("Senate Republican" gives
    the Senate).
    """
    runs: list[tuple[list[Token], Rank]] = []
    for token in tokens:
        rank = ranks[token.i]
        last = runs[-1] if runs else None
        if last is not None and token.ent_type_ != "NORP" and last[0][-1].ent_type_ != "NORP":
            if _next_to(last[0][-1], token):
                marks = [t for t in token.doc[last[0][-1].i + 1 : token.i] if _plural_possessive(t) or _name_mark(t, token)]
                runs[-1] = ([*last[0], *marks, token], min(last[1], rank))
                continue
            joint = _name_joint(last[0][-1], token, ranks)
            if joint is not None:
                runs[-1] = ([*last[0], *joint, token], min(last[1], rank))
                continue
        runs.append(([token], rank))
    return runs


def _name_mark(mark: Token, right: Token) -> bool:
    """A mark inside one organisation's name, between two of its words: "Hartley [&] Finch", "Marsh[,] Lowe & Cole".

    The recogniser's entity runs across it. Near miss: "Spurs, England defender"
    (the comma ends one name; the next begins an entity of its own).
    """
    return mark.ent_iob_ == "I" and right.ent_iob_ == "I" and mark.ent_type_ == right.ent_type_ and not mark.is_space


def _name_joint(left: Token, right: Token, ranks: dict[int, Rank]) -> list[Token] | None:
    """The words that join two parts of one organisation's name in a description: "Nurses[' and] Midwives[']
    Guild", "Fishermen['s] Mutual" (``whole_name``'s joints), or None.

    Near misses: "Spurs and England" (a country is no part of a club's name),
    "Acme's Tom Hale" (a singular's possessive).
    """
    if ranks.get(left.i) is not Rank.ORGANISATION or ranks.get(right.i) is not Rank.ORGANISATION:
        return None
    doc = left.doc
    if right.ent_iob_ == "I" and all(t.ent_iob_ == "I" for t in doc[left.i + 1 : right.i + 1]):
        return list(doc[left.i + 1 : right.i])  # one entity: "Fishermen's Mutual"
    joined = _joint_after(doc, left.i + 1)
    if joined is None:
        joined = left.i + 2 if left.i + 1 < right.i and _plural_possessive(doc[left.i + 1]) else None
    return list(doc[left.i + 1 : right.i]) if joined == right.i else None


def _names_a_role(words: list[Token]) -> bool:
    """Whether title words hold a noun that can be a post (not a kinship noun)."""
    nouns = [t for t in words if t.pos_ in NOUN_POS or is_role_word(t)]
    return bool(nouns) and lemma(nouns[-1]) not in NOT_TITLES


def merge(first: Description, second: Description) -> Description:
    """What two descriptions say together: the first's honorific and title, the better affiliation."""
    affiliation, rank = first.affiliation, first.rank
    if second.affiliation is not None and (affiliation is None or second.rank < rank):
        affiliation, rank = second.affiliation, second.rank
    return Description(first.honorific or second.honorific, first.title or second.title, affiliation, rank)
