"""The tools that measure the service: ``bench.py`` (speed and memory), ``soak.py``, ``eval.py``.

The scripts are run as files (``python bench/bench.py``); the modules beside
them are a package so that the scripts and the tests import them by one name
(``bench.stats``, ``bench.procfs``...). ``README.md`` gives each module's job.
"""

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
"""The project's checkout: where the corpus samples, ``service/`` and git are."""
