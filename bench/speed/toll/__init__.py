"""The toll: spaCy 3.8.8 to 3.8.18 against 3.8.7, same model, same texts (``README.md`` here, for upstream).

``pipe_timer.py`` is standalone (the standard library and spaCy only): the
reproduction runs it in two environments (``repro.sh``), and ``make bench``
runs it in the newest release's environment (``bench.speed.newest``).
"""
