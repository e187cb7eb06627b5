"""The soak: the service under sustained load of ever-new words (``make soak``, ``python -m bench.soak``).

``__main__`` is the recipe (a server, a warm-up, the load while worker
memory is sampled), ``load`` the requests (articles of words never seen
before, sent by threads), ``report`` the report (latency per slice, each
worker's memory, the targets).
"""
