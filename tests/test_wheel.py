"""The wheel holds everything the service needs: built, installed in a fresh environment, it answers.

The wheel is built from this checkout (``pip wheel``, offline: no build
isolation) and installed with ``--no-deps --no-index`` into a new virtual
environment that reuses this one's installed dependencies (a ``.pth`` line,
which adds the folder without running the editable install's hook in it), so
that ``service`` can only come from the wheel. From a folder outside the
checkout, its ``quotes`` command then answers an HTML article (the engine's
learned lexicon, the door, the schemas), and its app serves the page and the
contract (the static files and the OpenAPI file); the Spark job runs from the
wheel too, as a cluster would run it.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.web.contract import SPEC_PATH

pytestmark = [pytest.mark.wheel, pytest.mark.model]

ROOT = Path(__file__).resolve().parent.parent
STEP_SECONDS = 600
ARTICLE = "<h1>Ferries return</h1><p>&ldquo;The boats run again on Friday,&rdquo; said Maria Okafor, the harbour master.</p>"


@dataclass(frozen=True)
class Installed:
    venv: Path
    python: Path
    package: Path
    """Where ``service`` was imported from in the new environment."""


def run(*command: str | Path, cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    done = subprocess.run([str(part) for part in command], cwd=cwd, env=env, capture_output=True, text=True, timeout=STEP_SECONDS)
    assert done.returncode == 0, f"{command}:\n{done.stdout[-2000:]}\n{done.stderr[-3000:]}"
    return done


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Installed]:
    folder = tmp_path_factory.mktemp("wheel")
    dist = folder / "dist"
    run(sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation", "-w", dist, ROOT, cwd=folder)
    [wheel] = dist.glob("quotes-*.whl")
    venv = folder / "venv"
    run(sys.executable, "-m", "venv", venv, cwd=folder)
    python = venv / "bin" / "python"
    site = Path(run(python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])", cwd=folder).stdout.strip())
    (site / "dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")
    run(python, "-m", "pip", "install", "--quiet", "--no-index", "--no-deps", wheel, cwd=folder)
    package = Path(run(python, "-c", "import service; print(service.__file__)", cwd=folder).stdout.strip()).parent
    yield Installed(venv, python, package)
    shutil.rmtree(folder, ignore_errors=True)


def test_the_wheel_holds_every_file_the_service_reads(installed: Installed) -> None:
    assert installed.package.is_relative_to(installed.venv), installed.package
    for name in ("web/static/index.html", "web/static/app.js", "web/static/app.css", "attribution/cue_frames.json"):
        assert (installed.package / name).is_file(), name
    served = installed.package / "web" / "openapi.yaml"
    assert not served.is_symlink() and served.read_bytes() == SPEC_PATH.read_bytes()


def test_the_installed_command_answers_an_html_article(installed: Installed, tmp_path: Path) -> None:
    story = tmp_path / "story.html"
    story.write_text(ARTICLE, encoding="utf-8")
    done = run(installed.venv / "bin" / "quotes", "extract", "--json", story, cwd=tmp_path)
    [quote] = json.loads(done.stdout)["quotes"]
    assert quote["text"] == "The boats run again on Friday," and quote["speaker"]["name"] == "Maria Okafor"
    assert ARTICLE[quote["source"]["start"] : quote["source"]["end"]] == "The boats run again on Friday,"


def test_the_installed_app_serves_the_page_and_the_contract(installed: Installed, tmp_path: Path) -> None:
    script = (
        "from service.web.app import create_app\n"
        "import spacy\n"
        "client = create_app(nlp=spacy.blank('en')).test_client()\n"
        "assert client.get('/').status_code == 200 and b'<html' in client.get('/').data\n"
        "print(len(client.get('/openapi.yaml').data))\n"
    )
    done = run(installed.python, "-c", script, cwd=tmp_path)
    assert int(done.stdout.split()[-1]) == len(SPEC_PATH.read_bytes())


@pytest.mark.spark
@pytest.mark.skipif(shutil.which("java") is None, reason="Spark needs Java 17 (CI installs it: .ci/run)")
def test_the_spark_job_runs_from_the_wheel(installed: Installed, tmp_path: Path) -> None:
    source = tmp_path / "articles.jsonl"
    source.write_text(json.dumps({"id": "page", "html": ARTICLE}) + "\n", encoding="utf-8")
    job = installed.package / "archives" / "spark_job.py"
    env = {**os.environ, "PYSPARK_PYTHON": str(installed.python), "SPARK_LOCAL_IP": "127.0.0.1"}
    spark_submit = Path(sys.executable).with_name("spark-submit")
    command = [spark_submit, "--master", "local[1]", "--conf", "spark.ui.enabled=false", job, source, tmp_path / "out.parquet"]
    done = run(*command, cwd=tmp_path, env=env)
    assert "spark_job: 1 articles" in done.stderr + done.stdout
    import pyarrow.parquet as pq

    [row] = pq.read_table(tmp_path / "out.parquet").to_pylist()
    assert row["error"] is None and row["quotes"][0]["speaker"]["name"] == "Maria Okafor"
