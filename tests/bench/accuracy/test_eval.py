"""The evaluation (``python -m bench.accuracy``): every run scored, offline, on sets of our own laid out like ``../shared``.

A stand-in scorer that reports what it was asked checks that each run
reaches the scorer with its options and the engine's answers; the shared
scorer itself, when ``../shared`` is beside the project (as in CI), checks
the whole way to the tables.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bench import SHARED
from bench.accuracy.__main__ import main
from bench.accuracy.sets import RUNS
from tests.bench.accuracy.gold import gold_articles, shared_folder

# Reports its arguments and how many answers the --pred file held, as figures.
STAND_IN_SCORER = """
import json, sys
args = sys.argv[1:]
pred = args[args.index("--pred") + 1]
answers = [json.loads(line) for line in open(pred, encoding="utf-8")]
figures = {"documents": len(answers), "gold_quotes": 1, "quote_f1": 0.5, "failed_requests": 0, "args": args}
if "--by" in args:
    figures["by"] = {"one": dict(figures)}
print(json.dumps(figures))
"""


def test_without_the_shared_data_it_says_what_is_missing_and_measures_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--shared", str(tmp_path), "--offline"]) == 2
    assert "eval/score.py" in capsys.readouterr().err


@pytest.mark.model
def test_offline_every_run_reaches_the_scorer_with_its_options(tmp_path: Path) -> None:
    shared = shared_folder(tmp_path / "shared", STAND_IN_SCORER)
    recorded = tmp_path / "accuracy.md"
    assert (
        main(["--shared", str(shared), "--offline", "--cache", str(tmp_path / "cache"), "--record", str(recorded)]) == 0
    )
    figures = json.loads(recorded.with_suffix(".json").read_text(encoding="utf-8"))
    assert figures["meta"]["mode"] == "offline" and figures["meta"]["model"]["name"]
    assert list(figures["runs"]) == [run.name for run in RUNS]
    for run in RUNS:
        args = figures["runs"][run.name]["args"]
        assert args[0] == str(run.set.file(shared)), run.name
        assert args[1] == "--pred" and args[3:] == list(run.options), run.name
        assert figures["runs"][run.name]["documents"] == len(gold_articles())
    assert recorded.read_text(encoding="utf-8").startswith("<!-- Written by `python -m bench.accuracy --shared ")


@pytest.mark.model
@pytest.mark.skipif(not (SHARED / "eval" / "score.py").exists(), reason="the shared scorer is not beside the project")
def test_offline_with_the_shared_scorer_the_tables_hold_every_run(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    shared = shared_folder(tmp_path / "shared")
    (shared / "eval").mkdir()
    (shared / "eval" / "score.py").symlink_to(SHARED / "eval" / "score.py")
    assert main(["--shared", str(shared), "--offline", "--cache", str(tmp_path / "cache")]) == 0
    printed = capsys.readouterr().out
    for run in RUNS:
        if run.pooled:
            assert f"| {run.name} | 3 (" in printed, run.name
    assert "| `harbor` | 1 (9 quotes) |" in printed and "| **all 3** | 3 (23 quotes) |" in printed
