"""Anonymous sources checked against the speaker tables: named people are never anonymous, unnamed ones always.

Reads a gold set and the engine's answers for it (``predict``) and lists,
for issue 19's two promises:

- every speaker a table calls a ``person`` whose name is a name (every
  word capitalised: "Ana Ruiz", not "A Defra spokesman", which BBC's table
  also calls a person) and whom the answer lists, by that name or another
  name of theirs, as anonymous: it should be empty;
- every speaker of the challenge suite's ``anonymous`` capability the answer
  finds, whether it is anonymous, and how many come with their reason.

    python -m bench.accuracy.sources GOLD PREDICTIONS [GOLD PREDICTIONS ...]
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ANONYMOUS_CAPABILITY = "anonymous"


@dataclass
class Check:
    """What the answers say of the tables' speakers."""

    named_anonymous: list[tuple[str, str]] = field(default_factory=list)
    """(article id, name) of a named person the answer calls anonymous."""
    unnamed: int = 0
    """Speakers of the ``anonymous`` capability the answer lists."""
    unnamed_not_anonymous: list[tuple[str, str]] = field(default_factory=list)
    with_reason: int = 0


def norm(name: str | None) -> str:
    """A name as the shared scorer compares names: lower case, letters and digits, no leading article."""
    words = re.sub(r"[^a-z0-9 ]", " ", (name or "").lower()).split()
    return " ".join(words[1:] if words[:1] in (["the"], ["a"], ["an"]) else words)


def is_a_name(name: str) -> bool:
    """ "Ana Ruiz", "Jo-Ann de Vries" are names; "A Defra spokesman" is a description."""
    words = [w for w in name.split() if w[:1].isalpha()]
    return bool(words) and all(w[0].isupper() or w in {"de", "da", "van", "von", "der", "la", "le", "bin", "al"} for w in words)


def check(gold: Iterable[Mapping[str, Any]], answers: Mapping[str, Mapping[str, Any]]) -> Check:
    """Each gold article's table against the answer for it (by id)."""
    found = Check()
    for article in gold:
        answer = answers.get(article["id"])
        if answer is None:
            continue
        listed = {norm(s["name"]): s for s in answer.get("speakers") or []}
        for speaker in article.get("speakers") or []:
            names = {norm(n) for n in [speaker["name"], *speaker.get("aliases", [])]}
            mine = next((listed[n] for n in names if n in listed), None)
            if mine is None:
                continue
            # Only by a name: "A New York judge", an alias of the judge named below, is a description the
            # engine may not have joined to the name (a miss of coreference, not of anonymity).
            by_name = [listed[n] for n in {norm(a) for a in [speaker["name"], *speaker.get("aliases", [])] if is_a_name(a)} if n in listed]
            if speaker.get("kind") == "person" and is_a_name(speaker["name"]) and any(s.get("anonymous") for s in by_name):
                found.named_anonymous.append((article["id"], speaker["name"]))
            if article.get("capability") == ANONYMOUS_CAPABILITY and speaker.get("kind") in ("unnamed_person", "group"):
                found.unnamed += 1
                found.with_reason += mine.get("anonymity") is not None
                if not mine.get("anonymous"):
                    found.unnamed_not_anonymous.append((article["id"], speaker["name"]))
    return found


def read_lines(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) % 2 or not args:
        print(__doc__.strip().splitlines()[-1].strip(), file=sys.stderr)
        return 2
    failed = False
    for gold, predicted in zip(args[::2], args[1::2]):
        found = check(read_lines(Path(gold)), {a["id"]: a for a in read_lines(Path(predicted))})
        print(
            f"{gold}: named people anonymous {len(found.named_anonymous)}; unnamed speakers found {found.unnamed}, "
            f"not anonymous {len(found.unnamed_not_anonymous)}, with a reason {found.with_reason}"
        )
        for article, name in found.named_anonymous + found.unnamed_not_anonymous:
            print(f"  {article}: {name}")
        failed |= bool(found.named_anonymous or found.unnamed_not_anonymous)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
