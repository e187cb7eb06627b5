"""The tools that measure the service, grouped by what they measure.

- ``bench.speed``: speed and memory, side by side with raw spaCy (``make bench``,
  ``python -m bench.speed``), and the archives' throughput
  (``python -m bench.speed.archives``);
- ``bench.soak``: a long run under load with ever-new words (``make soak``,
  ``python -m bench.soak``);
- ``bench.accuracy``: the shared scorer on every shared annotated set
  (``make eval``, ``python -m bench.accuracy``), the engine's answers for it
  (``python -m bench.accuracy.predict``), language identification on the
  shared data (``python -m bench.accuracy.languages``);
- ``bench.common``: what they share: the statistics, ``/proc``, the corpus,
  provenance, tables, progress and the result files.

Every tool runs as a module from the project's root (``python -m bench.X``);
the service is started by ``service.web.server.serving`` (the tests' harness
too). ``README.md`` gives each module's job; ``results/`` holds the latest
committed results.
"""

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
"""The project's checkout: where the corpus samples, ``service/`` and git are."""
SHARED = ROOT.parent / "shared"
"""The shared folder beside the project: the annotated data and the scorer (``../shared/README.md``)."""
RESULTS = Path(__file__).resolve().parent / "results"
"""The committed results the tools write with ``--record`` (``results/README.md``)."""
