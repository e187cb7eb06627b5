"""The files a run leaves: every figure as JSON (``--json``), and the committed record (``--record``).

A record is a pair: ``NAME.md``, the report as the tool printed it, and
``NAME.json`` beside it, its figures. ``bench/results/`` keeps the latest
record of each tool in git, so that the README links to figures a tool
wrote rather than to tables pasted by hand; a new run overwrites them, and
git keeps the earlier ones.
"""

from __future__ import annotations

import argparse
import json
import shlex
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any


def write_json(path: Path, figures: Any) -> None:
    """``figures`` as indented JSON, the folder made if need be."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(figures, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def command_line(prog: str, argv: Sequence[str] | None) -> str:
    """How a run was started (``prog`` as its parser names it, ``python -m bench.speed``), as one would type it."""
    return " ".join([prog, shlex.join(sys.argv[1:] if argv is None else argv)]).strip()


def markdown_path(value: str) -> Path:
    """``--record``'s value: a markdown file (its JSON goes beside it, with the same name)."""
    if not value.endswith(".md"):
        raise argparse.ArgumentTypeError(
            f"a record is a markdown file, FILE.md (its figures go to FILE.json): {value!r}"
        )
    return Path(value)


def add_output_options(parser: argparse.ArgumentParser, what: str) -> None:
    """``--json FILE`` and ``--record FILE.md``, the same in every tool."""
    parser.add_argument("--json", type=Path, metavar="FILE", help="write every figure of the run here")
    parser.add_argument(
        "--record",
        type=markdown_path,
        metavar="FILE.md",
        help=f"write {what} here and the figures beside it (FILE.json): the committed result, in bench/results/",
    )


def record(path: Path, markdown: str, figures: dict[str, Any], command: str) -> Path:
    """The report in ``path`` (``FILE.md``) under a line naming the ``command`` that wrote it, its figures beside it.

    Returns the figures' file, ``FILE.json``.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    header = f"<!-- Written by `{command}`: run it again rather than edit this file. -->\n\n"
    path.write_text(header + markdown.rstrip("\n") + "\n", encoding="utf-8")
    figures_path = path.with_suffix(".json")
    write_json(figures_path, figures)
    return figures_path


def write_outputs(
    args: argparse.Namespace,
    report: str,
    figures: dict[str, Any],
    command: str,
    committed: dict[str, Any] | None = None,
) -> None:
    """What ``add_output_options`` asked for: every figure to ``--json``; the report and ``committed`` (by default
    every figure) to ``--record``."""
    if args.json:
        write_json(args.json, figures)
    if args.record:
        record(args.record, report, figures if committed is None else committed, command)
        print(f"recorded in {args.record} and {args.record.with_suffix('.json')}", file=sys.stderr)
