"""Accuracy of the running service, measured by the shared scorer (``make eval``).

Runs ``../shared/eval/score.py`` against the service on every annotated set
in ``../shared/data``: the seeds, PolNeAR dev (quoted speech only, then all
attributions), the PolNeAR dev speaker table and the BBC dev set (direct and
mixed quotes, the only ones it annotates), and prints two tables: the quotes,
and the speaker tables (speakers found, their affiliations and titles). A service already answering at ``--url`` is used as it is; otherwise
one is started with gunicorn on a free loopback port and stopped afterwards.

    python bench/eval.py [--shared ../shared] [--url http://127.0.0.1:8000] [--json FILE]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

if __name__ == "__main__":
    # As in bench.py: the project's root in place of this script's folder.
    sys.path[0] = str(Path(__file__).resolve().parent.parent)

from service.web.server import ServerDidNotStart, is_ready, serving  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
RUNS: tuple[tuple[str, str, list[str]], ...] = (
    ("seeds", "data/seeds/gold.jsonl", []),
    ("PolNeAR dev, quoted", "data/polnear/dev.jsonl", ["--quoted"]),
    ("PolNeAR dev, all", "data/polnear/dev.jsonl", []),
    ("PolNeAR dev speaker table", "data/polnear/dev-speakers-gold.jsonl", []),
    ("BBC dev, direct and mixed", "data/bbc/dev.jsonl", ["--types", "direct,mixed"]),
)
# PolNeAR names speakers as written (often a pronoun) and marks no affiliations:
# these columns measure nothing there.
NOT_MEASURED = {"PolNeAR": {"canonical_name_accuracy", "affiliation_accuracy", "spurious_affiliations"}}
SPEAKER_COLUMNS = (
    ("speakers found", "speaker_recall"),
    ("affiliation", "affiliation_accuracy"),
    ("affil. wrong/given", "affiliation_wrong_or_spurious"),
    ("title", "title_accuracy"),
    ("title wrong", "title_wrong_or_spurious"),
)
"""The speaker table's figures, for the sets that have one (the seeds, the PolNeAR table, BBC)."""
COLUMNS = (
    ("quote P", "quote_precision"),
    ("quote R", "quote_recall"),
    ("quote F1", "quote_f1"),
    ("exact", "exact_span_share"),
    ("speaker", "speaker_accuracy"),
    ("canonical", "canonical_name_accuracy"),
    ("attrib. F1", "attribution_f1"),
    ("affil.", "affiliation_accuracy"),
    ("spur. affil.", "spurious_affiliations"),
)


@contextmanager
def service(url: str | None) -> Iterator[str]:
    """The URL of a ready service: the one given, if it answers, or one started here (``service.server.serving``)."""
    if url and is_ready(url):
        print(f"using the service already running at {url}", file=sys.stderr)
        yield url
        return
    try:
        with serving() as started:
            print(f"started gunicorn at {started.url}", file=sys.stderr)
            yield started.url
    except ServerDidNotStart as exc:
        raise SystemExit(f"the service did not start: {exc}") from None


def score(shared: Path, url: str, gold: str, flags: list[str]) -> dict[str, Any]:
    command = [sys.executable, str(shared / "eval" / "score.py"), str(shared / gold), "--url", f"{url}/v1/quotes", *flags]
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    if result.returncode != 0 and not result.stdout.strip():
        raise SystemExit(f"the scorer failed: {result.stderr.strip()[-500:]}")
    scored: dict[str, Any] = json.loads(result.stdout)
    return scored


def table(results: dict[str, dict[str, Any]]) -> str:
    def cell(value: Any) -> str:
        if value is None:
            return "—"
        return f"{value:.3f}" if isinstance(value, float) else str(value)

    header = "| data | " + " | ".join(name for name, _ in COLUMNS) + " |"
    rule = "|---" * (len(COLUMNS) + 1) + "|"
    def skipped(name: str, key: str) -> bool:
        return any(name.startswith(prefix) and key in keys for prefix, keys in NOT_MEASURED.items())

    rows = [
        f"| {name} | " + " | ".join("n/a" if skipped(name, key) else cell(result.get(key)) for _, key in COLUMNS) + " |"
        for name, result in results.items()
    ]
    tables = {name: result["speakers"] for name, result in results.items() if result.get("speakers")}
    speaker_header = "| speaker table | " + " | ".join(name for name, _ in SPEAKER_COLUMNS) + " |"
    speaker_rule = "|---" * (len(SPEAKER_COLUMNS) + 1) + "|"
    speaker_rows = [f"| {name} | " + " | ".join(_speaker_cell(table, key, cell) for _, key in SPEAKER_COLUMNS) + " |" for name, table in tables.items()]
    return "\n".join([header, rule, *rows, "", speaker_header, speaker_rule, *speaker_rows])


def _speaker_cell(table: dict[str, Any], key: str, cell: Any) -> str:
    if key == "affiliation_wrong_or_spurious":
        return f"{table.get(key)} / {table.get('affiliations_given')}"
    return str(cell(table.get(key)))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0] if __doc__ else None)
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--url", default="http://127.0.0.1:8000", help="a running service to use, if it answers")
    parser.add_argument("--json", type=Path, help="also write the scorer's full output here")
    args = parser.parse_args(argv)

    if not (args.shared / "eval" / "score.py").exists():
        print(
            f"make eval needs the shared scorer and annotated data at {args.shared} "
            "(eval/score.py, data/seeds, data/polnear, data/bbc); they are not there, so nothing was measured.",
            file=sys.stderr,
        )
        return 2
    with service(args.url) as url:
        results = {name: score(args.shared, url, gold, flags) for name, gold, flags in RUNS}
    print(table(results))
    for name, result in results.items():
        if result.get("failed_requests"):
            print(f"{name}: {result['failed_requests']} requests failed", file=sys.stderr)
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
