"""Speed and memory of the quotes service, measured side by side in one run (``make bench``, ``python -m bench.speed``).

One corpus, one run, one table; every number is a median over repetitions and
is read as a ratio to another number of the same run, because the machines
this runs on are shared and noisy. The rows, and the module that measures each:

1. raw spaCy, the full pipeline, ``nlp.pipe`` over the texts: the reference
   (``inprocess``);
2. the engine, ``QuoteExtractor.extract_many`` in-process on the same texts,
   and its time after the parse against the parse (``inprocess``);
3. the service under gunicorn on loopback, 1 and 2 workers, loaded from a
   separate process (``load``, with the plans of ``plans``): throughput and
   latency p50/p95/p99 at concurrency 1 and 4 (``serverload``);
4. ``/v1/quotes/batch`` against the same documents one by one (``serverload``);
5. memory: peak RSS of one worker, and of the whole server with 2 workers
   with and without gunicorn's preload (``bench.common.memory``);
6. the same text repeated to about 5k, 50k and 100k characters, time per
   character at each length (``lengths``);
7. textacy's ``direct_quotations`` on the same full pipeline, a peer
   reference (``inprocess``; skipped, with a note, when textacy does not import);
8. archives: ``quotes batch`` with 2 processes against the engine in one,
   and the Spark job in local mode against ``quotes batch`` (``archives``,
   also a tool of its own: ``python -m bench.speed.archives``).

``targets`` holds the targets and every ratio they judge, ``report`` draws
the table; ``__main__`` is the recipe.
"""
