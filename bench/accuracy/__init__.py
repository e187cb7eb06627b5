"""Accuracy on the shared annotated sets, measured by the shared scorer (``make eval``, ``python -m bench.accuracy``).

``sets`` names the sets and the scorer runs over them, ``predict`` writes the
engine's answers for the scorer without a server (``python -m
bench.accuracy.predict``), ``report`` draws the tables, ``__main__`` is the
recipe (through a running service, or in-process with ``--offline``).
``languages`` checks that no article of the shared sets would be refused as
not English, and what identifying the language costs (``python -m
bench.accuracy.languages``). The data stays in ``../shared``: it is read,
never copied.
"""
