"""The shared annotated sets the team measures on, and the scorer runs ``make eval`` makes over them.

Each set says which of the scorer's figures it cannot give: PolNeAR names a
speaker as written (often a pronoun) and marks no affiliations, GGT resolves
speakers but records no titles or affiliations. Those figures are printed
``n/a`` rather than as numbers that measure nothing. ``../shared/README.md``
describes each set.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

QUOTE_AFFILIATIONS = frozenset({"affiliation_accuracy", "spurious_affiliations"})
"""The quote table's affiliation figures."""
SPEAKER_TITLES_AND_AFFILIATIONS = frozenset(
    {"affiliation_accuracy", "affiliation_wrong_or_spurious", "title_accuracy", "title_wrong_or_spurious"}
)
"""The speaker table's title and affiliation figures."""


@dataclass(frozen=True)
class AnnotatedSet:
    """A JSON Lines file of annotated articles in ``../shared``, and the figures it cannot give."""

    name: str
    path: str
    """Inside the shared folder, e.g. ``data/bbc/dev.jsonl``."""
    quotes_not_measured: frozenset[str] = frozenset()
    """Keys of the scorer's quote figures this set does not annotate."""
    speakers_not_measured: frozenset[str] = frozenset()
    """Keys of the scorer's speaker-table figures this set does not annotate."""

    def file(self, shared: Path) -> Path:
        return shared / self.path


SEEDS = AnnotatedSet("seeds", "data/seeds/gold.jsonl")
POLNEAR_DEV = AnnotatedSet(
    "PolNeAR dev",
    "data/polnear/dev.jsonl",
    quotes_not_measured=frozenset({"canonical_name_accuracy"}) | QUOTE_AFFILIATIONS,
)
POLNEAR_TRAIN = AnnotatedSet(
    "PolNeAR train", "data/polnear/train.jsonl", quotes_not_measured=POLNEAR_DEV.quotes_not_measured
)
POLNEAR_SPEAKERS = AnnotatedSet(
    "PolNeAR dev speaker table",
    "data/polnear/dev-speakers-gold.jsonl",
    quotes_not_measured=POLNEAR_DEV.quotes_not_measured,
)
BBC_DEV = AnnotatedSet("BBC dev", "data/bbc/dev.jsonl")
GGT_DEV = AnnotatedSet(
    "GGT dev",
    "data/ggt/dev.jsonl",
    quotes_not_measured=QUOTE_AFFILIATIONS,
    speakers_not_measured=SPEAKER_TITLES_AND_AFFILIATIONS,
)
CHALLENGE = AnnotatedSet("challenge suite", "data/challenge/dev.jsonl")

ARTICLE_SETS = (SEEDS, POLNEAR_DEV, POLNEAR_TRAIN, BBC_DEV, GGT_DEV, CHALLENGE)
"""Every distinct set of articles (the speaker table's articles are PolNeAR dev's): what the language check reads."""


@dataclass(frozen=True)
class Run:
    """One run of the scorer: a set, with the scorer's options."""

    name: str
    set: AnnotatedSet
    flags: tuple[str, ...] = ()
    by: str | None = None
    """A field to score each group of articles by (``--by``), printed as a table of its own."""
    pooled: bool = True
    """Whether its overall figures sit in the table of the real-text sets (a synthetic suite's do not)."""

    @property
    def options(self) -> tuple[str, ...]:
        """The scorer's options for this run."""
        return (*self.flags, *(("--by", self.by) if self.by else ()))


RUNS = (
    Run("seeds", SEEDS),
    Run("PolNeAR dev, quoted", POLNEAR_DEV, ("--quoted",)),
    Run("PolNeAR dev, all attributions", POLNEAR_DEV),
    Run("PolNeAR dev speaker table", POLNEAR_SPEAKERS),
    # BBC annotates no reported speech.
    Run("BBC dev, direct and mixed", BBC_DEV, ("--types", "direct,mixed")),
    Run("GGT dev, all", GGT_DEV),
    Run("GGT dev, direct and mixed", GGT_DEV, ("--types", "direct,mixed")),
    # Synthetic: scored on its own, per capability, never pooled with the real-text sets (its README).
    Run("challenge suite", CHALLENGE, by="capability", pooled=False),
)
"""What ``make eval`` scores, in the order its tables print them."""
