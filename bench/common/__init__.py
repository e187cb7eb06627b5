"""What every tool of ``bench`` shares, so that their figures mean the same thing.

One module a job: ``stats`` (the percentile, ratios, timed passes),
``procfs`` (the one ``/proc`` reader), ``memory`` (a server's memory,
sampled while it works), ``corpus`` (texts and annotated sets, read the same
way), ``provenance`` (the machine, the versions, the code measured),
``tables`` (markdown tables and their cells), ``progress`` (what a run says
while it runs) and ``results`` (the files a run leaves). Starting the service
is ``service.web.server.serving``, which the tests use too.
"""
